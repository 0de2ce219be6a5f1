"""PLOVER beside CAMEO: the bundled 2021 CAMEO->PLOVER table, its coverage and the coded columns."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import ROOT, SHARED, needs_model
from eventcoder import plover
from eventcoder.dictionaries.model import NO_EVENT
from eventcoder.dictionaries.native import load_dictionaries

SHARED_TABLE = SHARED / "cameo" / "PLOVER_CAMEO2PLOVER-2021.txt"
needs_table = pytest.mark.skipif(
    not SHARED_TABLE.is_file(), reason=f"the shared CAMEO->PLOVER table is not at {SHARED_TABLE} (developers' checkout only)"
)
#: The event types of the 2021 table.
PLOVER_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST",
                 "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"}


def expected(code: str) -> tuple[str | None, str | None]:
    found = plover.category(code)
    return (found.event, found.mode) if found else (None, None)


@pytest.fixture(scope="module")
def bundled():
    return load_dictionaries(None)


def producible_codes(d) -> set[str]:
    """Every event code the dictionaries can give an event: verb patterns (active and passive),
    event nouns, announced acts (verbs/announced.txt), events in a third country, and the
    violent repression (175) events.py gives a state's forces against protesters."""
    codes = {v.code for v in d.verbs} | {v.passive_code for v in d.verbs if v.passive_code}
    codes |= {n.code for n in d.nouns} | set(d.announced.values()) | set(d.elsewhere.values()) | {"175"}
    return codes - {NO_EVENT}


def test_known_categories():
    assert plover.category("0841") == plover.Plover("RETREAT", "release", ("legal",))
    assert plover.category("195") == plover.Plover("ASSAULT", "heavy-weapons", ("military",))
    assert plover.category("1124") == plover.Plover("ACCUSE", "allege", ("military", "legal"))
    assert plover.category("040") == plover.Plover("CONSULT", None, ())
    # A child takes its own line, not its parent's.
    assert plover.category("171").event == "COERCE" and plover.category("1712").event == "ASSAULT"
    assert plover.category("081").event == "CONCEDE" and plover.category("0813").event == "RETREAT"
    assert plover.category("010") is None and plover.category("0234") is None and plover.category("99") is None
    assert plover.DROPPED_ROOTS == {"01", "02"}


def test_table_is_well_formed():
    assert set(plover.EVENTS.values()) == PLOVER_EVENTS
    assert all(re.fullmatch(r"\d{2,4}", code) for code in plover.TABLE)
    assert all(mode and mode == mode.strip() and " " not in mode for mode in plover.MODES.values())
    assert all(c and " " not in c for p in plover.TABLE.values() for c in p.contexts)


def test_every_code_the_dictionaries_produce_has_a_category(bundled):
    codes = producible_codes(bundled)
    assert len(codes) > 250
    missing = sorted(c for c in codes if plover.category(c) is None and not plover.is_dropped(c))
    assert missing == []
    # Statements and appeals are the only codes without one: PLOVER drops those roots.
    assert {c[:2] for c in codes if plover.category(c) is None} == {"01", "02"}


def test_every_cameo_code_has_a_category_or_a_dropped_root(bundled):
    assert sorted(c for c in bundled.cameo if plover.category(c) is None and not plover.is_dropped(c)) == []


def test_malformed_table_line_names_file_and_line(tmp_path):
    bad = tmp_path / "table.txt"
    bad.write_text("# comment\n030 | AGREE | - | diplomatic\n031 | AGREE\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"table\.txt:3"):
        plover.read_table(bad)


def _shared_table() -> tuple[dict[str, tuple[str, str | None, tuple[str, ...]]], dict[str, set[str]]]:
    """The shared table as written: CODE: EVENT, MODE, CONTEXT[; CONTEXT] # comment; a two-digit
    line is a root heading."""
    lines, headings = {}, {}
    for raw in SHARED_TABLE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([^#]*)", raw)
        if not match:
            continue
        code, fields = match.group(1), [f.strip() for f in match.group(2).split(",")]
        if len(code) == 2:
            headings.setdefault(code, set()).add(fields[0])
            continue
        fields += [""] * (3 - len(fields))
        contexts = tuple(c.strip() for c in fields[2].split(";") if c.strip())
        fact = (fields[0], fields[1] or None, contexts)
        assert lines.setdefault(code, fact) == fact, f"{code} is listed twice with different facts"
        lines[code] = fact
    return lines, headings


@pytest.mark.shared
@needs_table
def test_bundled_table_agrees_with_the_shared_2021_table():
    lines, headings = _shared_table()
    assert len(lines) > 250
    bundled = {code: (p.event, p.mode, p.contexts) for code, p in plover.TABLE.items() if len(code) > 2}
    assert bundled == lines
    roots = {code: p.event for code, p in plover.TABLE.items() if len(code) == 2}
    assert set(roots) | plover.DROPPED_ROOTS == {f"{r:02d}" for r in range(1, 21)}
    assert all(event in headings[root] for root, event in roots.items())
    assert not any(code[:2] in plover.DROPPED_ROOTS for code in lines)  # the table has no 01/02 lines


def _check_events(events) -> None:
    assert events
    for e in events:
        assert (e.plover_event, e.plover_mode) == expected(e.event_code), (e.event_code, e.sentence_text)
        assert e.plover_event is not None or plover.is_dropped(e.event_code)


@pytest.mark.model
@needs_model
def test_examples_carry_the_plover_category_of_their_code(bundled_coder):
    from eventcoder.readers import read_stories

    stories = read_stories([str(ROOT / "examples" / "stories.jsonl")])
    events = list(bundled_coder.code(stories))
    _check_events(events)
    assert {e.plover_event for e in events} - {None} >= {"ASSAULT", "CONSULT", "ACCUSE", "AGREE"}


@pytest.mark.model
@pytest.mark.shared
@needs_model
@pytest.mark.skipif(not (SHARED / "seed" / "article.txt").is_file(), reason=f"the seed article is not at {SHARED / 'seed'}")
def test_seed_article_carries_the_plover_category_of_its_codes(bundled_coder):
    text = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    _check_events(bundled_coder.code_text(text, dt.date(2017, 12, 8)))
