"""Lint: findings that do not stop dictionaries from loading but are probably mistakes.

Every finding is a :class:`Problem` with severity "warning":

- the same phrase listed twice with the same code (in two actor entries, or two agent entries);
- gaps in a person's date ranges (days between two ranges on which the person has no code);
- agents that never compose, judged by how the coder matches them (``actors.find_hits``: the
  longest phrase wins, an actor wins a tie with an agent, the earliest agent wins a tie between
  agents; a sentence holding a discard phrase is dropped before any matching):
  an agent phrase (or its generated plural) that is also an actor phrase, one that an earlier
  agent entry already gives another code, one that contains a sentence or story discard phrase.
  (An agent code is not checked against country codes: CAMEO codes are positional and some role
  blocks are also country codes, e.g. MUS is Muslim as a role and Mauritius as a country);
- verb pattern codes that are not in the CAMEO table.
"""

from __future__ import annotations

import datetime as dt

from .model import NO_EVENT, ActorEntry, AgentEntry, Dictionaries, Problem
from .native import phrase_key


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


def _plural(word: str) -> list[str]:
    from .compile import plural_forms  # the compiler's own rule, so lint sees what the coder matches

    return plural_forms(word)


def _agent_forms(g: AgentEntry) -> list[tuple[str, str]]:
    """(form, phrase) for every form of the agent the coder matches: each phrase and the regular
    plurals of its last word."""
    out: list[tuple[str, str]] = []
    for p in dict.fromkeys(phrase_key(p) for p in g.phrases):
        out.append((p, p))
        head, sep, last = p.rpartition(" ")
        for pl in _plural(last):
            out.append((head + sep + pl, p))
    return list(dict.fromkeys(out))


def _form_label(form: str, phrase: str) -> str:
    return f"'{phrase}'" if form == phrase else f"'{phrase}' (its plural '{form}')"


def _agents_never_compose(d: Dictionaries) -> list[Problem]:
    actor_at: dict[str, list[ActorEntry]] = {}
    for a in d.actors:
        for p in dict.fromkeys(phrase_key(p) for p in a.phrases):
            actor_at.setdefault(p, []).append(a)
    discards: dict[tuple[str, ...], object] = {}
    for x in d.discards:
        discards.setdefault(tuple(phrase_key(x.phrase).split()), x)
    out = []
    first_agent: dict[str, AgentEntry] = {}
    for g in d.agents:
        for form, phrase in _agent_forms(g):
            label = _form_label(form, phrase)
            actors = actor_at.get(form)
            if actors:
                a = actors[0]
                more = f" and {len(actors) - 1} more entries" if len(actors) > 1 else ""
                when = ("is never used" if _every_day([c for x in actors for c in x.codes]) else
                        "is used only on days no range of the actor covers")
                out.append(_warn(
                    g.origin, phrase,
                    f"agent {label} is also the actor phrase of '{a.name}' = {', '.join(map(str, a.codes))} "
                    f"({a.origin}){more}; an actor wins a tie with an agent, so this agent {when}.",
                    "remove the phrase from the actor entry if it is a role (a bare surname or common noun), "
                    "or from the agents if it names one actor (a place or office belongs in actors/)"))
            prev = first_agent.get(form)
            if prev is None:
                first_agent[form] = g
            elif prev is not g and (prev.code, prev.prefix) != (g.code, g.prefix):
                out.append(_warn(
                    g.origin, phrase,
                    f"agent {label} is already agent '{prev.name}' = {_agent_code(prev)} ({prev.origin}); "
                    f"the earlier entry wins, so '{form}' never composes as {_agent_code(g)}.",
                    "keep the phrase in one entry only"))
        reported: set[str] = set()
        for form, phrase in _agent_forms(g) if discards else ():
            x = _contained(form.split(), discards) if phrase not in reported else None
            if x is not None:
                reported.add(phrase)  # once per phrase, not again for its plural
                scope = "story" if x.story else "sentence"
                out.append(_warn(
                    g.origin, phrase,
                    f"agent {_form_label(form, phrase)} contains the {scope} discard '{x.phrase}' "
                    f"({x.origin}): every {scope} naming it is discarded first, so it never composes.",
                    "remove the agent, or narrow the discard phrase"))
    return out


def _every_day(codes: list) -> bool:
    """Whether the dated codes together cover every day (so the actor always wins its phrase)."""
    ranges = sorted(codes, key=lambda c: c.start or dt.date.min)
    if not ranges or ranges[0].start is not None:
        return False
    reach = ranges[0].end
    for c in ranges[1:]:
        if reach is None:
            return True
        if c.start is not None and (c.start - reach).days > 1:
            return False
        if c.end is None or c.end > reach:
            reach = c.end
    return reach is None


def _contained(tokens: list[str], phrases: dict):
    """The first phrase of ``phrases`` (keyed by token tuples) that stands in ``tokens``."""
    for i in range(len(tokens)):
        for j in range(i + 1, len(tokens) + 1):
            hit = phrases.get(tuple(tokens[i:j]))
            if hit is not None:
                return hit
    return None


def _agent_code(g: AgentEntry) -> str:
    return g.code + "~" if g.prefix else g.code


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
