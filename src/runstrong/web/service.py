"""What the web pages and the JSON API both do, in one place: read the diary, validate
input with the core's models, write through the store. No HTML and no HTTP here.

Every write is one transaction; input is validated before the write lock is taken. Bad
input raises `InputError` with each problem located by field (the pages show it by the
field, the API returns it as a 422); a missing thing raises `NotFound`, a diary with no
athlete or plan `Unavailable`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from runstrong.core.context import PlanningContext
from runstrong.core.diary import (
    PainReport,
    RunLog,
    SessionLog,
    SetLog,
    Wellness,
    validate_entry,
    week_start,
)
from runstrong.core.library import Library
from runstrong.core.model import AthleteProfile, Exercise, Plan
from runstrong.core.params import Params
from runstrong.errors import UserError
from runstrong.flows.base import Clock, Conflict, NothingToUndo, Refused
from runstrong.flows.loads import follow_diary
from runstrong.io.data_files import load_context
from runstrong.store import changes, diary_days, repo
from runstrong.store.db import Store

from .diary_data import DayData, PlanData, WeekData, next_followed
from .problems import (  # noqa: F401 (the pages, forms and API import these from here)
    Changed,
    InputError,
    Loc,
    NotFound,
    Problem,
    Unavailable,
    _problem,
    problem_from_user_error,
    problems_from,
    validated,
)
from .review_input import ReviewRequest, _review_inputs, _review_problem


@dataclass
class Diary:
    """The diary as the web app sees it: one store, one athlete (by name, or the only
    one), and a clock that tests can fix."""

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
            version, sessions, runs = diary_days.planned_between(s, who.id, start, end)
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
            version, sessions, runs = diary_days.planned_between(s, who.id, start, end)
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

    # ------------------------------------------------------------------ writes (each one flow)

    def clock_now(self) -> Clock:
        return Clock(self.clock(), self.today())

    def version(self) -> int:
        """The diary version now: a form carries it back so a stale one gets the conflict answer."""
        with self.store.read() as s:
            return changes.current_version(s, self.who(s).id)

    def log_session(
        self,
        day: dt.date,
        sets: Iterable[dict[str, Any]] = (),
        *,
        label: str | None = None,
        as_planned: bool = False,
        minutes: Any = None,
        session_rpe: Any = None,
        note: str | None = None,
        pains: Iterable[dict[str, Any]] = (),
        new_session: bool = False,
        key: str | None = None,
        version: int | None = None,
        planned_on: dt.date | None = None,
    ) -> Any:
        """Log a session done on `day` (for the one planned on `planned_on`, if another day)
        through the log flow, idempotent by `key`: the planned sets (`as_planned`) and/or `sets` as done."""
        from runstrong.flows.log_session import LogInput, log_session

        today = self.today()
        problems: list[Problem] = []
        done: list[SetLog] = []
        for i, raw in enumerate(sets):
            try:
                done.append(SetLog.model_validate({**raw, "set_number": 1}))
            except ValidationError as err:
                problems.extend(problems_from(err, SetLog, ("sets", i)))
        pain_reports = []
        for i, raw in enumerate(pains):
            try:
                pain_reports.append(validate_entry(PainReport, {"date": day, **raw}, today))
            except ValidationError as err:
                problems.extend(problems_from(err, PainReport, ("pains", i)))
        if problems:
            raise InputError(problems)
        scalars = {"minutes": minutes, "session_rpe": session_rpe, "note": note}
        try:
            session = SessionLog.model_validate({"date": day, **scalars})
        except ValidationError as err:
            raise InputError(problems_from(err, SessionLog)) from None
        given = LogInput(day=day, sets=tuple(done), as_planned=as_planned, label=label, minutes=session.minutes,
                         session_rpe=session.session_rpe, note=session.note, pains=tuple(pain_reports),
                         new_session=new_session, key=key, planned_on=planned_on)  # fmt: skip
        return self._flow(log_session, given, expected_version=version)

    def _flow(self, flow: Callable[..., Any], *args: Any, expected_version: int | None = None) -> Any:
        """Run a flow for this diary's athlete; its refusals become problems by field."""
        try:
            return flow(self.store, self.athlete_name, *args, self.clock_now(), expected_version=expected_version)
        except Conflict as err:
            raise Changed(str(err)) from None
        except Refused as err:
            raise InputError.one(err.field, err.message) from None
        except ValidationError as err:
            raise InputError(problems_from(err)) from None
        except NothingToUndo as err:
            raise Unavailable(str(err)) from None

    def save_wellness(
        self, data: dict[str, Any], pains: Iterable[dict[str, Any]] = (), version: int | None = None
    ) -> tuple[Wellness | None, list[str]]:
        """The day's check-in (a second one that day updates its answers); a pain alone too."""
        from runstrong.flows.checkin import record_checkin

        today = self.today()
        pains = list(pains)
        entry = validated(Wellness, {"date": today, **data}, today) if data or not pains else None  # a pain alone
        problems: list[Problem] = []
        reports = []
        for i, raw in enumerate(pains):
            try:
                reports.append(validate_entry(PainReport, {"date": today, **raw}, today))
            except ValidationError as err:
                problems.extend(problems_from(err, PainReport, ("pains", i)))
        if problems:
            raise InputError(problems)
        done = self._flow(record_checkin, entry, reports, expected_version=version)
        return entry, done.replaced

    def report_pains(
        self, day: dt.date, pains: Iterable[dict[str, Any]], version: int | None = None
    ) -> tuple[list[PainReport], int]:
        """Pain felt outside a logged session (a run, the next morning), with no check-in."""
        from runstrong.flows.checkin import record_checkin

        today = self.today()
        problems: list[Problem] = []
        reports: list[PainReport] = []
        for i, raw in enumerate(pains):
            try:
                reports.append(validate_entry(PainReport, {"date": day, **raw}, today))
            except ValidationError as err:
                problems.extend(problems_from(err, PainReport, ("pains", i)))
        if problems or not reports:
            raise InputError(problems or [Problem(("pains",), "report at least one pain")])
        done = self._flow(record_checkin, None, reports, expected_version=version)
        return reports, done.version

    def add_run(self, data: dict[str, Any]) -> tuple[int, RunLog]:
        from runstrong.flows.checkin import add_run

        today = self.today()
        run = validated(RunLog, {"date": today, **data}, today)
        run_id, _ = self._flow(add_run, run)
        return run_id, run

    def swap(self, from_id: str, to_id: str, reason: str | None = None, version: int | None = None) -> Any:
        """Replace `from_id` by `to_id` in the sessions not yet lived (see flows.swap)."""
        from runstrong.flows.swap import swap

        self.exercise(from_id)
        try:
            return swap(self.store, self.athlete_name, from_id, to_id, reason, self.clock_now(), self.library,
                        self.params, expected_version=version)  # fmt: skip
        except (Conflict, Refused, ValidationError) as err:
            raise _problem(err) from None

    def update_profile(self, changes_: dict[str, Any], version: int | None = None) -> repo.StoredPlan:
        """A new profile version with `changes_` (fields of AthleteProfile) and its plan."""
        from runstrong.flows.profile import update_profile

        try:
            return update_profile(self.store, self.athlete_name, changes_, self.clock_now(),
                                  expected_version=version).stored  # fmt: skip
        except ValidationError as err:
            raise InputError(problems_from(err, AthleteProfile)) from None
        except (Conflict, Refused) as err:
            raise _problem(err) from None
        except UserError as err:
            raise InputError([problem_from_user_error(err, "profile")]) from None

    def record_screen(self, data: dict[str, Any], version: int | None = None) -> tuple[repo.StoredPlan, Any]:
        """A baseline screen added to the profile (a new version and plan); its scored result."""
        from runstrong.core.screen import Screen
        from runstrong.flows.screen import record_screen

        try:
            screen = Screen.model_validate({"date": self.today(), **data})
        except ValidationError as err:
            raise InputError(problems_from(err, Screen)) from None
        try:
            done = record_screen(self.store, self.athlete_name, screen, self.clock_now(), self.params,
                                 expected_version=version)  # fmt: skip
        except (Conflict, Refused) as err:
            raise _problem(err) from None
        return done.stored, done.result

    # ------------------------------------------------------------------ edit, delete, undo

    def edit_set(self, set_id: int, updates: dict[str, Any], version: int | None = None) -> Any:
        from runstrong.flows.edit import edit_set

        return self._flow(edit_set, set_id, updates, expected_version=version)

    def delete_set(self, set_id: int, version: int | None = None) -> Any:
        from runstrong.flows.delete import delete_set

        return self._flow(delete_set, set_id, expected_version=version)

    def delete_session(self, session_id: int, version: int | None = None) -> Any:
        from runstrong.flows.delete import delete_session

        return self._flow(delete_session, session_id, expected_version=version)

    def edit_wellness(self, day: dt.date, updates: dict[str, Any], version: int | None = None) -> Any:
        from runstrong.flows.edit import edit_wellness

        return self._flow(edit_wellness, day, updates, expected_version=version)

    def delete_run(self, run_id: int, version: int | None = None) -> Any:
        from runstrong.flows.delete import delete_run

        return self._flow(delete_run, run_id, expected_version=version)

    def undo(self, version: int | None = None) -> Any:
        from runstrong.flows.undo import undo

        return self._flow(undo, expected_version=version)

    # ------------------------------------------------------------------ weekly review

    def review(self, req: ReviewRequest) -> Any:
        """The weekly review of `req.week` (default: last week) and the plan it would write."""
        from runstrong.store.reviewing import prepare_review

        today = self.today()
        week, real_life = _review_inputs(req, today)
        with self.store.read() as s:
            who = self.who(s)
            try:
                return prepare_review(s, who.name, week, today, self.context, real_life)
            except UserError as err:
                raise _review_problem(err) from None

    def accept_review(self, req: ReviewRequest, version: int | None = None) -> tuple[Any, repo.StoredPlan]:
        """Review the week and write the new plan version in one change (the old one is kept)."""
        from runstrong.flows.review import accept_review

        today = self.today()
        week, real_life = _review_inputs(req, today)
        try:
            done = accept_review(self.store, self.athlete_name, week, self.clock_now(), self.context, real_life,
                                 expected_version=version)  # fmt: skip
        except Conflict as err:
            raise Changed(str(err)) from None
        except UserError as err:
            raise _review_problem(err) from None
        return done.outcome, done.stored
