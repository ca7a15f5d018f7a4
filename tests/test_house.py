"""The layout a newcomer reads: imports without cycles, and a README table that matches."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT, parse_python

QA = ROOT / "qa"


def _modules() -> dict[str, set[str]]:
    """Each module of qa/ and the qa modules it imports."""
    names = {}
    for path in QA.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        deps = set()
        for node in ast.walk(parse_python(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module in names:
                deps.add(node.module)
                deps.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
        graph[name] = {d for d in deps if d in names and d not in ("qa", name)}
    return graph


def test_imports_have_no_cycle():
    graph = _modules()
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*path, dep]))
            if dep not in state:
                visit(dep, [*path, dep])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_the_readme_module_table_names_every_module():
    readme = (ROOT / "README.md").read_text("utf-8")
    table = readme[readme.index("## How it works") : readme.index("Each passage is embedded")]
    for path in QA.rglob("*.py"):
        rel = path.relative_to(QA)
        if rel.name == "__init__.py" and len(rel.parts) > 1 and rel.parent.name != "answer":
            continue  # a package's __init__ only says what the package is
        if rel.name == "__init__.py" and len(rel.parts) == 1:
            continue
        folder = f"`{rel.parts[0]}/`" if len(rel.parts) > 1 else None
        assert f"`{rel.name}`" in table, f"the README's module table does not name {rel}"
        if folder:
            assert folder in table, f"the README's module table does not name {folder}"
    assert not re.search(r"`index\.py`", table)
