"""`runstrong run import` as a runner uses it: real processes, a real SQLite diary, a
folder of real and broken files.

Exit status (documented in the command's help): 0 when every file was read, 1 when some
could not be (they are named, the rest are imported), 2 for a mistake in the command."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
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
