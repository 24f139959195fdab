"""Loads a pain ladder hands over: a loaded lift a rung brings in starts light
(`rung-start-load`), and a lift of the area's usual work that comes back when the area is
through its ladder starts at a share of where it stood (`pain-ladder-handover`).

A rung is a return from pain: its new lift is never started at an estimate scaled up by the
runner's lifts of other movements (cr22b S2: a 63 kg woman four weeks after 5/10 hamstring pain
was given a 32 kg kettlebell swing, "find your weight"), but a lift of its own family the runner
gave or logged says where it stands: a share of that, its effort read against it (cr26a F5: a
70 kg trap-bar puller's rung gave a 17.5 kg cable pull-through labelled RIR 3). The walk
(`plan_loads`) asks here once, when a rung's or a handed-back lift first comes.
"""

from __future__ import annotations

from .load_calibration import family_ratio, scales_up, table_e1rm
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
    never scaled up by the runner's lifts of other movements) cut to the rule's share, and no more
    than what the runner's logged or given lifts of its family convert to; None when the table has
    no ratio for its movement."""
    table = table_e1rm(e, walk.profile, walk.p)
    if table is None:
        return None
    p = walk.p
    cap = table * p.start_cautious_pct / 100 * min(walk.scale, 1.0) * p.rung_start_pct / 100
    related = related_e1rm(walk, e)
    return cap if related is None else min(cap, related[0])


def related_e1rm(walk: LoadWalk, e: Exercise) -> tuple[float, str] | None:
    """The lowest e1RM `e` converts to from a lift of its movement family the runner logged or
    gave a load for (`family_ratio`), grown by the weeks planned since, and that lift's name;
    None when there is none."""
    p, library = walk.p, walk.library
    found = []
    for src_id, lift in walk.lifts.items():
        if src_id == e.id or src_id not in library or lift.rule not in _SHOWN:
            continue
        src = library.get(src_id)
        ratio = family_ratio(src, e, p)
        if ratio is None:
            continue
        now = lift.e1rm * (1 + p.load_step_pct / 100) ** lift.weeks
        found.append((now * ratio, src.name))
    return min(found, default=None)


def rung_start(walk: LoadWalk, e: Exercise) -> LiftState | None:
    """The start of a loaded lift a rung brings in, with no load of its own: the rule's family
    share of what the runner's own lift of its family converts to, its effort read against that
    lift (`own_e1rm`); else the cap above, found from light in its first session (`find-your-weight`)."""
    own = related_e1rm(walk, e) if scales_up(e) else None
    if own is not None and table_e1rm(e, walk.profile, walk.p) is not None:
        pct = walk.p.rung_start_family_pct
        source = f"{own[1]} ({pct}% of what it converts to: a rung starts light)"
        return LiftState(own[0] * pct / 100, None, "cross-lift-start", source=source, rung=True, own_e1rm=own[0])
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
