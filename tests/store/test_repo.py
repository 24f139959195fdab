"""Repository functions on a real database: versions, planned days, logging, history."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from runstrong.core.diary import Note, PainReport, RunLog, SessionLog, SetLog, Wellness, sets_as_planned
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from runstrong.store import queries, repo
from runstrong.store.tables import SetLogRow
from tests.conftest import EXAMPLES

NOW = dt.datetime(2027, 1, 1, 9, 0)


@pytest.fixture(scope="module")
def profile():
    return load_profile(EXAMPLES / "marathoner.toml")


@pytest.fixture(scope="module")
def plan(profile):
    return build_plan(profile, load_context())


@pytest.fixture
def athlete(store, profile, plan):
    with store.write() as s:
        return repo.store_plan(s, profile, plan, NOW).athlete


def sets(exercise: str, n: int, reps: int, load: float | None = None, rpe: float | None = None) -> list[SetLog]:
    return [SetLog(exercise_id=exercise, set_number=i, reps=reps, load_kg=load, rpe=rpe) for i in range(1, n + 1)]


def test_storing_the_same_profile_again_adds_no_version(store, profile, plan, athlete):
    with store.write() as s:
        again = repo.store_plan(s, profile, plan, NOW)
    assert (again.new_athlete, again.new_plan, again.plan_version) == (False, False, 1)


def test_a_changed_profile_is_a_new_plan_version_and_the_old_one_stays(store, profile, athlete):
    changed = profile.model_copy(update={"session_cap_minutes": 30})
    with store.write() as s:
        stored = repo.store_plan(s, changed, build_plan(changed, load_context()), NOW)
    assert (stored.profile_version, stored.plan_version, stored.new_plan) == (2, 2, True)
    with store.read() as s:
        from runstrong.store.transfer import export_athlete

        diary = export_athlete(s, athlete.id)
    assert [p.version for p in diary.plans] == [1, 2]
    assert diary.plans[0].profile_version == 1 and diary.plans[1].profile_version == 2
    assert diary.profiles[1].profile["session_cap_minutes"] == 30


def test_the_planned_day_comes_from_the_current_plan(store, plan, athlete):
    first = plan.weeks[0].sessions[0]
    with store.read() as s:
        day = repo.planned_day(s, athlete.id, first.date)
        later = repo.next_planned_session(s, athlete.id, first.date)
    assert day.plan_version == 1
    assert [b.exercise_id for b in day.sessions[0].blocks] == [b.exercise_id for b in first.blocks]
    assert [r.minutes for r in day.runs] == [r.minutes for r in plan.weeks[0].runs if r.date == first.date]
    assert later is not None and later.date == plan.weeks[0].sessions[1].date


def test_logging_twice_on_a_day_adds_to_the_session_and_numbers_on(store, athlete):
    day = dt.date(2027, 1, 5)
    with store.write() as s:
        first = repo.log_session(s, athlete.id, SessionLog(date=day, sets=sets("romanian_deadlift", 2, 8, 40)))
    with store.write() as s:
        second = repo.log_session(
            s, athlete.id, SessionLog(date=day, session_rpe=7, sets=sets("romanian_deadlift", 1, 6, 45)), first.id
        )
    assert (second.id, second.appended, second.new_sets, second.total_sets) == (first.id, True, 1, 3)
    with store.read() as s:
        logged = queries.exercise_log(s, athlete.id, "romanian_deadlift")
    assert sorted(x.set.set_number for x in logged) == [1, 2, 3]


def test_a_second_check_in_updates_the_answers_it_gives(store, athlete):
    day = dt.date(2027, 1, 5)
    with store.write() as s:
        assert repo.save_wellness(s, athlete.id, Wellness(date=day, mood=3, sleep_hours=7)) == []
    with store.write() as s:
        assert repo.save_wellness(s, athlete.id, Wellness(date=day, mood=4)) == ["mood"]
    with store.read() as s:
        from runstrong.store.transfer import export_athlete

        (w,) = export_athlete(s, athlete.id).wellness
    assert (w.mood, w.sleep_hours) == (4, 7)


def test_an_error_inside_a_command_writes_nothing(store, athlete):
    with pytest.raises(RuntimeError), store.write() as s:
        repo.log_session(s, athlete.id, SessionLog(date=dt.date(2027, 1, 5), sets=sets("plank", 3, 1)))
        raise RuntimeError("the command failed half-way")
    with store.read() as s:
        assert s.scalar(select(func.count(SetLogRow.id))) == 0


def test_history_by_week_adds_up_the_diary(store, athlete):
    monday = dt.date(2027, 1, 4)
    with store.write() as s:
        repo.log_session(
            s,
            athlete.id,
            SessionLog(
                date=monday,
                minutes=40,
                session_rpe=6,
                sets=sets("romanian_deadlift", 3, 8, 40) + sets("side_plank", 2, 5),
                pains=[PainReport(date=monday, area="knee", score=2)],
            ),
        )
        repo.log_session(s, athlete.id, SessionLog(date=monday + dt.timedelta(days=3), minutes=30, session_rpe=8))
        repo.add_run(s, athlete.id, RunLog(date=monday, type="easy", minutes=45, distance_km=8))
        repo.add_run(s, athlete.id, RunLog(date=monday + dt.timedelta(days=6), type="long", minutes=90, distance_km=16))
        repo.save_wellness(s, athlete.id, Wellness(date=monday, sleep_hours=7, mood=4, energy=2))
        repo.save_wellness(s, athlete.id, Wellness(date=monday + dt.timedelta(days=1), sleep_hours=8, mood=5))
        repo.add_pain(s, athlete.id, PainReport(date=monday + dt.timedelta(days=2), area="achilles", score=4))
        repo.add_run(s, athlete.id, RunLog(date=monday + dt.timedelta(days=7), type="easy", minutes=30))
    with store.read() as s:
        weeks = queries.history_by_week(s, athlete.id)
    first, second = weeks
    assert (first.week_start, first.sessions, first.sets, first.reps) == (monday, 2, 5, 34)
    assert first.tonnage_kg == 3 * 8 * 40
    assert first.session_rpe == 7 and first.srpe_load == 6 * 40 + 8 * 30
    assert (first.runs, first.run_minutes, first.run_km) == (2, 135, 24)
    assert first.sleep_hours == 7.5 and first.wellness == pytest.approx((3 + 5) / 2, abs=0.01)
    assert first.max_pain == 4
    assert (second.week_start, second.runs, second.sets) == (monday + dt.timedelta(days=7), 1, 0)


def test_history_by_week_holds_every_note_the_runner_wrote_named_by_where(store, athlete):
    """cr22a P4: a check-in's "flu, fever" and a session's "still tired" were in the diary, not in history."""
    monday = dt.date(2027, 1, 11)
    with store.write() as s:
        repo.save_wellness(s, athlete.id, Wellness(date=monday, sleep_hours=5, energy=1, note="flu, fever"))
        repo.add_note(s, athlete.id, Note(date=monday + dt.timedelta(days=1), text="still ill"))
        repo.log_session(s, athlete.id, SessionLog(date=monday + dt.timedelta(days=2), note="did less, still tired",
                                                   sets=sets("romanian_deadlift", 2, 8, 10)))  # fmt: skip
        repo.add_run(
            s, athlete.id, RunLog(date=monday + dt.timedelta(days=3), type="easy", minutes=20, note="legs heavy")
        )
        repo.add_pain(
            s, athlete.id, PainReport(date=monday + dt.timedelta(days=4), area="knee", score=3, note="stairs")
        )
        repo.save_wellness(s, athlete.id, Wellness(date=monday + dt.timedelta(days=5), mood=3))  # no note: none shown
    with store.read() as s:
        (week,) = queries.history_by_week(s, athlete.id)
    assert [n.text for n in week.notes] == [
        "check-in: flu, fever", "still ill", "session: did less, still tired", "run: legs heavy", "pain: stairs",
    ]  # fmt: skip


def test_history_by_exercise_sums_each_measure(store, athlete):
    with store.write() as s:
        for day, load in ((dt.date(2027, 1, 4), 40), (dt.date(2027, 1, 7), 45)):
            repo.log_session(s, athlete.id, SessionLog(date=day, sets=sets("romanian_deadlift", 3, 8, load, 7)))
        plank = [SetLog(exercise_id="side_plank", set_number=1, seconds=30, side="left")]
        repo.log_session(s, athlete.id, SessionLog(date=dt.date(2027, 1, 5), sets=plank))
    with store.read() as s:
        rows = {r.exercise_id: r for r in queries.history_by_exercise(s, athlete.id)}
    rdl = rows["romanian_deadlift"]
    assert (rdl.sessions, rdl.sets, rdl.total, rdl.measure, rdl.best_load_kg, rdl.mean_rpe) == (2, 6, 48, "reps", 45, 7)
    assert (rdl.first_date, rdl.last_date) == (dt.date(2027, 1, 4), dt.date(2027, 1, 7))
    assert (rows["side_plank"].measure, rows["side_plank"].total) == ("seconds", 30)


def test_a_one_sided_lift_counts_as_the_plan_counts_it_however_it_was_logged(store, athlete):
    """`--set "split squat 3x8/side"` stores a left and a right set of each number, the web form
    one row a set: history counts both as the plan's "3 x 8/side", three sets, a weaker side's
    extra set as a fourth, and the same reps and volume."""
    by_side = [
        SetLog(exercise_id="dumbbell_split_squat", set_number=n, reps=8, load_kg=10, side=side)
        for side in ("left", "right")
        for n in (1, 2, 3)
    ] + [SetLog(exercise_id="dumbbell_split_squat", set_number=4, reps=8, load_kg=10, side="left")]
    one_row = [*sets("dumbbell_rear_foot_elevated_split_squat", 3, 8, 10)]
    one_row.append(SetLog(exercise_id="dumbbell_rear_foot_elevated_split_squat", set_number=1, reps=8, load_kg=10,
                          side="left"))  # fmt: skip
    with store.write() as s:
        repo.log_session(s, athlete.id, SessionLog(date=dt.date(2027, 1, 4), sets=by_side))
        repo.log_session(s, athlete.id, SessionLog(date=dt.date(2027, 1, 7), sets=one_row))
    with store.read() as s:
        rows = {r.exercise_id: r for r in queries.history_by_exercise(s, athlete.id)}
        (week,) = queries.history_by_week(s, athlete.id)
    sided, web = rows["dumbbell_split_squat"], rows["dumbbell_rear_foot_elevated_split_squat"]
    assert (sided.sets, sided.total) == (web.sets, web.total) == (4, 32)
    assert (week.sets, week.reps, week.tonnage_kg) == (8, 64, 640)


def test_last_sets_are_from_the_latest_earlier_session(store, plan, athlete):
    session = plan.weeks[0].sessions[0]
    from runstrong.core.diary import planned_work

    planned = planned_work(plan)[0][0]
    with store.write() as s:
        repo.log_session(s, athlete.id, SessionLog(date=session.date, sets=sets_as_planned(planned)))
    exercise = sets_as_planned(planned)[0].exercise_id
    with store.read() as s:
        before = repo.last_sets(s, athlete.id, [exercise], session.date)
        after = repo.last_sets(s, athlete.id, [exercise], session.date + dt.timedelta(days=1))
    assert before == {} and len(after[exercise]) >= 1


def test_screens_in_the_profile_become_assessments_once(store, profile, plan):
    from runstrong.core.screen import Screen
    from runstrong.store.transfer import export_athlete

    screen = Screen(
        date=dt.date(2026, 12, 28),
        hip_hinge_pass=True,
        plank_seconds=60,
        side_plank_left_seconds=40,
        side_plank_right_seconds=35,
        single_leg_squat_left="good",
        single_leg_squat_right="fair",
        balance_open_left_seconds=30,
        balance_open_right_seconds=25,
        heel_raise_left=20,
        heel_raise_right=18,
    )
    screened = profile.model_copy(update={"screens": [screen]})
    with store.write() as s:
        a = repo.store_plan(s, screened, plan, NOW).athlete
        repo.store_plan(s, screened, plan, NOW)
    with store.read() as s:
        (assessment,) = export_athlete(s, a.id).assessments
    assert assessment.date == screen.date and assessment.results["side_plank_right_seconds"] == 35
