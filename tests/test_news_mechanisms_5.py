"""Mechanisms real news needs (issue 10, fifth round). A participle that tells what an act of
force did ("fired into the crowd, killing 26", "opened fire on the convoy, wounding two") is the
result of that act, not a second event; where the act hit only a place, the result names its
target and keeps the act's weapon code ("shelled the town, killing six": 194). A gathering named
by who gathered ("crowds of protesters", "a mob of settlers") is those people, so a state's forces
firing tear gas at a crowd of its protesters is violent repression (175). Example tests beside
Hypothesis properties; codes are read from the bundled dictionaries, except CAMEO's own weapon
subcodes, which are the codebook's definitions."""

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
# Acts of force with a party as target, and the results a participle may tell.
ACTS = ["{a} troops attacked {b} soldiers", "{a} forces opened fire on {b} troops",
        "{a} warplanes bombed {b} army positions", "{a} troops ambushed a {b} army convoy"]
RESULTS = ["killing six people", "killing two soldiers and wounding 18", "wounding at least 12 people",
           "killing three civilians"]


@needs_model
@SETTINGS
@given(a=st.sampled_from(COUNTRIES), b=st.sampled_from(COUNTRIES), act=st.sampled_from(ACTS),
       result=st.sampled_from(RESULTS))
def test_the_result_of_an_act_of_force_is_no_second_event(bundled_coder, a, b, act, result):
    if a == b:
        return
    adjective = {"Russia": "Russian", "Ukraine": "Ukrainian", "China": "Chinese", "India": "Indian",
                 "Pakistan": "Pakistani", "Iran": "Iranian", "Israel": "Israeli", "France": "French",
                 "Germany": "German", "Japan": "Japanese", "Egypt": "Egyptian", "Nigeria": "Nigerian",
                 "Kenya": "Kenyan", "Brazil": "Brazilian", "Mexico": "Mexican", "Turkey": "Turkish",
                 "Armenia": "Armenian", "Azerbaijan": "Azerbaijani", "Serbia": "Serbian", "Poland": "Polish"}
    plain = act.format(a=adjective[a], b=adjective[b]) + "."
    with_result = act.format(a=adjective[a], b=adjective[b]) + ", " + result + "."
    before = triples(bundled_coder.code_text(plain, date=DAY))
    after = triples(bundled_coder.code_text(with_result, date=DAY))
    assert before, plain
    # The killing is what the attack did: the same events, no event on the victims.
    assert after == before, (with_result, before, after)


@needs_model
def test_the_result_names_the_target_where_the_act_hit_a_place(bundled_coder):
    text = "Syrian troops shelled the town of Maaret al-Numan, killing six people."
    events = triples(bundled_coder.code_text(text, date=DAY))
    assert events == {("SYRMIL", "194", "SYRCVL")}, events
    text = "Rebels attacked a village near the border, killing ten civilians."
    events = triples(bundled_coder.code_text(text, date=DAY))
    assert {code for _, code, _ in events} == {"190"}, events


@needs_model
def test_a_participle_with_its_own_subject_is_its_own_event(bundled_coder):
    # Not a result: an absolute clause with a subject of its own says what someone else did.
    text = "Israeli troops raided the camp, with Palestinian gunmen killing two Israeli soldiers."
    events = triples(bundled_coder.code_text(text, date=DAY))
    assert ("PSEUAF", "190", "ISRMIL") in events, events


@needs_model
@SETTINGS
@given(a=st.sampled_from(COUNTRIES), gathering=st.sampled_from(["crowds of", "a crowd of", "a mob of", "throngs of"]),
       who=st.sampled_from(["protesters", "demonstrators", "opposition supporters"]),
       means=st.sampled_from(["tear gas", "rubber bullets", "water cannon", "rubber bullets and tear gas"]))
def test_a_gathering_is_the_people_who_gathered(bundled_coder, country_codes, a, gathering, who, means):
    text = f"Police in {a} fired {means} at {gathering} {who} on Sunday."
    events = triples(bundled_coder.code_text(text, date=DAY))
    code = country_codes[a]
    # The state's police against its own opposition: violent repression, not an attack on civilians.
    assert (code + "COP", "175", code + "OPP") in events, (text, events)


@needs_model
def test_a_gathering_of_no_one_named_stays_civilians(bundled_coder):
    text = "Kenyan police fired tear gas at a crowd outside the stadium."
    events = triples(bundled_coder.code_text(text, date=DAY))
    assert events == {("KENCOP", "175", "KENCVL")}, events
