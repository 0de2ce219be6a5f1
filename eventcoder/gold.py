"""Gold-standard (validation) records: read PETRARCH XML suites and eventcoder's JSONL gold sets.

Both readers yield :class:`GoldRecord` objects in file order. A record says what a correct coder
must produce for one piece of text: a set of ``(source, code, target)`` events, or nothing
(``noevents``), or a rejection (``error``). Malformed gold raises :class:`~eventcoder.errors.GoldError`
naming the file, the line, the field and the fix, so a typo in a gold file never turns into a
silently wrong score.

Formats (picked by extension in :func:`read_gold`):

- ``.xml``: PETRARCH validation records (``<Sentence date= id= source|category=>`` with ``<Text>``
  and ``<EventCoding sourcecode= targetcode= eventcode=>`` or ``noevents="True"`` or ``error=``),
  with ``<Config option= value=>`` records that apply from where they stand to the end of the file.
- ``.jsonl``: one JSON object per line, documented in ``docs/gold-format.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from .errors import GoldError

# An actor code as it may appear in gold: CAMEO blocks ("USA", "RUSGOV"), "---" for "no actor",
# and PETRARCH's oddities (quoted new actors, "ELR/GAL"). Only emptiness and whitespace are refused.
NO_ACTOR = "---"
_EVENT_CODE = re.compile(r"^[0-9]{2,4}[A-Z]?$")
JSONL_KEYS = {"id", "text", "date", "events", "note", "notes", "category", "error", "config", "context", "url", "outlet"}
JSONL_EVENT_KEYS = {"source", "code", "target", "note"}
# The record categories of PETRARCH's validation suite, in the order its <Include> line lists them.
PETRARCH_CATEGORIES = ("DEMO", "ACTOR", "AGENT", "VERB", "COMPOUND", "PARSING", "PATTERN", "DATE", "MODIFY",
                       "SYNSET", "ERROR")


@dataclass(frozen=True)
class GoldRecord:
    """One gold-standard record.

    ``events`` holds ``(source, code, target)`` triples; ``target`` is ``"---"`` when the event has
    no target. ``noevents`` is true when the record expects nothing to be coded; ``error`` names
    the rejection PETRARCH expects (``"dateline"``, ``"storydiscard"``...), in which case a coder
    passes by producing nothing or by rejecting the input. ``config`` holds the ``<Config>``
    options in force for this record (values converted: ``true``/``false`` → bool, digits → int).
    ``origin`` is ``"file:line"`` of the record's start.
    """

    id: str
    text: str
    date: dt.date | None
    category: str
    events: list[tuple[str, str, str]] = field(default_factory=list)
    noevents: bool = False
    error: str | None = None
    config: dict = field(default_factory=dict)
    origin: str = ""
    note: str | None = None
    # Real-news records: the article text before the sentence (dateline, earlier sentences) that
    # a coder reads first, and where the sentence was published.
    context: str = ""
    url: str | None = None
    outlet: str | None = None

    @property
    def kind(self) -> str:
        """``"error"``, ``"noevent"`` or ``"event"``."""
        if self.error:
            return "error"
        if self.noevents or not self.events:
            return "noevent"
        return "event"


def fold_categories(names: Iterable[str], known: Iterable[str] = PETRARCH_CATEGORIES) -> dict[str, str]:
    """Map each category label to the category it is a spelling variant of (or to itself).

    A label folds into a base category that exists (among ``names`` or ``known``) when it is that
    base plus a trailing plural ``s``/``S`` (``AGENTS`` → ``AGENT``) or plus lower-case letters
    (``COMPOUNDx`` → ``COMPOUND``). Nothing else is merged, so two real categories stay apart.
    """
    labels = list(dict.fromkeys(names))
    bases = set(labels) | set(known)
    out: dict[str, str] = {}
    for name in labels:
        folded = name
        while True:  # "AGENTSx" → "AGENTS" → "AGENT" when both exist
            base = _variant_base(folded, bases)
            if base is None:
                break
            folded = base
        out[name] = folded
    return out


def _variant_base(name: str, bases: set[str]) -> str | None:
    candidates = []
    if len(name) > 1 and name[-1] in "sS":
        candidates.append(name[:-1])
    stripped = name.rstrip("abcdefghijklmnopqrstuvwxyz")
    if stripped and stripped != name:
        candidates.append(stripped)
    return next((c for c in candidates if c in bases), None)


def order_categories(names: Iterable[str], known: Iterable[str] = PETRARCH_CATEGORIES) -> list[str]:
    """Categories in report order: ``known`` ones in their order, then the others alphabetically."""
    present = set(names)
    first = [c for c in known if c in present]
    return first + sorted(present - set(first))


def read_gold(path: str | Path) -> Iterator[GoldRecord]:
    """Read a gold file, choosing the format by extension (``.xml`` → PETRARCH, ``.jsonl`` → JSONL)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xml":
        return read_petrarch_xml(path)
    if suffix in (".jsonl", ".ndjson"):
        return read_jsonl_gold(path)
    raise GoldError(
        f"cannot tell the gold format of '{path.name}' from its extension",
        file=path,
        fix="name PETRARCH validation files *.xml and eventcoder gold sets *.jsonl (see docs/gold-format.md)",
    )


