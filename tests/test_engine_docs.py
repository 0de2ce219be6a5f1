"""Each extraction rule on parsed Docs built by hand: no model needed, parses fixed by the test."""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.tokens import Doc

from eventcoder.pipeline import code_doc
from eventcoder.records import Story

STORY_DATE = dt.date(2017, 12, 8)  # a Friday
VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case), no model


def parse(rows: str) -> Doc:
    """Build a Doc from lines 'word lemma TAG POS dep head' (head: index, or '-' for the root)."""
    words, lemmas, tags, pos, deps, heads = [], [], [], [], [], []
    for i, line in enumerate(l for l in rows.strip().splitlines() if l.strip()):
        w, lemma, tag, p, dep, head = line.split()
        words.append(w)
        lemmas.append(lemma)
        tags.append(tag)
        pos.append(p)
        deps.append(dep)
        heads.append(i if head == "-" else int(head))
    return Doc(VOCAB, words=words, lemmas=lemmas, tags=tags, pos=pos, deps=deps, heads=heads)


def triples(lex, doc: Doc, date=STORY_DATE) -> list[tuple]:
    return [(e.source, e.event_code, e.target) for e in code_doc(lex, doc, Story("t", date, doc.text))]


SVO = """
Russia Russia NNP PROPN nsubj 1
attacked attack VBD VERB ROOT -
Turkey Turkey NNP PROPN dobj 1
. . . PUNCT punct 1
"""


def test_subject_verb_object(mini_lexicon):
    assert triples(mini_lexicon, parse(SVO)) == [("RUS", "190", "TUR")]


def test_event_records_provenance_and_types(mini_lexicon):
    (event,) = code_doc(mini_lexicon, parse(SVO), Story("s1", STORY_DATE, "Russia attacked Turkey."))
    assert event.pattern.startswith(str(mini_lexicon.dictionaries.verbs[0].origin.file))
    assert event.root_code == "19" and event.quad_class == 4 and event.goldstein == -10.0
    assert event.source_country == "RUS" and event.source_agent is None
    assert event.date == STORY_DATE and event.story_date == STORY_DATE
    assert "actors.txt" in event.source_entry


def test_passive_takes_source_from_by_agent(mini_lexicon):
    doc = parse("""
    Islamic Islamic NNP PROPN compound 1
    State State NNP PROPN nsubjpass 3
    was be VBD AUX auxpass 3
    attacked attack VBN VERB ROOT -
    by by IN ADP agent 3
    Russian russian JJ ADJ amod 6
    troops troop NNS NOUN pobj 4
    . . . PUNCT punct 3
    """)
    assert triples(mini_lexicon, doc) == [("RUSMIL", "190", "IMGMUSISI")]


def test_negated_verb_gives_no_event(mini_lexicon):
    doc = parse("""
    Russia Russia NNP PROPN nsubj 3
    did do VBD AUX aux 3
    not not RB PART neg 3
    attack attack VB VERB ROOT -
    Turkey Turkey NNP PROPN dobj 3
    . . . PUNCT punct 3
    """)
    assert triples(mini_lexicon, doc) == []


def test_compound_subject_gives_one_event_per_actor(mini_lexicon):
    doc = parse("""
    Russia Russia NNP PROPN nsubj 4
    and and CC CCONJ cc 0
    France France NNP PROPN conj 0
    both both DT DET advmod 4
    condemned condemn VBD VERB ROOT -
    Turkey Turkey NNP PROPN dobj 4
    and and CC CCONJ cc 5
    Syria Syria NNP PROPN conj 5
    . . . PUNCT punct 4
    """)
    assert sorted(triples(mini_lexicon, doc)) == [
        ("FRA", "111", "SYR"), ("FRA", "111", "TUR"), ("RUS", "111", "SYR"), ("RUS", "111", "TUR"),
    ]


