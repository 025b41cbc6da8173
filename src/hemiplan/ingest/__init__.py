"""Stage 2, structure → draft rows: a report becomes data/raw/<year>.txt and
data/<year>/paragraphs.csv, with draft activities.csv and indicators.csv for a person
to review.

    python -m hemiplan ingest REPORT --year Y [--data-dir D] [--force] [--language CODE]

In order, computing everything before writing anything (:mod:`.pipeline`):

1. reads the report (.txt, .docx or .pdf: :mod:`hemiplan.reading.readers`) and checks
   ``data/raw/<Y>.txt``: the raw report is never edited, so an existing file with
   different content stops ingest (``--force`` replaces it) (:mod:`.source`); detects the
   report's language, or takes ``--language``, and refuses a language it cannot read
   (:mod:`.language`); a report in another language than English is read with the words
   of its lexicon, ``data/reference/lexicon.csv`` (:mod:`.cues`,
   :mod:`hemiplan.reading.lexical`);
2. splits the text into paragraphs and finds the member states of the year and the SMS
   dependencies each mentions (:mod:`.paragraphs`);
3. drafts activities (participant counts, event counts, activity sentences) and
   indicators (every other stated figure, stated totals and their per-country items)
   from each sentence, every row carrying the sentence it came from as its ``quote``
   (:mod:`.draft`, :mod:`.rules`), with when it was held, its host apart from the
   states whose people took part, multinational attendance, joint work and the basis
   of its counts, each judgement written in the row's ``note`` (:mod:`.setting`);
4. merges with the existing tables: rows a person marked ``reviewed`` are kept as they
   are (ids too), drafts get ids that do not collide, a draft whose figure a reviewed
   row already quotes is not drafted again, nor one the reviewer removed
   (``removed.csv``, written by ``hemiplan remove``: :mod:`.remove`) or whose numbers
   ``unrecorded.csv`` lists as not data (:mod:`.removed`), and the hand-reviewed
   ``countries``/``dependencies`` of an unchanged paragraph are kept (:mod:`.merge`);
5. holding the year's lock throughout, checks that the result validates (in a
   temporary copy) and that the year's files are still those it read, then writes every
   file at once (staged, then swapped in under a journal; a failure rolls back, and a
   kill is finished by the next writer or ``hemiplan validate``) (:mod:`.guard`,
   :mod:`.write`) and prints a review summary (:mod:`.review`).

Re-running ingest never loses a person's work. How well the drafts match a curated
year: ``python -m hemiplan.ingest.accuracy`` (with :mod:`.held_accuracy` and
:mod:`.field_accuracy`).
"""
from hemiplan.ingest.cli import add_parser
from hemiplan.ingest.errors import IngestError
from hemiplan.ingest.merge import draft_tables
from hemiplan.ingest.paragraphs import members_in_year, paragraphs_table
from hemiplan.ingest.pipeline import Plan, ingest, plan
from hemiplan.ingest.review import summary
from hemiplan.ingest.write import table_text

__all__ = ["IngestError", "Plan", "add_parser", "draft_tables", "ingest", "members_in_year", "paragraphs_table",
           "plan", "summary", "table_text"]
