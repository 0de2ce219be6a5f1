"""Every full article of the real-news benchmark corpus codes without an error.

The gold files hold one sentence with its context; a story of many sentences is coded sentence
by sentence while only the current one is parsed into the compiled token table, so a rule that
reads past its sentence's end fails on articles only (a crash the gold never showed)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import needs_model

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "corpora" / "news-articles.jsonl"


@needs_model
def test_every_benchmark_article_codes(bundled_coder):
    stories = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
    assert len(stories) > 300
    total = 0
    for story in stories:
        day = dt.date.fromisoformat(story["date"]) if story.get("date") else None
        events = bundled_coder.code_text(story["text"], date=day, story_id=story["id"])
        assert all(e.source and e.event_code for e in events), story["id"]
        total += len(events)
    assert total > 500, total
