"""Import people (office holders) from a PETRARCH/TABARI actors file into native person entries.

A maintainer tool behind ``eventcoder dictionaries import people``: it reads a TABARI-format
actors file such as PETRARCH-2's ``Phoenix.Countries.actors.txt`` (generated from CountryInfo
2014-01-30), keeps the people who held an office (any code whose agent is not only ELI) on some
day since ``since``, turns their TABARI date restrictions into disjoint inclusive native ranges
and writes them as ``dictionaries/actors/*.txt`` lines (see docs/dictionaries.md, "Importing
people"). Entries named in the hand-curated dictionary are skipped: the curated entry wins.

TABARI conventions read here (checked on the Phoenix file; :mod:`.tabari` reads it):

- an entry is a name line (``LUIZ_INACIO_LULA_DA_SILVA_  # CountryInfo.txt``), ``+ALIAS`` lines
  and indented code lines ``[BRAGOV 950101-030101]``; ``NAME_ [BRA]`` lines are country headers;
- dates are YYMMDD (YY 00..30 = 20YY, otherwise 19YY: the file has no YY from 15 to 30) or
  YYYYMMDD; ``>D`` from D on, ``<D`` until D, ``A-B`` both ends inclusive, no date = always (an
  undated code after dated ones covers the days after the last range, one before them the days
  before the first).

Between two offices a person is still a notable of the country: a gap between two ranges of one
country is filled with ``<COUNTRY>ELI`` (:func:`fill_gaps`); a gap between two countries is left.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import DictionaryError
from .model import DatedCode
from .native import phrase_key
from .tabari import (Actor, Entry, ImportReport, Spec, convert_name, distinct, entries, format_file, keep_names, key,
                     readable, write_file)

SOURCE_DATE = dt.date(2014, 1, 30)  # CountryInfo.140130: Phoenix knows nothing later
DEFAULT_SINCE = dt.date(1990, 1, 1)

# First blocks that are not a country: no "<COUNTRY>ELI" can follow a closed office there.
NON_STATE = frozenset("IGO NGO IMG MNC UIS UAF REB INS".split())
# Names of the non-state first blocks, for the ``# <Country>`` comments.
GROUP_NAMES = {"IGO": "International organisations", "NGO": "Non-governmental organisations",
               "IMG": "International militant groups", "MNC": "Companies"}
# Office titles: 'Minister Sulukhia' is a single-word name (surname-only matches misfire).
TITLES = frozenset("""president minister prime acting secretary general chancellor premier vice deputy
    former foreign defense defence finance interior""".split())
# Words that mark a non-CountryInfo entry as an organisation, a place or a title, not a person.
_NOT_A_PERSON = frozenset("""
    PARTY COUNCIL ASSEMBLY AUTHORITY MOVEMENT ARMY FRONT BRIGADE BRIGADES STATE COALITION
    OBSERVATORY FORCE FORCES SOVIET SOVIETS SECRETARY REPUBLIC CONGRESS KURDISTAN SFSR TASK UNION
    NATIONALITIES JAISH JAYSH COMMITTEE MINISTRY GOVERNMENT ORGANIZATION ORGANISATION
    LEAGUE CONFEDERATION FEDERATION KINGDOM EMIRATE COMMISSION PARLIAMENT SENATE
""".split())


# ----------------------------------------------------------------------------------------------
# Results


@dataclass
class Person(Actor):
    """One imported person: ``names[0]`` is the name, the rest aliases; ``country`` the CAMEO
    country code the person's offices belong to (sorting and the ``# <Country>`` comment)."""

    country: str
    line: int
    gaps_filled: int = 0  # gaps between two ranges of one country, filled with <COUNTRY>ELI
    gaps_left: int = 0  # gaps between ranges of two countries (or non-state blocks), left open


@dataclass
class PeopleImport(ImportReport):
    """What :func:`read_people` found: the people kept and counts of everything left out."""

    people: list[Person] = field(default_factory=list)
    countries: dict[str, str] = field(default_factory=dict)  # code -> name from the file's headers

    def summary(self, details: int = 0) -> str:
        filled = sum(p.gaps_filled for p in self.people)
        left = sum(p.gaps_left for p in self.people)
        return self._summary([f"people read: {self.read}", f"people kept: {len(self.people)}",
                              f"gaps between two offices of one country filled with <COUNTRY>ELI: {filled}",
                              f"gaps between two countries left without a code: {left}"],
                             "people skipped", "left out of kept or skipped people", details)


