"""The pipeline components eventcoder adds to the spaCy model (no model needed)."""

from __future__ import annotations

import spacy

from eventcoder.nlp import acronym_norms, paragraph_boundaries


def _doc(text: str):
    return spacy.blank("en")(text)


def test_function_word_in_capitals_keeps_its_capitals_as_norm():
    doc = acronym_norms(_doc("IS fighters attacked the town, and it is over, US officials said."))
    norms = {t.text: t.norm_ for t in doc}
    assert norms["IS"] == "IS" and norms["US"] == "US"
    assert norms["is"] == "is" and norms["it"] == "it"  # lower-case function words untouched


def test_text_in_capitals_is_left_alone():
    doc = acronym_norms(_doc("IS ATTACKS THE TOWN AS US TROOPS LEAVE"))
    assert [t.norm_ for t in doc] == [t.lower_ for t in doc]


def test_other_capitals_and_empty_docs():
    assert acronym_norms(_doc("")).text == ""
    doc = acronym_norms(_doc("NATO and the UN met."))
    assert [t.norm_ for t in doc][:1] == ["nato"]  # not a function word: the model's own norm


def test_line_breaks_start_sentences():
    doc = paragraph_boundaries(_doc("Headline here\nBody text starts here."))
    assert doc[3].is_sent_start
