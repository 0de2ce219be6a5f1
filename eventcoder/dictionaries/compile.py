"""Compile dictionaries into token indexes for fast matching, cached by content fingerprint.

Phrases are tokenized once with spaCy's English tokenizer (the same rules the parsing pipeline
uses), so matching a sentence is a dictionary lookup per token. The compiled form is pickled under
the cache folder keyed by the fingerprint of every dictionary file read, so the second run with
the same dictionaries starts without parsing or tokenizing anything.
"""

from __future__ import annotations

import copy
import gc
import hashlib
import os
import pickle
import tempfile
from collections import abc, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Sequence

from .._version import __version__
from .model import NO_EVENT, ActorEntry, AgentEntry, CameoCode, Dictionaries, VerbPattern, Words
from .native import BUNDLED_NAME, DIRECTIVES, bundled_dictionaries_path, is_case_sensitive, load_dictionaries, normalize_phrase

CACHE_FORMAT = 13


def _dated(entry: ActorEntry) -> bool:
    """Whether any of an actor entry's codes has a date bound (an office with its dates)."""
    return any(dc.start is not None or dc.end is not None for dc in entry.codes)


# Words English always capitalises: a surname spelled so ("Godwin Friday", "Theresa May") alone
# is far more often the day or the month.
_CALENDAR_WORDS = frozenset({
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
})


def _surnames(entry: ActorEntry) -> set[str]:
    """The last words of a person entry's names of several words that read as a surname
    ("Blinken"; not "bin", not "AL", not "Friday")."""
    return {last for last in (p.split(" ")[-1] for p in entry.phrases if " " in p)
            if len(last) > 2 and last[:1].isupper() and last[1:].islower() and last not in _CALENDAR_WORDS}


@dataclass
class PhraseIndex:
    """Token-sequence index: first token key -> [(length, {token keys: payload})], longest first.

    Looking up a position costs one dictionary probe per distinct phrase length starting with
    that token, however many phrases share it ("foreign minister ..." starts hundreds)."""

    by_first: dict[str, list[tuple[int, dict[tuple[str, ...], int]]]] = field(default_factory=dict)

    def add(self, tokens: tuple[str, ...], payload: int) -> None:
        groups = self.by_first.setdefault(tokens[0], [])
        n = len(tokens)
        for length, table in groups:
            if length == n:
                break
        else:
            table = {}
            groups.append((n, table))
        # Among equal phrases the earliest entry (lowest payload) wins.
        if tokens not in table or payload < table[tokens]:
            table[tokens] = payload

    def freeze(self) -> None:
        for groups in self.by_first.values():
            groups.sort(key=lambda g: -g[0])

    def openings(self) -> tuple[set[str], set[tuple[str, str]]]:
        """Whole one-token phrases, and the first two tokens of longer ones: a match can start
        only where one of them stands."""
        singles, pairs = set(), set()
        for first, groups in self.by_first.items():
            for n, table in groups:
                if n == 1:
                    singles.add(first)
                else:
                    pairs.update(tokens[:2] for tokens in table)
        return singles, pairs

    def match_at(self, lowers: Sequence[str], texts: Sequence[str], i: int) -> tuple[int, int] | None:
        """Longest match starting at token i: (length, payload) or None. Case-sensitive phrases
        (short capitals) are filed under their text, the others under lower case."""
        return phrase_match(self.by_first, lowers, texts, i)


def phrase_match(by_first: dict, lowers: Sequence[str], texts: Sequence[str], i: int) -> tuple[int, int] | None:
    """``PhraseIndex.match_at`` on the index's ``by_first`` table (compiled: a C call for the
    actor matcher, which tries it at every token that can open a phrase)."""
    best_n = 0
    best = None
    for seq in (lowers, texts):
        groups = by_first.get(seq[i])
        if not groups:
            continue
        size = len(seq)
        for n, table in groups:
            if best_n and n <= best_n:
                break
            if i + n <= size:
                payload = table.get(tuple(seq[i:i + n]))
                if payload is not None:
                    best_n, best = n, payload
                    break
    return (best_n, best) if best_n else None


