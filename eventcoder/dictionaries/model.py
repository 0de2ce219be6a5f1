"""Dictionary entries in memory: what every dictionary format is read into.

Entries are small frozen dataclasses that remember the file and line they came from, so every
coded event can name the entry that produced it and every error can point at the line to fix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

ACTOR_TYPES = ("country", "igo", "ngo", "company", "armed_group", "person", "other")
ACTOR_CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")
AGENT_CODE_RE = re.compile(r"^(?:[A-Z]{3})+$")
EVENT_CODE_RE = re.compile(r"^(?:0[1-9]|1\d|20)\d{0,2}$")
NO_EVENT = "---"


@dataclass(frozen=True)
class Origin:
    """Where an entry was written: file and 1-based line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


class AssumedDay(dt.date):
    """A day inferred for an undated story from the office holders it names (``actors.assumed_day``):
    actors take the code in force on it, as on a story's own date, except that an organisation or
    place with no code then takes the code an undated story gives it. It is never written as an
    event's date."""

    __slots__ = ()


@dataclass(frozen=True)
class DatedCode:
    """A code that applies from ``start`` to ``end``, both inclusive; ``None`` is an open end."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def applies(self, day: dt.date | None) -> bool:
        if day is None:
            # Without a date only codes that are never restricted can be trusted.
            return self.start is None and self.end is None
        if self.start is not None and day < self.start:
            return False
        if self.end is not None and day > self.end:
            return False
        return True

    def overlaps(self, other: DatedCode) -> bool:
        lo = max(self.start or dt.date.min, other.start or dt.date.min)
        hi = min(self.end or dt.date.max, other.end or dt.date.max)
        return lo <= hi

    def __str__(self) -> str:
        if self.start is None and self.end is None:
            return self.code
        start = self.start.isoformat() if self.start else ""
        end = self.end.isoformat() if self.end else ""
        return f"{self.code} {start}..{end}"


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    origin: Origin | None = None

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return quad_class(self.code)


def quad_class(code: str) -> int:
    """1 verbal cooperation (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
    4 material conflict (15-20)."""
    root = int(code[:2])
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    if root <= 14:
        return 3
    return 4


# The years of news an undated story most likely comes from (the span the bundled dictionaries
# cover): a group's or party's code in an undated story is the one it held longest in them.
_UNDATED_FROM = dt.date(2000, 1, 1)
_UNDATED_TO = dt.date(2025, 12, 31)


@dataclass(frozen=True)
class ActorEntry:
    name: str
    phrases: tuple[str, ...]
    codes: tuple[DatedCode, ...]
    type: str = "other"
    origin: Origin | None = None

    def code_on(self, day: dt.date | None) -> str | None:
        for dc in self.codes:
            if dc.applies(day):
                return dc.code
        if isinstance(day, AssumedDay):
            # no one on the assumed day, as on a story's own date; an organisation or place of
            # no code then is read as in any undated story
            return None if self.type == "person" else self.code_on(None)
        if day is None and self.codes:
            if self.type != "person" and self.type != "country" and len(self.codes) > 1:
                # A story without a date: a group, party or city is in the role it held longest
                # in the years of news an undated story comes from ("the Taliban attacked a
                # checkpoint" is AFGREB, the code of 2001-2021, not the government of today).
                held: dict[str, int] = {}
                for dc in self.codes:
                    lo = max(dc.start or _UNDATED_FROM, _UNDATED_FROM)
                    hi = min(dc.end or _UNDATED_TO, _UNDATED_TO)
                    held[dc.code] = held.get(dc.code, 0) + max((hi - lo).days + 1, 0)
                best = max(held.values())
                if best > 0:
                    return next(dc.code for dc in reversed(self.codes) if held[dc.code] == best)
            # A country is what it is now ("Prague" is CZEGOV, "Belgrade" SRBGOV): its
            # open-ended code.
            if self.type != "person":
                current = [dc for dc in self.codes if dc.end is None]
                if current:
                    return max(current, key=lambda dc: dc.start or dt.date.min).code
            # A person in an undated story is named for the office they held last: news names
            # people most while they hold office ("Obama" is USAGOV, "Borrell" the EU's, not a
            # former official ELI today).
            offices = [dc for dc in self.codes if not dc.code.endswith("ELI")]
            if offices and any(dc.start is not None or dc.end is not None for dc in self.codes):
                return max(offices, key=lambda dc: dc.start or dt.date.min).code
            # A person's entry whose codes all name one country still names it; its latest code
            # says the role ("Putin" is RUSGOV, not nothing).
            first = self.codes[0].code[:3]
            latest = self.codes[0]
            for dc in self.codes:
                if dc.code[:3] != first:
                    return None
                if latest.start is not None and (dc.start is None or dc.start > latest.start) or dc.end is None:
                    latest = dc
            return latest.code
        return None


@dataclass(frozen=True)
class AgentEntry:
    name: str
    phrases: tuple[str, ...]
    code: str
    prefix: bool = False  # PETRARCH's CODE~: the agent goes before the actor code
    origin: Origin | None = None


# A pattern element: a set of alternatives, each a tuple of words; or a slot.
TARGET = "+"
SOURCE = "$"


@dataclass(frozen=True)
class Words:
    """Alternatives for one pattern position; each alternative is a tuple of consecutive words."""

    alternatives: tuple[tuple[str, ...], ...]
    label: str = ""  # the synset name or the word as written, for display

    def __str__(self) -> str:
        return self.label or "|".join(" ".join(a) for a in self.alternatives)


Element = "Words | str"  # str is TARGET or SOURCE


@dataclass(frozen=True)
class VerbPattern:
    verbs: tuple[str, ...]
    post: tuple  # tuple[Words | str, ...]
    code: str  # a CAMEO code or NO_EVENT
    passive_code: str | None = None
    pre: tuple = ()
    origin: Origin | None = None
    text: str = ""

    @property
    def specificity(self) -> int:
        return sum(1 for e in self.pre + self.post if isinstance(e, Words))

    def code_for(self, passive: bool) -> str:
        if passive and self.passive_code is not None:
            return self.passive_code
        return self.code


@dataclass(frozen=True)
class NounPattern:
    """An event a noun carries ("air strikes by X on Y", "talks between X and Y").

    ``words``: the noun as written, one tuple of lower-case words per alternative ("air strike").
    The source is the noun's possessor or actor modifier ("Russia's", "US"), or the object of
    ``by`` or of a ``source`` preposition; the target the object of a ``target`` preposition.
    ``mutual``: the event goes both ways ("talks", "clashes"); ``between X and Y`` names both.
    ``implied``: the agent code of an unnamed source ("protests against X": OPP), whose country
    is inferred like any role's. ``subject``: an unnamed source (or one named only by a
    possessive pronoun) is the subject of the clause the noun's phrase is an adverbial of
    ("met Castro during a visit to Cuba", "During his visit to Cuba, Chavez ...").
    ``objects``: the pattern holds only when the head of the noun's target phrase is one of these
    words ("the expulsion of diplomats" is 161, "the expulsion of journalists" 174); such a
    pattern is tried before the noun's patterns without one."""

    name: str
    words: tuple[tuple[str, ...], ...]
    code: str
    target: tuple[str, ...] = ("on", "against")
    source: tuple[str, ...] = ()
    mutual: bool = False
    implied: str | None = None
    subject: bool = False
    origin: Origin | None = None
    objects: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"noun {self.name} = {self.code}"


