"""Build the real-news benchmark corpora from the project's real-news gold files.

Two JSONL corpora (one story a line, fields ``id``, ``date``, ``text``, ``url``) are written into
benchmarks/corpora/:

* ``news-sentences.jsonl``: every gold sentence (``text``) of tests/gold/news-dev.jsonl and
  tests/gold/news-test.jsonl as a story of its own: sentence-level real news;
* ``news-articles.jsonl``: one story per article (gold records grouped by ``url``): the records'
  ``context`` and ``text`` in the order of the gold ids, each paragraph once, paragraphs joined
  by a blank line: the longest real-news texts the project holds offline.

``SOURCES.md`` beside them lists every article's url (each text is quoted from the page at that
address, as the gold files record). Run again after the gold files change::

    .venv/bin/python benchmarks/real_corpus.py          # rewrites benchmarks/corpora/
    .venv/bin/python benchmarks/real_corpus.py --check  # exit 1 when the committed files are stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = [ROOT / "tests" / "gold" / "news-dev.jsonl", ROOT / "tests" / "gold" / "news-test.jsonl"]
OUT = ROOT / "benchmarks" / "corpora"
SENTENCES, ARTICLES, SOURCES = "news-sentences.jsonl", "news-articles.jsonl", "SOURCES.md"


def read_gold(paths: list[Path]) -> list[dict]:
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh if line.strip()]
    return records


def _line(story: dict) -> str:
    return json.dumps(story, ensure_ascii=False, sort_keys=True) + "\n"


def sentence_stories(records: list[dict]) -> list[dict]:
    return [{"id": r["id"], "date": r["date"], "text": r["text"], "url": r["url"]} for r in records]


def article_stories(records: list[dict]) -> list[dict]:
    """One story per url, in the order each url first appears; paragraphs in gold-id order."""
    groups: dict[str, list[dict]] = {}
    for r in records:
        groups.setdefault(r["url"], []).append(r)
    out = []
    for n, (url, group) in enumerate(groups.items(), 1):
        paragraphs: list[str] = []
        for r in sorted(group, key=lambda r: r["id"]):
            for piece in (r.get("context") or "", r["text"]):
                piece = piece.strip()
                if not piece or any(piece in p for p in paragraphs):
                    continue
                inside = [k for k, p in enumerate(paragraphs) if p in piece]  # a longer quote of them
                if inside:
                    paragraphs[inside[0]] = piece
                    paragraphs = [p for k, p in enumerate(paragraphs) if k not in inside[1:]]
                else:
                    paragraphs.append(piece)
        out.append({"id": f"article-{n:03d}", "date": group[0]["date"], "text": "\n\n".join(paragraphs), "url": url})
    return out


def build(records: list[dict]) -> dict[str, str]:
    """The corpus files' contents, by file name."""
    sentences, articles = sentence_stories(records), article_stories(records)
    sources = [
        "# Sources of the real-news benchmark corpora",
        "",
        "Built by `benchmarks/real_corpus.py` from tests/gold/news-dev.jsonl and tests/gold/news-test.jsonl",
        f"({len(sentences)} sentences, {len(articles)} articles). Each article's text is quoted from the page at",
        "its address, as the gold files record it (the gold `context` and `text` fields).",
        "",
        "| story | url |",
        "|---|---|",
    ] + [f"| {a['id']} | {a['url']} |" for a in articles]
    return {
        SENTENCES: "".join(map(_line, sentences)),
        ARTICLES: "".join(map(_line, articles)),
        SOURCES: "\n".join(sources) + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="compare with the files in --out instead of writing")
    a = ap.parse_args(argv)
    files = build(read_gold(GOLD))
    if a.check:
        stale = [n for n, text in files.items() if not (a.out / n).exists() or (a.out / n).read_text(encoding="utf-8") != text]
        print("stale: " + ", ".join(stale) if stale else "up to date")
        return 1 if stale else 0
    a.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (a.out / name).write_text(text, encoding="utf-8")
        print(f"wrote {a.out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
