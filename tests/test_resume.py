"""Crash tests: ``eventcoder code`` killed with SIGKILL at random moments, then ``--resume``.

Each kill stops a real ``eventcoder code`` subprocess (its whole process group, as a job
scheduler or the out-of-memory killer would) at a seeded random moment: once the manifest lists a
random number of chunks, plus a random delay, so the kills fall before, between and inside chunk
writes. The run is then resumed (in this process, with the model loaded once; the resume through
the command line is tested after a kill inside the commit) and its dataset compared with an
uninterrupted run's, event for event (every column, sorted by event_id), with the same rejected
records and counts. Three more runs kill themselves at the final commit (eventcoder/testhooks.py).

``make test`` runs 10 kills with one worker on a small corpus, 2 with two workers on a corpus large
enough for worker processes, and 3 with the Dask engine; it also fails writes as a full or
read-only disk would, and compares the data files of 1, 2 and 4 workers and Dask byte for byte.
``EVENTCODER_CRASH_RUNS=N`` runs N kills with one worker and N with two on the larger corpus.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from conftest import ROOT, needs_model

pytestmark = [needs_model, pytest.mark.model]

EXAMPLES = ROOT / "examples" / "stories.jsonl"
try:
    import distributed  # noqa: F401

    DASK = True
except ImportError:  # the dask extra is not installed: the Dask engine's tests skip
    DASK = False
CHUNK = 8
SLOW_RUNS = int(os.environ.get("EVENTCODER_CRASH_RUNS", "0"))


def corpus(path: Path, copies: int) -> Path:
    """The example stories ``copies`` times with new ids, and two bad lines among them."""
    rows = [json.loads(line) for line in EXAMPLES.read_text("utf-8").splitlines() if line.strip()]
    lines = []
    for copy in range(copies):
        for row in rows:
            lines.append(json.dumps({**row, "id": f"{row['id']}-{copy}"}))
        lines.append('{"id": "broken-%d", "date": ' % copy)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def command(source: Path, output: Path, workers: int, *extra: str) -> list[str]:
    return [sys.executable, "-m", "eventcoder", "code", str(source), "--output", str(output), "--skip-bad",
            "--workers", str(workers), "--chunk-stories", str(CHUNK), "--quiet", *extra]


def run(args: list[str], **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=600, env={**os.environ, **env})


def chunks_done(output: Path) -> int:
    for temp in output.parent.glob(f".{output.name}.tmp-*"):
        try:
            return len(json.loads((temp / "_resume" / "manifest.json").read_text("utf-8"))["chunks"])
        except (OSError, ValueError, KeyError):
            pass
    return 0


def kill_at(args: list[str], output: Path, chunks: int, delay: float) -> int:
    """Start the run, wait until ``chunks`` chunks are done (or it ends), wait ``delay`` s more,
    kill its process group; returns the chunks done at the kill (-1: it had finished)."""
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    while process.poll() is None and chunks_done(output) < chunks:
        time.sleep(0.005)
    time.sleep(delay)
    if process.poll() is not None:
        return -1
    done = chunks_done(output)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return done


def dataset(output: Path):
    table = ds.dataset(output, format="parquet", partitioning="hive").to_table()
    return table.sort_by("event_id")


def same_run(output: Path, reference: Path) -> None:
    assert dataset(output).equals(dataset(reference))
    assert (output / "_rejected.jsonl").read_bytes() == (reference / "_rejected.jsonl").read_bytes()
    meta, ref = (json.loads((p / "_eventcoder.json").read_text("utf-8")) for p in (output, reference))
    assert meta["counts"] == ref["counts"]
    assert not (output / "_resume").exists()
    assert not list(output.parent.glob(f".{output.name}.*"))  # no temporary folder left


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("resume")
    source = corpus(folder / "stories.jsonl", 2)
    reference = folder / "reference"
    done = run(command(source, reference, 1))
    assert done.returncode == 0, done.stderr
    return source, reference


@pytest.fixture(scope="module")
def coder():
    from eventcoder.pipeline import Coder

    return Coder()


def resume_here(coder, source: Path, output: Path, workers: int = 1, **changed):
    """``--resume`` of :func:`command`'s run in this process (the model loaded once), or a
    changed run's (``changed``: other option values)."""
    from eventcoder.run import RunOptions, run as run_events

    options = RunOptions(inputs=[str(source)], output=str(output), skip_bad=True, workers=workers,
                         chunk_stories=CHUNK, resume=True, **changed)
    return run_events(options, coder=coder)