# ----------------------------------------------------------------------------------------------
# Names and offices


def _clean_raw_name(text: str) -> tuple[str, list[str]]:
    """The name part of a name or alias line, and any quoted nicknames in it."""
    text = text.split("#", 1)[0].split("[", 1)[0]
    nicks = re.findall(r'"([^"]*)"', text)
    text = re.sub(r'"[^"]*"', "_", text)
    text = re.split(r"[(,]", text, maxsplit=1)[0]  # '(ACTING_', ', BARON_...': a remark follows
    return text.strip(), [n for n in nicks if n.strip("_ ")]


def is_office(code: str) -> bool:
    """GOV, MIL, REB, OPP, JUD, LEG, SPY...: a code whose agent part is not empty and not only ELI."""
    blocks = [code[i:i + 3] for i in range(3, len(code), 3)]
    return bool(blocks) and any(b != "ELI" for b in blocks)


# ----------------------------------------------------------------------------------------------
# Ranges


_DAY = dt.timedelta(days=1)


def _lo(d: DatedCode) -> dt.date:
    return d.start or dt.date.min


def normalize_ranges(codes: Sequence[DatedCode], result: PeopleImport | None = None,
                     who: str = "") -> list[DatedCode]:
    """Sort by start and make ranges disjoint: where one overlaps the next (or shares its first
    day) the earlier ends the day before the later starts; ranges left with no day are dropped.
    Touching or overlapping closed ranges of one code are merged (their union); an open-ended
    range is ended by a later one of the same code like by any other. Among ranges starting on
    the same day, the one given last wins."""
    order = sorted(enumerate(codes), key=lambda ic: (_lo(ic[1]), ic[0]))
    out: list[DatedCode] = []
    for _, c in order:
        while out:
            prev = out[-1]
            if prev.code == c.code and prev.end is not None and prev.end + _DAY >= _lo(c):
                ends = [prev.end, c.end]
                end = None if None in ends else max(ends)
                out[-1] = DatedCode(c.code, prev.start, end)
                c = None
                break
            if prev.end is not None and prev.end < _lo(c):
                break
            if c.start is None:  # both open at the start: the later one wins
                out.pop()
                if result is not None:
                    result.drop("range with no day left (overlap)", who)
                continue
            new_end = c.start - _DAY
            if prev.start is not None and new_end < prev.start:
                out.pop()
                if result is not None:
                    result.drop("range with no day left (overlap)", who)
                continue
            out[-1] = DatedCode(prev.code, prev.start, new_end)
            break
        if c is not None:
            out.append(c)
    # A merge can make a range reach the next one: one more pass merges/clips the touching ones.
    final: list[DatedCode] = []
    for c in out:
        if final and final[-1].code == c.code and final[-1].end is not None and final[-1].end + _DAY >= _lo(c):
            end = None if c.end is None or final[-1].end is None else max(c.end, final[-1].end)
            final[-1] = DatedCode(c.code, final[-1].start, end)
        else:
            final.append(c)
    return final


