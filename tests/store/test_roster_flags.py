"""The roster's stored flags stay what the read-time review gives: after any sequence of
flows (log, check in, run, review mode, accept, a coach's accept or reject, undo, a new
day) the roster read from stored rows equals the flags worked out from the diary now, on
SQLite and PostgreSQL; after a flow nothing is left to work out at read time. Last week's
flags (`store/week_flags`) too."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import uuid
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from sqlalchemy import func, select

from runstrong.core.diary import PainReport, RunLog, RunType, SetLog, Wellness
from runstrong.core.model import PainArea
from runstrong.errors import UserError
from runstrong.flows import base
from tests.conftest import EXAMPLES, OVERRIDE, examples
from tests.flows.conftest import CLOCK_NOW, TODAY, stored_copy, stored_diary  # noqa: F401 (a fixture)
from tests.store.conftest import BACKENDS

ATHLETE = "Maya (marathon)"
OTHER = "Ben (never logs)"
RUNS = max(3, int(os.environ[OVERRIDE]) // 5) if os.environ.get(OVERRIDE) else examples(share=0.006, floor=3)
DAYS = [TODAY - dt.timedelta(days=n) for n in range(12)]  # last week and this one


def context():  # type: ignore[no-untyped-def]
    from runstrong.io.data_files import load_context

    return load_context()


def read_time(store, today: dt.date) -> dict:  # type: ignore[no-untyped-def]
    """Each athlete's roster facts worked out from the diary now, one athlete at a time (the
    way the roster read them before they were stored)."""
    from runstrong.store.roster import review_mode, week_of
    from runstrong.store.roster_flags import work_out
    from runstrong.store.tables import Athlete, PlanRow, RunRow, SessionLogRow, WellnessRow

    out = {}
    with store.read() as s:
        for athlete_id, name in s.execute(select(Athlete.id, Athlete.name)):
            found = work_out(s, athlete_id, name, today, context())
            monday = week_of(today)
            done = s.scalar(select(func.count()).where(SessionLogRow.athlete_id == athlete_id,
                                                       SessionLogRow.date.between(monday, today)))  # fmt: skip
            last = [s.scalar(select(func.max(t.date)).where(t.athlete_id == athlete_id))
                    for t in (SessionLogRow, RunRow, WellnessRow)]  # fmt: skip
            plan = json.loads(s.scalar(select(PlanRow.data).where(PlanRow.athlete_id == athlete_id)
                                       .order_by(PlanRow.version.desc()).limit(1)) or '{"weeks": []}')  # fmt: skip
            phase = next((w["phase"] for w in plan["weeks"] if w["start_date"] == monday.isoformat()), None)
            race = plan["profile"]["race"]["name"] if plan.get("profile") else None
            out[name] = (found.waiting_week, found.flags, found.flags_waiting, review_mode(s, athlete_id), done,
                         max((d for d in last if d), default=None), phase, race)  # fmt: skip
    return out


def stored(store, today: dt.date) -> tuple[dict, list]:  # type: ignore[no-untyped-def]
    from runstrong.store.roster import read_roster

    with store.read() as s:
        read = read_roster(s, None, today, context())
    found = {e.name: (e.waiting_week, e.flags, e.flags_waiting, e.mode, e.sessions_done, e.last_log, e.phase,
                      e.race_name)
             for e in read.entries}  # fmt: skip
    return found, read.worked_out


class RosterFlagsMachine(RuleBasedStateMachine):
    """One diary changed by the flows in any order, its roster read after each step."""

    new_diary: Callable[[], str]  # a new diary's URL with the marathoner stored, one per run

    @initialize()
    def start(self) -> None:
        from runstrong.flows.profile import store_profile
        from runstrong.flows.review_queue import set_mode
        from runstrong.io.profile_file import load_profile
        from runstrong.store.db import open_store

        self.clock = base.Clock(CLOCK_NOW, TODAY)
        # a copy of the diary conftest stored once (the same profile, clock and flow)
        self.store = open_store(self.new_diary())
        other = load_profile(EXAMPLES / "marathoner.toml").model_copy(update={"name": OTHER})
        store_profile(self.store, other, self.clock, least_bad=True)  # a roster of two: no row is another's
        set_mode(self.store, OTHER, "review", "coach", CLOCK_NOW, today=TODAY, ctx=context())
        self.may_be_stale = True  # a diary from before the flags were kept: worked out on the first read
        self.weeks_may_be_stale = True

    def teardown(self) -> None:
        if getattr(self, "store", None) is not None:
            self.store.close()

    def _flow(self, act) -> None:  # type: ignore[no-untyped-def]
        with contextlib.suppress(UserError):
            act()

    @rule(day=st.sampled_from(DAYS), planned=st.booleans(), knee=st.none() | st.integers(0, 8))
    def log(self, day: dt.date, planned: bool, knee: int | None) -> None:
        from runstrong.flows.log_session import LogInput, log_session

        sets = () if planned else (SetLog(exercise_id="glute_bridge", set_number=1, reps=8),)
        pains = (PainReport(date=day, area=PainArea.knee, score=knee),) if knee is not None else ()
        given = LogInput(day=day, as_planned=planned, sets=sets, pains=pains)
        self._flow(lambda: log_session(self.store, ATHLETE, given, self.clock))

    @rule(day=st.sampled_from(DAYS), score=st.integers(1, 5), pain=st.none() | st.integers(0, 9))
    def check_in(self, day: dt.date, score: int, pain: int | None) -> None:
        from runstrong.flows.checkin import record_checkin

        entry = Wellness(date=day, sleep_hours=4 + score, soreness=score, energy=score, mood=score)
        pains = [PainReport(date=day, area=PainArea.achilles, score=pain)] if pain is not None else []
        self._flow(lambda: record_checkin(self.store, ATHLETE, entry, pains, self.clock))

    @rule(day=st.sampled_from(DAYS), minutes=st.sampled_from([30, 90, 240]), kind=st.sampled_from(list(RunType)))
    def run(self, day: dt.date, minutes: int, kind: RunType) -> None:
        from runstrong.flows.checkin import add_run

        self._flow(lambda: add_run(self.store, ATHLETE, RunLog(date=day, type=kind, minutes=minutes), self.clock))

    @rule(mode=st.sampled_from(["auto", "review"]))
    def review_mode(self, mode: str) -> None:
        from runstrong.flows.review_queue import set_mode

        set_mode(self.store, ATHLETE, mode, "coach", self.clock.now, today=self.clock.today, ctx=context())

    @rule()
    def athlete_accepts(self) -> None:
        from runstrong.flows.review import accept_review

        self._flow(lambda: accept_review(self.store, ATHLETE, None, self.clock, context(), with_trend=False))

    @rule(verdict=st.sampled_from(["accept", "reject"]))
    def coach_decides(self, verdict: str) -> None:
        from runstrong.flows.review_queue import decide

        self._flow(lambda: decide(self.store, ATHLETE, None, verdict, self.clock, context(), actor="coach"))  # type: ignore[arg-type]

    @rule()
    def undo(self) -> None:
        from runstrong.flows.undo import undo

        self._flow(lambda: undo(self.store, ATHLETE, self.clock))

    @rule(days=st.integers(1, 4))
    def a_new_day(self, days: int) -> None:
        now = self.clock.now + dt.timedelta(days=days)
        self.clock = base.Clock(now, now.date())
        self.may_be_stale = True  # the week waiting moves with the day: worked out on the first read
        self.weeks_may_be_stale = True  # and last week may be a new one

    @invariant()
    def the_stored_roster_is_the_read_time_roster(self) -> None:
        from runstrong.store.roster_flags import keep_if_unchanged

        if not hasattr(self, "store"):
            return
        today = self.clock.today
        found, worked = stored(self.store, today)
        assert found == read_time(self.store, today)
        if worked:
            assert self.may_be_stale, "a flow left the roster's stored flags out of date"
            with self.store.write() as s:
                assert keep_if_unchanged(s, worked, today, context()) == len(worked)
            found, worked = stored(self.store, today)
            assert not worked, "flags worked out and kept are worked out again"
            assert found == read_time(self.store, today)
        self.may_be_stale = False

    @invariant()
    def last_weeks_stored_flags_are_the_weeks_review_now(self) -> None:
        """cr26a F9: every athlete's last completed week, reviewed or not, as its review gives
        it now; after a flow nothing is left to work out unless the day moved into a new week."""
        from runstrong.store import week_flags
        from runstrong.store.roster import read_roster

        if not hasattr(self, "store"):
            return
        today, ctx = self.clock.today, context()
        with self.store.read() as s:
            read = read_roster(s, None, today, ctx)
            fresh = {e.name: week_flags.work_out(s, e.name, week_flags.last_week(today), today, ctx)
                     for e in read.entries}  # fmt: skip
        assert {e.name: e.week_flags for e in read.entries} == fresh
        if read.weeks_worked:
            assert self.weeks_may_be_stale, "a flow left last week's stored flags out of date"
            with self.store.write() as s:
                assert week_flags.keep_if_unchanged(s, read.weeks_worked, ctx) == len(read.weeks_worked)
            with self.store.read() as s:
                assert read_roster(s, None, today, ctx).weeks_worked == []
        self.weeks_may_be_stale = False


@pytest.mark.parametrize("backend", BACKENDS)
def test_stored_roster_flags_equal_the_read_time_review_over_random_flows(backend, request, tmp_path) -> None:
    if backend == "postgres":
        request.getfixturevalue("pg_fresh")  # the databases this test makes, dropped after it

    def new_diary() -> str:
        return stored_copy(backend, request, f"sqlite:///{tmp_path / f'diary-{uuid.uuid4().hex[:8]}.db'}")

    machine = type("Machine", (RosterFlagsMachine,), {"new_diary": staticmethod(new_diary)})
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=6, stateful_step_count=12, deadline=None, suppress_health_check=list(HealthCheck)
        ),
    )


def test_flags_kept_by_a_reader_never_overwrite_a_change_made_since(db_url, tmp_path) -> None:
    """A roster worked out flags at one stamp; a log lands before it keeps them: the log's stay."""
    from runstrong.flows.log_session import LogInput, log_session
    from runstrong.flows.profile import store_profile
    from runstrong.io.profile_file import load_profile
    from runstrong.store.db import open_store
    from runstrong.store.roster import read_roster
    from runstrong.store.roster_flags import keep_if_unchanged
    from runstrong.store.tables import RosterFlagsRow

    clock = base.Clock(CLOCK_NOW, TODAY)
    store = open_store(db_url)
    try:
        store_profile(store, load_profile(EXAMPLES / "marathoner.toml"), clock, least_bad=True)
        with store.write() as s:
            s.query(RosterFlagsRow).delete()  # as a diary from before migration 0009
        with store.read() as s:
            worked = read_roster(s, None, TODAY, context()).worked_out
        assert len(worked) == 1
        log_session(store, ATHLETE, LogInput(day=TODAY, as_planned=True), clock)
        with store.read() as s:
            after_log = s.scalar(select(RosterFlagsRow.stamp))
        with store.write() as s:
            assert keep_if_unchanged(s, worked, TODAY, context()) == 0
        with store.read() as s:
            assert s.scalar(select(RosterFlagsRow.stamp)) == after_log
            assert read_roster(s, None, TODAY, context()).worked_out == []
    finally:
        store.close()
