"""Mechanisms real news needs (issue 10, tenth round, from the blind batch s24e). Example tests
beside Hypothesis properties."""

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

# An event noun whose event was suspended, postponed or called off did not take place: "Peace
# talks between the MILF and the government were suspended" tells no negotiation.
PAIRS = [("the Colombian government", "the FARC", "COLGOV", "COLREB"), ("Israel", "Hamas", "ISR", "PSEREB"),
         ("India", "Pakistan", "IND", "PAK")]
HALTING = ["were suspended", "were postponed", "were cancelled", "were delayed", "were halted", "were frozen"]


@needs_model
@SETTINGS
@given(pair=st.sampled_from(PAIRS), halting=st.sampled_from(HALTING))
def test_talks_called_off_are_no_talks(bundled_coder, pair, halting):
    a, b, code_a, code_b = pair
    text = f"Peace talks between {a} and {b} {halting} in August."
    events = set(triples(bundled_coder.code_text(text, date=DAY)))
    assert not any(c[:2] == "04" for _, c, _ in events), (text, events)


@needs_model
def test_talks_held_are_still_talks(bundled_coder):
    events = set(triples(bundled_coder.code_text(
        "Peace talks between the Colombian government and the FARC were held in August.", date=DAY)))
    # (the FARC is a party, COLOPP, after 2017)
    assert ("COLGOV", "046", "COLOPP") in events and ("COLOPP", "046", "COLGOV") in events, events


# A participle after a passive verb shares the verb's grammatical subject, not its agent:
# "Two attack helicopters from the Philippine Air Force were sent to the area, firing rockets
# against the rebels": the helicopters fire.
SENT = [("Colombian troops", "COLMIL"), ("Nigerian soldiers", "NGAMIL"), ("Philippine marines", "PHLMIL")]
MOVED = ["were sent to the region", "were deployed to the town", "were flown to the area"]
ACTING = [("firing on", "19"), ("attacking", "19"), ("clashing with", "19")]
FOES = [("the rebels", "REB"), ("the insurgents", "REB")]


@needs_model
@SETTINGS
@given(sent=st.sampled_from(SENT), moved=st.sampled_from(MOVED), acting=st.sampled_from(ACTING),
       foe=st.sampled_from(FOES))
def test_a_participle_after_a_passive_verb_is_its_subjects_act(bundled_coder, sent, moved, acting, foe):
    (who, source), (act, root), (whom, role) = sent, acting, foe
    text = f"{who} {moved}, {act} {whom}."
    events = set(triples(bundled_coder.code_text(text, date=DAY)))
    assert any(s == source and c[:2] == root and t.endswith(role) for s, c, t in events), (text, events)


@needs_model
def test_a_participle_after_a_passive_verb_with_an_agent_is_still_the_subjects(bundled_coder):
    # "were sent by the government, firing on the rebels": the troops fire, not the government
    events = set(triples(bundled_coder.code_text(
        "Colombian troops were sent to the region by the government, firing on the rebels.", date=DAY)))
    assert any(s == "COLMIL" and c[:2] == "19" for s, c, _ in events), events
    assert not any(s.endswith("GOV") and c[:2] == "19" for s, c, _ in events), events


# A fight is force used both ways, whichever side the sentence makes its subject: "the SPLA,
# which has been fighting the government since 1983", "Chinese soldiers clashed with Indian
# troops" (CAMEO 190 both ways, as "X and Y clashed").
FIGHTERS = [("Sudanese rebels", "SDNREB"), ("Indian troops", "INDMIL"), ("Chinese soldiers", "CHNMIL"),
            ("Syrian government forces", "SYRMIL")]
FIGHTING = ["fought", "clashed with", "battled", "have been fighting"]


@needs_model
@SETTINGS
@given(pair=st.permutations(FIGHTERS), fighting=st.sampled_from(FIGHTING))
def test_a_fight_goes_both_ways_whoever_is_its_subject(bundled_coder, pair, fighting):
    (a, code_a), (b, code_b) = pair[0], pair[1]
    events = set(triples(bundled_coder.code_text(f"{a} {fighting} {b} on Monday.", date=DAY)))
    swapped = set(triples(bundled_coder.code_text(f"{b} {fighting} {a} on Monday.", date=DAY)))
    assert (code_a, "190", code_b) in events and (code_b, "190", code_a) in events, events
    assert events == swapped, (events, swapped)


@needs_model
def test_an_attack_is_not_a_fight(bundled_coder):
    events = set(triples(bundled_coder.code_text("Indian troops attacked Chinese soldiers on Monday.", date=DAY)))
    assert events == {("INDMIL", "190", "CHNMIL")}, events


# In an object relative clause the noun described is the verb's object: "the Somali fishermen
# whom the Kenyan navy seized", "the prisoners US troops detained" (the seizure and the
# detention are done to them). (With "that" the small model often parses no relative clause.)
CAPTORS = [("the Kenyan navy", "KENMIL"), ("US troops", "USAMIL"), ("Nigerian police", "NGACOP")]
CAPTIVES = [("Somali fishermen", "SOM"), ("Afghan prisoners", "AFG"), ("Yemeni sailors", "YEM")]
TAKING = [("seized", "1"), ("detained", "17"), ("abducted", "18")]


@needs_model
@SETTINGS
@given(captor=st.sampled_from(CAPTORS), captive=st.sampled_from(CAPTIVES), taking=st.sampled_from(TAKING),
       relative=st.sampled_from(["whom"]))
