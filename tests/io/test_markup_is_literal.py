"""User text is never read as terminal markup: a note, a name or a form note written like
Rich markup (`[bold]x[/]`, `[/]`, `[link=...]`) prints as typed, and nothing crashes after
a write (a crash after the commit used to invite a retry that logged the sets twice)."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrong import clock
from tests.fuzz.runner import run_cli

TODAY = clock.today()  # the run's pinned date (tests/conftest.py)
START = TODAY - dt.timedelta(days=TODAY.weekday() + 14)  # a Monday two weeks ago
MARKUP = ["[bold]x[/]", "[/]", "[link=https://example.org]y[/link]"]


def _profile(name: str) -> str:
    return f"""
name = "{name}"
age = 34
body_mass_kg = 58
strength_experience = "intermediate"
consistent_strength_weeks = 8
start_date = {START}
session_cap_minutes = 40
equipment = ["gym"]

[race]
distance = "half"
date = {START + dt.timedelta(weeks=14, days=6)}

[running]
weekly = [{{ day = "tue", type = "intervals", minutes = 50 }}, {{ day = "sun", type = "long", minutes = 90 }}]
"""


@pytest.fixture
def env(tmp_path):
    return {"RUNSTRONG_DB": str(tmp_path / "diary.db"), "XDG_DATA_HOME": str(tmp_path / "data")}


@pytest.mark.parametrize("text", MARKUP)
def test_markup_in_names_notes_and_form_notes_prints_literally(tmp_path, env, text):
    profile = tmp_path / "p.toml"
    profile.write_text(_profile(f"Ann {text}"))
    added = run_cli("athlete", "add", str(profile), env=env)
    assert added.code == 0, added.err
    assert f"Ann {text}" in added.out
    last_week = START + dt.timedelta(days=7)
    logged = run_cli("log", "--date", str(last_week), "--set", f"rdl 3x8 @40kg rpe7 # {text}", "--note", text, env=env)
    assert logged.code == 0, logged.err
    assert text in logged.out
    noted = run_cli("note", text, env=env)
    assert noted.code == 0, noted.err

    listed = run_cli("athlete", "list", env=env)
    assert listed.code == 0, listed.err
    assert f"Ann {text}" in listed.out
    history = run_cli("history", "--exercise", "rdl", "--all", env=env)
    assert history.code == 0, history.err
    assert text in history.out
    for args in (("history", "--all"), ("history", "--by", "exercise", "--all"), ("today",)):
        shown = run_cli(*args, env=env)
        assert shown.code == 0, (args, shown.err)
    review = run_cli("review", "--dry-run", "--week", str(last_week), env=env)
    assert review.code == 0, review.err
    assert f"Ann {text}" in review.out


def test_unknown_exercise_written_as_markup_is_a_clear_error(tmp_path, env):
    profile = tmp_path / "p.toml"
    profile.write_text(_profile("Ann"))
    assert run_cli("athlete", "add", str(profile), env=env).code == 0
    ran = run_cli("log", "--date", str(START + dt.timedelta(days=7)), "--set", "[bold]x[/] 3x8", env=env)
    assert ran.code == 2, ran.err
    assert "[bold]x[/]" in ran.err
