"""Mechanisms real news needs (issue 10, fourteenth round). Example tests beside Hypothesis
properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import needs_model
from test_news_mechanisms_11 import SETTINGS

from eventcoder.dictionaries.model import ActorEntry, AssumedDay, DatedCode


@pytest.fixture(scope="module")
def bundled_lexicon():
    from eventcoder.dictionaries.compile import load_lexicon
    from eventcoder.dictionaries.native import bundled_dictionaries_path

    return load_lexicon([str(bundled_dictionaries_path())])


def _assumed(lex, text: str):
    from eventcoder.actors import assumed_day

    texts = text.split()
    return assumed_day(lex, [t.lower() for t in texts], texts)


# An undated story is coded as of the day the people it names in office point to: "President
# Ashraf Ghani appealed to the Taliban" is before August 2021, when the Taliban were rebels.
def test_an_undated_story_takes_the_day_its_office_holders_point_to(bundled_lexicon):
    day = _assumed(bundled_lexicon, "President Ashraf Ghani appealed to the Taliban .")
    assert isinstance(day, AssumedDay)
    assert dt.date(2014, 9, 29) <= day <= dt.date(2021, 8, 14), day


def test_people_still_in_office_give_no_assumed_day(bundled_lexicon):
    # Putin held office before 2008 too, but he holds one today: today's codes are what an
    # undated story gets, as before
    assert _assumed(bundled_lexicon, "President Vladimir Putin met the Taliban .") is None
    assert _assumed(bundled_lexicon, "The Taliban met the United Nations .") is None


def test_the_stretch_most_of_the_people_share_wins(bundled_lexicon):
    # Ghani's presidency and Obama's overlap in 2014-2017: the day is in both
    day = _assumed(bundled_lexicon, "Barack Obama met Ashraf Ghani .")
    assert dt.date(2014, 9, 29) <= day <= dt.date(2017, 1, 20), day


PEOPLE = ["Barack Obama", "Ashraf Ghani", "Hamid Karzai", "Vladimir Putin", "Nawaz Sharif", "Angela Merkel",
          "Pervez Musharraf", "Manmohan Singh"]


@SETTINGS
@given(names=st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=4, unique=True), data=st.data())
def test_the_assumed_day_does_not_depend_on_the_order_of_names_and_is_in_an_office(bundled_lexicon, names, data):
    from eventcoder.actors import find_hits

    text = " and ".join(names) + " met ."
    day = _assumed(bundled_lexicon, text)
    shuffled = data.draw(st.permutations(names))
    assert _assumed(bundled_lexicon, " and ".join(shuffled) + " met .") == day
    if day is None:
        return
    texts = text.split()
    offices = [dc for h in find_hits(bundled_lexicon, [t.lower() for t in texts], texts, 0, None)
               for dc in bundled_lexicon.actor(h.payload).codes if not dc.code.endswith("ELI")]
    assert any(dc.applies(day) for dc in offices), (names, day)


def test_an_assumed_day_codes_people_as_a_date_does_and_places_as_undated():
    person = ActorEntry("X", ("X",), (DatedCode("AFGGOV", dt.date(2014, 1, 1), dt.date(2015, 1, 1)),), type="person")
    group = ActorEntry("T", ("T",), (DatedCode("AFGREB", None, dt.date(2021, 8, 14)),
                                     DatedCode("AFGGOV", dt.date(2021, 8, 15), None)))
    late = AssumedDay(2020, 1, 1)
    assert person.code_on(late) is None  # out of office then, as on a story's own date
    assert person.code_on(AssumedDay(2014, 6, 1)) == "AFGGOV"
    assert group.code_on(late) == "AFGREB"
    assert group.code_on(AssumedDay(2022, 1, 1)) == "AFGGOV"
    newer = ActorEntry("N", ("N",), (DatedCode("UKRGOV", dt.date(2019, 5, 20), None),))
    assert newer.code_on(AssumedDay(2010, 1, 1)) == "UKRGOV"  # none then: its undated code
    assert newer.code_on(dt.date(2010, 1, 1)) is None


@needs_model
def test_an_undated_story_codes_the_taliban_as_rebels_while_ghani_is_president(bundled_coder):
    events = bundled_coder.code_text("President Ashraf Ghani appealed to the Taliban.")
    assert [(e.source, e.event_code, e.target) for e in events] == [("AFGGOV", "020", "AFGREB")]
    assert events[0].date is None and events[0].story_date is None  # the assumed day is no date