def test_reported_speech_codes_the_reported_clause_only(mini_lexicon):
    doc = parse("""
    Germany Germany NNP PROPN nsubj 1
    said say VBD VERB ROOT -
    that that IN SCONJ mark 5
    Russian russian JJ ADJ amod 4
    troops troop NNS NOUN nsubj 5
    attacked attack VBD VERB ccomp 1
    Turkey Turkey NNP PROPN dobj 5
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == [("RUSMIL", "190", "TUR")]


def test_complement_of_negating_verb_is_not_the_action(mini_lexicon):
    doc = parse("""
    Russia Russia NNP PROPN nsubj 1
    denied deny VBD VERB ROOT -
    attacking attack VBG VERB xcomp 1
    Turkey Turkey NNP PROPN dobj 2
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == [("RUS", "016", "TUR")]



@pytest.mark.parametrize("governor,expected", [("plan", []), ("begin", [("RUS", "190", "TUR")])])
def test_to_complements(mini_lexicon, governor, expected):
    doc = parse(f"""
    Russia Russia NNP PROPN nsubj 1
    {governor}s {governor} VBZ VERB ROOT -
    to to TO PART aux 3
    attack attack VB VERB xcomp 1
    Turkey Turkey NNP PROPN dobj 3
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == expected


def test_more_specific_pattern_wins(mini_lexicon):
    doc = parse("""
    Germany Germany NNP PROPN nsubj 1
    agreed agree VBD VERB ROOT -
    to to TO PART aux 3
    meet meet VB VERB xcomp 1
    Russia Russia NNP PROPN dobj 3
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == [("DEU", "036", "RUS")]


def test_target_from_named_preposition(mini_lexicon):
    doc = parse("""
    Russia Russia NNP PROPN nsubj 1
    declared declare VBD VERB ROOT -
    victory victory NN NOUN dobj 1
    over over IN ADP prep 2
    Daesh Daesh NNP PROPN pobj 3
    in in IN ADP prep 2
    Syria Syria NNP PROPN pobj 5
    on on IN ADP prep 1
    Thursday Thursday NNP PROPN pobj 7
    . . . PUNCT punct 1
    """)
    (event,) = code_doc(mini_lexicon, doc, Story("t", STORY_DATE, doc.text))
    assert (event.source, event.event_code, event.target) == ("RUS", "013", "IMGMUSISI")
    assert event.date == dt.date(2017, 12, 7)  # the Thursday before Friday 8 December


def test_source_slot_swaps_roles(mini_lexicon):
    doc = parse("""
    Turkey Turkey NNP PROPN nsubj 1
    received receive VBD VERB ROOT -
    aid aid NN NOUN dobj 1
    from from IN ADP prep 1
    Germany Germany NNP PROPN pobj 3
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == [("DEU", "070", "TUR")]


def test_agent_composes_through_of_phrase(mini_lexicon):
    doc = parse("""
    The the DT DET det 1
    government government NN NOUN nsubj 4
    of of IN ADP prep 1
    Syria Syria NNP PROPN pobj 2
    condemned condemn VBD VERB ROOT -
    Turkey Turkey NNP PROPN dobj 4
    . . . PUNCT punct 4
    """)
    assert triples(mini_lexicon, doc) == [("SYRGOV", "111", "TUR")]


def test_longest_match_wins(mini_lexicon):
    doc = parse("""
    Russian Russian NNP PROPN compound 1
    Federation Federation NNP PROPN nsubj 2
    attacked attack VBD VERB ROOT -
    Turkey Turkey NNP PROPN dobj 2
    . . . PUNCT punct 2
    """)
    (event,) = code_doc(mini_lexicon, doc, Story("t", STORY_DATE, doc.text))
    assert event.source == "RUS" and event.source_text == "Russian Federation"


@pytest.mark.parametrize("day,code", [(dt.date(2010, 1, 1), "USAGOV"), (dt.date(2018, 1, 1), "USAELI"), (dt.date(2009, 1, 19), "USAELI")])
def test_date_bounded_actor(mini_lexicon, day, code):
    doc = parse("""
    Obama Obama NNP PROPN nsubj 1
    condemned condemn VBD VERB ROOT -
    Russia Russia NNP PROPN dobj 1
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc, day) == [(code, "111", "RUS")]


def test_definite_reference_takes_the_story_s_earlier_group(mini_lexicon):
    doc = parse("""
    Daesh Daesh NNP PROPN nsubj 1
    retreated retreat VBD VERB ROOT -
    . . . PUNCT punct 1
    Russia Russia NNP PROPN nsubj 4
    attacked attack VBD VERB ROOT -
    the the DT DET det 6
    group group NN NOUN dobj 4
    . . . PUNCT punct 4
    """)
    assert len(list(doc.sents)) == 2  # two roots: the parse makes two sentences
    events = code_doc(mini_lexicon, doc, Story("t", STORY_DATE, doc.text))
    assert [(e.source, e.event_code, e.target) for e in events] == [("RUS", "190", "IMGMUSISI")]
    assert events[0].target_text == "the group [Daesh]" and events[0].sentence_index == 1


def test_reference_without_antecedent_stays_unresolved(mini_lexicon):
    doc = parse("""
    Russia Russia NNP PROPN nsubj 1
    attacked attack VBD VERB ROOT -
    the the DT DET det 3
    group group NN NOUN dobj 1
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == []


def test_pronoun_subject_of_reported_clause_is_the_speaker(mini_lexicon):
    doc = parse("""
    Germany Germany NNP PROPN nsubj 1
    said say VBD VERB ROOT -
    it it PRP PRON nsubj 4
    would would MD AUX aux 4
    attack attack VB VERB ccomp 1
    Syria Syria NNP PROPN dobj 4
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == [("DEU", "190", "SYR")]


def test_sentence_discard(mini_lexicon):
    doc = parse("""
    Russia Russia NNP PROPN nsubj 1
    attacked attack VBD VERB ROOT -
    Turkey Turkey NNP PROPN dobj 1
    at at IN ADP prep 1
    the the DT DET det 6
    world world NN NOUN compound 6
    cup cup NN NOUN pobj 3
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == []


def test_case_sensitive_abbreviation_does_not_match_the_pronoun(mini_lexicon):
    doc = parse("""
    Turkey Turkey NNP PROPN nsubj 1
    attacked attack VBD VERB ROOT -
    us we PRP PRON dobj 1
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == []
    doc = parse("""
    Turkey Turkey NNP PROPN nsubj 1
    attacked attack VBD VERB ROOT -
    IS IS NNP PROPN dobj 1
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == [("TUR", "190", "IMGMUSISI")]


def test_aspectual_verb_with_an_event_noun_is_coded_as_its_light_verb(mini_lexicon):
    # "continue" has no pattern of its own; "launch &AIRSTRIKE against +" names the object.
    doc = parse("""
    Russia Russia NNP PROPN nsubj 1
    continued continue VBD VERB ROOT -
    airstrikes airstrike NNS NOUN dobj 1
    against against IN ADP prep 2
    Turkey Turkey NNP PROPN pobj 3
    . . . PUNCT punct 1
    """)
    (event,) = code_doc(mini_lexicon, doc, Story("t", STORY_DATE, doc.text))
    assert (event.source, event.event_code, event.target) == ("RUS", "195", "TUR")
    assert "launch" in event.pattern and event.verb_text == "continued airstrikes against"


def test_aspectual_verb_complement_is_coded_by_the_complement(mini_lexicon):
    # "continued attacking Turkey": the verb complement is an event of its own, not a light-verb object.
    doc = parse("""
    Russia Russia NNP PROPN nsubj 1
    continued continue VBD VERB ROOT -
    attacking attack VBG VERB xcomp 1
    Turkey Turkey NNP PROPN dobj 2
    . . . PUNCT punct 1
    """)
    (event,) = code_doc(mini_lexicon, doc, Story("t", STORY_DATE, doc.text))
    assert (event.source, event.event_code, event.target) == ("RUS", "190", "TUR")
    assert event.verb_text == "attacking"


MEET_IN = """
Russia Russia NNP PROPN nsubj 1
met meet VBD VERB ROOT -
Turkey Turkey NNP PROPN dobj 1
in in IN ADP prep 1
{place} {place} NNP PROPN pobj 3
. . . PUNCT punct 1
"""


@pytest.mark.parametrize("place, code", [("Syria", "044"), ("Damascus", "044"), ("Turkey", "040"), ("Moscow", "040")])
def test_meeting_in_a_third_country_is_044(mini_lexicon, place, code):
    # @elsewhere 040 = 044 (a bundled directive): the place's country decides, per dyad.
    assert triples(mini_lexicon, parse(MEET_IN.format(place=place))) == [("RUS", code, "TUR")]


def test_target_from_the_governed_clause_when_the_verb_has_none(mini_lexicon):
    # "Russia denied that it attacked Turkey": a denial of Turkey's attack; "it" is Russia itself.
    doc = parse("""
    Russia Russia NNP PROPN nsubj 1
    denied deny VBD VERB ROOT -
    that that IN SCONJ mark 4
    it it PRP PRON nsubj 4
    attacked attack VBD VERB ccomp 1
    Turkey Turkey NNP PROPN dobj 4
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == [("RUS", "016", "TUR")]


def test_a_quantity_noun_subject_is_the_actor_it_counts(mini_lexicon):
    doc = parse("""
    Thousands thousand NNS NOUN nsubj 4
    of of IN ADP prep 0
    Russian russian JJ ADJ amod 3
    troops troop NNS NOUN pobj 1
    attacked attack VBD VERB ROOT -
    Turkey Turkey NNP PROPN dobj 4
    . . . PUNCT punct 4
    """)
    assert triples(mini_lexicon, doc) == [("RUSMIL", "190", "TUR")]


@pytest.mark.parametrize("by_head", [3, 1])  # "by Russia" on the event noun, or hung on the verb
def test_the_agent_of_an_event_object_is_the_target(mini_lexicon, by_head):
    doc = parse(f"""
    France France NNP PROPN nsubj 1
    condemned condemn VBD VERB ROOT -
    the the DT DET det 3
    attack attack NN NOUN dobj 1
    on on IN ADP prep 3
    Turkey Turkey NNP PROPN pobj 4
    by by IN ADP prep {by_head}
    Russia Russia NNP PROPN pobj 6
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == [("FRA", "111", "RUS")]


def test_an_actor_object_stays_the_target(mini_lexicon):
    doc = parse("""
    France France NNP PROPN nsubj 1
    condemned condemn VBD VERB ROOT -
    Turkey Turkey NNP PROPN dobj 1
    by by IN ADP prep 1
    phone phone NN NOUN pobj 3
    . . . PUNCT punct 1
    """)
    assert triples(mini_lexicon, doc) == [("FRA", "111", "TUR")]
