"""Diaries for the review's scenario tests, built straight from a plan's own sessions.

A runner who "does the plan" logs each planned session's sets as prescribed
(`sets_as_planned`), with form and effort drawn from a seeded RNG within the ranges a
scenario asks for, runs as planned, and (optionally) a daily check-in. Scenario helpers
then add what the test is about: sore days, pain, a lift whose form broke, missed weeks.

Values only: nothing here touches a database (see `store_diary` for that).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Iterable

from runstrong.core.context import PlanningContext
from runstrong.core.diary import (
    PainReport,
    PlannedSession,
    RunLog,
    SessionLog,
    SetLog,
    Wellness,
    planned_work,
    sets_as_planned,
)
from runstrong.core.library import Library
from runstrong.core.model import (
    TRAINING_CATEGORIES,
    Adjustment,
    AthleteProfile,
    Category,
    Level,
    PainArea,
    Phase,
    Plan,
    Role,
    Week,
)
from runstrong.core.pain_return import rungs_for_week
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.review import RealLife, Review, apply_review, review_week
from runstrong.core.review_metrics import DiaryWindow
from runstrong.io.data_files import load_context

DAY = dt.timedelta(days=1)
LOADING = frozenset({Phase.foundation, Phase.build, Phase.race_specific})
LEG_CATEGORIES = (Category.posterior_chain, Category.single_leg_power)
CALM = {"sleep_quality": (4, 5), "mood": (4, 5), "appetite": (4, 5), "soreness": (4, 5), "stress": (4, 5),
        "energy": (4, 5)}  # fmt: skip


def plan_or_none(profile: AthleteProfile, library: Library | None = None) -> Plan | None:
    """The profile's plan, or None when its weeks cannot hold the sessions (the planner says so)."""
    try:
        return build_plan(profile, load_context())
    except InfeasibleWeekError:
        return None


def week_of(plan: Plan, day: dt.date) -> Week | None:
    monday = day - dt.timedelta(days=day.weekday())
    return next((w for w in plan.weeks if w.start_date == monday), None)


def next_week(plan: Plan, week: Week) -> Week | None:
    return week_of(plan, week.start_date + 7 * DAY)


def week_end(week: Week) -> dt.date:
    return week.start_date + 6 * DAY


def logged_as_planned(ps: PlannedSession, sets: list[SetLog], session_rpe: float) -> SessionLog:
    """A planned session logged on its own day at its estimated minutes, with these sets."""
    return SessionLog(
        date=ps.date,
        planned_date=ps.date,
        planned_label=ps.label,
        minutes=ps.estimated_minutes,
        session_rpe=session_rpe,
        sets=sets,
    )


def _eased(s: SetLog, rng: random.Random, form: tuple[int, int], easier_by: tuple[float, float]) -> SetLog:
    """A planned set done with a form score from `form` and its effort eased by a draw from `easier_by`."""
    update: dict[str, object] = {"form_quality": rng.randint(*form)}
    ease = rng.uniform(*easier_by)
    if s.rpe is not None:
        update["rpe"] = max(1.0, round(2 * (s.rpe - ease)) / 2)
    elif s.rir is not None:
        update["rir"] = min(10, s.rir + round(ease))
    return s.model_copy(update=update)


def done_as_planned(
    plan: Plan,
    until: dt.date,
    *,
    seed: int = 0,
    since: dt.date | None = None,
    form: tuple[int, int] = (4, 5),
    easier_by: tuple[float, float] = (0.0, 0.0),
    session_rpe: tuple[int, int] = (5, 7),
    skip: Iterable[dt.date] = (),
    runs: bool = True,
    run_noise_pct: float = 0.0,
    wellness: dict[str, tuple[int, int]] | None = None,
    sleep_hours: tuple[float, float] = (7.0, 8.5),
) -> DiaryWindow:
    """Every planned session from `since` (default: the plan's start) to `until` done as
    prescribed, except those dated in `skip`.

    Form quality is drawn from `form` (inclusive); set effort is the target eased by a
    random amount in `easier_by` (RPE points lower, or that many more reps in reserve), so
    effort never goes above target. Runs are the planned runs, each up to `run_noise_pct`
    shorter. With `wellness` (item -> inclusive range) a daily check-in is logged too."""
    rng = random.Random(seed)
    since = since or plan.start_date
    skipped = set(skip)
    planned, planned_runs = planned_work(plan)
    sessions = []
    for ps in planned:
        if not since <= ps.date <= until or ps.date in skipped:
            continue
        sets = [_eased(s, rng, form, easier_by) for s in sets_as_planned(ps)]
        sessions.append(logged_as_planned(ps, sets, rng.randint(*session_rpe)))  # the sets' draws first, as ever
    run_logs = []
    if runs:
        for r in planned_runs:
            if since <= r.date <= until:
                minutes = max(1.0, round(r.minutes * (1 - rng.uniform(0, run_noise_pct) / 100), 1))
                run_logs.append(RunLog(date=r.date, type=r.type, minutes=minutes))
    checks = []
    if wellness is not None:
        day = since
        while day <= until:
            checks.append(
                Wellness(
                    date=day,
                    sleep_hours=round(rng.uniform(*sleep_hours), 1),
                    **{item: rng.randint(*span) for item, span in wellness.items()},
                )
            )
            day += DAY
    return DiaryWindow(sessions=tuple(sessions), runs=tuple(run_logs), wellness=tuple(checks))


