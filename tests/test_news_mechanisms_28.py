"""Mechanisms real news needs (issue 10, twenty-ninth round, found in news-dev after the held-out
round s48 joined it). Example tests beside Hypothesis properties."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from conftest import needs_model
from test_news_mechanisms_11 import SETTINGS
from test_news_mechanisms_27 import _code, _gives


# An "anti-" modifier of a protest, or of the protesters, names what the protest is against, as
# "protests against X" does: a country or person as the dictionaries give it, a role ("anti-
# government") of the country the protest is in.
ANTI_PROTESTS = [
    ("Algerian police arrested around 10 demonstrators at an anti-government protest in Algiers on Saturday.",
     ("DZAOPP", "140", "DZAGOV")),
    ("Thousands of anti-government demonstrators marched in Bangkok on Sunday.", ("THAOPP", "141", "THAGOV")),
    ("Dozens of anti-China demonstrations have been held in Vietnam since 2007.", ("VNMOPP", "141", "CHN")),
    ("Opposition supporters staged an anti-government protest in Algiers on Wednesday.", ("DZAOPP", "141", "DZAGOV")),
    ("Zimbabwean police cracked down on a major anti-government rally on Sunday.", ("ZWEOPP", "141", "ZWEGOV")),
]


@needs_model
@SETTINGS
@given(case=st.sampled_from(ANTI_PROTESTS))
def test_an_anti_modifier_names_what_a_protest_is_against(bundled_coder, case):
    _gives(bundled_coder, *case)


def _protests(events: set) -> set:
    return {e for e in events if e[1].startswith("14")}


@needs_model
@SETTINGS
@given(
    frame=st.sampled_from([
        "Police arrested dozens of people at {a} in {city} on Sunday.",
        "Thousands of people joined {a} in {city} on Sunday.",
    ]),
    noun=st.sampled_from(["protest", "rally", "demonstration"]),
    against=st.sampled_from([("government", "the government"), ("Israel", "Israel"), ("Japan", "Japan")]),
    city=st.sampled_from(["Nairobi", "Amman", "Beijing"]),
)
def test_anti_x_codes_as_against_x_does(bundled_coder, frame, noun, against, city):
    # the property: "an anti-X protest" and "a protest against X" tell the same protest
    anti, named = against
    modified = _code(bundled_coder, frame.format(a=f"an anti-{anti} {noun}", city=city))
    spelled = _code(bundled_coder, frame.format(a=f"a {noun} against {named}", city=city))
    assert _protests(modified) == _protests(spelled), (modified, spelled)
    assert _protests(modified), modified


@needs_model
def test_an_anti_modifier_naming_no_actor_is_no_target(bundled_coder):
    events = _code(bundled_coder, "Thousands of anti-war demonstrators marched in London on Sunday.")
    assert not any(c.startswith("14") for _, c, _ in events), events


@needs_model
def test_protesters_are_not_of_the_country_they_protest_against(bundled_coder):
    # with no place for the protest, "anti-China protests" say nothing of whose people protest
    events = _code(bundled_coder, "The visit was marred by violent anti-China protests.")
    assert not any(s.startswith("CHN") for s, _, _ in events), events


@needs_model
def test_police_breaking_up_a_protest_leave_the_protest_its_own_event(bundled_coder):
    events = _gives(bundled_coder, "Serbian police used tear gas to break up a massive anti-government protest in "
                    "central Belgrade on Saturday night.", ("SRBOPP", "140", "SRBGOV"))
    assert ("SRBCOP", "175", "SRBOPP") in events, events
    # with no target named, the broken-up protest is no event of its own
    events = _code(bundled_coder, "Serbian police broke up a protest in central Belgrade on Saturday night.")
    assert not any(c.startswith("14") for _, c, _ in events), events


@needs_model
@SETTINGS
@given(
    verb=st.sampled_from(["threw", "hurled", "pelted", "lobbed"]),
    thrown=st.sampled_from(["stones", "petrol bombs", "Molotov cocktails", "bottles", "bricks"]),
    toward=st.sampled_from(["at", "in the direction of"]),
)
def test_protesters_throwing_missiles_at_the_police_riot(bundled_coder, verb, thrown, toward):
    # any thrown missile, by any verb of throwing, at the police or toward them is a violent protest
    if verb == "pelted" and toward != "at":
        return
    _gives(bundled_coder, f"Opposition protesters {verb} {thrown} {toward} the police in Dhaka on Sunday.",
           ("BGDOPP", "145", "BGDCOP"))


# An accusation of an act of force done to civilians is one of abusing human rights (1122), not of
# aggression: among several acts accused of, through a count ("thousands of civilians"), for
# civilians' places ("civilian areas"), and where the accusing pattern alone names aggression.
ABUSE_ACCUSATIONS = [
    "Russia accused Georgia of killing thousands of civilians in the region.",
    "Pakistan accused Indian troops of using artillery at the border and deliberately targeting civilians.",
    "Pakistan accused Indian troops of deliberately targeting civilian populated areas.",
    "The army accused the rebels of targeting a Buddhist monk with a roadside bomb.",
]


@needs_model
@SETTINGS
@given(text=st.sampled_from(ABUSE_ACCUSATIONS))
def test_accusing_of_force_on_civilians_is_accusing_of_abuse(bundled_coder, text):
    events = _code(bundled_coder, text)
    assert any(c == "1122" for _, c, _ in events), events
    assert not any(c == "1123" for _, c, _ in events), events


@needs_model
def test_accusing_of_killing_people_in_attacks_stays_aggression(bundled_coder):
    events = _code(bundled_coder, "The armed forces accused FARC of killing ten people in four separate attacks.")
    assert any(c == "1123" for _, c, _ in events), events
    events = _code(bundled_coder, "Israel accused Hamas of targeting Israeli soldiers.")
    assert not any(c == "1122" for _, c, _ in events), events


# "North and South Korea": the first compass word names the country whose head the second has,
# a party of its own that stands with the other wherever the phrase does.
@needs_model
@SETTINGS
@given(order=st.sampled_from([("North", "South"), ("South", "North")]),
       verb=st.sampled_from(["have agreed to hold talks next week", "exchanged fire across the border"]))
def test_north_and_south_korea_names_both_countries(bundled_coder, order, verb):
    codes = {"North": "PRK", "South": "KOR"}
    a, b = codes[order[0]], codes[order[1]]
    events = _code(bundled_coder, f"{order[0]} and {order[1]} Korea {verb}.")
    assert any(s == a and t == b for s, _, t in events) and any(s == b and t == a for s, _, t in events), events


@needs_model
def test_a_role_named_for_north_and_south_is_each_ones(bundled_coder):
    events = _code(bundled_coder, "The leaders of North and South Korea met on Friday.")
    assert ("PRKGOV", "040", "KORGOV") in events and ("KORGOV", "040", "PRKGOV") in events, events


@needs_model
@SETTINGS
@given(city=st.sampled_from(["Addis Ababa", "Kuala Lumpur", "Abu Dhabi", "New Delhi"]))
def test_a_city_of_several_words_where_a_pair_met_is_no_party(bundled_coder, city):
    # "Kiir and Bashir met in Addis Ababa": the city is where, named by all its words
    events = _code(bundled_coder, f"The presidents of Sudan and South Sudan met in {city} on Sunday.")
    assert {s for s, _, _ in events} | {t for _, _, t in events} <= {"SDNGOV", "SSDGOV"}, events
    assert any(s == "SDNGOV" and t == "SSDGOV" for s, _, t in events), events


# A fight between a state's police or army and its own unarmed people (civilians, students,
# workers), told by a verb or a clash noun, is a riot: 145 from the people, 175 from the forces.
@needs_model
@SETTINGS
@given(people=st.sampled_from([("youths", "CVL"), ("striking teachers", "EDU"), ("villagers", "CVL")]),
       told=st.sampled_from(["{p} fought with riot police in Tunis on Sunday.",
                             "{p} fought running battles with riot police in Tunis on Sunday.",
                             "Riot police fought with {p} in Tunis on Sunday.",
                             "Two people were hurt in clashes between {p} and police in Tunis."]))
def test_unarmed_people_fighting_their_police_riot(bundled_coder, people, told):
    words, role = people
    events = _code(bundled_coder, told.format(p=words).capitalize().replace("tunis", "Tunis"))
    assert not any(c.startswith("19") for _, c, _ in events), events
    assert any(c == "145" and t == "TUNCOP" for _, c, t in events), events
    assert any(c == "175" and s == "TUNCOP" for s, c, _ in events), events


@needs_model
def test_forces_fighting_armed_men_still_fight(bundled_coder):
    events = _code(bundled_coder, "Riot police fought with rebels in Tunis on Sunday.")
    assert ("TUNCOP", "190", "TUNREB") in events, events


@needs_model
@SETTINGS
@given(text=st.sampled_from([
    "Rebels swept into the city after a lightning offensive, forcing the army to withdraw.",
    "A mob invaded the summit, forcing prime ministers to escape by helicopter.",
]))
def test_what_an_act_forced_someone_to_do_is_its_result(bundled_coder, text):
    # a result participle tells what the act made others do, no coercion (170) of its own
    assert not any(c == "170" for _, c, _ in _code(bundled_coder, text))


@needs_model
def test_a_finite_forcing_is_coercion(bundled_coder):
    events = _code(bundled_coder, "Protesters forced the governor to resign.")
    assert any(c == "170" for _, c, _ in events), events


@needs_model
@SETTINGS
@given(state=st.sampled_from(["Serbia", "Pakistan", "Russia"]))
def test_a_state_ordering_its_own_army_makes_no_demand(bundled_coder, state):
    events = _code(bundled_coder, f"{state} ordered its army to advance to the border.")
    assert not any(c == "100" for _, c, _ in events), events


@needs_model
@SETTINGS
@given(verb=st.sampled_from(["clashed", "fought"]),
       case=st.sampled_from([("Sudanese troops and rebels", "Darfur"), ("Somali troops and al Shabaab fighters", "Mogadishu"),
                             ("Malian soldiers and jihadists", "Gao")]))
def test_a_place_where_subjects_fought_changes_nothing(bundled_coder, verb, case):
    # the property: the subjects' own land, told as where they fought, names no other party
    subjects, place = case
    bare = _code(bundled_coder, f"{subjects} {verb} on Sunday.")
    placed = _code(bundled_coder, f"{subjects} {verb} in {place} on Sunday.")
    assert bare and placed == bare, (bare, placed)


@needs_model
@SETTINGS
@given(text=st.sampled_from([
    "The United States called on Turkey to avoid a major operation, fearing such an offensive could disrupt the region.",
    "South Korea opposes sanctions on North Korea, fearing that they could set back the talks.",
]))
def test_a_fear_told_as_the_acts_motive_is_no_event(bundled_coder, text):
    # "fearing ..." says why the clause's act was done; the act is coded, the motive is not
    events = _code(bundled_coder, text)
    assert events and not any(c.startswith("012") for _, c, _ in events), events


@needs_model
@SETTINGS
@given(case=st.sampled_from([
    ("Israel intercepted rockets fired by Hezbollah.", ("ISR", "190", "LBNREB")),
    ("The Saudi-led coalition intercepted several drones launched by the Houthis.", ("SAUMIL", "190", "YEMREB")),
]))
def test_intercepting_a_projectile_falls_on_whoever_launched_it(bundled_coder, case):
    _gives(bundled_coder, *case)


# Ordering one's own forces to attack threatens the attack (convention 41): the commander's 138.
@needs_model
@SETTINGS
@given(case=st.sampled_from([
    ("Putin ordered troops to attack Ukraine.", ("RUSGOV", "138", "UKR")),
    ("President Juan Manuel Santos ordered the security forces to step up their attacks on the ELN.",
     ("COLGOV", "138", "COLREB")),
]))
def test_ordering_ones_forces_to_attack_is_a_threat(bundled_coder, case):
    events = _gives(bundled_coder, *case, day=dt.date(2016, 11, 1))
    assert not any(c == "100" for _, c, _ in events), events


@needs_model
def test_ordering_ones_forces_to_withdraw_or_not_is_no_threat(bundled_coder):
    for text in ("Putin ordered troops to withdraw from the border.", "Putin did not order troops to attack Ukraine."):
        events = _code(bundled_coder, text)
        assert not any(c.startswith("13") for _, c, _ in events), (text, events)


@needs_model
def test_a_protest_is_never_against_the_protesters_its_noun_implies(bundled_coder):
    events = _code(bundled_coder, "Thousands of Egyptians staged demonstrations against President Hosni Mubarak's "
                   "authoritarian rule in Cairo.", day=dt.date(2011, 1, 30))
    assert ("EGYOPP", "1412", "EGYGOV") in events, events
    assert not any(s == t for s, _, t in events), events


# An appeal to stop fighting or to leave ground held is an appeal to de-escalate (0256), also
# when the parser hangs the infinitive on the appeal as an adverbial clause.
@needs_model
@SETTINGS
@given(asked=st.sampled_from(["to drop their weapons", "to end their pointless struggle", "to leave the area immediately",
                              "to get off the streets", "to halt their attacks"]))
def test_an_appeal_to_stop_fighting_or_leave_is_for_de_escalation(bundled_coder, asked):
    events = _code(bundled_coder, f"Government forces in Syria called on opposition fighters in Aleppo {asked}.")
    assert ("SYRMIL", "0256", "SYRREB") in events, events
    assert not any(c == "020" for _, c, _ in events), events
