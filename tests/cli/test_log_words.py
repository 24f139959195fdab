"""`runstrong log` reads a runner's words for what they did (coach read 18): a short name
is the lift of the day's session it names, and a refused log says what it did not keep."""

from __future__ import annotations

import datetime as dt

from tests.cli.test_diary_cli import TODAY, ann, ann_diary, count, diary, rows, write_profile  # noqa: F401 (fixtures)


def _plainer_name_day(run):  # type: ignore[no-untyped-def]
    """A past session day of Ann's plan, one of its lifts, and a library lift whose name lies
    inside that lift's name (not in the session, naming no other lift of it)."""
    from runstrong.core.planner import build_plan
    from runstrong.core.setline import normalise_name
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile

    ctx = load_context()
    plan = build_plan(load_profile(run.path.parent / "ann.toml"), ctx, least_bad=True)
    names = {e.id: f"_{normalise_name(e.name)}_" for e in ctx.library.exercises}
    for session in (s for w in plan.weeks for s in w.sessions if s.date < TODAY):
        ids = {b.exercise_id for b in session.blocks}
        for lift in sorted(ids):
            for plain, spelled in names.items():
                inside = [i for i in ids if spelled in f"_{i}_" or spelled in names[i]]
                if plain not in ids and spelled != names[lift] and inside == [lift]:
                    return session.date, lift, ctx.library.get(plain)
    raise AssertionError("Ann's plan has no lift with a plainer library lift inside its name")


def test_a_library_name_inside_a_lift_of_the_days_session_logs_that_lift_in_its_own_measure(ann):  # noqa: F811
    day, lift, plain = _plainer_name_day(ann)
    out = ann("log", "--date", str(day), "--set", f"{plain.name.lower()} 3x8")
    assert out.returncode == 0, out.stderr
    assert rows(ann.path, "SELECT DISTINCT exercise_id FROM set_logs") == [(lift,)]
    measure = {"reps": 0, "seconds": 1, "contacts": 2, "distance_m": 3}
    from runstrong.io.data_files import load_library

    stored = rows(ann.path, "SELECT reps, seconds, contacts, distance_m FROM set_logs")[0]
    assert stored[measure[load_library().get(lift).dose.measure]] == 8


def test_a_refused_set_line_says_the_pain_report_was_not_kept_and_how_to_log_it_alone(ann):  # noqa: F811
    yesterday = TODAY - dt.timedelta(days=1)
    out = ann("log", "--date", str(yesterday), "--set", "isoo spilt sqat 3x20s left", "--pain", "knee=5 left during")
    assert out.returncode == 2
    assert "Nothing was logged, the pain report included" in out.stderr
    assert f"runstrong wellness --date {yesterday} --pain 'knee=5 left during'" in out.stderr
    assert count(ann.path, "set_logs") == 0 and count(ann.path, "pain_reports") == 0
    alone = ann("wellness", "--date", str(yesterday), "--pain", "knee=5 left during")
    assert alone.returncode == 0, alone.stderr
    assert count(ann.path, "pain_reports") == 1


def test_history_counts_a_session_logged_without_minutes_at_the_plans_minutes(ann):  # noqa: F811
    import json

    from tests.cli.test_diary_cli import planned_days

    day = planned_days(ann)[-1]
    assert ann("log", "--date", str(day), "--as-planned", "--rpe", "5").returncode == 0
    weeks = json.loads(ann("history", "--all", "--format", "json").stdout)
    assert [w["srpe_load"] for w in weeks if w["sessions"]] and all(w["srpe_load"] > 0 for w in weeks if w["sessions"])


def test_log_edit_finds_a_short_name_among_the_days_sets_and_names_the_lift_not_its_id(ann):  # noqa: F811
    assert ann("log", "--set", "dumbbell_step_up 3x8@10kg").returncode == 0
    missing = ann("log", "edit", "--exercise", "step up", "--set", "9", "--reps", "7")
    assert missing.returncode == 2
    assert "no set 9 of Dumbbell step-up logged on" in missing.stderr and "(sets 1, 2, 3 are)" in missing.stderr
    edited = ann("log", "edit", "--exercise", "step up", "--set", "2", "--reps", "7")
    assert edited.returncode == 0, edited.stderr
    assert "Edited set 2 of Dumbbell step-up" in edited.stdout
    assert rows(ann.path, "SELECT exercise_id, reps FROM set_logs ORDER BY set_number") == [
        ("dumbbell_step_up", 8), ("dumbbell_step_up", 7), ("dumbbell_step_up", 8)]  # fmt: skip


def test_history_of_one_week_on_a_monday_shows_the_week_just_ended(ann):  # noqa: F811
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    on_monday = {"RUNSTRONG_TODAY": str(monday)}
    assert ann("run", "add", "easy", "40", "--date", str(monday - dt.timedelta(days=1)), env=on_monday).returncode == 0
    shown = ann("history", "--weeks", "1", env=on_monday)
    assert shown.returncode == 0, shown.stderr
    assert "Nothing logged" not in shown.stdout and f"{monday - dt.timedelta(days=7):%d %b %y}" in shown.stdout


def test_a_pounds_runner_logs_carries_in_yards_and_reads_the_review_in_pounds_and_miles(diary, tmp_path):  # noqa: F811
    assert diary("athlete", "add", str(write_profile(tmp_path, units="imperial"))).returncode == 0
    day = TODAY - dt.timedelta(days=TODAY.weekday() + 5)  # last week's Wednesday
    out = diary("log", "--date", str(day), "--set", "farmer_carry 3x33yd@15lb", "--set", "romanian_deadlift 3x8@90lb")
    assert out.returncode == 0, out.stderr
    assert "3x33yd @15lb" in out.stdout
    assert rows(diary.path, "SELECT DISTINCT round(distance_m, 2) FROM set_logs WHERE distance_m IS NOT NULL") == [
        (30.18,)
    ]
    assert diary("run", "add", "easy", "40", "--distance", "5", "--date", str(day)).returncode == 0
    review = diary("review", "--dry-run")
    assert review.returncode == 0, review.stderr
    assert "lb lifted" in review.stdout and "kg lifted" not in review.stdout
    assert "5.0 mi" in review.stdout and " km" not in review.stdout
    assert "99yd" in diary("history", "--by", "exercise").stdout  # 3 x 33 yd, read back in yards
