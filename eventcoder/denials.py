"""A denial answers the story's last accusation of the denier.

"Sudan accused Chad of backing the rebels. Chad denied any link." The denial's own sentence names
no accuser, and a human coder reads the story: Chad denies what Sudan charged (016, Chad on
Sudan). A denial that names whom it answers ("denied the claims by Khartoum"), or that follows
an accusation in its own sentence ("accused Iran of ..., but Iran denied it"), is coded by
events.py; this module only gives a target to a denial left without one.
"""

from __future__ import annotations

from dataclasses import replace

from .actors import ACT_MEMORY, UNKNOWN_COUNTRY, Mention, StoryContext
from .events import STATE_ORGANS, RawEvent

# Words that tell a denial (the verbs' forms: the sentence is read for a verb pattern only when
# one of them is there).
_DENIAL_WORDS = frozenset({
    "deny", "denies", "denied", "denying", "refute", "refutes", "refuted", "refuting", "rebut", "rebuts",
    "rebutted", "rebutting", "dismiss", "dismisses", "dismissed", "dismissing", "reject", "rejects", "rejected",
    "rejecting",
})
# Verbs whose clause tells a charge the story reports without coding it as one ("Georgia said
# Russia had deployed 2,000 extra troops", "India claimed Pakistan had orchestrated the attack").
_CHARGING = frozenset({"say", "claim", "allege", "charge", "insist", "assert", "accuse", "blame"})
_CHARGING_FORMS = frozenset({
    "say", "says", "said", "claim", "claims", "claimed", "allege", "alleges", "alleged", "charge", "charges",
    "charged", "insist", "insists", "insisted", "assert", "asserts", "asserted", "accuse", "accuses", "accused",
    "blame", "blames", "blamed",
})
# Verbs whose clause or gerund is a denied deed ("denied that its troops crossed"); unlike
# actors.DENYING, not "reject" or "dismiss", which reject acts (12x) as often as they deny claims.
_DENYING = frozenset({"deny", "refute", "rebut"})


def _same_side(a: Mention, b: Mention) -> bool:
    """Whether ``b`` is the party ``a`` names, or a part of the same state."""
    if a.code == b.code:
        return True
    if a.country is None or a.country != b.country or a.code.startswith(UNKNOWN_COUNTRY):
        return False
    return a.agent is None or b.agent is None or a.agent == b.agent or (a.agent in STATE_ORGANS and b.agent in STATE_ORGANS)


def may_answer(ctx: StoryContext, sentence_index: int, lowers) -> bool:
    """Whether a sentence may hold a denial of an accusation the story told before: cheap, so that
    only such sentences are read again."""
    if _DENIAL_WORDS.isdisjoint(lowers):
        return False
    for index, sent, _ in ctx.told:
        if 0 < sentence_index - index <= ACT_MEMORY \
                and not _CHARGING_FORMS.isdisjoint(sent.doc.lowers[sent.start:sent.end]):
            return True  # a charge told by a sayer (_told_charges)
    for index, code, _, _, _ in reversed(ctx.acts):
        if sentence_index - index > ACT_MEMORY:
            return False
        if code[:3] == "112" and index < sentence_index:
            return True
    return False


def _told_charges(ctx: StoryContext, sentence_index: int) -> list[tuple[int, Mention, Mention]]:
    """Charges the story's last sentences told by a sayer without coding them ("Georgia said
    Russia had deployed 2,000 extra troops", "India claimed Pakistan had orchestrated the Uri
    attack"): (sentence index, sayer, each party the said clause makes a subject)."""
    out = []
    for index, sent, acting in ctx.told:
        if not 0 < sentence_index - index <= ACT_MEMORY:
            continue
        by_head = {m.head: m for m in acting if not m.place}
        for v in sent:
            if v.lemma not in _CHARGING or v.pos_ != "VERB":
                continue
            sayers = [by_head[c.i] for c in v.children if c.dep_ == "nsubj" and c.i in by_head]
            said = [c for c in v.children if c.dep_ == "ccomp"]
            if not sayers or not said:
                continue
            todo = list(said)
            while todo:
                t = todo.pop()
                todo.extend(c for c in t.children if c.dep_ != "ccomp")
                if (t.dep_ == "nsubj" or t.dep_ == "nsubjpass") and t.i in by_head:
                    out.extend((index, sayer, by_head[t.i]) for sayer in sayers)
    return out


