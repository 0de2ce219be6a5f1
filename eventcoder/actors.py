"""Actor mentions in a parsed sentence: dictionary matches grouped into noun phrases.

A mention is one noun phrase that names an actor: its head token, its CAMEO code on the story
date, and the dictionary entries that made it. Agents ("troops", "government") compose onto the
country named in the same phrase ("Russian troops" -> RUSMIL) or in an ``of`` phrase ("the
government of Syria" -> SYRGOV). Definite references ("the group") and pronouns ("it") take the
code of the most recent fitting actor of the story.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from . import gazetteer
from .dictionaries.compile import _CALENDAR_WORDS, Lexicon, phrase_match
from .dictionaries.model import AssumedDay

# Dependency relations through which a modifier belongs to the noun phrase of its head.
_NP_MODIFIERS = {"compound", "amod", "nmod", "poss", "nn"}
_LOCATING = {"of", "from", "in", "with"}


# Roles whose bearers are "with" the group they fight for ("fighters with al-Shabab").
_ARMED_ROLES = frozenset({"UAF", "REB", "MIL", "CRM"})


def _named_group(hits) -> bool:
    """Hits of a phrase naming a group by name with words of its kind after the name ("the
    Al-Shabab extremist group"): an actor with a role of its own (not a country alone, as in
    "in central Mali government"), then only agent words."""
    return (len(hits) > 1 and hits[0].kind == "actor" and len(hits[0].code or "") > 3
            and all(h.kind == "agent" for h in hits[1:]))
# Nouns of a gathering of people, named by who gathered ("crowds of protesters", "a mob of
# settlers"): the people of their "of" phrase are the actor, not anonymous civilians.
_GATHERINGS = frozenset({"crowd", "crowds", "mob", "mobs", "throng", "throngs", "people", "population"})
# Prepositions that put an event somewhere ("talks in Istanbul").
_WHERE = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout", "around"})
# Nouns whose possessor is not the actor they name ("Moscow's ally", "Iran's neighbours").
RELATIONAL_NOUNS = frozenset({
    "ally", "friend", "partner", "neighbour", "neighbor", "enemy", "foe", "rival", "adversary",
    "opponent", "counterpart", "client", "proxy", "backer", "patron", "sponsor", "critic", "victim",
})
# Nouns a nationality before them does not name: "the former Portuguese colony" is not Portugal,
# "a key US ally" not the US (the noun may refer back to a country of the story instead).
_ANOTHERS = frozenset({"colony", "protectorate", "ally", "neighbour", "neighbor", "rival", "adversary", "foe"})
_DEFINITE = {"the", "that", "this", "these", "those"}
# Places that stand for a state's armed forces ("Israeli positions", "a Turkish military base").
MILITARY_PLACES = frozenset({
    "position", "base", "camp", "outpost", "barracks", "garrison", "convoy", "patrol", "checkpoint", "warship",
})
# Places and things that stand for the force they belong to ("army camps", "rebel positions",
# "a police convoy"): a role before them names an actor even without a country.
# People counted as a body's members ("militia members", "police personnel", "rebel elements"):
# the body's role names them.
_MEMBERS = frozenset({"member", "personnel", "element", "loyalist", "cadre"})
# People named by whom they back ("Bolsonaro's supporters", "supporters of the Muslim Brotherhood"):
# the opposition (agents.txt), but a sitting government's backers are on its side.
_FOLLOWERS = frozenset({"supporter", "follower", "partisan"})
FACILITIES = frozenset({
    "camp", "base", "position", "post", "outpost", "checkpoint", "barracks", "convoy", "patrol", "headquarters",
    "garrison", "stronghold", "hideout", "station", "compound", "vehicle", "unit", "target", "facility",
    "centre", "center", "academy", "depot", "airbase",
})
_PRONOUN_TYPES = {
    "it": ("country", "igo", "ngo", "company", "armed_group", "other"),
    "its": ("country", "igo", "ngo", "company", "armed_group", "other"),
    "he": ("person",), "him": ("person",), "his": ("person",),
    "she": ("person",), "her": ("person",),
    "they": None, "them": None, "their": None,
}

_PRONOUN_KEYS = frozenset(_PRONOUN_TYPES)
# Pronouns that may stand for a place named as where something happened ("in Syria ... it").
_IMPERSONAL = frozenset({"it", "its"})
# People a body has, whom no place has: "10 of its staff" is of a body, not of "Moscow".
_STAFFS = frozenset({"staff", "personnel", "employee", "member", "official", "diplomat", "envoy", "ambassador",
                     "leader", "spokesman", "spokeswoman", "spokesperson"})


def _may_be_place(tok) -> bool:
    """Whether the pronoun may stand for a place named as where something happened ("in Syria
    ... it"): "it" and "its", but not "its" on people a body has ("its staff")."""
    return tok.lower_ in _IMPERSONAL and not (tok.tag_ == "PRP$" and tok.head.lemma in _STAFFS)
# Where a pronoun is an object of its clause's verb (it cannot be that clause's subject).
_OBJECTS = frozenset({"dobj", "dative", "pobj"})


@dataclass(slots=True)
class Mention:  # treated as immutable (changed copies are made with dataclasses.replace); not frozen, which makes creating one 6x slower
    head: int  # index (in the Doc) of the noun phrase's head token
    start: int  # first token of the dictionary match(es), Doc index
    end: int  # one past the last token
    code: str
    country: str | None
    agent: str | None
    text: str
    entry: str  # the dictionary entries used, "name (file:line)" joined by "; "
    type: str
    sentence: int  # sentence index within the story
    via: str | None = None  # for references and pronouns: the text they were resolved to
    # Heads of mentions that share this one's role: "ambassadors of Arnor and Gondor" is one
    # phrase naming ARNGOV and GONGOV.
    partners: tuple[int, ...] = ()
    inferred: bool = False  # the country was inferred (country_inference.py), not named
    place: bool = False  # named as where something happened ("in Istanbul"), not as a party
    # The person a role group belongs to ("Maduro" in "Maduro's opponents"): no actor of its
    # own, but a pronoun may mean them ("Saied's opponents accuse him").
    owner: "Mention | None" = None
    # In an undated story, the entry's codes of other days in the same country (the RSF: SDNMIL,
    # and SDNREB from 2023), for keeping two parties of one sentence apart (``keep_apart``).
    alts: tuple[str, ...] = ()
    # For a pronoun that stands for several coordinated actors ("India and Pakistan ... they"):
    # the others, each as a mention on the same word.
    also: tuple["Mention", ...] = ()


class _Hit:
    """One dictionary match: an actor or agent entry (``payload``) over tokens start..end-1."""

    __slots__ = ("kind", "start", "end", "payload", "code")

    def __init__(self, kind: str, start: int, end: int, payload: int, code: str) -> None:
        self.kind = kind  # "actor" or "agent"
        self.start = start
        self.end = end
        self.payload = payload
        self.code = code


# First blocks of CAMEO codes for actors that belong to no state: an agent is not composed onto
# them and they have no country.
UNKNOWN_COUNTRY = "---"
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "INT", "UAF"})


def split_code(code: str) -> tuple[str | None, str | None]:
    """Country and agent parts of an actor code: RUSMIL -> (RUS, MIL); IGOUNO -> (None, IGOUNO)."""
    if code[:3] in NON_STATE:
        return None, code
    return code[:3], (code[3:] or None)


def _entry_label(entry) -> str:
    origin = entry.origin
    return f"{entry.name} ({origin.file}:{origin.line})" if origin else entry.name


def _span_root(sent_doc, start: int, end: int):
    """The token of a matched phrase that attaches it to the sentence. When the parser splits a
    name it does not know ("Adly Mansour": Adly an adverb, Mansour the subject), several do; the
    last is taken, as English noun phrases end in their head."""
    toks = sent_doc._toks
    root = None
    for i in range(start, end):
        tok = toks[i]
        h = tok.head.i
        if not (start <= h < end) or h == tok.i:
            root = tok
    return root if root is not None else toks[end - 1]


def _np_head(tok):
    """Climb from a modifier to the head of its noun phrase."""
    seen = 0
    while tok.dep_ in _NP_MODIFIERS and tok.head.i != tok.i and seen < 8:
        if tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN" and any(c.dep_ == "cc" for c in tok.children) and any(
                c.dep_ == "conj" and c.pos_ == "PROPN" for c in tok.children):
            # "a meeting between South Korean President Park Geun-hye and Japanese Prime
            # Minister Shinzo Abe": a name coordinated with another name is a phrase of its own,
            # however the parser hung the pair on the last name
            break
        tok = tok.head
        seen += 1
    return tok


def find_hits(lex: Lexicon, lowers: list[str], texts: list[str], offset: int, day: dt.date | None) -> list[_Hit]:
    """Greedy longest dictionary matches, left to right; actors win ties with agents."""
    return _find_hits(lex, lowers, texts, offset, day)


def assumed_day(lex: Lexicon, lowers: list[str], texts: list[str]) -> AssumedDay | None:
    """The day an undated story most likely tells of, from the people it names in office. Their
    dated offices (one after another count as one span) cut time into stretches; the stretch in
    which the most of them held office, the longest of those (the one still open first), the later
    of equals, gives its last day. "President Ashraf Ghani appealed to the Taliban" is before August 2021, when the Taliban
    were rebels, not the government they are now. None when no one named held a dated office, or
    when the most of them hold office today (today's codes are what an undated story gets)."""
    windows, seen = [], set()
    for h in _find_hits(lex, lowers, texts, 0, None):
        if h.kind != "actor" or h.payload in seen:
            continue
        seen.add(h.payload)
        entry = lex.actor(h.payload)
        if entry.type != "person":
            continue
        spans: list = []
        for lo, hi in sorted((max(dc.start or _EARLIEST, _EARLIEST), dc.end or dt.date.max) for dc in entry.codes
                             if not dc.code.endswith("ELI") and (dc.start is not None or dc.end is not None)):
            if spans and (lo - spans[-1][1]).days <= 1:  # one office after another: one span
                spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
            else:
                spans.append((lo, hi))
        if spans:
            windows.append(spans)
    if not windows:
        return None
    cuts = sorted({lo for spans in windows for lo, _ in spans}
                  | {hi + _ONE_DAY for spans in windows for _, hi in spans if hi != dt.date.max})
    best, best_key = None, (0, 0, dt.date.min)
    for a, b in zip(cuts, cuts[1:] + [dt.date.max]):
        n = sum(1 for spans in windows if any(lo <= a <= hi for lo, hi in spans))
        if not n:
            continue
        key = (n, (b - a).days if b != dt.date.max else _OPEN, a)  # today's offices win ties
        if key > best_key:
            best, best_key = (None if b == dt.date.max else b - _ONE_DAY), key
    return AssumedDay(best.year, best.month, best.day) if best is not None else None


_EARLIEST = dt.date(1945, 1, 1)  # an office open at its start: counted from here
_ONE_DAY = dt.timedelta(days=1)
_OPEN = 10 ** 7  # the length of the stretch still open: longer than any closed one


# Prefixes that make a hyphenated country word name something else ("pro-Russian", "anti-American",
# "Inter-American", "Pan-African", "non-Western").
_AFFIXES = frozenset({"pro", "anti", "inter", "pan", "non", "trans", "intra", "extra", "ultra", "neo", "post", "pre"})

# Capitalised words that make a nationality after them a region's ("Central American", "Latin
# American", "North African").
_REGION_WORDS = frozenset({"Central", "Latin", "North", "South", "East", "West", "Northern", "Southern", "Eastern",
                           "Western"})

# Participles after a hyphen that make the actor before them a patron of what follows
# ("Iranian-backed", "UN-recognised", "Western-trained"), not the actor itself.
PATRONS = frozenset({
    "backed", "funded", "financed", "sponsored", "supported", "recognized", "recognised", "trained", "armed",
    "allied", "aligned", "installed", "appointed", "equipped", "supplied", "friendly",
})

# Capitalised words that make a role beside them part of a place's name ("Hotel Ambassador",
# "Ambassador Hotel", "Army Stadium", "Embassy Road").
_BUILDINGS = frozenset({
    "Hotel", "Street", "Road", "Avenue", "Square", "Stadium", "Hospital", "Bridge", "Airport", "Mall", "Tower",
    "Park", "School", "College", "University", "Club", "Restaurant", "Cinema", "Theatre", "Theater", "Boulevard",
    "Lane", "Market", "Cafe", "Plaza", "Gardens",
})

_COUNTRY_NOUNS = frozenset({"country", "nation", "state", "kingdom", "republic", "island", "archipelago", "emirate",
                            "monarchy", "countries", "nations", "states"})


def _name_word(word: str) -> bool:
    """Whether ``word`` looks like a (sur)name: capitalised, the rest lower case, no weekday or
    month ("Ablyazov", not "Monday" or "US")."""
    if "-" in word:
        # "Abdul-Fahdawi", "al-Fahdawi": each part a name, after an article of its own
        parts = word.split("-")
        if parts[0] in _NAME_ARTICLES:
            parts = parts[1:]
        return len(parts) > 0 and all(_name_word(p) for p in parts)
    return len(word) > 2 and word[:1].isupper() and word[1:].islower() and word.isalpha() and word not in _CALENDAR_WORDS


# Words inside a person's name before the surname ("Arnel de la Vega", "Ludwig van der Berg"),
# and the article written onto an Arabic surname ("al-Fahdawi").
_NAME_PARTICLES = frozenset({"de", "la", "del", "da", "das", "do", "dos", "van", "der", "den", "von", "di", "du", "le", "bin", "ibn", "al", "el"})
_NAME_ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "an", "ar", "az"})


def _someone_else(entry, word: str) -> bool:
    """Whether a one-word name of ``entry`` after the name word ``word`` names another person."""
    return entry.type == "person" and not _among_names(entry.phrases, word)


def _among_names(phrases, word: str) -> bool:
    """Whether ``word`` (lower case) is a word of one of a person's names, or another spelling
    of one ("Mohammad" for "Mohamed", "Moammar" for "Muammar")."""
    from difflib import SequenceMatcher

    return any(word == w or (len(w) > 3 and SequenceMatcher(None, word, w).ratio() >= 0.75)
               for p in phrases for w in p.lower().replace("-", " ").split())


def _names_region(lowers: list[str], i: int, end: int | None = None) -> bool:
    from .regions import regions

    known = regions()
    return lowers[i] in known or (i > 0 and f"{lowers[i - 1]} {lowers[i]}" in known) or (
        end is not None and end > i + 1 and " ".join(lowers[i:end]) in known)


# Words that join the parts of an organisation's name ("Front for the Liberation of ...").
_NAME_JOINS = frozenset({"for", "of"})
_NAMED_TYPES = frozenset({"igo", "ngo", "company", "armed_group", "other"})


def _longer_name(lex: Lexicon, a, lowers: list[str], texts: list[str], i: int) -> bool:
    """Whether an organisation's name matched at ``i`` goes on as a longer name: "for" or "of",
    maybe "the", then a capitalised word that starts no actor of its own ("National Front for the
    Defense of the Constitution"; not "the government of Syria", not a country or a person)."""
    j = i + a[0]
    n = len(lowers)
    if j + 1 >= n or lowers[j] not in _NAME_JOINS or not texts[i][:1].isupper():
        return False
    if lex.actor(a[1]).type not in _NAMED_TYPES:
        return False
    k = j + 2 if lowers[j + 1] == "the" and j + 2 < n else j + 1
    word = texts[k]
    if not word[:1].isupper() or not word[1:2].islower():
        return False
    return phrase_match(lex.actors.by_first, lowers, texts, k) is None


