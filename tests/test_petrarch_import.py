"""The PETRARCH-2 importer: date semantics (synthetic files and property tests) and spot checks
on the Phoenix and validation dictionaries in ../shared (skipped when absent)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.dictionaries import native
from eventcoder.dictionaries.lookup import lookup
from eventcoder.dictionaries.model import Words
from eventcoder.dictionaries.petrarch import (
    Restriction,
    code_on,
    folder_selection,
    import_petrarch,
    petrarch_files,
    read_petrarch,
    read_petrarch_files,
    read_petrarch_report,
    resolve_dates,
    spec_selection,
)
from eventcoder.errors import DictionaryError

SHARED = Path(__file__).resolve().parents[2] / "shared"
PETRARCH = SHARED / "petrarch2" / "dictionaries"
needs_shared = pytest.mark.skipif(
    not PETRARCH.is_dir(), reason=f"PETRARCH-2 reference dictionaries not found at {PETRARCH} (../shared is absent)"
)
PHOENIX = ["Phoenix.*", "CAMEO.2.0.txt"]

D = dt.date


# ------------------------------------------------------------------------------------------------
# Synthetic files


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


ACTORS = """\
# comment
<!-- a comment
over two lines -->
SAM_GAMGEE [HOB]  # first-line code and restrictions (PETRARCH-2 ignored these)
+SAMWISE
\t[HOBCIV <080120]
\t[HOBMIL 20080121-121109]
\t[HOBELI >20130119]
ATHENS_  [GRC]
+THE_ATHENIANS_
US_ [USA]
U.N._
+UNITED_NATIONS
\t[IGOUNO]
DUPLICATE_
+ATHENS
\t[ZZZ]
"""


def test_first_line_code_applies_where_no_restriction_does(tmp_path: Path) -> None:
    d, problems = read_petrarch_files([_write(tmp_path, "x.Countries.actors.txt", ACTORS)])
    sam = next(a for a in d.actors if a.name == "sam gamgee")
    assert sam.type == "person"
    assert sam.code_on(D(2008, 1, 20)) == "HOBCIV"  # '<d' includes d
    assert sam.code_on(D(2008, 1, 21)) == "HOBMIL"
    assert sam.code_on(D(2012, 11, 9)) == "HOBMIL"  # range end included; 6-digit 12 -> 2012
    assert sam.code_on(D(2013, 1, 1)) == "HOB"  # no restriction covers it: the first-line code
    assert sam.code_on(D(2013, 1, 19)) == "HOBELI"  # '>d' includes d
    assert sam.code_on(D(1950, 1, 1)) == "HOBCIV"
    assert "samwise" in sam.phrases


def test_phrases_case_and_grouping(tmp_path: Path) -> None:
    d, problems = read_petrarch_files([_write(tmp_path, "x.Countries.actors.txt", ACTORS)])
    names = {a.name: a for a in d.actors}
    assert names["athens"].phrases == ("athens", "athenians")  # leading 'the' dropped, lower case
    assert names["athens"].type == "country"
    assert names["US"].phrases == ("US",)  # short all-capital word stays case-sensitive
    # A phrase line without codes takes the codes of the lines after it, as PETRARCH reads it.
    assert names["U.N."].phrases == ("U.N.", "united nations")
    assert names["U.N."].codes[0].code == "IGOUNO"
    # 'ATHENS' again with another code: the first entry keeps it, and the report says so.
    assert names["duplicate"].phrases == ("duplicate",)
    assert any("earlier entry" in p.message or "earlier entry" in p.entry or "ATHENS" in p.entry for p in problems)


def test_two_digit_year_pivot() -> None:
    from eventcoder.dictionaries.petrarch import _parse_day

    assert _parse_day("300101") == D(2030, 1, 1)
    assert _parse_day("310101") == D(1931, 1, 1)
    assert _parse_day("000101") == D(2000, 1, 1)
    assert _parse_day("19411207") == D(1941, 12, 7)
    assert _parse_day("100231") is None


VERBS = """\
&WEAPON
+GUN
+MACHINE_GUN
+KNIFE_

