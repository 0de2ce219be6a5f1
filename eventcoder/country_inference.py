"""The country of an actor the text names only by its role ("the police", "the army").

A human coder reads "police in Karachi" as Pakistani police and "the army" in a story datelined
BAMAKO as Mali's. A mention whose code has no country (``---COP``) takes, in this order:

1. the country of its possessor ("its ambassador", "their troops"), or of a place in its own
   phrase ("police in Karachi", "troops near Gao");
2. the country of a place in the clause it belongs to ("the army shelled villages in Idlib");
3. the country of the story's dateline ("KARACHI, Pakistan (Reuters) -");
4. the country the story has named most so far, when one leads (a place where something
   happens counts twice);
5. the one country its headline names (its title, or the words of its url's path when it has no
   title: ".../oas-suspends-honduras-over-coup"), when the story names none or no one leads.

The dateline counts only when the story names its country too (outside the dateline itself) or
names no country: "BANGKOK - A Myanmar military air strike killed ten civilians" is about
Myanmar. A country named only by its people ("Indian fishermen", "British tourists") is a
story's foreigners: it neither outweighs the dateline nor the states the story names.

Places are actors the dictionaries name (capitals, countries) or names the gazetteer
(eventcoder.gazetteer) knows. A mention whose country was found here is marked ``inferred``, and
the events it takes part in say so (``source_country_inferred``/``target_country_inferred``).
Mentions that already have a country are never changed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from . import gazetteer
from .actors import PLACE_NOUNS as _PLACE_NOUNS, UNKNOWN_COUNTRY, Mention, find_hits

_PLACE_PREPOSITIONS = frozenset({"in", "near", "at", "outside", "across", "around", "throughout", "inside", "from"})
# Links through which a noun phrase belongs to the clause of the verb above it.
_CLAUSE_LINKS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "prep", "agent", "conj", "appos", "attr", "dative"})
_MAX_CLIMB = 6
# Roles that name a nation's people rather than its state: foreigners in a story ("Indian
# fishermen", "British tourists") leave its dateline's country standing.
_PEOPLE = frozenset({"CVL", "AGR", "BUS", "LAB", "EDU", "REF", "MED", "HLH", "REL"})
# "KARACHI, Pakistan (Reuters) -", "BAMAKO, Dec 3 (AP) —", "Nairobi, Kenya:", "Mogadishu June 01,
# 2023 (SD) –", and without a dash after the agency: "Sanaa, June 2 (UNI) Yemen's ..."
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z.'\- ]{1,40}?)"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'\- ]{1,40}?))?"
    r"(?:,?\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    # the dash or colon ends the dateline only before a space: "On Monday, Russia-Ukraine talks"
    r"\s*(?:(?:\([^)]{1,40}\))?\s*(?:--|[-\u2014\u2013:])(?=\s)|\([A-Z][A-Za-z .]{0,30}\)(?=\s+[A-Z\u201c\"']))"
)


_URL_WORDS = re.compile(r"[a-z]+")
_MAX_HEADLINE_WORDS = 40


def headline_words(title: str | None, url: str | None) -> tuple[list[str], list[str]]:
    """The words of a story's headline (lower case, as written): its title's, or, without a
    title, its url path's, capitalised as a headline writes them."""
    if title:
        texts = re.findall(r"[\w'.-]+", title)[:_MAX_HEADLINE_WORDS]
        return [t.lower() for t in texts], texts
    if url:
        path = url.split("://", 1)[-1].split("?", 1)[0].split("#", 1)[0]
        lowers = _URL_WORDS.findall(path.partition("/")[2].lower())[:_MAX_HEADLINE_WORDS]
        return lowers, [w.title() for w in lowers]
    return [], []


def headline_country(lex, title: str | None, url: str | None, day: dt.date | None) -> str | None:
    """The one country a story's headline names: its title's, or, without a title, the words of
    its url's path (".../oas-suspends-honduras-over-coup-1.813807": Honduras), which a reader sees
    as the headline. Only countries and their people count ("afghan airstrike"), not other
    actors or places; None when it names none or several."""
    lowers, texts = headline_words(title, url)
    if not lowers:
        return None
    found = None
    for h in find_hits(lex, lowers, texts, 0, day):
        if h.kind != "actor" or lex.actor(h.payload).type != "country":
            continue
        country = h.code[:3]
        if found is not None and country != found:
            return None
        found = country
    return found


