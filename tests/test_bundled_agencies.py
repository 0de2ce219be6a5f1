"""The bundled state security bodies (dictionaries/actors/agencies.txt): the file loads, its
names give the body's country and agent on the days it existed, its dated ranges are ordered
and never overlap, and none of its phrases is also a phrase of another actor file."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.dictionaries.lookup import _Index, lookup
from eventcoder.dictionaries.native import load_dictionaries, phrase_key

AGENTS = {"MIL", "SPY", "MILSPY", "COP", "GOV", "REB", "UAF"}


@pytest.fixture(scope="module")
def bundled():
    d = load_dictionaries(None)  # strict: an error in any bundled file fails here
    return d, _Index(d)


@pytest.fixture(scope="module")
def agencies(bundled):
    return [a for a in bundled[0].actors if a.origin is not None and a.origin.file.endswith("agencies.txt")]


def codes_on(bundled, phrase: str, day: str) -> set[str]:
    d, index = bundled
    return {c for h in lookup(d, phrase, dt.date.fromisoformat(day), index=index) for c in h.codes}


def test_agencies_file_loads(bundled, agencies):
    assert [str(w) for w in bundled[0].warnings if w.severity == "error"] == []
    assert len(agencies) >= 100
    countries = Counter(c.code[:3] for a in agencies for c in a.codes)
    assert {"USA", "GBR", "RUS", "SUN", "IRN", "ISR", "CHN", "IND", "PAK", "BGD", "MMR"} <= set(countries)


def test_codes_are_a_country_and_a_security_agent(agencies):
    bad = [(a.name, c.code) for a in agencies for c in a.codes
           if len(c.code) not in (6, 9) or c.code[3:] not in AGENTS]
    assert bad == []


# (phrase, day, the code expected that day or None when the body did not exist then)
AGENCIES_ON_DATES = [
    ("Revolutionary Guards", "2020-01-01", "IRNMIL"),
    ("IRGC", "2019-04-08", "IRNMIL"),
    ("Quds Force", "2020-01-03", "IRNMIL"),
    ("Basij", "2022-10-01", "IRNMIL"),
    ("Tatmadaw", "2021-02-01", "MMRMIL"),
    ("People's Liberation Army", "2022-08-04", "CHNMIL"),
    ("PLA", "2022-08-04", "CHNMIL"),
    ("IDF", "2023-10-27", "ISRMIL"),
    ("Mossad", "2010-01-20", "ISRSPY"),
    ("Shin Bet", "2015-01-01", "ISRSPY"),
    ("CIA", "2003-01-01", "USASPY"),
    ("FBI", "2016-10-28", "USACOP"),
    ("KGB", "1985-01-01", "SUNSPY"),
    ("KGB", "1991-12-04", None),  # dissolved on 1991-12-03
    ("Belarusian KGB", "2020-08-10", "BLRSPY"),
    ("GRU", "1985-01-01", "SUNMILSPY"),
    ("GRU", "2018-03-04", "RUSMILSPY"),
    ("FSB", "2020-08-20", "RUSSPY"),
    ("FSB", "1994-01-01", None),  # the FSK's successor from 1995-04-03
    ("Rosgvardia", "2016-04-04", None),  # created on 2016-04-05
    ("ISI", "2011-05-02", "PAKSPY"),
    ("Frontier Corps", "2010-01-01", "PAKMIL"),
    ("Border Security Force", "2019-02-26", "INDCOP"),
    ("CRPF", "2019-02-14", "INDCOP"),
    ("RAW", "2019-01-01", "INDSPY"),
    ("Republican Guard", "1991-02-01", "IRQMIL"),
    ("Republican Guard", "2003-05-23", "IRQMIL"),  # the last day before Order 2 took effect
    ("Republican Guard", "2003-05-24", "SYRMIL"),
    ("Republican Guard", "2012-01-01", "SYRMIL"),
    ("Republican Guard", "2025-01-01", None),  # Assad's government fell on 2024-12-08
    ("Iraqi Republican Guard", "2003-05-24", None),
    ("Rapid Action Battalion", "2021-12-10", "BGDCOP"),
    ("RAB", "2021-12-10", "BGDCOP"),
    ("Stasi", "1989-11-09", "DDRSPY"),
    ("Stasi", "1990-10-03", None),  # East Germany ended on 1990-10-02
    ("Royal Ulster Constabulary", "1998-04-10", "GBRCOP"),
    ("Royal Ulster Constabulary", "2001-11-04", None),  # became the PSNI
    ("PSNI", "2010-01-01", "GBRCOP"),
    ("MI6", "2018-03-04", "GBRSPY"),
    ("Carabinieri", "2015-01-01", "ITACOP"),
    ("Guardia Civil", "2017-10-01", "ESPCOP"),
    ("SBU", "2022-03-01", "UKRSPY"),
    ("National Directorate of Security", "2015-01-01", "AFGSPY"),
    ("National Directorate of Security", "2021-08-15", None),  # the Taliban took Kabul
    ("SANDF", "2000-01-01", "ZAFMIL"),
    ("People's Defence Force", "2022-01-01", "MMRREB"),
    ("Tigray Defense Forces", "2021-06-28", "ETHREB"),
]


@pytest.mark.parametrize("phrase, day, code", AGENCIES_ON_DATES)
def test_code_of_a_body_on_a_day(bundled, phrase, day, code):
    assert codes_on(bundled, phrase, day) == ({code} if code else set())


def test_acronyms_match_only_in_capitals(bundled):
    assert codes_on(bundled, "RAW", "2019-01-01") == {"INDSPY"}
    assert codes_on(bundled, "raw", "2019-01-01") == set()
    assert codes_on(bundled, "cia", "2019-01-01") == set()


@pytest.mark.parametrize("phrase", ["ADF", "NSA", "Rangers", "MIT", "CSIS", "NSG"])
def test_ambiguous_acronyms_and_names_are_left_out(bundled, phrase):
    assert codes_on(bundled, phrase, "2020-01-01") == set()


def test_no_phrase_is_also_in_another_actor_file(bundled, agencies):
    others = {phrase_key(p): a.origin.file for a in bundled[0].actors
              if a.origin is not None and not a.origin.file.endswith("agencies.txt") for p in a.phrases}
    shared = [(p, others[phrase_key(p)]) for a in agencies for p in a.phrases if phrase_key(p) in others]
    assert shared == []


def test_no_phrase_hides_an_agent_word(bundled, agencies):
    agent_words = {phrase_key(p) for g in bundled[0].agents for p in g.phrases}
    assert [p for a in agencies for p in a.phrases if phrase_key(p) in agent_words] == []


def test_dated_ranges_are_ordered_and_disjoint(agencies):
    bad = []
    for a in agencies:
        for prev, nxt in zip(a.codes, a.codes[1:]):
            if prev.end is None or nxt.start is None or nxt.start <= prev.end:
                bad.append((a.name, str(prev), str(nxt)))
    assert bad == []


DAYS = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2035, 12, 31))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(data=st.data(), day=DAYS)
def test_a_body_has_at_most_one_code_on_any_day(agencies, data, day):
    """The ranges of one entry never cover a day twice, and the code given for a day is the code
    of the one range that covers it (none when no range does)."""
    entry = data.draw(st.sampled_from(agencies))
    covering = [c.code for c in entry.codes if c.applies(day)]
    assert len(covering) <= 1, (entry.name, day)
    assert entry.code_on(day) == next(iter(covering), None)
