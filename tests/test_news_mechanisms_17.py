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


# Repression by a state's forces that names no one of its own ("police fired tear gas") is of
# the protesters the sentence names, else of the crowds and people it names, else of the
# protesters the story's last two sentences named.
FORCES = [("Police", "COP"), ("Riot police", "COP"), ("Troops", "MIL")]
CROWD_FRAMES = [
    "People banged pots and burned tires as {lf} fired tear gas in Caracas.",
    "Protesters threw stones at the barricades in Lima, and {lf} responded with tear gas.",
    "{f} fired tear gas in Nairobi after a demonstrator ignited a firecracker.",
    "{f} fired shots over the heads of large crowds of protesters in Yangon.",
]


@needs_model
@SETTINGS
@given(force=st.sampled_from(FORCES), frame=st.sampled_from(CROWD_FRAMES))
def test_crowd_control_is_of_the_crowd_the_sentence_names(bundled_coder, force, frame):
    text = frame.format(f=force[0], lf=force[0].lower())
    events = _triples(bundled_coder, text)
    assert any(s.endswith(force[1]) and c == "175" and (t.endswith("OPP") or t.endswith("CVL"))
               for s, c, t in events), (text, events)


@needs_model
@SETTINGS
@given(force=st.sampled_from(FORCES),
       weapon=st.sampled_from(["tear gas", "water cannon", "rubber bullets", "teargas", "stun grenades"]))
def test_crowd_control_is_of_the_protesters_named_just_before(bundled_coder, force, weapon):
    text = (f"Thousands of opposition protesters marched in Harare on Sunday. "
            f"{force[0]} then fired {weapon} near the parliament.")
    events = _triples(bundled_coder, text)
    assert any(c == "175" and t.endswith("OPP") for s, c, t in events), (text, events)


@needs_model
def test_crowd_control_names_no_crowd_the_story_did_not_name(bundled_coder):
    # no protesters, crowds or people anywhere: no one to code it against
    assert _triples(bundled_coder, "Police fired tear gas in Harare on Sunday.") == set()
    # protesters named too long before are not the ones fired at
    text = ("Thousands of protesters marched in Harare on Sunday. The weather was cold. It rained. "
            "The shops were closed. Police fired tear gas near the market.")
    assert not any(c == "175" for s, c, t in _triples(bundled_coder, text))


@needs_model
def test_a_bare_role_takes_the_country_it_was_named_with(bundled_coder):
    # "Hong Kong police ... Police used the tear gas": the same police, in a story that also
    # names Beijing; "local troops" are others than the troops named before
    text = ("Hong Kong police used tear gas on Sunday to clear protesters, in a challenge to Beijing. "
            "Police arrested two activists later.")
    events = _triples(bundled_coder, text)
    assert any(s == "HKGCOP" and c == "173" for s, c, t in events), events


# An accusation of an act of war is one of aggression (1123), also when the dictionaries code
# the act's verb as no force ("firing first", "sending tanks", "building up its armed forces");
# backing a party in arms stays an accusation (112), whatever its words.
WAR_ACTS = ["firing first", "sending tanks and soldiers across the border", "resuming offensive military operations",
            "building up its armed forces near the border", "harassing its vessels", "bracing for a fresh offensive"]
BACKING_ACTS = ["providing military support to the rebels", "funding the opposition", "lying about the talks"]


@needs_model
@SETTINGS
@given(pair=st.sampled_from([("Armenia", "ARM", "Azerbaijan", "AZE"), ("India", "IND", "Pakistan", "PAK"),
                             ("Cambodia", "KHM", "Thailand", "THA")]),
       act=st.sampled_from(WAR_ACTS))
def test_accused_acts_of_war_are_aggression(bundled_coder, pair, act):
    text = f"{pair[0]} accused {pair[2]} of {act} on Sunday."
    events = _triples(bundled_coder, text)
    assert (pair[1], "1123", pair[3]) in events, (text, events)


