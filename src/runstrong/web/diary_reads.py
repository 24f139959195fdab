"""The diary as the web pages and the JSON API read it: one athlete's day, week, plan and
profile, the stamp a cached page is checked against, and library searches. No HTML and no
HTTP here; reads never write. The writes are `service.Diary`'s, which extends this class.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from runstrong.core.context import PlanningContext
from runstrong.core.diary import RunLog, week_start
from runstrong.core.library import Library
from runstrong.core.model import AthleteProfile, Exercise, Plan
from runstrong.core.params import Params
from runstrong.errors import UserError
from runstrong.flows.loads import follow_diary
from runstrong.io.data_files import load_context
from runstrong.store import diary_days, repo
from runstrong.store.db import Store

from .diary_data import DayData, PlanData, WeekData, next_followed
from .problems import InputError, NotFound, Unavailable


@dataclass
class DiaryReads:
    """The diary as the web app reads it: one store, one athlete (by name, or the only
    one), and a clock that tests can fix. `service.Diary` adds the writes."""

    store: Store
    athlete_name: str | None = None
    fixed_today: dt.date | None = None
    clock: Callable[[], dt.datetime] = field(default=lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))
    _plans: dict[tuple[int, int], Plan] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _version_conn: sqlite3.Connection | None = field(default=None, repr=False)
    _stamp: tuple[int, tuple] | None = field(default=None, repr=False)  # (SQLite data_version, stamp)

    def __post_init__(self) -> None:
        from runstrong.store.db import sqlite_path

        path = sqlite_path(self.store.engine)
        if path is not None:  # a connection of its own: PRAGMA data_version sees every other one's commits
            self._version_conn = sqlite3.connect(path, timeout=1.0, isolation_level=None, check_same_thread=False)

    def close(self) -> None:
        if self._version_conn is not None:
            self._version_conn.close()
        self.store.close()

    # ------------------------------------------------------------------ basics

    def today(self) -> dt.date:
        return self.fixed_today or dt.date.today()

    @property
    def context(self) -> PlanningContext:
        return load_context()  # built once per process (per data directory), planning memo included

    @property
    def library(self) -> Library:
        return self.context.library

    @property
    def params(self) -> Params:
        return self.context.params

    def who(self, s: Any) -> repo.AthleteInfo:
        try:
            return repo.find_athlete(s, self.athlete_name)
        except UserError as err:
            raise Unavailable(str(err)) from None

    def exercise(self, exercise_id: str) -> Exercise:
        if exercise_id not in self.library:
            raise NotFound(f"exercise_id: no exercise {exercise_id!r} in the library; see /api/v1/exercises")
        return self.library.get(exercise_id)

    def names(self) -> dict[str, str]:
        return {e.id: e.name for e in self.library.exercises}

    def _plan(self, s: Any, athlete_id: int) -> tuple[int, Plan]:
        """The current plan, parsed once per version (plans are immutable once stored)."""
        version = diary_days.plan_version(s, athlete_id)
        if version is None:
            raise Unavailable("plan: no plan is stored yet; store one with `runstrong athlete add PROFILE`")
        key = (athlete_id, version)
        plan = self._plans.get(key)
        if plan is None:
            stored = repo.latest_plan_text(s, athlete_id)
            assert stored is not None
            version, text = stored
            plan = Plan.model_validate_json(text)
            with self._lock:
                if len(self._plans) > 8:
                    self._plans.clear()
                self._plans[(athlete_id, version)] = plan
        return version, plan

    def _profile(self, s: Any, athlete_id: int) -> AthleteProfile:
        profile = repo.latest_profile(s, athlete_id)
        if profile is None:
            raise Unavailable("profile: no profile is stored yet; store one with `runstrong athlete add PROFILE`")
        return profile

    # ------------------------------------------------------------------ reads

    def athlete(self) -> repo.AthleteInfo:
        with self.store.read() as s:
            return self.who(s)

    def day(self, day: dt.date) -> DayData:
        with self.store.read() as s:
            who = self.who(s)
            plan = repo.planned_day(s, who.id, day)
            ids = [b.exercise_id for p in plan.sessions for b in p.blocks]
            last = repo.last_sets(s, who.id, ids, day) if ids else {}
            return DayData(
                athlete=who,
                day=day,
                plan_version=plan.plan_version,
                sessions=follow_diary(s, who.id, plan.sessions, day),  # loads as the log points
                runs=plan.runs,
                logged=diary_days.sessions_logged_on(s, who.id, day),
                runs_logged=diary_days.runs_between(s, who.id, day, day),
                wellness=diary_days.wellness_on(s, who.id, day),
                last=last,
                next_session=None if plan.sessions else repo.next_planned_session(s, who.id, day),
            )

    def week(self, day: dt.date) -> WeekData:
        start = week_start(day)
        end = start + dt.timedelta(days=6)
        with self.store.read() as s:
            who = self.who(s)
            version, sessions, runs = repo.planned_between(s, who.id, start, end)
            return WeekData(start, version, sessions, runs, diary_days.logged_between(s, who.id, start, end))

    def dashboard(self, day: dt.date) -> tuple[DayData, WeekData, Any]:
        """The day, its week and the last accepted weekly review (or None) in one read,
        without what only the session page needs (the last sets of each exercise): the
        dashboard is the most visited page."""
        from runstrong.store.reviews import latest_review

        start = week_start(day)
        end = start + dt.timedelta(days=6)
        with self.store.read() as s:
            who = self.who(s)
            version, sessions, runs = repo.planned_between(s, who.id, start, end)
            today_sessions = follow_diary(s, who.id, [x for x in sessions if x.date == day], day)
            logged = diary_days.logged_between(s, who.id, start, end)
            mark = logged.get(day)
            data = DayData(
                athlete=who,
                day=day,
                plan_version=version,
                sessions=today_sessions,
                runs=[r for r in runs if r.date == day],
                logged=diary_days.sessions_logged_on(s, who.id, day) if mark and mark.sessions else [],
                runs_logged=diary_days.runs_between(s, who.id, day, day) if mark and mark.runs else [],
                wellness=diary_days.wellness_on(s, who.id, day) if mark and mark.checked_in else None,
                last={},
                next_session=None if today_sessions else next_followed(s, who.id, day),
            )
            review = latest_review(s, who.id)
        return data, WeekData(start, version, sessions, runs, logged), review

    def data_version(self) -> int | None:
        """A number that changes whenever anyone (this app, the CLI, another process)
        commits to the diary; None when the database cannot say (not SQLite)."""
        if self._version_conn is None:
            return None
        with self._lock:
            return self._version_conn.execute("PRAGMA data_version").fetchone()[0]

    def stamp(self) -> tuple | None:
        """The diary's state as the pages see it (`diary_days.diary_stamp`): equal stamps,
        same page, whichever process or connection wrote last, on SQLite and PostgreSQL."""
        version = self.data_version()
        with self.store.read() as s:
            stamp = diary_days.diary_stamp(s, self.athlete_name)
        if version is not None and stamp is not None:
            self._stamp = (version, stamp)
        return stamp

    def stamp_if_unchanged(self) -> tuple | None:
        """The last stamp, without a query, when SQLite says nobody has committed since; else None."""
        last = self._stamp
        if last is None or self._version_conn is None:
            return None
        return last[1] if self.data_version() == last[0] else None

    def plan(self) -> PlanData:
        with self.store.read() as s:
            who = self.who(s)
            version, plan = self._plan(s, who.id)
            logged = diary_days.logged_between(s, who.id, plan.start_date, plan.end_date)
            return PlanData(who, version, plan, logged)

    def profile(self) -> tuple[repo.AthleteInfo, AthleteProfile]:
        with self.store.read() as s:
            who = self.who(s)
            return who, self._profile(s, who.id)

    def runs(self, since: dt.date | None = None, until: dt.date | None = None) -> list[RunLog]:
        """Runs logged from `since` (default: four weeks before `until`) to `until` (default: today)."""
        end = until or self.today()
        start = since or end - dt.timedelta(days=27)
        if start > end:
            raise InputError.one("since", f"{start} is after until ({end}); give since <= until")
        with self.store.read() as s:
            return diary_days.runs_between(s, self.who(s).id, start, end)

    def find_exercises(
        self, q: str = "", category: str | None = None, pattern: str | None = None, fits: bool = False
    ) -> list[Exercise]:
        """Library search: every word of `q` in the name, id, pattern or category."""
        words = q.lower().split()
        kit = self.profile()[1].equipment_items if fits else None
        out = []
        for e in self.library.exercises:
            text = f"{e.name} {e.id} {e.pattern.value} {e.category.value}".lower().replace("_", " ")
            if words and not all(w in text for w in words):
                continue
            if category and e.category.value != category:
                continue
            if pattern and e.pattern.value != pattern:
                continue
            if kit is not None and not e.fits(kit):
                continue
            out.append(e)
        return out

    def alternatives(self, exercise_id: str) -> tuple[Exercise, list[tuple[int, dt.date]], list[Any]]:
        """The exercise, the sessions from today that hold it, and what could replace it."""
        from runstrong.core.swap import alternatives, companions, sessions_with

        exercise = self.exercise(exercise_id)
        today = self.today()
        with self.store.read() as s:
            who = self.who(s)
            profile = self._profile(s, who.id)
            _, plan = self._plan(s, who.id)
        found = sessions_with(plan, exercise_id, today)
        options = alternatives(self.library, profile, exercise_id, self.params, companions(plan, exercise_id, today))
        return exercise, found, options
