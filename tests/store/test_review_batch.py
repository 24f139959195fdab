"""A chunk of athletes reviewed from batched reads (`store.review_batch`, what `review --all`
uses) gives each athlete exactly the review `prepare_review` gives them alone, on SQLite and
PostgreSQL: the diary windows, last logged sets and current plans are split per athlete right."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrong.core.diary import PainReport, RunLog, SessionLog, Wellness, sets_as_planned
from runstrong.core.model import PainArea, RunType, build
from runstrong.core.planner import build_plan
from runstrong.errors import UserError
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from runstrong.store import repo
from runstrong.store.diary_window import load_diaries, load_diary
from runstrong.store.review_batch import prepare_reviews
from runstrong.store.reviewing import prepare_review
from tests.conftest import EXAMPLES

NOW = dt.datetime(2027, 3, 22, 7, 0)
TODAY = NOW.date()
RUNNERS = ("marathoner", "novice", "achilles", "5k-racer")


@pytest.fixture(scope="module")
def planned():
    """Four different runners and their plans (different starts, weeks, kit and pains)."""
    ctx = load_context()
    profiles = [load_profile(EXAMPLES / f"{name}.toml") for name in RUNNERS]
    return [(p, build_plan(p, ctx)) for p in profiles]


def _log_lived_weeks(s, athlete_id: int, plan, k: int) -> None:
    """Every planned session up to today done as planned (efforts and loads varied per runner),
    the planned runs, a check-in most days and a pain now and then."""
    for w, week in enumerate(plan.weeks):
        for session in (x for x in week.sessions if x.date < TODAY and (w + k) % 5):
            sets = [x.model_copy(update={"rpe": 6.5 + (k + w + i) % 4}) for i, x in enumerate(sets_as_planned(session))]
            repo.log_session(s, athlete_id, build(SessionLog, date=session.date, plan_version=1,
                                                  planned_date=session.date, sets=sets, pains=[]))  # fmt: skip
        for run in (r for r in week.runs if r.date < TODAY):
            repo.add_run(s, athlete_id, build(RunLog, date=run.date, type=RunType(run.type), minutes=run.minutes,
                                              rpe=4.0 + (k + w) % 3))  # fmt: skip
        for d in range(7):
            day = week.start_date + dt.timedelta(days=d)
            if day < TODAY and (d + k) % 4:
                repo.save_wellness(s, athlete_id, build(Wellness, date=day, sleep_hours=7.0, soreness=1 + (d + w) % 5))
        if (w + k) % 3 == 0 and week.start_date < TODAY:
            pain = build(PainReport, date=week.start_date, area=PainArea.knee, score=2 + k)
            repo.add_pain(s, athlete_id, pain)


@pytest.fixture
def club(store, planned):
    """The four runners in one diary with their lived weeks logged, and one athlete with no plan."""
    with store.write() as s:
        for k, (profile, plan) in enumerate(planned):
            stored = repo.store_plan(s, profile, plan, NOW)
            _log_lived_weeks(s, stored.athlete.id, plan, k)
        repo.add_athlete(s, "Zed (no plan yet)", planned[0][0].units, NOW)
    with store.read() as s:
        return [a.name for a in repo.list_athletes(s)]


@pytest.mark.parametrize("week", [None, dt.date(2027, 3, 8)], ids=["each-default-week", "one-week"])
@pytest.mark.parametrize("trend", [True, False], ids=["with-trend", "without-trend"])
def test_a_chunk_reviewed_from_batched_reads_is_each_athlete_reviewed_alone(store, club, week, trend) -> None:
    ctx = load_context()
    with store.read() as s:
        together = prepare_reviews(s, club, week, TODAY, ctx, with_trend=trend)
    assert [r.name for r in together] == club
    for r in together:
        with store.read() as s:
            try:
                alone = prepare_review(s, r.name, week, TODAY, ctx, with_trend=trend)
            except UserError as err:  # the same refusal is expected from the batch
                assert r.outcome is None and str(r.error) == str(err)
                continue
        assert r.error is None and r.outcome is not None
        assert r.outcome.athlete == alone.athlete and r.outcome.plan_version == alone.plan_version
        assert r.outcome.review == alone.review and r.outcome.trend == alone.trend
        assert r.outcome.plan == alone.plan and r.outcome.profile == alone.profile
        assert r.outcome.changes == alone.changes
    reviewed = [r for r in together if r.outcome is not None]
    assert len(reviewed) == len(RUNNERS) and any(r.outcome.review.decisions for r in reviewed)
    assert any(r.outcome.profile.logged_sets for r in reviewed)  # the last logged sets reached the new plans


def test_diaries_read_together_keep_each_athletes_own_days(store, club) -> None:
    spans = {1: (dt.date(2027, 1, 4), dt.date(2027, 2, 7)), 2: (dt.date(2027, 2, 1), dt.date(2027, 3, 14)),
             3: (dt.date(2027, 3, 1), dt.date(2027, 3, 21))}  # fmt: skip
    with store.read() as s:
        together = load_diaries(s, spans)
        alone = {i: load_diary(s, i, *span) for i, span in spans.items()}
    assert together == alone
    assert all(together[i].sessions and together[i].wellness for i in spans)


def test_an_athlete_gone_since_the_names_were_listed_is_refused_alone(store, club) -> None:
    with store.read() as s:
        together = prepare_reviews(s, [club[0], "Nobody", club[1]], dt.date(2027, 3, 8), TODAY, load_context())
    assert [r.name for r in together] == [club[0], "Nobody", club[1]]
    assert together[1].outcome is None and "Nobody" in str(together[1].error)
    assert together[0].outcome is not None and together[2].outcome is not None
