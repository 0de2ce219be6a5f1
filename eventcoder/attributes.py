"""spaCy's attribute ruler and lemmatizer, applied by table lookup: the same values, less time.

The English pipelines map each fine tag to its part of speech and morphology, and a few words in
a few positions to other values, with an ``AttributeRuler``: some 180 token patterns run through
spaCy's ``Matcher`` over every token of every text. On news text that took about as long as the
parser (0.95 s of the 6.3 s bare spaCy spends on the real-news articles). Nearly all of those
patterns test a token's tag and lowercase form only, so which rules a token meets can be found
once per (tag, form) pair and remembered; only the dependency label, and the later tokens of the
few two-token patterns, are checked token by token.

``eventcoder_attributes`` reads the patterns of the pipeline's own ruler when it is added, and
runs in its place (``eventcoder.nlp.load_model`` disables the ruler). It follows the ruler's
semantics exactly: every pattern is matched against the tokens as they were before any rule was
applied, and where several rules set the same attribute of a token the rule added later wins. A
pipeline whose ruler uses anything else (other token attributes, operators, quantifiers) keeps
spaCy's ruler: ``supported`` says so, and nothing is replaced. tests/test_attributes.py checks
token by token, on parsed news text, that both give the same tags, parts of speech, morphology,
lemmas and dependency labels.
"""

from __future__ import annotations

import re

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis

NAME = "eventcoder_attributes"
LEMMAS = "eventcoder_lemmas"
# Lemmatizer modes whose lemma is a function of a token's form, part of speech and morphology.
_LEMMA_MODES = ("rule", "lookup", "pos_lookup")
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
_SETTABLE = ("POS", "MORPH", "LEMMA", "TAG", "DEP")
_FIRST_KEYS = ("TAG", "LOWER", "IS_SPACE")  # decided by the (tag, form) pair


def _predicate(value):
    """A test of one attribute's string (or bool) value, as spaCy's Matcher reads the spec."""
    if isinstance(value, dict):
        if len(value) != 1:
            return None
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda v: v not in banned
        if op == "REGEX":
            pattern = re.compile(arg)
            return lambda v: pattern.search(v) is not None
        return None
    if isinstance(value, (str, bool)):
        return lambda v: v == value
    return None


def _compile_token(spec: dict):
    tests = []
    for key, value in spec.items():
        if key not in _TESTED:
            return None
        pred = _predicate(value)
        if pred is None:
            return None
        tests.append((key, pred))
    return tests


def _token_values(strings, tag: int, lower: int, dep: int, space: int) -> dict:
    """A token's tested attributes as the Matcher reads them (a missing one is "")."""
    return {"TAG": strings[tag] if tag else "", "LOWER": strings[lower] if lower else "",
            "DEP": strings[dep] if dep else "", "IS_SPACE": bool(space)}


def supported(patterns: list[dict]) -> bool:
    """Whether every rule of an AttributeRuler (its ``.patterns``) can be applied here."""
    try:
        _Rules(patterns, None)
    except _Unsupported:
        return False
    return True


class _Unsupported(Exception):
    pass


class _Rules:
    """The ruler's rules in order; ``ordinal`` is the ruler's own precedence (later wins)."""

    def __init__(self, patterns: list[dict], vocab):
        self.rules: list[tuple] = []  # (ordinal, first-token tests, dep test, later tokens' tests, index)
        self.attrs: list[dict] = []  # per ordinal: {attr: value}
        self._by_lower: dict[str, list[int]] = {}  # a form -> the rules (positions) that need it
        self._by_tag: dict[str, list[int]] = {}
        self._anywhere: list[int] = []
        for ordinal, entry in enumerate(patterns):
            attrs = entry.get("attrs", {})
            if any(key not in _SETTABLE for key in attrs):
                raise _Unsupported(f"sets {sorted(attrs)}")
            index = entry.get("index", 0)
            self.attrs.append(self._values(attrs, vocab) if vocab is not None else attrs)
            for pattern in entry["patterns"]:
                if not pattern or any(not isinstance(spec, dict) or "OP" in spec for spec in pattern):
                    raise _Unsupported("quantifier")
                if not -len(pattern) <= index < len(pattern):
                    raise _Unsupported("index outside the pattern")
                compiled = [_compile_token(spec) for spec in pattern]
                if any(c is None for c in compiled):
                    raise _Unsupported("token attribute or operator")
                first = [(k, p) for k, p in compiled[0] if k in _FIRST_KEYS]
                dep = [p for k, p in compiled[0] if k == "DEP"]
                self._file(len(self.rules), pattern[0])
                self.rules.append((ordinal, first, dep[0] if dep else None, compiled[1:], index % len(pattern)))

    def _file(self, position: int, first: dict) -> None:
        """File a rule under the forms or tags its first token must have, so that a token is
        tested against a few rules, not all 180."""
        for key, table in (("LOWER", self._by_lower), ("TAG", self._by_tag)):
            value = first.get(key)
            if isinstance(value, dict) and set(value) == {"IN"}:
                for member in set(value["IN"]):
                    table.setdefault(member, []).append(position)
                return
            if isinstance(value, str):
                table.setdefault(value, []).append(position)
                return
        self._anywhere.append(position)

    def candidates(self, tag: str, lower: str) -> list[tuple]:
        """The rules a token with this tag and form may meet, in the ruler's order."""
        found = {*self._by_lower.get(lower, ()), *self._by_tag.get(tag, ()), *self._anywhere}
        return [self.rules[position] for position in sorted(found)]

    @staticmethod
    def _values(attrs: dict, vocab) -> dict:
        """The ruler's string values as the token setters take them."""
        out = {}
        for key, value in attrs.items():
            if key == "MORPH":
                out[key] = MorphAnalysis(vocab, value)
            elif key == "POS":
                from spacy.parts_of_speech import IDS
                out[key] = IDS[value]
            else:
                out[key] = vocab.strings.add(value)
        return out


