"""A date a year off is named where it is typed (cr22a P2): a log long before the plan starts,
a profile whose plan has already ended, and a day after the plan's end in `today`. Kept, not
refused: logging old history, or storing an old plan to read it back, are real uses."""

from __future__ import annotations

import pytest

from tests.cli.runner import env_for, run_cli

PROFILE = """
name = "Pete"
age = 52
sex = "male"
body_mass_kg = 79
strength_experience = "novice"
start_date = {start}
available_days = ["mon", "wed", "fri"]
session_cap_minutes = 35
equipment = ["dumbbell"]

[race]
distance = "half"
date = {race}
"""


@pytest.fixture
def cli(tmp_path):
    def run(day: str, *args: str, status: int = 0):
        out = run_cli(args, env=env_for(tmp_path) | {"RUNSTRONG_TODAY": day, "COLUMNS": "300"})
        assert out.returncode == status, out.stdout + out.stderr
        return out.stdout

    return run


def write(tmp_path, start: str, race: str):
    path = tmp_path / "pete.toml"
    path.write_text(PROFILE.format(start=start, race=race))
    return str(path)


def test_a_log_a_year_before_the_plan_starts_is_kept_and_asks_whether_the_year_is_wrong(cli, tmp_path):
    cli("2027-01-08", "athlete", "add", write(tmp_path, "2027-01-04", "2027-03-21"))
    said = cli("2027-01-08", "log", "--date", "2026-01-08", "--set", "dumbbell rdl 3x8@12.5kg rpe6")
    assert "Thu 08 Jan 2026 is 361 days before your plan starts (04 Jan 2027): did you mean 08 Jan 2027?" in said
    near = cli("2027-01-08", "log", "--date", "2027-01-02", "--set", "dumbbell rdl 3x8@12.5kg rpe6")
    assert "before your plan starts" not in near  # two days before the start: warming up to the plan


def test_a_profile_whose_plan_has_ended_is_stored_and_said_to_have_ended(cli, tmp_path):
    said = cli("2027-01-08", "athlete", "add", write(tmp_path, "2026-06-01", "2026-09-06"))
    assert "This plan ended on" in said and "Is start_date (or the race's date) a year off?" in said
    today = cli("2027-01-08", "today")
    assert "Nothing is planned after this day either: the stored plan has ended." in today


def test_a_current_plan_says_nothing_of_an_ended_one(cli, tmp_path):
    said = cli("2027-01-08", "athlete", "add", write(tmp_path, "2027-01-04", "2027-03-21"))
    assert "ended" not in said
    assert "the stored plan has ended" not in cli("2027-01-09", "today")
