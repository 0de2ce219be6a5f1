"""Read TABARI/PETRARCH actor files into entries: the part shared by the importers.

``people_import`` (``eventcoder dictionaries import people``) and ``orgs_import`` (``... import
organizations``) both read TABARI-format actors files such as PETRARCH-2's Phoenix lists. This
module holds what they share: the entry reader (name lines, ``+ALIAS`` lines, ``[CODE DATES]``
specs), the spec and date parsing, name conversion and comparison, the common parts of the
imported entries and of the import report, and reading the hand-curated native actor files that
win over imported entries.

TABARI conventions read here:

- an entry is a name line (``MUSLIM_BROTHERHOOD_ [EGYOPP]``, ``LULA_DA_SILVA_  # CountryInfo.txt``),
  ``+ALIAS`` lines and indented code lines ``[BRAGOV 950101-030101]``; ``#`` starts a comment;
- dates are YYMMDD (YY 00..30 = 20YY, otherwise 19YY) or YYYYMMDD; ``>D`` from D on, ``<D``
  until D, ``A-B`` both ends inclusive, no date = always.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from ..errors import DictionaryError, OutputError
from .model import ACTOR_CODE_RE, DatedCode, Origin
from .native import normalize_phrase, parse_dated_code, phrase_key

PIVOT_YEAR = 30  # YYMMDD: YY <= 30 is 20YY (TABARI, KEDS and PETRARCH read two-digit years so)

PARTICLES = frozenset("da de del la le al el bin ibn van von der di do dos".split())
ACRONYMS = frozenset({"US", "USA", "UK", "UN", "EU", "AU", "NATO"})

SPEC_RE = re.compile(r"\[([^\]]*)\]")
_DIGITS = re.compile(r"^\d+$")
_ROMAN = re.compile(r"^[IVX]{2,5}$")


# ----------------------------------------------------------------------------------------------
# Dates and code specs


def parse_day(text: str) -> dt.date | None:
    """``YYMMDD`` (YY <= 30: 20YY) or ``YYYYMMDD``; None when malformed or not a real day."""
    if not _DIGITS.match(text) or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year, rest = (2000 + yy if yy <= PIVOT_YEAR else 1900 + yy), text[2:]
    else:
        year, rest = int(text[:4]), text[4:]
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:]))
    except ValueError:
        return None


@dataclass
class Spec:
    """One TABARI code line: ``dated`` is False for a code without any date."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None
    dated: bool = True


def parse_spec(text: str, note: Callable[[str, str], None] | None = None, who: str = "") -> Spec | None:
    """``BRAGOV 950101-030101``, ``BRAGOV >030101``, ``BRAGOV <030101``, ``BRAELI`` -> Spec.
    A bare date (``MNEGOV 20121204``) is read as ``>DATE``. Malformed codes or dates: None
    (``note(reason, what)`` is told why)."""
    def drop(reason: str, what: str) -> None:
        if note is not None:
            note(reason, what)

    parts = text.split()
    if not parts:
        return None
    code, rest = parts[0], "".join(parts[1:])
    if not ACTOR_CODE_RE.match(code):
        drop("malformed code (not 3-letter upper-case blocks)", f"{who}: [{text}]")
        return None
    if not rest:
        return Spec(code, dated=False)
    op = rest[0] if rest[0] in "<>" else ""
    body = rest[1:] if op else rest
    if op or "-" not in body:
        day = parse_day(body)
        if day is None:
            drop("malformed date (not YYMMDD or YYYYMMDD)", f"{who}: [{text}]")
            return None
        if not op:
            drop("bare date read as 'from DATE on' (kept)", f"{who}: [{text}]")
        return Spec(code, end=day) if op == "<" else Spec(code, start=day)
    a, _, b = body.partition("-")
    lo, hi = parse_day(a), parse_day(b)
    if lo is None or hi is None:
        drop("malformed date (not YYMMDD or YYYYMMDD)", f"{who}: [{text}]")
        return None
    if hi < lo:
        drop("range ends before it starts", f"{who}: [{text}]")
        return None
    return Spec(code, lo, hi)


# ----------------------------------------------------------------------------------------------
# Names


def convert_name(raw: str) -> str:
    """``LUIZ_INACIO_LULA_DA_SILVA_`` -> ``Luiz Inacio Lula da Silva``: title case, particles in
    lower case (except as the first word), hyphens and apostrophes kept (``O'Brien``,
    ``al-Sabah``), Roman numerals (``II``), acronyms (``US``) and ``Mc`` names kept readable."""
    words = [w for w in re.split(r"[_\s]+", raw.replace("`", "'")) if w]
    out = []
    for i, word in enumerate(words):
        parts = word.split("-")
        conv = []
        for j, part in enumerate(parts):
            low = part.lower()
            if (i or j) and low in PARTICLES and (j < len(parts) - 1 or len(parts) == 1):
                conv.append(low)
            elif _ROMAN.match(part) or part in ACRONYMS:
                conv.append(part)
            else:
                conv.append(_cap(low))
        out.append("-".join(conv))
    return " ".join(out)


