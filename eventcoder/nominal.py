"""Events that nouns carry: "air strikes by X on Y", "talks between X and Y", "X's visit to Y".

News reports many events as nouns. A noun listed in the dictionaries' ``nouns.txt`` gives an
event when its own phrase names the parties:

- the source: the noun's possessor or actor modifier ("Russia's invasion", "US air strikes"),
  the object of ``by`` ("the arrest of X by Kenyan police") or of a ``source`` preposition;
  with ``implied AGENT`` an unnamed source is that role, its country inferred as any role's
  ("protests against the government in Nairobi" -> KENOPP 140 KENGOV);
- the target: the object of a ``target`` preposition ("on Y", "against Y", "of X" for an arrest);
- ``between X and Y`` names both sides, and a ``mutual`` noun ("talks", "clashes") goes both ways.

A noun that a verb pattern already coded ("launched air strikes on Y") gives nothing more, and
neither does a noun that is only planned, possible, denied or asked for ("a possible attack",
"called for talks", "there were no talks"). The events carry ``trigger`` "noun".
"""

from __future__ import annotations

from .actors import COUNTING, MILITARY_PLACES, OWNER_LINKS as _OWNER_DEPS, UNKNOWN_COUNTRY, Mention
from .actors import _entry_label, find_hits, split_code
from .dictionaries.model import NO_EVENT
from .country_inference import _clause_place, _places_below

# Modifiers that make the noun's event not (yet) real.
_UNREAL = frozenset({
    "possible", "potential", "planned", "proposed", "future", "prospective", "upcoming", "impending", "imminent",
    "threatened", "hypothetical", "expected", "feared", "would-be",
})
_UNREAL_DET = frozenset({"no", "any"})
# Prepositions whose phrase tells an occasion that took place ("during a visit", "after talks").
_PRESUPPOSED = frozenset({"during", "after", "following", "since", "throughout"})
# Links through which a noun phrase belongs to the clause of the verb above it.
_UP = frozenset({"dobj", "pobj", "prep", "conj", "nsubj", "nsubjpass", "attr", "appos", "compound", "npadvmod"})


def _objects(tok, prepositions) -> list:
    """Objects of the token's phrases with these prepositions. For a direct object, also those
    the parser hung on its verb after it ("condemned the air strikes by X on Y")."""
    out = []
    owners = [tok]
    if (tok.dep_ == "dobj" or _subject_of_intransitive(tok)) and tok.head is not tok:
        owners.append(tok.head)
    # "five agreements signed between India and Saudi Arabia", "talks held with Iran": the
    # participle that says the event took place carries the noun's phrases
    owners.extend(_happening(tok))
    for owner in owners:
        for c in owner.children:
            if c.dep_ == "prep" and c.lower_ in prepositions and (owner is tok or c.i > tok.i):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.append(p)
    return out


# Participles that only say an event noun's event took place ("agreements signed between X and Y").
_HAPPENING = frozenset({"sign", "hold", "reach", "conclude", "agree", "strike", "ink", "seal", "conduct", "launch",
                        "carry", "stage", "mount"})


def _happening(tok) -> list:
    """The noun's participles that only say its event took place ("agreements signed ...")."""
    return [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma in _HAPPENING]


