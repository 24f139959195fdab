"""Last week's flags on the roster for every athlete, reviewed or not (cr26a F9): kept by the
flows in the transaction of the change that touches the week, one row per athlete and week
(a log retried gives one flag), worked out again only when the week or the plan changed,
on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from runstrong.core.diary import PainReport, RunLog, RunType, SetLog
from runstrong.core.model import PainArea
from runstrong.flows import base
from tests.flows.conftest import CLOCK_NOW, TODAY, stored_copy, stored_diary  # noqa: F401 (a fixture)
from tests.store.conftest import BACKENDS

ATHLETE = "Maya (marathon)"
WEEK_1_DAY = TODAY  # Friday of the plan's first week: session A
MONDAY_AFTER = TODAY + dt.timedelta(days=3)  # the coach's Monday: week 1 is last week
LATER = dt.datetime.combine(TODAY + dt.timedelta(days=5), dt.time(18))  # Wednesday of week 2


def context():  # type: ignore[no-untyped-def]
    from runstrong.io.data_files import load_context

    return load_context()


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):  # type: ignore[no-untyped-def]
    from runstrong.store.db import open_store

    s = open_store(stored_copy(request.param, request, f"sqlite:///{tmp_path / 'diary.db'}"))
    yield s
    s.close()


def knee_log(key: str | None = None):  # type: ignore[no-untyped-def]
    from runstrong.flows.log_session import LogInput

    pain = PainReport(date=WEEK_1_DAY, area=PainArea.knee, score=6, when="during")
    return LogInput(day=WEEK_1_DAY, as_planned=True, pains=(pain,), key=key)


def roster(store, today: dt.date):  # type: ignore[no-untyped-def]
    from runstrong.store.roster import read_roster

    with store.read() as s:
        return read_roster(s, None, today, context())


def rows(store) -> int:  # type: ignore[no-untyped-def]
    from runstrong.store.tables import WeekFlagsRow

    with store.read() as s:
        return s.scalar(select(func.count()).select_from(WeekFlagsRow))


def test_an_athlete_in_auto_mode_shows_last_weeks_pain_without_a_review_stored(store) -> None:
    """Before: "0/2 · 13 Dec · –" until the review was accepted; after: the knee, by area and score."""
    from runstrong.flows.log_session import log_session
    from runstrong.store.tables import ReviewRow

    log_session(store, ATHLETE, knee_log(), base.Clock(LATER, LATER.date()))
    read = roster(store, MONDAY_AFTER)
    (entry,) = read.entries
    assert entry.mode == "auto" and entry.flags_week == TODAY - dt.timedelta(days=4)
    texts = [f.text for f in entry.week_flags]
    assert "Knee 6/10, above the zone" in texts, texts
    assert any(f.kind == "pain" and f.rule_id == "pain-graded-return" and "Knee" in f.text for f in entry.week_flags)
    assert "pain" in entry.flag_kinds
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(ReviewRow)) == 0  # nothing accepted, nothing stored


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_log_retried_twice_gives_one_flag(backend, request, tmp_path) -> None:
    """The same log sent three times with its key (a phone on a bad line): one row, one knee flag."""
    from runstrong.flows.log_session import log_session
    from runstrong.store.db import open_store

    if backend == "postgres":
        request.getfixturevalue("pg_fresh")
    store = open_store(stored_copy(backend, request, f"sqlite:///{tmp_path / 'diary.db'}"))
    try:
        clock = base.Clock(LATER, LATER.date())
        answers = [log_session(store, ATHLETE, knee_log("knee-log-1"), clock) for _ in range(3)]
        assert [a.already for a in answers] == [False, True, True]
        assert rows(store) == 1
        (entry,) = roster(store, LATER.date()).entries
        assert sum(1 for f in entry.week_flags if f.text == "Knee 6/10, above the zone") == 1
    finally:
        store.close()


def test_a_set_logged_this_week_runs_no_review_for_last_week(store, monkeypatch) -> None:
    """The cheap path: only a change that touches last week (or the plan) works its flags out again."""
    from runstrong.flows.log_session import LogInput, log_session
    from runstrong.store import week_flags

    clock = base.Clock(LATER, LATER.date())
    log_session(store, ATHLETE, knee_log(), clock)  # the first change of the week: worked out
    calls: list[dt.date] = []
    real = week_flags.work_out

    def counted(s, name, week, today, ctx):  # type: ignore[no-untyped-def]
        calls.append(week)
        return real(s, name, week, today, ctx)

    monkeypatch.setattr(week_flags, "work_out", counted)
    bridge = SetLog(exercise_id="glute_bridge", set_number=1, reps=8)
    log_session(store, ATHLETE, LogInput(day=LATER.date(), sets=(bridge,)), clock)
    from runstrong.flows.checkin import add_run

    add_run(store, ATHLETE, RunLog(date=LATER.date(), type=RunType.easy, minutes=40), clock)
    assert calls == []
    add_run(store, ATHLETE, RunLog(date=WEEK_1_DAY, type=RunType.easy, minutes=40), clock)  # a run of last week
    assert calls == [WEEK_1_DAY - dt.timedelta(days=4)]
    assert roster(store, LATER.date()).weeks_worked == []  # the flows left every row current


def test_a_row_written_outside_the_flows_makes_the_roster_work_the_week_out_again(store) -> None:
    """An import writes runs without the flows: the week's stamp moves, the roster works it out once."""
    from runstrong.flows.log_session import log_session
    from runstrong.store import week_flags
    from runstrong.store.tables import RunRow

    log_session(store, ATHLETE, knee_log(), base.Clock(LATER, LATER.date()))
    assert roster(store, LATER.date()).weeks_worked == []
    with store.write() as s:
        athlete_id = s.execute(select(RunRow.athlete_id).limit(1)).scalar() or 1
        s.add(RunRow(athlete_id=athlete_id, date=WEEK_1_DAY, type="easy", minutes=30.0))
    read = roster(store, LATER.date())
    assert len(read.weeks_worked) == 1
    with store.write() as s:
        assert week_flags.keep_if_unchanged(s, read.weeks_worked, context()) == 1
    assert roster(store, LATER.date()).weeks_worked == []
    assert rows(store) == 1  # replaced, not added
