"""Events from verb patterns applied to the dependency parse of one sentence.

For each verb, the patterns indexed by its lemma (or form) are tried against the verb's own
clause: its objects, particles, prepositional phrases and ``to``-complements, in order. The most
specific matching pattern gives the code. The source is the subject (the ``by`` agent in the
passive), the target the actor at the pattern's ``+`` slot or the direct object. Negated verbs,
complements of negating verbs ("denied attacking") and intended-only actions ("plans to attack")
give no event; reported clauses ("X said Y attacked Z") are coded for themselves.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace

from .actors import ACCUSING as _ACCUSING, CHARGES as _CHARGES, DENYING as _DENYING, FACILITIES, PATRONS, UNKNOWN_COUNTRY, Mention, as_victims
from .actors import COUNTING as _COUNTING, PLACE_PARTS as _PLACE_PARTS
from .actors import ANY_ACT as _ANY_ACT, OWNER_LINKS as _DOER_LINKS, answers_fire as _answers_fire
from .gazetteer import lookup as gazetteer_lookup
from .nominal import COERCING_ROLES as _COERCING_ROLES, PROMPTING as _PROMPTING, against_named, causers as _causers, code_nouns, counted_acts, implied_doers, instrument_code, owner_mention, passive_means, relative_means
from .dictionaries.compile import Lexicon
from .dictionaries.model import NO_EVENT, SOURCE, TARGET, VerbPattern, Words, by_longest_prefix

# Children of the verb that are not part of its own clause.
_NOT_CLAUSE_TOP = {
    "nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "parataxis", "conj", "cc", "punct",
    "mark", "aux", "auxpass", "neg", "agent", "expl", "discourse", "meta", "preconj",
}
# Below the verb: subtrees that are other clauses.
_NOT_CLAUSE_DEEP = {"relcl", "ccomp", "advcl", "parataxis", "csubj", "punct"}
_OBJECT_DEPS = ("dobj", "dative", "attr", "oprd")
_VERBAL = ("VERB", "AUX")
_NEGATORS = {"not", "n't", "never", "no"}


@dataclass(slots=True)
class RawEvent:
    verb: int  # Doc index of the verb
    source: Mention
    target: Mention | None
    code: str
    pattern: VerbPattern
    verb_text: str
    passive: bool
    trigger: str = "verb"  # "verb", or "noun" for an event a noun carries (nominal.py)


# The tree walks below are plain loops over ``Tok`` objects: compiled (events.pxd), they read
# the tokens' fields directly.


def _is_negated(v) -> bool:
    for c in v.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in _NEGATORS):
            return True
        if c.dep_ == "advmod" and c.i == v.i - 1:
            # "almost never publicly claims", "no longer allow": the parser hangs the negator on
            # the adverb just before the verb, which it still negates (not "not long after ...
            # abducted", where the adverb is far from the verb)
            for g in c.children:
                if g.i < c.i and (g.dep_ == "neg" or g.lower_ == "never"):
                    return True
    return False


def _has_subject(v) -> bool:
    for c in v.children:
        if c.dep_ == "nsubj" or c.dep_ == "nsubjpass":
            return True
    return False


# Means of talking, which a "by" phrase may name on an active verb ("talked by telephone").
_MEANS = frozenset({
    "telephone", "phone", "videolink", "video", "videoconference", "teleconference", "letter", "email", "e-mail",
    "mail", "radio", "satellite", "messenger", "courier", "text", "fax", "cable", "hotline",
})


def _is_passive(v) -> bool:
    for c in v.children:
        if c.dep_ == "nsubjpass" or c.dep_ == "auxpass" or c.dep_ == "csubjpass":
            return True
    if v.tag_ != "VBN" and v.tag_ != "VBD":
        return False
    # "aid workers kidnapped by rebels": a past participle on a noun is a passive without "be",
    # also where the parser made it the sentence's verb (its "by" phrase is then an agent)
    if v.dep_ == "acl" and v.tag_ == "VBN" and v.head.i != v.i and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return True
    if v.tag_ == "VBN" and v.dep_ != "acl" and (v.lemma in _HARMING or v.lemma in _ABDUCTING or v.lemma in _DETAINING):
        # "Three soldiers killed in an ambush by rebels, the army said": a participle of harm or
        # arrest with a subject before it, no auxiliary and no object is a passive told without
        # "were"
        subject = obj = False
        for c in v.children:
            if c.dep_ == "aux" or c.dep_ == "dobj":
                obj = True
                break
            if c.dep_ == "nsubj" and c.i < v.i:
                subject = True
        if subject and not obj:
            return True
    # "the two presidents have talked by telephone": a perfect is active, whatever the parser
    # calls its "by" phrase (a passive perfect has its "been", auxpass, above), and so is a verb
    # whose "by" phrase names a means of talking ("talked by telephone")
    agents = [c for c in v.children if c.dep_ == "agent"]
    if not agents or any(c.dep_ == "aux" and c.lemma == "have" for c in v.children):
        return False
    if any(c.dep_ == "dobj" for c in v.children) and any(c.dep_ == "nsubj" for c in v.children):
        return False  # "New Zealand condemned the coup by Fiji's military": the object's agent
    return not all(p.lemma in _MEANS for a in agents for p in a.children if p.dep_ == "pobj")


def _restored_e(lemma: str, form: str, lex: Lexicon) -> str:
    """The verb a lemmatizer cut an "e" from: spaCy gives "waged", "waging" and "wages" the
    lemma "wag", which names no pattern, where "wage" does. Not after a doubled consonant
    ("hopped" is "hop", never "hope")."""
    n = len(lemma)
    if n < 2 or len(form) <= n or not form.startswith(lemma) or form[n] == lemma[-1] \
            or not (form.endswith("ed") or form.endswith("ing") or form.endswith("es")):
        return lemma
    restored = lemma + "e"
    return restored if restored in lex.verbs else lemma


# Subordinators of a clause that asks or supposes rather than tells ("it was not clear whether
# they would meet", "asked if Russia had attacked", "if talks fail").
_OPEN_MARKS = frozenset({"whether", "if"})


def _open_question(t) -> bool:
    for c in t.children:
        if c.dep_ == "mark" and c.lower_ in _OPEN_MARKS:
            return True
    return False


def _asked(v) -> bool:
    """Whether the verb is in a clause asked about ("waiting for an answer on whether Lavrov was
    willing to meet"): no act, nor an announced one."""
    t = v
    for _ in range(8):
        if _open_question(t):
            return True
        if t.dep_ not in ("xcomp", "ccomp", "conj", "pcomp", "acomp") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _codable(v, lex: Lexicon) -> bool:
    """Whether the verb stands for an action of its own, judged by the verbs that govern it.

    Not when negated; not under a negating verb ("denied attacking"); a complement not when its
    governor only intends or asks for it ("plans to attack", "demanded that X return": the
    ``@intending`` verbs) or is negated ("did not agree to meet")."""
    if _is_negated(v):
        return False
    d = lex.dictionaries
    t = v
    for _ in range(12):
        if _purpose(t) or _open_question(t):
            return False
        if t.dep_ == "acl" and t.head.pos_ == "NOUN" and (t.head.lemma in d.intending or t.head.lemma in d.negating) \
                and t.head.i != t.i:
            return False  # "expressed hope that Serbia and Kosovo would resume talks", "failure to arrest"
        if t.dep_ not in ("xcomp", "ccomp", "conj", "pcomp", "acomp") or t.head.i == t.i:
            return True
        gov = t.head
        lemma = gov.lemma
        if t.dep_ == "conj" and t.tag_ in _FINITE and gov.tag_ not in ("VBG", "VB"):
            # "denied the charge and accused the rebels of ...": a second act with a tense of its
            # own, not part of what was denied; a negation still carries over ("did not comment
            # and issued no statement" without a subject of its own)
            if _is_negated(gov) and not _has_subject(t):
                return False
            t = gov
            continue
        if lemma in d.negating:
            return False
        if t.dep_ in ("xcomp", "ccomp") and lemma in d.intending and lemma not in d.aspectual and not (
                t.dep_ == "ccomp" and lemma in _TELLING and _reported(t)):
            return False  # "plans to attack", "demanded that Washington return"
        if t.dep_ in ("xcomp", "conj", "acomp") and _is_negated(gov) and not (t.dep_ == "conj" and _has_subject(t)):
            return False  # "did not agree to meet"; but "X did not comment but Y issued a warning" is Y's act
        if t.dep_ == "pcomp" and gov.dep_ == "prep" and gov.lower_ == "in" and gov.head.i != gov.i \
                and _is_negated(gov.head):
            return False  # "Kuwait did not join other states in severing ties with Qatar"
        if t.dep_ == "pcomp" and gov.dep_ == "prep" and gov.lower_ == "from" and gov.head.i != gov.i \
                and gov.head.lemma in d.negating:
            return False  # "Israel had refrained from attacking Hamas"
        t = gov
    return True


# Verbs of asking that also report: "told Israel to withdraw" asks for an act, "Boko Haram
# ambushed soldiers, sources told Reuters" reports one that was done.
_TELLING = frozenset({"tell", "warn", "insist", "suggest"})
# Verbs whose object does what their infinitive says ("led observers to question", "forced the
# army to withdraw"), not their subject.
_OBJECT_CONTROL_VERBS = frozenset({
    "lead", "force", "compel", "oblige", "prompt", "cause", "allow", "enable", "permit", "help", "persuade",
    "convince", "encourage", "inspire", "drive", "push", "pressure", "provoke",
})
# Threats of force (repression, military force) and the roles that have none to threaten with.
_FORCE_THREATS = frozenset({"137", "138"})
_UNARMED = frozenset({"HRI", "NGO", "MED", "CVL", "EDU", "REL", "BUS", "LAB", "REF", "JUD", "HLH"})


def _unarmed(m) -> bool:
    return m.code.startswith("NGO") or m.agent in _UNARMED


# Verbs of reporting, whose speaker does no violence by speaking.
_SAYING = frozenset({"say", "report", "state", "claim", "confirm", "announce", "add", "tell"})


def _reported(v) -> bool:
    """Whether the finite verb tells an act as done or going on ("ambushed", "has attacked",
    "were attacking"), not one wanted ("that Washington return") or to come ("would attack")."""
    if v.tag_ == "VBD":
        return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in v.children)
    for c in v.children:
        if c.dep_ == "aux" and c.tag_ != "MD" and (
                (c.lemma == "have" and v.tag_ == "VBN") or (c.lemma == "be" and v.tag_ == "VBG")):
            return True
    return False


# Verbs of going and gathering: what one went or gathered to do is what one did there ("arrived
# in Colombo to meet the president", "rallied to protest the beatings").
_GOING = frozenset({
    "arrive", "come", "go", "travel", "fly", "head", "return", "gather", "assemble", "rally", "march",
    "converge", "flock", "take", "turn", "pour", "throng", "stream",
})


def _reattach_infinitives(lex: Lexicon, sent) -> None:
    """Read "vowed in November to attack Israel" as "vowed to attack Israel".

    The parser makes an infinitive that follows an adjunct ("in November", "on Tuesday", "again")
    an adverbial clause of purpose, where right after the verb it makes it the verb's
    complement. When the governing verb's patterns name an infinitive complement ("vow to
    attack", "urge + to") and it has no complement of its own, the infinitive is made its
    complement (``xcomp``). Verbs of going keep their purpose ("travelled to Moscow on Monday
    to meet Putin"), as does "in order to"."""
    for v in sent:
        if v.dep_ != "advcl" or v.tag_ != "VB":
            continue
        h = v.head
        if h is v or h.i > v.i or h.lemma in _GOING or not (h.pos_ == "VERB" or h.tag_.startswith("VB")):
            continue
        to = [c for c in v.children if c.dep_ == "aux" and c.tag_ == "TO" and c.i < v.i]
        if not to or any(c.dep_ == "mark" or c.lower_ == "order" for c in v.children):
            continue
        if any(c.dep_ in ("xcomp", "ccomp") for c in h.children):
            continue
        index = lex.verbs.get(h.lemma)
        if index is not None and index.infinitive:
            v.dep_ = "xcomp"


def _reattach_denied_charges(sent) -> None:
    """Read "India accuses Pakistan of arming the rebels, a charge Pakistan denies" as the
    accusation with a relative clause on "charge", which is what it says.

    The parser often makes the denial the sentence's root, the charge its object (before its
    subject) and the accusation a clause it governs, which would make the accusation a denied act.
    An object charge noun that stands after a comma, after the governed clause and before the
    denial's subject, is made the accusation's apposition and the denial its relative clause."""
    for v in sent:
        if v.lemma not in _DENYING or v.dep_ != "ROOT":
            continue
        charge = next((c for c in v.children if c.dep_ == "dobj" and c.lemma in _CHARGES and c.i < v.i), None)
        said = next((c for c in v.children if c.dep_ == "ccomp" and charge is not None and c.i < charge.i), None)
        if said is None or not any(c.dep_ == "nsubj" and charge.i < c.i < v.i for c in v.children) \
                or not any(sent.doc[k].lower_ == "," for k in range(said.i + 1, charge.i)):
            continue
        v.children = [c for c in v.children if c is not charge and c is not said]
        said.dep_, said.head = "ROOT", said
        charge.dep_, charge.head = "npadvmod", said
        said.children = sorted(said.children + [charge], key=lambda t: t.i)
        v.dep_, v.head = "relcl", charge
        charge.children = sorted(charge.children + [v], key=lambda t: t.i)


def _reattach_appended_charges(sent) -> None:
    """Read "accuse the Khartoum government of arming the Janjaweed -- charges the government
    denies" and "said civilians had been killed, allegations the task force denied" as the
    accusation with a relative clause on the charge noun, as "a charge Iran denies" is read.

    Without an article the parser often reads the charge noun as a verb joined to the accusation
    ("charges", "allegations" VBZ), or as its conjunct, and the denial as its clause. A plural
    charge noun after a comma or dash, with no subject of its own and a denial with a subject for
    its clause, is made a noun and the denial its relative clause."""
    doc = sent.doc
    for n in sent:
        if n.lemma not in _CHARGES or not n.lower_.endswith("s") or n.i == sent.start \
                or doc[n.i - 1].pos_ != "PUNCT" or doc[n.i - 1].lower_ not in (",", "-", "--", "\u2014", "\u2013"):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "det") for c in n.children):
            continue
        denial = next((c for c in n.children if c.i > n.i and c.dep_ in ("ccomp", "relcl", "acl")
                       and c.lemma in _DENYING), None)
        if denial is None:
            continue
        if not any(g.dep_ == "nsubj" for g in denial.children):
            continue
        n.pos_, n.tag_ = "NOUN", "NNS"
        if n.dep_ == "ROOT" or n.head is n:
            continue  # nothing it is appended to
        denial.dep_ = "relcl"


# Tags no infinitive has: a verb with one of them after "to <verb> and" is not that infinitive's twin.
_PAST_OR_THIRD = frozenset({"VBD", "VBZ"})


def _reattach_finite_conjuncts(sent, by_head: dict[int, Mention]) -> None:
    """Read "The military has denied attacking civilians and accuses the rebels of ..." and
    "Tajik authorities said the reservoir belonged to them and accused Kyrgyz forces of ..." as
    two acts of the subject, which is what they say.

    The parser often hangs a second verb with a tense of its own and no subject on the verb just
    before it: on a gerund the first verb governs (which made the accusation part of what was
    denied), or on the verb of what was said (which gave it the reservoir for a subject). Such a
    verb is made a conjunct of the governing verb: after a gerund always, after an infinitive when
    it has the governing verb's own tense ("ordered the ambassador to leave ... and accused
    Washington of ..."), after a verb of what was said when that clause's subject is no actor
    and the sayer is one."""
    for v in sent:
        if v.dep_ != "conj" or v.tag_ not in _FINITE:
            continue
        h = v.head
        if h is v or h.i > v.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
            continue
        g = h.head
        if g is h or not (g.pos_ == "VERB" or g.tag_.startswith("VB")):
            continue
        if h.tag_ == "VBG" and h.dep_ in ("xcomp", "pcomp"):
            pass
        elif h.tag_ == "VB" and h.dep_ == "xcomp" and v.tag_ in _PAST_OR_THIRD and v.tag_ == g.tag_ \
                and v.lower_ != v.lemma:
            # "ordered the ambassador to leave ... and accused Washington": a tense of its own
            # (not "put", "cut", "set", whose past looks like the infinitive they may be)
            pass
        elif h.dep_ == "ccomp" and g.lemma in _SAYING and h.tag_ in _FINITE:
            said = [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
            sayer = [c for c in g.children if c.dep_ == "nsubj"]
            if not said or said[0].i in by_head or said[0].tag_ == "PRP" or not sayer or sayer[0].i not in by_head:
                continue
        else:
            continue
        # the "and" (or comma) that joined the verb goes with it
        joins = [c for c in h.children if c.i < v.i and (c.dep_ == "cc" or (c.dep_ == "punct" and c.lower_ == ","))
                 and not any(o.i > c.i and o.i < v.i and o.dep_ not in ("cc", "punct") for o in h.children)]
        moved = [v] + joins
        h.children = [c for c in h.children if not any(c is m for m in moved)]
        for c in moved:
            c.head = g
        g.children = sorted(g.children + moved, key=lambda t: t.i)


def _purpose(v) -> bool:
    """Whether the verb is an infinitive of purpose ("bombed Serbia to expel Serb forces", "met in
    Paris to discuss the crisis", "in order to stop the fighting"): what an act was for, which is
    not itself done. Not after a verb of going or gathering, whose purpose is the act itself
    ("arrived to meet", "rallied to protest", "took to the streets to demand")."""
    if v.dep_ != "advcl" or v.tag_ != "VB" or v.head.lemma in _GOING:
        return False
    for c in v.children:
        if c.dep_ == "aux" and c.tag_ == "TO" and c.i < v.i:
            return True
    return False


# The weapons that say how a force fought (CAMEO 193 small arms, 194 artillery and tanks, 195
# aerial weapons), heaviest first.
_WEAPONS = (
    ("195", frozenset({
        "missile", "drone", "bomb", "bomber", "aircraft", "warplane", "jet", "fighter-bomber",
        "helicopter", "gunship", "airstrike", "air-strike", "airpower", "plane", "air",
    })),
    # CAMEO's usage note for 194 covers rocket fire (docs/gold-format.md, nme-002's reading)
    ("194", frozenset({"artillery", "shell", "shelling", "mortar", "rocket", "tank", "howitzer", "cannon"})),
    ("193", frozenset({"gunfire", "gun", "rifle", "bullet", "machine-gun", "machinegun", "sniper"})),
)


# Words that make a bomb a vehicle's (1832) or a roadside one (1833).
_BOMBS = frozenset({"bomb", "bomber", "bombing", "explosive"})
_VEHICLES = frozenset({"car", "truck", "vehicle", "motorcycle", "van"})
_ROADSIDE = frozenset({"roadside", "ied", "landmine"})

# An "air defence" fires from the ground: no aerial weapon of the side that has it.
_GROUND_DEFENCES = frozenset({"defense", "defence", "defenses", "defences"})

_LAUNCHING = frozenset({"fire", "launch", "use", "drop", "unleash", "lob", "exchange", "deploy", "employ"})


# Nouns of a fight between two sides: an act of force done "in" one was done both ways.
_FIGHTS = frozenset({
    "clash", "clashes", "fighting", "battle", "firefight", "gunfight", "shootout", "gunbattle", "skirmish",
    "exchange",
})
# Fights with small arms (CAMEO 193).
_GUNFIGHTS = frozenset({"firefight", "gunfight", "shootout", "gunbattle"})


# Verbs of setting off what follows ("sparking clashes", "setting off a gunfight", "that led to
# heavy fighting"), whose participle or clause on an act of force tells the fight it began.
_SPARKING = frozenset({"spark", "ignite", "trigger", "set", "prompt", "lead", "touch", "provoke"})


def _sparked_noun(v):
    """The fight noun an act of force set off, told by a participle or relative clause on it
    ("attacked two towns, sparking clashes with government troops", "opened fire at the
    police, setting off a gunfight", "killing a policeman and igniting clashes"), or None."""
    for c in v.children:
        if c.lemma not in _SPARKING or c.i < v.i or c.dep_ not in ("advcl", "xcomp", "conj", "relcl", "acl") \
                or (_has_subject(c) and c.dep_ != "relcl"):
            continue
        for o in c.children:
            objects = [o] if o.dep_ == "dobj" else [p for p in o.children if p.dep_ == "pobj"] \
                if o.dep_ == "prep" and o.lower_ == "to" else []
            for n in objects:
                if (n.lemma in _FIGHTS or n.lower_ in _FIGHTS) and n.lemma != "exchange":
                    return n
    return None


def _withs(n) -> list:
    """The "with" phrases of the fight noun ``n`` and of the verb that set it off ("sparking
    clashes with troops", "prompting a shootout with police")."""
    return [o for t in (n, n.head) for o in t.children if o.dep_ == "prep" and o.lower_ == "with"]


def _sparked_fight(v) -> str | None:
    """The fight an act of force set off between its own parties (one that names no other party
    "with" it), or None."""
    n = _sparked_noun(v)
    if n is None or _withs(n):
        return None
    return n.lemma


def _fought_with(v, by_head: dict, codes: set) -> list:
    """The parties of the "with" phrase of the fight the act ``v`` set off ("sparking clashes
    with government troops")."""
    n = _sparked_noun(v)
    out: list = []
    if n is not None:
        for o in _withs(n):
                out += [m for m in _mentions_at(_expand([p for p in o.children if p.dep_ == "pobj"]), by_head)
                        if m.code not in codes and not m.place]
    return out


def _fight_of(v) -> str | None:
    """The fight noun of the verb's "in"/"during" phrase ("killed 16 rebels in two days of
    clashes", "battled gangs in firefights", "killed in a shootout", "in an exchange of fire"),
    or of the fight the act set off (_sparked_fight), or None."""
    sparked = _sparked_fight(v)
    if sparked is not None:
        return sparked
    for c in v.children:
        if c.dep_ != "prep" or (c.lower_ != "in" and c.lower_ != "during"):
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            if p.lemma in _FIGHTS or p.lower_ in _FIGHTS:
                if p.lemma != "exchange" or any(q.lower_ == "fire" for o in p.children for q in o.children):
                    return p.lemma
            for o in p.children:  # "two days of clashes"
                if o.dep_ == "prep" and o.lower_ == "of":
                    for q in o.children:
                        if q.dep_ == "pobj" and q.lemma != "exchange" and (q.lemma in _FIGHTS or q.lower_ in _FIGHTS):
                            return q.lemma
    return None


def _weapon_code(v, subject_tokens, code: str) -> str:
    """A general act of force (190, or 193 for "fired") made specific by the weapons its clause
    names: "Iran launched drones and missiles against Israel" (195), "exchanged artillery fire"
    (194), "Israeli aircraft struck militants" (195), "attacked the convoy with rifles" (193).
    Read in the subject, a "with", "using", "in" or "during" phrase, and the object of a verb that fires or
    launches (the object of "attacked" or "hit" is what was attacked: "hit a helicopter"), with
    their conjuncts and compounds; the heaviest weapon named counts. Never a code of another kind."""
    words = list(subject_tokens)
    launching = v.lemma in _LAUNCHING
    for c in v.children:
        if launching and (c.dep_ == "dobj" or c.dep_ == "attr"):
            words.append(c)
        elif c.dep_ == "prep" and (c.lower_ == "with" or c.lower_ == "using" or c.lower_ == "in" or c.lower_ == "during"):
            # "with rifles", and the strike it was done in: "killed 20 rebels in an airstrike"
            for p in c.children:
                if p.dep_ == "pobj":
                    words.append(p)
        elif c.dep_ == "advcl" and c.lower_ == "using":
            for p in c.children:
                if p.dep_ == "dobj":
                    words.append(p)
    seen = set()
    lemmas = set()
    while words:
        t = words.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        if t.lower_ == "air" and t.head.lemma in _GROUND_DEFENCES:
            continue  # "Ukraine's air defense shot down drones": guns and missiles on the ground
        lemmas.add(t.lemma)
        lemmas.add(t.lower_)
        for c in t.children:
            if c.dep_ == "conj" or c.dep_ == "compound" or (c.dep_ == "amod" and c.tag_ == "NN"):
                words.append(c)
    if code == "190":
        # CAMEO 183: bombs that no army drops ("four suicide bombers attacked", "a car bomb")
        if "suicide" in lemmas:
            return "1831"
        if "landmine" in lemmas or "land-mine" in lemmas:
            return "183"  # "killed 21 policemen in a landmine ambush": a bomb no army fires (gold: 183)
        if not lemmas.isdisjoint(_BOMBS):
            if not lemmas.isdisjoint(_VEHICLES):
                return "1832"
            if not lemmas.isdisjoint(_ROADSIDE):
                return "1833"
    for weapon_code, weapons in _WEAPONS:
        if weapon_code <= code and code != "190":
            break  # never lighter than the verb's own code
        if not lemmas.isdisjoint(weapons):
            return weapon_code
    return code


_FORCE_ROOTS = frozenset({"17", "18", "19", "20"})


def _result_of(v, forceful: dict) -> int | None:
    """The act of force whose result a participle tells ("opened fire on the cars, killing one
    official", "shelled the town, killing six"): the index of the governing verb, already coded as
    force, or None. The result is the same act, not another; where the act named no one but a
    place, the result names its target and takes its code."""
    if v.dep_ != "advcl" or v.tag_ != "VBG" or v.head.i >= v.i:
        return None
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass", "mark"):
            return None  # a clause of its own ("after gunmen killing ...")
    return v.head.i if v.head.i in forceful else None


def _any_of_kind(noun) -> bool:
    """Whether the noun names whoever or whatever may be of its kind ("any drone", "every
    soldier"), not someone who acted."""
    for c in noun.children:
        if c.dep_ == "det" and (c.lower_ == "any" or c.lower_ == "every" or c.lower_ == "whichever"):
            return True
    return False


def _judges(v) -> bool:
    """Whether the verb says what its object is ("called the sanctions an act of war", "named
    him envoy"): a verb with an object predicate. Such a verb is not the act its bare object
    would make it ("called Erdogan" is a phone call)."""
    for c in v.children:
        if c.dep_ == "oprd":
            return True
        if c.dep_ == "dobj" and v.lemma in _NAMING:
            # "called the attack premeditated": the parser may hang the predicate on the object,
            # or on the verb after the object's phrase
            for p in c.children:
                if p.i == c.i + 1 and p.dep_ in ("acl", "amod") and p.tag_ in ("VBN", "JJ"):
                    return True
            end = c.subtree[-1].i
            for p in v.children:
                if p.i == end + 1 and p.tag_ in ("VBN", "JJ") and p.dep_ != "conj":
                    return True
    return False


def _in_other_clause(words, v) -> bool:
    """Whether a pattern's words after the verb are all in a clause of its own, a purpose or
    coordinated verb ("called Putin to discuss the coup", "called Putin and discussed the coup"),
    not in what the verb says of its object (a clause inside the object's phrase stays in it:
    "called the refusal to pay its debts blackmail")."""
    for t in words:
        h, other = t, False
        for _ in range(16):
            if h.head is h:
                other = True  # the verb is not above the word: another clause's
                break
            if h.head.i == v.i:
                other = h.pos_ in ("VERB", "AUX") and h.dep_ in _OWN_CLAUSES
                break
            h = h.head
        if not other:
            return False
    return True


# Nouns of what was said: a passive verb with one of them as its subject was done to the words,
# not to someone refused something ("was denied a visa").
_SAID_NOUNS = frozenset({"claim", "accusation", "allegation", "charge", "report", "rumour", "rumor", "statement",
                         "assertion", "suggestion", "remark", "comment"})
_OWN_CLAUSES = frozenset({"xcomp", "advcl", "conj", "ccomp", "parataxis"})


# Verbs that say what their object is when a predicate follows it.
_NAMING = frozenset({"call", "name", "term", "label", "brand", "declare", "deem", "consider"})


# Verbs whose "could" complement is a threat of the act, not speculation about it.
_WARNING = frozenset({"warn", "threaten", "caution"})


def _announcement(v, lex: Lexicon, by_head: dict | None = None) -> int:
    """0: the verb reports an act; 1: it announces, plans or promises one ("will impose",
    "vowed to attack"), coded as its intent or threat; 2: it speculates ("could attack"): no event;
    3: it announces going on with an act ("will resume"), which is intent when the act is
    cooperative and the act itself otherwise."""
    d = lex.dictionaries
    if v.dep_ == "ROOT" and _conditioned(v) and _unreported(v) \
            and any(c.dep_ == "aux" and c.lower_ in d.announcing for c in v.children):
        # "If Haftar manages to conquer Tripoli, he will gain control of Libya": a consequence
        # the writer supposes, told by no one as a threat, is no event
        return 2
    # "If Haftar manages to conquer Tripoli, ...": a condition is no event (the consequence is:
    # "if NATO ..., Russia will respond" is a threat); nor is a clause asked about ("it was not
    # clear whether|if they would meet"), whatever its auxiliary.
    t = v
    for _ in range(4):
        for c in t.children:
            if c.dep_ == "mark" and (c.lower_ in _OPEN_MARKS or c.lower_ == "unless"
                                     or (c.lower_ == "until" and t.tag_ in _PRESENT)
                                     or (c.lower_ == "once" and t.dep_ == "advcl" and any(
                                         a.dep_ == "aux" and a.lower_ in d.announcing for a in t.head.children))):
                return 2  # "... until it halts its attacks": a condition (a past "until" is not)
        if t.dep_ != "xcomp" and t.dep_ != "conj" or t.head.i == t.i:
            break
        t = t.head
    for c in v.children:
        if c.dep_ == "aux":
            if c.lower_ in d.speculative:
                return 2
            if c.lower_ in d.announcing:
                # "would resume its airstrikes", "will continue attacks": an act already under
                # way goes on, which reports the act itself; but talks or aid that "will resume
                # next week" are still to come (3: announced when cooperative, see below)
                return 3 if v.lemma in d.aspectual else 1
    if (v.dep_ == "relcl" or v.dep_ == "acl") and v.head.i != v.i and _any_of_kind(v.head):
        return 2  # "will bring down any Israeli drone that violates Lebanese airspace": no act yet
    if v.dep_ == "acl" and v.tag_ == "VB" and v.head.i != v.i and v.head.lemma in _THREAT_NOUNS:
        return 1  # "renewed threats to cut gas supplies to Ukraine": a threat, as "threatened to cut"
    gov = v.head
    if (v.dep_ == "xcomp" or v.dep_ == "ccomp") and gov.i != v.i and gov.lemma in d.announcing and not _is_negated(gov):
        if gov.lemma in _PLOTTING and _told_by_others(gov, by_head):
            return 2  # "Intelligence sources revealed that the criminals planned to attack": a plot, no threat
        if v.dep_ == "ccomp" and gov.lemma == "be":
            return 0  # "the problem is that Russia attacks daily": a clause that says what is
        if v.dep_ == "ccomp" and v.tag_ in _PAST:
            return 0  # "announced that it killed 23 fighters": a report of a done act
        return 1
    return 0


def _commanding_own_forces(order, by_head: dict) -> list:
    """The subjects of the commanding verb ``order`` ("ordered", "instructed") when its object is
    their own armed forces, or forces of no named country ("ordered military forces to ...",
    "ordered his navy to ..."): the commanders; else empty."""
    if order.lemma not in _COMMANDING or _is_negated(order):
        return []
    commanders = _mentions_at(_subject_tokens(order, _is_passive(order)), by_head)
    if not commanders:
        return []
    countries = {m.country for m in commanders}
    for c in order.children:
        if c.dep_ != "dobj":
            continue
        m = by_head.get(c.i)
        if m is not None and m.agent in _ARMED_SERVICES and (m.country is None or m.country in countries or m.inferred):
            return commanders
    return []


# Verbs of sending diplomats away, whose announcement is the act (convention 19), and the verbs
# that make an announced act a threat whatever it is.
_EXPELLING = frozenset({"expel", "recall"})
_THREATENING = frozenset({"threaten", "warn", "vow"})
# Nouns whose infinitive tells the act threatened ("threats to cut gas supplies"; an ultimatum's
# infinitive tells what its addressee must do).
_THREAT_NOUNS = frozenset({"threat"})
# Roots of cooperative acts: resuming or continuing one "next week" is still to come.
_COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})


