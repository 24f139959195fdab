"""The days of a plan's weeks: which runs fall on each, and what each day allows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import dated_races
from .context import PlanningContext
from .model import (
    KEY_RUN_TYPES,
    AthleteProfile,
    DatedRun,
    Phase,
    Reason,
    RunType,
    Session,
    Suggestion,
    Weekday,
    build,
)
from .phases import WeekFrame, holds_for_taper, lay_out_weeks
from .plan_notes import suggestions
from .schedule import Ahead, DayInfo
from .screen import Screen
from .vocab import spoken_list

RunsByDate = dict[dt.date, tuple[tuple[RunType, int], ...]]


def screen_for(screens: list[Screen], frame: WeekFrame) -> Screen | None:
    """The screen in force for a week: the latest one taken before the week starts, or the
    first one when the plan starts before any (it is the baseline)."""
    before = [s for s in screens if s.date < frame.start]
    if before:
        return before[-1]
    return screens[0] if screens else None


def dates(frame: WeekFrame) -> list[dt.date]:
    return [frame.start + dt.timedelta(days=k) for k in range(7)]


def runs_by_date(profile: AthleteProfile, frames: list[WeekFrame]) -> RunsByDate:
    """Runs on each date of the plan (and the week after it): dated runs replace the
    weekly template in any week that has them. Built a week at a time, touching only the
    days that have runs (a plan spans over a hundred days; most weeks are the template)."""
    dated: dict[dt.date, list[tuple[RunType, int]]] = {}
    for run in profile.running.dated:
        dated.setdefault(run.date, []).append((run.type, run.minutes))
    dated_weeks = {d - dt.timedelta(days=d.weekday()) for d in dated}
    template: dict[int, list[tuple[RunType, int]]] = {}
    for run in profile.running.weekly:
        template.setdefault(run.day.index, []).append((run.type, run.minutes))
    weekly = [(dt.timedelta(days=k), tuple(template[k])) for k in sorted(template)]
    first, last = frames[0].start, frames[-1].end + dt.timedelta(days=7)
    out: RunsByDate = {}
    week, a_week = first - dt.timedelta(days=first.weekday()), dt.timedelta(days=7)
    while week <= last:
        if week in dated_weeks:
            days = [(d, tuple(dated[d])) for d in (week + dt.timedelta(days=k) for k in range(7)) if d in dated]
        else:
            days = [(week + offset, runs) for offset, runs in weekly]
        out.update((d, runs) for d, runs in days if first <= d <= last)
        week += a_week
    race_day = profile.race.date if profile.race is not None else None
    if race_day is not None and first <= race_day <= last:
        out[race_day] = ((RunType.race, 0),)
    return dict(sorted(out.items()))


@dataclass(frozen=True, slots=True, eq=False)
class Calendar:
    """A profile's weeks laid out and the runs on each of their days (read-only), with each
    week's runs as the plan lists them, filled in as weeks are planned."""

    key: str  # the profile's JSON, which it was made from (the plan's loads and check are kept under it too)
    frames: tuple[WeekFrame, ...]
    runs: RunsByDate
    listed: dict[dt.date, tuple[DatedRun, ...]] = field(default_factory=dict)
    days: dict[dt.date, tuple[DayInfo, ...]] = field(default_factory=dict)  # by week start: `day_infos`
    ideas: dict[tuple, tuple[Suggestion, ...]] = field(default_factory=dict)  # `free_day_ideas`
    facts: dict[dt.date, tuple] = field(default_factory=dict)  # by week start: what the planner reads of the profile
    outgrown: dict[frozenset, frozenset[str]] = field(default_factory=dict)  # by kit: lifts it cannot load enough


def calendar(profile: AthleteProfile, ctx: PlanningContext) -> Calendar:
    """The profile's `Calendar`, remembered on the context under the profile's JSON
    (everything it reads): a runner planned again, as a server or a coach's Monday does,
    skips laying out the weeks and their runs."""
    key = profile.model_dump_json()
    hit = ctx.memo.calendars.get(key)
    if hit is None:
        frames = lay_out_weeks(profile, ctx.params)
        hit = ctx.memo.calendars.put(key, Calendar(key, tuple(frames), runs_by_date(profile, frames)))
    return hit


