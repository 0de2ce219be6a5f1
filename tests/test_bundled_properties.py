"""Properties of the coding rules with the bundled dictionaries and the real model: sentences are
generated from templates, country names and verb patterns, and the expected codes are read from
the dictionaries themselves (never written into the test)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import needs_model

DAY = dt.date(2019, 6, 14)
COUNTRIES = [
    "Russia", "Ukraine", "China", "India", "Pakistan", "Iran", "Israel", "Syria", "France", "Germany",
    "Japan", "Egypt", "Nigeria", "Kenya", "Brazil", "Mexico", "Venezuela", "Colombia", "Iraq", "Afghanistan",
    "Ethiopia", "Sudan", "Somalia", "Libya", "Yemen", "Lebanon", "Armenia", "Azerbaijan", "Serbia", "Kosovo",
    "Poland", "Belarus", "Vietnam", "Indonesia", "Australia", "Canada", "Spain", "Italy", "Britain", "Qatar",
]
# (lemma, past tense): regular verbs whose bare "verb +" pattern gives the code
VERBS = [
    ("attack", "attacked"), ("condemn", "condemned"), ("invade", "invaded"), ("bomb", "bombed"),
    ("shell", "shelled"), ("blockade", "blockaded"), ("sanction", "sanctioned"), ("reject", "rejected"),
    ("warn", "warned"), ("recognize", "recognized"),
]
SETTINGS = settings(
    max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def codes(bundled_coder):
    """Country name -> its code on DAY, and verb lemma -> the code of its bare 'verb +' pattern,
    both read from the bundled dictionaries."""
    from eventcoder.dictionaries.lookup import lookup
    from eventcoder.dictionaries.model import TARGET

    d = bundled_coder.lexicon.dictionaries
    actors = {}
    for name in COUNTRIES:
        hits = [h for h in lookup(d, name, DAY) if h.kind == "actor" and h.codes]
        assert hits, f"{name} is not in the bundled dictionaries"
        actors[name] = hits[0].codes[0]
    verbs = {}
    for lemma, _ in VERBS:
        (pattern,) = [p for p in d.verbs if lemma in p.verbs and not p.pre and p.post == (TARGET,)]
        verbs[lemma] = pattern.code
    return actors, verbs


pair = st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True)
verb = st.sampled_from(VERBS)


def triples(coder, text: str, day: dt.date = DAY) -> set[tuple]:
    return {(e.source, e.event_code, e.target) for e in coder.code_text(text, day)}


@needs_model
@SETTINGS
@given(pair, verb)
def test_active_and_passive_agree(bundled_coder, codes, names, v):
    actors, verbs = codes
    a, b = names
    lemma, past = v
    expected = {(actors[a], verbs[lemma], actors[b])}
    assert triples(bundled_coder, f"{a} {past} {b}.") == expected
    assert triples(bundled_coder, f"{b} was {past} by {a}.") == expected


@needs_model
@SETTINGS
@given(pair, verb)
def test_negation_removes_the_event(bundled_coder, codes, names, v):
    a, b = names
    lemma, past = v
    assert triples(bundled_coder, f"{a} {past} {b}.")
    assert triples(bundled_coder, f"{a} did not {lemma} {b}.") == set()


@needs_model
@SETTINGS
@given(pair, verb)
def test_swapping_actors_swaps_source_and_target(bundled_coder, codes, names, v):
    a, b = names
    forward = triples(bundled_coder, f"{a} {v[1]} {b}.")
    assert triples(bundled_coder, f"{b} {v[1]} {a}.") == {(t, c, s) for s, c, t in forward}


@needs_model
@SETTINGS
@given(st.lists(st.sampled_from(COUNTRIES[1:]), min_size=1, max_size=4, unique=True), verb)
def test_compound_subject_gives_one_event_per_actor(bundled_coder, codes, subjects, v):
    actors, verbs = codes
    subject = subjects[0] if len(subjects) == 1 else ", ".join(subjects[:-1]) + " and " + subjects[-1]
    got = triples(bundled_coder, f"{subject} {v[1]} Russia.")
    assert got == {(actors[s], verbs[v[0]], "RUS") for s in subjects}


@pytest.fixture(scope="module")
def leaders(bundled_coder):
    """People of the bundled dictionary whose code changes over time (office, then out of it)."""
    people = [
        a for a in bundled_coder.lexicon.dictionaries.actors
        if a.type == "person" and len(a.codes) > 1 and a.name.count(" ") == 1 and a.name.replace(" ", "").isalpha()
        and all(len(c.code) == 6 for c in a.codes)
    ]
    assert len(people) > 100
    return people


@needs_model
@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_date_bounded_people_are_never_coded_outside_their_dates(bundled_coder, leaders, data):
    person = data.draw(st.sampled_from(leaders))
    day = data.draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2025, 12, 31)))
    expected = person.code_on(day)
    sources = {e.source for e in bundled_coder.code_text(f"{person.name} condemned Russia.", day)}
    # Never a code outside its range; no range covers the day: the person is no actor then. (A
    # Russian condemning Russia is an event too: RUSELI 111 RUS.) Whether the small parser finds
    # the name's subject at all is not this property: an unknown name can be misparsed.
    assert sources <= ({expected} if expected else set())
