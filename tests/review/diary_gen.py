"""Realistic training diaries generated from a plan, for review tests, charts and benchmarks.

    from tests.review.diary_gen import generate_diary, store_diary, CLEAN

    diary = generate_diary(plan, until=dt.date(2027, 4, 11), seed=7)              # a typical runner
    diary = generate_diary(plan, until, seed=1, **CLEAN)                           # everything done, no noise
    diary = generate_diary(plan, until, seed=2, sore_week=6, pain_area="knee", pain_week=9)
    with store.write() as s:
        store_diary(s, athlete_id, diary)

The runner does the plan's strength sessions mostly as planned (reps, effort and form with
some noise, loads from an estimated 1RM that grows a little every week), misses a few,
runs the plan's runs with an effort rating, checks in most days on the 1-5 wellness scales
and sleep hours, has an occasional bad week and an occasional minor pain. Every knob of
`Knobs` changes one thing, so scenario tests can ask for exactly the diary they describe.

Weeks in knobs (`WeekRef`) are plan week numbers (1 = the plan's first week, as `Week.index`)
or any date in the week. The same plan, `until`, seed and knobs give the same diary.

`python -m tests.review.diary_gen docs/images` redraws the README's example charts (`demo_weeks`).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, fields
from typing import Any

from runstrong.core.diary import (
    PainReport,
    PlannedSession,
    RunLog,
    SessionLog,
    SetLog,
    Wellness,
    number_sets,
    planned_work,
    sets_as_planned,
)
from runstrong.core.diary import week_start as monday_of
from runstrong.core.library import Library
from runstrong.core.model import PainArea, Plan, RunType, Week
from runstrong.core.review_metrics import DiaryWindow
from runstrong.io.data_files import load_context, load_library

DAY = dt.timedelta(days=1)
WeekRef = int | dt.date

# how hard each kind of run feels (CR-10) and its pace (min/km), for a trained amateur
RUN_RPE = {"easy": 3.5, "long": 5.0, "tempo": 7.0, "intervals": 8.0, "race": 9.0, "cross_train": 3.5}
RUN_PACE = {"easy": 5.6, "long": 5.8, "tempo": 4.6, "intervals": 5.0, "race": 4.4, "cross_train": 6.5}
# 1-5 wellness items as this runner usually answers them (higher is better)
WELLNESS_BASE = {"sleep_quality": 3.8, "mood": 3.9, "appetite": 4.0, "soreness": 3.7, "stress": 3.5, "energy": 3.8}
# a starting estimated 1RM as a share of body mass, by the first piece of kit a lift needs
E1RM_PER_KG_BODY = {"barbell": 1.2, "trap_bar": 1.3, "dumbbell": 0.35, "kettlebell": 0.45, "cable": 0.4, "machine": 0.6}
FORM_NOTES = ("knee caves in", "lost the hinge", "hips shift", "rushed the lowering")


@dataclass(frozen=True)
class Knobs:
    """What the generated runner does. Defaults: a typical, fairly consistent runner."""

    completion: float = 0.9  # share of planned strength sessions done
    set_completion: float = 0.97  # share of the sets of a done session that are done
    run_completion: float = 0.95  # share of planned runs done
    wellness_rate: float = 0.9  # share of days with a check-in
    noise: float = 1.0  # scale of the noise in reps, effort, form and wellness (0 = exactly as usual)
    rpe_offset: float = 0.0  # logged effort above the prescribed one (RPE points; RIR goes down as much)
    load_gain_pct: float = 1.0  # weekly rise of each loaded lift's estimated 1RM
    missed_weeks: tuple[WeekRef, ...] = ()  # no strength session at all these weeks
    sore_week: WeekRef | None = None  # soreness 1-2 for `sore_days` days in a row from this week's Tuesday
    sore_days: int = 3
    pain_area: str | None = None  # a pain report in this area (see PainArea) ...
    pain_week: WeekRef | None = None  # ... on `pain_days` days of this week from its Tuesday ...
    pain_score: int = 5  # ... at this score (0-10)
    pain_days: int = 3
    form_exercise: str | None = None  # this exercise's form breaks down (quality `form_quality`) ...
    form_from_week: WeekRef | None = None  # ... from this week on (default: the first week)
    form_quality: int = 2
    sleep_hours: float = 7.6  # usual sleep, hours
    sleep_sd: float = 0.5
    short_sleep_weeks: tuple[WeekRef, ...] = ()  # weeks sleeping `short_sleep_hours`
    short_sleep_hours: float = 5.8
    bad_weeks: tuple[WeekRef, ...] = ()  # weeks when every wellness answer drops by `bad_week_drop`
    bad_week_drop: float = 1.4
    bad_week_rate: float = 0.06  # chance that any other week is a bad one too
    pain_rate: float = 0.04  # chance per week of one minor pain report (score 1-2)
    spike_week: WeekRef | None = None  # this week's longest run is `spike_pct` % longer than planned
    spike_pct: float = 40.0
    start: dt.date | None = None  # first day of the diary (default: the plan's first day)
    repeat_plan: bool = False  # before and after the plan, its weeks repeat (for diaries of years)
    plan_version: int | None = None  # the plan version sessions are logged against


CLEAN: dict[str, Any] = {
    "completion": 1.0,
    "set_completion": 1.0,
    "run_completion": 1.0,
    "wellness_rate": 1.0,
    "noise": 0.0,
    "bad_week_rate": 0.0,
    "pain_rate": 0.0,
}
"""Knobs for a runner who does everything as planned, with no noise, no bad week, no pain."""


def generate_diary(
    plan: Plan, until: dt.date, seed: int = 0, library: Library | None = None, **knobs: Any
) -> DiaryWindow:
    """A diary of the runner following `plan` from its start (or `start=`) to `until`,
    inclusive. Unknown knobs raise TypeError, so a typo never silently does nothing."""
    k = Knobs(**knobs)
    if k.pain_area is not None:
        PainArea(k.pain_area)
    return _Generator(plan, k, random.Random(seed), library or load_library()).run(until)


def knob_names() -> list[str]:
    return [f.name for f in fields(Knobs)]


class _Generator:
    def __init__(self, plan: Plan, k: Knobs, rng: random.Random, library: Library) -> None:
        self.plan, self.k, self.rng, self.library = plan, k, rng, library
        self.first_monday = monday_of(plan.start_date)
        sessions, _ = planned_work(plan)
        self.planned: dict[dt.date, list[PlannedSession]] = {}
        for ps in sessions:
            self.planned.setdefault(monday_of(ps.date), []).append(ps)
        self.e1rm: dict[str, float] = {}
        self.body_mass = plan.profile.body_mass_kg
        self.known = dict(plan.profile.known_loads_kg)

    # -- weeks

    def week_no(self, ref: WeekRef) -> int:
        if isinstance(ref, dt.date):
            return (monday_of(ref) - self.first_monday).days // 7 + 1
        return ref

    def in_weeks(self, no: int, refs: tuple[WeekRef, ...]) -> bool:
        return any(self.week_no(r) == no for r in refs)

    def is_week(self, no: int, ref: WeekRef | None) -> bool:
        return ref is not None and self.week_no(ref) == no

    def plan_week(self, monday: dt.date) -> tuple[Week | None, dt.timedelta]:
        """The plan week lived in the week of `monday`, and the shift from its dates."""
        n = len(self.plan.weeks)
        offset = (monday - self.first_monday).days // 7
        if 0 <= offset < n:
            week = self.plan.weeks[offset]
        elif self.k.repeat_plan and n:
            week = self.plan.weeks[offset % n]
        else:
            return None, dt.timedelta(0)
        return week, monday - monday_of(week.start_date)

    # -- the diary

    def run(self, until: dt.date) -> DiaryWindow:
        start = self.k.start or self.plan.start_date
        sessions: list[SessionLog] = []
        runs: list[RunLog] = []
        wellness: list[Wellness] = []
        pains: list[PainReport] = []
        monday = monday_of(start)
        while monday <= until:
            no = (monday - self.first_monday).days // 7 + 1
            week, shift = self.plan_week(monday)
            bad = self.in_weeks(no, self.k.bad_weeks) or self.rng.random() < self.k.bad_week_rate
            hard_days: set[dt.date] = set()
            if week is not None:
                done = self.sessions(week, shift, no, bad)
                sessions.extend(done)
                hard_days |= {s.date for s in done}
                week_runs = self.runs(week, shift, no, bad)
                runs.extend(week_runs)
                hard_days |= {r.date for r in week_runs if r.type in (RunType.long, RunType.intervals, RunType.tempo)}
            wellness.extend(self.wellness(monday, no, bad, hard_days))
            pains.extend(self.pains(monday, no))
            monday += 7 * DAY

        def keep(d: dt.date) -> bool:
            return start <= d <= until

        return DiaryWindow(
            sessions=tuple(sorted((s for s in sessions if keep(s.date)), key=lambda s: s.date)),
            runs=tuple(sorted((r for r in runs if keep(r.date)), key=lambda r: r.date)),
            wellness=tuple(w for w in wellness if keep(w.date)),
            pains=tuple(sorted((p for p in pains if keep(p.date)), key=lambda p: p.date)),
        )

    def gauss(self, sd: float) -> float:
        return self.rng.gauss(0.0, sd * self.k.noise) if self.k.noise else 0.0

    def sessions(self, week: Week, shift: dt.timedelta, no: int, bad: bool) -> list[SessionLog]:
        if self.in_weeks(no, self.k.missed_weeks):
            return []
        out = []
        monday = monday_of(week.start_date) + shift
        for ps in self.planned.get(monday_of(week.start_date), []):
            if self.rng.random() >= self.k.completion:
                continue
            planned_date = ps.date + shift
            day = planned_date
            if self.k.noise and self.rng.random() < 0.1 and day + DAY <= monday + 6 * DAY:
                day += DAY  # done a day late
            sets = self.sets(ps, no, week.deload)
            if not sets:
                continue
            rpe = (7.0 if ps.heavy else 6.0) + self.k.rpe_offset + (0.5 if bad else 0.0) + self.gauss(0.7)
            out.append(
                SessionLog.model_construct(
                    date=day,
                    plan_version=self.k.plan_version,
                    planned_date=planned_date,
                    planned_label=ps.label,
                    minutes=max(10, round(ps.estimated_minutes + self.gauss(4.0))),
                    session_rpe=_half(rpe, 1.0, 10.0),
                    note=None,
                    sets=sets,
                    pains=[],
                )
            )
        return out

    def sets(self, ps: PlannedSession, no: int, deload: bool) -> list[SetLog]:
        out = []
        blocks = {b.exercise_id: b for b in ps.blocks}
        for planned in sets_as_planned(ps):
            if self.k.set_completion < 1 and self.rng.random() >= self.k.set_completion:
                continue
            p = blocks[planned.exercise_id].prescription
            ex_id = planned.exercise_id
            update: dict[str, Any] = {}
            measure = planned.measure
            amount = planned.amount
            if self.k.noise and self.rng.random() < 0.2:
                step = {"reps": 1, "seconds": 5, "contacts": 2, "distance_m": 5}[measure]
                amount = max(1, amount + step * self.rng.choice((-1, 1)))
            update[measure] = int(amount) if measure != "distance_m" else float(amount)
            kind, value = p.intensity.kind, p.intensity.value
            target_rir: float | None = None
            if kind == "rir" and value is not None:
                target_rir = value
                update["rir"] = int(min(10, max(0, round(value - self.k.rpe_offset + self.gauss(0.7)))))
            elif kind == "rpe" and value is not None:
                target_rir = 10 - value
                update["rpe"] = _half(value + self.k.rpe_offset + self.gauss(0.5), 1.0, 10.0)
            exercise = self.library.get(ex_id) if ex_id in self.library else None
            if kind == "load_kg" and value is not None:
                update["load_kg"] = value
            elif exercise is not None and exercise.loadable and kind in ("rir", "rpe", "percent_1rm"):
                update["load_kg"] = self.load(ex_id, exercise.equipment, p, target_rir, no, deload)
            breaking = ex_id == self.k.form_exercise and no >= self.week_no(self.k.form_from_week or 1)
            if breaking:
                update["form_quality"] = self.k.form_quality
                update["form_note"] = self.rng.choice(FORM_NOTES)
            else:
                update["form_quality"] = int(min(5, max(1, round(4.4 + self.gauss(0.55)))))
            out.append(planned.model_copy(update=update))
        return number_sets({}, out)  # numbered as the store numbers them, after any dropped set

    def load(self, ex_id: str, equipment: list, p: Any, target_rir: float | None, no: int, deload: bool) -> float:
        """A working load from the lift's estimated 1RM, which grows a little each week it is done."""
        kit = equipment[0].value if equipment else "dumbbell"
        if ex_id not in self.e1rm:
            known = self.known.get(ex_id)
            self.e1rm[ex_id] = known * (1 + 10 / 30) if known else E1RM_PER_KG_BODY.get(kit, 0.4) * self.body_mass
        else:
            self.e1rm[ex_id] *= 1 + self.k.load_gain_pct / 100
        e1rm = self.e1rm[ex_id]
        if p.intensity.kind == "percent_1rm" and p.intensity.value:
            load = e1rm * p.intensity.value / 100
        else:
            reps = p.reps or 8
            load = e1rm / (1 + (reps + (target_rir if target_rir is not None else 2)) / 30)
        if deload:
            load *= 0.85
        step = 2.5 if kit in ("barbell", "trap_bar") else 1.0
        return max(step, round(load / step) * step)

    def runs(self, week: Week, shift: dt.timedelta, no: int, bad: bool) -> list[RunLog]:
        planned = [r for r in week.runs if r.minutes and r.type != RunType.rest]
        longest = max(planned, key=lambda r: r.minutes, default=None)
        spike = self.is_week(no, self.k.spike_week)
        sore = self.is_week(no, self.k.sore_week)
        out = []
        for r in planned:
            if self.rng.random() >= self.k.run_completion:
                continue
            minutes = r.minutes * (1 + self.gauss(0.08))
            if spike and r is longest:
                minutes = r.minutes * (1 + self.k.spike_pct / 100)
            kind = r.type.value
            rpe = RUN_RPE.get(kind, 4.0) + (0.5 if bad else 0.0) + self.gauss(0.6)
            leg_feel = 3.8 - (1.2 if bad else 0.0) - (1.5 if sore else 0.0) + self.gauss(0.6)
            tightness = (5.5 if sore else 1.0) + abs(self.gauss(1.0))
            out.append(
                RunLog.model_construct(
                    date=r.date + shift,
                    type=r.type,
                    minutes=float(max(5, round(minutes))),
                    distance_km=round(minutes / RUN_PACE.get(kind, 5.8), 2),
                    rpe=_half(rpe, 1.0, 10.0),
                    leg_feel=int(min(5, max(1, round(leg_feel)))),
                    tightness=int(min(10, max(0, round(tightness)))),
                    form_note="heavy legs, short stride" if sore and r is longest else None,
                    note=None,
                    started_at=None,
                    avg_hr=None,
                    max_hr=None,
                    source=None,
                )
            )
        return out

    def wellness(self, monday: dt.date, no: int, bad: bool, hard_days: set[dt.date]) -> list[Wellness]:
        short = self.in_weeks(no, self.k.short_sleep_weeks)
        sore_from = monday + DAY if self.is_week(no, self.k.sore_week) else None
        out = []
        for i in range(7):
            day = monday + i * DAY
            if self.k.wellness_rate < 1 and self.rng.random() >= self.k.wellness_rate:
                continue
            drop = self.k.bad_week_drop if bad else 0.0
            answers: dict[str, Any] = {}
            for item, base in WELLNESS_BASE.items():
                value = base - drop + self.gauss(0.6)
                if item == "soreness" and day - DAY in hard_days:
                    value -= 0.5
                answers[item] = int(min(5, max(1, round(value))))
            if sore_from is not None and sore_from <= day < sore_from + self.k.sore_days * DAY:
                answers["soreness"] = 1 if self.rng.random() < 0.5 else 2
            hours = self.k.short_sleep_hours if short else self.k.sleep_hours - (0.7 if bad else 0.0)
            hours += self.rng.gauss(0.0, self.k.sleep_sd) if self.k.noise else 0.0
            answers["sleep_hours"] = min(16.0, max(0.0, round(hours * 4) / 4))
            out.append(Wellness.model_construct(date=day, note=None, **answers))
        return out

    def pains(self, monday: dt.date, no: int) -> list[PainReport]:
        out = []
        if self.k.pain_area is not None and self.is_week(no, self.k.pain_week):
            for i in range(self.k.pain_days):
                score = self.k.pain_score + (self.rng.choice((-1, 0, 0, 1)) if self.k.noise else 0)
                out.append(
                    PainReport.model_construct(
                        date=monday + (1 + i) * DAY,
                        area=PainArea(self.k.pain_area),
                        score=int(min(10, max(0, score))),
                        note=None,
                    )
                )
        if self.k.pain_rate and self.rng.random() < self.k.pain_rate:
            out.append(
                PainReport.model_construct(
                    date=monday + self.rng.randrange(7) * DAY,
                    area=self.rng.choice(list(PainArea)),
                    score=self.rng.choice((1, 2)),
                    note=None,
                )
            )
        return out