def dateline_country(text: str, day: dt.date | None) -> tuple[str | None, int]:
    """The country of a story's dateline, when the story opens with one, and where the dateline
    ends (a character offset; 0 without one)."""
    m = _DATELINE.match(text[:120])
    if m is None:
        return None, 0
    for group in ("region", "city"):
        name = m.group(group)
        if name:
            place = gazetteer.lookup(name.strip().title() if name.isupper() else name.strip())
            if place is not None:
                return place.cameo(day), m.end()
    return None, 0


class StoryCountries:
    """The countries a story has named so far, and its dateline's."""

    __slots__ = ("dateline", "counts", "order", "states", "roles", "headline")

    def __init__(self, dateline: str | None = None, headline: str | None = None) -> None:
        self.dateline = dateline
        self.headline = headline  # the one country the story's headline names (headline_country)
        self.counts: dict[str, int] = {}
        self.order: list[str] = []
        # Countries named by more than their people: "Indian fishermen" arrested in a story
        # datelined KARACHI do not make the story about India.
        self.states: set[str] = set()
        # The country of the role last named with one ("the Russian Foreign Ministry ... the
        # ministry said"), by the last word of its phrase.
        self.roles: dict[str, str] = {}

    def observe(self, mentions: list[Mention]) -> None:
        """Count the countries named; a place where something happens ("in Mogadishu") counts
        twice, as the story is more likely about it than about a party from elsewhere. Envoys,
        diplomats and peacekeepers act abroad: "Norwegian envoys" make no story Norwegian."""
        for m in mentions:
            c = m.country
            if c and not m.inferred and m.via is None:
                if m.agent and m.text and _abroad(m.text.rsplit(None, 1)[-1].lower()):
                    self.roles[m.text.rsplit(None, 1)[-1].lower()] = c
                    continue
                if c not in self.counts:
                    self.counts[c] = 0
                    self.order.append(c)
                if m.agent not in _PEOPLE:
                    self.states.add(c)
                self.counts[c] += 2 if m.place else 1
                if m.agent and m.agent not in _PEOPLE and m.text:
                    self.roles[m.text.rsplit(None, 1)[-1].lower()] = c

    def ranked(self) -> list[str]:
        """The countries named so far, most named first (first named first among equals)."""
        return sorted(self.order, key=lambda c: -self.counts[c])

    def default(self) -> str | None:
        """The dateline's country, when the story names it or names no country but by its people
        ("Indian fishermen"); else the country the story names most, when one leads (a tie is no
        answer: "Clerics in Dagolath and Osgiliath" has no country to guess). Countries named
        only by their people count when the story names no other."""
        states = self.states
        if self.dateline and (not states or self.dateline in self.counts):
            return self.dateline
        if not self.counts:
            return self.headline
        order = [c for c in self.order if c in states] if states else self.order
        ranked = sorted((self.counts[c] for c in order), reverse=True)
        if len(ranked) > 1 and ranked[0] == ranked[1]:
            # a tie: the headline may say which of the leaders the story is about
            return self.headline if self.headline in order and self.counts[self.headline] == ranked[0] else None
        best = order[0]
        for c in order:
            if self.counts[c] > self.counts[best]:
                best = c
        return best


def _actors_act(tok, by_head: dict[int, Mention]) -> bool:
    """Whether the common noun ``tok`` is named by the actor before it as that actor's act or
    thing ("Israeli airstrikes", "Saudi raids"), not as a place ("the Kurdish region")."""
    m = by_head.get(tok.i)
    return m is not None and tok.pos_ == "NOUN" and m.head == tok.i and m.start < tok.i \
        and tok.lemma not in _PLACE_NOUNS