def crash_and_resume(coder, source: Path, reference: Path, folder: Path, workers: int, kills: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    total = json.loads((reference / "_eventcoder.json").read_text("utf-8"))["chunks"]["done"]
    at = []
    for n in range(kills):
        output = folder / f"killed-{workers}-{n}"
        at.append(kill_at(command(source, output, workers), output, rng.randint(0, total), rng.uniform(0, 0.15)))
        summary = resume_here(coder, source, output, workers)
        assert summary.balanced()
        same_run(output, reference)
    return at


def test_killed_runs_resume_to_the_uninterrupted_dataset(small, coder, tmp_path):
    source, reference = small
    at = crash_and_resume(coder, source, reference, tmp_path, workers=1, kills=10, seed=12)
    print("chunks done at each kill (-1: finished first):", at)
    assert sum(0 < n for n in at) >= 5  # most kills fall in the middle of the run


def test_killed_two_worker_runs_resume_to_the_uninterrupted_dataset(coder, tmp_path):
    """Two workers, on a corpus large enough for worker processes (over two batches of 256)."""
    source = corpus(tmp_path / "stories.jsonl", 10)
    reference = tmp_path / "reference"
    assert run(command(source, reference, 1)).returncode == 0
    at = crash_and_resume(coder, source, reference, tmp_path, workers=2, kills=2, seed=21)
    print("chunks done at each kill (-1: finished first):", at)
    assert all(0 < n for n in at)


def test_kill_inside_the_final_commit_through_the_command_line(small, tmp_path):
    source, reference = small
    output = tmp_path / "out"
    args = command(source, output, 1)
    killed = run(args, EVENTCODER_TEST_KILL_AT="in-commit")
    assert killed.returncode == -signal.SIGKILL
    assert not output.exists()  # nothing that looks complete
    again = run(args)  # without --resume: refused, with the command that resumes it
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert "[E800]" in again.stderr and f"resume it with: eventcoder code {source}" in again.stderr
    resumed = run(args + ["--resume"])
    assert resumed.returncode == 0, resumed.stderr
    same_run(output, reference)


@pytest.mark.parametrize("point", ["before-commit", "after-commit"])
def test_kill_before_and_after_the_final_rename(small, coder, tmp_path, point):
    source, reference = small
    output = tmp_path / "out"
    assert run(command(source, output, 1), EVENTCODER_TEST_KILL_AT=point).returncode == -signal.SIGKILL
    # before: nothing that looks complete; after: complete, the checkpoints still inside
    assert (output / "_eventcoder.json").is_file() == (point == "after-commit")
    summary = resume_here(coder, source, output)
    assert summary.balanced()
    assert any("--resume" in note for note in summary.notes)
    same_run(output, reference)


def test_a_kill_while_the_checkpoints_are_removed_leaves_nothing_after_resume(small, coder, tmp_path):
    # A kill inside the removal of _resume after the commit can take the manifest and leave other
    # files (rmtree removes files first): --resume of the committed run still removes the rest.
    source, reference = small
    output = tmp_path / "out"
    assert run(command(source, output, 1), EVENTCODER_TEST_KILL_AT="after-commit").returncode == -signal.SIGKILL
    (output / "_resume" / "manifest.json").unlink()
    assert (output / "_resume").exists()
    summary = resume_here(coder, source, output)
    assert summary.balanced()
    same_run(output, reference)


def test_resume_refuses_changed_input_and_options(small, coder, tmp_path):
    from eventcoder.errors import ResumeError
    from eventcoder.run import RunOptions, run as run_events

    source, reference = small
    changed = tmp_path / "stories.jsonl"
    changed.write_bytes(source.read_bytes())
    output = tmp_path / "out"
    assert run(command(changed, output, 1), EVENTCODER_TEST_KILL_AT="before-commit").returncode == -signal.SIGKILL
    with pytest.raises(ResumeError, match=r"\[E800\] .*option require_dyad: True -> False.* Fix: "):
        resume_here(coder, changed, output, require_dyad=False)
    with changed.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "new", "date": "2020-01-01", "text": "Russia attacked Turkey."}) + "\n")
    with pytest.raises(ResumeError, match=r"input .*stories.jsonl changed"):
        resume_here(coder, changed, output)
    with pytest.raises(ResumeError, match=r"partial output .* resume it with"):
        run_events(RunOptions(inputs=[str(changed)], output=str(output), skip_bad=True), coder=coder)
    # --overwrite discards the partial output and starts again
    summary = run_events(RunOptions(inputs=[str(changed)], output=str(output), skip_bad=True, overwrite=True), coder=coder)
    assert summary.stories_read == json.loads((reference / "_eventcoder.json").read_text("utf-8"))["counts"]["stories_read"] + 1
    assert any("removed the partial output" in note for note in summary.notes)


