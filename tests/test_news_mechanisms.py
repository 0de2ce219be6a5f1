"""The mechanisms real news needs (issue 10): nominal events, reciprocal and plural actors, country
inference, office titles, and the misses-by-class report. Example tests beside Hypothesis
properties; codes the properties expect are read from the bundled dictionaries, never written in."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import needs_model

DAY = dt.date(2019, 6, 14)
SETTINGS = settings(
    max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Countries whose name is one entry of the bundled dictionaries (checked in the fixture).
COUNTRIES = ["Russia", "Ukraine", "China", "India", "Pakistan", "Iran", "Israel", "France", "Germany", "Japan",
             "Egypt", "Nigeria", "Kenya", "Brazil", "Mexico", "Turkey", "Armenia", "Azerbaijan", "Serbia", "Poland"]
# (city, the country the gazetteer puts it in): cities that are no actor in the dictionaries.
CITIES = [("Sukkur", "PAK"), ("Bauchi", "NGA"), ("Larkana", "PAK"), ("Gombe", "NGA"), ("Kitgum", "UGA"),
          ("Dessie", "ETH"), ("Kenema", "SLE"), ("Chiclayo", "PER"), ("Cuttack", "IND"), ("Jessore", "BGD")]


def triples(events):
    return {(e.source, e.event_code, e.target) for e in events}


@pytest.fixture(scope="module")
def country_codes(bundled_coder):
    from eventcoder.dictionaries.lookup import lookup

    out = {}
    for name in COUNTRIES:
        found = [h for h in lookup(bundled_coder.lexicon.dictionaries, name, DAY) if h.kind == "actor" and h.codes]
        assert found, name
        out[name] = found[0].codes[0]
    return out


@pytest.fixture(scope="module")
def unknown_cities(bundled_coder):
    """CITIES that no dictionary entry names (so their country can only be inferred)."""
    from eventcoder.dictionaries.lookup import lookup

    out = [(c, k) for c, k in CITIES if not [h for h in lookup(bundled_coder.lexicon.dictionaries, c, DAY) if h.codes]]
    assert len(out) >= 3
    return out


@pytest.fixture(scope="module")
def noun_code(bundled_coder):
    """noun phrase -> its code in dictionaries/nouns.txt."""
    return {" ".join(w): n.code for n in bundled_coder.lexicon.dictionaries.nouns for w in n.words}


# --- nominal events ---------------------------------------------------------------------------


@needs_model
def test_noun_events_carry_trigger_noun(bundled_coder, noun_code):
    events = bundled_coder.code_text("Russia condemned the air strikes by the United States on Syria.", date=DAY)
    got = {(e.source, e.event_code, e.target, e.trigger) for e in events}
    assert ("USA", noun_code["air strike"], "SYR", "noun") in got
    assert any(e.trigger == "verb" and e.target == "USA" for e in events)


@needs_model
def test_talks_between_go_both_ways_and_a_planned_visit_is_no_event(bundled_coder, noun_code):
    got = triples(bundled_coder.code_text("Talks between Russia and Ukraine continued on Monday.", date=DAY))
    assert {("RUS", noun_code["talks"], "UKR"), ("UKR", noun_code["talks"], "RUS")} <= got
    possible = bundled_coder.code_text("The possible attack on Ukraine by Russia worried Poland.", date=DAY)
    assert all(e.trigger == "verb" for e in possible)  # a possible attack is no event of its own


@needs_model
def test_arrest_by_police_names_agent_and_target(bundled_coder, noun_code):
    events = bundled_coder.code_text("The arrest of the opposition leader by Kenyan police sparked protests.", date=DAY)
    assert ("KENCOP", noun_code["arrest"], "KENOPP") in triples(events)


@needs_model
@SETTINGS
@given(a=st.sampled_from(COUNTRIES), b=st.sampled_from(COUNTRIES), noun=st.sampled_from(["talks", "clashes"]))
def test_mutual_noun_is_symmetric(bundled_coder, country_codes, noun_code, a, b, noun):
    """'Talks between A and B' and 'talks between B and A' give the same events, both ways."""
    if a == b:
        return
    first = triples(bundled_coder.code_text(f"{noun.capitalize()} between {a} and {b} continued on Monday.", date=DAY))
    second = triples(bundled_coder.code_text(f"{noun.capitalize()} between {b} and {a} continued on Monday.", date=DAY))
    assert first == second
    code = noun_code["talks" if noun == "talks" else "clash"]
    assert (country_codes[a], code, country_codes[b]) in first and (country_codes[b], code, country_codes[a]) in first


# --- reciprocal and plural actors --------------------------------------------------------------


@needs_model
@SETTINGS
@given(a=st.sampled_from(COUNTRIES), b=st.sampled_from(COUNTRIES))
def test_each_other_is_both_ways_and_swapping_changes_nothing(bundled_coder, country_codes, a, b):
    if a == b:
        return
    first = triples(bundled_coder.code_text(f"{a} and {b} accused each other of violating the ceasefire.", date=DAY))
    second = triples(bundled_coder.code_text(f"{b} and {a} accused each other of violating the ceasefire.", date=DAY))
    assert first == second
    assert {(s, t) for s, _, t in first} == {(country_codes[a], country_codes[b]), (country_codes[b], country_codes[a])}


@needs_model
def test_the_two_countries_are_the_pair_named_before(bundled_coder):
    events = bundled_coder.code_text("Kenya and Somalia met on Monday. The two countries signed an agreement.", date=DAY)
    signed = {(e.source, e.target) for e in events if e.sentence_index == 1}
    assert signed == {("KEN", "SOM"), ("SOM", "KEN")}


@needs_model
def test_a_city_after_in_is_a_place_not_a_party(bundled_coder):
    events = bundled_coder.code_text("Russia and Ukraine held talks in Istanbul.", date=DAY)
    assert events and all("TUR" not in (e.source, e.target) for e in events)


# --- country inference -------------------------------------------------------------------------


@needs_model
@SETTINGS
@given(k=st.integers(0, 20))
def test_police_take_the_country_of_the_place_in_their_phrase(bundled_coder, unknown_cities, k):
    city, country = unknown_cities[k % len(unknown_cities)]
    events = bundled_coder.code_text(f"Police in {city} arrested Russian journalists.", date=DAY)
    assert events, city
    assert {(e.source, e.source_country_inferred) for e in events} == {(country + "COP", True)}


@needs_model
@SETTINGS
@given(name=st.sampled_from(COUNTRIES), place=st.sampled_from(CITIES))
def test_a_place_phrase_never_changes_an_actor_that_has_a_country(bundled_coder, country_codes, name, place):
    """Adding 'in CITY' changes no actor that the sentence named with its country."""
    city, _ = place
    plain = triples(bundled_coder.code_text(f"{name} condemned Iran.", date=DAY))
    placed = bundled_coder.code_text(f"{name} condemned Iran in {city}.", date=DAY)
    assert plain <= triples(placed) or name == "Iran"
    assert all(not e.source_country_inferred for e in placed)


@needs_model
def test_dateline_and_story_country(bundled_coder):
    events = bundled_coder.code_text("BAMAKO (Reuters) - The army attacked the rebels on Monday.", date=DAY)
    assert ("MLIMIL", "MLIREB") in {(e.source, e.target) for e in events}
    assert all(e.source_country_inferred and e.target_country_inferred for e in events)


@needs_model
def test_a_tie_between_countries_is_no_answer(bundled_coder):
    events = bundled_coder.code_text("France and Germany met. Officials attacked the rebels.", date=DAY)
    assert all(e.source.startswith("---") for e in events if e.sentence_index == 1)


def test_dateline_pattern():
    from eventcoder.country_inference import dateline_country

    assert dateline_country("KARACHI, Pakistan (Reuters) - Police ...", DAY)[0] == "PAK"
    assert dateline_country("NAIROBI, Dec 3 (AP) \u2014 The ...", DAY)[0] == "KEN"
    assert dateline_country("The army attacked - again.", DAY) == (None, 0)


def test_gazetteer_maps_to_cameo_codes():
    from eventcoder import gazetteer

    assert gazetteer.lookup("Paris").iso3 == "FRA"  # the capital, not Paris, Texas
    assert gazetteer.lookup("Pristina").cameo() == "KSV"
    assert gazetteer.lookup("Juba").cameo(dt.date(2010, 1, 1)) == "SDN"
    assert gazetteer.lookup("Juba").cameo(dt.date(2012, 1, 1)) == "SSD"
    assert gazetteer.lookup("Nowhereville-on-Sea") is None


# --- office titles and people ------------------------------------------------------------------


@needs_model
def test_title_gives_office_but_not_after_former(bundled_coder):
    got = triples(bundled_coder.code_text("Former President Barack Obama criticized Russia.", date=DAY))
    assert ("USAELI", "111", "RUS") in got
    got = triples(bundled_coder.code_text("Liberian President Johnson condemned Guinea.", date=DAY))
    assert all(s.startswith("LBR") for s, _, _ in got) and got


@needs_model
def test_a_one_word_name_matches_only_capitalised(bundled_coder):
    events = bundled_coder.code_text("Turkish warplanes struck Kurdish rebels in Iraq.", date=DAY)
    assert all("DEU" not in (e.source + (e.target or "")) for e in events)


@needs_model
def test_surname_of_a_person_introduced_with_a_title(bundled_coder):
    text = "HARARE (Reuters) - Zimbabwe's opposition leader Tendai Mazarura spoke on Friday. Mazarura criticized the government."
    events = bundled_coder.code_text(text, date=DAY)
    assert any("Mazarura" in e.source_text and e.source.startswith("ZWE") for e in events)


# --- misses by class ---------------------------------------------------------------------------


def test_miss_classes():
    from eventcoder.validate import miss_classes

    exp = {("KENCOP", "KENOPP", "173")}
    assert miss_classes(exp, {("---COP", "KENOPP", "173")}) == [("country missing", ("KENCOP", "KENOPP", "173"))]
    assert miss_classes(exp, {("KENCOP", "KENOPP", "190")})[0][0] == "wrong code"
    assert miss_classes(exp, {("KENCOP", "UGAOPP", "173")})[0][0] == "missing actor"
    assert miss_classes(exp, set()) == [("no event", ("KENCOP", "KENOPP", "173"))]
    assert miss_classes(set(), {("A", "B", "010")}) == [("extra event", ("A", "B", "010"))]
    person = {("GBRGOV", "KENOPP", "173"): ("Boris Johnson (actors/people.txt:9)", None)}
    assert miss_classes(exp, {("GBRGOV", "KENOPP", "173")}, person)[0][0] == "wrong person"


@given(
    exp=st.sets(st.tuples(st.sampled_from(["USA", "RUSGOV", "---GOV"]), st.sampled_from(["SYR", "UKRMIL"]),
                          st.sampled_from(["190", "111", "046"])), max_size=4),
    got=st.sets(st.tuples(st.sampled_from(["USA", "RUSGOV", "---GOV"]), st.sampled_from(["SYR", "UKRMIL"]),
                          st.sampled_from(["190", "111", "046"])), max_size=4),
)
def test_every_miss_is_classed_once(exp, got):
    from eventcoder.validate import miss_classes

    out = miss_classes(exp, got)
    missed = [t for c, t in out if c != "extra event"]
    assert sorted(missed) == sorted(exp - got)
    assert all(t in got - exp for c, t in out if c == "extra event")


def test_gazetteer_cache_is_written_read_and_rebuilt_when_broken(tmp_path, monkeypatch):
    from eventcoder import gazetteer

    monkeypatch.setenv("EVENTCODER_CACHE_DIR", str(tmp_path))
    built = gazetteer._cached()
    files = list(tmp_path.glob("gazetteer-*.pkl"))
    iso3 = 1  # rows hold Place's fields in order: name, iso3, ...
    assert len(files) == 1 and built[0]["paris"][iso3] == "FRA"
    assert {p[iso3] for p in built[1]["tripoli"]} >= {"LBY", "LBN"}  # every place of a shared name
    assert gazetteer._cached() == built  # read back
    files[0].write_bytes(b"not a pickle")
    assert gazetteer._cached()[0]["paris"][iso3] == "FRA"  # rebuilt, never trusted
    # What callers get are Place objects.
    assert gazetteer.lookup("Paris").iso3 == "FRA"
    assert {p.iso3 for p in gazetteer.candidates("Tripoli")} >= {"LBY", "LBN"}