def load_gold(path: str | Path) -> list[GoldRecord]:
    """Read a whole gold file into a list.

    Record ids must be unique in JSONL gold sets. PETRARCH's own suite reuses a few ids
    (``AGENTS_18`` twice), so XML records are told apart by position and ``origin`` instead.
    """
    records: list[GoldRecord] = []
    seen: dict[str, str] = {}
    check_ids = Path(path).suffix.lower() != ".xml"
    for rec in read_gold(path):
        if check_ids and rec.id in seen:
            file, _, line = rec.origin.rpartition(":")
            raise GoldError(
                f"record id '{rec.id}' is used twice (first at {seen[rec.id]})",
                file=file or path,
                line=int(line) if line.isdigit() else None,
                field="id",
                fix="give every gold record its own id",
            )
        seen[rec.id] = rec.origin
        records.append(rec)
    return records


# ---------------------------------------------------------------------------------------------
# Shared helpers


def parse_gold_date(value: str, *, file: Path, line: int | None, field: str = "date") -> dt.date:
    """Parse ``YYYYMMDD`` (PETRARCH) or ``YYYY-MM-DD`` (ISO) into a date, or raise GoldError."""
    text = value.strip()
    try:
        if re.fullmatch(r"\d{8}", text):
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise GoldError(
        f"'{value}' is not a valid date",
        file=file,
        line=line,
        field=field,
        fix="write the day as YYYY-MM-DD (JSONL) or YYYYMMDD (PETRARCH XML)",
    )


def config_value(value: str) -> bool | int | str:
    """Convert a ``<Config value=>`` string: ``true``/``false`` in any case → bool, an integer → int."""
    low = value.strip().lower()
    if low in ("true", "false"):
        return low == "true"
    if re.fullmatch(r"-?\d+", low):
        return int(low)
    return value.strip()


def _clean_text(text: str) -> str:
    return " ".join(text.split())


def _check_actor(value: object, *, file: Path, line: int, field: str, allow_none: bool) -> str:
    if value is None and allow_none:
        return NO_ACTOR
    if not isinstance(value, str) or not value.strip() or any(ch.isspace() for ch in value.strip()):
        raise GoldError(
            f"{value!r} is not an actor code",
            file=file,
            line=line,
            field=field,
            fix='write a CAMEO actor code such as "USA", "RUSGOV" or "IGOUNO"'
            + (' (or null / "---" for an event without a target)' if allow_none else ""),
        )
    return value.strip()


