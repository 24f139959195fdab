"""The numbers a weekly review looks at, computed from the diary and the plan.

Completion (planned against done), volume per category, session-RPE load for strength
and runs on one scale (Foster 2001) with monotony and strain (Foster 1998), wellness
against the runner's own rolling baseline (Saw 2016), form per lift, pain, single-run
spikes (Frandsen 2025), and the acute:chronic ratio as context only.

Pure: the diary comes in as values (`Diary`), the week as a date.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import Field

from .base import Frozen
from .diary import WELLNESS_FIELDS, PainReport, RunLog, SessionLog, SetLog, Wellness
from .library import Library
from .model import TRAINING_CATEGORIES, Category, Plan, Prescription, Role, Week
from .rules import Registry

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Diary:
    """What the review reads: the diary entries of a window of dates, in date order."""

    sessions: tuple[SessionLog, ...] = ()
    runs: tuple[RunLog, ...] = ()
    wellness: tuple[Wellness, ...] = ()
    pains: tuple[PainReport, ...] = ()  # every pain report, with those logged in sessions

    def between(self, start: dt.date, end: dt.date) -> Diary:
        """Entries with start <= date <= end."""
        return Diary(
            sessions=tuple(x for x in self.sessions if start <= x.date <= end),
            runs=tuple(x for x in self.runs if start <= x.date <= end),
            wellness=tuple(x for x in self.wellness if start <= x.date <= end),
            pains=tuple(x for x in self.pains if start <= x.date <= end),
        )


@dataclass(frozen=True)
class ReviewParams:
    """The review's numbers, each owned by a rule of the registry."""

    typical_run_rpe: dict[str, float]
    monotony_flag: float
    baseline_days: int
    min_baseline_days: int
    min_week_days: int
    drop_sd: float
    min_drop_points: float
    spike_window_days: int
    spike_pct: float
    chronic_weeks: int
    progress_min_done_pct: float
    progress_min_form: float
    rpe_over_target: float
    form_hold_below: float
    form_drop: float
    broken_form: int
    broken_share_pct: float
    reduce_pct: int
    sore_days: int
    sore_at_or_below: int
    tight_at_or_above: int
    leg_feel_at_or_below: int
    flags_for_deload: int
    consistent_pct: float
    missed_weeks_to_repeat: int
    pain_at_or_above: int
    see_clinician_at: int
    see_clinician_reports: int
    sleep_hours_min: float
    appetite_at_or_below: int


@cache
def _review_params_for(registry: Registry) -> ReviewParams:
    def p(rule: str, name: str) -> Any:
        return registry.param(rule, name)

    return ReviewParams(
        typical_run_rpe=dict(p("session-rpe-load", "typical_run_rpe")),
        monotony_flag=p("monotony-strain", "monotony_flag"),
        baseline_days=p("wellness-baseline", "baseline_days"),
        min_baseline_days=p("wellness-baseline", "min_baseline_days"),
        min_week_days=p("wellness-baseline", "min_week_days"),
        drop_sd=p("wellness-baseline", "drop_sd"),
        min_drop_points=p("wellness-baseline", "min_drop_points"),
        spike_window_days=p("running-load-spike", "window_days"),
        spike_pct=p("running-load-spike", "spike_pct"),
        chronic_weeks=p("acwr-context", "chronic_weeks"),
        progress_min_done_pct=p("review-progress", "min_done_pct"),
        progress_min_form=p("review-progress", "min_form"),
        rpe_over_target=p("review-hold", "rpe_over_target"),
        form_hold_below=p("review-hold", "form_hold_below"),
        form_drop=p("review-hold", "form_drop"),
        broken_form=p("review-regress", "broken_form"),
        broken_share_pct=p("review-regress", "broken_share_pct"),
        reduce_pct=p("review-reduce", "volume_cut_pct"),
        sore_days=p("review-reduce", "sore_days"),
        sore_at_or_below=p("review-reduce", "sore_at_or_below"),
        tight_at_or_above=p("review-reduce", "tight_at_or_above"),
        leg_feel_at_or_below=p("review-reduce", "leg_feel_at_or_below"),
        flags_for_deload=p("review-deload", "flags_for_deload"),
        consistent_pct=p("review-missed-sessions", "consistent_pct"),
        missed_weeks_to_repeat=p("review-missed-sessions", "missed_weeks_to_repeat"),
        pain_at_or_above=p("review-pain", "pain_at_or_above"),
        see_clinician_at=p("review-pain", "see_clinician_at"),
        see_clinician_reports=p("review-pain", "see_clinician_reports"),
        sleep_hours_min=p("protein-and-sleep", "sleep_hours")[0],
        appetite_at_or_below=p("review-sleep-appetite", "appetite_at_or_below"),
    )


