"""Mechanisms real news needs (issue 10, twenty-third round). Example tests beside Hypothesis
properties."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from conftest import needs_model
from test_news_mechanisms_11 import DAY, SETTINGS
from test_news_mechanisms_13 import _triples

def _assert_coded(coder, text: str, want: tuple, date: dt.date | None = DAY) -> None:
    """``text`` coded on ``date`` gives the (source, code, target) ``want``."""
    events = _triples(coder, text, date)
    assert want in events, (text, events)


# An air defence that shoots down or intercepts what the other side launched uses force on that
# side (190); its "air" is no aerial weapon (195) of its own.
DEFENDERS = [("Ukraine's air defense", "UKRMIL"), ("Saudi air defences", "SAUMIL")]
SHOTS = ["shot down two missiles launched by Russia", "intercepted a missile fired by Russia",
         "intercepted 15 drones launched by Russia", "downed a drone launched by Russia"]


@needs_model
@SETTINGS
@given(defender=st.sampled_from(DEFENDERS), shot=st.sampled_from(SHOTS))
def test_shooting_down_what_a_side_launched_is_force_on_that_side(bundled_coder, defender, shot):
    name, code = defender
    text = f"{name} {shot} on Tuesday."
    events = _triples(bundled_coder, text)
    assert any(s == code and c == "190" and t[:3] == "RUS" for s, c, t in events), (text, events)
    assert not any(c == "195" for s, c, t in events), (text, events)


@needs_model
def test_an_air_force_striking_still_uses_aerial_weapons(bundled_coder):
    events = _triples(bundled_coder, "Israeli aircraft struck Hamas targets in Gaza.")
    assert ("ISRMIL", "195", "PSEREBHMS") in events, events


# Force that answers force ("returned fire", "fired back", "launched a counterattack") is used on
# the side that struck first in the same sentence.
ANSWERS = ["the police fired back", "the police returned fire", "the police launched a counterattack"]


@needs_model
@SETTINGS
@given(answer=st.sampled_from(ANSWERS))
def test_answering_fire_is_force_on_the_first_striker(bundled_coder, answer):
    text = f"Taliban fighters attacked a police checkpoint in Kandahar and {answer}."
    events = _triples(bundled_coder, text)
    assert ("AFGREB", "190", "AFGCOP") in events, (text, events)
    assert ("AFGCOP", "190", "AFGREB") in events, (text, events)


@needs_model
def test_a_counterattack_after_a_killing_answers_the_killers(bundled_coder):
    events = _triples(bundled_coder, "Royal Nepalese Army soldiers launched a counterattack on Monday after "
                                     "Maoist guerrillas killed at least 57 soldiers.")
    assert ("NPLMIL", "190", "NPLREB") in events and ("NPLREB", "190", "NPLMIL") in events, events


@needs_model
def test_returned_fire_is_not_what_the_attack_refers_to(bundled_coder):
    # the answering fire names no first striker, and "the attack" of the next sentence is not it
    events = bundled_coder.code_text(
        "South Korea said it had returned fire and scrambled fighter jets in response to the attack. "
        "The United States condemned the attack and called on North Korea to stop.", date=None)
    got = {(e.source, e.event_code, e.target) for e in events}
    assert ("USA", "020", "PRK") in got, got
    assert not any(s == "KOR" and t == "KORMIL" for s, c, t in got), got
    assert not any(s == "USA" and c == "111" and t[:3] == "KOR" for s, c, t in got), got


# Memoranda of understanding are formal agreements (057); a state's representatives act for it.
SIGNED = ["three memoranda of understanding", "two MoUs", "a memorandum of understanding"]


@needs_model
@SETTINGS
@given(paper=st.sampled_from(SIGNED))
def test_signing_memoranda_is_a_formal_agreement(bundled_coder, paper):
    text = f"Trinidad and Tobago signed {paper} with the Chinese government on Monday."
    events = _triples(bundled_coder, text)
    assert ("TTO", "057", "CHNGOV") in events and ("CHNGOV", "057", "TTO") in events, (text, events)


@needs_model
def test_representatives_from_two_states_sign_for_them(bundled_coder):
    events = _triples(bundled_coder, "Representatives from Congo and Rwanda have signed a peace agreement.")
    assert ("CODGOV", "057", "RWAGOV") in events and ("RWAGOV", "057", "CODGOV") in events, events


# A bloc suspending a member state breaks relations with it (161); a state suspending an officer
# or a newspaper breaks none.
BLOCS = [("The Organization of American States", "IGOOAS"), ("ECOWAS", "IGOWAFWAS"), ("The African Union", "IGOAFRAFU")]
SUSPENSIONS = ["suspended {s}", "suspended {s} from all its activities", "suspended {s}'s membership"]


@needs_model
@SETTINGS
@given(bloc=st.sampled_from(BLOCS), form=st.sampled_from(SUSPENSIONS))
def test_a_bloc_suspending_a_member_breaks_relations(bundled_coder, bloc, form):
    name, code = bloc
    text = f"{name} {form.format(s='Honduras')} on Saturday."
    events = _triples(bundled_coder, text)
    assert (code, "161", "HND") in events, (text, events)


@needs_model
def test_suspending_an_officer_breaks_no_relations(bundled_coder):
    events = _triples(bundled_coder, "Kenya suspended the police commander after the protesters were beaten by police.")
    assert not any(c == "161" for s, c, t in events), events
    assert ("KENCOP", "175", "KENOPP") in events, events


# A state that says a foreign mission's staff must leave expels them (161).
LEAVING = ["announced that six Canadian diplomats would have to leave the country by Sunday",
           "said that all Canadian diplomats must leave within 48 hours",
           "has given Canada a list of 15 Canadian diplomats that must leave within seven days"]


@needs_model
@SETTINGS
@given(told=st.sampled_from(LEAVING))
def test_telling_diplomats_they_must_leave_expels_them(bundled_coder, told):
    text = f"India {told}."
    events = _triples(bundled_coder, text)
    assert ("IND", "161", "CANGOV") in events, (text, events)


@needs_model
def test_diplomats_who_need_not_leave_are_not_expelled(bundled_coder):
    events = _triples(bundled_coder, "India criticized Canada and said Canadian diplomats did not have to leave.")
    assert not any(c == "161" for s, c, t in events), events
    assert ("IND", "111", "CAN") in events, events


# A meeting held for talks is a meeting and negotiations (convention 27: 040 or 044, and 046).
MEETINGS = ["met for talks in Beijing on Thursday", "held two meetings in Munich for nuclear talks",
            "met for face-to-face talks on Saturday"]


@needs_model
@SETTINGS
@given(meeting=st.sampled_from(MEETINGS))
def test_a_meeting_for_talks_is_also_negotiation(bundled_coder, meeting):
    text = f"The foreign ministers of Saudi Arabia and Iran {meeting}."
    events = _triples(bundled_coder, text)
    assert ("SAUGOV", "046", "IRNGOV") in events and ("IRNGOV", "046", "SAUGOV") in events, (text, events)
    assert any(c[:3] in ("040", "044") for s, c, t in events), (text, events)


@needs_model
def test_a_meeting_for_dinner_is_no_negotiation(bundled_coder):
    events = _triples(bundled_coder, "Putin met Xi for dinner.")
    assert ("RUSGOV", "040", "CHNGOV") in events and not any(c == "046" for s, c, t in events), events


# A noun that refers back to an act told before in the same sentence names its doer.
JUDGEMENTS = ["and London condemned the move", "and London called the move unacceptable",
              "but London called the decision regrettable"]


@needs_model
@SETTINGS
@given(judgement=st.sampled_from(JUDGEMENTS))
def test_judging_an_act_of_the_same_sentence_judges_its_doer(bundled_coder, judgement):
    text = f"Russia expelled two British diplomats on Monday, {judgement}."
    events = _triples(bundled_coder, text)
    assert ("RUS", "161", "GBRGOV") in events, (text, events)
    assert ("GBRGOV", "111", "RUS") in events, (text, events)


# A mediated thing with no act of the sentence between its parties: the parties are those its
# own phrase names, else the subjects of the verb it belongs to.
MEDIATED = ["made no progress at the EU-mediated talks in Brussels",
            "held talks mediated by the European Union in Brussels"]


@needs_model
@SETTINGS
@given(mediated=st.sampled_from(MEDIATED))
def test_a_mediator_mediates_between_the_parties_of_what_it_mediated(bundled_coder, mediated):
    text = f"Serbian President Aleksandar Vucic and Prime Minister of Kosovo Albin Kurti {mediated}."
    events = _triples(bundled_coder, text, dt.date(2023, 9, 14))
    assert ("IGOEUREEC", "045", "SRBGOV") in events and ("IGOEUREEC", "045", "KSVGOV") in events, (text, events)


@needs_model
def test_a_mediator_is_not_a_party_of_its_own_country(bundled_coder):
    events = _triples(bundled_coder, "Representatives of the army are in the Saudi city of Jeddah for "
                                     "negotiations mediated by Saudi Arabia and the United States.")
    assert not any(c == "045" and s[:3] in ("SAU", "USA") and t[:3] in ("SAU", "USA") for s, c, t in events), events


@needs_model
def test_initialling_a_deal_is_signing_it(bundled_coder):
    events = _triples(bundled_coder, "The four rebel groups and Chad's government initialled a peace deal brokered by Libya.",
                      dt.date(2007, 10, 5))
    assert ("TCDREB", "057", "TCDGOV") in events and ("LBY", "045", "TCDGOV") in events, events


# A noun that refers back to an act of the story names its doer: a state denying its rebels'
# accusation answers the rebels (a state is not its rebels); a verdict is a court's; drills are a
# show of force.
@needs_model
def test_a_state_denies_the_accusation_of_its_rebels(bundled_coder):
    events = bundled_coder.code_text(
        "The LRA accused the Ugandan military of attacking an LRA group in southern Sudan. "
        "Uganda denied the accusation.", date=dt.date(2008, 5, 1))
    got = {(e.source, e.event_code, e.target) for e in events}
    assert ("UGAREB", "1123", "UGAMIL") in got and ("UGA", "016", "UGAREB") in got, got


REFERRED = [
    ("A Belarusian court sentenced opposition activist Ales Bialiatski to ten years in prison.",
     "The U.S. embassy condemned the verdict.", ("USAGOV", "111", "BLRJUD")),
    ("Chinese warships held large-scale drills around Taiwan on Monday.",
     "Taipei condemned the drills.", ("TWNGOV", "111", "CHNMIL")),
]


@needs_model
@SETTINGS
@given(case=st.sampled_from(REFERRED))
def test_a_verdict_or_drills_refer_back_to_their_doers(bundled_coder, case):
    first, second, want = case
    events = bundled_coder.code_text(f"{first} {second}", date=dt.date(2023, 3, 3))
    got = {(e.source, e.event_code, e.target) for e in events}
    assert want in got, (first, second, got)


# Shooting people is small-arms fire (193, convention 29: "shooting people dead is 193"); a state's
# forces shooting its protesters stay repression (175), a heavier weapon still counts.
SHOOTINGS = ["shot dead four Palestinians", "shot and killed four Palestinians", "shot four Palestinians"]


@needs_model
@SETTINGS
@given(shooting=st.sampled_from(SHOOTINGS))
def test_shooting_people_is_small_arms_fire(bundled_coder, shooting):
    text = f"Israeli forces {shooting} in Jenin on Tuesday."
    events = _triples(bundled_coder, text)
    assert ("ISRMIL", "193", "PSECVL") in events, (text, events)


@needs_model
def test_police_shooting_protesters_is_still_repression(bundled_coder):
    events = _triples(bundled_coder, "Kenyan police shot dead three protesters in Nairobi on Monday.")
    assert ("KENCOP", "175", "KENOPP") in events, events


# What an accusation charges names its kind: rights curbed and suffering inflicted are abuses
# (1122), as is violence against civilians; fire started and violence traded between armed sides
# are aggression (1123); violence a party is said to incite stays a plain accusation (112).
ACCUSATIONS = [
    ("The US accused China of infringing on the city's freedoms.", ("USA", "1122", "CHN")),
    ("The US accused Russia of inflicting untold suffering on Ukrainian civilians.", ("USA", "1122", "RUS")),
    ("Amnesty International accused Kenyan police of excessive violence against peaceful protesters.",
     ("NGOHRIAMN", "1122", "KENCOP")),
    ("Indian army officials blamed Pakistan for initiating the fire.", ("INDMIL", "1123", "PAK")),
    ("The Tamil Tigers and the Sri Lankan military traded fresh accusations of violence.", ("LKAREB", "1123", "LKAMIL")),
    ("Mugabe accused the MDC of fomenting violence.", ("ZWEGOV", "112", "ZWEOPP")),
]


@needs_model
@SETTINGS
@given(case=st.sampled_from(ACCUSATIONS))
def test_the_accused_act_names_the_kind_of_accusation(bundled_coder, case):
    _assert_coded(bundled_coder, *case, dt.date(2008, 5, 1))


# A warning that the warner will act is a threat of that act; a warning about what others will
# do is no threat of theirs.
@needs_model
def test_warning_that_one_will_attack_threatens_the_attack(bundled_coder):
    events = _triples(bundled_coder, "Iran warned that it will strike Israel.")
    assert ("IRN", "138", "ISR") in events, events
    others = _triples(bundled_coder, "Israel warned that Hezbollah will attack Israeli towns.")
    assert not any(s[:3] == "LBN" for s, c, t in others) and any(s == "ISR" for s, c, t in others), others


# A modifier inside a pattern's own noun ("military action") names the act, not its target.
@needs_model
def test_a_threatened_military_action_falls_on_the_party_after_it(bundled_coder):
    events = _triples(bundled_coder, "Iran threatened military action against Israel.")
    assert ("IRN", "138", "ISR") in events and not any(t.endswith("MIL") for s, c, t in events), events
    summoned = _triples(bundled_coder, "Turkey summoned the US ambassador.")
    assert ("TUR", "110", "USAGOV") in summoned, summoned


# "X retaliated by arresting Y": the answer is the act the "by" phrase tells, not force as well;
# a retaliation against a party keeps its own act.
@needs_model
def test_retaliating_by_an_act_is_that_act(bundled_coder):
    events = _triples(bundled_coder, "Serbia retaliated by arresting three Kosovo police officers.", None)
    assert ("SRB", "173", "KSVCOP") in events and not any(c[:2] == "19" for s, c, t in events), events
    against = _triples(bundled_coder, "Israel retaliated against Hamas by bombing its bases in Gaza.", None)
    assert any(s[:3] == "ISR" and c[:2] == "19" and t == "PSEREBHMS" for s, c, t in against), against


@needs_model
def test_referring_to_a_state_as_an_enemy_is_disapproval(bundled_coder):
    events = _triples(bundled_coder, "The Moroccan consul referred to Algeria as an enemy country.")
    assert ("MARGOV", "111", "DZA") in events, events


# Fire comes "from" whoever fired it, and a strike that strikes names its maker as the doer.
FIRE = ["Shelling from India killed 12 Pakistani civilians.",
        "Artillery fire and shelling from India have targeted several Pakistani villages, killing 12 civilians.",
        "Mortar fire from India hit a Pakistani village, killing 12 civilians."]


@needs_model
@SETTINGS
@given(text=st.sampled_from(FIRE))
def test_fire_from_a_state_is_that_states(bundled_coder, text):
    events = _triples(bundled_coder, text)
    assert any(s == "IND" and c == "194" and t[:3] == "PAK" for s, c, t in events), (text, events)


# No event, nor an announced one, in a clause asked about, in a time clause of what would follow,
# or under a verb of preventing; the same act told plainly is one.
UNTOLD = [
    ("", "Kyiv was still waiting for an answer from Moscow on whether Lavrov was willing to meet Kuleba.",
     "Lavrov was willing to meet Kuleba.", ("RUSGOV", "036", "UKRGOV")),
    ("Israel and Hamas fought for eleven days.",
     "Once both sides agreed to halt hostilities, they would negotiate the terms of a longer-term truce.",
     "Both sides agreed to halt hostilities.", ("ISR", "0871", "PSEREBHMS")),
    ("Nicaragua's government cracked down on protesters.",
     "A priest called on the international community to prevent the massacre of protesters by the government.",
     "The priest condemned the massacre of protesters by the government.", ("NICGOV", "202", "NICOPP")),
]


@needs_model
@SETTINGS
@given(case=st.sampled_from(UNTOLD))
def test_asked_supposed_or_prevented_acts_are_no_events(bundled_coder, case):
    context, untold, told, want = case
    got = {(e.source, e.event_code, e.target)
           for e in bundled_coder.code_text(untold, context=context, date=dt.date(2021, 5, 20))}
    plain = {(e.source, e.event_code, e.target)
             for e in bundled_coder.code_text(told, context=context, date=dt.date(2021, 5, 20))}
    assert want in plain, (told, plain)
    assert want not in got and not any(c == want[1] for s, c, t in got), (untold, got)


# An organ of a state (its army, police, courts) does not act on that state itself.
@needs_model
def test_a_states_forces_do_not_act_on_their_own_state(bundled_coder):
    events = _triples(bundled_coder, "Russian forces withdrew from Chechnya in 1996.", dt.date(1996, 12, 31))
    assert not any(s == "RUSMIL" and t == "RUS" for s, c, t in events), events
    other = _triples(bundled_coder, "Russian forces withdrew from Georgia in 2008.", dt.date(2008, 10, 10))
    assert ("RUSMIL", "0874", "GEO") in other, other


# A noun of no event of its own can name who did the act ("the coup in Niger": its army).
COUPS = ["The United States condemned the coup in Niger.", "The coup in Niger was condemned by the United States.",
         "The United States condemned the coup against President Mohamed Bazoum."]


@needs_model
@SETTINGS
@given(text=st.sampled_from(COUPS))
def test_a_coup_is_its_countrys_armed_forces(bundled_coder, text):
    events = _triples(bundled_coder, text, dt.date(2023, 7, 30))
    assert ("USA", "111", "NERMIL") in events, (text, events)
    assert not any(c == "---" for s, c, t in events), (text, events)


# Cooperation furthered is diplomatic cooperation (050); announced, the intent of it (03x).
@needs_model
def test_furthering_cooperation_is_cooperation_or_its_intent(bundled_coder):
    done = _triples(bundled_coder, "China and Russia strengthened cooperation.")
    assert ("CHN", "050", "RUS") in done and ("RUS", "050", "CHN") in done, done
    ready = _triples(bundled_coder, "Mongolia is ready to expand cooperation with China in various fields.")
    assert any(s == "MNG" and c[:2] == "03" and t == "CHN" for s, c, t in ready), ready


# An act done "at the request of" a party was asked for by that party: the appeal for the act.
REQUESTED = [
    ("Canada arrested a Chinese executive at the request of the United States.", ("USA", "0213", "CAN")),
    ("Saudi Arabia declared a ceasefire in Yemen at the request of Yemeni President Hadi.", ("YEMGOV", "0256", "SAU")),
    ("Saudi Arabia declared a ceasefire in Yemen at President Hadi's request.", ("YEMGOV", "0256", "SAU")),
]


@needs_model
@SETTINGS
@given(case=st.sampled_from(REQUESTED))
def test_an_act_at_a_partys_request_was_asked_for_by_it(bundled_coder, case):
    _assert_coded(bundled_coder, *case, dt.date(2016, 1, 1))


# Going back returns no one ("returned to Jeddah"); one's own envoy told to return is recalled
# (161); attacking a village is force (190).
@needs_model
def test_returning_and_recalling(bundled_coder):
    gone = _triples(bundled_coder, "The Sudanese army returned to Jeddah to resume negotiations.", None)
    assert not any(c[:3] == "084" for s, c, t in gone), gone
    returned = _triples(bundled_coder, "Pakistan returned the Indian pilot to India.")
    assert ("PAK", "084", "IND") in returned, returned
    recalled = _triples(bundled_coder, "Serbia ordered its ambassador to the United States to return.")
    assert ("SRB", "161", "USA") in recalled, recalled


@needs_model
def test_attacking_a_village_is_force(bundled_coder):
    events = _triples(bundled_coder, "Janjaweed fighters attacked the Aro Sharow refugee camp in western Darfur.",
                      dt.date(2006, 10, 1))
    assert any(c == "190" for s, c, t in events) and not any(c == "180" for s, c, t in events), events


# A landmine is a bomb no army fires (183).
@needs_model
def test_a_landmine_attack_is_unconventional_violence(bundled_coder):
    events = _triples(bundled_coder, "A landmine planted by suspected Maoist rebels in Nepal killed 21 policemen.",
                      dt.date(2005, 1, 1))
    assert ("NPLREB", "183", "NPLCOP") in events, events
