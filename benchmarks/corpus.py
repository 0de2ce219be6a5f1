"""A seeded, reproducible corpus of news-style stories for benchmarks and engine tests.

Sentences are built from templates filled with actor names (countries, leaders, ministries,
armed groups, international organisations) and event verbs, about 25 tokens each, so the coder
finds actors and verb patterns at a realistic rate. The same seed always gives the same text;
nothing is downloaded and nothing is read from outside the repository.

    python -m benchmarks.corpus --stories 1000 --out /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path
from typing import Iterator

ACTORS = [
    "Russia", "Ukraine", "China", "India", "Pakistan", "Iran", "Israel", "Syria", "Turkey", "France",
    "Germany", "Japan", "North Korea", "South Korea", "the United States", "Britain", "Egypt",
    "Saudi Arabia", "Nigeria", "Kenya", "Brazil", "Mexico", "Venezuela", "Colombia", "Iraq",
    "Afghanistan", "the European Union", "the United Nations", "NATO", "the African Union",
    "Russian President Vladimir Putin", "Chinese President Xi Jinping", "the Iranian foreign ministry",
    "the Turkish government", "Israeli troops", "Syrian rebels", "Ukrainian forces", "the Indian army",
    "Pakistani police", "the French president", "German Chancellor Olaf Scholz", "Japanese officials",
    "the Egyptian military", "Kenyan authorities", "the Colombian government", "Iraqi security forces",
]
VERBS = [
    ("accused {t} of", "violating the ceasefire agreement signed in the capital last year"),
    ("criticized {t} for", "its handling of the crisis along the disputed border region"),
    ("met with {t} to", "discuss trade, security cooperation and the situation in the region"),
    ("signed an agreement with {t} on", "energy supplies and the reconstruction of damaged infrastructure"),
    ("urged {t} to", "release the detained journalists and return to negotiations without delay"),
    ("threatened {t} with", "new economic sanctions if the attacks on civilians did not stop"),
    ("attacked {t} near", "the northern town, killing at least a dozen people, officials said"),
    ("praised {t} for", "its efforts to bring humanitarian aid to the displaced families"),
    ("rejected the proposal from {t} on", "the grounds that it ignored earlier commitments"),
    ("expelled diplomats from {t} after", "a dispute over alleged spying at the embassy"),
    ("offered aid to {t} after", "floods destroyed thousands of homes in the southern provinces"),
    ("arrested suspects linked to {t} in", "a series of raids across the capital on Tuesday"),
    ("called on {t} to", "respect the sovereignty and territorial integrity of its neighbours"),
    ("agreed with {t} to", "resume talks on the nuclear programme in Geneva next month"),
    ("condemned {t} for", "the missile strike on the port city early on Sunday morning"),
    ("hosted {t} for", "two days of talks on security and economic cooperation in the region"),
]
OPENERS = [
    "On {day}, {s}", "Officials said that {s}", "In a statement on {day}, {s}",
    "According to state media, {s}", "Earlier this week {s}", "{s}",
]
FILLERS = [
    "The weather in the capital remained cold and wet for most of the week, according to forecasters.",
    "Markets closed slightly higher on Friday as investors waited for new figures on inflation and jobs.",
    "The ministry did not immediately respond to a request for comment on the report published on Monday.",
    "Local newspapers reported long queues at petrol stations in several cities after prices rose again.",
]
TAILS = [
    ", a spokesman for the ministry told reporters", ", according to a statement released late in the evening",
    ", two senior officials said on condition of anonymity", ", the state news agency reported",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def sentence(rng: random.Random) -> str:
    """One news-style sentence, about 25 tokens, usually with a source, a verb and a target."""
    source, target = rng.sample(ACTORS, 2)
    verb, rest = rng.choice(VERBS)
    core = f"{source} {verb.format(t=target)} {rest}"
    tail = rng.choice(TAILS) if rng.random() < 0.6 else ""
    return _cap(rng.choice(OPENERS).format(day=rng.choice(DAYS), s=core)) + tail + "."


def story_text(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        out.append(rng.choice(FILLERS) if rng.random() < 0.15 else sentence(rng))
    return " ".join(out)


def stories(n: int, seed: int = 1, sentences_per_story: int = 5) -> Iterator[dict]:
    """``n`` story records (id, date, text), each with ``sentences_per_story`` sentences."""
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1)
    for i in range(n):
        yield {
            "id": f"bench-{seed}-{i:07d}",
            "date": (start + dt.timedelta(days=rng.randrange(3650))).isoformat(),
            "text": story_text(rng, sentences_per_story),
        }


def write_jsonl(path: str | Path, n: int, seed: int = 1, sentences_per_story: int = 5) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for record in stories(n, seed, sentences_per_story):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--sentences-per-story", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    print(write_jsonl(a.out, a.stories, a.seed, a.sentences_per_story))


if __name__ == "__main__":
    main()
