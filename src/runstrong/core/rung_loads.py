"""Loads a pain ladder hands over: a loaded lift a rung brings in starts light
(`rung-start-load`), and a lift of the area's usual work that comes back when the area is
through its ladder starts at a share of where it stood (`pain-ladder-handover`).

A rung is a return from pain: its new lift is never started at an estimate scaled up by the
runner's barbell lifts (cr22b S2: a 63 kg woman four weeks after 5/10 hamstring pain was given
a 32 kg kettlebell swing, "find your weight"). The walk (`plan_loads`) asks here once, when a
rung's or a handed-back lift first comes.
"""

from __future__ import annotations

from .load_calibration import implement_share, table_e1rm
from .load_walk import LiftState, LoadWalk
from .model import Block, Exercise

RUNG = "pain-graded-return"
RUNG_START = "rung-start-load"
HANDOVER = "pain-ladder-handover"
_SHOWN = frozenset({"e1rm-formula", "load-autoregulation"})  # loads the runner gave or logged


def on_rung(block: Block) -> bool:
    """Whether a pain ladder's rung placed `block`."""
    return any(r.rule_id == RUNG for r in block.reasons)


def handed_back(block: Block) -> bool:
    """Whether `block` is the area's usual work back after its ladder (`pain-ladder-handover`)."""
    return any(r.rule_id == HANDOVER for r in block.reasons)


def rung_cap_e1rm(walk: LoadWalk, e: Exercise) -> float | None:
    """The most a rung's new lift may start at: the body-mass estimate (`starting-load-estimate`,
    never scaled up by the runner's other lifts) cut to the rule's share, and no more than what
    the runner's logged or given lifts of the same movement convert to; None when the table has
    no ratio for its movement."""
    table = table_e1rm(e, walk.profile, walk.p)
    if table is None:
        return None
    p = walk.p
    cap = table * p.start_cautious_pct / 100 * min(walk.scale, 1.0) * p.rung_start_pct / 100
    related = related_e1rm(walk, e)
    return cap if related is None else min(cap, related)


def related_e1rm(walk: LoadWalk, e: Exercise) -> float | None:
    """The lowest e1RM `e` converts to from a lift of the same movement the runner logged or
    gave a load for (cross-lift-start's ratio, a lift not listed at the movement's reference),
    grown by the weeks planned since; None when there is none."""
    p, library = walk.p, walk.library
    ratios, ref = p.cross_lift_relative_pct, p.cross_lift_reference_pct
    found = []
    for src_id, lift in walk.lifts.items():
        if src_id == e.id or src_id not in library or lift.rule not in _SHOWN:
            continue
        src = library.get(src_id)
        if src.pattern != e.pattern:
            continue
        now = lift.e1rm * (1 + p.load_step_pct / 100) ** lift.weeks
        share = implement_share(e, p) / implement_share(src, p)
        found.append(now * share * ratios.get(e.id, ref) / ratios.get(src_id, ref))
    return min(found, default=None)


def rung_start(walk: LoadWalk, e: Exercise) -> LiftState | None:
    """The start of a loaded lift a rung brings in, with no load of its own: the cap above,
    found from light in its first session (`find-your-weight`)."""
    e1rm = rung_cap_e1rm(walk, e)
    if e1rm is None:
        return None
    return LiftState(e1rm, None, "starting-load-estimate", find=True, scale=min(walk.scale, 1.0), rung=True)


def hand_back(walk: LoadWalk, e: Exercise, lift: LiftState | None) -> LiftState | None:
    """A lift of the area's usual work back after its ladder, the first time it comes: its start
    (its log, a given load or the estimate; `lift`) at the handover's share, with no load of
    the weeks before the ladder to step from, so it steps up from there."""
    if lift is None:
        return None
    p = walk.p
    now = lift.e1rm * (1 + p.load_step_pct / 100) ** lift.weeks
    return LiftState(
        now * p.handover_load_pct / 100, None, lift.rule, source=lift.source, scale=lift.scale, handed_back=True
    )
