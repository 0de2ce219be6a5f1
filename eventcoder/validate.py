"""Score a coder against a gold standard.

Everything here except :func:`run_validation` is a pure function of gold records and produced
events, so the scorer is tested without a spaCy model.

How a record is judged
    A record **passes** when the set of ``(source, target, code)`` the coder produced equals the
    expected set. A no-event record passes when nothing is produced. An error record (PETRARCH's
    ``error="storydiscard"`` etc.) passes when nothing is produced or the coder rejects the input
    (raises :class:`~eventcoder.errors.InputError` or another non-model EventcoderError). An event
    without a target counts with target ``"---"``.

How events are counted
    Micro-averaged precision, recall and F1 over **sets per record**: within one record a
    duplicate of the same event counts once (gold files list each event once; a coder that emits
    the same triple twice from two verbs is not rewarded or punished twice). Summed over records,
    ``tp = |E ∩ P|``, ``fp = |P − E|``, ``fn = |E − P|``. Three levels, each with its own sets:

    - ``exact``: ``(source, target, code)``;
    - ``dyad_root``: first three letters of each actor code and the two-digit root code;
    - ``root``: the root code alone.

    Events produced for no-event and error records are false positives. With nothing produced,
    precision is 1.0 if nothing was expected (else 0.0); with nothing expected, recall is 1.0 if
    nothing was produced (else 0.0).

    The per-root table counts exact-level tp/fp/fn by the root of the event's code. The
    confusion table counts expected root × produced root over events paired within a record:
    first events with the same ``(source, target)`` and the same root, then the rest of each
    ``(source, target)`` in code order, then leftovers with the same root whatever their actors
    (the root was right, an actor wrong). An expected event left unpaired is counted in the
    ``"none"`` column (missed), a produced one in the ``"none"`` row (extra). Each row therefore
    sums to the expected events with that root, each column to the produced ones.

Categories: spelling variants of a category fold into it when the base exists (``AGENTS`` →
``AGENT``, ``COMPOUNDx`` → ``COMPOUND``; see :func:`eventcoder.gold.fold_categories`).

Failure causes (for reports), the first rule that fits: ``crashed`` (the coder raised);
``no events produced``; ``extra events`` (everything expected was produced, and more);
``wrong code`` (a missed and an extra event share source and target); ``wrong source``
(share target and code); ``wrong target`` (share source and code); ``missed events`` (some
expected events produced, others missing, nothing extra); ``unrelated events``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import EventcoderError, GoldError, ModelError
from .gold import NO_ACTOR, GoldRecord, fold_categories, load_gold, order_categories

LEVELS = ("exact", "dyad_root", "root")
CAUSES = (
    "crashed",
    "no events produced",
    "extra events",
    "wrong code",
    "wrong source",
    "wrong target",
    "missed events",
    "unrelated events",
)
# <Config> options the runner passes on to a coder that has them (as attributes or configure()).
CONFIG_OPTIONS = ("require_dyad", "new_actor_length", "comma_min", "comma_max", "comma_bmin", "comma_bmax",
                  "comma_emin", "comma_emax")

NONE = "none"  # the confusion table's row/column for extra/missed events

_COMMA_PRUNING = (
    "PETRARCH deletes {where} comma-delimited clauses {bound} from its constituency parse before matching "
    "verb patterns ({off} turns this off); eventcoder matches patterns on spaCy dependency parses, where a "
    "verb's clause is its dependency subtree without relative, adverbial and paratactic clauses whatever "
    "their length, so there is no comma pruning for this option to set."
)
# Why a <Config> option of PETRARCH's suite has no counterpart in eventcoder (one sentence each).
_COMMA_OPTIONS = {  # option prefix: (where the clause stands, PETRARCH's default range, how it is off)
    "comma_": ("internal", "2-8", "comma_max 0"),
    "comma_b": ("initial", "0-0", "comma_bmax 0, the default,"),
    "comma_e": ("terminal", "2-8", "comma_emax 0"),
}
CONFIG_NOT_APPLICABLE = {
    f"{prefix}{end}": _COMMA_PRUNING.format(
        where=where, bound=f"of {prefix}min to {prefix}max words (default {default})", off=off
    )
    for prefix, (where, default, off) in _COMMA_OPTIONS.items()
    for end in ("min", "max")
}
CONFIG_NOT_APPLICABLE.update({
    "new_actor_length": (
        "When no dictionary actor or agent codes a subject or object noun phrase, PETRARCH can code the "
        "phrase itself as a new actor (the suite's quoted codes such as '\"THE MINISTRY OF MAGIC\"') if it "
        "has at most new_actor_length words (0, the default, turns this off); eventcoder codes only actors "
        "its dictionaries name, so it always behaves as new_actor_length 0 and records expecting such "
        "quoted actors fail."
    ),
})


def config_explanation(option: str) -> str:
    """One sentence on why the coder does not apply a <Config> option."""
    return CONFIG_NOT_APPLICABLE.get(
        option,
        f"The coder has no '{option}' setting, so records after this option are coded with its own settings.",
    )


Triple = tuple[str, str, str]  # (source, target, code): the scoring key


# ---------------------------------------------------------------------------------------------
# Keys


def root_of(code: str) -> str:
    """The two-digit root of a CAMEO code (``"0841"`` → ``"08"``, ``"190"`` → ``"19"``)."""
    return code[:2]


def normalise(source: str | None, target: str | None, code: str) -> Triple:
    """A scoring key: stripped codes, a missing actor as ``"---"``."""
    src = (source or "").strip() or NO_ACTOR
    tgt = (target or "").strip() or NO_ACTOR
    return (src, tgt, code.strip())


def event_key(event: Any) -> Triple:
    """The ``(source, target, code)`` of an Event, or of a gold-style ``(source, code, target)`` triple."""
    if isinstance(event, tuple | list):
        source, code, target = event
        return normalise(source, target, code)
    return normalise(event.source, event.target, event.event_code)


def level_key(triple: Triple, level: str) -> tuple:
    source, target, code = triple
    if level == "exact":
        return triple
    if level == "dyad_root":
        return (source[:3], target[:3], root_of(code))
    if level == "root":
        return (root_of(code),)
    raise ValueError(f"unknown level {level!r}")


# ---------------------------------------------------------------------------------------------
# Per-record results


@dataclass
class RecordResult:
    """How one gold record came out."""

    record: GoldRecord
    produced: list[Triple]  # (source, target, code), in the order produced, duplicates kept
    passed: bool
    cause: str | None = None  # failure cause (None when passed)
    crash: str | None = None  # the exception text when the coder raised
    rejected: bool = False  # the coder rejected the input (error records)
    events: list[Any] = field(default_factory=list)  # the Event objects, for --show-failures

    @property
    def expected(self) -> set[Triple]:
        return {normalise(s, t, c) for s, c, t in self.record.events}

    def miss_classes(self) -> list[tuple[str, Triple]]:
        entries = {event_key(ev): (getattr(ev, "source_entry", None), getattr(ev, "target_entry", None))
                   for ev in self.events}
        return miss_classes(self.expected, set(self.produced), entries)

    def summary(self, category: str | None = None) -> dict:
        """The compact per-record entry of ``--json``: id, category, passed, expected, produced."""
        return {
            "id": self.record.id,
            "origin": self.record.origin,
            "category": category or self.record.category,
            "kind": self.record.kind,
            "passed": self.passed,
            "cause": self.cause,
            "expected": [list(t) for t in sorted(self.expected)],
            "produced": [list(t) for t in sorted(set(self.produced))],
        }

    def to_dict(self) -> dict:
        return {
            "id": self.record.id,
            "origin": self.record.origin,
            "category": self.record.category,
            "text": self.record.text,
            "passed": self.passed,
            "cause": self.cause,
            "crash": self.crash,
            "rejected": self.rejected,
            "expected": [list(t) for t in sorted(self.expected)],
            "produced": [list(t) for t in sorted(set(self.produced))],
            "fired": [_provenance(ev) for ev in self.events],
            "miss_classes": [[c, list(t)] for c, t in self.miss_classes()],
        }


def _provenance(event: Any) -> dict:
    return {
        "event": list(event_key(event)),
        "pattern": getattr(event, "pattern", None),
        "verb_text": getattr(event, "verb_text", None),
        "source_entry": getattr(event, "source_entry", None),
        "target_entry": getattr(event, "target_entry", None),
    }


def failure_cause(expected: set[Triple], produced: set[Triple]) -> str | None:
    """Classify a record's outcome (see the module docstring); None when it passed."""
    if expected == produced:
        return None
    if not produced:
        return "no events produced"
    missed = expected - produced
    extra = produced - expected
    if not missed:
        return "extra events"
    if any((e[0], e[1]) == (p[0], p[1]) for e in missed for p in extra):
        return "wrong code"
    if any((e[1], e[2]) == (p[1], p[2]) for e in missed for p in extra):
        return "wrong source"
    if any((e[0], e[2]) == (p[0], p[2]) for e in missed for p in extra):
        return "wrong target"
    if not extra:
        return "missed events"
    return "unrelated events"


