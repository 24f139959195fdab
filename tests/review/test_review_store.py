"""The review's store queries on real databases: SQLite always, PostgreSQL when
RUNSTRONG_PG_URL names a server (as the store tests do)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from runstrong.core.diary import PainReport, SessionLog, SetLog
from runstrong.core.model import PainArea
from runstrong.core.planner import build_plan
from runstrong.core.review import RealLife, apply_review, review_week
from runstrong.core.review_metrics import DiaryWindow, history_window_days, week_metrics
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from runstrong.store import repo
from runstrong.store.diary_window import last_logged_day, load_diary
from runstrong.store.reviews import latest_review, store_review
from runstrong.store.tables import ReviewRow
from tests.conftest import EXAMPLES
from tests.store.conftest import BACKENDS, migrated_sqlite, open_empty, pg_migrated  # noqa: F401 - fixtures

from .diary_gen import generate_diary, store_diary

DAY = dt.timedelta(days=1)
NOW = dt.datetime(2027, 6, 1, 12, 0)
REVIEWED_WEEKS = 12


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):  # type: ignore[no-untyped-def]
    """An empty store at the head revision: a SQLite file in tmp_path, or a PostgreSQL database of its own."""
    url = f"sqlite:///{tmp_path / 'diary.db'}" if request.param == "sqlite" else pg_migrated(request)
    s = open_empty(url, request)
    yield s
    s.close()


@pytest.fixture(scope="module")
def marathoner():  # type: ignore[no-untyped-def]
    profile = load_profile(EXAMPLES / "marathoner.toml")
    return profile, build_plan(profile, load_context())


def lived_diary(plan) -> DiaryWindow:  # type: ignore[no-untyped-def]
    """Twelve weeks of a runner with some of everything: noise, a sore week, knee pain, a lift
    whose form broke, a run spike; plus a session logged with a pain report of its own."""
    until = plan.weeks[REVIEWED_WEEKS - 1].start_date + 6 * DAY
    diary = generate_diary(
        plan, until, seed=5, sore_week=4, pain_area="knee", pain_week=7, form_exercise="barbell_step_up",
        form_from_week=9, spike_week=10, short_sleep_weeks=(11,), missed_weeks=(6,),
    )  # fmt: skip
    day = plan.weeks[2].start_date + 2 * DAY
    pain = PainReport(date=day, area=PainArea.achilles, score=4, note="after the hops")
    extra = SessionLog(
        date=day,
        minutes=20,
        session_rpe=5,
        sets=[SetLog(exercise_id="side_plank", set_number=n, seconds=30, side="left", rpe=6) for n in (1, 2)],
        pains=[pain],
    )
    sessions = tuple(sorted([*diary.sessions, extra], key=lambda s: s.date))
    pains = tuple(sorted([*diary.pains, pain], key=lambda p: p.date))
    return dataclasses.replace(diary, sessions=sessions, pains=pains)


def store_everything(store, profile, plan, diary: DiaryWindow, *, bulk: bool = False) -> int:  # type: ignore[no-untyped-def]
    with store.write() as s:
        athlete_id = repo.store_plan(s, profile, plan, NOW).athlete.id
        if bulk:
            store_diary(s, athlete_id, diary, bulk=True)
            return athlete_id
        session_pains = {id(p) for log in diary.sessions for p in log.pains}
        for log in diary.sessions:
            repo.log_session(s, athlete_id, log)
        for w in diary.wellness:
            repo.save_wellness(s, athlete_id, w)
        for r in diary.runs:
            repo.add_run(s, athlete_id, r)
        for p in diary.pains:
            if id(p) not in session_pains:
                repo.add_pain(s, athlete_id, p)
    return athlete_id


@pytest.mark.parametrize("bulk", [False, True], ids=["one-by-one", "bulk"])
def test_load_diary_gives_the_metrics_and_review_of_the_diary_that_was_stored(store, marathoner, registry, library,
                                                                               bulk):  # fmt: skip
    profile, plan = marathoner
    diary = lived_diary(plan)
    athlete_id = store_everything(store, profile, plan, diary, bulk=bulk)
    window = dt.timedelta(days=history_window_days(registry))
    for week in plan.weeks[:REVIEWED_WEEKS]:
        end = week.start_date + 6 * DAY
        with store.read() as s:  # only the window the review reads, as `runstrong review` loads it
            loaded = load_diary(s, athlete_id, week.start_date - window, end)
        kept = diary.between(week.start_date - window, end)
        assert len(loaded.sessions) == len(kept.sessions) and len(loaded.pains) == len(kept.pains)
        assert len(loaded.runs) == len(kept.runs) and len(loaded.wellness) == len(kept.wellness)
        mine = week_metrics(plan, diary, week.start_date, library, registry)
        theirs = week_metrics(plan, loaded, week.start_date, library, registry)
        assert theirs.model_dump_json() == mine.model_dump_json(), week.index
        a = review_week(plan, profile, diary, week.start_date, real_life=RealLife(), ctx=load_context())
        b = review_week(plan, profile, loaded, week.start_date, real_life=RealLife(), ctx=load_context())
        assert b.model_dump_json() == a.model_dump_json(), week.index
    with store.read() as s:
        assert last_logged_day(s, athlete_id) == max(x.date for x in (*diary.sessions, *diary.runs, *diary.wellness))


def test_load_diary_reads_one_athlete_and_only_the_dates_asked(store, marathoner, library, registry):
    profile, plan = marathoner
    diary = lived_diary(plan)
    athlete_id = store_everything(store, profile, plan, diary, bulk=True)
    other = profile.model_copy(update={"name": "Someone else"})
    other_id = store_everything(store, other, plan, generate_diary(plan, plan.weeks[3].start_date, seed=9), bulk=True)
    assert other_id != athlete_id
    since, until = plan.weeks[4].start_date, plan.weeks[5].start_date + 6 * DAY
    with store.read() as s:
        loaded = load_diary(s, athlete_id, since, until)
        last = max(x.date for x in (*diary.sessions, *diary.runs, *diary.wellness, *diary.pains))
        assert load_diary(s, athlete_id, last + DAY, last + 30 * DAY) == DiaryWindow()
    kept = diary.between(since, until)
    assert [x.date for x in loaded.sessions] == [x.date for x in kept.sessions]
    assert [(x.date, x.type, x.minutes) for x in loaded.runs] == [(x.date, x.type, x.minutes) for x in kept.runs]
    assert [x.date for x in loaded.wellness] == [x.date for x in kept.wellness]
    assert [len(x.sets) for x in loaded.sessions] == [len(x.sets) for x in kept.sessions]


def stored_review(store, profile, plan, week_index: int, library, registry, **life):  # type: ignore[no-untyped-def]
    diary = generate_diary(plan, plan.weeks[week_index].start_date + 6 * DAY, seed=week_index)
    review = review_week(
        plan, profile, diary, plan.weeks[week_index].start_date, real_life=RealLife(**life), ctx=load_context()
    )
    _, new_plan = apply_review(plan, profile, review, ctx=load_context())
    return review, new_plan


def test_a_second_review_of_the_same_week_replaces_the_first(store, marathoner, library, registry):
    profile, plan = marathoner
    athlete_id = store_everything(store, profile, plan, DiaryWindow())
    first, _ = stored_review(store, profile, plan, 4, library, registry)
    again, _ = stored_review(store, profile, plan, 4, library, registry, ill=True)
    assert again.model_dump_json() != first.model_dump_json()
    with store.write() as s:
        one = store_review(s, athlete_id, first, 1, 2, NOW)
    with store.write() as s:
        two = store_review(s, athlete_id, again, 2, 3, NOW + DAY)
    assert one == two
    with store.read() as s:
        columns = (ReviewRow.plan_version_before, ReviewRow.plan_version_after, ReviewRow.created_at)
        rows = s.execute(select(*columns)).all()
        assert [tuple(r) for r in rows] == [(2, 3, NOW + DAY)]
        assert latest_review(s, athlete_id).model_dump_json() == again.model_dump_json()


def test_latest_review_is_the_latest_week_whatever_the_order_stored(store, marathoner, library, registry):
    profile, plan = marathoner
    athlete_id = store_everything(store, profile, plan, DiaryWindow())
    other_id = store_everything(store, profile.model_copy(update={"name": "Other runner"}), plan, DiaryWindow())
    with store.read() as s:
        assert latest_review(s, athlete_id) is None
    week5, _ = stored_review(store, profile, plan, 5, library, registry)
    week3, _ = stored_review(store, profile, plan, 3, library, registry)
    week9, _ = stored_review(store, profile, plan, 9, library, registry)
    with store.write() as s:
        store_review(s, athlete_id, week5, 1, 2, NOW)
        store_review(s, athlete_id, week3, 2, 3, NOW + DAY)  # an older week, reviewed later
        store_review(s, other_id, week9, 1, 2, NOW)
    with store.read() as s:
        assert latest_review(s, athlete_id).week_start == week5.week_start
        assert latest_review(s, athlete_id).model_dump_json() == week5.model_dump_json()
        assert latest_review(s, other_id).week_start == week9.week_start
        assert s.scalar(select(func.count()).select_from(ReviewRow)) == 3


def test_a_stored_review_reads_back_as_the_same_review(store, marathoner, library, registry):
    profile, plan = marathoner
    athlete_id = store_everything(store, profile, plan, DiaryWindow())
    travel = plan.weeks[7].start_date
    review, _ = stored_review(
        store, profile, plan, 6, library, registry, travel_start=travel, travel_end=travel + 9 * DAY,
        travel_equipment=["bands"], race_date=profile.race.date + 7 * DAY,
    )  # fmt: skip
    with store.write() as s:
        store_review(s, athlete_id, review, 1, 2, NOW)
    with store.read() as s:
        back = latest_review(s, athlete_id)
    assert back == review
    assert back.model_dump_json() == review.model_dump_json()
