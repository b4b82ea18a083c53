"""An ordered map over worker processes: results come back in input order, as they are ready.

On Linux the workers are forked, so they start with everything the parent loaded (the
compiled rules) instead of loading it again, and share those pages with it until one of
them writes there; elsewhere they are spawned and call the initializer. With one job, or
few items, it is a plain loop in this process.
"""
from __future__ import annotations

import gc
import logging
import os
import sys
from typing import Any, Callable, Iterator, Sequence, TypeVar

LOG = logging.getLogger(__name__)

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS_PER_JOB = 8  # below this, starting workers costs more than it saves


def available_cores() -> int:
    """The cores this process may run on (not all the machine's, in a container or under taskset)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except (AttributeError, OSError):
        return max(os.cpu_count() or 1, 1)


def ordered_map(
    func: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    jobs: int,
    initializer: Callable[..., None] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[Result]:
    """`map(func, items)`, spread over `jobs` processes when that pays."""
    jobs = min(jobs, len(items) // MIN_ITEMS_PER_JOB)
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        yield from map(func, items)
        return
    import multiprocessing  # only when workers are used: these imports cost start-up time
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    chunk = max(1, min(32, len(items) // (jobs * 8)))
    gc.freeze()  # a worker's collector then never writes to the objects it inherits: their pages stay shared
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer, initargs=initargs) as pool:
            yield from pool.map(func, items, chunksize=chunk)
    finally:
        gc.unfreeze()

