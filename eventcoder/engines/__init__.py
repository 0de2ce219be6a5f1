"""Ways to run the coder on more than one core: local processes, or a Dask cluster.

The run (:mod:`eventcoder.run`) plans, reads and writes; an engine only codes batches of stories
and gives their events back in order (:func:`eventcoder.engines.executor.executor`).

Both code exactly what :class:`eventcoder.pipeline.Coder` codes on one core: the workers build
their own Coder from the same model name and dictionary specs (the compiled dictionaries load from
the fingerprint cache) and check that the dictionary fingerprint and model agree with the parent's.
"""

from __future__ import annotations

import os


def resolve_workers(workers: int | None) -> int:
    """``--workers``: N processes, 0 (or None) for every core."""
    if not workers or workers < 1:
        return os.cpu_count() or 1
    return workers
