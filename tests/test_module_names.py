"""Every module-level name of the package is bound once: a second ``_TELLING = ...`` further
down a module silently replaces the first for every function that reads it (this hid the
"at the behest of" rule behind the words a refusal answers)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "eventcoder"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _bound_names(tree: ast.Module) -> list[str]:
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                elts = target.elts if isinstance(target, ast.Tuple) else [target]
                names += [e.id for e in elts if isinstance(e, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_level_names_are_bound_once(path):
    names = _bound_names(ast.parse(path.read_text(encoding="utf-8")))
    twice = sorted({n for n in names if names.count(n) > 1} - {"__all__"})
    assert not twice, f"{path.name} binds {twice} more than once: rename one (the later one wins everywhere)"


def test_a_name_bound_twice_is_found():
    tree = ast.parse("_WORDS = frozenset()\ndef f():\n    return _WORDS\n_WORDS = frozenset({'x'})\n")
    names = _bound_names(tree)
    assert names.count("_WORDS") == 2
