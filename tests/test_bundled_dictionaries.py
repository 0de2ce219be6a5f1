"""The bundled dictionaries: valid, CAMEO-wide, and big enough to start with."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from conftest import SHARED, needs_model, needs_shared
from eventcoder.dictionaries.model import ACTOR_CODE_RE, NO_EVENT
from eventcoder.dictionaries.native import load_dictionaries


@pytest.fixture(scope="module")
def bundled():
    return load_dictionaries(None)  # strict: any error in any bundled file fails here


def test_loads_without_errors_or_warnings(bundled):
    assert [str(w) for w in bundled.warnings if w.severity == "error"] == []


def test_cameo_table_is_complete(bundled):
    codes = bundled.cameo
    assert len(codes) >= 300
    assert {f"{r:02d}" for r in range(1, 21)} <= set(codes)
    assert all(re.fullmatch(r"\d{2,4}", c) for c in codes)
    assert codes["195"].quad_class == 4 and codes["013"].quad_class == 1 and codes["0841"].root == "08"


def test_every_verb_code_is_a_known_cameo_code(bundled):
    unknown = {v.code for v in bundled.verbs if v.code != NO_EVENT and v.code not in bundled.cameo}
    assert unknown == set()


def test_every_actor_code_is_well_formed(bundled):
    bad = [(a.name, c.code) for a in bundled.actors for c in a.codes if not ACTOR_CODE_RE.match(c.code)]
    assert bad == []


def test_sizes(bundled):
    counts = Counter(a.type for a in bundled.actors)
    assert counts["person"] >= 1500
    assert counts["igo"] + counts["ngo"] + counts["company"] + counts["armed_group"] >= 150
    assert sum(len(a.phrases) for a in bundled.agents) >= 300
    patterns = [v for v in bundled.verbs if v.code != NO_EVENT]
    assert len(patterns) >= 1500
    assert len({v.code for v in patterns}) >= 200
    assert {v.code[:2] for v in patterns} == {f"{r:02d}" for r in range(1, 21)}


def test_historical_states_and_people_are_date_bounded(bundled):
    from eventcoder.dictionaries.lookup import lookup

    def codes(phrase, day):
        return {c for h in lookup(bundled, phrase, day) for c in h.codes}

    assert codes("Soviet Union", dt.date(1985, 1, 1)) == {"SUN"}
    assert codes("Soviet Union", dt.date(1995, 1, 1)) == set()
    assert codes("Vladimir Putin", dt.date(2005, 1, 1)) == {"RUSGOV"}
    assert codes("Barack Obama", dt.date(2012, 1, 1)) == {"USAGOV"}
    assert codes("Barack Obama", dt.date(2019, 1, 1)) == {"USAELI"}


@needs_model
@needs_shared
def test_seed_article_with_imported_phoenix_dictionaries(nlp, tmp_path):
    """The Phoenix set alone (as `petrarch:DIR` reads the shared folder, and as imported into our
    format) gives both seed events: Russia -> Islamic State, and the US resuming airstrikes (195),
    which Phoenix codes through LAUNCH's AIRSTRIKE pattern and the @light directive."""
    from eventcoder.dictionaries.petrarch import import_petrarch
    from eventcoder.pipeline import Coder

    text = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    day = dt.date(2017, 12, 8)
    imported = tmp_path / "imported"
    import_petrarch(SHARED / "petrarch2" / "dictionaries", imported)
    for spec in (f"petrarch:{SHARED / 'petrarch2' / 'dictionaries'}", str(imported)):
        events = Coder([spec], nlp=nlp).code_text(text, day)
        triples = {(e.source, e.event_code, e.target) for e in events}
        assert any(s[:3] == "RUS" and t == "IMGMUSISI" for s, _, t in triples), (spec, triples)
        assert any(s[:3] == "USA" and c == "195" and t == "IMGMUSISI" for s, c, t in triples), (spec, triples)
        assert not any(s == "IMGMUSISI" and t and t[:3] == "RUS" for s, _, t in triples), (spec, triples)
        assert all(e.date <= day for e in events)


