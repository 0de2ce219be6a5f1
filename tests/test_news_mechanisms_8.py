"""Mechanisms real news needs (issue 10, eighth round). Example tests beside Hypothesis
properties."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import needs_model
from test_news_mechanisms import triples

DAY = dt.date(2019, 6, 14)
SETTINGS = settings(
    max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# An infinitive after an adjunct ("vowed in November to attack") is the verb's complement, as
# right after the verb ("vowed to attack"): the parser makes it a clause of purpose.
SPEAKERS = ["The Houthis", "Hamas", "North Korea", "The Taliban"]
INTENTS = ["vowed to attack", "threatened to attack", "pledged to attack", "vowed to strike"]
ADJUNCTS = ["on Monday", "in November", "last week", "on Tuesday night", "in a statement"]
TARGETS = ["Israel", "the United States", "Japan", "the government of Pakistan"]


@needs_model
@SETTINGS
@given(speaker=st.sampled_from(SPEAKERS), intent=st.sampled_from(INTENTS), adjunct=st.sampled_from(ADJUNCTS),
       target=st.sampled_from(TARGETS))
def test_an_adjunct_before_an_infinitive_leaves_it_the_verbs(bundled_coder, speaker, intent, adjunct, target):
    verb, rest = intent.split(" ", 1)
    plain = f"{speaker} {verb} {rest} {target}."
    split = f"{speaker} {verb} {adjunct} {rest} {target}."
    want = set(triples(bundled_coder.code_text(plain, date=DAY)))
    got = set(triples(bundled_coder.code_text(split, date=DAY)))
    assert want, plain
    assert got == want, (split, got, want)


@needs_model
def test_the_houthi_vow(bundled_coder):
    text = "Houthis vowed in November 2023 to attack any ships associated with Israel."
    assert set(triples(bundled_coder.code_text(text, date=DAY))) == {("YEMREB", "138", "ISR")}


@needs_model
def test_a_purpose_after_going_or_in_order_to_stays_a_purpose(bundled_coder):
    # "to meet" after "travelled to Turkey on Monday" is why he went: the travel is a visit and
    # the meeting its purpose, not a pattern "travel to + meet".
    events = set(triples(bundled_coder.code_text("Putin travelled to Turkey on Monday to meet Erdogan.", date=DAY)))
    assert ("RUSGOV", "042", "TUR") in events, events
    # "in order to attack" is what a deployment was for, not an attack
    events = set(triples(bundled_coder.code_text(
        "Russia deployed troops in Belarus in order to attack Ukraine.", date=DAY)))
    assert not any(code.startswith("19") for _, code, _ in events), events