def resolve(specs: Sequence[Spec], *, cutoff: dt.date = SOURCE_DATE, result: PeopleImport | None = None,
            who: str = "") -> list[DatedCode]:
    """TABARI code specs of one person (in file order) -> disjoint, sorted native ranges.

    Dated specs become ranges (overlaps resolved by :func:`normalize_ranges`); an undated code
    before the first dated one covers the days before the first range, one after the last dated
    one the days after the last range, and a lone undated code every day. An open-ended office
    (not ELI) is closed at ``cutoff`` (the source's date) and followed by ``<COUNTRY>ELI`` from
    the next day; an open office that starts after ``cutoff`` (a later hand edit) is dropped."""
    def drop(reason: str) -> None:
        if result is not None:
            result.drop(reason, who)

    dated_at = [i for i, s in enumerate(specs) if s.dated]
    if not dated_at:
        undated = list(specs)
        if not undated:
            return []
        if len({s.code for s in undated}) > 1:
            drop("several undated codes and no dates: the first is used")
        ranges = [DatedCode(undated[0].code)]
        leading: list[Spec] = []
        trailing: list[Spec] = []
    else:
        first, last = dated_at[0], dated_at[-1]
        leading = [s for s in specs[:first] if not s.dated]
        trailing = [s for s in specs[last + 1:] if not s.dated]
        middle = [s for s in specs[first:last + 1] if not s.dated]
        for _ in middle:
            drop("undated code between dated ones (dropped)")
        ranges = []
        for s in specs:
            if not s.dated:
                continue
            if s.end is None and s.start is not None and s.start > cutoff and is_office(s.code):
                drop(f"open office starting after the source date {cutoff} (dropped)")
                continue
            ranges.append(DatedCode(s.code, s.start, s.end))
        ranges = normalize_ranges(ranges, result, who)
        if not ranges:
            return []
        if leading:
            if len(leading) > 1:
                drop("several undated codes before the dated ones: the first is used")
            if ranges[0].start is not None:
                ranges.insert(0, DatedCode(leading[0].code, None, ranges[0].start - _DAY))
            else:
                drop("undated code before an open-start range (no day left)")
    ranges = _close_open_office(ranges, cutoff)
    if trailing:
        if len(trailing) > 1:
            drop("several undated codes after the dated ones: the first is used")
        tail = ranges[-1] if ranges else None
        if tail is None:
            return []
        if tail.end is None:  # an open ELI range (an open office was closed above)
            if tail.code != trailing[0].code:
                drop("undated code after an open range (no day left)")
        else:
            ranges.append(DatedCode(trailing[0].code, tail.end + _DAY, None))
            ranges = _close_open_office(ranges, cutoff)
    return normalize_ranges(ranges, result, who)


def fill_gaps(codes: Sequence[DatedCode]) -> tuple[list[DatedCode], int, int]:
    """Fill each gap between two ranges of the same country with ``<COUNTRY>ELI`` for exactly
    the gap's days (between offices the person is still a notable of the country), so ranges
    still meet without overlapping; ``codes`` must be sorted and disjoint (:func:`normalize_ranges`).
    A gap between two countries, or between non-state blocks (IGO, NGO...), is left as it is.
    Returns the ranges (touching ranges of one code merged) and the numbers of gaps filled and left."""
    out: list[DatedCode] = []
    filled = left = 0
    for x, y in zip(codes, codes[1:]):
        out.append(x)
        if x.end is None or y.start is None or (y.start - x.end).days <= 1:
            continue
        country = x.code[:3]
        if country == y.code[:3] and country not in NON_STATE:
            out.append(DatedCode(country + "ELI", x.end + _DAY, y.start - _DAY))
            filled += 1
        else:
            left += 1
    out.extend(codes[-1:])
    return (normalize_ranges(out) if filled else out), filled, left


def _close_open_office(ranges: list[DatedCode], cutoff: dt.date) -> list[DatedCode]:
    if not ranges:
        return ranges
    tail = ranges[-1]
    if tail.end is not None or not is_office(tail.code):
        return ranges
    if tail.start is not None and tail.start > cutoff:
        return ranges[:-1]
    out = ranges[:-1] + [DatedCode(tail.code, tail.start, cutoff)]
    if tail.code[:3] not in NON_STATE:
        out.append(DatedCode(tail.code[:3] + "ELI", cutoff + _DAY, None))
    return out


# ----------------------------------------------------------------------------------------------
# Reading the file


def _read_entries(path: Path) -> list[Entry]:
    return entries(path, countryinfo=True,
                   fix="check the path (give the PETRARCH actors file, e.g. Phoenix.Countries.actors.txt)")


def _readable(name: str) -> bool:
    return readable(name, " .'-")


