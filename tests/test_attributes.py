"""The attribute ruler's rules applied by lookup (eventcoder.attributes) give what spaCy's own
AttributeRuler gives, and the remembered lemmas what spaCy's lemmatizer gives: the same tag, part
of speech, morphology, lemma and dependency label on every token. Checked on parsed text, and on hand-built Docs (no parse needed) whose words, tags
and labels Hypothesis draws from those the rules test, so the rare rules (two-token patterns,
dependency tests, whitespace, rules that overwrite one another) are met often."""

from __future__ import annotations

import json

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from conftest import ROOT
from eventcoder import attributes
from eventcoder.nlp import lookup_attributes

FIELDS = ("tag_", "pos_", "morph", "lemma_", "dep_")


def annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def ruler_and_lookup(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    return ruler, attributes.FastAttributeRuler(ruler.patterns, nlp.vocab)


def test_the_coder_pipeline_runs_the_lookups_in_place_of_the_ruler_and_lemmatizer(nlp):
    names = nlp.pipe_names
    assert "attribute_ruler" not in names and "lemmatizer" not in names
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)
    assert names.index("parser") < names.index(attributes.NAME) < names.index(attributes.LEMMAS)


def _both(nlp, texts):
    """Each text parsed once, then annotated by spaCy's ruler and lemmatizer, and by the lookups."""
    ruler = nlp.get_pipe("attribute_ruler")
    lookup = nlp.get_pipe(attributes.NAME)
    lemmatizer = nlp.get_pipe("lemmatizer")
    lemmas = nlp.get_pipe(attributes.LEMMAS)
    upto = [name for name in nlp.pipe_names if name in ("eventcoder_acronyms", "tok2vec", "tagger",
                                                         "eventcoder_paragraphs", "parser")]
    out = []
    for text in texts:
        doc = nlp.make_doc(text)
        for name in upto:
            doc = nlp.get_pipe(name)(doc)
        a = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        b = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        out.append((annotations(lemmatizer(ruler(a))), annotations(lemmas(lookup(b)))))
    return out


def test_same_annotations_on_parsed_news(nlp):
    texts = [json.loads(line)["text"] for line in (ROOT / "examples" / "stories.jsonl").open(encoding="utf-8")]
    texts += [
        "I ain't gonna do it, y'all know. Let's go, c'mon! It gets worse and he got nothin' from it.",
        "There is a war.\n\nThere are    two  sides; it wasn't over.  \n  You did it and I have had it.",
        "But the army, which had done that, did what it did. Those who were there said all of them left.",
        "   ", "What do you want from me?\tI don't know.\n",
    ]
    compared = 0
    for spacy_ruler, lookup in _both(nlp, texts):
        assert lookup == spacy_ruler
        compared += len(lookup)
    assert compared > 500


# Words, tags and labels the rules test, and some they do not.
_WORDS = ["ai", "n't", "nt", "gon", "na", "got", "ta", "let", "'s", "c'm", "on", "y'", "y", "all",
          "nothin'", "nuthin'", "i", "you", "it", "do", "does", "did", "'d", "have", "has", "had",
          "is", "are", "was", "were", "'re", "but", "there", "that", "which", "those", "this", "a",
          "the", "gets", "to", "of", "army", "said", "Russia", ",", ".", "(", ")", '"', "-", "$",
          "%", "1990", "'", "’s", "me", "us", "them", "who", "what"]
_SPACES = [" ", "  ", "\n", "\n\n", "\t"]


@st.composite
def hand_built(draw, vocab, tags, labels):
    n = draw(st.integers(min_value=1, max_value=12))
    words = draw(st.lists(st.sampled_from(_WORDS + _SPACES), min_size=n, max_size=n))
    # Capitals change the form but not the lowercase form the rules read.
    words = [w.upper() if w.isalpha() and draw(st.booleans()) else w for w in words]
    spaces = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    spaces = [s and not w.isspace() for s, w in zip(spaces, words)]
    tag = draw(st.lists(st.sampled_from(tags), min_size=n, max_size=n))
    deps = draw(st.lists(st.sampled_from(labels), min_size=n, max_size=n))
    heads = list(range(n))  # every token its own root: any label, no tree to keep whole
    return Doc(vocab, words=words, spaces=spaces, tags=tag, deps=deps, heads=heads)


@pytest.fixture(scope="module")
def labels(nlp):
    tags = list(nlp.get_pipe("tagger").labels) + ["_SP"]
    deps = list(nlp.get_pipe("parser").labels) + ["dep"]
    return tags, deps


def test_same_annotations_on_hand_built_docs(nlp, ruler_and_lookup, labels):
    ruler, lookup = ruler_and_lookup
    lemmatizer, lemmas = nlp.get_pipe("lemmatizer"), nlp.get_pipe(attributes.LEMMAS)
    tags, deps = labels

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(hand_built(nlp.vocab, tags, deps))
    def check(doc):
        a = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        b = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        assert annotations(lemmas(lookup(b))) == annotations(lemmatizer(ruler(a)))

    check()