--- ATTACK [190] ---
ATTACK
+OPEN_FIRE {+OPENS_FIRE +OPENED_FIRE +OPENING_FIRE} [195]
STRIKE {STRIKES STRUCK STRIKING}
- * &WEAPON (AGAINST {ARMED CIVILIANS}) [195:194]  # a comment
- + * (ON $) [---]
- * (FROM ^) [:173]
~ a (a b ATTACK) SAY = a b 015
"""


def test_verb_patterns(tmp_path: Path) -> None:
    path = _write(tmp_path, "CAMEO.test.txt", VERBS)
    d, report = read_petrarch_report([path], cameo={"190", "195", "194", "173"})
    assert d.synsets["&WEAPON"].alternatives == (("gun",), ("machine", "gun"), ("knife",))
    by_text = {}
    for v in d.verbs:
        by_text.setdefault(v.text, []).append(v)
    simple, compound = by_text["- * &WEAPON (AGAINST {ARMED CIVILIANS}) [195:194]"]
    assert simple.verbs == ("attack", "strike", "strikes", "struck", "striking")
    assert [str(e) for e in simple.post] == ["&WEAPON", "against", "armed", "civilians"]
    assert isinstance(simple.post[0], Words) and simple.post[0].alternatives == ()  # resolved on load
    assert (simple.code, simple.passive_code) == ("195", "194")
    assert compound.verbs == ("open", "opens", "opened", "opening")
    assert [str(e) for e in compound.post] == ["fire", "&WEAPON", "against", "armed", "civilians"]
    slot = by_text["- + * (ON $) [---]"][0]
    assert [str(e) for e in slot.pre] == ["+"] and [str(e) for e in slot.post] == ["on", "$"]
    assert slot.code == "---"
    passive = by_text["- * (FROM ^) [:173]"][0]
    assert (passive.code, passive.passive_code) == ("---", "173")
    assert [str(e) for e in passive.post] == ["from"]
    # Isolated verbs with a code become bare patterns; the transformation is reported, not lost.
    bare = [v for v in d.verbs if not v.post and not v.pre]
    assert {v.code for v in bare} == {"190"}
    assert report.read["verb transformation"] == 1
    assert any(n.kind == "verb transformation" for n in report.dropped)


def test_agents_discards_issues(tmp_path: Path) -> None:
    agents = _write(tmp_path, "x.agents.txt", "!PERSON! = MAN, WOMAN\nREBEL [~REB]\nCATTLE!PERSON! [~AGR]\n"
                    "PEACEKEEPING_TROOPS {} [IGO~]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nBROKEN [~X}\n")
    discards = _write(tmp_path, "x.discards.txt", "FOOTBALL\n+OBITUARY  # story\n")
    issues = _write(tmp_path, "x.IssueCoding.txt", '<ISSUE CATEGORY="X">\nn:atrocity [ATROCITY]\npre+k [EDU]\n~not this\n</ISSUE>\n')
    d, report = read_petrarch_report([agents, discards, issues])
    ags = {a.name: a for a in d.agents}
    assert ags["rebel"].code == "REB" and not ags["rebel"].prefix
    assert ags["cattleman"].phrases == ("cattleman", "cattlewoman")
    assert ags["peacekeeping troops"].prefix and ags["peacekeeping troops"].code == "IGO"
    assert ags["attorney general"].phrases == ("attorney general", "attorneys general")
    assert [(x.phrase, x.story) for x in d.discards] == [("football", False), ("obituary", True)]
    assert {(i.phrase, i.code) for i in d.issues} == {("atrocity", "ATROCITY"), ("atrocities", "ATROCITY"),
                                                      ("pre k", "EDU"), ("pre-k", "EDU")}
    assert report.read["agent"] == report.converted["agent"] + sum(n.kind == "agent" for n in report.dropped)
    assert report.read["issue"] == 3 and report.converted["issue"] == 2


# ------------------------------------------------------------------------------------------------
# Property tests of the date resolution

days = st.dates(min_value=D(1900, 1, 1), max_value=D(2040, 12, 31))
codes = st.sampled_from(["AAA", "BBB", "CCC", "---"])


@st.composite
def restriction(draw):
    code = draw(codes)
    kind = draw(st.sampled_from(["none", "lt", "gt", "range"]))
    if kind == "none":
        return Restriction(code)
    a = draw(days)
    if kind == "lt":
        return Restriction(code, end=a)
    if kind == "gt":
        return Restriction(code, start=a)
    b = draw(days)
    return Restriction(code, min(a, b), max(a, b))


@settings(max_examples=200, deadline=None)
@given(st.lists(restriction(), min_size=1, max_size=6), st.lists(days, min_size=1, max_size=20))
def test_resolved_ranges_give_petrarch_code_and_never_overlap(specs, probes) -> None:
    resolved, _ = resolve_dates(specs)
    for x in range(len(resolved)):
        for y in range(x + 1, len(resolved)):
            assert not resolved[x].overlaps(resolved[y])
    edges = [r.start for r in specs if r.start] + [r.end for r in specs if r.end]
    edges += [e + dt.timedelta(days=k) for e in edges for k in (-1, 1) if D(1900, 1, 2) <= e <= D(2040, 12, 30)]
    for day in probes + edges:
        applying = [c.code for c in resolved if c.applies(day)]
        assert len(applying) <= 1
        assert (applying[0] if applying else None) == code_on(specs, day)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=4000), min_size=1, max_size=5), days)
def test_ranges_that_meet_cover_every_day_once(lengths, start) -> None:
    specs = []
    day = start
    for i, n in enumerate(lengths):
        end = day + dt.timedelta(days=n - 1)
        specs.append(Restriction(["AAA", "BBB"][i % 2], day, end))
        day = end + dt.timedelta(days=1)
    resolved, notes = resolve_dates(specs)
    assert notes == []
    d = start
    while d < day:
        assert sum(c.applies(d) for c in resolved) == 1
        d += dt.timedelta(days=97)
    assert sum(c.applies(day - dt.timedelta(days=1)) for c in resolved) == 1
    assert not any(c.applies(day) for c in resolved)
    assert not any(c.applies(start - dt.timedelta(days=1)) for c in resolved)


# ------------------------------------------------------------------------------------------------
# The real dictionaries


@pytest.fixture(scope="module")
def phoenix():
    files = petrarch_files(PETRARCH, PHOENIX)
    t0 = time.perf_counter()
    d, report = read_petrarch_report(files)
    return d, report, time.perf_counter() - t0


@needs_shared
def test_phoenix_counts_and_speed(phoenix) -> None:
    d, report, seconds = phoenix
    assert seconds < 5
    assert report.read["actor"] > 27000 and report.converted["actor"] > 25000
    assert report.read["verb pattern"] == 4668 and report.converted["verb pattern"] >= 4600
    assert report.read["verb"] == 1817 and report.converted["synset"] == 40
    assert report.converted["agent"] > 2200 and report.converted["discard"] > 500
    # Nothing is dropped silently: every entry read is converted or reported with a reason.
    for kind in ("actor", "agent", "discard", "issue", "verb pattern", "verb", "synset"):
        dropped = sum(1 for n in report.dropped if n.kind == kind)
        assert report.read[kind] == report.converted[kind] + dropped, kind
    assert all(n.origin is not None and n.reason for n in report.dropped)


@needs_shared
def test_phoenix_spot_checks(phoenix) -> None:
    d, _, _ = phoenix
    assert [h.codes for h in lookup(d, "BARACK_OBAMA", D(2010, 1, 1))] == [("USAGOV",)]
    assert [h.codes for h in lookup(d, "Barack Obama", D(1995, 1, 1))] == [("USAELI",)]
    assert [h.codes for h in lookup(d, "Barack Obama", D(2005, 1, 1))] == [()]  # no range covers 2005
    assert [h.codes for h in lookup(d, "the Islamic State", D(2017, 12, 8))] == [("IMGMUSISI",)]
    hits = lookup(d, "Syrian rebels", D(2017, 12, 8))
    assert [(h.kind, h.codes) for h in hits] == [("actor+agent", ("SYRREB",))]


@needs_shared
def test_phoenix_pattern_with_synset_and_prepositional_phrase(phoenix) -> None:
    d, _, _ = phoenix
    alert = [v for v in d.verbs if v.text.startswith("- * &SECURITY (OVER {&WEAPON ATTACK})")]
    assert len(alert) == 1
    v = alert[0]
    assert v.verbs[0] == "alert" and v.code == "151" and v.pre == ()
    assert [str(e) for e in v.post] == ["&SECURITY", "over", "&WEAPON", "attack"]
    ask_for = [v for v in d.verbs if v.verbs[:2] == ("ask", "asked") and v.post and str(v.post[0]) == "for"]
    assert ask_for, "the multi-word verb +ASK_FOR keeps its particle as the first pattern word"


@needs_shared
def test_phoenix_loads_through_native(tmp_path: Path) -> None:
    for f in petrarch_files(PETRARCH, PHOENIX):
        (tmp_path / f.name).symlink_to(f)
    d = native.load_dictionaries([f"petrarch:{tmp_path}"])
    assert len(d.actors) > 25000 and len(d.verbs) > 4600
    assert all(p.severity == "warning" for p in d.warnings)
    # Synset placeholders are resolved against the imported synsets.
    assert all(e.alternatives for v in d.verbs for e in v.post if isinstance(e, Words))


@needs_shared
def test_validation_set_imports_and_round_trips(tmp_path: Path) -> None:
    files = sorted(PETRARCH.glob("PETR.Validate.*"))
    d, problems = read_petrarch_files(files)
    assert len(d.actors) > 100 and len(d.verbs) > 400 and d.agents and d.discards
    out = tmp_path / "native"
    folder = tmp_path / "petr"
    folder.mkdir()
    for f in files:
        (folder / f.name).symlink_to(f)
    report = import_petrarch(folder, out)
    assert report.written["actors/actors.txt"] > 100
    again = native.load_dictionaries([str(out)])
    assert len(again.actors) == len(d.actors)
    assert len(again.verbs) == len(d.verbs)
    sam = next(a for a in again.actors if a.name == "sam gamgee")
    assert sam.code_on(D(2010, 1, 10)) == "ORCHOB"  # the earlier, overlapping restriction wins


# ------------------------------------------------------------------------------------------------
# Which files a folder, a PETR_config.ini, a list or a glob selects


def _two_sets(folder: Path) -> Path:
    """A folder like ../shared's: a Phoenix set, the CAMEO verbs it uses, and a validation set with
    its own verbs that codes Egypt differently."""
    _write(folder, "Phoenix.Countries.actors.txt", "EGYPT_ [EGY]\nJAPAN_ [JPN]\n")
    _write(folder, "Phoenix.agents.txt", "REBEL [~REB]\n")
    _write(folder, "CAMEO.2.0.txt", "--- ATTACK [190] ---\nATTACK\n")
    _write(folder, "PETR.Validate.actors.txt", "EGYPT_ [UAR]\nARNOR_ [ARN]\n")
    _write(folder, "PETR.Validate.verbs.2.0.txt", "--- MEET [040] ---\nMEET\n")
    _write(folder, "README", "not a dictionary\n")
    return folder


def test_folder_with_several_sets_reads_petrarchs_default_set(tmp_path: Path) -> None:
    folder = _two_sets(tmp_path / "dicts")
    sel = folder_selection(folder)
    assert [p.name for p in sel.paths] == ["Phoenix.Countries.actors.txt", "Phoenix.agents.txt", "CAMEO.2.0.txt"]
    assert [p.name for p in sel.left_out] == ["PETR.Validate.actors.txt", "PETR.Validate.verbs.2.0.txt"]
    d, problems = read_petrarch(folder)
    assert [h.codes for h in lookup(d, "Egypt")] == [("EGY",)]
    assert {a.name for a in d.actors} == {"egypt", "japan"}
    # The choice is a warning (shown by 'dictionaries check') that names both lists and the way out.
    (note,) = [p for p in problems if p.origin is None]
    assert "PETR.Validate.actors.txt" in note.message and "Phoenix.agents.txt" in note.message
    assert "NAME.*" in note.fix
    # The import report says the same.
    report = import_petrarch(folder, tmp_path / "out")
    text = report.render()
    assert "files left out: PETR.Validate.actors.txt, PETR.Validate.verbs.2.0.txt" in text
    assert "default set" in text and "to read others" in text


def test_folder_with_one_set_is_read_whole(tmp_path: Path) -> None:
    folder = tmp_path / "one"
    _write(folder, "t.Countries.actors.txt", "EGYPT_ [EGY]\n")
    _write(folder, "CAMEO.t.txt", "--- ATTACK [190] ---\nATTACK\n")  # CAMEO verbs join the set
    sel = folder_selection(folder)
    assert [p.name for p in sel.paths] == ["t.Countries.actors.txt", "CAMEO.t.txt"] and sel.left_out == []
    d, problems = read_petrarch(folder)
    assert not [p for p in problems if p.origin is None]


def test_several_sets_without_phoenix_is_an_error_that_says_how_to_pick(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    _write(folder, "A.actors.txt", "EGYPT_ [EGY]\n")
    _write(folder, "B.actors.txt", "EGYPT_ [UAR]\n")
    with pytest.raises(DictionaryError) as err:
        folder_selection(folder)
    assert "A, B" in str(err.value) and "PETR_config.ini" in str(err.value)


def test_petr_config_ini_names_the_files_and_their_kinds(tmp_path: Path) -> None:
    folder = _two_sets(tmp_path / "dicts")
    _write(folder, "old.verbs", "--- MEET [040] ---\nMEET\n")  # not a *.txt name: the key gives its kind
    _write(folder, "PETR_config.ini",
           "[Dictionaries]\n# PETRARCH's own format\nverbfile_name = old.verbs\n"
           "actorfile_list = PETR.Validate.actors.txt,\n    Phoenix.Countries.actors.txt  # first wins\n"
           "[Options]\ncode_by_sentence = True\n")
    sel = folder_selection(folder)
    assert [(p.name, k) for p, k in sel.files] == [
        ("PETR.Validate.actors.txt", "actors"), ("Phoenix.Countries.actors.txt", "actors"), ("old.verbs", "verbs")]
    assert "PETR_config.ini" in sel.how
    d, _ = read_petrarch(folder)
    assert [h.codes for h in lookup(d, "Egypt")] == [("UAR",)]  # listed first, as PETRARCH reads it
    assert {v.verbs for v in d.verbs} == {("meet",)}
    _write(folder, "PETR_config.ini", "[Dictionaries]\nagentfile_name = missing.agents.txt\n")
    with pytest.raises(DictionaryError) as err:
        folder_selection(folder)
    assert "missing.agents.txt" in str(err.value)


def test_specs_list_files_and_globs(tmp_path: Path) -> None:
    folder = _two_sets(tmp_path / "dicts")
    by_glob = spec_selection(f"{folder}/PETR.Validate.*")
    assert [p.name for p in by_glob.paths] == ["PETR.Validate.actors.txt", "PETR.Validate.verbs.2.0.txt"]
    listed = spec_selection(f"{folder}/PETR.Validate.actors.txt,Phoenix.agents.txt")  # 2nd relative to the 1st
    assert [p.name for p in listed.paths] == ["PETR.Validate.actors.txt", "Phoenix.agents.txt"]
    assert len(spec_selection(f"{folder}/*").paths) == 5  # every dictionary file; README skipped
    # Through the loader, as --dictionaries takes them; later specs override earlier ones.
    d = native.load_dictionaries([f"petrarch:{folder}", f"petrarch:{folder}/PETR.Validate.*"])
    assert [h.codes for h in lookup(d, "Egypt")] == [("UAR",)]
    assert [h.codes for h in lookup(d, "Japan")] == [("JPN",)]
    with pytest.raises(DictionaryError):
        spec_selection(f"{folder}/Nothing.*")
    with pytest.raises(DictionaryError):
        spec_selection(f"{folder}/PETR.Validate.actors.txt,missing.txt")


@needs_shared
def test_shared_folder_reads_phoenix_not_the_validation_set() -> None:
    d = native.load_dictionaries([f"petrarch:{PETRARCH}"])
    assert [h.codes for h in lookup(d, "Egypt", D(2017, 12, 8))] == [("EGY",)]
    assert [h.codes for h in lookup(d, "Japan", D(2017, 12, 8))] == [("JPN",)]
    assert len(d.actors) > 25000 and len(d.verbs) > 4600
    note = next(p for p in d.warnings if p.origin is None)
    assert "PETR.Validate.verbs.2.0.txt" in note.message
    # The validation set is still one glob away.
    v = native.load_dictionaries([f"petrarch:{PETRARCH}/PETR.Validate.*"])
    assert [h.codes for h in lookup(v, "Egypt")] == [("UAR",)]
