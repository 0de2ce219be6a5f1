"""Read PETRARCH-2 dictionaries into eventcoder's in-memory entries, and import them as native files.

What is converted and how, the date semantics and what cannot be represented are documented in
docs/petrarch-import.md. In short:

- files are recognised by name: ``*actors*.txt``, ``*agents*.txt``, ``*discards*.txt``,
  ``*verbs*.txt`` or ``CAMEO*.txt`` (verb patterns; a native ``cameo.txt`` table is never read
  here) and ``*Issue*.txt``; a folder is read as PETRARCH-2 reads it (its ``PETR_config.ini``,
  else, when it holds several sets, the default Phoenix set), and ``petrarch:`` also takes lists
  of files and globs (:func:`folder_selection`, :func:`spec_selection`);
- every entry PETRARCH would use is converted or, when our format cannot say it, counted in the
  report with its reason and origin (file:line); nothing is dropped silently;
- date restrictions follow PETRARCH's own resolution rule (first matching restriction in file
  order, otherwise the unrestricted code) and are turned into disjoint inclusive ranges.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..errors import DictionaryError
from .model import (
    ACTOR_CODE_RE,
    AGENT_CODE_RE,
    EVENT_CODE_RE,
    NO_EVENT,
    SOURCE,
    TARGET,
    ActorEntry,
    AgentEntry,
    DatedCode,
    Dictionaries,
    Discard,
    IssueEntry,
    Origin,
    Problem,
    Synset,
    VerbPattern,
    Words,
)
from .common import bundled_dictionaries_path, is_case_sensitive, normalize_phrase, phrase_key

# Two-digit years: PETRARCH (like KEDS and TABARI) reads YY from 00 to 30 as 20YY, others as 19YY.
PIVOT_YEAR = 30

# Actor codes PETRARCH files give to international actors, by their first block.
_IGO_PREFIXES = ("IGO",)
_NGO_PREFIXES = ("NGO",)
_COMPANY_PREFIXES = ("MNC",)
_ARMED_PREFIXES = ("IMG", "REB", "INS", "UAF")
_ARMED_BLOCKS = ("REB", "INS", "UAF", "IMG")

_WORD_RE = re.compile(r"^[a-z0-9][a-z0-9'.\-/&]*$")
_VERB_RE = re.compile(r"^[a-z][a-z'\-]*$")
_DATE_RE = re.compile(r"^\d+$")
_BRACKET_RE = re.compile(r"\[([^\]]*)\]")


# ----------------------------------------------------------------------------------------------
# The report


@dataclass(frozen=True)
class Note:
    """Something read that was not converted as written: dropped (not representable) or
    converted with a change (adjusted)."""

    origin: Origin | None
    kind: str  # actor, agent, verb, synset, discard, issue
    reason: str
    text: str = ""

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        text = f" [{self.text}]" if self.text else ""
        return f"{where}{self.kind}: {self.reason}{text}"


@dataclass
class ImportReport:
    """Counts of entries read, converted and not representable, with reasons and origins."""

    files: list[str] = field(default_factory=list)
    read: Counter = field(default_factory=Counter)
    converted: Counter = field(default_factory=Counter)
    dropped: list[Note] = field(default_factory=list)  # not representable: left out
    adjusted: list[Note] = field(default_factory=list)  # converted, but not exactly as written
    written: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    how: str = ""  # why these files were read
    left_out: list[str] = field(default_factory=list)  # dictionary files of the folder not read
    hint: str = ""  # how to read other files


    def drop(self, origin: Origin | None, kind: str, reason: str, text: str = "") -> None:
        self.dropped.append(Note(origin, kind, reason, text[:80]))

    def adjust(self, origin: Origin | None, kind: str, reason: str, text: str = "") -> None:
        self.adjusted.append(Note(origin, kind, reason, text[:80]))

    def reasons(self, notes: Sequence[Note]) -> Counter:
        return Counter((n.kind, n.reason) for n in notes)

    def problems(self) -> list[Problem]:
        """Every note as a warning, for ``Dictionaries.warnings``."""
        out = []
        if self.left_out:
            out.append(Problem(None, "PETRARCH files",
                               f"read {', '.join(self.files)} ({self.how}); left out "
                               f"{', '.join(self.left_out)}.", self.hint or "list the files to read", "warning"))
        for n in self.dropped:
            out.append(Problem(n.origin, n.text, f"PETRARCH {n.kind} not imported: {n.reason}.",
                               "edit the imported native files if the entry is needed", "warning"))
        for n in self.adjusted:
            out.append(Problem(n.origin, n.text, f"PETRARCH {n.kind} imported with a change: {n.reason}.",
                               "check the imported entry", "warning"))
        return out

    def render(self, details: int = 0) -> str:
        """The report as text; ``details`` > 0 lists up to that many notes per reason."""
        kinds = sorted(set(self.read) | set(self.converted))
        lines = ["PETRARCH import", "files read: " + ", ".join(self.files)]
        if self.how:
            lines.append("  because: " + self.how)
        if self.left_out:
            lines.append("files left out: " + ", ".join(self.left_out))
            if self.hint:
                lines.append("  to read others: " + self.hint)
        lines.append(f"{'kind':<16}{'read':>8}{'converted':>11}{'dropped':>9}{'adjusted':>10}")
        drops = Counter(n.kind for n in self.dropped)
        adjs = Counter(n.kind for n in self.adjusted)
        for k in kinds:
            lines.append(f"{k:<16}{self.read[k]:>8}{self.converted[k]:>11}{drops[k]:>9}{adjs[k]:>10}")
        for title, notes in (("not representable (left out)", self.dropped),
                             ("converted with a change", self.adjusted)):
            if not notes:
                continue
            lines.append(f"{title}: {len(notes)}")
            by_reason: dict[tuple[str, str], list[Note]] = defaultdict(list)
            for n in notes:
                by_reason[(n.kind, n.reason)].append(n)
            for (kind, reason), ns in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
                first = ns[0]
                lines.append(f"  {len(ns):>6}  {kind}: {reason} (first: {first.origin}"
                             + (f" {first.text}" if first.text else "") + ")")
                for n in ns[1:details]:
                    lines.append(f"          {n.origin} {n.text}")
        if self.written:
            lines.append("written: " + ", ".join(f"{k} ({v} lines)" for k, v in self.written.items()))
        lines.append(f"time: {self.seconds:.2f} s")
        return "\n".join(lines)

    __str__ = render


# ----------------------------------------------------------------------------------------------
# Lines and comments


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) with ``#`` comments (from the first ``#`` on) and ``<!-- -->``
    comments (which may span lines) removed; blank lines skipped. Tabs at the start are kept."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DictionaryError(f"cannot read the file ({exc.strerror})", file=path,
                              fix="check the path and permissions") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DictionaryError("the file is not valid UTF-8", file=path, line=line,
                              fix="save the file as UTF-8") from None
    in_comment = False
    for i, line in enumerate(text.splitlines(), 1):
        if in_comment:
            end = line.find("-->")
            if end < 0:
                continue
            line = line[end + 3:]
            in_comment = False
        while "<!" in line:
            start = line.find("<!")
            end = line.find("-->", start)
            if end < 0:
                line = line[:start]
                in_comment = True
                break
            line = line[:start] + line[end + 3:]
        hash_at = line.find("#")
        if hash_at >= 0:
            line = line[:hash_at]
        if line.strip():
            yield i, line.rstrip()


def _parse_day(text: str) -> dt.date | None:
    """YYMMDD or YYYYMMDD (PETRARCH's two forms); None when not a real day.

    Like PETRARCH, a string of more than 7 digits is read from its first 8 and one of 7 digits
    from its first 6 (the rest is ignored); callers note such dates as adjusted."""
    if not _DATE_RE.match(text) or len(text) < 6:
        return None
    text = text[:8] if len(text) > 7 else text[:6]
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= PIVOT_YEAR else 1900 + yy
        rest = text[2:]
    else:
        year = int(text[:4])
        rest = text[4:]
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        return None


def _phrase(raw: str) -> str:
    """A PETRARCH phrase as we write it: ``_`` and runs of spaces become one space, a trailing
    ``_`` (no stemming) is dropped; lower case except short all-capital words (IS, US, U.N.)."""
    p = normalize_phrase(" ".join(raw.replace("_", " ").split()))
    if is_case_sensitive(p):
        return p
    return p.lower()


_UNSAFE = re.compile(r"[|=#]")


# ----------------------------------------------------------------------------------------------
# Dates: PETRARCH's resolution rule turned into disjoint ranges


@dataclass(frozen=True)
class Restriction:
    """One PETRARCH code spec: ``CODE`` (start=end=None, unrestricted), ``CODE <d`` (end=d),
    ``CODE >d`` (start=d) or ``CODE d1-d2`` (both). Ends are inclusive, as in PETRARCH."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def unrestricted(self) -> bool:
        return self.start is None and self.end is None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def code_on(specs: Sequence[Restriction], day: dt.date) -> str | None:
    """PETRARCH's rule for one day: the first date restriction (in file order) that covers the
    day; otherwise the first unrestricted code; otherwise none. ``---`` means no actor."""
    for r in specs:
        if not r.unrestricted and r.covers(day):
            return None if r.code == NO_EVENT else r.code
    for r in specs:
        if r.unrestricted:
            return None if r.code == NO_EVENT else r.code
    return None


def resolve_dates(specs: Sequence[Restriction]) -> tuple[list[DatedCode], list[str]]:
    """Turn PETRARCH code specs into disjoint, sorted DatedCodes giving the same code as
    :func:`code_on` on every day; returns the codes and notes about changes made (overlapping
    restrictions resolved, shadowed defaults)."""
    notes: list[str] = []
    restricted = [r for r in specs if not r.unrestricted]
    defaults = [r for r in specs if r.unrestricted]
    if len({r.code for r in defaults}) > 1:
        notes.append(f"several unrestricted codes ({', '.join(r.code for r in defaults)}): the first is used")
    for i, x in enumerate(restricted):
        for y in restricted[:i]:
            lo = max(x.start or dt.date.min, y.start or dt.date.min)
            hi = min(x.end or dt.date.max, y.end or dt.date.max)
            if lo <= hi and x.code != y.code:
                if lo == hi:
                    notes.append(f"{y.code} and {x.code} share the day {lo}: the earlier line wins it")
                else:
                    notes.append(f"{y.code} and {x.code} overlap from {lo} to {hi}: the earlier line wins")
    if not restricted:
        code = code_on(specs, dt.date.today())
        return ([DatedCode(code)] if code else []), notes
    # Elementary segments between the points where some restriction starts or stops.
    points = set()
    for r in restricted:
        if r.start is not None:
            points.add(r.start.toordinal())
        if r.end is not None and r.end < dt.date.max:
            points.add(r.end.toordinal() + 1)
    cuts = sorted(points)
    segments: list[tuple[int | None, int | None]] = []  # (first day, last day) ordinals, None = open
    segments.append((None, cuts[0] - 1))
    for a, b in zip(cuts, cuts[1:]):
        segments.append((a, b - 1))
    segments.append((cuts[-1], None))
    out: list[tuple[str, int | None, int | None]] = []
    for lo, hi in segments:
        probe = lo if lo is not None else hi
        code = code_on(specs, dt.date.fromordinal(max(probe, 1)))
        if code is None:
            continue
        if out and out[-1][0] == code and out[-1][2] is not None and lo is not None and out[-1][2] + 1 == lo:
            out[-1] = (code, out[-1][1], hi)
        else:
            out.append((code, lo, hi))
    return [
        DatedCode(c, dt.date.fromordinal(lo) if lo is not None else None,
                  dt.date.fromordinal(hi) if hi is not None else None)
        for c, lo, hi in out
    ], notes


# ----------------------------------------------------------------------------------------------
# The reader


def _classify(name: str) -> str | None:
    low = name.lower()
    if not low.endswith(".txt") or low == "cameo.txt":
        return None
    if "actors" in low:
        return "actors"
    if "agents" in low:
        return "agents"
    if "discards" in low:
        return "discards"
    if "verbs" in low or low.startswith("cameo"):
        return "verbs"
    if "issue" in low:
        return "issues"
    return None


_ORDER = {"actors": 0, "agents": 1, "verbs": 2, "discards": 3, "issues": 4}


def _actor_type(path: Path, codes: Sequence[DatedCode]) -> str:
    """PETRARCH marks no types; we infer one (see docs/petrarch-import.md).

    The code decides first (an IGO, NGO, company or armed-group code names an organisation even
    when its dates are bounded, like Islamic State from 2013); then dated codes mark a person."""
    name = path.name.lower()
    if not codes:
        return "other"
    first = codes[0].code
    blocks = [first[i:i + 3] for i in range(0, len(first), 3)]
    if first.startswith(_IGO_PREFIXES):
        return "igo"
    if first.startswith(_NGO_PREFIXES):
        return "ngo"
    if first.startswith(_COMPANY_PREFIXES):
        return "company"
    if first.startswith(_ARMED_PREFIXES) or any(b in _ARMED_BLOCKS for b in blocks[1:]):
        return "armed_group"
    if any(c.start is not None or c.end is not None for c in codes):
        return "person"
    if "countries" in name:
        return "country" if len(first) == 3 and all(c.code == first for c in codes) else "other"
    return "other"


class _Reader:
    def __init__(self, cameo: set[str] | None) -> None:
        self.d = Dictionaries()
        self.r = ImportReport()
        self.cameo = cameo
        self._actor_keys: dict[str, ActorEntry] = {}

    # -- actors --

    def actors(self, path: Path) -> None:
        group: dict | None = None

        def flush() -> None:
            if group is not None:
                self._actor(path, group)

        for n, line in _lines(path):
            origin = Origin(str(path), n)
            body = line.strip()
            if body.startswith("["):
                specs = _BRACKET_RE.findall(body)
                if group is None:
                    self.r.read["actor"] += 1
                    self.r.drop(origin, "actor", "a code line with no phrase before it", body)
                    continue
                for spec in specs:
                    group["specs"].append((spec, origin))
                continue
            if body.startswith("+"):
                if group is None:
                    self.r.read["actor"] += 1
                    self.r.drop(origin, "actor", "a synonym line with no phrase before it", body)
                    continue
                for syn in re.split(r"\s+\+", body[1:]):
                    group["phrases"].append((syn.strip(), origin))
                continue
            # A primary phrase, perhaps with codes after it.
            phrase = body.split("[", 1)[0].strip()
            specs = _BRACKET_RE.findall(body)
            if group is not None and not group["specs"]:
                # PETRARCH gives a phrase line without codes the codes that follow it.
                group["phrases"].append((phrase, origin))
                group["specs"] += [(s, origin) for s in specs]
                self.r.converted["actor phrase line sharing the next codes"] += 1
                continue
            flush()
            group = {"phrases": [(phrase, origin)], "specs": [(s, origin) for s in specs], "origin": origin}
        flush()

    def _spec(self, text: str, origin: Origin, name: str) -> Restriction | None:
        parts = text.split()
        if not parts:
            self.r.adjust(origin, "actor", "an empty code '[]' was ignored", name)
            return None
        code = parts[0]
        rest = "".join(parts[1:])
        if code != code.upper():
            self.r.adjust(origin, "actor", f"code '{code}' upper-cased", name)
            code = code.upper()
        if code != NO_EVENT and not ACTOR_CODE_RE.match(code):
            self.r.drop(origin, "actor code", f"'{code}' is not an actor code (3-letter blocks)", name)
            return None
        if not rest:
            return Restriction(code)
        digits = [t for t in re.split(r"[<>\-]", rest) if t]
        if any(len(t) not in (6, 8) for t in digits):
            self.r.adjust(origin, "actor", "a date of 7 or more than 8 digits read as PETRARCH does "
                          "(first 6, or first 8, digits)", f"{name}: {text}")
        if rest[0] in "<>":
            day = _parse_day(rest[1:])
            if day is None:
                self.r.drop(origin, "actor code", f"date '{rest[1:]}' is not YYMMDD or YYYYMMDD", name)
                return None
            return Restriction(code, end=day) if rest[0] == "<" else Restriction(code, start=day)
        if "-" in rest:
            a, _, b = rest.partition("-")
            lo, hi = _parse_day(a), _parse_day(b)
            if lo is None or hi is None:
                self.r.drop(origin, "actor code", f"date range '{rest}' is not YYMMDD-YYMMDD", name)
                return None
            if hi < lo:
                self.r.drop(origin, "actor code", f"date range '{rest}' ends before it starts", name)
                return None
            return Restriction(code, lo, hi)
        self.r.drop(origin, "actor code", f"'{rest}' is not a date restriction", name)
        return None

    def _actor(self, path: Path, group: dict) -> None:
        origin: Origin = group["origin"]
        self.r.read["actor"] += 1
        raw_phrases = group["phrases"]
        self.r.read["actor phrase"] += len(raw_phrases)
        name_raw = raw_phrases[0][0]
        specs = [s for s in (self._spec(t, o, name_raw) for t, o in group["specs"]) if s is not None]
        if not specs:
            self.r.drop(origin, "actor", "no usable code", name_raw)
            return
        codes, notes = resolve_dates(specs)
        for note in notes:
            self.r.adjust(origin, "actor", "dates: " + note.split(":")[-1].strip(), f"{name_raw}: {note}")
        if not codes:
            self.r.drop(origin, "actor", "its codes give no actor on any day ([---])", name_raw)
            return
        phrases: list[str] = []
        seen: set[str] = set()
        for raw, o in raw_phrases:
            p = _phrase(raw)
            if not p or _UNSAFE.search(p):
                self.r.drop(o, "actor phrase", "empty or contains | = #", raw)
                continue
            key = phrase_key(p)
            if key in seen:
                continue  # the same phrase twice in one entry (e.g. with and without 'the')
            other = self._actor_keys.get(key)
            if other is not None:
                same = tuple(other.codes) == tuple(codes)
                self.r.adjust(o, "actor phrase",
                              "phrase already in an earlier entry with the same codes: kept there" if same
                              else "phrase already in an earlier entry with other codes: the first is kept",
                              f"{raw} (first: {other.origin})")
                continue
            seen.add(key)
            phrases.append(p)
        if not phrases:
            self.r.drop(origin, "actor", "all its phrases belong to earlier entries", name_raw)
            return
        entry = ActorEntry(phrases[0], tuple(phrases), tuple(codes), _actor_type(path, codes), origin)
        for p in phrases:
            self._actor_keys[phrase_key(p)] = entry
        self.d.actors.append(entry)
        self.r.converted["actor"] += 1
        self.r.converted["actor phrase"] += len(phrases)

    # -- agents --

    def agents(self, path: Path) -> None:
        subst: dict[str, list[str]] = {}
        seen: dict[str, AgentEntry] = {}
        for n, line in _lines(path):
            origin = Origin(str(path), n)
            body = line.strip()
            if "!" in body and "=" in body and "[" not in body:
                m = re.match(r"^!([^!]+)!\s*=\s*(.*)$", body)
                if not m:
                    self.r.read["agent"] += 1
                    self.r.drop(origin, "agent", "substitution set not written as !NAME! = a, b", body)
                    continue
                subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
                continue
            self.r.read["agent"] += 1
            m = re.match(r"^(.*?)\[([^\]]*)\]\s*$", body)
            if not m:
                self.r.drop(origin, "agent", "no [CODE] (or an unclosed bracket)", body)
                continue
            text, code = m.group(1).strip(), m.group(2).strip()
            prefix = False
            if code.endswith("~"):
                prefix, code = True, code[:-1]
            elif code.startswith("~"):
                code = code[1:]
            else:
                self.r.adjust(origin, "agent", "code without '~': taken as a suffix", body)
            if not AGENT_CODE_RE.match(code):
                self.r.drop(origin, "agent", f"'{code}' is not an agent code", body)
                continue
            plurals: list[str] = []
            if "{" in text:
                if "}" not in text:
                    self.r.drop(origin, "agent", "'{' without '}'", body)
                    continue
                head, _, tail = text.partition("{")
                plural = tail.partition("}")[0].strip()
                text = head.strip()
                if plural:
                    plurals.append(plural)
            bases = [text]
            if "!" in text:
                m2 = re.match(r"^(.*?)!([^!]+)!(.*)$", text)
                if not m2 or m2.group(2) not in subst:
                    self.r.drop(origin, "agent", "unknown or malformed !NAME! substitution", body)
                    continue
                bases = [m2.group(1) + s + m2.group(3) for s in subst[m2.group(2)]]
            phrases: list[str] = []
            for raw in bases + plurals:
                p = _phrase(raw)
                if not p or _UNSAFE.search(p):
                    self.r.drop(origin, "agent", "empty phrase or contains | = #", raw)
                    continue
                key = phrase_key(p)
                if key in seen:
                    prev = seen[key]
                    if prev.code != code or prev.prefix != prefix:
                        self.r.adjust(origin, "agent", "phrase already given another code: the first is kept",
                                      f"{raw} (first: {prev.origin})")
                    continue
                if p not in phrases:
                    phrases.append(p)
            if not phrases:
                self.r.drop(origin, "agent", "all its phrases are in earlier entries", body)
                continue
            entry = AgentEntry(phrases[0], tuple(phrases), code, prefix, origin)
            for p in phrases:
                seen[phrase_key(p)] = entry
            self.d.agents.append(entry)
            self.r.converted["agent"] += 1

    # -- discards --

    def discards(self, path: Path) -> None:
        for n, line in _lines(path):
            origin = Origin(str(path), n)
            body = line.strip()
            self.r.read["discard"] += 1
            story = body.startswith("+")
            p = _phrase(body[1:] if story else body)
            if not p or _UNSAFE.search(p):
                self.r.drop(origin, "discard", "empty phrase or contains | = #", body)
                continue
            self.d.discards.append(Discard(p, story, origin))
            self.r.converted["discard"] += 1

    # -- issues --

    def issues(self, path: Path) -> None:
        for n, line in _lines(path):
            origin = Origin(str(path), n)
            body = line.strip()
            if body.startswith("<"):
                continue  # <ISSUE ...> and </ISSUE> group lines
            self.r.read["issue"] += 1
            if body.startswith("~"):
                self.r.drop(origin, "issue", "exclusion phrases (~, ~~) have no native form", body)
                continue
            m = re.match(r"^(.*?)\[([^\]]+)\]", body)
            if not m:
                self.r.drop(origin, "issue", "no [CODE]", body)
                continue
            code = m.group(2).strip()
            forms = _issue_forms(m.group(1).strip().upper())
            ok = 0
            for f in forms:
                p = _phrase(f)
                if not p or _UNSAFE.search(p):
                    continue
                self.d.issues.append(IssueEntry(p, code, origin))
                ok += 1
            if ok:
                self.r.converted["issue"] += 1
                self.r.converted["issue phrase"] += ok
            else:
                self.r.drop(origin, "issue", "no usable phrase", body)

    # -- verbs --

    def verbs(self, path: Path) -> None:
        lines = list(_lines(path))
        # Synsets first: PETRARCH lets patterns use synsets defined anywhere in the file.
        current: tuple[str, Origin] | None = None
        alts: list[tuple[str, ...]] = []

        def close() -> None:
            if current is not None:
                name, o = current
                if alts:
                    self.d.synsets[name] = Synset(name, tuple(dict.fromkeys(alts)), o)
                    self.r.converted["synset"] += 1
                else:
                    self.r.drop(o, "synset", "no words", name)

        for n, line in lines:
            body = line.strip()
            if body.startswith("&"):
                close()
                self.r.read["synset"] += 1
                current = ("&" + body[1:].split()[0].rstrip("_").upper(), Origin(str(path), n))
                alts = []
            elif body.startswith("+") and current is not None:
                words = tuple(_phrase(body[1:]).lower().split())
                if words and all(_WORD_RE.match(w) for w in words):
                    alts.append(words)
                else:
                    self.r.drop(Origin(str(path), n), "synset", "word not representable", body)
            elif current is not None:
                close()
                current = None
        close()

        block_code = NO_EVENT
        block_name = ""
        simple: list[str] = []  # verb words of the block's one-word verbs
        compounds: list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], Origin]] = []
        patterns: list[tuple[Origin, str]] = []

        def finish_block() -> None:
            for o, text in patterns:
                self._pattern(o, text, block_name, tuple(dict.fromkeys(simple)), compounds)

        in_synset = False
        for n, line in lines:
            origin = Origin(str(path), n)
            body = line.strip()
            if body.startswith("&"):
                in_synset = True
                continue
            if in_synset and body.startswith("+"):
                continue  # a synset word, read above
            in_synset = False
            if body.startswith("---"):
                finish_block()
                inner = body.strip("-").strip()
                m = re.match(r"^(\S+)\s*(?:\[([^\]]*)\])?", inner)
                block_name = m.group(1) if m else inner
                block_code = (m.group(2) or NO_EVENT).strip() if m else NO_EVENT
                simple, compounds, patterns = [], [], []
                continue
            if body.startswith("~"):
                self.r.read["verb transformation"] += 1
                self.r.drop(origin, "verb transformation", "transformation rules (~) have no native form", body)
                continue
            if body.startswith("-"):
                self.r.read["verb pattern"] += 1
                patterns.append((origin, body[1:]))
                continue
            self._verb_line(origin, body, block_code, simple, compounds)
        finish_block()

    def _verb_line(self, origin: Origin, body: str, block_code: str, simple: list[str],
                   compounds: list) -> None:
        self.r.read["verb"] += 1
        body = body.split(";", 1)[0]  # an old TABARI comment
        code = block_code
        m = _BRACKET_RE.search(body)
        if m:
            code = m.group(1).strip() or NO_EVENT
            body = body[: m.start()] + body[m.end():]
        forms: list[str] = []
        if "{" in body:
            head, _, tail = body.partition("{")
            forms = tail.partition("}")[0].split()
            body = head
        base = body.split()
        if not base:
            self.r.drop(origin, "verb", "no verb", body)
            return
        words = [base[0]] + forms
        parsed = [_split_compound(w) for w in words]
        front, verb, back = parsed[0]
        verb_words = []
        for f, v, b in parsed:
            v = v.lower()
            if _VERB_RE.match(v) and v not in verb_words:
                verb_words.append(v)
        if not verb_words or not _VERB_RE.match(verb.lower()):
            self.r.drop(origin, "verb", f"'{base[0]}' is not a verb we can match", base[0])
            return
        if len(base) > 1:
            self.r.adjust(origin, "verb", "extra words after the verb ignored", " ".join(base))
        front_w = tuple(w.lower() for w in front)
        back_w = tuple(w.lower() for w in back)
        if front_w or back_w:
            compounds.append((tuple(verb_words), front_w, back_w, origin))
        else:
            simple.extend(verb_words)
        self.r.converted["verb"] += 1
        # The isolated verb's own code.
        codes = self._codes(code, origin, base[0], "verb code")
        if codes is None:
            return
        active, passive = codes
        if active == NO_EVENT and passive is None:
            return  # no event without a pattern is what the matcher does anyway
        pre = tuple(Words(((w,),), w) for w in front_w)
        post = tuple(Words(((w,),), w) for w in back_w)
        self._add(VerbPattern(tuple(verb_words), post, active, passive, pre, origin,
                              f"{body.strip()} [{code}]"), "verb default code")

    def _codes(self, code: str, origin: Origin, text: str, kind: str = "verb pattern") -> tuple[str, str | None] | None:
        raw = code
        if code.endswith("!"):
            code = code[:-1]
            self.r.adjust(origin, kind, f"code '{raw}': trailing '!' dropped", text)
        active, _, passive = code.partition(":")
        active = active.strip() or NO_EVENT
        passive_code = passive.strip() or None
        if ":" in code and not passive.strip():
            passive_code = None
        for c in (active, passive_code):
            if c is None or c == NO_EVENT:
                continue
            if not EVENT_CODE_RE.match(c):
                self.r.drop(origin, kind, f"'{c}' is not a CAMEO event code", text)
                return None
            if self.cameo is not None and c not in self.cameo:
                self.r.drop(origin, kind, f"code {c} is not in the CAMEO table", text)
                return None
        if raw.startswith(":"):
            self.r.adjust(origin, kind, "passive-only code: active voice gets no event (---)", text)
        return active, passive_code

    def _pattern(self, origin: Origin, text: str, block: str, simple: tuple[str, ...], compounds: list) -> None:
        m = None
        for m in _BRACKET_RE.finditer(text):
            pass
        if m is None:
            self.r.drop(origin, "verb pattern", "no [CODE]", text.strip())
            return
        code = m.group(1).strip()
        words = text[: m.start()] + " " + text[m.end():]
        shown = f"- {' '.join(words.split())} [{code}]"
        if not simple and not compounds:
            self.r.drop(origin, "verb pattern", f"block {block} has no verbs", shown)
            return
        if "%" in words:
            self.r.drop(origin, "verb pattern", "'%' (compound actor) has no native form", shown)
            return
        if words.count("*") > 1:
            self.r.drop(origin, "verb pattern", "more than one '*'", shown)
            return
        pre_text, star, post_text = words.partition("*")
        if not star:
            pre_text, post_text = "", words
        codes = self._codes(code, origin, shown)
        if codes is None:
            return
        active, passive = codes
        pre = self._elements(pre_text, origin, shown)
        post = self._elements(post_text, origin, shown)
        if pre is None or post is None:
            return
        if "^" in words:
            self.r.adjust(origin, "verb pattern", "'^' (skip) dropped: words need not be adjacent anyway", shown)
        made = 0
        if simple:
            self._add(VerbPattern(simple, tuple(post), active, passive, tuple(pre), origin, shown), None)
            made += 1
        for verbs, front, back, _o in compounds:
            cpre = tuple(Words(((w,),), w) for w in front) + tuple(pre)
            cpost = tuple(Words(((w,),), w) for w in back) + tuple(post)
            self._add(VerbPattern(verbs, cpost, active, passive, cpre, origin, shown), None)
            made += 1
        self.r.converted["verb pattern"] += 1
        self.r.converted["native pattern line"] += made

    def _elements(self, text: str, origin: Origin, shown: str) -> list | None:
        out: list = []
        for tok in text.split():
            w = tok.strip("(){}")
            if not w or w == "^":
                continue
            if w in (TARGET, SOURCE):
                out.append(w)
                continue
            if w.startswith("&"):
                name = w.rstrip("_").upper()
                if name not in self.d.synsets:
                    self.r.drop(origin, "verb pattern", f"synset {name} is not defined", shown)
                    return None
                out.append(Words((), name))
                continue
            parts = tuple(p for p in w.lower().split("_") if p)
            if not parts or not all(_WORD_RE.match(p) for p in parts):
                self.r.drop(origin, "verb pattern", f"word '{w}' is not representable", shown)
                return None
            out.append(Words((parts,), "_".join(parts)))
        return out

    def _add(self, v: VerbPattern, count: str | None) -> None:
        self.d.verbs.append(v)
        if count:
            self.r.converted[count] += 1
            self.r.converted["native pattern line"] += 1


