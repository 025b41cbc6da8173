"""Which language a report is written in, and whether ingest can read it.

The language is detected offline by py3langid (a naive Bayes model over byte n-grams
that ships inside the package: nothing is downloaded), on the whole text of the
report; ``--language`` overrides it. Ingest reads English and every language of
``data/reference/lexicon.csv``; a report in any other language is refused, naming the
language found, before anything is written.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pycountry
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from hemiplan.ingest.errors import IngestError
from hemiplan.reading import lexicon


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    """The identifier, its model (a few MB, shipped in the package) loaded once, when
    the first report is read."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the language of ``text``."""
    code, probability = _identifier().classify(text or "")
    return str(code), float(probability)


def name(code: str) -> str:
    """'Spanish' for 'es'; the code itself when pycountry does not know it."""
    found = pycountry.languages.get(alpha_2=code)
    return found.name if found is not None else code


def choose(text: str, override: str | None = None, source: str = "the report",
           reference_dir: Path | None = None) -> str:
    """The language to read ``text`` in: ``override`` if given, else the one
    detected; IngestError (naming it) when ingest cannot read it."""
    readable = lexicon.readable(reference_dir)
    known = ", ".join(f"{name(c)} ({c})" for c in readable)
    if override:
        code = override.strip().lower()
        if code not in readable:
            raise IngestError(f"--language {override}: ingest reads {known} only")
        return code
    code, probability = detect(text)
    if code not in readable:
        raise IngestError(f"{source} is written in {name(code)} ({code}, detected with probability "
                          f"{probability:.2f}); ingest reads {known} only. If the detection is wrong, "
                          f"pass --language.")
    return code
