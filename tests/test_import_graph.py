"""No import cycles in eventcoder/: no module imports one that imports it back, directly or through
others, counting imports inside functions as well as at module level.

Every module is parsed with ``ast`` (nothing is imported); relative imports are resolved, and
``from PACKAGE import name`` counts as an import of the module ``PACKAGE.name`` when there is
one, else of the package itself (its ``__init__``)."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "eventcoder"

#: Cycles known and left for now, each with who fixes it. Keep empty when possible.
KNOWN: set[frozenset[str]] = set()


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module for alias in node.names]
        else:
            continue
        for target in targets:
            # "import eventcoder.a.b" imports eventcoder.a.b (the longest known prefix)
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each group of modules that import each other (strongly connected
    components of more than one module), as a path ``a -> b -> ... -> a``."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(start: str) -> None:  # Tarjan's algorithm, iterative (no recursion limit)
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)

    for name in sorted(edges):
        if name not in index:
            visit(name)
    return [_path_within(group, edges) for group in groups]


def _path_within(group: set[str], edges: dict[str, set[str]]) -> list[str]:
    """A shortest cycle through the group's first module, staying inside the group."""
    first = min(group)
    paths = {first: [first]}
    queue = [first]
    while queue:
        node = queue.pop(0)
        for child in sorted(edges[node] & group):
            if child == first:
                return paths[node] + [first]
            if child not in paths:
                paths[child] = paths[node] + [child]
                queue.append(child)
    raise AssertionError(f"no cycle through {first}")


def test_the_graph_sees_every_kind_of_import():
    edges = graph()
    assert "eventcoder.readers" in edges["eventcoder.run"]  # module level, relative
    assert "eventcoder.engines.dask_engine" in edges["eventcoder.run"]  # inside a function
    assert "eventcoder.errors" in edges["eventcoder.engines.dask_engine"]  # from ..errors import ...
    assert "eventcoder.engines" in edges["eventcoder.engines.dask_engine"]  # from . import resolve_workers
    assert "eventcoder.dictionaries.petrarch" in edges["eventcoder.dictionaries.native"]  # lazy, one way


def test_cycles_are_found_and_printed():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e2"}, "e2": {"e"}}
    assert sorted(cycles(edges)) == [["a", "b", "c", "a"], ["e", "e2", "e"]]


def test_no_import_cycles():
    found = [c for c in cycles(graph()) if frozenset(c) not in KNOWN]
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(c) for c in found)