def _split_compound(word: str) -> tuple[list[str], str, list[str]]:
    """``+ASK_FOR`` → ([], ASK, [FOR]); ``RE_+ARREST`` → ([RE], ARREST, []); ``CARRY_OUT`` (no
    ``+``) → ([], CARRY, [OUT]); ``ATTACK`` → ([], ATTACK, [])."""
    parts = [p for p in word.split("_") if p]
    if not parts:
        return [], word, []
    for i, p in enumerate(parts):
        if p.startswith("+"):
            return parts[:i], p[1:], parts[i + 1:]
    return [], parts[0], parts[1:]


def _issue_forms(target: str) -> list[str]:
    """PETRARCH's expansions: ``a+b`` → ``a b`` and ``a-b``; ``n:x`` → x and its plural;
    ``v:x`` → x, xS, xED (xD), xING."""
    forms = [target]
    changed = True
    while changed:
        changed = False
        out = []
        for f in forms:
            if "+" in f:
                out += [f.replace("+", " ", 1), f.replace("+", "-", 1)]
                changed = True
            elif "N:" in f:
                before, _, after = f.partition("N:")
                word, sp, rest = after.partition(" ")
                plural = word[:-1] + "IES" if word.endswith("Y") else word + "S"
                out += [before + word + sp + rest, before + plural + sp + rest]
                changed = True
            elif "V:" in f:
                before, _, after = f.partition("V:")
                word, sp, rest = after.partition(" ")
                if word.endswith("E"):
                    extra = [word + "S", word + "D", word[:-1] + "ING"]
                else:
                    extra = [word + "S", word + "ED", word + "ING"]
                out += [before + w + sp + rest for w in [word] + extra]
                changed = True
            else:
                out.append(f)
        forms = out
    return list(dict.fromkeys(" ".join(f.split()) for f in forms))