@dataclass
class VerbIndex:
    """The patterns of one verb form, findable by the words a clause holds.

    Each pattern is filed under the first words of the alternatives of one of its word elements
    (its anchor), so a clause only tries patterns whose anchor it contains; patterns naming no
    word are always tried. ``rank`` orders patterns globally: most words first, then those
    naming a slot, then the earlier line."""

    bare: list[tuple[int, VerbPattern]] = field(default_factory=list)
    # Whether any pattern takes its source from a "$" slot (else a verb needs an actor subject).
    source_slot: bool = False
    # Whether any pattern names an infinitive complement right after the verb ("vow|swear to
    # attack", "urge + to", "vow to"); a preposition with its object after it ("travel to +") is none.
    infinitive: bool = False
    # anchor word -> (rank, pattern, the first words each of its word elements may start with)
    by_anchor: dict[str, list[tuple[int, VerbPattern, tuple[frozenset[str], ...]]]] = field(default_factory=dict)

    def add(self, rank: int, pattern: VerbPattern, shared: dict | None = None) -> None:
        """File ``pattern``. ``shared`` (one dict for every verb form of a compile) makes equal
        sets of first words, and equal tuples of them, one object, pickled and unpickled once: the
        bundled verbs hold 32,000 such sets, 1,200 of them distinct."""
        needed = tuple(
            frozenset(alt[0] for alt in e.alternatives) for e in pattern.pre + pattern.post if isinstance(e, Words)
        )
        if shared is not None:
            needed = tuple(shared.setdefault(firsts, firsts) for firsts in needed)
            needed = shared.setdefault(needed, needed)
        if "$" in pattern.post:
            self.source_slot = True
        if not self.infinitive:
            self.infinitive = _names_infinitive(pattern.post)
        if not needed:
            self.bare.append((rank, pattern))
            return
        # File it under its most distinctive element (longest shortest word): "airstrike", not "to".
        anchor_set = max(needed, key=lambda firsts: min(len(w) for w in firsts))
        for anchor in anchor_set:
            self.by_anchor.setdefault(anchor, []).append((rank, pattern, needed))

    def candidates(self, keys: set[str]) -> list[tuple[int, VerbPattern]]:
        """Patterns every word element of which can start at one of ``keys``, and bare ones."""
        found = list(self.bare)
        by_anchor = self.by_anchor
        if not by_anchor:
            return found
        for key in keys:
            hit = by_anchor.get(key)
            if hit:
                for r, p, needed in hit:
                    for n in needed:
                        if n.isdisjoint(keys):
                            break
                    else:
                        found.append((r, p))
        return found


def _names_infinitive(post: tuple) -> bool:
    """Whether a pattern's first word element is an infinitive's "to" ("to attack", "+ to",
    "to" last), not a preposition before its object ("to +")."""
    for n, e in enumerate(post):
        if isinstance(e, Words):
            return any(alt[0] == "to" and (len(alt) > 1 or n == len(post) - 1 or isinstance(post[n + 1], Words))
                       for alt in e.alternatives)
    return False


def pattern_rank(patterns: list[VerbPattern]) -> dict[int, int]:
    """Position of every pattern in matching order: most words, then slots, then line."""
    def key(n: int):
        v = patterns[n]
        return (-v.specificity, -sum(1 for e in v.post if not isinstance(e, Words)), n)

    return {n: r for r, n in enumerate(sorted(range(len(patterns)), key=key))}


class LazyList(abc.Sequence):
    """A read-only list whose items are unpickled one by one when first read: the cached compile
    holds 30,000 actor entries, of which a run reads a few hundred, and unpickling them all was a
    quarter of the start-up spent on the dictionaries."""

    __slots__ = ("_blobs", "_items")

    def __init__(self, blobs: list[bytes]) -> None:
        self._blobs = blobs
        self._items: list = [None] * len(blobs)

    @classmethod
    def of(cls, items: Sequence) -> "LazyList":
        return cls([pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL) for item in items])

    def __len__(self) -> int:
        return len(self._blobs)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._blobs)))]
        item = self._items[i]
        if item is None:
            item = self._items[i] = pickle.loads(self._blobs[i])
        return item

    def __eq__(self, other) -> bool:
        return isinstance(other, (list, tuple, LazyList)) and len(other) == len(self) and all(
            a == b for a, b in zip(self, other))

    __hash__ = None  # a list

    def __reduce__(self):
        return (LazyList, (self._blobs,))


