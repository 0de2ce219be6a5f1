"""Mechanisms real news needs (issue 10, thirtieth round, found in news-dev after the held-out
round s49 joined it). Example tests beside Hypothesis properties."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from conftest import needs_model
from test_news_mechanisms_11 import SETTINGS
from test_news_mechanisms_27 import _code

DAY = dt.date(2015, 8, 20)


def _story(coder, text: str, context: str = "", url: str | None = None) -> set:
    return {(e.source, e.event_code, e.target)
            for e in coder.code_text(text, date=DAY, context=context or None, url=url)}


# "the North" and "the South" name the halves of a divided country the story is about: the half
# it named, the other half, and both when only its headline (the url's words) names one.
DIVIDED = [
    # (context, url, text, event)
    ("North Korea fired a missile on Monday.", None, "The North accused the South of shelling the island.",
     ("PRK", "1123", "KOR")),
    ("South Korea held military drills on Monday.", None, "The North accused the South of shelling the island.",
     ("PRK", "1123", "KOR")),
    ("South Korea held military drills on Monday.", None, "The North rejected the South's proposal.",
     ("PRK", "120", "KOR")),
    ("", "https://example.com/news/north-korea-fires-missile-over-japan/",
     "The North accused the United States of planning an invasion.", ("PRK", "1123", "USA")),
    ("", "https://example.com/news/north-korea-shells-island/", "The South accused the North of shelling the island.",
     ("KOR", "1123", "PRK")),
]


@needs_model
@SETTINGS
@given(case=st.sampled_from(DIVIDED))
def test_the_north_and_the_south_are_the_halves_of_the_divided_country_of_the_story(bundled_coder, case):
    context, url, text, event = case
    events = _story(bundled_coder, text, context, url)
    assert event in events, (case, events)


@needs_model
def test_without_a_divided_country_the_north_names_no_one(bundled_coder):
    text = "The North accused the United States of planning an invasion."
    assert _story(bundled_coder, text) == set()
    # halves of one country ("South Waziristan", "North Waziristan": Pakistan) divide no country
    assert _story(bundled_coder, text, url="https://example.com/news/south-waziristan-attack/") == set()
    assert _story(bundled_coder, text, "Pakistani troops attacked militants in South Waziristan.") == set()


@needs_model
@SETTINGS
@given(named=st.sampled_from(["North Korea", "South Korea"]), place=st.sampled_from(["", " near the border"]))
def test_either_half_named_gives_both_halves(bundled_coder, named, place):
    # which half the story named first never changes who "the North" and "the South" are
    events = _story(bundled_coder, f"The North accused the South of shelling the island{place}.",
                    f"{named} held a meeting on Monday.")
    assert ("PRK", "1123", "KOR") in events, (named, events)
    assert not any(s == "KOR" and t == "KOR" for s, _, t in events), events
