"""`runstrong run import` as a runner uses it: real processes, a real SQLite diary, a
folder of real and broken files.

Exit status (documented in the command's help): 0 when every file was read, 1 when some
could not be (they are named, the rest are imported), 2 for a mistake in the command."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.activity_files import ACTIVITIES, fit_run
from tests.cli.runner import run_cli

PROFILE = """
name = "Ann"
age = 34
body_mass_kg = 58
start_date = 2024-05-06
plan_weeks = 12
available_days = ["mon", "wed", "fri"]
equipment = ["bodyweight"]

[running]
weekly = [{ day = "tue", type = "intervals", minutes = 50 }, { day = "sun", type = "long", minutes = 90 }]
"""


@pytest.fixture
def runstrong(tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "RUNSTRONG_DB": str(tmp_path / "diary.db"),
            "COLUMNS": "200",
            "NO_COLOR": "1",
            "TZ": "Europe/Berlin",
        }
        return run_cli(args, env=env, cwd=tmp_path)

    (tmp_path / "ann.toml").write_text(PROFILE)
    assert run("athlete", "add", "ann.toml").returncode == 0
    return run


def runs_in(tmp_path: Path) -> list[tuple]:
    with sqlite3.connect(tmp_path / "diary.db") as conn:
        query = "SELECT date, type, minutes, distance_km, avg_hr, source FROM runs ORDER BY date"
        return conn.execute(query).fetchall()


def activity_folder(tmp_path: Path) -> Path:
    """Three FIT runs, a GPX and a TCX run, a ride, and a broken file in the middle."""
    folder = tmp_path / "watch"
    folder.mkdir()
    utc = dt.UTC
    (folder / "a-morning.fit").write_bytes(fit_run(dt.datetime(2024, 6, 3, 5, 30, tzinfo=utc), 42, 8.1))
    (folder / "b-long.fit").write_bytes(fit_run(dt.datetime(2024, 6, 9, 6, 0, tzinfo=utc), 112, 21.3))
    (folder / "c-ride.fit").write_bytes(fit_run(dt.datetime(2024, 6, 8, 7, 0, tzinfo=utc), 95, 40.0, sport="cycling"))
    (folder / "d-broken.fit").write_bytes(fit_run(dt.datetime(2024, 6, 10, 5, 0, tzinfo=utc), 30, 6.0)[:700])
    (folder / "e-late.fit").write_bytes(fit_run(dt.datetime(2024, 6, 11, 18, 0, tzinfo=utc), 35, 7.0))
    shutil.copy(ACTIVITIES / "hr-track.gpx", folder / "f-track.gpx")
    shutil.copy(ACTIVITIES / "hr-laps.tcx", folder / "g-laps.tcx")
    return folder


def test_a_broken_file_in_the_middle_is_named_and_the_others_are_imported(runstrong, tmp_path):
    folder = activity_folder(tmp_path)
    done = runstrong("run", "import", str(folder))
    assert done.returncode == 1, done.stderr
    assert "Imported 5 runs from 7 files into Ann's diary" in done.stdout
    assert "1 could not be read" in done.stdout and "d-broken.fit: truncated" in done.stdout
    assert "c-ride.fit: cycling (add --cross-training" in done.stdout
    assert "Traceback" not in done.stderr
    stored = runs_in(tmp_path)
    assert [r[0] for r in stored] == ["2024-05-20", "2024-05-25", "2024-06-03", "2024-06-09", "2024-06-11"]
    assert [r[1] for r in stored] == ["tempo", "long", "easy", "long", "easy"]
    assert stored[1][4] == 154 and all(r[5] for r in stored)


def test_importing_again_finds_every_run_already_there(runstrong, tmp_path):
    folder = activity_folder(tmp_path)
    runstrong("run", "import", str(folder))
    (folder / "d-broken.fit").unlink()
    shutil.copy(folder / "a-morning.fit", folder / "copy-of-a-morning.fit")
    done = runstrong("run", "import", str(folder))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Imported 0 runs from 7 files" in done.stdout and "6 already in the diary" in done.stdout
    assert len(runs_in(tmp_path)) == 5


def test_a_run_logged_by_hand_is_not_imported_twice(runstrong, tmp_path):
    assert runstrong("run", "add", "easy", "43", "--distance", "8.1km", "--date", "2024-06-03").returncode == 0
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "run.fit").write_bytes(fit_run(dt.datetime(2024, 6, 3, 5, 30, tzinfo=dt.UTC), 42, 8.1))
    done = runstrong("run", "import", str(folder / "run.fit"))
    assert done.returncode == 0 and "1 already in the diary" in done.stdout
    assert len(runs_in(tmp_path)) == 1


def test_a_run_typed_after_the_same_run_was_imported_is_answered_already_in_the_diary(runstrong, tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "run.fit").write_bytes(fit_run(dt.datetime(2024, 6, 3, 5, 30, tzinfo=dt.UTC), 48, 9.0))
    assert runstrong("run", "import", str(folder / "run.fit")).returncode == 0
    typed = runstrong("run", "add", "easy", "48", "--distance", "9km", "--rpe", "3", "--date", "2024-06-03")
    assert typed.returncode == 0, typed.stderr
    assert "Already in the diary: an imported run of 48 min / 9.0 km" in typed.stdout and "--again" in typed.stdout
    assert len(runs_in(tmp_path)) == 1
    other = runstrong("run", "add", "easy", "20", "--distance", "4km", "--date", "2024-06-03")  # a second, shorter run
    both = runstrong("run", "add", "easy", "48", "--distance", "9km", "--date", "2024-06-03", "--again")
    assert other.returncode == 0 and both.returncode == 0 and "Logged" in both.stdout
    assert len(runs_in(tmp_path)) == 3


def test_dry_run_writes_nothing(runstrong, tmp_path):
    folder = activity_folder(tmp_path)
    done = runstrong("run", "import", str(folder), "--dry-run", "--cross-training")
    assert done.returncode == 1
    assert "Would import 6 runs (1 of them cross-training)" in done.stdout
    assert "Dry run: nothing was written." in done.stdout
    assert runs_in(tmp_path) == []


def test_cross_training_keeps_the_ride(runstrong, tmp_path):
    folder = activity_folder(tmp_path)
    (folder / "d-broken.fit").unlink()
    done = runstrong("run", "import", str(folder), "--cross-training")
    assert done.returncode == 0
    assert runs_in(tmp_path)[3][:5] == ("2024-06-08", "cross_train", 95.0, 40.0, 150)


def test_strava_and_garmin_lists_of_the_same_runs(runstrong, tmp_path):
    done = runstrong(
        "run", "import", str(ACTIVITIES / "strava-activities.csv"), str(ACTIVITIES / "garmin-activities.csv")
    )
    assert done.returncode == 1  # one bad row in each file, named with its row number
    assert "strava-activities.csv row 9" in done.stdout and "garmin-activities.csv row 8" in done.stdout
    assert "2 already in the diary" in done.stdout
    dates = [r[0] for r in runs_in(tmp_path)]
    assert dates.count("2024-06-02") == 1 and dates.count("2024-06-09") == 1


def test_real_fit_files_from_other_programs(runstrong, tmp_path, shared):
    done = runstrong("run", "import", str(shared / "data" / "fit"))
    assert done.returncode == 1
    assert "strava-android-app-201.10-b1218918.fit: truncated" in done.stdout
    assert "WorkoutRepeatSteps.fit: a FIT workout file" in done.stdout
    assert ("2015-08-15", "easy", 47.2, 9.008) in [r[:4] for r in runs_in(tmp_path)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "import", "nowhere"], "does not exist"),
        (["run", "import", "."], "PATH: no .fit, .gpx, .tcx or .csv files"),
        (["run", "import", ".", "--athlete", "Bob"], "athlete: "),
    ],
)
def test_command_mistakes_exit_2_and_write_nothing(runstrong, tmp_path, args, message):
    if "Bob" in args:
        activity_folder(tmp_path)
    done = runstrong(*args)
    assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
    assert runs_in(tmp_path) == []


def test_a_strength_workout_done_with_the_watch_is_logged_against_its_session(runstrong, tmp_path):
    """Plan session -> FIT workout -> the activity the watch records (one weight changed on
    the watch) -> run import -> the diary holds the session as done; review counts it."""
    from zoneinfo import ZoneInfo

    from tests.data.watch_strength import Change, completed_workout, work_steps

    done = runstrong("fit", "--week", "1", "-o", "week1")
    assert done.returncode == 0, done.stderr
    workout = sorted((tmp_path / "week1").iterdir())[0]  # W01-A-...
    steps = work_steps(workout.read_bytes())
    changed = next(i for i, s in enumerate(steps) if s["intensity"] == "active")
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile

    day = build_plan(load_profile(tmp_path / "ann.toml"), load_context(), least_bad=True).weeks[0].sessions[0].date
    start = dt.datetime.combine(day, dt.time(18, 5), ZoneInfo("Europe/Berlin"))
    data = completed_workout(workout.read_bytes(), start, changes=(Change(changed, weight_kg=12.5),))
    (tmp_path / "strength.fit").write_bytes(data)

    out = runstrong("run", "import", "strength.fit")
    assert out.returncode == 0, out.stderr
    assert f"Logged the strength workout of {day:%a %d %b %Y} from the watch: {len(steps)} sets" in out.stdout
    db = tmp_path / "diary.db"
    with sqlite3.connect(db) as conn:
        [(label, planned, logged, minutes)] = conn.execute(
            "SELECT planned_label, planned_date, date, minutes FROM session_logs"
        ).fetchall()
        loads = conn.execute("SELECT exercise_id, side, load_kg FROM set_logs WHERE load_kg IS NOT NULL").fetchall()
        count = conn.execute("SELECT count(*) FROM set_logs").fetchone()[0]
    assert (label, planned, logged) == ("A", str(day), str(day)) and minutes > 5
    assert count == len(steps) and len(loads) == 1 and loads[0][2] == 12.5
    shown = runstrong("today", "--date", str(day))
    assert f"logged ({count} sets)" in shown.stdout, shown.stdout
    history = runstrong("history", "--exercise", loads[0][0], "--all", "--format", "json")
    assert history.returncode == 0, history.stderr
    assert "12.5" in history.stdout and str(day) in history.stdout, history.stdout  # the diary shows the new weight

    again = runstrong("run", "import", "strength.fit")
    assert again.returncode == 0 and "in the diary already" in again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM set_logs").fetchone()[0] == count

    review = runstrong("review", "--week", str(day), "--dry-run", "--format", "json")
    assert review.returncode == 0, review.stderr
    metrics = json.loads(review.stdout)["review"]["metrics"]
    assert metrics["done_sessions"] == 1, metrics
    tonnage = sum(c["tonnage_kg"] for c in metrics["categories"])
    assert tonnage == 12.5 * steps[changed]["duration_reps"]  # the weight changed on the watch counts


def test_a_watch_workout_done_a_day_late_counts_for_the_session_it_was_sent_as(runstrong, tmp_path):
    from zoneinfo import ZoneInfo

    from tests.data.watch_strength import completed_workout

    assert runstrong("fit", "--week", "1", "-o", "week1").returncode == 0
    second = sorted((tmp_path / "week1").iterdir())[1]  # session B
    with sqlite3.connect(tmp_path / "diary.db") as conn:
        assert conn.execute("SELECT count(*) FROM session_logs").fetchone()[0] == 0
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile

    planned = build_plan(load_profile(tmp_path / "ann.toml"), load_context(), least_bad=True).weeks[0].sessions[1].date
    late = dt.datetime.combine(planned + dt.timedelta(days=1), dt.time(7), ZoneInfo("Europe/Berlin"))
    (tmp_path / "late.fit").write_bytes(completed_workout(second.read_bytes(), late))
    assert runstrong("run", "import", "late.fit").returncode == 0
    with sqlite3.connect(tmp_path / "diary.db") as conn:
        logged = conn.execute("SELECT date, planned_date, planned_label FROM session_logs").fetchall()
    assert logged == [(str(planned + dt.timedelta(days=1)), str(planned), "B")]


def test_a_strava_export_archive_imports_its_runs_once_naming_broken_files(runstrong, tmp_path):
    from tests.data.strava_archive import strava_archive

    contents = strava_archive(tmp_path / "export_1234.zip", 40, broken_every=17)
    out = runstrong("import-archive", "export_1234.zip")
    assert out.returncode == 1, out.stderr  # broken files are named; the rest is stored
    assert f"Imported {contents.runs} runs from " in out.stdout
    assert all(name in out.stdout for name in contents.broken) and len(contents.broken) == 2
    assert "Ride (add --cross-training" in out.stdout and "Traceback" not in out.stderr
    with sqlite3.connect(tmp_path / "diary.db") as conn:
        stored = conn.execute("SELECT count(*), count(DISTINCT source) FROM runs").fetchone()
    assert stored == (contents.runs, contents.runs)
    again = runstrong("import-archive", "export_1234.zip")
    assert "Imported 0 runs" in again.stdout and f"{contents.runs} already in the diary" in again.stdout
    (tmp_path / "not.zip").write_text("<html>rate limited</html>")
    refused = runstrong("import-archive", "not.zip")
    assert refused.returncode == 2 and "not a readable .zip archive" in refused.stderr


@pytest.mark.process
def test_at_a_terminal_an_activity_at_no_runners_pace_is_asked_about(runstrong, tmp_path):
    import pexpect

    shutil.copy(ACTIVITIES / "korita-zbevnica.gpx", tmp_path / "hike.gpx")  # 6.3 km in 218 min
    shutil.copy(ACTIVITIES / "tcx2gpx-2019-10-20.tcx", tmp_path / "other.tcx")  # Sport "Other", 5.6 km/h
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "RUNSTRONG_DB": str(tmp_path / "diary.db"), "NO_COLOR": "1", "TZ": "Europe/Berlin"}  # fmt: skip
    child = pexpect.spawn(sys.executable, ["-m", "runstrong", "run", "import", "hike.gpx", "other.tcx"],
                          cwd=str(tmp_path), env=env, encoding="utf-8", timeout=60, dimensions=(40, 200))  # fmt: skip
    child.expect_exact("walking or hiking pace (6.3 km in 218 min). Was it a run?")
    child.sendline("n")
    child.expect_exact("walking or hiking pace (13.4 km in 144 min). Was it a run?")
    child.sendline("y")
    child.expect_exact("Imported 1 run")  # bold at a terminal: the rest of the line follows the markup
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    with sqlite3.connect(tmp_path / "diary.db") as conn:
        assert conn.execute("SELECT date, type, distance_km FROM runs").fetchall() == [("2019-10-20", "long", 13.423)]


def test_a_garmin_connect_export_imports_its_runs_once_and_skips_runs_imported_before(runstrong, tmp_path):
    from tests.data.garmin_archive import garmin_archive

    shutil.copy(ACTIVITIES / "hr-track.gpx", tmp_path / "may.gpx")  # 2024-05-20 05:10 UTC, 30 min, 5.96 km
    assert runstrong("run", "import", "may.gpx").returncode == 0
    contents = garmin_archive(tmp_path / "garmin.zip", 20, first_day=dt.date(2024, 5, 10))
    import zipfile

    from tests.data.garmin_archive import FITNESS, summary

    with zipfile.ZipFile(tmp_path / "garmin.zip") as z:
        listed = json.loads(z.read(FITNESS))
    # the same May 20 run as the .gpx, as Garmin lists it (ids differ, the start is the same)
    listed[0]["summarizedActivitiesExport"].append(
        summary(99, dt.datetime(2024, 5, 20, 5, 10, tzinfo=dt.UTC), 30, 5.96, "running", 2)
    )
    with zipfile.ZipFile(tmp_path / "garmin.zip", "a") as z:
        z.writestr("DI_CONNECT/DI-Connect-Fitness/ann@example.com_1_summarizedActivities.json", json.dumps(listed))
    out = runstrong("import-archive", "garmin.zip")
    assert out.returncode == 0, out.stdout + out.stderr
    assert f"Imported {len(contents.runs)} runs from " in out.stdout, out.stdout
    with sqlite3.connect(tmp_path / "diary.db") as conn:
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == len(contents.runs) + 1
    again = runstrong("import-archive", "garmin.zip")
    assert again.returncode == 0 and "Imported 0 runs" in again.stdout


@pytest.mark.process
def test_an_archive_import_at_a_terminal_shows_a_progress_bar_counting_its_files(runstrong, tmp_path):
    import re
    import zipfile

    import pexpect

    from tests.data.strava_archive import strava_archive

    contents = strava_archive(tmp_path / "export_1234.zip", 30)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "RUNSTRONG_DB": str(tmp_path / "diary.db"), "TERM": "xterm", "TZ": "Europe/Berlin"}  # fmt: skip
    child = pexpect.spawn(sys.executable, ["-m", "runstrong", "import-archive", "export_1234.zip"],
                          cwd=str(tmp_path), env=env, encoding="utf-8", timeout=120, dimensions=(40, 160))  # fmt: skip
    child.expect(pexpect.EOF)
    child.close()
    shown = child.before
    assert child.exitstatus == 0, shown
    counts = re.findall(r"Reading\b.*?(\d+)/(\d+)", shown)  # the bar redraws with "done/total" files
    assert counts, shown
    with zipfile.ZipFile(tmp_path / "export_1234.zip") as z:  # every activity file of the export is counted
        files = sum(1 for n in z.namelist() if n.startswith("activities/") and not n.endswith("/"))
    assert {int(total) for _, total in counts} == {files}
    assert max(int(done) for done, _ in counts) == files
    assert f"Imported {contents.runs} runs" in re.sub(r"\x1b\[[0-9;]*m", "", shown)


def test_a_diarys_runs_csv_given_to_the_activity_import_is_refused_with_status_2_and_says_where_it_goes(
    runstrong, tmp_path
):
    """cr22a P2: a Latin-1 runs CSV (date, type, minutes) exited 1 blaming only the header."""
    csv_file = tmp_path / "runs.csv"
    csv_file.write_bytes("date,type,minutes\n2024-06-05,easy,45\n2024-06-06,café run,30\n".encode("latin-1"))
    done = runstrong("run", "import", str(csv_file))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "looks like a diary's runs.csv, which the diary import reads" in done.stdout
    assert "Nothing was written to the diary." in done.stdout and "Traceback" not in done.stderr
    assert runs_in(tmp_path) == []


def test_an_import_where_no_file_could_be_read_exits_2(runstrong, tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "cut.fit").write_bytes(fit_run(dt.datetime(2024, 6, 10, 5, 0, tzinfo=dt.UTC), 30, 6.0)[:700])
    done = runstrong("run", "import", str(folder))
    assert done.returncode == 2 and "cut.fit: truncated" in done.stdout, done.stdout + done.stderr
    assert runs_in(tmp_path) == []