def _place_country(tok, by_head: dict[int, Mention], day: dt.date | None) -> str | None:
    """The country of a place a noun names ("Karachi", "northern Mali", "Idlib province")."""
    m = by_head.get(tok.i)
    if m is None:  # a name the parser heads elsewhere ("Democratic Republic of Congo")
        for other in by_head.values():
            if other.start <= tok.i < other.end:
                m = other
                break
    if m is not None:
        if _actors_act(tok, by_head):
            return None  # "killed in Israeli airstrikes": whose the act is, not where it was
        return m.country if not m.code.startswith(UNKNOWN_COUNTRY) else None
    words = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i]
    if tok.pos_ == "PROPN":
        names = [" ".join([w.text for w in words] + [tok.text]), tok.text] if words else [tok.text]
    elif words:  # "Idlib province", "Gao region": the name before a place noun
        names = [" ".join(w.text for w in words)]
    else:
        return None
    for name in names:
        place = gazetteer.lookup(name)
        if place is not None:
            return place.cameo(day)
    return None


def _place_of(tok, by_head: dict[int, Mention]) -> str | None:
    """The country a place noun's "of" phrase names, when the dictionaries know it ("in the Horn
    of Africa nation of Djibouti", "in the capital of Mali"). Towns the gazetteer alone knows are
    left out: "the town of Kareli" is in Georgia and in India, "the city of Zamora" in Mexico and
    in Spain."""
    if tok.lemma not in _PLACE_NOUNS and tok.lemma != "nation":
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                m = by_head.get(p.i) if p.dep_ == "pobj" else None
                if m is not None and m.country and m.agent is None and not m.code.startswith(UNKNOWN_COUNTRY):
                    return m.country
    return None


def _possessor(tok, by_head) -> str | None:
    """"its ambassador", "their troops": the country of the actor the possessive stands for."""
    for c in tok.children:
        if c.dep_ == "poss":
            m = by_head.get(c.i)
            if m is not None and m.country and not m.code.startswith(UNKNOWN_COUNTRY):
                return m.country
    return None


_LEADING = frozenset({"lead", "head"})