def _bundled_cameo() -> set[str] | None:
    """The codes of the bundled CAMEO table, when there is one: patterns with other codes could
    not be loaded, so the importer reports them instead."""
    try:
        path = bundled_dictionaries_path() / "cameo.txt"
    except DictionaryError:
        return None
    codes = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            codes.add(line.split("|", 1)[0].strip())
    return codes


# ----------------------------------------------------------------------------------------------
# Which files to read: a folder, PETR_config.ini, or explicit files and globs

CONFIG_NAME = "PETR_config.ini"
# PETRARCH-2's own default PETR_config.ini: the files it reads when nobody says otherwise.
DEFAULT_SET = ("CAMEO.2.0.txt", "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
               "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt",
               "Phoenix.IssueCoding.txt")
# [Dictionaries] keys of PETR_config.ini and the kind of file each names.
_CONFIG_KEYS = (("actorfile_list", "actors"), ("agentfile_name", "agents"), ("verbfile_name", "verbs"),
                ("discardfile_name", "discards"), ("issuefile_name", "issues"))
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass
class Selection:
    """The PETRARCH files to read, each with its kind, and the dictionary files left out."""

    files: list[tuple[Path, str]]
    left_out: list[Path] = field(default_factory=list)
    how: str = ""  # why these files, for the report
    hint: str = ""  # how to read others

    @property
    def paths(self) -> list[Path]:
        return [p for p, _ in self.files]


