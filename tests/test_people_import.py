"""`eventcoder dictionaries import people`: PETRARCH/TABARI people -> native person entries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from eventcoder.cli import dictionaries as cli
from eventcoder.dictionaries import native
from eventcoder.dictionaries import people_import as pi
from eventcoder.dictionaries import tabari
from eventcoder.dictionaries.model import DatedCode
from eventcoder.errors import EventcoderError

D = dt.date
SHARED = Path(__file__).resolve().parents[2] / "shared"
PHOENIX = SHARED / "petrarch2" / "dictionaries" / "Phoenix.Countries.actors.txt"

# Invented people of two invented countries, written the TABARI way.
SNIPPET = """\
# a made-up TABARI actors file
RURITANIA_  [RUR]
+RURITANIAN_
JOHANN_VAN_DER_BERG_  # CountryInfo.txt
+BERG_
+J._VAN_DER_BERG_
\t[RURELI 600101-950301]
\t[RURGOV 950301-030101]
\t[RURELI]
MARIA_DE_LA_CRUZ_  # CountryInfo.txt
+PRESIDENT_DE_LA_CRUZ_
+PRESIDENT_CRUZ_
\t[RURELI 19700101-000101]
\t[RURGOV >100101]
\t[RURELI]
OLD_KING_COLE_  # CountryInfo.txt
\t[RURELI 19300101-600101]
\t[RURGOV 600101-850101]
\t[RURELI 850101-890101]
SEAN_O'TOOLE_  # CountryInfo.txt
\t[RURGOVMIL >120301]
KARL_CURATED_  # CountryInfo.txt
+ANNA_CURATED_
\t[RURGOV 050101-060101]
BAD_CODES_PERSON_  # CountryInfo.txt
\t[rurgov 050101-060101]
\t[RURGOVX 050101-060101]
\t[RURGOV 050101-060101]
JOHN_DOE_SENIOR_  # CountryInfo.txt
+JOHN_DOE_
\t[RURMIL 040101-080101]
\t[RURGOV 070101-100101]
ZEMBLA_  [ZEM]
ANNA_SMITH_  # CountryInfo.txt
+JOHN_DOE_
\t[ZEMGOV 900101-920101]
\t[ZEMELI]
"""


# -- helpers shared with test_orgs_import.py ------------------------------------------------------


def snippet_fixture(name: str, text: str):
    """A fixture that writes ``text`` (a made-up actors file) to ``tmp_path / name``."""
    @pytest.fixture
    def snippet(tmp_path: Path) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return snippet


def by_name(actors: list[tabari.A]) -> dict[str, tabari.A]:
    return {a.name: a for a in actors}


def run_cli_import(args: list[str], out: Path) -> tuple[str, str]:
    """Run ``eventcoder dictionaries import ...`` (``args``), writing ``out``; check that it
    replaces its own file but not a hand-written one (unless --overwrite) and fails on a missing
    source. Returns what it printed and the text it wrote."""
    runner = CliRunner()
    res = runner.invoke(cli.app, args)
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert runner.invoke(cli.app, args).exit_code == 0  # a generated file is replaced
    assert out.read_text(encoding="utf-8") == text
    out.write_text("Hand Written = RUR\n", encoding="utf-8")
    res_hand = runner.invoke(cli.app, args)
    assert res_hand.exit_code != 0 and isinstance(res_hand.exception, EventcoderError)
    assert "--overwrite" in str(res_hand.exception)
    assert runner.invoke(cli.app, args + ["--overwrite"]).exit_code == 0
    res_missing = runner.invoke(cli.app, args[:2] + [str(out.parent / "missing.txt"), "--output", str(out)])
    assert res_missing.exit_code != 0 and isinstance(res_missing.exception, EventcoderError)
    return res.output, text


snippet = snippet_fixture("t.Countries.actors.txt", SNIPPET)


def test_names_particles_hyphens_apostrophes() -> None:
    assert tabari.convert_name("LUIZ_INACIO_LULA_DA_SILVA_") == "Luiz Inacio Lula da Silva"
    assert tabari.convert_name("JOHANN_VAN_DER_BERG_") == "Johann van der Berg"
    assert tabari.convert_name("SEAN_O'TOOLE_") == "Sean O'Toole"
    assert tabari.convert_name("AWN_SHAWKAT_AL-KHASAWNEH") == "Awn Shawkat al-Khasawneh"
    assert tabari.convert_name("ABDULLAH_II") == "Abdullah II"


def test_two_digit_years_and_date_forms() -> None:
    assert tabari.parse_day("030101") == D(2003, 1, 1)
    assert tabari.parse_day("140130") == D(2014, 1, 30)
    assert tabari.parse_day("691030") == D(1969, 10, 30)
    assert tabari.parse_day("19230101") == D(1923, 1, 1)
    assert tabari.parse_day("201005011") is None and tabari.parse_day("991340") is None
    assert tabari.parse_spec("BRAGOV >030101") == tabari.Spec("BRAGOV", D(2003, 1, 1), None)
    assert tabari.parse_spec("BRAGOV <030101") == tabari.Spec("BRAGOV", None, D(2003, 1, 1))
    assert tabari.parse_spec("BRAELI") == tabari.Spec("BRAELI", dated=False)
    assert tabari.parse_spec("BRAgov") is None


def test_snippet_converts(snippet: Path) -> None:
    result = pi.read_people(snippet, exclude=["  anna   CURATED "])
    people = by_name(result.people)
    berg = people["Johann van der Berg"]
    assert berg.names == ["Johann van der Berg", "J. van der Berg"]  # 'Berg' (one word) dropped
    # Shared day 1995-03-01: the earlier range ends the day before; the undated ELI follows the last range.
    assert [str(c) for c in berg.codes] == [
        "RURELI 1960-01-01..1995-02-28", "RURGOV 1995-03-01..2003-01-01", "RURELI 2003-01-02.."]
    cruz = people["Maria de la Cruz"]
    assert cruz.names == ["Maria de la Cruz", "President de la Cruz"]  # 'President Cruz': title + one word
    # An open office is closed at the source's date, then the person is an elite of the country;
    # the gap 2000-01-02..2009-12-31 before the office is RURELI too (merged with the ELI range).
    assert [str(c) for c in cruz.codes] == [
        "RURELI 1970-01-01..2009-12-31", "RURGOV 2010-01-01..2014-01-30", "RURELI 2014-01-31.."]
    assert [str(c) for c in people["Sean O'Toole"].codes] == ["RURGOVMIL 2012-03-01..2014-01-30", "RURELI 2014-01-31.."]
    assert "Old King Cole" not in people  # every office before 1990
    assert "Karl Curated" not in people  # an alias is in the curated dictionary: it wins
    assert [str(c) for c in people["Bad Codes Person"].codes] == ["RURGOV 2005-01-01..2006-01-01"]
    assert result.dropped["malformed code (not 3-letter upper-case blocks)"] == 2
    # 'John Doe' names people of two countries: ambiguous, dropped from both.
    assert people["John Doe Senior"].names == ["John Doe Senior"]
    assert [str(c) for c in people["John Doe Senior"].codes] == [
        "RURMIL 2004-01-01..2006-12-31", "RURGOV 2007-01-01..2010-01-01"]
    assert people["Anna Smith"].names == ["Anna Smith"]
    assert people["Anna Smith"].country == "ZEM"
    assert result.read == 8 and len(result.people) == 6
    assert result.skipped["named in the hand-curated dictionary (it wins)"] == 1
    summary = result.summary()
    assert "people read: 8" in summary and "people kept: 6" in summary


def test_written_file_is_native_and_sorted(snippet: Path, tmp_path: Path) -> None:
    result = pi.read_people(snippet)
    out = tmp_path / "dicts" / "actors" / "people_world.txt"
    pi.write_people(result, out)
    text = out.read_text(encoding="utf-8")
    assert "Phoenix.Countries.actors.txt" in text and "eventcoder dictionaries import people" in text
    assert text.index("# Ruritania") < text.index("Johann van der Berg") < text.index("Maria de la Cruz") \
        < text.index("# Zembla") < text.index("Anna Smith")
    assert pi.format_people(pi.read_people(snippet)) == text  # deterministic
    d, problems = native.read_folder(tmp_path / "dicts")
    assert [str(p) for p in problems] == []
    assert [str(p) for p in native.validate(d)] == []
    cruz = next(a for a in d.actors if a.name == "Maria de la Cruz")
    assert cruz.type == "person" and cruz.code_on(D(2012, 6, 1)) == "RURGOV"
    assert cruz.code_on(D(2015, 6, 1)) == "RURELI"


def test_cli_imports_and_refuses_to_replace_a_hand_written_file(snippet: Path, tmp_path: Path) -> None:
    actors = tmp_path / "actors"
    actors.mkdir()
    (actors / "people.txt").write_text("@type person\nKarl Curated = RURGOV\n", encoding="utf-8")
    (actors / "countries.txt").write_text("# Ruritania (RUR)\nRuritania = RUR\nJohann van der Berg = RUR\n",
                                          encoding="utf-8")
    out = actors / "people_world.txt"
    args = ["import", "people", f"petrarch:{snippet}", "--output", str(out), "--exclude-from", str(actors / "people.txt")]
    output, text = run_cli_import(args, out)
    assert "people read: 8" in output and "named in the hand-curated dictionary" in output
    assert "Karl Curated" not in text
    assert "Johann van der Berg" not in text  # clashes with a countries.txt entry: dropped
    assert "J. van der Berg = RURELI" in text
    assert "Anna Smith" not in text  # ZEM is not a country of countries.txt: its codes are dropped


GAP_SNIPPET = """\
RURITANIA_  [RUR]
ZEMBLA_  [ZEM]
OTTO_GAPMANN_  # CountryInfo.txt
\t[RURGOV 950101-981231]
\t[RURGOVFIN 20000301-030101]
\t[RURELI 030601-050101]
\t[RURMIL 060101-080101]
\t[ZEMGOV 090101-100101]
"""

gap_snippet = snippet_fixture("gaps.Countries.actors.txt", GAP_SNIPPET)


def test_gap_between_offices_of_one_country_is_eli(gap_snippet: Path) -> None:
    result = pi.read_people(gap_snippet)
    otto = by_name(result.people)["Otto Gapmann"]
    # Gaps of one country get RURELI for exactly the gap's days (an ELI range already there
    # absorbs the gaps on either side); the gap between Ruritania and Zembla is left.
    assert [str(c) for c in otto.codes] == [
        "RURGOV 1995-01-01..1998-12-31", "RURELI 1999-01-01..2000-02-29", "RURGOVFIN 2000-03-01..2003-01-01",
        "RURELI 2003-01-02..2005-12-31", "RURMIL 2006-01-01..2008-01-01", "ZEMGOV 2009-01-01..2010-01-01"]
    _assert_disjoint_sorted(otto.codes)
    for x, y in zip(otto.codes[:-1], otto.codes[1:-1]):  # ranges of one country still meet, no overlap
        assert x.end + dt.timedelta(days=1) == y.start
    assert (otto.gaps_filled, otto.gaps_left) == (3, 1)
    assert "filled with <COUNTRY>ELI: 3" in result.summary() and "left without a code: 1" in result.summary()
    assert pi.fill_gaps([DatedCode("IGOUNO", D(2000, 1, 1), D(2001, 1, 1)),
                         DatedCode("IGOUNO", D(2003, 1, 1), D(2004, 1, 1))])[1:] == (0, 1)  # not a country


# -- property: whatever the TABARI ranges, the native ranges are sorted and never overlap --------

_days = st.dates(min_value=D(1950, 1, 1), max_value=D(2020, 12, 31))


@st.composite
def _specs(draw) -> list[tabari.Spec]:
    out = []
    for _ in range(draw(st.integers(0, 7))):
        code = draw(st.sampled_from(["RURGOV", "RURELI", "RURMIL", "IGOUNO"]))
        kind = draw(st.sampled_from(["range", "from", "until", "undated"]))
        a, b = sorted([draw(_days), draw(_days)])
        out.append({"range": tabari.Spec(code, a, b), "from": tabari.Spec(code, a, None),
                    "until": tabari.Spec(code, None, b), "undated": tabari.Spec(code, dated=False)}[kind])
    return out


def _assert_disjoint_sorted(codes: list[DatedCode]) -> None:
    for c in codes:
        assert c.start is None or c.end is None or c.start <= c.end
    for x, y in zip(codes, codes[1:]):
        assert x.end is not None and y.start is not None and x.end < y.start, (x, y)


@settings(max_examples=300, deadline=None)
@given(_specs())
def test_ranges_never_overlap_and_are_sorted(specs: list[tabari.Spec]) -> None:
    codes = pi.resolve(specs)
    _assert_disjoint_sorted(codes)
    for c in codes:  # nothing is known after the source's date: only an ELI range stays open
        if c.end is None and c.start is not None and pi.is_office(c.code):
            pytest.fail(f"open office {c}")
    ranges = [DatedCode(s.code, s.start, s.end) for s in specs if s.dated]
    _assert_disjoint_sorted(pi.normalize_ranges(ranges))
    # Filling gaps: still sorted and disjoint, no gap left between two ranges of one country, and
    # every day keeps its code, a day in a gap of one country gets <COUNTRY>ELI, any other day none.
    filled, n_filled, n_left = pi.fill_gaps(codes)
    _assert_disjoint_sorted(filled)
    gaps = [(x, y) for x, y in zip(codes, codes[1:]) if (y.start - x.end).days > 1]
    assert n_filled + n_left == len(gaps)
    assert n_filled == sum(x.code[:3] == y.code[:3] and x.code[:3] not in pi.NON_STATE for x, y in gaps)
    for x, y in zip(filled, filled[1:]):
        if x.code[:3] == y.code[:3] and x.code[:3] not in pi.NON_STATE:
            assert x.end + dt.timedelta(days=1) == y.start, (x, y)
    one = dt.timedelta(days=1)
    days = {d for c in codes for d in (c.start, c.end) if d is not None}
    for day in sorted({d + k * one for d in days for k in (-1, 0, 1)}):
        want = [c.code for c in codes if c.applies(day)]
        if not want:
            want = [x.code[:3] + "ELI" for x, y in gaps if x.end < day < y.start
                    and x.code[:3] == y.code[:3] and x.code[:3] not in pi.NON_STATE]
        assert [c.code for c in filled if c.applies(day)] == want, day


# -- the real Phoenix file ----------------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.skipif(not PHOENIX.is_file(), reason=f"PETRARCH-2's Phoenix actors file not found at {PHOENIX} "
                                                   "(../shared is absent)")
def test_real_phoenix_file_converts() -> None:
    bundled = native.bundled_dictionaries_path() / "actors"
    result = pi.read_people(PHOENIX, exclude=tabari.curated_phrases([bundled / "people.txt"]),
                            countries=tabari.country_table([bundled / "countries.txt"]))
    assert len(result.people) >= 2500
    people = by_name(result.people)
    assert "Luiz Inacio Lula da Silva" not in people  # hand-curated: it wins
    # Phoenix ends in 2014 (dos Santos was still president in 2015): the curated entry wins
    assert "Jose Eduardo dos Santos" not in people
    mogae = people["Festus Mogae"]
    assert mogae.country == "BWA"
    assert [c.code for c in mogae.codes if c.applies(D(2005, 6, 1))] == ["BWAGOV"]
    assert [c.code for c in mogae.codes if c.applies(D(2015, 6, 1))] == ["BWAELI"]
    for p in result.people:
        _assert_disjoint_sorted(p.codes)
        assert all(len(n.split()) >= 2 for n in p.names)
        for x, y in zip(p.codes, p.codes[1:]):  # no gap between two offices of one country
            assert x.code[:3] != y.code[:3] or x.code[:3] in pi.NON_STATE \
                or x.end + dt.timedelta(days=1) == y.start, (p.name, x, y)
