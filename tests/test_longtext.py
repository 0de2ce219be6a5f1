"""Long stories parsed in pieces (eventcoder.longtext): the pieces join back into the text, and a
story coded in pieces gives the events of the story coded whole."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import ROOT, needs_model
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.errors import InputError
from eventcoder.longtext import windows
from eventcoder.records import Story

_TEXT = st.lists(
    st.sampled_from(["Russia", "attacked", "Turkey.", "Mr.", "e.g.", "x" * 40, " ", "  ", "\n", "\n\n", "\t", " \n ", "\u00e9t\u00e9"]),
    max_size=200,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, size=st.integers(4, 120))
def test_pieces_join_back_and_windows_fit(text, size):
    parts = windows(text, size)
    assert "".join(text[w.core_start:w.core_end] for w in parts) == text
    for w in parts:
        assert w.start <= w.core_start < w.core_end <= w.end or (w.core_start == w.core_end == len(text) == 0)
        assert w.end - w.start <= size
        for cut in (w.start, w.end):  # a window's edge beyond its piece follows a run of white space
            if cut not in (w.core_start, w.core_end):
                assert text[cut - 1].isspace() and (cut == len(text) or not text[cut].isspace())


def test_cuts_prefer_line_breaks_then_sentence_ends():
    text = "One two three. Four five six\nseven eight nine. Ten eleven twelve."
    cuts = [w.core_end for w in windows(text, 60)]  # pieces of up to 30 characters
    assert text[: cuts[0]].endswith("\n")  # a line break within reach wins over a sentence end
    text = "One two three. Four five six seven eight nine ten eleven twelve."
    assert text[: windows(text, 60)[0].core_end].endswith("three. ")


def _real_story() -> str:
    """55 example news stories in one, joined by paragraph breaks and by plain spaces."""
    rows = [json.loads(line) for line in (ROOT / "examples" / "stories.jsonl").read_text(encoding="utf-8").splitlines()]
    return "".join(r["text"] + ("\n\n" if i % 3 else " ") for i, r in enumerate(rows))


@needs_model
@pytest.mark.model
@pytest.mark.parametrize("piece_chars", [1_000, 2_500])
def test_a_story_coded_in_pieces_gives_the_events_of_the_whole_story(bundled_coder, piece_chars):
    text = _real_story()
    story = Story("long", dt.date(2016, 1, 1), text)
    assert len(windows(text, piece_chars)) > 10
    whole = [e.to_dict() for e in bundled_coder.code([story])]
    bundled_coder.piece_chars = piece_chars
    try:
        pieces = [e.to_dict() for e in bundled_coder.code([story])]
    finally:
        bundled_coder.piece_chars = None
    assert len(whole) > 200
    assert pieces == whole  # same events, ids, sentence numbers and texts, in the same order


@needs_model
@pytest.mark.model
def test_texts_cut_inside_words_or_white_space_keep_every_character(nlp):
    from eventcoder.longtext import parse_long

    for text in ("a" * 3_000, "Russia attacked." + " " * 3_000 + "Turkey replied.", "Word\n" * 800):
        doc = parse_long(nlp, text, 400)
        assert doc.text == text


@needs_model
@pytest.mark.model
def test_the_coder_refuses_a_story_over_its_limit_and_codes_long_text_in_pieces(mini_coder):
    mini_coder.max_story_chars = 100
    try:
        with pytest.raises(InputError, match=r"story 'x' has 145 characters, more than --max-story-chars \(100\)") as err:
            list(mini_coder.code_stories([Story("x", dt.date(2017, 1, 1), "Russia attacked Turkey. " * 5 + "Germany condemned Russia.", origin="in.jsonl:7")]))
        assert (err.value.file, err.value.line) == ("in.jsonl", 7)
    finally:
        mini_coder.max_story_chars = None
    mini_coder.piece_chars = 60
    try:
        events = mini_coder.code_text("Russia attacked Turkey.\n" * 10, date=dt.date(2017, 1, 1))
    finally:
        mini_coder.piece_chars = None
    assert [e.sentence_index for e in events] == list(range(10))