# Verbs of planning an act in secret: others tell of such a plan, the planners do not announce it.
_PLOTTING = frozenset({"plan", "plot", "prepare", "intend"})
_REVEALING = frozenset({"say", "reveal", "report", "claim", "believe", "suspect", "allege", "discover", "learn",
                        "tell", "confirm", "find", "show", "indicate"})


def _told_by_others(gov, by_head: dict | None) -> bool:
    """Whether a plan is told by someone other than its planners: the planning verb is a clause
    of a verb of telling or finding, with a subject of its own that is no pronoun and is not the
    teller ("sources revealed that the criminals planned to ..."; not "Russia said it plans to
    ...", nor "Hamas plans to attack Israel, its leader said")."""
    if gov.dep_ != "ccomp" or gov.head.i == gov.i or gov.head.lemma not in _REVEALING:
        return False
    planners = [c for c in gov.children if c.dep_ == "nsubj" and c.tag_ not in ("PRP", "PRP$")]
    if not planners:
        return False
    if by_head:
        planner = by_head.get(planners[0].i)
        tellers = [by_head.get(c.i) for c in gov.head.children if c.dep_ == "nsubj"]
        if planner is not None and any(t is not None and t.code == planner.code for t in tellers):
            return False
    return True


def _unreported(v) -> bool:
    """Whether the verb's sentence is the writer's own: no quotation and no verb of saying in it
    ("'If NATO expands, we will attack,' Putin said" is Putin's)."""
    for t in v.subtree:
        if t.lemma in _SAYING or t.lower_ in _QUOTES:
            return False
    return True


_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})


def _misparsed_speaker(t) -> bool:
    """Whether the noun, hung as an apposition, is rather the subject of a verb of saying right
    after its phrase that has no subject of its own ("..., the Observatory said.")."""
    if t.dep_ != "appos" and t.dep_ != "dep":
        return False
    nxt = t.subtree[-1].i + 1
    root = t
    while root.head.i != root.i:
        root = root.head
    if root.lemma not in _SAYING:
        return False
    if root.i == nxt:
        return not _has_subject(root)
    # "..., police official Kamal Singh Bam said": the title and the first names hung apart
    # from the surname the parser made the subject
    return root.i == nxt + 1 and t.pos_ == "NOUN" and any(
        c.i == nxt and c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in root.children)


def _conditioned(v) -> bool:
    """Whether the verb has an "if", "unless" or "once" clause of its own ("Once both sides agree
    to halt hostilities, they would negotiate")."""
    for c in v.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and (m.lower_ == "if" or m.lower_ == "unless" or m.lower_ == "once"):
                    return True
    return False


def _speculated(v, lex: Lexicon) -> bool:
    """Whether the verb is "could/might/may" speculation only (not a condition)."""
    return any(c.dep_ == "aux" and c.lower_ in lex.dictionaries.speculative for c in v.children)


def _warning_verb(v):
    """The warning verb whose "that" clause announces the act: "Iran warned that it will strike"
    and "warned that Israel is ready to strike Iran" (through "ready to", "prepared to"); None
    when the act is no such clause's."""
    t = v
    for _ in range(4):
        if t.dep_ == "ccomp":
            return t.head if t.head.lemma in _WARNING and t.head.i != t.i else None
        if t.dep_ not in ("xcomp", "acomp") or t.head.i == t.i:
            return None
        t = t.head
    return None


def _wished(v, lex: Lexicon) -> bool:
    """Whether a governor only wishes, fears or asks for the act ("fears that Hezbollah will
    retaliate", "urged Israel to attack"): one of @intending that does not announce it."""
    d = lex.dictionaries
    t = v
    for _ in range(12):
        gov = t.head
        if gov.i == t.i:
            return False
        if t.dep_ in ("xcomp", "ccomp") or (t.dep_ == "acl" and gov.pos_ == "NOUN"):
            if gov.lemma in d.intending and gov.lemma not in d.announcing and gov.lemma not in d.aspectual:
                return True
        elif t.dep_ not in ("conj", "pcomp", "acomp"):
            return False
        t = gov
    return False


