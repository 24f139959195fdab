"""What a weekly review asks of a week's doses: its holds keep the week they name at the
dose before it (and shift the rest of the block back), its cuts take volume off that week."""

from __future__ import annotations

from .compose import ReviewDosing
from .model import Adjustment, AthleteProfile, Category
from .phases import WeekFrame


def review_dosing(
    profile: AthleteProfile, frame: WeekFrame, frames: list[WeekFrame], adjust: Adjustment | None
) -> ReviewDosing:
    """A review's holds keep the week they name at the dose before it (the weeks after carry
    on from there, so a hold shifts the rest of the plan back a week); its volume cuts apply
    to the week they name only (a reduced category is also held)."""
    held = {c: 1 for c in {*adjust.hold, *adjust.reduce}} if adjust else {}
    reduced = tuple(sorted((c, pct) for c, pct in adjust.reduce.items() if pct)) if adjust else ()
    return tuple(sorted(held.items(), key=lambda kv: kv[0].value)), reduced, _held_before(profile, frame, frames)


def _held_before(
    profile: AthleteProfile, frame: WeekFrame, frames: list[WeekFrame]
) -> tuple[tuple[Category, int], ...]:
    """Per category, the weeks of this block before `frame` that a review held: a dose that
    does not carry on from its own last one (a lift new to the block, or one that moves
    between sessions) steps from the block's week less these, so a hold shifts it back too."""
    if not profile.adjustments:
        return ()
    earlier = {f.start for f in frames if f.block == frame.block and f.start < frame.start and not f.deload}
    counts: dict[Category, int] = {}
    for a in profile.week_adjustments:
        if a.week_start in earlier:
            for c in {*a.hold, *a.reduce}:
                counts[c] = counts.get(c, 0) + 1
    return tuple(sorted(counts.items(), key=lambda kv: kv[0].value))