@needs_model
@SETTINGS
@given(act=st.sampled_from(BACKING_ACTS))
def test_accused_acts_of_backing_or_words_stay_accusations(bundled_coder, act):
    text = f"Venezuela accused Colombia of {act} on Sunday."
    events = _triples(bundled_coder, text)
    assert ("VEN", "112", "COL") in events and not any(c == "1123" for s, c, t in events), (text, events)


@needs_model
def test_firing_a_minister_is_no_act_of_war(bundled_coder):
    events = _triples(bundled_coder, "The opposition accused the president of firing the finance minister.")
    assert not any(c == "1123" for s, c, t in events), events


# "Talks between X and Y broke down": negotiations halted (164) both ways, not held (046).
PAIRS = [("China", "CHN", "the United States", "USA"), ("India", "IND", "Pakistan", "PAK"),
         ("Serbia", "SRB", "Kosovo", "KSV")]


@needs_model
@SETTINGS
@given(pair=st.sampled_from(PAIRS), verb=st.sampled_from(["broke down", "collapsed", "have collapsed", "broke down again"]))
def test_talks_that_broke_down_were_halted(bundled_coder, pair, verb):
    text = f"Talks between {pair[0]} and {pair[2]} {verb} in May."
    events = _triples(bundled_coder, text)
    assert (pair[1], "164", pair[3]) in events and (pair[3], "164", pair[1]) in events, (text, events)
    assert not any(c == "046" for s, c, t in events), (text, events)


@needs_model
def test_talks_held_are_still_negotiations(bundled_coder):
    events = _triples(bundled_coder, "Talks between China and the United States were held in May.")
    assert ("CHN", "046", "USA") in events, events


# A country named alone does not act on its own army, police, courts, parliament, spies or
# civilians, nor they on it (a misreading of one party), except mass violence done to a people.
def _mention(code: str, inferred: bool = False):
    from eventcoder.actors import Mention, split_code
    country, agent = split_code(code)
    return Mention(head=0, start=0, end=1, code=code, country=country, agent=agent, text=code, entry="",
                   type="country" if agent is None else "agent", sentence=0, inferred=inferred)


@SETTINGS
@given(country=st.sampled_from(["IND", "CHN", "ETH"]), other=st.sampled_from(["IND", "CHN", "ETH"]),
       agent=st.sampled_from(["MIL", "COP", "CVL", "JUD", "REB", "OPP", "GOV"]),
       code=st.sampled_from(["190", "111", "018", "203", "0874"]), bare_first=st.booleans(), inferred=st.booleans())
def test_a_country_alone_and_its_own_organ_make_no_event(country, other, agent, code, bare_first, inferred):
    from eventcoder.events import RawEvent, _own_organ
    bare, organ = _mention(country), _mention(other + agent, inferred)
    s, t = (bare, organ) if bare_first else (organ, bare)
    dropped = _own_organ(RawEvent(0, s, t, code, None, "", False))
    expected = country == other and agent in ("MIL", "COP", "CVL", "JUD") and code[:2] not in ("20", "08") and not inferred
    assert dropped == expected


# An appeal is for the act it asks for, as the verb dictionaries code that act: a meeting (04:
# 026), diplomatic support (05: 022), a release (0841: 0253), de-escalation (087: 0256).
APPEALED = [("to convene an urgent meeting", "026"), ("to endorse the communique", "022"),
            ("to release the prisoners", "0253")]


@needs_model
@SETTINGS
@given(verb=st.sampled_from(["called on", "urged"]), act=st.sampled_from(APPEALED),
       pair=st.sampled_from([("Kenya", "KEN", "Uganda", "UGA"), ("Cambodia", "KHM", "Thailand", "THA")]))
def test_an_appeal_is_for_the_act_it_asks_for(bundled_coder, verb, act, pair):
    text = f"{pair[0]} {verb} {pair[2]} {act[0]} on Monday."
    events = _triples(bundled_coder, text)
    assert (pair[1], act[1], pair[3]) in events, (text, events)


@needs_model
def test_an_appeal_for_an_act_of_no_appeal_code_stays_an_appeal(bundled_coder):
    # attacking is no act CAMEO has an appeal for: the appeal stays 020
    assert ("RUS", "020", "UKR") in _triples(bundled_coder, "Russia urged Ukraine to attack Poland.")