_PRESENT = frozenset({"VBZ", "VBP", "VB"})
_PAST = frozenset({"VBD", "VBN"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _candidates(lex: Lexicon, names, keys: set[str], worded: bool = False) -> list[VerbPattern]:
    """Patterns for the verb forms ``names`` (its lemma and its surface form: PETRARCH lists
    some forms, like "left", as verbs of their own) whose words can occur in the clause, most
    specific first. ``worded``: only patterns that name at least one word."""
    found = []
    for name in names:
        index = lex.verbs.get(name)
        if index is not None:
            found.extend(index.candidates(keys))
    if not found:
        return []
    found.sort(key=lambda rp: rp[0])
    out, seen = [], set()
    for _, p in found:
        if id(p) not in seen and not (worded and not p.specificity):
            seen.add(id(p))
            out.append(p)
    return out


def _with_complements(v, own: list) -> list:
    """The verb's own clause after it, plus the clauses it governs (ccomp)."""
    extra = []
    for c in v.children:
        if c.dep_ == "ccomp" and c.i > v.i:
            stack = [c]
            while stack:
                t = stack.pop()
                extra.append(t)
                stack.extend(x for x in t.children if x.dep_ not in ("relcl", "advcl", "parataxis", "punct"))
    if not extra:
        return own
    return sorted(set(own) | set(extra), key=lambda t: t.i)


# Days and months: a phrase of time ("on Tuesday", "in March", "on Monday night") is neither a
# party nor a word of a pattern ("called Biden on Tuesday" is a call, not "call on").
_TIME_NAMES = frozenset(
    [d.lower() for d in calendar.day_name] + [m.lower() for m in calendar.month_name if m] + ["sept."]
)
_DAY_PARTS = frozenset({"night", "morning", "evening", "afternoon", "weekend"})


# Prepositions whose common-noun object tells when an act took place, not who took part in it:
# "met for the first time since the Nagorno-Karabakh war", "amid the Russia-Ukraine war".
_WHEN_PREPOSITIONS = frozenset({"since", "amid", "amidst", "during", "following"})


def _is_time_phrase(prep) -> bool:
    when = prep.lower_ in _WHEN_PREPOSITIONS
    for p in prep.children:
        if p.dep_ == "pobj":
            if when and p.pos_ == "NOUN":
                return True
            if p.lower_ in _TIME_NAMES and p.text[:1].isupper():
                return True
            if p.lower_ in _DAY_PARTS:
                for c in p.children:
                    if c.lower_ in _TIME_NAMES:
                        return True
    return False


def _with_companions(v, subject_tokens, subjects: list, by_head) -> list:
    """"Together with Estonia and Latvia, Lithuania imposed ...", "Lithuania, along with Estonia,
    imposed ...": those the subject acts with act too."""
    more = []
    for t in [v] + list(subject_tokens):
        for c in t.children:
            withs = []
            if c.dep_ == "prep" and c.lower_ == "with":
                if any(g.lower_ == "together" or g.lower_ == "along" for g in c.children):
                    withs.append(c)  # the parser hangs "together" on "with"
            elif c.lower_ == "together" or c.lower_ == "along":
                withs = [w for w in c.children if w.dep_ == "prep" and w.lower_ == "with"]
            for w in withs:
                for m in _mentions_at(_expand([p for p in w.children if p.dep_ == "pobj"]), by_head):
                    if m not in subjects and m not in more:
                        more.append(m)
    return subjects + more if more else subjects


def _patients(v) -> list:
    """The subject of a passive verb: who or what underwent the act."""
    subjects = [c for c in v.children if c.dep_ in ("nsubjpass", "csubjpass")]
    if (v.dep_ == "relcl" or v.dep_ == "acl") and v.head.i != v.i and (
            not subjects or subjects[0].tag_ in ("WP", "WDT", "WP$")):
        # "aid workers who were kidnapped by rebels", "aid workers kidnapped by rebels", "the deal
        # signed by Israel and the UAE": the noun the clause describes
        return [v.head]
    if not subjects:
        # "Fourteen aid workers kidnapped by rebels have been released", parsed as the verb of
        # the sentence with a "by" agent: its subject underwent the act
        subjects = [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i]
    return subjects


def _object_subject(v, by_head) -> list:
    """The phrase of a passive verb's subject when it names no actor ("sanctions", "a peace
    deal"), in order; empty otherwise."""
    for c in _patients(v):
        if c.i < v.i and c.pos_ == "NOUN":
            words = [c] + [t for t in c.children if t.i < c.i and t.dep_ in ("compound", "amod")]
            if any(t.i in by_head for t in words):
                return []
            return sorted(words, key=_position)
    return []


def _relative_object(v, by_head) -> list:
    """The phrase an object relative clause describes, when it names no actor, in order: "a
    drone strike that Israel blamed on Tehran" and "the sanctions which the EU imposed on Russia"
    read as "blamed a drone strike on Tehran", "imposed sanctions on Russia"; empty otherwise."""
    if v.dep_ != "relcl" or v.head.i > v.i or v.head.pos_ != "NOUN":
        return []
    c = v.head
    relative = [o for o in v.children if o.dep_ == "dobj" and o.tag_ in ("WDT", "WP") and o.i < v.i]
    if relative:
        if relative[0].i != c.i + 1 and not (relative[0].i == c.i + 2 and any(
                x.i == c.i + 1 and x.lower_ == "," for x in (*c.children, *v.children))):
            return []  # "his extradition from Sweden, which Sweden rejected": the clause before
    elif not any(o is c for o in _objects(v)):
        return []
    words = [c] + [t for t in c.children if t.i < c.i and t.dep_ in ("compound", "amod")]
    if any(t.i in by_head for t in words):
        return []
    return sorted(words, key=_position)


def _clause_tokens(v) -> list:
    """Tokens of the verb's own clause, in sentence order (the verb excluded), without its
    phrases of time."""
    out = []
    stack = []
    active = None
    for c in v.children:
        if c.dep_ not in _NOT_CLAUSE_TOP and not (c.dep_ == "prep" and _is_time_phrase(c)):
            stack.append(c)
        elif c.dep_ == "advcl" and c.i > v.i and _purpose_infinitive(c) \
                and not any(p.dep_ == "punct" and p.i == c.i - 2 for p in v.children):
            # "fired tear gas to disperse protesters": the parser calls a purpose infinitive
            # an adverbial clause or a complement (xcomp) by turns; both are the verb's (not
            # one set off by a comma: "held talks in Moscow, to discuss ...")
            stack.append(c)
        elif c.dep_ == "agent":
            # "have talked by telephone": the "by" phrase of an active verb is its own
            if active is None:
                active = not _is_passive(v)
            if active:
                stack.append(c)
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ not in _NOT_CLAUSE_DEEP and not (c.dep_ == "prep" and _is_time_phrase(c)):
                stack.append(c)
    out.sort(key=_position)
    return out


def _purpose_infinitive(c) -> bool:
    """Whether an adverbial clause is a bare "to" infinitive ("to disperse them"), not "in
    order to", "so as to" or a clause with a subject of its own."""
    to = False
    for d in c.children:
        if d.dep_ in ("nsubj", "nsubjpass", "mark"):
            return False
        if d.dep_ == "aux" and d.i == c.i - 1 and d.lower_ == "to":
            to = True
    return to


def _position(t) -> int:
    return t.i


def _expand(tokens) -> list:
    """The tokens and their coordinated partners: conjuncts, and appositions, which the parser
    also uses for lists ("France, Ukraine and Germany")."""
    seen: dict[int, object] = {}
    stack = list(tokens)
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen[t.i] = t
        if t.dep_ == "conj" or t.children:
            stack.extend(t.conjuncts)
            for c in t.children:
                # Appositions, and a proper noun the small parser hung on a list's first member
                # as an adverbial ("Mexico, Pakistan, Brazil and Ukraine").
                if c.dep_ == "appos" or (c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i > t.i):
                    stack.append(c)
                elif c.dep_ == "prep" and c.lower_ == "including":
                    # "allies including Australia and Japan": the members named
                    for p in c.children:
                        if p.dep_ == "pobj":
                            stack.append(p)
    if len(seen) == 1:
        return list(seen.values())
    return [seen[i] for i in sorted(seen)]


# Prepositions through which a verb's object does what the gerund after them says ("praised
# Egypt for mediating", "suspected him of spying").
_OBJECT_CONTROL = frozenset({"for", "of"})


def _acted_on(nouns) -> list:
    """Whom the acts the nouns name fall on: the objects of their "on" and "against" phrases
    ("sanctions on Eritrea")."""
    return [p for o in nouns if o.pos_ == "NOUN" for c in o.children
            if c.dep_ == "prep" and (c.lower_ == "on" or c.lower_ == "against") for p in c.children if p.dep_ == "pobj"]


def _nominal_path(t, top) -> bool:
    """Whether the token hangs on ``top`` through nouns and prepositions only, no verb between."""
    h = t.head
    for _ in range(8):
        if h.i == top.i:
            return True
        if h.pos_ in _VERBAL or h.head.i == h.i:
            return False
        h = h.head
    return False


def _subject_tokens(v, passive: bool, depth: int = 0) -> list:
    subj = []
    if passive:
        for c in v.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        subj.append(p)
        if not subj and v.lemma in _SUMMONING:
            subj = _summoner(v)
        if not subj:
            # "Hamas was designated a terrorist organization by the United States": the parser
            # hangs the agent on the noun that says what the subject was made, not on the verb.
            for c in v.children:
                if c.dep_ in ("dobj", "oprd", "attr") and c.i > v.i:
                    for b in c.children:
                        if b.dep_ in ("prep", "agent") and b.lower_ == "by":
                            subj.extend(p for p in b.children if p.dep_ == "pobj")
        if not subj:
            # "was welcomed in the capital Asmara by President Isaias": the parser may hang the
            # agent on the last noun of a phrase of place or means before it
            # (not a "by" of a participle of its own: "an attack attributed by the authorities")
            for c in v.children:
                if c.dep_ == "prep" and c.i > v.i:
                    for t in c.subtree:
                        if t.dep_ == "agent" and t.lower_ == "by" and _nominal_path(t, c):
                            subj.extend(p for p in t.children if p.dep_ == "pobj")
    else:
        # With a proper noun before the verb that the small parser took for an adverbial: a list
        # member ("Yemen, Iran and India attacked") or the subject itself ("Armenia invaded").
        for c in v.children:
            if c.dep_ == "nsubj" or c.dep_ == "csubj" or (c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i < v.i):
                subj.append(c)
    if subj:
        first = subj[0]
        if (v.dep_ == "relcl" or v.dep_ == "acl") and first.tag_ in ("WP", "WDT", "WP$"):
            return [v.head]  # "rebels who attacked the town": the rebels
        return _expand(_through_quantities(subj))
    if depth > 6 or passive:
        return []
    # "the task of destroying the militia by the Russian Armed Forces": a gerund's agent.
    by = _prep_objects([v], "by")
    if by and v.tag_ == "VBG":
        return _expand(by)
    # "Russia began attacking", "Arnor is about to restore": the subject of the governing verb
    # (through adjectives and conjoined verbs).
    if v.dep_ == "advcl" and v.tag_ in _FINITE:
        # "China expressed grief after an earthquake hit Nepal": a finite verb of an adverbial
        # clause has a subject of its own (here misattached by the parser), not the governor's.
        return []
    if v.dep_ == "conj" and not _coordinated(v):
        # "expressed grief over deaths after an earthquake hit Nepal": a verb the parser hung on
        # another as a conjunct, with no "and" or comma between them, is no shared act.
        return []
    if v.dep_ in ("xcomp", "conj", "advcl", "acomp") and v.head.i != v.i:
        if v.dep_ == "advcl" and _is_passive(v.head):
            # "troops were sent to the area, firing rockets at the rebels": a participle shares
            # its passive governor's grammatical subject, not the agent
            shared = [c for c in v.head.children if c.dep_ == "nsubjpass"]
            if shared:
                return _expand(_through_quantities(shared))
        if v.dep_ == "xcomp" and v.head.lemma in _OBJECT_CONTROL_VERBS and not _is_passive(v.head) and depth == 0:
            # "led many observers to question", "forced the army to withdraw": the object of the
            # governing verb does what its infinitive says, not the governor's subject
            controller = [c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i]
            if controller:
                return _expand(_through_quantities(controller))
        found = _subject_tokens(v.head, _is_passive(v.head), depth + 1)
        if not found and v.dep_ == "xcomp" and _is_passive(v.head):
            # "the rebels are believed to have launched missiles": the raised subject acts
            found = _expand(_through_quantities([c for c in v.head.children if c.dep_ == "nsubjpass"]))
        return found
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.i != v.i and v.head.lower_ == "for" \
            and v.head.head.i != v.head.i and v.head.head.pos_ == "NOUN":
        # "called for sanctions on Eritrea for backing Shabaab": whom the act the noun names
        # falls on is who is punished or blamed for the deed
        on = _acted_on([v.head.head])
        if on:
            return _expand(on)
    if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.head.i != v.i and v.head.head.i != v.head.i \
            and v.head.head.pos_ in _VERBAL:
        governor = v.head.head
        if v.head.lower_ in _OBJECT_CONTROL:
            # "condemned Ukraine for shelling Donetsk", "accused Kenya of violating": the one
            # judged for the act did it, not the judge.
            judged = [c for c in governor.children if c.dep_ == "dobj"]
            # "imposed sanctions on Eritrea for backing Shabaab": whom the act the object names
            # falls on
            acts = judged + [p for c in governor.children if c.dep_ == "prep" and c is not v.head
                             for p in c.children if p.dep_ == "pobj"]  # "called for sanctions on Eritrea"
            on = _acted_on(acts)
            if on:
                return _expand(on)
            if judged:
                return _expand(_through_quantities(judged))
        # "bolstered ties with Cuba by signing accords": a gerund after a preposition acts for the
        # subject of the verb the preposition belongs to.
        return _subject_tokens(governor, _is_passive(governor), depth + 1)
    if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
        maker = _statement_maker(v, depth)
        if maker:
            return [v.head] + maker
        return [v.head]
    return []


# Nouns for what a party says or issues ("a statement condemning X", "a resolution urging Y"):
# a participle on one is the act of whoever made it.
_STATEMENTS = frozenset({
    "statement", "communique", "communiqué", "declaration", "letter", "resolution", "message", "note", "tweet",
    "post", "speech", "address", "report", "editorial", "notice",
})
# Prepositions that hang a statement on the verb of whoever made it ("responded with a statement
# urging", "said in a statement condemning").
_STATEMENT_MEANS = frozenset({"with", "in", "through", "via"})


# Verbs whose object statement is their subject's own ("issued a statement condemning"); a
# statement one supports, carries or rejects is someone else's.
_ISSUING = frozenset({
    "issue", "release", "make", "publish", "send", "deliver", "adopt", "pass", "approve", "post", "sign", "read",
    "write", "give", "put", "circulate",
})


def _statement_noun(v):
    """The statement noun whose participle ``v`` (or the participle ``v`` is coordinated with)
    is: "a statement condemning X and accusing Y", or None."""
    for _ in range(4):
        if v.dep_ != "conj" or v.head.i == v.i:
            break
        v = v.head
    if v.dep_ != "acl" or v.tag_ != "VBG" or v.head.i == v.i or v.head.lemma not in _STATEMENTS:
        return None
    return v.head


def _statement_verb(noun):
    """The verb of whoever made ``noun``: "issued a statement", "said in a statement" (or None)."""
    gov = noun.head
    if gov.i == noun.i:
        return None
    if noun.dep_ == "dobj" and gov.pos_ in _VERBAL:
        return gov if gov.lemma in _ISSUING else None
    if noun.dep_ == "pobj" and gov.lower_ in _STATEMENT_MEANS and gov.head.i != gov.i and gov.head.pos_ in _VERBAL:
        return gov.head
    return None


def _statement_maker(v, depth: int) -> list:
    """Who made the statement whose participle ``v`` is: its possessor or "by" agent ("Russia's
    statement condemning", "a resolution by the Council urging"), else the subject of the verb
    that issued it ("the guerrillas made a statement denouncing", "the US responded with a
    statement urging"). Empty when none is named."""
    noun = _statement_noun(v)
    if noun is None or depth > 6:
        return []
    own = [c for c in noun.children if c.dep_ == "poss"] + _prep_objects([noun], "by") + _prep_objects([noun], "from")
    if own:
        return _expand(own)
    if any(c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.text[:1].isupper()) for c in noun.children):
        return []  # "a U.N. Security Council resolution", "a Russian statement": the noun names its maker
    gov = _statement_verb(noun)
    if gov is None:
        return []
    return _subject_tokens(gov, _is_passive(gov), depth + 1)


def _through_statements(doc, events: list) -> list:
    """Drop the statement itself (010, "issued a statement") where what it says is coded: "Russia
    issued a statement condemning the US" is the condemnation only."""
    vehicles = set()
    for e in events:
        noun = _statement_noun(doc[e.verb])
        if noun is not None and e.code[:2] != "01":
            gov = _statement_verb(noun)
            if gov is not None:
                vehicles.add((gov.i, e.source.code))
    if not vehicles:
        return events
    return [e for e in events if not (e.code[:2] == "01" and (e.verb, e.source.code) in vehicles)]


# Things besides FACILITIES that stand for whoever holds them when a clause says who does.
_HOLDINGS = frozenset({"building", "office", "home", "house", "residence", "ship", "vessel", "aircraft", "plane",
                       "site", "installation", "depot", "post", "territory", "area"})
# Participles that say who holds a place ("run by", "controlled by", "belonging to").
_HOLDING = frozenset({"run", "control", "hold", "operate", "own", "man", "occupy", "use", "guard"})
# Projectiles, and the participles that say who launched them ("drones launched by the Houthis"):
# whoever launched one is who an act on it falls on ("intercepted several drones launched by ...").
_LAUNCHED = frozenset({"drone", "missile", "rocket", "projectile", "shell", "mortar", "munition"})
_SENDING_OFF = frozenset({"launch", "fire", "send", "shoot"})
# Verbs by which a place holds people ("a base housing Ugandan units", "a camp sheltering refugees"):
# the people are who an act on the place falls on.
_HOUSING = frozenset({"house", "host", "shelter", "accommodate"})


def _holder(t, by_head: dict[int, Mention]) -> Mention | None:
    """The actor a clause on the place or thing ``t`` says holds it: "targets belonging to the
    PKK", "a base run by Kenyan troops", "the base, which is run by Kenyan troops", "areas held by
    the rebels", "a base housing Ugandan units"."""
    for c in t.children:
        if c.dep_ not in ("acl", "relcl") or c.pos_ not in _VERBAL:
            continue
        if c.lemma == "belong":
            objects = _prep_objects([c], "to")
        elif (c.lemma in _HOLDING or (c.lemma in _SENDING_OFF and t.lemma in _LAUNCHED)) and (
                c.tag_ == "VBN" or _is_passive(c)):
            objects = [p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        elif c.lemma in _HOUSING and c.tag_ == "VBG":
            objects = [a for a in c.children if a.dep_ == "dobj"]
        else:
            continue
        for o in objects:
            m = by_head.get(o.i)
            if m is not None:
                return m
    return None


# Verbs of calling an envoy in: who summoned them is where they were summoned to, or the host.
_SUMMONING = frozenset({"summon"})


def _summoner(v) -> list:
    """Who summoned in the agentless passive: the office the envoy was summoned to ("was summoned
    to the Russian Foreign Ministry"), else the capital the envoy serves in ("China's ambassador in
    Manila was summoned")."""
    to = _prep_objects([v], "to")
    if to:
        return to[:1]
    for c in v.children:
        if c.dep_ == "nsubjpass":
            found = _prep_objects([c], "in")
            if found:
                return found[:1]
    return []


def _summons_purpose(v) -> bool:
    """Whether ``v`` is the purpose of a summons ("summoned ... to convey a protest")."""
    return v.dep_ in ("xcomp", "advcl") and v.head.i != v.i and v.head.lemma in _SUMMONING and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in v.children)


def _judged_deed(v, events: list) -> bool:
    """Whether the gerund is (part of) the deed an accusation names ("blamed X for aggravating
    unrest by firing tear gas", "accused Y of attacking"): alleged, not done. The accusation is a
    verb of accusing or a coded accusation (112). The deeds coordinated with it are alleged too
    ("accused Ethiopia of planting mines, abducting residents and burning crops")."""
    t = v
    while t.dep_ == "conj" and t.head is not t and t.head.i < t.i:
        t = t.head
    for _ in range(4):
        if t.dep_ != "pcomp" or t.head.i == t.i or t.head.lower_ not in _DEED_PREPOSITIONS or t.head.head.i == t.head.i:
            return False
        t = t.head.head
        # a verb of accusing alleges the deed even when its own event names no one it could code
        # ("The interior minister accused India of backing the rebels", the minister's country unknown)
        if t.lemma in _ACCUSING or any(e.verb == t.i and e.code[:3] == "112" for e in events):
            return True
    return False


def _alleged_deed(v, events: list) -> bool:
    """Whether the verb tells part of a deed an accusation names: a participle of result of an
    accused deed ("accused X of shelling the area, killing one civilian"), a relative clause on
    an accused act noun ("accused the rebels of an attack that hit a school"), or the "that"
    clause of an accusation noun ("allegations that the troops killed civilians")."""
    t = v
    for _ in range(5):
        h = t.head
        if h is t:
            return False
        if t.dep_ in ("acl", "ccomp") and h.lower_ in _ALLEGING_NOUNS and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            return True
        if t.dep_ == "advcl" and t.tag_ != "VBG":
            return False  # "killed ten people after the army accused them": a deed told as done
        if t.dep_ == "pcomp" or t.dep_ == "pobj":
            g = h.head
            if g.dep_ == "dobj" and g.head is not g and g.head.lemma in _ACCUSING:
                g = g.head  # "accused the rebels | of an attack": the parser hangs the deed on the accused
            if h.lower_ in _DEED_PREPOSITIONS and g is not h and (
                    g.lemma in _ACCUSING or any(e.verb == g.i and e.code[:3] == "112" for e in events)):
                return True
        if t.dep_ not in ("advcl", "relcl", "acl", "conj", "pcomp", "pobj", "prep"):
            return False
        t = h
    return False


_ALLEGING_NOUNS = frozenset({"allegation", "allegations", "accusation", "accusations", "charge", "charges"})


# Prepositions of the deed an accusation names, and of how that deed was done.
_DEED_PREPOSITIONS = frozenset({"for", "of", "by"})


def _coordinated(v) -> bool:
    """Whether a conjunct verb is joined to its head by a conjunction or a comma between them."""
    head = v.head
    for c in head.children:
        if head.i < c.i < v.i and (c.dep_ == "cc" or c.dep_ == "preconj" or (c.dep_ == "punct" and c.lower_ in (",", ";"))):
            return True
    return False


# Nouns that count or gather the actor named by their "of" phrase ("thousands of protesters",
# "a group of soldiers"); numbers ("two of the soldiers") count too.
_QUANTITIES = frozenset({
    "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "score", "scores",
    "group", "crowd", "crowds", "number", "handful", "couple", "lot", "lots", "band", "unit", "contingent",
    "some", "many", "most", "several", "few", "all", "both", "each", "one", "none", "majority",
    "team", "squad", "batch", "wave", "pair", "party",
})


def _through_quantities(tokens) -> list:
    """Each token, or for a quantity noun the head of its "of" phrase ("thousands of protesters")."""
    out = []
    for t in tokens:
        if t.lemma in _QUANTITIES or t.lower_ in _QUANTITIES or t.pos_ == "NUM":
            of = _prep_objects([t], "of")
            if of:
                out.append(of[0])
                continue
        out.append(t)
    return out


def _by_agents(noun) -> list:
    """The "by" agents of a noun ("an airstrike by US aircraft", "shelling by Russian forces") or
    of its participle ("a bomb planted by Boko Haram"), through a count of acts ("a series of
    airstrikes by a Saudi-led coalition")."""
    out = []
    acts = counted_acts(noun)
    holders = [noun] if acts is None else [acts, noun]
    holders += [c for c in (acts or noun).children if c.dep_ == "acl" and c.tag_ == "VBN"]
    for holder in holders:
        for c in holder.children:
            if (c.dep_ == "prep" or c.dep_ == "agent") and (c.lower_ == "by" or (
                    c.lower_ == "from" and holder.lemma in _FIRED_FROM)):
                # ("artillery fire and shelling from India": fire comes from whoever fired it)
                out.extend(p for p in c.children if p.dep_ == "pobj")
    noun = acts or noun
    if not out and noun.lemma in _FIRED_FROM:
        for c in noun.children:  # "artillery fire and shelling from India"
            if c.dep_ == "conj" and c.lemma in _FIRED_FROM:
                out = _by_agents(c)
                break
    return out


# Verbs of striking whose subject may be the strike itself ("shelling from India targeted villages").
_STRIKING = frozenset({"hit", "strike", "target", "pound"})
# Nouns of fire that come "from" whoever fired them.
_FIRED_FROM = frozenset({"shelling", "bombardment", "fire", "gunfire", "rocket", "missile", "mortar", "shell"})


def _prep_objects(tokens, preposition: str | None) -> list:
    """The heads of the tokens' phrases with this preposition ("by Hezbollah", "of protesters"),
    or with any preposition (None)."""
    out = []
    for t in tokens:
        for c in t.children:
            if c.dep_ == "prep" and (preposition is None or c.lower_ == preposition):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.append(p)
    return out


def _event_agents(v, objects, by_head: dict[int, Mention]) -> list[Mention]:
    """"condemned the attack on Israel by Hezbollah": when the direct object is an event, not an
    actor, the actor answerable for it, its "by" agent (on the object, or hung on the verb by the
    parser), is the target rather than the event's own object."""
    if not objects or any(o.i in by_head for o in objects):
        return []
    # The parser may hang "by" on the event's own object ("the arrest of journalists by police").
    found = _prep_objects(objects + [v] + _prep_objects(objects, "of"), "by")
    if not found and not _is_passive(v):
        # "condemned the coup by Fiji's military": the parser made the object's "by" the verb's agent
        found = [p for c in v.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return _mentions_at(_expand(found), by_head)


# Nouns naming a part or a member of the actor their "of" (or "from") phrase names, when the dictionaries
# give them no code of their own: "the board of the IAEA", "members of the Taliban". Of a country
# named alone, they name its government or its forces ("the heads of Germany and France": DEUGOV,
# FRAGOV; "commanders of the Sudanese army" keep the army's code); None: not of a country.
_MEMBERSHIP = {
    "member": None, "board": None, "council": None, "wing": None, "branch": None, "secretariat": None, "body": None,
    "organ": None, "fighter": None, "militant": None, "executive": "GOV", "leadership": "GOV", "head": "GOV",
    "chief": "GOV", "delegation": "GOV", "representative": "GOV", "envoy": "GOV", "spokesman": "GOV",
    "spokeswoman": "GOV", "spokesperson": "GOV", "official": "GOV", "commander": "MIL", "unit": "MIL", "division": "MIL",
    "chairman": None, "chairwoman": None, "chairperson": None, "director": None, "coordinator": None,
    # the people a body has ("operatives of the Lagos State Police Command", "officers of the
    # Kenyan police", "cadres of the Maoist party"); of a country named alone, nobody
    "operative": None, "officer": None, "agent": None, "personnel": None, "staff": None, "cadre": None,
    "activist": None, "loyalist": None, "element": None, "employee": None,
}


def _membership(t) -> str | None:
    """The membership noun whose "of" phrase the token is in, with its conjuncts ("the heads of
    Germany, France and Italy": "heads" for each of the three), or None."""
    first = t
    for _ in range(8):
        if first.dep_ != "conj" or first.head.i == first.i:
            break
        first = first.head
    prep = first.head
    if first.dep_ != "pobj" or prep.dep_ != "prep" or (prep.lower_ != "of" and prep.lower_ != "from") \
            or prep.head.i == prep.i:
        return None
    owner = prep.head
    return owner.lemma if owner.lemma in _MEMBERSHIP else None


def _as_member(m: Mention | None, noun: str) -> Mention | None:
    """A state named alone under a membership noun names its government or forces ("the heads
    of Germany": DEUGOV); under a noun with no such role ("members of France") nobody acts."""
    if m is None or m.agent is not None or m.country is None or m.code != m.country:
        return m
    role = _MEMBERSHIP[noun]
    return replace(m, code=m.country + role, agent=role) if role is not None else None


def _counted_mentions(tokens, by_head: dict[int, Mention]) -> list[Mention]:
    """The mentions the phrases headed by ``tokens`` name, through counts ("hundreds of rebels")
    and coordination ("the US and France")."""
    return _mentions_at(_expand(_through_quantities(tokens)), by_head)


def _mentions_at(tokens, by_head: dict[int, Mention]) -> list[Mention]:
    out = []
    for t in tokens:
        m = by_head.get(t.i)
        if m is not None and m.inferred and t.lemma in FACILITIES:
            # "a military base housing Ugandan forces": whose the base is, not a force of the
            # country inferred for its adjective
            m = _holder(t, by_head) or m
        found = [m] if m is not None else []
        if m is None and t.pos_ == "NOUN":
            owner = owner_mention(t, by_head)  # "Iranian drones launched at Israel"
            if owner is None and (t.lemma in FACILITIES or t.lemma in _HOLDINGS or t.lemma in _LAUNCHED):
                owner = _holder(t, by_head)  # "targets belonging to the PKK", "the base, which is run by Kenyan troops"
            if owner is not None:
                found.append(owner)
        if m is None and t.lemma in _MEMBERSHIP:
            # "members of the Taliban", "agents from the Civil Guard"
            of = _prep_objects([t], "of") or _prep_objects([t], "from")
            if of:
                found = [_as_member(by_head.get(o.i), t.lemma) for o in _expand(of[:1])]
        elif m is not None and m.agent is None and m.country is not None:
            noun = _membership(t)
            if noun is not None:
                found = [_as_member(m, noun)]
        for m in found:
            if m is not None and m not in out:
                out.append(m)
                out.extend(by_head[p] for p in m.partners if p in by_head and by_head[p] not in out)
                out.extend(x for x in m.also if x not in out)  # "they": India and Pakistan
    return out


class _Keys:
    """The words of a run of clause tokens (lower case text and lemma), with where each stands
    (the positions are worked out when a pattern first looks for a word)."""

    __slots__ = ("pairs", "_at")

    def __init__(self, tokens) -> None:
        # "upon" is read as the "on" it is a variant of ("fired upon", "called upon X to")
        self.pairs = [(t.lower_, t.lemma if t.lower_ != "upon" else "on") for t in tokens]
        self._at: dict[str, list[int]] | None = None

    @property
    def at(self) -> dict[str, list[int]]:
        if self._at is None:
            at: dict[str, list[int]] = {}
            for j, (low, lemma) in enumerate(self.pairs):
                at.setdefault(low, []).append(j)
                if lemma != low:
                    at.setdefault(lemma, []).append(j)
            self._at = at
        return self._at

    def __len__(self) -> int:
        return len(self.pairs)

    def words(self) -> set[str]:
        out = {low for low, _ in self.pairs}
        out.update(lemma for _, lemma in self.pairs)
        return out

    def find(self, words: Words, p: int) -> tuple[int, int] | None:
        """The earliest position >= p where an alternative of ``words`` matches: (start, length).
        At one position the first alternative listed wins."""
        best_j, best_n = -1, 0
        pairs = self.pairs
        size = len(pairs)
        at = self.at
        for alt in words.alternatives:
            starts = at.get(alt[0])
            if not starts:
                continue
            n = len(alt)
            for j in starts:
                if j < p:
                    continue
                if best_j >= 0 and j >= best_j:
                    break
                if j + n > size:
                    continue
                ok = True
                for k in range(1, n):
                    w = alt[k]
                    pair = pairs[j + k]
                    if w != pair[0] and w != pair[1]:
                        ok = False
                        break
                if ok:
                    best_j, best_n = j, n
                    break
        return (best_j, best_n) if best_j >= 0 else None


_IN = ("in",)


def _match(pattern: VerbPattern, keys: _Keys, pre_keys: _Keys, matched: list | None = None):
    """Match a pattern against the clause. Returns {slot: [start, end]} clause ranges or None.
    ``matched`` receives the clause ranges (start, length) its words matched after the verb."""
    p = 0
    for elem in pattern.pre:
        if isinstance(elem, Words):
            hit = pre_keys.find(elem, p)
            if hit is None:
                return None
            p = hit[0] + hit[1]
    slots: dict[str, list[int]] = {}
    open_slots: list[str] = []
    p = 0
    post = pattern.post
    for k in range(len(post)):
        elem = post[k]
        if isinstance(elem, Words):
            hit = keys.find(elem, p)
            if hit is None:
                return None
            if keys.pairs[hit[0]][0] == "in" and k + 1 < len(post) and not isinstance(post[k + 1], Words) \
                    and len(elem.alternatives) > 1:
                # "carried out airstrikes in northern Iraq against targets belonging to the PKK":
                # of a pattern's prepositions before its party, "in" names where when "against"
                # or "on" follows
                other = keys.find(Words(tuple(a for a in elem.alternatives if a != _IN), elem.label), hit[0] + 1)
                if other is not None:
                    hit = other
            if matched is not None:
                matched.append(hit)
            for s in open_slots:
                slots[s][1] = hit[0]
            open_slots = []
            p = hit[0] + hit[1]
        else:
            slots[elem] = [p, len(keys)]
            open_slots.append(elem)
    return slots


def _in_range(clause, lo: int, hi: int, by_head: dict[int, Mention], named: bool = True) -> list[Mention]:
    # The pattern's own word before the slot: "arrive in +" says the city after "in" is the party
    # (``named``); an act of force "in" a city still took place there ("airstrikes in Sanaa").
    lead = clause[lo - 1].i if lo > 0 and named else -1
    # "sent troop reinforcements to the area after the Cambodian prime minister issued ...": the
    # party after the pattern's preposition is in that preposition's phrase
    within = clause[lo - 1] if lo > 0 and _heads_phrase(clause[lo - 1]) else None
    if within is None and lo > 0:
        # "used tear gas to break up +": the party of a complement verb the pattern names is
        # that verb's own, not one a later phrase names ("..., according to news agency Beta")
        within = _complement_verb(clause[lo - 1])
    for t in clause[lo:hi]:
        m = by_head.get(t.i)
        if m is not None:
            if within is not None and not within.is_ancestor(t):
                continue
            if _cited(t):
                continue
            if t.tag_ == "PRP$" and t.head.i != t.i and _owns_named(t, by_head):
                # "met with his Kenyan counterpart", "accuses its regional rival Tehran": the
                # counterpart, the rival, not "his" or "its"
                continue
            prep = _place_prep(t, m)
            if prep >= 0 and prep != lead:
                continue  # "met in Washington", "shelled areas of the province of Idlib": where, not whom
            return _mentions_at(_expand([t]), by_head)
    return []


def _owns_named(t, by_head: dict[int, Mention]) -> bool:
    """Whether the possessive ``t`` stands before a noun that is an actor or names one in
    apposition ("his Kenyan counterpart", "its regional rival Tehran", "its rival, Tehran")."""
    h = t.head
    while h.dep_ in ("amod", "compound", "nmod") and h.head is not h and h.head.i > h.i:
        h = h.head  # "its rival Tehran": "rival" read as an adjective of the name
    return h.i in by_head or any(c.dep_ == "appos" and c.i in by_head for c in h.children)


def _complement_verb(t):
    """The infinitive or participle a pattern's last word is (or is the particle of), when that
    verb is a complement of another; else None."""
    if t.dep_ == "prt":
        t = t.head
    if t.pos_ == "VERB" and t.dep_ in ("xcomp", "advcl"):
        return t
    return None


# Acts of harm named by nouns that have no code of their own in nouns.txt.
_HARM_NOUNS = frozenset({"coup", "takeover", "mutilation", "assassination", "beheading", "massacre", "abduction",
                         "kidnapping", "bombing", "shooting", "crackdown", "repression"})
_HARM_ROOTS = ("17", "18", "19", "20")
# Acts only a state does in its own land ("mass arrests in Cuba", "a coup in Niger").
_STATE_ACTS = frozenset({"coup", "takeover", "crackdown", "repression"})



def _a_force(m: Mention | None) -> bool:
    """Whether a mention modifying an act's noun is one that does acts of harm: a state, its
    coercing organs, armed groups, criminals."""
    return m is not None and (m.agent in _FORCE_DOERS or (m.agent is None and m.type == "country"))


def _without_victims(lex, objects, by_head: dict[int, Mention]) -> dict[int, Mention]:
    """Disapproval of an act of harm is of whoever did it: "condemned the attack on a village in
    Darfur", "condemned the arrests of four Hong Kong activists", "the coup in Niger". When the
    act names no doer (its "by" agent, an owner or a modifier would be the object's own actor), the
    victims and places in its phrase are not the target: the mentions without them."""
    inside: set[int] = set()
    places: dict[int, Mention] = {}
    for o in objects:
        if o.i in by_head or o.pos_ != "NOUN":
            continue
        codes = [pat.code for _, pat in lex.nouns.get(o.lemma, ())]
        if o.lemma not in _HARM_NOUNS and not any(c[:2] in _HARM_ROOTS for c in codes):
            continue
        # "condemned mass arrests in Cuba", "the coup in Guinea-Bissau": a state's coercion in its
        # own land is the state's, so the country it took place in is who did it
        state_act = o.lemma in _STATE_ACTS or any(c[:2] == "17" for c in codes)
        # "the killing of protesters by security forces": the "by" phrase names the doer
        doers = {d.i for t in o.subtree if t.dep_ == "prep" and t.lower_ == "by" for d in t.subtree}
        # "condemned the rebel attack", "the rebels' attack": a role before the act noun is its
        # doer (its mention is the role alone, so that the noun stays an event)
        # ("Khashoggi's killing", "the activists' arrest": a person or people of no force are
        # whom it was done to)
        doers.update(c.i for c in o.children if c.dep_ in _DOER_LINKS and _a_force(by_head.get(c.i)))
        for t in o.subtree:
            if t.i in doers:
                continue
            m = by_head.get(t.i)
            if state_act and t.dep_ == "pobj" and t.head.lower_ == "in":
                if m is not None and m.agent is None and m.country is not None and m.code == m.country:
                    continue
                if m is None:
                    # "the arrest of opposition leaders in Kenya": the place joined the victims'
                    # phrase; it still names the state
                    held = [x for x in by_head.values() if x.start <= t.i < x.end and x.country is not None]
                    if held:
                        places[t.i] = replace(held[0], head=t.i, start=t.i, end=t.i + 1, code=held[0].country,
                                              agent=None, text=t.text, partners=(), owner=None, alts=())
            inside.add(t.i)
    if not inside:
        return by_head
    kept = {k: m for k, m in by_head.items() if k not in inside}
    kept.update(places)
    return kept


def _heads_phrase(t) -> bool:
    """Whether a pattern's last word is a preposition with a phrase of its own, in which alone
    its party may stand."""
    return t.pos_ == "ADP" and bool(t.children)


def _same_actor_appositions(sources: list[Mention], sent) -> list[Mention]:
    """"Somalia's President, Hassan Sheikh Mohamud, met ...": an apposition of the same country
    names the same actor again, not a second party."""
    if len(sources) < 2:
        return sources
    heads = {m.head: m for m in sources}
    out = []
    for m in sources:
        tok = sent.doc[m.head]
        other = heads.get(tok.head.i) if tok.dep_ == "appos" else None
        if other is not None and other is not m and other.country and other.country == m.country:
            continue
        out.append(m)
    return out


def _default_targets(v, passive: bool, clause_after: list, by_head: dict[int, Mention], after: int = -1) -> list[Mention]:
    """Without a ``+`` slot: the direct object (in the passive, the subject) when it is an actor,
    else the first actor in the verb's own clause after it ("restore ties with Gondor"); when the
    pattern ends in a preposition (token ``after``), first the actor after it ("expressed support
    to Manila and concern over Chinese actions": what the concern is over)."""
    if passive:
        subjects = _patients(v)
        found = _counted_mentions(subjects, by_head)
        if found:
            return found
        # "The coup in Niger was condemned by X", "the killing of protesters by police was
        # condemned": read the subject as the active reads its object.
        found = _event_agents(v, subjects, by_head)
        if found:
            return found
        found = _first_actor([t for s in subjects if s.i < v.i for t in s.subtree if t is not s], by_head)
        if found:
            return found
    else:
        objects = _objects(v)
        found = _counted_mentions(objects, by_head)
        if found:
            return found
        found = _event_agents(v, objects, by_head)
        if found:
            return found
    if after >= 0:
        # "expressed outrage over the killing of Palestinians by Israeli forces": the event after
        # the pattern's preposition is answered for by its "by" agent.
        lead = None
        for prep in clause_after:
            if prep.i == after:
                lead = prep
                found = _event_agents(v, [c for c in prep.children if c.dep_ == "pobj"], by_head)
                if found:
                    return found
                break
        if lead is not None and _heads_phrase(lead):
            # "sent troop reinforcements to the area after the Cambodian prime minister ...": the
            # party is in the phrase of the pattern's preposition, or before it ("fired tear gas to
            # fend off demonstrators on the perimeter"), not in a later phrase
            return _first_actor([t for t in clause_after if t.i > after and lead.is_ancestor(t)], by_head) \
                or _first_actor([t for t in clause_after if t.i < after], by_head)
        found = _first_actor([t for t in clause_after if t.i > after], by_head)
        if found:
            return found
    return _first_actor(clause_after, by_head)


def _objects(v) -> list:
    """The verb's objects; in an object relative clause the noun it describes ("two soldiers that
    the rebels captured", "the fishermen the navy seized": the soldiers, the fishermen)."""
    objects = [c for c in v.children if c.dep_ in _OBJECT_DEPS]
    if v.dep_ != "relcl" or v.head.i > v.i:
        return objects
    relative = [c for c in objects if c.dep_ == "dobj" and c.tag_ in ("WDT", "WP") and c.i < v.i]
    if relative and relative[0].lower_ == "which" and any(
            c.lower_ == "," and c.i == relative[0].i - 1 for c in (*v.head.children, *v.children)):
        # "requested his extradition from Sweden, which Sweden rejected": what the comma's
        # "which" takes up is the clause before, not the noun next to it
        return [c for c in objects if c not in relative]
    if relative:
        return [v.head] + [c for c in objects if c not in relative]
    if not any(c.dep_ == "dobj" for c in objects) and any(
            c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") for c in v.children) and not any(
            t.tag_ in ("WDT", "WP", "WRB") for c in v.children if c.i < v.i for t in c.subtree):
        # no relative word at all ("the fishermen the navy seized"); "around which rebels and
        # troops have engaged", "where troops killed": the noun is where, not whom
        return [v.head] + objects
    return objects


def _first_actor(clause_after: list, by_head: dict[int, Mention]) -> list[Mention]:
    for t in clause_after:
        if t.i in by_head and t.tag_ != "PRP$":  # "their resumption of ties": not the target
            if _place_prep(t, by_head[t.i]) >= 0:
                continue  # "held talks in Istanbul": a place, not the other party ("drills near Taiwan" is)
            if _cited(t):
                continue
            return _mentions_at(_expand([t]), by_head)
    return []


def _cited(t) -> bool:
    """Whether ``t`` is in an "according to" phrase, which names who told the news ("used tear
    gas ..., according to news agency Beta"), or in one of cause or time, which tells why or
    when ("warned of a lack of resources, partly due to a cut in funding from the United
    States", "amid tensions with Russia"): no party to the act either way."""
    h = t
    for _ in range(8):
        if h.head is h:
            return False
        below = h
        h = h.head
        low = h.lower_
        if low == "according":
            return True
        if below.dep_ == "pobj" and low in _EXCLUDING:
            return True  # "a summit of Western Hemisphere countries minus the United States": left out
        if below.dep_ == "pobj" and (low in _CIRCUMSTANCES or (low == "to" and h.head.lower_ == "due")
                                     or (low == "of" and h.head.lower_ == "because")):
            return True
        if h.pos_ == "VERB" or h.pos_ == "AUX":
            return False  # the act's own clause: what lies above is another clause
    return False


# Prepositions whose object is left out of what the phrase names.
_EXCLUDING = frozenset({"minus", "except", "excluding"})


# Prepositions whose phrase tells when or why, not whom (convention 18).
_CIRCUMSTANCES = frozenset({"amid", "amidst", "despite", "since", "following", "during", "before", "after", "because"})


def _place_prep(t, m: Mention) -> int:
    """The preposition that makes the actor word ``t`` (of mention ``m``) name where an act took
    place, not whom it was done to, or -1: a city after in, near... ("talks in Istanbul"), the
    words naming a place there ("met in the U.S. capital Washington D.C.", "in the Ethiopian city
    of Bahir Dar"), or the land a place belongs to ("areas of the province of Idlib", "the
    outskirts of Kyiv", "parts of Ukraine")."""
    if t.dep_ == "pobj":
        prep = t.head.lower_
        if m.place and prep in _SETTING and (_is_city(t.text) or (m.text != t.text and _is_city(m.text))):
            return t.head.i  # (a city of several words is named by all of them: "Addis Ababa")
        if prep == "of" and t.head.head.lower_ in _PLACE_PARTS:
            return t.head.i
        return -1
    # A word naming the place a place noun stands for: "the U.S. capital", "the Ethiopian city".
    n = t
    for _ in range(3):
        if n.dep_ not in _PLACE_NAMING or n.head.i == n.i:
            return -1
        n = n.head
        low = n.lower_
        if low in _PLACE_HEADS or low in _PLACE_PARTS:
            if n.dep_ == "pobj" and n.head.lower_ in _SETTING:
                return n.head.i
            return -1
    return -1


def _protest_setting(t) -> bool:
    """Whether the actor word ``t`` is where a protest took place ("in Nicaragua", "across the
    country"), not whom it is against."""
    return t.dep_ == "pobj" and t.head.lower_ in _SETTING


# How a word hangs on the place noun it names ("the U.S. capital Washington D.C.").
_PLACE_NAMING = frozenset({"compound", "amod", "nmod", "appos", "poss"})


# Prepositions after which a city is where the event took place, not a party ("talks in
# Istanbul"; but "fired shells at Seoul").
_SETTING = frozenset({"in", "inside", "near", "around", "throughout", "across"})

# Verbs whose plural subject acts on itself ("Indian and Pakistani forces exchanged fire").
_EXCHANGING = frozenset({"exchange", "trade", "swap"})
# Roots of acts that several subjects with no other party do among themselves (above), and the
# codes of those roots that are done to a third party even so: mediating (045, 039), visiting or
# hosting (042, 043), pledging aid (033), praising, defending, rallying, recognising, apologising
# or forgiving (051-056), and yielding other than a truce (08 but 087).
_JOINT_ROOTS = frozenset({"03", "04", "05", "06", "08"})
_THIRD_PARTY_CODES = ("039", "045", "042", "043", "033", "051", "052", "053", "054", "055", "056")


# Verbs that tell a meeting or talks, whose "in" phrase is where they took place.
_MEETING_VERBS = frozenset({"meet", "talk", "confer", "negotiate", "convene", "gather", "hold", "discuss"})
# Votes a government holds ("boycott the elections", "a boycott of the runoff").
_ELECTIONS = frozenset({"election", "elections", "vote", "poll", "polls", "ballot", "runoff", "run-off", "referendum"})


def _of_elections(words, post):
    """The word of the pattern or object of the clause that names a vote ("boycott the
    elections", "called for a boycott of the runoff"), or None."""
    for t in words:
        if t.lower_ in _ELECTIONS:
            return t
    return next((t for t in post if t.lower_ in _ELECTIONS and t.dep_ in ("dobj", "pobj")), None)


def _election_holders(sources: list[Mention], vote) -> list[Mention]:
    """The government of the sources' one country, named by the vote's word, as an inferred
    party; none if they are the government themselves or of no or several countries."""
    country = _home(sources)
    if country is None or any(s.agent == "GOV" for s in sources):
        return []
    s = sources[0]
    return [replace(s, head=vote.i, start=vote.i, end=vote.i + 1, code=country + "GOV", agent="GOV", type="agent",
                    text=vote.text, via=None, inferred=True, partners=(), also=(), owner=None, alts=(),
                    entry=f"the government holding the {vote.text}, of {s.text} (inferred)")]


def _opened_fire(v, words) -> bool:
    """"insurgents and government forces opening fire" with no one fired on named: sides of one
    battle, who fire on each other (convention 34)."""
    return v.lemma == "open" and any(t.lower_ == "fire" for t in words)


def _one_for_several(a: Mention, b: Mention) -> bool:
    """Whether two mentions on one word are the several actors a pronoun stands for ("India and
    Pakistan ... they"), who may act on each other."""
    return a in b.also or b in a.also


def _joint_code(code: str) -> bool:
    """Whether several subjects with no other party do the act ``code`` among themselves."""
    if code[:2] not in _JOINT_ROOTS or code.startswith(_THIRD_PARTY_CODES):
        return False
    return code[:2] != "08" or code.startswith("087")
# Verbs of a fight whose plural subject, with nobody else named, fights itself ("clashed").
_FIGHTING = frozenset({"clash", "fight", "battle", "skirmish", "engage"})  # ("exchange": _EXCHANGING)
# Verbs of driving back an attack, which the attackers made: "the army repelled a rebel attack"
# is a fight of both sides.
_REPELLING = frozenset({"repel", "repulse"})

# Roles of a state's coercive forces (for violent repression of its own protesters, 175).
_FORCES = frozenset({"COP", "MIL", "GOV"})
# Taking people: an abduction (181) by armed groups, a detention (173) by a state's forces.
_TAKING = frozenset({"capture", "seize", "grab", "snatch", "nab"})
# Where a verb of accusing (actors.ACCUSING) names the accused act: "accused X of firing",
# "blamed X for the incursions", "accused X over the attacks", "alleged|charged that X fired".
_ACCUSED_ACT = frozenset({"of", "for", "over"})
# Verbs by which two parties trade accusations ("traded accusations of starting a shootout").
_TRADING = frozenset({"trade", "exchange"})
_FORCE_CODE_ROOTS = frozenset({"18", "19", "20"})
# Who suffers abuse rather than aggression: "accused the forces of violence against protesters".
_ABUSED_ROLES = frozenset({"CVL", "OPP", "MED", "REF", "HRI", "EDU", "LAB", "REL"})
_ABUSED_WORDS = frozenset({"civilian", "protester", "demonstrator", "journalist", "people", "villager", "resident",
                           "woman", "child", "activist", "worshipper", "student", "monk", "priest", "refugee",
                           "pilgrim", "population"})


def _force_codes(lex, tok) -> bool:
    """Whether the verb dictionaries code the word (a verb, with its particle or object word, or
    an event noun) as force: "shoot", "open fire", "ram", "kidnapping", "incursion"."""
    if tok.pos_ == "NOUN":
        return any(p.code[:2] in _FORCE_CODE_ROOTS for _, p in lex.nouns.get(tok.lower_, ()))
    index = lex.verbs.get(tok.lemma)
    if index is None:
        return False
    if any(p.code[:2] in _FORCE_CODE_ROOTS and not p.post for _, p in index.bare):
        return True
    for c in tok.children:
        if (c.dep_ == "dobj" or c.dep_ == "prt") and any(
                p.code[:2] in _FORCE_CODE_ROOTS and len(p.post) == 1
                for _, p, *_ in (index.by_anchor.get(c.lower_) or index.by_anchor.get(c.lemma, ()))):
            return True  # "opening fire"
    return False


def _abused(tok, by_head) -> bool:
    """Whether the accused act was done to civilians: its object, or its noun's "against"/"on"/"of"
    phrase ("the killing of our people"), names people who are no party in arms."""
    for c in tok.children:
        if c.dep_ == "dobj" or (c.dep_ == "prep" and (c.lower_ == "against" or c.lower_ == "on"
                                                      or (c.lower_ == "of" and tok.pos_ == "NOUN"))):
            objects = [c] if c.dep_ == "dobj" else [p for p in c.children if p.dep_ == "pobj"]
            for o in objects:
                for w in [o] + list(o.conjuncts):
                    # "killing thousands of civilians": the people a count counts
                    for x in [w] + ([p for c in w.children if c.dep_ == "prep" and c.lower_ == "of"
                                     for p in c.children if p.dep_ == "pobj"]
                                    if w.lower_ in _COUNTING or w.tag_ == "CD" else []):
                        m = by_head.get(x.i)
                        if (m is not None and m.agent in _ABUSED_ROLES) or x.lemma in _ABUSED_WORDS or any(
                                c.lemma == "civilian" for c in x.subtree if c.i < x.i):
                            return True  # (or "civilian areas", "civilian populated areas")
    return False


def _accused_of(lex, v, by_head) -> str | None:
    """The accusation's code from the act it accuses of: force (the verb dictionaries' roots
    18-20) is aggression (1123), or abuse of human rights when done to civilians (1122)."""
    acts = []
    preps = []
    # the parser often hangs "of ramming" on the accused ("accused China of ramming", "accused
    # elements in the MDC of hiring"): the accused act's phrase is looked for down the accused
    stack = [c for c in v.children if c.dep_ == "dobj" or c.dep_ == "prep"]
    for c in v.children:
        if c.dep_ == "ccomp":
            acts.append(c)  # "alleged that Indian forces fired without provocation"
    while stack:
        c = stack.pop()
        if c.dep_ == "prep" and c.lower_ in _ACCUSED_ACT:
            preps.append(c)
        else:
            stack.extend(x for x in c.children if x.dep_ == "prep" or x.dep_ == "pobj")
    for c in preps:
        for p in c.children:
            if p.dep_ == "pcomp" or p.dep_ == "pobj":
                acts.append(counted_acts(p) or p)  # "for a string of kidnappings"
    # (accusations traded are named as the accusing verb names them: "of corruption" 1121)
    index = lex.verbs.get("accuse" if v.lemma in _TRADING else v.lemma)
    found = None
    for a in acts:
        for w in [a] + [x for x in a.conjuncts if x.pos_ == a.pos_]:
            # one of several acts accused of that abuses civilians makes the accusation one of
            # abuse ("of using artillery and deliberately targeting civilians")
            code = _accused_act(lex, index, w, by_head)
            if code == "1122":
                return code
            found = found or code
    return found


def _accused_act(lex, index, w, by_head) -> str | None:
    """The accusation's code from one act ``w`` accused of (``_accused_of``), or None."""
    # "of arming thugs to attack officers": the force an act is for is accused too
    for u in [w] + [x for x in w.children if (x.dep_ == "xcomp" or x.dep_ == "advcl") and x.pos_ == "VERB"]:
        named = _named_accusation(index, u) if index is not None else None
        if named is not None:
            return named
        if _force_codes(lex, u) or _warlike(u):
            return "1122" if _abused(u, by_head) else "1123"
        if u.lemma == "violence" and _abused(u, by_head):
            return "1122"  # "of excessive violence against protesters"; not "of inciting violence"
    # "of using intimidation and violence against the opposition", "of carrying out the
    # random killing of our people": the force an act's object names
    # (not what one incites: "of inciting violence")
    for o in [x for c in w.children if c.dep_ == "dobj" and w.lemma not in _INCITING
              for x in [c] + list(c.conjuncts)]:
        if o.lemma == "violence" and _abused(o, by_head):
            return "1122"
        if o.pos_ == "NOUN" and _force_codes(lex, o):
            return "1122" if _abused(o, by_head) else "1123"
    return None


# Verbs of stirring others to act, whose object is no act of the accused's own.
_INCITING = frozenset({"incite", "foment", "provoke", "stoke", "instigate", "encourage", "fuel", "spark"})
# Acts of war the verb dictionaries leave to their objects: "firing first", "harassing vessels".
_WAR_VERBS = frozenset({"fire", "shoot", "harass", "invade", "shell", "bomb", "militarize", "militarise", "target"})
# Words that make an accused act one of war: "sending tanks and soldiers", "resuming offensive
# military operations", "building up its armed forces", "a hand in firebombing attacks".
_WAR_WORDS = frozenset({"tank", "troop", "soldier", "military", "offensive", "incursion", "attack", "airstrike",
                        "shelling", "bombing", "firebombing", "aggression", "invasion", "advance", "army", "armed",
                        "warplane", "missile", "rocket", "artillery", "gunfire", "war", "shootout", "firefight",
                        "gunbattle"})
# Backing a party in arms, whatever its words ("providing military support to rebels"): 112.
_PATRONAGE = frozenset({"support", "aid", "assistance", "backing", "help", "training", "funding"})
# Links inside the accused act's own phrase (not into a clause of its own).
_ACT_PHRASE = frozenset({"dobj", "prep", "pobj", "pcomp", "amod", "compound", "conj", "nmod", "advmod", "prt"})


# Nouns of asking whose infinitive says what was asked ("calls to send troops").
_ASKING_NOUNS = frozenset({"request", "call", "demand", "appeal", "plea", "ultimatum", "proposal", "offer", "bid",
                           "invitation", "suggestion"})
# Roles of armed groups a state fights: killing their commanders is war, not assassination (a
# state's own general killed, "killed Iranian general Soleimani in an air strike", stays 186).
_ARMED_FOES = frozenset({"REB", "INS", "UAF", "SEP"})
# Verbs of threatening, and the acts of force they may threaten beyond _warlike's words.
_THREAT_VERBS = frozenset({"threaten", "warn", "vow", "swear", "pledge"})
_FORCE_ACTS = frozenset({"intervene", "neutralize", "neutralise", "crush", "destroy", "annihilate", "strike", "attack",
                         "invade", "bomb", "wipe", "eliminate", "obliterate", "raze", "hit", "target", "shoot", "kill",
                         "fight", "intervention", "annihilation", "war"})
_AHEAD = frozenset({"will", "would", "shall", "'ll"})


def _own_side(u, source: Mention, by_head: dict) -> bool:
    """Whether the subject of ``u`` is the source's side: a mention of its country, or a pronoun
    or a phrase a possessive pronoun owns ("it will strike", "his country will strike", "our
    forces would respond"), as a speaker names its own."""
    subjects = [t for t in u.children if t.dep_ == "nsubj"]
    for m in _mentions_at(_expand(subjects), by_head):
        return m.country is not None and m.country == source.country
    return any((t.tag_ == "PRP" and t.lower_ != "you") or any(p.tag_ == "PRP$" and p.dep_ == "poss" for p in t.children)
               for t in subjects)


def _threatens_force(v, source: Mention, by_head: dict) -> bool:
    """Whether the threat verb ``v`` threatens force: its infinitive ("vowed to neutralize"),
    what it warns against ("warned ECOWAS against military intervention"), or its "that" clause
    when the threatening side is who will act ("warned that his country will strike")."""
    # ("warned ECOWAS against military intervention": the parser may hang "against" on the object)
    links = list(v.children) + [p for c in v.children if c.dep_ == "dobj" for p in c.children]
    told = any(c.dep_ == "dobj" for c in v.children)  # "warned Pyongyang not to attack": its act, not the warner's
    for c in links:
        acts = []
        if c.dep_ == "xcomp" and not told:
            acts = [c]
        elif c.dep_ == "dobj" and c.head is v and v.lemma != "warn":
            acts = [c]  # "threatened a military intervention", "vowed retaliation by force"
        elif c.dep_ == "prep" and c.lower_ == "against":
            acts = [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ == "ccomp" and any(a.lower_ in _AHEAD for a in c.children if a.dep_ == "aux") \
                and _own_side(c, source, by_head):
            acts = [c]
        for u in acts:
            if u.lemma in _FORCE_ACTS or _forceful_phrase(u):
                return True
    return False


def _warned_against(v) -> bool:
    """Whether "warn" warns its object against an act the object may do ("warned Greece against
    continuing its practices"), a demand; the warner's own acts are its threats (_threatens_force)."""
    if not any(c.dep_ == "dobj" for c in v.children):
        return False
    links = list(v.children) + [p for c in v.children if c.dep_ == "dobj" for p in c.children]
    return any(c.dep_ == "prep" and c.lower_ == "against" for c in links)


# What a threatened penalty is, by the words of the threatened act: cutting relations (1313),
# economic sanctions (1312), aid (1311); "review all cooperation", "sanctions", "stop aid".
_CUTTING = frozenset({"suspend", "cut", "sever", "break", "review", "freeze", "downgrade", "reconsider", "withhold",
                      "end", "halt", "stop", "reduce", "withdraw", "recall", "expel", "close", "expulsion"})
_TIES = frozenset({"relation", "tie", "cooperation", "agreement", "contact", "ambassador", "embassy", "diplomat",
                   "mission", "commonwealth", "membership"})
_TRADE = frozenset({"sanction", "tariff", "embargo", "boycott", "economic", "trade", "import", "export", "shipment"})
_AID = frozenset({"aid", "assistance", "funding", "loan", "grant"})


def _others_act(subject, source: Mention, by_head: dict) -> bool:
    """Whether a clause's subject names another party than ``source`` ("Trump's new tariff")."""
    return any(t.i in by_head and by_head[t.i].code != source.code for t in subject.subtree)


def _threat_kind(v, source: Mention, by_head: dict) -> str | None:
    """The code of a threat of a non-military penalty, by the words of the act threatened (the
    verb's infinitive, "that" clause or object, or its "with" phrase), or None. A "that" clause
    whose subject names another party tells of that party's act, not of the penalty."""
    acts = [c for c in v.children if c.dep_ in ("xcomp", "ccomp", "dobj")]
    acts += [p for c in v.children if c.dep_ == "prep" and c.lower_ in ("with", "of") for p in c.children if p.dep_ == "pobj"]
    words: set = set()
    for a in acts:
        # (of a clause, what it does, not its subject: "warned that Trump's new tariff would
        # hurt both economies" threatens no tariff of the warner's)
        parts = [a]
        if a.dep_ == "ccomp":
            parts = [c for c in a.children if not (c.dep_.startswith("nsubj") and _others_act(c, source, by_head))]
            words.add(a.lemma)
        for part in parts:
            words.update(t.lemma for t in part.subtree)
    if words & _TRADE:
        return "1312"
    if words & _CUTTING:
        if words & _TIES:
            return "1313"
        if words & _AID:
            return "1311"
    return None


# Words of force in a threatened act's own phrase ("intensify military pressure", "use military
# force", "launch an offensive"); not the soldiers or armies it names, who may be its target.
_FORCE_WORDS = frozenset({"attack", "strike", "airstrike", "offensive", "military", "war", "bombing", "invasion",
                          "incursion", "intervention", "assault"})


def _forceful_phrase(u) -> bool:
    """Whether a word of force stands in ``u``'s object phrase, up to three links down."""
    if u.lemma == "use" and any(c.dep_ == "dobj" and c.lemma == "force" for c in u.children):
        return True  # "use force" ("a peacekeeping force" is who, not how)
    level = [c for c in u.children if c.dep_ in ("dobj", "amod", "prep", "compound")]
    for _ in range(3):
        below = []
        for t in level:
            if t.lemma in _FORCE_WORDS and not (t.lemma == "military" and t.dep_ != "amod"):
                return True
            below.extend(c for c in t.children if c.dep_ in ("amod", "compound", "prep", "pobj", "conj"))
        level = below
    return False


def _named_accusation(index, u) -> str | None:
    """The code the accusing verb's own patterns give the accused act ``u`` ("accuse + of plot"),
    found where the patterns' fixed "of <word>" cannot reach it: behind "trying to", "seeking
    to" ("accused protesters of trying to overthrow the government") or in the act's object
    ("of fomenting a coup attempt"). Words of several words need them all in the act's phrase."""
    near = [u] + [c for c in u.children if c.dep_ in _NAMED_ACT_LINKS]
    near += [c for x in near[1:] for c in x.children if c.dep_ == "compound"]
    words = {x.lower_ for x in near} | {x.lemma for x in near}
    for x in near:
        for key in (x.lower_, x.lemma):
            for _, p, *_ in index.by_anchor.get(key, ()):
                if p.code[:3] != "112" or len(p.code) < 4 or not p.post or not isinstance(p.post[-1], Words):
                    continue
                if any(alt[0] == key and all(w in words for w in alt[1:]) for alt in p.post[-1].alternatives):
                    return p.code
    return None


# Links from an accused act to the words that may name it ("fomenting a coup attempt").
_NAMED_ACT_LINKS = frozenset({"dobj", "pobj", "compound"})


def _warlike(u) -> bool:
    """Whether an accused act is one of war by its words: a verb of war ("fire" with no object
    of its own: "accused each other of firing first"), or a word of war in its own phrase, up
    to three links down ("bracing for a fresh offensive"). Backing or arming a party is not."""
    if u.lemma in _WAR_VERBS and not (u.lemma == "fire" and any(c.dep_ == "dobj" for c in u.children)):
        return True  # "fired the minister" is a dismissal
    if u.lemma in _WAR_WORDS:
        return True
    level = [u]
    for _ in range(3):
        below = []
        for t in level:
            for c in t.children:
                if c.dep_ in _ACT_PHRASE and c.lemma not in _PATRONAGE:
                    if c.lemma in _WAR_WORDS or c.lower_ in _WAR_WORDS or (c.lower_ == "fire" and c.pos_ == "NOUN"
                                                                         and c.dep_ == "dobj"):
                        return True  # ("initiating the fire"; not "firing tear gas", "fired the minister")
                    below.append(c)
        level = below
    return False


# The appeal for an act, by the act's code (longest prefix): CAMEO's 02x mirror the acts.
_APPEALED = {"04": "026", "05": "022", "06": "021", "061": "0211", "062": "0212", "063": "0213", "064": "0214",
             "07": "023", "071": "0231", "072": "0232", "073": "0233", "074": "0234", "08": "025", "081": "0251",
             "082": "0252", "083": "0242", "0831": "0241", "0832": "0243", "0833": "0244", "084": "0253",
             "085": "0254", "086": "0255", "087": "0256"}


def _infinitive_act(lex, v, with_slot: bool = False, link: str = "xcomp") -> str | None:
    """The code the verb dictionaries give the act of the verb's "to" infinitive (its verb with
    its object word, or the verb alone; ``with_slot``: also the verb's pattern with a target slot
    only, "jail +"), or None. ``link``: "acl" for a noun's infinitive ("calls to send troops")."""
    for x in v.children:
        if x.dep_ != link or x.i < v.i or (link != "ccomp" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)):
            continue
        index = lex.verbs.get(x.lemma)
        if index is None:
            return None
        # (the object as written or as its lemma: "to revive negotiations" is "revive negotiation")
        codes = [p.code for c in x.children if c.dep_ == "dobj" or c.dep_ == "prt"
                 for _, p, *_ in (index.by_anchor.get(c.lower_) or index.by_anchor.get(c.lemma, ())) if len(p.post) == 1]
        codes += [p.code for _, p in index.bare if not p.post or (with_slot and p.post == ("+",))]
        for code in codes:
            if code != NO_EVENT:
                return code
        return None
    return None


# Infinitives after "warned X to" that tell what X must bear, the warner's threat: "warned New
# Zealand to expect retaliation".
_BRACING = frozenset({"expect", "face", "brace", "prepare", "anticipate"})


def _warned_to_do(v) -> bool:
    """Whether "warn" tells its object to do or not to do something ("warned Beijing not to seek
    to influence the elections", "warned the commander to stop"), naming no act of the warner's."""
    return any(x.dep_ == "xcomp" and x.i > v.i and x.lemma not in _BRACING
               and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children) for x in v.children)


def _refined_code(lex, v, lemma: str, code: str, s: Mention, tm: Mention | None, subject_tokens, by_head: dict) -> str:
    """A pattern's general code made specific by what its clause says: a threat of force (138),
    a warning that tells its object what to do (a demand, 100), a ceasefire agreement (0871), a
    demand with a deadline (139) or for a named act (10x), the refusal of a named request (12x),
    a state killing an armed group's commanders (force, not assassination)."""
    if code == "130":
        if lemma in _THREAT_VERBS and _threatens_force(v, s, by_head):
            # "vowed to neutralize the militants", "warned that his country will strike Israel",
            # "warned ECOWAS against military intervention": a threat of military force
            return "138"
        if lemma == "warn" and (_warned_to_do(v) or _warned_against(v)):
            # "warned Beijing not to seek to influence the elections", "warned Russia against
            # 'outlaw actions'": a warning that names no act of the warner's own is a demand
            # (conventions 29 and 39)
            return "100"
        if lemma in _THREAT_VERBS:
            # "warned that Argentina could suspend bilateral agreements" (1313), "threatened
            # Australia with economic retaliation" (1312): a threat of a non-military penalty
            return _threat_kind(v, s, by_head) or code
    elif code == "100":
        if _has_deadline(v):
            return "139"  # "issued a list of demands it must meet within 10 days": an ultimatum
        if lemma in _DEMANDING:
            return _demanded_act(lex, v) or code  # "demanded that President Kenyatta resign": 1041
    elif code == "120":
        return _refused_act(lex, v) or code  # "rejected Hasina's appeal to call off the strike": 1242
    elif code == "186":
        if tm is not None and tm.agent and tm.agent[:3] in _ARMED_FOES and (s.agent is None or s.agent in _FORCES):
            # "Israel killed three senior Hamas commanders in an air strike": a state killing an
            # armed group's leaders in its war on the group uses force; an assassination (186)
            # is the killing of a political figure
            return _weapon_code(v, subject_tokens, "190")
    elif _ceasefire_accord(v):
        return "0871"  # "reached a ceasefire agreement": the truce is the act agreed
    return code


# Codes of agreeing that a ceasefire agreement makes a truce (0871).
_ACCORD_CODES = frozenset({"030", "057", "0311", "036"})
_ACCORD_NOUNS = frozenset({"agreement", "deal", "accord", "pact", "arrangement", "agreements", "deals"})
# The general codes _refined_code may make specific.
_REFINED_CODES = frozenset({"130", "100", "120", "186"}) | _ACCORD_CODES
_TRUCE_WORDS = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "fire"})


