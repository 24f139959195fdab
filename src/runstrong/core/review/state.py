"""What every review step reads (`ReviewInput`, fixed for the review) and what it adds to
(`Verdict`, handed from step to step). A step is `(ReviewInput, Verdict) -> Verdict`: pure,
so each one can be run and tested alone on a diary."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..context import PlanningContext
from ..library import Library
from ..model import Adjustment, AthleteProfile, Category, ExerciseSwap, PainArea, Plan, Reason, Week
from ..pain_return import Ladders
from ..rules import Registry
from ..vocab import CATEGORY_NAME
from .measure import plan_week, week_metrics
from .metrics import DiaryWindow, WeekMetrics
from .params import ReviewParams, review_params
from .values import Flag, RealLife, ReviewDecision, Signal


@dataclass(frozen=True)
class ReviewInput:
    """The reviewed week and everything around it; no step changes it."""

    plan: Plan
    profile: AthleteProfile
    history: DiaryWindow
    week_start: dt.date
    next_start: dt.date
    metrics: WeekMetrics
    library: Library
    registry: Registry
    params: ReviewParams
    real_life: RealLife
    ladders: Ladders  # graded-return ladders (the context's)
    today: dt.date | None = None  # the day the review is run, when known

    @property
    def next_week(self) -> Week | None:
        return plan_week(self.plan, self.next_start)


@dataclass(frozen=True)
class Verdict:
    """What the steps so far decided."""

    flags: tuple[Flag, ...] = ()
    decisions: tuple[ReviewDecision, ...] = ()
    guidance: tuple[Reason, ...] = ()
    swaps: tuple[ExerciseSwap, ...] = ()
    pain_added: tuple[PainArea, ...] = ()
    holds: frozenset[Category] = frozenset()
    reduce: dict[Category, int] = field(default_factory=dict)
    cut_signals: tuple[Signal, ...] = ()  # why a category is cut (fatigue, pain)
    fatigue: tuple[Signal, ...] = ()  # the week's warning signs, named
    deload: bool = False
    repeat: bool = False
    mobility: bool = False
    no_progress: tuple[Signal, ...] = ()  # sleep or appetite: nothing progresses
    effort_held: frozenset[Category] = frozenset()  # held for effort above the target: no third session (review-hold)
    this_week: Adjustment | None = None  # the reviewed week marked as not consistent
    earlier_missed: tuple[Adjustment, ...] = ()  # earlier weeks no review marked, mostly missed in the diary
    max_sessions: int | None = None
    equipment: tuple = ()
    travel_weeks: tuple[dt.date, ...] = ()
    pain_rungs: dict[PainArea, int] = field(default_factory=dict)  # each painful area's ladder rung next week
    pain_calm: dict[PainArea, int] = field(default_factory=dict)  # its calm weeks on that rung before next week
    pain_sides: dict[PainArea, str] = field(default_factory=dict)  # the one painful side, where only one is
    # the categories a painful area holds, with why ("left knee 3/10 the next morning: not settled...") and its
    # signals: the category's own decision is that hold, never "progress as planned" beside it
    pain_holds: dict[Category, tuple[str, tuple[Signal, ...]]] = field(default_factory=dict)

    def add(self, **changes: object) -> Verdict:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    @property
    def cut(self) -> bool:
        """Any category is being cut (fatigue, pain) or the week is a deload."""
        return self.deload or bool(self.reduce)


LEG_CATEGORIES = (Category.posterior_chain, Category.single_leg_power)
Step = Callable[[ReviewInput, Verdict], Verdict]


def review_input(
    plan: Plan,
    profile: AthleteProfile,
    history: DiaryWindow,
    week_start: dt.date,
    ctx: PlanningContext,
    real_life: RealLife | None = None,
    today: dt.date | None = None,
) -> ReviewInput:
    """The input of a review of the week starting `week_start` (a Monday). The decisions
    apply from the Monday after it or, when that week has begun by `today`, from the first
    Monday not yet lived."""
    next_start = week_start + dt.timedelta(days=7)
    if today is not None:
        first_unlived = today if today.weekday() == 0 else today - dt.timedelta(days=today.weekday() - 7)
        next_start = max(next_start, first_unlived)
    return ReviewInput(
        plan=plan,
        profile=profile,
        history=history,
        week_start=week_start,
        next_start=next_start,
        metrics=week_metrics(plan, history, week_start, ctx.library, ctx.registry),
        library=ctx.library,
        registry=ctx.registry,
        params=review_params(ctx.registry),
        real_life=real_life or RealLife(),
        ladders=ctx.ladders,
        today=today,
    )


def category_name(c: Category) -> str:
    return CATEGORY_NAME[c]


def categories_loading(r: ReviewInput, area: PainArea) -> list[Category]:
    """Training categories with a lift that loads `area` in the reviewed week (lived, so the
    same in every plan version: reviewing the week again decides the same)."""
    from ..model import Role
    from .regress import LOADS, load_on

    week = plan_week(r.plan, r.week_start)
    found = {
        b.category
        for s in (week.sessions if week else [])
        for b in s.blocks
        if b.role in (Role.primary, Role.accessory)
        and b.exercise_id in r.library
        and load_on(r.library.get(b.exercise_id), area) >= LOADS
    }
    return sorted(found, key=lambda c: c.value)
