"""How long `eventcoder dedupe` takes, and how much memory, on a large synthetic dataset.

    .venv/bin/python benchmarks/dedupe_bench.py                        # 1,000,000 events, 3 runs
    .venv/bin/python benchmarks/dedupe_bench.py --events 100000 --runs 1
    .venv/bin/python benchmarks/dedupe_bench.py --by root --window 7

The dataset (kept in ``--dir`` for reruns: one per size and seed) has the duplication of news: it
holds reports of underlying events, each reported by 1 to 10 stories (geometric, mean 2.5), a
tenth of the reports a day late. The underlying events are those of benchmarks/synthetic_events.py
(ten years, a few hundred actors and every CAMEO code, with Zipf-like frequencies, 30 % located);
each report is one row with its own story (about four events per story and day), sentence and
event id. It is written by eventcoder's own writer, in a child process (a child's peak memory
counts the process it was forked from), laid out as `eventcoder code` lays out a dataset.

Each timed run is `eventcoder dedupe DATASET --output OUT --overwrite --quiet` in a fresh process:
its wall time and peak resident memory (``wait4``'s ``ru_maxrss``) are printed, then the medians.
Issue 11 asks for under a minute and under 2 GB for a million events.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

LIMIT_SECONDS = 60
LIMIT_MB = 2048


def reported_table(events: int, seed: int):
    """``events`` rows in EVENT_SCHEMA: the reports of underlying synthetic events (see above)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from benchmarks.synthetic_events import synthetic_table

    rng = np.random.default_rng(seed)
    reports = np.minimum(rng.geometric(0.4, size=events), 10)  # reports of each underlying event
    underlying = int(np.searchsorted(np.cumsum(reports), events)) + 1
    of_row = np.repeat(np.arange(underlying), reports[:underlying])[:events]
    table = synthetic_table(underlying, seed=seed, located=0.3).take(pa.array(of_row))
    day = pc.cast(table.column("date"), pa.int32()).to_numpy() + (rng.random(events) < 0.1)  # days since 1970
    per_day = max(events // (4 * 3653), 1)  # stories a day, about four events each
    story = day.astype(np.int64) * per_day + rng.integers(0, per_day, size=events)
    ids = rng.bytes(8 * events).hex()
    date = pa.array(day.astype(np.int32)).cast(pa.date32())
    replaced = {
        "event_id": pa.array([ids[i:i + 16] for i in range(0, 16 * events, 16)]),
        "story_id": pc.binary_join_element_wise("story-", pc.cast(pa.array(story), pa.string()), ""),
        "sentence_index": pa.array(rng.integers(0, 25, size=events).astype(np.int32)),
        "date": date,
        "story_date": date,
    }
    columns = [replaced.get(name, table.column(name)) for name in table.column_names]
    return pa.Table.from_arrays(columns, schema=table.schema)


def write_dataset(path: Path, events: int, seed: int) -> None:
    from eventcoder.writers import DatasetWriter

    table = reported_table(events, seed)
    with DatasetWriter(path, overwrite=True, metadata={"synthetic": {"events": events, "seed": seed,
                                                                   "by": "benchmarks/dedupe_bench.py"}}) as out:
        for batch in table.to_batches(max_chunksize=100_000):
            out.write_table(batch)


def main(argv: list[str] | None = None) -> None:
    from benchmarks.report_bench import run_once

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--by", default="code")
    parser.add_argument("--window", type=int, default=0)
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "eventcoder-dedupe-bench",
                        help="where the dataset is kept for reruns, and the output written")
    parser.add_argument("--write-dataset", type=Path, help=argparse.SUPPRESS)  # the child that writes it
    args = parser.parse_args(argv)
    if args.write_dataset:
        write_dataset(args.write_dataset, args.events, args.seed)
        return
    dataset = args.dir / f"events-{args.events}-{args.seed}"
    if not (dataset / "_eventcoder.json").is_file():
        started = time.perf_counter()
        subprocess.run([sys.executable, __file__, "--write-dataset", str(dataset), "--events", str(args.events),
                        "--seed", str(args.seed)], check=True)
        print(f"dataset: {args.events:,} synthetic events (seed {args.seed}) written in "
              f"{time.perf_counter() - started:.1f} s -> {dataset}")
    output = args.dir / "deduped"
    command = [sys.executable, "-m", "eventcoder", "dedupe", str(dataset), "--output", str(output),
               "--by", args.by, "--window", str(args.window), "--overwrite", "--quiet"]
    print(f"command: eventcoder dedupe {dataset} --output {output} --by {args.by} --window {args.window} "
          "--overwrite --quiet")
    results = []
    for number in range(1, args.runs + 1):
        seconds, mb = run_once(command)
        results.append((seconds, mb))
        print(f"run {number}: {seconds:.1f} s, peak RSS {mb:,.0f} MB")
    counts = json.loads((output / "_eventcoder.json").read_text("utf-8"))["counts"]
    print(f"rows {counts['rows_in']:,} -> {counts['events_written']:,} (n_mentions sum {counts['mentions']:,})")
    wall = statistics.median(s for s, _ in results)
    peak = statistics.median(m for _, m in results)
    print(f"median {wall:.1f} s, median peak RSS {peak:,.0f} MB")
    within = wall < LIMIT_SECONDS and max(m for _, m in results) < LIMIT_MB
    print(f"issue 11 bound (< {LIMIT_SECONDS} s, < {LIMIT_MB:,} MB): {'met' if within else 'NOT met'}")


if __name__ == "__main__":
    main()