def _ceasefire_accord(v) -> bool:
    """Whether the agreement the verb is about is a ceasefire ("reached a ceasefire agreement",
    "a cease-fire deal", "a ceasefire agreement reached by the two sides")."""
    nouns = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if v.dep_ in ("acl", "relcl") and v.head is not v:
        nouns.append(v.head)
    return any(n.lower_ in _ACCORD_NOUNS and any(c.dep_ in ("compound", "amod") and c.lower_ in _TRUCE_WORDS
                                                 for c in n.children) for n in nouns)


# Nouns of time a deadline counts in ("within 10 days").
_DEADLINE_UNITS = frozenset({"day", "days", "hour", "hours", "week", "weeks"})


def _has_deadline(v) -> bool:
    """Whether a demand sets a deadline in its own clause ("demands it must comply with within 10
    days"): a number of days, hours or weeks after "within", or the word "deadline"."""
    for t in v.subtree:
        if t.lower_ == "deadline" or t.lower_ == "ultimatum":
            return True
        if t.lower_ in _DEADLINE_UNITS and any(c.dep_ == "nummod" for c in t.children) \
                and t.dep_ == "pobj" and t.head.lower_ == "within":
            return True
    return False


# Verbs of demanding whose clause or infinitive names what is demanded.
_DEMANDING = frozenset({"demand", "insist"})


def _demanded_act(lex, v) -> str | None:
    """The demand code (10x) for demanding an act the verb's "that" clause or infinitive names, as
    the dictionaries code that act: "demanded that the U.S. end the drills" (1056, as the appeal
    for it would be 0256), "demanded that Georgia return the vehicles" (1053); or None."""
    code = _infinitive_act(lex, v, link="ccomp") or _infinitive_act(lex, v)
    appeal = by_longest_prefix(_APPEALED, code) if code is not None else None
    return "10" + appeal[2:] if appeal is not None and len(appeal) > 2 else None


def _refused_act(lex, v) -> str | None:
    """The refusal code (12x) for rejecting a request, call or demand whose infinitive names what
    it asked for: "rejected calls from Sierra Leone to send combat troops" (1224, as the appeal
    for that act would be 0234), or None."""
    for o in v.children:
        if o.dep_ == "dobj" and o.lemma in _ASKING_NOUNS:
            # (the parser may hang the infinitive on the verb: "rejected calls from Sierra Leone
            # to send troops")
            code = _infinitive_act(lex, o, link="acl") or _infinitive_act(lex, v, link="advcl")
            appeal = by_longest_prefix(_APPEALED, code) if code is not None else None
            if appeal is not None:
                return _REFUSING.get(appeal[2:])
    return None


def _promised_act(lex, v) -> str | None:
    """The code of the act the infinitive of a generic promise names, when it is no cooperation:
    "promised to jail for many years dissidents" (173) is a threat of that act, not an intent to
    cooperate. None for an act of a cooperative root or of no pattern."""
    code = _infinitive_act(lex, v, with_slot=True)
    return None if code is None or code[:2] in _NO_THREAT_ROOTS else code


# Roots of acts whose promise is no threat: words, appeals, intents and cooperation.
_NO_THREAT_ROOTS = _COOPERATIVE_ROOTS | {"01", "02", "03"}


def _appealed(lex, v) -> str | None:
    """The code of an appeal for the act its infinitive asks for, as the verb dictionaries code
    that act (its verb with its object word, or the verb alone): "to convene a meeting" (04: 026),
    "to endorse the communique" (05: 022), "to release the prisoners" (0841: 0253). None when
    the act is of no root with an appeal of its own."""
    # (the parser may hang the infinitive on the appeal as an adverbial clause: "called on
    # opposition fighters in Aleppo to drop their weapons")
    code = _infinitive_act(lex, v) or _infinitive_act(lex, v, link="advcl")
    if code is None:
        code = _asked_act(v) or _means_act(lex, v)
    return by_longest_prefix(_APPEALED, code) if code is not None else None


# Acts an appeal asks for that the verb dictionaries give no code of their own, by what they
# are: telling what one knows ("to clarify the matter", "to supply details": 064), stopping
# military action ("to halt its belligerent action", "to drop their weapons": 087), and talking
# ("to come back to the peace table", "to pursue direct dialogue": 04).
_EXPLAINING = frozenset({"clarify", "explain", "disclose", "reveal", "divulge", "elaborate"})
_GIVING = frozenset({"provide", "supply", "produce", "share", "give", "present", "submit", "furnish", "hand"})
_KNOWN = frozenset({"detail", "information", "evidence", "explanation", "data", "proof", "intelligence",
                    "clarification", "account", "fact", "answer"})
_STOPPING = frozenset({"halt", "stop", "end", "cease", "suspend", "drop", "lay", "de-escalate", "deescalate"})
_MILITARY_ACTS = frozenset({"action", "operation", "attack", "offensive", "hostility", "fighting", "shelling",
                            "bombing", "strike", "airstrike", "provocation", "incursion", "aggression", "weapon",
                            "arm", "escalation", "bombardment", "advance", "assault", "struggle", "war",
                            "violence", "insurgency", "rebellion", "campaign", "conflict"})
_TALKING = frozenset({"dialogue", "talk", "negotiation", "table", "talks"})
_VACATING = frozenset({"leave", "vacate", "quit", "get", "withdraw", "pull"})
_HELD_GROUND = frozenset({"water", "street", "territory", "area", "region", "country", "land", "zone", "island",
                          "border", "town", "city", "village", "base", "position", "soil", "airspace"})
_TALK_VERBS = frozenset({"pursue", "resume", "hold", "open", "start", "begin", "enter", "join", "return", "come"})


def _asked_act(v) -> str | None:
    """The code of the act an appeal's infinitive asks for, by _EXPLAINING, _STOPPING and
    _TALKING, when the verb dictionaries give it none; None when it is none of those."""
    for x in v.children:
        if (x.dep_ != "xcomp" and x.dep_ != "advcl") or x.i < v.i \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            continue
        return _asked_code(x)
    return None


def _asked_code(x) -> str | None:
    """The code _asked_act gives the infinitive ``x`` itself."""
    words = {c.lemma for c in x.children if c.dep_ in ("dobj", "prt")}
    # (the objects of its prepositions, also after a particle: "to come back to the table")
    words |= {p.lemma for c in x.children for d in (c, *c.children) if d.dep_ == "prep"
              for p in d.children if p.dep_ == "pobj"}
    if x.lemma in _EXPLAINING or (x.lemma in _GIVING and words & _KNOWN):
        return "064"
    if x.lemma in ("de-escalate", "deescalate") or (x.lemma in _STOPPING and words & _MILITARY_ACTS) \
            or (x.lemma in _VACATING and words & _HELD_GROUND):
        return "087"  # (or to leave ground held: "to leave the waters", "to get off the streets")
    if x.lemma in _TALK_VERBS and words & _TALKING:
        return "04"
    return None


# Verbs of the means to an act an appeal asks for, whose own infinitive names the act: "to take
# steps to de-escalate", "to follow through on an order to end military operations".
_BY_MEANS = frozenset({"take", "adopt", "follow", "make", "do", "work", "act", "move", "use", "implement", "honour",
                       "honor", "respect", "carry"})


def _means_act(lex, v) -> str | None:
    """The code of the act named by the infinitive of an appeal's means: "urged Kurti to adopt
    steps to de-escalate the situation" asks for de-escalation as "urged Kurti to de-escalate"."""
    for x in v.children:
        if x.dep_ != "xcomp" or x.i < v.i or x.lemma not in _BY_MEANS \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            continue
        for y in x.subtree:
            if y is x or y.pos_ != "VERB" or y.dep_ not in ("acl", "relcl", "xcomp", "advcl") \
                    or not any(c.dep_ == "aux" and c.lower_ == "to" for c in y.children):
                continue
            code = _infinitive_act(lex, y.head, link=y.dep_) or _asked_code(y)
            if code is not None:
                return code
        return None
    return None


def _inside_denied_act(v, tm, sent) -> bool:
    """Whether the target of a denial is named only inside the act denied ("denied arresting
    Tsvangirai", "denied any involvement in supporting the M23")."""
    t = sent.doc[tm.head]
    for _ in range(12):
        if t.i == v.i or t.head.i == t.i:
            return False
        t = t.head
        if t.i != v.i and (t.pos_ == "VERB" or t.pos_ == "AUX"):
            return True
    return False


# Verbs by which a state commands its own forces, no act toward another party.
_COMMANDING = frozenset({"order", "command", "instruct", "direct"})
_ARMED_SERVICES = frozenset({"MIL", "COP"})
# Roles that fight: driven out of a place, they are beaten in a fight (190), not expelled (201).
_FIGHTING_ROLES = frozenset({"MIL", "COP", "REB", "UAF", "SPY"})
# Roles that are people (not bodies, papers or firms): what "seized" takes of them is themselves.
_PEOPLE_ROLES = frozenset({"CVL", "REF", "MIL", "COP", "REB", "UAF", "OPP", "ELI", "CRM", "LEG", "EDU", "LAB", "REL", "AGR"})

# Verbs whose subject may be the means rather than the actor ("the air strike killed ...").
_HARMING = frozenset({"kill", "wound", "injure", "hit", "destroy", "damage", "target", "strike", "level", "flatten"})
# Verbs of taking people, whose makers an attack's "by" phrase names as a harming verb's.
_ABDUCTING = frozenset({"kidnap", "abduct", "seize", "capture", "take"})
# Verbs of holding people, told in headlines without "were" ("two activists arrested in Minsk").
_DETAINING = frozenset({"arrest", "detain", "jail", "imprison", "sentence", "convict", "execute"})

# Prepositions that put an event somewhere: a country or city after them is a place.


# "met in the US capital", "talks in the Ethiopian city of Bahir Dar": a place, not a party.
_PLACE_HEADS = frozenset({"capital", "city", "town", "village", "port", "province", "region"})


def _is_city(name: str) -> bool:
    if name.lower() in _PLACE_HEADS:
        return True
    place = gazetteer_lookup(name)
    return place is not None and place.kind in ("city", "state")


def _reciprocal(clause_after) -> bool:
    """Whether the clause has "each other" or "one another" ("accused each other"), or "the
    other" after a subject that "each" distributes ("Bangkok and Phnom Penh each accuse the
    other", "each side blamed the other")."""
    prev = None
    for t in clause_after:
        if prev is not None and prev.i == t.i - 1 and (
            (t.lower_ == "other" and prev.lower_ == "each") or (t.lower_ == "another" and prev.lower_ == "one")
            or (t.lower_ == "other" and prev.lower_ == "the" and _each_before(t))
        ):
            return True
        prev = t
    return False


def _each_before(t) -> bool:
    """Whether the verb over ``t`` has "each" before it, floating or on its subject."""
    v = t
    for _ in range(6):
        if v.head is v:
            return False
        v = v.head
        if v.pos_ == "VERB" or v.pos_ == "AUX":
            break
    else:
        return False
    for c in v.children:
        if c.i < v.i and (c.lower_ == "each" or (c.dep_ in ("nsubj", "nsubjpass") and any(
                d.lower_ == "each" for d in c.children))):
            return True
    return False


_PLACE_PREPOSITIONS = ("in", "at")


def _place_countries(clause, by_head: dict[int, Mention]) -> tuple[str, ...]:
    """Countries of the places the clause puts its event in ("in Singapore", "at Minsk")."""
    return tuple(
        by_head[t.i].country for t in clause
        if t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPOSITIONS and t.i in by_head and by_head[t.i].country
    )


def _clause_keys(v, own: list, pre: list) -> tuple:
    """The words of the verb's clause after it and before it, for matching patterns: (own keys,
    pre keys, the clause after it with the clauses it governs, their keys). Pattern words may
    stand in the clause the verb governs ("allowed that Mordor isn't a really pleasant place");
    the slots then read that wider span too."""
    own_keys = _Keys(own)
    extended = _with_complements(v, own)
    return own_keys, _Keys(pre), extended, own_keys if extended is own else _Keys(extended)


def _first_match(pats, passive: bool, own, own_keys, pre_keys, extended, ext_keys, by_head, particle=None):
    """The first of ``pats`` that matches the clause with an actor in each of its slots:
    (pattern, slots, the clause tokens its slots index, the word ranges it matched) or None.
    ``particle``: the verb's own particle ("rounded up"), if any."""
    for pat in pats:
        post = own
        matched: list[tuple[int, int]] = []
        slots = _match(pat, own_keys, pre_keys, matched)
        if slots is None and extended is not own and (pat.post or pat.pre):
            post = extended
            matched = []
            slots = _match(pat, ext_keys, pre_keys, matched)
        if slots is None:
            continue
        if particle is not None and matched and _other_particle(post, matched, particle):
            continue
        # A slot must hold an actor, else a less specific pattern may still apply.
        if any(
            not (slot == TARGET and passive and rng[0] == 0)
            and not _in_range(post, rng[0], rng[1], by_head, pat.code[:2] not in _FORCE_ROOTS)
            # "accused each other of shelling": the subjects fill the slot among themselves
            and not (slot == TARGET and _reciprocal(post[rng[0]:rng[0] + 3]))
            for slot, rng in slots.items()
        ):
            continue
        if len(matched) > 1 and _buried(post, matched, slots):
            continue
        if len(matched) > 1 and _preposition_as_infinitive(post, matched):
            continue  # "agreed to a Russian-brokered ceasefire" is no "agree to broker a ceasefire"
        if pat.code == NO_EVENT and matched and _owned_words(post, matched, by_head):
            continue  # "hit PKK targets", "hit a Russian target": no idiom ("hit a target") when a party owns it
        if pat.code == "192" and matched and _seized_someone(post, matched, by_head):
            continue  # "seized a legislator at a checkpoint": a person seized, not the place
        return pat, slots, post, matched
    return None


