"""The one error every reader raises: the file cannot be read as a report."""
from __future__ import annotations


class ReportReadError(ValueError):
    """The report file cannot be read as a report; the message names the file (and the
    page, for a PDF) and says what to do."""