# Classes of misses (issue 10), for choosing the next round of work from numbers: every expected
# event not produced and every produced event not expected gets one, by the first rule that fits.
MISS_CLASSES = ("country missing", "wrong person", "wrong code", "missing actor", "no event", "extra event")


def _country(code: str | None) -> str:
    return (code or NO_ACTOR)[:3]


def miss_classes(expected: set[Triple], produced: set[Triple], entries: Mapping[Triple, tuple] | None = None
                 ) -> list[tuple[str, Triple]]:
    """Each missed expected event and each unexpected produced event with its class:

    - ``country missing``: produced with the same root where the expected actor has a country and
      the produced one is ``---`` (the rest agreeing);
    - ``wrong person``: produced with the same root and one actor of another country that a
      person entry of the dictionaries gave (``entries`` maps produced triples to their
      (source_entry, target_entry));
    - ``wrong code``: the same source and target, another code;
    - ``missing actor``: the same root and one side's country right, the other wrong or missing;
    - ``no event``: nothing produced shares the event's dyad or root;
    - ``extra event``: a produced event left over.
    A produced event used to explain a miss is not counted again as extra."""
    missed = sorted(expected - produced)
    extra = sorted(produced - expected)
    used: set[Triple] = set()
    out: list[tuple[str, Triple]] = []
    entries = entries or {}

    def find(rule) -> Triple | None:
        for p in extra:
            if p not in used and rule(p):
                return p
        for p in extra:
            if rule(p):
                return p
        return None

    for e in missed:
        es, et, ec = e
        root = ec[:2]
        same_root = lambda p: p[2][:2] == root  # noqa: E731
        p = find(lambda p: same_root(p) and (
            (_country(p[0]) == NO_ACTOR and _country(es) != NO_ACTOR and _country(p[1]) == _country(et))
            or (_country(p[1]) == NO_ACTOR and _country(et) != NO_ACTOR and _country(p[0]) == _country(es))))
        cls = "country missing" if p else None
        if cls is None:
            def person(p: Triple) -> bool:
                src, tgt = entries.get(p, (None, None))
                return same_root(p) and (
                    (_country(p[0]) != _country(es) and "people" in (src or "") and _country(p[1]) == _country(et))
                    or (_country(p[1]) != _country(et) and "people" in (tgt or "") and _country(p[0]) == _country(es)))
            p = find(person)
            cls = "wrong person" if p else None
        if cls is None:
            p = find(lambda p: (p[0], p[1]) == (es, et) or (_country(p[0]), _country(p[1])) == (_country(es), _country(et)))
            cls = "wrong code" if p else None
        if cls is None:
            p = find(lambda p: same_root(p) and (_country(p[0]) == _country(es) or _country(p[1]) == _country(et)))
            cls = "missing actor" if p else "no event"
        if p is not None:
            used.add(p)
        out.append((cls, e))
    out.extend(("extra event", p) for p in extra if p not in used)
    return out