def _cap(word: str) -> str:
    if not word:
        return word
    if "'" in word:
        head, _, tail = word.partition("'")
        if len(head) == 1 and tail:  # O'Brien, D'Alema
            return head.upper() + "'" + _cap(tail)
        return _cap(head) + "'" + tail
    if word.startswith("mc") and len(word) > 3:
        return "Mc" + word[2].upper() + word[3:]
    return word[0].upper() + word[1:]


def readable(name: str, symbols: str, *, numerals: bool = False) -> bool:
    """Only letters, digits (``numerals``: any numeral, such as ``½``) and ``symbols``; a letter
    at least; no replacement character (stray bytes)."""
    return bool(name) and all(ch.isalpha() or ch.isdigit() or (numerals and ch.isnumeric()) or ch in symbols
                              for ch in name) \
        and "\ufffd" not in name and any(ch.isalpha() for ch in name)


def key(phrase: str) -> str:
    """Names compare case-insensitively with whitespace normalised."""
    return " ".join(phrase.split()).lower()


def distinct(names: Iterable[str], key: Callable[[str], str] = key) -> list[str]:
    """The names in order, but for those with the ``key`` of an earlier one."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        k = key(name)
        if k not in seen:
            seen.add(k)
            out.append(name)
    return out


# ----------------------------------------------------------------------------------------------
# Reading a TABARI actors file


@dataclass
class Entry:
    """One entry of a TABARI actors file, as written: its name lines (usually one; with
    ``join_uncoded`` the earlier ones had no code), the text after each ``+`` and its specs."""

    lines: list[tuple[str, int]]  # (name line stripped, comment kept; its number); "" for no name line
    country_info: bool = False  # a CountryInfo.txt entry (a person of Phoenix.Countries)
    aliases: list[str] = field(default_factory=list)  # '+' lines without the '+', comment kept
    specs: list[Spec] = field(default_factory=list)
    bad_specs: list[str] = field(default_factory=list)  # malformed codes or dates, as written
    notes: list[tuple[str, str]] = field(default_factory=list)  # why code lines were left out
    comments: str = ""  # the comments of the name and code lines
    inline: bool = False  # a code on the name line: a header (country, region, organisation)

    @property
    def raw(self) -> str:
        return self.lines[0][0]

    @property
    def line(self) -> int:
        return self.lines[0][1]

    @property
    def name_parts(self) -> list[str]:
        """The name lines without their comments."""
        return [text.partition("#")[0].strip() for text, _ in self.lines]

    @property
    def alias_parts(self) -> list[str]:
        """The aliases without comments, several on one line (``+A_ +B_``) apart."""
        return [a.strip() for text in self.aliases for a in re.split(r"\s*\+", text.partition("#")[0]) if a.strip()]


def entries(path: Path, *, fix: str, countryinfo: bool = False, join_uncoded: bool = False) -> list[Entry]:
    """The entries of a TABARI actors file (``fix``: the advice when it cannot be read).

    ``countryinfo``: the layout of Phoenix.Countries: an indented ``# CountryInfo.txt`` comment
    opens an entry with no name line, other indented lines are not names. ``join_uncoded``: a
    name line with no code shares the codes of the next (as PETRARCH reads it)."""
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"cannot read the file ({exc.strerror})", file=path, fix=fix) from None
    out: list[Entry] = []
    cur: Entry | None = None
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        indented = line[:1].isspace()
        if stripped.startswith("#"):
            if countryinfo and indented and "countryinfo.txt" in stripped.lower():
                cur = Entry([("", n)], True)  # a name line with no name: codes follow, no name
                out.append(cur)
            continue
        body, _, comment = stripped.partition("#")
        if stripped.startswith("["):
            if cur is not None:
                who = cur.raw or f"line {cur.line}"
                _add_specs(cur, body, lambda r, w, e=cur: e.notes.append((r, w)), who)
                cur.comments += " " + comment
            continue
        if stripped.startswith("+"):
            if cur is not None:
                cur.aliases.append(stripped[1:])
            continue
        if countryinfo and indented:
            continue
        if join_uncoded and cur is not None and not cur.specs and not cur.bad_specs:
            cur.lines.append((stripped, n))
        else:
            cur = Entry([(stripped, n)], "countryinfo.txt" in stripped.lower())
            out.append(cur)
        cur.comments += " " + comment
        if SPEC_RE.search(body):
            cur.inline = True
            _add_specs(cur, body, None, stripped)
    return out


def _add_specs(e: Entry, body: str, note: Callable[[str, str], None] | None, who: str) -> None:
    for spec_text in SPEC_RE.findall(body):
        spec = parse_spec(spec_text.strip(), note, who)
        if spec is None:
            e.bad_specs.append(spec_text.strip())
        else:
            e.specs.append(spec)


# ----------------------------------------------------------------------------------------------
# What the importers make


@dataclass
class Actor:
    """One imported entry: ``names[0]`` is its name, the rest aliases."""

    names: list[str]
    codes: list[DatedCode]

    @property
    def name(self) -> str:
        return self.names[0]

    def native_line(self) -> str:
        return f"{' | '.join(self.names)} = {', '.join(str(c) for c in self.codes)}"


@dataclass
class ImportReport:
    """Counts of what an import read and left out: entries skipped, phrases or codes dropped,
    with up to five examples of each reason."""

    read: int = 0
    skipped: Counter = field(default_factory=Counter)  # reason -> entries
    dropped: Counter = field(default_factory=Counter)  # reason -> names, aliases, codes, ranges
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def skip(self, reason: str, what: str) -> None:
        self.skipped[reason] += 1
        self._example(reason, what)

    def drop(self, reason: str, what: str, n: int = 1) -> None:
        self.dropped[reason] += n
        self._example(reason, what)

    def _example(self, reason: str, what: str) -> None:
        if len(self.examples[reason]) < 5:
            self.examples[reason].append(what)

    def _summary(self, head: list[str], skipped: str, dropped: str, details: int) -> str:
        """``head``, then the skipped and the dropped counts by reason (``details`` examples each)."""
        lines = list(head)
        for title, counts in ((skipped, self.skipped), (dropped, self.dropped)):
            lines.append(f"{title}: {sum(counts.values())}")
            for reason, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"  {n:6d}  {reason}")
                lines.extend(f"          e.g. {e}" for e in self.examples[reason][:details])
        return "\n".join(lines)


A = TypeVar("A", bound=Actor)


def keep_names(actors: Iterable[A], why_dropped: Callable[[int, A, str], tuple[str, str] | None],
               report: ImportReport, skip_reason: str) -> list[A]:
    """Each actor's names but those ``why_dropped(index, actor, name)`` gives a (reason, example)
    for (counted as dropped); an actor left with no name is skipped (``skip_reason``)."""
    kept: list[A] = []
    for i, a in enumerate(actors):
        names = []
        for n in a.names:
            why = why_dropped(i, a, n)
            if why is not None:
                report.drop(*why)
                continue
            names.append(n)
        if not names:
            report.skip(skip_reason, a.name)
            continue
        a.names = names
        kept.append(a)
    return kept


def format_file(head: list[str], actors: Iterable[A], block: Callable[[A], str],
                heading: Callable[[A], str]) -> str:
    """A generated native file: the ``head`` lines, then the actors, a blank line and a
    ``heading`` line before each run of the same ``block``."""
    lines = list(head)
    current = None
    for a in actors:
        if block(a) != current:
            current = block(a)
            lines.append("")
            lines.append(heading(a))
        lines.append(a.native_line())
    return "\n".join(lines) + "\n"


def write_file(out: str | Path, text: str) -> Path:
    """Write a generated native file (creating its folder); returns the path written."""
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write the file ({exc.strerror})", file=out,
                          fix="choose a writable path") from None
    return out


# ----------------------------------------------------------------------------------------------
# The native actor files that win


def read_actor_phrases(paths: Iterable[str | Path], *, names_only: bool = False
                       ) -> dict[str, list[tuple[str, list[DatedCode]]]]:
    """Phrase key -> [(entry name, codes)] of native actor files (to find clashes), in file
    order; ``names_only``: only each entry's name (its first phrase)."""
    out: dict[str, list[tuple[str, list[DatedCode]]]] = defaultdict(list)
    for path in paths:
        path = Path(path)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            body = line.split("#", 1)[0].strip()
            if not body or body.startswith("@") or "=" not in body:
                continue
            lhs, rhs = body.rsplit("=", 1)
            phrases = [normalize_phrase(p) for p in lhs.split("|") if p.strip()]
            if not phrases:
                continue
            try:
                codes = [parse_dated_code(c.strip(), Origin(str(path), n), phrases[0])
                         for c in rhs.split(",") if c.strip()]
            except DictionaryError:
                continue
            for p in phrases[:1] if names_only else phrases:
                out[phrase_key(p)].append((phrases[0], codes))
    return out


def country_table(paths: Iterable[str | Path]) -> dict[str, str]:
    """CAMEO country code -> name, from native country files: a block comment ``# South Sudan
    (SSD)`` names its code; otherwise the first entry coded with the bare 3-letter code
    (``Madagascar | Republic of Madagascar = MDG``) does."""
    out: dict[str, str] = {}
    header = re.compile(r"^#\s*(.+?)\s*\(([A-Z]{3})\)\s*$")
    paths = list(paths)
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            m = header.match(line.strip())
            if m:
                out.setdefault(m.group(2), re.sub(r"\s*\([^)]*\)", "", m.group(1)).strip())
    for name_codes in read_actor_phrases(paths, names_only=True).values():
        for name, codes in name_codes:
            for c in codes:
                if len(c.code) == 3:
                    out.setdefault(c.code, name)
    return out


def curated_phrases(paths: Iterable[str | Path]) -> list[str]:
    """Every name and alias of native actor files (the hand-curated entries that win)."""
    out = []
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            body = line.split("#", 1)[0].strip()
            if body and not body.startswith("@") and "=" in body:
                out.extend(p.strip() for p in body.rsplit("=", 1)[0].split("|") if p.strip())
    return out
