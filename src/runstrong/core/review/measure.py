"""The week's numbers, computed from the diary window and the plan (the values they fill are
in `metrics`): completion, volume per category, session-RPE load (Foster 2001) with
monotony and strain (Foster 1998), wellness against the runner's own rolling baseline (Saw
2016), form per lift, pain, single-run spikes (Frandsen 2025), the acute:chronic ratio as
context only."""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from ..diary import WELLNESS_FIELDS, RunLog, SessionLog, SetLog, Wellness
from ..library import Library
from ..loads import e1rm
from ..model import TRAINING_CATEGORIES, Category, Plan, Role, Week
from ..planned_effort import planned_rpe
from ..rules import Registry
from ..vocab import SESSION_LETTER
from .effort_read import effort_by_category
from .effort_trend import session_effort
from .held_dose import held_from
from .metrics import (
    DAY,
    CategoryWeek,
    DiaryWindow,
    LiftWeek,
    RunNote,
    RunSpike,
    WeekMetrics,
    WellnessItem,
)
from .params import ReviewParams, review_params

# ------------------------------------------------------------------------ computing


def plan_week(plan: Plan, week_start: dt.date) -> Week | None:
    for w in plan.weeks:
        if w.start_date == week_start:
            return w
    return None


def _as_rpe(s: SetLog, readable_rir: float) -> float | None:
    """The set's effort as an RPE, read only near failure (effort-read-near-failure): an
    eased or cut dose logged as planned (RIR 10) does not make the week read trivially easy."""
    rpe = s.rpe if s.rpe is not None else (10.0 - s.rir if s.rir is not None else None)
    return rpe if rpe is not None and rpe >= 10.0 - readable_rir else None


def _category_target(loaded: list[float], unloaded: bool, rp: ReviewParams) -> float | None:
    """A category's effort target: its loaded doses' mean, else (all its work unloaded: a
    bodyweight category) unloaded work's mark (effort-read-near-failure); None without either."""
    return _mean(loaded) if loaded else (rp.unloaded_rpe if unloaded else None)


def _mean(values: Iterable[float | None]) -> float | None:
    xs = [v for v in values if v is not None]
    return round(statistics.fmean(xs), 2) if xs else None


# a planned session's minutes by (date, label), and by (date, None) on a day of one session
PlannedMinutes = dict[tuple[dt.date, str | None], int]


def planned_minutes(plan: Plan | None) -> PlannedMinutes:
    """The minutes each strength session of `plan` is planned to take, by its date and letter
    (and by its date alone on a day of one session), for a log that gave no minutes."""
    out: PlannedMinutes = {}
    for week in plan.weeks if plan is not None else ():
        for n, s in enumerate(week.sessions):
            out[(s.date, SESSION_LETTER.get(s.focus, "ABCDEFG"[n]))] = s.estimated_minutes
            out[(s.date, None)] = s.estimated_minutes if (s.date, None) not in out else 0
    return out


def _session_minutes(s: SessionLog, planned: PlannedMinutes) -> tuple[float | None, bool]:
    """A logged session's minutes, and whether they are the plan's (the runner gave none)."""
    if s.minutes is not None:
        return s.minutes, False
    day = s.planned_date or s.date
    found = planned.get((day, s.planned_label)) or planned.get((day, None))
    return (found, True) if found else (None, False)


def _daily_load(diary: DiaryWindow, start: dt.date, rp: ReviewParams,
                planned: PlannedMinutes) -> tuple[list[float], float, float, int, int]:  # fmt: skip
    """The week's load by day, its strength and run parts, the runs whose RPE was estimated
    and the sessions whose minutes are the plan's."""
    days = [0.0] * 7
    strength = run = 0.0
    estimated = from_plan = 0
    for s in diary.sessions:
        minutes, planned_only = _session_minutes(s, planned)
        if s.session_rpe is not None and minutes is not None:
            load = s.session_rpe * minutes
            days[(s.date - start).days] += load
            strength += load
            from_plan += planned_only
    for r in diary.runs:
        rpe = r.rpe
        if rpe is None:
            rpe = rp.typical_run_rpe.get(r.type.value, rp.typical_run_rpe.get("easy", 3))
            estimated += 1
        load = rpe * r.minutes
        days[(r.date - start).days] += load
        run += load
    return [round(d, 1) for d in days], round(strength, 1), round(run, 1), estimated, from_plan


def _wellness_items(history: DiaryWindow, start: dt.date, rp: ReviewParams) -> tuple[list[WellnessItem], int]:
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
                baseline_short=mean_b is not None and len(bs) < rp.min_baseline_days,
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