def _has_prep(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "prep":
            return True
    for c in _happening(tok):
        if any(p.dep_ == "prep" for p in c.children):
            return True
    if (tok.dep_ == "dobj" or _subject_of_intransitive(tok)) and tok.head is not tok:
        for c in tok.head.children:
            if c.dep_ == "prep" and c.i > tok.i:
                return True
    return False


def _subject_of_intransitive(tok) -> bool:
    """"Fresh fighting has erupted between X and Y", "talks resumed with Iran": the noun is the
    subject of a verb with no object, which only says the event happened; the parser hangs the
    noun's phrases on that verb."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB":
        return False
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "attr", "ccomp", "xcomp"):
            return False
    return True


def _gerund_noun(tok) -> bool:
    """"Fighting between Israel and Hamas surged": a gerund heading a noun phrase, with no
    subject or object of its own, names its event like the noun."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return False
    for c in tok.children:
        if c.dep_ in ("nsubj", "dobj", "aux"):
            return False
    return True


def owner_mention(t, by_head: dict[int, Mention]) -> Mention | None:
    """For a noun that names no actor itself, the actor its modifier names: the thing of an
    actor stands for it ("Iranian drones", "ISIS forward units", "a Filipino vessel")."""
    if t.pos_ != "NOUN":
        return None
    # (a possessive pronoun owns only the places of a force: "an attack on their headquarters"
    # is on them; "his wife" is not him)
    forceful = t.lemma in _FORCE_PLACES
    for c in t.children:
        if c.i < t.i and c.dep_ in _OWNER_DEPS and c.i in by_head and (c.tag_ != "PRP$" or forceful):
            return by_head[c.i]
    return None


_FORCE_PLACES = MILITARY_PLACES | {"headquarters", "headquarter", "post", "outpost", "stronghold"}


def _members(tokens, by_head: dict[int, Mention]) -> list[Mention]:
    """The mentions of tokens and of their coordinated partners."""
    found: list[Mention] = []
    seen = set()
    stack = list(tokens)
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        m = by_head.get(t.i)
        if m is None:
            m = owner_mention(t, by_head)
        if m is None and t.lower_ in COUNTING:
            # "clashes between hundreds of BNP supporters and police": the people counted
            stack.extend(p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj")
        if m is not None:
            # "talks between Ukrainian and Russian delegations": each coordinated modifier
            # names a party of its own
            for c in t.children:
                if c.i < t.i and c.dep_ in _OWNER_DEPS:
                    stack.extend(p for p in c.conjuncts if p.i < t.i and p.i in by_head)
        if m is not None and m not in found:
            found.append(m)
            for p in m.partners:
                if p in by_head and by_head[p] not in found:
                    found.append(by_head[p])
        stack.extend(t.conjuncts)
        for c in t.children:
            if c.dep_ == "appos":
                stack.append(c)
    found.sort(key=lambda m: m.start)
    return found


def _unreal(tok, lex, code: str = "") -> bool:
    for c in tok.children:
        if (c.dep_ == "amod" and c.lower_ in _UNREAL) or (c.dep_ == "det" and c.lower_ in _UNREAL_DET):
            return True
    if tok.dep_ == "pobj" and (tok.head.lower_ == "of" or tok.head.lower_ == "to") \
            and tok.head.head.lower_ in ("ahead", "prior", "eve"):
        return True  # "ahead of talks with Iran", "prior to his visit", "on the eve of talks": still to come
    d = lex.dictionaries
    t = tok
    for _ in range(8):
        if t.dep_ not in _UP or t.head is t:
            return False
        if t.dep_ == "prep" and t.lower_ in _PRESUPPOSED and t.head.pos_ in ("VERB", "AUX"):
            # "failed to broker a deal during a visit to Honduras": the occasion took place,
            # whatever became of the act it was the occasion of
            return False
        below = t.dep_
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            # "ordered the expulsion of X": the order put the act into effect (@enacting)
            enacted = t is tok.head and tok.dep_ == "dobj" and d.enacts(t.lemma, code)
            if not enacted and (t.lemma in d.negating or (t.lemma in d.intending and below != "nsubj")):
                # "called for talks", "denied the attack"; but "U.S. bombing of ISIS allowed
                # Kurdish forces to advance": the act that allows took place
                return True
            if enacted:
                # "threatened to order the expulsion of X": an order only threatened gave none
                g = t
                while g.dep_ in ("xcomp", "ccomp", "conj") and g.head is not g:
                    g = g.head
                    if g.lemma in d.intending or g.lemma in d.negating or any(c.dep_ == "neg" for c in g.children):
                        return True
            for c in t.children:
                if c.dep_ == "neg":
                    return True
            if t.dep_ not in ("xcomp", "ccomp", "conj"):
                return False
    return False


def _pattern(lex, tok):
    entries = lex.nouns.get(tok.lower_) or lex.nouns.get(tok.lemma)
    if not entries:
        return None
    doc_words = None
    for before, pat in entries:
        # "the expulsion of diplomats": a pattern for the head of the target phrase
        if pat.objects and not any(t.lemma in pat.objects or t.lower_ in pat.objects
                                   for t in _objects(tok, pat.target)):
            continue
        if not before:
            return pat
        n = len(before)
        if doc_words is None:
            # The words written before the noun in its own phrase ("air" of "air strikes").
            doc_words = [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "nmod")]
            doc_words = [w.lower_ for w in sorted(doc_words, key=lambda w: w.i)]
        if tuple(doc_words[-n:]) == before:
            return pat
    return None


# Words that say the clause they govern is still to come ("talks are due to begin", "a meeting is
# set to take place", "talks are scheduled for Monday").
_FORETELLING = frozenset({"due", "set", "schedule", "scheduled", "slate", "slated", "expect", "expected", "likely"})
# Verbs that say an event happens ("take place", "begin", "be held"): announced, the event is.
_OCCURRING = frozenset({"take", "begin", "start", "open", "happen", "occur", "resume", "hold", "convene", "proceed",
                        "commence", "go", "be", "get"})


# Verbs that say negotiations came to nothing ("talks collapsed", "talks broke down").
_FAILING = frozenset({"collapse", "stall", "falter", "founder", "fail"})


def _broke_down(tok) -> bool:
    """Whether the noun is the subject of a verb saying it broke down ("talks broke down",
    "negotiations collapsed"): the talks were halted (164), not held."""
    if tok.dep_ != "nsubj":
        return False
    v = tok.head
    if v.lemma in _FAILING and not any(c.dep_ == "xcomp" for c in v.children):
        return True  # "talks failed", not "talks failed to produce a deal"
    return v.lemma == "break" and any(c.dep_ == "prt" and c.lower_ == "down" for c in v.children)


def _foretold(tok, lex) -> int:
    """0: the event noun ``tok`` tells a done event; 1: it is the subject of a clause that
    announces it ("Talks between X and Y will take place next week"); 2: of one that speculates
    ("could take place"): no event."""
    d = lex.dictionaries
    if tok.dep_ == "dobj" and tok.head.lemma in _CONVENING:
        return _convening_foretold(tok.head, d)
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "due" \
            and tok.head.head.dep_ == "acomp" and tok.head.head.head.lemma == "be":
        # "Libya was due to host peace talks": the parser makes the verb a word of the noun's
        # phrase; "X is due to" says what is to come (not "cancelled due to the talks")
        return 1
    if tok.dep_ != "nsubj" and tok.dep_ != "nsubjpass":
        return 0
    v = tok.head
    occurs = v.lemma in _OCCURRING  # "talks will take place", not "sanctions will hurt the economy"
    for c in v.children:
        if c.dep_ == "aux" or c.dep_ == "auxpass":
            if c.lower_ in d.speculative and occurs:
                return 2
            if c.lemma != "be" and c.lower_ in d.announcing and occurs:
                return 1
        elif (c.dep_ == "acomp" or c.dep_ == "xcomp") and c.lower_ in _FORETELLING:
            return 1
    return 1 if v.lower_ in _FORETELLING or v.lemma in _FORETELLING else 0


# Verbs whose object is an event they bring about ("host talks", "hold a meeting").
_CONVENING = frozenset({"host", "hold", "convene", "organize", "organise", "resume", "start", "begin", "open"})


def _convening_foretold(v, d) -> int:
    """For an event noun that is the object of a convening verb ("Libya was due to host peace
    talks on Saturday between X and Y"): 1 when that verb is announced (an auxiliary of @announcing,
    or the complement of "due", "set", "scheduled" or a verb of @announcing), 2 when speculated."""
    for c in v.children:
        if c.dep_ == "aux":
            if c.lower_ in d.speculative:
                return 2
            if c.lower_ in d.announcing:
                return 1
    gov = v.head
    if v.dep_ == "xcomp" and gov is not v and (
            gov.lower_ in _FORETELLING or gov.lemma in _FORETELLING or gov.lemma in d.announcing):
        if any(c.dep_ == "neg" for c in gov.children):
            return 2
        return 1
    return 0


# Codes of a verb pattern's act on a protest that leave the protest its own event: "police broke
# up an anti-government protest" is the police's 175 and the protesters' 140.
_REPRESSING = frozenset({"175", "173"})


def code_nouns(lex, sent, by_head: dict[int, Mention], taken: dict, make_event) -> list:
    """Events carried by the nouns of one sentence. ``taken``: tokens a verb pattern matched, with
    the pattern's code;
    ``make_event(noun, source, target, code, pattern, text)`` builds the event record."""
    out = []
    nouns = lex.nouns
    lowers = sent.doc.lowers[sent.start:sent.end]
    if nouns.keys().isdisjoint(lowers):
        return out  # no noun of the dictionaries in the sentence (checked without a Python loop)
    doc = sent.doc
    for k, low in enumerate(lowers):
        if low not in nouns:
            continue
        tok = doc[sent.start + k]
        if (tok.pos_ != "NOUN" and tok.pos_ != "PROPN" and not _gerund_noun(tok)) or (
                tok.i in taken and taken[tok.i] not in _REPRESSING):
            continue
        own = by_head.get(tok.i)  # "US air strikes", "Russia's invasion": the phrase's own actor
        if own is not None and own.start > tok.i:
            own = None
        answered = _answered(tok)
        if own is None and not _has_prep(tok) and answered is None and not any(
                c.i in by_head and c.dep_ in _SIDE_DEPS for c in tok.children) and not _anti(tok):
            continue  # no party named in the noun's phrase (checked before the costlier tests)
        pat = _pattern(lex, tok)
        if pat is None or pat.code == NO_EVENT or _unreal(tok, lex, pat.code):
            continue  # (a noun of no event names only who acted: "the coup in Niger")
        if tok.i in taken and not pat.implied:
            continue  # (a verb pattern repressing a protest leaves the protest its own event)
        if pat.code[:3] in _VISIT_CODES and tok.dep_ == "pobj" and tok.head.lower_ == "during":
            continue  # "signed agreements during a visit to Beijing": when, not a visit told (convention 36)
        code = pat.code
        if _broke_down(tok):
            if code[:2] != "04":
                continue  # "A ceasefire between Turkey and the PKK collapsed": no truce told, nor who broke it
            code = "164"  # "Talks between X and Y broke down in May": negotiations halted
        told = _foretold(tok, lex)
        if told:
            # "Talks between X and Y will take place next week": the event is announced, coded
            # as its intent (03x) as an announcing verb's act is; "could take place" is none
            code = lex.dictionaries.announced_code(code) if told == 1 and lex.dictionaries.announced else \
                (code if told == 1 else None)
            if code is None:
                continue
        target_tokens = _objects(tok, pat.target)
        targets = _members(target_tokens, by_head)
        if not targets and pat.implied:
            targets = against_named(lex, doc, tok, by_head)  # "anti-government protests"
        sources = [own] if own is not None else []
        # "the arrest of X by Y": the parser often hangs the by-phrase on X.
        by = _objects(tok, ("by",) + pat.source)
        for t in target_tokens:
            by += _objects(t, ("by",))
        if not by and answered is not None and answered.head.lower_ in _ANSWERS:
            by = _objects(answered.head, ("by",))  # the parser hangs "by" on "retaliation"
        sources += _members(by, by_head)
        if not sources and tok.dep_ == "dobj" and (
                tok.head.lemma in lex.dictionaries.light or lex.dictionaries.enacts(tok.head.lemma, pat.code)):
            # "organized the abduction of X", "lodged a protest against X": the subject of a verb
            # that only says the event took place is its source, as is the subject of a verb that
            # put it into effect ("ordered the expulsion of X").
            sources = _members(_light_subjects(tok.head), by_head)
        if not sources and pat.code[:2] == "17":
            # "police confirmed the arrests of Mahere and her fellow activists": a state's force
            # that announces coercion no one else is named for announces its own (convention 23)
            sources = [m for m in _members(_announcers(tok), by_head) if m.agent in COERCING_ROLES]
        if not sources and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i != tok.head.i \
                and lex.dictionaries.enacts(tok.head.head.lemma, pat.code):
            # "the Senate voted for the impeachment of X": the voters put it into effect
            sources = _members(_light_subjects(tok.head.head), by_head)
        if not sources and tok.dep_ == "pobj":
            # "al Shabaab claimed responsibility for the attack on X": who is responsible for the
            # act did it
            sources = _members(_responsible(tok), by_head)
        pronoun = _pronoun_possessor(tok, by_head) if pat.subject else None
        if pat.subject and (not sources or pronoun):
            # "met Castro during a visit to Cuba", "During his visit to Cuba, Chavez ...": who
            # made the visit is who the clause is about.
            subjects = _members(_occasion_subjects(tok), by_head)
            if subjects:
                sources = subjects
            elif not sources:
                sources = _members(pronoun, by_head)
        if not sources and pat.mutual and targets:
            # "Two soldiers died in fighting with rebels", "a rebel was killed in clashes with
            # regime forces": those the clause's verb is about are the other side.
            sources = _members(_clause_subjects(tok), by_head)
        if sources and not targets:
            # "expelled Czech diplomats in retaliation for expulsions by Prague": what is
            # retaliated for was done to the one who retaliates
            targets = _members(_retaliating(answered), by_head)
        if sources and not targets and tok.dep_ == "dobj" and pat.code[:2] in _FORCE_ROOTS and _fends(tok.head):
            # "Sudanese troops repelled an RSF attack": an attack fended off was made, on
            # whoever fended it off
            targets = _members(_light_subjects(tok.head), by_head)
        if tok.dep_ == "dobj" and tok.head.lemma in _CAUSING and code[:2] in _REACTION_ROOTS and not targets:
            # "met the Dalai Lama, sparking protest from China", "the arrests drew criticism
            # from the US": disapproval an act drew falls on whoever did it, from whoever
            # the "from" phrase names
            named = _members(_objects(tok, ("from",)) + _objects(tok.head, ("from",)), by_head)
            sources = sources or named
            if sources or _places_below(tok, by_head, None):
                # (unnamed protesters are of the place the protests were in, never assumed to be
                # of the country whose act they answer: "the Japanese purchase sparked anti-Japan
                # protests in dozens of Chinese cities")
                targets = [m for m in _members(causers(tok.head), by_head) if m not in sources]
            if named and code[:2] == "14" and not any(m.agent in _DEMONSTRATORS for m in named):
                code = "111"  # a state's or a body's "strong protest" is its disapproval, not a demonstration
        if len(by_head) < 2 and not (pat.implied and not sources):
            continue
        between = _members(_objects(tok, ("between", "among", "amongst")), by_head)
        if len(between) < 2:
            # "exchanges of fire between Israel and Hezbollah": the parser hangs "between" on
            # the noun's "of" object
            between = _members([p for o in _objects(tok, ("of",)) for p in _objects(o, ("between", "among", "amongst"))],
                               by_head) or between
        if pat.mutual and len(between) < 2:  # "the meeting of the Russian and US ministers"
            between = _members(_objects(tok, ("of",)), by_head)
        if pat.mutual and len(between) < 2:
            # "Russian and Ukrainian talks", "the Russia-Ukraine talks": the sides named before
            between = _modifier_sides(tok, own, by_head)
        if len(between) >= 2:
            pairs = [(a, b) for a in between for b in between if a is not b]
        else:
            if not sources and pat.implied and targets:
                sources = _implied(pat, tok, targets, by_head)
            pairs = [(s, t) for s in sources for t in targets]
            if pat.mutual:
                pairs += [(t, s) for s, t in pairs]
        text = " ".join(w.text for w in sorted([tok] + [c for c in tok.children if c.dep_ == "prep"], key=lambda w: w.i))
        done = set()
        for s, t in pairs:
            if s.code == t.code or s.head == t.head or s.code.startswith(UNKNOWN_COUNTRY) or (s.code, t.code) in done:
                continue
            if s.country is not None and s.country == t.country and (s.agent or "GOV") == "GOV" \
                    and (t.agent or "GOV") == "GOV":
                continue  # one state under two names
            done.add((s.code, t.code))
            out.append(make_event(tok.i, s, t, code, pat, text))
    return out


# Verbs of fending off an attack that was made: alone ("repelled"), or with their particle
# ("beat back", "fought off"); not of stopping one before it was made ("foiled").
_FENDING = frozenset({"repel", "repulse", "resist", "withstand"})
_FENDING_OFF = frozenset({"beat", "push", "fight", "fend", "ward", "drive", "hold"})
_FORCE_ROOTS = frozenset({"18", "19", "20"})


def _fends(v) -> bool:
    """Whether the verb fends off the attack its object names."""
    if v.lemma in _FENDING:
        return True
    return v.lemma in _FENDING_OFF and any(c.dep_ == "prt" and c.lower_ in ("off", "back") for c in v.children)


_VISIT_CODES = frozenset({"042", "043"})


def _modifier_sides(tok, own: Mention | None, by_head: dict[int, Mention]) -> list[Mention]:
    """The actors named before the noun in its own phrase, each once: coordinated ("Russian and
    Ukrainian talks") or hyphenated ("a Hamas-Israel truce", where the parser hangs the first
    name on the second); ``own`` is the phrase's own."""
    mods = [c for c in tok.children if c.i < tok.i and c.dep_ in _SIDE_DEPS]
    mods += [g for c in mods for g in c.children if g.dep_ in _SIDE_DEPS]
    out = [own] if own is not None else []
    for m in _members(mods, by_head):
        if all(o.code != m.code for o in out):
            out.append(m)
    return sorted(out, key=lambda m: m.head)


_SIDE_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


# Nouns of an answer to an act ("in retaliation for", "in response to").
_ANSWERS = frozenset({"retaliation", "response", "revenge", "reprisal", "reaction", "answer"})


def _answered(tok):
    """The preposition ("for", "to") through which the noun ``tok`` is what an answer answers
    ("in retaliation for air strikes", "in response to a slew of expulsions"), or None."""
    prep = tok.head
    if tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "pobj":
        tok = prep.head  # "in retaliation for a slew of expulsions"
        prep = tok.head
    if tok.dep_ != "pobj" or (prep.lower_ != "for" and prep.lower_ != "to"):
        return None
    return prep


def _retaliating(prep) -> list:
    """The subjects of the verb that answers the act named through ``prep`` (``_answered``):
    "Russia expelled 20 Czech diplomats in retaliation for expulsions by Prague"."""
    if prep is None:
        return []
    answer = prep.head
    if answer.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.i < prep.i and any(p.dep_ == "pobj" and p.lower_ in _ANSWERS for p in c.children)
        for c in answer.children
    ):
        return _light_subjects(answer)  # the parser hangs "for" on the verb: "expelled ... in retaliation | for X"
    if answer.lower_ not in _ANSWERS or answer.dep_ != "pobj" or answer.head.dep_ != "prep":
        return []
    verb = answer.head.head
    if verb.pos_ != "VERB" and verb.pos_ != "AUX":
        return []
    return _light_subjects(verb)


