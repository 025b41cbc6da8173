"""The dataset as a frictionless data package: the year's tables and the reference
tables with their schemas, described by datapackage.json and zipped for download."""
from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path

from hemiplan import paths
from hemiplan.data import schema
from hemiplan.data.edition import content_hash, table_files

ZIP_DATE = (2000, 1, 1, 0, 0, 0)  # fixed, so that the same data give the same zip


def descriptor(year: int, data_dir=None) -> dict:
    """datapackage.json for one edition (paths relative to the package root)."""
    resources = []
    for table in schema.YEAR_TABLES + schema.OPTIONAL_YEAR_TABLES + schema.REFERENCE_TABLES:
        path = schema.table_path(table, year, data_dir)
        if not path.is_file():
            continue
        folder = "reference" if table in schema.REFERENCE_TABLES else str(year)
        sch = {k: v for k, v in schema.descriptor(table).items()}
        sch["fields"] = [{k: v for k, v in f.items() if not k.startswith("hemiplan:")} for f in sch["fields"]]
        if table in ("activities", "indicators"):
            sch["foreignKeys"] = [fk for fk in sch.get("foreignKeys", [])]
        else:
            sch.pop("foreignKeys", None)
        resources.append({
            "name": table, "path": f"{folder}/{table}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": sch.pop("description", ""), "schema": sch,
        })
    return {
        "name": f"hemiplan-{year}",
        "title": f"Hemispheric Plan of Action against Transnational Organized Crime: activities reported for {year}",
        "description": ("Activities, participants, member states, partners and stated figures of the annual report "
                        "of the OAS Secretariat for Multidimensional Security, each with the quote it came from."),
        "version": content_hash(table_files(year, data_dir))[:10],
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": resources,
    }


def write_zip(year: int, dest: Path, data_dir=None) -> Path:
    """A deterministic zip: datapackage.json, the CSVs and the raw report."""
    desc = descriptor(year, data_dir)
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            def add(name: str, payload: bytes):
                info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, payload)
            add("datapackage.json", (json.dumps(desc, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
            for res in desc["resources"]:
                src = schema.table_path(res["name"], year, data_dir)
                add(res["path"], src.read_bytes())
            raw = paths.raw_report(year, data_dir)
            if raw.is_file():
                add(f"raw/{year}.txt", raw.read_bytes())
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest
