"""The third session waiting for a pain ladder or a moved race (rule
third-session-after-consistency, cr30a F9).

Lea's review of week 4 unlocked the third, single-leg power session in the review that also
moved her race three weeks earlier, with her knee on rung 2 of 4 of its return ladder ("1 of 3
calm weeks") the week after a flare's "Nothing new next week". A coach adds one stressor at a
time (one-new-thing-a-week): a third session adds a whole session of single-leg and leg work
while an area is loaded back rung by rung (pain-graded-return, whose pace pain-monitoring sets
by calm weeks), and a race moved earlier compresses the build and race-specific work in that
same week. So the session waits while any painful area is on its ladder (not yet through it,
pain-ladder-handover, or off it waiting for a clinician), and a week when the race moves; the
review says why and when it comes.
"""

from __future__ import annotations

from ..pain_return import STAGE_NAME, rungs_for_week
from . import signals as sig
from .effort_read import listed
from .state import ReviewInput, Verdict
from .values import ReviewDecision, Signal, decision

RULE = "third-session-after-consistency"


def on_ladders(r: ReviewInput, v: Verdict) -> dict:
    """Each painful area on its return ladder next week (its rung, -1 when off it waiting for a
    clinician): this review's rungs over the ones the profile's reviews set; areas through
    their ladders are on none."""
    rungs = {**dict(rungs_for_week(r.profile, r.next_start, r.ladders)), **v.pain_rungs}
    out = {}
    for area, rung in rungs.items():
        lad = r.ladders.get(area)
        if lad is not None and rung <= lad.top:
            out[area] = rung
    return dict(sorted(out.items(), key=lambda kv: kv[0].value))


def laddered_wait(r: ReviewInput, v: Verdict, signal: Signal) -> ReviewDecision | None:
    """The third session waiting while an area is on its return ladder; None when none is."""
    areas = on_ladders(r, v)
    if not areas:
        return None
    need = int(r.registry.param("pain-monitoring", "calm_weeks_per_rung"))
    where = []
    for area, rung in areas.items():
        lad = r.ladders.get(area)
        name = sig.area_name(area)
        if rung < 0:
            where.append(f"your {name} is off its ladder until a clinician has seen it")
            continue
        calm = v.pain_calm.get(area, 0)
        where.append(
            f"your {name} is on rung {rung + 1} of {len(lad.rungs)} of its return ladder "
            f"({STAGE_NAME[lad.rungs[rung].stage]}, {calm} of {need} calm weeks)"
        )
    names = listed([sig.area_name(a) for a in areas])
    text = (
        f"The third session waits: {'; '.join(where)}. One new thing at a time: it comes once your "
        f"{names} {'is' if len(areas) == 1 else 'are'} through the ladder, not while a painful area is "
        "still being loaded back."
    )
    pains = [Signal(kind="pain", text=f"{sig.area_name(a)} on its return ladder") for a in areas]
    return decision("week", "wait", text, [RULE, "pain-graded-return", "one-new-thing-a-week"], [signal, *pains][:4])


def race_moved_wait(r: ReviewInput, signal: Signal) -> ReviewDecision | None:
    """The third session waiting a week when this review moves the race: the phases are planned
    again first (one-new-thing-a-week); None when the race stays."""
    life, race = r.real_life, r.profile.race
    if not (life.race_date and race and life.race_date != race.date):
        return None
    text = (
        f"The third session waits a week: the race moved to {life.race_date:%d %b}, and the phases planned "
        "again around it come first (one new thing at a time)."
    )
    moved = Signal(kind="race", text=f"race on {life.race_date:%d %b %Y}, not {race.date:%d %b}")
    return decision("week", "wait", text, [RULE, "review-real-life", "one-new-thing-a-week"], [signal, moved])