def _lift_value(s: SetLog, rp: ReviewParams) -> tuple[float, str]:
    """A loaded set's estimated 1RM counts the reps it left in reserve as done (e1rm-formula), so
    a race week's easy triples do not read as a loss of strength; a set with no effort logged
    counts as taken to failure, the lowest estimate it allows."""
    if s.reps is not None and s.load_kg:
        rir = s.rir if s.rir is not None else 10 - s.rpe if s.rpe is not None else 0
        return e1rm(s.load_kg, s.reps, rir, rp.e1rm_formula, rp.e1rm_max_reps), "kg e1RM"
    unit = {"reps": "reps", "seconds": "s", "contacts": "contacts", "distance_m": "m"}[s.measure]
    return s.amount, unit


def _planned(
    week: Week | None, rp: ReviewParams
) -> tuple[dict[Category, int], dict[Category, list[float]], set[Category]]:
    """Planned sets and loaded target efforts (as RPE) by category, and the categories with
    unloaded work (whose mark is their target when they have no loaded one)."""
    planned_sets: dict[Category, int] = defaultdict(int)
    targets: dict[Category, list[float]] = defaultdict(list)
    unloaded: set[Category] = set()
    for session in week.sessions if week is not None else ():
        for b in session.blocks:
            if b.role in (Role.primary, Role.accessory):
                planned_sets[b.category] += b.prescription.sets + (1 if b.prescription.extra_sets_side else 0)
                rpe = planned_rpe(b.prescription, None)  # a loaded dose's own target; an eased dose's sets none
                if b.prescription.intensity.kind == "bodyweight":
                    unloaded.add(b.category)
                elif rpe is not None and rpe >= 10.0 - rp.readable_rir:
                    targets[b.category].append(rpe)
    return planned_sets, targets, unloaded


def last_loading_week(plan: Plan | None, week_start: dt.date) -> Week | None:
    """The latest week before `week_start` that was not a deload (the targets a deload is judged by)."""
    if plan is None:
        return None
    before = [w for w in plan.weeks if w.start_date < week_start and not w.deload and w.sessions]
    return before[-1] if before else None


def _sets_by(diary: DiaryWindow, library: Library) -> tuple[dict[Category, list[SetLog]], dict[str, list[SetLog]]]:
    by_cat: dict[Category, list[SetLog]] = defaultdict(list)
    by_lift: dict[str, list[SetLog]] = defaultdict(list)
    for s in diary.sessions:
        for x in s.sets:
            if x.exercise_id in library:
                by_cat[library.get(x.exercise_id).category].append(x)
            by_lift[x.exercise_id].append(x)
    return by_cat, by_lift


def _sets_counted(diary: DiaryWindow, library: Library) -> dict[Category, int]:
    """Sets done per category, a set logged side by side (left, then right) counted once, as
    the plan counts it ("2 x 8/side" is two sets); a weaker side's extra set is its own."""
    out: dict[Category, int] = defaultdict(int)
    for s in diary.sessions:
        for ex_id, *_ in {(x.exercise_id, x.set_number, x.side is None) for x in s.sets if x.exercise_id in library}:
            out[library.get(ex_id).category] += 1
    return out


def _category_weeks(
    week: Week | None,
    targets_week: Week | None,
    diary: DiaryWindow,
    previous: DiaryWindow,
    library: Library,
    rp: ReviewParams,
) -> list[CategoryWeek]:
    readable_rir = rp.readable_rir
    planned_sets, _, _ = _planned(week, rp)
    _, targets, unloaded = _planned(targets_week, rp)
    by_cat, _ = _sets_by(diary, library)
    prev_form: dict[Category, list[float]] = defaultdict(list)
    for c, sets in _sets_by(previous, library)[0].items():
        prev_form[c] = [x.form_quality for x in sets if x.form_quality is not None]
    counted = _sets_counted(diary, library)
    efforts = effort_by_category(diary.sessions, library, rp.near_failure_rir)
    out = []
    for c in TRAINING_CATEGORIES:
        done, plan_n, n = by_cat.get(c, []), planned_sets.get(c, 0), counted.get(c, 0)
        out.append(
            CategoryWeek(
                category=c,
                planned_sets=plan_n,
                done_sets=n,
                done_pct=round(100 * min(n, plan_n) / plan_n, 1) if plan_n else None,
                reps=sum(x.reps or 0 for x in done),
                seconds=sum(x.seconds or 0 for x in done),
                contacts=sum(x.contacts or 0 for x in done),
                tonnage_kg=round(sum((x.load_kg or 0) * (x.reps or 0) for x in done), 1),
                mean_rpe=_mean(_as_rpe(x, readable_rir) for x in done),
                target_rpe=_category_target(targets.get(c, []), c in unloaded, rp),
                loaded_target=bool(targets.get(c)),
                mean_form=_mean(x.form_quality for x in done),
                previous_form=_mean(prev_form.get(c, [])),
                **efforts.get(c, {}),
            )
        )
    return out


