"""Lint: findings that do not stop dictionaries from loading but are probably mistakes.

Every finding is a :class:`Problem` with severity "warning":

- the same phrase listed twice with the same code (in two actor entries, or two agent entries);
- gaps in a person's date ranges (days between two ranges on which the person has no code);
- agents that never compose: a code that is not made of upper-case 3-letter blocks;
- verb pattern codes that are not in the CAMEO table.
"""

from __future__ import annotations

import datetime as dt
import re

from .model import NO_EVENT, Dictionaries, Problem
from .native import phrase_key

_BLOCKS = re.compile(r"^(?:[A-Z]{3})+$")


def lint(d: Dictionaries) -> list[Problem]:
    out: list[Problem] = []
    out += _duplicate_actors(d)
    out += _duplicate_agents(d)
    out += _person_gaps(d)
    out += _agents_never_compose(d)
    out += _unknown_event_codes(d)
    return out


def _warn(origin, entry: str, message: str, fix: str) -> Problem:
    return Problem(origin, entry, message, fix, "warning")


def _duplicate_actors(d: Dictionaries) -> list[Problem]:
    out = []
    first: dict[tuple[str, tuple[str, ...]], object] = {}
    for a in d.actors:
        codes = tuple(str(c) for c in a.codes)
        for key in dict.fromkeys(phrase_key(p) for p in a.phrases):
            k = (key, codes)
            if k in first:
                prev = first[k]
                out.append(_warn(a.origin, key, f"listed again with the same code {', '.join(codes)} "
                                 f"(first in '{prev.name}' at {prev.origin}).",
                                 "remove one of the two"))
            else:
                first[k] = a
    return out


def _duplicate_agents(d: Dictionaries) -> list[Problem]:
    out = []
    first: dict[tuple[str, str, bool], object] = {}
    for g in d.agents:
        for key in dict.fromkeys(phrase_key(p) for p in g.phrases):
            k = (key, g.code, g.prefix)
            if k in first:
                prev = first[k]
                out.append(_warn(g.origin, key, f"agent listed again with the same code {g.code} "
                                 f"(first at {prev.origin}).", "remove one of the two"))
            else:
                first[k] = g
    return out


def _person_gaps(d: Dictionaries) -> list[Problem]:
    out = []
    for a in d.actors:
        if a.type != "person" or len(a.codes) < 2:
            continue
        if any(c.start is None and c.end is None for c in a.codes):
            continue  # a code for every day
        ranges = sorted(a.codes, key=lambda c: c.start or dt.date.min)
        for x, y in zip(ranges, ranges[1:]):
            if x.end is None or y.start is None:
                continue
            if (y.start - x.end).days > 1:
                lo = x.end + dt.timedelta(days=1)
                hi = y.start - dt.timedelta(days=1)
                out.append(_warn(a.origin, a.name, f"no code from {lo} to {hi} (between {x} and {y}).",
                                 "extend a range, or add a code for the gap if the person was active then"))
    return out


def _agents_never_compose(d: Dictionaries) -> list[Problem]:
    return [
        _warn(g.origin, g.name, f"agent code '{g.code}' is not made of 3-letter blocks, so it never "
              "composes onto an actor code.", "use upper-case 3-letter blocks, e.g. GOV, MIL, REB")
        for g in d.agents if not _BLOCKS.match(g.code)
    ]


def _unknown_event_codes(d: Dictionaries) -> list[Problem]:
    if not d.cameo:
        return []
    out = []
    for v in d.verbs:
        for code in (v.code, v.passive_code):
            if code is not None and code != NO_EVENT and code not in d.cameo:
                out.append(_warn(v.origin, v.text, f"code {code} is not a CAMEO code in cameo.txt.",
                                 "use a listed code or '---'"))
    return out