@dataclass(frozen=True)
class Synset:
    name: str
    alternatives: tuple[tuple[str, ...], ...]
    origin: Origin | None = None


@dataclass(frozen=True)
class Discard:
    phrase: str
    story: bool = False  # True: discard the whole story
    origin: Origin | None = None


@dataclass(frozen=True)
class Reference:
    phrases: tuple[str, ...]
    types: tuple[str, ...]
    origin: Origin | None = None


@dataclass(frozen=True)
class IssueEntry:
    phrase: str
    code: str
    origin: Origin | None = None


@dataclass(frozen=True)
class Problem:
    """One finding of validation or lint."""

    origin: Origin | None
    entry: str
    message: str
    fix: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        return f"{self.severity}: {where}entry '{self.entry}': {self.message} Fix: {self.fix}"


def longest_prefix(table: dict[str, str], code: str) -> str | None:
    """The longest prefix of ``code`` (two digits at least) that ``table`` has, or None."""
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return code[:n]
    return None


def by_longest_prefix(table: dict[str, str], code: str) -> str | None:
    """The value of ``table`` for the longest prefix of ``code`` it has (two digits at least): a
    code mapped by its root or by a more specific subcode ("087" -> "0356", "0841" -> "0353")."""
    prefix = longest_prefix(table, code)
    return table[prefix] if prefix is not None else None


