"""Python's cyclic garbage collector kept off the review's hot path.

A review allocates tens of thousands of small containers (the stored plan's values, the
diary's, the new plan's) and keeps some: each time enough survive, a full collection walks
every object in the process again, the planning context, its memo and the parsed plans
included. Measured on `review --all` (20 athletes, three-year diaries): half of the
command's CPU was the collector. The values the reviews make hold no reference cycles that
matter (the heap is the same size with the collector off), so: what lives for the whole run
(modules, the planning context) is frozen out of the collector's walks, and the collector
is paused while a batch of work runs and catches up with one young collection after it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


def freeze_long_lived() -> None:
    """Everything alive now (imports, the planning context) is left out of later collections
    (and, before a fork, the workers' shared pages are not written by the collector's marks)."""
    gc.freeze()


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection while the block runs; then one young collection, which finds any
    cycle the block left among the objects it made (they are all still in the youngest generation)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)