def _find_hits(lex: Lexicon, lowers: list[str], texts: list[str], offset: int, day: dt.date | None) -> list[_Hit]:
    hits: list[_Hit] = []
    singles, pairs, firsts = lex.mention_openings
    actors, agents = lex.actors.by_first, lex.agents.by_first
    i, n = 0, len(lowers)
    last = n - 1
    while i < n:
        low, text = lowers[i], texts[i]
        if low not in firsts and text not in firsts:
            i += 1
            continue
        if low in _POINTS and i + 3 < n and lowers[i + 1] in ("and", "or") and lowers[i + 2] in _POINTS:
            # "North and South Korea", "East and West Germany": the first names the head the
            # second has ("North Korea"), a party of its own (the compass words open names, so
            # they pass the test above)
            a = phrase_match(actors, [low] + lowers[i + 3:i + 7], [text] + texts[i + 3:i + 7], 0)
            code = lex.actor(a[1]).code_on(day) if a is not None and a[0] >= 2 else None
            if code is not None and lex.actor(a[1]).type != "person":
                hits.append(_Hit("actor", offset + i, offset + i + 1, a[1], code))
                i += 1
                continue
        if low not in singles and text not in singles and (
            i == last or ((low, lowers[i + 1]) not in pairs and (text, texts[i + 1]) not in pairs)
        ):
            i += 1
            continue
        a = phrase_match(actors, lowers, texts, i)
        g = phrase_match(agents, lowers, texts, i)
        if a is not None and a[0] == 1 and lex.actor(a[1]).type == "person" and (not text[:1].isupper() or (
                i < last and _name_word(texts[i + 1]) and (
                    (texts[i + 1] not in firsts and lowers[i + 1] not in firsts)
                    # "Khamis Abdul-Fahdawi": a word that may open a name but opens none here
                    or (phrase_match(actors, lowers, texts, i + 1) is None and phrase_match(agents, lowers, texts, i + 1) is None)))):
            # a one-word name matches only as a name: "Struck", not "struck"; and not as the
            # first name of a longer one the dictionaries do not know ("Mukhtar Ablyazov")
            a = None
        if a is not None and a[1] not in lex.lower_case_actors and not _capitalised(texts, i, i + a[0]) \
                and _cased(texts):
            # "a historic pact", "turkey", "chad": a name is written with capitals (in text that
            # has any); the words in lower case are not the party, country or person
            a = None
        if a is not None and a[0] == 1 and i > 1:
            j = i - 1
            while j > 1 and lowers[j] in _NAME_PARTICLES:
                j -= 1  # "Arnel de la Vega"
            if j > 0 and _name_word(texts[j]) and not (hits and hits[-1].end == offset + j + 1) \
                    and _someone_else(lex.actor(a[1]), lowers[j]):
                # nor as the surname of someone else whose first name no entry knows ("her
                # Pakistani counterpart Salman Bashir" is not Omar al-Bashir): a name word before
                # a one-word name that is none of the person's own names
                a = None
        if a is not None:
            code = lex.actor(a[1]).code_on(day)
            if code is None:
                # The phrase names someone who is no actor on this date ("Ramzan Kadyrov" before
                # office): its words are his, not a shorter entry's ("Kadyrov", his father).
                if g is None or g[0] <= a[0]:
                    i += a[0]
                    continue
                a = None
        if i >= 2 and lowers[i - 1] == "-" and lowers[i - 2] in _AFFIXES and (a is not None or g is not None):
            # "pro-Russian separatists", "anti-American protesters", "the Inter-American
            # Commission", "anti-government protests", "pro-government militias": the country or
            # role is what they are for, against or between, not who they are
            i += a[0] if a is not None else g[0]
            continue
        if a is not None and i > 0 and texts[i - 1] in _REGION_WORDS and lex.actor(a[1]).type != "person":
            # "Central American migrants", "Latin American leaders": a region's people; the
            # regions the dictionaries name ("South Korean", "West Bank") matched before here
            i += a[0]
            continue
        if a is not None and i + a[0] < n and lowers[i + a[0]] in _COUNTRY_NOUNS and _names_region(lowers, i, i + a[0]):
            # "the South American country", "the European nation": a region, not the country
            # the word alone names; the reference after it is resolved later
            i += a[0]
            continue
        if a is not None and i + a[0] + 1 < n and lowers[i + a[0]] == "-" and lowers[i + a[0] + 1] in PATRONS:
            # "Russian-backed separatists", "the UN-recognized government": the country backs or
            # recognises the actor, it is not the actor (a role or group named after it still is)
            i += a[0]
            continue
        if a is not None and _longer_name(lex, a, lowers, texts, i):
            # "the National Front for the Defense of the Constitution": the words are the start
            # of a longer name the dictionaries do not know, not the group "National Front" is
            i += a[0]
            continue
        if a is not None and (g is None or a[0] >= g[0]):
            hits.append(_Hit("actor", offset + i, offset + i + a[0], a[1], code))
            i += a[0]
        elif g is not None:
            if text[:1].isupper() and ((i > 0 and texts[i - 1] in _BUILDINGS) or (i + g[0] < n and texts[i + g[0]] in _BUILDINGS)):
                i += g[0]  # "the Hotel Ambassador", "Embassy Road": a name of a place, no actor
                continue
            hits.append(_Hit("agent", offset + i, offset + i + g[0], g[1], lex.agent(g[1]).code))
            i += g[0]
        else:
            i += 1
    return hits


# Words of a compass point that open country names ("North Korea", "South Sudan").
_POINTS = frozenset({"north", "south", "east", "west"})


def _capitalised(texts: list[str], start: int, end: int) -> bool:
    """Whether a word of texts[start:end] has a capital letter."""
    for k in range(start, end):
        t = texts[k]
        if t.lower() != t:
            return True
    return False


def _cased(texts: list[str]) -> bool:
    """Whether the text has capitals at all (lower-cased input keeps every name)."""
    for t in texts:
        if t.lower() != t:
            return True
    return False


def _hyphen_pairs(lex: Lexicon, doc, hits: list[_Hit]) -> tuple:
    """Actor names joined by a hyphen before a noun of a joint act ("Russia-Ukraine talks", "a
    Hamas-Israel truce"): the two sides of the act, each a mention of its own."""
    out = []
    for a, b in zip(hits, hits[1:]):
        if a.kind != "actor" or b.kind != "actor" or b.start != a.end + 1 or a.code == b.code:
            continue
        if doc[a.end].text not in ("-", "\u2013") or " " in doc.span_text(a.end - 1, a.end + 2):
            continue
        noun = _np_head(_span_root(doc, a.start, b.end))
        entries = lex.nouns.get(noun.lower_) or lex.nouns.get(noun.lemma) if noun.i >= b.end else None
        if entries and any(pat.mutual for _, pat in entries):
            out += (a, b)
    return tuple(out)


def sentence_mentions(
    lex: Lexicon, sent, sentence_index: int, day: dt.date | None,
    lowers: list[str] | None = None, texts: list[str] | None = None,
) -> list[Mention]:
    """Mentions of one sentence (a ``tokens.Sentence``), before references are resolved.

    ``lowers`` and ``texts`` are the sentence's tokens in lower case and as written, when the
    caller has them already."""
    if lowers is None or texts is None:
        lowers, texts = sent.lowers, sent.texts
    return _sentence_mentions(lex, sent, sentence_index, day, lowers, texts)


# Nouns of acts and means that "military" describes without naming an army ("military action").
_MILITARY_MEANS = frozenset({"action", "option", "solution", "pressure", "force", "means", "might", "power",
                             "spending", "budget", "capability", "response", "escalation", "confrontation",
                             "threat", "conflict", "victory", "defeat", "setback", "tension", "standoff"})


def _sentence_mentions(lex: Lexicon, sent, sentence_index: int, day: dt.date | None, lowers: list[str], texts: list[str]) -> list[Mention]:
    doc = sent.doc
    hits = _find_hits(lex, lowers, texts, sent.start, day)
    if not hits:
        return []
    doc.build(sent.start, sent.end)
    if "official" in lowers:
        # "received no official notification", "an official visit": the adjective, no official
        hits = [h for h in hits if not (h.kind == "agent" and h.end - h.start == 1 and doc[h.start].lower_ == "official"
                                        and doc[h.start].pos_ == "ADJ" and doc[h.start].dep_ == "amod")]
        if not hits:
            return []
    if "military" in lowers:
        # "will be met with military action", "ruled out military force": the adjective of an
        # act or means names no army
        hits = [h for h in hits if not (h.kind == "agent" and h.end - h.start == 1 and doc[h.start].lower_ == "military"
                                        and doc[h.start].dep_ == "amod" and doc[h.start].head.lemma in _MILITARY_MEANS)]
        if not hits:
            return []
    if any(h.code in _REGION_CODES for h in hits):
        hits = _regional_peoples(doc, hits)
        if not hits:
            return []
    groups: dict[int, list[_Hit]] = {}
    relation: dict[int, str] = {}
    paired = _hyphen_pairs(lex, doc, hits) if len(hits) > 1 else ()
    for h in hits:
        if h in paired or _elided(lowers, h.start - sent.start, h.end - sent.start):
            groups.setdefault(h.end - 1, []).append(h)  # "Russia-Ukraine talks": each side its own
            continue
        root = _span_root(doc, h.start, h.end)
        head = _np_head(root)
        groups.setdefault(head.i, []).append(h)
        if head.i != root.i:
            relation.setdefault(head.i, root.dep_)
    # "the government of Syria", "soldiers from Gondor": an actor in such a phrase joins the
    # agent it qualifies, when nothing else names the agent's country.
    shared: dict[int, list[int]] = {}  # agent head -> heads of coordinated located actors
    for head_i in list(groups):
        tok = doc[head_i]
        if head_i not in groups or tok.dep_ != "pobj" or tok.head.lower_ not in _LOCATING:
            continue
        owner_i = tok.head.head.i
        owner = groups.get(owner_i)
        if owner is None:
            # "the Ministry of Foreign Affairs of Lithuania": the phrase hangs on a word inside
            # the agent's own name, not on its head
            for k, g in groups.items():
                if k != head_i and any(h.start <= owner_i < h.end for h in g):
                    owner_i, owner = k, g
                    break
        if owner and tok.head.lower_ == "of" and doc[owner_i].lower_ in _GATHERINGS \
                and any(h.kind == "agent" for h in groups[head_i]):
            # "fired tear gas at crowds of protesters": the crowd is the protesters; a country
            # named for the gathering ("Palestinian crowds of protesters") is theirs
            own = groups[head_i]
            if not any(h.kind == "actor" for h in own):
                own[:0] = [h for h in owner if h.kind == "actor"]
            del groups[owner_i]
            continue
        if tok.head.lower_ == "with" and not (owner and all(h.code in _ARMED_ROLES for h in owner)):
            continue  # "fighters with the group", but "shared intelligence with the United States"
        if owner and all(h.kind == "agent" for h in owner) and (
                all(h.kind == "actor" for h in groups[head_i])
                # "fighters with the Al-Shabab extremist group": a named group's own kind word
                or _named_group(groups[head_i])):
            agent_hits = list(owner)
            owner.extend(groups.pop(head_i))
            for partner in tok.conjuncts:
                if partner.i in groups and all(h.kind == "actor" for h in groups[partner.i]):
                    groups[partner.i] = agent_hits + groups[partner.i]
                    shared.setdefault(owner_i, []).append(partner.i)
    mentions = []
    undated = day is None or isinstance(day, AssumedDay)
    for head_i, group in groups.items():
        m = _compose(lex, doc, head_i, group, relation.get(head_i), sentence_index)
        if m is not None:
            if head_i in shared:
                m = replace(m, partners=tuple(shared[head_i]))
            if undated:
                named = [h for h in group if h.kind == "actor"]
                if len(named) == 1 and m.code == named[0].code:  # the entry's own code, no role added
                    alts = _other_codes(lex.actor(named[0].payload), m.code)
                    if alts:
                        m = replace(m, alts=alts)
            mentions.append(m)
    _coordinated_nationalities(doc, mentions)
    if not _POINTS.isdisjoint(lowers):
        _elided_partners(doc, mentions, lowers, sent.start)
    _coordinated_roles(lex, doc, mentions)
    _led_by(lex, doc, mentions, sent.end)
    _named_nationals(lex, doc, mentions)
    _protesting_nationals(lex, doc, mentions)
    _share_country(doc, mentions)
    _former_in_apposition(doc, mentions)
    _representing(doc, mentions)
    _loyal_forces(doc, mentions)
    _air_means(doc, mentions)
    if lex.protest_verbs and not _CROWD_COUNTS.isdisjoint(lowers):
        _protesting_crowds(lex, sent, mentions, sentence_index)
    mentions.sort(key=lambda m: m.start)
    return mentions


# Counts that stand alone for a crowd ("Thousands marched", "hundreds took to the streets").
_CROWD_COUNTS = frozenset({"thousands", "hundreds", "dozens", "scores", "tens", "millions"})


def _protesting_crowds(lex: Lexicon, sent, mentions: list[Mention], sentence_index: int) -> None:
    """A bare count that is the subject of a protest verb is protesters ("Since April, thousands
    have taken to the streets to demand Ortega's resignation"): an OPP mention with no country,
    which country inference fills in like any bare role's."""
    doc = sent.doc
    for i in range(sent.start, sent.end):
        tok = doc[i]
        if tok.lower_ not in _CROWD_COUNTS or tok.dep_ != "nsubj":
            continue
        verb = tok.head
        if verb.lemma not in lex.protest_verbs and verb.lower_ not in lex.protest_verbs:
            continue
        if any(c.dep_ == "prep" and not all(p.lower_ in _CROWD_COUNTS for p in c.children if p.dep_ == "pobj")
               for c in tok.children):
            continue  # "thousands of workers marched": the workers are whoever they are
        if any(m.start <= i < m.end or m.head == i for m in mentions):
            continue
        payload = lex.agent_named("protester")
        if payload is None:
            return
        ag = lex.agent(payload)
        mentions.append(Mention(i, i, i + 1, UNKNOWN_COUNTRY + ag.code, None, ag.code, tok.text, _entry_label(ag),
                                "other", sentence_index))


def _other_codes(entry, code: str) -> tuple[str, ...]:
    """The codes a group's, party's or city's entry gives on other days in the same country."""
    if entry.type == "person" or entry.type == "country":
        return ()
    out = []
    for dc in entry.codes:
        if dc.code != code and dc.code[:3] == code[:3] and dc.code not in out:
            out.append(dc.code)
    return tuple(out)


def keep_apart(mentions: list[Mention]) -> list[Mention]:
    """In an undated story, a group coded as the very state role another party of its sentence
    has ("Talks between the Sudanese army and the Rapid Support Forces": both SDNMIL over
    2000-2025) takes its code of another day (SDNREB): the sentence names two parties."""
    if len(mentions) < 2:
        return mentions
    out = list(mentions)
    for k, m in enumerate(out):
        if not m.alts or m.agent not in _KEPT_APART:
            continue
        if not any(o is not m and o.head != m.head and o.code == m.code and not o.alts for o in out):
            continue
        taken = {o.code for o in out}
        for alt in m.alts:
            if alt not in taken:
                country, agent = split_code(alt)
                out[k] = replace(m, code=alt, country=country, agent=agent, alts=())
                break
    return out


