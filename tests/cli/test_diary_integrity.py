"""The diary never loses or doubles an entry (tester's report, review 17): undo takes back
exactly the last change, a retried command writes nothing twice, an athlete is one runner
whatever Unicode form their name is typed in, and a set line logs what the runner did."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest

from tests.cli.test_diary_cli import TODAY, ann, ann_diary, count, diary, rows, write_profile  # noqa: F401 (fixtures)


def test_undo_after_a_note_takes_back_the_note_not_the_run_before_it(ann):  # noqa: F811
    assert ann("run", "add", "easy", "40", "--distance", "8km", "--rpe", "3").returncode == 0
    assert ann("note", "Typo note, meant for tomorrow").returncode == 0
    undone = ann("undo")
    assert undone.returncode == 0, undone.stderr
    assert "note" in undone.stdout and "run" not in undone.stdout
    assert count(ann.path, "notes") == 0 and count(ann.path, "runs") == 1
    again = ann("undo")
    assert "Undone: logged an easy run of 40 min" in again.stdout  # "an easy run", not "a easy run"
    assert count(ann.path, "runs") == 0


def test_history_shows_each_note_under_its_week(ann):  # noqa: F811
    ann("note", "Calf tight after the hills")
    ann("note", "Slept badly: travel")
    weeks = ann("history")
    assert weeks.returncode == 0, weeks.stderr
    assert "Notes" in weeks.stdout
    assert "Calf tight after the hills" in weeks.stdout and "Slept badly: travel" in weeks.stdout
    (week,) = json.loads(ann("history", "--format", "json").stdout)
    assert [n["text"] for n in week["notes"]] == ["Calf tight after the hills", "Slept badly: travel"]


def test_a_retried_run_add_or_note_is_answered_already_logged_and_writes_nothing(ann):  # noqa: F811
    run = ("run", "add", "easy", "40", "--distance", "8km", "--rpe", "3", "--legs", "4")
    assert ann(*run).returncode == 0
    retried = ann(*run)
    assert retried.returncode == 0, retried.stderr
    assert "Already logged" in retried.stdout and "--again" in retried.stdout
    assert count(ann.path, "runs") == 1
    assert ann("note", "Légère gêne au mollet").returncode == 0
    noted = ann("note", "Légère gêne au mollet")
    assert noted.returncode == 0 and "Already" in noted.stdout
    assert count(ann.path, "notes") == 1
    assert ann("undo").returncode == 0  # the one run is the last change: nothing was recorded twice
    assert count(ann.path, "notes") == 0 and count(ann.path, "runs") == 1


def test_a_second_different_run_that_day_is_logged_and_again_logs_a_twin(ann):  # noqa: F811
    ann("run", "add", "easy", "40", "--distance", "8km", "--rpe", "3")
    assert ann("run", "add", "easy", "25", "--distance", "5km", "--rpe", "3").returncode == 0
    assert ann("run", "add", "tempo", "40", "--distance", "8km", "--rpe", "3").returncode == 0
    assert count(ann.path, "runs") == 3
    twin = ann("run", "add", "easy", "40", "--distance", "8km", "--rpe", "3", "--again")
    assert twin.returncode == 0 and "Logged" in twin.stdout
    assert rows(ann.path, "SELECT count(*) FROM runs WHERE minutes = 40 AND type = 'easy'") == [(2,)]


def test_the_same_name_in_nfd_is_the_same_athlete_and_a_look_up_ignores_case_and_accents(diary, tmp_path):  # noqa: F811
    nfc, nfd = "Léa Müller", unicodedata.normalize("NFD", "Léa Müller")
    assert nfc != nfd
    text = write_profile(tmp_path).read_text().replace('name = "Ann"', f'name = "{nfc}"')
    (tmp_path / "nfc.toml").write_text(text, encoding="utf-8")
    (tmp_path / "nfd.toml").write_text(text.replace(nfc, nfd), encoding="utf-8")
    assert diary("athlete", "add", str(tmp_path / "nfc.toml")).returncode == 0
    again = diary("athlete", "add", str(tmp_path / "nfd.toml"))
    assert again.returncode == 0, again.stderr
    assert rows(diary.path, "SELECT name FROM athletes") == [(nfc,)]
    for typed in (nfd, "lea muller", "LÉA MÜLLER"):
        found = diary("note", "-a", typed, f"typed as {typed}")
        assert found.returncode == 0, found.stderr
    assert count(diary.path, "notes") == 3
    (tmp_path / "plain.toml").write_text(text.replace(nfc, "Lea Muller"), encoding="utf-8")
    refused = diary("athlete", "add", str(tmp_path / "plain.toml"))  # another runner needs a name of their own
    assert refused.returncode == 2 and "is not 'Léa Müller'" in refused.stderr
    unknown = diary("note", "-a", "lea m", "who?")
    assert unknown.returncode == 2 and "no athlete 'lea m'" in unknown.stderr


@pytest.mark.parametrize("line", ["dumbbell romanian deadlift 3x0@16kg", "side plank 2x0s left", "rdl 8,0,8 @40kg",
                                  "farmer carry 2x0m @16kg"])  # fmt: skip
def test_a_set_of_zero_reps_seconds_or_metres_is_refused_with_exit_2_and_nothing_written(ann, line):  # noqa: F811
    out = ann("log", "--set", line)
    assert out.returncode == 2
    assert "counts nothing" in out.stderr and "--set:" in out.stderr
    assert count(ann.path, "set_logs") == 0 and count(ann.path, "session_logs") == 0
    ann("log", "--set", "rdl 3x8@40kg")
    edited = ann("log", "edit", "-e", "rdl", "--set", "2", "--reps", "0")
    assert edited.returncode == 2 and "--reps: a set of 0 reps counts nothing" in edited.stderr
    assert rows(ann.path, "SELECT reps FROM set_logs") == [(8,), (8,), (8,)]


LEA = """
name = "Léa Müller"
age = 34
sex = "female"
body_mass_kg = 60
strength_experience = "intermediate"
consistent_strength_weeks = 3
start_date = {start}
session_cap_minutes = 45
equipment = ["dumbbells"]
heaviest_loads = {{ dumbbell = 20, kettlebell = 16 }}

