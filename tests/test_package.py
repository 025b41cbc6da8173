"""The downloadable dataset: a zip that validates against its own datapackage.json."""
from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from frictionless import Package

from hemiplan import data
from hemiplan.data import package


def validate_zip(path: Path) -> list[str]:
    """Validate an extracted copy of the zip against its own datapackage.json."""
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(path) as zf:
            zf.extractall(tmp)
        report = Package(str(Path(tmp) / "datapackage.json")).validate()
        return [f"{task.name}: {err.message}" for task in report.tasks for err in task.errors]


def test_zip_validates_against_its_own_descriptor(tmp_path, synthetic_copy):
    z = package.write_zip(2031, tmp_path / "d.zip", synthetic_copy)
    assert validate_zip(z) == []
    with zipfile.ZipFile(z) as zf:
        names = set(zf.namelist())
    assert {"datapackage.json", "2031/activities.csv", "2031/paragraphs.csv", "reference/member_states.csv",
            "raw/2031.txt"} <= names


def test_shipped_year_zip_validates(tmp_path):
    year = data.default_year()
    assert validate_zip(package.write_zip(year, tmp_path / "d.zip")) == []


def test_zip_is_deterministic(tmp_path, synthetic_copy):
    a = package.write_zip(2031, tmp_path / "a.zip", synthetic_copy).read_bytes()
    b = package.write_zip(2031, tmp_path / "b.zip", synthetic_copy).read_bytes()
    assert a == b


def test_a_broken_zip_fails_validation(tmp_path, synthetic_copy):
    z = package.write_zip(2031, tmp_path / "d.zip", synthetic_copy)
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(z) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            payload = src.read(item.filename)
            if item.filename == "2031/activities.csv":
                payload = payload.replace(b",59,exact,", b",-59,exact,")
            dst.writestr(item, payload)
    problems = validate_zip(broken)
    assert any("activities" in p for p in problems), problems


def test_zip_carries_a_citation_with_its_data_version(tmp_path, synthetic_copy):
    import yaml

    z = package.write_zip(2031, tmp_path / "d.zip", synthetic_copy)
    with zipfile.ZipFile(z) as zf:
        cff = yaml.safe_load(zf.read("CITATION.cff").decode("utf-8"))
    desc = package.descriptor(2031, synthetic_copy)
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset" and cff["title"] == desc["title"]
    assert cff["version"] == desc["version"] and cff["license"] == "CC-BY-4.0"
    assert cff["references"][0]["year"] == 2031 and cff["authors"]


def test_the_repository_has_a_citation_file():
    import yaml

    cff = yaml.safe_load((Path(__file__).resolve().parents[1] / "CITATION.cff").read_text(encoding="utf-8"))
    assert {"cff-version", "message", "title", "authors", "version"} <= set(cff)