# State roles two parties of one sentence are unlikely to share with a group of changing role.
_KEPT_APART = frozenset({"GOV", "MIL", "COP"})


# Roles that stand for the state itself: forces loyal to its leader are the state's forces.
_STATE_ROLES = frozenset({"GOV", "ELI"})


def _loyal_forces(doc, mentions: list[Mention]) -> None:
    """"fighters loyal to Khalifa Haftar", "forces loyal to Gaddafi": a role loyal to a leader
    is his side: the leader's own code for a rebel, opposition or military leader (LBYMIL), the
    role of his country for a head of state or government ("forces loyal to Gaddafi": LBYMIL)."""
    if len(mentions) < 2:
        return
    at = {m.head: k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):
        if not m.agent or m.type == "person":
            continue
        for p in _loyal_to(doc[m.head]):
            j = at.get(p.i)
            if j is None or mentions[j].country is None:
                continue
            leader = mentions[j]
            code = leader.country + m.agent if leader.agent is None or leader.agent in _STATE_ROLES else leader.code
            mentions[k] = replace(m, code=code, country=leader.country, inferred=False,
                                  entry=m.entry + "; loyal to " + leader.text)


def _loyal_to(tok) -> list:
    """The objects of the noun's "loyal to" phrase."""
    return [p for c in tok.children if c.dep_ == "amod" and c.lower_ == "loyal"
            for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "to"
            for p in prep.children if p.dep_ == "pobj"]


def _elided(lowers: list[str], start: int, end: int) -> bool:
    """Whether the sentence words start..end-1 are one compass word standing for a country name
    whose head the next conjunct has ("North" in "North and South Korea")."""
    return end == start + 1 and lowers[start] in _POINTS and start + 2 < len(lowers) \
        and lowers[start + 1] in ("and", "or") and lowers[start + 2] in _POINTS


def _elided_partners(doc, mentions: list[Mention], lowers: list[str], offset: int) -> None:
    """"North and South Korea": the country the second conjunct names has the first as its
    partner, so that both act where the phrase does."""
    for j, m in enumerate(mentions):
        if not _elided(lowers, m.start - offset, m.end - offset):
            continue
        k = next((k for k, o in enumerate(mentions) if o.start <= m.start + 2 < o.end), None)
        if k is None or m.head in mentions[k].partners:
            continue
        other = mentions[k]
        mentions[k] = replace(other, partners=other.partners + (m.head,))
        # each stands for the other, and a role named for both is each one's ("the leaders of
        # North and South Korea")
        role = {"agent": other.agent, "code": m.country + other.agent} if other.agent and m.country and not m.agent else {}
        mentions[j] = replace(m, partners=m.partners + (other.head,), **role)


def _coordinated_nationalities(doc, mentions: list[Mention]) -> None:
    """"Indian and Pakistani forces", "the Azerbaijani and Armenian foreign ministers": a role of
    coordinated nationalities is one party per nationality. The parser hangs the second
    nationality on the first as a conjunct, where it names a bare country; it takes the role and
    becomes a partner of the role's mention, so that both act."""
    if len(mentions) < 2:
        return
    at = {m.head: k for k, m in enumerate(mentions)}
    for k in range(len(mentions)):
        m = mentions[k]
        if not m.agent or not m.country or m.head <= m.start:
            continue
        partners = list(m.partners)
        for i in range(m.start, m.head):
            for c in doc[i].children:
                j = at.get(c.i)
                if c.dep_ != "conj" or j is None:
                    continue
                other = mentions[j]
                if len(other.code) == 3 and other.country and other.country != m.country and other.code[:3] not in NON_STATE:
                    mentions[j] = replace(other, code=other.country + m.agent, agent=m.agent)
                    partners.append(c.i)
        # "expelled Polish, German and Swedish diplomats": the parser may make the first
        # nationality of the list the verb's object and the role its conjunct
        head = doc[m.head]
        j = at.get(head.head.i) if head.dep_ == "conj" and head.head.i < m.start else None
        if j is not None:
            other = mentions[j]
            between = range(other.end, m.start)
            if len(other.code) == 3 and other.country and other.country != m.country \
                    and other.code[:3] not in NON_STATE and other.end - other.start == 1 \
                    and all(doc[i].pos_ == "PUNCT" for i in between) and len(between) <= 1:
                mentions[j] = replace(other, code=other.country + m.agent, agent=m.agent)
                partners.append(other.head)
        if len(partners) > len(m.partners):
            mentions[k] = replace(m, partners=tuple(partners))


def _named_nationals(lex: Lexicon, doc, mentions: list[Mention]) -> None:
    """"Cuba freed American Alan Gross": a nationality before a name the dictionaries do not know,
    with no article, names a national of that country, a civilian (as an unnamed man is), not
    the state. "the American Red Cross" keeps its article and is left alone."""
    civilian = None
    for k, m in enumerate(mentions):
        if m is None or m.agent is not None or m.country is None or m.code != m.country or m.type != "country" \
                or m.end - m.start != 1 or not m.end <= m.head <= m.end + 3 or m.via is not None:
            continue
        head = doc[m.head]
        if head.pos_ != "PROPN" or any(c.dep_ == "det" for c in head.children):
            continue
        names = [doc[i] for i in range(m.end, m.head + 1)]
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() for t in names):
            continue
        if gazetteer.lookup(doc[m.start].text) is not None:
            continue  # "China Daily": the country's own name, not its nationality
        if civilian is None:
            civilian = lex.agent_named("civilian")
            if civilian is None:
                return
        mentions[k] = _in_role(lex, m, civilian, end=m.head + 1, text=doc.span_text(m.start, m.head + 1))


def _in_role(lex: Lexicon, m: Mention, payload: int, **changes) -> Mention:
    """A nationality's mention as that country's people in the role of agent entry ``payload``."""
    agent = lex.agent(payload)
    return replace(m, code=m.country + agent.code, agent=agent.code, type="person",
                   entry=m.entry + "; " + _entry_label(agent), **changes)


def _protesting_nationals(lex: Lexicon, doc, mentions: list[Mention]) -> None:
    """"KFOR dispersed protesting Serbs", "Peruvians protesting the ouster clashed with police",
    "Palestinians who protested against the raid": a people named by nationality that a protest
    verb says is protesting are that country's protesters (OPP), as "Serb protesters" are. Nouns
    with a role of their own ("protesting students") keep it."""
    protester = None
    for k, m in enumerate(mentions):
        if m is None or m.agent is not None or m.country is None or m.code != m.country or m.via is not None:
            continue
        head = doc[m.head]
        if head.tag_ != "NNPS" and head.tag_ != "NNS":
            continue  # "Serbia", "the Serbian government": a state, not its people
        if not any(_protests(lex, c) for c in head.children
                   if (c.dep_ == "amod" and c.tag_ == "VBG" and c.i < head.i) or c.dep_ == "acl" or c.dep_ == "relcl"):
            continue
        if protester is None:
            protester = lex.agent_named("protester")
            if protester is None:
                return
        mentions[k] = _in_role(lex, m, protester)


def _protests(lex: Lexicon, verb) -> bool:
    """Whether a verb alone is a protest: a bare pattern of root 14 ("protest", "demonstrate",
    "riot"), not one that needs more words ("take to the streets")."""
    index = lex.verbs.get(verb.lemma)
    return index is not None and any(p.code[:2] == "14" for _, p in index.bare)


def _led_by(lex: Lexicon, doc, mentions: list[Mention], end: int) -> None:
    """"the Saudi-led coalition", "US-led forces": a body an actor leads is that actor's, with
    the body's own role, or its forces' for a coalition or alliance (SAUMIL)."""
    for k, m in enumerate(mentions):
        if m is None or m.agent or m.end + 1 >= end or m.country is None or doc[m.end].text not in ("-", "\u2013") \
                or doc[m.end + 1].lower_ != "led":
            continue
        led = doc[m.end + 1]
        body = led.head
        if led.dep_ != "amod" or body.i <= led.i:
            continue
        for c in body.children:
            # "a Saudi-led coalition airstrike": the coalition is the body led, the strike its act
            if c.dep_ == "compound" and led.i < c.i < body.i and (
                    c.lemma in _ARMED_BODIES or lex.agent_named(c.lower_) is not None):
                body = c
                break
        there = [j for j, o in enumerate(mentions) if o is not None and o.head == body.i]
        if there:
            o = mentions[there[0]]
            if o.country is None and o.agent and o.code.startswith(UNKNOWN_COUNTRY):
                # "Saudi-led forces": the role named by the body, of the leader's country
                mentions[there[0]] = replace(o, code=m.country + o.agent, country=m.country, start=m.start,
                                             text=doc.span_text(m.start, o.end), entry=m.entry + "; led " + o.entry)
                mentions[k] = None
            continue
        i = lex.agent_named(body.lower_)
        if i is None and body.lower_ != body.lemma:
            i = lex.agent_named(body.lemma)
        if i is not None:
            agent = lex.agent(i).code
        elif body.lemma in _ARMED_BODIES:
            agent = "MIL"
        else:
            continue
        mentions[k] = replace(m, head=body.i, end=body.i + 1, code=m.country + agent, agent=agent,
                              text=doc.span_text(m.start, body.i + 1), entry=m.entry + "; led " + body.text)
    if None in mentions:
        mentions[:] = [m for m in mentions if m is not None]


# The region codes of actors/countries.txt, some listed with their adjective ("West African",
# "European"): the adjective names an actor only with a role of people ("West African leaders":
# WAFGOV), not on a thing ("European laws", "the West African intervention force").
_REGION_CODES = frozenset({"AFR", "ASA", "EUR", "BLK", "CRB", "CAU", "CFR", "CAS", "CEU", "EAF", "EEU", "LAM", "SAM",
                           "NMR", "MEA", "MDT", "NAF", "PGS", "SCN", "SAS", "SEA", "SAF", "WAF"})


def _regional_peoples(doc, hits: list) -> list:
    """The region adjectives' hits that stand on a role of people; the others dropped."""
    out = []
    for h in hits:
        if h.kind == "actor" and h.code in _REGION_CODES and doc[h.end - 1].lower_.endswith("an"):
            head = doc[h.end - 1].head.i
            if not any(g.kind == "agent" and g.start <= head < g.end for g in hits):
                continue
        out.append(h)
    return out


# Means of force from the air, which only a state's forces wield: the country that names them
# is its armed forces ("Israeli airstrikes killed 14 people", "a U.S. air raid", "Sudanese
# aircraft bombed"). Ground attacks and fire are left to the country ("Indian fire").
_AIR_MEANS = frozenset({"airstrike", "strike", "raid", "aircraft", "bombardment", "bombing", "drone", "missile", "helicopter", "jet"})
# Words that make a "raid" one from the air.
_AIRBORNE = frozenset({"air", "drone", "aerial"})


def _air_means(doc, mentions: list[Mention]) -> None:
    for k, m in enumerate(mentions):
        if m is None or m.agent or m.country is None or m.code != m.country or m.end - m.start > 3:
            continue
        means = doc[m.head]
        if m.head < m.end:  # the name is its own phrase's head: the noun it modifies
            if means.dep_ not in ("amod", "compound", "nmod", "poss"):
                continue
            means = means.head
        word = means.lemma
        if word not in _AIR_MEANS or means.i < m.end:
            continue
        if word == "raid" and not any(doc[j].lower_ in _AIRBORNE for j in range(m.end, means.i)):
            continue  # "a police raid" is no air raid; "an Israeli strike" is told of the air force
        mentions[k] = replace(m, code=m.country + "MIL", agent="MIL", entry=m.entry + "; " + means.text + " (air means)")


# Bodies a country leads that are its forces ("the US-led coalition").
_ARMED_BODIES = frozenset({"coalition", "alliance", "operation", "offensive", "campaign", "mission", "force"})


def _role_of(lex: Lexicon, modifier, head) -> str | None:
    """The agent code of a modifier with its role noun ("government forces": MIL, "rebel
    troops": REB), else of the modifier alone ("army troops": MIL), or None."""
    low = head.lower_
    forms = [low]
    if low.endswith("ies"):
        forms.append(low[:-3] + "y")
    elif low.endswith("s"):
        forms.append(low[:-1])
    for form in forms:
        i = lex.agent_named(modifier.lower_ + " " + form)
        if i is not None:
            return lex.agent(i).code
    i = lex.agent_named(modifier.lower_)
    return lex.agent(i).code if i is not None else None


def _coordinated_roles(lex: Lexicon, doc, mentions: list[Mention]) -> None:
    """"fighting between government and rebel forces", "army and opposition fighters": roles
    coordinated before one noun are one party each, each the role its word makes with the noun
    (government forces: MIL, rebel forces: REB), of the phrase's country."""
    at = {m.head: k for k, m in enumerate(mentions)}
    for k in range(len(mentions)):
        m = mentions[k]
        if m is None or not m.agent or m.head <= m.start or m.via is not None:
            continue
        head = doc[m.head]
        if head.tag_ != "NNS":
            continue
        for first in head.children:
            if first.dep_ not in ("nmod", "amod", "compound") or first.i >= m.head:
                continue
            seconds = [c for c in first.children if c.dep_ == "conj" and c.i < m.head]
            if len(seconds) != 1 or first.i in at and mentions[at[first.i]].country not in (None, m.country):
                continue
            second = seconds[0]
            mine, theirs = _role_of(lex, second, head), _role_of(lex, first, head)
            if mine is None or theirs is None or mine == theirs:
                continue
            country = m.country or UNKNOWN_COUNTRY
            mentions[k] = m = replace(m, code=country + mine, agent=mine, partners=m.partners + (first.i,),
                                      entry=m.entry + "; coordinated role")
            j = at.get(first.i)
            other = mentions[j] if j is not None else m
            other = replace(other, head=first.i, start=first.i, end=first.i + 1, text=first.text,
                            code=country + theirs, agent=theirs, country=m.country, partners=(m.head,),
                            entry=m.entry)
            if j is not None:
                mentions[j] = other
            else:
                mentions.append(other)
                at[first.i] = len(mentions) - 1
            j = at.get(second.i)
            if j is not None and mentions[j].country in (None, m.country):
                mentions[j] = None  # "rebel" is part of "rebel troops", the mention above
            break
    if None in mentions:
        mentions[:] = [m for m in mentions if m is not None]


# Roles that speak or act for the body their "of" (or "for") phrase names: "the leader of the
# Kenyan opposition" is KENOPP, "a spokesman for the rebels" the rebels.
REPRESENTING = frozenset({
    "leader", "head", "chief", "spokesman", "spokeswoman", "spokesperson", "official", "president",
    "chairman", "chairwoman", "chairperson", "representative", "delegation", "envoy", "member", "commander",
})


# Nouns of what a body says: "a police statement accused ...", "a government letter said ...": the
# role before them is who speaks (not "media reports said", which attribute rather than speak).
_SAYINGS = frozenset({"statement", "communique", "communiqué", "letter", "declaration"})


# Titles that name no role of their own when a body's role stands before them ("army
# officials", "police spokesman", "rebel sources"; not "military leaders", who may rule).
_FUNCTIONARIES = frozenset({"official", "officer", "source", "spokesman", "spokeswoman", "spokesperson", "representative"})


