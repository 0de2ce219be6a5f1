"""The bundled example corpus, coded with the bundled dictionaries and the model."""

from __future__ import annotations

import pytest

from conftest import ROOT, needs_model
from eventcoder.readers import read_stories


@pytest.fixture(scope="module")
def coded(bundled_coder):
    stories = [s for s in read_stories([str(ROOT / "examples" / "stories.jsonl")])]
    return stories, [(story, events) for story, events in bundled_coder.code_stories(stories)]


@needs_model
def test_examples_exercise_every_cameo_root(coded):
    _, results = coded
    roots = {e.root_code for _, events in results for e in events}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


@needs_model
def test_date_bounded_leaders_in_the_examples(coded):
    _, results = coded
    seen = {(story.date.year, e.source) for story, events in results for e in events
            if "Obama" in e.source_text or "Merkel" in e.source_text}
    assert (2016, "USAGOV") in seen and (2019, "USAELI") in seen
    assert (2018, "DEUGOV") in seen and (2023, "DEUELI") in seen
    assert (2016, "USAELI") not in seen and (2023, "DEUGOV") not in seen


@needs_model
def test_no_event_after_its_story_and_ids_are_stable(coded, bundled_coder):
    stories, results = coded
    events = [e for _, evs in results for e in evs]
    assert all(e.date <= e.story_date for e in events)
    ids = [e.event_id for e in events]
    assert len(ids) == len(set(ids))
    again = [e.event_id for _, evs in bundled_coder.code_stories(stories) for e in evs]
    assert again == ids
