"""The review's garbage-collector pause: off while a batch runs, and the cycles the batch
left are still collected after it (a paused collector must not become a leak)."""

from __future__ import annotations

import gc
import weakref

from runstrong.cli import collector


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def test_no_collection_runs_inside_the_block_and_the_collector_is_back_after_it() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_cycle_made_while_paused_is_collected_when_the_block_ends() -> None:
    with collector.paused():
        a, b = Node(), Node()
        a.other, b.other = b, a
        alive = weakref.ref(a)
        del a, b
        assert alive() is not None  # only the cyclic collector frees a cycle, and it is paused
    assert alive() is None


def test_a_collector_switched_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
