"""How many sentences of a corpus a pre-filter before the parser could skip (issue 13, item 3).

Codes the corpus with the normal Coder and, per sentence, records what the coding saw: whether
any word can open an actor or agent phrase (a token-level fact), how many mentions the sentence
had before and after references were resolved, whether any word's lemma or form keys the verb or
noun index, and how many events it gave. A sentence that can be skipped without changing any event
must give no mention even after resolving (a mention feeds the story context of later sentences);
one a pre-filter can prove that of before parsing needs a token-level reason, such as having no
word that opens a phrase. Prints the shares; writes nothing.

    .venv/bin/python benchmarks/prefilter_share.py benchmarks/corpora/news-articles.jsonl
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventcoder import pipeline  # noqa: E402
from eventcoder.pipeline import Coder  # noqa: E402
from eventcoder.readers import read_stories  # noqa: E402
from eventcoder.records import Story  # noqa: E402

UNDATED = dt.date(2015, 1, 1)  # as benchmarks/speed.py codes the undated real-news records


class Recorder:
    """Wraps the pipeline's mention and coding steps to count, per sentence, what they saw."""

    def __init__(self) -> None:
        self.counts: collections.Counter = collections.Counter()
        self.doc = None  # the spaCy Doc being coded (for lemmas)
        self.current: dict | None = None

    def install(self) -> None:
        mentions_of, code_of, code_doc = pipeline.sentence_mentions, pipeline.code_sentence, Coder.code_doc

        def sentence_mentions(lex, sent, index, day, lowers, texts):
            self.flush()
            firsts = lex.mention_openings[2]
            span = self.doc[sent.start:sent.end]
            found = mentions_of(lex, sent, index, day, lowers, texts)
            self.current = {
                "opening": any(w in firsts or t in firsts for w, t in zip(lowers, texts)),
                "trigger": any(k in lex.verbs or k in lex.nouns for t in span for k in (t.lemma_, t.lower_)),
                "direct": len(found), "resolved": 0, "events": 0,
            }
            return found

        def code_sentence(lex, sent, mentions, require_dyad):
            raw = code_of(lex, sent, mentions, require_dyad)
            self.current.update(resolved=len(mentions), events=len(raw))
            return raw

        def coder_code_doc(coder, doc, story):
            self.doc = doc
            return code_doc(coder, doc, story)

        pipeline.sentence_mentions, pipeline.code_sentence = sentence_mentions, code_sentence
        Coder.code_doc = coder_code_doc

    def flush(self) -> None:
        s, self.current = self.current, None
        if s is None:
            return
        c = self.counts
        c["sentences"] += 1
        c["no word opens a phrase (token-level)"] += not s["opening"]
        c["no mention before resolving"] += s["direct"] == 0
        c["no mention after resolving"] += s["resolved"] == 0
        c["fewer than 2 mentions after resolving"] += s["resolved"] < 2
        c["no verb or noun index key"] += not s["trigger"]
        c["no key, or fewer than 2 mentions"] += (not s["trigger"]) or s["resolved"] < 2
        c["no event"] += s["events"] == 0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    args = ap.parse_args(argv)
    stories = [s for s in read_stories([args.corpus], default_date=UNDATED) if isinstance(s, Story)]
    recorder = Recorder()
    recorder.install()
    events = sum(len(e) for _, e in Coder().code_stories(stories))
    recorder.flush()
    n = recorder.counts["sentences"]
    print(f"{args.corpus}: {len(stories)} stories, {n} sentences coded, {events} events")
    for name, v in recorder.counts.items():
        print(f"  {name:40s} {v:6d}  {100 * v / n:5.1f}%")


if __name__ == "__main__":
    main()