def test_a_later_rule_wins_and_rules_read_the_tokens_as_they_were():
    nlp = spacy.blank("en")
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "TAG": "VB"}},
        {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB"}},  # reads the original tag: no match
        {"patterns": [[{"LOWER": "war"}]], "attrs": {"POS": "PROPN", "LEMMA": "War"}},
        {"patterns": [[{"LOWER": "holy"}, {"LOWER": "war"}]], "attrs": {"MORPH": "Number=Sing"}, "index": -1},
    ]
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    lookup = attributes.FastAttributeRuler(ruler.patterns, nlp.vocab)
    words = ["A", "holy", "war", "and", "a", "war"]
    tags = ["DT", "JJ", "NN", "CC", "DT", "NN"]
    a, b = (Doc(nlp.vocab, words=words, tags=tags) for _ in range(2))
    assert annotations(lookup(b)) == annotations(ruler(a))
    war = b[2]
    assert (war.tag_, war.pos_, war.lemma_, str(war.morph)) == ("VB", "PROPN", "War", "Number=Sing")
    assert (b[5].pos_, str(b[5].morph)) == ("PROPN", "")


@pytest.mark.parametrize("pattern", [
    [{"LENGTH": 3}],  # an attribute the lookup does not read
    [{"LOWER": "war", "OP": "?"}],  # a quantifier
    [{"LOWER": {">=": 3}}],  # an operator
])
def test_a_ruler_the_lookup_cannot_follow_is_kept(pattern):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([pattern], {"POS": "X"})
    assert not attributes.supported(ruler.patterns)
    lookup_attributes(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_a_ruler_the_lookup_follows_is_replaced():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    lookup_attributes(nlp)
    assert nlp.pipe_names == [attributes.NAME]
    doc = nlp(Doc(nlp.vocab, words=["war"], tags=["NN"]))
    assert doc[0].pos_ == "NOUN"


def test_lemmas_are_remembered_only_for_a_lemmatizer_that_keys_on_form_and_tags():
    nlp = spacy.blank("en")

    class Learned:  # a lemmatizer whose answer may depend on context: not remembered
        mode = "learned"

        def lemmatize(self, token):
            return [token.text]

    assert not attributes.lemmas_by_lookup(Learned())
    rule = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    assert attributes.lemmas_by_lookup(rule)


def test_remembered_lemmas_keep_a_lemma_already_set():
    nlp = spacy.blank("en")

    class Counting:
        mode = "rule"
        overwrite = False
        calls = 0

        def lemmatize(self, token):
            Counting.calls += 1
            return [token.lower_ + "-x"]

    memo = attributes.LemmaMemo(Counting(), nlp.vocab)
    doc = Doc(nlp.vocab, words=["Wars", "wars", "Wars", "gets"], pos=["NOUN", "NOUN", "NOUN", "VERB"])
    doc[3].lemma_ = "get"
    memo(doc)
    assert [t.lemma_ for t in doc] == ["wars-x", "wars-x", "wars-x", "get"]
    assert Counting.calls == 2  # "Wars" asked once, "wars" once; "gets" had its lemma


# The model's matrix products through numpy's BLAS (eventcoder.nlp.matrix_products).


def _layer_ops(nlp):
    from thinc.api import Model

    return {
        (type(layer.ops).__name__, getattr(layer.ops, "use_blis", None))
        for _name, component in nlp.components
        if isinstance(getattr(component, "model", None), Model)
        for layer in component.model.walk()
    }


def test_the_coder_pipeline_multiplies_with_numpy(nlp):
    assert _layer_ops(nlp) == {("NumpyOps", False)}


def test_blis_can_be_kept_and_a_bad_choice_is_named(monkeypatch):
    from eventcoder.errors import ModelError
    from eventcoder.nlp import MATMUL, load_model, matrix_products

    monkeypatch.setenv(MATMUL, "blis")
    kept = load_model()
    assert _layer_ops(kept) == {("NumpyOps", True)}
    monkeypatch.setenv(MATMUL, "fast")
    with pytest.raises(ModelError) as err:
        matrix_products(kept)
    assert err.value.code == "E300" and MATMUL in str(err.value) and "'blis'" in str(err.value)


def test_numpy_and_blis_products_give_the_same_parse(nlp, monkeypatch):
    from eventcoder.nlp import MATMUL, load_model

    monkeypatch.setenv(MATMUL, "blis")
    with_blis = load_model()
    texts = [json.loads(line)["text"] for line in (ROOT / "examples" / "stories.jsonl").open(encoding="utf-8")]
    parse = lambda doc: [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_) for t in doc]  # noqa: E731
    compared = 0
    for a, b in zip(nlp.pipe(texts), with_blis.pipe(texts)):
        assert parse(a) == parse(b)
        compared += len(a)
    assert compared > 500


def test_the_command_line_runs_blas_on_one_thread_unless_told(monkeypatch):
    import os

    import eventcoder.cli as cli

    monkeypatch.setattr(cli, "app", lambda: None)
    monkeypatch.setattr(cli, "install_signal_handlers", lambda: None)
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    cli.main()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    cli.main()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
