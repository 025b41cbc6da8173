"""The deploy workflow (.github/workflows/pages.yml, issue 23 item 5) runs the README's
commands: the two commands of "The two commands" and the block of "Publishing", parsed
from the README, are the workflow's own steps, in that order; it deploys _build/html
with the official Pages actions, hands the Pages address to the build under the name
the build reads, and on a version tag attaches every edition's site, data package and
PDFs with their SHA-256 checksums to a release."""
from __future__ import annotations

import re

import yaml

from hemiplan.build import planning

from .conftest import PROJECT

WORKFLOW = PROJECT / ".github" / "workflows" / "pages.yml"


def readme_block(heading: str) -> list[str]:
    """The commands of the first ```bash block under a README heading (comments dropped)."""
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.split("#", 1)[0].strip()]


def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def run_steps(job: dict) -> list[str]:
    return [line.strip() for step in job["steps"] if "run" in step for line in step["run"].splitlines() if line.strip()]


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_the_workflow_runs_the_readmes_commands():
    two = readme_block("The two commands")
    publishing = readme_block("Publishing")
    assert sorted(two) == ["make book", "make test"] and publishing == ["make test", "make book"]
    build = workflow()["jobs"]["build"]
    commands = [c for c in run_steps(build) if c.startswith("make ")]
    assert commands == publishing, f"the workflow runs {commands}, the README says {publishing}"


def test_it_deploys_the_site_with_the_official_pages_actions():
    wf = workflow()
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    assert uses(build)[:2] == ["actions/checkout", "actions/configure-pages"]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "_build/html"
    assert uses(deploy) == ["actions/deploy-pages"] and deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert wf["permissions"]["pages"] == "write" and wf["permissions"]["id-token"] == "write"
    # True is what YAML 1.1 makes of the key "on"
    on = wf.get("on", wf.get(True))
    assert on["push"]["branches"] == ["main"] and on["push"]["tags"] == ["v*"]


def test_the_build_gets_the_pages_address_under_the_name_it_reads():
    build = workflow()["jobs"]["build"]
    step = next(s for s in build["steps"] if s.get("run", "").strip() == "make book")
    assert planning.BASE_URL_ENV in step["env"]
    assert "steps.pages.outputs.base_url" in step["env"][planning.BASE_URL_ENV]
    assert next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages"))["id"] == "pages"
    # make book runs hemiplan build, which reads the environment (no --base-url to lose it)
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    book = makefile.split("\nbook:", 1)[1].split("\n\n", 1)[0]
    assert "-m hemiplan build" in book and "--base-url" not in book


def test_a_version_tag_releases_every_edition_with_checksums():
    wf = workflow()
    build, release = wf["jobs"]["build"], wf["jobs"]["release"]
    script = next(s["run"] for s in build["steps"] if s.get("name") == "Release files, per edition")
    for made in ("hemiplan-$year-site.tar.gz", "hemiplan-$year-data.zip", "hemiplan-$year-en.pdf",
                 "hemiplan-$year-es.pdf", "sha256sum hemiplan-* > SHA256SUMS"):
        assert made in script, made
    assert "refs/tags/v" in release["if"] and release["permissions"]["contents"] == "write"
    assert "sha256sum -c SHA256SUMS" in run_steps(release)[-1]
    gh = next(s for s in release["steps"] if s.get("uses", "").startswith("softprops/action-gh-release"))
    assert gh["with"]["files"] == "release/*"
