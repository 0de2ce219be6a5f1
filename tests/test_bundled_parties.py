"""The bundled political parties (dictionaries/actors/parties.txt) and the armed groups added
beside them: they load, give the ruling or opposition role of the day, and their dated ranges
follow one another without gaps or overlaps."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from eventcoder.dictionaries.lookup import _Index, lookup
from eventcoder.dictionaries.native import load_dictionaries

ROLES = {"GOV", "OPP", "PTY", "REB"}


@pytest.fixture(scope="module")
def bundled():
    d = load_dictionaries(None)  # strict: an error in any bundled file fails here
    return d, _Index(d)  # the phrase index is built once for all the look-ups below


@pytest.fixture(scope="module")
def parties(bundled):
    return [a for a in bundled[0].actors if a.origin is not None and a.origin.file.endswith("parties.txt")]


def codes_on(bundled, phrase: str, day: dt.date | str) -> set[str]:
    d, index = bundled
    day = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)
    return {c for h in lookup(d, phrase, day, index=index) for c in h.codes}


def test_parties_file_loads_with_many_countries(bundled, parties):
    assert [str(w) for w in bundled[0].warnings if w.severity == "error"] == []
    assert len(parties) >= 200
    countries = Counter(c.code[:3] for a in parties for c in a.codes)
    assert len(countries) >= 80
    assert {"ZWE", "ZAF", "IND", "PAK", "TUR", "VEN", "BRA", "KEN", "NGA", "BGD", "KHM", "MMR"} <= set(countries)


def test_party_codes_are_a_country_and_a_role(parties):
    bad = [(a.name, c.code) for a in parties for c in a.codes
           if len(c.code) != 6 or c.code[3:] not in ROLES]
    assert bad == []


# phrase: the code expected on each day, as "YYYY-MM-DD=CODE" items
PARTIES_ON_DATES = {
    "ANC": "1993-06-01=ZAFOPP 2010-01-01=ZAFGOV",
    "Economic Freedom Fighters": "2020-01-01=ZAFOPP",
    "ZANU-PF": "2019-01-01=ZWEGOV",
    "MDC": "2005-01-01=ZWEOPP 2010-01-01=ZWEPTY",  # the unity government of 2009-2013
    "Movement for Democratic Change": "2015-01-01=ZWEOPP",
    "BJP": "2000-01-01=INDGOV 2010-01-01=INDOPP",
    "Bharatiya Janata Party": "2020-01-01=INDGOV",
    "Congress party": "2010-01-01=INDGOV",
    "Indian National Congress": "2020-01-01=INDOPP",
    "PML-N": "2015-01-01=PAKGOV 2020-01-01=PAKOPP",
    "Pakistan Tehreek-e-Insaf": "2020-01-01=PAKGOV 2023-01-01=PAKOPP",
    "AKP": "2010-01-01=TURGOV",
    "CHP": "2010-01-01=TUROPP",
    "PSUV": "2019-01-01=VENGOV",
    "Workers' Party of Brazil": "2010-01-01=BRAGOV 2019-01-01=BRAOPP",
    "ODM": "2015-01-01=KENOPP",
    "All Progressives Congress": "2014-01-01=NGAOPP 2016-01-01=NGAGOV",
    "Peoples Democratic Party": "2010-01-01=NGAGOV 2016-01-01=NGAOPP",
    "Awami League": "2015-01-01=BGDGOV 2025-01-01=BGDOPP",
    "BNP": "2015-01-01=BGDOPP",
    "Cambodian People's Party": "2015-01-01=KHMGOV",
    "NLD": "2010-01-01=MMROPP 2018-01-01=MMRGOV 2022-01-01=MMROPP",  # the coup of 2021-02-01
    "Likud": "2019-01-01=ISRGOV 2022-01-01=ISROPP",
    "Fatah": "2006-06-01=PSEOPP 2010-01-01=PSEGOV",  # the Hamas government of 2006-2007
    "Muslim Brotherhood": "2013-01-01=EGYGOV 2014-01-01=EGYOPP",
    "Tories": "2015-01-01=GBRGOV",
    "Republicans": "2019-01-01=USAGOV 2022-01-01=USAOPP",
    "UNITA": "1995-01-01=AGOREB 2010-01-01=AGOOPP",
    "Labour Party": "1997-05-01=GBROPP 1997-05-02=GBRGOV",  # the day before a change and the day of it
    # armed groups added to organizations.txt
    "ARSA": "2018-01-01=MMRREB",
    "Ansar Bait al-Maqdis": "2013-01-01=EGYREB 2015-01-01=IMGMUSISI",
    "Southern Transitional Council": "2018-01-01=YEMREB 2021-01-01=YEMPTY",
    "Jalisco New Generation Cartel": "2020-01-01=MEXCRM",
    "SPLM-IO": "2016-01-01=SSDREB",
}


@pytest.mark.parametrize("phrase, expected", PARTIES_ON_DATES.items())
def test_parties_on_dates(bundled, phrase, expected):
    for item in expected.split():
        day, code = item.split("=")
        assert codes_on(bundled, phrase, day) == {code}, (phrase, day)


@pytest.mark.parametrize("phrase, day", [
    ("Free Aceh Movement", "2010-01-01"),  # disarmed under the Helsinki agreement of 2005
    ("Kadima", "2000-01-01"),  # founded in 2005
    ("AfD", "2010-01-01"),  # founded in 2013
])
def test_no_code_outside_a_known_life(bundled, phrase, day):
    assert codes_on(bundled, phrase, day) == set()


def test_short_acronyms_match_only_in_capitals(bundled):
    assert codes_on(bundled, "ANC", "2010-01-01") == {"ZAFGOV"}
    assert codes_on(bundled, "anc", "2010-01-01") == set()
    assert codes_on(bundled, "bjp", "2010-01-01") == set()


def test_ranges_are_ordered_and_meet(parties):
    """Each range starts the day after the one before it ends: no day with two codes, no gap."""
    bad = []
    for a in parties:
        for prev, nxt in zip(a.codes, a.codes[1:]):
            if prev.end is None or nxt.start is None or nxt.start != prev.end + dt.timedelta(days=1):
                bad.append((a.name, str(prev), str(nxt)))
    assert bad == []


DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(index=st.integers(min_value=0, max_value=10_000), day=DAYS)
def test_one_code_a_day_within_a_partys_life(parties, index, day):
    """Within the span of its ranges a party has exactly one code on any day; outside it none."""
    a = parties[index % len(parties)]
    applying = [c for c in a.codes if c.applies(day)]
    first, last = a.codes[0].start, a.codes[-1].end
    inside = (first is None or day >= first) and (last is None or day <= last)
    assert len(applying) == (1 if inside else 0), (a.name, day, [str(c) for c in a.codes])
    assert a.code_on(day) == (applying[0].code if applying else None)


# Pairs that alternate in power: on any day one of the two leads the government and the other
# is in opposition.
ALTERNATING = [
    ("US Democratic Party", "Republican Party", dt.date(1990, 1, 1)),
    ("Labour Party", "Conservative Party", dt.date(1990, 1, 1)),
    ("Australian Labor Party", "Liberal Party of Australia", dt.date(1990, 1, 1)),
    ("New Zealand Labour Party", "New Zealand National Party", dt.date(1990, 1, 1)),
    ("Kuomintang", "Democratic Progressive Party", dt.date(1990, 1, 1)),
    ("National Democratic Congress", "New Patriotic Party", dt.date(1993, 1, 7)),
]


@settings(max_examples=100, deadline=None, derandomize=True)
@given(pair=st.sampled_from(ALTERNATING), day=DAYS)
def test_alternating_parties_hold_opposite_roles(bundled, pair, day):
    one, other, since = pair
    assume(day >= since)
    roles = {code[3:] for name in (one, other) for code in codes_on(bundled, name, day)}
    assert roles == {"GOV", "OPP"}, (pair, day)