def _seized_someone(post, matched: list, by_head: dict[int, Mention]) -> bool:
    """Whether the place words an occupation pattern matched stand in a phrase of place ("at a
    checkpoint", "from a village") while the verb's object is a party: a person was seized."""
    last = post[matched[-1][0] + matched[-1][1] - 1]
    if last.dep_ != "pobj":
        return False
    return any(t.dep_ == "dobj" and t.i in by_head and by_head[t.i].agent is not None for t in post)


def _preposition_as_infinitive(post, matched: list) -> bool:
    """Whether a pattern read "to" and the word matched next as an infinitive ("to broker") where
    "to" is a preposition and the word a participle on its object ("to a Russian-brokered truce")."""
    for k in range(1, len(matched)):
        prev_start, prev_n = matched[k - 1]
        to = post[prev_start + prev_n - 1]
        word = post[matched[k][0]]
        if to.lower_ == "to" and to.dep_ == "prep" and word.dep_ == "amod" and word.tag_ == "VBN":
            return True
    return False


def _owned_words(post, matched: list, by_head: dict[int, Mention]) -> bool:
    """Whether a noun a pattern matched after the verb names an actor's (a mention of its own,
    or an actor as its modifier or possessor: "PKK targets", "Russia's target")."""
    for start, n in matched:
        for k in range(start, start + n):
            t = post[k]
            if t.pos_ == "NOUN" and (t.i in by_head or any(
                    c.dep_ in ("compound", "poss", "amod", "nmod") and c.i in by_head for c in t.children)
                    or _holder(t, by_head) is not None):
                return True
    return False


def _other_particle(post, matched: list, particle) -> bool:
    """Whether a pattern reads the verb with another particle than its own: "were rounded up ...
    in a raid on a safehouse" is no "round on" (111), whose "on" is the raid's."""
    first = post[matched[0][0]]
    if first is particle or (first.pos_ != "ADP" and first.pos_ != "PART"):
        return False
    for start, n in matched:
        for k in range(start, start + n):
            if post[k] is particle:
                return False
    return True


def _buried(post, matched: list, slots: dict) -> bool:
    """Whether a word the pattern matched lies inside a clause or circumstance that modifies a
    noun it skipped: "agreed to a truce under Egyptian mediation" and "agreed to a ceasefire
    brokered by Egypt" are no agreement to mediation. A noun's own phrase may hold the word ("a
    meeting of the Commission with X", "a new round of sanctions"), and so may the nouns in the
    pattern's slots ("accused Kenya of ...")."""
    for k in range(1, len(matched)):
        lo = matched[k - 1][0] + matched[k - 1][1]
        hi = matched[k][0]
        if hi <= lo:
            continue
        skipped = set()
        for j in range(lo, hi):
            t = post[j]
            if (t.pos_ == "NOUN" or t.pos_ == "PROPN") and not any(r[0] <= j < r[1] for r in slots.values()):
                skipped.add(t.i)
        if not skipped:
            continue
        word = t = post[hi]
        apart = False  # the path up leaves the skipped noun's own phrase
        for _ in range(8):
            if t.head.i == t.i:
                break
            if t.dep_ in _CLAUSAL_MODIFIERS or (t.pos_ == "ADP" and t is not word and t.lower_ != "of"):
                apart = True  # "a ceasefire brokered by", "a truce under ... mediation"
            t = t.head
            if t.i in skipped:
                if apart:
                    return True
                break  # "a meeting of the Commission with X", "a round of sanctions": one phrase
    return False


_CLAUSAL_MODIFIERS = frozenset({"acl", "relcl"})


def _object_segments(v, own: list, by_head: dict[int, Mention]) -> tuple:
    """The verb's clause cut before a coordinated direct object that names no actor ("expressed
    support to the Philippines and concern over Chinese actions"): each part is matched on its
    own, the later one only by a pattern that names its words."""
    for o in v.children:
        if o.dep_ != "dobj" or o.i in by_head:
            continue
        # The parser often hangs the second object on the actor in the first one's phrase
        # ("support to [the Philippines and concern] over ..."): a noun that names no actor is
        # no actor's partner.
        heads = [o] + [p for p in _prep_objects([o], None) if p.i in by_head]
        for h in heads:
            for o2 in h.children:
                if o2.dep_ != "conj" or o2.pos_ != "NOUN" or o2.i in by_head:
                    continue
                if h is o and not any(c.dep_ == "prep" and c.i < o2.i for c in o.children):
                    continue  # "launched drones and missiles against Israel": one phrase for both
                cut = o2.subtree[0].i
                first = [t for t in own if t.i < cut and not (t.dep_ == "cc" and t.head.i == h.i)]
                second = [t for t in own if t.i >= cut]
                if first and second:
                    return (first, second)
    return (own,)


def code_sentence(lex: Lexicon, sent, mentions: list[Mention], require_dyad: bool = True) -> list[RawEvent]:
    """Every event of one sentence (a ``tokens.Sentence``) given its resolved actor mentions."""
    return _code_sentence(lex, sent, mentions, require_dyad)


def _code_sentence(lex: Lexicon, sent, mentions: list[Mention], require_dyad: bool) -> list[RawEvent]:
    if not mentions:
        return []
    by_head: dict[int, Mention] = {}
    for m in mentions:
        by_head.setdefault(m.head, m)
    if require_dyad and len(by_head) < 2 and not by_head[mentions[0].head].also \
            and _ELECTIONS.isdisjoint(lowers := sent.lowers) \
            and (not lex.nouns or lex.implied_nouns.isdisjoint(lowers)):
        # Every event needs a source and a target of different phrases; only a noun with an
        # implied source ("protests against the government") needs one actor, and a verb acting
        # on such a noun ("Police banned protests": the protesters).
        return _victims(lex, sent, code_nouns(lex, sent, by_head, set(), _noun_event)) if lex.nouns else []
    _reattach_infinitives(lex, sent)
    _reattach_denied_charges(sent)
    _reattach_appended_charges(sent)
    _reattach_finite_conjuncts(sent, by_head)
    events: list[RawEvent] = []
    consumed: set[int] = set()  # complement verbs a governing pattern already coded
    noun_taken: dict[int, str] = {}  # words a verb pattern matched ("launched air strikes"), with its code
    superseded: set[int] = set()  # governing verbs whose announced complement codes the event
    scheduled: set[int] = set()  # meetings and visits announced on a schedule (036 both ways)
    forceful: dict[int, str] = {}  # verbs coded as a use of force, with their code
    untargeted: list = []  # (act, its sources) for acts with sources but no target of their own
    for v in sent:
        if v.i in consumed or (v.pos_ not in _VERBAL and not v.tag_.startswith("VB")):
            continue
        if (v.dep_ == "pcomp" or v.dep_ == "conj") and _judged_deed(v, events):
            continue  # "blamed the police for aggravating unrest by firing tear gas": alleged too
        if (v.dep_ in ("advcl", "relcl", "acl")) and _alleged_deed(v, events):
            # "accused Azerbaijan of shelling the area, killing one civilian", "following
            # allegations that the troops killed civilians": told only as alleged
            continue
        if v.dep_ == "ccomp" and v.head is not v and (v.head.lemma == "allege" or (
                v.head.lemma in ("say", "claim") and v.head.dep_ == "advcl" and v.head.head.lemma in _ACCUSING)):
            # "activists alleged that police shot four civilians", "blamed the guards for the
            # crisis, saying they fired on residents": the allegation (112x) only
            continue
        if v.lemma in _ANSWERED_BY and any(c.dep_ == "prep" and c.lower_ == "by" and any(
                p.dep_ == "pcomp" for p in c.children) for c in v.children) and not any(
                c.dep_ == "prep" and (c.lower_ == "against" or c.lower_ == "on") for c in v.children):
            continue  # "Serbia retaliated by arresting three police officers": the answer is the arrest
        lemma = v.lemma
        by_lemma, by_form = lex.verbs.get(lemma), lex.verbs.get(v.lower_)
        if by_lemma is None and by_form is None:
            lemma = _restored_e(lemma, v.lower_, lex)
            by_lemma = lex.verbs.get(lemma)
        # ("resumed airstrikes against X"; not an attempt, whose object is no event noun of its own)
        light = lex.dictionaries.light if lemma in lex.dictionaries.aspectual and lemma not in lex.dictionaries.intending else None
        if by_lemma is None and by_form is None and not light:
            continue
        announced = _announcement(v, lex, by_head) if lex.dictionaries.announced else 0
        warned = announced == 2 and v.dep_ == "ccomp" and v.head.lemma in _WARNING and not _is_negated(v.head) \
            and _speculated(v, lex)
        if warned:
            announced = 1  # "a Russian general warned that Moscow could target Poland": a threat
        commanders = _commanding_own_forces(v.head, by_head) if v.dep_ == "xcomp" and announced == 0 else ()
        if commanders:
            announced = 1  # "ordered military forces to finish off the Abu Sayyaf" (below)
        if announced == 2 or not (_codable(v, lex) or (announced == 1 and not _is_negated(v) and not _asked(v))):
            continue
        own_warning = False
        warner = v.head
        if announced == 1 and not warned and not commanders and _wished(v, lex):
            warner = _warning_verb(v)
            if warner is None or _is_negated(warner):
                continue
            own_warning = True  # "Iran warned that it will strike Israel": if the warner acts, a threat
        passive = _is_passive(v)
        if passive and v.lower_ in PATRONS and not any(c.dep_ == "auxpass" for c in v.children):
            continue  # "militia backed by the army": who a party's patron is, no act told
        subject_tokens = _subject_tokens(v, passive)
        subjects = _same_actor_appositions(_mentions_at(subject_tokens, by_head), sent)
        if not subjects and subject_tokens and v.dep_ == "pcomp" and v.head.lower_ in _OBJECT_CONTROL:
            # "used drones for attacking Hamas": an object that is no actor does not act; the
            # subject of the verb the preposition belongs to does.
            governor = v.head.head
            subject_tokens = _subject_tokens(governor, _is_passive(governor), 1)
            subjects = _same_actor_appositions(_mentions_at(subject_tokens, by_head), sent)
        if subjects:
            subjects = _with_companions(v, subject_tokens, subjects, by_head)
        if commanders:
            # "Duterte ordered military forces to finish off the Abu Sayyaf": ordering one's own
            # forces to attack threatens the attack (convention 41), the commander's threat
            subjects = commanders
        if (warned or own_warning) and not any(
                g.country is not None and any(g.country == m.country for m in subjects)
                for g in _mentions_at(_subject_tokens(warner, False), by_head)):
            continue  # "Israel warned that Hezbollah could retaliate": a guess about another's act
        if own_warning:
            # "Iran's defence minister warned that his country will strike Israel": the threat is
            # the warner's, who speaks for the side that would act
            warners = [g for g in _mentions_at(_subject_tokens(warner, False), by_head)
                       if any(g.country == m.country for m in subjects)]
            if warners:
                subjects = warners
        means = None
        if not subjects and passive and (lemma in _HARMING or lemma in _ABDUCTING) and lex.nouns:
            means = passive_means(lex, v, by_head, lemma in _HARMING)  # "killed in an attack by rebels"
            if means is not None:
                subjects = means[0]
                if lemma in _ABDUCTING:
                    means = None  # "kidnapped during an attack by the LRA": still a kidnapping
        elif not subjects and not passive and (lemma in _HARMING or lemma in _STRIKING) and lex.nouns and subject_tokens \
                and v.dep_ != "relcl" and subject_tokens[0].pos_ in ("NOUN", "VERB"):
            # "An airstrike by US aircraft killed 80 Taliban militants": whoever made the strike
            # the subject names killed them
            subjects = _mentions_at(_expand(_by_agents(subject_tokens[0])), by_head)
        elif not subjects and not passive and lemma in _HARMING and lex.nouns and v.dep_ == "relcl":
            # "launched an attack that killed ten soldiers": whoever made the attack killed them,
            # unless the act itself is coded already ("attacked the base, which killed ...")
            found = relative_means(lex, v, by_head)
            if found is not None and (found[2] is None or not any(e.verb == found[2].i for e in events)):
                subjects, means = found[0], (found[0], found[1])
        if not subjects and not ((by_lemma and by_lemma.source_slot) or (by_form and by_form.source_slot)):
            continue  # no actor acts here, and no pattern names one elsewhere
        clause = _clause_tokens(v)
        own = [t for t in clause if t.i > v.i]
        pre = [t for t in clause if t.i < v.i]
        if passive:
            # "Sanctions were imposed on Russia by the EU", "a peace deal was signed by X and Y":
            # a subject that names no actor is the verb's object, read where the active puts it.
            thing = _object_subject(v, by_head)
            if thing:
                own = thing + own
        else:
            own = _relative_object(v, by_head) + own
        # "expressed support to Manila and concern over Chinese actions": each of coordinated
        # objects may carry its own pattern.
        segments = _object_segments(v, own, by_head) if not passive else (own,)
        for own in segments:
            own_keys, pre_keys, extended, ext_keys = _clause_keys(v, own, pre)
            keys = ext_keys.words() | pre_keys.words()
            names = (lemma, v.lower_) if v.lower_ != lemma else (lemma,)
            particle = next((c for c in v.children if c.dep_ == "prt"), None)
            found = _first_match(_candidates(lex, names, keys), passive, own, own_keys, pre_keys, extended, ext_keys, by_head,
                                 particle)
            if light and (found is None or not found[0].specificity):
                # "resumed airstrikes against X": an aspectual verb whose own patterns name no object
                # is coded as the event its object names ("launched airstrikes against X").
                worded = _first_match(
                    _candidates(lex, sorted(light), keys, True), passive, own, own_keys, pre_keys, extended, ext_keys, by_head
                )
                borrowed = [t for j, n in worded[3] for t in worded[2][j:j + n]] if worded is not None else []
                if worded is not None and not any(t.pos_ in _VERBAL for t in borrowed) and any(
                    t.pos_ == "NOUN" for t in borrowed
                ):  # a verb complement ("resumed attacking") is coded by its own patterns; a pattern
                    # that names no event noun ("commit to") is no event the object names
                    found = worded
            if found is None:
                continue
            pat, slots, post, matched = found
            words = [t for j, n in matched for t in post[j:j + n]]
            if any(t.pos_ in _VERBAL and t.i != v.i and _is_negated(t) for t in words):
                continue  # "said NATO is not a threat": a pattern's own verb negated
            if own is not segments[0] and (not words or words[0].i < own[0].i):
                continue  # a later object's segment codes only a pattern that names it
            if not words and _judges(v):
                continue  # "called him Hamas's biggest supporter": naming the object, not calling it
            if lemma == "call" and words and _in_other_clause(words, v):
                continue  # "called Putin to discuss the coup": a call, not what Putin was called
            code = pat.code_for(passive)
            if passive and code != pat.code and any(
                    c.dep_ == "nsubjpass" and c.lemma in _SAID_NOUNS for c in v.children):
                code = pat.code  # "these claims were denied by X": what was said, not whom it was refused
            if code == "020":
                # "called on the Security Council to convene a meeting" (026), "urged Russia to
                # end military operations" (0256): an appeal is for the act it asks for
                code = _appealed(lex, v) or code
            elif code == "030" and not words and lemma in lex.dictionaries.announcing:
                # "promised to jail for many years dissidents": a generic promise of an act the
                # dictionaries code as no cooperation is the threat of that act (17 -> 137)
                act = _promised_act(lex, v)
                if act is not None:
                    code = lex.dictionaries.announced_code(act) or code
            if code == NO_EVENT and lemma in lex.dictionaries.enacting:
                continue  # "voted for the impeachment of X": no act of the verb's; the noun's own
            if code[:3] == "084" and lemma == "return" and not passive and not any(c.dep_ == "dobj" for c in v.children):
                continue  # "returned to Jeddah", "returned to power": going back returns no one
            for t in words:
                noun_taken[t.i] = code
            if not (lemma in _COMMANDING and _commanding_own_forces(v, by_head)):
                # (what a state orders its own forces to do is told by the complement's own
                # patterns: "ordered troops to attack Ukraine")
                consumed.update(t.i for t in words if t.pos_ in _VERBAL)
            if code == NO_EVENT:
                continue
            if commanders and code[:2] not in _FORCE_CODE_ROOTS:
                continue  # "ordered troops to withdraw": a state commands its own forces, no intent told
            if announced == 1 and code == "161" and lemma in _EXPELLING and not (
                    v.dep_ == "xcomp" and v.head.lemma in _THREATENING):
                # "Kuwait says it will expel North Korea's ambassador", "The UK is to expel four
                # Russian diplomats": a state that announces an expulsion did it (convention 19);
                # "threatened" or "vowed to expel" is the threat (1313)
                pass
            elif announced == 1 or (announced == 3 and code[:2] in _COOPERATIVE_ROOTS):
                if announced == 1 and _meeting_code(code, lex.dictionaries) and _scheduled(v):
                    scheduled.add(v.i)  # "Nazarbayev will visit China next week": intent both ways
                code = lex.dictionaries.announced_code(code)
                if code is None:
                    continue  # an announced act with no intent or threat code ("will say")
                if lemma == "retaliate" and code[:3] == "138" and not _forceful_phrase(v):
                    code = "130"  # "said they would retaliate if ...": a reprisal of no named kind
                if v.head.i != v.i:
                    superseded.add(v.head.i)  # "threatened to sink Japan": the threat's own code is 1384
                if own_warning:
                    superseded.add(warner.i)  # "warned that Israel is ready to strike Iran": 1384, not 130
            if means is not None and code[:2] in ("18", "19", "20"):
                code = means[1]
            elif lemma in _HARMING and subject_tokens and lex.nouns and code[:2] in ("18", "19", "20"):
                # "A Myanmar military air strike killed ten civilians": the means named by the
                # subject gives the code (195), as "carried out an air strike" would.
                means = instrument_code(lex, subject_tokens[0])
                if means is not None:
                    code = means
            if code == "190" or code == "193" or code == "194":
                code = _weapon_code(v, subject_tokens, code)
            if code[:2] in _FORCE_ROOTS:
                # a participle of arrest or repression is an act of its own ("broke up the
                # protest, detaining seven demonstrators"); one of harm is the act's result
                result_of = _result_of(v, forceful) if code[:2] != "17" else None
                if result_of is not None:
                    if any(e.verb == result_of for e in events):
                        continue  # "fired into the crowd, killing 26": the killing is the act already coded
                    if code == "190" and forceful[result_of][:2] == "19":
                        code = forceful[result_of]  # "shelled the town, killing six": the shelling killed them
                forceful[v.i] = code
            if code[:2] in _FORCE_ROOTS and v.dep_ == "advcl" and v.tag_ == "VBG" and v.head.lemma in _SAYING \
                    and not _has_subject(v):
                continue  # "Authorities said two assailants fired ..., wounding three soldiers": not the speakers
            if code[:3] == "012" and v.dep_ == "advcl" and v.tag_ == "VBG" and not _has_subject(v):
                continue  # "called on Turkey to avoid an operation, fearing it could ...": the act's motive
            if code == "170" and v.dep_ == "advcl" and v.tag_ == "VBG" and not _has_subject(v):
                # "swept into Aleppo, forcing the Syrian army to withdraw": what the act made
                # someone do is its result, no coercion of its own
                continue
            sources = subjects
            if code[:3] in _FORCE_THREATS and sources and all(_unarmed(m) for m in sources):
                # "Human Rights Watch warned of a violent crackdown": who has no force to use
                # threatens none; the warning is about another's act
                continue
            if SOURCE in slots:
                targets = sources
                lo, hi = slots[SOURCE]
                sources = _in_range(post, lo, hi, by_head)
            elif TARGET in slots:
                lo, hi = slots[TARGET]
                if passive and lo == 0:
                    # "The arrest of opposition leaders in Kenya was condemned by X" as the active reads it
                    # ("the coup in Niger was condemned": by whoever the noun implies did it)
                    targets = implied_doers(lex, _patients(v), by_head) or _default_targets(
                        v, True, [], _without_victims(lex, _patients(v), by_head) if code[:2] == "11" else by_head)
                else:
                    if lo == 0:
                        objects = _objects(v) if not passive else []
                    elif post[lo - 1].pos_ == "ADP":
                        # "expressed outrage over the killing of Palestinians by Israeli forces": the
                        # event after the pattern's preposition is answered for by its "by" agent.
                        objects = [c for c in post[lo - 1].children if c.dep_ == "pobj"]
                    else:
                        objects = []
                    # (not for a protest: "staged demonstrations against Mubarak's rule" is
                    # against Mubarak, not the demonstrators the noun implies)
                    targets = _event_agents(v, objects, by_head) or (implied_doers(
                        lex, objects, by_head, _implied_home(lex, sources, code, lemma)) if code[:2] != "14" else []) or _in_range(
                        post, lo, hi, _without_victims(lex, objects, by_head) if code[:2] == "11" else by_head,
                        code[:2] not in _FORCE_ROOTS)
            else:
                last = words[-1] if words else None
                after = last.i if last is not None and last.pos_ == "ADP" else -1
                # "Myanmar and Bangladesh signed a deal paving the way for the return of refugees": a
                # joint act of several subjects is among them; only its object or the actor after its
                # pattern's preposition ("signed a deal with Dhaka") is another party, not any actor
                # further on in the clause.
                joint = len(sources) > 1 and after < 0 and code in lex.dictionaries.mutual
                # "dispersed a protest against the government": the protesters, not the government
                named = [last] if last is not None and last.pos_ == "NOUN" else []  # "cracked down on protests"
                targets = [] if code[:2] == "14" else implied_doers(lex, _patients(v), by_head) if passive else implied_doers(
                    lex, named + [c for c in (last.children if after >= 0 else v.children) if c.dep_ in ("dobj", "pobj")],
                    by_head, _implied_home(lex, sources, code, lemma))
                if not targets:
                    targets = _default_targets(v, passive, [] if joint else post, by_head, after)
                    # "threatened military action against Israel": a modifier inside the pattern's
                    # own noun ("military") names the act, not its target; the actor after it does
                    worded = {t.i for t in words}
                    inside = {t.i for t in words if t.head.i in worded and t.head.i != t.i
                              and (t.dep_ == "amod" or t.dep_ == "compound")}
                    if targets and inside and any(m is not None and m.head in inside for m in targets):
                        targets = [m for m in targets if m is None or m.head not in inside] or (
                            [] if joint else _first_actor([t for t in post if t.i > words[-1].i], by_head))
                if targets and not joint and after < 0 and not passive and all(
                        any(m.code == s.code or _same_state(s, m) for s in sources) for m in targets):
                    # "India recalled its envoy to Pakistan", "Russia moved its troops to Ukraine's
                    # border": the subject's own people are not the other party; the actor named after
                    # them is.
                    last_own = max(m.end for m in targets)
                    further = _first_actor([t for t in post if t.i >= last_own], by_head)
                    if further:
                        targets = further
            if targets and code[:2] == "15":
                # "sent a detachment of police officers to the area": the forces a posture
                # pattern names are what is moved, not whom it is aimed at
                named_force = {t.i for t in words}
                targets = [m for m in targets if m is None or not any(m.start <= i < m.end for i in named_force)]
            if targets and code[:2] == "14":
                # "protesters marched in Nicaragua": a protest names where it took place, not
                # whom it is against (a city there is a place already, _place_prep)
                targets = [m for m in targets if m is None or not _protest_setting(sent.doc[m.head])]
            if code[:2] == "14" and not any(m is not None for m in targets):
                # "staged an anti-government protest", "anti-government demonstrators marched":
                # what an "anti-" modifier of the protest or of the protesters is against
                for t in [w for w in words if w.pos_ == "NOUN"] + [sent.doc[m.head] for m in sources]:
                    targets = against_named(lex, sent.doc, t, by_head) or targets
                    if any(m is not None for m in targets):
                        break
            if not sources:
                continue
            feared = code == "012" and lemma in lex.dictionaries.intending
            if code == "012" and targets:
                # "voiced concern that Serbia and Kosovo would resume talks": a fear or doubt is
                # about what may happen, not addressed to whoever may do it
                targets = [m for m in targets if m is None or not _feared_clause(v, sent.doc[m.head], lex)]
            if not targets and extended is not own and not feared:
                # "Russia denied that it attacked Turkey": with no actor in its own clause, the
                # verb's target is the first actor of the clause it governs that is not a source
                # ("Israel fears that Hezbollah will retaliate": not of a feared one, @intending).
                codes = {m.code for m in sources}
                governed = [t for t in extended if t.i in by_head and t.tag_ != "PRP$" and by_head[t.i].code not in codes]
                targets = _mentions_at(_expand(governed[:1]), by_head)
            if targets:
                targets = _with_coordinated_objects(v, words, targets, by_head)
                # "... on the town of Karak, the Syrian Observatory for Human Rights said": the
                # parser may hang the speaker on the last noun as an apposition
                targets = [m for m in targets if m is None or not _misparsed_speaker(sent.doc[m.head])]
            if targets and code[:3] in ("040", "044", "046") and lemma in _MEETING_VERBS:
                # "West African leaders meeting in Nigeria": a country a meeting takes place in is
                # where, not whom they met (@elsewhere reads it as a third location); a visit's
                # country is its host ("arrived in Pakistan")
                targets = [m for m in targets if m is None or m.agent is not None
                           or not _protest_setting(sent.doc[m.head])]
            if len(sources) > 1 and targets and _joint_code(code) and all(
                    m is not None and m.country is None and m.code.startswith(UNKNOWN_COUNTRY) for m in targets):
                # "Iran and Saudi Arabia agreed to reestablish relations and reopen embassies": a
                # role of no country among joint subjects is their own, no other party
                targets = []
            vote = _of_elections(words, post) if not targets and (code[:2] == "14" or code[:3] == "133") else None
            if vote is not None:
                # "The opposition will boycott the presidential election": a protest against a vote
                # is against the government that holds it, the protesters' own (inferred)
                targets = _election_holders(sources, vote)
            source_codes = {m.code for m in sources}
            if targets and all(x is not None for x in targets) and \
                    {x.head for x in targets} <= {m.head for m in sources}:
                # "wording that was opposed by the United States, Canada and Mexico": the phrase
                # that names the makers names no other party; the members did not act on each other
                targets = []
            if len(sources) > 1 and targets and lemma in _FIGHTING and code[:2] in _FORCE_ROOTS and all(
                    tm is not None and tm.agent is None and any(tm.code == s.country for s in sources) for tm in targets):
                # "Sudanese troops and rebels clashed in Darfur": a subject's own land names where
                # they fought, nobody else (the fight is among them)
                targets = []
            their = any(
                t.tag_ == "PRP$" and t.i in by_head and by_head[t.i].code in source_codes for t in post
            )
            mutual = len(sources) > 1 and (
                # "India and Pakistan accused each other", "exchanged fire": every member to every other.
                # "Australia and Zimbabwe exchanged angry words over Mugabe": whatever the words are about.
                _reciprocal(post) or lemma in _EXCHANGING or
                # "Indian and Chinese troops clashed", "rebels and troops fought" (or "waged a
                # battle"): a fight among the subjects when it names nobody else.
                (not targets and (lemma in _FIGHTING or lemma == "wage" or _opened_fire(v, words))
                 and code[:2] in ("18", "19", "20")) or
                # "Gondor and Osgiliath postponed their meeting": the pronoun names the subjects;
                # "the two countries agreed to revive the Brazil-US working group": so do the names.
                (targets and all(t.code in source_codes for t in targets) and not code.startswith(_THIRD_PARTY_CODES))
                or (not targets and their)
                # "Iran and Saudi Arabia agreed to restore their ties and reopen their embassies":
                # what "their" owns is the subjects' own, no third party
                or (their and targets and all(t is not None and t.country is not None and t.country in
                                              {m.country for m in sources} for t in targets))
                # "Gondor and Osgiliath renewed ties": cooperation among the members. Only acts two
                # parties do together (intent and agreement, consultation, diplomatic and material
                # cooperation, yielding such as a truce): "France and Italy urged restraint" is an
                # appeal to someone else, "Japan and Korea denied it" or "sent aid" no act between them.
                or (not targets and _joint_code(code))
            )
            verb_text = " ".join([v.text] + [t.text for t in words])  # the verb and the words it matched
            if not mutual and code.startswith(_THIRD_PARTY_CODES):
                # "negotiations mediated by Saudi Arabia and the United States": co-mediators
                # (co-hosts, co-donors) do the act to others, not to one another
                targets = [m for m in targets if m is None or m.code not in source_codes]
            fought_with = False
            if code[:2] in _FORCE_ROOTS and not mutual and all(
                    tm is None or (tm.agent is None and tm.code in {m.country for m in sources}) for tm in targets):
                # "attacked two towns in southern Somalia, sparking clashes with government
                # troops": whom the force fell on is whom the fight it set off was with
                fought = _fought_with(v, by_head, source_codes)
                if fought:
                    targets, fought_with = fought, True
            if mutual:
                targets = sources
            elif not targets:
                # the party may be the one a verb this one hangs on acts on (_shared_targets)
                untargeted.append((RawEvent(v.i, sources[0], None, code, pat, verb_text, passive), sources))
                continue
            if code[:2] in _FORCE_ROOTS and _answers_fire(v):
                # "South Korea said it had returned fire and scrambled fighter jets": a state
                # answering fire does not fire on its own armed forces (_first_strikers)
                targets = [tm for tm in targets if tm is None or tm.agent not in _ARMED_SERVICES or not all(
                    s.agent is None and s.country == tm.country for s in sources)]
                if not targets:
                    untargeted.append((RawEvent(v.i, sources[0], None, code, pat, verb_text, passive), sources))
                    continue
            if code[:2] in _FORCE_ROOTS and all(
                    tm is not None and tm.agent is None and all(tm.code == s.country for s in sources) for tm in targets):
                # "Boko Haram attacked a village in Borno State": force in one's own land names only
                # where it was used; whom it fell on may be named elsewhere (_shared_targets)
                untargeted.append((RawEvent(v.i, sources[0], None, code, pat, verb_text, passive), sources))
                continue
            # "killed 16 rebels in two days of clashes": force used in a fight was used both ways.
            fight = _fight_of(v) if code[:2] in _FORCE_ROOTS and not mutual else None
            if fought_with:
                fight = _sparked_noun(v).lemma
            if fight is None and (lemma in _FIGHTING or lemma in _REPELLING or (lemma in _EXCHANGING and code[:2] == "19")) \
                    and (code[:2] in ("18", "19", "20") or code == "145") and not mutual and not passive:
                # "rebels have been fighting the government", "clashed with troops", "exchanged
                # gunfire with gang members": a fight is force used both ways
                fight = lemma
            if fight is not None and fight in _GUNFIGHTS and code == "190":
                code = "193"
            elsewhere = lex.dictionaries.elsewhere.get(code)
            places = _place_countries(post, by_head) if elsewhere else ()
            done = set()
            for s in sources:
                for tm in targets:
                    if tm is not None and (tm.code == s.code or (tm.head == s.head and not _one_for_several(s, tm))
                                           or _same_state(s, tm)):
                        continue
                    if tm is not None and tm.agent is None and tm.code == s.country and code[:2] in _FORCE_ROOTS:
                        continue  # "Myanmar jets bombed Chaung Ma village": force in one's own land is on a place
                    if tm is not None and tm.agent is None and tm.code == s.country and s.agent in STATE_ORGANS:
                        continue  # "Russian forces withdrew from Chechnya": an organ of a state does not act on it
                    if tm is not None and (code[:3] == "035" or code[:3] == "087") and tm.country == s.country \
                            and tm.agent in _ARMED_SERVICES and (s.agent is None or s.agent in _STATE_ROLES):
                        continue  # "agreed to withdraw its troops": a state eases off toward its foe, not its forces
                    if lemma == "deny" and code[:3] == "016" and tm is not None and tm.agent is not None \
                            and tm.agent != "GOV" and _inside_denied_act(v, tm, sent):
                        # "Police denied arresting Tsvangirai": a person or group the denied act
                        # was done to is no accuser; a state it was done to is ("denied attacking
                        # Turkey" answers Turkey's complaint)
                        continue
                    if lemma in _COMMANDING and tm is not None and tm.agent in _ARMED_SERVICES \
                            and (s.agent is None or s.agent in _FORCES or s.agent[:3] in _FORCES) \
                            and s.country is not None and tm.country in (s.country, None):
                        # "Abadi ordered troops into contested areas", "Jeenbekov ordered security
                        # forces not to open fire", "Serbia ordered its army to advance": a state
                        # commands its own forces (the forces of
                        # no named country a state's leader orders are its own)
                        continue
                    if lemma == "suspend" and code == "161" and not words and not _suspends_a_member(s, tm):
                        continue  # "suspended the officer", "suspended the newspaper": no relations broken
                    key = (s.code, tm.code if tm is not None else None)
                    if key in done:  # "Putin, the Russian president, ...": one actor named twice
                        continue
                    done.add(key)
                    pair_code = code
                    repression = _protest_force(code, s, tm, fight is None)
                    refined = _refined_code(lex, v, lemma, code, s, tm, subject_tokens, by_head) \
                        if code in _REFINED_CODES else code
                    if repression != code:
                        pair_code = repression
                    elif refined != code:
                        pair_code = refined
                    elif code == "181" and lemma in _TAKING and s.agent in _FORCES and s.country is not None:
                        pair_code = "173"  # "the GNA captured four of Haftar's forces": a state takes prisoners
                    elif code == "112" and (lemma in _ACCUSING or lemma in _TRADING):
                        # "accused China of ramming a boat": the accused act, as the verb
                        # dictionaries code it, names the kind of accusation
                        pair_code = _accused_of(lex, v, by_head) or code
                    elif code == "1123" and lemma in _ACCUSING and any(
                            t.lemma in _ABUSED_WORDS and t.lemma != "people" for t in v.subtree) \
                            and _accused_of(lex, v, by_head) == "1122":
                        # "accused the rebels of targeting a monk with a bomb": abuse of named
                        # civilians, where the accused act alone is aggression ("of killing people
                        # in attacks" stays 1123)
                        pair_code = "1122"
                    elif code == "171" and lemma in _TAKING and tm is not None and (
                            tm.agent in _PEOPLE_ROLES or tm.type == "person"):
                        # "militants seized three Americans": people seized are abducted, or
                        # arrested when a state's forces take them; property seized is 171
                        pair_code = "173" if s.agent in _FORCES and s.country is not None else "181"
                    elif code == "201" and tm is not None and (tm.agent in _FIGHTING_ROLES or tm.type == "armed_group"):
                        pair_code = "190"  # "drove the Georgian army out of South Ossetia": a fight, no expulsion of people
                    elif code == "051" and lemma == "welcome" and tm is not None and _guest(sent.doc, v, tm, passive):
                        pair_code = "043"  # "Isaias welcomed Abiy in Asmara": a visitor welcomed is hosted
                    elif code == "140" and lemma == "protest" and (s.agent == "GOV" or (
                            s.agent is None and s.country is not None and sent.doc[s.head].tag_ == "NNP")):
                        # "Tokyo protested against the launch", "Cuba protested the action": a
                        # government, or a state by its name (not "hundreds of Vietnamese"),
                        # complains officially
                        pair_code = "114"
                    elif places and tm is not None and s.country and tm.country and any(
                        place not in (s.country, tm.country) for place in places
                    ):  # "met Kim in Singapore": a meeting at a third location (@elsewhere)
                        pair_code = elsewhere
                    events.append(RawEvent(v.i, s, tm, pair_code, pat, verb_text, passive))
                    if fight is not None and tm is not None and (tm.code, s.code) not in done:
                        done.add((tm.code, s.code))
                        # protesters who clash with the forces that repress them riot (145), the
                        # codebook's violent protest, not repression of their own
                        back = pair_code
                        if pair_code == "175":
                            back = "145"
                        elif pair_code == "145":  # "protesters clashed with police": and the police with them
                            back = "175" if tm.agent in _FORCES and s.country is not None and s.country == tm.country else None
                        if back is not None:
                            events.append(RawEvent(v.i, tm, s, back, pat, verb_text, passive))
    said = set(sent.doc.lowers[sent.start:sent.end])  # the sentence's words, read once for the rules below
    if events and not _TALK_WORDS.isdisjoint(said):
        events += _met_for_talks(sent, events)
    if events and not _REQUEST_WORDS.isdisjoint(said):
        events += _at_request(sent, events, by_head)
    if "recalled" in said:
        events += _recalled_envoys(sent, by_head, events)
    if "comment" in said:
        events += _no_comment(sent, by_head, events)
    if not _LEAVING.isdisjoint(said):
        expelled, told = _told_to_leave(sent, by_head, events)
        if told:
            # "gave the Czech diplomats 24 hours to leave": an expulsion, not an ultimatum (139)
            events = [e for e in events if e.code != "139" or e.target is None
                      or (e.verb, e.source.code, e.target.code) not in told] + expelled
    if not _ACCUSING_NOUNS.isdisjoint(said):
        events += _claimed_acts(lex, sent, by_head, events)
    if not _ASSERTING_WORDS.isdisjoint(said):
        events += _said_misdeeds(lex, sent, by_head, events, [e.source.code for e, _ in untargeted])
    if not _CONCERNED.isdisjoint(said):
        events += _concerned(sent, by_head, events)
    if not _UNWILLING_WORDS.isdisjoint(said):
        events += _unwilling(lex, sent, by_head, events)
    if events and not _DISASTER_WORDS.isdisjoint(said):
        # "will provide two million dollars in aid to the flood victims", "disaster assistance":
        # aid for a disaster is humanitarian aid (073; its intent 0333, its appeal 0233)
        events = [replace(e, code=_HUMANITARIAN[e.code]) if e.code in _HUMANITARIAN else e for e in events]
    if events and not _CLAIM_NOUNS.isdisjoint(said):
        events, unclaimed = _claims_content_apart(sent, events)
        untargeted += unclaimed
    if events:
        events = _through_statements(sent.doc, events)
        # "summoned China's ambassador to convey a protest": the protest is the summons (110)
        events = [e for e in events if not (e.code[:2] == "11" and _summons_purpose(sent.doc[e.verb]))]
    if untargeted:
        shared = _shared_targets(sent, untargeted, events, require_dyad, by_head)
        if shared:
            # "shot and killed two men": one act told by two verbs, coded by the more specific
            specific = {(f.source.code, f.target.code, f.verb) for f in shared
                        if f.target is not None and f.code[:2] == "19" and f.code != "190"}
            events = [f for f in events if f.code != "190" or f.target is None or not any(
                (f.source.code, f.target.code) == (a, b) and sent.doc[f.verb].head.i == w for a, b, w in specific)]
            have = {(f.source.code, f.target.code, f.code) for f in events if f.target is not None}
            events += [f for f in shared if f.code[:2] != "19" or f.target is None
                       or (f.source.code, f.target.code, f.code) not in have]  # "attacked and killed": one act
    if superseded:
        complements = {(e.source.code, e.target.code if e.target is not None else None) for e in events
                       if e.verb not in superseded}
        events = [e for e in events if e.verb not in superseded
                  or (e.source.code, e.target.code if e.target is not None else None) not in complements]
    if lex.nouns:
        coded = set()
        for e in events:
            coded.add((e.source.code, e.target.code if e.target is not None else None, e.code[:2]))
        enacting = set()
        for e in code_nouns(lex, sent, by_head, noun_taken, _noun_event):
            noun = sent.doc[e.verb]
            if noun.dep_ == "dobj" and lex.dictionaries.enacts(noun.head.lemma, e.code):
                enacting.add(noun.head.i)
            if (e.source.code, e.target.code, e.code[:2]) not in coded:
                events.append(e)
        if enacting:
            # "Morales ordered the expulsion of the U.S. ambassador": the order is the expulsion,
            # not also a demand (100) of the verb's own
            events = [e for e in events if e.trigger != "verb" or e.verb not in enacting]
    d = lex.dictionaries
    if not _MEDIATION_FORMS.isdisjoint(said):
        events = _mediated(lex, sent, events, by_head)
    if events and d.elsewhere and not _PLACE_PREPOSITIONS_SET.isdisjoint(said):
        events = _met_elsewhere(sent.doc, events, by_head, d.elsewhere)
    if events:
        events = _settle_parties(sent.doc, _answerable(sent.doc, events), mentions)
    if scheduled:
        events = _both_intend(events, scheduled)
    if events and (d.mutual or d.paired):
        events = _counterparts(events, d.mutual, d.paired)
    return _protesting_people(_coerced_at_home(_victims(lex, sent, events)), _PROTESTS.isdisjoint(sent.lowers))


