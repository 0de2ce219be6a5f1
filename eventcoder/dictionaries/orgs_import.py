"""Import organisations and armed groups from PETRARCH/TABARI actors files into native entries.

A maintainer tool behind ``eventcoder dictionaries import organizations``: it reads TABARI-format
actors files such as PETRARCH-2's ``Phoenix.International.actors.txt`` (IGOs, NGOs, companies)
and ``Phoenix.MilNonState.actors.txt`` (non-state armed groups, from START's TOPS list), keeps
the entries coded as an organisation (IGO..., NGO..., MNC..., IMG..., or a country code followed
by an agent: REB, OPP, PTY, MIL, UAF, GOV...), turns their names into readable phrases and writes
them as a ``dictionaries/actors/*.txt`` file (see docs/dictionaries.md, "Importing
organisations"). Phrases of the hand-curated actor files are skipped: the curated entry wins.

TABARI conventions read here (checked on the Phoenix files; :mod:`.tabari` reads them):

- an entry is a name line with its codes (``MUSLIM_BROTHERHOOD_ [EGYOPP]``) or with code lines
  below it (``\\t[IGOUNO >20070101]``), and ``+ALIAS_`` lines; a name line with no code shares
  the codes of the next entry (as PETRARCH reads it); ``#`` starts a comment;
- dates are read as by ``tabari`` (YYMMDD with YY 00..30 = 20YY, or YYYYMMDD; ``>D``,
  ``<D``, ``A-B``), and resolved as PETRARCH does (the first restriction covering a day wins,
  else the undated code); open ranges are kept as given: organisations do not leave office;
- the files also hold people (UN secretaries-general, presidents of IGOs: dated codes, ``[ELI]``
  or ``[---]``): they are left out unless the name says it is an organisation.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import DictionaryError
from .model import ACTOR_CODE_RE, DatedCode
from .native import normalize_phrase
from .tabari import (Actor, Entry, ImportReport, Spec, convert_name, distinct, entries, format_file, keep_names, key,
                     readable, write_file)

# First blocks of organisation codes, and the @type each gives.
ORG_TYPES = {"IGO": "igo", "NGO": "ngo", "MNC": "company", "IMG": "armed_group"}
# Later blocks that make a country's code a non-state armed group (MIL only in a non-state list).
ARMED_BLOCKS = frozenset({"REB", "UAF", "INS", "IMG"})
TYPE_ORDER = ("igo", "ngo", "company", "armed_group", "other")
# Words kept in lower case inside a name (not as its first word).
SMALL_WORDS = frozenset("of the and for in on at by to with a an de du des la le al el".split())
# Words that say an entry holding people is still an organisation (Warsaw Treaty Organization).
ORG_WORDS = frozenset("""
    organization organisation association agency army alliance assembly authority bank board brigade
    brigades bureau center centre church coalition college commission committee community company
    conference congress corporation council court federation forces foundation front fund group
    institute international league mission movement network office party programme program society
    treaty tribunal union
""".split())
# Common English words that never become a one-word organisation name. Used when
# /usr/share/dict/words is absent (it is consulted as well when present).
STOPWORDS = frozenset("""
    army police government council union party front movement forces force militia militias rebels
    rebel group groups state states republic people peoples national nation nations islamic islam
    alliance coalition brigade brigades soldiers troops military guerrilla guerrillas insurgents
    insurgent militants militant terrorists terrorist fighters opposition parliament congress senate
    assembly committee commission ministry embassy court courts bank banks church league federation
    organization organisation agency mission observers peacekeepers monitors workers students
    farmers youth women children society community international world global united democratic
    popular revolutionary liberation freedom resistance revolution justice unity peace security
    defense defence action direct black white green group cells cell network faction factions
    struggle brotherhood martyrs army's company corporation holdings group industries energy power
    general motors airlines airways telecom mobile media press news times post herald journal daily
    radio television network networks capital finance financial services service trust fund funds
    foundation institute center centre office bureau board authority agencies system systems
    international global pacific atlantic southern northern eastern western central africa asia
    europe america american african asian european arab arabs muslim muslims christian christians
    jewish catholic shell apple target total amazon oracle express standard first royal imperial
    crown eagle falcon tiger tigers lion lions star stars sun moon alpha delta omega unity victory
    hope care relief rescue aid aids health medical doctors nurses human rights watch amnesty
    order legion legions guard guards army's nuclei nucleus commandos commando squad squads unit
    units battalion battalions regiment division corps navy marines
    dawn fair zero olive forest lightning links cornerstone avengers anarchists mavericks yahweh
    masada fortune pioneer frontier horizon vision mercy grace faith spirit heart