def review_params(registry: Registry) -> ReviewParams:
    return _review_params_for(registry)


# ------------------------------------------------------------------------ the values


class CategoryWeek(Frozen):
    category: Category
    planned_sets: int
    done_sets: int
    done_pct: float | None = Field(description="Done sets as a % of planned sets; None when none were planned.")
    reps: int
    seconds: int
    contacts: int
    tonnage_kg: float = Field(description="Sum of load x reps over loaded sets.")
    mean_rpe: float | None = Field(description="Mean logged set effort as RPE (RIR r counts as RPE 10 - r).")
    target_rpe: float | None = Field(description="The planned effort as RPE, where the plan set one.")
    mean_form: float | None = Field(description="Mean form quality, 1-5.")
    previous_form: float | None = Field(description="Last week's mean form quality.")


class LiftWeek(Frozen):
    """One exercise's week: its best set, for progress charts and form trends."""

    exercise_id: str
    name: str
    category: Category
    sets: int
    measure: str
    best: float = Field(description="Estimated 1RM in kg (Epley) for loaded reps; else best reps, seconds or contacts.")
    unit: str
    mean_form: float | None
    broken_form_sets: int = Field(description="Sets at or below the review's broken-form quality.")
    form_sets: int = Field(description="Sets with a form rating.")


class WellnessItem(Frozen):
    item: str
    week_mean: float | None
    baseline_mean: float | None
    baseline_sd: float | None
    week_days: int
    baseline_days: int
    below_baseline: bool = Field(description="Lower (worse) than the runner's own baseline by the rule's margin.")


class RunNote(Frozen):
    date: dt.date
    type: str
    minutes: float
    leg_feel: int | None
    tightness: int | None
    form_note: str | None


class RunSpike(Frozen):
    date: dt.date
    minutes: float
    longest_before: float = Field(description="Longest run of the window before it, minutes.")
    pct_longer: float


class WeekMetrics(Frozen):
    week_start: dt.date
    week_index: int | None
    phase: str | None
    deload: bool
    planned_sessions: int
    done_sessions: int
    completion_pct: float | None
    categories: list[CategoryWeek]
    lifts: list[LiftWeek]
    strength_load: float = Field(description="Sum of session RPE x minutes over strength sessions (AU).")
    run_load: float = Field(description="Sum of run RPE x minutes (AU).")
    run_load_estimated_runs: int = Field(description="Runs with no RPE, given their type's typical RPE.")
    load: float
    daily_load: list[float] = Field(description="Monday to Sunday.")
    monotony: float | None
    strain: float | None
    load_change_pct: float | None = Field(description="Change of total load against the week before.")
    acwr: float | None = Field(description="This week's load over the mean of the previous weeks' (context only).")
    run_minutes: float
    run_km: float
    runs: int
    wellness: list[WellnessItem]
    sore_streak: int = Field(description="Longest run of days with soreness at or below the rule's mark.")
    sleep_hours: float | None
    appetite: float | None
    heavy_legged_runs: list[RunNote] = Field(description="Runs logged with tightness, heavy legs or a form note.")
    spikes: list[RunSpike]
    pains: list[PainReport]


# ------------------------------------------------------------------------ computing