def _country_names(entries: Iterable[Entry]) -> dict[str, str]:
    names: dict[str, str] = {}
    fallback: dict[str, str] = {}
    for e in entries:
        if e.country_info:
            continue
        raw, _ = _clean_raw_name(e.raw)
        if not raw or not _readable(raw.replace("_", " ")):
            continue
        for s in e.specs:
            if len(s.code) == 3:
                target = names if e.inline else fallback
                if s.code not in target and (e.inline or s.end is None):
                    target[s.code] = convert_name(raw)
    for k, v in fallback.items():
        names.setdefault(k, v)
    return names


def _looks_like_person(e: Entry) -> bool:
    if e.country_info:
        return True
    if e.inline or not any(s.dated for s in e.specs):
        return False
    if any(len(s.code) == 3 for s in e.specs):
        return False  # a country, region or city with dated codes (a bare country code)
    words = set(re.split(r"[_\s\-]+", e.raw.split("#", 1)[0].upper()))
    return not (words & _NOT_A_PERSON)


def _country_of(codes: Sequence[DatedCode], fallback: str) -> str:
    offices = [c for c in codes if is_office(c.code) and c.code[:3] not in NON_STATE]
    pick = offices or [c for c in codes if c.code[:3] not in NON_STATE] or list(codes)
    if not pick:
        return fallback
    latest = max(pick, key=lambda c: (c.end or dt.date.max, _lo(c)))
    return latest.code[:3]


def read_people(path: str | Path, *, since: dt.date = DEFAULT_SINCE, exclude: Iterable[str] = (),
                cutoff: dt.date = SOURCE_DATE, countries: dict[str, str] | None = None) -> PeopleImport:
    """Read a PETRARCH/TABARI actors file and return the people to import as native entries.

    ``exclude``: names and aliases of hand-curated entries; a person with any of them is skipped.
    ``countries``: CAMEO country code -> name (see :func:`country_table`); when given, codes of
    any other country (TABARI's fictional test country Kinakuta, KNT) are dropped and the names
    head the ``# <Country>`` blocks. Rules: see docs/dictionaries.md ("Importing people")."""
    path = Path(path)
    if not path.is_file():
        raise DictionaryError("is not a file", file=path,
                              fix="give the PETRARCH actors file, e.g. petrarch:DIR/Phoenix.Countries.actors.txt")
    result = PeopleImport()
    entries = _read_entries(path)
    result.countries = {**_country_names(entries), **GROUP_NAMES, **(countries or {})}
    excluded = {key(p) for p in exclude}

    # 1. Entries -> candidate people (names, ranges), grouped by (country, name) to merge repeats.
    groups: dict[tuple[str, str], list[tuple[list[str], list[DatedCode], int]]] = {}
    order: list[tuple[str, str]] = []
    for e in entries:
        if not _looks_like_person(e):
            continue
        result.read += 1
        who = e.raw.split("#", 1)[0].strip() or f"line {e.line}"
        for reason, what in e.notes:
            result.drop(reason, what)
        names = _names(e, result, who)
        specs = e.specs
        if countries is not None:
            specs = [s for s in specs if s.code[:3] in countries or s.code[:3] in NON_STATE]
            for s in e.specs:
                if s not in specs:
                    result.drop("code of a country not in countries.txt (dropped)", f"{who}: {s.code}")
        codes = resolve(specs, cutoff=cutoff, result=result, who=who)
        if not names:
            result.skip("no name of two or more words", who)
            continue
        if not codes:
            result.skip("no valid code", who)
            continue
        if not any(is_office(c.code) and (c.end is None or c.end >= since) for c in codes):
            result.skip(f"no office (non-ELI code) on any day since {since}", who)
            continue
        if any(key(n) in excluded for n in names):
            result.skip("named in the hand-curated dictionary (it wins)", who)
            continue
        country = _country_of(codes, "")
        k = (country, key(names[0]))
        if k not in groups:
            groups[k] = []
            order.append(k)
        else:
            result.drop("repeated entry merged into the first (same name and country)", who)
        groups[k].append((names, codes, e.line))

    people: list[Person] = []
    for k in order:
        parts = groups[k]
        names: list[str] = []
        codes: list[DatedCode] = []
        for ns, cs, _ in parts:
            names.extend(n for n in ns if key(n) not in {key(x) for x in names})
            codes.extend(cs)
        if len(parts) > 1:
            codes = normalize_ranges(codes, result, names[0])
            codes = _close_open_office(codes, cutoff)
        codes, filled, left = fill_gaps(codes)
        people.append(Person(names, codes, k[0], parts[0][2], filled, left))

    # 2. A phrase shared by two people is ambiguous: dropped from both.
    owners: dict[str, set[int]] = defaultdict(set)
    for i, p in enumerate(people):
        for n in p.names:
            owners[key(n)].add(i)

    def shared(i: int, p: Person, n: str) -> tuple[str, str] | None:
        others = owners[key(n)] - {i}
        if not others:
            return None
        if any(people[j].country != p.country for j in others):
            return "name or alias shared with a person of another country (ambiguous)", n
        return "name or alias shared with another person of the same country (ambiguous)", n

    result.people = keep_names(people, shared, result, "every name is shared with another person (ambiguous)")
    sort_people(result)
    return result