def _leader(tok, by_head) -> str | None:
    """"Aripov, heading a delegation", "a delegation led by the foreign minister": a body someone
    leads is of the leader's country, not of the place it went to."""
    leaders = []
    if tok.dep_ == "dobj" and tok.head.lemma in _LEADING:
        leaders = [c for c in tok.head.children if c.dep_ == "nsubj"]
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma in _LEADING:
            leaders += [p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    for t in leaders:
        m = by_head.get(t.i)
        if m is not None and m.country and not m.code.startswith(UNKNOWN_COUNTRY):
            return m.country
    return None


def _shared_possessor(tok, by_head) -> str | None:
    """"the country's government and opposition": a conjunct shares the first one's possessor."""
    first = tok
    for _ in range(4):
        if first.dep_ != "conj" or first.head.i == first.i:
            break
        first = first.head
    return _possessor(first, by_head) if first is not tok else None


def _places_below(tok, by_head, day, skip: int = -1, depth: int = 0) -> str | None:
    """A place in a phrase of the word: "police in Karachi", also further down the phrase ("12
    people, including two children, in Kharkiv")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _PLACE_PREPOSITIONS and c.i != skip:
            for p in c.children:
                if p.dep_ == "pobj":
                    found = _place_country(p, by_head, day) or _place_of(p, by_head)
                    if found:
                        return found
                    if depth < 2 and _actors_act(p, by_head):
                        # "killed in Saudi airstrikes in Sanaa": the place of the act the phrase names
                        found = _places_below(p, by_head, day, -1, depth + 1)
                        if found:
                            return found
    if depth < 2 and tok.pos_ != "VERB" and tok.pos_ != "AUX":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in _MEMBERS and c.i != skip:
                for p in c.children:
                    if p.dep_ == "pobj":
                        found = _places_below(p, by_head, day, -1, depth + 1)
                        if found:
                            return found
    return None


# "17 Afghan villagers, including women and children": the members named are of the whole's country
_MEMBERS = frozenset({"including", "among"})


def _whole(tok, by_head) -> str | None:
    """The country of the phrase whose members "including ..." names."""
    if tok.dep_ in ("pobj", "conj"):
        t = tok
        while t.dep_ == "conj" and t.head is not t:
            t = t.head
        prep = t.head
        if t.dep_ == "pobj" and prep.lower_ in _MEMBERS and prep.head is not prep:
            m = by_head.get(prep.head.i)
            if m is not None and m.country and not m.code.startswith(UNKNOWN_COUNTRY):
                return m.country
    return None


def _place_before(head, m: Mention, by_head, day) -> str | None:
    """A place named before the role in its own phrase: "Bayelsa state governor X", "Karachi
    police" (the place's country, from the gazetteer)."""
    for t in head.subtree:
        if t.i >= m.start:
            break
        if t.pos_ == "PROPN" and t.dep_ in ("compound", "nmod", "amod") and t.head.i != t.i and t.head.pos_ != "PROPN":
            found = _place_country(t, by_head, day)
            if found:
                return found
    return None


def _clause_place(tok, by_head, day) -> str | None:
    """A place in the clause of the verb that the phrase headed by ``tok`` belongs to."""
    t, below = tok, -1
    for _ in range(_MAX_CLIMB):
        if t.dep_ not in _CLAUSE_LINKS or t.head is t:
            break
        below, t = t.i, t.head
        if t.pos_ in ("VERB", "AUX"):
            return _places_below(t, by_head, day, skip=below)
    return None


# A state's organs, and the people of a country who deal with their own state: a bare organ that
# acts on such people, or is acted on by them, is their country's when the story names no leading
# country ("Cuban dissidents accused the government": Cuba's). Forces and armed groups face
# foreign ones as often as their own, and say nothing of the organ's country.
_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
_DOMESTIC = frozenset({"OPP", "CVL", "LAB", "EDU", "MED", "REL", "BUS"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})


def _partner_country(tok, m: Mention, by_head) -> str | None:
    """The country of the other party of the verb the bare organ (``_ORGANS``) is the subject or
    object of, when that party is a country's own people (``_DOMESTIC``): only where the story
    gives no leading country."""
    if m.agent not in _ORGANS or tok.dep_ not in _ARGUMENTS or tok.head is tok:
        return None
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for c in verb.children:
        if c.i == tok.i or c.dep_ not in _ARGUMENTS:
            continue
        other = by_head.get(c.i)
        if other is not None and other.country and not other.inferred and other.agent in _DOMESTIC \
                and not other.code.startswith(UNKNOWN_COUNTRY):
            return other.country
    return None


# Roles that act abroad: diplomats, mediators, peacekeepers and monitors are foreigners where they
# are ("diplomats in Beijing", "peacekeepers arrived in Mogadishu"), and an embassy stands in
# another country ("protested outside the Brazilian embassy" makes no story Brazilian).
_ABROAD = frozenset({"envoy", "ambassador", "diplomat", "mediator", "emissary", "consul", "peacekeeper", "monitor",
                     "observer", "attache", "embassy", "consulate"})
# Words of peace operations, whose forces are an organisation's when no country is told.
_PEACEKEEPING = frozenset({"peacekeeper", "peacekeepers", "peacekeeping"})


def _mission(m: Mention, mentions: list[Mention]) -> Mention | None:
    """The one international organisation a sentence names as a party (any of its mentions), for
    peacekeepers of no country; None when it names none, or more than one."""
    igos = [n for n in mentions if n.code.startswith("IGO") and n.via is None and not n.place and n is not m]
    if not igos or len({n.code for n in igos}) > 1:
        return None
    return igos[0]


# Words for one post: "the French ambassador ... expel the envoy".
_ENVOYS = ("ambassador", "envoy")


def _origin(head, by_head, day) -> str | None:
    """The country a "from" phrase says a role comes from: "diplomats from Poland", also hung on
    the verb the role is the object of ("expelled diplomats from Poland")."""
    phrases = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"]
    if head.dep_ == "dobj" and head.head is not head:
        phrases += [c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "from"]
    for c in phrases:
        for p in c.children:
            if p.dep_ == "pobj":
                found = _place_country(p, by_head, day)
                if found:
                    return found
    return None


def _abroad(word: str) -> bool:
    """Whether a role's noun (or its plural) is one of _ABROAD."""
    return word in _ABROAD or (word[-1:] == "s" and word[:-1] in _ABROAD)


def _named_before(head, m: Mention, story: StoryCountries) -> str | None:
    """"The Russian Foreign Ministry told ... The ministry said", "Hong Kong police used tear
    gas ... Police used the tear gas": a definite or bare role takes the country of the same
    role named last in the story ("a police officer" is any one)."""
    if not m.agent:
        return None
    dets = [c for c in head.children if c.dep_ == "det"]
    if dets:
        return story.roles.get(head.lower_) if all(c.lower_ == "the" for c in dets) else None
    if any(c.dep_ in ("amod", "compound", "nummod", "poss") for c in head.children):
        return None  # "local troops", "two soldiers": others than those named before
    return story.roles.get(head.lower_)


# Nouns of organisations (not of people): "rights groups", "a human rights organisation".
_ORGANISATIONS = frozenset({"group", "organization", "organisation", "watchdog", "body", "coalition"})


def infer_countries(sent, mentions: list[Mention], story: StoryCountries, day: dt.date | None) -> list[Mention]:
    """``mentions`` with a country for each role whose country the text leaves out."""
    unknown = [k for k, m in enumerate(mentions) if m.country is None and m.code.startswith(UNKNOWN_COUNTRY)]
    if not unknown:
        return mentions
    by_head = {m.head: m for m in mentions}
    doc = sent.doc
    out = list(mentions)
    found: dict[str, str] = {}  # phrase -> the country inferred for it in this sentence
    missions: dict[str, Mention] = {}  # peacekeepers' phrase -> the organisation they were read as
    # a pronoun or reference for a role of this sentence ("the ministry said it ...") takes the
    # country its antecedent gets: antecedents first
    for k in sorted(unknown, key=lambda k: out[k].via is not None):
        m = out[k]
        head = doc[m.head]
        if m.via is not None and m.via in missions:
            # "saying peacekeepers open fire when they come under attack": a pronoun for them too
            out[k] = replace(m, code=missions[m.via].code, country=None, agent=None, type="igo", inferred=True)
            continue
        own = (found.get(m.via) if m.via is not None else None) or (
            _possessor(head, by_head) or _shared_possessor(head, by_head) or _whole(head, by_head)
            or _leader(head, by_head))
        if _abroad(head.lower_):
            # "diplomats in Beijing", "Diplomats arrived in Sri Lanka": of no country a place or
            # the story tells; only an owner or the same role named before says whose
            country = own or _origin(head, by_head, day) or _named_before(head, m, story)
            if not country and head.lower_ in _ENVOYS and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
                country = next((story.roles[w] for w in _ENVOYS if w in story.roles), None)
            if country:
                out[k] = replace(m, code=country + m.code[len(UNKNOWN_COUNTRY):], country=country, inferred=True)
            elif head.lemma in _PEACEKEEPING or any(w in _PEACEKEEPING for w in m.text.lower().split()):
                # "U.N. troops battled gangs ... clashes between peacekeepers and armed groups":
                # peacekeepers of no country are those of the organisation the sentence names
                mission = _mission(m, mentions)
                if mission is not None:
                    out[k] = replace(m, code=mission.code, country=None, agent=None, type="igo", inferred=True)
                    if m.via is None:
                        missions[m.text] = mission
            continue
        own = own or _places_below(head, by_head, day) or _place_before(head, m, by_head, day)
        if own is None and m.agent == "HRI" and head.lemma in _ORGANISATIONS:
            # "Rights groups condemned the move": unnamed rights groups whose own phrase names
            # no country are the international ones (NGOHRI), not the country of the story
            out[k] = replace(m, code="NGOHRI", agent="NGOHRI", type="ngo")
            continue
        country = own or _clause_place(head, by_head, day) or _named_before(head, m, story) or story.default() \
            or _partner_country(head, m, by_head)
        if country:
            out[k] = replace(m, code=country + m.code[len(UNKNOWN_COUNTRY):], country=country, inferred=True)
            if m.via is None:
                found[m.text] = country
    return out