def _representing(doc, mentions: list[Mention]) -> None:
    """A bare role (no country) whose "of"/"for" phrase names an actor with a role of its own or
    no state ("the leader of the Kenyan opposition", "the head of the UN mission") is that actor:
    the two mentions become one. A country named alone there is composed already ("the
    president of Kenya")."""
    if len(mentions) < 2:
        return
    by_head = {m.head: k for k, m in enumerate(mentions)}
    drop = set()
    for k, m in enumerate(mentions):
        if m.country is not None or not m.code.startswith(UNKNOWN_COUNTRY) or k in drop:
            continue
        tok = doc[m.head]
        if tok.lemma not in REPRESENTING:
            continue
        for prep in tok.children:
            if prep.dep_ != "prep" or (prep.lower_ != "of" and prep.lower_ != "for"):
                continue
            for p in _through_one_of(prep.children):
                j = by_head.get(p.i) if p.dep_ == "pobj" else None
                if j is None or j in drop:
                    continue
                n = mentions[j]
                if n.code == n.country or n.type == "person":
                    continue
                start, end = min(m.start, n.start), max(m.end, n.end)
                mentions[k] = replace(n, head=m.head, start=start, end=end, text=doc.span_text(start, end),
                                      entry=m.entry + "; " + n.entry)
                drop.add(j)
                break
            if k in drop or mentions[k] is not m:
                break
    heads = {m.head for m in mentions}
    for k, n in enumerate(mentions):
        # "The Speaker of the Solomons parliament blamed ...": a head of a body that is no role
        # of the dictionaries ("speaker", "director", "governor") speaks for that body too
        if k in drop or n.code == n.country or n.type == "person":
            continue
        p = doc[n.head]
        if p.dep_ != "pobj" or p.head.i == p.i or (p.head.lower_ != "of" and p.head.lower_ != "for"):
            continue
        t = p.head.head
        if t.lemma in _HEADS_OF and t.i not in heads and t.i < n.start:
            mentions[k] = replace(n, head=t.i, start=t.i, end=n.end, text=doc.span_text(t.i, n.end))
            heads.add(t.i)
    if drop:
        mentions[:] = [m for j, m in enumerate(mentions) if j not in drop]


_PARTITIVES = frozenset({"one", "some", "several", "many", "most", "all", "each", "both", "few"})


def _through_one_of(tokens):
    """The tokens, with a count's own "of" phrase in place of the count: "leaders of one of the
    city's pro-democracy groups" names the groups."""
    for p in tokens:
        if p.dep_ == "pobj" and (p.tag_ == "CD" or p.lower_ in _PARTITIVES):
            inner = [q for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for q in c.children if q.dep_ == "pobj"]
            if inner:
                yield from inner
                continue
        yield p


# Heads of a body that the dictionaries have no role for: "the Speaker of parliament", "the
# director of the CIA", "the governor of the central bank".
_HEADS_OF = frozenset({"speaker", "director", "governor", "secretary-general", "director-general", "boss"})


def _former_in_apposition(doc, mentions: list[Mention]) -> None:
    """"the former president, Kurmanbek Bakiyev": a person named beside a former title holds no
    office now (ELI), whatever an undated story would name them for."""
    if len(mentions) < 2:
        return
    for k, m in enumerate(mentions):
        if m.type != "person" or m.country is None or m.code == m.country + "ELI":
            continue
        tok = doc[m.head]
        partners = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "appos" and tok.head.i != tok.i:
            partners.append(tok.head)
        for p in partners:
            if any(_former_word(doc.lowers, i) for i in range(p.subtree[0].i, p.i + 1)):
                mentions[k] = replace(m, code=m.country + "ELI", agent="ELI")
                break


def _share_country(doc, mentions: list[Mention]) -> None:
    """"Danish media and government": a coordinated agent takes its partner's country, as does
    one in apposition ("a US aircraft carrier, destroyer and ...", which the parser reads so)."""
    by_head = {m.head: k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):
        if m.country is not None or not m.code.startswith(UNKNOWN_COUNTRY):
            continue
        tok = doc[m.head]
        partners = tok.conjuncts
        if tok.dep_ == "appos" and tok.head is not tok:
            partners = (tok.head,) + tuple(partners)
        for partner in partners:
            j = by_head.get(partner.i)
            if j is not None and mentions[j].country is not None:
                country = mentions[j].country
                mentions[k] = replace(m, code=country + m.agent, country=country)
                break


# Kinds of armed group a modifier may give an unspecified armed role ("cartel gunmen").
_ARMED_KINDS = frozenset({"REB", "CRM"})


def _against(doc, i: int) -> bool:
    """Whether the word at ``i`` is the object of an "anti-" ("anti-government")."""
    if i > 0 and doc.lowers[i - 1] in ("-", "anti", "anti-"):
        return True
    return doc.lowers[i].startswith("anti")


def _compose(lex: Lexicon, doc, head_i: int, group: list[_Hit], rel: str | None, sentence_index: int) -> Mention | None:
    head_hit = None
    actors, agents = [], []
    start, end = group[0].start, group[0].end
    for h in group:
        if head_hit is None and h.start <= head_i < h.end:
            head_hit = h
        if h.kind == "actor":
            actors.append(h)
        else:
            agents.append(h)
        if h.start < start:
            start = h.start
        if h.end > end:
            end = h.end
    if head_hit is not None and head_hit.kind == "actor" and head_hit.end - head_hit.start == 1 and len(group) == 1 \
            and head_hit.start > 0 and doc.lowers[head_hit.start - 1] == "the" and lex.actor(head_hit.payload).type == "person":
        return None  # "The Hill writes": a surname alone after "the" names a thing, not the person
    located = False  # an agent-headed phrase's actor is a city named as where they are
    owned = False  # a person-possessed agent phrase: "Maduro's opponents"
    if head_hit is not None and head_hit.kind == "actor" and lex.actor(head_hit.payload).type == "person":
        # "Liberian President Johnson": a person entry of another country than the phrase's own
        # nationality word is someone else of the same name; the phrase names its country's role.
        own = head_hit.code[:3]
        other = None
        for h in actors:
            if h is not head_hit and h.end <= head_hit.start and h.code[:3] != own and h.code[:3] not in NON_STATE \
                    and lex.actor(h.payload).type == "country":
                other = h
        if other is not None:
            head_hit = other
    if head_hit is not None and head_hit.kind == "actor":
        base, agent_hit = head_hit, None
        # "Bree Prime Minister Romendacil": a role before a name adds to a bare country code; a
        # person's title says their office on the story's day ("Somali President Hassan Sheikh
        # Mohamud", "former President Obama"), whatever the dates of the entry.
        is_person = lex.actor(base.payload).type == "person"
        if (len(base.code) == 3 or is_person) and base.code[:3] not in NON_STATE:
            before = [h for h in agents if h.end <= base.start]
            agent_hit = before[-1] if before else None
            if agent_hit is not None and is_person:
                # "MDC leader Nelson Chamisa", "Hamas spokesman X", "Kremlin aide Y": the body
                # named before the title is who the person acts for.
                bodies = [h for h in actors if h.end <= agent_hit.start
                          and lex.actor(h.payload).type not in ("country", "person")]
                if bodies:
                    base, agent_hit = bodies[-1], None
    elif head_hit is not None:  # an agent heads the phrase: compose onto the nearest actor
        if head_hit.code == "UAF" or head_hit.code == "REB":
            # "drug cartel gunmen", "rebel fighters", "drug cartel fighters": an armed role of no
            # side or of the insurgents' is of the kind its modifier names (CRM, REB).
            kinds = [h for h in agents if h.end <= head_hit.start and h.code in _ARMED_KINDS]
            if kinds:
                head_hit = kinds[-1]
        elif head_hit.code == "OPP" and head_hit.start > start:
            # "ruling party activists", "government supporters": activists of a governing body
            # are on the government's side (not "anti-government activists")
            # ("President Maduro's opponents": a title of a named owner is no side)
            sides = [h for h in agents if h.end <= head_hit.start and h.code == "GOV" and not _against(doc, h.start)
                     and not any(h.end <= a.start < head_hit.start for a in actors)]
            if sides:
                head_hit = sides[-1]
        elif head_hit.end - head_hit.start == 1 and doc[head_hit.start].lemma in _FUNCTIONARIES:
            # "army officials", "police spokesman", "rebel sources": a functionary named by the
            # body before the title speaks for that body, in its role
            bodies = [h for h in agents if h.end == head_hit.start and doc[h.end - 1].lemma not in _FUNCTIONARIES]
            if bodies:
                head_hit = bodies[-1]
        if not actors:
            # No country named: an actor of unknown country, as PETRARCH codes it ("---GOV").
            ag = lex.agent(head_hit.payload)
            code = UNKNOWN_COUNTRY + ag.code
            return Mention(head_i, start, end, code, None, ag.code, doc.span_text(start, end), _entry_label(ag), "other", sentence_index)
        base = actors[0]
        for h in actors:  # the nearest (the first of equally near ones)
            if abs(h.start - head_i) < abs(base.start - head_i):
                base = h
        agent_hit = head_hit
        # "police in London", "protesters in Nairobi": a force or a people of a city named as where
        # they are is that city's country's, not its government (a capital's own code)
        located = base.start > head_i and base.start > 0 and doc.lowers[base.start - 1] in ("in", "from") \
            and head_hit.code != "GOV" and lex.actor(base.payload).type != "person"
        # "Maduro's opponents", "Assad's forces": the people a person owns are of the person's
        # country in the role the head noun names, not the person's own office
        owned = base.end <= head_hit.start and doc[base.end - 1].dep_ == "poss" \
            and lex.actor(base.payload).type == "person"
    else:
        # Only modifiers matched. A compound names the actor ("the Islamic State group",
        # "US airstrikes"); an adjective or possessive alone does not ("Russian goal").
        # A named group used as a modifier still names it ("Daesh fighters", "Hamas militants").
        if not actors:
            head_tok = doc[head_i]
            if agents and head_tok.pos_ == "NOUN" and (lex.nouns.get(head_tok.lower_) or lex.nouns.get(head_tok.lemma)
                                                       or head_tok.lemma in _SAYINGS):
                # "a rebel attack", "a police raid", "an army offensive": the role before an
                # event noun is the force that acts (its country inferred like any role's); the
                # mention is the role alone, so that the noun stays an event.
                last = agents[-1]
                ag = lex.agent(last.payload)
                return Mention(last.end - 1, last.start, last.end, UNKNOWN_COUNTRY + ag.code, None, ag.code,
                               doc.span_text(last.start, last.end), _entry_label(ag), "other", sentence_index)
            if agents and (head_tok.lemma in FACILITIES or head_tok.lemma in _MEMBERS or head_tok.pos_ == "PROPN"):
                # "attacked army camps", "a police checkpoint": the force the place belongs to;
                # "opposition leader Nelson Chamisa": a person the dictionaries do not know, by
                # the role the phrase gives them (its country inferred like any role's).
                pick = agents[-1]
                if doc[pick.end - 1].lemma in REPRESENTING:
                    # "opposition leader X", "party president X", "rebel commander X": a title
                    # after the body it speaks for takes that body's role
                    for a in reversed(agents[:-1]):
                        if a.end <= pick.start and doc[a.end - 1].lemma not in REPRESENTING:
                            pick = a
                            break
                ag = lex.agent(pick.payload)
                code = UNKNOWN_COUNTRY + ag.code
                person = head_tok.pos_ == "PROPN"
                text = doc.span_text(start, head_i + 1 if person else end)
                return Mention(head_i, start, head_i + 1 if person else end, code, None, ag.code, text,
                               _entry_label(ag), "person" if person else "other", sentence_index)
            return None
        base = actors[0]
        for h in actors:  # the one ending last (the first of those)
            if h.end > base.end:
                base = h
        # An adjective, a compound or a possessive names the actor of the phrase: "attacked
        # Ukrainian cities", "condemned Russia's invasion", "rejected Ukraine's plan"; but a
        # relational noun names someone else: "Moscow's ally" is not Moscow.
        if rel == "poss" and doc[head_i].lemma in RELATIONAL_NOUNS:
            return None
        if doc[head_i].lemma in _ANOTHERS and not any(h.kind == "agent" for h in group) \
                and not any(c.dep_ == "poss" for c in doc[head_i].children):
            # "the former Portuguese colony", "a key US ally": another country (but "its Indian
            # rival" is India)
            return None
        agent_hit = None
        for h in agents:
            if agent_hit is None or h.end > agent_hit.end:
                agent_hit = h
        if agent_hit is None and len(base.code) == 3 and (doc[head_i].lemma in MILITARY_PLACES or (
                doc[head_i].lemma == "post" and doc[head_i].tag_ == "NNS")) and not (
                rel == "poss" and doc[head_i].lemma == "position" and doc[head_i].tag_ == "NN"):
            # ("Pakistani posts", "Indian border posts": the plural is army posts, not a job)
            # (but "the UK's position" is its stance: "Moscow condemned the UK's position")
            military = lex.agent_named("troops")
            if military is not None:  # "attacked 19 Israeli positions": Israel's forces
                agent_hit = _Hit("agent", head_i, head_i + 1, military, lex.agent(military).code)
    entry = lex.actor(base.payload)
    country, agent = split_code(base.code)
    code = base.code
    entries = [_entry_label(entry)]
    if located and country is not None and agent is not None and base.code[:3] not in NON_STATE:
        agent = None  # compose the role onto the city's country below
    if agent_hit is not None:
        ag = lex.agent(agent_hit.payload)
        entries.append(_entry_label(ag))
        # Roles compose onto a country ("Syrian troops"); a named group or office keeps its own
        # code ("Hamas fighters", "Kremlin spokesman").
        # A title overrides a person's dated code only where the entry has no office that day
        # (ELI) or the title says "former": "Defense Secretary Gates" stays the government's.
        if ag.code == "OPP" and country is not None and doc[head_i].lemma in _FOLLOWERS:
            # "Bolsonaro's supporters", "supporters of Hamas": the opposition of the backed
            # party's country; "Maduro's supporters": a sitting government's own side
            if agent != "GOV" and not ag.prefix:
                agent = ag.code
                code = country + ag.code
        elif country is not None and (agent is None or owned or (entry.type == "person" and (agent == "ELI" or ag.code == "ELI")
                                                      and not _former(doc, agent_hit.start)
                                                      and not _former(doc, start))):
            agent = ag.code
            code = (ag.code + country) if ag.prefix else (country + ag.code)
        elif country is not None and agent != ag.code and entry.type != "person" and not ag.prefix \
                and any(dc.code == country + ag.code for dc in entry.codes) \
                and doc[agent_hit.end - 1].lemma not in REPRESENTING:
            # "Taliban rebels", "the Taliban government": a group whose role changed over time is
            # in the role its phrase names, whatever the story's day (or lack of one) says; but
            # "the supreme leader of the Muslim Brotherhood" speaks for it in its role of the day
            agent = ag.code
            code = country + ag.code
    text = doc.span_text(start, end)
    tok = doc[head_i]
    if agent is None and country is not None and len(code) == 3 and entry.type == "country" \
            and base.start <= head_i < base.end and _counted_people(tok):
        # "killed 60 Palestinians", "dozens of Afghans": people of a nation, counted, are its
        # civilians, not the nation
        civilian = lex.agent_named("civilian")
        if civilian is not None:
            agent = lex.agent(civilian).code
            code = country + agent
            entries.append(_entry_label(lex.agent(civilian)))
    # "killed in Israeli bombardments": the actor word names whose the act is, not where it was
    place = _is_place(tok) and not (tok.pos_ == "NOUN" and not start <= head_i < end and tok.lemma not in PLACE_NOUNS)
    if owned and agent_hit is not None:
        who = Mention(base.end - 1, base.start, base.end, base.code, *split_code(base.code),
                      doc.span_text(base.start, base.end), entries[0], entry.type, sentence_index)
        return Mention(head_i, start, end, code, country, agent, text, "; ".join(entries), "other", sentence_index,
                       place=place, owner=who)
    return Mention(head_i, start, end, code, country, agent, text, "; ".join(entries), entry.type, sentence_index,
                   place=place)


