"""Time two whole commands in turn (B A B A ..., after one warm-up round of each) and print the
medians of their wall and CPU seconds and the median of the per-round speed-up of A over B.

    .venv/bin/python benchmarks/paired.py --runs 5 \\
        --baseline ".venv/bin/eventcoder code big3.jsonl --output /tmp/w1 --overwrite --quiet --workers 1" \\
        ".venv/bin/eventcoder code big3.jsonl --output /tmp/w2 --overwrite --quiet --workers 2"

Each command runs as its own process, start-up included; pairing the rounds keeps the ratio
meaningful while the machine's speed drifts. Commands run from the project folder.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import compare_processes  # noqa: E402


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", help="A: the command measured (one string, split as a shell splits words)")
    ap.add_argument("--baseline", required=True, help="B: the command A is compared with")
    ap.add_argument("--runs", type=int, default=5, help="timed rounds (median counts)")
    a = ap.parse_args(argv)
    r = compare_processes({"B": shlex.split(a.baseline), "A": shlex.split(a.command)}, a.runs)
    out = {
        "runs": a.runs,
        "A": {"command": a.command, "wall_s": round(r["wall"]["A"], 3),
              "wall_range": [round(x, 3) for x in r["wall_range"]["A"]], "cpu_s": round(r["cpu"]["A"], 3)},
        "B": {"command": a.baseline, "wall_s": round(r["wall"]["B"], 3),
              "wall_range": [round(x, 3) for x in r["wall_range"]["B"]], "cpu_s": round(r["cpu"]["B"], 3)},
        # > 1: A is faster than B (B's wall time over A's), round by round
        "speedup_A_over_B": round(r["speed_vs_first"]["A"], 3),
    }
    print(json.dumps(out, indent=2))
    return out


if __name__ == "__main__":
    main()
