"""The diary as the web pages and the JSON API read it: one athlete's day, week, plan and
profile, the stamp a cached page is checked against, and library searches. No HTML and no
HTTP here; reads never write. The writes are `service.Diary`'s, which extends this class.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from runstrong import clock
from runstrong.core.context import PlanningContext
from runstrong.core.diary import PlannedRun, PlannedSession, RunLog, week_start
from runstrong.core.library import Library
from runstrong.core.log_read import lived_days, lookback
from runstrong.core.model import AthleteProfile, Exercise, Plan
from runstrong.core.params import Params
from runstrong.errors import UserError
from runstrong.flows.loads import follow_logged
from runstrong.io.data_files import load_context
from runstrong.store import diary_days, repo
from runstrong.store.day_log import dashboard_log, day_and_window, day_logged
from runstrong.store.db import Store
from runstrong.store.last_sets import asked, last_sets
from runstrong.store.logbook import keys_since
from runstrong.store.logged_loads import logged_sets

from .diary_data import DayData, PlanData, WeekData, next_followed
from .problems import InputError, NotFound, Unavailable

# the read transaction that every read of one page shares (see `DiaryReads.one_read`), with
# what the page's reads learnt in it (the athlete, the coach's note) for its later reads
_SHARED: ContextVar[tuple[Store, Any, dict[str, Any]] | None] = ContextVar("runstrong_shared_read", default=None)
PLANS_KEPT = 8  # parsed stored plans (a 16-week plan is ~1 MB parsed): bounds, not tuning knobs
PROFILES_KEPT = 64  # parsed profile versions (a few kB each)
STAMPS_KEPT = 256  # the last stamp of each athlete's diary, for SQLite's no-query check
ITEMS_KEPT = 512  # parsed planned sessions and runs, by their stored JSON (a few kB each)
REVIEWS_KEPT = 16  # parsed accepted reviews, by their stored JSON (the dashboard's review card)
CONTEXT_RECHECK_S = 1.0  # how often the data files are checked for a change (a few stat calls each)


class Bounded:
    """A small least-recently-used map with a fixed bound, shared by the threads of one app
    (the parsed forms of stored values that never change: a plan or profile version, a
    planned item). Owned by the app's `DiaryReads`, so it goes when the app goes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()  # outside the lock: a parse may take milliseconds
        self.put(key, value)
        return value

    def put(self, key: Any, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.limit:
                self._items.popitem(last=False)

    def peek(self, key: Any) -> Any:
        return self._items.get(key)

    def __len__(self) -> int:
        return len(self._items)


@dataclass
class DiaryReads:
    """The diary as the web app reads it: one store, one athlete (by name, or the only
    one), and a clock that tests can fix. `service.Diary` adds the writes."""

    store: Store
    athlete_name: str | None = None
    fixed_today: dt.date | None = None
    clock: Callable[[], dt.datetime] = field(default=lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))
    _plans: Bounded = field(default_factory=lambda: Bounded(PLANS_KEPT), repr=False)
    _profiles: Bounded = field(default_factory=lambda: Bounded(PROFILES_KEPT), repr=False)
    _items: Bounded = field(default_factory=lambda: Bounded(ITEMS_KEPT), repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _version_conn: sqlite3.Connection | None = field(default=None, repr=False)
    # per athlete name: (SQLite data_version, stamp), shared by the per-request copies of this diary
    _stamps: Bounded = field(default_factory=lambda: Bounded(STAMPS_KEPT), repr=False)
    _reviews: Bounded = field(default_factory=lambda: Bounded(REVIEWS_KEPT), repr=False)
    # [context, when it was checked, {exercise id: name}], shared by the per-request copies
    _context_seen: list[Any] = field(default_factory=lambda: [None, 0.0, {}], repr=False)

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
        return self.fixed_today or clock.today()

    @property
    def context(self) -> PlanningContext:
        """The planning context (built once per process and data directory, planning memo
        included); its data files are checked for a change at most every CONTEXT_RECHECK_S
        seconds, not on each of a request's few look-ups."""
        seen = self._context_seen
        now = time.monotonic()
        if seen[0] is None or now - seen[1] >= CONTEXT_RECHECK_S:
            context = load_context()
            if context is not seen[0]:
                seen[2] = {}
            seen[0], seen[1] = context, now
        return seen[0]

    @property
    def library(self) -> Library:
        return self.context.library

    @property
    def params(self) -> Params:
        return self.context.params

    @contextmanager
    def one_read(self) -> Iterator[None]:
        """Every read of this diary inside the block shares one read transaction: one
        snapshot of the diary (REPEATABLE READ on PostgreSQL), one connection, one BEGIN
        (a page's dozen reads, the render cache's stamp and the coach's note). Held only for the block, in the
        thread that runs it; a write inside the block would not be seen by its later reads,
        so blocks hold reads only."""
        shared = _SHARED.get()
        if shared is not None and shared[0] is self.store:
            yield
            return
        with self.store.read() as s:
            if s.get_bind().dialect.name != "sqlite":  # SQLite's read transaction is a snapshot already
                s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            token = _SHARED.set((self.store, s, {}))
            try:
                yield
            finally:
                _SHARED.reset(token)

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """A read session: the block's shared one inside `one_read`, else a transaction of its own."""
        shared = _SHARED.get()
        if shared is not None and shared[0] is self.store:
            yield shared[1]
            return
        with self.store.read() as s:
            yield s

    def read_memo(self) -> dict[str, Any] | None:
        """What this page's shared read learnt so far (`one_read`), or None outside one."""
        shared = _SHARED.get()
        return shared[2] if shared is not None and shared[0] is self.store else None

    def who(self, s: Any) -> repo.AthleteInfo:
        """The athlete and their plan's and profile's versions: one statement, asked once per
        shared read (`one_read`: a snapshot, so the answer cannot change within it)."""
        memo = self.read_memo()
        if memo is not None and "who" in memo and memo["who"][0] == self.athlete_name:
            return memo["who"][1]
        found = diary_days.athlete_facts_and_version(s, self.athlete_name)  # one statement, the usual case
        if found is not None:
            if memo is not None:
                memo["who"] = (self.athlete_name, found[0])
                memo["version"] = (self.athlete_name, found[1])
            return found[0]
        try:
            return repo.find_athlete(s, self.athlete_name)  # another spelling, or why there is none
        except UserError as err:
            raise Unavailable(str(err)) from None

    def exercise(self, exercise_id: str) -> Exercise:
        if exercise_id not in self.library:
            raise NotFound(f"exercise_id: no exercise {exercise_id!r} in the library; see /api/v1/exercises")
        return self.library.get(exercise_id)

    def names(self) -> dict[str, str]:
        """Exercise names by id, made once per planning context (callers only read it)."""
        context = self.context
        names = self._context_seen[2]
        if not names:
            names = {e.id: e.name for e in context.library.exercises}
            self._context_seen[2] = names
        return names

    def _plan(self, s: Any, athlete_id: int) -> tuple[int, Plan]:
        """The current plan, parsed once per version (plans are immutable once stored)."""
        version = diary_days.plan_version(s, athlete_id)
        if version is None:
            raise Unavailable("plan: no plan is stored yet; store one with `runstrong athlete add PROFILE`")

        def parse() -> Plan:
            return Plan.model_validate_json(diary_days.plan_text(s, athlete_id, version) or "")

        return version, self._plans.get((athlete_id, version), parse)

    def _profile(self, s: Any, athlete_id: int) -> AthleteProfile:
        profile = repo.latest_profile(s, athlete_id)
        if profile is None:
            raise Unavailable("profile: no profile is stored yet; store one with `runstrong athlete add PROFILE`")
        return profile

    def _profile_of(self, s: Any, who: repo.AthleteInfo) -> AthleteProfile | None:
        """The athlete's newest profile, parsed once per version (versions never change)."""
        if who.profile_version is None:
            return None

        def parse() -> AthleteProfile | None:
            text = diary_days.profile_text(s, who.id, who.profile_version)  # type: ignore[arg-type]
            return None if text is None else AthleteProfile.model_validate_json(text)

        return self._profiles.get((who.id, who.profile_version), parse)

    def _planned(
        self, s: Any, who: repo.AthleteInfo, start: dt.date, end: dt.date
    ) -> tuple[list[PlannedSession], list[PlannedRun]]:
        """The current plan's sessions and runs from `start` to `end`: one statement, each
        item parsed once while it is among the last few hundred read."""
        if who.plan_version is None:
            return [], []
        sessions, runs = [], []
        for kind, data in diary_days.planned_items(s, who.id, who.plan_version, start, end):
            if kind == "strength":
                sessions.append(self._items.get(data, lambda d=data: PlannedSession.model_validate_json(d)))
            elif kind == "run":
                runs.append(self._items.get(data, lambda d=data: PlannedRun.model_validate_json(d)))
        return sessions, runs

    def _planned_on(self, s: Any, who: repo.AthleteInfo, days: set[dt.date]) -> list[PlannedSession]:
        """The current plan's strength sessions on `days`, in date order: one statement."""
        if who.plan_version is None or not days:
            return []
        return [
            self._items.get(data, lambda d=data: PlannedSession.model_validate_json(d))
            for kind, data in diary_days.planned_items_on(s, who.id, who.plan_version, sorted(days))
            if kind == "strength"
        ]

    @staticmethod
    def _lifts(sessions: list[PlannedSession]) -> set[str]:
        """The lifts whose planned loads follow the log (none when no block has a load)."""
        if not any(b.prescription.load_kg for x in sessions for b in x.blocks):
            return set()
        return {b.exercise_id for x in sessions for b in x.blocks if b.prescription.load_kg is not None}

    def _followed(
        self,
        s: Any,
        who: repo.AthleteInfo,
        sessions: list[PlannedSession],
        day: dt.date,
        shown: list[str],
        window: Any = None,
    ) -> tuple[list[PlannedSession], dict[str, Any]]:
        """`sessions` at the loads the log points to (as `flows.loads.follow_diary` puts
        them), and the last sets of each exercise in `shown`: one read of the recent log
        (`window`, when the page's day log carried it)."""
        lifts = self._lifts(sessions)
        if not lifts and not shown:
            return sessions, {}
        found = last_sets(s, who.id, shown, day, (), window)
        # the loads follow each lift's best set of its latest week, as a replan reads it (cr25a F3)
        logged = logged_sets(s, who.id, day, self.params, lifts) if lifts else {}
        profile = self._profile_of(s, who) if logged else None
        if profile is None:
            return sessions, {x: found.sets[x] for x in shown if x in found.sets}
        days = {d for r in logged.values() if r.date is not None for d in lookback(r.date)}  # flows.loads.lived_on
        light = lived_days(self._planned_on(s, who, days), days)
        followed = follow_logged(sessions, logged, profile, light)
        return followed, {x: found.sets[x] for x in shown if x in found.sets}

    # ------------------------------------------------------------------ reads

    def athlete(self) -> repo.AthleteInfo:
        with self.reading() as s:
            return self.who(s)

    def day(self, day: dt.date) -> DayData:
        with self.reading() as s:
            who = self.who(s)
            planned, runs = self._planned(s, who, day, day)
            shown = [b.exercise_id for p in planned for b in p.blocks]
            ids = asked(shown, self._lifts(planned))  # the window read with the day's log
            logged, window = day_and_window(s, who.id, day, ids) if ids else (day_logged(s, who.id, day), None)
            sessions, last = self._followed(s, who, planned, day, shown, window)
            return DayData(
                athlete=who,
                day=day,
                plan_version=who.plan_version,
                sessions=sessions,  # loads as the log points
                runs=runs,
                logged=logged.sessions,
                runs_logged=logged.runs,
                wellness=logged.wellness,
                last=last,
                next_session=None if planned else next_followed(s, who.id, day),
            )

    def keys_since(self, prefix: str, since: dt.datetime) -> list[str]:
        """The idempotency keys starting `prefix` logged at or after `since`, without the prefix."""
        with self.reading() as s:
            return keys_since(s, self.who(s).id, prefix, since)

    def week(self, day: dt.date) -> WeekData:
        start = week_start(day)
        end = start + dt.timedelta(days=6)
        with self.reading() as s:
            who = self.who(s)
            sessions, runs = self._planned(s, who, start, end)
            return WeekData(start, who.plan_version, sessions, runs, diary_days.logged_between(s, who.id, start, end))

    def dashboard(self, day: dt.date) -> tuple[DayData, WeekData, Any]:
        """The day, its week and the last accepted weekly review (or None) in one read,
        without what only the session page needs (the last sets of each exercise): the
        dashboard is the most visited page."""
        start = week_start(day)
        end = start + dt.timedelta(days=6)
        with self.reading() as s:
            who = self.who(s)
            sessions, runs = self._planned(s, who, start, end)
            planned = [x for x in sessions if x.date == day]
            # the week's counts, the day's log, the review, the coach's note and the last-sets window
            found = dashboard_log(s, who.id, start, end, day, sorted(self._lifts(planned)))
            today_sessions, _ = self._followed(s, who, planned, day, [], found.window)
            logged, day_log = found.week, found.day
            data = DayData(
                athlete=who,
                day=day,
                plan_version=who.plan_version,
                sessions=today_sessions,
                runs=[r for r in runs if r.date == day],
                logged=day_log.sessions,
                runs_logged=day_log.runs,
                wellness=day_log.wellness,
                last={},
                next_session=None if today_sessions else next_followed(s, who.id, day),
            )
            review = self._review_and_note(found.review_text, found.note)
        return data, WeekData(start, who.plan_version, sessions, runs, logged), review

    def _review_and_note(self, text: str | None, note: Any) -> Any:
        """The latest accepted review, parsed once per stored text; the coach's note is kept
        for the page's template (`render.coach_note`), read in the same statement."""
        from runstrong.core.review import Review

        memo = self.read_memo()
        if memo is not None:
            memo["coach_note"] = (self.athlete_name, note)
        return None if text is None else self._reviews.get(text, lambda: Review.model_validate_json(text))

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
        with self.reading() as s:
            stamp = diary_days.diary_stamp(s, self.athlete_name)
        if version is not None and stamp is not None:
            self._stamps.put(self.athlete_name, (version, stamp))
        return stamp

    def stamp_if_unchanged(self) -> tuple | None:
        """The athlete's last stamp, without a query, when SQLite says nobody has committed since; else None."""
        if self._version_conn is None:
            return None
        last = self._stamps.peek(self.athlete_name)
        return last[1] if last is not None and self.data_version() == last[0] else None

    def plan(self) -> PlanData:
        with self.reading() as s:
            who = self.who(s)
            version, plan = self._plan(s, who.id)
            logged = diary_days.logged_between(s, who.id, plan.start_date, plan.end_date)
            return PlanData(who, version, plan, logged)

    def profile(self) -> tuple[repo.AthleteInfo, AthleteProfile]:
        with self.reading() as s:
            who = self.who(s)
            found = self._profile_of(s, who)
        if found is None:
            raise Unavailable("profile: no profile is stored yet; store one with `runstrong athlete add PROFILE`")
        return who, found

    def runs(self, since: dt.date | None = None, until: dt.date | None = None) -> list[RunLog]:
        """Runs logged from `since` (default: four weeks before `until`) to `until` (default: today)."""
        end = until or self.today()
        start = since or end - dt.timedelta(days=27)
        if start > end:
            raise InputError.one("since", f"{start} is after until ({end}); give since <= until")
        with self.reading() as s:
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
        with self.reading() as s:
            who = self.who(s)
            profile = self._profile(s, who.id)
            _, plan = self._plan(s, who.id)
        found = sessions_with(plan, exercise_id, today)
        options = alternatives(self.library, profile, exercise_id, self.params, companions(plan, exercise_id, today))
        return exercise, found, options