def judge(
    record: GoldRecord,
    produced: Iterable[Any] = (),
    *,
    crash: str | None = None,
    rejected: bool = False,
) -> RecordResult:
    """Judge one record given what the coder produced (Events or ``(source, code, target)`` triples)."""
    events = list(produced)
    triples = [event_key(ev) for ev in events]
    got = set(triples)
    expected = {normalise(s, t, c) for s, c, t in record.events}
    if crash is not None:
        return RecordResult(record, triples, False, "crashed", crash=crash, events=events)
    if record.error:
        passed = rejected or not got
        cause = None if passed else "extra events"
    else:
        cause = failure_cause(expected, got)
        passed = cause is None
    return RecordResult(
        record,
        triples,
        passed,
        cause,
        rejected=rejected,
        events=[ev for ev in events if not isinstance(ev, tuple | list)],
    )


# ---------------------------------------------------------------------------------------------
# Aggregates


def prf(tp: int, fp: int, fn: int) -> dict:
    """Precision, recall and F1 from counts (see the module docstring for the empty cases)."""
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1}


def level_counts(results: Iterable[RecordResult], level: str) -> dict:
    tp = fp = fn = 0
    for res in results:
        exp = {level_key(t, level) for t in res.expected}
        got = {level_key(t, level) for t in res.produced}
        tp += len(exp & got)
        fp += len(got - exp)
        fn += len(exp - got)
    return prf(tp, fp, fn)