def _sort(files: Iterable[tuple[Path, str]], by_name: bool) -> list[tuple[Path, str]]:
    """Kind order (actors, agents, verbs, discards, issues); within a kind by name or as given.
    Among actor files the first read wins a duplicated phrase, as in PETRARCH."""
    files = list(dict.fromkeys(files))
    key = (lambda f: (_ORDER[f[1]], f[0].name)) if by_name else (lambda f: _ORDER[f[1]])
    return sorted(files, key=key)


def _set_name(name: str) -> str:
    """The set a file belongs to: its name up to the first dot (Phoenix, PETR, CAMEO ...)."""
    return name.split(".", 1)[0].lower()


def _config_selection(folder: Path, ini: Path) -> Selection:
    import configparser

    cp = configparser.ConfigParser(inline_comment_prefixes=("#", ";"), interpolation=None, strict=False)
    try:
        cp.read_string(ini.read_text(encoding="utf-8"), source=str(ini))
    except (OSError, UnicodeDecodeError, configparser.Error) as exc:
        raise DictionaryError(f"cannot be read as PETRARCH's configuration ({exc})", file=ini,
                              fix="fix the file, or remove it to read the folder's default set") from None
    if not cp.has_section("Dictionaries"):
        raise DictionaryError("has no [Dictionaries] section", file=ini,
                              fix="name the dictionaries under [Dictionaries] (verbfile_name, actorfile_list, "
                                  "agentfile_name, discardfile_name, issuefile_name), or remove the file")
    files: list[tuple[Path, str]] = []
    for key, kind in _CONFIG_KEYS:
        value = cp.get("Dictionaries", key, fallback="").strip()
        for name in (n.strip() for n in value.split(",")):
            if not name:
                continue
            path = Path(name).expanduser()
            path = path if path.is_absolute() else folder / path
            if not path.is_file():
                raise DictionaryError(f"{key} names '{name}', which is not in the folder", file=ini, entry=key,
                                      fix=f"correct the name, or put the file in {folder}")
            files.append((path, kind))
    if not files:
        raise DictionaryError("names no dictionary file under [Dictionaries]", file=ini,
                              fix="set verbfile_name, actorfile_list, agentfile_name, discardfile_name or issuefile_name")
    chosen = {p.resolve() for p, _ in files}
    left = sorted(p for p in folder.iterdir() if p.is_file() and _classify(p.name) and p.resolve() not in chosen)
    return Selection(_sort(files, by_name=False), left, f"the files {ini.name} names",
                     f"edit {ini.name}, or list files: petrarch:{folder}/NAME.*")


