"""Long stories: parsed in pieces cut at paragraph, then sentence boundaries, and joined back into
one ``Doc``.

spaCy refuses a text longer than ``nlp.max_length`` (its error E088, one million characters), and
the parser's working memory grows with the words it parses at once (about 2.5 GB for a million
characters with en_core_web_sm). ``--max-story-chars`` may allow longer stories, so a story longer
than :data:`PIECE_CHARS` is cut into pieces, parsed one at a time. Every cut is placed after a
whole run of white space, so each word is tokenized as in the whole text: after a line break when
the piece holds one (the pipeline starts a sentence after every line break anyway), else after a
sentence end (``.``, ``!`` or ``?``, closing quotes or brackets, white space, then no lower-case
letter), else after any space, and only in a piece without any white space, inside a word.

Each piece is parsed with some of the text around it (up to :data:`MARGIN_CHARS` characters on
either side, also cut after white space), and only the piece's own tokens are kept: the tagger and
parser look at a few neighbouring words, and with the margin they see the same neighbours as in the
whole story. The pieces are joined with ``Doc.from_docs``: token indices, character offsets and
sentence numbers are those of the whole story, so events, ``sentence_index`` and event ids are the
ones a whole parse gives, except where the parser would have read a sentence across a cut without
a line break differently (tests/test_longtext.py codes stories both ways).
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator, NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from .records import Story

#: The longest piece parsed at once (characters), unless the parser's ``nlp.max_length`` is less.
PIECE_CHARS = 100_000
#: The most context parsed on either side of a piece (characters).
MARGIN_CHARS = 2_000

# Cut points, best first: the end of a run of white space holding a line break; of one after a
# sentence end (not followed by a lower-case letter: "Mr. Smith" may be cut, "e.g. this" not); of
# any run of white space.
_CUTS = (
    re.compile(r"\s*\n\s*"),
    re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?![\sa-z])"),
    re.compile(r"\s+"),
)


class Window(NamedTuple):
    """One piece of a text, ``text[core_start:core_end]``, parsed as ``text[start:end]``."""

    start: int
    core_start: int
    core_end: int
    end: int


def piece_size(nlp: Language, piece_chars: int | None = None) -> int:
    """The longest text parsed at once: ``piece_chars`` (default :data:`PIECE_CHARS`), never more
    than the parser's own limit."""
    return min(piece_chars or PIECE_CHARS, nlp.max_length)


def _cuts(text: str, lo: int, hi: int) -> list[int]:
    """The cut points in ``text[lo:hi]`` of the best kind there is (in order), or ``[]``."""
    for pattern in _CUTS:
        # endpos one past hi: a white-space run that goes on past hi ends there and is refused
        # (the word after it would be tokenized differently).
        found = [m.end() for m in pattern.finditer(text, lo, hi + 1) if lo < m.end() <= hi]
        if found:
            return found
    return []


def windows(text: str, size: int) -> list[Window]:
    """The pieces of a text longer than ``size``: cores that join back into the text exactly,
    each parsed within a window of at most ``size`` characters."""
    if size < 4:
        raise ValueError("a piece must be at least 4 characters")
    margin = min(MARGIN_CHARS, size // 4)
    core = size - 2 * margin
    bounds, hard = [0], set()  # hard: cut inside a word or a run of white space
    while len(text) - bounds[-1] > core:
        found = _cuts(text, bounds[-1], bounds[-1] + core)
        bounds.append(found[-1] if found else bounds[-1] + core)
        if not found:
            hard.add(bounds[-1])
    bounds.append(len(text))
    out = []
    for a, b in zip(bounds, bounds[1:]):
        # The most context: the earliest cut before the piece, the latest after it; none across
        # a hard cut, where the window must end exactly for its tokens to end there.
        before = _cuts(text, max(a - margin - 1, 0), a - 1) if a and a not in hard else []
        after = _cuts(text, b, min(b + margin, len(text))) if b < len(text) and b not in hard else []
        out.append(Window(before[0] if before else a, a, b, after[-1] if after else b))
    return out


def _core(doc: Doc, window: Window) -> Doc:
    """The tokens of a window's parse that belong to its piece, as a Doc of their own."""
    lo, hi = window.core_start - window.start, window.core_end - window.start
    first = next((t.i for t in doc if t.idx >= lo), len(doc))
    last = next((t.i for t in reversed(doc) if t.idx < hi), first - 1) + 1
    return doc[first:last].as_doc()


def parse_long(nlp: Language, text: str, size: int) -> Doc:
    """Parse ``text`` of any length: whole when it fits ``size``, else in pieces joined back.

    The pieces are parsed one at a time: the parser's working memory grows with the words it
    parses at once (about 2.5 GB for a million characters with en_core_web_sm)."""
    if len(text) <= size:
        return nlp(text)
    parts = windows(text, size)
    docs = nlp.pipe((text[w.start:w.end] for w in parts), batch_size=1)
    return Doc.from_docs([_core(doc, w) for doc, w in zip(docs, parts)], ensure_whitespace=False)


def parse_stories(
    nlp: Language, stories: Iterable[Story], size: int, batch_size: int = 64
) -> Iterator[tuple[Doc, Story]]:
    """``nlp.pipe`` over the stories' texts, in order, ``batch_size`` at a time; a story longer
    than ``size`` is parsed on its own, in pieces (:func:`parse_long`)."""
    stories = iter(stories)
    long: list[Story] = []  # the long story that ended the current run of short ones

    def short() -> Iterator[tuple[str, Story]]:
        for story in stories:
            if len(story.text) > size:
                long.append(story)
                return
            yield story.text, story

    while True:
        yield from nlp.pipe(short(), as_tuples=True, batch_size=batch_size)
        if not long:
            return
        story = long.pop()
        yield parse_long(nlp, story.text, size), story
