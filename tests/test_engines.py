"""Parallel engines: --workers N (processes) and --engine dask give the one-worker events.

Multi-process and Dask tests are marked slow (each starts processes that load the model).
"""

from __future__ import annotations

import json
import multiprocessing
import random
import sys
from pathlib import Path

import pytest
from conftest import MINI, needs_model

from eventcoder.errors import EngineError, InputError, OutputError
from eventcoder.run import RunOptions, run

ACTORS = ["Russia", "Turkey", "Syria", "France", "Germany", "Ukraine", "the United States", "Syrian rebels",
          "Turkish troops", "the Russian government", "Putin", "the United Nations", "Damascus"]
CLAUSES = ["attacked {t} near the border on Tuesday", "condemned {t} after the shelling of the town",
           "accused {t} of breaking the ceasefire", "met with {t} in Geneva to discuss the war",
           "agreed to meet {t} next week", "launched an air strike against {t}", "said the weather was cold"]


def write_corpus(path: Path, n: int = 120, seed: int = 7, bad_line: int | None = None) -> Path:
    """``n`` small stories coded by the mini dictionaries; optionally a malformed record at ``bad_line``."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        sentences = []
        for _ in range(3):
            s, t = rng.sample(ACTORS, 2)
            sentences.append(f"{s} {rng.choice(CLAUSES).format(t=t)}.")
        record = {"id": f"s{i:04d}", "date": f"20{10 + i % 10}-0{1 + i % 9}-1{i % 10}", "text": " ".join(sentences)}
        lines.append(json.dumps(record))
    if bad_line is not None:
        lines.insert(bad_line - 1, '{"id": "broken", "date": "2015-01-01", "text": ')
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def read_events(path: Path) -> list[dict]:
    import pyarrow.dataset as ds

    return ds.dataset(path, format="parquet", partitioning="hive").to_table().to_pylist()


def by_id(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: r["event_id"])


def options(inputs, output, **kw) -> RunOptions:
    return RunOptions(inputs=[str(i) for i in inputs], output=str(output), dictionaries=[str(MINI)], **kw)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ------------------------------------------------------------------------------------------------
# Fast: planning, errors that need no workers


def test_missing_dask_is_an_engine_error(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(EngineError, match=r"pip install eventcoder\[dask\]"):
        run(options([write_corpus(tmp_path / "c.jsonl", 3)], tmp_path / "out", engine="dask"))
    assert not (tmp_path / "out").exists()


def test_unknown_engine(tmp_path):
    with pytest.raises(EngineError, match="unknown engine"):
        run(options([write_corpus(tmp_path / "c.jsonl", 3)], tmp_path / "out", engine="spark"))


# ------------------------------------------------------------------------------------------------
# Local processes

from eventcoder.engines.local import worker_spec as original_spec  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus") / "stories.jsonl")


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """The one-worker run: summary and events in dataset order."""
    out = tmp_path_factory.mktemp("ref") / "events"
    summary = run(options([corpus], out))
    rows = read_events(out)
    assert summary.events == len(rows) > 50
    return summary, rows


@needs_model
@pytest.mark.slow
def test_two_workers_give_the_one_worker_events_in_order(corpus, mini_coder):
    from eventcoder.engines.local import code_in_processes
    from eventcoder.readers import read_stories
    from eventcoder.pipeline import Coder

    stories = list(read_stories([str(corpus)]))
    one = Coder(nlp=mini_coder.nlp, lexicon=mini_coder.lexicon)
    expected = [(s.id, events) for s, events in one.code_stories(stories)]
    many = Coder(nlp=mini_coder.nlp, lexicon=mini_coder.lexicon)
    got = [(s.id, events) for s, events in code_in_processes(many, iter(stories), options([corpus], "x", workers=2), batch=16)]
    assert got == expected  # same stories, same events (ids included), same order
    assert many.sentences == one.sentences == 3 * len(stories)


@needs_model
def test_a_reused_coder_counts_each_runs_own_sentences(corpus, reference, mini_coder, tmp_path):
    summary, _ = reference
    first = run(options([corpus], tmp_path / "a"), coder=mini_coder)
    second = run(options([corpus], tmp_path / "b"), coder=mini_coder)
    assert first.sentences == second.sentences == summary.sentences


@needs_model
@pytest.mark.slow
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_two_workers_end_to_end(corpus, reference, tmp_path, monkeypatch, method):
    from eventcoder.engines import local

    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method on this platform")
    monkeypatch.setenv("EVENTCODER_START_METHOD", method)
    monkeypatch.setattr(local, "BATCH", 16)  # 120 stories: more than two batches, so workers start
    started, specs = [], []
    original_pool = local._pool
    monkeypatch.setattr(local, "_pool", lambda *a: started.append(local.start_method()) or original_pool(*a))
    monkeypatch.setattr(local, "worker_spec", lambda *a: specs.append(1) or original_spec(*a))
    summary, rows = reference
    got = run(options([corpus], tmp_path / "events", workers=2))
    assert started == [method]
    # A spawned worker builds its own Coder from the parent's spec; a forked one has the parent's.
    assert bool(specs) == (method == "spawn")
    assert local._FORKED_FROM is None  # the parent lets go of its Coder once the pool is shut
    assert read_events(tmp_path / "events") == rows
    assert (got.stories_read, got.stories_coded, got.sentences, got.events) == (
        summary.stories_read, summary.stories_coded, summary.sentences, summary.events)
    assert got.by_root == summary.by_root


@needs_model
@pytest.mark.slow
def test_a_small_input_is_coded_without_starting_workers(corpus, reference, tmp_path, monkeypatch):
    from eventcoder.engines import local

    def no_workers(*_):
        raise AssertionError("workers started for 120 stories")

    monkeypatch.setattr(local, "ProcessPoolExecutor", no_workers)
    summary, rows = reference
    got = run(options([corpus], tmp_path / "events", workers=2))  # 120 stories < two batches of 256
    assert read_events(tmp_path / "events") == rows and got.sentences == summary.sentences


@needs_model
@pytest.mark.slow
def test_two_workers_bad_record_fails_with_file_and_line(tmp_path, monkeypatch):
    from eventcoder.engines import local

    monkeypatch.setattr(local, "BATCH", 8)
    bad = write_corpus(tmp_path / "bad.jsonl", 40, bad_line=33)
    with pytest.raises(InputError, match=r"bad\.jsonl:33"):
        run(options([bad], tmp_path / "events", workers=2))
    assert not (tmp_path / "events").exists()
    assert leftovers(tmp_path) == []


# ------------------------------------------------------------------------------------------------
# Dask


@pytest.fixture(scope="module")
def scheduler():
    """A 2-worker in-process cluster (threads: quick to start, the tasks run in this process)."""
    distributed = pytest.importorskip("distributed")
    import logging

    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None, silence_logs=logging.ERROR
    ) as cluster:
        yield cluster.scheduler_address


@needs_model
@pytest.mark.slow
def test_dask_gives_the_local_events(corpus, reference, scheduler, tmp_path, monkeypatch):
    import eventcoder.engines.dask_engine as dask_engine

    monkeypatch.setattr(dask_engine, "BATCH", 16)  # many batches, more than are in flight at once
    summary, rows = reference
    got = run(options([corpus], tmp_path / "events", engine="dask", scheduler=scheduler))
    meta = json.loads((tmp_path / "events" / "_eventcoder.json").read_text())
    assert read_events(tmp_path / "events") == rows  # the same rows in the same order
    assert (got.stories_read, got.stories_coded, got.sentences, got.events) == (
        summary.stories_read, summary.stories_coded, summary.sentences, summary.events)
    assert got.by_quad == summary.by_quad and got.balanced()
    assert meta["counts"]["events_written"] == summary.events
    assert leftovers(tmp_path) == []  # committed: no temporary folder left beside it


@needs_model
@pytest.mark.slow
def test_dask_parquet_row_groups(corpus, reference, scheduler, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [json.loads(line) for line in corpus.read_text().splitlines()]
    src = tmp_path / "stories.parquet"
    pq.write_table(pa.Table.from_pylist(records), src, row_group_size=25)
    got = run(options([src], tmp_path / "events", engine="dask", scheduler=scheduler))
    assert by_id(read_events(tmp_path / "events")) == by_id(reference[1])
    assert got.balanced()


@needs_model
@pytest.mark.slow
def test_dask_bad_record_fails_cleanly(scheduler, tmp_path):
    bad = write_corpus(tmp_path / "bad.jsonl", 60, bad_line=47)
    with pytest.raises(InputError, match=r"bad\.jsonl:47"):
        run(options([bad], tmp_path / "events", engine="dask", scheduler=scheduler))
    assert not (tmp_path / "events").exists()
    assert leftovers(tmp_path) == []


@needs_model
@pytest.mark.slow
def test_dask_skip_bad_counts_add_up(scheduler, tmp_path):
    bad = write_corpus(tmp_path / "bad.jsonl", 60, bad_line=47)
    got = run(options([bad], tmp_path / "events", engine="dask", scheduler=scheduler, skip_bad=True))
    assert (got.stories_read, got.stories_rejected, got.stories_coded) == (61, 1, 60)
    rejected = [json.loads(line) for line in (tmp_path / "events" / "_rejected.jsonl").read_text().splitlines()]
    assert [r["origin"] for r in rejected] == [f"{bad}:47"]


@needs_model
@pytest.mark.slow
def test_dask_writes_every_format_as_the_local_engine(corpus, scheduler, tmp_path):
    for fmt in ("csv", "jsonl"):
        local = tmp_path / f"local-{fmt}.{fmt}"
        dask = tmp_path / f"dask-{fmt}.{fmt}"
        run(options([corpus], local, output_format=fmt))
        run(options([corpus], dask, output_format=fmt, engine="dask", scheduler=scheduler))
        assert dask.read_bytes() == local.read_bytes()


@needs_model
@pytest.mark.slow
def test_dask_local_cluster_in_processes(corpus, reference, tmp_path):
    pytest.importorskip("distributed")
    got = run(options([corpus], tmp_path / "events", engine="dask", workers=2))
    assert by_id(read_events(tmp_path / "events")) == by_id(reference[1])
    assert got.events == reference[0].events


@needs_model
@pytest.mark.slow
def test_dask_goes_past_unreadable_files_with_skip_bad(scheduler, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_corpus(folder / "a.jsonl", 20)
    (folder / "b.jsonl").symlink_to(tmp_path / "vanished.jsonl")
    garbage = tmp_path / "c.parquet"
    garbage.write_text("not parquet")
    with pytest.raises(InputError, match="broken link") as err:
        run(options([folder, garbage], tmp_path / "stop", engine="dask", scheduler=scheduler))
    assert err.value.file == str(folder / "b.jsonl") and err.value.fix
    assert not (tmp_path / "stop").exists() and leftovers(tmp_path) == []
    got = run(options([folder, garbage], tmp_path / "events", engine="dask", scheduler=scheduler, skip_bad=True))
    assert (got.stories_read, got.stories_coded, got.stories_rejected, got.files_rejected) == (22, 20, 2, 2)
    assert got.output == str(tmp_path / "events")
    rejected = [json.loads(line) for line in (tmp_path / "events" / "_rejected.jsonl").read_text().splitlines()]
    assert sorted(r["origin"] for r in rejected) == sorted([str(folder / "b.jsonl"), str(garbage)])
    assert all(r["field"] is None for r in rejected)


@needs_model
@pytest.mark.slow
def test_dask_reads_the_given_encoding(scheduler, tmp_path):
    src = tmp_path / "latin.jsonl"
    src.write_bytes('{"id": "a", "date": "2017-01-02", "text": "Russia attacked Turkey. Caf\u00e9."}\n'.encode("cp1252"))
    with pytest.raises(InputError, match="--encoding"):
        run(options([src], tmp_path / "stop", engine="dask", scheduler=scheduler))
    got = run(options([src], tmp_path / "events", engine="dask", scheduler=scheduler, encoding="cp1252"))
    assert (got.stories_coded, got.stories_rejected) == (1, 0)


def test_engines_refuse_to_write_over_an_input_before_loading_anything(tmp_path):
    for engine, name, fmt in (("local", "c.jsonl", "jsonl"), ("dask", "stories", "parquet")):
        src = write_corpus(tmp_path / name, 3)  # a dataset folder has no extension
        if engine == "dask":
            pytest.importorskip("distributed")
        with pytest.raises(OutputError, match="refusing to write over an input"):
            run(options([src], src, engine=engine, output_format=fmt, input_format="jsonl", overwrite=True))
        assert src.read_text().count("\n") == 3


def test_an_unknown_start_method_is_a_clear_error(monkeypatch):
    from eventcoder.engines import local

    monkeypatch.setenv("EVENTCODER_START_METHOD", "threads")
    with pytest.raises(EngineError, match="EVENTCODER_START_METHOD"):
        local.start_method()
    monkeypatch.delenv("EVENTCODER_START_METHOD")
    assert local.start_method() == ("fork" if sys.platform.startswith("linux") else "spawn")