def folder_selection(folder: str | Path, include: Sequence[str] | None = None) -> Selection:
    """Which PETRARCH files of ``folder`` to read.

    - ``include`` globs: the files matching one of them;
    - else a ``PETR_config.ini`` in the folder: the files its [Dictionaries] section names, as
      PETRARCH-2 would read them;
    - else, when the folder holds one set of files (one name prefix besides CAMEO*): all of them;
    - else, when it holds several sets: PETRARCH-2's default set, the Phoenix files with the
      CAMEO verb file (CAMEO.2.0.txt when there are several), and the others are left out;
    - else an error naming the sets and how to pick one.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise DictionaryError("is not a folder of PETRARCH dictionaries", file=folder,
                              fix="pass the folder holding e.g. Phoenix.Countries.actors.txt and CAMEO.2.0.txt")
    found = sorted(p for p in folder.iterdir() if p.is_file() and _classify(p.name))
    hint = (f"list files or globs, e.g. petrarch:{folder}/NAME.* or petrarch:{folder}/* for every file, "
            "or put a PETR_config.ini in the folder")
    if include:
        chosen = [p for p in found if any(p.match(g) for g in include)]
        if not chosen:
            raise DictionaryError(f"holds no PETRARCH dictionary file matching {', '.join(include)}", file=folder,
                                  fix="check the --include patterns")
        return Selection(_sort(((p, _classify(p.name)) for p in chosen), by_name=True),
                         [p for p in found if p not in chosen], "the files matching " + ", ".join(include), hint)
    ini = next((p for p in folder.iterdir() if p.is_file() and p.name.lower() == CONFIG_NAME.lower()), None)
    if ini is not None:
        return _config_selection(folder, ini)
    if not found:
        raise DictionaryError("holds no PETRARCH dictionary files", file=folder,
                              fix="expect *actors*.txt, *agents*.txt, *discards*.txt, *verbs*.txt or CAMEO*.txt, *Issue*.txt")
    sets: dict[str, list[Path]] = defaultdict(list)
    cameo: list[Path] = []
    for p in found:
        (cameo if _set_name(p.name) == "cameo" else sets[_set_name(p.name)]).append(p)
    if len(sets) <= 1:
        return Selection(_sort(((p, _classify(p.name)) for p in found), by_name=True), [],
                         "every dictionary file of the folder (one set)", hint)
    names = ", ".join(sorted({p.name.split(".", 1)[0] for ps in sets.values() for p in ps}))
    if "phoenix" not in sets:
        raise DictionaryError(f"holds several sets of PETRARCH dictionaries ({names}) and no {CONFIG_NAME}",
                              file=folder, fix=f"pick one: {hint}")
    chosen = list(sets["phoenix"])
    if not any(_classify(p.name) == "verbs" for p in chosen) and cameo:
        default = [p for p in cameo if p.name == DEFAULT_SET[0]]
        chosen += default or cameo
    left = [p for p in found if p not in chosen]
    how = (f"the folder holds several sets ({names}) and no {CONFIG_NAME}: read PETRARCH-2's default set, "
           f"the one its own default {CONFIG_NAME} names")
    return Selection(_sort(((p, _classify(p.name)) for p in chosen), by_name=True), left, how, hint)


def spec_selection(spec: str, include: Sequence[str] | None = None) -> Selection:
    """The files of a ``petrarch:`` spec (the text after ``petrarch:``): a folder (see
    :func:`folder_selection`), one file, or a comma-separated list of files and globs
    (``DIR/PETR.Validate.*``). A relative file in a list that does not exist as given is taken
    relative to the first file's folder. Globs keep only PETRARCH dictionary file names."""
    spec = spec.strip()
    whole = Path(spec).expanduser()
    if whole.is_dir():
        return folder_selection(whole, include)
    parts = [p.strip() for p in spec.split(",") if p.strip()]
    if not parts:
        raise DictionaryError("names no PETRARCH dictionaries", entry="petrarch:",
                              fix="write petrarch:DIR, petrarch:FILE,FILE or petrarch:DIR/NAME.*")
    import glob

    base = Path(parts[0]).expanduser().parent
    files: list[tuple[Path, str]] = []
    for part in parts:
        path = Path(part).expanduser()
        if _GLOB_CHARS.search(part):
            matches = sorted(Path(m) for m in glob.glob(str(path)))
            if not matches and not path.is_absolute():
                matches = sorted(Path(m) for m in glob.glob(str(base / part)))
            kept = [(m, _classify(m.name)) for m in matches if m.is_file() and _classify(m.name)]
            if not kept:
                raise DictionaryError(f"'{part}' matches no PETRARCH dictionary file", file=path.parent,
                                      fix="check the pattern; files are named *actors*.txt, *agents*.txt, "
                                          "*discards*.txt, *verbs*.txt, CAMEO*.txt or *Issue*.txt")
            files += kept
            continue
        if not path.exists() and not path.is_absolute():
            path = base / part
        if path.is_dir():
            files += folder_selection(path).files
            continue
        if not path.is_file():
            raise DictionaryError("no such PETRARCH dictionary file", file=path,
                                  fix="list existing files: petrarch:DIR/PETR.Validate.actors.txt,DIR/PETR.Validate.verbs.2.0.txt")
        kind = _classify(path.name)
        if kind is None:
            raise DictionaryError("is not a PETRARCH dictionary file name", file=path,
                                  fix="name it like *actors*.txt, *agents*.txt, *discards*.txt, *verbs*.txt, "
                                      "CAMEO*.txt or *Issue*.txt")
        files.append((path, kind))
    if include:
        files = [f for f in files if any(f[0].match(g) for g in include)]
    return Selection(_sort(files, by_name=False), [], "the files listed", "")


