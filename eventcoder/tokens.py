"""The parse of a story as plain Python objects, read from spaCy once.

The coder walks each sentence's dependency tree many times (clauses, subjects, conjuncts,
dates). spaCy makes a new ``Token`` object on every access (``doc[i]``, ``tok.head``,
``tok.children``), which used to cost more than the coding itself. Here the parse is read in one
``Doc.to_array`` call; a sentence's tokens become ``Tok`` objects (with spaCy's attribute names)
only when the coder needs its tree, and their links are plain references.
"""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc

_ATTRS = [ORTH, LOWER, LEMMA, TAG, POS, DEP, IDX, HEAD, SENT_START, SPACY]
# Hash -> string, shared by all documents (a hash always names the same string). Cleared when
# large, so that memory stays flat over millions of stories.
_STRINGS: dict[int, str] = {}
_LOWER: dict[int, str] = {}  # hash -> the string in lower case, apostrophes straight (lower case words, lemmas)
_STRINGS_MAX = 300_000
# The model's lemmatizer reads some plurals as another word's: "bases" as "basis" ("rebel bases"
# are the rebels' bases). lemma -> {form: the lemma the coder reads}.
_LEMMA_SLIPS: dict[str, dict[str, str]] = {"basis": {"bases": "base"}}


class Tok:
    """One token: spaCy's attribute names, except ``lemma``, which is the lemma in lower case."""

    __slots__ = ("i", "text", "lower_", "lemma", "tag_", "pos_", "dep_", "head", "children", "_conjuncts")

    def __init__(self, i: int, text: str, lower: str, lemma: str, tag: str, pos: str, dep: str) -> None:
        self.i = i
        self.text = text
        self.lower_ = lower
        self.lemma = lemma
        self.tag_ = tag
        self.pos_ = pos
        self.dep_ = dep
        self.head: Tok = self
        self.children: list[Tok] = []
        self._conjuncts: tuple[Tok, ...] | None = None

    @property
    def conjuncts(self) -> tuple[Tok, ...]:
        """Coordinated tokens, without this one, as spaCy's ``Token.conjuncts`` finds them."""
        if self._conjuncts is None:
            start = self
            while start.dep_ == "conj" and start.head is not start:
                start = start.head
            found = [start]
            for word in found:
                found.extend(c for c in word.children if c.dep_ == "conj" and c.i > word.i)
            self._conjuncts = tuple(w for w in found if w is not self)
        return self._conjuncts

    @property
    def subtree(self) -> list[Tok]:
        """This token and everything below it, in sentence order."""
        out, stack = [], [self]
        while stack:
            t = stack.pop()
            out.append(t)
            stack.extend(t.children)
        out.sort(key=lambda t: t.i)
        return out

    def is_ancestor(self, other: Tok) -> bool:
        t = other
        while t.head is not t:
            t = t.head
            if t is self:
                return True
        return False

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.text!r}, {self.dep_}->{self.head.i})"


def _strings(strings, hashes: list[int], lower: bool = False) -> list[str]:
    """The strings of a column of hashes (through the shared cache)."""
    cache = _LOWER if lower else _STRINGS
    if len(cache) >= _STRINGS_MAX:
        cache.clear()
    out = []
    for h in hashes:
        s = cache.get(h)
        if s is None:
            s = strings[h]
            if lower:
                # "Lord’s Resistance Army": dictionaries write the apostrophe straight
                s = s.lower().replace("\u2019", "'")
            cache[h] = s
        out.append(s)
    return out