def _lift_weeks(diary: DiaryWindow, library: Library, rp: ReviewParams) -> list[LiftWeek]:
    lifts = []
    for ex_id, sets in sorted(_sets_by(diary, library)[1].items()):
        e = library.get(ex_id) if ex_id in library else None
        if e is None or e.category not in TRAINING_CATEGORIES:
            continue
        best, unit = max(_lift_value(x, rp) for x in sets)
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
    return lifts


@dataclass(frozen=True)
class _Load:
    daily: list[float]
    strength: float
    run: float
    estimated: int
    minutes_from_plan: int
    monotony: float | None
    strain: float | None
    change_pct: float | None
    acwr: float | None


def _load(history: DiaryWindow, diary: DiaryWindow, week_start: dt.date, rp: ReviewParams,
          planned: PlannedMinutes) -> _Load:  # fmt: skip
    """Session-RPE load of the week, its monotony and strain, and against the weeks before."""
    daily, strength, run, estimated, from_plan = _daily_load(diary, week_start, rp, planned)
    load = round(strength + run, 1)
    monotony = strain = None
    if load > 0:
        mean = math.fsum(daily) / len(daily)
        sd = math.sqrt(math.fsum((d - mean) ** 2 for d in daily) / len(daily))
        if sd > 0:
            monotony = round(statistics.fmean(daily) / sd, 2)
            strain = round(load * monotony, 1)
    prior = []
    for k in range(1, rp.chronic_weeks + 1):
        ws = week_start - 7 * k * DAY
        _, st, rn, _, _ = _daily_load(history.between(ws, ws + 6 * DAY), ws, rp, planned)
        prior.append(st + rn)
    change = round(100 * (load - prior[0]) / prior[0], 1) if prior and prior[0] > 0 else None
    first_week = week_start - len(prior) * 7 * DAY
    chronic = statistics.fmean(prior) if prior and diary_reaches(history, first_week + 6 * DAY) else 0
    acwr = round(load / chronic, 2) if chronic > 0 else None  # None until the diary holds the chronic weeks
    return _Load(daily, strength, run, estimated, from_plan, monotony, strain, change, acwr)


def diary_reaches(history: DiaryWindow, day: dt.date) -> bool:
    """Whether the diary holds anything on or before `day` (the end of the first chronic week):
    weeks before the diary began are no load, and a ratio against them read 4-5 in a
    runner's second week (coach read 18)."""
    dates = [x.date for entries in (history.sessions, history.runs, history.wellness) for x in entries]
    return bool(dates) and min(dates) <= day