def _check_code(value: object, *, file: Path, line: int, field: str) -> str:
    if not isinstance(value, str) or not _EVENT_CODE.match(value.strip()):
        raise GoldError(
            f"{value!r} is not a CAMEO event code",
            file=file,
            line=line,
            field=field,
            fix='write the code as a string of 2-4 digits, e.g. "190" or "0841" (keep leading zeros)',
        )
    return value.strip()


# ---------------------------------------------------------------------------------------------
# PETRARCH XML


class _XmlReader:
    """An expat-driven reader: expat reports line numbers, which ElementTree does not."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records: list[GoldRecord] = []
        self.config: dict = {}
        self.current: dict | None = None
        self.in_text = False
        self.text_parts: list[str] = []

    def line(self, parser) -> int:
        return parser.CurrentLineNumber

    def start(self, parser, name: str, attrs: dict) -> None:
        line = self.line(parser)
        if name == "Config":
            option = attrs.get("option")
            if not option or "value" not in attrs:
                raise GoldError(
                    "a <Config> record needs both option= and value=",
                    file=self.path,
                    line=line,
                    field="option" if not option else "value",
                    fix='write it as <Config option="require_dyad" value="false" />',
                )
            self.config[option] = config_value(attrs["value"])
        elif name == "Sentence":
            if self.current is not None:
                raise GoldError(
                    "a <Sentence> starts inside another <Sentence>",
                    file=self.path,
                    line=line,
                    fix="close the previous record with </Sentence>",
                )
            rid = (attrs.get("id") or "").strip()
            if not rid:
                raise GoldError(
                    "a <Sentence> record has no id",
                    file=self.path,
                    line=line,
                    field="id",
                    fix='add id="..." to the <Sentence> tag',
                )
            if not attrs.get("date"):
                raise GoldError(
                    f"record '{rid}' has no date",
                    file=self.path,
                    line=line,
                    field="date",
                    fix='add date="YYYYMMDD" to the <Sentence> tag',
                )
            date = parse_gold_date(attrs["date"], file=self.path, line=line)
            category = (attrs.get("category") or attrs.get("source") or "").strip() or "-"
            self.current = {
                "id": rid,
                "date": date,
                "category": category,
                "line": line,
                "text": None,
                "events": [],
                "noevents": False,
                "error": None,
                "config": dict(self.config),
            }
        elif name == "Text" and self.current is not None:
            self.in_text = True
            self.text_parts = []
        elif name == "EventCoding" and self.current is not None:
            self._coding(attrs, line)

    def _coding(self, attrs: dict, line: int) -> None:
        cur = self.current
        assert cur is not None
        if (attrs.get("noevents") or "").strip().lower() == "true":
            cur["noevents"] = True
            return
        if attrs.get("error"):
            cur["error"] = attrs["error"].strip()
            return
        for key in ("sourcecode", "eventcode"):
            if not attrs.get(key):
                raise GoldError(
                    f"an <EventCoding> of record '{cur['id']}' has no {key}",
                    file=self.path,
                    line=line,
                    field=key,
                    fix='write <EventCoding sourcecode="..." targetcode="..." eventcode="..." />, '
                    'or noevents="True", or error="..."',
                )
        # PETRARCH writes quoted new actors with spaces ("THE MINISTRY OF MAGIC"): keep codes verbatim.
        source = attrs["sourcecode"].strip()
        target_raw = attrs.get("targetcode")
        target = target_raw.strip() if target_raw and target_raw.strip() else NO_ACTOR
        code = attrs["eventcode"].strip()
        if not code:
            raise GoldError(
                f"an <EventCoding> of record '{cur['id']}' has an empty eventcode",
                file=self.path,
                line=line,
                field="eventcode",
                fix='write the CAMEO event code, e.g. eventcode="190"',
            )
        cur["events"].append((source, code, target))

    def end(self, parser, name: str) -> None:
        if name == "Text" and self.in_text:
            self.in_text = False
            if self.current is not None:
                self.current["text"] = _clean_text("".join(self.text_parts))
        elif name == "Sentence" and self.current is not None:
            cur = self.current
            self.current = None
            if not cur["text"]:
                raise GoldError(
                    f"record '{cur['id']}' has no <Text>",
                    file=self.path,
                    line=cur["line"],
                    field="Text",
                    fix="put the sentence between <Text> and </Text>",
                )
            if cur["events"] and (cur["noevents"] or cur["error"]):
                raise GoldError(
                    f"record '{cur['id']}' expects events and also noevents/error",
                    file=self.path,
                    line=cur["line"],
                    field="EventCoding",
                    fix="keep either the event codings or the noevents/error coding",
                )
            # A record with no <EventCoding> at all (PETRARCH's PATTERN_06) expects nothing.
            noevents = cur["noevents"] or (not cur["events"] and not cur["error"])
            self.records.append(
                GoldRecord(
                    id=cur["id"],
                    text=cur["text"],
                    date=cur["date"],
                    category=cur["category"],
                    events=list(cur["events"]),
                    noevents=noevents,
                    error=cur["error"],
                    config=cur["config"],
                    origin=f"{self.path}:{cur['line']}",
                )
            )

    def chars(self, data: str) -> None:
        if self.in_text:
            self.text_parts.append(data)


def read_petrarch_xml(path: str | Path) -> Iterator[GoldRecord]:
    """Yield the ``<Sentence>`` records of a PETRARCH validation file, in order.

    ``<Config option= value=>`` records change the ``config`` of every record after them. A
    ``<Sentence>`` without ``<EventCoding>`` expects no events. Category comes from ``category=``
    or, as PETRARCH writes it, ``source=``.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise GoldError(f"cannot read the gold file: {err.strerror}", file=path, fix="check the path") from err
    reader = _XmlReader(path)
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda name, attrs: reader.start(parser, name, attrs)
    parser.EndElementHandler = lambda name: reader.end(parser, name)
    parser.CharacterDataHandler = reader.chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        raise GoldError(
            f"the XML is malformed: {expat.errors.messages.get(err.code, str(err))}",
            file=path,
            line=err.lineno,
            fix="fix the XML at that line (an unclosed tag, a stray '&' or '<' in text: write &amp; / &lt;)",
        ) from err
    yield from reader.records