def _answerable(doc, events: list) -> list:
    """Disapproval of an act of harm told inside its object is of whoever did the act, not of
    whom it was done to: "expressed concern over the plight of dissidents detained by Cuba" is
    concern at Cuba, as "condemned the detention of dissidents by Cuba" is (_event_agents)."""
    acts = [e for e in events if e.code[:2] in _HARM_ROOTS and e.target is not None]
    out = []
    for d in events:
        if d.code[:2] == "11" and d.target is not None:
            verb = doc[d.verb]
            for a in acts:
                if a.target.head == d.target.head and a.source.code != d.source.code \
                        and a.source.code != d.target.code and verb.is_ancestor(doc[a.verb]):
                    d = replace(d, target=a.source)
                    break
            else:
                state = _coercing_state(doc, verb, d.target)
                if state is not None and state.code != d.source.code:
                    d = replace(d, target=state)
        out.append(d)
    return out


# Nouns of what only a state does to someone: "concern at the former president's arrest", "about
# jail sentences for rights champions", "about the prosecution of Kozlov" are concern at the state.
_STATE_COERCION = frozenset({"arrest", "detention", "sentence", "sentencing", "prosecution", "jailing",
                             "imprisonment", "conviction", "trial", "incarceration"})


def _coercing_state(doc, verb, victim: Mention) -> Mention | None:
    """The government of the victim's country, when the disapproval's object is a state's act
    of coercion done to the victim that names no doer (no "by" phrase), else None."""
    if victim.country is None or victim.via is not None:
        return None  # (the doer the story told: "the arrests" it reported)
    tok = doc[victim.head]
    if victim.agent in _COERCING_ROLES:
        # a state's organ is no victim, but "the prosecution of Kozlov", read as the prosecutors,
        # is the state's act
        if not (victim.agent == "JUD" and tok.lemma in _STATE_COERCION and victim.start == victim.end - 1 == tok.i):
            return None
        noun = tok
    else:
        # "the former president's arrest": a person or role owning the noun suffered it (a
        # country owning it did it: "Russia's arrest of ...")
        noun = tok if tok.lemma in _STATE_COERCION and victim.agent is not None else None
        if noun is None and tok.dep_ == "pobj" and tok.head.lower_ in ("of", "for", "against") \
                and tok.head.head.lemma in _STATE_COERCION:
            noun = tok.head.head
    if noun is None or noun.i == verb.i or not verb.is_ancestor(noun) \
            or any(c.lower_ == "by" for c in noun.children):
        return None
    return replace(victim, code=victim.country + "GOV", agent="GOV", entry=victim.entry + "; the state that coerced",
                   partners=(), also=())


# Roles that do acts of harm rather than suffer them when they modify the act's noun (_a_force).
_FORCE_DOERS = _COERCING_ROLES | {"REB", "UAF", "CRM"}
# People who came from elsewhere ("used a water cannon against stone-throwing migrants").
_FOREIGNERS = frozenset({"migrant", "migrants", "refugee", "refugees", "foreigner", "foreigners", "foreign", "asylum"})


def _protesting_people(events: list, no_protest: bool = True) -> list:
    """"police fired tear gas to disperse the crowd", "youths hurled petrol bombs at police": people
    a state's forces repress (175) and people who protest or riot (14x) are its protesters (OPP),
    as the gold codes them (175 on OPP 131 times, on CVL 7; 14x by OPP 138 times, by CVL 12),
    unless the text calls them civilians. Both parties are of one country. So are people its
    forces arrest or detain (17x) in a sentence that tells of a protest (``no_protest`` False):
    "police detained 3,000 people at protests", "arrested 20 people as they dispersed a protest"."""
    out = []
    for e in events:
        if e.target is None or e.source.country is None or e.target.country != e.source.country:
            pass  # (foreigners who protest, migrants pushed back at a border: people, not a state's protesters)
        elif (e.code == "175" or (not no_protest and e.code[:2] == "17" and e.source.agent in _COERCING_ROLES)) \
                and e.target.agent == "CVL" and _unnamed_people(e.target):
            e = replace(e, target=_as_protesters(e.target))
        elif e.code[:2] == "14" and e.source.agent == "CVL" and _unnamed_people(e.source):
            e = replace(e, source=_as_protesters(e.source))
        out.append(e)
    return out


def _unnamed_people(m: Mention) -> bool:
    return _CIVILIANS.isdisjoint(m.text.lower().split())


def _as_protesters(m: Mention) -> Mention:
    return replace(m, agent="OPP", code=m.code[:3] + "OPP" + m.code[6:])


# Words that tell of a protest in a sentence (its forms as written).
_PROTESTS = frozenset({"protest", "protests", "protesters", "protestors", "demonstration", "demonstrations",
                       "demonstrators", "rally", "rallies", "sit-in", "sit-ins"})
# Words that name people as bystanders, not as a crowd that may be protesting.
_CIVILIANS = frozenset({"civilian", "civilians", "bystander", "bystanders", "residents", "villagers", "worshippers"})


def _coerced_at_home(events: list) -> list:
    """"Turkish authorities detained 31 academics" in a sentence that also names the US: people a
    state's authorities, police, army or courts arrest, detain or repress (17x, 175) whose
    country the text leaves out are that state's own, not of no country."""
    out = []
    for e in events:
        t, s = e.target, e.source
        if t is not None and t.country is None and t.agent and t.code.startswith(UNKNOWN_COUNTRY) \
                and (e.code[:2] == "17" or e.code == "175") and s.country is not None and s.agent in _COERCING_ROLES \
                and not s.code.startswith(("IGO", "NGO")) and t.agent != "REF" and not _FOREIGNERS.intersection(t.text.lower().split()):
            e = replace(e, target=replace(t, country=s.country, code=s.country + t.code[len(UNKNOWN_COUNTRY):], inferred=True))
        out.append(e)
    return out


def _settle_parties(doc, events: list, mentions: list) -> list:
    """Readings of an event's parties that need the whole event: no visit by forces or migrants,
    a capital hit by force is the country, a state's fire falls on the other country named,
    recalled envoys aim at the country they are in."""
    events = [_capital_as_land(e) for e in events
              if not _travelling_not_visiting(e) and not _own_organ(e) and not _private_trip(doc, e)]
    return [_recalled_from(doc, e) for e in _foreign_victims(events, mentions)]


# What a trip may be for that makes it no visit to the country's rulers ("will travel to
# Switzerland for medical checks", "flew to Germany for treatment").
_PRIVATE_PURPOSES = frozenset({"treatment", "check", "checks", "checkup", "check-up", "checkups", "care", "surgery",
                               "operation", "holiday", "holidays", "vacation", "rest", "exile", "asylum", "studies"})


def _private_trip(doc, e) -> bool:
    """Whether a visit (042, or its intent or hosting) is a trip "for" treatment, a holiday, exile."""
    if e.code not in ("042", "043", "036"):
        return False
    v = doc[e.verb]
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(p.lower_ in _PRIVATE_PURPOSES for p in c.children if p.dep_ == "pobj")
               for c in v.children)


# A state's own organs and people: a country named alone does not act on them, nor they on it.
_OWN_ORGANS = frozenset({"MIL", "COP", "CVL", "JUD", "LEG", "SPY"})


def _own_organ(e) -> bool:
    """"China expressed condolences ... Chinese people", "Indian troops ... India": an event
    between a country named alone and its own army, police, courts, parliament, spies or
    civilians is a misreading of one party (the gold has none in 2,400 sentences), not an act,
    except mass violence done to a people ("carried out ethnic cleansing against the Rohingya")
    and yielding ground."""
    s, t = e.source, e.target
    if t is None or s.country is None or s.country != t.country or e.code[:2] == "20" or e.code[:2] == "08":
        return False  # (a withdrawal from a place of its own country is one: "withdrew from Aleppo")
    if s.agent is None and t.code == t.country:
        return False
    # an organ whose country was only inferred may be another country's ("Indian firing
    # wounded a woman": _foreign_victims)
    return (s.agent is None and s.code == s.country and t.agent in _OWN_ORGANS and not t.inferred) or (
        t.agent is None and t.code == t.country and s.agent in _OWN_ORGANS and not s.inferred)


def _foreign_victims(events: list, mentions: list) -> list:
    """"Indian firing along the Line of Control wounded a woman, Pakistani police said": force a
    state as a whole uses (a country named alone, no force of its own) falls on another country's
    people; a victim whose country was only inferred, as the attacker's own, is of the one other
    country the sentence names, if it names exactly one."""
    out = []
    for e in events:
        t, s = e.target, e.source
        if (t is not None and t.inferred and s.agent is None and s.country is not None and t.country == s.country
                and e.code[:2] in _FORCE_ROOTS and e.code[:2] != "17"):
            others = {m.country for m in mentions if m.country is not None and m.country != s.country and not m.place}
            if len(others) == 1:
                country = others.pop()
                e = replace(e, target=replace(t, country=country, code=country + (t.agent or "")))
        out.append(e)
    return out


# Verbs of calling one's own envoys home, and the nouns of the envoys.
_RECALLING = frozenset({"recall", "withdraw", "pull"})
_ENVOYS = frozenset({"diplomat", "ambassador", "envoy", "attache", "consul", "representative", "emissary"})


def _recalled_from(doc, e):
    """"Nigeria is recalling its top diplomats in South Africa": recalled envoys are the
    recaller's own, named by the place after them; the act is aimed at that place, the country as named (a
    capital stands for its government, "its ambassador to Tehran"), not at the envoys as that
    country's government."""
    t = e.target
    if (t is None or e.code != "161" or t.agent != "GOV" or not t.country or doc[e.verb].lemma not in _RECALLING
            or doc[t.head].lemma not in _ENVOYS or t.end - 1 <= t.head):
        return e  # also "the new U.S. ambassador": envoys named by their country are that country's
    return replace(e, target=replace(t, code=t.country, agent=None))


def _capital_as_land(e):
    """"Russia launched 500 drones in an attack on Kyiv": force used on a capital city is used on
    the country there, not on the government the capital stands for in words ("Kyiv said")."""
    t = e.target
    if (t is None or e.code[:2] not in ("18", "19", "20") or t.agent != "GOV" or not t.country
            or "agents.txt" in t.entry or not _is_city(t.text.replace("’", "'").rsplit("'s ", 1)[-1])):
        return e
    return replace(e, target=replace(t, code=t.country, agent=None))


# Agents whose arrival somewhere is no visit: forces, police, civilians and refugees.
_NOT_VISITORS = ("MIL", "COP", "CVL", "REF")


def _travelling_not_visiting(e) -> bool:
    """"Kenyan police arrived in Haiti", "migrants travel to the United States": forces that
    arrive are deployed and people who travel migrate; a visit (042, hosted 043) is made by
    officials and envoys."""
    visitor = e.source if e.code == "042" else e.target if e.code == "043" else None
    if visitor is None:
        return False
    if visitor.agent is not None and visitor.agent[:3] in _NOT_VISITORS:
        return True
    # "Navalny flew home to Russia", "returned to Kenya": going to one's own country (a country or
    # place named alone) is coming home, no visit
    visited = e.target if e.code == "042" else e.source
    if visited is None or visitor.country is None or visited.country != visitor.country:
        return False
    # ("Tsipras flew back to Athens": a city of one's own country standing for its government
    # is where one went, not whom one visited)
    return visited.code == visited.country or (
        visited.agent == "GOV" and "agents.txt" not in visited.entry and _is_city(visited.text))


# Clause links along which a participle or a second verb shares its governor's subject.
_SHARING_LINKS = frozenset({"advcl", "ccomp", "xcomp", "conj"})
# Roots of acts done in words (statements, appeals, demands, disapproval, threats, protests)
_VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13", "14"})


def _direct_object_mentions(v, by_head: dict[int, Mention]) -> list[Mention]:
    return _counted_mentions([o for o in v.children if o.dep_ == "dobj"], by_head)


def _with_coordinated_objects(v, words: list, targets: list, by_head: dict[int, Mention]) -> list:
    """"threatened to sink Japan and reduce the United States to ashes": where the pattern's
    target is its complement's object, the complement's later coordinated verbs (without a
    subject of their own) act on their objects too. Not otherwise: "urged Russia to withdraw and
    free prisoners" is addressed to Russia alone."""
    for comp in words:
        if comp.pos_ not in _VERBAL or comp is v or comp.dep_ not in ("xcomp", "ccomp"):
            continue
        if not any(m in targets for m in _direct_object_mentions(comp, by_head)):
            continue
        for c in comp.conjuncts:
            if c.i > comp.i and c.pos_ in _VERBAL and not _has_subject(c):
                targets = targets + [m for m in _direct_object_mentions(c, by_head) if m not in targets]
    return targets


def _feared_clause(v, t, lex) -> bool:
    """Whether token ``t`` stands in a clause below the verb ``v`` that a word of fear, hope or
    doubt holds (@intending: "feared that ...", "concern that ..."), not among the verb's own words."""
    intending = lex.dictionaries.intending
    while t.head is not t and t is not v:
        if t.dep_ in ("ccomp", "acl") and t.pos_ in _VERBAL and t.head.lemma in intending:
            return True
        t = t.head
    return False


def _bare_quantity(v) -> bool:
    """Whether the verb's object is a number or quantity alone ("and killed eight", "kidnapped
    several"): the people counted are those the coordinated verb named."""
    for c in v.children:
        if c.dep_ == "dobj":
            return (c.pos_ == "NUM" or c.lemma in _QUANTITIES) and not any(
                g.dep_ in ("prep", "compound", "amod", "relcl", "acl") for g in c.children)
    return False


def _names_nothing(v) -> bool:
    """Whether the verb has no object, complement or prepositional phrase of its own."""
    return not any(c.dep_ in ("dobj", "dative", "prep", "ccomp", "xcomp", "attr", "oprd", "acomp", "prt")
                   for c in v.children)


# Verbs that convey words named by their object ("lodged a formal protest", "expressed concern").
_CONVEYING = frozenset({"lodge", "file", "register", "express", "voice", "convey", "deliver", "issue", "hand", "send"})


def _conveys(v, by_head: dict) -> bool:
    """Whether the verb conveys words its object names, no party ("lodged a formal protest")."""
    return v.lemma in _CONVEYING and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in by_head
                                         for c in v.children)


def _shared_targets(sent, untargeted: list, events: list, require_dyad: bool, by_head: dict) -> list:
    """Acts (``untargeted``: pairs of the act and its sources) that name no party of their own
    take the party of the act their clause depends on, done by the same actor: "North Korea
    demanded that the US call off the drills, warning that ..." (the warning is to the US), "the
    EU urged Cuba to free prisoners, while demanding ...", "captured two Israeli soldiers and
    killed eight" (the eight are Israeli soldiers). The other way too, for words: "Amnesty
    condemned the strike, accusing the military of reckless attacks" condemns the military, "met
    and held talks with Sisi" meets Sisi. A participle or second verb with a subject of its own
    shares nothing. A refusal answers the request before it (``_requesters``)."""
    doc = sent.doc
    by_verb: dict[int, list] = {}
    for e in events:
        if e.target is not None:
            by_verb.setdefault(e.verb, []).append(e)
    out = []
    for e, sources in untargeted:
        v = doc[e.verb]
        codes = {s.code for s in sources}
        targets: list = []
        if not _has_subject(v) and ((v.dep_ == "advcl" and v.tag_ == "VBG") or (
                v.dep_ == "conj" and (_bare_quantity(v) or _names_nothing(v) or (
                    e.code[:2] in _VERBAL_ROOTS and _conveys(v, by_head))))):
            # ("summoned the Chinese ambassador and lodged a formal protest": words that name
            # no party of their own are said to the party of the verb they are joined to)
            material = e.code[:2] not in _VERBAL_ROOTS
            t = v
            while t.dep_ in _SHARING_LINKS and t.head is not t:
                t = t.head
                # "accuse the military of killings, razing villages": a deed does not share the
                # party of words (a parse that hangs the accused deed on the accusation)
                targets = [f.target for f in by_verb.get(t.i, ())
                           if f.source.code in codes and not (material and f.code[:2] in _VERBAL_ROOTS)]
                if targets:
                    break
        if not targets and (e.code[:2] in _VERBAL_ROOTS or e.code[:2] == "19"):
            # (a deed's participle is its result: "attacked a village, killing ten" is one act)
            # "met and held talks with Sisi", "police shot and killed two men": a verb that names
            # nothing shares the party of the verb coordinated with it
            bare = _names_nothing(v)
            verbal = e.code[:2] in _VERBAL_ROOTS
            for c in v.children:
                if c.i > v.i and not _has_subject(c) and (
                        (verbal and c.dep_ == "advcl" and c.tag_ == "VBG") or (c.dep_ == "conj" and bare)):
                    targets = [f.target for f in by_verb.get(c.i, ()) if f.source.code in codes]
                    if targets:
                        break
        if not targets and e.code[:2] in _FORCE_ROOTS and v.dep_ == "advcl" and v.head.i < v.i \
                and v.head.lemma in _HARMED and _is_passive(v.head) and not _has_agent(v.head):
            # "Fifteen people were killed when Boko Haram attacked a remote village": the attack
            # that names only a place fell on the people the clause it tells of says were harmed
            targets = [m for m in _counted_mentions(_patients(v.head), by_head)
                       if m.code not in codes and not m.place]
        if not targets and e.code[:2] in _STRIKING_ROOTS and e.code[:3] != "192":
            # "30 protesters were killed when the military opened fire", "the attackers opened
            # fire as the paramilitary unit passed", "the troops were on their way when the
            # gunmen attacked": force that names no one falls on the party of the clause it is
            # timed by, or that is timed by it
            targets = _timed_party(sent, v, sources, codes, by_head) or _opposed_party(v, sources, codes, by_head)
        if not targets and v.dep_ == "xcomp" and v.head.lemma in _PROMPTING and e.code[:2] in _ANSWERING_ROOTS:
            # "flew into its airspace, prompting Tokyo to launch a formal protest", "leading
            # Moscow to threaten a response": an act prompted answers whoever prompted it
            targets = [m for m in _mentions_at(_expand(_causers(v.head)), by_head)
                       if m.code not in codes and not m.place]
        if not targets and (v.dep_ == "relcl" or v.dep_ == "acl") and v.head.lemma in _CHARGES and v.lemma in _DENYING:
            # "accuses Tehran of supplying the Huthis, a charge Iran denies", "an accusation denied
            # by Nairobi": the denial answers whoever made the charge
            targets = _accusers(sent, v.head, codes, events, untargeted, by_head)
            if targets:
                e = RawEvent(e.verb, e.source, None, "016", e.pattern, e.verb_text, e.passive)
        if not targets and e.code == "016":
            # "The US accused Iran of arming the rebels, but Iran denied the reports": a denial
            # answers whoever accused the denier earlier in the sentence
            sides = {(s.country, s.agent) for s in sources}
            targets = [f.source for f in events if f.verb < v.i and f.code[:2] == "11" and f.target is not None
                       and (f.target.code in codes or (f.target.country, f.target.agent) in sides
                            or (f.target.agent is None and f.target.country in {s.country for s in sources}))]
        if not targets and e.code[:2] == "12" and _answers_a_request(v):
            targets, asked = _requesters(e, codes, events, untargeted, out)
            if targets and e.code == "120":
                # refusing the request is refusing what it asked for ("refused" an extradition: 1213)
                e = RawEvent(e.verb, e.source, None, _REFUSING.get(asked[2:], "120"), e.pattern, e.verb_text, e.passive)
        if not targets and e.code == "175":
            targets = _crowd(sources, by_head)
        if not targets and (e.code[:2] == "11" or e.code[:2] == "12") and _judged_act(v):
            # "Russia expelled two British diplomats, and London condemned the move", "Malta had
            # refused to take in the ship, calling the decision absurd": a noun that refers back
            # to an act told before in the same sentence names whoever did it
            targets = _doers_before(v.i, events, codes)
        if e.code[:2] == "19" and _answers_fire(v):
            if not targets:
                # "Tajik forces are attacking Kyrgyz outposts and Kyrgyz troops are returning
                # fire", "launched a counterattack after Maoist guerrillas killed 57 soldiers":
                # force that answers force is used on the side that struck first
                targets = _first_strikers(events, sources, codes)
            # "Pakistani troops opened fire and Indian troops returned fire", "had fired,
            # prompting India's forces to return fire": the first strikers' fire that named no
            # one fell on the side that answered it
            strikers = _untargeted_strikers(e, untargeted, codes, out)
            targets = targets or strikers
        if not targets and e.code[:2] == "13":
            # "warned of aggressive protests if Rajapaksa does not resign": a threat is made to
            # whoever must act or refrain for it not to be carried out
            targets = [m for m in _mentions_at(_expand(_conditioned_subjects(v)), by_head) if m.code not in codes]
        if not targets:
            if not require_dyad:
                out.extend(RawEvent(e.verb, s, None, e.code, e.pattern, e.verb_text, e.passive) for s in sources)
            continue
        _pair_up(out, e, sources, targets)
    return out