def test_an_object_relative_clause_acts_on_its_noun(bundled_coder, captor, captive, taking, relative):
    (who, source), (whom, country), (verb, root) = captor, captive, taking
    text = f"The Red Cross visited the {whom} {relative} {who} {verb} in May."
    events = set(triples(bundled_coder.code_text(text, date=DAY)))
    assert any(s == source and c.startswith(root) and t.startswith(country) for s, c, t in events), (text, events)


@needs_model
def test_a_relative_clause_of_place_acts_on_no_place(bundled_coder):
    # "the village where Indian troops killed ten civilians": the village is where, not whom
    events = set(triples(bundled_coder.code_text(
        "Maoist rebels attacked the Indian village where Indian troops killed ten civilians.", date=DAY)))
    assert not any(s == "INDMIL" and t != "INDCVL" for s, _, t in events), events


# An event noun that harms names its maker with "by": "An airstrike by US aircraft killed 80
# Taliban militants", "artillery fire by Russian forces killed five civilians", "a bomb planted by
# Boko Haram killed ten soldiers": the maker did the killing.
# (aircraft a country names are its forces: conventions 12, 34 and 35 of docs/gold-format.md)
MAKERS = [("US aircraft", "USAMIL"), ("Russian forces", "RUSMIL"), ("Boko Haram", "NGAREB")]
MEANS = ["An airstrike by {x}", "Artillery fire by {x}", "A bomb planted by {x}"]
HARMED = [("ten Nigerian soldiers", "NGAMIL"), ("five Ukrainian civilians", "UKRCVL"),
          ("80 Taliban militants", "AFGREB")]


@needs_model
@SETTINGS
@given(maker=st.sampled_from(MAKERS), means=st.sampled_from(MEANS), harmed=st.sampled_from(HARMED))
def test_the_maker_of_a_harming_event_noun_did_the_harm(bundled_coder, maker, means, harmed):
    (who, source), (whom, target) = maker, harmed
    if source[:3] == target[:3] and source[3:] == target[3:]:
        return
    text = f"{means.format(x=who)} killed {whom} on Monday."
    events = set(triples(bundled_coder.code_text(text, date=DAY)))
    assert any(s == source and t == target and c[:2] in ("18", "19") for s, c, t in events), (text, events)


@needs_model
def test_a_harming_noun_with_no_maker_names_nobody(bundled_coder):
    events = bundled_coder.code_text("An explosion killed ten Nigerian soldiers on Monday.", date=DAY)
    assert not events, events


# A threat or vow to act against two parties by two coordinated verbs threatens both: "threatened
# to sink Japan and reduce the United States to ashes". An appeal stays addressed to whom it names.
THREATENERS = [("North Korea", "PRK"), ("Iran", "IRN"), ("Hezbollah", "LBNREB")]
THREATS = ["threatened to attack {a} and destroy {b}", "vowed to attack {a} and strike {b}",
           "threatened to sink {a} and reduce {b} to ashes"]
THREATENED = [("Japan", "JPN"), ("Israel", "ISR"), ("the United States", "USA"), ("Saudi Arabia", "SAU")]


@needs_model
@SETTINGS
@given(who=st.sampled_from(THREATENERS), threat=st.sampled_from(THREATS), pair=st.permutations(THREATENED))
def test_a_threat_by_two_coordinated_verbs_threatens_both(bundled_coder, who, threat, pair):
    (name, source), (a, code_a), (b, code_b) = who, pair[0], pair[1]
    text = f"{name} {threat.format(a=a, b=b)}."
    events = set(triples(bundled_coder.code_text(text, date=DAY)))
    assert (source, "138", code_a) in events and (source, "138", code_b) in events, (text, events)


@needs_model
def test_an_appeal_with_two_coordinated_verbs_is_addressed_to_whom_it_names(bundled_coder):
    events = set(triples(bundled_coder.code_text(
        "The EU urged Russia to withdraw its troops and free Ukrainian prisoners.", date=DAY)))
    assert events and all(t == "RUS" for _, _, t in events), events


# A state's national security council is its government; "Security Council" alone is the UN's.
# Calling a meeting or an election convenes it: no phone call to anyone.
@needs_model
@SETTINGS
@given(state=st.sampled_from([("Pakistan's", "PAKGOV"), ("Iran's Supreme", "IRNGOV"), ("the Indian", "INDGOV")]))
def test_a_national_security_council_is_its_states(bundled_coder, state):
    owner, code = state
    text = f"{owner} National Security Council condemned Israel on Monday."
    events = set(triples(bundled_coder.code_text(text, date=DAY)))
    assert (code, "111", "ISR") in events, (text, events)
    events = set(triples(bundled_coder.code_text("The Security Council condemned Israel on Monday.", date=DAY)))
    assert ("IGOUNO", "111", "ISR") in events, events


@needs_model
def test_calling_a_meeting_is_no_phone_call(bundled_coder):
    for text in ("South Korean President Moon Jae-in called a meeting of the National Security Council.",
                 "The Thai prime minister called a snap election."):
        assert not bundled_coder.code_text(text, date=DAY), text
    events = set(triples(bundled_coder.code_text("Putin called Erdogan on Monday.", date=DAY)))
    assert ("RUSGOV", "041", "TURGOV") in events, events
