"""Mechanisms real news needs (issue 10, fourth round): an infinitive of purpose says what an act
was for, not an act done ("NATO bombed Serbia to expel Serb forces": the bombing is coded, the
expulsion is not), except after a verb of going or gathering, whose purpose is what was done there
("rallied to protest", "arrived in Colombo to meet the president"). Example tests beside
Hypothesis properties; codes are read from the bundled dictionaries, never written in."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import needs_model
from test_news_mechanisms import COUNTRIES, country_codes, triples  # noqa: F401 (country_codes: a fixture)

DAY = dt.date(2019, 6, 14)
SETTINGS = settings(
    max_examples=10, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Purpose clauses whose verbs code an event of their own when done (expel, punish, demand, help, attack).
PURPOSES = ["to expel its diplomats", "to punish {b}", "to demand talks with {b}", "to help {b}", "to attack {b}"]
ACTS = ["{a} closed its border with {b}", "{a} imposed sanctions on {b}", "{a} recalled its ambassador from {b}",
        "{a} cut trade ties with {b} last week"]


def _roots(events, source=None):
    return {code[:2] for s, code, _ in events if source is None or s == source}


@needs_model
def test_an_infinitive_of_purpose_is_no_act(bundled_coder):
    text = "NATO bombed Serbia in 1999 to expel Serb forces from Kosovo and stop a crackdown."
    events = triples(bundled_coder.code_text(text, date=dt.date(1999, 5, 1)))
    assert "19" in _roots(events) and "17" not in _roots(events), events


@needs_model
@SETTINGS
@given(a=st.sampled_from(COUNTRIES), b=st.sampled_from(COUNTRIES), act=st.sampled_from(ACTS),
       purpose=st.sampled_from(PURPOSES))
def test_a_purpose_clause_adds_no_event_and_keeps_the_act(bundled_coder, country_codes, a, b, act, purpose):
    if a == b:
        return
    clause = purpose
    plain = act.format(a=a, b=b) + "."
    with_purpose = act.format(a=a, b=b) + " " + clause.format(b=b) + "."
    before = triples(bundled_coder.code_text(plain, date=DAY))
    after = triples(bundled_coder.code_text(with_purpose, date=DAY))
    assert before, plain
    # What the act was for is not done: no new act, and the act itself is still coded, with the
    # same parties (a later phrase may make the target more specific: AZE -> AZEGOV).
    country = lambda events: {(s, code, (t or "")[:3]) for s, code, t in events}  # noqa: E731
    assert country(after) == country(before), (with_purpose, before, after)


@needs_model
@SETTINGS
@given(who=st.sampled_from(["Hundreds of opposition supporters", "Thousands of students", "Protesters"]),
       going=st.sampled_from(["rallied", "gathered", "marched"]),
       a=st.sampled_from(COUNTRIES))
def test_after_a_verb_of_gathering_the_purpose_is_the_act(bundled_coder, who, going, a):
    text = f"{who} in {a} {going} on Saturday to protest against the government."
    events = triples(bundled_coder.code_text(text, date=DAY))
    assert "14" in _roots(events), (text, events)


@needs_model
def test_after_arriving_the_purpose_is_the_visit(bundled_coder):
    text = "The Indian foreign minister arrived in Pakistan on Friday to meet with President Zardari."
    events = triples(bundled_coder.code_text(text, date=dt.date(2010, 5, 1)))
    assert any(code.startswith("04") and s.startswith("IND") for s, code, _ in events), events
