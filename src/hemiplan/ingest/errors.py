"""The one error of ingest."""


class IngestError(RuntimeError):
    """Ingest cannot go on; nothing was written."""
