"""What a build is made of: jobs (one notebook to execute each), the plan that lists
them, and the error every build step raises. Every other build module imports these;
this one imports none of them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class BuildError(RuntimeError):
    """A build step failed; the message names what failed (notebook and cell, file)."""


@dataclass
class Job:
    """One notebook to execute: a chapter (or the profile template for one state)."""
    source: Path              # committed notebook
    target: str               # path inside the build tree, e.g. chapters/training.ipynb
    parameters: dict
    title: str = ""           # replaces the H1 of the executed copy (profiles)
    key: str = ""
    inputs: dict = field(default_factory=dict)
    cached: bool = False
    seconds: float = 0.0

    @property
    def name(self) -> str:
        return self.target.removesuffix(".ipynb")


@dataclass
class Plan:
    """What a build of one year executes: the jobs and the table of contents (with
    the member-state profiles) that the book lists them in."""
    year: int
    data_dir: Path
    jobs: list[Job]
    toc: dict
    data_hash: str
    extra: dict = field(default_factory=dict)