""".split())
# Acronyms that news mostly use for something else (EPA: the US agency, CAR: the Central
# African Republic, ANA: the Afghan army) and two-letter ones that are common abbreviations.
AMBIGUOUS_ACRONYMS = frozenset("EPA CAR ANA ISA AN CA HM LT IU".split())
WORDS_FILE = Path("/usr/share/dict/words")
ACRONYM_MAX = 6

# Comments that mark an entry as a person ('IGOrulers.txt', '# leader jma', '# member jma').
_PERSON_NOTE = re.compile(r"rulers|\b(?:leader|member|founder|commander|bomb maker|alias of)\b", re.I)
_PAREN = re.compile(r"\(([^)]*)\)")


# ----------------------------------------------------------------------------------------------
# Results


@dataclass
class Organisation(Actor):
    """One imported organisation: ``names[0]`` is its name, the rest aliases."""

    type: str
    source: str
    line: int


@dataclass
class OrgsImport(ImportReport):
    """What :func:`read_organisations` found: the organisations kept and counts of what was left out."""

    organisations: list[Organisation] = field(default_factory=list)

    def summary(self, details: int = 0) -> str:
        kinds = Counter(o.type for o in self.organisations)
        return self._summary([f"entries read: {self.read}",
                              f"organisations kept: {len(self.organisations)} ("
                              + ", ".join(f"{t} {kinds[t]}" for t in TYPE_ORDER if kinds[t]) + ")",
                              f"phrases kept: {sum(len(o.names) for o in self.organisations)}"],
                             "entries skipped", "phrases and codes left out of kept or skipped entries", details)


# ----------------------------------------------------------------------------------------------
# Names


def _key(phrase: str) -> str:
    """Phrases compare case-insensitively, whitespace normalised, a leading 'the' dropped."""
    return key(normalize_phrase(phrase))


def common_words(path: Path = WORDS_FILE) -> frozenset[str]:
    """Lower-case common English words: :data:`STOPWORDS`, plus the lower-case words of
    ``/usr/share/dict/words`` when present (capitalised entries there are proper names)."""
    words = set(STOPWORDS)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset(words)
    words.update(w for w in (line.strip() for line in text.splitlines()) if w and w.islower() and "'" not in w)
    return frozenset(words)


def convert_org_name(raw: str) -> str:
    """``MUSLIM_BROTHERHOOD_`` -> ``Muslim Brotherhood``; ``FRONT_FOR_THE_LIBERATION_OF_X`` ->
    ``Front for the Liberation of X`` (small words in lower case, not as the first word)."""
    words = convert_name(raw).strip(" -").split()
    out = []
    for i, (w, src) in enumerate(zip(words, raw.replace("_", " ").split())):
        letters = w.replace(".", "")
        if i and w.lower() in SMALL_WORDS:
            w = w.lower()
        elif len(letters) >= 2 and letters.isalpha() and not re.search(r"[aeiouy]", letters.lower()):
            w = src.strip(" -").upper()  # HSBC, KBR: no vowel, an abbreviation
        out.append(w)
    return " ".join(out)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w.lower() not in SMALL_WORDS).upper()


def _letters(word: str) -> str:
    return word.replace(".", "")


def _is_acronym(word: str, *, parenthesised: bool, others: Sequence[str]) -> bool:
    """An all-capital source word of 2-6 letters written on its own (an alias, or in brackets
    after a name) that is an abbreviation: at most 4 letters, no vowel, in brackets, or the
    initials of another name of the entry (``LTTE``, ``FARC``, ``ICRC``; not ``HAMAS``)."""
    letters = _letters(word)
    if not (2 <= len(letters) <= ACRONYM_MAX and letters.isalpha() and letters.isupper()):
        return False
    if len(letters) <= 4 or parenthesised or not re.search(r"[AEIOUY]", letters):
        return True
    return any(_initials(o).startswith(letters) or _initials(o) == letters for o in others)


def _readable(name: str) -> bool:
    return readable(name, " .,'-&", numerals=True)


def _raw_phrases(text: str) -> list[tuple[str, bool]]:
    """The name part of a name or alias line -> [(raw phrase, in brackets)]: ``ANIMAL_LIBERATION_
    FRONT_(ALF)_`` gives the name and ``ALF``; a ``"nickname"`` is a phrase of its own."""
    text = text.split("#", 1)[0].split("[", 1)[0]
    out: list[tuple[str, bool]] = []
    for nick in re.findall(r'"([^"]*)"', text):
        out.append((nick.strip("_ "), False))
    text = re.sub(r'"[^"]*"', "_", text)
    for inner in _PAREN.findall(text):
        out.append((inner.strip("_ "), True))
    text = _PAREN.sub("_", text)
    out.insert(0, (text, False))
    return [(t, p) for t, p in ((_strip_the(t), p) for t, p in out) if t]


def _strip_the(raw: str) -> str:
    """``THE_WB_`` -> ``WB``, ``ORDER,_THE_`` -> ``ORDER`` (TABARI's inverted article)."""
    text = " ".join(raw.replace("_", " ").split()).strip(" ,")
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    text = re.sub(r",\s*the$", "", text, flags=re.I)
    return text.strip(" ,")


# ----------------------------------------------------------------------------------------------
# Reading the files


def _read_entries(path: Path) -> list[Entry]:
    return entries(path, join_uncoded=True,
                   fix="give a PETRARCH actors file, e.g. Phoenix.International.actors.txt")


def _looks_like_people(e: Entry, names: Sequence[str]) -> bool:
    """Dated codes, ``[ELI]``, ``[---]`` or an ``IGOrulers`` comment mark office holders, unless a
    name holds an organisation word (``Warsaw Treaty Organization``)."""
    marked = any(s.dated for s in e.specs) or bool(e.bad_specs) or any(s.code == "ELI" for s in e.specs) \
        or bool(_PERSON_NOTE.search(e.comments))
    if not marked:
        return False
    return not any(w.lower() in ORG_WORDS for n in names for w in re.split(r"[\s\-]+", n))


def _resolve(specs: Sequence[Spec], result: OrgsImport, who: str) -> list[DatedCode]:
    """PETRARCH's rule (the first dated restriction covering a day wins, else the first undated
    code) as disjoint native ranges; open ranges stay open."""
    from .petrarch import Restriction, resolve_dates

    undated = [s for s in specs if not s.dated]
    if len({s.code for s in undated}) > 1:
        result.drop("several undated codes: the first is used (as PETRARCH does)", f"{who}: {', '.join(s.code for s in undated)}")
    codes, notes = resolve_dates([Restriction(s.code, s.start, s.end) for s in specs])
    for note in notes:
        if "unrestricted" not in note:
            result.drop("overlapping dated codes: the earlier line wins (as PETRARCH does)", f"{who}: {note}")
    return codes


def org_type(code: str, *, non_state: bool = False) -> str:
    """igo, ngo, company, armed_group (IMG..., a country's REB/UAF/INS, its MIL in a non-state
    list) or other."""
    first = code[:3]
    if first in ORG_TYPES:
        return ORG_TYPES[first]
    blocks = [code[i:i + 3] for i in range(3, len(code), 3)]
    if any(b in ARMED_BLOCKS for b in blocks) or (non_state and "MIL" in blocks):
        return "armed_group"
    return "other"


def read_organisations(paths: Iterable[str | Path], *, exclude: Iterable[str] = (),
                       countries: Iterable[str] | None = None,
                       words: Iterable[str] | None = None) -> OrgsImport:
    """Read PETRARCH/TABARI actors files and return the organisations to import as native entries.

    ``exclude``: phrases of other actor files (and agent or reference nouns); a phrase among them
    is left out, the other phrases of its entry kept. ``countries``: CAMEO country and region codes
    (the first block of a non-organisation code must be one; other codes are dropped).
    ``words``: common English words (default :func:`common_words`). Rules: docs/dictionaries.md
    ("Importing organisations")."""
    result = OrgsImport()
    excluded = {_key(p) for p in exclude}
    country_codes = set(countries) if countries is not None else None
    common = frozenset(w.lower() for w in words) if words is not None else common_words()

    # 1. Entries -> candidate organisations.
    cands: list[Organisation] = []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise DictionaryError("is not a file", file=path,
                                  fix="give PETRARCH actors files, e.g. petrarch:DIR/Phoenix.International.actors.txt")
        non_state = "nonstate" in path.name.lower()
        for e in _read_entries(path):
            result.read += 1
            who = e.name_parts[0].split("[", 1)[0].strip().strip("_") or f"{path.name}:{e.line}"
            names = _names(e, result, who, common)
            if _looks_like_people(e, names):
                result.skip("a person (dated, ELI or --- codes; no organisation word in the name)", who)
                continue
            specs = []
            for s in e.specs:
                reason = _code_problem(s.code, country_codes)
                if reason:
                    result.drop(reason, f"{who}: {s.code}")
                else:
                    specs.append(s)
            for bad in e.bad_specs:
                result.drop("malformed code or date (dropped)", f"{who}: [{bad}]")
            if not specs:
                result.skip("no organisation code (IGO, NGO, MNC, IMG or a country + agent)", who)
                continue
            codes = _resolve(specs, result, who)
            if not codes:
                result.skip("no organisation code (IGO, NGO, MNC, IMG or a country + agent)", who)
                continue
            if not names:
                result.skip("no usable name (single common words, unreadable)", who)
                continue
            kept = []
            for n in names:
                if _key(n) in excluded:
                    result.drop("phrase of a curated actor entry, agent or reference (it wins)", f"{who}: {n}")
                else:
                    kept.append(n)
            if not kept:
                result.skip("every phrase is in a curated actor entry (it wins)", who)
                continue
            latest = max(codes, key=lambda c: (c.end or dt.date.max, c.start or dt.date.min))
            cands.append(Organisation(kept, codes, org_type(latest.code, non_state=non_state), path.name, e.line))

    # 2. A phrase given different codes by two entries is ambiguous: dropped from both; repeated
    #    with the same codes, it stays in the first entry.
    owners: dict[str, list[int]] = defaultdict(list)
    for i, o in enumerate(cands):
        for n in o.names:
            owners[_key(n)].append(i)

    def shared(i: int, o: Organisation, n: str) -> tuple[str, str] | None:
        others = [j for j in owners[_key(n)] if j != i]
        if any(cands[j].codes != o.codes for j in others):
            return ("phrase given different codes by two entries (ambiguous, dropped from both)",
                    f"{n}: {', '.join(str(c) for c in o.codes)}")
        if others and min(owners[_key(n)]) != i:
            return "phrase repeated with the same codes (kept in the first entry)", n
        return None

    result.organisations = keep_names(cands, shared, result, "every phrase is ambiguous or repeated")
    sort_organisations(result)
    return result


def _code_problem(code: str, countries: set[str] | None) -> str:
    if not ACTOR_CODE_RE.match(code):
        return "malformed code (not 3-letter upper-case blocks)"
    first = code[:3]
    if first in ORG_TYPES:
        return ""
    if len(code) == 3:
        return "a bare country or region code (a place, not an organisation)"
    if countries is not None and first not in countries:
        return "first block is neither IGO/NGO/MNC/IMG nor a code of countries.txt (e.g. KKL, INT)"
    return ""


def _names(e: Entry, result: OrgsImport, who: str, common: frozenset[str]) -> list[str]:
    raws: list[tuple[str, bool]] = []
    for raw in e.name_parts + e.alias_parts:
        raws.extend(_raw_phrases(raw))
    multi = [convert_org_name(t) for t, _ in raws if len(t.replace("_", " ").split()) > 1]
    out: list[str] = []
    for text, parenthesised in raws:
        words = text.replace("_", " ").split()
        if not words:
            continue
        if len(words) == 1:
            word = words[0].replace("`", "'")
            if word.lower() in common or _letters(word).lower() in common:
                result.drop("single common English word (dropped)", f"{who}: {word}")
                continue
            if _letters(word).upper() in AMBIGUOUS_ACRONYMS:
                result.drop("acronym that mostly means something else (EPA, CAR...; dropped)", f"{who}: {word}")
                continue
            if _is_acronym(word, parenthesised=parenthesised, others=multi):
                name = word
            elif parenthesised:
                result.drop("bracketed remark that is not an acronym (dropped)", f"{who}: ({text})")
                continue
            elif len(_letters(word)) > 4 and word.replace("-", "").replace("'", "").isalpha():
                name = convert_org_name(word)  # a proper name: HEZBOLLAH -> Hezbollah
            else:
                result.drop("single short word that is not an acronym (dropped)", f"{who}: {word}")
                continue
        else:
            if parenthesised:
                result.drop("bracketed remark that is not an acronym (dropped)", f"{who}: ({text})")
                continue
            name = convert_org_name(text)
        name = normalize_phrase(name)
        if not _readable(name):
            result.drop("unreadable name or alias (symbols such as / or stray bytes)", f"{who}: {text}")
            continue
        out.append(name)
    return distinct(out, _key)


def sort_organisations(result: OrgsImport) -> None:
    """By type (igo, ngo, company, armed_group, other), then by name (deterministic)."""
    result.organisations.sort(key=lambda o: (TYPE_ORDER.index(o.type), o.name.lower(), o.name, o.source, o.line))


# ----------------------------------------------------------------------------------------------
# Writing


HEADER = """\
# Organisations of the world: generated from public facts in PETRARCH-2's Phoenix International
# and MilNonState actor lists (Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt)
# by `eventcoder dictionaries import organizations`. Do not edit by hand: rerun the command.
# The hand-curated dictionaries/actors/organizations.txt always wins (its phrases, and those of
# the other actor files, agents and references, are left out here). Rules:
# - kept: entries coded IGO..., NGO..., MNC..., IMG... or a country + agent (REB, OPP, MIL...);
#   people (dated, ELI or --- codes) and places (a bare country code) are left out;
# - names title-cased (MUSLIM_BROTHERHOOD_ -> Muslim Brotherhood); one-word aliases of 2-6
#   capitals kept as acronyms (LTTE); other one-word names only if not a common English word;
# - a phrase that two entries give different codes is dropped from both; dates as PETRARCH reads
#   them (YY 00..30 = 20YY), ranges inclusive, open ranges kept as given.
"""


def format_organisations(result: OrgsImport) -> str:
    """The native file text: header, then an ``@type`` block per type."""
    return format_file([HEADER.rstrip("\n")], result.organisations, lambda o: o.type, lambda o: f"@type {o.type}")


def write_organisations(result: OrgsImport, out: str | Path) -> Path:
    """Write the organisations as a native actors file; returns the path written."""
    return write_file(out, format_organisations(result))
