"""Event locations (issue 11): the place phrase attached to an event's verb or clause, resolved
offline through the gazetteer; null when the sentence names no place."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import needs_model
from eventcoder import gazetteer
from eventcoder.locations import _choose

DAY = dt.date(2019, 6, 14)
SETTINGS = settings(
    max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Cities no dictionary names as an actor, with the country the gazetteer puts them in.
CITIES = [("Sukkur", "PAK"), ("Bauchi", "NGA"), ("Larkana", "PAK"), ("Gombe", "NGA"), ("Kitgum", "UGA"),
          ("Dessie", "ETH"), ("Kenema", "SLE"), ("Chiclayo", "PER"), ("Cuttack", "IND"), ("Jessore", "BGD")]


def located(coder, text):
    return {(e.source, e.event_code, e.target, e.location_text, e.location_country) for e in coder.code_text(text, date=DAY)}


def test_candidates_list_every_place_of_a_shared_name():
    gao = gazetteer.candidates("Gao")
    assert {p.iso3 for p in gao} >= {"MLI", "BFA"}
    assert gazetteer.candidates("Aleppo")[0].iso3 == "SYR"
    assert gazetteer.candidates("no such place anywhere") == ()
    assert gazetteer.candidates("Venezuela")[0].kind == "country"


def test_a_shared_name_follows_the_sentence_then_the_actors():
    tripoli = gazetteer.candidates("Tripoli")
    assert _choose(tripoli, [], [], DAY).iso3 == "LBY"  # the largest
    assert _choose(tripoli, ["LBN"], [], DAY).iso3 == "LBN"  # "Tripoli in northern Lebanon"
    assert _choose(tripoli, [], ["LBN"], DAY).iso3 == "LBN"  # a Lebanese actor
    # A small town does not beat a large namesake because the parties are American.
    assert _choose(gazetteer.candidates("Geneva"), [], ["USA"], DAY).iso3 == "CHE"
    assert _choose(gazetteer.candidates("Venezuela"), [], ["CUB"], DAY).iso3 == "VEN"


@needs_model
def test_issue_examples(bundled_coder):
    aleppo = bundled_coder.code_text("Russian troops attacked rebels in Aleppo on Saturday.", date=DAY)
    assert aleppo and all(e.location_country == "SYR" and e.location_text == "Aleppo" for e in aleppo)
    assert abs(aleppo[0].latitude - 36.2) < 0.1 and abs(aleppo[0].longitude - 37.16) < 0.1
    gao = bundled_coder.code_text("French soldiers clashed with militants near Gao in northern Mali.", date=DAY)
    assert gao and all(e.location_country == "MLI" and e.location_text == "Gao" for e in gao)
    france = bundled_coder.code_text("France condemned Iran.", date=DAY)
    assert france and all(
        e.location_text is None and e.location_country is None and e.latitude is None and e.longitude is None
        for e in france
    )


@needs_model
def test_what_is_not_a_location(bundled_coder):
    # What the act is about, why it happened, or a person who shares a town's name.
    for text in ("The United States eased sanctions on Venezuela.",
                 "Turkey recalled its ambassador over the violence in Gaza.",
                 "China detained two Canadians at the request of the United States.",
                 "Moscow condemned Washington.",
                 "Merkel hosted Obama at the chancellery."):
        events = bundled_coder.code_text(text, date=DAY)
        assert all(e.location_country is None for e in events), (text, events)


@needs_model
def test_a_city_attacked_is_where_the_attack_happened(bundled_coder):
    events = bundled_coder.code_text("Israeli air strikes on Gaza killed 20 Palestinians.", date=DAY)
    assert events and all(e.location_text == "Gaza" and e.latitude is not None for e in events)
    met = bundled_coder.code_text("Iranian and US diplomats met in Geneva on Monday.", date=DAY)
    assert met and all(e.location_country == "CHE" for e in met)


@needs_model
@SETTINGS
@given(city=st.sampled_from(CITIES), where=st.sampled_from(["in", "near", "outside"]),
       verb=st.sampled_from(["attacked", "arrested", "clashed with"]))
def test_a_place_phrase_gives_its_city(bundled_coder, city, where, verb):
    name, country = city
    events = bundled_coder.code_text(f"Nigerian soldiers {verb} rebels {where} {name} on Monday.", date=DAY)
    assert events
    for e in events:
        assert (e.location_text, e.location_country) == (name, country)
        assert e.latitude is not None and e.longitude is not None


@needs_model
@SETTINGS
@given(city=st.sampled_from(CITIES))
def test_no_place_no_location_and_the_rest_unchanged(bundled_coder, city):
    name, _ = city
    plain = bundled_coder.code_text("Nigerian soldiers attacked rebels on Monday.", date=DAY)
    placed = bundled_coder.code_text(f"Nigerian soldiers attacked rebels in {name} on Monday.", date=DAY)
    assert plain and all(e.location_country is None for e in plain)
    # (The rebels' country may come from the place: "rebels in Sukkur" are Pakistani.)
    assert {(e.source, e.event_code) for e in plain} == {(e.source, e.event_code) for e in placed}