def with_wellness(diary: DiaryWindow, days: Iterable[dt.date], **answers: int) -> DiaryWindow:
    """The diary with these answers on these days (the day's other answers kept)."""
    by_day = {w.date: w for w in diary.wellness}
    for day in days:
        old = by_day.get(day)
        by_day[day] = old.model_copy(update=answers) if old else Wellness(date=day, **answers)
    return dataclasses.replace(diary, wellness=tuple(sorted(by_day.values(), key=lambda w: w.date)))


def with_pain(diary: DiaryWindow, day: dt.date, area: PainArea, score: int) -> DiaryWindow:
    pains = sorted([*diary.pains, PainReport(date=day, area=area, score=score)], key=lambda p: p.date)
    return dataclasses.replace(diary, pains=tuple(pains))


def with_broken_form(
    diary: DiaryWindow, exercise_id: str, start: dt.date, end: dt.date, quality: int = 2
) -> DiaryWindow:
    """Every set of `exercise_id` logged between start and end rated `quality`."""
    sessions = tuple(
        s.model_copy(
            update={
                "sets": [
                    x.model_copy(update={"form_quality": quality}) if x.exercise_id == exercise_id else x
                    for x in s.sets
                ]
            }
        )
        if start <= s.date <= end
        else s
        for s in diary.sessions
    )
    return dataclasses.replace(diary, sessions=sessions)


def with_runs(diary: DiaryWindow, extra: Iterable[RunLog]) -> DiaryWindow:
    return dataclasses.replace(diary, runs=tuple(sorted([*diary.runs, *extra], key=lambda r: r.date)))


def with_calm_weeks(
    profile: AthleteProfile, week_start: dt.date, area: PainArea, rung: int, calm: int
) -> AthleteProfile:
    """`profile` as if the review of the week before `week_start` had left `area` on `rung`
    with `calm` calm weeks on it (rule pain-monitoring): a test starts mid-rung."""
    monday = week_start - dt.timedelta(days=week_start.weekday())
    adjust = Adjustment(week_start=monday, review_of=monday - 7 * DAY, pain_rungs={area: rung}, pain_calm={area: calm})
    return profile.model_copy(update={"adjustments": [*profile.adjustments, adjust]})


def one_calm_week_short(profile: AthleteProfile, week_start: dt.date) -> AthleteProfile:
    """`profile` with every area on its ladder one calm week short of climbing in the week of
    `week_start` (rule pain-monitoring): a calm week then would climb, whatever else holds it."""
    ladders = load_context().ladders
    need = int(load_context().registry.param("pain-monitoring", "calm_weeks_per_rung"))
    for area, rung in rungs_for_week(profile, week_start, ladders):
        profile = with_calm_weeks(profile, week_start, area, rung, need - 1)
    return profile


def reviewed_and_applied(
    plan: Plan,
    profile: AthleteProfile,
    diary: DiaryWindow,
    week: Week,
    library: Library,
    registry: object,
    real_life: RealLife | None = None,
) -> tuple[Review, AthleteProfile, Plan]:
    ctx = PlanningContext(library, registry, ladders=load_context().ladders)  # type: ignore[arg-type]
    review = review_week(plan, profile, diary, week.start_date, real_life=real_life, ctx=ctx)
    new_profile, new_plan = apply_review(plan, profile, review, ctx=load_context())
    return review, new_profile, new_plan


# ------------------------------------------------------------------------ measuring plans


def logged_blocks(week: Week) -> list:  # type: ignore[type-arg]
    return [b for s in week.sessions for b in s.blocks if b.role in (Role.primary, Role.accessory)]


def sets_by_category(week: Week) -> dict[Category, int]:
    out = {c: 0 for c in TRAINING_CATEGORIES}
    for b in logged_blocks(week):
        out[b.category] += b.prescription.sets + (1 if b.prescription.extra_sets_side else 0)
    return out


def volume(presc) -> float:  # type: ignore[no-untyped-def]
    """Sets x the per-set amount (reps, seconds, contacts or metres): what a cut makes smaller."""
    amount = presc.reps or presc.seconds or presc.contacts or presc.distance_m or 1
    return (presc.sets + (1 if presc.extra_sets_side else 0)) * amount


