"""The load walk's copies are keyed by the identity of the values they were made from (issue 15).

An id names one object only while that object lives. The walk makes and drops blocks by the
thousand; a copy kept under the id of a block already freed was found again by the next block
CPython put at the same address, and that block was handed the first one's copy: a lunge's
dose for a deadlift. Which address comes back depends on everything the process did before,
so the fault showed only inside a long test run. Each test here makes a block, lets it go,
makes another, and asks the walk for the second one's copy.
"""

from __future__ import annotations

import gc

from runstrong.core.load_effort import LOAD_SAYS, as_dosed
from runstrong.core.load_limits import copy_of
from runstrong.core.load_walk import Copies, LoadWalk
from runstrong.core.model import Reason
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import EXAMPLES

TRIES = 200  # blocks made and dropped one after another: CPython hands a freed address to the next value


def _two_blocks():  # type: ignore[no-untyped-def]
    """Two loaded blocks of different lifts from the example marathoner's plan."""
    plan = build_plan(load_profile(EXAMPLES / "marathoner.toml"), load_context())
    by_lift = {b.exercise_id: b for w in plan.weeks for s in w.sessions for b in s.blocks if b.prescription.load_kg}
    first, second = list(by_lift.values())[:2]
    return plan, first, second


def _said(block, rir: int):  # type: ignore[no-untyped-def]
    """A fresh copy of `block` whose effort its load set (a lived week walked again)."""
    said = f"{LOAD_SAYS} (the dose asked {rir} reps in reserve)."
    text = f"The taper: at 5 reps this load leaves about 6 in reserve, {said}"
    return copy_of(block, reasons=[*block.reasons, Reason(rule_id="taper", text=text)])


def test_a_block_made_after_another_was_freed_never_gets_the_freed_blocks_copy():
    """`as_dosed` on a fresh block of one lift, dropped, then on a fresh block of another lift,
    again and again in one walk: every answer is the copy of the block it was given."""
    plan, first, second = _two_blocks()
    walk = LoadWalk(load_profile(EXAMPLES / "marathoner.toml"), load_context().library, load_context().params, {})
    gc.collect()
    for k in range(TRIES):
        block = _said(first if k % 2 else second, 2 + k % 3)
        want = (block.exercise_id, block.prescription.intensity.value)
        got = as_dosed(walk, block)
        del block  # the walk's caller lets it go, as the walk's own steps do
        assert (got.exercise_id, got.prescription.intensity.value) == (want[0], 2 + k % 3), k
    assert plan.weeks


def test_copies_keep_every_value_their_keys_name_alive():
    """While an entry stands, the values its key names by identity are alive: an id in a key
    never names a newer value."""
    copies = Copies()
    made = [copies.of((object(),), ("n", k), lambda k=k: k) for k in range(TRIES)]
    assert made == list(range(TRIES))
    assert len({id(v) for sources in copies.kept for v in sources}) == TRIES
    fresh = object()
    assert copies.of((fresh,), ("n", 0), lambda: "new") == "new"