def _is_place(tok) -> bool:
    """Whether the noun names where something happened: "in Istanbul", "near the city of
    Jaffna", and "Afghanistan" in "in Kabul, Afghanistan"."""
    if tok.dep_ == "appos" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and (tok.head.lower_ in _WHERE or (
        tok.head.lower_ == "of" and (tok.head.head.lemma in _SETTLEMENTS or tok.head.head.lower_ in PLACE_PARTS)))


# Common nouns that name a place with the actor word before them ("the Kurdish region", "Syrian
# territory", "an Israeli town"); other nouns so named are the actor's things or acts
# ("in Israeli airstrikes": no place). country_inference.py reads them too.
PLACE_NOUNS = frozenset({
    "city", "town", "village", "province", "district", "region", "capital", "port", "state", "territory",
    "area", "border", "coast", "island", "county", "country", "land", "soil", "airspace", "water", "side",
    "part", "enclave", "settlement", "camp", "zone", "frontier", "neighbourhood", "neighborhood", "suburb",
})

# Nouns whose "of" phrase names a place ("near the city of Jaffna", "the town of Goma").
_SETTLEMENTS = frozenset({"city", "town", "village", "province", "district", "region", "capital", "port", "state"})
# Nouns of a part of a country's land or of a town: an actor in their "of" phrase names where,
# not whom ("the outskirts of Kyiv", "parts of Ukraine", "on the streets of Lima": a capital so
# named is not its government). events.py reads them too.
PLACE_PARTS = frozenset({
    "area", "areas", "province", "provinces", "region", "regions", "district", "districts", "part", "parts",
    "outskirts", "suburb", "suburbs", "village", "villages", "town", "towns", "city", "cities", "countryside",
    "street", "streets", "centre", "center", "heart",
})


# Endings of a nationality word for a person ("Palestinian", "Israeli", "Filipino", "Briton").
_DEMONYM_ENDINGS = ("an", "i", "o", "on", "ar", "er")
# Nouns that count the people of their "of" phrase ("dozens of Afghans").
COUNTING = frozenset({"dozens", "hundreds", "thousands", "scores", "millions", "tens", "number", "group"})


def _plural_demonym(tok) -> bool:
    """Whether the token is a plural nationality word for people ("Palestinians", "Afghans")."""
    word = tok.lower_
    return tok.tag_ in ("NNS", "NNPS") and word.endswith("s") and word[:-1].endswith(_DEMONYM_ENDINGS)


def _counted_people(tok) -> bool:
    """Whether a plural nationality word is counted: "60 Palestinians", "dozens of Afghans",
    "several Israelis" (not "the Palestinians", not "the two Koreas"); or a singular one is one
    person: "arrested a Palestinian", "seizing ... one Briton"."""
    if not _plural_demonym(tok):
        if (tok.tag_ == "NN" or tok.tag_ == "NNP") and tok.lower_.endswith(_DEMONYM_ENDINGS):
            for c in tok.children:
                if (c.dep_ == "det" and (c.lower_ == "a" or c.lower_ == "an")) or (c.dep_ == "nummod" and c.lower_ == "one"):
                    return True
        return False
    for c in tok.children:
        if c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in ("several", "many", "some")):
            return True
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COUNTING


def as_victims(lex: Lexicon, doc, m: Mention) -> Mention | None:
    """The civilians a plural nationality word names when it is what force was used against:
    "Israel's killing of Palestinians", "troops fired on Afghans" (the people, not the state;
    "the Palestinians" stays the nation).
    None when the mention is not such a word, or the dictionaries have no civilians."""
    if m.agent is not None or m.country is None or m.code != m.country or m.via is not None or m.type != "country" \
            or not m.start <= m.head < m.end:
        return None  # not the nationality word itself ("four Ukrainian regions")
    tok = doc[m.head]
    if not _plural_demonym(tok):
        return None
    for c in tok.children:
        if c.dep_ == "det" and c.lower_ in _DEFINITE:
            return None  # "attacked the Palestinians": the nation, as _counted_people has it
    civilian = lex.agent_named("civilian")
    if civilian is None:
        return None
    agent = lex.agent(civilian)
    return replace(m, code=m.country + agent.code, agent=agent.code, entry=m.entry + "; " + _entry_label(agent))


# "the North", "the South": names a story gives the half of a divided country it named in full.
_COMPASS = frozenset({"North", "South"})


def _divided_half(lex: Lexicon, compass: str, rest: str, day: dt.date | None) -> tuple[str, str] | None:
    """The country "<compass> <rest>" names ("South", "Korean": KOR) and its entry, or None when
    the two words are no country's name."""
    for h in find_hits(lex, [compass.lower(), rest.lower()], [compass, rest], 0, day):
        entry = lex.actor(h.payload) if h.kind == "actor" else None
        if h.start == 0 and h.end == 2 and entry is not None and entry.type == "country" \
                and not h.code.startswith(UNKNOWN_COUNTRY):
            return h.code[:3], _entry_label(entry)
    return None

# "the two countries", "both sides": the last two parties the story named. Nouns of people
# ("leaders") prefer people and office holders; the rest take any actor.
# Words that name a pair only before one of the pair nouns ("the warring sides", not "warring").
_PAIR_ADJECTIVES = frozenset({"opposing", "warring", "rival", "feuding"})
_PAIR_WORDS = frozenset({"two", "both"}) | _PAIR_ADJECTIVES
# Event nouns that refer back to an act of the story ("condemned the move"): any act, or acts of
# these roots; the nouns of the noun dictionary refer back to acts of their own codes' roots.
ANY_ACT = _ANY_ACT = frozenset({"move", "moves", "decision", "decisions", "step", "steps", "action", "actions", "measure",
                      "measures"})
_ACT_NOUNS = {"request": ("02", "10"), "requests": ("02", "10"), "call": ("02", "10"), "calls": ("02", "10"),
              "strike": ("18", "19", "20"), "strikes": ("18", "19", "20"),
              # "denied the charges": an accusation, or a charge brought by prosecutors
              "charge": ("11", "17"), "charges": ("11", "17"), "claim": ("11",), "claims": ("11",),
              # "denounced the verdict", "condemned the sentence": a court's coercion of someone
              "verdict": ("17",), "verdicts": ("17",), "conviction": ("17",), "sentence": ("17",),
              # "condemned the drills", "slammed the test": a show of force
              "drills": ("15",), "drill": ("15",), "exercise": ("15",), "exercises": ("15",),
              "games": ("15",), "test": ("15",), "tests": ("15",)}
# Roots one kind of act shares: an attack may be told as a killing, a demand as an appeal.
_ROOT_KIN = {"02": ("02", "10"), "10": ("02", "10"), "18": ("18", "19", "20"), "19": ("18", "19", "20"),
             "20": ("18", "19", "20")}
ACT_MEMORY = 4  # sentences back that "the attack" may reach
# Act nouns and the verbs that tell the same act, for a noun that refers back to an act the story
# told without coding it ("Beijing moved an oil rig into disputed waters ... Hanoi branded the move
# illegal"; "Rapid Action Battalion has arrested ... Condemning the arrest"); the noun itself
# names it too when an earlier phrase gave it a party ("The U.N. report ... claimed the report was
# biased"). Only the doer is taken from there, never the act.
_HOLDING = ("hold", "conduct", "stage", "launch", "begin", "start", "take", "join")
_TOLD_BY = {
    "move": ("move",), "decision": ("decide",), "ruling": ("rule",), "verdict": ("convict", "sentence"),
    "report": ("report",), "announcement": ("announce",), "accusation": ("accuse",),
    "allegation": ("allege",), "claim": ("claim",), "remark": ("remark",), "comment": ("comment",),
    "expulsion": ("expel",), "suspension": ("suspend",), "deployment": ("deploy",),
    "withdrawal": ("withdraw",), "annexation": ("annex",), "invasion": ("invade",), "seizure": ("seize",),
    "detention": ("detain",), "arrest": ("arrest",), "killing": ("kill",), "attack": ("attack",),
    "raid": ("raid",), "occupation": ("occupy",), "closure": ("close",), "ban": ("ban",),
    "test": ("test",), "launch": ("launch",), "execution": ("execute",), "proposal": ("propose",),
    "demand": ("demand",), "request": ("request",), "offer": ("offer",), "threat": ("threaten",),
    "warning": ("warn",), "blockade": ("blockade",), "crackdown": ("crack",), "shelling": ("shell",),
    "bombing": ("bomb",), "incursion": ("enter",), "recall": ("recall",), "veto": ("veto",),
    # military exercises, told by whoever holds or takes part in them ("US and South Korean
    # soldiers are taking part in the annual war games ... Pyongyang denounced the war games")
    "exercise": _HOLDING, "drill": _HOLDING, "game": _HOLDING, "maneuver": _HOLDING, "manoeuvre": _HOLDING,
    # measures, told by whoever imposed them ("the steel and aluminum tariffs")
    "tariff": ("impose", "slap", "levy", "announce"), "sanction": ("impose", "slap", "announce"),
}
# Acts whose noun a place modifies as often as a doer ("the Bali bombings", "the Mumbai attacks").
_NAMED_BY_PLACE = frozenset({"attack", "raid", "killing", "bombing", "shelling", "blockade", "incursion", "invasion",
                             "occupation", "arrest", "detention", "execution", "seizure"})
_TOLD_FORMS = frozenset(w for n in _TOLD_BY for w in (n, n + "s"))
# Links from a noun to a modifier that names its owner or doer ("the U.N. report", "the rebels'
# attack", "a rebel attack"): events.py and nominal.py read the same.
OWNER_LINKS = frozenset({"poss", "compound", "amod", "nmod"})
# Roles of a country's people that stand against or apart from its state.
_NOT_THE_STATE = frozenset({"REB", "OPP", "INS", "SEP", "CVL", "UAF", "CRM"})


def _judged_subject(tok) -> bool:
    """Whether the noun is the subject of a judgement someone reports ("Trudeau said the tariffs
    were 'totally unacceptable'"): the subject of "be" with a predicate, in the clause of a verb
    of saying."""
    v = tok.head
    if tok.dep_ != "nsubj" or v is tok or v.lemma != "be" or v.dep_ != "ccomp" or v.head is v:
        return False
    return v.head.lemma in _SAYING_JUDGEMENT and any(c.dep_ in ("acomp", "attr") for c in v.children)


# Verbs that report a judgement of something ("said the tariffs were unacceptable").
_SAYING_JUDGEMENT = frozenset({"say", "insist", "declare", "state", "assert", "maintain", "argue", "add", "tell", "claim", "contend",
                               "complain", "stress", "reiterate", "note"})


# Words that tell an act of force as an answer to another: "returned fire", "fired back",
# "launched a counterattack", "retaliated".
ANSWERING = frozenset({"counterattack", "counter-attack", "counteroffensive", "counter-offensive", "retaliate",
                        "retaliation", "retaliatory", "reprisal"})


def answers_fire(v) -> bool:
    """Whether the force verb ``v`` answers force ("returned fire", "fired back", "launched a
    counterattack", "retaliated with airstrikes")."""
    if v.lemma in ANSWERING:
        return True
    for c in v.children:
        if (c.dep_ == "prt" or c.dep_ == "advmod") and c.lower_ == "back":
            return True
        if c.dep_ == "dobj" and (c.lemma in ANSWERING or (v.lemma == "return" and c.lemma == "fire")
                                 or any(a.lemma in ANSWERING for a in c.children if a.dep_ in ("amod", "compound"))):
            return True
    return False


def _act_word(doc, e) -> str:
    """The word that told an act, its verb's lemma ("test-launched three missiles": launch), for
    a noun of that verb that refers back to it ("the launches"); not its object's words ("fired
    tear gas" is not what "used the tear gas" refers to). Force that answers force is told as
    ``ANSWER``: "returned fire in response to the attack" is not what "condemned the attack" refers to."""
    v = doc[e.verb]
    return ANSWER if e.code[:2] in _KIN_OF_FORCE and answers_fire(v) else v.lemma


ANSWER = "(answer)"
_KIN_OF_FORCE = frozenset(_ROOT_KIN["19"])  # the roots of force


def _last_act(acts: list, sentence_index: int, doers: list, roots, patients, word=None):
    """Whoever did the story's last act of ``roots`` (any act when None) in the sentences within
    reach before ``sentence_index``, other than the ``doers``' own, and to one of ``patients``
    when given; told by ``word`` when given."""
    for index, code, actor, target, told in reversed(acts):
        if word is not None and word != told:
            continue
        if told == ANSWER and word is None and roots is not None:
            continue  # "the attack" is the first blow, not the fire that answered it
        if index >= sentence_index or sentence_index - index > ACT_MEMORY:
            if index < sentence_index:
                break
            continue
        if any(d.code == actor.code or (d.country is not None and d.country == actor.country
                                         and (d.agent is None or actor.agent is None)
                                         and (d.agent or actor.agent) not in _NOT_THE_STATE) for d in doers):
            continue  # (a state is not its rebels or its opposition: "Uganda denied the LRA's accusation")
        if (roots is None or code[:2] in roots) and (
                patients is None or (target is not None and target.country in patients)):
            if target is not None and patients is None and any(
                    i == index and c == code and a.code == target.code and t is not None and t.code == actor.code
                    for i, c, a, t, _ in acts):
                # "Poland has signed a deal with the US ... anger at the move": a joint act's
                # noun stands for both its parties
                return replace(actor, also=(target,))
            return actor
    return None


# Prepositions whose object is what an act is about ("concern over the move", "saddened by the
# ruling"), not when or where something else happened ("after the move", "in the report").
_ABOUT = frozenset({"over", "about", "of", "by", "against", "at", "to", "on", "for", "with"})


def _referred_act(tok) -> bool:
    """Whether an act noun is what its clause is about: the object of a verb or of a
    preposition of _ABOUT, or a subject someone judges."""
    if tok.dep_ == "pobj":
        return tok.head.lower_ in _ABOUT
    return True


def _patients_only(tok, roots, named: list) -> set | None:
    """The countries of the parties an act noun's "of" phrase names, when they are all it names
    and the act is one done to people (arrests, killings, expulsions: roots 16-20), else None."""
    if roots is None or not _HOSTILE_ROOTS.issuperset(roots):
        return None
    spans = [(c.subtree[0].i, c.subtree[-1].i) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not spans or not all(any(lo <= m.head <= hi for lo, hi in spans) for m in named):
        return None
    countries = {m.country for m in named}
    return None if None in countries else countries
# Titles and honorifics written before a surname ("Secretary Locsin", "Mr Qureshi").
_TITLES = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "secretary", "president", "minister", "premier",
    "chancellor", "general", "gen.", "senator", "sen.", "ambassador", "envoy", "king", "prince", "sheikh",
    "chairman", "governor", "commissioner", "marshal", "admiral", "colonel", "col.", "commander",
})
# Nouns of paying back a hostile act, and the roots of the acts they pay back.
_REVENGE = frozenset({"revenge", "retaliation", "retribution", "vengeance", "reprisal", "reprisals"})
# The weapons of crowd control, with the word that must come before them ("tear gas", "water
# cannon"; none for "teargas"), for the protesters a story named before (_crowd_reference).
_CROWD_WEAPONS = {"teargas": (), "gas": ("tear",), "cannon": ("water",), "cannons": ("water",),
                  "bullets": ("rubber",), "grenades": ("stun",)}