@dataclass
class Dictionaries:
    """Everything the coder reads, from one or more dictionary folders."""

    cameo: dict[str, CameoCode] = field(default_factory=dict)
    actors: list[ActorEntry] = field(default_factory=list)
    agents: list[AgentEntry] = field(default_factory=list)
    verbs: list[VerbPattern] = field(default_factory=list)
    nouns: list[NounPattern] = field(default_factory=list)
    synsets: dict[str, Synset] = field(default_factory=dict)
    negating: set[str] = field(default_factory=set)
    aspectual: set[str] = field(default_factory=set)
    intending: set[str] = field(default_factory=set)
    # Verbs that only say that the event their object names took place ("launched airstrikes",
    # "carried out a raid"): an @aspectual verb with such an object ("resumed airstrikes") is
    # coded by their patterns when its own name no object.
    light: set[str] = field(default_factory=set)
    # Verbs that put into effect the act their object names ("ordered the expulsion of X",
    # "announced the release of X"), for acts whose code begins with one of ``enacted``
    # ("@enacted 08 | 16 | 17"): the verb's subject did the act. Other acts stay unreal under an
    # @intending verb ("ordered an attack").
    enacting: set[str] = field(default_factory=set)
    enacted: set[str] = field(default_factory=set)
    # code -> the code it becomes when the event takes place in a third country ("met Kim in
    # Singapore": 040 -> 044), from "@elsewhere 040 = 044".
    elsewhere: dict[str, str] = field(default_factory=dict)
    # Verbs whose complement is an act announced, planned or promised ("vowed to attack") and
    # auxiliaries that announce one ("will", "would"): the act's code becomes its intent or threat,
    # by the longest code prefix in ``announced`` ("@announced 19 = 1384"); no prefix, no event.
    # A prefix mapped to itself keeps the act's own code: "@announced 03 = 03" makes "said it
    # would offer aid" (0333 announced) the offer itself, 0333.
    announcing: set[str] = field(default_factory=set)
    announced: dict[str, str] = field(default_factory=dict)
    # Auxiliaries of speculation ("could", "might"): what they govern is no event.
    speculative: set[str] = field(default_factory=set)
    # Codes of joint acts, one act of both parties whoever the sentence makes its subject ("X met
    # Y" is "X and Y met"): coded both ways, from "@mutual 040 | 046 | 057".
    mutual: set[str] = field(default_factory=set)
    # Acts that come in pairs of codes, one each way ("X visited Y": X 042 Y, and Y hosted X, 043):
    # from "@paired 042 = 043", kept both ways (042 -> 043, 043 -> 042).
    paired: dict[str, str] = field(default_factory=dict)

    def enacts(self, verb: str, code: str) -> bool:
        """Whether ``verb`` with an object noun coded ``code`` did that act (``@enacting``)."""
        return verb in self.enacting and any(code.startswith(p) for p in self.enacted)

    def announced_code(self, code: str) -> str | None:
        prefix = longest_prefix(self.announced, code)
        if prefix is None:
            return None
        got = self.announced[prefix]
        return code if got == prefix else got
    discards: list[Discard] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    issues: list[IssueEntry] = field(default_factory=list)
    # (label, sha256 of content) for every file read, in order: the fingerprint's input.
    sources: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def fingerprint(self) -> str:
        h = hashlib.sha256()
        for label, digest in self.sources:
            h.update(label.encode())
            h.update(digest.encode())
        return h.hexdigest()[:16]

    def counts(self) -> dict[str, int]:
        return {
            "cameo codes": len(self.cameo),
            "actors": len(self.actors),
            "actor phrases": sum(len(a.phrases) for a in self.actors),
            "people": sum(1 for a in self.actors if a.type == "person"),
            "agents": len(self.agents),
            "verb patterns": len(self.verbs),
            "noun patterns": len(self.nouns),
            "verb codes": len({v.code for v in self.verbs if v.code != NO_EVENT}),
            "synsets": len(self.synsets),
            "discards": len(self.discards),
            "references": len(self.references),
            "issues": len(self.issues),
        }

    def summary(self) -> str:
        lines = [f"{k}: {v}" for k, v in self.counts().items()]
        types = Counter(a.type for a in self.actors)
        lines.append("actor types: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
        roots = sorted({v.code[:2] for v in self.verbs if v.code != NO_EVENT})
        lines.append(f"verb roots: {len(roots)} ({' '.join(roots)})")
        lines.append(f"fingerprint: {self.fingerprint()}")
        if self.warnings:
            lines.append(f"warnings: {len(self.warnings)}")
        return "\n".join(lines)
