"""What a build is made of: jobs (one notebook to execute each), the plan that lists
them, and the error every build step raises. Every other build module imports these;
this one imports none of them."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hemiplan.data import Edition


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
    the member-state profiles) that the book lists them in; the edition, loaded,
    validated and hashed once by the planning and handed on to every later step; and
    what the steps record on the way: the digest of the inputs of the assembled tree,
    the Jupyter Book output waiting to be published, the PDFs' figures, and whether
    the edition was published. Each language of an edition is a plan of its own
    (``language``), with the texts the build writes around its pages in that language
    (``texts``: title, author, footer, banner) and its landing-page record (``meta``),
    both made by the planning, in the main thread, in the plan's language. ``base_url``
    is the site's public address, and ``pdf`` whether the PDFs are printed."""
    year: int
    data_dir: Path
    jobs: list[Job]
    toc: dict
    data_hash: str
    edition: Edition | None = None
    drafts: int = 0
    inputs: str = ""
    html: Path | None = None
    pdfs: dict = field(default_factory=lambda: {"printed": 0, "cached": 0, "seconds": 0.0})
    published: bool = False
    language: str = "en"
    texts: dict = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    languages: tuple = ("en",)   # the languages of the build, which the language switch links
    base_url: str = ""           # the site's public address ('' for none; see hemiplan.build.public)
    pdf: bool = True             # whether the build prints the edition's PDFs (--no-pdf: not)

    @property
    def key(self) -> tuple[int, str]:
        """(year, language): what identifies an edition's plan among a build's."""
        return self.year, self.language