_CROWD_MEMORY = 2  # sentences back that the protesters may be
_HOSTILE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})
_PAIR_NOUNS = frozenset({
    "countries", "nations", "states", "governments", "neighbours", "neighbors", "sides", "parties", "capitals",
    "powers", "rivals", "allies", "foes", "adversaries", "delegations", "militaries", "armies", "groups", "factions",
    "leaders", "presidents", "ministers", "men", "women", "premiers", "heads", "officials", "diplomats",
})
_PAIR_PEOPLE = frozenset({"leaders", "presidents", "ministers", "men", "women", "premiers", "heads", "officials", "diplomats"})


_FORMER = frozenset({"former", "ex", "ex-", "late", "retired", "then", "outgoing", "ousted", "deposed", "exiled"})


def _former(doc, start: int) -> bool:
    """Whether the title starting at token ``start`` is a past one ("Former Chancellor Merkel")."""
    return start > 0 and _former_word(doc.lowers, start - 1)


def _former_word(lowers: list[str], i: int) -> bool:
    """Whether word ``i`` says "former": "former", "ex-", or "ex" split from its hyphen."""
    low = lowers[i]
    return low in _FORMER or low.startswith("ex-") or (low == "ex" and lowers[i + 1:i + 2] == ["-"])


def _pair_role(noun, found: list[Mention], out: list[Mention]) -> tuple[list[Mention], Mention] | None:
    """For a pair noun that owns a role of no country ("both countries' defense ministries", "the
    two nations' leaders"): the pair in that role, and the role's mention."""
    if noun.head is noun:
        return None
    if noun.dep_ == "poss":
        owner = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ in ("of", "from") and noun.head.head is not noun.head:
        owner = noun.head.head  # "soldiers from the two countries", "troops of both sides"
    else:
        return None
    role = None
    for m in out:
        if m.head == owner.i and m.agent and m.code.startswith(UNKNOWN_COUNTRY):
            role = m
    if role is None:
        return None
    pair = [replace(f, code=f.country + role.agent, agent=role.agent) for f in found if f.country]
    return (pair, role) if len(pair) >= 2 else None


def _place_pair(doc, found: list[Mention], start: int, first: int, last: int, sentence_index: int,
                out: list[Mention], taken: set) -> None:
    """Put the pair ``found`` on the phrase start..last ("the two countries", "the two"): the
    first side headed by its last word, the second by the word ``first`` ("two")."""
    a, b = found
    text = doc.span_text(start, last + 1)
    out.append(replace(a, head=last, start=start, end=last + 1, text=text, sentence=sentence_index,
                       via=a.via or a.text, partners=(first,)))
    out.append(replace(b, head=first, start=first, end=first + 1, text=text, sentence=sentence_index,
                       via=b.via or b.text, partners=(last,)))
    taken.update(range(start, last + 1))


# Nouns of people named by whom they stand against, for, or with ("opponents of Duterte",
# "Maduro's supporters"): the one they relate to is someone else.
_RELATIONAL = frozenset({"opponent", "critic", "supporter", "rival", "enemy", "foe", "ally", "relative", "family",
                         "wife", "husband", "son", "daughter", "brother", "sister", "lawyer", "aide", "follower",
                         "loyalist", "backer", "detractor", "challenger", "successor", "predecessor"})


def _not_acting_on(noun, mentions: list[Mention]) -> list[Mention]:
    """The mentions without the subject of the verb that acts on ``noun`` ("the EU warned both
    parties": the parties are two others, not the EU and one of them)."""
    t = noun
    for _ in range(6):
        if t.dep_ not in ("dobj", "pobj", "prep", "dative", "conj", "appos", "poss") or t.head.i == t.i:
            break
        t = t.head
    if t.pos_ != "VERB" and t.pos_ != "AUX":
        return mentions
    spans, kept = [], []
    for c in t.children:
        if c.dep_ in ("nsubj", "nsubjpass", "agent"):
            below = c.subtree
            spans.append((below[0].i, below[-1].i))
            # "Opponents of Duterte urged him", "Duterte's critics urged him": whom the subject
            # stands in relation to is no part of who acts
            head = c if c.dep_ != "agent" else next((p for p in c.children if p.dep_ == "pobj"), c)
            for r in (head.children if head.lemma in _RELATIONAL else ()):
                if r.dep_ == "poss" or (r.dep_ == "prep" and r.lower_ == "of"):
                    part = r.subtree
                    kept.append((part[0].i, part[-1].i))
    if not spans:
        return mentions
    return [m for m in mentions if not any(lo <= m.head <= hi for lo, hi in spans)
            or any(lo <= m.head <= hi for lo, hi in kept)]


def _actors_acting_on(noun, mentions: list[Mention]) -> frozenset[str]:
    """The codes and countries of the subject of the verb that acts on ``noun``."""
    kept = _not_acting_on(noun, mentions)
    if len(kept) == len(mentions):
        return frozenset()
    out = set()
    for m in mentions:
        if m not in kept:
            out.add(m.code)
            if m.country:
                out.add(m.country)
    return frozenset(out)


def _region(doc, start: int, end: int) -> frozenset[str] | None:
    """The countries of the region the words ``doc[start:end]`` name ("South American", "Baltic"),
    or None when they name none ("impoverished", "self-governing")."""
    if end <= start or end - start > 3:
        return None
    from .regions import regions

    words = " ".join(doc[i].lower_ for i in range(start, end))
    return regions().get(words.replace(" - ", "-"))


# Nouns of one person's role: "he" or "she" may mean a mention they head ("the Iranian foreign
# minister said he would ...").
_PERSON_NOUNS = frozenset({
    "minister", "president", "secretary", "spokesman", "spokeswoman", "spokesperson", "leader", "chief", "envoy",
    "ambassador", "commander", "general", "king", "queen", "prince", "premier", "chancellor", "governor", "mayor",
    "diplomat", "director", "chairman", "chairwoman", "senator", "lawmaker", "legislator", "judge", "prosecutor",
    "emir", "sultan", "monarch", "ruler", "negotiator", "adviser", "advisor", "aide", "deputy", "speaker",
    "counterpart", "president-elect", "sheikh", "cleric", "ayatollah", "commissioner", "head", "official",
})


def _human(doc, m: Mention) -> bool:
    """Whether the mention names one person by a role of a known country ("the Myanmar foreign
    secretary", "French Ambassador Joel Meyer")."""
    if m.type == "person":
        return True
    if m.country is None:
        return False  # "the premier" of no known country is no one to refer back to
    tok = doc[m.head]
    if tok is None:
        return False
    if tok.lemma in _PERSON_NOUNS and (tok.tag_ == "NN" or tok.tag_ == "NNP"):
        return True
    # "French Ambassador Joel Meyer": a name the dictionaries lack, headed after its title
    return tok.tag_ == "NNP" and any(doc[i].lemma in _PERSON_NOUNS for i in range(m.start, min(m.end, m.head)))


# Nouns naming an accusation, which a denial in their relative clause answers ("a charge Iran
# denies", "allegations he denies", "a claim the army denied"), and the verbs of that denial.
CHARGES = frozenset({"charge", "allegation", "accusation", "claim"})
DENYING = frozenset({"deny", "reject", "dismiss", "refute"})
# Verbs of accusing (events.py reads the accused deed after them), and with "suspect" the verbs
# whose object or passive subject is who was accused.
ACCUSING = frozenset({"accuse", "blame", "allege", "charge"})
_ACCUSING_VERBS = ACCUSING | {"suspect"}


def _accused(tok, types, mentions: list[Mention], doc=None) -> Mention | None:
    """The subject pronoun of a denial in a charge's relative clause is who was accused: "the UAE
    is accused by the UN of supplying arms to the RSF, allegations it has repeatedly denied" (the
    UAE, not the RSF named last), "accused Tehran of ..., a charge it denies"."""
    v = tok.head
    if v.lemma not in DENYING or v.dep_ != "relcl" or v.head.lemma not in CHARGES:
        return None
    heads = {m.head: m for m in mentions
             if m.via is None and (types is None or m.type in types or (doc is not None and _human(doc, m)))}
    t = v.head  # the charge noun ("charge" is a verb's lemma too: only a verb is the accusation)
    while t.head is not t and not (t.pos_ == "VERB" and t.lemma in _ACCUSING_VERBS):
        t = t.head
    if t.pos_ != "VERB" or t.lemma not in _ACCUSING_VERBS:
        return None
    passive = any(c.dep_ == "nsubjpass" for c in t.children)
    for c in t.children:
        if (c.dep_ == "nsubjpass") if passive else (c.dep_ == "dobj"):
            for k in [c] + [a for a in c.children if a.dep_ == "appos"]:
                if k.i in heads:
                    return heads[k.i]
    return None


