"""Stability drills are dosed by control, not by effort.

A dead bug, a Pallof press or a chop trains the trunk to resist motion; a weight makes
the brace harder but the drill stays a drill: clean reps well short of failure, short
rests, and a load added only once the top of the rep range is clean
(`core-drills-by-control`). Strength efforts (reps in reserve near failure, long rests)
belong to the lifts.
"""

from __future__ import annotations

from .model import Category, Exercise, Intent, Reason
from .params import Params


def stability_drill(e: Exercise) -> bool:
    """Work dosed by control: unloaded stability and capacity work, and core stability
    drills even when a load makes them harder."""
    return e.intent not in (Intent.strength, Intent.power) and (not e.loadable or e.category == Category.core)


def drill_reason(e: Exercise, p: Params) -> Reason:
    """Why a stability drill is dosed by control; a loaded one says what its load is for. An
    unloaded drill outside the core (the broomstick hinge drill a painful hip's posterior
    chain leads with) is foundation work, not a core hold (cr25a: it cited brief-core-holds)."""
    if not e.loadable and e.category != Category.core:
        return p.why("dose-foundation", text="Foundation work: controlled quality reps; stop when form slips.")
    if not e.loadable:
        return p.why("brief-core-holds", text="Controlled quality reps; stop when form slips.")
    text = (
        f"Dosed by control: every rep clean, {p.core_drill_min_rir}+ reps in reserve; the load "
        "only makes the brace harder, so add weight once the top of the range is clean."
    )
    return p.why("core-drills-by-control", text=text)


def drill_rir(p: Params) -> int:
    """The least reserve a stability drill keeps, loaded or not."""
    return max(p.foundation_rir, p.core_drill_min_rir)
