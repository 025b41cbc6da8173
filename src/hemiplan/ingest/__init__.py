"""Stage 2, structure → draft rows: drafting heuristics, merging with reviewed rows,
the transactional write and the review summary."""
from hemiplan.ingest.pipeline import (IngestError, Plan, _table_text, add_parser, commit, draft, draft_tables, ingest,
                                      members_in_year, paragraphs_table, parse_year, plan, run_cli, summary)