# Nouns whose "for" phrase names an act of the one who bears them ("responsibility for").
_RESPONSIBILITY = frozenset({"responsibility", "credit", "blame"})


def _responsible(tok) -> list:
    """The subjects of the verb that takes or claims responsibility for the noun ``tok``
    ("claimed responsibility for the attack", "took credit for the bombing")."""
    prep = tok.head
    if prep.lower_ != "for" or prep.head.lower_ not in _RESPONSIBILITY or prep.head.dep_ != "dobj":
        return []
    return _light_subjects(prep.head.head)


# Verbs by which an act draws a reaction ("sparked protests", "drew criticism from the US"), and
# the roots of the reactions it may draw that fall on whoever did the act.
_CAUSING = frozenset({"draw", "spark", "prompt", "trigger", "provoke", "cause", "attract", "earn", "elicit",
                      "invite", "fuel", "stir", "ignite", "generate"})
# Verbs by which an act makes someone act in answer ("prompting Tokyo to launch a formal protest",
# "leading Moscow to threaten a response").
PROMPTING = frozenset({"prompt", "lead", "force", "spur", "push", "provoke", "cause", "compel", "drive", "trigger"})
_REACTION_ROOTS = frozenset({"11", "14"})
# Roles whose "protest" is a demonstration; anyone else's is a statement of disapproval.
_DEMONSTRATORS = frozenset({"OPP", "CVL", "LAB", "EDU", "AGR"})


