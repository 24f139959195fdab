"""Goal races as a runner gives them at the door (`init --goal-race`, the welcome and profile
pages), written into the dated running week the planner reads (goal-race).

A week with any dated run takes all its runs from `running.dated` (`week_days.runs_by_date`),
so a goal race alone would wipe its week's usual runs: its week is the usual week copied around
it, the race taking its day. A week the runner already dated (a running plan, a calendar import)
keeps its other days. Taking a goal race out undoes exactly that: the race goes, and a week left
holding only the usual week's copy goes back to the usual week.
"""

from __future__ import annotations

import datetime as dt

from .model import DatedRun, RunningWeek, RunType


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def usual_copy(running: RunningWeek, monday: dt.date, but: dt.date | None = None) -> list[DatedRun]:
    """The usual week's runs on the dates of the week from `monday`, but the day `but`."""
    out = []
    for run in sorted(running.weekly, key=lambda r: r.day.index):
        day = monday + dt.timedelta(days=run.day.index)
        if day != but:
            out.append(DatedRun(date=day, type=run.type, minutes=run.minutes))
    return out


def goal_races_in(running: RunningWeek) -> list[DatedRun]:
    """The dated runs marked goal races, by date."""
    return sorted((r for r in running.dated if r.goal), key=lambda r: r.date)


def with_goal_races(running: RunningWeek, races: list[DatedRun]) -> RunningWeek:
    """`running` with `races` as its goal races (goal-race), in place of the ones it had: each
    takes its date (any run dated that day goes); its week keeps the dated runs it had, else
    holds the usual week's. A goal race no longer given is taken out: its week goes back to the
    usual week where it held only the usual week's copy, else its day is a day off (a dated
    week takes all its runs from `running.dated`, so the day never gains the usual week's run)."""
    dated = [r for r in running.dated if not r.goal]
    old = goal_races_in(running)
    for monday in sorted({_monday(r.date) for r in old}):
        days = {r.date for r in old if _monday(r.date) == monday}
        week = [r for r in dated if _monday(r.date) == monday]
        if _same_runs(week, [r for r in usual_copy(running, monday) if r.date not in days]):
            dated = [r for r in dated if _monday(r.date) != monday]  # the usual week's copy: the usual week again
        else:  # the runner's own dated week: the race's day stays a day off, not the usual week's runs
            dated += [DatedRun(date=d, type=RunType.rest, minutes=0) for d in days if all(r.date != d for r in week)]
    for race in races:
        monday = _monday(race.date)
        if not any(_monday(r.date) == monday for r in dated):
            dated += usual_copy(running, monday, but=race.date)
        dated = [r for r in dated if r.date != race.date] + [race]
    order = list(RunType)
    return RunningWeek(
        weekly=running.weekly, dated=sorted(dated, key=lambda r: (r.date, order.index(r.type), r.minutes))
    )


def _same_runs(a: list[DatedRun], b: list[DatedRun]) -> bool:
    def key(r: DatedRun) -> tuple:
        return (r.date, r.type.value, r.minutes)

    return sorted(map(key, a)) == sorted(map(key, b))
