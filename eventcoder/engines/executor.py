"""The engine of a run: what codes its stories (the Coder itself, ``--workers`` processes, or a
Dask cluster), as one function ``code(coder, stories)`` that gives ``(story, events)`` in input
order; the run around it is the same for every engine."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator


@contextmanager
def executor(options) -> Iterator[Callable]:
    """What codes the run's stories: ``code(coder, stories)`` gives ``(story, events)`` pairs in
    input order, from the Coder itself, a pool of ``--workers`` processes, or a Dask cluster
    (``--engine dask``, whose client lives as long as the block)."""
    if options.engine == "dask":
        from .dask_engine import cluster, code_on_cluster

        with cluster(options) as client:
            yield lambda coder, stories: code_on_cluster(coder, stories, options, client)
        return
    if options.engine != "local":
        from ..errors import EngineError

        raise EngineError(f"unknown engine '{options.engine}'", field="--engine", fix="use local or dask")
    from .local import code_stories

    yield lambda coder, stories: code_stories(coder, stories, options)