def per_root(results: Iterable[RecordResult]) -> dict[str, dict]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for res in results:
        exp = res.expected
        got = set(res.produced)
        for t in exp & got:
            counts[root_of(t[2])][0] += 1
        for t in got - exp:
            counts[root_of(t[2])][1] += 1
        for t in exp - got:
            counts[root_of(t[2])][2] += 1
    return {root: prf(*counts[root]) for root in sorted(counts)}


def confusion(results: Iterable[RecordResult]) -> dict[str, dict[str, int]]:
    """Expected root × produced root, with ``"none"`` for missed and extra events (module docstring)."""
    table: dict[str, Counter] = defaultdict(Counter)
    for res in results:
        exp_left = sorted(res.expected)
        got_left = sorted(set(res.produced))

        def pair(match) -> None:
            for e in list(exp_left):
                g = next((g for g in got_left if match(e, g)), None)
                if g is not None:
                    exp_left.remove(e)
                    got_left.remove(g)
                    table[root_of(e[2])][root_of(g[2])] += 1

        pair(lambda e, g: e[:2] == g[:2] and root_of(e[2]) == root_of(g[2]))
        pair(lambda e, g: e[:2] == g[:2])
        pair(lambda e, g: root_of(e[2]) == root_of(g[2]))
        for e in exp_left:
            table[root_of(e[2])][NONE] += 1
        for g in got_left:
            table[NONE][root_of(g[2])] += 1
    rows = sorted(table, key=lambda r: (r == NONE, r))
    return {r: dict(sorted(table[r].items(), key=lambda kv: (kv[0] == NONE, kv[0]))) for r in rows}


def confusion_axes(conf: Mapping[str, Mapping[str, int]]) -> tuple[list[str], list[str]]:
    """Row and column labels of a confusion table: every root seen on either side, then "none"."""
    roots = sorted(({r for r in conf} | {c for row in conf.values() for c in row}) - {NONE})
    return roots + [NONE], roots + [NONE]


