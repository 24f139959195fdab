"""Every date a person gives is bounded to 1900-2200 with a message naming the field, so
dates near year 1 or 9999 (or `--date -800000`) never overflow inside runstrong."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.conftest import EXAMPLES
from tests.fuzz.runner import run_cli

NOVICE = (EXAMPLES / "novice.toml").read_text(encoding="utf-8")
MARATHONER = (EXAMPLES / "marathoner.toml").read_text(encoding="utf-8")


@pytest.fixture
def env(tmp_path):
    return {"RUNSTRONG_DB": str(tmp_path / "diary.db"), "XDG_DATA_HOME": str(tmp_path / "data")}


@pytest.fixture
def stored(tmp_path, env):
    path = tmp_path / "novice.toml"
    path.write_text(NOVICE)
    assert run_cli("athlete", "add", str(path), env=env).code == 0
    return env


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (NOVICE.replace("start_date = 2027-01-11", "start_date = 0001-01-01"), "start_date"),
        (NOVICE.replace("start_date = 2027-01-11", "start_date = 9999-12-20"), "start_date"),
        (MARATHONER.replace("date = 2027-04-25", "date = 9999-12-31"), "race.date"),
        (NOVICE + "\n[[adjustments]]\nweek_start = 0001-01-01\ndeload = true\n", "adjustments[0].week_start"),
        (NOVICE + "\n[[exercise_swaps]]\nfrom_id = 'glute_bridge'\nsince = 9999-12-31\n", "exercise_swaps[0].since"),
    ],
)
def test_a_profile_date_at_the_calendars_ends_is_refused_with_its_field(tmp_path, text, field):
    assert "0001" in text or "9999" in text
    path = tmp_path / "p.toml"
    path.write_text(text)
    ran = run_cli("plan", str(path))
    assert ran.code == 2, ran.err
    assert f"p.toml: {field}: " in ran.err and "outside 1900-2200" in ran.err


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (("log", "--date", "-800000", "--set", "rdl 3x8"), "--date"),
        (("log", "--date", "0001-01-01", "--set", "rdl 3x8"), "--date"),
        (("today", "--date", "0001-01-02"), "--date"),
        (("review", "--dry-run", "--week", "0001-01-01"), "--week"),
        (("review", "--dry-run", "--race-date", "9999-12-31"), "--race-date"),
        (("history", "--weeks", "100000000"), "--weeks"),
        (("wellness", "--date", "-9999999999", "--mood", "3"), "--date"),
    ],
)
def test_a_command_line_date_out_of_range_is_refused_with_its_flag(stored, args, flag):
    ran = run_cli(*args, env=stored)
    assert ran.code == 2, ran.err
    assert flag in ran.err and "internal error" not in ran.err


@pytest.mark.parametrize(
    ("where", "value", "field"),
    [
        ("date", "0001-01-01", "date"),
        ("started_at", "9999-12-31T23:00:00-05:00", "started_at"),
        ("started_at", "0001-01-01T00:30:00+05:00", "started_at"),
    ],
)
def test_an_imported_diary_date_at_the_calendars_ends_is_refused(tmp_path, env, where, value, field):
    run = {"date": "2027-01-12", "type": "easy", "minutes": 30} | {where: value}
    diary = {"schema": "runstrong.diary", "version": 1, "athletes": [{"name": "Ann", "runs": [run]}]}
    path = tmp_path / "diary.json"
    path.write_text(json.dumps(diary))
    ran = run_cli("import", str(path), env=env)
    assert ran.code == 2, ran.err
    assert field in ran.err and "outside 1900-2200" in ran.err
    assert not (tmp_path / "diary.db").exists() or run_cli("athlete", "list", env=env).out.count("Ann") == 0


def test_the_date_bounds_leave_every_real_date_alone():
    from runstrong.core.model import EARLIEST_DATE, LATEST_DATE, in_date_range

    assert in_date_range(dt.date.today()) == dt.date.today()
    assert EARLIEST_DATE.year == 1900 and LATEST_DATE.year == 2200
