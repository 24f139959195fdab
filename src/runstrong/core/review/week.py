"""The weekly review as a list of small steps run in a stated order, from a week of diary
to next week's decisions, each with the signals behind it and its rule ids.

The review never writes a dose itself. It states decisions (progress, hold, reduce,
deload, repeat, regress, exclude for pain) as an `Adjustment` of next week and exercise
swaps; the planner applies them, so every safety rule of the plan still holds.
"""

from __future__ import annotations

import datetime as dt

from ..context import PlanningContext
from ..diary import week_start as monday_of
from ..library import Library
from ..model import Adjustment, AthleteProfile, Plan, why
from ..rules import Registry
from .apply import without_review
from .back_to_back import back_to_back_step
from .decide import order_step, real_life_step, recovery_step, said_by_the_plan, third_session_step, verdict_step
from .hard_weeks import hard_weeks_step
from .illness import illness_step
from .metrics import DiaryWindow
from .nothing_new import nothing_new_step
from .pain_monitor import ladder_settle_step, pain_step, race_close_step
from .pain_swaps import pain_swap_step
from .running import running_step
from .slips import slips_step
from .state import ReviewInput, Step, Verdict, review_input
from .steps import (
    category_step,
    consistency_step,
    regress_step,
    sleep_appetite_step,
    unreviewed_missed_step,
    warning_signs_step,
)
from .swap_ends import restore_step
from .values import RealLife, Review
from .week_words import as_said_in

# The order matters: pain first (it overrides everything for its area), then each category,
# sleep and appetite (which may hold what would progress), broken form, the week's warning
# signs, consistency; then the verdict (deload, repeat, cut), a second hard week running cut
# rather than held again (overreaching-signs), recovery work for any cut,
# the order of decisions (a cut or deload before any progression), real life, and last the
# third session (never in a cut week); a pain ladder moves up only if its progress survived
# the order of decisions, and never into the taper or race week (race-close-no-new-work); after a flare or
# a hard week nothing new comes in next week (nothing-new-after-a-flare), the third session neither.
STEPS: tuple[Step, ...] = (
    pain_step,
    pain_swap_step,
    category_step,
    sleep_appetite_step,
    regress_step,
    warning_signs_step,
    back_to_back_step,
    consistency_step,
    unreviewed_missed_step,
    illness_step,
    verdict_step,
    hard_weeks_step,
    recovery_step,
    restore_step,
    running_step,
    slips_step,
    order_step,
    real_life_step,
    ladder_settle_step,
    race_close_step,
    nothing_new_step,
    third_session_step,
)


def run_steps(r: ReviewInput, steps: tuple[Step, ...] = STEPS) -> Verdict:
    v = Verdict()
    for step in steps:
        v = step(r, v)
    return v


def review_week(
    plan: Plan,
    profile: AthleteProfile,
    history: DiaryWindow,
    week_start: dt.date,
    library: Library | None = None,
    registry: Registry | None = None,
    real_life: RealLife | None = None,
    today: dt.date | None = None,
    *,
    ctx: PlanningContext | None = None,
) -> Review:
    """Review the week starting `week_start` (any day of it) and decide next week.

    The data come from `ctx` (library, rulebook and pain ladders: a coach's edited copy
    too); tests and scripts that hold only a library and a registry get no ladders (pain only spares).
    The decisions apply from the Monday after the reviewed week, or, when that week has
    already begun by `today`, from the first Monday not yet lived (days already lived are
    never re-planned)."""
    if ctx is None:
        if library is None or registry is None:
            raise TypeError("review_week needs ctx=, or a library and a registry")
        ctx = PlanningContext(library, registry)
    week_start = monday_of(week_start)
    profile = without_review(profile, week_start)  # reviewing a week again starts from before its last review
    r = review_input(plan, profile, history, week_start, ctx, real_life, today)
    return assemble(r, run_steps(r))


def assemble(r: ReviewInput, v: Verdict) -> Review:
    """The review from what the steps decided: next week's adjustment (and the travel weeks')."""
    carried = [d for d in v.decisions if d.action != "progress" and not said_by_the_plan(d)]
    # the week's own notes: its words name the weeks from the week they are shown in
    said = [x for d in carried for x in d.reasons[:1]]
    next_reasons = [why(x.rule_id, as_said_in(x.text, r.week_start, r.next_start)) for x in said]
    adjustments = [*v.earlier_missed, *([v.this_week] if v.this_week else [])]
    adjustments.append(
        Adjustment(
            week_start=r.next_start,
            deload=v.deload,
            hold=sorted(v.holds, key=lambda c: c.value),
            reduce=v.reduce,
            max_sessions=v.max_sessions,
            equipment=list(v.equipment) if v.equipment and r.next_start in v.travel_weeks else None,
            mobility=v.mobility,
            reasons=next_reasons,
            review_of=r.week_start,
            pain_added=list(v.pain_added),
            pain_rungs=dict(v.pain_rungs),
            pain_calm={a: c for a, c in v.pain_calm.items() if a in v.pain_rungs},
            pain_sides=dict(v.pain_sides),
        )
    )
    adjustments += [
        Adjustment(
            week_start=w,
            equipment=list(v.equipment),
            reasons=[why("review-real-life", "Travel: kit at hand.")],
            review_of=r.week_start,
        )
        for w in v.travel_weeks
        if w != r.next_start
    ]
    guidance = list(v.guidance)
    if r.metrics.acwr is not None:
        guidance.append(
            why(
                "acwr-context", f"Acute:chronic load {r.metrics.acwr:g} (context only; it does not drive any decision)."
            )
        )
    race = r.profile.race
    return Review(
        athlete=r.profile.name,
        week_start=r.week_start,
        next_week_start=r.next_start,
        metrics=r.metrics,
        flags=list(v.flags),
        decisions=list(v.decisions),
        adjustments=adjustments,
        swaps=list(v.swaps),
        pain_areas_added=list(v.pain_added),
        race_date=r.real_life.race_date if race and r.real_life.race_date != race.date else None,
        guidance=guidance,
        pain_sides=dict(v.pain_sides),
    )