def causers(verb) -> list:
    """Who did what ``verb`` says drew a reaction: its subject, or for a participle or conjunct
    with none ("met the Dalai Lama, sparking protest from China") the subject of the clause it
    hangs on."""
    for _ in range(3):
        found = [c for c in verb.children if c.dep_ == "nsubj"]
        if found:
            return found
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []


# Verbs by which a body makes its own acts known.
_ANNOUNCING = frozenset({"confirm", "announce", "report"})
# Roles of a state that coerce people in its own land: arrests, detentions, trials, repression
# (events.py reads them too).
COERCING_ROLES = frozenset({"GOV", "COP", "MIL", "JUD", "SPY"})


def _announcers(tok) -> list:
    """The subjects of a verb of announcing whose object the noun is, or is a conjunct of ("confirmed
    the raids and the arrest of 20 people")."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ != "dobj" or tok.head is tok or tok.head.lemma not in _ANNOUNCING:
        return []
    return _light_subjects(tok.head)


def _light_subjects(verb) -> list:
    """The subjects of an active verb, or of the verb it is the complement or conjunct of
    ("vowed to launch an attack", "met and signed an agreement")."""
    for _ in range(4):
        found = [c for c in verb.children if c.dep_ == "nsubj"]
        if found:
            return found
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return []
        verb = verb.head
    return []


def _clause_subjects(tok) -> list:
    """The subjects of the verb whose "in"/"during"/"amid"/"after"/"at"... phrase the noun ``tok``
    heads ("made the remarks at a meeting with Putin")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or not (prep.lower_ in _PRESUPPOSED or prep.lower_ in ("in", "amid", "at")):
        return []
    verb = prep.head
    if verb.pos_ != "VERB" and verb.pos_ != "AUX":
        return []
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(found) == 1 and found[0].tag_ == "CD" and not found[0].children and verb.dep_ == "conj" \
            and verb.head.i != verb.i:
        # "One Tajik border guard was killed and three were wounded in a clash with Kyrgyz border
        # guards": a bare number counts more of the first clause's subjects
        first = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if first:
            return first
    return found