def _names(e: Entry, result: PeopleImport, who: str) -> list[str]:
    out: list[str] = []
    raws = [e.raw] + e.aliases
    for i, raw in enumerate(raws):
        text, nicks = _clean_raw_name(raw)
        for cand in [text] + nicks:
            if not cand:
                continue
            name = convert_name(cand)
            if not _readable(name):
                result.drop("unreadable name or alias (stray bytes or symbols)", f"{who}: {cand}")
                continue
            if len([w for w in name.split() if w.lower() not in TITLES]) < 2:
                result.drop("single-word name or alias (titles not counted)", f"{who}: {name}")
                continue
            out.append(name)
    return distinct(out)


def sort_people(result: PeopleImport) -> None:
    """By country name, then by person name (deterministic)."""
    result.people.sort(key=lambda p: (country_name(result, p.country).lower(), p.country,
                                      p.name.lower(), p.name, p.line))


def country_name(result: PeopleImport, code: str) -> str:
    return result.countries.get(code, code)


# ----------------------------------------------------------------------------------------------
# Clashes with other actor entries


def drop_clashes(result: PeopleImport, others: dict[str, list[tuple[str, list[DatedCode]]]]) -> None:
    """Drop a generated name that another actor entry gives another code on a day it applies
    (``others``: see :func:`.tabari.read_actor_phrases`)."""
    def clash(_: int, p: Person, n: str) -> tuple[str, str] | None:
        for other, codes in others.get(phrase_key(n), []):
            if any(x.code != y.code and x.overlaps(y) for x in p.codes for y in codes):
                return "name clashes with a country or organisation entry (dropped)", f"{n} ~ {other}"
        return None

    result.people = keep_names(result.people, clash, result, "every name clashes with a country or organisation entry")
    sort_people(result)


# ----------------------------------------------------------------------------------------------
# Writing


HEADER = """\
# People of the world: generated from public facts in PETRARCH-2's Phoenix.Countries.actors.txt
# (CountryInfo 2014-01-30) by `eventcoder dictionaries import people`. Do not edit by hand:
# rerun the command. The hand-curated dictionaries/actors/people.txt always wins (its people are
# left out here). Rules:
# - kept: people holding an office (a code whose agent is not only ELI) on some day since {since};
# - names title-cased; single-word names and aliases shared with another person are dropped;
# - ranges are inclusive and disjoint (an overlapped range ends the day before the next starts);
# - a gap between two offices of one country is <COUNTRY>ELI; a gap between two countries is left;
# - Phoenix knows nothing after 2014-01-30: an open office ends then, followed by <COUNTRY>ELI;
# - malformed codes and dates are dropped; a name clashing with a country/organisation is dropped.
"""


def format_people(result: PeopleImport, *, since: dt.date = DEFAULT_SINCE) -> str:
    """The native file text: header, ``@type person``, a ``# <Country>`` block per country."""
    return format_file([HEADER.format(since=since).rstrip("\n"), "@type person"], result.people,
                       lambda p: p.country, lambda p: f"# {country_name(result, p.country)}")


def write_people(result: PeopleImport, out: str | Path, *, since: dt.date = DEFAULT_SINCE) -> Path:
    """Write the people as a native actors file; returns the path written."""
    return write_file(out, format_people(result, since=since))
