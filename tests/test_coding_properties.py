"""Properties of the coding rules over sentences generated from templates and the test dictionary,
parsed by the real model."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import needs_model

ACTORS = {
    "Russia": "RUS", "Turkey": "TUR", "Syria": "SYR", "France": "FRA", "Germany": "DEU", "Ukraine": "UKR",
    "the United States": "USA", "the United Nations": "IGOUNO",
}
VERBS = {"attacked": ("attack", "190"), "condemned": ("condemn", "111")}
DAY = dt.date(2017, 12, 8)
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

pair = st.lists(st.sampled_from(sorted(ACTORS)), min_size=2, max_size=2, unique=True)
verb = st.sampled_from(sorted(VERBS))


def cap(text: str) -> str:
    return text[0].upper() + text[1:]


def triples(coder, text: str, day: dt.date = DAY) -> set[tuple]:
    return {(e.source, e.event_code, e.target) for e in coder.code_text(text, day)}


@needs_model
@SETTINGS
@given(pair, verb)
def test_active_and_passive_agree(mini_coder, names, v):
    a, b = names
    active = triples(mini_coder, f"{cap(a)} {v} {b}.")
    passive = triples(mini_coder, f"{cap(b)} was {v} by {a}.")
    assert active == passive == {(ACTORS[a], VERBS[v][1], ACTORS[b])}


@needs_model
@SETTINGS
@given(pair, verb)
def test_negation_removes_the_event(mini_coder, names, v):
    a, b = names
    assert triples(mini_coder, f"{cap(a)} {v} {b}.")
    assert triples(mini_coder, f"{cap(a)} did not {VERBS[v][0]} {b}.") == set()
    assert triples(mini_coder, f"{cap(a)} never {v} {b}.") == set()


@needs_model
@SETTINGS
@given(pair, verb)
def test_swapping_actors_swaps_source_and_target(mini_coder, names, v):
    a, b = names
    forward = triples(mini_coder, f"{cap(a)} {v} {b}.")
    backward = triples(mini_coder, f"{cap(b)} {v} {a}.")
    assert backward == {(t, c, s) for s, c, t in forward}


@needs_model
@SETTINGS
@given(st.lists(st.sampled_from([n for n in sorted(ACTORS) if n != "Turkey"]), min_size=1, max_size=4, unique=True), verb)
def test_compound_subject_gives_one_event_per_actor(mini_coder, subjects, v):
    if len(subjects) == 1:
        subject = subjects[0]
    else:
        subject = ", ".join(subjects[:-1]) + " and " + subjects[-1]
    got = triples(mini_coder, f"{cap(subject)} {v} Turkey.")
    assert got == {(ACTORS[s], VERBS[v][1], "TUR") for s in subjects}


@needs_model
@SETTINGS
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2025, 12, 31)), verb)
def test_date_bounded_actor_never_coded_outside_its_dates(mini_coder, day, v):
    (event,) = mini_coder.code_text(f"Obama {v} Russia.", day)
    in_office = dt.date(2009, 1, 20) <= day <= dt.date(2017, 1, 19)
    assert event.source == ("USAGOV" if in_office else "USAELI")
