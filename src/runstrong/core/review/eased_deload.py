"""A deload right after a week the review held or cut still eases the load.

The planner lays the deload out from the week it planned before it; the review's promises
then hold that week lower (a hold keeps the reviewed week's load), so the deload could
stand level with it. Such a deload's load comes a kit step under the held week's
(planned-deloads), as a deload after an unchanged week does."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import loads as ld
from ..library import Library
from ..model import Block, Plan, Week

_EPS = 1e-6
_LIGHT = "light-before-key-runs"


def eased_deloads(plan: Plan, changed: set[dt.date], library: Library, p: Any) -> Plan:
    """The plan with each deload that follows a changed week below that week's loads."""
    weeks = list(plan.weeks)
    for i in range(1, len(weeks)):
        if weeks[i].deload and weeks[i - 1].start_date in changed:
            weeks[i] = _eased(weeks[i], _heaviest(weeks[i - 1]), plan, library, p)
    return plan.model_copy(update={"weeks": weeks}) if weeks != plan.weeks else plan


def _heaviest(week: Week) -> dict[str, float]:
    """Each lift's heaviest full-day load (a light day sets no level, as in the plan checker)."""
    out: dict[str, float] = {}
    for s in week.sessions:
        for b in s.blocks:
            kg = b.prescription.load_kg
            if kg is not None and not any(r.rule_id == _LIGHT for r in b.reasons):
                out[b.exercise_id] = max(out.get(b.exercise_id, 0.0), kg)
    return out


def _eased(week: Week, level: dict[str, float], plan: Plan, library: Library, p: Any) -> Week:
    sessions = []
    for s in week.sessions:
        blocks = [_below(b, level.get(b.exercise_id), plan, library, p) for b in s.blocks]
        sessions.append(s if blocks == s.blocks else s.model_copy(update={"blocks": blocks}))
    return week.model_copy(update={"sessions": sessions}) if sessions != week.sessions else week


def _below(b: Block, level: float | None, plan: Plan, library: Library, p: Any) -> Block:
    """The block a kit step under `level` when it stands level with it (or above); at
    `level` when the kit's next load down is the lightest it makes or would cut it past the
    deload's floor (planned-deloads)."""
    kg = b.prescription.load_kg
    if kg is None or level is None or kg < level - _EPS or b.exercise_id not in library:
        return b
    implement = ld.implement(library.get(b.exercise_id).equipment)
    if implement is None:
        return b
    kit = ld.kit_of(implement, plan.profile, p)
    if not ld.can_ease(level, kit.step, kit.bar, p.deload_min_load_pct):
        if kg <= level + _EPS:
            return b
        lower = level  # the kit's next load down would halve it: the deload's cut in sets eases it
    else:
        lower = level - kit.step
    return b.model_copy(update={"prescription": b.prescription.model_copy(update={"load_kg": round(lower, 3)})})