# Nouns of what was said, whose "of" phrase names who said it ("the remarks of the minister"),
# besides the claims of _CLAIM_NOUNS.
_SAYINGS = frozenset({"statement", "remark", "comment", "criticism"})
# Words of a stated unwillingness: "will not", "would not", "won't" (the tokens "wo" "n't"), "no
# intention of".
_UNWILLING_WORDS = frozenset({"will", "would", "wo", "intention"})
# Roots of the acts whose refusal is a rejection (12x): meeting, cooperating, aiding, yielding.
_YIELDING_ROOTS = frozenset({"04", "05", "06", "07", "08"})
# Verbs whose clause is wanted or asked for, not a stated unwillingness of its subject.
_WANTING = frozenset({"ask", "urge", "request", "demand", "call", "want", "wish", "hope", "promise", "pledge", "agree",
                      "expect", "fear", "press", "seek", "insist"})


def _will_not(v) -> bool:
    """Whether the verb is told as what its subject will not or would not do ("would not pull
    its troops out", "won't comment"): a stated refusal, not a narrated absence."""
    return _is_negated(v) and any(c.dep_ == "aux" and c.lemma in ("will", "would") for c in v.children)


def _conditional(v) -> bool:
    """Whether the verb holds a condition ("if he remained, ... would not protect him")."""
    return any((c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")) or (c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)) for c in v.children)


_UNWILLING = VerbPattern(("unwilling",), (), "120", None, (), None, "(a stated unwillingness to do an act)")


def _unwilling(lex, sent, by_head: dict, events: list) -> list:
    """A stated unwillingness to meet, cooperate, aid or yield is a rejection (12x, convention 4):
    "Russia said it would not pull its troops out", "the government has no intention of
    negotiating with the rebels", "the government will not negotiate with the rebels". The
    rejection is coded as the refusal of the act the verb's most specific pattern names (its
    appeal's refusal: release 1243, de-escalation 1246, a meeting 125), to the act's own party or
    to whom the saying was told. Not in a condition or the passive, not when a governing verb
    wants or asks for it, and not for acts of no such root ("will not attack" reassures)."""
    out = []
    coded = {e.verb for e in events}
    for v in sent:
        if v.pos_ != "VERB" or _is_passive(v) or v.i in coded:
            continue
        holder = None  # the clause whose subject is unwilling
        if _will_not(v):
            holder = v  # "would not pull its troops out"
        elif v.dep_ in ("acl", "pcomp") and (v.tag_ == "VB" or v.tag_ == "VBG"):
            noun = v.head if v.dep_ == "acl" else v.head.head
            if noun.lemma == "intention" and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children) \
                    and noun.head is not noun and noun.dep_ == "dobj":
                holder = noun.head  # "has no intention of negotiating" ("no plans to" only tells of plans)
        if holder is None or holder.dep_ == "advcl" or _conditional(holder) or (
                holder.dep_ in ("xcomp", "ccomp") and holder.head.lemma in _WANTING):
            continue  # "if he remained, forces would not protect him"; "asked Sweden to promise it would not"
        code = _act_code(lex, v, by_head)
        if code is None or code[:2] not in _YIELDING_ROOTS:
            continue
        appeal = by_longest_prefix(_APPEALED, code)
        refusal = _REFUSING.get(appeal[2:], "120") if appeal else "120"
        sources = [m for m in _mentions_at(_subject_tokens(holder, False), by_head) if not m.place]
        told = holder.head if holder.dep_ == "ccomp" and holder.head is not holder else None
        addressees = [m for m in _mentions_at([c for c in told.children if c.dep_ in ("dobj", "dative")], by_head)
                      if not m.place] if told is not None and told.lemma in _TELLING else []
        parties = addressees or [m for m in _mentions_at(_objects(v) + _prep_objects([v], None), by_head) if not m.place]
        for src in sources:
            for tm in parties:
                if tm.code != src.code and not _same_state(src, tm):
                    out.append(RawEvent(v.i, src, tm, refusal, _UNWILLING, v.text, False))
    return out


def _act_code(lex, v, by_head: dict) -> str | None:
    """The code of the verb's most specific pattern that its clause matches, as if it were told
    as done, or None."""
    if lex.verbs.get(v.lemma) is None and lex.verbs.get(v.lower_) is None:
        return None
    clause = _clause_tokens(v)
    own = [t for t in clause if t.i > v.i]
    pre = [t for t in clause if t.i < v.i]
    own_keys, pre_keys, extended, ext_keys = _clause_keys(v, own, pre)
    names = (v.lemma, v.lower_) if v.lower_ != v.lemma else (v.lemma,)
    particle = next((c for c in v.children if c.dep_ == "prt"), None)
    found = _first_match(_candidates(lex, names, ext_keys.words() | pre_keys.words()), False, own, own_keys, pre_keys,
                         extended, ext_keys, by_head, particle)
    if found is None or found[0].code == NO_EVENT:
        return None
    return found[0].code


_NO_COMMENT = VerbPattern(("comment",), (), "011", None, (), None, "(would not comment on an act or a claim)")


def _no_comment(sent, by_head: dict, events: list) -> list:
    """"Cuban officials would not comment on the accusations of the Ladies in White": "would not
    comment" on what a party did or said declines comment (011), as "declined to comment on"
    does, to that party (the maker the noun names, or a party named on its own); "has not
    commented" only tells that no comment came."""
    out = []
    for v in sent:
        if v.lemma != "comment" or v.pos_ != "VERB" or not _will_not(v) or any(e.verb == v.i for e in events):
            continue  # "has not commented", "could not comment": no comment told as declined (convention 36)
        sources = [m for m in _mentions_at(_subject_tokens(v, False), by_head) if not m.place]
        about = _prep_objects([v], "on")
        targets = [m for m in _mentions_at(about, by_head) if not m.place] or _event_agents(v, about, by_head) or [
            m for m in _mentions_at(_prep_objects([o for o in about if o.lower_ in _CLAIM_NOUNS or o.lemma in _SAYINGS], "of"),
                                    by_head) if not m.place]  # "the accusations of the Ladies in White": their maker
        for src in sources:
            for tm in targets:
                if tm.code != src.code and not _same_state(src, tm):
                    out.append(RawEvent(v.i, src, tm, "011", _NO_COMMENT, v.text, False))
    return out


_RECALLED = VerbPattern(("recall",), (), "161", None, (), None, "(an envoy recalled, told in the passive)")


def _recalled_envoys(sent, by_head: dict, events: list) -> list:
    """"Algeria's ambassador to France has been recalled from Paris": an envoy recalled, told in
    the passive with no agent, was recalled by the government the envoy serves (a state recalls
    only its own envoys), from the country of the "from" phrase or of the envoy's "to" phrase."""
    doc = sent.doc
    out = []
    for v in sent:
        if v.lemma != "recall" or not _is_passive(v) or _is_negated(v) or any(c.dep_ == "agent" for c in v.children):
            continue
        envoys = [m for m in _mentions_at([c for c in v.children if c.dep_ == "nsubjpass"], by_head)
                  if m.agent == "GOV" and m.country is not None and doc[m.head].lemma in _ENVOYS]
        for m in envoys:
            posts = _prep_objects([v], "from") or _prep_objects([doc[m.head]], "to")
            for t in _mentions_at(posts, by_head):
                if t.country is None or t.country == m.country or any(
                        e.code == "161" and e.source.country == m.country and e.target is not None
                        and e.target.country == t.country for e in events + out):
                    continue
                out.append(RawEvent(v.i, m, replace(t, place=False), "161", _RECALLED, v.text, True))
    return out


# Words for the staff of a foreign mission who may be told to leave.
_MISSION_STAFF = _ENVOYS | {"staff", "personnel", "official", "officer", "employee", "member", "commissioner"}
# Verbs by which a state makes known that a mission's staff must go.
_TELLING_TO_GO = frozenset({"say", "announce", "tell", "inform", "give", "notify", "declare", "order", "state"})
_LEAVING = frozenset({"leave", "leaving"})
# The time a party is given or has to leave in ("72 hours to leave").
_TIME_GIVEN = frozenset({"hour", "day", "week"})
_TOLD_TO_LEAVE = VerbPattern(("leave",), (), "161", None, (), None, "(a foreign mission's staff told they must leave)")


def _told_to_leave(sent, by_head: dict, events: list) -> tuple[list, set]:
    """A state that says a foreign mission's staff must leave expels them (161): "India
    announced that six Canadian diplomats would have to leave the country", "gave Cuba a list of
    15 Cuban diplomats that must leave the U.S.", "said the French ambassador had 72 hours to
    leave", "gave Qatari diplomats 48 hours to leave". The leaving must be required (must, have
    to, hours or days to), its subject (or whom the time was given) named as the mission's staff
    (or a pronoun or "its" resolved to them), and told by a state of another country. Returns the
    expulsions not coded yet and every (verb, teller, staff) told, coded or not."""
    doc = sent.doc
    out = []
    told = set()
    for t in sent:
        if t.lemma != "leave" or not t.tag_.startswith("VB") or _is_negated(t):
            continue
        required = any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in t.children)
        up = t
        if not required and t.dep_ == "xcomp" and t.head.lemma == "have" and t.head.i < t.i:
            required, up = True, t.head  # "would have to leave"
        if not required and t.dep_ in ("relcl", "acl") and t.head.lemma in _TIME_GIVEN:
            required, up = True, t.head.head  # "had 72 hours to leave"
        if not required and t.dep_ == "advcl" and t.head.lemma == "give" and any(
                c.lemma in _TIME_GIVEN and c.dep_ in ("dobj", "npadvmod") for c in t.head.children):
            required, up = True, t.head  # "gave the diplomats 24 hours to leave", as the parser may hang it
        if not required or _is_negated(up):
            continue
        if up.lemma == "give":
            # "gave Qatari diplomats 48 hours to leave": who must leave is who was given the time
            subject = [c for c in up.children if (c.dep_ == "dative" or c.dep_ == "dobj") and c.lemma not in _TIME_GIVEN]
        else:
            subject = _subject_tokens(up, False) or (
                [t.head] if t.dep_ == "relcl" and t.head.pos_ == "NOUN" else [])  # "diplomats that must leave"
        words = _expand(subject + [p for x in subject for c in x.children if c.dep_ == "prep" and c.lower_ == "of"
                                   for p in c.children if p.dep_ == "pobj"])
        of_staff = any(x.lemma in _MISSION_STAFF for x in words)  # "10 of its staff"
        if of_staff:
            words = words + [c for x in words if x.lemma in _MISSION_STAFF for c in x.children if c.dep_ == "poss"]
        staff = [m for m in _mentions_at(words, by_head)
                 if m.agent == "GOV" and m.country is not None and (
                     doc[m.head].lemma in _MISSION_STAFF or m.via is not None or (of_staff and doc[m.head].tag_ == "PRP$"))]
        if not staff:
            continue
        g = up if t.dep_ != "relcl" or up.lemma == "give" else t.head
        while g.head is not g and g.lemma not in _TELLING_TO_GO:
            if g.dep_ not in ("ccomp", "relcl", "acl", "xcomp", "conj", "dobj", "pobj", "prep", "advcl"):
                break
            g = g.head
        if g.lemma not in _TELLING_TO_GO or _is_negated(g):
            continue
        tellers = [m for m in _mentions_at(_subject_tokens(g, _is_passive(g)), by_head)
                   if m.country is not None and m.agent in (None, "GOV")]
        for s in tellers:
            for m in staff:
                if m.country == s.country:
                    continue
                told.add((g.i, s.code, m.code))
                if any(e.source.code == s.code and e.code == "161" and e.target is not None and e.target.code == m.code
                       for e in events + out):
                    continue
                out.append(RawEvent(g.i, s, m, "161", _TOLD_TO_LEAVE, f"{g.text} ... {t.text}", False))
    return out, told


# Nouns of what is claimed, which a denial answers ("denied reports that ...", "dismissed
# allegations that ...").
_CLAIM_NOUNS = frozenset({"report", "reports", "allegation", "allegations", "accusation", "accusations", "claim",
                          "claims", "charge", "charges", "suggestion", "suggestions", "rumor", "rumors", "rumour",
                          "rumours", "assertion", "assertions"})


def _claims_content_apart(sent, events: list) -> tuple[list, list]:
    """A denial's (or a declined comment's) target named only inside what the claim says ("the
    rebels denied reports that they had agreed to meet the government", "dismissed allegations
    that his forces detained civilians", "declined to comment on a report that the two parties
    will sign") is not who made the claim: the act is left to name its maker otherwise. Returns
    the events kept and the acts left without a target (with their sources)."""
    doc = sent.doc
    kept, unclaimed = [], []
    contents = []  # the "that" clauses of the sentence's claim nouns, with the nouns
    for o in sent:
        if o.lower_ in _CLAIM_NOUNS and o.pos_ == "NOUN":
            for c in o.children:
                if c.dep_ in ("acl", "relcl", "ccomp") and any(x.lower_ == "that" and x.dep_ == "mark" for x in c.children):
                    below = c.subtree
                    contents.append((o, below[0].i, below[-1].i))
    for e in events:
        if (e.code != "016" and e.code != "011") or e.target is None or not contents:
            kept.append(e)
            continue
        v = doc[e.verb]
        inside = False
        for o, lo, hi in contents:
            t = o  # the claim is what the denial or the comment is about: the noun hangs below its verb
            for _ in range(4):
                if t.i == v.i or t.head is t:
                    break
                t = t.head
            if t.i == v.i and lo <= e.target.head <= hi:
                inside = True
        if not inside:
            kept.append(e)
            continue
        for u, sources in unclaimed:
            if u.verb == e.verb:
                if e.source not in sources:
                    sources.append(e.source)
                break
        else:
            unclaimed.append((RawEvent(e.verb, e.source, None, e.code, e.pattern, e.verb_text, e.passive), [e.source]))
    return kept, unclaimed


# Words of a disaster that make aid humanitarian, and the humanitarian code of each aid code.
_DISASTER_WORDS = frozenset({"flood", "floods", "flooding", "earthquake", "quake", "quake-stricken", "tsunami", "cyclone",
                             "hurricane", "typhoon", "drought", "famine", "disaster", "disaster-hit", "humanitarian",
                             "relief", "landslide", "landslides", "wildfire", "wildfires", "epidemic"})
_HUMANITARIAN = {"070": "073", "033": "0333", "023": "0233"}


# Words of being troubled by something ("is concerned by", "was deeply disturbed by"), by their
# forms in the text, and the prepositions that name what troubles.
_CONCERNED = frozenset({"concerned", "worried", "alarmed", "disturbed", "troubled", "dismayed", "outraged",
                        "angered", "upset", "shocked", "appalled", "perturbed"})
_TROUBLED_BY = frozenset({"by", "about", "over", "at", "with"})
_BEING = frozenset({"be", "remain", "seem", "appear", "feel", "become", "grow", "get"})
_CONCERN_PATTERN = VerbPattern(("concern",), (), "110", None, (), None, "(concerned, disturbed or alarmed by an act)")


def _concerned(sent, by_head: dict, events: list) -> list:
    """Being concerned, disturbed, alarmed ... by what a party does is disapproval of that party
    (110): "the US said it was concerned by China's attempts to intimidate its neighbours",
    "Canada is extremely disturbed by China's detention of two Canadians". Who is troubled is the
    subject; whom it troubles by is the possessor or the maker (a "by" agent) of the act named, or
    the party named itself. Not when negated or only possible."""
    out = []
    for t in sent:
        if t.lower_ not in _CONCERNED:
            continue
        if t.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in t.children):
            clause, subjects = t, [c for c in t.children if c.dep_ == "nsubjpass"]
        elif t.dep_ == "acomp" and t.head is not t and t.head.lemma in _BEING:
            clause, subjects = t.head, [c for c in t.head.children if c.dep_ == "nsubj"]
        else:
            continue
        if _is_negated(clause) or _is_negated(t) or any(
                c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "would") for c in clause.children):
            continue
        troubling = [p for c in t.children if (c.dep_ == "agent" or c.dep_ == "prep") and c.lower_ in _TROUBLED_BY
                     for p in c.children if p.dep_ == "pobj"]
        targets = []
        for o in troubling:
            found = _mentions_at([o], by_head)
            if not found and o.pos_ == "NOUN":
                found = _mentions_at(_expand(_by_agents(o)), by_head)
            targets += [m for m in found if not m.place]
        sources = [m for m in _mentions_at(_expand(subjects), by_head) if not m.place]
        for src in sources:
            for tm in targets:
                if tm.code == src.code or _same_state(src, tm) or any(
                        e.source.code == src.code and e.target is not None and e.target.code == tm.code
                        and e.code[:2] == "11" for e in events + out):
                    continue
                out.append(RawEvent(t.i, src, tm, "110", _CONCERN_PATTERN, f"{t.text} {troubling[0].head.text}", False))
    return out


# Nouns of negotiation a meeting may be "for" (convention 27: "met for talks" is a meeting and
# negotiations, 040 or 044 and 046, both ways).
_TALK_WORDS = frozenset({"talks", "negotiations", "consultations", "discussions", "negotiation"})
_MET_FOR_TALKS = VerbPattern(("meet",), (), "046", None, (), None, "(a meeting held for talks)")


def _for_talks(doc, i: int, verb: int) -> bool:
    """Whether token ``i`` is talks a "for" phrase in the clause of ``verb`` names ("met ... in
    Munich for nuclear talks")."""
    t = doc[i]
    if t.lower_ not in _TALK_WORDS or t.dep_ != "pobj" or t.head.lower_ != "for":
        return False
    h = t.head.head
    for _ in range(6):
        if h.i == verb:
            return True
        if h.pos_ in _VERBAL or h.head is h:
            return False
        h = h.head
    return False


_PLACE_PREPOSITIONS_SET = frozenset(_PLACE_PREPOSITIONS)


def _phrase_places(doc, i: int, by_head: dict[int, Mention]) -> list[str]:
    """Countries of the places an act's own phrases put it in: the verb's or noun's "in"/"at"
    phrases and those of its object or "for" phrase ("met for talks in Beijing", "held talks in
    Beijing"), not of clauses further down."""
    tok = doc[i]
    heads = [tok]
    for c in tok.children:
        if c.dep_ == "dobj":
            heads.append(c)
        elif c.dep_ == "prep" and c.lower_ == "for":
            heads.extend(p for p in c.children if p.dep_ == "pobj")
    out = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in _PLACE_PREPOSITIONS:
                for p in c.children:
                    m = by_head.get(p.i) if p.dep_ == "pobj" else None
                    if m is not None and m.country:
                        out.append(m.country)
    return out


def _met_elsewhere(doc, events: list, by_head: dict[int, Mention], elsewhere: dict[str, str]) -> list:
    """A meeting the act's own phrases place in a country neither party's is a meeting at a third
    location (``@elsewhere``, 040 -> 044), told by a noun ("the meeting in Brussels") or a verb; talks
    held there are negotiations and such a meeting too ("held talks in Beijing": 046 and 044,
    convention 41)."""
    met_there = elsewhere.get("040")
    out = list(events)
    have = {(e.source.code, e.target.code if e.target is not None else None, e.code) for e in events}
    for k, e in enumerate(events):
        there = elsewhere.get(e.code)
        if e.target is None or e.source.country is None or e.target.country is None or not (
                there or (e.code == "046" and met_there)):
            continue
        if not any(p not in (e.source.country, e.target.country) for p in _phrase_places(doc, e.verb, by_head)):
            continue
        if there:
            out[k] = replace(e, code=there)
        elif (e.source.code, e.target.code, met_there) not in have:
            have.add((e.source.code, e.target.code, met_there))
            out.append(replace(e, code=met_there))
    return out


def _met_for_talks(sent, events: list) -> list:
    """The negotiations (046) a meeting was held for: "met her Pakistani counterpart for talks",
    "held two bilateral meetings with Kerry in Munich for nuclear talks"."""
    doc = sent.doc
    out = []
    have = {(e.source.code, e.target.code if e.target is not None else None, e.code) for e in events}
    for e in events:
        if e.target is None or e.code[:3] not in ("040", "044"):
            continue
        # (only the sentence's own tokens are parsed: a story's later sentences are not yet)
        if not any(_for_talks(doc, p, e.verb) for p in range(e.verb + 1, min(sent.end, e.verb + 30))):
            continue
        key = (e.source.code, e.target.code, "046")
        if key not in have:
            have.add(key)
            out.append(RawEvent(e.verb, e.source, e.target, "046", _MET_FOR_TALKS, e.verb_text, e.passive))
    return out


# Nouns of asking that an act was done "at" or "following" ("at the request of the United States").
_REQUEST_WORDS = frozenset({"request", "behest", "invitation", "urging"})
_REQUEST_PREPS = frozenset({"at", "after", "following", "upon", "on", "to"})
# Nouns of an accusation whose "that" clause tells what the accused did ("allegations by rebel
# groups that the army had used chemical gas").
_ACCUSING_NOUNS = _ALLEGING_NOUNS | {"claim", "claims", "assertion", "assertions"}
# Of those, _ALLEGING_NOUNS accuse whatever their clause tells ("claims" accuse only of a misdeed:
# "Uribe's claims that the rebels have gotten weaker" accuse no one).
_CLAIMED = VerbPattern(("allegation",), (), "112", None, (), None, "(an accusation a noun tells: \"allegations by X that Y ...\")")


def _claimed_acts(lex, sent, by_head: dict, events: list) -> list:
    """An accusation told by a noun with a "that" clause: its makers (its "by"/"from" phrase or
    the actor modifying it) accuse the clause's subject, coded by the act the clause tells as
    an accusation of it is ("rebel allegations that the army had used chemical gas": 1123)."""
    out = []
    have = {(e.source.code, e.target.code) for e in events if e.target is not None}
    index = lex.verbs.get("accuse")
    for t in sent:
        if t.lower_ not in _ACCUSING_NOUNS or t.pos_ != "NOUN":
            continue
        # (the parser may hang the clause on the makers' phrase: "allegations by rebel groups
        # that the army had used ...")
        clauses = [c for c in t.subtree if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in _VERBAL
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        if not clauses:
            continue
        makers = _mentions_at(_expand([p for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                                       for p in c.children if p.dep_ == "pobj"]), by_head)
        own = by_head.get(t.i) or next((by_head[c.i] for c in t.children
                                         if c.i < t.i and c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in by_head), None)
        if own is not None and own.start < t.i:
            makers.append(own)  # "rebel allegations", "Russia's claims"
        if not makers:
            continue
        for clause in clauses:
            accused = [m for m in _mentions_at(_expand([c for c in clause.children if c.dep_ == "nsubj"]), by_head)
                       if not m.place]
            if not accused:
                continue
            code = (_named_accusation(index, clause) if index is not None else None) or (
                ("1122" if _abused(clause, by_head) else "1123") if _force_codes(lex, clause) or _warlike(clause)
                else "112")
            if code == "112" and t.lower_ not in _ALLEGING_NOUNS:
                continue  # a claim of no misdeed accuses no one
            for x in makers:
                for y in accused:
                    if x.code == y.code or _same_state(x, y) or (x.code, y.code) in have:
                        continue
                    have.add((x.code, y.code))
                    out.append(RawEvent(t.i, x, y, code, _CLAIMED, t.text, False, "noun"))
    return out


# Verbs a speaker asserts a clause with (not "report", "confirm", "announce": a clause they tell
# may be the speaker's news, not its charge), and their forms, to tell a sentence that may hold one.
_ASSERTING = frozenset({"say", "state", "claim", "tell", "add", "insist", "assert", "maintain", "argue", "contend",
                        "allege", "charge"})
_ASSERTING_WORDS = frozenset({"said", "says", "say", "saying", "stated", "states", "claimed", "claims", "claiming",
                              "told", "tells", "added", "insisted", "insists", "asserted", "maintained", "maintains",
                              "argued", "argues", "contended", "alleged", "alleges", "charged", "charges"})
# Of those, the verbs that allege by themselves, also after the clause ("..., the opposition claimed").
_ALLEGING = frozenset({"claim", "allege", "charge"})
# Verbs of trying, whose infinitive names the deed tried ("is trying to destabilise the country").
_TRYING = frozenset({"try", "seek", "attempt"})
# Charges of force, which a party of the deed's own country tells as a report of it.
_FORCE_CHARGES = frozenset({"1122", "1123"})
_SAID_MISDEED = VerbPattern(("say",), (), "112", None, (), None, "(a misdeed a speaker says another party did)")


def _said_misdeeds(lex, sent, by_head: dict, events: list, untargeted: list) -> list:
    """What a speaker says another party did judges it when the deed is one an accusation names
    (convention 20): "Hasina said the opposition is trying to destabilise the country" (1125),
    "told parliamentarians that Britain was militarizing the South Atlantic" (1123). Only for a
    deed told as done or going on, not negated or in a condition, and only when its doer got no
    event of its own (convention 3: a neutral "X said" codes the act it reports). Force told by
    a party of the same country ("police said protesters threw petrol bombs") is a report of the
    act, and so is a deed put first with its speaker after it ("North Korea fired a missile, the
    minister said"), unless the verb itself alleges ("..., the opposition claimed").
    ``untargeted``: the doers of the sentence's acts that have no target."""
    index = lex.verbs.get("accuse")
    if index is None:
        return []
    out = []
    have = {(e.source.code, e.target.code) for e in events if e.target is not None}
    doers = {e.source.code for e in events} | set(untargeted)
    for v in sent:
        if v.lemma not in _ASSERTING or v.pos_ not in _VERBAL or _is_negated(v):
            continue
        speakers = [m for m in _mentions_at(_expand(_subject_tokens(v, False)), by_head)
                    if not m.place and m.agent != "MED"]
        if not speakers:
            continue
        sides = {m.country for m in speakers}
        for u in v.children:
            if u.dep_ != "ccomp" or u.pos_ not in _VERBAL or (u.i < v.i and v.lemma not in _ALLEGING):
                continue
            subject = [c for c in u.children if c.dep_ == "nsubj"]
            for w in [u] + [c for c in u.children if c.dep_ == "conj" and c.pos_ in _VERBAL]:
                own = [c for c in w.children if c.dep_ == "nsubj"] or subject
                if _is_negated(w) or _conditional(w) or not _reported(w):
                    continue
                deed = next((x for x in w.children if x.dep_ == "xcomp" and x.pos_ == "VERB"), None) \
                    if w.lemma in _TRYING else w
                if deed is None or _is_negated(deed):
                    continue
                code = _named_accusation(index, deed) or (
                    ("1122" if _abused(deed, by_head) else "1123") if _force_codes(lex, deed) or _warlike(deed) else None)
                if code is None:
                    continue
                accused = [m for m in _mentions_at(_expand(own), by_head) if not m.place and m.country is not None]
                heads = {m.head for m in accused}
                if any(t.i in by_head and t.i not in heads and not by_head[t.i].place and (
                        by_head[t.i].country not in sides or by_head[t.i].agent in _ARMED_SERVICES) for t in deed.subtree):
                    # the deed names a party of its own: the act it reports is coded, not a charge
                    # (the speaker's own people wronged make it one: "trying to steal the natural
                    # resources of the Argentine people"; its forces attacked are a report)
                    continue
                for y in accused:
                    if y.code in doers:
                        continue  # the deed was coded as the act it reports
                    for x in speakers:
                        if x.code == y.code or _same_state(x, y) or (x.code, y.code) in have or (
                                code in _FORCE_CHARGES and (x.country is None or x.country == y.country)):
                            continue
                        have.add((x.code, y.code))
                        out.append(RawEvent(v.i, x, y, code, _SAID_MISDEED, v.text, False))
    return out


_AT_REQUEST = VerbPattern(("request",), (), "020", None, (), None, "(an act done at another's request)")


def _at_request(sent, events: list, by_head: dict) -> list:
    """Whoever asked for an act done "at the request of" them asked its doer for it: "Canada
    arrested Meng at the request of the United States" (USA 0213 CAN: the appeal for the act
    the arrest is), "the cease-fire was called in response to a request from President Hadi"."""
    doc = sent.doc
    out = []
    have = {(e.source.code, e.target.code if e.target is not None else None) for e in events}
    for t in sent:
        if t.lower_ not in _REQUEST_WORDS or t.pos_ != "NOUN" or t.dep_ != "pobj":
            continue
        prep = t.head
        if prep.lower_ not in _REQUEST_PREPS:
            continue
        v = prep.head
        if v.lower_ == "response" and v.head.dep_ == "prep":
            v = v.head.head  # "in response to a request from X"
        if v.pos_ == "NOUN" and v.dep_ == "dobj":
            v = v.head  # "declared a ceasefire ... at Hadi's request": the parser hangs it on the object
        if v.pos_ not in _VERBAL:
            continue
        askers = [m for m in _mentions_at(_expand(
            [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "by")
             for p in c.children if p.dep_ == "pobj"] + [c for c in t.children if c.dep_ == "poss"]), by_head)]
        # (no place: "at President Hadi's request" is no "at" of where)
        own = by_head.get(t.i)
        if own is not None and own.start < t.i and own not in askers:
            askers.append(own)  # "at Hadi's request": the possessor's mention stands on the noun
        if not askers:
            continue
        done = [e for e in events if e.verb == v.i and e.source.code not in {m.code for m in askers}]
        # "arrested the suspect at the request of the United States": the asker is no target of
        # the act it asked for (the suspect, no actor here, is)
        # ("agreed to a request by X" answers X: only "at"/"upon"/"on" ask the act of another)
        if prep.lower_ in ("at", "upon", "on"):
            heads = {m.head for m in askers}
            events[:] = [e for e in events if not (e.verb == v.i and e.target is not None and e.target.head in heads)]
        for e in done:
            # (an arrest or a deportation asked for is judicial cooperation asked for: 0213)
            code = "0213" if e.code[:3] in ("173", "174") else by_longest_prefix(_APPEALED, e.code) or "020"
            if t.lower_ == "invitation":
                code = "036"  # "At the invitation of X, Y will visit": X invited Y, as "invite +" codes it
            for m in askers:
                if (m.code, e.source.code) not in have and not _same_state(m, e.source):
                    have.add((m.code, e.source.code))
                    out.append(RawEvent(t.i, m, e.source, code, _AT_REQUEST, t.text, False, "noun"))
    return out