def volume_by_category(week: Week) -> dict[Category, float]:
    out = {c: 0.0 for c in TRAINING_CATEGORIES}
    for b in logged_blocks(week):
        out[b.category] += volume(b.prescription)
    return out


def exercise_ids_from(plan: Plan, since: dt.date) -> set[str]:
    return {b.exercise_id for w in plan.weeks if w.start_date >= since for s in w.sessions for b in s.blocks}


def first_three_session_week(plan: Plan) -> Week | None:
    return next((w for w in plan.weeks if len(w.sessions) >= 3), None)


def unlock_profile(level: Level, start: dt.date, weeks: int = 14, **fields: object) -> AthleteProfile:
    """A runner new to strength (no consistent weeks yet), with no race, free every day."""
    data: dict[str, object] = {
        "name": f"Unlock {level.value}",
        "age": 35,
        "body_mass_kg": 65,
        "strength_experience": level,
        "consistent_strength_weeks": 0,
        "start_date": start,
        "plan_weeks": weeks,
        "equipment": ["gym"],
        "running": {
            "weekly": [
                {"day": "tue", "type": "easy", "minutes": 40},
                {"day": "thu", "type": "easy", "minutes": 40},
                {"day": "sat", "type": "long", "minutes": 80},
            ]
        },
        **fields,
    }
    return AthleteProfile.model_validate(data)


def set_log(exercise_id: str, n: int, **fields: object) -> SetLog:
    return SetLog(exercise_id=exercise_id, set_number=n, **fields)


# ------------------------------------------------------------------------ noisy weeks


@dataclasses.dataclass(frozen=True)
class Knobs:
    """What can go wrong (or right) in the reviewed week of a random diary."""

    done_share: float = 1.0  # share of the week's planned sessions done
    form: tuple[int, int] = (4, 5)
    effort_over: float = 0.0  # RPE points above target (negative: easier)
    sore_days: int = 0  # consecutive days with soreness <= 2, from sore_from
    sore_from: int = 0
    pain: tuple[PainArea, int] | None = None
    tight_run: bool = False
    wellness_low: bool = False
    broken_lift: bool = False  # one lift's form broke down in every set
    ill: bool = False


def noisy_week(plan: Plan, week: Week, knobs: Knobs, seed: int) -> DiaryWindow:
    """Everything before `week` done as planned with calm check-ins, then `week` as the knobs say."""
    rng = random.Random(seed)
    start, end = week.start_date, week_end(week)
    before = done_as_planned(plan, start - DAY, seed=seed, easier_by=(0.0, 1.0), wellness=CALM, run_noise_pct=5)
    skip = [s.date for s in week.sessions if rng.random() >= knobs.done_share]
    this = done_as_planned(
        plan, end, since=start, seed=seed + 1, form=knobs.form, skip=skip, wellness=CALM, run_noise_pct=5
    )
    if knobs.effort_over:
        this = dataclasses.replace(
            this,
            sessions=tuple(
                s.model_copy(update={"sets": [_harder(x, knobs.effort_over) for x in s.sets]}) for s in this.sessions
            ),
        )
    diary = DiaryWindow(
        sessions=before.sessions + this.sessions,
        runs=before.runs + this.runs,
        wellness=before.wellness + this.wellness,
    )
    if knobs.sore_days:
        first = min(knobs.sore_from, 7 - knobs.sore_days)
        days = [start + (first + k) * DAY for k in range(knobs.sore_days)]
        diary = with_wellness(diary, days, soreness=rng.choice([1, 2]))
    if knobs.wellness_low:
        days = [start + k * DAY for k in range(7)]
        diary = with_wellness(diary, days, sleep_quality=1, mood=2, appetite=3, stress=1, energy=1)
    if knobs.pain is not None:
        area, score = knobs.pain
        diary = with_pain(diary, start + rng.randrange(7) * DAY, area, score)
    if knobs.tight_run:
        day = start + rng.randrange(7) * DAY
        diary = with_runs(diary, [RunLog(date=day, type="easy", minutes=20, tightness=6, leg_feel=2)])
    if knobs.broken_lift and this.sessions:
        lifts = sorted({x.exercise_id for s in this.sessions for x in s.sets})
        diary = with_broken_form(diary, rng.choice(lifts), start, end, quality=rng.choice([1, 2]))
    return diary


def _harder(s: SetLog, points: float) -> SetLog:
    """The set logged `points` RPE above (or below) what was asked."""
    if s.rpe is not None:
        return s.model_copy(update={"rpe": min(10.0, max(1.0, round(2 * (s.rpe + points)) / 2))})
    if s.rir is not None:
        return s.model_copy(update={"rir": min(10, max(0, s.rir - round(points)))})
    return s