def plan_week(plan: Plan, week_start: dt.date) -> Week | None:
    for w in plan.weeks:
        if w.start_date == week_start:
            return w
    return None


def _as_rpe(s: SetLog) -> float | None:
    if s.rpe is not None:
        return s.rpe
    if s.rir is not None:
        return max(1.0, 10.0 - s.rir)
    return None


def _target_rpe(p: Prescription) -> float | None:
    if p.intensity.kind == "rpe":
        return p.intensity.value
    if p.intensity.kind == "rir" and p.intensity.value is not None:
        return 10.0 - p.intensity.value
    return None


def _mean(values: Iterable[float | None]) -> float | None:
    xs = [v for v in values if v is not None]
    return round(statistics.fmean(xs), 2) if xs else None


def _daily_load(diary: Diary, start: dt.date, rp: ReviewParams) -> tuple[list[float], float, float, int]:
    days = [0.0] * 7
    strength = run = 0.0
    estimated = 0
    for s in diary.sessions:
        if s.session_rpe is not None and s.minutes is not None:
            load = s.session_rpe * s.minutes
            days[(s.date - start).days] += load
            strength += load
    for r in diary.runs:
        rpe = r.rpe
        if rpe is None:
            rpe = rp.typical_run_rpe.get(r.type.value, rp.typical_run_rpe.get("easy", 3))
            estimated += 1
        load = rpe * r.minutes
        days[(r.date - start).days] += load
        run += load
    return [round(d, 1) for d in days], round(strength, 1), round(run, 1), estimated


def _wellness_items(history: Diary, start: dt.date, rp: ReviewParams) -> tuple[list[WellnessItem], int]:
    week = [w for w in history.wellness if start <= w.date <= start + 6 * DAY]
    base_from = start - rp.baseline_days * DAY
    base = [w for w in history.wellness if base_from <= w.date < start]
    items = []
    for field in (*WELLNESS_FIELDS, "composite"):
        wk = [v for w in week if (v := _wellness_value(w, field)) is not None]
        bs = [v for w in base if (v := _wellness_value(w, field)) is not None]
        mean_w = round(statistics.fmean(wk), 2) if wk else None
        mean_b = round(statistics.fmean(bs), 2) if bs else None
        sd_b = round(_stdev(bs), 2) if len(bs) >= 2 else None
        below = False
        if mean_w is not None and mean_b is not None and sd_b is not None:
            enough = len(wk) >= rp.min_week_days and len(bs) >= rp.min_baseline_days
            margin = max(rp.drop_sd * sd_b, rp.min_drop_points)
            below = enough and mean_w < mean_b - margin
        items.append(
            WellnessItem(
                item=field,
                week_mean=mean_w,
                baseline_mean=mean_b,
                baseline_sd=sd_b,
                week_days=len(wk),
                baseline_days=len(bs),
                below_baseline=below,
            )
        )
    streak = best = 0
    by_day = {w.date: w.soreness for w in week}
    for i in range(7):
        sore = by_day.get(start + i * DAY)
        streak = streak + 1 if sore is not None and sore <= rp.sore_at_or_below else 0
        best = max(best, streak)
    return items, best


def _stdev(xs: list[float]) -> float:
    """Sample standard deviation in floats (statistics.stdev works in exact fractions,
    which is slow and more precise than 1-5 answers deserve)."""
    mean = math.fsum(xs) / len(xs)
    return math.sqrt(math.fsum((x - mean) ** 2 for x in xs) / (len(xs) - 1))


_SCALES = tuple(f for f in WELLNESS_FIELDS if f != "sleep_hours")


def _wellness_value(w: Wellness, field: str) -> float | None:
    if field != "composite":
        return getattr(w, field)
    scores = [v for f in _SCALES if (v := getattr(w, f)) is not None]
    return sum(scores) / len(scores) if scores else None