def test_status_of_a_partial_and_a_finished_run(small, tmp_path):
    source, reference = small
    output = tmp_path / "out"
    args = command(source, output, 1)
    assert run(args, EVENTCODER_TEST_KILL_AT="before-commit").returncode == -signal.SIGKILL
    partial = run([sys.executable, "-m", "eventcoder", "status", str(output)])
    assert partial.returncode == 0, partial.stderr
    total = json.loads((reference / "_eventcoder.json").read_text("utf-8"))["chunks"]["done"]
    assert "partial" in partial.stdout and f"{total} / {total}" in partial.stdout and "--resume" in partial.stdout
    finished = run([sys.executable, "-m", "eventcoder", "status", str(reference)])
    assert finished.returncode == 0 and "complete" in finished.stdout
    counts = json.loads((reference / "_eventcoder.json").read_text("utf-8"))["counts"]
    assert f"{counts['events']:,}" in finished.stdout


def parquet_data(path: Path) -> bytes:
    """A Parquet file's bytes before its footer (the column data; the footer holds run metadata)."""
    raw = path.read_bytes()
    footer = int.from_bytes(raw[-8:-4], "little")
    return raw[: len(raw) - 8 - footer]


def data_files(output: Path) -> dict[str, bytes]:
    return {f"{p.parent.name}/{p.name.rsplit('-c', 1)[1]}": parquet_data(p) for p in output.glob("year=*/*.parquet")}


def test_data_files_are_byte_identical_with_one_two_and_four_workers_and_dask(tmp_path):
    source = corpus(tmp_path / "stories.jsonl", 10)  # over 512 stories: coded by worker processes
    outputs = {workers: tmp_path / f"workers-{workers}" for workers in (1, 2, 4)}
    runs = {output: command(source, output, workers, "--chunk-stories", "100") for workers, output in outputs.items()}
    if DASK:
        outputs["dask"] = tmp_path / "dask"
        runs[outputs["dask"]] = command(source, outputs["dask"], 2, "--chunk-stories", "100", "--engine", "dask")
    for output, args in runs.items():
        done = run(args)
        assert done.returncode == 0, done.stderr
    one = outputs[1]
    assert len(data_files(one)) > 5
    for other in [o for key, o in outputs.items() if key != 1]:
        assert data_files(other) == data_files(one)
        for a, b in zip(sorted(one.glob("year=*/*.parquet")), sorted(other.glob("year=*/*.parquet"))):
            assert pq.read_table(a).equals(pq.read_table(b))