@dataclass
class Lexicon:
    """Dictionaries compiled for matching. Picklable."""

    dictionaries: Dictionaries
    fingerprint: str
    actors: PhraseIndex
    agents: PhraseIndex
    references: PhraseIndex
    sentence_discards: PhraseIndex
    story_discards: PhraseIndex
    # verb form (lemma or inflected form, lower case) -> its patterns, indexed by anchor word
    verbs: dict[str, VerbIndex]
    # noun (last word, lower case, singular and plural) -> [(the words before it, NounPattern)]
    nouns: dict[str, list] = field(default_factory=dict)

    @cached_property
    def implied_nouns(self) -> frozenset[str]:
        """Nouns (as in ``nouns``) whose event implies its doers ("protests": protesters), so a
        sentence naming one actor may still give an event on them ("Police banned protests")."""
        return frozenset(k for k, entries in self.nouns.items() if any(p.implied for _, p in entries))

    @cached_property
    def lower_case_actors(self) -> frozenset[int]:
        """Actor entries (payloads) with a phrase written without capitals ("chemical weapons
        watchdog"), or with all in capitals: they may match lower-case text; every other actor
        phrase is a name, which words in lower case do not spell ("a historic pact" is not the
        party Historic Pact)."""
        # An entry written all in capitals (PETRARCH's "UNITED_STATES", an acronym) says nothing
        # of how its words are written in text.
        return frozenset(i for i, a in enumerate(self.dictionaries.actors)
                         if any(p == p.lower() for p in a.phrases) or all(p == p.upper() for p in a.phrases))

    @cached_property
    def protest_verbs(self) -> frozenset[str]:
        """Verb forms (as in ``verbs``) with a pattern of root 14, protest ("march", "rally",
        "take to the streets"): a bare crowd that does one is protesters (actors.py)."""
        out = set()
        for form, index in self.verbs.items():
            patterns = [p for _, p in index.bare] + [p for entries in index.by_anchor.values() for _, p, _ in entries]
            if any(p.code[:2] == "14" for p in patterns):
                out.add(form)
        return frozenset(out)

    @cached_property
    def mention_openings(self) -> tuple[frozenset[str], frozenset[tuple[str, str]], frozenset[str]]:
        """Token keys that are a whole actor or agent phrase, the first two keys of longer
        phrases, and every first key: a mention can start only where one of them stands, other
        tokens are skipped (most by the last set alone, without pairing them with the next)."""
        a_singles, a_pairs = self.actors.openings()
        g_singles, g_pairs = self.agents.openings()
        singles, pairs = a_singles | g_singles, a_pairs | g_pairs
        firsts = singles | {pair[0] for pair in pairs}
        return frozenset(singles), frozenset(pairs), frozenset(firsts)

    @property
    def cameo(self) -> dict[str, CameoCode]:
        return self.dictionaries.cameo

    @cached_property
    def surnames(self) -> dict[str, tuple[int, ...]]:
        """Last word of a person entry's names (as written, "Blinken") -> the person entries that
        end so, for people with a dated code (an office with its dates): a surname alone names
        one of them when exactly one holds an office on the story's day (actors.StoryContext)."""
        out: dict[str, list[int]] = {}
        for i, a in enumerate(self.dictionaries.actors):
            if a.type == "person" and _dated(a):
                for last in _surnames(a):
                    out.setdefault(last, []).append(i)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def undated_surnames(self) -> frozenset[str]:
        """Surnames (as in ``surnames``) of person entries with no dated code ("Joaquin Guzman =
        MEXCRM"): such a person may be the one a surname alone names too, so the surname is not
        taken for the one office holder who shares it ("Mexico extradited Guzman" is not Peru's
        Abimael Guzman)."""
        return frozenset(
            last for a in self.dictionaries.actors if a.type == "person" and not _dated(a) for last in _surnames(a)
        )

    def actor(self, payload: int) -> ActorEntry:
        return self.dictionaries.actors[payload]

    def agent(self, payload: int) -> AgentEntry:
        return self.dictionaries.agents[payload]

    @cached_property
    def _agents_by_phrase(self) -> dict[str, int]:
        return {p: i for i, a in enumerate(self.dictionaries.agents) for p in a.phrases}

    def agent_named(self, phrase: str) -> int | None:
        """The payload of the agent entry written ``phrase`` ("troops"), or None."""
        return self._agents_by_phrase.get(phrase)