def _lift_value(s: SetLog) -> tuple[float, str]:
    if s.reps is not None and s.load_kg:
        return s.load_kg * (1 + s.reps / 30), "kg e1RM"  # Epley's estimate
    unit = {"reps": "reps", "seconds": "s", "contacts": "contacts", "distance_m": "m"}[s.measure]
    return s.amount, unit


def week_metrics(
    plan: Plan | None,
    history: Diary,
    week_start: dt.date,
    library: Library,
    registry: Registry,
) -> WeekMetrics:
    """The metrics of the week starting `week_start` (a Monday). `history` must hold the
    diary from at least the rule windows before the week (baseline, spikes, chronic load)."""
    rp = review_params(registry)
    end = week_start + 6 * DAY
    diary = history.between(week_start, end)
    week = plan_week(plan, week_start) if plan else None
    planned_sets: dict[Category, int] = defaultdict(int)
    targets: dict[Category, list[float]] = defaultdict(list)
    if week is not None:
        for session in week.sessions:
            for b in session.blocks:
                if b.role in (Role.primary, Role.accessory):
                    planned_sets[b.category] += b.prescription.sets + (1 if b.prescription.extra_sets_side else 0)
                    t = _target_rpe(b.prescription)
                    if t is not None:
                        targets[b.category].append(t)
    sets_by_cat: dict[Category, list[SetLog]] = defaultdict(list)
    by_lift: dict[str, list[SetLog]] = defaultdict(list)
    for s in diary.sessions:
        for x in s.sets:
            if x.exercise_id in library:
                sets_by_cat[library.get(x.exercise_id).category].append(x)
            by_lift[x.exercise_id].append(x)
    previous = history.between(week_start - 7 * DAY, week_start - DAY)
    prev_form: dict[Category, list[float]] = defaultdict(list)
    for s in previous.sessions:
        for x in s.sets:
            if x.exercise_id in library and x.form_quality is not None:
                prev_form[library.get(x.exercise_id).category].append(x.form_quality)
    categories = []
    for c in TRAINING_CATEGORIES:
        done = sets_by_cat.get(c, [])
        plan_n = planned_sets.get(c, 0)
        categories.append(
            CategoryWeek(
                category=c,
                planned_sets=plan_n,
                done_sets=len(done),
                done_pct=round(100 * min(len(done), plan_n) / plan_n, 1) if plan_n else None,
                reps=sum(x.reps or 0 for x in done),
                seconds=sum(x.seconds or 0 for x in done),
                contacts=sum(x.contacts or 0 for x in done),
                tonnage_kg=round(sum((x.load_kg or 0) * (x.reps or 0) for x in done), 1),
                mean_rpe=_mean(_as_rpe(x) for x in done),
                target_rpe=_mean(targets.get(c, [])),
                mean_form=_mean(x.form_quality for x in done),
                previous_form=_mean(prev_form.get(c, [])),
            )
        )
    lifts = []
    for ex_id, sets in sorted(by_lift.items()):
        e = library.get(ex_id) if ex_id in library else None
        if e is None or e.category not in TRAINING_CATEGORIES:
            continue
        values = [_lift_value(x) for x in sets]
        best, unit = max(values)
        rated = [x.form_quality for x in sets if x.form_quality is not None]
        lifts.append(
            LiftWeek(
                exercise_id=ex_id,
                name=e.name,
                category=e.category,
                sets=len(sets),
                measure=sets[0].measure,
                best=round(best, 1),
                unit=unit,
                mean_form=_mean(rated),
                broken_form_sets=sum(q <= rp.broken_form for q in rated),
                form_sets=len(rated),
            )
        )
    daily, strength, run, estimated = _daily_load(diary, week_start, rp)
    load = round(strength + run, 1)
    monotony = strain = None
    if load > 0:
        mean = math.fsum(daily) / len(daily)
        sd = math.sqrt(math.fsum((d - mean) ** 2 for d in daily) / len(daily))
        if sd > 0:
            monotony = round(statistics.fmean(daily) / sd, 2)
            strain = round(load * monotony, 1)
    prior_loads = []
    for k in range(1, rp.chronic_weeks + 1):
        ws = week_start - 7 * k * DAY
        _, st, rn, _ = _daily_load(history.between(ws, ws + 6 * DAY), ws, rp)
        prior_loads.append(st + rn)
    change = None
    if prior_loads and prior_loads[0] > 0:
        change = round(100 * (load - prior_loads[0]) / prior_loads[0], 1)
    chronic = statistics.fmean(prior_loads) if prior_loads else 0
    acwr = round(load / chronic, 2) if chronic > 0 else None
    wellness, sore_streak = _wellness_items(history, week_start, rp)
    sleep = next(w.week_mean for w in wellness if w.item == "sleep_hours")
    appetite = next(w.week_mean for w in wellness if w.item == "appetite")
    heavy_legged = [
        RunNote(
            date=r.date,
            type=r.type.value,
            minutes=r.minutes,
            leg_feel=r.leg_feel,
            tightness=r.tightness,
            form_note=r.form_note,
        )
        for r in diary.runs
        if (r.tightness is not None and r.tightness >= rp.tight_at_or_above)
        or (r.leg_feel is not None and r.leg_feel <= rp.leg_feel_at_or_below)
        or r.form_note
    ]
    spikes = []
    for r in diary.runs:
        window = [x.minutes for x in history.runs if r.date - rp.spike_window_days * DAY <= x.date < r.date]
        if window and r.minutes > max(window) * (1 + rp.spike_pct / 100):
            longest = max(window)
            spikes.append(
                RunSpike(
                    date=r.date,
                    minutes=r.minutes,
                    longest_before=longest,
                    pct_longer=round(100 * (r.minutes - longest) / longest, 1),
                )
            )
    planned_sessions = len(week.sessions) if week else 0
    done_sessions = len({(s.planned_date or s.date) for s in diary.sessions})
    return WeekMetrics(
        week_start=week_start,
        week_index=week.index if week else None,
        phase=week.phase.value if week else None,
        deload=week.deload if week else False,
        planned_sessions=planned_sessions,
        done_sessions=done_sessions,
        completion_pct=round(100 * min(done_sessions, planned_sessions) / planned_sessions, 1)
        if planned_sessions
        else None,
        categories=categories,
        lifts=lifts,
        strength_load=strength,
        run_load=run,
        run_load_estimated_runs=estimated,
        load=load,
        daily_load=daily,
        monotony=monotony,
        strain=strain,
        load_change_pct=change,
        acwr=acwr,
        run_minutes=round(sum(r.minutes for r in diary.runs), 1),
        run_km=round(sum(r.distance_km or 0 for r in diary.runs), 2),
        runs=len(diary.runs),
        wellness=wellness,
        sore_streak=sore_streak,
        sleep_hours=sleep,
        appetite=appetite,
        heavy_legged_runs=heavy_legged,
        spikes=spikes,
        pains=list(diary.pains),
    )


def history_window_days(registry: Registry) -> int:
    """How far back before a reviewed week the diary must reach."""
    rp = review_params(registry)
    return max(rp.baseline_days, rp.spike_window_days, 7 * rp.chronic_weeks, 7)


def history_metrics(
    plan: Plan | None,
    history: Diary,
    last_week: dt.date,
    weeks: int,
    library: Library,
    registry: Registry,
    last: WeekMetrics | None = None,
) -> list[WeekMetrics]:
    """Metrics of `weeks` consecutive weeks ending with the week starting `last_week`, oldest
    first (for charts and trends). `history` must reach back far enough for the first.
    With `last` (that week's metrics, already computed), the weeks before it and then it:
    `weeks` + 1 in all."""
    if last is not None:
        return [*history_metrics(plan, history, last_week - 7 * DAY, weeks, library, registry), last]
    first = last_week - 7 * (weeks - 1) * DAY
    return [week_metrics(plan, history, first + 7 * k * DAY, library, registry) for k in range(weeks)]
