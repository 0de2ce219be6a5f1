"""One very long story through ``eventcoder code``: refused by default, coded in pieces under a
raised ``--max-story-chars`` (eventcoder/longtext.py). Prints the time and peak memory.

    .venv/bin/python benchmarks/long_story.py               # a 3 MB story, about 2 minutes here
    .venv/bin/python benchmarks/long_story.py --mb 10

The story is the example corpus (examples/stories.jsonl) repeated, one example a paragraph, until
it is ``--mb`` million characters long; a short story follows it in the same file. The run uses
one worker and the bundled dictionaries; each run is its own process, so its peak memory
(``ru_maxrss`` of the child) is the run's alone.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def long_story(chars: int) -> str:
    texts = [json.loads(line)["text"] for line in (ROOT / "examples" / "stories.jsonl").read_text(encoding="utf-8").splitlines()]
    parts, size = [], 0
    while size < chars:
        parts.append(texts[len(parts) % len(texts)] + "\n\n")
        size += len(parts[-1])
    return "".join(parts)


def code(src: Path, out: Path, *extra: str) -> tuple[int, float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "eventcoder", "code", str(src), "-o", str(out), "--overwrite", "-w", "1", *extra],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "COLUMNS": "200"},
    )
    return done.returncode, time.perf_counter() - started, done.stdout + done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=3.0, help="length of the story, in millions of characters")
    args = parser.parse_args()
    text = long_story(int(args.mb * 1_000_000))
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "long.jsonl"
        rows = [{"id": "long", "date": "2016-01-01", "text": text},
                {"id": "short", "date": "2016-03-01", "text": "The United States resumed airstrikes against the Islamic State."}]
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        status, seconds, output = code(src, Path(folder) / "refused")
        print(f"story of {len(text):,} characters, default limit: exit {status} in {seconds:.1f} s")
        print("  " + next((l for l in output.splitlines() if "Error" in l), "(no error)")[:200])
        status, seconds, output = code(src, Path(folder) / "events", "--max-story-chars", str(len(text)))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"--max-story-chars {len(text)}: exit {status} in {seconds:.1f} s, peak memory {peak:,.0f} MB")
        for line in output.splitlines():
            if line.startswith(("stories", "sentences", "events", "time")):
                print("  " + line.rstrip())


if __name__ == "__main__":
    main()
