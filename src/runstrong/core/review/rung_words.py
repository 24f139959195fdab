"""What an area's ladder rung holds for this runner, and how the review names it (rules
pain-graded-return, pain-monitoring).

A rung's work is the lift the plan gives it: the rung's own exercise that fits the runner's
kit and level, or, where none does, the nearest rung below's that does (`rung_exercise`).
That stand-in is what the plan places in the rung's slot, so it is what the review counts as
the rung's work (cr24a F2: Priya's barbell did none of the lower back's slow heavy lifts; the
plan gave her the bridge hold and the review never counted it), and the words name it as a
stand-in, never calling a hold "slow heavy work".
"""

from __future__ import annotations

import datetime as dt

from ..model import Exercise, PainArea
from ..pain_return import STAGE_NAME, Ladder, rung_exercise, rungs_for_week
from .state import ReviewInput

WEEK = 7
_DAY = dt.timedelta(days=1)


def rung_found(r: ReviewInput, area: PainArea, rung: int | None) -> tuple[Exercise, int] | None:
    """The lift an area's ladder gives at `rung` for this runner, and the rung it comes from."""
    lad = r.ladders.get(area)
    if lad is None or rung is None or rung < 0:
        return None
    pain = frozenset(r.profile.pain_areas) | {area}
    return rung_exercise(lad, rung, r.library, r.profile.equipment_items, r.profile.strength_experience, pain)


def rung_lift(r: ReviewInput, area: PainArea, rung: int | None) -> Exercise | None:
    """The lift an area's ladder has at `rung` for this runner, if any."""
    found = rung_found(r, area, rung)
    return found[0] if found else None


def rung_work(r: ReviewInput, lad: Ladder, rung: int) -> frozenset[str]:
    """The exercises that count as `rung`'s work for this runner: the rung's own, and the
    stand-in the plan gives it where none of them fits the kit."""
    lift = rung_lift(r, lad.area, rung)
    return frozenset(lad.rungs[rung].exercises) | ({lift.id} if lift is not None else set())


def rung_missing(r: ReviewInput, area: PainArea) -> tuple[str, str] | None:
    """Why the week did not earn `area` its next rung (and what was missing: "planned" or
    "logged"), or None when it did: its log holds a set of the exercise the plan gave the
    rung (the rung's own work, or its stand-in where the kit allows none of it: what its next
    step is judged by). A week whose sessions held none of it (a first partial week, race
    week, a trim) earns nothing either (cr20a F2): the area waits. Only a rung no exercise of
    which, nor of any rung below, fits the runner's kit and level is judged by the sessions
    done, as there is no work to ask for."""
    lad, rung = r.ladders.get(area), dict(rungs_for_week(r.profile, r.week_start, r.ladders)).get(area)
    if lad is None or rung is None or rung < 0 or rung_lift(r, area, rung) is None:
        return None
    end = r.week_start + WEEK * _DAY
    planned = {
        b.exercise_id for w in r.plan.weeks if w.start_date == r.week_start for x in w.sessions for b in x.blocks
    } & rung_work(r, lad, rung)
    if not planned:
        return "this week's sessions held none of its rung's work, so nothing earned the next rung", "planned"
    if any(x.exercise_id in planned for s in r.history.sessions if r.week_start <= s.date < end for x in s.sets):
        return None
    return "its rung's work was not logged this week", "logged"


def floor_text(r: ReviewInput, lad: Ladder | None, rung: int | None) -> str:
    """Where an area stood when pain past the zone found no gentler rung: its ladder's first
    rung (named), or already off its ladder."""
    if lad is None or rung is None or rung < 0:
        return "already off its ladder, with no gentler work to step down to"
    return f"already on {rung_text(r, lad, rung)}, with no gentler rung below"


def rung_text(r: ReviewInput, lad: Ladder, rung: int | None) -> str:
    """ "rung 2 of 4 of its return ladder, slow heavy work (Barbell hip thrust)"; where nothing
    of the rung fits the kit, its stand-in is named as what it is: "rung 2 of 4 of its return
    ladder (nothing of its slow heavy work fits your kit: Glute bridge hold, from its
    isometric holds, stands in and counts as its work)"."""
    if rung is None or rung < 0:
        return ""
    found = rung_found(r, lad.area, rung)
    head = f"rung {rung + 1} of {lad.top + 1} of its return ladder"
    stage = STAGE_NAME[lad.rungs[rung].stage]
    if found is None:
        return f"{head}, {stage}"
    if found[1] == rung:
        return f"{head}, {stage} ({found[0].name})"
    below = STAGE_NAME[lad.rungs[found[1]].stage]
    stand_in = f"{found[0].name}, from its {below}, stands in and counts as its work"
    return f"{head} (nothing of its {stage} fits your kit: {stand_in})"
