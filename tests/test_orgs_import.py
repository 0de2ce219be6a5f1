"""`eventcoder dictionaries import organizations`: PETRARCH/TABARI organisations -> native entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from test_people_import import by_name, run_cli_import, snippet_fixture

from eventcoder.dictionaries import native
from eventcoder.dictionaries import orgs_import as oi
from eventcoder.dictionaries import tabari

D = dt.date
SHARED = Path(__file__).resolve().parents[2] / "shared"
PHOENIX = SHARED / "petrarch2" / "dictionaries"
SOURCES = [PHOENIX / "Phoenix.International.actors.txt", PHOENIX / "Phoenix.MilNonState.actors.txt"]

# Invented organisations of invented countries (RUR, ZEM), written the TABARI way.
SNIPPET = """\
# a made-up TABARI actors file
GRAND_FEDERATION_OF_RURITANIAN_WEAVERS_  [NGORUR]  # a comment
+GFRW_
+GROUP_
+THE_WEAVERS_FEDERATION_

RURITANIAN_PEOPLE'S_LIBERATION_FRONT_(RPLF)_  [RURREB]
+FRONT_
+ZORBLAXIANS_
+ARMY_

THE_CURATED_SOCIETY_
+CURATED_LEAGUE_OF_ZEMBLA_
\t[NGOZEM]

SHARED_NAME_COMPANY_  [MNCRUR]
+COMMON_BRAND_
OTHER_BRAND_HOLDINGS_  [MNCZEM]
+COMMON_BRAND_

DUPLICATE_UNION_OF_BAKERS_  [NGORUR]
DUPLICATE_UNION_OF_BAKERS_  [NGORUR]

ZEMBLAN_DEVELOPMENT_BANK_
\t[IGOZEMDEV >20050101]
\t[IGOZEM 950101-041231]