def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def plural_forms(word: str) -> list[str]:
    """Regular English plurals of a noun (agents are written in the singular)."""
    w = word.lower()
    forms = []
    if w.endswith("man"):
        forms.append(w[:-3] + "men")
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms.append(w[:-1] + "ies")
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms.append(w + "es")
    else:
        forms.append(w + "s")
    return forms


def compile_lexicon(d: Dictionaries) -> Lexicon:
    tok = _tokenizer()
    cache: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def keys(phrase: str) -> tuple[str, ...]:
        """Token keys of a phrase: lower case, or as written for short capitals (IS, US)."""
        p = normalize_phrase(phrase)
        got = cache.get(p)
        if got is None:
            texts = tuple(t.text for t in tok(p))
            got = texts if is_case_sensitive(p) else tuple(t.lower() for t in texts)
            cache[p] = got
        return got

    actors = PhraseIndex()
    for i, a in enumerate(d.actors):
        for p in a.phrases:
            k = keys(p)
            if k:
                actors.add(k, i)
    agents = PhraseIndex()
    for i, a in enumerate(d.agents):
        for p in a.phrases:
            k = keys(p)
            if not k:
                continue
            agents.add(k, i)
            for pl in plural_forms(k[-1]):
                agents.add(k[:-1] + (pl,), i)
    references = PhraseIndex()
    for i, r in enumerate(d.references):
        for p in r.phrases:
            k = keys(p)
            if k:
                references.add(k, i)
                references.add(k[:-1] + (plural_forms(k[-1])[0],), i)
    sentence_discards, story_discards = PhraseIndex(), PhraseIndex()
    for i, x in enumerate(d.discards):
        k = keys(x.phrase)
        if k:
            (story_discards if x.story else sentence_discards).add(k, i)
    for index in (actors, agents, references, sentence_discards, story_discards):
        index.freeze()
    rank = pattern_rank(d.verbs)
    verbs: dict[str, VerbIndex] = defaultdict(VerbIndex)
    shared: dict = {}
    for n, v in enumerate(d.verbs):
        for form in v.verbs:
            verbs[form].add(rank[n], v, shared)
    # noun (its last word, singular and plural, lower case) -> (the words before it, pattern)
    nouns: dict[str, list] = defaultdict(list)
    for n in d.nouns:
        for words in n.words:
            for last in {words[-1], *plural_forms(words[-1])}:
                nouns[last].append((words[:-1], n))
    for entries in nouns.values():
        # "air strike" before "strike"; a pattern for some objects before the noun's general one
        entries.sort(key=lambda e: (-len(e[0]), not e[1].objects))
    return Lexicon(
        d, d.fingerprint(), actors, agents, references, sentence_discards, story_discards, dict(verbs), dict(nouns)
    )


# ----------------------------------------------------------------------------------------------
# Cache


