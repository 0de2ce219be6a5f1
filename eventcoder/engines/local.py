"""``--workers N``: parse and code in N processes; the parent reads and writes.

The parent reads stories, sends them in batches (``BATCH`` stories) to a pool of worker processes
and gets each batch's events back *in submission order*, so the output is identical to one worker:
same events, same ids, same order.

On Linux the workers are *forked* from the parent after it has loaded the model and the
dictionaries, so they start at once and share those pages with it; each asks the kernel to end it
when the parent dies (a forked worker holds the pipes the parent would close). Elsewhere, or with
``EVENTCODER_START_METHOD=spawn``, they are started with ``spawn``: each loads the model and the
compiled dictionaries once (from the fingerprint cache) and checks that they are the ones the
parent uses.

Memory stays flat: at most ``2 * workers`` batches are in flight; the parent does not read further
stories until the oldest batch has come back.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice
from typing import Iterable, Iterator

from ..errors import EngineError
from ..records import Event, Story
from . import resolve_workers

#: Stories per batch sent to a worker: large enough that pickling overhead is small, small enough
#: that the pipeline stays busy and memory stays low.
BATCH = 256


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker needs to build the same Coder as the parent (picklable, small)."""

    model: str | None
    dictionaries: tuple[str, ...] | None
    require_dyad: bool
    batch_size: int
    fingerprint: str
    model_description: str


_CODER = None  # the worker process's Coder


def build_coder(spec: WorkerSpec):
    """A worker's Coder, checked to use the same dictionaries and model as the parent."""
    from ..nlp import model_description
    from ..pipeline import Coder

    coder = Coder(spec.dictionaries, spec.model, require_dyad=spec.require_dyad, batch_size=spec.batch_size)
    if coder.fingerprint != spec.fingerprint:
        raise EngineError(
            f"a worker compiled dictionaries with fingerprint {coder.fingerprint}, the parent uses {spec.fingerprint}",
            fix="check that workers see the same dictionary files, and pass dictionaries with --dictionaries "
            "(not a Coder built in code)",
        )
    if model_description(coder.nlp) != spec.model_description:
        raise EngineError(
            f"a worker loaded model {model_description(coder.nlp)}, the parent uses {spec.model_description}",
            fix="install the same model on every worker, or pass it with --model",
        )
    return coder


def _init_worker(spec: WorkerSpec) -> None:
    global _CODER
    _CODER = build_coder(spec)


_FORKED_FROM = None  # the parent's Coder while a forked pool starts


def _init_forked(parent: int) -> None:
    """Forked worker: the parent's Coder is already here; die with the parent."""
    global _CODER
    import signal

    # As a spawned worker would: Ctrl-C stops the worker, SIGTERM ends it (not the parent's
    # handlers, which clean up the parent's output).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    _CODER = _FORKED_FROM


def _forget_parent() -> None:
    global _FORKED_FROM
    _FORKED_FROM = None


def _die_with_parent() -> None:
    import ctypes
    import signal

    libc = ctypes.CDLL(None, use_errno=True)
    PR_SET_PDEATHSIG = 1
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def start_method() -> str:
    """``fork`` on Linux (workers share the loaded model), else ``spawn``;
    ``EVENTCODER_START_METHOD`` overrides."""
    chosen = os.environ.get("EVENTCODER_START_METHOD")
    if chosen:
        if chosen not in ("fork", "spawn") or chosen not in multiprocessing.get_all_start_methods():
            raise EngineError(f"EVENTCODER_START_METHOD={chosen!r} is not available here",
                              fix="set it to 'spawn' (every OS) or 'fork' (Linux), or unset it")
        return chosen
    return "fork" if sys.platform.startswith("linux") else "spawn"


def _pool(coder, options, workers: int) -> ProcessPoolExecutor:
    global _FORKED_FROM
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "fork":
        _FORKED_FROM = coder
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_forked,
                                   initargs=(os.getpid(),))
    else:
        pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                                   initargs=(worker_spec(coder, options),))
    return pool


def _code_batch(stories: list[Story]) -> list[tuple[list[Event], int]]:
    """Worker side: the events of each story, in order, with the number of its sentences."""
    return code_batch_with(_CODER, stories)


def code_batch_with(coder, stories: list[Story]) -> list[tuple[list[Event], int]]:
    """``coder``'s events of each story, in order, with the number of its sentences (what a
    worker process or a Dask task sends back)."""
    out = []
    before = coder.sentences
    for _, events in coder.code_stories(stories):
        out.append((events, coder.sentences - before))
        before = coder.sentences
    return out


def code_stories(coder, stories: Iterable[Story], options) -> Iterator[tuple[Story, list[Event]]]:
    """``coder.code_stories(stories)``, in ``options.workers`` processes when more than one."""
    if resolve_workers(options.workers) > 1:
        return code_in_processes(coder, stories, options)
    return coder.code_stories(stories)


def worker_spec(coder, options) -> WorkerSpec:
    from ..nlp import model_description

    return WorkerSpec(
        model=options.model,
        dictionaries=tuple(str(d) for d in options.dictionaries) if options.dictionaries else None,
        require_dyad=coder.require_dyad,
        batch_size=coder.batch_size,
        fingerprint=coder.fingerprint,
        model_description=model_description(coder.nlp),
    )


def _batches(stories: Iterable[Story], size: int) -> Iterator[list[Story]]:
    it = iter(stories)
    while batch := list(islice(it, size)):
        yield batch


def code_in_processes(
    coder, stories: Iterable[Story], options, *, batch: int | None = None, in_flight: int | None = None
) -> Iterator[tuple[Story, list[Event]]]:
    """Like ``coder.code_stories(stories)`` (same pairs, same order) but parsed and coded in
    ``options.workers`` processes (0: every core). ``coder.sentences`` is kept up to date."""
    workers = resolve_workers(options.workers)
    batch = batch or BATCH
    stories = iter(stories)
    # Starting a pool costs time (a spawned worker loads spaCy and the model; a forked one copies
    # pages of the parent as it goes): an input that fits in two batches is coded here, by the parent's own Coder (the same events either way).
    head = list(islice(stories, 2 * batch + 1))
    if len(head) <= 2 * batch:
        yield from coder.code_stories(head)
        return
    limit = in_flight or 2 * workers
    pending: deque[tuple[list[Story], Future]] = deque()
    pool = _pool(coder, options, workers)
    try:
        for chunk in _batches(chain(head, stories), batch):
            pending.append((chunk, pool.submit(_code_batch, chunk)))
            while len(pending) >= limit:
                yield from _collect(coder, *pending.popleft())
        while pending:
            yield from _collect(coder, *pending.popleft())
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
        _forget_parent()


def _collect(coder, chunk: list[Story], future: Future) -> Iterator[tuple[Story, list[Event]]]:
    try:
        results = future.result()
    except BrokenProcessPool as err:
        raise EngineError(
            f"a worker process died ({err}); often out of memory",
            fix="use fewer --workers, or check the worker's error above",
        ) from None
    yield from batch_results(coder, chunk, results)


def batch_results(coder, chunk: list[Story], results) -> Iterator[tuple[Story, list[Event]]]:
    """The ``(story, events)`` pairs of a batch :func:`code_batch_with` coded elsewhere, counting
    its sentences on the parent's ``coder``."""
    for story, (events, sentences) in zip(chunk, results):
        coder.sentences += sentences  # per story, so that a caller counting by story counts right
        yield story, events
