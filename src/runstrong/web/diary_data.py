"""The diary as the pages read it: one day, one week, the whole plan (values, no queries
of their own), and the next session at the loads the log points to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from runstrong.core.diary import PlannedRun, PlannedSession, RunLog, SetLog, Wellness
from runstrong.core.model import Plan
from runstrong.flows.loads import follow_diary
from runstrong.store import diary_days, repo


@dataclass(frozen=True)
class DayData:
    """One day: what was planned, what was logged, and the check-in."""

    athlete: repo.AthleteInfo
    day: dt.date
    plan_version: int | None
    sessions: list[PlannedSession]
    runs: list[PlannedRun]
    logged: list[diary_days.StoredSessionLog]
    runs_logged: list[RunLog]
    wellness: Wellness | None
    last: dict[str, list[SetLog]]
    next_session: PlannedSession | None = None

    @property
    def logged_sets(self) -> int:
        return sum(len(x.sets) for x in self.logged)


@dataclass(frozen=True)
class WeekData:
    start: dt.date
    plan_version: int | None
    sessions: list[PlannedSession]
    runs: list[PlannedRun]
    logged: dict[dt.date, diary_days.DayLog]


@dataclass(frozen=True)
class PlanData:
    athlete: repo.AthleteInfo
    version: int
    plan: Plan
    logged: dict[dt.date, diary_days.DayLog]


def next_followed(s: Any, athlete_id: int, day: dt.date) -> PlannedSession | None:
    """The next planned session, at the loads the diary points to."""
    upcoming = repo.next_planned_session(s, athlete_id, day)
    return None if upcoming is None else follow_diary(s, athlete_id, [upcoming], upcoming.date)[0]
