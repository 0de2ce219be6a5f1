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

from .dictionaries.compile import Lexicon, phrase_match

# Dependency relations through which a modifier belongs to the noun phrase of its head.
_NP_MODIFIERS = {"compound", "amod", "nmod", "poss", "nn"}
_LOCATING = {"of", "from", "in"}
# Nouns whose possessor is not the actor they name ("Moscow's ally", "Iran's neighbours").
RELATIONAL_NOUNS = frozenset({
    "ally", "friend", "partner", "neighbour", "neighbor", "enemy", "foe", "rival", "adversary",
    "opponent", "counterpart", "client", "proxy", "backer", "patron", "sponsor", "critic", "victim",
})
_DEFINITE = {"the", "that", "this", "these", "those"}
_PRONOUN_TYPES = {
    "it": ("country", "igo", "ngo", "company", "armed_group", "other"),
    "its": ("country", "igo", "ngo", "company", "armed_group", "other"),
    "he": ("person",), "him": ("person",), "his": ("person",),
    "she": ("person",), "her": ("person",),
    "they": None, "them": None, "their": None,
}

_PRONOUN_KEYS = frozenset(_PRONOUN_TYPES)


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
        tok = tok.head
        seen += 1
    return tok


def find_hits(lex: Lexicon, lowers: list[str], texts: list[str], offset: int, day: dt.date | None) -> list[_Hit]:
    """Greedy longest dictionary matches, left to right; actors win ties with agents."""
    return _find_hits(lex, lowers, texts, offset, day)


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
        if low not in singles and text not in singles and (
            i == last or ((low, lowers[i + 1]) not in pairs and (text, texts[i + 1]) not in pairs)
        ):
            i += 1
            continue
        a = phrase_match(actors, lowers, texts, i)
        g = phrase_match(agents, lowers, texts, i)
        if a is not None:
            code = lex.actor(a[1]).code_on(day)
            if code is None:
                # The phrase names someone who is no actor on this date ("Ramzan Kadyrov" before
                # office): its words are his, not a shorter entry's ("Kadyrov", his father).
                if g is None or g[0] <= a[0]:
                    i += a[0]
                    continue
                a = None
        if a is not None and (g is None or a[0] >= g[0]):
            hits.append(_Hit("actor", offset + i, offset + i + a[0], a[1], code))
            i += a[0]
        elif g is not None:
            hits.append(_Hit("agent", offset + i, offset + i + g[0], g[1], lex.agent(g[1]).code))
            i += g[0]
        else:
            i += 1
    return hits


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


def _sentence_mentions(lex: Lexicon, sent, sentence_index: int, day: dt.date | None, lowers: list[str], texts: list[str]) -> list[Mention]:
    doc = sent.doc
    hits = _find_hits(lex, lowers, texts, sent.start, day)
    if not hits:
        return []
    doc.build(sent.start, sent.end)
    groups: dict[int, list[_Hit]] = {}
    relation: dict[int, str] = {}
    for h in hits:
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
        if owner and all(h.kind == "agent" for h in owner) and all(h.kind == "actor" for h in groups[head_i]):
            agent_hits = list(owner)
            owner.extend(groups.pop(head_i))
            for partner in tok.conjuncts:
                if partner.i in groups and all(h.kind == "actor" for h in groups[partner.i]):
                    groups[partner.i] = agent_hits + groups[partner.i]
                    shared.setdefault(owner_i, []).append(partner.i)
    mentions = []
    for head_i, group in groups.items():
        m = _compose(lex, doc, head_i, group, relation.get(head_i), sentence_index)
        if m is not None:
            if head_i in shared:
                m = replace(m, partners=tuple(shared[head_i]))
            mentions.append(m)
    _share_country(doc, mentions)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _share_country(doc, mentions: list[Mention]) -> None:
    """"Danish media and government": a coordinated agent takes its partner's country."""
    by_head = {m.head: k for k, m in enumerate(mentions)}
    for k, m in enumerate(mentions):
        if m.country is not None or not m.code.startswith(UNKNOWN_COUNTRY):
            continue
        for partner in doc[m.head].conjuncts:
            j = by_head.get(partner.i)
            if j is not None and mentions[j].country is not None:
                country = mentions[j].country
                mentions[k] = replace(m, code=country + m.agent, country=country)
                break


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
    if head_hit is not None and head_hit.kind == "actor":
        base, agent_hit = head_hit, None
        # "Bree Prime Minister Romendacil": a role before a name adds to a bare country code.
        if len(base.code) == 3 and base.code[:3] not in NON_STATE:
            before = [h for h in agents if h.end <= base.start]
            agent_hit = before[-1] if before else None
    elif head_hit is not None:  # an agent heads the phrase: compose onto the nearest actor
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
    else:
        # Only modifiers matched. A compound names the actor ("the Islamic State group",
        # "US airstrikes"); an adjective or possessive alone does not ("Russian goal").
        # A named group used as a modifier still names it ("Daesh fighters", "Hamas militants").
        if not actors:
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
        agent_hit = None
        for h in agents:
            if agent_hit is None or h.end > agent_hit.end:
                agent_hit = h
    entry = lex.actor(base.payload)
    country, agent = split_code(base.code)
    code = base.code
    entries = [_entry_label(entry)]
    if agent_hit is not None:
        ag = lex.agent(agent_hit.payload)
        entries.append(_entry_label(ag))
        # Roles compose onto a country ("Syrian troops"); a named group or office keeps its own
        # code ("Hamas fighters", "Kremlin spokesman").
        if country is not None and agent is None:
            agent = ag.code
            code = (ag.code + country) if ag.prefix else (country + ag.code)
    text = doc.span_text(start, end)
    return Mention(head_i, start, end, code, country, agent, text, "; ".join(entries), entry.type, sentence_index)


class StoryContext:
    """What a story has named so far, for references ("the group") and pronouns ("it")."""

    def __init__(self) -> None:
        self.history: list[Mention] = []

    def antecedent(self, types: tuple[str, ...] | None, before: int, current: list[Mention]) -> Mention | None:
        for m in reversed([m for m in current if m.end <= before]):
            if types is None or m.type in types:
                return m
        for m in reversed(self.history):
            if types is None or m.type in types:
                return m
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
        if lowers is None or texts is None:
            lowers, texts = sent.lowers, sent.texts
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
                head = _np_head(last)
                det = [c for c in head.children if c.dep_ == "det" and c.lower_ in _DEFINITE]
                if det and head.i not in taken:
                    ref = lex.dictionaries.references[payload]
                    ante = self.antecedent(ref.types, det[0].i, out)
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
                ante = self.antecedent(_PRONOUN_TYPES[tok.lower_], tok.i, out)
                if ante is not None:
                    out.append(replace(
                        ante, head=tok.i, start=tok.i, end=tok.i + 1, text=tok.text, sentence=sentence_index, via=ante.via or ante.text
                    ))
            i += 1
        # A role of unknown country that turned out to be a reference gives way to it.
        resolved = {m.head for m in out if m.via is not None}
        out = [m for m in out if not (m.via is None and m.head in resolved)]
        out.sort(key=lambda m: m.start)
        return out

    def remember(self, mentions: list[Mention]) -> None:
        self.history.extend(m for m in mentions if m.via is None)
