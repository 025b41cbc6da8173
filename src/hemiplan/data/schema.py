"""The single definition of every table: the frictionless Table Schemas in
``data/schema/<table>.schema.json``. Everything else (validation, typed loading,
the data dictionary, datapackage.json) is derived from them."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from hemiplan import paths

#: Tables of one year, in data/<year>/.
YEAR_TABLES = ("paragraphs", "activities", "indicators")
#: Optional tables of one year: numbers deliberately not recorded, with reasons;
#: translations of the activities' titles; rows the reviewer removed, with reasons; organisations
#: ingest proposes for the reference table (proposals).
OPTIONAL_YEAR_TABLES = ("unrecorded", "translations", "removed", "review_log", "proposals")
#: Reference tables, in data/reference/.
REFERENCE_TABLES = ("member_states", "organizations", "instruments", "places", "dependencies", "chapter_sections",
                    "dependency_names")
ALL_TABLES = YEAR_TABLES + OPTIONAL_YEAR_TABLES + REFERENCE_TABLES

LIST_SEPARATOR = ";"
#: The context in the catalogs of a schema's text shown to readers (a table's
#: description, a column's title or description): 'schema activities',
#: 'schema activities.title'. The catalogs extract them (``data.schemas``) and the data
#: dictionary reads them (``hemiplan.analysis.methods.schema_text``).
TEXT_CONTEXT = "schema {where}"


def schema_path(table: str) -> Path:
    return paths.SCHEMAS / f"{table}.schema.json"


@lru_cache(maxsize=None)
def descriptor(table: str) -> dict:
    """The Table Schema descriptor of a table (a fresh copy is not made: do not mutate)."""
    if table not in ALL_TABLES:
        raise KeyError(f"unknown table {table!r}; tables are {', '.join(ALL_TABLES)}")
    return json.loads(schema_path(table).read_text(encoding="utf-8"))


def fields(table: str) -> list[dict]:
    return descriptor(table)["fields"]


def columns(table: str) -> list[str]:
    return [f["name"] for f in fields(table)]


def field(table: str, name: str) -> dict:
    for f in fields(table):
        if f["name"] == name:
            return f
    raise KeyError(f"{table} has no column {name!r}")


def titles(table: str) -> dict[str, str]:
    """Reader-facing column headers."""
    return {f["name"]: f.get("title", f["name"]) for f in fields(table)}


def list_columns(table: str) -> dict[str, str]:
    """Columns holding ;-separated lists, with what their items must resolve to."""
    return {f["name"]: f["hemiplan:list_of"] for f in fields(table) if "hemiplan:list_of" in f}


def primary_key(table: str) -> str:
    return descriptor(table)["primaryKey"][0]


def vocabulary(table: str, name: str) -> list[str]:
    return list(field(table, name).get("constraints", {}).get("enum", []))


def dependencies() -> list[str]:
    """The SMS dependencies, in the order the book shows them."""
    return vocabulary("activities", "dependency")


def table_path(table: str, year: int | None = None, data_dir=None) -> Path:
    if table in YEAR_TABLES + OPTIONAL_YEAR_TABLES:
        if year is None:
            raise ValueError(f"{table} is a table of one year: give the year")
        return paths.year_dir(year, data_dir) / f"{table}.csv"
    own = paths.data_dir(data_dir) / "reference" / f"{table}.csv"
    # A data folder may carry its own copy of a reference table (a fixture does);
    # any table it lacks comes from the project's data/reference/.
    return own if own.is_file() else paths.REFERENCE / f"{table}.csv"