[race]
distance = "10k"
date = {race}

[running]
weekly = [
  {{ day = "mon", type = "easy", minutes = 40 }},
  {{ day = "tue", type = "intervals", minutes = 55 }},
  {{ day = "thu", type = "tempo", minutes = 45 }},
  {{ day = "sat", type = "easy", minutes = 35 }},
  {{ day = "sun", type = "long", minutes = 80 }},
]
"""


@pytest.fixture
def lea(diary, tmp_path):  # noqa: F811
    """A runner with dumbbells only, two weeks into her plan, and a past day her plan holds
    the Dumbbell Romanian deadlift on."""
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile

    start = TODAY - dt.timedelta(days=TODAY.weekday() + 14)
    path = tmp_path / "lea.toml"
    path.write_text(LEA.format(start=start, race=start + dt.timedelta(weeks=10, days=6)), encoding="utf-8")
    assert diary("athlete", "add", str(path)).returncode == 0
    plan = build_plan(load_profile(path), load_context(), least_bad=True)
    diary.rdl_day = next(  # type: ignore[attr-defined]
        s.date for w in plan.weeks for s in w.sessions
        if s.date < TODAY and any(b.exercise_id == "dumbbell_romanian_deadlift" for b in s.blocks)
    )  # fmt: skip
    return diary


def test_rdl_means_the_dumbbell_romanian_deadlift_of_a_runner_with_dumbbells(lea):
    day = str(lea.rdl_day)
    out = lea("log", "--date", day, "--set", "rdl 3x8@14kg rir3")
    assert out.returncode == 0, out.stderr
    assert rows(lea.path, "SELECT DISTINCT exercise_id FROM set_logs") == [("dumbbell_romanian_deadlift",)]
    shown = lea("history", "--exercise", "rdl", "--all")
    assert shown.returncode == 0 and "Dumbbell Romanian deadlift" in shown.stdout and "3x8 @14kg rir3" in shown.stdout
    other_day = lea("log", "--set", "rdl 2x10@12kg", "--new-session")  # today: not planned, still her kit's
    assert other_day.returncode == 0, other_day.stderr
    assert rows(lea.path, "SELECT DISTINCT exercise_id FROM set_logs") == [("dumbbell_romanian_deadlift",)]


def test_a_barbell_lift_logged_under_the_empty_bar_is_refused_with_the_lift_that_fits(lea):
    out = lea("log", "--date", str(lea.rdl_day), "--set", "romanian_deadlift 3x8@14kg")  # the barbell lift's id
    assert out.returncode == 2
    assert "--set: load: 14kg for Romanian deadlift is under the empty barbell (20kg)" in out.stderr
    assert "dumbbell romanian deadlift" in out.stderr
    assert count(lea.path, "set_logs") == 0
    assert lea("log", "--date", str(lea.rdl_day), "--set", "romanian_deadlift 3x8@30kg").returncode == 0  # a gym day


def test_a_name_inside_a_lift_of_the_days_session_is_that_lift_not_the_librarys_plainer_one(lea):
    out = lea("log", "--date", str(lea.rdl_day), "--set", "romanian deadlift 3x8@14kg")
    assert out.returncode == 0, out.stderr
    assert rows(lea.path, "SELECT DISTINCT exercise_id FROM set_logs") == [("dumbbell_romanian_deadlift",)]


def test_a_run_longer_than_a_plan_allows_is_refused_unless_a_race(ann):  # noqa: F811
    out = ann("run", "add", "easy", "700")
    assert out.returncode == 2 and "DURATION: 700 min is longer than a run can be (600 min" in out.stderr
    assert count(ann.path, "runs") == 0
    assert ann("run", "add", "race", "11h40").returncode == 0  # an ultra


def test_a_load_right_after_the_sets_reads_whatever_their_unit_and_a_bare_number_counts_the_lifts_own(ann):  # noqa: F811
    out = ann("log", "--set", "farmer carry 3x30m@14kg", "--set", "farmer carry 2x40 @16kg", "--set", "side_plank 2x30")
    assert out.returncode == 0, out.stderr
    query = "SELECT DISTINCT exercise_id, reps, seconds, distance_m, load_kg FROM set_logs ORDER BY id"
    assert rows(ann.path, query) == [
        ("farmer_carry", None, None, 30.0, 14.0),
        ("farmer_carry", None, None, 40.0, 16.0),
        ("side_plank", None, 30, None, None),
    ]