HANS_OFFICEHOLDER_  [IGOZEM 900101-101231] [ELI]  # IGOrulers.txt
RURITANIA_CITY_  [RUR]
BROKEN_CODES_ALLIANCE_  [rurreb]
WRONG_PLACEHOLDER_GROUP_  [QQQREB]
"""


snippet = snippet_fixture("t.International.actors.txt", SNIPPET)


def test_names_and_acronyms() -> None:
    assert oi.convert_org_name("MUSLIM_BROTHERHOOD_") == "Muslim Brotherhood"
    assert oi.convert_org_name("FRONT_FOR_THE_LIBERATION_OF_RURITANIA_") == "Front for the Liberation of Ruritania"
    assert oi.convert_org_name("HSBC_HOLDINGS_") == "HSBC Holdings"  # no vowel: an abbreviation
    assert oi.convert_org_name("JAYSH_AL-MAHDI_") == "Jaysh al-Mahdi"
    assert oi._is_acronym("LTTE", parenthesised=False, others=[])
    assert oi._is_acronym("GFRW", parenthesised=False, others=[])
    assert oi._is_acronym("RPLF", parenthesised=True, others=[])
    assert oi._is_acronym("RUFCA", parenthesised=False, others=["Ruritanian United Front for Culture and Arts"])
    assert not oi._is_acronym("HAMAS", parenthesised=False, others=["Islamic Resistance Movement"])
    assert oi.org_type("IGOUNO") == "igo" and oi.org_type("NGORUR") == "ngo" and oi.org_type("MNC") == "company"
    assert oi.org_type("IMGMUSALQ") == "armed_group" and oi.org_type("RURREB") == "armed_group"
    assert oi.org_type("RURMIL") == "other" and oi.org_type("RURMIL", non_state=True) == "armed_group"
    assert oi.org_type("RUROPP") == "other"


def test_snippet_converts(snippet: Path) -> None:
    result = oi.read_organisations([snippet], exclude=["  curated   SOCIETY "], countries={"RUR", "ZEM"},
                                   words=oi.STOPWORDS)
    orgs = by_name(result.organisations)
    weavers = orgs["Grand Federation of Ruritanian Weavers"]
    # The acronym keeps its capitals; 'GROUP' (one common word) is dropped; a leading 'the' is dropped.
    assert weavers.names == ["Grand Federation of Ruritanian Weavers", "GFRW", "Weavers Federation"]
    assert weavers.type == "ngo" and [str(c) for c in weavers.codes] == ["NGORUR"]
    front = orgs["Ruritanian People's Liberation Front"]
    # The bracketed acronym is an alias; 'FRONT' and 'ARMY' are common words; 'ZORBLAXIANS' a proper name.
    assert front.names == ["Ruritanian People's Liberation Front", "RPLF", "Zorblaxians"]
    assert front.type == "armed_group"
    assert result.dropped["single common English word (dropped)"] == 3
    # A curated phrase is skipped; the entry keeps its other phrases.
    assert orgs["Curated League of Zembla"].names == ["Curated League of Zembla"]
    assert result.dropped["phrase of a curated actor entry, agent or reference (it wins)"] == 1
    # 'Common Brand' names two companies with different codes: ambiguous, dropped from both.
    assert orgs["Shared Name Company"].names == ["Shared Name Company"]
    assert orgs["Other Brand Holdings"].names == ["Other Brand Holdings"]
    assert result.dropped["phrase given different codes by two entries (ambiguous, dropped from both)"] == 2
    # The same phrase and code twice: kept once.
    assert [o.name for o in result.organisations].count("Duplicate Union of Bakers") == 1
    # Dates as PETRARCH reads them; an open range stays open (organisations do not leave office).
    bank = orgs["Zemblan Development Bank"]
    assert [str(c) for c in bank.codes] == ["IGOZEM 1995-01-01..2004-12-31", "IGOZEMDEV 2005-01-01.."]
    assert bank.type == "igo"
    assert "Hans Officeholder" not in orgs  # a person (dated code, ELI)
    assert "Ruritania City" not in orgs  # a bare country code: a place
    assert "Broken Codes Alliance" not in orgs and "Wrong Placeholder Group" not in orgs
    assert result.dropped["malformed code or date (dropped)"] == 1
    assert result.dropped["first block is neither IGO/NGO/MNC/IMG nor a code of countries.txt (e.g. KKL, INT)"] == 1
    assert result.read == 12 and len(result.organisations) == 7
    summary = result.summary()
    assert "entries read: 12" in summary and "organisations kept: 7" in summary


def test_written_file_is_native_sorted_and_deterministic(snippet: Path, tmp_path: Path) -> None:
    result = oi.read_organisations([snippet], words=oi.STOPWORDS)
    out = tmp_path / "dicts" / "actors" / "organizations_world.txt"
    oi.write_organisations(result, out)
    text = out.read_text(encoding="utf-8")
    assert "Phoenix International" in text and "eventcoder dictionaries import organizations" in text
    assert "organizations.txt always wins" in text
    assert text.index("@type igo") < text.index("@type ngo") < text.index("@type company") < text.index("@type armed_group")
    assert text.index("Curated League of Zembla") < text.index("Duplicate Union of Bakers")
    assert oi.format_organisations(oi.read_organisations([snippet], words=oi.STOPWORDS)) == text
    d, problems = native.read_folder(tmp_path / "dicts")
    assert [str(p) for p in problems] == []
    assert [str(p) for p in native.validate(d)] == []
    bank = next(a for a in d.actors if a.name == "Zemblan Development Bank")
    assert bank.type == "igo" and bank.code_on(D(2020, 6, 1)) == "IGOZEMDEV"


def test_cli_imports_and_refuses_to_replace_a_hand_written_file(snippet: Path, tmp_path: Path) -> None:
    actors = tmp_path / "dicts" / "actors"
    actors.mkdir(parents=True)
    (actors / "organizations.txt").write_text("@type ngo\nThe Curated Society = NGOZEM\n", encoding="utf-8")
    (actors / "countries.txt").write_text("# Ruritania (RUR)\nRuritania = RUR\n# Zembla (ZEM)\nZembla = ZEM\n",
                                          encoding="utf-8")
    (tmp_path / "dicts" / "agents.txt").write_text("weavers federation = LAB\n", encoding="utf-8")
    out = actors / "organizations_world.txt"
    args = ["import", "organizations", f"petrarch:{snippet}", "--output", str(out), "--exclude-from", str(actors)]
    output, text = run_cli_import(args, out)
    assert "entries read: 12" in output and "wrote 7 organisations" in output
    assert "Curated Society" not in text.split("@type", 1)[1]  # curated wins
    assert "Weavers Federation" not in text  # an agent phrase: it would hide the agent
    assert "GFRW" in text


# -- the real Phoenix files ---------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.skipif(not all(p.is_file() for p in SOURCES),
                    reason=f"PETRARCH-2's Phoenix International/MilNonState actors files not found in {PHOENIX} "
                           "(../shared is absent)")
def test_real_phoenix_files_convert() -> None:
    bundled = native.bundled_dictionaries_path() / "actors"
    curated = [bundled / n for n in ("organizations.txt", "countries.txt", "people.txt", "people_world.txt")]
    result = oi.read_organisations(SOURCES, exclude=tabari.curated_phrases([p for p in curated if p.is_file()]),
                                   countries=tabari.country_table([bundled / "countries.txt"]))
    assert len(result.organisations) >= 500
    phrases = {n.lower() for o in result.organisations for n in o.names}
    for word in ("army", "police", "government", "forces", "party", "state", "republic", "union", "front"):
        assert word not in phrases
    assert "united nations" not in phrases  # hand-curated: it wins
    kinds = {o.type for o in result.organisations}
    assert {"igo", "ngo", "company", "armed_group"} <= kinds