def answer_denials(lex, ctx: StoryContext, sentence_index: int, sent, acting: list[Mention],
                   coded: list[RawEvent]) -> list[RawEvent]:
    """The denials of the sentence that name no accuser (016 with no target), each aimed at the
    maker of the story's last accusation of the denier; the sentence's ``coded`` events are
    left as they are."""
    if ctx.explore is None:
        return []
    found = []  # (sentence index, accuser, accused)
    for index, code, source, target, _ in reversed(ctx.acts):
        if sentence_index - index > ACT_MEMORY:
            break
        if code[:3] == "112" and index < sentence_index and target is not None:
            found.append((index, source, target))
    found += _told_charges(ctx, sentence_index)
    if not found:
        return []
    # the latest first; of one sentence, a coded accusation before a told one
    charges = [(accuser, accused) for _, accuser, accused in sorted(found, key=lambda c: -c[0])]
    done = {(e.verb, e.source.code) for e in coded}
    denials = [e for e in ctx.explore(sent, acting) if e.code[:3] == "016" and e.target is None]
    denials += _denied_deeds(lex, sent, acting, coded, denials)
    out: list[RawEvent] = []
    for e in denials:
        if (e.verb, e.source.code) in done:
            continue
        for accuser, accused in charges:
            if _same_side(accused, e.source) and not _same_side(accuser, e.source) \
                    and not _same_side(e.source, accuser):
                word = sent.doc[e.verb]
                target = replace(accuser, head=e.verb, start=e.verb, end=e.verb + 1, text=word.text,
                                 sentence=sentence_index, via=accuser.via or accuser.text, partners=(),
                                 place=False, also=())
                out.append(RawEvent(e.verb, e.source, target, "016", e.pattern, e.verb_text, e.passive, e.trigger))
                done.add((e.verb, e.source.code))
                break
    return out


def _denied_deeds(lex, sent, acting: list[Mention], coded: list[RawEvent], found: list[RawEvent]) -> list[RawEvent]:
    """Denials of a deed ("denied that its troops crossed the border", "denied backing the
    rebels", "denied attacking Ganja"), which no verb pattern codes when the deed's only party is
    the denier's own or is whom the deed was done to: a 016 with no target for each, by the
    denial's subject, when the dictionaries code the bare verb as 016 (its pattern is the
    event's provenance)."""
    by_head = {m.head: m for m in acting if not m.place}
    taken = {e.verb for e in coded} | {e.verb for e in found}
    out = []
    for v in sent:
        if v.lemma not in _DENYING or v.pos_ != "VERB" or v.i in taken:
            continue
        deed = subject = None
        for c in v.children:
            if c.dep_ == "neg":
                deed = None
                break
            if c.dep_ == "nsubj" and c.i in by_head:
                subject = by_head[c.i]
            elif c.dep_ == "ccomp" or ((c.dep_ == "xcomp" or c.dep_ == "dobj") and c.pos_ == "VERB" and c.tag_ == "VBG"):
                deed = c
        pattern = _bare_denial(lex, v.lemma) if deed is not None and subject is not None else None
        if pattern is not None:
            out.append(RawEvent(v.i, subject, None, "016", pattern, v.text, False))
    return out


def _bare_denial(lex, lemma: str):
    """The verb's pattern that codes it alone as a denial (``deny = 016``), if any."""
    index = lex.verbs.get(lemma)
    if index is not None:
        for _, pattern in index.bare:
            if pattern.code[:3] == "016" and not pattern.post and not pattern.pre:
                return pattern
    return None
