"""``--engine dask``: parse and code on a Dask distributed cluster; the parent reads and writes.

The Dask engine is the local process pool (:mod:`eventcoder.engines.local`) with the cluster's
workers in place of local processes. The parent reads the stories, sends them to the cluster in
batches (``BATCH`` stories), and takes each batch's events back *in submission order*; everything
else is the run of :func:`eventcoder.run.run` as with one worker: the same chunks and checkpoints
(so ``--resume`` works), the same writers and formats, the same checks for bad records (the first
one in input order stops the run, with its file and line). The data files are therefore
byte-identical to a one-worker run's.

Each worker thread builds one Coder from the same model name and dictionary specs (the compiled
dictionaries load from the fingerprint cache) and checks that the dictionary fingerprint and the
model agree with the parent's. At most ``2 * workers`` batches are in flight, so the parent's
memory stays flat; the workers need the model and the dictionary files, not the inputs or the
output folder.

Dask is an optional extra: it is imported only here, and a missing Dask is an :class:`EngineError`.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from contextlib import contextmanager
from itertools import islice
from typing import Iterable, Iterator

from ..errors import EngineError, EventcoderError
from ..records import Event, Story
from . import resolve_workers
from .local import BATCH, WorkerSpec, batch_results, build_coder, code_batch_with, worker_spec


def _import_distributed():
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise EngineError(
            "--engine dask needs Dask distributed, which is not installed",
            field="--engine",
            fix="pip install eventcoder[dask]",
        ) from None
    return distributed


# ------------------------------------------------------------------------------------------------
# The task (runs on a Dask worker)

_local = threading.local()


def _coder_for(spec: WorkerSpec):
    """One Coder per worker thread and spec (spaCy pipelines are not shared across threads)."""
    coders = getattr(_local, "coders", None)
    if coders is None:
        coders = _local.coders = {}
    if spec not in coders:
        coders[spec] = build_coder(spec)
    return coders[spec]


def code_batch(spec: WorkerSpec, stories: list[Story]) -> list[tuple[list[Event], int]]:
    """Worker side: the events of each story, in order, with the number of its sentences."""
    return code_batch_with(_coder_for(spec), stories)


# ------------------------------------------------------------------------------------------------
# The parent


@contextmanager
def cluster(options) -> Iterator[object]:
    """A Dask client for the run: the scheduler given (``--scheduler``), or a LocalCluster of
    ``--workers`` processes."""
    distributed = _import_distributed()
    if options.scheduler:
        try:
            client = distributed.Client(options.scheduler, timeout="30s")
        except (OSError, TimeoutError, ValueError) as err:
            raise EngineError(
                f"cannot connect to the Dask scheduler at {options.scheduler}: {err}",
                field="--scheduler",
                fix="check the address (tcp://HOST:PORT) and that the scheduler is running, or leave --scheduler "
                "out for a local cluster",
            ) from None
        with client:
            yield client
        return
    with distributed.LocalCluster(
        n_workers=resolve_workers(options.workers),
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as local, distributed.Client(local) as client:
        yield client


def _threads(client) -> int:
    try:
        return max(1, sum(client.nthreads().values()))
    except Exception:  # noqa: BLE001 - an unusual scheduler: assume one
        return 1


def code_on_cluster(coder, stories: Iterable[Story], options, client, *, batch: int | None = None
                    ) -> Iterator[tuple[Story, list[Event]]]:
    """Like ``coder.code_stories(stories)`` (same pairs, same order), coded on the cluster.
    ``coder.sentences`` is kept up to date."""
    spec = worker_spec(coder, options)
    # A batch no larger than a chunk of a resumable run, so that chunks are written as they finish.
    batch = batch or max(1, min(BATCH, getattr(options, "chunk_stories", BATCH) or BATCH))
    limit = 2 * _threads(client)
    pending: deque[tuple[list[Story], object]] = deque()
    stories = iter(stories)
    try:
        while chunk := list(islice(stories, batch)):
            pending.append((chunk, client.submit(code_batch, spec, chunk, pure=False)))
            while len(pending) >= limit:
                yield from _collect(coder, *pending.popleft())
        while pending:
            yield from _collect(coder, *pending.popleft())
    finally:
        if pending:
            client.cancel([future for _, future in pending])


def _collect(coder, chunk: list[Story], future) -> Iterator[tuple[Story, list[Event]]]:
    try:
        results = future.result()
    except EventcoderError:
        raise  # a worker's own error (another model, other dictionaries): as it is
    except Exception as err:  # a crashed worker, a lost connection, a bug: the run fails
        raise EngineError(
            f"a Dask task failed: {type(err).__name__}: {err}",
            fix="see the Dask worker logs; rerun with --resume, or use the local engine to see the error directly",
        ) from err
    yield from batch_results(coder, chunk, results)