def petrarch_files(folder: Path, include: Sequence[str] | None = None) -> list[Path]:
    """The PETRARCH dictionary files :func:`folder_selection` picks in ``folder``, in the order
    they are read: actors, agents, verbs, discards, issues; by name within a kind."""
    return folder_selection(folder, include).paths


def read_petrarch_report(paths: Iterable[str | Path | tuple[Path, str]], cameo: set[str] | None = None,
                         selection: Selection | None = None) -> tuple[Dictionaries, ImportReport]:
    """Read the given PETRARCH files into Dictionaries and a report. A path's kind comes from its
    name unless it is given as a (path, kind) pair (as PETR_config.ini gives it)."""
    t0 = time.perf_counter()
    reader = _Reader(cameo if cameo is not None else _bundled_cameo())
    import hashlib

    for item in paths:
        p, kind = (Path(item[0]), item[1]) if isinstance(item, tuple) else (Path(item), None)
        kind = kind or _classify(p.name)
        if kind is None:
            raise DictionaryError("is not a PETRARCH dictionary file name", file=p,
                                  fix="name it like *actors*.txt, *agents*.txt, *discards*.txt, *verbs*.txt, CAMEO*.txt or *Issue*.txt")
        try:
            digest = hashlib.sha256(p.read_bytes()).hexdigest()
        except OSError as exc:
            raise DictionaryError(f"cannot read the file ({exc.strerror})", file=p,
                                  fix="check the path and permissions") from None
        reader.d.sources.append((f"petrarch/{p.name}", digest))
        reader.r.files.append(p.name)
        getattr(reader, kind)(p)
    if selection is not None:
        reader.r.how = selection.how
        reader.r.left_out = [p.name for p in selection.left_out]
        reader.r.hint = selection.hint
    reader.r.seconds = time.perf_counter() - t0
    return reader.d, reader.r


