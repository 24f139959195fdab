"""When a review's swap for broken form or for pain ends (review-regress).

A review that saw a lift's form break down puts an easier variant in its place. That swap was
kept for good: the lift it replaced was never prescribed again, so its form could never show
good again (cr22a W1: one grinding set of Romanian deadlifts kept an advanced lifter on
dumbbells for the rest of a 20-week plan). A later review that sees clean form on the stand-in
for the registry's weeks in a row (or, for a swap made for pain, the stand-in done and no pain
past the acceptable zone those weeks) ends the swap with a restore (rule id `review-restore`, the
stand-in back to the lift, from a Monday); the planner reads a swap as in force until then.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .model import ExerciseSwap

RESTORE_RULE = "review-restore"
FORM_SWAP = "form broke down"  # the words of a swap the review made for broken form (`review.steps.regress_step`)
PAIN_SWAP = "brought on your"  # and of one it made for the pain a lift brought on (`review.pain_swaps`)


def in_force(swaps: Iterable[ExerciseSwap], day: dt.date) -> list[ExerciseSwap]:
    """The swaps that stand on `day`: begun by then and not ended by a later restore (a
    restore itself moves nothing: the lift comes back because its swap ended)."""
    swaps = list(swaps)
    restores = [x for x in swaps if x.rule_id == RESTORE_RULE and x.since <= day]
    return [
        x
        for x in swaps
        if x.rule_id != RESTORE_RULE
        and x.since <= day
        and not any(r.from_id == x.to_id and r.to_id == x.from_id and r.since > x.since for r in restores)
    ]


def form_swap(x: ExerciseSwap) -> bool:
    """A swap a review made because the lift's form broke down (not pain, not the runner's choice)."""
    return x.rule_id == "review-regress" and x.to_id is not None and FORM_SWAP in (x.reason or "")


def pain_swap(x: ExerciseSwap) -> bool:
    """A swap a review made because the lift brought on pain past the zone or not settled."""
    return x.rule_id == "review-regress" and x.to_id is not None and PAIN_SWAP in (x.reason or "")
