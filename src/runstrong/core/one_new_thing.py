"""One new thing a week (one-new-thing-a-week): the third session, the heavy scheme and the
first hops each start in a week of their own.

After weeks of foundation, deloads or illness, the first build week could start all three at
once (cr23a F7: a shift worker's week 8 started a third session, RPE 8 sets and his first
single-leg hops together). A coach adds one thing a week: the third session first (the phase
asks for it), the heavy scheme the week after, the first hops the week after either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .model import Reason, Week
from .params import Params
from .week_plan import PlannedWeek, WeekInputs, plan_week

if TYPE_CHECKING:
    from .context import PlanningContext
    from .phases import WeekFrame
    from .selection import BlockSelection

THIRD, HEAVY, HOPS = "third session", "heavy scheme", "first hops"


def _strength(sessions: Iterable) -> list:
    return [s for s in sessions if getattr(s, "kind", "strength") == "strength"]


def seen_before(weeks: Sequence[Week], p: Params) -> frozenset[str]:
    """What the weeks already planned (or lived) started: a third session, heavy sets, hops."""
    seen: set[str] = set()
    for w in weeks:
        sessions = _strength(w.sessions)
        if len(sessions) > p.foundation_sessions:
            seen.add(THIRD)
        if any(s.heavy for s in sessions):
            seen.add(HEAVY)
        if any(s.plyometric for s in sessions):
            seen.add(HOPS)
    return frozenset(seen)


def hop_weeks(weeks: Sequence[Week]) -> int:
    """How many weeks so far had hops in them (hops-two-legs-first: the first are two-legged)."""
    return sum(1 for w in weeks if any(s.plyometric for s in _strength(w.sessions)))


def held_hops(week: Week) -> bool:
    """Whether the week's first hops waited (its note says so): a lived week is chosen again so."""
    return any(r.rule_id == "one-new-thing-a-week" and HOPS in r.text for r in week.reasons)


def started(sessions: Sequence, seen: frozenset[str], p: Params) -> frozenset[str]:
    """What a week's sessions start that no earlier week had."""
    strength = _strength(sessions)
    now = {
        THIRD: len(strength) > p.foundation_sessions,
        HEAVY: any(s.heavy for s in strength),
        HOPS: any(s.plyometric for s in strength),
    }
    return frozenset(k for k, v in now.items() if v and k not in seen)


def held_back(starts: frozenset[str]) -> tuple[bool, bool]:
    """(heavy waits, hops wait): what a week starting more than one new thing holds back.
    The third session stays (its phase asks for it); the heavy scheme waits when the third
    session starts; the first hops wait when either starts."""
    heavy = HEAVY in starts and THIRD in starts
    hops = HOPS in starts and bool(starts & {THIRD, HEAVY})
    return heavy, hops


def waiting_text(heavy: bool, hops: bool, starts: frozenset[str]) -> str:
    """The week's note for what waits, and why."""
    new = THIRD if THIRD in starts else HEAVY
    what = " and ".join(x for x, on in ((f"the {HEAVY}", heavy), (f"the {HOPS}", hops)) if on)
    verb = "waits" if what == f"the {HEAVY}" else "wait"
    return f"One new thing a week: this week starts the {new}, so {what} {verb} a week."


def staggered(
    ctx: PlanningContext,
    weeks: Sequence[Week],
    planned: tuple[BlockSelection, WeekInputs, PlannedWeek],
    hops_wait: Callable[[WeekFrame], tuple[BlockSelection, tuple]],
) -> tuple[PlannedWeek, list[Reason]]:
    """The week planned again when it would start more than one new thing: the heavy scheme
    held back to the build's lighter dosing, the first hops to their landing drills; with
    the note that says so. `hops_wait` chooses the week's block again without hops; a week
    that block takes heavy beside the third session holds the heavy scheme back too."""
    p = ctx.params
    selection, inputs, week = planned
    seen = seen_before(weeks, p)
    starts = started(week.sessions, seen, p)
    heavy, hops = held_back(starts)
    if not (heavy or hops):
        return week, []
    key = inputs.selection_key
    if hops:
        selection, key = hops_wait(inputs.frame)
    week = plan_week(ctx, selection, replace(inputs, selection_key=key, stage=inputs.stage._replace(heavy_waits=heavy)))
    now = started(week.sessions, seen, p)
    if not heavy and held_back(now)[0]:  # the block chosen without hops went heavy beside the third session
        starts, heavy = starts | now, True
        week = plan_week(
            ctx, selection, replace(inputs, selection_key=key, stage=inputs.stage._replace(heavy_waits=True))
        )
    return week, [p.why("one-new-thing-a-week", waiting_text(heavy, hops, starts))]
