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


def _yaml_text(value: str) -> str:
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid YAML string


def citation_cff(year: int, data_dir=None) -> str:
    """CITATION.cff of one edition's data package: its title, the report year, the data
    version and licence, and the report it is drawn from (no date: the same data give
    the same file)."""
    desc = descriptor(year, data_dir)
    return "\n".join([
        "cff-version: 1.2.0",
        f"message: {_yaml_text('If you use these data, please cite them as below, with their data version.')}",
        "type: dataset",
        f"title: {_yaml_text(desc['title'])}",
        f"abstract: {_yaml_text(desc['description'])}",
        "authors:",
        f"  - name: {_yaml_text('The hemiplan project')}",
        f"version: {_yaml_text(desc['version'])}",
        f"license: {desc['licenses'][0]['name']}",
        "keywords:",
        f"  - {_yaml_text(f'report year {year}')}",
        "references:",
        "  - type: report",
        f"    title: {_yaml_text(f'Annual report on the Hemispheric Plan of Action against Transnational Organized Crime, {year}')}",
        "    authors:",
        f"      - name: {_yaml_text('OAS Secretariat for Multidimensional Security')}",
        f"    year: {int(year)}",
    ]) + "\n"


def write_zip(year: int, dest: Path, data_dir=None) -> Path:
    """A deterministic zip: datapackage.json, CITATION.cff, the CSVs and the raw report."""
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
            add("CITATION.cff", citation_cff(year, data_dir).encode("utf-8"))
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
