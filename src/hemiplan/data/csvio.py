"""Reading and writing the project's CSV tables: UTF-8, header row, every cell read
as text first (no NA guessing), typed afterwards from the schema; writes are atomic."""
from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

import pandas as pd

from hemiplan.data import schema


def read_text_table(path: Path) -> pd.DataFrame:
    """A CSV as strings, empty cells as ''."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[], encoding="utf-8")


def typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Convert the text columns of a table to the types its schema declares."""
    out = df.copy()
    for f in schema.fields(table):
        name, kind = f["name"], f["type"]
        if name not in out.columns:
            continue
        col = out[name].astype(str).str.strip()
        if kind == "integer":
            out[name] = pd.to_numeric(col.replace("", None), errors="raise").astype("Int64")
        elif kind == "number":
            out[name] = pd.to_numeric(col.replace("", None), errors="raise").astype("Float64")
        elif kind == "boolean":
            out[name] = col.str.lower().isin(["true", "1", "yes"])
    return out


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write a file so that a crash leaves either the old or the new content, never half."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # as an ordinary file would be, not mkstemp's 0600
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def invisible(text) -> list[tuple[int, str]]:
    """(position, character) of each character a table or a report never holds: control
    characters (tab and line ends aside) and invisible format characters (bidirectional
    controls such as U+202E, zero-width spaces and joiners, a byte order mark inside)."""
    if not isinstance(text, str):
        return []
    return [(i, c) for i, c in enumerate(text) if c not in "\t\n\r" and unicodedata.category(c) in ("Cc", "Cf")]


#: The names of the C0 control characters and DEL (unicodedata has none for them).
_CONTROL_NAMES = dict(enumerate(
    "NULL,START OF HEADING,START OF TEXT,END OF TEXT,END OF TRANSMISSION,ENQUIRY,ACKNOWLEDGE,BELL,BACKSPACE,"
    "CHARACTER TABULATION,LINE FEED,LINE TABULATION,FORM FEED,CARRIAGE RETURN,SHIFT OUT,SHIFT IN,"
    "DATA LINK ESCAPE,DEVICE CONTROL ONE,DEVICE CONTROL TWO,DEVICE CONTROL THREE,DEVICE CONTROL FOUR,"
    "NEGATIVE ACKNOWLEDGE,SYNCHRONOUS IDLE,END OF TRANSMISSION BLOCK,CANCEL,END OF MEDIUM,SUBSTITUTE,ESCAPE,"
    "INFORMATION SEPARATOR FOUR,INFORMATION SEPARATOR THREE,INFORMATION SEPARATOR TWO,"
    "INFORMATION SEPARATOR ONE".split(","))) | {0x7F: "DELETE"}


def char_name(ch: str) -> str:
    """'U+001B (ESCAPE)', 'U+202E (RIGHT-TO-LEFT OVERRIDE)'."""
    return f"U+{ord(ch):04X} ({unicodedata.name(ch, None) or _CONTROL_NAMES.get(ord(ch), 'a control character')})"


def split_list(cell) -> list[str]:
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return []
    return [x.strip() for x in str(cell).split(schema.LIST_SEPARATOR) if x.strip()]


def join_list(items) -> str:
    return schema.LIST_SEPARATOR.join(sorted({str(i) for i in items if str(i)}))