def _reporter(tok, types, mentions: list[Mention], doc=None) -> Mention | None:
    """The subject of the verb that reports a pronoun's clause, when it is of the pronoun's kind:
    in "militants from al Shabaab, a group affiliated with al Qaeda, said it had killed 20", "it"
    is who said so, not the last name before it. Likewise the subject of the clause a clause of
    time or manner hangs on ("Syrian forces shot dead two civilians when they fired at ..."), and
    the owner of a reported clause's subject: "Hezbollah's leader warned that his fighters would
    intervene" (his own side, ``_own_side``)."""
    if _own_side(tok) and tok.head.dep_ in ("nsubj", "nsubjpass"):
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if tok.head.dep_ == "advcl" and tok.head.head.i != tok.head.i:
        # "Syrian forces shot dead two civilians when they fired at a demonstration": the subject
        # of a clause of time or manner is the main clause's subject, when that is of its kind
        subjects = [c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
        if subjects and subjects[0].tag_ not in ("PRP", "PRP$"):
            for m in mentions:
                if m.via is None and m.head == subjects[0].i and (
                        types is None or m.type in types or (doc is not None and _human(doc, m))):
                    return m
        return None
    if tok.head.dep_ != "ccomp":
        return None
    verb = tok.head.head
    heads = {m.head: m for m in mentions
             if m.via is None and (types is None or m.type in types or (doc is not None and _human(doc, m)))}
    for _ in range(3):
        if any(c.dep_ in ("dobj", "dative") and c.i in heads for c in verb.children):
            return None  # "accused Ukraine and said it had attacked": either could be meant
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            break
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return None
        verb = verb.head  # "claimed responsibility ... and said it had killed"
    else:
        return None
    if subjects[0].tag_ in ("PRP", "PRP$"):
        return None  # a pronoun reporter: the nearest-name rule already agrees with it
    return heads.get(subjects[0].i)


# Nouns a possessive pronoun names a party's own side with: "his country", "her government",
# "his fighters". A "his" on them may mean a person named by a role ("Israel's defence minister
# warned that his country ..."), as a subject "he" may; on other nouns ("abducted his wife") it
# takes only a named person.
_HOMELANDS = frozenset({"country", "nation", "homeland"})
_SIDES = _HOMELANDS | frozenset({
    "government", "administration", "cabinet", "ministry", "army", "military", "troops", "troop", "force",
    "forces", "fighter", "fighters", "soldier", "soldiers", "men", "militia", "police", "party", "supporter",
    "supporters", "follower", "followers", "loyalist", "loyalists", "movement", "group", "organisation",
    "organization", "regime", "delegation", "people", "side", "camp", "coalition", "navy", "guard", "guards",
})


def _own_side(tok) -> bool:
    """Whether a possessive "his" or "her" names the owner of a party's own side (``_SIDES``)."""
    return tok.dep_ == "poss" and tok.head.i > tok.i and (tok.head.lemma in _SIDES or tok.head.lower_ in _SIDES)


def _coordinated_with(doc, ante: Mention, pool: list[Mention]) -> list[Mention]:
    """The actors coordinated with ``ante`` where it was named ("India and Pakistan": India, for
    Pakistan), each of its own code, named by a word of its own; empty if none."""
    if ante.via is not None or ante.head >= len(doc):
        return []
    word = doc[ante.head]
    if word is None:
        return []
    heads = {c.i for c in word.conjuncts}
    if not heads:
        return []
    out, codes = [], {ante.code}
    for m in pool:
        if m.head in heads and m.via is None and m.code not in codes and not m.code.startswith(UNKNOWN_COUNTRY) \
                and not m.place:
            out.append(m)
            codes.add(m.code)
    return out


def _attackers_of(tok, mentions: list[Mention]) -> frozenset[str]:
    """The codes a possessive pronoun cannot mean because it owns what an act noun's own doer
    acted on: "an RSF attack on their headquarters" is not on the RSF's own."""
    if tok.tag_ != "PRP$" or tok.dep_ != "poss":
        return frozenset()
    place = tok.head
    prep = place.head
    if place.dep_ != "pobj" or prep.lower_ not in ("on", "against") or prep.head.pos_ != "NOUN":
        return frozenset()
    act = prep.head
    return frozenset(m.code for m in mentions
                     if (m.head == act.i and m.end <= act.i) or any(c.i == m.head for c in act.children if c.i < act.i))


def _restated(m: Mention, head: int, start: int, text: str, sentence_index: int, **more) -> Mention:
    """``m`` named again by the words ``start..head`` ("they", "the move") of a later sentence,
    keeping what first named it."""
    return replace(m, head=head, start=start, end=head + 1, text=text, sentence=sentence_index,
                   via=m.via or m.text, **more)


# A state's own roles: two of them are one side ("the government and the army").
_STATE_SIDE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _two_sides(a: Mention, b: Mention) -> bool:
    """Whether two actors of one country are two sides: the state and those outside it ("talks
    between the ruling generals and the protest leaders ... urged both sides")."""
    return a.agent is not None and b.agent is not None and a.agent != b.agent and (
        a.agent not in _STATE_SIDE or b.agent not in _STATE_SIDE)


class StoryContext:
    """What a story has named so far, for references ("the group") and pronouns ("it")."""

    def __init__(self) -> None:
        self.history: list[Mention] = []
        # Surnames of people the story introduced with a role the dictionaries lack ("opposition
        # leader Nelson Chamisa"), so that "Chamisa" alone names them later in the story.
        self.names: dict[str, Mention] = {}
        self._introduced: dict[int, str] = {}  # head -> surname, of this sentence's introductions
        self.day: dt.date | None = None  # the story's date, for surnames of office holders
        # Acts coded so far: (sentence index, code, source), for "condemned the attack".
        # (sentence index, code, source, target, the word that told it: "launch" for "launched")
        self.acts: list[tuple[int, str, Mention, Mention | None, str]] = []
        # Acts done to no one ("North Korea test-launched three missiles"), found only when a
        # later act noun finds no act above ("Tokyo protested the launches"): sentences not yet
        # read for them (index, sentence, acting mentions), the acts read, and the reader
        # (``explore(sentence, mentions)``: the sentence's events without the dyad requirement).
        self.unexplored: list = []
        self.lone_acts: list[tuple[int, str, Mention, Mention | None, str]] = []
        self.explore = None
        # The last sentences with their actors (index, sentence, mentions), for an act noun that
        # refers back to an act they told without a code ("the move": ``_told_doer``).
        self.told: list = []

    def pair(self, people: bool, before: int, current: list[Mention],
             acting: frozenset[str] = frozenset()) -> list[Mention]:
        """The last two actors of different countries (or codes) named before token ``before``,
        other than the ``acting`` codes and countries ("the EU warned both parties": not the EU)."""
        found: list[Mention] = []
        pool = list(self.history) + [m for m in current if m.end <= before and m.via is None]
        for want_people in (people, False) if people else (False,):
            found = []
            for m in reversed(pool):
                if m.code.startswith(UNKNOWN_COUNTRY) or m.place:
                    continue
                if acting and (m.code in acting or m.country in acting):
                    continue
                if want_people and not (m.type == "person" or (m.agent and m.type not in ("igo", "ngo"))):
                    continue  # "the two leaders": people or governments, not the G7 they met at
                if any(f.code == m.code or (f.country and f.country == m.country and not _two_sides(f, m))
                       for f in found):
                    continue
                found.append(m)
                if len(found) == 2:
                    return found[::-1]
        return []

    def _pairs(self, sent, lowers: list[str], out: list[Mention], taken: set, sentence_index: int) -> None:
        doc = sent.doc
        for i in range(len(lowers) - 1):
            if lowers[i] not in _PAIR_WORDS:
                continue
            if lowers[i + 1] not in _PAIR_NOUNS:
                if lowers[i] not in _PAIR_ADJECTIVES:
                    self._bare_pair(sent, lowers, i, out, taken, sentence_index)
                continue
            doc.build(sent.start, sent.end)
            det, noun = doc[sent.start + i], doc[sent.start + i + 1]
            if noun.i in taken and not any(m.head == noun.i and m.code.startswith(UNKNOWN_COUNTRY) for m in out):
                continue
            found = self.pair(lowers[i + 1] in _PAIR_PEOPLE, det.i, _not_acting_on(noun, out),
                              _actors_acting_on(noun, out))
            if len(found) < 2:
                continue
            start = det.i - 1 if det.i > sent.start and doc[det.i - 1].lower_ == "the" else det.i
            owned = _pair_role(noun, found, out)
            if owned is not None:
                # "both countries' defense ministries traded accusations": the role of each
                found, role = owned
                out[:] = [m for m in out if m.head != noun.i and m.head != role.head]
                _place_pair(doc, found, min(start, role.start), det.i, role.head, sentence_index, out, taken)
                continue
            out[:] = [m for m in out if m.head != noun.i]
            _place_pair(doc, found, start, det.i, noun.i, sentence_index, out, taken)

    def _bare_pair(self, sent, lowers: list[str], i: int, out: list[Mention], taken: set, sentence_index: int) -> None:
        """"Putin called Erdogan, during which the two agreed to revive ties": "the two" as a subject
        of its own is the pair named before, like "the two leaders"."""
        if lowers[i] != "two" or i == 0 or lowers[i - 1] != "the":
            return
        doc = sent.doc
        doc.build(sent.start, sent.end)
        word = doc[sent.start + i]
        if word.dep_ not in ("nsubj", "nsubjpass") or word.i in taken:
            return
        first = doc[word.i - 1]
        found = self.pair(False, first.i, _not_acting_on(word, out), _actors_acting_on(word, out))
        if len(found) >= 2:
            _place_pair(doc, found, first.i, first.i, word.i, sentence_index, out, taken)

    def antecedent(self, types: tuple[str, ...] | None, before: int, current: list[Mention],
                   region: frozenset[str] | None = None, unlike: frozenset[str] = frozenset(),
                   places: bool = True, doc=None) -> Mention | None:
        """The last mention of one of ``types`` before token ``before``, in the sentence
        (``current``) or earlier in the story; ``unlike``: codes it cannot have; ``places``:
        whether a place named as where something happened can be meant; ``doc``: given for "he"
        and "she", which may also mean a person named by a role ("the Iranian foreign minister")."""
        for m in reversed([m for m in current if m.end <= before]):
            if (types is None or m.type in types or (doc is not None and _human(doc, m))) and m.code not in unlike \
                    and (places or not m.place):
                return m
        for m in reversed(self.history):
            if (types is None or m.type in types or (doc is not None and _human(doc, m))) \
                    and (region is None or m.country in region) and m.code not in unlike and (places or not m.place):
                return m
        return None

    def _title_holder(self, m: Mention, current: list[Mention]) -> Mention | None:
        """"King Hamad of Bahrain ... The king praised Egypt": a title alone after "the" is the
        last person of the story named with that title, in this sentence or before."""
        title = m.text.lower()
        if " " in title and title.split(" ", 1)[0] in ("the", "a", "an"):
            return None
        for c in [c for c in reversed(current) if c.end <= m.start] + self.history[::-1]:
            if c.country is None or c.via is not None or c is m or c.place:
                continue  # (not a place: "the police" is not "Quito's National Police Hospital")
            if c.type != "person" and not (c.agent and c.text.lower() != title):
                continue
            words = c.text.lower()
            at = words.find(title)
            if at >= 0 and (at == 0 or not words[at - 1].isalpha()) \
                    and (at + len(title) == len(words) or not words[at + len(title)].isalpha()):
                return c
        return None

    def resolve(
        self, lex: Lexicon, sent, mentions: list[Mention], sentence_index: int,
        lowers: list[str] | None = None, texts: list[str] | None = None,
    ) -> list[Mention]:
        """Add mentions for definite references and pronouns of this sentence."""
        taken = set()
        for m in mentions:
            if m.country is None and m.code.startswith(UNKNOWN_COUNTRY):
                continue  # "the militants": a reference back beats a role of unknown country
            taken.update(range(m.start, m.end))
            taken.add(m.head)
        out = list(mentions)
        doc = sent.doc
        for k, m in enumerate(out):
            if m.country is None and m.agent and m.via is None and m.code.startswith(UNKNOWN_COUNTRY) \
                    and m.start > sent.start and doc.lowers[m.start - 1] == "the":
                ante = self._title_holder(m, out)
                if ante is not None:
                    out[k] = replace(ante, head=m.head, start=m.start - 1, end=m.end, text=doc.span_text(m.start - 1, m.end),
                                     sentence=sentence_index, via=ante.via or ante.text)
        if lowers is None or texts is None:
            lowers, texts = sent.lowers, sent.texts
        if not _PAIR_WORDS.isdisjoint(lowers):
            self._pairs(sent, lowers, out, taken, sentence_index)
        if self._introduced:
            self._introduced = {}
        for m in mentions:  # built: the sentence has mentions
            if m.via is not None:
                continue
            tok = doc[m.head]
            if tok.pos_ != "PROPN" and m.agent and tok.dep_ == "appos" and tok.head.pos_ == "PROPN" \
                    and tok.head.i < m.start and tok.head.i not in taken and len(tok.head.text) > 2 \
                    and tok.head.text[:1].isupper():
                # "Gen. Salim Khan, the deputy police chief of Kandahar": the name before the title
                self._introduced[m.head] = tok.head.text
            elif m.head > m.start:
                if tok.pos_ != "PROPN" and m.agent and m.head + 1 < sent.end and m.head == m.end - 1:
                    # "opposition leader Tendai Mazarura spoke": the name after the title
                    j = m.head + 1
                    while j < sent.end and doc[j].pos_ == "PROPN" and j not in taken:
                        j += 1
                    if j > m.head + 1 and len(doc[j - 1].text) > 2 and doc[j - 1].text[:1].isupper():
                        self._introduced[m.head] = doc[j - 1].text
                elif tok.pos_ == "PROPN" and (m.type == "person" or m.agent) and len(tok.text) > 2 \
                        and tok.text[:1].isupper() and (m.type == "person" or tok.lower_ not in m.entry.lower()):
                    self._introduced[m.head] = tok.text
        if "(" in texts:
            self._acronyms(sent, texts, mentions, taken)
        if self.names and not self.names.keys().isdisjoint(texts):
            doc.build(sent.start, sent.end)
            heads = {m.head for m in out}
            for i, text in enumerate(texts):
                known = self.names.get(text)
                tok = doc[sent.start + i]
                if known is None or tok.pos_ != "PROPN":
                    continue
                if tok.i in taken:
                    # "Khan" alone matched a famous Khan of the dictionaries; the story introduced
                    # its own Khan ("Gen. Salim Khan, the deputy police chief"), who is meant
                    k = next((k for k, m in enumerate(out) if m.start == tok.i and m.end == tok.i + 1
                              and m.type == "person" and m.via is None), -1)
                    if k >= 0 and out[k].code != known.code:
                        out[k] = replace(known, head=out[k].head, start=tok.i, end=tok.i + 1, text=tok.text,
                                         sentence=sentence_index, via=known.via or known.text)
                    continue
                head = _np_head(tok)
                if head.i in heads:
                    continue
                if text in _COMPASS and ((head is not tok and tok.dep_ != "poss") or tok.i == sent.start
                                         or doc[tok.i - 1].lower_ != "the"):
                    continue  # "the North" alone or "the South's", not "North Waziristan" or "the North Korean army"
                out.append(replace(known, head=head.i, start=tok.i, end=tok.i + 1, text=tok.text,
                                   sentence=sentence_index, via=known.via or known.text))
                heads.add(head.i)
                taken.add(tok.i)
        if self.acts or self.unexplored or self.lone_acts:
            self._act_references(lex, sent, lowers, out, taken, sentence_index)
        if not _CROWD_WEAPONS.keys().isdisjoint(lowers):
            self._crowd_reference(sent, lowers, out, taken, sentence_index)
        if self.day is not None:
            surnames = lex.surnames
            if not surnames.keys().isdisjoint(texts):
                self._office_holders(lex, sent, texts, out, taken, sentence_index)
        firsts = lex.references.by_first
        if _PRONOUN_KEYS.isdisjoint(lowers) and firsts.keys().isdisjoint(lowers):
            return out  # no pronoun and no reference phrase in the sentence
        i = 0
        while i < len(lowers):
            low = lowers[i]
            if low not in _PRONOUN_TYPES and low not in firsts:
                i += 1
                continue
            doc.build(sent.start, sent.end)
            tok = doc[sent.start + i]
            hit = lex.references.match_at(lowers, texts, i) if tok.i not in taken else None
            if hit is not None:
                n, payload = hit
                last = doc[sent.start + i + n - 1]
                # "the country's government": the possessor is the reference, not what it owns
                head = last if last.dep_ == "poss" else _np_head(last)
                det = [c for c in head.children if c.dep_ == "det" and c.lower_ in _DEFINITE]
                if det and head.i not in taken:
                    ref = lex.dictionaries.references[payload]
                    # "U.S. officials visited the impoverished nation": not the clause's own subject
                    candidates = _not_acting_on(head, out)
                    region = _region(doc, det[0].i + 1, sent.start + i) if "country" in ref.types else None
                    if region is not None:
                        # "the South American country": the country of the last actor named in
                        # that region, whoever it was (a president names his country too)
                        ante = self.antecedent(None, det[0].i, [m for m in candidates if m.country in region], region)
                        if ante is not None and ante.code != ante.country:
                            ante = replace(ante, code=ante.country, agent=None, type="country")
                    else:
                        ante = self.antecedent(ref.types, det[0].i, candidates)
                        if ante is not None and ref.types == ("country",) and ante.country \
                                and ante.code != ante.country and ante.code.startswith(ante.country):
                            # "Haitian police said ... visited the impoverished nation": a
                            # country noun names the state, not the role it was last named by
                            ante = replace(ante, code=ante.country, agent=None)
                    if ante is not None:
                        start = min(det[0].i, sent.start + i)
                        out.append(replace(
                            ante, head=head.i, start=start, end=head.i + 1, text=doc.span_text(start, head.i + 1),
                            sentence=sentence_index,
                            via=ante.via or ante.text,
                        ))
                        taken.update(range(start, head.i + 1))
                i += n
                continue
            if tok.tag_ in ("PRP", "PRP$") and tok.lower_ in _PRONOUN_TYPES and tok.dep_ != "expl":
                types = _PRONOUN_TYPES[tok.lower_]
                # "the Myanmar foreign secretary said he will ...": a subject "he" or "she" may
                # mean a person named by a role (not a possessive: "abducted his wife")
                human = doc if types == ("person",) and (
                    tok.dep_ == "nsubj" or tok.dep_ == "nsubjpass" or _own_side(tok)) else None
                ante = _reporter(tok, types, out, human) or _accused(tok, types, out, human)
                owners = [m.owner for m in out if m.owner is not None]
                if ante is None and tok.dep_ in _OBJECTS:
                    # "Soldiers fought them off": an object pronoun is not its own clause's
                    # subject, nor anyone named as that subject is
                    candidates = _not_acting_on(tok, out)
                    kept = {id(m) for m in candidates}
                    unlike = frozenset(m.code for m in out if id(m) not in kept)
                    if owners:
                        candidates = sorted(candidates + owners, key=lambda m: m.end)
                    ante = self.antecedent(types, tok.i, candidates, unlike=unlike, places=_may_be_place(tok),
                                           doc=human)
                elif ante is None:
                    ante = self.antecedent(types, tok.i, sorted(out + owners, key=lambda m: m.end) if owners else out,
                                           unlike=_attackers_of(tok, out), places=_may_be_place(tok), doc=human)
                if ante is not None:
                    also = ()
                    if tok.lower_ == "they" and (tok.dep_ == "nsubj" or tok.dep_ == "nsubjpass"):
                        # "India and Pakistan held talks ... They agreed": the coordinated actors
                        also = tuple(_restated(p, tok.i, tok.i, tok.text, sentence_index, also=())
                                     for p in _coordinated_with(doc, ante, self.history + out))
                    restated = [_restated(ante, tok.i, tok.i, tok.text, sentence_index, also=also)]
                    if tok.tag_ == "PRP$" and tok.head.lemma in _HOMELANDS and tok.head.i > tok.i \
                            and restated[0].country is not None and not restated[0].code.startswith(UNKNOWN_COUNTRY):
                        # "the minister warned that his country is ready to strike": the person's
                        # country, as "Israel" would name it
                        r = restated[0]
                        restated[0] = replace(r, head=tok.head.i, end=tok.head.i + 1, code=r.country, agent=None,
                                              type="country", text=doc.span_text(tok.i, tok.head.i + 1))
                    elif tok.tag_ == "PRP$" and restated[0].agent is None:
                        _air_means(doc, restated)
                        if restated[0].agent is not None:
                            # "Israel said its jets struck": its air force, heading the phrase
                            # as "Israel's jets" does
                            restated[0] = replace(restated[0], head=tok.head.i)
                    out.append(restated[0])
            i += 1
        # A role of unknown country that turned out to be a reference gives way to it.
        resolved = {m.head for m in out if m.via is not None}
        out = [m for m in out if not (m.via is None and m.head in resolved)]
        out.sort(key=lambda m: m.start)
        return out

    def _office_holders(self, lex, sent, texts: list[str], out: list[Mention], taken: set, sentence_index: int) -> None:
        """"Blinken said ...": a surname alone, which the story has not tied to anyone, names the
        one person of the dictionaries with that surname who holds an office on the story's day
        (not a former one); two such people, or none, or a person of no dated office who shares
        the surname, and it names nobody."""
        doc = sent.doc
        doc.build(sent.start, sent.end)
        heads = {m.head for m in out}
        day = self.day
        for i, text in enumerate(texts):
            entries = lex.surnames.get(text)
            if entries is None or text in self.names or text in lex.undated_surnames:
                continue
            tok = doc[sent.start + i]
            if tok.i in taken or tok.pos_ != "PROPN" or (i + 1 < len(texts) and doc[tok.i + 1].pos_ == "PROPN"):
                continue  # part of a longer name the dictionaries do not know
            if i > 0 and doc[tok.i - 1].pos_ == "PROPN" and doc[tok.i - 1].lower_ not in _TITLES:
                continue  # "Secretary Locsin", "Mr Qureshi": a title is no first name
            head = _np_head(tok)
            if head.i in heads:
                continue
            holders = []
            for payload in entries:
                code = lex.actor(payload).code_on(day)
                if code is not None and not code.endswith("ELI"):
                    holders.append((payload, code))
            if len(holders) != 1:
                continue
            payload, code = holders[0]
            entry = lex.actor(payload)
            country, agent = split_code(code)
            if isinstance(day, AssumedDay) and agent is not None and len(agent) > 3 \
                    and country not in {m.country for m in self.history + out}:
                # an undated story's day is only guessed from the people it names: a surname
                # alone names a minister of one portfolio only in a story of that country, not
                # a namesake abroad ("Anwar" in a Malaysian story is no Bangladeshi minister)
                continue
            out.append(Mention(head.i, tok.i, tok.i + 1, code, country, agent, tok.text, _entry_label(entry), "person",
                               sentence_index))
            heads.add(head.i)
            taken.add(tok.i)

    def _acronyms(self, sent, texts: list[str], mentions: list[Mention], taken: set) -> None:
        """"the Government of National Accord (GNA)": an acronym in brackets after an actor names
        that actor later in the story ("The GNA captured ...")."""
        doc = sent.doc
        for k in range(len(texts) - 2):
            if texts[k] != "(" or texts[k + 2] != ")":
                continue
            name = texts[k + 1]
            if not (2 <= len(name) <= 10 and name[:1].isupper() and sum(c.isupper() for c in name) >= 2) \
                    or not name.replace("-", "").isalnum():
                continue
            at = sent.start + k
            if at + 1 in taken:
                continue  # the acronym is an actor of its own
            doc.build(sent.start, sent.end)
            best = None
            for m in mentions:
                if m.via is not None or m.code.startswith(UNKNOWN_COUNTRY) or m.start >= at:
                    continue
                t, below = doc[at + 1], False
                for _ in range(6):  # the acronym hangs on the actor's phrase (appos)
                    if t.i == m.head:
                        below = True
                        break
                    if t.head.i == t.i:
                        break
                    t = t.head
                if below or m.end == at:
                    if best is None or m.start > best.start:
                        best = m
            if best is not None:
                self._introduced[best.head] = name

    def _revenge_targets(self, sent, lowers: list[str], out: list[Mention], taken: set, sentence_index: int) -> None:
        """"Palestinians vowed to take revenge": revenge that names no one is on whoever did the
        story's last hostile act, not of the avenger's own side (a mention on the noun)."""
        doc = sent.doc
        doc.build(sent.start, sent.end)
        for k, low in enumerate(lowers):
            if low not in _REVENGE:
                continue
            tok = doc[sent.start + k]
            if tok.pos_ != "NOUN" or tok.i in taken or any(m.head == tok.i for m in out):
                continue
            if any(c.dep_ == "prep" and c.lower_ in ("against", "on", "for") for c in tok.children):
                continue  # "revenge against X", "retaliation for the attack": the phrase says
            avengers = set()
            v = tok
            for _ in range(6):  # the subject of the clause that takes revenge
                subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    avengers = {m.country for m in out if m.head == subjects[0].i}
                    break
                if v.head.i == v.i:
                    break
                v = v.head
            if not avengers or None in avengers:
                continue
            for index, code, actor, _, _ in reversed(self.acts):
                if sentence_index - index > ACT_MEMORY:
                    break
                if code[:2] in _HOSTILE_ROOTS and actor.country is not None and actor.country not in avengers:
                    out.append(replace(actor, head=tok.i, start=tok.i, end=tok.i + 1, text=tok.text,
                                       sentence=sentence_index, via=actor.via or actor.text, partners=()))
                    taken.add(tok.i)
                    break

    def _act_references(self, lex, sent, lowers: list[str], out: list[Mention], taken: set, sentence_index: int) -> None:
        """"Amnesty condemned the strike", "Tehran rejected the demand": a definite event noun
        whose phrase names no party refers back to the story's last act of its kind, and names
        whoever did that act."""
        nouns = lex.nouns
        doc = sent.doc
        if not _REVENGE.isdisjoint(lowers):
            self._revenge_targets(sent, lowers, out, taken, sentence_index)
        verbs = lex.verbs
        for k, low in enumerate(lowers):
            told = False  # a noun of the verb that told an act ("the launches"): that act only
            uncoded = False  # a noun only an act told without a code may stand for (_told_doer)
            if low in _ANY_ACT:
                roots = None
            elif low in _ACT_NOUNS:
                roots = _ACT_NOUNS[low]
            elif low in nouns:
                roots = tuple({_kin for _, pat in nouns[low] for _kin in _ROOT_KIN.get(pat.code[:2], (pat.code[:2],))})
            elif low in verbs or (low[-1:] == "s" and (low[:-1] in verbs or low[:-2] in verbs)):
                roots, told = None, True
            elif low in _TOLD_FORMS:
                roots, uncoded = None, True
            else:
                continue
            doc.build(sent.start, sent.end)
            tok = doc[sent.start + k]
            if tok.pos_ != "NOUN" or (tok.dep_ not in ("dobj", "pobj", "nsubjpass") and not _judged_subject(tok)) \
                    or tok.i in taken or any(m.head == tok.i for m in out):
                continue  # acted on ("condemned the attack", "the attack was condemned"), not telling it
            det = [c for c in tok.children if c.dep_ == "det" and c.lower_ in _DEFINITE]
            if not det:
                continue
            below = tok.subtree
            lo, hi = below[0].i, below[-1].i
            # (a relative clause says what others make of the act: "the move, which they see
            # as an effort to surround Russia" names no party of the move)
            said_of = [(c.subtree[0].i, c.subtree[-1].i) for c in tok.children if c.dep_ == "relcl"]
            patients = None
            named = [m for m in out if lo <= m.head <= hi and not any(a <= m.head <= b for a, b in said_of)]
            if named:
                # "the attack on the base", "Russia's move": the phrase names its parties; but
                # "condemned the arrests of the activists" names only whom a coercive act was
                # done to: who did it is who did the story's last such act to them
                patients = _patients_only(tok, roots, named)
                if patients is None:
                    continue
            # "Tehran rejected the demand": nobody rejects, denies or condemns their own act, so
            # an act of the verb's own subject is not the one referred to
            # (a bare country is its government too: "Tehran" did what "Iran" did)
            doers = []
            if tok.dep_ == "dobj":
                doers = [m for m in out if doc[m.head].dep_ == "nsubj" and doc[m.head].head.i == tok.head.i]
            word = tok.lemma if told else None
            source = None if uncoded else _last_act(self.acts, sentence_index, doers, roots, patients, word)
            if source is None and patients is None and not uncoded:
                # "Tokyo protested the launches": an act the story told without a party it was
                # done to ("North Korea test-launched three missiles")
                self._explore(sentence_index)
                source = _last_act(self.lone_acts, sentence_index, doers, roots, None, word)
                doc.build(sent.start, sent.end)
            if source is None and patients is None and tok.lemma in _TOLD_BY and self.told and _referred_act(tok):
                source = self._told_doer(tok.lemma, sentence_index, doers)
                doc.build(sent.start, sent.end)
            if source is None:
                continue
            if _TOLD_BY.get(tok.lemma) is _HOLDING and source.agent is None and source.country is not None \
                    and source.code == source.country:
                # "China began military drills ... Taipei condemned the drills": a state's
                # exercises are its armed forces'
                source = replace(source, code=source.country + "MIL", agent="MIL")
            start = det[0].i
            words = doc.span_text(start, tok.i + 1)
            also = tuple(_restated(p, tok.i, start, words, sentence_index, partners=(), also=()) for p in source.also)
            out.append(_restated(source, tok.i, start, words, sentence_index, partners=(), also=also))
            taken.update(range(start, tok.i + 1))

    def _told_doer(self, noun: str, sentence_index: int, doers: list) -> Mention | None:
        """Whoever did the act a definite noun refers back to, when the story told it in one of
        its last sentences without a code: the subject of a verb that tells the act ("Beijing
        moved an oil rig" for "the move"), the agent of a passive one ("was arrested by police")
        or the party an earlier phrase of the same noun named ("The U.N. report"). Not one of
        ``doers``: nobody condemns their own act."""
        words = _TOLD_BY[noun]
        for index, sent, acting in reversed(self.told):
            if index >= sentence_index:
                continue
            if sentence_index - index > ACT_MEMORY:
                break
            doc = sent.doc
            doc.build(sent.start, sent.end)
            for m in sorted(acting, key=lambda m: -m.head):
                if m.via is not None or m.place or m.code.startswith(UNKNOWN_COUNTRY):
                    continue
                if any(d.code == m.code or (d.country is not None and d.country == m.country) for d in doers):
                    continue
                h = doc[m.head]
                if h.lemma == noun and m.end <= m.head and h.pos_ == "NOUN" and noun not in _NAMED_BY_PLACE:
                    return m  # "The U.N. report", "Canadian accusations": the phrase's owner
                while h.dep_ == "conj" and h.head is not h:
                    h = h.head  # "Australia and New Zealand slapped"
                act = h.head
                if h.dep_ == "nsubj" and act.pos_ in ("VERB", "AUX") and act.lemma in words:
                    # "US and South Korean soldiers are taking part in the war games": with the
                    # actors that share the phrase's role
                    shared = tuple(p for p in acting if p.head in m.partners and p is not m and p.via is None)
                    return replace(m, also=m.also + shared) if shared else m
                if h.dep_ == "pobj" and act.lower_ == "by" and act.head.lemma in words + (noun,):
                    return m  # "was arrested by police", "an attack by rebels"
                if h.dep_ in OWNER_LINKS and act.pos_ == "NOUN" and act.lemma == noun:
                    return m  # "The U.N. report", "Canadian accusations"
        return None

    def _crowd_reference(self, sent, lowers: list[str], out: list[Mention], taken: set, sentence_index: int) -> None:
        """"Police fired tear gas" in a story whose last sentences named the protesters: the
        weapons of crowd control a state's forces use are used on those protesters, who are
        put on the weapon's noun when the sentence names no protesters or crowd of its own."""
        if not any(m.agent == "COP" or m.agent == "MIL" for m in out) \
                or any(m.agent == "OPP" or m.agent == "CVL" for m in out):
            return
        crowd = None
        for m in reversed(self.history):
            if sentence_index - m.sentence > _CROWD_MEMORY:
                break
            if m.agent == "OPP" and m.sentence < sentence_index:
                crowd = m
                break
        if crowd is None:
            return
        doc = sent.doc
        doc.build(sent.start, sent.end)
        for k, low in enumerate(lowers):
            before = _CROWD_WEAPONS.get(low)
            if before is None or (before and (k == 0 or lowers[k - 1] not in before)):
                continue
            tok = doc[sent.start + k]
            if tok.pos_ != "NOUN" or tok.i in taken:
                continue
            out.append(replace(crowd, head=tok.i, start=tok.i, end=tok.i + 1, text=tok.text,
                               sentence=sentence_index, via=crowd.via or crowd.text, partners=()))
            taken.add(tok.i)
            return

    def await_reading(self, sentence_index: int, sent, acting: list[Mention]) -> None:
        """Keep a coded sentence for ``_explore``, as long as a later act noun may reach it."""
        pending = self.unexplored
        pending.append((sentence_index, sent, acting))
        if len(pending) > ACT_MEMORY:
            del pending[0]
        told = self.told
        told.append((sentence_index, sent, acting))
        if len(told) > ACT_MEMORY:
            del told[0]

    def _explore(self, sentence_index: int) -> None:
        """Read the acts done to no one of the sentences within reach not read yet."""
        if self.explore is None or not self.unexplored:
            return
        pending, self.unexplored = self.unexplored, []
        for index, sent, acting in pending:
            if sentence_index - index > ACT_MEMORY:
                continue
            for e in self.explore(sent, acting):
                if e.target is None and e.code[:2] != "01":
                    self.lone_acts.append((index, e.code, e.source, None, _act_word(sent.doc, e)))

    def remember_acts(self, sentence_index: int, events: list, doc) -> None:
        """Remember the acts of a sentence, for the event nouns of later ones."""
        for e in events:
            if e.target is not None and e.code[:2] != "01":
                self.acts.append((sentence_index, e.code, e.source, e.target, _act_word(doc, e)))

    def remember(self, mentions: list[Mention], lex: Lexicon | None = None) -> None:
        for m in mentions:
            if m.via is None:
                if m.owner is not None:
                    self.history.append(m.owner)  # "Maduro's opponents ... He said"
                self.history.append(m)
        for m in mentions:
            # "North Korea ... the North": the half of a divided country the story named.
            if m.via is None and m.country and m.text[:5] in _COMPASS and m.text[5:6] == " " \
                    and not m.code.startswith(UNKNOWN_COUNTRY):
                self.names[m.text[:5]] = replace(m, code=m.country, agent=None, partners=())
                if lex is not None:
                    self._other_half(lex, m.text[:5], m.text[6:].split(" ", 1)[0], m.country, m.sentence)
        if self._introduced:
            for m in mentions:
                name = self._introduced.get(m.head)
                if name is not None and not m.code.startswith(UNKNOWN_COUNTRY):
                    self.names[name] = m
            self._introduced = {}

    def name_halves(self, lex: Lexicon, lowers: list[str], texts: list[str], sentence_index: int) -> None:
        """"North Korea fires missile" (a headline): the story is about a divided country, so "the
        North" and "the South" are its halves before its text names either."""
        for i in range(len(texts) - 1):
            if texts[i] in _COMPASS:
                hit = _divided_half(lex, texts[i], texts[i + 1], self.day)
                if hit is not None and self._other_half(lex, texts[i], texts[i + 1], hit[0], sentence_index):
                    country, entry = hit
                    self.names.setdefault(texts[i], Mention(0, 0, 0, country, country, None, texts[i] + " " + texts[i + 1],
                                                            entry, "country", sentence_index))

    def _other_half(self, lex: Lexicon, compass: str, rest: str, country: str, sentence_index: int) -> bool:
        """"North Korea ... the South": the other half of a divided country the story named (a
        country of its own, "South Korea", not a region of the same one, "South Waziristan") is
        what "the South" names, unless the story named that half itself. Whether it is one."""
        other = "South" if compass == "North" else "North"
        hit = _divided_half(lex, other, rest, self.day)
        if hit is None or hit[0] == country:
            return False
        if other not in self.names:
            half, entry = hit
            self.names[other] = Mention(0, 0, 0, half, half, None, other + " " + rest, entry, "country", sentence_index)
        return True
