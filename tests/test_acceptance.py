"""The issue's acceptance sentences and the seed article, with the bundled dictionaries and the model."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SHARED, needs_model, needs_shared

FRIDAY = dt.date(2017, 12, 8)


def coded(coder, text, day=FRIDAY):
    return [(e.source, e.event_code, e.target, e.date) for e in coder.code_text(text, day)]


@needs_model
def test_declare_victory_on_thursday(bundled_coder):
    got = coded(bundled_coder, "Russia declared victory over Islamic State in Syria on Thursday.")
    assert ("RUS", "013", "IMGMUSISI", dt.date(2017, 12, 7)) in got


@needs_model
def test_resume_airstrikes(bundled_coder):
    got = coded(bundled_coder, "The United States resumed airstrikes against the Islamic State.")
    assert [g[:3] for g in got] == [("USA", "195", "IMGMUSISI")]


@needs_model
def test_passive_attack(bundled_coder):
    got = coded(bundled_coder, "Islamic State was attacked by Russian troops.")
    assert [g[:3] for g in got] == [("RUSMIL", "190", "IMGMUSISI")]


@needs_model
def test_negated_attack(bundled_coder):
    got = coded(bundled_coder, "Russia did not attack Turkey.")
    assert not [g for g in got if g[1].startswith("19")]


@needs_model
@pytest.mark.parametrize("text,expected", [
    ("Germany agreed to meet with French officials.", ("DEU", "036", "FRAGOV")),
    ("Putin met with Obama in Moscow.", ("RUSGOV", "040", "USAELI")),
    ("Putin met with Obama in Paris.", ("RUSGOV", "044", "USAELI")),  # a third country: CAMEO 044
    ("Germany called for talks with Russia.", ("DEU", "026", "RUS")),
    # an announced act is its threat (docs/gold-format.md, convention 5): threaten with sanctions
    # a defence ministry is the government (docs/gold-format.md, convention 10)
    ("The US defense department said it would impose sanctions on Iran.", ("USAGOV", "1312", "IRN")),
])
def test_phrasal_patterns_decide_the_code(bundled_coder, text, expected):
    assert expected in [g[:3] for g in coded(bundled_coder, text)]


@needs_model
def test_spacy_component_sets_doc_events(nlp):
    import spacy

    from eventcoder.nlp import load_model

    pipe = load_model()
    pipe.add_pipe("eventcoder")
    doc = pipe.make_doc("The United States resumed airstrikes against the Islamic State.")
    doc._.story_date = FRIDAY
    for _, proc in pipe.pipeline:
        doc = proc(doc)
    assert [(e.source, e.event_code, e.target) for e in doc._.events] == [("USA", "195", "IMGMUSISI")]
    assert isinstance(pipe, spacy.language.Language)


@needs_model
@needs_shared
def test_seed_article(bundled_coder):
    text = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    events = bundled_coder.code_text(text, FRIDAY, "seed")
    triples = {(e.source, e.event_code, e.target) for e in events}
    assert any(s in ("RUS", "RUSGOV", "RUSMIL") and t == "IMGMUSISI" for s, _, t in triples), triples
    assert any(s in ("USA", "USAGOV", "USAMIL") and c == "195" and t == "IMGMUSISI" for s, c, t in triples), triples
    # No event credits Islamic State with Russia's action, and none is dated after the story.
    assert not any(s == "IMGMUSISI" and t and t.startswith("RUS") for s, _, t in triples)
    assert all(e.date <= FRIDAY for e in events)
    assert {e.story_date for e in events} == {FRIDAY}


@needs_model
@pytest.mark.parametrize("text,expected", [
    ("IS attacked Iraq.", ("IMGMUSISI", "190", "IRQ")),
    ("IS was attacked by Russia.", ("RUS", "190", "IMGMUSISI")),
    ("US troops attacked IS positions.", ("USAMIL", "190", "IMGMUSISI")),
])
def test_is_written_in_capitals_is_an_actor_in_every_position(bundled_coder, text, expected):
    # "IS" spells the verb "is": without the acronym component spaCy tags it AUX and loses the subject.
    assert [g[:3] for g in coded(bundled_coder, text)] == [expected]