@pytest.mark.skipif(not DASK, reason="the Dask engine needs the dask extra (pip install eventcoder[dask])")
def test_killed_dask_runs_resume_to_the_uninterrupted_dataset(small, coder, tmp_path):
    """The Dask engine writes the same chunks and checkpoints: killed, a run resumes (here on
    the cluster again) to the uninterrupted one-worker dataset."""
    source, reference = small
    rng = random.Random(5)
    total = json.loads((reference / "_eventcoder.json").read_text("utf-8"))["chunks"]["done"]
    at = []
    for n in range(3):
        output = tmp_path / f"killed-dask-{n}"
        args = command(source, output, 1, "--engine", "dask")
        at.append(kill_at(args, output, rng.randint(1, total - 1), rng.uniform(0, 0.1)))
        summary = resume_here(coder, source, output, engine="dask")
        assert summary.balanced()
        same_run(output, reference)
    print("chunks done at each kill (-1: finished first):", at)
    assert sum(0 < n for n in at) >= 2


@pytest.mark.slow
@pytest.mark.skipif(not SLOW_RUNS, reason="set EVENTCODER_CRASH_RUNS=N for N kills with 1 and with 2 workers")
@pytest.mark.parametrize("workers", [1, 2])
def test_many_kills(coder, tmp_path, workers):
    source = corpus(tmp_path / "stories.jsonl", 10)
    reference = tmp_path / "reference"
    assert run(command(source, reference, workers)).returncode == 0
    at = crash_and_resume(coder, source, reference, tmp_path, workers=workers, kills=SLOW_RUNS, seed=workers)
    print("chunks done at each kill (-1: finished first):", at)


def test_a_live_run_is_neither_removed_nor_resumed(small, coder, tmp_path):
    from eventcoder.errors import ResumeError
    from eventcoder.run import RunOptions, run as run_events

    source, _ = small
    output = tmp_path / "out"
    process = subprocess.Popen(command(source, output, 1), cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while chunks_done(output) < 1:
            assert process.poll() is None
            time.sleep(0.005)
        os.killpg(process.pid, signal.SIGSTOP)  # alive, holding the lock on its temporary folder
        for resume, overwrite in ((False, True), (True, False)):
            with pytest.raises(ResumeError, match="another eventcoder run is writing this output now"):
                run_events(RunOptions(inputs=[str(source)], output=str(output), skip_bad=True, chunk_stories=CHUNK,
                                      resume=resume, overwrite=overwrite), coder=coder)
        status = run([sys.executable, "-m", "eventcoder", "status", str(output)])
        assert "eventcoder run: running" in status.stdout
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert chunks_done(output) >= 1  # its work is still there, to resume


@pytest.mark.parametrize("failure", ["12", "12:EROFS"])
def test_a_full_disk_stops_cleanly_and_the_run_resumes_when_there_is_space(small, tmp_path, failure):
    """A write fails as on a full (or read-only) disk after some chunks are done: a numbered error
    that says to resume, no traceback, nothing that looks complete, the chunks done kept; once
    there is space, --resume finishes with the uninterrupted run's dataset."""
    source, reference = small
    output = tmp_path / "out"
    args = command(source, output, 1)
    failed = run(args, EVENTCODER_TEST_DISK_FULL_AT=failure)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr, failed.stderr
    assert "[E400]" in failed.stderr and "--resume" in failed.stderr
    assert not output.exists()
    assert chunks_done(output) >= 1
    resumed = run(args + ["--resume"])
    assert resumed.returncode == 0, resumed.stderr
    same_run(output, reference)


def test_a_full_disk_in_an_all_or_nothing_run_leaves_nothing(small, tmp_path):
    source, _ = small
    output = tmp_path / "events.csv"
    failed = run(command(source, output, 1, "--format", "csv"), EVENTCODER_TEST_DISK_FULL_AT="1")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr, failed.stderr
    assert "[E400]" in failed.stderr and "nothing was written" in failed.stderr
    assert not output.exists() and not list(tmp_path.glob(".events.csv.*"))