def _half(value: float, lo: float, hi: float) -> float:
    """Round to the half point the RPE scales use, within lo..hi."""
    return min(hi, max(lo, round(value * 2) / 2))


def store_diary(session: Any, athlete_id: int, diary: DiaryWindow, *, bulk: bool = False) -> None:
    """Insert a generated diary in the caller's transaction
    (`with store.write() as s: store_diary(s, athlete_id, diary)`).

    By default through the store's own functions (`repo.log_session`, `save_wellness`,
    `add_run`, `add_pain`), as the CLI writes them. `bulk=True` writes the same rows with
    multi-row INSERTs (about 10x faster, for benchmarks of many athletes); it expects an
    athlete with no diary yet (a second check-in on a day is not merged)."""
    if bulk:
        _store_bulk(session, athlete_id, diary)
        return
    from runstrong.store import repo

    for log in diary.sessions:
        repo.log_session(session, athlete_id, log)
    for w in diary.wellness:
        repo.save_wellness(session, athlete_id, w)
    for r in diary.runs:
        repo.add_run(session, athlete_id, r)
    for p in diary.pains:
        repo.add_pain(session, athlete_id, p)


def _store_bulk(session: Any, athlete_id: int, diary: DiaryWindow) -> None:
    from sqlalchemy import insert

    from runstrong.store.tables import PainRow, RunRow, SessionLogRow, SetLogRow, WellnessRow

    rows = [SessionLogRow(athlete_id=athlete_id, **log.model_dump(exclude={"sets", "pains"})) for log in diary.sessions]
    session.add_all(rows)
    session.flush()
    sets = [
        {"session_log_id": row.id, **st.model_dump()}
        for row, log in zip(rows, diary.sessions, strict=True)
        for st in log.sets
    ]
    if sets:
        session.execute(insert(SetLogRow), sets)
    if diary.wellness:
        session.execute(insert(WellnessRow), [{"athlete_id": athlete_id, **w.model_dump()} for w in diary.wellness])
    if diary.runs:
        session.execute(
            insert(RunRow),
            [{"athlete_id": athlete_id, **r.model_dump(), "type": r.type.value} for r in diary.runs],
        )
    if diary.pains:
        session.execute(
            insert(PainRow),
            [{"athlete_id": athlete_id, **p.model_dump(), "area": p.area.value} for p in diary.pains],
        )