def cache_dir() -> Path:
    env = os.environ.get("EVENTCODER_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventcoder"


def _spec_files(spec: str) -> list[Path]:
    if spec.startswith("petrarch:"):
        from .petrarch import spec_selection  # the files a folder, list or glob spec reads

        root = Path(spec[len("petrarch:"):])
        config = [root / "PETR_config.ini"] if root.is_dir() and (root / "PETR_config.ini").is_file() else []
        return config + sorted(spec_selection(spec[len("petrarch:"):]).paths)
    root = bundled_dictionaries_path() if spec in (BUNDLED_NAME, "") else Path(spec)
    return sorted(p for p in root.rglob("*.txt") if p.is_file())


def specs_fingerprint(specs: Sequence[str | Path] | None) -> str | None:
    """Hash of every file the specs would read (and eventcoder's version): the cache key.

    None when a spec is not a readable folder; the loader then reports the problem."""
    h = hashlib.sha256(f"{__version__}/{CACHE_FORMAT}".encode())
    # The compiler's own code is part of the key: a changed reader or index is never served stale.
    here = Path(__file__).resolve().parent
    for name in ("compile.py", "native.py", "common.py", "model.py", "petrarch.py"):
        try:
            h.update(hashlib.sha256((here / name).read_bytes()).digest())
        except OSError:
            pass
    all_specs = [str(s) for s in specs] if specs else [BUNDLED_NAME]
    if specs:
        all_specs = ["cameo-base"] + all_specs
    for spec in all_specs:
        if spec == "cameo-base":
            files = [bundled_dictionaries_path() / name for name in ("cameo.txt", "references.txt", DIRECTIVES)]
            files = [f for f in files if f.is_file()]
        else:
            try:
                files = _spec_files(spec)
            except Exception:  # noqa: BLE001 - an unreadable spec: the loader reports it properly
                return None
        h.update(spec.encode())
        for f in files:
            try:
                data = f.read_bytes()
            except OSError:
                return None
            h.update(str(f.name).encode())
            h.update(hashlib.sha256(data).digest())
    return h.hexdigest()[:24]


def load_lexicon(specs: Sequence[str | Path] | None = None, *, use_cache: bool = True) -> Lexicon:
    """Load, validate and compile dictionaries, reusing the cached compile when files are unchanged."""
    key = specs_fingerprint(specs) if use_cache else None
    path = cache_dir() / f"lexicon-{key}.pkl" if key else None
    if path is not None:
        lex = _read_cache(path)
        if lex is not None:
            return lex
    lex = compile_lexicon(load_dictionaries(specs))
    if path is not None:
        _write_cache(path, lex)
    return lex


# The Lexicon's derived tables computed before a compile is stored (_write_cache).
WARM_PROPERTIES = ("surnames", "undated_surnames", "lower_case_actors", "implied_nouns", "protest_verbs",
                   "mention_openings", "_agents_by_phrase")

CACHE_KEEP = 12  # compiled lexicons kept in the cache folder (the most recently used)


def _read_cache(path: Path) -> Lexicon | None:
    """The cached compile, or None (missing, unreadable, stale or broken: rebuilt, never trusted)."""
    try:
        # Read as it is unpickled, not whole first: 18 MB less memory to map and fill.
        fh = path.open("rb")
    except OSError:
        return None
    # Unpickling makes a few million small objects; the cycle collector would walk them over
    # and over (4x the load time for the Phoenix dictionaries). None of them is garbage yet.
    # They also live as long as the process, so they are then put out of the collector's sight
    # for good (gc.freeze, with whatever else is alive now): otherwise the collections that follow
    # (while spaCy loads) walk all 300,000 of them again, a third of a second of a one-sentence
    # run. A lexicon has no reference cycles, so one dropped later is still freed.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with fh:
            lex = pickle.load(fh)
        if isinstance(lex, Lexicon):
            gc.freeze()
    except Exception:  # noqa: BLE001
        return None
    finally:
        if enabled:
            gc.enable()
    if not isinstance(lex, Lexicon):
        return None
    try:
        os.utime(path)  # marks it recently used, for pruning
    except OSError:
        pass
    return lex


def _write_cache(path: Path, lex: Lexicon) -> None:
    """Store the compile atomically and prune old ones; caching is an optimisation, so a
    read-only or unreadable cache folder still codes."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-", suffix=".tmp")
        # Computed once here and stored with the compile, not by every process at start-up
        # (the mention openings walk the whole actor index: a quarter of a second). Every
        # property that reads all the actor entries is among them: once the entries are stored
        # to be unpickled one at a time, the first story to ask for one would unpickle all
        # 29,000 (the surnames a dated story reads: half a second).
        for name in WARM_PROPERTIES:
            getattr(lex, name)
        # The entries a run reads one at a time (actors by payload) or not at all (the verb
        # patterns, read through the verb index) are stored to be unpickled when read. (Not the
        # verb index itself: a run of a few hundred stories reads most of it, and unpickled
        # verb by verb it costs six times what it costs at once.)
        stored = copy.copy(lex)
        stored.dictionaries = replace(lex.dictionaries, actors=LazyList.of(lex.dictionaries.actors),
                                      verbs=LazyList.of(lex.dictionaries.verbs))
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(stored, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        cached = sorted(path.parent.glob("lexicon-*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in cached[CACHE_KEEP:]:
            old.unlink()
    except OSError:
        pass


def is_event_code(code: str) -> bool:
    return code != NO_EVENT
