"""The store reads pain by the day it is about: a next-morning report dated Monday belongs to
the Sunday before, in the review's diary window and in `history`'s weeks (coach read cr19b,
finding 1: Frank's 5/10 morning after his Sunday long run was read into the following week)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from runstrong.core.diary import PainReport, RunLog
from runstrong.core.planner import build_plan
from runstrong.flows.base import Clock
from runstrong.flows.checkin import record_checkin
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from runstrong.store import queries, repo
from runstrong.store.diary_window import load_diary
from runstrong.store.tables import PainRow, RunRow
from tests.conftest import EXAMPLES, examples

NOW = dt.datetime(2027, 1, 1, 9, 0)
MONDAY = dt.date(2027, 1, 4)
SUNDAY = MONDAY + dt.timedelta(days=6)
NEXT_MONDAY = MONDAY + dt.timedelta(days=7)
WEEK = dt.timedelta(days=7)


@pytest.fixture
def athlete(store):
    profile = load_profile(EXAMPLES / "marathoner.toml")
    with store.write() as s:
        return repo.store_plan(s, profile, build_plan(profile, load_context()), NOW).athlete


def morning(day: dt.date, score: int) -> PainReport:
    return PainReport(date=day, area="achilles", score=score, when="next_morning", provoked_by="long")


def test_the_review_window_of_a_week_holds_the_morning_after_its_sunday_and_not_the_one_after_the_monday_before(
    store, athlete
):
    with store.write() as s:
        repo.add_pain(s, athlete.id, morning(MONDAY, 4))  # about the Sunday before the week
        repo.add_pain(s, athlete.id, morning(NEXT_MONDAY, 5))  # about this week's Sunday
        repo.add_pain(s, athlete.id, PainReport(date=NEXT_MONDAY, area="knee", score=2, when="during"))
    with store.read() as s:
        week = load_diary(s, athlete.id, MONDAY, SUNDAY)
        following = load_diary(s, athlete.id, NEXT_MONDAY, NEXT_MONDAY + dt.timedelta(days=6))
    assert [(p.date, p.score) for p in week.pains] == [(NEXT_MONDAY, 5)]
    assert [(p.area.value, p.score) for p in following.pains] == [("knee", 2)]


def test_history_counts_a_monday_morning_report_in_the_week_it_follows(store, athlete):
    with store.write() as s:
        repo.add_pain(s, athlete.id, PainReport(date=MONDAY + dt.timedelta(days=2), area="achilles", score=2))
        repo.add_pain(s, athlete.id, morning(NEXT_MONDAY, 5))
        repo.add_pain(s, athlete.id, PainReport(date=NEXT_MONDAY, area="knee", score=1, when="during"))
    with store.read() as s:
        weeks = {w.week_start: w.max_pain for w in queries.history_by_week(s, athlete.id)}
        alone = {w.week_start: w.max_pain for w in queries.history_by_week(s, athlete.id, MONDAY, SUNDAY)}
    assert weeks == {MONDAY: 5, NEXT_MONDAY: 1}
    assert alone == {MONDAY: 5}


# A check-in's report that names the run that brought it on is about that run's day (coach
# read cr20a, finding 1: Nadia's "calf=5 right after from=long" on Monday, about Sunday's long
# run, counted in the next week and her calf climbed a rung).
RUN_TYPES = ("long", "easy", "tempo", "intervals")
FORTNIGHT = 14


@settings(max_examples=examples(0.2), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    kind=st.sampled_from(RUN_TYPES),
    run_days=st.sets(st.integers(0, FORTNIGHT - 1), max_size=4),
    reported=st.integers(0, FORTNIGHT - 1),
    when=st.sampled_from(["during", "after", None]),
    score=st.integers(0, 10),
)
def test_a_checkin_report_naming_a_run_counts_for_that_runs_day_in_the_window_and_history(
    store, athlete, kind, run_days, reported, when, score
):
    day = MONDAY + dt.timedelta(days=reported)
    runs = [MONDAY + dt.timedelta(days=d) for d in sorted(run_days)]
    with store.write() as s:  # a fresh diary each example: the athlete's runs and pains cleared
        s.execute(delete(RunRow).where(RunRow.athlete_id == athlete.id))
        s.execute(delete(PainRow).where(PainRow.athlete_id == athlete.id))
        for d in runs:
            repo.add_run(s, athlete.id, RunLog(date=d, type=kind, minutes=40))
    pain = PainReport(date=day, area="calf", score=score, when=when, provoked_by=kind)
    record_checkin(store, athlete.name, None, [pain], Clock(NOW, NEXT_MONDAY + dt.timedelta(days=6)))
    about = max((d for d in runs if day - dt.timedelta(days=6) <= d <= day), default=day)
    with store.read() as s:
        weeks = {w.week_start: w.max_pain for w in queries.history_by_week(s, athlete.id)}
        for start in (MONDAY, NEXT_MONDAY):
            window = load_diary(s, athlete.id, start, start + dt.timedelta(days=6))
            assert [p.date for p in window.pains] == ([about] if start <= about < start + WEEK else [])
    assert weeks.get(about - dt.timedelta(days=about.weekday())) == score