@dataclass
class ValidationReport:
    """The outcome of a validation run; ``to_dict()`` is its JSON form."""

    gold: str
    results: list[RecordResult]
    ignored_config: list[str] = field(default_factory=list)

    @property
    def records(self) -> int:
        return len(self.results)

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    @property
    def failures(self) -> list[RecordResult]:
        return [r for r in self.results if not r.passed]

    def level(self, level: str) -> dict:
        return level_counts(self.results, level)

    def kinds(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for kind in ("event", "noevent", "error"):
            rs = [r for r in self.results if r.record.kind == kind]
            out[kind] = {"records": len(rs), "passed": sum(r.passed for r in rs)}
        return out

    def noevent_empty(self) -> dict:
        rs = [r for r in self.results if r.record.kind == "noevent"]
        return {"records": len(rs), "empty": sum(1 for r in rs if not r.produced and r.crash is None)}

    def category_map(self) -> dict[str, str]:
        """Each gold category label → the category it is reported under (variants folded)."""
        return fold_categories(r.record.category for r in self.results)

    def category_of(self, result: RecordResult, _map: Mapping[str, str] | None = None) -> str:
        m = _map if _map is not None else self.category_map()
        return m.get(result.record.category, result.record.category)

    def categories(self) -> dict[str, dict]:
        """Records and passes per category, PETRARCH's categories first in the suite's order."""
        fold = self.category_map()
        out: dict[str, dict] = {}
        for r in self.results:
            row = out.setdefault(fold[r.record.category], {"records": 0, "passed": 0})
            row["records"] += 1
            row["passed"] += int(r.passed)
        return {c: out[c] for c in order_categories(out)}

    def miss_classes(self) -> dict[str, list[tuple[RecordResult, Triple]]]:
        """Every miss (see :func:`miss_classes`) grouped by class, in MISS_CLASSES order."""
        groups: dict[str, list[tuple[RecordResult, Triple]]] = {c: [] for c in MISS_CLASSES}
        for r in self.failures:
            for cls, triple in r.miss_classes():
                groups[cls].append((r, triple))
        return {c: rs for c, rs in groups.items() if rs}

    def causes(self) -> dict[str, list[RecordResult]]:
        groups: dict[str, list[RecordResult]] = {}
        for r in self.failures:
            groups.setdefault(r.cause or "unrelated events", []).append(r)
        return {c: groups[c] for c in CAUSES if c in groups}

    def ignored_config_why(self) -> dict[str, str]:
        """Each <Config> option the coder did not apply, with one sentence on why."""
        return {o: config_explanation(o) for o in self.ignored_config}

    def record_summaries(self) -> list[dict]:
        """One compact dict per record, in gold order (the ``results`` list of ``--json``)."""
        fold = self.category_map()
        out = []
        for r in self.results:
            d = r.summary(self.category_of(r, fold))
            d["gold_category"] = r.record.category
            out.append(d)
        return out

    def to_dict(self, *, include_records: bool = False) -> dict:
        """The JSON form. ``results`` always lists every record compactly (id, category, passed,
        expected, produced...); ``include_records`` adds the text, crash and fired entries to each."""
        data = {
            "gold": self.gold,
            "records": self.records,
            "passed": self.passed,
            "kinds": self.kinds(),
            "exact": self.level("exact"),
            "dyad_root": self.level("dyad_root"),
            "root": self.level("root"),
            "per_root": per_root(self.results),
            "confusion": confusion(self.results),
            "noevent_empty": self.noevent_empty(),
            "categories": self.categories(),
            "failure_causes": {c: len(rs) for c, rs in self.causes().items()},
            "miss_classes": {c: len(rs) for c, rs in self.miss_classes().items()},
            "crashed": sum(1 for r in self.results if r.crash is not None),
            "ignored_config": list(self.ignored_config),
            "ignored_config_why": self.ignored_config_why(),
            "scoring": "micro-averaged over sets of events per record",
        }
        data["failures"] = [r.to_dict() for r in self.failures]
        results = self.record_summaries()
        if include_records:
            results = [{**s, **r.to_dict(), "category": s["category"]} for s, r in zip(results, self.results)]
        data["results"] = results
        return data

    # -- rendering -----------------------------------------------------------------------------

    def record_lines(self) -> list[str]:
        """One plain line per record: id, category, PASS/FAIL and, when failing, the cause and
        expected → produced events."""
        fold = self.category_map()
        rows = [(r, self.category_of(r, fold)) for r in self.results]
        wid = max((len(r.record.id) for r, _ in rows), default=0)
        wcat = max((len(c) for _, c in rows), default=0)
        lines = []
        for r, cat in rows:
            head = f"{r.record.id:<{wid}}  {cat:<{wcat}}  {'PASS' if r.passed else 'FAIL'}"
            lines.append(head if r.passed else f"{head}  {r.cause}: {_outcome(r)}")
        return lines

    def render(self, console=None, *, show_failures: bool = False, records: bool = False) -> None:
        """Print the report with rich tables; ``records`` adds one line per record."""
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        console = console or Console()
        console.print(f"[bold]{escape(self.gold)}[/bold]: {self.passed} of {self.records} records pass")
        k = self.kinds()
        ne = self.noevent_empty()
        console.print(
            f"event records {k['event']['passed']}/{k['event']['records']}, "
            f"no-event records {k['noevent']['passed']}/{k['noevent']['records']} "
            f"({ne['empty']} stayed empty), error records {k['error']['passed']}/{k['error']['records']}"
        )
        t = Table(title="Event-level scores (micro, sets per record)")
        for col in ("level", "tp", "fp", "fn", "precision", "recall", "F1"):
            t.add_column(col, justify="right" if col != "level" else "left")
        for level in LEVELS:
            s = self.level(level)
            t.add_row(level, str(s["tp"]), str(s["fp"]), str(s["fn"]), f"{s['precision']:.3f}",
                      f"{s['recall']:.3f}", f"{s['f1']:.3f}")
        console.print(t)
        t = Table(title="Records by category")
        for col in ("category", "records", "passed", "%"):
            t.add_column(col, justify="right" if col != "category" else "left")
        for cat, row in self.categories().items():
            t.add_row(escape(cat), str(row["records"]), str(row["passed"]),
                      f"{100 * row['passed'] / row['records']:.0f}")
        console.print(t)
        t = Table(title="Per root (exact matches)")
        for col in ("root", "tp", "fp", "fn", "P", "R", "F1"):
            t.add_column(col, justify="right")
        for root, s in per_root(self.results).items():
            t.add_row(root, str(s["tp"]), str(s["fp"]), str(s["fn"]), f"{s['precision']:.2f}",
                      f"{s['recall']:.2f}", f"{s['f1']:.2f}")
        console.print(t)
        conf = confusion(self.results)
        if conf:
            console.print("[bold]Root confusion[/bold] (rows: expected root, columns: produced root; "
                          "none = missed / extra events; · = 0)")
            # plain lines, never wrapped or cropped by rich: a narrow terminal folds them, numbers stay whole
            for line in confusion_lines(conf):
                console.print(line, markup=False, highlight=False, soft_wrap=True, crop=False)
        causes = self.causes()
        if causes:
            console.print("Failures by cause: " + ", ".join(f"{c} {len(rs)}" for c, rs in causes.items()))
        if self.ignored_config:
            console.print("[yellow]Config options the coder does not support:[/yellow]")
            for option, why in self.ignored_config_why().items():
                console.print(f"  [yellow]{escape(option)}[/yellow]: {escape(why)}")
        if records:
            console.print("\n[bold]Records[/bold]")
            for line in self.record_lines():
                console.print(line, markup=False, highlight=False)
        classes = self.miss_classes()
        if classes:
            console.print("Misses by class (events): " + ", ".join(f"{c} {len(v)}" for c, v in classes.items()))
        if show_failures:
            for cls, items in classes.items():
                console.print(f"\n[bold]{escape(cls)}[/bold] ({len(items)} events)")
                for r, triple in items:
                    console.print(f"  {escape(r.record.id)}: {escape(_fmt(triple))}  "
                                  f"[dim]{escape(_short(r.record.text, 90))}[/dim]")
            console.print("\n[bold]Failing records[/bold]")
            for r in self.failures:
                render_failure(r, console)

    def to_markdown(self) -> str:
        """The report as Markdown (used by benchmarks/accuracy.py); lists every failing record."""
        lines: list[str] = []
        k = self.kinds()
        ne = self.noevent_empty()
        lines.append(f"**{self.passed} of {self.records} records pass** "
                     f"(event records {k['event']['passed']}/{k['event']['records']}, "
                     f"no-event records {k['noevent']['passed']}/{k['noevent']['records']} — "
                     f"{ne['empty']} stayed empty, error records {k['error']['passed']}/{k['error']['records']}; "
                     f"{sum(1 for r in self.results if r.crash is not None)} crashed).")
        lines += ["", "Event-level scores (micro-averaged, sets of events per record):", "",
                  "| level | tp | fp | fn | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
        for level in LEVELS:
            s = self.level(level)
            lines.append(f"| {level} | {s['tp']} | {s['fp']} | {s['fn']} | {s['precision']:.3f} | "
                         f"{s['recall']:.3f} | {s['f1']:.3f} |")
        folded = {raw: c for raw, c in self.category_map().items() if raw != c}
        lines += ["", "Records by category" + (
            " (" + ", ".join(f"{raw} counted as {c}" for raw, c in sorted(folded.items())) + ")" if folded else ""
        ) + ":", "", "| category | records | passed | % |", "|---|---:|---:|---:|"]
        for cat, row in self.categories().items():
            lines.append(f"| {cat} | {row['records']} | {row['passed']} | {100 * row['passed'] / row['records']:.0f} |")
        lines += ["", "Per root (exact-level events, by the root of their code):", "",
                  "| root | tp | fp | fn | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
        for root, s in per_root(self.results).items():
            lines.append(f"| {root} | {s['tp']} | {s['fp']} | {s['fn']} | {s['precision']:.2f} | "
                         f"{s['recall']:.2f} | {s['f1']:.2f} |")
        conf = confusion(self.results)
        if conf:
            rows, cols = confusion_axes(conf)
            lines += ["", "Root confusion: rows are expected roots, columns produced roots, over events paired "
                      "within a record (same source and target first, then same root); `none` counts expected "
                      "events left unpaired (missed) and produced ones left unpaired (extra); `·` is 0.", "",
                      "| exp \\ got | " + " | ".join(cols) + " |",
                      "|---|" + "---:|" * len(cols)]
            for r in rows:
                lines.append(f"| **{r}** | " + " | ".join(_cell(conf.get(r, {}).get(c, 0)) for c in cols) + " |")
        if self.ignored_config:
            lines += ["", "Config options in the gold file that the coder does not support:", ""]
            lines += [f"- `{o}`: {why}" for o, why in self.ignored_config_why().items()]
        causes = self.causes()
        if causes:
            fold = self.category_map()
            lines += ["", "Remaining failures by cause (every failing record: id, category, sentence, "
                      "expected → got):", ""]
            for cause, rs in causes.items():
                lines += [f"<details><summary><b>{cause}</b>: {len(rs)}</summary>", ""]
                for r in rs:
                    text = _short(r.record.text, 90).replace("|", "\\|")
                    lines.append(f"- `{r.record.id}` {self.category_of(r, fold)} “{text}” — {_outcome(r)}")
                lines += ["", "</details>", ""]
        return "\n".join(lines).rstrip("\n") + "\n"


def confusion_lines(conf: Mapping[str, Mapping[str, int]]) -> list[str]:
    """A confusion table as aligned plain-text lines: a header of produced roots, then one row per
    expected root (``"none"`` last on both axes), zeros shown as ``·``."""
    rows, cols = confusion_axes(conf)
    cells = [[_cell(conf.get(r, {}).get(c, 0)) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[j]) for row in cells)) for j, c in enumerate(cols)]
    corner = "exp\\got"
    head = max(len(corner), *(len(r) for r in rows))
    lines = [f"{corner:>{head}}  " + " ".join(f"{c:>{w}}" for c, w in zip(cols, widths))]
    for r, row in zip(rows, cells):
        lines.append(f"{r:>{head}}  " + " ".join(f"{x:>{w}}" for x, w in zip(row, widths)))
    return lines


def _cell(n: int) -> str:
    return str(n) if n else "·"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _outcome(r: RecordResult) -> str:
    """``expected → got`` for a failing record, compactly."""
    exp = "; ".join(_fmt(t) for t in sorted(r.expected)) or "nothing"
    got = "; ".join(_fmt(t) for t in sorted(set(r.produced))) or "nothing"
    if r.crash:
        got = f"crash: {_short(r.crash, 100)}"
    return f"{exp} → {got}"


def _fmt(t: Triple) -> str:
    return f"{t[0]} {t[2]} {t[1]}"


def render_failure(r: RecordResult, console) -> None:
    """Print one miss: the sentence, expected and produced events, and the entries that fired."""
    from rich.markup import escape

    console.print(f"\n[bold red]FAIL[/bold red] {escape(r.record.id)} [{escape(r.record.category)}] "
                  f"{escape(r.record.origin)} — {r.cause}")
    console.print(f"  text:     {escape(r.record.text)}")
    console.print(f"  expected: {escape('; '.join(_fmt(t) for t in sorted(r.expected)) or 'nothing')}")
    if r.crash:
        console.print(f"  crashed:  {escape(r.crash)}")
        return
    console.print(f"  produced: {escape('; '.join(_fmt(t) for t in sorted(set(r.produced))) or 'nothing')}")
    for ev in r.events:
        p = _provenance(ev)
        console.print(f"    {escape(_fmt(tuple(p['event'])))} ← verb '{escape(str(p['verb_text']))}' "
                      f"pattern {escape(str(p['pattern']))}; source {escape(str(p['source_entry']))}; "
                      f"target {escape(str(p['target_entry']))}")


def score(records: Sequence[GoldRecord], predictions: Mapping[str, Iterable[Any]] | Sequence[Iterable[Any]],
          *, gold: str = "") -> ValidationReport:
    """Score predictions against gold records without running a coder.

    ``predictions`` is either a list aligned with ``records`` or a mapping from record id to
    produced events (Events or ``(source, code, target)`` triples); a missing id means nothing.
    """
    if isinstance(predictions, Mapping):
        produced = [predictions.get(r.id, ()) for r in records]
    else:
        produced = list(predictions)
        if len(produced) != len(records):
            raise ValueError("predictions must have one entry per record")
    return ValidationReport(gold, [judge(r, p) for r, p in zip(records, produced)])


# ---------------------------------------------------------------------------------------------
# Running a coder


def _apply_config(coder: Any, config: Mapping[str, Any], ignored: set[str], defaults: dict[str, Any]) -> None:
    """Put the coder in the state a record's <Config> options ask for, where it supports them.

    ``config`` is the complete set of options in force for the record (PETRARCH's accumulate
    through the file; a JSONL record's apply to that record only), so an option set earlier and
    absent now goes back to the coder's own value, kept in ``defaults``.
    """
    supported = {k: v for k, v in config.items() if k in CONFIG_OPTIONS}
    ignored.update(k for k in config if k not in CONFIG_OPTIONS)
    configure = getattr(coder, "configure", None)
    if callable(configure):
        configure(**supported)
        return
    wanted = {**defaults, **supported}
    for key, value in wanted.items():
        if not hasattr(coder, key):
            ignored.add(key)
            continue
        defaults.setdefault(key, getattr(coder, key))
        if getattr(coder, key) != value:
            setattr(coder, key, value)


def run_validation(gold_path: str | Path, coder: Any, *, records: Sequence[GoldRecord] | None = None,
                   progress=None) -> ValidationReport:
    """Code every record of a gold file with ``coder`` and score the result.

    ``coder`` needs ``code_text(text, date=, story_id=) -> list[Event]``. Record ``<Config>``
    options the coder supports (as attributes or a ``configure(**options)`` method) are applied
    before each record; the others are listed in ``report.ignored_config``. A coder exception on
    one record is recorded as a crash (or, for error records, an EventcoderError as a rejection)
    and the run goes on; a ModelError stops it. Pass ``records`` when the gold file has already
    been read (the CLI reads it before loading the model, to fail fast on bad gold).
    """
    if records is None:
        records = load_gold(gold_path)
    results: list[RecordResult] = []
    ignored: set[str] = set()
    defaults: dict[str, Any] = {}
    try:
        for i, rec in enumerate(records):
            _apply_config(coder, rec.config, ignored, defaults)
            try:
                # (the context and the url, which stands for the headline, only when the record has them)
                more = {key: value for key, value in (("context", rec.context), ("url", rec.url)) if value}
                events = coder.code_text(rec.text, date=rec.date, story_id=rec.id, **more)
            except (ModelError, KeyboardInterrupt):
                raise
            except EventcoderError as err:
                if rec.error:
                    results.append(judge(rec, (), rejected=True))
                else:
                    results.append(judge(rec, (), crash=f"{type(err).__name__}: {err}"))
            except Exception as err:  # noqa: BLE001 - a crash on one record is a result, not the end
                results.append(judge(rec, (), crash=f"{type(err).__name__}: {err}"))
            else:
                results.append(judge(rec, list(events or ())))
            if progress is not None:
                progress(i + 1, len(records))
    finally:
        _apply_config(coder, {}, set(), defaults)  # leave the coder as it was given
    # stop_on_error is a PETRARCH run-control option, not a coding option: never report it.
    ignored.discard("stop_on_error")
    return ValidationReport(str(gold_path), results, sorted(ignored))


# ---------------------------------------------------------------------------------------------
# Dictionary specs


def petrarch_suite_spec(dictionary_dir: str | Path) -> str:
    """The ``petrarch:`` spec for PETRARCH's validation suite (PETR.Validate.* with verbs 2.0)."""
    d = Path(dictionary_dir)
    names = ["PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.discards.txt",
             "PETR.Validate.verbs.2.0.txt"]
    return "petrarch:" + ",".join(str(d / n) for n in names)
