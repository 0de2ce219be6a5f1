"""Suggest actors for the dictionaries: unknown names in actor positions, counted and ranked, each
with two example sentences and a guessed code.

This is the library behind ``eventcoder actors suggest``. :mod:`eventcoder.candidates` finds
the names and the evidence of each mention; here the mentions of a name are added up
(:class:`Tally`), the code is guessed and the names are ranked. Everything is deterministic: the
same texts give the same list, in the same order.

**Guessed code**, from every mention of the name:

* affiliation: a known organisation named in the mention's phrase ("Huawei executive Meng
  Wanzhou", "the spokesman of the Muslim Brotherhood", "African Union Mission") gives its own
  code, as the bundled dictionaries code an organisation's people;
* otherwise COUNTRY + ROLE: the heaviest country (weights: :mod:`eventcoder.candidates`; ties go
  to the first in alphabetical order) and the most frequent role. Organisations follow the
  bundled files' conventions: a company (role BUS) is ``MNC`` + country, a non-governmental
  body (NGO, HRI, ENV) ``NGO`` + country + role. Without a country a state role (GOV, MIL, COP,
  JUD, LEG, SPY) gets ``UIS`` (unidentified state actor) and anything else ``INT``: the
  reviewer has to give the country. A place is its country.

**Kind**: person, organisation, group (NORP), place (a GPE the gazetteer knows) or other (a GPE
it does not know), by the entity label most often given to the name (a mention with a person's
title before it counts as a person: "drug trafficker Cesar Gastelum Serrano"); its dictionary
``@type`` follows from the kind and the code.

**Ranking**: by count (descending), then name. A lone surname ("Murkomen") is counted under the
one full name the texts give with it ("Kipchumba Murkomen"), or dropped when that person is
known; with several full names it stays apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .candidates import UNPLACED, CandidateFinder, Mention  # noqa: F401 (Mention: part of this module's API)
from .dictionaries.fragment import FragmentEntry, comment_text
from .dictionaries.orgs_import import org_type

KIND_ORDER = ("person", "organisation", "group", "place", "other")
#: Roles of the state: without a country their code is UIS (unidentified state actor) + role.
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_NGO_ROLES = frozenset({"NGO", "HRI", "ENV"})
EXAMPLES = 2


def compose_code(kind: str, country: str | None, role: str | None) -> str:
    """The guessed code of a name of ``kind`` from its country and role (see the module doc)."""
    role = role or ""
    if kind == "place":
        return country or "INT"
    if kind == "organisation" and role[:3] == "BUS":
        return "MNC" + (country or "")
    if kind == "organisation" and role[:3] in _NGO_ROLES:
        return "NGO" + (country or "") + ("" if role == "NGO" else role)
    if country:
        return country + role
    return ("UIS" if role[:3] in STATE_ROLES else "INT") + role


def entry_type(kind: str, code: str) -> str:
    """The ``@type`` of the entry: person, country for a place (as the bundled cities are), and
    for organisations and groups the type their code gives (igo, ngo, company, armed_group, other)."""
    if kind == "person":
        return "person"
    if kind == "place":
        return "country"
    return org_type(code)


def best(votes: Counter) -> str | None:
    """The key with the most votes; ties go to the first in sorted order."""
    if not votes:
        return None
    return min(votes, key=lambda k: (-votes[k], k))


@dataclass
class Tally:
    """Every mention of one name (under its key: the phrase as the dictionaries compare it)."""

    names: Counter = field(default_factory=Counter)  # as written
    kinds: Counter = field(default_factory=Counter)
    count: int = 0
    examples: list[str] = field(default_factory=list)
    countries: Counter = field(default_factory=Counter)  # weighted votes
    roles: Counter = field(default_factory=Counter)
    affiliations: Counter = field(default_factory=Counter)

    def add(self, m: Mention) -> None:
        self.count += 1
        self.names[m.name] += 1
        self.kinds[m.kind] += 1
        self._example(m.sentence)
        self.countries.update(m.countries)
        if m.role:
            self.roles[m.role] += 1
        if m.affiliation:
            self.affiliations[m.affiliation] += 1

    def _example(self, sentence: str) -> None:
        if len(self.examples) < EXAMPLES and sentence not in self.examples:
            self.examples.append(sentence)

    def merge(self, other: Tally) -> None:
        """Count ``other``'s mentions here too (its names are not this one's)."""
        self.count += other.count
        self.kinds.update(other.kinds)
        for e in other.examples:
            self._example(e)
        self.countries.update(other.countries)
        self.roles.update(other.roles)
        self.affiliations.update(other.affiliations)

    def suggestion(self) -> Suggestion:
        name = best(self.names)
        kind = min(self.kinds, key=lambda k: (-self.kinds[k], KIND_ORDER.index(k)))
        role = best(self.roles)
        code = best(self.affiliations)
        country = best(self.countries)
        if code is None:
            code = compose_code(kind, country, role)
        elif code[:3] in UNPLACED:
            country = None  # an organisation's code: its own, whatever countries the texts name
        else:
            country = code[:3]
        return Suggestion(name, kind, self.count, tuple(self.examples), code, entry_type(kind, code), country, role)


@dataclass(frozen=True)
class Suggestion:
    """A name to add to the dictionaries, with its count, examples and guessed code."""

    name: str
    kind: str  # person, organisation, group (NORP), place or other (see the module doc)
    count: int
    examples: tuple[str, ...]
    code: str
    type: str  # the @type of its dictionary entry
    country: str | None
    role: str | None

    def fragment_entry(self) -> FragmentEntry:
        shown = " | ".join(f'"{comment_text(e)}"' for e in self.examples)
        why = "NO COUNTRY FOUND: give it" if self.code[:3] in ("UIS", "INT") else "code guessed"
        comment = f"REVIEW {self.kind}, {self.count} mention{'s' if self.count != 1 else ''} ({why}): {shown}"
        return FragmentEntry(self.name, self.code, self.type, comment)


def merge_surnames(tallies: dict[str, Tally], surnames: dict[str, dict[str, str]], known: set[str]) -> dict[str, Tally]:
    """Tallies with each lone surname (a one-word person key) counted under the one full name the
    texts give it (``surnames``: last word, lower case -> {key: name as written} of the full
    names), or dropped when that full name is ``known``. A surname of several full names stays
    apart."""
    out = dict(tallies)
    for key, tally in tallies.items():
        fuller = {k: v for k, v in surnames.get(key.lower(), {}).items() if k != key}
        if " " in key or len(fuller) != 1 or best(tally.kinds) != "person":
            continue
        full, written = next(iter(fuller.items()))
        del out[key]
        if full in known:
            continue
        target = out.get(full)
        if target is None:
            target = out[full] = Tally()
            target.names[written] = 1
        target.merge(tally)
    return out


def rank(tallies: dict[str, Tally], min_count: int = 1, limit: int | None = None) -> list[Suggestion]:
    """The suggestions counted at least ``min_count`` times, by count (descending), then name;
    the first ``limit`` of them (all when None or 0)."""
    out = [t.suggestion() for t in tallies.values() if t.count >= min_count]
    out.sort(key=lambda s: (-s.count, s.name, s.code))
    return out[:limit] if limit else out


Progress = Callable[[int], None]  # texts (or pieces of texts) read so far


def pieces(text: str, limit: int) -> Iterator[str]:
    """``text`` in pieces of at most ``limit`` characters (what the parser takes), cut at the
    last paragraph, else line, else space before the limit."""
    while len(text) > limit:
        cut = limit
        for mark in ("\n\n", "\n", " "):
            at = text.rfind(mark, 0, limit)
            if at > 0:
                cut = at
                break
        yield text[:cut]
        text = text[cut:]
    yield text


def suggest_actors(
    texts: Iterable,
    lex,
    nlp,
    *,
    min_count: int = 1,
    limit: int | None = None,
    batch_size: int = 64,
    progress: Progress | None = None,
) -> list[Suggestion]:
    """Parse ``texts`` (:class:`eventcoder.suggest_input.Text`) with ``nlp`` (a pipeline with
    its entity recogniser: ``load_model(ner=True)``) in batches and rank the unknown actors the
    dictionaries ``lex`` (compiled) do not know."""
    finder = CandidateFinder(lex)
    tallies: dict[str, Tally] = {}
    pairs = ((piece, t.date) for t in texts for piece in pieces(t.text, nlp.max_length))
    for n, (doc, day) in enumerate(nlp.pipe(pairs, as_tuples=True, batch_size=batch_size), 1):
        for key, mention in finder.read(doc, day):
            tally = tallies.get(key)
            if tally is None:
                tally = tallies[key] = Tally()
            tally.add(mention)
        if progress is not None:
            progress(n)
    return rank(merge_surnames(tallies, finder.surnames, finder.known_people), min_count, limit)