# Titles of those who visit: welcomed, they are guests, not acts approved of.
_GUESTS = frozenset({"president", "minister", "premier", "king", "queen", "emir", "prince", "sultan", "chancellor",
                     "leader", "delegation", "envoy", "counterpart", "secretary", "ambassador", "pope"})


def _guest(doc, v, tm, passive: bool) -> bool:
    """Whether the one a verb of welcoming takes (its object, or its subject in the passive) is a
    visitor: a person, or an office holder named by title ("welcomed the Ethiopian Prime
    Minister", "was welcomed in Asmara by President Isaias"), not a measure or a country."""
    for c in v.children:
        if c.dep_ == ("nsubjpass" if passive else "dobj") and c.i == tm.head:
            return c.lemma in _GUESTS or (tm.type == "person" and (c.pos_ == "PROPN" or c.tag_ == "PRP"))
    return False


def _suspends_a_member(s, tm) -> bool:
    """Whether ``s`` suspending ``tm`` is a bloc suspending a member state ("The Organization of
    American States suspended Honduras", "Ecowas suspended Guinea")."""
    return s.type == "igo" and tm is not None and tm.country is not None and tm.agent in (None, "GOV")


# Verbs of answering whose "by" phrase tells the act the answer was.
_ANSWERED_BY = frozenset({"retaliate", "respond", "react", "reply", "answer", "hit"})


def _judged_act(v) -> bool:
    """Whether the verb's object is a noun that refers back to an act ("condemned the move",
    "called the decision absurd", "rejected these measures")."""
    for c in v.children:
        if c.dep_ in ("dobj", "nsubj", "oprd") and (c.lower_ in _ANY_ACT or any(
                g.dep_ in ("compound", "nsubj") and g.lower_ in _ANY_ACT for g in c.children)):
            return True  # (the parser may hang "the decision" on its predicate: "the decision regrettable")
    return False


def _doers_before(i: int, events: list, codes: set) -> list:
    """The doer of the last act told before token ``i`` of the sentence by someone else."""
    last = None
    for f in events:
        if f.verb < i and f.source.code not in codes and (last is None or f.verb > last.verb):
            last = f
    return [last.source] if last is not None else []


def _first_strikers(events: list, sources: list, codes: set) -> list:
    """The doers of the sentence's acts of force on the answering side (``sources``, by code or
    role and country)."""
    sides = {(s.country, s.agent) for s in sources if s.country is not None}
    out = []
    for f in events:
        tm = f.target
        if tm is None or f.code[:2] not in _FORCE_ROOTS or f.source.code in codes:
            continue
        if tm.code in codes or (tm.country, tm.agent) in sides:
            if all(m.code != f.source.code for m in out):
                out.append(f.source)
    return out


def _untargeted_strikers(e, untargeted: list, codes: set, out: list) -> list:
    """The doers of the sentence's acts of force before the answering ``e`` that named no one
    (other than the answering side), each paired with the answerers as its target."""
    strikers: list = []
    for f, src in untargeted:
        if f.verb >= e.verb or f.code[:2] not in _FORCE_ROOTS:
            continue
        found = [s for s in src if s.code not in codes and s.country is not None
                 and not any(s.country == a.country and s.agent == a.agent for a in (e.source,))]
        if found:
            _pair_up(out, f, found, [e.source])
            strikers.extend(m for m in found if all(m.code != x.code for x in strikers))
    return strikers


def _conditioned_subjects(v) -> list:
    """The subjects of the "if" or "unless" clauses in the verb's own clause, up to three links
    down ("warned that there would be consequences if they did not"), not inside another
    condition's clause."""
    out = []
    level = [v]
    for _ in range(3):
        below = []
        for t in level:
            for c in t.children:
                if c.pos_ in _VERBAL or c.tag_.startswith("VB"):
                    if any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children):
                        out += [x for x in c.children if x.dep_ == "nsubj" or x.dep_ == "nsubjpass"]
                        continue
                if c.dep_ in _CLAUSE_LINKS:
                    below.append(c)
        level = below
    return out


_CONDITIONS = frozenset({"if", "unless"})
_CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "advcl", "prep", "pobj", "dobj", "conj"})


# Passive verbs of harm whose subjects an attack told of in a clause of time fell on ("were
# killed when militants attacked a hotel")
_HARMED = frozenset({"kill", "wound", "injure", "hurt", "shoot", "maim"})


# Roots of acts that answer another: disapproval, rejection, threats, protest, reduced relations,
# coercion and force.
_ANSWERING_ROOTS = frozenset({"11", "12", "13", "14", "16", "17", "18", "19", "20"})
# Words that time one clause by another ("when the gunmen attacked", "as the unit passed").
_TIMING = frozenset({"when", "as"})
# Words before "as" that make it no word of time ("as long as", "as far as").
_NOT_TIMING = frozenset({"long", "far", "much", "well"})
# What an act of force may have as its object and still name no one: what it fired, and the
# vehicles the people it fell on were in ("opened fire", "detonated a bomb as ...", "ambushed the
# convoy as ...").
_WEAPONS_AND_CARRIERS = _FIRED_FROM | _BOMBS | _VEHICLES | frozenset().union(*(w for _, w in _WEAPONS)) | frozenset(
    {"shot", "round", "gas", "teargas", "convoy", "patrol", "bus"})
# Roots of acts of force that fall on someone.
_STRIKING_ROOTS = frozenset({"18", "19", "20"})


# Verbs of acting against a party, that say whom force was used on when its purpose or its
# outcome is told ("carried out airstrikes to repel an attack by Boko Haram", "launched an
# offensive that has driven al Shabaab out of its strongholds").
_AGAINST_VERBS = frozenset({"repel", "repulse", "counter", "drive", "oust", "flush", "dislodge", "rout", "defeat",
                            "crush", "confront", "fight", "combat", "push", "expel", "neutralize", "neutralise",
                            "target", "hunt", "stop", "halt", "contain", "destroy"})


def _opposed_party(v, sources: list, codes: set, by_head: dict) -> list:
    """For an act of force that names no one: the party its purpose infinitive or the relative
    clause on its object acts against, by that clause's object ("to repel an attack by Boko
    Haram": whoever made the attack)."""
    clauses = [c for c in v.children if c.dep_ in ("advcl", "xcomp") and c.lemma in _AGAINST_VERBS
               and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
    clauses += [c for o in v.children if o.dep_ == "dobj" for c in o.children
                if c.dep_ in ("relcl", "acl") and c.lemma in _AGAINST_VERBS]
    sides = {(s.country, s.agent) for s in sources}
    for c in clauses:
        objects = [o for o in c.children if o.dep_ == "dobj"]
        found = _mentions_at(_expand(objects), by_head)
        if not found:
            found = _mentions_at(_expand(_by_agents(objects[0])), by_head) if objects else []
        found = [m for m in found if m.code not in codes and not m.place and (m.country, m.agent) not in sides]
        if found:
            return found
    return []


def _timing(doc, v) -> bool:
    """Whether the verb's clause is timed by a word of ``_TIMING`` ("when the gunmen attacked")."""
    return any(c.lower_ in _TIMING and c.dep_ in ("advmod", "mark") and c.i < v.i
               and doc.lowers[c.i - 1] not in _NOT_TIMING for c in v.children)


def _harmed_before(sent, v, by_head: dict) -> list:
    """The harmed of the last passive verb of harm before ``v`` in its sentence, with no agent of
    its own, that names someone ("30 protesters were killed ... when")."""
    doc = sent.doc
    for i in range(v.i - 1, sent.start - 1, -1):
        t = doc[i]
        if t.lemma in _HARMED and t.tag_ == "VBN":
            first = t
            while first.dep_ == "conj" and first.head is not first:
                first = first.head  # "were killed or injured": the conjunct that has the subject
            if _is_passive(first) and not _has_agent(t) and not _has_agent(first):
                found = _counted_mentions(_patients(first), by_head)
                if found:
                    return found
    return []


def _governing_subjects(v) -> list:
    """The subject of the nearest clause above ``v`` that has one ("the troops were on their way
    ... when the gunmen attacked"), up to six links up."""
    t = v
    for _ in range(6):
        if t.head is t:
            break
        t = t.head
        subjects = [c for c in t.children if c.dep_ == "nsubj"] if t.pos_ in ("VERB", "AUX") else []
        if subjects:
            return subjects
    return []


def _timed_party(sent, v, sources: list, codes: set, by_head: dict) -> list:
    """For an act of force that names no one: the harmed of a passive clause before it, or the
    subject of the clause it is timed by or that it times, or those it prompted to answer; never
    a place, nor the doers' side."""
    if any(c.dep_ == "dobj" and c.lemma not in _WEAPONS_AND_CARRIERS for c in v.children):
        return []  # "beat up locals as ...": the act has its own object, whoever it names
    sides = {(s.country, s.agent) for s in sources}
    found: list = []
    if _timing(sent.doc, v):
        found = _harmed_before(sent, v, by_head)
        if not found and v.head.i < v.i:
            found = _counted_mentions(_governing_subjects(v), by_head)
    else:
        for c in v.children:
            if c.dep_ == "advcl" and c.i > v.i and _timing(sent.doc, c):
                found = _counted_mentions([t for t in c.children if t.dep_ == "nsubj"], by_head)
                if found:
                    break
    if not found:
        # "Taliban forces opened fire, prompting Pakistani personnel to retaliate": the force
        # fell on those it made answer
        for c in v.children:
            if c.i > v.i and c.lemma in _PROMPTING and c.dep_ in ("advcl", "conj") and not _has_subject(c):
                found = _mentions_at(_expand([t for t in c.children if t.dep_ == "dobj"]), by_head)
                if found:
                    break
    return [m for m in found if m.code not in codes and not m.place and (m.country, m.agent) not in sides]


def _has_agent(v) -> bool:
    return any(c.dep_ == "agent" for c in v.children)


_CHARGING = _SAYING | _ACCUSING


def _accusers(sent, noun, codes: set, events: list, untargeted: list, by_head: dict) -> list:
    """Who made the charge ``noun`` names: the source of the last act of words before it by
    someone other than the denier ("Riyadh accuses Tehran ..., a charge Iran denies"; "police,
    who accused him of inciting violence - allegations he denies"), else the subject of the last
    verb of saying or accusing before it ("Rights groups have said that ... were killed by
    Sri Lankan forces, a charge Colombo has denied")."""
    said = [(f.verb, f.source) for f in events if f.verb < noun.i and f.code[:2] in _VERBAL_ROOTS]
    said += [(f.verb, s) for f, src in untargeted if f.verb < noun.i and f.code[:2] in _VERBAL_ROOTS for s in src]
    said = [(i, s) for i, s in said if s.code not in codes]
    if said:
        last = max(i for i, _ in said)
        return [s for i, s in said if i == last]
    doc = sent.doc
    for i in range(noun.i - 1, sent.start - 1, -1):
        t = doc[i]
        if t.pos_ == "VERB" and t.lemma in _CHARGING:
            found = _mentions_at(_expand([c for c in t.children if c.dep_ == "nsubj"]), by_head)
            return [m for m in found if m.code not in codes]
    return []


def _crowd(sources: list, by_head: dict) -> list:
    """"Police fired tear gas as protesters burned tires", "protesters threw stones at the police,
    who responded with tear gas": repression by a state's forces that names no one of its own
    is of the protesters the sentence names (or, naming none, the crowds and people), of the
    forces' own country."""
    forces = [s for s in sources if s.agent in _FORCES]
    if not forces:
        return []
    countries = {s.country for s in forces}
    for kind in ("OPP", "CVL"):
        found = [m for m in by_head.values() if m.agent == kind
                 and (m.country is None or None in countries or m.country in countries)]
        if found:
            return found
    return []


def _pair_up(out: list, e, sources: list, targets: list) -> None:
    """The act ``e`` from each of ``sources`` to each of ``targets`` (other than the source)."""
    done = {(f.source.code, f.target.code) for f in out if f.verb == e.verb and f.target is not None}
    for s in sources:
        for tm in targets:
            if tm.code == s.code or (tm.head == s.head and not _one_for_several(s, tm)) or _same_state(s, tm) \
                    or (s.code, tm.code) in done:
                continue
            done.add((s.code, tm.code))
            out.append(RawEvent(e.verb, s, tm, _protest_force(e.code, s, tm), e.pattern, e.verb_text, e.passive))


def _protest_force(code: str, s: Mention, tm: Mention | None, fighting: bool = True) -> str:
    """The code of force (18x, 19x) between a state and its protesters: its forces' on them is
    violent repression (175), theirs on its authorities a violent protest (145; a fight with the
    ruling party's activists, not ``fighting`` armed forces, stays a fight); else ``code``. The
    means of repression turned by protesters on its forces are a violent protest too
    ("demonstrators lobbed tear gas canisters at police")."""
    if tm is None or s.country is None or s.country != tm.country:
        return code
    if code == "175":
        return "145" if s.agent == "OPP" and tm.agent in _ARMED_SERVICES else code
    if code[:2] != "19" and code[:2] != "18":
        return code
    if tm.agent == "OPP" and s.agent in _FORCES:
        return "175"  # "police opened fire on protesters"
    if code[:3] not in _NOT_PROTEST_FORCE and s.agent == "OPP" and (tm.agent in _COERCING_ROLES or tm.agent == "LEG") \
            and (fighting or tm.agent in _ARMED_SERVICES):
        return "145"  # "protesters stormed her residence", "rioters fired at police", "stormed Congress"
    if not fighting and s.agent in _UNARMED_PEOPLE and tm.agent in _ARMED_SERVICES:
        return "145"  # "youths fought with riot police", "striking teachers fought a battle with police": a riot
    if not fighting and tm.agent in _UNARMED_PEOPLE and s.agent in _ARMED_SERVICES:
        return "175"  # and the police's part in it repression
    return code


# A country's people with no arms of their own: a fight of theirs with its police or army is a riot.
_UNARMED_PEOPLE = frozenset({"CVL", "EDU", "LAB"})


# What a refusal may name as its object when it answers a request: nothing ("but Sweden
# refused"), the relative pronoun ("which Kiev rejected") or the request itself.
_ANSWERED_WORDS = frozenset({
    "which", "that", "request", "requests", "demand", "demands", "call", "calls", "proposal", "offer",
    "ultimatum", "appeal", "plea", "condition", "conditions", "bid",
})


# The refusal of what an appeal (02..) or a demand (10..) asks for, by the digits after its
# root (CAMEO: appeal for or demand judicial cooperation 0213/1013, reject it 1213).
_REFUSING = {
    "1": "121", "11": "1211", "12": "1212", "13": "1213", "3": "122", "31": "1221", "32": "1222",
    "33": "1223", "34": "1224", "4": "123", "41": "1231", "42": "1232", "43": "1233", "44": "1234",
    "5": "124", "51": "1241", "52": "1242", "53": "1243", "54": "1244", "55": "1245", "56": "1246",
    "6": "125", "7": "127", "8": "126",
}


def _answers_a_request(v) -> bool:
    for c in v.children:
        if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "xcomp" and c.pos_ == "VERB"):
            return c.lower_ in _ANSWERED_WORDS
    return True


def _requesters(e, codes: set, events: list, untargeted: list, out: list) -> tuple[list, str]:
    """"The US requested his extradition, but Jamaica refused", "Ecuador asked Sweden to
    promise ..., but Sweden refused", "Moscow demanded a withdrawal, which Kiev rejected": a
    refusal after a request or demand in the same sentence answers whoever made it. A request
    that named no one is addressed to the one who refused it."""
    made = [(f, [f.source]) for f in events if f.verb < e.verb and f.code[:2] in ("02", "10")]
    made += [(f, src) for f, src in untargeted if f.verb < e.verb and f.code[:2] in ("02", "10")]
    if not made:
        return [], ""
    made.sort(key=lambda fs: fs[0].verb)
    last = made[-1][0].verb
    asked = made[-1][0].code
    askers: list = []
    refusers = [e.source]  # the first source stands for the refusal's actors
    for f, src in made:
        if f.verb != last or any(s.code in codes for s in src):
            continue
        if f.target is not None and not any(
                f.target.code == r.code or (r.country is not None and f.target.country == r.country) for r in refusers):
            continue  # asked of someone else
        askers.extend(src)
        if f.target is None:
            _pair_up(out, f, src, refusers)
    return askers, asked


# "a ceasefire brokered by Egypt", "talks mediated by Turkey", "with mediation by Qatar", "under
# the auspices of the UN"
_MEDIATING = frozenset({"mediate", "broker", "facilitate", "chair"})
_MEDIATION_FORMS = frozenset({"mediated", "brokered", "facilitated", "chaired", "mediation", "auspices"})
_MEDIATION_PATTERNS: dict = {}


def _mediation_pattern(lex: Lexicon):
    """The dictionaries' plain "mediate" pattern (its code is mediation's), or None."""
    key = lex.fingerprint
    if key not in _MEDIATION_PATTERNS:
        index = lex.verbs.get("mediate")  # its patterns naming no word (not all the dictionaries')
        _MEDIATION_PATTERNS[key] = next(
            (p for _, p in sorted(index.bare, key=lambda rp: rp[0])
             if not p.post and not p.pre and p.code != NO_EVENT), None) if index is not None else None
    return _MEDIATION_PATTERNS[key]


def _mediators(sent, by_head: dict[int, Mention]) -> list:
    """(mediation word, its mediators, the token span of its phrase) for each mediation the
    sentence names with its mediator: a participle's "by" agent ("a truce brokered by Egypt"),
    or the possessor, "by"/"of" object or nationality of "mediation" ("under Egyptian mediation")."""
    out = []
    for t in sent:
        if t.lemma in _MEDIATING and t.tag_ == "VBN":
            named = [p for c in t.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                     for p in c.children if p.dep_ == "pobj"]
            if not named and t.i >= sent.start + 2 and sent.doc[t.i - 1].lower_ == "-":
                # "a Russian-brokered ceasefire", "EU-mediated talks": the word before the hyphen
                named = [sent.doc[t.i - 2]]
        elif (t.lemma == "mediation" or t.lower_ == "auspices") and t.pos_ == "NOUN":
            named = [c for c in t.children if c.dep_ in ("poss", "amod", "compound")]
            named += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "of")
                      for p in c.children if p.dep_ == "pobj"]
        else:
            continue
        below = t.subtree
        lo, hi = below[0].i, below[-1].i
        if not named and t.pos_ == "NOUN" and hi + 1 < sent.end:
            after = sent.doc[hi + 1]
            if after.lower_ == "by" and after.dep_ == "prep":
                # "restored relations with mediation by Turkey": the parser hangs "by" on the verb
                named = [p for p in after.children if p.dep_ == "pobj"]
                if named:
                    hi = after.subtree[-1].i
        mediators = _mentions_at(_expand(named), by_head) if named else []
        if not mediators and t.i in by_head:
            mediators = [by_head[t.i]]  # "Egyptian mediation": the phrase is the mediator's
        if mediators:
            out.append((t, mediators, (lo, hi)))
    return out


def _parties_of_mediated(sent, word, codes: set, lo: int, hi: int, by_head: dict[int, Mention]) -> list:
    """The parties of a mediated thing that no act of the sentence names: those its own phrase
    names ("a cease-fire brokered by Norway between the two sides"), else the subjects of the verb
    it belongs to ("Vucic and Kurti made no progress at the EU-mediated talks", "the rebels and
    the government initialled a deal brokered by Libya")."""
    thing = word.head if word.tag_ == "VBN" and word.dep_ in ("acl", "amod", "relcl") else word
    if thing.pos_ not in ("NOUN", "PROPN"):
        return []
    own = [t for t in thing.subtree if not lo <= t.i <= hi and t.i != thing.i]
    parties = [m for m in _mentions_at(own, by_head) if m.code not in codes and not m.place]
    if parties:
        return parties
    v = thing
    for _ in range(3):  # "made no progress at the EU-mediated talks": the verb over the noun's phrase
        if v.dep_ == "pobj" and v.head.dep_ == "prep":
            v = v.head.head
        elif v.dep_ == "dobj":
            v = v.head
        else:
            break
        if v.pos_ in _VERBAL:
            break
    if v is thing or v.pos_ not in _VERBAL:
        return []
    return [m for m in _mentions_at(_expand(_subject_tokens(v, _is_passive(v))), by_head)
            if m.code not in codes and not m.place]


def _mediated(lex: Lexicon, sent, events: list, by_head: dict[int, Mention]) -> list:
    """A mediator mediates between the parties of what it mediated: "Israel and Hamas agreed to
    a ceasefire brokered by Egypt" is a truce between Israel and Hamas and Egypt's mediation with
    each (045), not a truce with Egypt."""
    pattern = _mediation_pattern(lex)
    found = _mediators(sent, by_head) if pattern is not None else []
    if not found:
        return events
    out = list(events)
    for word, mediators, (lo, hi) in found:
        codes = {m.code for m in mediators}
        parties: list[Mention] = []
        kept = []
        joint: dict[tuple, list] = {}
        for e in out:
            t = e.target
            if t is not None and t.code in codes and lo <= t.head <= hi and e.source.code not in codes:
                # the mediator named in the mediation phrase is no party to the act
                joint.setdefault((e.verb, e.code, e.pattern, e.verb_text, e.passive, e.trigger), []).append(e.source)
                if all(p.code != e.source.code for p in parties):
                    parties.append(e.source)
                continue
            kept.append(e)
            if e.code[:2] <= "08" and e.source.code not in codes and t is not None and t.code not in codes:
                for m in (e.source, t):
                    if all(p.code != m.code for p in parties):
                        parties.append(m)
        out = kept
        if not parties:
            parties = [p for p in _parties_of_mediated(sent, word, codes, lo, hi, by_head)
                       if not any(_same_state(m, p) or m.country == p.country for m in mediators)]
        for (verb, code, pat, text, passive, trigger), sources in joint.items():
            # "Israel and Hamas agreed to a ceasefire brokered by Egypt": the act is among the subjects
            for a in sources:
                for b in sources:
                    if a.code != b.code and not _same_state(a, b):
                        out.append(RawEvent(verb, a, b, code, pat, text, passive, trigger))
        for m in mediators:
            for p in parties:
                if p.code != m.code and not _same_state(m, p):
                    out.append(RawEvent(word.i, m, p, pattern.code, pattern, word.text, False,
                                        "noun" if word.pos_ == "NOUN" else "verb"))
    return out


def _victims(lex: Lexicon, sent, events: list) -> list:
    """Force used against a people ("killed Palestinians", "Israel's killing of Palestinians")
    is used against its civilians, as a counted people already are ("60 Palestinians")."""
    out = []
    have = set()
    for e in events:
        if e.target is not None and e.code[:2] in _FORCE_ROOTS:
            people = as_victims(lex, sent.doc, e.target)
            if people is not None:
                e = replace(e, target=people)
        key = (e.verb, e.source.code, e.target.code if e.target is not None else None, e.code)
        if key not in have:
            have.add(key)
            out.append(e)
    return out


# Auxiliaries and governing words that put an act on a schedule ("will meet", "is to visit", "is
# due to hold talks"), not only in a plan ("plans to visit", "hopes to meet").
_SCHEDULING_AUX = frozenset({"will", "would", "shall", "'ll"})
_SCHEDULING = frozenset({"be", "schedule", "due", "set", "slate"})


def _meeting_code(code: str, d) -> bool:
    """Whether ``code`` is a meeting or a visit: one act of both parties (@mutual, @paired), not
    a telephone call (041), which no one schedules in the news."""
    return code != "041" and (code in d.mutual or code in d.paired or code in d.paired.values())


# Words of a time an act is set for ("on Monday", "next week", "this morning", "in the fall").
_SET_TIMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "today", "tomorrow", "tonight", "week", "weekend", "month", "year", "morning", "afternoon", "evening",
    "day", "fall", "autumn", "spring", "summer", "winter",
})


def _scheduled(v) -> bool:
    """Whether the announced act ``v`` is set for a time ("will visit China next week", "is to
    meet Hussain this morning", "would meet with Conille on Monday") rather than only planned or
    offered by one side ("said he would negotiate with", "would contact")."""
    if not (any(c.dep_ == "aux" and c.lower_ in _SCHEDULING_AUX for c in v.children)
            or (v.dep_ == "xcomp" and v.head.i != v.i and v.head.lemma in _SCHEDULING)):
        return False
    for c in v.children:
        if c.dep_ in ("npadvmod", "tmod", "advmod") and c.lower_ in _SET_TIMES:
            return True
        if c.dep_ == "npadvmod" or c.dep_ == "tmod" or c.dep_ == "prep":
            if any(g.lower_ in _SET_TIMES for g in c.children) or any(
                    g.dep_ == "pobj" and (g.lower_ in _SET_TIMES or any(k.lower_ in _SET_TIMES for k in g.children))
                    for g in c.children):
                return True
    return False


def _both_intend(events: list, scheduled: set) -> list:
    """A meeting or visit on a schedule is intent to meet on both sides (036 both ways,
    convention 34): "Nazarbayev will visit China next week", "Sirisena is to meet Hussain"."""
    have = {(e.source.code, e.target.code if e.target is not None else None, e.code) for e in events}
    out = list(events)
    for e in events:
        t = e.target
        if e.verb in scheduled and e.code == "036" and t is not None and not t.code.startswith(UNKNOWN_COUNTRY) \
                and (t.code, e.source.code, "036") not in have:
            have.add((t.code, e.source.code, "036"))
            out.append(RawEvent(e.verb, t, e.source, "036", e.pattern, e.verb_text, e.passive, e.trigger))
    return out


def _counterparts(events: list, mutual, paired: dict) -> list:
    """Each event's counterpart the other way, unless the sentence already has it: a joint act is
    one act of both parties ("Putin met Xi" is "Putin and Xi met": a code of ``@mutual``, the same
    code back), and some acts come with another ("X visited Y" is also "Y hosted X": ``@paired``)."""
    have = {(e.source.code, e.target.code if e.target is not None else None, e.code) for e in events}
    out = list(events)
    for e in events:
        t = e.target
        other = e.code if e.code in mutual else paired.get(e.code)
        if t is not None and other is not None and (t.code, e.source.code, other) not in have \
                and not t.code.startswith(UNKNOWN_COUNTRY):
            have.add((t.code, e.source.code, other))
            out.append(RawEvent(e.verb, t, e.source, other, e.pattern, e.verb_text, e.passive, e.trigger))
    return out


# The role that is the state itself: a state does not act on itself ("Washington ... the US"); its
# forces may ("the Myanmar army ... against the Rohingya").
_STATE_ROLES = frozenset({"GOV"})
# The organs of a state, which do not act on that state itself.
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# Force coded as itself whoever uses it: abducting (181), bombing (183), blockading (191) and
# occupying (192) are no violent protest.
_NOT_PROTEST_FORCE = frozenset({"181", "183", "191", "192"})


# Roots of acts done to the people of a protest ("banned protests", "dispersed a march",
# "denounced the march"): only these take the protesters as implied target.
_ACTING_ON_PROTESTS = frozenset({"11", "12", "15", "17", "18", "19"})


def _implied_home(lex, sources: list[Mention], code: str, lemma: str) -> str | None:
    """The country the implied doers of an object's event noun are of when its phrase names
    none: the acting side's, for an act done to them; None where the act is the subject's own
    ("lodged a protest", "joined the protests", "called for demonstrations")."""
    if code[:2] not in _ACTING_ON_PROTESTS or lemma in lex.dictionaries.light:
        return None
    return _home(sources)


def _home(sources: list[Mention]) -> str | None:
    """The one country all of ``sources`` are of, or None."""
    home = {s.country for s in sources}
    return next(iter(home)) if len(home) == 1 and None not in home else None


def _same_state(a: Mention, b: Mention) -> bool:
    """Whether two mentions are one state under two names (USA and USAGOV, Moscow and Russia)."""
    return (
        a.country is not None and a.country == b.country
        and (a.agent is None or a.agent in _STATE_ROLES) and (b.agent is None or b.agent in _STATE_ROLES)
    )


def _noun_event(noun: int, source: Mention, target: Mention, code: str, pattern, text: str) -> RawEvent:
    if (code[:2] == "19" or code[:2] == "18") and source.country is not None and source.country == target.country:
        # "clashes with police", "a police crackdown on protesters": as a verb codes it, force a
        # state's forces use on its protesters is repression (175), the protesters' on them a
        # violent protest (145)
        # (and in a clash, a fight both ways, so are civilians' with them: a riot)
        unarmed = _UNARMED_PEOPLE if pattern.mutual else ()
        if source.agent in _ARMED_SERVICES and (target.agent == "OPP" or target.agent in unarmed):
            code = "175"
        elif (source.agent == "OPP" or source.agent in unarmed) and target.agent in _ARMED_SERVICES:
            code = "145"
    return RawEvent(noun, source, target, code, pattern, text, False, "noun")