# Spot checks of the people dictionary: office holders are GOV on dates in office and not coded
# GOV outside them (ministers before the top job, diplomats, junta leaders), leaders of the
# countries most present in conflict news are there, and common aliases name them.
PEOPLE_ON_DATES = [
    ("Olaf Scholz", "2015-01-01", "DEUELI"),  # mayor of Hamburg
    ("Olaf Scholz", "2008-06-01", "DEUGOV"),  # labour minister
    ("Olaf Scholz", "2020-01-01", "DEUGOV"),  # finance minister
    ("Olaf Scholz", "2023-01-01", "DEUGOV"),  # chancellor
    ("Olaf Scholz", "2025-06-01", "DEUELI"),
    ("Isaac Herzog", "2020-01-01", "ISRELI"),
    ("Isaac Herzog", "2022-01-01", "ISRGOV"),
    ("Emmanuel Macron", "2014-01-01", "FRAELI"),
    ("Emmanuel Macron", "2015-01-01", "FRAGOV"),  # economy minister
    ("Emmanuel Macron", "2017-01-01", "FRAELI"),
    ("Emmanuel Macron", "2018-01-01", "FRAGOV"),
    ("Benjamin Netanyahu", "2004-01-01", "ISRGOV"),  # finance minister
    ("Benjamin Netanyahu", "2005-10-01", "ISRELI"),
    ("Sergei Lavrov", "2000-01-01", "RUSGOV"),  # ambassador to the UN
    ("Min Aung Hlaing", "2019-01-01", "MMRMIL"),
    ("Min Aung Hlaing", "2022-01-01", "MMRGOV"),  # head of the junta
    ("Manmohan Singh", "1993-01-01", "INDGOV"),  # finance minister
    ("Taro Aso", "2015-01-01", "JPNGOV"),  # finance minister after being prime minister
    ("Jack Straw", "2008-01-01", "GBRGOV"),  # justice secretary after the Foreign Office
    ("Robert Mugabe", "2010-01-01", "ZWEGOV"),
    ("Robert Mugabe", "2018-06-01", "ZWEELI"),
    ("Emmerson Mnangagwa", "2018-06-01", "ZWEGOV"),
    ("Yoweri Museveni", "2000-01-01", "UGAGOV"),
    ("Paul Kagame", "2010-01-01", "RWAGOV"),
    ("Abdelaziz Bouteflika", "2010-01-01", "DZAGOV"),
    ("Abdelaziz Bouteflika", "2020-01-01", "DZAELI"),
    ("Abdelmadjid Tebboune", "2021-01-01", "DZAGOV"),
    ("Kais Saied", "2018-01-01", "TUNELI"),
    ("Kais Saied", "2022-01-01", "TUNGOV"),
    ("Mohammed VI", "2010-01-01", "MARGOV"),
    ("Fidel Castro", "2000-01-01", "CUBGOV"),
    ("Raul Castro", "2015-01-01", "CUBGOV"),
    ("Raul Castro", "2022-01-01", "CUBELI"),
    ("Miguel Diaz-Canel", "2020-01-01", "CUBGOV"),
    ("Daniel Ortega", "1995-01-01", "NICOPP"),
    ("Daniel Ortega", "2010-01-01", "NICGOV"),
    ("Rodrigo Duterte", "2018-01-01", "PHLGOV"),
    ("Rodrigo Duterte", "2023-01-01", "PHLELI"),
    ("Hun Sen", "2010-01-01", "KHMGOV"),
    ("Sheikh Hasina", "2015-01-01", "BGDGOV"),
    ("Sheikh Hasina", "2025-01-01", "BGDELI"),
    ("Mahinda Rajapaksa", "2010-01-01", "LKAGOV"),
    ("Gotabaya Rajapaksa", "2021-01-01", "LKAGOV"),
    ("Nayib Bukele", "2020-01-01", "SLVGOV"),
    ("Alexis Tsipras", "2016-01-01", "GRCGOV"),
    ("Alexis Tsipras", "2020-01-01", "GRCOPP"),
    ("Kyriakos Mitsotakis", "2020-01-01", "GRCGOV"),
    ("Jacinda Ardern", "2020-01-01", "NZLGOV"),
    ("Jacinda Ardern", "2024-01-01", "NZLELI"),
    # aliases
    ("Vladimir Zelensky", "2023-01-01", "UKRGOV"),
    ("Bibi", "2023-01-01", "ISRGOV"),
    ("Mohamed bin Zayed", "2023-01-01", "AREGOV"),
]


@pytest.mark.parametrize("phrase, day, code", PEOPLE_ON_DATES)
def test_people_on_dates(bundled, phrase, day, code):
    from eventcoder.dictionaries.lookup import lookup

    assert {c for h in lookup(bundled, phrase, dt.date.fromisoformat(day)) for c in h.codes} == {code}


def test_people_have_no_code_before_a_known_start(bundled):
    """A first range that starts on a known date leaves earlier days uncoded rather than guessed."""
    from eventcoder.dictionaries.lookup import lookup

    assert {c for h in lookup(bundled, "Hun Sen", dt.date(1980, 1, 1)) for c in h.codes} == set()


@pytest.mark.parametrize("phrase, code", [
    ("the Kurds", "KUR"),
    ("Kurdish fighters", "KURREB"),
    ("Kurdish forces", "KURREB"),
    ("Kurdish rebels", "KURREB"),
    ("Iraqi Kurds", "IRQKUR"),
    ("PKK", "TURREB"),
    ("YPG", "SYRREB"),
    ("Syrian Democratic Forces", "SYRREB"),
    ("Kurdistan Regional Government", "IRQGOV"),
    ("Peshmerga", "IRQMIL"),
])
def test_kurdish_actors(bundled, phrase, code):
    from eventcoder.dictionaries.lookup import lookup

    assert {c for h in lookup(bundled, phrase, dt.date(2019, 10, 10)) for c in h.codes} == {code}


# Peace operations and multinational forces, dated by mandate: inside it the mission's body acts,
# outside it the acronym names nobody.
MISSIONS_ON_DATES = [
    ("MINUSCA", "2016-01-01", "IGOUNO"), ("MINUSCA", "2010-01-01", None),
    ("MINUSTAH", "2010-01-20", "IGOUNO"), ("MINUSTAH", "2019-01-01", None),
    ("KFOR", "2008-02-17", "IGOWSTNAT"), ("SFOR", "2000-01-01", "IGOWSTNAT"), ("SFOR", "2010-01-01", None),
    ("ISAF", "2010-06-01", "IGOWSTNAT"), ("ISAF", "2016-01-01", None),
    ("ECOMOG", "1998-02-01", "IGOWAFWAS"), ("UNMIK", "2005-01-01", "IGOUNO"),
]


@pytest.mark.parametrize("phrase, day, code", MISSIONS_ON_DATES)
def test_missions_on_dates(bundled, phrase, day, code):
    from eventcoder.dictionaries.lookup import lookup

    found = {c for h in lookup(bundled, phrase, dt.date.fromisoformat(day)) for c in h.codes}
    assert found == ({code} if code else set())
