"""How long `eventcoder report` takes, and how much memory, on a large synthetic dataset.

Writes a seeded synthetic dataset in the project's schema (benchmarks/synthetic_events.py; one
million events by default, 30 % of them located, all with a PLOVER type), then runs the command
as a user does, in a fresh process each time, and prints each run's wall time and the peak
resident memory of that process (``wait4``'s ``ru_maxrss``), with their median and maximum. The
dataset is written by a child process too, so that this script stays small: a child's peak
counts the memory of the process it was forked from.
Issue 11 asks for under a minute and under 2 GB for a million events.

    python benchmarks/report_bench.py                          # 1,000,000 events, 3 runs
    python benchmarks/report_bench.py --events 100000 --runs 1 # a quick look
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT_SECONDS = 60
LIMIT_MB = 2048


def run_once(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one run of ``command`` in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dataset", type=Path, help="where to write the synthetic dataset (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="report-bench-") as temp:
        dataset = args.dataset or Path(temp) / "events"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "benchmarks.synthetic_events", str(dataset), "--events", str(args.events),
                        "--seed", str(args.seed), "--located", "0.3", "--plover"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        print(f"dataset: {args.events:,} synthetic events (seed {args.seed}, 30 % located, PLOVER on) "
              f"written in {time.perf_counter() - started:.1f} s -> {dataset}")
        output = Path(temp) / "report.html"
        command = [sys.executable, "-m", "eventcoder", "report", str(dataset), "--output", str(output), "--overwrite"]
        print("command: eventcoder report DATASET --output report.html --overwrite")
        results = []
        for number in range(1, args.runs + 1):
            seconds, mb = run_once(command)
            results.append((seconds, mb))
            print(f"run {number}: {seconds:.1f} s, peak RSS {mb:,.0f} MB")
        wall = statistics.median(s for s, _ in results)
        peak = max(m for _, m in results)
        size = output.stat().st_size / 1e6
        print(f"median {wall:.1f} s, largest peak RSS {peak:,.0f} MB, report {size:.1f} MB")
        within = wall < LIMIT_SECONDS and peak < LIMIT_MB
        print(f"issue 11 bound (< {LIMIT_SECONDS} s, < {LIMIT_MB:,} MB): {'met' if within else 'NOT met'}")


if __name__ == "__main__":
    main()
