"""Stage 3, validated data: schemas, CSV io, validation, loading an :class:`Edition`,
the completeness audit and the data package."""
from hemiplan.data.edition import Edition, content_hash, ensure_valid, load, load_all, table_files
from hemiplan.data.years import YearNotFoundError, available_years, default_year, resolve_year

__all__ = ["Edition", "YearNotFoundError", "available_years", "content_hash", "default_year", "ensure_valid",
           "load", "load_all", "resolve_year", "table_files"]
