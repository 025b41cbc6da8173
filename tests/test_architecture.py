"""The package's shape: stages import only down the flow, no circles, no logic hidden
in function-level imports, small modules and functions (README, "Architecture")."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hemiplan import paths

PACKAGE = paths.ROOT / "src" / "hemiplan"

#: What each stage may import of hemiplan's (besides itself). The foundation modules
#: (paths, language) import nothing of ours; vocabulary only language.
ALLOWED = {
    "paths": set(),
    "language": set(),
    "vocabulary": {"language"},
    "reading": {"paths", "language", "vocabulary"},
    "data": {"paths", "language", "vocabulary", "reading"},
    "ingest": {"paths", "language", "vocabulary", "reading", "data"},
    "analysis": {"paths", "language", "vocabulary", "reading", "data"},
    "present": {"paths", "language", "vocabulary", "reading", "data", "analysis"},
    "build": {"paths", "language", "vocabulary", "reading", "data", "analysis", "present"},
    # the review workbench (issue 22): a local web app over a year's drafts
    "workbench": {"paths", "language", "vocabulary", "reading", "data", "ingest", "analysis", "present"},
    "cli": {"paths", "language", "vocabulary", "reading", "data", "ingest", "analysis", "present", "build",
            "workbench"},
    "__main__": {"cli"},
    "__init__": set(),
}

#: Heavy or optional dependencies that a module may import inside a function, so that
#: importing the module stays cheap (each such import also carries a comment).
DEFERRABLE = {"docx", "pdfplumber", "papermill", "playwright", "frictionless", "jupyter_book", "sphinx",
              "hemiplan.build.kernels", "hemiplan.workbench", "flask"}

MAX_MODULE_LINES = 520
MAX_FUNCTION_LINES = 65


def stage_of(module: str) -> str:
    """'hemiplan.data.csvio' → 'data'; 'hemiplan.paths' → 'paths'."""
    return module.split(".")[1] if module.count(".") >= 1 else "__init__"


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def deferred_imports(tree: ast.AST) -> set[int]:
    """ids of the import statements that sit inside a function."""
    inside = set()
    for fn in ast.walk(tree):
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside.update(id(n) for n in ast.walk(fn) if isinstance(n, (ast.Import, ast.ImportFrom)))
    return inside


def our_imports(tree: ast.AST):
    """(line, imported hemiplan module, inside a function?) for every import of ours."""
    inside = deferred_imports(tree)
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"line {node.lineno}: relative import; write it as an absolute import"
            if node.module and node.module.split(".")[0] == "hemiplan":
                names = [node.module if node.module != "hemiplan" else f"hemiplan.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.split(".")[0] == "hemiplan"]
        for name in names:
            yield node.lineno, name, id(node) in inside


def all_imports(tree: ast.AST):
    """(line, top-level module, inside a function?) for every import."""
    inside = deferred_imports(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:  # 'from hemiplan.build import kernels' is hemiplan.build.kernels
                yield node.lineno, f"{node.module}.{a.name}", id(node) in inside
        elif isinstance(node, ast.Import):
            for a in node.names:
                yield node.lineno, a.name, id(node) in inside


def direction_problems(path: Path, source: str) -> list[str]:
    """Every import of ``path`` that points up the flow or is deferred without need."""
    me = module_name(path)
    stage = stage_of(me) if me != "hemiplan" else "__init__"
    problems = []
    tree = ast.parse(source)
    for line, target, _ in our_imports(tree):
        other = stage_of(target)
        if other == stage:
            continue
        if other not in ALLOWED.get(stage, set()):
            problems.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {me} ({stage}) imports {target} ({other}); "
                            f"{stage} may import only {sorted(ALLOWED.get(stage, set())) or 'nothing of hemiplan'}")
    lines = source.splitlines()
    for line, target, deferred in all_imports(tree):
        if not deferred:
            continue
        if not any(target == d or target.startswith(d + ".") for d in DEFERRABLE):
            problems.append(f"{path.relative_to(PACKAGE.parent)}:{line}: import of {target} inside a function; "
                            "imports go at the top (only heavy optional dependencies may be deferred)")
        elif not any("#" in text for text in lines[max(0, line - 4):line]):
            problems.append(f"{path.relative_to(PACKAGE.parent)}:{line}: deferred import of {target} without a comment saying why")
    return problems


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_imports_point_down_the_flow(path):
    assert direction_problems(path, path.read_text(encoding="utf-8")) == []


def test_a_wrong_import_is_named():
    """The check itself fails on an upward import, naming file, line and rule."""
    fake = PACKAGE / "analysis" / "example.py"
    problems = direction_problems(fake, "from hemiplan.present import book\n")
    assert problems == ["hemiplan/analysis/example.py:1: hemiplan.analysis.example (analysis) imports "
                        "hemiplan.present (present); analysis may import only ['data', 'language', 'paths', 'reading', 'vocabulary']"]
    assert direction_problems(PACKAGE / "reading" / "x.py", "def f():\n    import pandas\n")


def test_no_import_circles():
    graph: dict[str, set[str]] = {}
    for path in MODULES:
        me = module_name(path)
        graph[me] = {t for _, t, deferred in our_imports(ast.parse(path.read_text(encoding="utf-8"))) if not deferred}
    known = set(graph)

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    edges = {m: {r for t in ts if (r := resolve(t)) and r != m and not m.startswith(r + ".") and r != "hemiplan"}
             for m, ts in graph.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str):
        state[m] = 1
        stack.append(m)
        for n in sorted(edges.get(m, ())):
            if state.get(n) == 1:
                raise AssertionError("import circle: " + " → ".join(stack[stack.index(n):] + [n]))
            if n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(edges):
        if m not in state:
            visit(m)


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_modules_and_functions_stay_small(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, f"{path.name}: {len(source.splitlines())} lines"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, f"{path.name}: {node.name} is {length} lines"


def test_package_faces_hold_no_logic():
    for init in PACKAGE.rglob("__init__.py"):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        defs = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
        assert not defs, f"{init.relative_to(PACKAGE.parent)} defines {defs}: logic belongs in a module"