# Prepositions of a phrase that tells when or on what occasion a clause's act took place, once
# the occasion had begun ("before his visit" and "ahead of it" tell of one still to come).
_OCCASION = _PRESUPPOSED | {"on", "in"}


def _pronoun_possessor(tok, by_head: dict[int, Mention]) -> list:
    """The noun's possessive pronoun when it names an actor ("his visit"), as a list."""
    return [c for c in tok.children if c.dep_ == "poss" and c.tag_ == "PRP$" and c.i in by_head]


def _occasion_subjects(tok) -> list:
    """The subjects of the verb whose "during"/"on"/"after"... phrase the noun ``tok`` heads
    ("met Castro during a visit to Cuba"), or the noun that phrase is hung on ("Putin, on a visit
    to Kyrgyzstan, ...")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _OCCASION:
        return []
    owner = prep.head
    if owner.pos_ in ("NOUN", "PROPN") and owner.dep_ in ("nsubj", "nsubjpass"):
        return [owner]
    if owner.pos_ != "VERB" and owner.pos_ != "AUX":
        return []
    return _light_subjects(owner)


def _anti(tok):
    """The word an "anti-" before the noun ``tok`` is against ("anti-government protests",
    "anti-China demonstrations"; the parser hangs "anti", "-" and the word each on the noun), or
    None."""
    for c in tok.children:
        if c.i < tok.i and c.lower_ == "anti" and c.dep_ in _SIDE_DEPS:
            for w in tok.children:
                if w.i == c.i + 2 and w.dep_ in _SIDE_DEPS:
                    return w
    return None


def against_named(lex, doc, tok, by_head: dict[int, Mention]) -> list[Mention]:
    """The party an "anti-" modifier of the protest word ``tok`` names as what the protest is
    against, read as "protests against X" is: a country, person or body as the dictionaries
    give it ("anti-China demonstrations in Vietnam": CHN), or a role of the country the protest
    is in ("anti-government protests in Belgrade": SRBGOV). That country is of a place in the
    noun's phrase or its clause, else of the protesters themselves, else of the state's organ
    acting on the protest ("Zimbabwean police cracked down on an anti-government rally"); a
    protest against a country is only told where its place is (the protesters are not of the
    country they protest against). Empty when the word names no actor ("anti-war")."""
    w = _anti(tok)
    if w is None:
        return []
    hits = find_hits(lex, list(doc.lowers[w.i:tok.i]), list(doc.texts[w.i:tok.i]), w.i, None)
    if not hits or hits[0].start != w.i:
        return []
    hit = hits[0]
    own = by_head.get(tok.i)
    country = _places_below(tok, by_head, None) or _clause_place(tok, by_head, None) or (
        own.country if own is not None else None)
    sentence = next(iter(by_head.values())).sentence if by_head else 0
    text = doc.span_text(hit.start, hit.end)
    if hit.kind == "actor":
        if country is None:
            return []
        entry = lex.actor(hit.payload)
        named, agent = split_code(hit.code)
        return [Mention(w.i, hit.start, hit.end, hit.code, named, agent, text, _entry_label(entry), entry.type,
                        sentence)]
    if country is None:
        country = next((m.country for m in _members(_light_subjects(_clause_verb(tok)), by_head)
                        if m.country and m.agent in COERCING_ROLES), None)
    if country is None:
        return []
    return [Mention(w.i, hit.start, hit.end, country + hit.code, country, hit.code, text,
                    _entry_label(lex.agent(hit.payload)), "other", sentence, inferred=True)]


def _clause_verb(tok):
    """The verb whose clause the phrase headed by ``tok`` belongs to, or ``tok``."""
    t = tok
    for _ in range(6):
        if t.dep_ not in _UP or t.head is t:
            return tok
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return tok


def _implied(pat, tok, targets: list[Mention], by_head: dict[int, Mention]) -> list[Mention]:
    """The unnamed source of "protests against X": the implied role, of the country of the place
    in the noun's phrase or its clause ("anti-China demonstrations have been held in Vietnam"),
    else of the target."""
    country = _places_below(tok, by_head, None) or _clause_place(tok, by_head, None) or targets[0].country
    if not country:
        return []
    code = country + pat.implied
    t = targets[0]
    return [Mention(tok.i, tok.i, tok.i + 1, code, country, pat.implied, tok.text, pat.text, "other", t.sentence,
                    inferred=True)]


def implied_doers(lex, objects, by_head: dict[int, Mention], fallback: str | None = None) -> list[Mention]:
    """Who did the event an object names when it names them only by implication: "cracked down
    on protests against Mugabe" acts on the protesters (ZWEOPP), not on Mugabe. With no target
    in the noun's phrase, ``fallback`` (the acting side's country) gives the role's country
    unless a place in the phrase does: "Kenyan police banned street protests" (KENOPP)."""
    for tok in objects:
        if tok.pos_ != "NOUN" or tok.i in by_head or (tok.lower_ not in lex.nouns and tok.lemma not in lex.nouns):
            continue
        pat = _pattern(lex, tok)
        if pat is None or not pat.implied or _members(_objects(tok, ("by",)), by_head):
            continue
        targets = _members(_objects(tok, pat.target), by_head)
        if targets:
            return _implied(pat, tok, targets, by_head)
        country = _places_below(tok, by_head, None) if by_head else None
        if (country or fallback) is not None and by_head:
            country = country or fallback  # ("the coup in Niger": the place names whose forces)
            sentence = next(iter(by_head.values())).sentence
            return [Mention(tok.i, tok.i, tok.i + 1, country + pat.implied, country, pat.implied, tok.text, pat.text,
                            "other", sentence, inferred=True)]
    return []


def instrument_code(lex, tok) -> str | None:
    """The code of the event noun ``tok`` names when it is the means of a harming verb's act
    ("air strikes killed ...", "a series of airstrikes killed ..."), or None."""
    tok = counted_acts(tok) or tok
    if tok.pos_ != "NOUN" or (tok.lower_ not in lex.nouns and tok.lemma not in lex.nouns):
        return None
    pat = _pattern(lex, tok)
    return pat.code if pat is not None and pat.code[:2] in ("18", "19", "20") else None


# Nouns that count the acts of their "of" phrase ("a series of airstrikes", "a wave of attacks").
_SERIES = frozenset({"series", "wave", "string", "spate", "barrage", "round", "volley", "salvo", "number", "succession"})


def counted_acts(noun):
    """The noun of the "of" phrase of a count of acts ("a series of airstrikes"), or None."""
    if noun.lemma not in _SERIES:
        return None
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def relative_means(lex, v, by_head: dict[int, Mention]):
    """"launched an attack that killed ten soldiers", "carried out air strikes that killed six
    people": a harming verb whose subject is a relative pronoun standing for an event noun takes
    its source from whoever did that event (the subject of the verb the noun is the object of,
    or the noun's own actor) and the noun's code. Returns (sources, code, act verb) or None."""
    if v.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in v.children):
        return None
    noun = v.head
    code = instrument_code(lex, noun)
    if code is None:
        # "carried out a series of airstrikes ... that killed": the clause hangs on the count
        inner = counted_acts(noun)
        code = instrument_code(lex, inner) if inner is not None else None
    if code is None:
        return None
    own = by_head.get(noun.i)
    if own is not None and own.start < noun.i:
        return [own], code, None
    act = noun.head
    if noun.dep_ == "pobj" and act.dep_ == "prep":
        act = act.head  # "carried out a series of air strikes that killed ..."
        if act.pos_ == "NOUN" and act.dep_ == "dobj":
            act = act.head
    light = lex.dictionaries.light
    low = act.lower_
    if noun.dep_ not in ("dobj", "pobj") or act.pos_ != "VERB" or (
            act.lemma not in light and low[:-1] not in light and low[:-2] not in light):
        return None  # "condemned the attack that killed ...": not who made it ("staged": the tagger's "stag")
    sources = _members([c for c in act.children if c.dep_ == "nsubj"], by_head)
    return (sources, code, act) if sources else None


# Prepositions whose event noun is the means of a passive verb of harm: "killed in an attack
# by rebels"; an injury "after"/"following" an attack was done by it too.
_MEANS = frozenset({"in", "during"})
_HARM_MEANS = _MEANS | {"after", "following"}


def passive_means(lex, v, by_head: dict[int, Mention], harm: bool = False):
    """"Ten soldiers were killed in an attack by rebels", "22 Palestinians were killed in Israeli
    air strikes": a passive harming verb without an agent (or whose agent is an event noun) takes its source from the event noun
    of its "in"/"during" phrase (``harm``: or "after"/"following"), and that noun's code. A verb
    coordinated with it shares the phrase ("four soldiers were killed and two wounded in an
    ambush by guerrillas"). Returns (sources, code) or None."""
    means = _HARM_MEANS if harm else _MEANS
    # (and an act noun as the agent: "police were overwhelmed by attacks by gang members")
    preps = [x for x in v.children if (x.dep_ == "prep" and x.lower_ in means) or (x.dep_ == "agent" and harm)]
    if not preps:
        preps = [x for w in v.children if w.dep_ == "conj" and w.pos_ == "VERB" and w.tag_ == "VBN"
                 for x in w.children if x.dep_ == "prep" and x.lower_ in means]
    for c in preps:
        for p in c.children:
            if p.dep_ != "pobj" or p.pos_ != "NOUN":
                continue
            # "killed in a series of Israeli airstrikes": the acts the count is of (the parser may
            # hang their "by" on the count)
            count, p = p, counted_acts(p) or p
            code = instrument_code(lex, p)
            if code is None:
                continue
            own = by_head.get(p.i) or owner_mention(p, by_head)  # "in a Saudi-led coalition airstrike"
            sources = [own] if own is not None and own.start < p.i else []
            sources += _members(_objects(p, ("by",)) + (_objects(count, ("by",)) if count is not p else []), by_head)
            if sources:
                return sources, code
    return None