class FastAttributeRuler:
    """Applies an AttributeRuler's patterns by lookup (module docstring)."""

    def __init__(self, patterns: list[dict], vocab):
        self.vocab = vocab
        self._rules = _Rules(patterns, vocab)
        self._by_pair: dict[tuple[int, int, int], tuple] = {}  # (tag, lower, is_space) -> rules its first token fits
        self._merged: dict[tuple[int, ...], tuple] = {}  # matched ordinals -> the attributes they set

    def _rules_for(self, key: tuple[int, int, int]) -> tuple:
        tag, lower, space = key
        values = _token_values(self.vocab.strings, tag, lower, 0, space)
        candidates = self._rules.candidates(values["TAG"], values["LOWER"])
        fits = tuple(rule for rule in candidates if all(pred(values[k]) for k, pred in rule[1]))
        if len(self._by_pair) < 200_000:
            self._by_pair[key] = fits
        return fits

    def _attrs_for(self, ordinals: tuple[int, ...]) -> tuple:
        merged: dict = {}
        for ordinal in sorted(set(ordinals)):
            merged.update(self._rules.attrs[ordinal])
        items = tuple(merged.items())
        self._merged[ordinals] = items
        return items

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        cols = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        strings = self.vocab.strings
        by_pair = self._by_pair
        hits: list[list[int] | None] = [None] * n
        deps: dict[int, str] = {}
        for i, (tag, lower, dep, space) in enumerate(cols):
            key = (tag, lower, space)
            rules = by_pair.get(key)
            if rules is None:
                rules = self._rules_for(key)
            for ordinal, _first, dep_test, later, index in rules:
                if dep_test is not None:
                    label = deps.get(dep)
                    if label is None:
                        label = deps[dep] = strings[dep] if dep else ""
                    if not dep_test(label):
                        continue
                if later and not self._later_fit(cols, i, later):
                    continue
                target = i + index
                found = hits[target]
                if found is None:
                    hits[target] = [ordinal]
                else:
                    found.append(ordinal)
        merged = self._merged
        for i, found in enumerate(hits):
            if found is None:
                continue
            key = tuple(found)
            items = merged.get(key)
            if items is None:
                items = self._attrs_for(key)
            token = doc[i]
            for attr, value in items:
                if attr == "POS":
                    token.pos = value
                elif attr == "MORPH":
                    token.morph = value
                elif attr == "LEMMA":
                    token.lemma = value
                elif attr == "TAG":
                    token.tag = value
                else:
                    token.dep = value
        return doc

    def _later_fit(self, cols: list, i: int, later: list) -> bool:
        """Whether the tokens after token ``i`` meet the later tokens' tests of a pattern."""
        if i + len(later) >= len(cols):
            return False
        for k, tests in enumerate(later, start=1):
            values = _token_values(self.vocab.strings, *cols[i + k])
            if not all(pred(values[key]) for key, pred in tests):
                return False
        return True


@Language.factory(NAME, default_config={"source": "attribute_ruler"})
def make_fast_attribute_ruler(nlp: Language, name: str, source: str):
    """The rules of the pipeline's component ``source`` (an AttributeRuler), applied by lookup."""
    return FastAttributeRuler(nlp.get_pipe(source).patterns, nlp.vocab)


def lemmas_by_lookup(lemmatizer) -> bool:
    """Whether a lemmatizer's lemma depends only on a token's form, part of speech and morphology
    (spaCy's rule lemmatizer caches its answers on exactly these), so it can be remembered."""
    return getattr(lemmatizer, "mode", None) in _LEMMA_MODES and callable(getattr(lemmatizer, "lemmatize", None))


class LemmaMemo:
    """spaCy's lemmatizer, asked once per (form, part of speech, morphology) and remembered.

    Its own ``__call__`` sets every token's lemma through the Python attribute setters, looking up
    its cache token by token; here the three values are read as one array, a known triple costs a
    dictionary lookup, and the lemmas are written back as one array. Tokens that already have a
    lemma (set by the attribute ruler) keep it, as the lemmatizer leaves them, unless it
    overwrites."""

    def __init__(self, lemmatizer, vocab):
        self.lemmatizer = lemmatizer
        self.vocab = vocab
        self._memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        cols = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = cols[:, 3].copy()
        overwrite = bool(getattr(self.lemmatizer, "overwrite", False))
        memo = self._memo
        for i, (orth, pos, morph, lemma) in enumerate(cols.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if len(memo) < 500_000:
                    memo[key] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory(LEMMAS, default_config={"source": "lemmatizer"})
def make_lemma_memo(nlp: Language, name: str, source: str):
    """The lemmas of the pipeline's component ``source`` (a Lemmatizer), remembered."""
    return LemmaMemo(nlp.get_pipe(source), nlp.vocab)
