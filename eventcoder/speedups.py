"""Which of eventcoder's modules run compiled (Cython), and whether those builds are current.

The coding stage (tokens, actors, events, ...) is plain Python that Cython compiles at install
time (``hatch_build.py``); the ``.pxd`` files beside the modules declare the parse's token type and
the tree walks as C-level. Without a compiler the same Python runs, with the same events, about
1.8 times slower (docs/performance.md). A build records the SHA-256 of the sources it was made
from, so that an edited ``.py`` with an old extension beside it (which Python would import
instead) is reported, not used silently: ``status()``, ``describe()``; ``python hatch_build.py``
(``make compile``) rebuilds.

This module imports nothing of eventcoder's, so that the build hook can load it by path.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
# Modules compiled by hatch_build.py, relative to the project (or site-packages) root.
MODULES = (
    "eventcoder/tokens.py",
    "eventcoder/actors.py",
    "eventcoder/events.py",
    "eventcoder/pipeline.py",
    "eventcoder/dates.py",
    "eventcoder/records.py",
    "eventcoder/nominal.py",
    "eventcoder/country_inference.py",
    "eventcoder/dictionaries/compile.py",
)
MANIFEST = "eventcoder/_compiled.json"


def sources_digest(root: Path) -> dict[str, str]:
    """SHA-256 of each compiled module's .py and .pxd under ``root`` (what a build depends on)."""
    out = {}
    for module in MODULES:
        py = root / module
        for path in (py, py.with_suffix(".pxd")):
            if path.is_file():
                out[path.relative_to(root).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def extension_files(root: Path) -> list[Path]:
    """The compiled extension modules present beside the sources under ``root``."""
    found = []
    for module in MODULES:
        py = root / module
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            candidate = py.with_name(py.stem + suffix)
            if candidate.is_file():
                found.append(candidate)
                break
    return found


def status(root: Path | None = None) -> dict:
    """``{"compiled": [...], "plain": [...], "stale": [...]}``: module names by how they run.
    ``stale`` lists compiled modules whose sources changed since they were built."""
    root = root or PACKAGE.parent
    built = {p.parent / (p.name.split(".")[0] + ".py") for p in extension_files(root)}
    manifest = root / MANIFEST
    recorded = json.loads(manifest.read_text()).get("sources", {}) if manifest.is_file() else {}
    current = sources_digest(root)
    out: dict[str, list[str]] = {"compiled": [], "plain": [], "stale": []}
    for module in MODULES:
        name = module[:-3].replace("/", ".")
        if root / module not in built:
            out["plain"].append(name)
            continue
        out["compiled"].append(name)
        pxd = module[:-3] + ".pxd"
        if any(recorded.get(key) != current.get(key) for key in (module, pxd)):
            out["stale"].append(name)
    return out


def describe(root: Path | None = None) -> str:
    """One line for reports: "compiled (7 modules)", "plain Python", or what is stale."""
    s = status(root)
    if s["stale"]:
        return f"STALE compiled modules: {', '.join(s['stale'])} (run: python hatch_build.py)"
    if not s["compiled"]:
        return "plain Python (not compiled)"
    if s["plain"]:
        return f"compiled {len(s['compiled'])} of {len(MODULES)} modules (plain: {', '.join(s['plain'])})"
    return f"compiled ({len(s['compiled'])} modules, Cython)"
