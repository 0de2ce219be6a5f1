"""Gold readers: PETRARCH XML and JSONL, and the errors malformed gold raises."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eventcoder.errors import GoldError
from eventcoder.gold import (
    PETRARCH_CATEGORIES,
    config_value,
    fold_categories,
    load_gold,
    order_categories,
    read_gold,
    read_jsonl_gold,
    read_petrarch_xml,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SUITE = SHARED / "petrarch2" / "text" / "PETR.UnitTest.records.expected-2.0.xml"

XML = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
<Environment><Config option="stop_on_error" value="True" /></Environment>
<Sentences>
<!-- a comment with <Sentence> inside is ignored -->
<Sentence source="DEMO" date="19950101" id="DEMO_00" sentence="true">
<EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<EventCoding eventcode="050" sourcecode="GON" targetcode="ARN" />
<Text>
Arnor is about to restore full diplomatic
ties with Gondor.
</Text>
<Parse>1 Arnor ...</Parse>
</Sentence>
<Config option="require_dyad" value="FALSE" />
<Config option="new_actor_length" value="4" />
<Sentence category="VERB" date="2001-02-03" id="V_1">
<EventCoding noevents="True" />
<Text>Nothing happens.</Text>
</Sentence>
<Sentence source="ERROR" date="19950101" id="E_1">
<EventCoding error="storydiscard" />
<Text>Gondor football results.</Text>
</Sentence>
<Sentence source="PATTERN" date="19920102" id="P_6">
<Text>No coding at all.</Text>
</Sentence>
<Sentence source="DEMO" date="19950101" id="NULLT">
<EventCoding eventcode="010" sourcecode="ARN" targetcode="---" />
<Text>Arnor spoke.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def jsonl(tmp_path: Path, *objs, name="gold.jsonl") -> Path:
    lines = [o if isinstance(o, str) else json.dumps(o) for o in objs]
    return write(tmp_path, name, "\n".join(lines) + "\n")


GOOD = {"id": "a", "text": "Russia attacked Ukraine.", "date": "2022-02-24",
        "events": [{"source": "RUS", "code": "190", "target": "UKR"}]}


# ---- PETRARCH XML ---------------------------------------------------------------------------


def test_xml_records_fields_and_config(tmp_path):
    recs = list(read_petrarch_xml(write(tmp_path, "s.xml", XML)))
    assert [r.id for r in recs] == ["DEMO_00", "V_1", "E_1", "P_6", "NULLT"]
    demo = recs[0]
    assert demo.text == "Arnor is about to restore full diplomatic ties with Gondor."
    assert demo.date == dt.date(1995, 1, 1)
    assert demo.category == "DEMO"
    assert demo.events == [("ARN", "050", "GON"), ("GON", "050", "ARN")]
    assert demo.kind == "event"
    assert demo.config == {"stop_on_error": True}
    assert demo.origin.endswith("s.xml:6")
    v = recs[1]
    assert v.category == "VERB" and v.date == dt.date(2001, 2, 3)
    assert v.noevents and v.kind == "noevent"
    # <Config> applies from where it stands
    assert v.config == {"stop_on_error": True, "require_dyad": False, "new_actor_length": 4}
    assert recs[2].error == "storydiscard" and recs[2].kind == "error"
    assert recs[3].noevents and recs[3].events == []  # no <EventCoding>: expects nothing
    assert recs[4].events == [("ARN", "010", "---")]


def test_read_gold_dispatches_on_extension(tmp_path):
    assert len(list(read_gold(write(tmp_path, "s.xml", XML)))) == 5
    assert len(list(read_gold(jsonl(tmp_path, GOOD)))) == 1
    with pytest.raises(GoldError) as err:
        read_gold(write(tmp_path, "gold.csv", "id,text\n"))
    assert err.value.fix and "jsonl" in err.value.fix


@pytest.mark.parametrize(
    "broken, line, field",
    [
        ('<Sentence date="19950101"><Text>x</Text></Sentence>', 3, "id"),
        ('<Sentence id="A"><Text>x</Text></Sentence>', 3, "date"),
        ('<Sentence id="A" date="19951340"><Text>x</Text></Sentence>', 3, "date"),
        ('<Sentence id="A" date="19950101">\n<EventCoding sourcecode="ARN" targetcode="GON" />\n<Text>x</Text></Sentence>', 4, "eventcode"),
        ('<Sentence id="A" date="19950101"></Sentence>', 3, "Text"),
        ('<Config option="require_dyad" />', 3, "value"),
        ('<Sentence id="A" date="19950101"><Text>x & y</Text></Sentence>', 3, None),
        ('<Sentence id="A" date="19950101"><Text>x</Text>', 4, None),
    ],
)
def test_xml_malformed_raises_gold_error_with_line(tmp_path, broken, line, field):
    text = "<Validation>\n<Sentences>\n" + broken + "\n</Sentences></Validation>\n"
    with pytest.raises(GoldError) as err:
        load_gold(write(tmp_path, "bad.xml", text))
    e = err.value
    assert e.code == "E500"
    assert e.file and e.file.endswith("bad.xml")
    assert e.line == line
    if field:
        assert e.field == field
    assert e.fix


def test_config_value():
    assert config_value("TRUE") is True and config_value("False") is False
    assert config_value("8") == 8 and config_value("x") == "x"


@pytest.mark.skipif(not SUITE.exists(), reason=f"PETRARCH suite not found at {SUITE} (../shared is only in the developers' checkout)")
def test_petrarch_suite_reads_284_records():
    recs = load_gold(SUITE)
    assert len(recs) == 284
    kinds = [r.kind for r in recs]
    assert kinds.count("event") == 257 and kinds.count("error") == 7 and kinds.count("noevent") == 20
    assert sum(len(r.events) for r in recs) == 349
    assert recs[0].id == "DEMO_00" and recs[0].events == [("ARN", "050", "GON")]
    assert {"DEMO", "ACTOR", "AGENT", "VERB", "COMPOUND", "PARSING", "PATTERN", "DATE", "MODIFY", "SYNSET",
            "ERROR"} <= {r.category for r in recs}
    # require_dyad switches off and on again through the suite
    assert {r.config.get("require_dyad") for r in recs} == {None, True, False}
    # its spelling variants (AGENTS, COMPOUNDx) fold into the categories its <Include> line names
    folded = fold_categories(r.category for r in recs)
    assert set(folded.values()) == set(PETRARCH_CATEGORIES)
    assert {raw: c for raw, c in folded.items() if raw != c} == {"AGENTS": "AGENT", "COMPOUNDx": "COMPOUND"}


def test_fold_categories_is_a_general_rule():
    names = ["AGENT", "AGENTS", "COMPOUNDx", "PASSIVE", "PASSIVES", "Passives", "NEWS", "ROOTabc", "ROOT", "S", "s",
             "-", "COMMAS"]
    f = fold_categories(names, known=())
    assert f["AGENTS"] == "AGENT" and f["PASSIVES"] == "PASSIVE" and f["ROOTabc"] == "ROOT"
    # no base, no folding: a category is never invented or merged into a stranger
    assert f["COMPOUNDx"] == "COMPOUNDx" and f["NEWS"] == "NEWS" and f["COMMAS"] == "COMMAS"
    assert f["Passives"] == "Passives" and f["S"] == "S" and f["s"] == "s" and f["-"] == "-"
    assert all(f[c] == c for c in ("AGENT", "PASSIVE", "ROOT"))
    # PETRARCH's categories count as existing bases even when no record uses the bare name
    assert fold_categories(["COMPOUNDx", "ERRORS", "MODIFYs"]) == {
        "COMPOUNDx": "COMPOUND", "ERRORS": "ERROR", "MODIFYs": "MODIFY"}
    # variants of variants fold all the way down
    assert fold_categories(["AGENTSx", "AGENTS"], known=("AGENT",))["AGENTSx"] == "AGENT"


def test_order_categories_puts_the_suite_order_first():
    assert order_categories(["SYNSET", "NOEVENT", "DEMO", "ERROR", "AGENT", "COMMA"]) == [
        "DEMO", "AGENT", "SYNSET", "ERROR", "COMMA", "NOEVENT"]


# ---- JSONL ------------------------------------------------------------------------------------


def test_jsonl_reads_records(tmp_path):
    p = jsonl(
        tmp_path,
        GOOD,
        "",
        {"id": "b", "text": "Oil  prices\nrose.", "date": None, "events": [], "note": "no actors", "category": "NOEVENT"},
        {"id": 7, "text": "Russia spoke.", "date": "2020-01-01", "events": [{"source": "RUS", "code": "010"}]},
        {"id": "c", "text": "x", "date": "2020-01-01", "events": [], "error": "storydiscard",
         "config": {"require_dyad": False}},
    )
    a, b, n, c = load_gold(p)
    assert a.events == [("RUS", "190", "UKR")] and a.date == dt.date(2022, 2, 24) and a.kind == "event"
    assert a.origin == f"{p}:1" and a.category == "-"
    assert b.text == "Oil prices rose." and b.date is None and b.noevents and b.note == "no actors"
    assert b.category == "NOEVENT" and b.origin == f"{p}:3"
    assert n.id == "7" and n.events == [("RUS", "010", "---")]
    assert c.kind == "error" and c.config == {"require_dyad": False}


@pytest.mark.parametrize(
    "obj, field",
    [
        ("{not json", None),
        ("[1, 2]", None),
        ({"text": "x", "date": "2020-01-01", "events": []}, "id"),
        ({"id": "", "text": "x", "date": "2020-01-01", "events": []}, "id"),
        ({"id": "z", "text": " ", "date": "2020-01-01", "events": []}, "text"),
        ({"id": "z", "text": "x", "date": "2020-13-01", "events": []}, "date"),
        ({"id": "z", "text": "x", "date": 20200101, "events": []}, "date"),
        ({"id": "z", "text": "x", "date": "2020-01-01"}, "events"),
        ({"id": "z", "text": "x", "date": "2020-01-01", "events": {}}, "events"),
        ({"id": "z", "text": "x", "date": "2020-01-01", "events": [], "evnets": []}, "evnets"),
        ({"id": "z", "text": "x", "date": "2020-01-01", "events": [{"code": "190", "target": "UKR"}]}, "events[0].source"),
        ({"id": "z", "text": "x", "date": "2020-01-01", "events": [{"source": "RUS", "code": 190}]}, "events[0].code"),
        ({"id": "z", "text": "x", "date": "2020-01-01", "events": [{"source": "RUS", "code": "attack"}]}, "events[0].code"),
        ({"id": "z", "text": "x", "date": "2020-01-01", "events": [{"source": "R US", "code": "190"}]}, "events[0].source"),
        ({"id": "z", "text": "x", "date": "2020-01-01", "events": [{"source": "RUS", "code": "190", "tgt": "X"}]}, "events[0].tgt"),
        ({"id": "z", "text": "x", "date": "2020-01-01", "events": ["RUS 190 UKR"]}, "events[0]"),
        ({"id": "z", "text": "x", "date": "2020-01-01", "events": [], "config": []}, "config"),
    ],
)
def test_jsonl_malformed_raises_gold_error_with_line(tmp_path, obj, field):
    p = jsonl(tmp_path, GOOD, obj)
    with pytest.raises(GoldError) as err:
        load_gold(p)
    e = err.value
    assert (e.code, e.line, e.field) == ("E500", 2, field)
    assert e.file == str(p) and e.fix
    assert f"{p}:2" in str(e)


def test_jsonl_duplicate_ids_are_an_error(tmp_path):
    with pytest.raises(GoldError) as err:
        load_gold(jsonl(tmp_path, GOOD, GOOD))
    assert err.value.line == 2 and err.value.field == "id"


def test_jsonl_missing_file(tmp_path):
    with pytest.raises(GoldError):
        list(read_jsonl_gold(tmp_path / "nope.jsonl"))


# ---- the development gold set -------------------------------------------------------------------

CAMEO_ROOTS = {f"{i:02d}" for i in range(1, 21)}


def test_dev_gold_set_is_well_formed_and_covers_the_brief():
    recs = load_gold(ROOT / "tests" / "gold" / "dev.jsonl")
    assert len(recs) >= 160
    assert all(r.date is not None and 2015 <= r.date.year <= 2025 for r in recs)
    roots = {code[:2] for r in recs for _, code, _ in r.events}
    assert roots == CAMEO_ROOTS
    assert sum(1 for r in recs if not r.events) >= 20
    cats = {r.category for r in recs}
    assert {"PASSIVE", "NEGATION", "COMPOUND", "REPORTED", "NOMINAL", "DATE"} <= cats
    # date-bounded actors: the same person gets different codes on different dates
    obama = {r.events[0][0] for r in recs if r.text.startswith("Barack Obama") and r.events}
    assert {"USAGOV", "USAELI"} <= obama
    # every event code exists in the bundled CAMEO table when it is there
    cameo = ROOT / "dictionaries" / "cameo.txt"
    if cameo.exists():
        known = {line.split("|")[0].strip() for line in cameo.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.lstrip().startswith(("#", "@"))}
        unknown = {code for r in recs for _, code, _ in r.events if code not in known}
        assert not unknown, f"codes not in dictionaries/cameo.txt: {sorted(unknown)}"
