"""Look a phrase up in loaded dictionaries: which entries give it which code on a day.

Exact phrase matching (through :func:`native.phrase_key`, so case and a leading "the" are
handled as the coder does), plus the simplest agent composition: an actor phrase followed by an
agent phrase ("Syrian rebels" → SYR + REB = SYRREB) or an agent phrase, "of" and an actor phrase
("government of Syria" → SYRGOV). The longest actor phrase wins.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import ActorEntry, AgentEntry, Dictionaries, Origin
from .native import normalize_phrase, phrase_key


@dataclass(frozen=True)
class LookupHit:
    """One way the phrase resolves.

    ``codes`` are the codes that apply on the day asked (the code, or nothing when no range
    covers it); without a day, every code of the entry with its range."""

    phrase: str
    kind: str  # "actor", "agent" or "actor+agent"
    entry: str
    codes: tuple[str, ...]
    origin: Origin | None
    agent: str = ""
    agent_origin: Origin | None = None

    @property
    def where(self) -> str:
        places = [str(o) for o in (self.origin, self.agent_origin) if o is not None]
        return ", ".join(places)


def _plural_variants(key: str) -> list[str]:
    """The phrase and the singulars a regular plural could come from (last word only)."""
    out = [key]
    head, _, last = key.rpartition(" ")
    pre = head + " " if head else ""
    if last.endswith("men"):
        out.append(pre + last[:-3] + "man")
    if last.endswith("ies"):
        out.append(pre + last[:-3] + "y")
    if last.endswith("es"):
        out.append(pre + last[:-2])
    if last.endswith("s"):
        out.append(pre + last[:-1])
    return out


def _actor_codes(a: ActorEntry, day: dt.date | None) -> tuple[str, ...]:
    if day is None:
        return tuple(str(c) for c in a.codes)
    code = a.code_on(day)
    return (code,) if code else ()


def _compose(actor_code: str, agent: AgentEntry) -> str:
    if agent.prefix:
        return agent.code + actor_code
    if actor_code.endswith(agent.code):
        return actor_code
    return actor_code + agent.code


class _Index:
    def __init__(self, d: Dictionaries) -> None:
        self.actors: dict[str, list[ActorEntry]] = {}
        for a in d.actors:
            for p in dict.fromkeys(phrase_key(p) for p in a.phrases):
                self.actors.setdefault(p, []).append(a)
        self.agents: dict[str, list[AgentEntry]] = {}
        for g in d.agents:
            for p in dict.fromkeys(phrase_key(p) for p in g.phrases):
                self.agents.setdefault(p, []).append(g)

    def agent(self, words: list[str]) -> list[AgentEntry]:
        key = phrase_key(" ".join(words))
        for k in _plural_variants(key):
            if k in self.agents:
                return self.agents[k]
        return []


class Lookup:
    """:func:`lookup` for many phrases in the same dictionaries: the phrase index is built once
    (building it takes a good part of a second for the bundled dictionaries)."""

    def __init__(self, d: Dictionaries) -> None:
        self.dictionaries = d
        self._index = _Index(d)

    def __call__(self, phrase: str, day: dt.date | None = None) -> list[LookupHit]:
        return lookup(self.dictionaries, phrase, day, index=self._index)


def lookup(d: Dictionaries, phrase: str, day: dt.date | None = None, *, index: _Index | None = None) -> list[LookupHit]:
    """Every entry (or actor + agent composition) that ``phrase`` names, with its codes on ``day``."""
    if index is None:
        index = _Index(d)
    text = normalize_phrase(phrase)
    hits: list[LookupHit] = []
    key = phrase_key(text)
    for a in index.actors.get(key, []):
        hits.append(LookupHit(text, "actor", a.name, _actor_codes(a, day), a.origin))
    for g in index.agent(text.split()):
        hits.append(LookupHit(text, "agent", g.name, (g.code + "~" if g.prefix else "~" + g.code,), g.origin))
    if hits:
        return hits
    words = text.split()
    # Actor then agent: the longest actor phrase first.
    for i in range(len(words) - 1, 0, -1):
        actors = index.actors.get(phrase_key(" ".join(words[:i])), [])
        agents = index.agent(words[i:]) if actors else []
        if actors and agents:
            for a in actors:
                for g in agents:
                    codes = tuple(_compose(c.split()[0], g) + (c[len(c.split()[0]):]) for c in _actor_codes(a, day))
                    hits.append(LookupHit(text, "actor+agent", a.name, codes, a.origin, g.name, g.origin))
            return hits
    # Agent "of" actor: "the government of Syria".
    if "of" in (w.lower() for w in words):
        at = [w.lower() for w in words].index("of")
        agents = index.agent(words[:at]) if at else []
        actors = index.actors.get(phrase_key(" ".join(words[at + 1:])), []) if at + 1 < len(words) else []
        for a in actors:
            for g in agents:
                codes = tuple(_compose(c.split()[0], g) + (c[len(c.split()[0]):]) for c in _actor_codes(a, day))
                hits.append(LookupHit(text, "actor+agent", a.name, codes, a.origin, g.name, g.origin))
    return hits
