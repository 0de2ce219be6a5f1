"""The scorer (pure, no model), the runner with a fake coder, the CLI, and the accuracy guard."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import needs_model
from eventcoder.errors import InputError
from eventcoder.gold import GoldRecord, load_gold
from eventcoder.validate import (
    CONFIG_NOT_APPLICABLE,
    NONE,
    config_explanation,
    confusion,
    confusion_lines,
    failure_cause,
    judge,
    per_root,
    petrarch_suite_spec,
    prf,
    run_validation,
    score,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SUITE = SHARED / "petrarch2" / "text" / "PETR.UnitTest.records.expected-2.0.xml"
ACCURACY_JSON = ROOT / "docs" / "accuracy.json"


def rec(rid, events=(), *, error=None, category="X", text=None, config=None):
    events = [tuple(e.split()) for e in events]  # "SRC CODE TGT"
    return GoldRecord(id=rid, text=text or f"text of {rid}", date=dt.date(2020, 1, 1), category=category,
                      events=events, noevents=not events and not error, error=error, config=config or {},
                      origin=f"gold:{rid}")


def ev(s):
    source, code, target = s.split()
    return SimpleNamespace(source=source, target=None if target == "---" else target, event_code=code,
                           pattern=f"verbs.txt:1 pattern for {code}", source_entry=f"{source} entry",
                           target_entry=f"{target} entry", verb_text="verb", sentence_text="")


# ---- known inputs -----------------------------------------------------------------------------


def test_known_precision_recall():
    records = [
        rec("a", ["USA 190 SYR", "RUS 190 SYR"]),  # one right, one missed
        rec("b", ["CHN 111 JPN"]),  # wrong code (same root) -> fp + fn
        rec("c", []),  # no-event record, one extra
        rec("d", ["IRN 0841 GBR"]),  # right
    ]
    preds = {
        "a": [ev("USA 190 SYR")],
        "b": [ev("CHN 112 JPN")],
        "c": [ev("FRA 010 DEU")],
        "d": [ev("IRN 0841 GBR"), ev("IRN 0841 GBR")],  # duplicate counts once (sets per record)
    }
    r = score(records, preds)
    ex = r.level("exact")
    assert (ex["tp"], ex["fp"], ex["fn"]) == (2, 2, 2)
    assert ex["precision"] == pytest.approx(0.5) and ex["recall"] == pytest.approx(0.5)
    assert ex["f1"] == pytest.approx(0.5)
    dr = r.level("dyad_root")  # CHN 11 JPN now matches
    assert (dr["tp"], dr["fp"], dr["fn"]) == (3, 1, 1)
    rt = r.level("root")  # a: {19} vs {19}; b: {11}; c: {} vs {01}; d: {08}
    assert (rt["tp"], rt["fp"], rt["fn"]) == (3, 1, 0)
    assert rt["recall"] == 1.0 and rt["precision"] == pytest.approx(0.75)
    assert r.passed == 1 and [x.record.id for x in r.results if x.passed] == ["d"]
    d = r.to_dict()
    for key in ("records", "passed", "exact", "dyad_root", "root", "per_root", "confusion", "noevent_empty",
                "categories"):
        assert key in d
    assert d["records"] == 4 and d["passed"] == 1
    assert d["noevent_empty"] == {"records": 1, "empty": 0}
    assert d["per_root"]["19"] == prf(1, 0, 1)
    assert d["per_root"]["11"] == prf(0, 1, 1)
    assert d["per_root"]["01"] == prf(0, 1, 0)
    # a: RUS 190 SYR missed -> 19/none; c: FRA 010 DEU extra -> none/01
    assert d["confusion"] == {"08": {"08": 1}, "11": {"11": 1}, "19": {"19": 1, NONE: 1}, NONE: {"01": 1}}
    assert [(x["id"], x["passed"]) for x in d["results"]] == [("a", False), ("b", False), ("c", False), ("d", True)]
    b = d["results"][1]
    assert b["category"] == "X" and b["expected"] == [["CHN", "JPN", "111"]]
    assert b["produced"] == [["CHN", "JPN", "112"]]
    assert b["cause"] == "wrong code"
    assert d["categories"] == {"X": {"records": 4, "passed": 1}}
    assert d["failure_causes"] == {"extra events": 1, "wrong code": 1, "missed events": 1}
    json.dumps(d)  # JSON-serialisable


def test_perfect_prediction_scores_one():
    records = [rec("a", ["USA 190 SYR", "RUS 190 SYR"]), rec("b"), rec("c", error="storydiscard")]
    r = score(records, [[ev("RUS 190 SYR"), ev("USA 190 SYR")], [], []])
    assert r.passed == 3
    for level in ("exact", "dyad_root", "root"):
        s = r.level(level)
        assert s["precision"] == s["recall"] == s["f1"] == 1.0


def test_empty_cases_of_prf():
    assert prf(0, 0, 0)["f1"] == 1.0
    assert prf(0, 0, 3)["precision"] == 0.0 and prf(0, 0, 3)["recall"] == 0.0
    assert prf(0, 2, 0)["precision"] == 0.0 and prf(0, 2, 0)["recall"] == 0.0


def test_error_and_noevent_records():
    e = rec("e", error="storydiscard")
    assert judge(e, []).passed
    assert judge(e, [], rejected=True).passed
    assert not judge(e, [ev("ARN 010 GON")]).passed
    n = rec("n")
    assert judge(n, []).passed and not judge(n, [ev("ARN 010 GON")]).passed
    crashed = judge(rec("x", ["A 190 B"]), [], crash="ValueError: boom")
    assert not crashed.passed and crashed.cause == "crashed"


def test_target_none_matches_dashes():
    assert judge(rec("a", ["ARN 010 ---"]), [ev("ARN 010 ---")]).passed
    assert judge(rec("a", ["ARN 010 ---"]), [("ARN", "010", None)]).passed


@pytest.mark.parametrize(
    "expected, produced, cause",
    [
        (["A 190 B"], [], "no events produced"),
        (["A 190 B"], ["A 190 B", "C 190 B"], "extra events"),
        (["A 190 B"], ["A 111 B"], "wrong code"),
        (["A 190 B"], ["C 190 B"], "wrong source"),
        (["A 190 B"], ["A 190 C"], "wrong target"),
        (["A 190 B", "C 190 D"], ["A 190 B"], "missed events"),
        (["A 190 B"], ["C 111 D"], "unrelated events"),
        (["A 190 B"], ["A 190 B"], None),
    ],
)
def test_failure_causes(expected, produced, cause):
    key = lambda s: (s.split()[0], s.split()[2], s.split()[1])  # noqa: E731
    assert failure_cause({key(s) for s in expected}, {key(s) for s in produced}) == cause


def test_confusion_pairs_by_dyad():
    r = judge(rec("a", ["A 190 B", "A 111 B", "C 040 D"]), [ev("A 195 B"), ev("A 130 B"), ev("C 040 D")])
    assert confusion([r]) == {"04": {"04": 1}, "11": {"13": 1}, "19": {"19": 1}}
    assert per_root([r])["19"] == prf(0, 1, 1)


def test_confusion_has_none_for_missed_and_extra_and_pairs_same_root_across_dyads():
    r = judge(
        rec("a", ["A 190 B", "C 040 D", "E 111 F"]),
        # A 190 B: right dyad, wrong root; X 040 D: right root, wrong source; G 010 H: extra
        [ev("A 010 B"), ev("X 040 D"), ev("G 173 H")],
    )
    assert confusion([r]) == {"04": {"04": 1}, "11": {NONE: 1}, "19": {"01": 1}, NONE: {"17": 1}}
    lines = confusion_lines(confusion([r]))
    assert lines[0].split() == ["exp\\got", "01", "04", "11", "17", "19", NONE]
    assert lines[-1].split() == [NONE, "·", "·", "·", "1", "·", "·"]
    assert lines[3].split() == ["11", "·", "·", "·", "·", "·", "1"]
    assert len({len(line) for line in lines}) == 1  # aligned


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.sampled_from(["010", "111", "112", "190"]),
                                   st.sampled_from(["A", "B", "---"])), max_size=4), min_size=1, max_size=5),
       st.lists(st.lists(st.tuples(st.sampled_from(["A", "B", "C"]), st.sampled_from(["010", "111", "112", "190"]),
                                   st.sampled_from(["A", "B", "---"])), max_size=4), min_size=1, max_size=5))
def test_confusion_rows_sum_to_expected_and_columns_to_produced(gold, pred):
    pred = (pred + [[]] * len(gold))[: len(gold)]
    report = score(records_from(gold), pred)
    conf = report.to_dict()["confusion"]
    exp, got = {}, {}
    for res in report.results:
        for t in res.expected:
            exp[t[2][:2]] = exp.get(t[2][:2], 0) + 1
        for t in set(res.produced):
            got[t[2][:2]] = got.get(t[2][:2], 0) + 1
    rows = {r: sum(v for c, v in row.items()) for r, row in conf.items() if r != NONE}
    cols: dict[str, int] = {}
    for r, row in conf.items():
        for c, v in row.items():
            if c != NONE:
                cols[c] = cols.get(c, 0) + v
    assert rows == exp and cols == got
    assert conf.get(NONE, {}).get(NONE, 0) == 0


def test_markdown_and_render_mention_failures():
    from rich.console import Console

    r = score([rec("a", ["USA 190 SYR"], text="The US bombed Syria.")], [[ev("USA 111 SYR")]])
    md = r.to_markdown()
    assert "0 of 1 records pass" in md and "wrong code" in md and "The US bombed Syria." in md
    console = Console(record=True, width=200)
    r.render(console, show_failures=True)
    out = console.export_text()
    assert "FAIL" in out and "USA 111 SYR" in out and "verbs.txt:1 pattern for 111" in out and "SYR entry" in out


def many_failures():
    records = [rec(f"n{i}", ["ARN 190 GON"], category="DEMO", text=f"Sentence number {i} | with a pipe.")
               for i in range(7)]
    records += [rec("ok", ["ARN 050 GON"], category="DEMO"), rec("w", ["ARN 050 GON"], category="VERB")]
    preds = [[] for _ in range(7)] + [[ev("ARN 050 GON")], [ev("ARN 010 GON")]]
    return score(records, preds, gold="g.xml")


def test_markdown_lists_every_failure_by_cause_and_a_confusion_table():
    md = many_failures().to_markdown()
    assert "<details><summary><b>no events produced</b>: 7</summary>" in md
    assert "<details><summary><b>wrong code</b>: 1</summary>" in md
    for i in range(7):  # all of them, not a handful of examples
        assert f"- `n{i}` DEMO “Sentence number {i} \\| with a pipe.” — ARN 190 GON → nothing" in md
    assert "- `w` VERB" in md and "ARN 050 GON → ARN 010 GON" in md
    assert "`ok`" not in md  # passing records are not failures
    assert md.count("<details>") == md.count("</details>") == 2
    # the root confusion is a table: header of produced roots, one row per expected root, none last
    table = [line for line in md.splitlines() if line.startswith("| exp")]
    assert table == ["| exp \\ got | 01 | 05 | 19 | none |"]
    for row in ("| **05** | 1 | 1 | · | · |", "| **19** | · | · | · | 7 |", "| **none** | · | · | · | · |"):
        assert row in md


def test_render_records_lists_every_record():
    from rich.console import Console

    report = many_failures()
    lines = report.record_lines()
    assert len(lines) == report.records
    assert lines[0].split() == ["n0", "DEMO", "FAIL", "no", "events", "produced:", "ARN", "190", "GON", "→",
                                "nothing"]
    assert lines[7].split() == ["ok", "DEMO", "PASS"]
    assert lines[8].split()[:3] == ["w", "VERB", "FAIL"] and lines[8].endswith("ARN 050 GON → ARN 010 GON")
    console = Console(record=True, width=80)
    report.render(console, records=True)
    out = console.export_text()
    assert all(line in out for line in lines)
    assert "exp\\got" in out and "none" in out  # the confusion table
    console = Console(record=True, width=200)
    report.render(console)
    assert "ok  DEMO" not in console.export_text()  # the per-record list only on request


def test_categories_fold_spelling_variants_in_suite_order():
    records = [rec("1", category="SYNSET"), rec("2", category="AGENTS"), rec("3", category="AGENT"),
               rec("4", category="COMPOUNDx"), rec("5", category="COMPOUND"), rec("6", category="DEMO"),
               rec("7", category="COMMA"), rec("8", category="NEWS")]
    report = score(records, [[]] * len(records))
    cats = report.categories()
    assert list(cats) == ["DEMO", "AGENT", "COMPOUND", "SYNSET", "COMMA", "NEWS"]  # the order, then others
    assert cats["AGENT"] == {"records": 2, "passed": 2} and cats["COMPOUND"] == {"records": 2, "passed": 2}
    d = report.to_dict()
    assert [(x["category"], x["gold_category"]) for x in d["results"][1:4]] == [
        ("AGENT", "AGENTS"), ("AGENT", "AGENT"), ("COMPOUND", "COMPOUNDx")]
    assert "AGENTS counted as AGENT" in report.to_markdown()
    assert report.record_lines()[1].split()[:2] == ["2", "AGENT"]


def test_unsupported_config_options_are_explained():
    for option in ("comma_min", "comma_max", "comma_bmin", "comma_bmax", "comma_emin", "comma_emax"):
        why = CONFIG_NOT_APPLICABLE[option]
        assert option.replace("min", "max") in why and "comma-delimited clauses" in why and "dependency" in why
    assert "new actor" in CONFIG_NOT_APPLICABLE["new_actor_length"]
    assert "dictionaries" in CONFIG_NOT_APPLICABLE["new_actor_length"]
    assert "frobnicate" in config_explanation("frobnicate")
    report = score([rec("a")], [[]])
    report.ignored_config = ["comma_max", "new_actor_length"]
    assert report.to_dict()["ignored_config_why"] == {o: CONFIG_NOT_APPLICABLE[o] for o in report.ignored_config}
    md = report.to_markdown()
    assert f"- `comma_max`: {CONFIG_NOT_APPLICABLE['comma_max']}" in md
    assert f"- `new_actor_length`: {CONFIG_NOT_APPLICABLE['new_actor_length']}" in md


# ---- Hypothesis properties ---------------------------------------------------------------------

ACTORS = st.sampled_from(["USA", "USAGOV", "RUS", "RUSMIL", "SYR", "SYRREB", "IGOUNO", "---"])
CODES = st.sampled_from(["010", "0841", "111", "112", "190", "195", "040", "1823"])
TRIPLE = st.tuples(ACTORS.filter(lambda a: a != "---"), CODES, ACTORS)
RECORD_EVENTS = st.lists(st.lists(TRIPLE, max_size=4), min_size=1, max_size=6)


def records_from(lists):
    return [GoldRecord(id=str(i), text="t", date=None, category="C", events=list(evs), noevents=not evs,
                       origin=f"g:{i}") for i, evs in enumerate(lists)]


@settings(max_examples=150, deadline=None)
@given(RECORD_EVENTS, RECORD_EVENTS)
def test_scores_are_in_unit_interval(gold, pred):
    pred = (pred + [[]] * len(gold))[: len(gold)]
    r = score(records_from(gold), pred)
    for level in ("exact", "dyad_root", "root"):
        s = r.level(level)
        for k in ("precision", "recall", "f1"):
            assert 0.0 <= s[k] <= 1.0
    assert 0 <= r.passed <= r.records


@settings(max_examples=150, deadline=None)
@given(RECORD_EVENTS, RECORD_EVENTS, st.data())
def test_adding_a_correct_event_never_lowers_recall(gold, pred, data):
    pred = (pred + [[]] * len(gold))[: len(gold)]
    records = records_from(gold)
    before = score(records, pred)
    i = data.draw(st.integers(0, len(records) - 1))
    if not records[i].events:
        return
    extra = data.draw(st.sampled_from(records[i].events))
    more = [list(p) for p in pred]
    more[i].append(extra)
    after = score(records, more)
    for level in ("exact", "dyad_root", "root"):
        assert after.level(level)["recall"] >= before.level(level)["recall"]
        assert after.level(level)["tp"] >= before.level(level)["tp"]


@settings(max_examples=150, deadline=None)
@given(RECORD_EVENTS, RECORD_EVENTS, st.randoms(use_true_random=False))
def test_scoring_is_invariant_to_event_order(gold, pred, rnd):
    pred = (pred + [[]] * len(gold))[: len(gold)]
    shuffled_gold = [rnd.sample(evs, len(evs)) for evs in gold]
    shuffled_pred = [rnd.sample(evs, len(evs)) for evs in pred]
    a = score(records_from(gold), pred).to_dict()
    b = score(records_from(shuffled_gold), shuffled_pred).to_dict()
    for key in ("passed", "exact", "dyad_root", "root", "per_root", "confusion", "categories", "failure_causes"):
        assert a[key] == b[key]


@settings(max_examples=100, deadline=None)
@given(RECORD_EVENTS)
def test_predicting_the_gold_is_perfect(gold):
    records = records_from(gold)
    r = score(records, [list(reversed(evs)) for evs in gold])
    assert r.passed == r.records
    assert r.level("exact")["f1"] == 1.0


# ---- the runner with a fake coder ---------------------------------------------------------------


class FakeCoder:
    """Answers from a table keyed by text; records the require_dyad in force at each call."""

    def __init__(self, answers, raise_on=None):
        self.answers = answers
        self.raise_on = raise_on or {}
        self.require_dyad = True
        self.seen = []

    def code_text(self, text, date=None, story_id="text"):
        self.seen.append((story_id, date, self.require_dyad))
        if text in self.raise_on:
            raise self.raise_on[text]
        return [ev(s) for s in self.answers.get(text, [])]


XML = """<Validation><Sentences>
<Sentence source="DEMO" date="19950101" id="D1"><EventCoding eventcode="050" sourcecode="ARN" targetcode="GON" />
<Text>Arnor restores ties with Gondor.</Text></Sentence>
<Config option="require_dyad" value="false" />
<Config option="comma_max" value="4" />
<Sentence source="VERB" date="19950102" id="V1"><EventCoding eventcode="010" sourcecode="ARN" targetcode="---" />
<Text>Arnor spoke.</Text></Sentence>
<Config option="require_dyad" value="true" />
<Sentence source="ERROR" date="19950101" id="E1"><EventCoding error="bad_input_parse" /><Text>Bad input.</Text></Sentence>
<Sentence source="DEMO" date="19950101" id="D2"><EventCoding eventcode="190" sourcecode="MOR" targetcode="GON" />
<Text>Mordor attacks Gondor.</Text></Sentence>
</Sentences></Validation>
"""


def test_run_validation_with_fake_coder(tmp_path):
    gold = tmp_path / "suite.xml"
    gold.write_text(XML, encoding="utf-8")
    coder = FakeCoder(
        {"Arnor restores ties with Gondor.": ["ARN 050 GON"], "Arnor spoke.": ["ARN 010 ---"]},
        raise_on={"Bad input.": InputError("cannot parse"), "Mordor attacks Gondor.": RuntimeError("boom")},
    )
    report = run_validation(gold, coder)
    assert [s[2] for s in coder.seen] == [True, False, True, True]  # require_dyad follows <Config>
    assert coder.seen[1][1] == dt.date(1995, 1, 2)
    assert report.passed == 3
    by_id = {r.record.id: r for r in report.results}
    assert by_id["E1"].rejected and by_id["E1"].passed
    assert by_id["D2"].cause == "crashed" and "boom" in by_id["D2"].crash
    assert report.ignored_config == ["comma_max"]
    assert report.to_dict()["ignored_config_why"] == {"comma_max": CONFIG_NOT_APPLICABLE["comma_max"]}
    assert report.to_dict()["crashed"] == 1
    assert coder.require_dyad is True  # the coder is handed back as it was given


def test_jsonl_config_applies_to_its_record_only(tmp_path):
    gold = tmp_path / "g.jsonl"
    rows = [{"id": str(i), "text": f"t{i}", "date": "2020-01-01", "events": [],
             **({"config": {"require_dyad": False}} if i == 1 else {})} for i in range(3)]
    gold.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    coder = FakeCoder({})
    run_validation(gold, coder)
    assert [s[2] for s in coder.seen] == [True, False, True]


# ---- dictionary specs -----------------------------------------------------------------------------


def test_petrarch_suite_spec_lists_its_four_files(tmp_path):
    suite = petrarch_suite_spec(tmp_path)
    assert suite.startswith("petrarch:") and suite.count(",") == 3 and "PETR.Validate.verbs.2.0.txt" in suite
    assert all(p.startswith(str(tmp_path)) for p in suite.removeprefix("petrarch:").split(","))


# ---- the CLI ------------------------------------------------------------------------------------


def cli_app(monkeypatch, coder):
    import eventcoder.cli.validate as mod

    monkeypatch.setattr(mod, "_make_coder", lambda dictionaries, model: coder)
    app = typer.Typer()
    app.command()(mod.validate)
    return app


def dev_like(tmp_path):
    p = tmp_path / "gold.jsonl"
    rows = [
        {"id": "a", "text": "Russia attacked Ukraine.", "date": "2022-02-24", "category": "ROOT",
         "events": [{"source": "RUS", "code": "190", "target": "UKR"}]},
        {"id": "b", "text": "Oil prices rose.", "date": "2022-02-24", "events": []},
    ]
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return p


def test_cli_json(monkeypatch, tmp_path):
    app = cli_app(monkeypatch, FakeCoder({"Russia attacked Ukraine.": ["RUS 195 UKR"]}))
    res = CliRunner().invoke(app, [str(dev_like(tmp_path)), "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["records"] == 2 and data["passed"] == 1
    assert data["root"]["f1"] == 1.0 and data["exact"]["recall"] == 0.0
    assert data["failures"][0]["cause"] == "wrong code"
    # every record, passed or not, with what was expected and produced
    assert data["results"] == [
        {"id": "a", "origin": data["results"][0]["origin"], "category": "ROOT", "gold_category": "ROOT",
         "kind": "event", "passed": False, "cause": "wrong code", "expected": [["RUS", "UKR", "190"]],
         "produced": [["RUS", "UKR", "195"]]},
        {"id": "b", "origin": data["results"][1]["origin"], "category": "-", "gold_category": "-",
         "kind": "noevent", "passed": True, "cause": None, "expected": [], "produced": []},
    ]


def test_cli_records(monkeypatch, tmp_path):
    app = cli_app(monkeypatch, FakeCoder({"Russia attacked Ukraine.": ["RUS 195 UKR"]}))
    res = CliRunner().invoke(app, [str(dev_like(tmp_path)), "--records"])
    assert res.exit_code == 0, res.output
    lines = [line.split() for line in res.output.splitlines()]
    assert ["a", "ROOT", "FAIL", "wrong", "code:", "RUS", "190", "UKR", "→", "RUS", "195", "UKR"] in lines
    assert ["b", "-", "PASS"] in lines
    res = CliRunner().invoke(app, [str(dev_like(tmp_path))])
    assert ["b", "-", "PASS"] not in [line.split() for line in res.output.splitlines()]


def test_cli_show_failures_and_min_pass(monkeypatch, tmp_path):
    app = cli_app(monkeypatch, FakeCoder({"Russia attacked Ukraine.": ["RUS 195 UKR"]}))
    res = CliRunner().invoke(app, [str(dev_like(tmp_path)), "--show-failures", "--min-pass", "2"])
    assert res.exit_code == 1
    out = res.output
    assert "1 of 2 records pass" in out
    assert "Russia attacked Ukraine." in out and "RUS 190 UKR" in out and "RUS 195 UKR" in out
    assert "verbs.txt:1 pattern for 195" in out and "UKR entry" in out
    res = CliRunner().invoke(app, [str(dev_like(tmp_path)), "--json", "--show-failures"])
    assert json.loads(res.stdout)["failures"][0]["fired"][0]["source_entry"] == "RUS entry"


def test_cli_bad_gold_is_a_clean_error(monkeypatch, tmp_path):
    from eventcoder.cli import main

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "date": "2020-01-01"}\n')
    import eventcoder.cli.validate as mod

    monkeypatch.setattr(mod, "_make_coder", lambda dictionaries, model: FakeCoder({}))
    monkeypatch.setattr("sys.argv", ["eventcoder", "validate", str(bad)])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 1


def test_cli_is_registered_with_help():
    from eventcoder.cli import app

    res = CliRunner().invoke(app, ["validate", "--help"])
    assert res.exit_code == 0
    for opt in ("--dictionaries", "--model", "--show-failures", "--records", "--json", "--min-pass"):
        assert opt in res.output


# ---- the guard: the PETRARCH suite must not get worse --------------------------------------------

@pytest.mark.slow
@pytest.mark.skipif(not SUITE.exists(), reason=f"PETRARCH suite not found at {SUITE} (../shared is only in the developers' checkout)")
@needs_model
def test_petrarch_suite_does_not_regress():
    from eventcoder.pipeline import Coder

    # docs/accuracy.json is committed: a missing file or figure is a failure, never a reason to skip
    assert ACCURACY_JSON.is_file(), f"{ACCURACY_JSON} is missing; it is committed (benchmarks/accuracy.py writes it)"
    committed = json.loads(ACCURACY_JSON.read_text()).get("passed")
    assert isinstance(committed, int), f"{ACCURACY_JSON} has no PETRARCH-suite 'passed' figure"
    coder = Coder(dictionaries=[petrarch_suite_spec(SHARED / "petrarch2" / "dictionaries")])
    report = run_validation(SUITE, coder)
    assert report.passed >= committed, (
        f"PETRARCH suite: {report.passed} records pass, fewer than the {committed} committed in docs/accuracy.json"
    )


def test_dev_gold_loads_for_scoring():
    # the dev set scores against itself perfectly (it is a consistent gold file)
    records = load_gold(ROOT / "tests" / "gold" / "dev.jsonl")
    r = score(records, [rec_.events for rec_ in records])
    assert r.passed == r.records
