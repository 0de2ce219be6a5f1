"""Mechanisms real news needs (issue 10, eighteenth round). Example tests beside Hypothesis
properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from conftest import needs_model
from test_news_mechanisms_11 import SETTINGS
from test_news_mechanisms_13 import _triples

# "North Korea test-launched three missiles. ... Tokyo protested the launches": an act the story
# told without a party it was done to is still an act someone did, and a later noun of its verb
# ("the launches") refers back to it and names whoever did it.
LAUNCHERS = [("North Korea", "PRK"), ("Iran", "IRN"), ("Pakistan", "PAK")]
OBJECTORS = [("Japan", "JPN"), ("South Korea", "KOR"), ("Germany", "DEU")]


@needs_model
@SETTINGS
@given(launcher=st.sampled_from(LAUNCHERS), objector=st.sampled_from(OBJECTORS),
       verb=st.sampled_from(["protested", "condemned", "criticized"]),
       between=st.sampled_from(["", "The missiles landed in the sea. "]))
def test_a_noun_refers_back_to_an_act_done_to_no_one(bundled_coder, launcher, objector, verb, between):
    text = f"{launcher[0]} test-launched three ballistic missiles on Monday. {between}{objector[0]} {verb} the launches."
    events = _triples(bundled_coder, text)
    assert any(s.startswith(objector[1]) and t == launcher[1] for s, c, t in events), (text, events)


@needs_model
def test_an_act_done_to_no_one_is_not_the_referring_subjects_own(bundled_coder):
    # nobody protests, condemns or defends against their own act
    text = "North Korea test-launched three ballistic missiles on Monday. North Korea defended the launches."
    assert not any(t == "PRK" for s, c, t in _triples(bundled_coder, text))


@needs_model
def test_an_act_done_to_no_one_is_out_of_reach_after_four_sentences(bundled_coder):
    filler = "The weather was cold. " * 5
    text = f"North Korea test-launched three ballistic missiles on Monday. {filler}Japan protested the launches."
    assert not any(t == "PRK" for s, c, t in _triples(bundled_coder, text))


@needs_model
def test_the_noun_of_another_verb_does_not_refer_to_the_act(bundled_coder):
    # "the arrests" are no launches: a noun of a verb refers back only to acts that verb told
    text = "North Korea test-launched three ballistic missiles on Monday. Japan protested the arrests."
    assert not any(t == "PRK" for s, c, t in _triples(bundled_coder, text))


@needs_model
def test_an_act_done_to_a_party_still_comes_first(bundled_coder):
    # the acts done to someone are read first, as before: "the strike" is Russia's strike on Ukraine
    text = "Russia launched an air strike on Ukraine on Monday. Iran test-launched missiles. Germany condemned the strike."
    events = _triples(bundled_coder, text)
    assert ("DEU", "111", "RUS") in events, events


# "The attack took place at the airport": an event taking place takes nothing; taking a place
# that names one is still occupying it.
PLACES = ["the Mogadishu airport", "the main square of Kabul", "the port of Aden"]


@needs_model
@SETTINGS
@given(place=st.sampled_from(PLACES),
       frame=st.sampled_from(["Al Shabaab said the attack took place at {p}.",
                              "The rally took place at {p}, the police said.",
                              "Al Shabaab claimed the attack, saying it took place near {p}."]))
def test_taking_place_occupies_nothing(bundled_coder, place, frame):
    text = frame.format(p=place)
    assert not any(c == "192" for s, c, t in _triples(bundled_coder, text)), text


@needs_model
def test_taking_a_place_is_still_occupying_it(bundled_coder):
    assert ("SOMREB", "192", "SOM") in _triples(bundled_coder, "Al Shabaab fighters took the Mogadishu airport.")
