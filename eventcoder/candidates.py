"""Named entities where the coder looks for actors that the dictionaries do not know, each with the
evidence for its code (the candidates of ``eventcoder actors suggest``; eventcoder.suggest ranks them).

**Candidates** are spaCy's entities PERSON, ORG, NORP and GPE whose noun phrase stands in an
actor position: the subject of a verb; the direct object of an event verb (one a verb pattern
codes); the agent (``by``) of a passive; the object of against, with, on, over, to, from... after
an event verb, or of those and ``by``, ``of``, ``between`` after an event noun (``nouns.txt``);
the possessor of an event noun ("X's attack"). A name in an apposition or a coordination stands
where its partner does ("Kipchumba Murkomen, Kenya's interior minister, said"); a name that
modifies a role or an event noun counts for its phrase ("Wagner fighters attacked", "US
airstrikes"), one that modifies another noun does not ("a Baltic country").

**Names**: the entity without a leading article, a trailing possessive or punctuation, and, for
a person, without the titles and honorifics before the name ("Interior Minister", "Dr."). A
name must hold a proper noun; a one-word name must not be a common English word
(:func:`eventcoder.dictionaries.orgs_import.common_words`).

**Known** names are left out: those :class:`~eventcoder.dictionaries.lookup.Lookup` finds (an
actor, an agent, or an actor + agent composition) and those the coder's own matcher
(:func:`eventcoder.actors.find_hits`) covers word for word with actor and agent phrases, at least
one an actor ("Kenya Defence Forces"). Sentences and stories holding a discard phrase are skipped,
as the coder skips them.

**Evidence** of one mention:

* countries: a place the gazetteer knows is its own country (weight 12). Countries, nationality
  words, cities and known actors in the mention's phrase (its modifiers and title, its
  apposition, its of/from phrase, the name itself: "Kenyan Interior Minister ...", "Kenya
  Airways") weigh 6, those elsewhere in the sentence 2, those elsewhere in the story 1. Places
  are the dictionaries' and, for GPE entities they do not name, the gazetteer's.
* role: the agent (``agents.txt``) of the title nearest the name ("Interior Minister" -> GOV,
  "police chief" -> COP, "rebel leader" -> REB); else a title the agents do not list alone just
  before a person's name (:data:`TITLES`: "General", "Gen.", "Admiral", "Sen."...); else a word
  of an organisation's name (:data:`NAME_ROLES`: "Party" -> PTY, "Airways" -> BUS).
* affiliation: the code of a known organisation (igo, ngo, company, armed group or other) in the
  phrase, outside a person's name.
* a title for a person just before a name the recogniser took for an organisation makes the
  mention a person's ("drug trafficker Cesar Gastelum Serrano").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator, Sequence

from .dictionaries.fragment import comment_text, fragment_phrase
from .dictionaries.model import NO_EVENT
from .dictionaries.native import phrase_key

#: spaCy entity labels read, and the kind of name each one gives.
KINDS = {"PERSON": "person", "ORG": "organisation", "NORP": "group", "GPE": "place"}
#: Titles before a person's name that ``agents.txt`` does not list on their own (lower case).
TITLES = {
    "general": "MIL", "gen.": "MIL", "gen": "MIL", "admiral": "MIL", "adm.": "MIL", "col.": "MIL",
    "lt.": "MIL", "maj.": "MIL", "maj": "MIL", "brig.": "MIL", "capt.": "MIL", "captain": "MIL",
    "sgt.": "MIL", "marshal": "MIL", "sen.": "LEG", "rep.": "LEG", "gov.": "GOV", "pres.": "GOV",
}
#: Words of an organisation's name that say its role when no agent phrase does (lower case).
NAME_ROLES = {
    "party": "PTY", "airways": "BUS", "airlines": "BUS", "inc": "BUS", "inc.": "BUS", "ltd": "BUS",
    "ltd.": "BUS", "corp": "BUS", "corp.": "BUS", "corporation": "BUS", "plc": "BUS", "holdings": "BUS",
}
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof.", "sir", "dame"})
_AFFILIATED_TYPES = frozenset({"igo", "ngo", "company", "armed_group", "other"})
OWN_PLACE, PHRASE, SENTENCE, STORY = 12, 6, 2, 1

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_OBJECTS = frozenset({"dobj", "dative"})
_VERB_PREPS = frozenset({"against", "with", "on", "upon", "over", "to", "toward", "towards", "from", "into"})
_NOUN_PREPS = _VERB_PREPS | {"by", "of", "between"}
_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
_MODIFIER = frozenset({"compound", "nmod", "amod", "nn"})
_NOT_PHRASE = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj", "parataxis", "ccomp", "prep"})
_EDGE_POS = frozenset({"DET", "PUNCT", "ADP", "CCONJ", "PART", "SPACE"})

#: First blocks of codes that name no country.
UNPLACED = frozenset({"IGO", "NGO", "MNC", "IMG", "INT", "UIS", "UAF"})


@dataclass
class Mention:
    """One mention of a name in an actor position, with the evidence for its code."""

    name: str  # as written (a phrase the dictionary format reads back unchanged)
    kind: str
    sentence: str
    countries: dict[str, int] = field(default_factory=dict)  # country -> weight
    role: str | None = None
    affiliation: str | None = None  # the code of a known organisation in the phrase


def country_of(code: str | None) -> str | None:
    """The country block of an actor code (None for IGO, NGO, MNC... codes)."""
    if not code or code[:3] in UNPLACED:
        return None
    return code[:3]


class CandidateFinder:
    """Reads spaCy Docs parsed with the entity recogniser, with the compiled dictionaries ``lex``.

    ``surnames`` (last word of a person's full name, lower case -> {key: name}) and
    ``known_people`` (keys of full names the dictionaries know) grow over all the Docs read, for
    :func:`eventcoder.suggest.merge_surnames`."""

    def __init__(self, lex) -> None:
        from .dictionaries.lookup import Lookup
        from .dictionaries.orgs_import import ORG_WORDS, common_words

        self.lex = lex
        self.lookup = Lookup(lex.dictionaries)
        self.common = common_words()
        self.group_nouns = ORG_WORDS
        self.event_verbs = frozenset(
            form for v in lex.dictionaries.verbs
            if v.code != NO_EVENT or v.passive_code not in (None, NO_EVENT) for form in v.verbs
        )
        self.surnames: dict[str, dict[str, str]] = {}
        self.known_people: set[str] = set()
        self._known: dict[str, bool] = {}

    # -- questions about words --

    def known(self, name: str, words: Sequence[str], punct: Sequence[bool]) -> bool:
        """Whether the dictionaries name it: a lookup hit, or actor and agent phrases covering
        every word but punctuation (at least one an actor)."""
        from .actors import find_hits

        key = phrase_key(name)
        got = self._known.get(key)
        if got is None:
            got = bool(self.lookup(name))
            if not got:
                hits = find_hits(self.lex, [w.lower() for w in words], list(words), 0, None)
                covered = {i for h in hits for i in range(h.start, h.end)}
                got = any(h.kind == "actor" for h in hits) and all(
                    i in covered or p for i, p in enumerate(punct))
            self._known[key] = got
        return got

    def _event_verb(self, tok) -> bool:
        return tok.pos_ in _VERBAL and (tok.lemma_.lower() in self.event_verbs or tok.lower_ in self.event_verbs)

    def _event_noun(self, tok) -> bool:
        nouns = self.lex.nouns
        return tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in nouns or tok.lemma_.lower() in nouns)

    def in_actor_position(self, head) -> bool:
        """Whether the noun phrase headed by ``head`` stands where the coder looks for actors."""
        gov, dep = head.head, head.dep_
        if gov.i == head.i:
            return False
        if dep in _SUBJECTS:
            return gov.pos_ in _VERBAL
        if dep in _OBJECTS:
            return self._event_verb(gov)
        if dep == "poss":
            return self._event_noun(gov)
        if dep != "pobj":
            return False
        if gov.dep_ == "agent":
            return True
        word, above = gov.lower_, gov.head
        if above.pos_ in _VERBAL:
            return word in _VERB_PREPS and self._event_verb(above)
        return word in _NOUN_PREPS and self._event_noun(above)

    # -- reading --

    def read(self, doc, day: dt.date | None) -> Iterator[tuple[str, Mention]]:
        """(key, mention) of every unknown name in an actor position of one parsed story."""
        from .pipeline import _discarded

        lex = self.lex
        if lex.story_discards.by_first and _discarded(lex.story_discards, [t.lower_.replace("\u2019", "'") for t in doc], [t.text for t in doc]):
            return
        found: list[tuple[str, Mention]] = []
        named: set[str] = set()  # the countries the story names
        for sent in doc.sents:
            ents = [e for e in sent.ents if e.label_ in KINDS]
            if ents:
                found += self._sentence(sent, ents, day, named)
        for key, m in found:
            for c in named.difference(m.countries):
                m.countries[c] = STORY
            yield key, m

    def _sentence(self, sent, ents, day, named: set[str]) -> list[tuple[str, Mention]]:
        from . import gazetteer
        from .actors import find_hits
        from .pipeline import _discarded

        lex = self.lex
        lowers, texts = [t.lower_.replace("\u2019", "'") for t in sent], [t.text for t in sent]
        if lex.sentence_discards.by_first and _discarded(lex.sentence_discards, lowers, texts):
            return []
        hits = find_hits(lex, lowers, texts, sent.start, day)
        # Entries whose dates leave this day out still make a name known.
        undated = find_hits(lex, lowers, texts, sent.start, None) if day is not None else hits
        covered = {i for h in hits for i in range(h.start, h.end)}
        places = []  # (start, end, country) of GPE entities the dictionaries do not name
        for e in ents:
            if e.label_ == "GPE" and covered.isdisjoint(range(e.start, e.end)):
                place = gazetteer.lookup(e.text)
                if place is not None:
                    places.append((e.start, e.end, place.cameo(day)))
        named.update(c for c in (country_of(h.code) for h in hits if h.kind == "actor") if c)
        named.update(c for _, _, c in places)
        sentence = comment_text(sent.text)
        out = []
        for ent in ents:
            got = self._mention(ent, hits, undated, places, sentence)
            if got is not None:
                out.append(got)
        return out

    def _mention(self, ent, hits, undated, places, sentence: str) -> tuple[str, Mention] | None:
        doc = ent.doc
        kind = KINDS[ent.label_]
        start, end = _trim(doc, ent.start, ent.end)
        agent_at = {i: h for h in hits if h.kind == "agent" for i in range(h.start, h.end)}
        first = start
        if kind == "person":  # titles, honorifics and nationality words are not the name
            while first < end and (first in agent_at or doc[first].lower_ in TITLES or doc[first].lower_ in HONORIFICS
                                   or any(h.kind == "actor" and h.start <= first < h.end
                                          and self.lex.actor(h.payload).type == "country" for h in hits)):
                first += 1
        tokens = doc[first:end]
        name = fragment_phrase(tokens.text)
        if not name or not self._name_like(doc, start, first, end, agent_at):
            return None
        if kind == "place" and not any(s <= start and end <= e for s, e, _ in places):
            kind = "other"  # a place the gazetteer does not know: often a name taken for one
        words, punct = [t.text for t in tokens], [t.is_punct for t in tokens]
        key = phrase_key(name)
        # Known in the sentence too: a longer phrase the recogniser cut ("African Union Mission [in Somalia]").
        in_actor = [any(h.kind == "actor" and h.start <= t.i < h.end for h in (*hits, *undated)) for t in tokens]
        known = (any(in_actor) and all(a or p or t.i in agent_at for a, p, t in zip(in_actor, punct, tokens))) \
            or self.known(name, words, punct)
        if kind == "person" and len(words) > 1:
            self.surnames.setdefault(words[-1].lower(), {}).setdefault(key, name)
            if known:
                self.known_people.add(key)
        if known:
            return None
        own, head, phrase = _phrase(doc, start, end)
        if not start <= own.i < end and own.i not in agent_at and not self._event_noun(own):
            return None  # modifies a noun that is neither a role nor an event ("a Baltic country")
        if not self.in_actor_position(head):
            return None
        title = self._title(doc, first, phrase, hits)
        if title is not None and kind != "person" and doc[title.end - 1].lower_ not in self.group_nouns \
                and doc[title.end - 1].tag_ in ("NN", "NNP") and len(words) > 1:
            kind = "person"
        m = Mention(name, kind, sentence)
        m.countries = self._countries(start, end, phrase, hits, places, kind)
        m.role = self._role(doc, start, first, end, phrase, hits, kind)
        m.affiliation = self._affiliation(doc, start, first, end, phrase, title, agent_at, hits, kind)
        return key, m

    def _name_like(self, doc, start: int, first: int, end: int, agent_at: dict) -> bool:
        """Whether tokens first..end-1 look like a name of their own: a proper noun among them;
        not all part of role phrases ("Trade" of "Trade Minister"); not in brackets right after
        another name or in a dateline ("(GNA)", "(Reuters)"); one word only if it is not a
        common word nor a definite reference ("the Observatory")."""
        tokens = doc[first:end]
        if not any(t.pos_ == "PROPN" for t in tokens) or all(t.i in agent_at for t in tokens):
            return False
        if start > 0 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")":
            return False
        if len(tokens) == 1:
            word = tokens[0]
            if word.lower_ in self.common or (not word.is_upper and start > 0 and doc[start - 1].lower_ == "the"):
                return False
        return True

    def _title(self, doc, first: int, phrase: set[int], hits):
        """The agent phrase just before the name (a comma apart at most), if any."""
        for h in hits:
            if h.kind == "agent" and h.start in phrase and (h.end == first or (h.end == first - 1 and doc[h.end].text == ",")):
                return h
        return None

    def _countries(self, start, end, phrase, hits, places, kind) -> dict[str, int]:
        votes: dict[str, int] = {}
        near, far = set(), set()
        for h in hits:
            country = country_of(h.code) if h.kind == "actor" else None
            if country:
                (near if h.start in phrase else far).add(country)
        for s, e, country in places:
            if s <= start and end <= e:
                if kind == "place":
                    votes[country] = OWN_PLACE
            else:
                (near if s in phrase else far).add(country)
        for c in near:
            votes[c] = votes.get(c, 0) + PHRASE
        for c in far - near:
            votes[c] = votes.get(c, 0) + SENTENCE
        return votes

    def _role(self, doc, start, first, end, phrase, hits, kind) -> str | None:
        """The agent code of the title nearest the name; a role word; None."""
        best, best_distance = None, None
        for h in hits:
            if h.kind != "agent" or h.start not in phrase:
                continue
            distance = first - h.end if h.end <= first else (h.start - end if h.start >= end else 0)
            if best_distance is None or distance <= best_distance:
                best, best_distance = self.lex.agent(h.payload).code, distance
        if best is not None and best_distance == 0:
            return best
        if kind == "person" and first > 0 and doc[first - 1].lower_ in TITLES and first - 1 in phrase:
            return TITLES[doc[first - 1].lower_]
        if kind != "person":
            for t in reversed(doc[start:end]):
                if t.lower_ in NAME_ROLES:
                    return NAME_ROLES[t.lower_]
        return best

    def _affiliation(self, doc, start, first, end, phrase, title, agent_at, hits, kind) -> str | None:
        """The code of a known organisation the name belongs to: for a person, one named just
        before the name or its title ("UN envoy X", "Huawei executive X") or owning the title
        ("the leader of the Muslim Brotherhood", "EU spokesperson for foreign policy, X"); for an
        organisation, one its name starts with ("African Union Mission")."""
        for h in hits:
            if h.kind != "actor" or not h.code:
                continue
            affiliated = self.lex.actor(h.payload).type in _AFFILIATED_TYPES
            if kind != "person":
                if h.start == start and h.end < end:
                    return h.code if affiliated else None
                continue
            if not affiliated:
                continue
            if h.start not in phrase:
                continue
            last = doc[h.end - 1]
            owner = last.head.head if last.dep_ == "pobj" and last.head.lower_ in ("of", "from") else last.head
            if h.end == first or (title is not None and h.end == title.start) or (
                    owner.i in agent_at and owner.i in phrase and owner.i not in range(start, end)):
                return h.code
        return None


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """An entity without leading or trailing articles, prepositions, possessives and punctuation."""
    while start < end and (doc[start].pos_ in _EDGE_POS or doc[start].lower_ == "the"):
        start += 1
    while end > start and (doc[end - 1].pos_ in _EDGE_POS or doc[end - 1].tag_ == "POS"):
        end -= 1
    return start, end


def _noun_phrase(tok) -> set[int]:
    """The tokens of the noun phrase ``tok`` heads: its modifiers, appositions and of/from
    phrases, not its clauses, other prepositions or coordinated partners."""
    out, stack = set(), [tok]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for c in t.children:
            if c.dep_ not in _NOT_PHRASE or (c.dep_ == "prep" and c.lower_ in ("of", "from")):
                stack.append(c)
    return out


def _phrase(doc, start: int, end: int):
    """For the name over tokens start..end-1: the head of its own noun phrase (itself, or the noun
    it modifies), the head of the phrase that takes the position in the clause (through
    appositions and coordinations), and the token indexes of the name's phrase (its own, and the
    phrase it is an apposition of)."""
    own = doc[start:end].root
    for _ in range(8):
        if own.dep_ in _MODIFIER and own.head.i != own.i and own.head.pos_ in _NOMINAL:
            own = own.head
        else:
            break
    phrase = _noun_phrase(own) | set(range(start, end))
    head = own
    for _ in range(8):
        gov = head.head
        if gov.i == head.i or gov.pos_ not in _NOMINAL:
            break
        if head.dep_ == "appos":
            phrase |= _noun_phrase(gov)
        elif head.dep_ not in ("conj", *_MODIFIER):
            break
        head = gov
    return own, head, phrase
