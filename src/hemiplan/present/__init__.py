"""Stage 5, presentation: house style, figures, maps, tables, wording, the notebook-facing
``book`` API, the source text and provenance links. Never imports ``build``."""