# ---------------------------------------------------------------------------------------------
# JSONL


def read_jsonl_gold(path: str | Path) -> Iterator[GoldRecord]:
    """Yield the records of a JSONL gold file (see ``docs/gold-format.md``).

    Each non-blank line is ``{"id", "text", "date", "events": [{"source", "code", "target"}],
    "note"?, "category"?, "error"?, "config"?}``; an empty ``events`` list is a no-event record.
    """
    path = Path(path)
    try:
        handle = path.open("r", encoding="utf-8")
    except OSError as err:
        raise GoldError(f"cannot read the gold file: {err.strerror}", file=path, fix="check the path") from err
    with handle:
        try:
            for lineno, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                yield _jsonl_record(raw, path, lineno)
        except UnicodeDecodeError as err:
            raise GoldError(
                "the file is not valid UTF-8", file=path, fix="save the gold file as UTF-8"
            ) from err


def _jsonl_record(raw: str, path: Path, lineno: int) -> GoldRecord:
    def fail(message: str, field: str | None, fix: str) -> GoldError:
        return GoldError(message, file=path, line=lineno, field=field, fix=fix)

    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as err:
        raise fail(
            f"not valid JSON ({err.msg} at column {err.colno})",
            None,
            "write one complete JSON object per line",
        ) from err
    except (RecursionError, ValueError) as err:  # nested a thousand levels deep; a 5,000-digit number
        what = "nested too deep" if isinstance(err, RecursionError) else str(err)
        raise fail(f"not valid JSON ({what})", None, "write one flat JSON object per line") from None
    if not isinstance(obj, dict):
        raise fail("a gold line must be a JSON object", None, 'write {"id": ..., "text": ..., "events": [...]}')
    unknown = sorted(set(obj) - JSONL_KEYS)
    if unknown:
        raise fail(
            f"unknown key '{unknown[0]}'",
            unknown[0],
            "use only the keys " + ", ".join(sorted(JSONL_KEYS)) + " (put remarks in \"note\")",
        )
    rid = obj.get("id")
    if isinstance(rid, int) and not isinstance(rid, bool):
        rid = str(rid)
    if not isinstance(rid, str) or not rid.strip():
        raise fail("the record has no id", "id", 'add a unique "id" string')
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise fail(f"record '{rid}' has no text", "text", 'add the sentence as a non-empty "text" string')
    date_value = obj.get("date")
    if date_value is None:
        date = None
    elif isinstance(date_value, str):
        date = parse_gold_date(date_value, file=path, line=lineno)
    else:
        raise fail(f"{date_value!r} is not a date", "date", 'write "date": "YYYY-MM-DD"')
    if "events" not in obj:
        raise fail(
            f"record '{rid}' has no events list",
            "events",
            'add "events": [] for a sentence without events, or list its events',
        )
    events_value = obj["events"]
    if not isinstance(events_value, list):
        raise fail("events must be a list", "events", 'write "events": [{"source": ..., "code": ..., "target": ...}]')
    events: list[tuple[str, str, str]] = []
    for i, ev in enumerate(events_value):
        where = f"events[{i}]"
        if not isinstance(ev, dict):
            raise fail(f"{where} is not an object", where, 'write {"source": "USA", "code": "190", "target": "SYR"}')
        bad = sorted(set(ev) - JSONL_EVENT_KEYS)
        if bad:
            raise fail(f"unknown key '{bad[0]}' in {where}", f"{where}.{bad[0]}", "an event has source, code, target (and note)")
        if "source" not in ev or "code" not in ev:
            missing = "source" if "source" not in ev else "code"
            raise fail(f"{where} has no {missing}", f"{where}.{missing}", 'write {"source": "USA", "code": "190", "target": "SYR"}')
        source = _check_actor(ev["source"], file=path, line=lineno, field=f"{where}.source", allow_none=False)
        code = _check_code(ev["code"], file=path, line=lineno, field=f"{where}.code")
        target = _check_actor(ev.get("target"), file=path, line=lineno, field=f"{where}.target", allow_none=True)
        events.append((source, code, target))
    error = obj.get("error")
    if error is not None and (not isinstance(error, str) or not error.strip()):
        raise fail("error must be a non-empty string", "error", 'write "error": "storydiscard" or leave it out')
    if error and events:
        raise fail("a record cannot expect events and an error", "error", "keep either events or error")
    config = obj.get("config")
    config = {} if config is None else config
    if not isinstance(config, dict):
        raise fail("config must be an object", "config", 'write "config": {"require_dyad": false}')
    category = obj.get("category") or "-"
    if not isinstance(category, str):
        raise fail("category must be a string", "category", 'write "category": "PASSIVE"')
    note = obj.get("note") or obj.get("notes")
    extras = {}
    for key in ("context", "url", "outlet"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise fail(f"{key} must be a string", key, f'write "{key}": "..." or leave it out')
        extras[key] = value
    return GoldRecord(
        id=rid.strip(),
        text=_clean_text(text),
        date=date,
        category=category.strip() or "-",
        events=events,
        noevents=not events and not error,
        error=error.strip() if error else None,
        config=dict(config),
        origin=f"{path}:{lineno}",
        note=note if isinstance(note, str) and note else None,
        context=_clean_text(extras["context"]) if extras["context"] else "",
        url=extras["url"],
        outlet=extras["outlet"],
    )
