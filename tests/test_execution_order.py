"""The order in which the pool executes the jobs of several editions and languages
(hemiplan.build.execution.execution_order): edition by edition, the languages of an
edition in turn, cached jobs left out."""
from __future__ import annotations

from pathlib import Path

from hemiplan.build.execution import execution_order
from hemiplan.build.jobs import Job, Plan


def _plan(year: int, lang: str, names: list[str], cached: tuple[str, ...] = ()) -> Plan:
    jobs = [Job(Path(f"{n}.ipynb"), f"chapters/{n}.ipynb", {"year": year, "language": lang},
                key=f"{year}-{lang}-{n}", cached=n in cached) for n in names]
    return Plan(year=year, data_dir=Path("data"), jobs=jobs, toc={}, data_hash="", language=lang)


def test_the_languages_of_an_edition_take_turns_and_editions_follow_each_other():
    plans = [_plan(2030, "en", ["a", "b", "c"]), _plan(2030, "es", ["a", "b"]),
             _plan(2031, "en", ["a"]), _plan(2031, "es", ["a", "b"], cached=("a",))]
    assert [j.key for j in execution_order(plans)] == [
        "2030-en-a", "2030-es-a", "2030-en-b", "2030-es-b", "2030-en-c", "2031-en-a", "2031-es-b"]


def test_an_edition_given_after_a_later_one_keeps_the_order_of_the_plans():
    plans = [_plan(2031, "en", ["a"]), _plan(2030, "en", ["a"]), _plan(2031, "es", ["a"])]
    assert [j.key for j in execution_order(plans)] == ["2031-en-a", "2031-es-a", "2030-en-a"]


def test_nothing_to_execute_when_everything_is_cached():
    assert execution_order([_plan(2030, "en", ["a"], cached=("a",))]) == []
