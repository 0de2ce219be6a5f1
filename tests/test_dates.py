"""Date expressions resolved against the story date (eventcoder.dates), examples and properties."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventcoder.dates import resolve_date

FRIDAY = dt.date(2017, 12, 8)


def words(text: str) -> list[str]:
    return text.lower().replace(",", " ,").replace(".", " .").split()


@pytest.mark.parametrize("text,expected", [
    ("on Thursday", dt.date(2017, 12, 7)),
    ("on Friday", FRIDAY),  # the story's own weekday is the story date
    ("on Saturday", dt.date(2017, 12, 2)),
    ("last Friday", dt.date(2017, 12, 1)),
    ("yesterday", dt.date(2017, 12, 7)),
    ("today", FRIDAY),
    ("last week", dt.date(2017, 12, 1)),
    ("last month", dt.date(2017, 11, 8)),
    ("on 5 December", dt.date(2017, 12, 5)),
    ("on December 5, 2016", dt.date(2016, 12, 5)),
    ("on the 5th of December", dt.date(2017, 12, 5)),
    ("on Friday, December 1", dt.date(2017, 12, 1)),  # the explicit day beats the weekday
    ("on Monday, 20 December", None),  # an explicit day after the story: a plan, not an event
    ("next Thursday", None),
    ("in the region", None),
])
def test_examples(text, expected):
    assert resolve_date(words(text), FRIDAY) == expected


def test_no_story_date_gives_no_date():
    assert resolve_date(words("on Thursday"), None) is None


stories = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@given(stories, st.sampled_from([d.lower() for d in calendar.day_name]))
def test_weekday_is_the_latest_such_day_on_or_before_the_story(story, day):
    found = resolve_date(["on", day], story)
    assert found <= story and (story - found).days < 7
    assert calendar.day_name[found.weekday()].lower() == day


@given(stories, st.integers(1, 28), st.sampled_from([m.lower() for m in calendar.month_name if m]), st.sampled_from(list(calendar.day_name)))
def test_a_date_is_never_after_the_story(story, day, month, weekday):
    for text in (f"on {day} {month}", f"on {weekday}, {month} {day}", f"{month} {day}, {story.year}"):
        found = resolve_date(words(text), story)
        assert found is None or found <= story