def demo_weeks(weeks: int = 15) -> list[Any]:
    """The weeks behind the README's example charts: the marathoner example's first 15 weeks,
    with a sore week (8), a missed week (6), short sleep (10), the step-up's form breaking down
    from week 13 and a bad last week."""
    from runstrong.core.planner import build_plan
    from runstrong.core.review_metrics import history_metrics
    from runstrong.io.data_files import load_registry
    from runstrong.io.profile_file import load_profile
    from tests.conftest import EXAMPLES

    plan = build_plan(load_profile(EXAMPLES / "marathoner.toml"), load_context())
    last = plan.weeks[weeks - 1].start_date
    diary = generate_diary(
        plan,
        until=last + 6 * DAY,
        seed=3,
        sore_week=8,
        missed_weeks=(6,),
        short_sleep_weeks=(10,),
        bad_weeks=(weeks,),
        form_exercise="barbell_step_up",
        form_from_week=13,
    )
    return history_metrics(plan, diary, last, weeks, load_library(), load_registry())


if __name__ == "__main__":  # python -m tests.review.diary_gen docs/images: the README's charts
    import sys
    from pathlib import Path

    from runstrong.io.charts import ChartGuides, write_charts
    from runstrong.io.data_files import load_registry

    for path in write_charts(demo_weeks(), Path(sys.argv[1]), guides=ChartGuides.from_registry(load_registry())):
        print(path)
