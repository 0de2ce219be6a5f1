"""The held-out blind batches (benchmarks/gold_batches/heldout/) are valid gold, and no article
of theirs is in the dev or the frozen test file (the split is by article)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.gold import load_gold

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = sorted((ROOT / "benchmarks" / "gold_batches" / "heldout").glob("*.jsonl"))


def _urls(path: Path) -> set[str]:
    return {json.loads(line)["url"] for line in path.open(encoding="utf-8") if line.strip()}


@pytest.mark.parametrize("path", HELDOUT, ids=lambda p: p.name)
def test_heldout_batch_is_valid_gold_from_new_articles(path):
    records = load_gold(path)
    assert len(records) >= 60
    assert all(r.id and r.text for r in records)
    used = _urls(ROOT / "tests" / "gold" / "news-dev.jsonl") | _urls(ROOT / "tests" / "gold" / "news-test.jsonl")
    assert not _urls(path) & used