class ParsedDoc:
    """A parsed story: its words as lists, its sentences, and ``Tok`` objects per sentence on demand.

    ``parsed[i]`` is token i of the story (its sentence must have been built with ``build``)."""

    __slots__ = ("texts", "lowers", "sents", "_cols", "_heads", "_idx", "_spaces", "_text", "_toks")

    def __init__(self, doc: Doc) -> None:
        strings = doc.vocab.strings
        n = len(doc)
        arr = doc.to_array(_ATTRS).T if n else [[]] * len(_ATTRS)
        self.texts = _strings(strings, arr[0].tolist())
        self.lowers = _strings(strings, arr[1].tolist(), lower=True)
        # lemma (lower case), tag, pos, dep: read as strings when a sentence is built
        self._cols = (arr[2].tolist(), arr[3].tolist(), arr[4].tolist(), arr[5].tolist(), strings)
        self._idx = arr[6].tolist()
        self._spaces = arr[9].tolist()
        self._text: str | None = None
        self._heads = arr[7].astype("int64").tolist() if n else []
        if not n:
            self.sents = []
        elif doc.has_annotation("SENT_START"):
            starts = [i for i, v in enumerate(arr[8].tolist()) if v == 1 and i > 0]
            self.sents = list(zip([0] + starts, starts + [n]))
        else:
            self.sents = [(s.start, s.end) for s in doc.sents]  # spaCy's hooks, or its error
        self._toks: list[Tok | None] = [None] * n

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def text(self) -> str:
        """The story's text as spaCy holds it (``Doc.text``), joined once when first asked for."""
        if self._text is None:
            self._text = "".join([t + " " if sp else t for t, sp in zip(self.texts, self._spaces)])
        return self._text

    def __getitem__(self, i: int) -> Tok:
        return self._toks[i]  # type: ignore[return-value]

    def build(self, start: int, end: int) -> None:
        """Make the ``Tok`` objects of tokens start..end-1 (one sentence) and link them."""
        toks = self._toks
        if toks[start] is not None:
            return
        cols = self._cols
        if len(cols) == 5:  # the doc's lemma, tag, pos and dep hashes, read as strings once
            lemmas, tags, poses, deps, strings = cols
            cols = self._cols = (
                _strings(strings, lemmas, lower=True), _strings(strings, tags), _strings(strings, poses),
                _strings(strings, deps),
            )
        lemmas, tags, poses, deps = cols
        texts, lowers = self.texts, self.lowers
        for i in range(start, end):
            t = Tok.__new__(Tok)  # set field by field: no __init__ call per token
            t.i = i
            t.text = texts[i]
            t.lower_ = lowers[i]
            t.lemma = lemmas[i]
            if t.lemma in _LEMMA_SLIPS:
                t.lemma = _LEMMA_SLIPS[t.lemma].get(t.lower_, t.lemma)
            t.tag_ = tags[i]
            t.pos_ = poses[i]
            t.dep_ = deps[i]
            t.head = t
            t.children = []
            t._conjuncts = None
            toks[i] = t
        heads = self._heads
        for i in range(start, end):
            h = i + heads[i]
            if h != i and start <= h < end:
                t = toks[i]
                head = toks[h]
                t.head = head
                head.children.append(t)

    def release(self) -> None:
        """Unlink the tokens built so far (their head and children refer to each other), so that
        they are freed at once rather than by the cycle collector, which otherwise runs every
        few hundred tokens and costs about a tenth of the coding time. The tokens are unusable
        afterwards."""
        toks = self._toks
        for i in range(len(toks)):
            t = toks[i]
            if t is not None:
                t.head = None
                t.children = None
                t._conjuncts = None
                toks[i] = None

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens start..end-1 as written (like spaCy's ``Span.text``)."""
        if end <= start:
            return ""
        return self.text[self._idx[start]:self._idx[end - 1] + len(self.texts[end - 1])]

    def opening(self, n: int = 30) -> str:
        """The text of the story's first ``n`` tokens (for its dateline)."""
        n = min(n, len(self.texts))
        spaces, texts = self._spaces, self.texts
        return "".join([texts[i] + " " if spaces[i] else texts[i] for i in range(n)])

    def char_start(self, i: int) -> int:
        """The character offset in the story of token ``i``."""
        return self._idx[i]

    def char_end(self, end: int) -> int:
        """The character offset in the story just after token ``end - 1``."""
        return self._idx[end - 1] + len(self.texts[end - 1]) if end > 0 else 0

    def sentence(self, k: int) -> Sentence:
        start, end = self.sents[k]
        return Sentence(self, start, end)


class Sentence:
    """Tokens start..end-1 of a ``ParsedDoc``; iterating builds and yields its ``Tok`` objects."""

    __slots__ = ("doc", "start", "end")

    def __init__(self, doc: ParsedDoc, start: int, end: int) -> None:
        self.doc = doc
        self.start = start
        self.end = end

    def __iter__(self):
        self.doc.build(self.start, self.end)
        return iter(self.doc._toks[self.start:self.end])

    def __len__(self) -> int:
        return self.end - self.start

    @property
    def lowers(self) -> list[str]:
        return self.doc.lowers[self.start:self.end]

    @property
    def texts(self) -> list[str]:
        return self.doc.texts[self.start:self.end]

    @property
    def text(self) -> str:
        return self.doc.span_text(self.start, self.end)