def _with_warnings(d: Dictionaries, report: ImportReport) -> tuple[Dictionaries, list[Problem]]:
    d.warnings = report.problems()
    return d, list(d.warnings)


def read_petrarch_files(paths: Iterable[str | Path]) -> tuple[Dictionaries, list[Problem]]:
    return _with_warnings(*read_petrarch_report(paths))


def read_petrarch(dir: Path, include: Sequence[str] | None = None) -> tuple[Dictionaries, list[Problem]]:
    """Read a folder of PETRARCH-2 dictionaries (the files :func:`folder_selection` picks);
    problems are warnings about files left out and entries left out or changed."""
    sel = folder_selection(Path(dir), include)
    return _with_warnings(*read_petrarch_report(sel.files, selection=sel))


def read_petrarch_spec(spec: str) -> tuple[Dictionaries, list[Problem]]:
    """Read what a ``petrarch:`` spec names (the text after ``petrarch:``; see :func:`spec_selection`)."""
    sel = spec_selection(spec)
    return _with_warnings(*read_petrarch_report(sel.files, selection=sel))


def import_petrarch(dir: str | Path, out_dir: str | Path, include: Sequence[str] | None = None,
                    paths: Sequence[str | Path] | None = None) -> ImportReport:
    """Convert PETRARCH dictionaries to a native folder: those ``dir`` names (a folder, or a
    ``petrarch:``-style list of files and globs; see :func:`spec_selection`), or the files ``paths``."""
    from .writing import write_folder

    sel = None if paths else spec_selection(str(dir), include)
    d, report = read_petrarch_report(list(paths) if paths else sel.files, selection=sel)
    t0 = time.perf_counter()
    header = ("Imported from PETRARCH-2 dictionaries by 'eventcoder dictionaries import petrarch'.\n"
              "Sources: " + ", ".join(report.files) + "\nSee docs/petrarch-import.md for what changed.")
    report.written = write_folder(d, out_dir, header=header)
    report.seconds += time.perf_counter() - t0
    return report
