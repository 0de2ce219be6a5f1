"""The compiled coding stage (hatch_build.py, eventcoder/*.pxd): in use where it can be, never
stale, and coding exactly what the plain Python modules code."""

from __future__ import annotations

import importlib
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, needs_model

from eventcoder import speedups

CAN_COMPILE = shutil.which(os.environ.get("CC", "cc")) is not None or shutil.which("gcc") is not None
PURE = os.environ.get("EVENTCODER_PURE_PYTHON", "").strip() not in ("", "0")


def test_no_compiled_module_is_older_than_its_source():
    stale = speedups.status()["stale"]
    assert not stale, (
        f"compiled modules {stale} were built from other sources than the .py/.pxd beside them; "
        "Python would import the old build. Run: python hatch_build.py (make test does)"
    )


@pytest.mark.skipif(not CAN_COMPILE or PURE, reason="no C compiler here, or EVENTCODER_PURE_PYTHON is set: plain Python runs")
def test_the_coding_stage_runs_compiled_where_a_compiler_is_available():
    status = speedups.status()
    assert status["plain"] == [], f"not compiled: {status['plain']} (run: python hatch_build.py -v to see why)"
    for name in status["compiled"]:
        origin = importlib.import_module(name).__file__
        assert origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)), f"{name} imported from {origin}"
    assert speedups.describe().startswith("compiled")


def test_status_reports_stale_and_plain_modules(tmp_path):
    """A copy of the package: no extensions -> plain; an extension and a manifest that no longer
    matches the source -> stale."""
    pkg = tmp_path / "eventcoder"
    for module in speedups.MODULES:
        dest = tmp_path / module
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / module, dest)
    assert speedups.status(tmp_path)["plain"] == [m[:-3].replace("/", ".") for m in speedups.MODULES]
    assert speedups.describe(tmp_path) == "plain Python (not compiled)"
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    (pkg / f"tokens{suffix}").write_bytes(b"")
    (pkg / "_compiled.json").write_text(json.dumps({"sources": speedups.sources_digest(tmp_path)}))
    assert speedups.status(tmp_path)["stale"] == []
    (pkg / "tokens.py").write_text((pkg / "tokens.py").read_text() + "\n# edited\n")
    assert speedups.status(tmp_path)["stale"] == ["eventcoder.tokens"]
    assert "STALE" in speedups.describe(tmp_path)


_CODE_EXAMPLES = """
import json, sys
from eventcoder import speedups
from eventcoder.pipeline import Coder
from eventcoder.readers import read_stories
coder = Coder()
out = [
    [e.event_id, e.source, e.target, e.event_code, str(e.date), e.source_text, e.target_text, e.pattern]
    for _, events in coder.code_stories(read_stories([sys.argv[1]])) for e in events
]
print(json.dumps({"how": speedups.describe(), "events": out}))
"""


def _code_examples(python_path: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(python_path))
    done = subprocess.run(
        [sys.executable, "-c", _CODE_EXAMPLES, str(ROOT / "examples" / "stories.jsonl")],
        cwd=python_path, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@needs_model
@pytest.mark.slow
def test_plain_python_and_compiled_code_the_same_events(tmp_path):
    """The example stories through the package as installed (compiled where possible) and
    through a copy of its Python sources alone."""
    shutil.copytree(
        ROOT / "eventcoder", tmp_path / "eventcoder",
        ignore=shutil.ignore_patterns("*.so", "*.pyd", "*.c", "_compiled.json", "__pycache__"),
    )
    (tmp_path / "dictionaries").symlink_to(ROOT / "dictionaries")
    plain = _code_examples(tmp_path)
    assert plain["how"] == "plain Python (not compiled)"
    installed = _code_examples(ROOT)
    assert plain["events"], "the examples gave no events"
    assert installed["events"] == plain["events"]