def _heavy_legged(diary: DiaryWindow, rp: ReviewParams) -> list[RunNote]:
    return [
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


def _spikes(history: DiaryWindow, diary: DiaryWindow, rp: ReviewParams) -> list[RunSpike]:
    """Runs much longer than the longest of the window before them, when the diary's runs
    reach back far enough to say what the longest was (running-load-spike). Each also carries
    the longest run of its window that was no spike itself, so a cap ignored once does not
    become the next cap (cr19b #7: 130 -> 155 min)."""
    spikes = []
    first = min((x.date for x in history.runs), default=None)
    spiked = {(x.date, x.minutes) for x in history.runs if _spike_over(history, x, rp) is not None}
    for r in diary.runs:
        if first is None or (r.date - first).days < rp.spike_min_history_days:
            continue
        longest = _spike_over(history, r, rp)
        if longest is not None:
            window = _window(history, r, rp)
            calm = max((x.minutes for x in window if (x.date, x.minutes) not in spiked), default=longest)
            pct = round(100 * (r.minutes - longest) / longest, 1)
            spikes.append(
                RunSpike(date=r.date, minutes=r.minutes, longest_before=longest, pct_longer=pct, longest_unspiked=calm)
            )
    return spikes


def _window(history: DiaryWindow, r: RunLog, rp: ReviewParams) -> list[RunLog]:
    return [x for x in history.runs if r.date - rp.spike_window_days * DAY <= x.date < r.date]


def _spike_over(history: DiaryWindow, r: RunLog, rp: ReviewParams) -> float | None:
    """The longest run of the window before r when r spiked over it, else None."""
    window = [x.minutes for x in _window(history, r, rp)]
    if window and r.minutes > max(window) * (1 + rp.spike_pct / 100):
        return max(window)
    return None


def _week_counts(diary: DiaryWindow, rp: ReviewParams) -> dict[str, int]:
    return {
        "sore_days": sum(1 for w in diary.wellness if w.soreness is not None and w.soreness <= rp.sore_at_or_below),
        "checkin_days": len({w.date for w in diary.wellness}),
        "sleep_days": sum(1 for w in diary.wellness if w.sleep_hours is not None),
        "appetite_days": sum(1 for w in diary.wellness if w.appetite is not None),
    }


def week_metrics(
    plan: Plan | None,
    history: DiaryWindow,
    week_start: dt.date,
    library: Library,
    registry: Registry,
) -> WeekMetrics:
    """The metrics of the week starting `week_start` (a Monday). `history` must hold the
    diary from at least the rule windows before the week (baseline, spikes, chronic load).
    A deload week's effort is judged against the last loading week's targets."""
    rp = review_params(registry)
    diary = history.between(week_start, week_start + 6 * DAY)
    week = plan_week(plan, week_start) if plan else None
    targets_week = last_loading_week(plan, week_start) if week is not None and week.deload else week
    previous = history.between(week_start - 7 * DAY, week_start - DAY)
    load = _load(history, diary, week_start, rp, planned_minutes(plan))
    wellness, sore_streak = _wellness_items(history, week_start, rp)
    planned_sessions = len(week.sessions) if week else 0
    done_sessions = sessions_done(history, week_start, {x.date for x in week.sessions} if week else None)
    return WeekMetrics(
        week_start=week_start,
        week_index=week.index if week else None,
        phase=week.phase.value if week else None,
        deload=week.deload if week else False,
        planned_sessions=planned_sessions,
        done_sessions=done_sessions,
        completion_pct=_pct(done_sessions, planned_sessions),
        categories=_category_weeks(week, targets_week or week, diary, previous, library, rp),
        session_effort=session_effort(history, week_start, rp),
        lifts=_lift_weeks(diary, library, rp),
        strength_load=load.strength,
        run_load=load.run,
        run_load_estimated_runs=load.estimated,
        sessions_minutes_from_plan=load.minutes_from_plan,
        load=round(load.strength + load.run, 1),
        daily_load=load.daily,
        monotony=load.monotony,
        strain=load.strain,
        load_change_pct=load.change_pct,
        acwr=load.acwr,
        run_minutes=round(sum(r.minutes for r in diary.runs), 1),
        run_km=round(sum(r.distance_km or 0 for r in diary.runs), 2),
        runs=len(diary.runs),
        wellness=wellness,
        sore_streak=sore_streak,
        sleep_hours=next(w.week_mean for w in wellness if w.item == "sleep_hours"),
        appetite=next(w.week_mean for w in wellness if w.item == "appetite"),
        heavy_legged_runs=_heavy_legged(diary, rp),
        spikes=_spikes(history, diary, rp),
        pains=list(diary.pains),
        targets_from=targets_week.start_date if targets_week is not None and targets_week is not week else None,
        held_from=held_from(plan, history, week_start, done_sessions) if week is not None else None,
        **_week_counts(diary, rp),
    )


def _pct(done: int, planned: int) -> float | None:
    return round(100 * min(done, planned) / planned, 1) if planned else None


def completion_pct(plan: Plan, history: DiaryWindow, week_start: dt.date) -> float | None:
    """Sessions done as a % of those planned in the week starting `week_start`, read from the diary."""
    week = plan_week(plan, week_start)
    if week is None:
        return None
    return _pct(sessions_done(history, week_start, {x.date for x in week.sessions}), len(week.sessions))


def sessions_done(history: DiaryWindow, week_start: dt.date, planned: Collection[dt.date] | None = None) -> int:
    """The week's sessions done, each counted once against the day it was planned for: a
    session done on another day than planned (even in another week) fills its planned slot.
    With the week's `planned` days, a session on none of them fills no slot: an extra session
    never hides a missed one (it still counts in the week's sets and load)."""
    end = week_start + 6 * DAY
    days = {day for s in history.sessions if week_start <= (day := s.planned_date or s.date) <= end}
    return len(days if planned is None else days.intersection(planned))


def history_window_days(registry: Registry) -> int:
    """How far back before a reviewed week the diary must reach."""
    rp = review_params(registry)
    return max(rp.baseline_days, rp.spike_window_days, 7 * rp.chronic_weeks, rp.srpe_baseline_days, 7)


def history_metrics(
    plan: Plan | None,
    history: DiaryWindow,
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