def listed_runs(ctx: PlanningContext, cal: Calendar, frame: WeekFrame) -> list[DatedRun]:
    """A week's runs as the plan lists them (rest days left out); one object per run for
    every plan made with the context (frozen, so shared)."""
    hit = cal.listed.get(frame.start)
    if hit is None:
        memo, out = ctx.memo.runs, []
        for d in dates(frame):
            for kind, minutes in cal.runs.get(d, ()):
                if kind != RunType.rest:
                    run = memo.get(key := (d, kind, minutes))
                    if run is None:
                        run = memo.put(key, build(DatedRun, date=d, type=kind, minutes=minutes))
                    out.append(run)
        hit = cal.listed[frame.start] = tuple(out)
    return list(hit)


def free_day_ideas(
    cal: Calendar, frame: WeekFrame, days: tuple[DayInfo, ...], sessions: list[Session], p: Any, mobility: bool
) -> list[Suggestion]:
    """`plan_notes.suggestions` for a week of the calendar, remembered on it: they depend on
    the week's days (the calendar's), its sessions' dates and the review's call for mobility."""
    key = (frame.start, tuple(s.date for s in sessions), mobility)
    hit = cal.ideas.get(key)
    if hit is None:
        hit = cal.ideas[key] = tuple(suggestions(days, sessions, p, mobility_all=mobility))
    return list(hit)


def template_runs_left_out(profile: AthleteProfile, frame: WeekFrame, p: Any) -> tuple[Reason, str] | None:
    """A week with dated runs takes all its runs from them (`runs_by_date`): the weekly
    template's key runs on its other days are not counted. Said, with the fix, so that a
    runner who listed only a few dated changes is not planned around runs that vanished.
    The week's note, and the plan's warning (grouped over the weeks that share it)."""
    dated = profile.running.dated
    if not dated:
        return None
    in_week = {r.date for r in dated if frame.start <= r.date <= frame.end}
    if not in_week:
        return None
    left = [
        r
        for r in sorted(profile.running.weekly, key=lambda r: r.day.index)
        if r.type in KEY_RUN_TYPES and frame.start + dt.timedelta(days=r.day.index) not in in_week
    ]
    left = [r for r in left if frame.start + dt.timedelta(days=r.day.index) >= profile.start_date]
    if not left:
        return None
    names = {RunType.long: "long run", RunType.tempo: "tempo run"}
    runs = spoken_list(
        [f"{frame.start + dt.timedelta(days=r.day.index):%A} {names.get(r.type, r.type.value)}" for r in left]
    )
    verb = "is" if len(left) == 1 and left[0].type != RunType.intervals else "are"
    warning = (
        f"your weekly plan's {runs} {verb} not counted: "
        'if you still run them, list them in running.dated (a rest day as type "rest").'
    )
    return p.why("pair-with-easy-day", f"This week's runs come from running.dated only, so {warning}"), warning


def dated_week_notes(profile: AthleteProfile, frame: WeekFrame, p: Any) -> list[tuple[Reason, tuple[str, ...]]]:
    """What the dated running week changes in a week, said on it: template runs it left out
    (with the plan's warning), and the dated races whose taper or recovery reach into it."""
    out: list[tuple[Reason, tuple[str, ...]]] = []
    if left_out := template_runs_left_out(profile, frame, p):
        out.append((left_out[0], (left_out[1],)))
    out += [(said, ()) for said in dated_races.week_note(profile, frame.start, frame.end, p)]
    return out


def day_infos(ctx: PlanningContext, profile: AthleteProfile, frame: WeekFrame, cal: Calendar) -> tuple[DayInfo, ...]:
    """What each day of the week allows. Remembered on the context: runners with the same
    week (runs, available days, race) share it, and the placement search caches on it; and
    on the profile's calendar, whose weeks it depends on alone."""
    hit = cal.days.get(frame.start)
    if hit is None:
        hit = cal.days[frame.start] = _shared_day_infos(ctx, profile, frame, cal.runs)
    return hit


def _shared_day_infos(
    ctx: PlanningContext, profile: AthleteProfile, frame: WeekFrame, runs: RunsByDate
) -> tuple[DayInfo, ...]:
    race = profile.race
    ahead = max(2, ctx.params.soreness_clear_days)  # the runs the week's days look ahead to
    around = tuple(runs.get(frame.start + dt.timedelta(days=k)) for k in range(-1, 7 + ahead))
    tune_ups = dated_races.near(dated_races.races_of(profile), frame.start, frame.end, ctx.params)
    key = (
        frame.start,
        around,
        frozenset(profile.available_days),
        profile.start_date,
        (race.date, race.distance) if race else None,
        tune_ups,
    )
    hit = ctx.memo.days.get(key)
    if hit is None:
        hit = ctx.memo.days.put(key, _day_infos(profile, frame, runs, ctx.params, ctx.memo.one_copy, tune_ups))
    return hit


