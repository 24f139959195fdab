"""The installed `runstrong` console script, run as a user runs it: separate processes.

Every other CLI test runs the command in-process (tests/cli/runner.py), which is fast but
cannot see a broken entry point, packaging, start-up import or exit status as the shell
sees it. These few walk the main paths through the real executable.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from runstrong import clock
from tests.cli.runner import pinned_date, run_cli
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.process  # the installed console script, a real process per command

RUNSTRONG = Path(sys.executable).with_name("runstrong")
TODAY = clock.today()  # the run's pinned date (tests/conftest.py)
START = TODAY - dt.timedelta(days=TODAY.weekday() + 14)  # a Monday two weeks ago
PROFILE = f"""
name = "Ann"
age = 34
body_mass_kg = 58
strength_experience = "intermediate"
consistent_strength_weeks = 8
start_date = {START}
available_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
session_cap_minutes = 40
equipment = ["gym"]

[running]
weekly = [{{ day = "tue", type = "intervals", minutes = 50 }}, {{ day = "sun", type = "long", minutes = 90 }}]
"""


@pytest.fixture
def runstrong(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The console script in tmp_path, with its own diary and nothing of this process's environment."""

    def run(*args: str, db: str = "diary.db") -> subprocess.CompletedProcess:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(tmp_path),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "RUNSTRONG_DB": str(tmp_path / db),
            "COLUMNS": "120",
            "NO_COLOR": "1",
        } | pinned_date()
        return subprocess.run(
            [str(RUNSTRONG), *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    return run


def test_the_console_script_is_installed_and_teaches_its_commands(runstrong):
    out = runstrong("--help")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Usage: runstrong")
    for command in ("demo", "plan", "log", "review", "serve", "booklet"):
        assert f"\n  {command} " in out.stdout


def test_version_matches_the_package(runstrong):
    from runstrong import __version__

    out = runstrong("--version")
    assert out.returncode == 0 and __version__ in out.stdout


def test_demo_prints_a_plan_without_any_set_up(runstrong, tmp_path):
    out = runstrong("demo")
    assert out.returncode == 0, out.stderr
    assert "Weeks at a glance" in out.stdout and "Foundation" in out.stdout
    assert not (tmp_path / "diary.db").exists()  # a demo writes nothing


def test_a_plan_as_json_is_a_whole_plan(runstrong):
    out = runstrong("plan", str(EXAMPLES / "novice.toml"), "--format", "json")
    assert out.returncode == 0, out.stderr
    plan = json.loads(out.stdout)
    assert len(plan["weeks"]) == 12
    assert all(session["blocks"] for week in plan["weeks"] for session in week["sessions"])


def test_a_missing_profile_is_a_user_error_with_exit_status_2(runstrong):
    out = runstrong("plan", "nowhere.toml")
    assert out.returncode == 2
    assert "nowhere.toml" in out.stderr and "Traceback" not in out.stderr and out.stdout == ""


def test_a_logged_set_survives_export_and_import_into_another_diary(runstrong, tmp_path):
    """The diary is set up in-process (tests/cli/runner.py); the round trip is the console script's."""
    (tmp_path / "ann.toml").write_text(PROFILE, "utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "RUNSTRONG_DB": str(tmp_path / "diary.db")}
    assert run_cli(["athlete", "add", "ann.toml"], env=env, cwd=tmp_path).returncode == 0
    logged = run_cli(["log", "--set", "rdl 3x8@40kg rpe7"], env=env, cwd=tmp_path)
    assert logged.returncode == 0, logged.stderr
    exported = runstrong("export", "-o", "backup.json")
    assert exported.returncode == 0, exported.stderr
    imported = runstrong("import", "backup.json", db="other.db")
    assert imported.returncode == 0, imported.stderr
    history = runstrong("history", "--exercise", "rdl", db="other.db")
    assert history.returncode == 0, history.stderr
    assert "3x8 @40kg rpe7" in history.stdout