def returning_after_race(profile: AthleteProfile, day: dt.date, p: Any) -> bool:
    """Whether `day` is in the first days back after the race's recovery, when leg work stays
    well short of failure (maintenance-after-race)."""
    race = profile.race
    if race is None:
        return False
    back = (day - race.date).days - p.recovery_days[race.distance]
    return 0 <= back < p.maintenance_easy_return_days


def _race_window(day: dt.date, profile: AthleteProfile, p: Any) -> tuple[bool, bool, bool, bool]:
    """(strength ok, heavy ok, plyometrics ok, recovering) for a day near the race."""
    race = profile.race
    if race is None:
        return True, True, True, False
    until = (race.date - day).days
    after_in_race_week = until < 0 and day - dt.timedelta(days=day.weekday()) <= race.date
    return (
        not 0 <= until <= p.no_strength_days and not after_in_race_week,
        not 0 <= until <= p.last_heavy_days,
        not 0 <= until <= p.last_plyometric_days,
        -p.recovery_days[race.distance] < until < 0,
    )


def _key_within(runs: RunsByDate, day: dt.date, days_ahead: range) -> bool:
    """Whether a key run falls that many days after `day` (soreness-counts-heavy's clear days)."""
    return any(t in KEY_RUN_TYPES for k in days_ahead for t, _ in runs.get(day + dt.timedelta(days=k), ()))


def _day_infos(
    profile: AthleteProfile, frame: WeekFrame, runs: RunsByDate, p: Any, one_copy: Any, tune_ups: tuple
) -> tuple[DayInfo, ...]:
    available = set(profile.available_days)
    infos = []
    for day in dates(frame):
        strength_ok, heavy_ok, plyo_ok, recovering = _race_window(day, profile, p)
        if tune_ups:  # a race of the dated week: a taper and recovery of its own (tune-up-race, goal-race)
            near_ok, near_heavy, near_plyo, near_recovering = dated_races.window(tune_ups, day, p)
            strength_ok, heavy_ok, plyo_ok = strength_ok and near_ok, heavy_ok and near_heavy, plyo_ok and near_plyo
            recovering = recovering or near_recovering
        infos.append(
            DayInfo(
                date=day,
                available=Weekday.of(day) in available and day >= profile.start_date,
                strength_ok=strength_ok,
                recovering=recovering,
                heavy_ok=heavy_ok,
                plyo_ok=plyo_ok,
                runs=one_copy(tuple(t for t, _ in runs.get(day, ()))),
                next_runs=one_copy(tuple(t for t, _ in runs.get(day + dt.timedelta(days=1), ()))),
                prev_runs=one_copy(tuple(t for t, _ in runs.get(day - dt.timedelta(days=1), ()))),
                key_in_clear_days=_key_within(runs, day, range(2, p.soreness_clear_days + 1)),
                returning=returning_after_race(profile, day, p),
            )
        )
    return tuple(infos)


def following_weeks(
    ctx: PlanningContext,
    profile: AthleteProfile,
    cal: Calendar,
    frames: Sequence[WeekFrame],
    frame: WeekFrame,
    held: Sequence[int] = (),
) -> tuple[Ahead, ...]:
    """The weeks after `frame` that its placement looks ahead to (consistent-rhythm): their days
    and sessions. `frames` count from 1, so the next week is `frames[frame.index]`. A taper week
    ahead holds no more sessions than the loading weeks before it placed (`held`, those already
    planned; a loading week between counts at what it asks), and `frame`'s own count when it is
    one (`Ahead.for_count`): a week does not keep a day free for a taper session the taper will not hold."""
    after = frames[frame.index : frame.index + ctx.params.lookahead_weeks]
    before, out = list(held), []
    for f in after:
        days = day_infos(ctx, profile, f, cal)
        if f.phase == Phase.taper:
            out.append(Ahead(days, f.sessions, max(before, default=None), holds_for_taper(frame.phase, frame.deload)))
        else:
            out.append(Ahead(days, f.sessions))
        before += [f.sessions] if holds_for_taper(f.phase, f.deload) else []
    return tuple(out)
