"""`runstrong log --for DATE` (issue 16): a session done on another day than planned is
logged on the day it was done and linked to the planned session it stands for, so the
review counts it against that session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.cli.runner import run_cli
from tests.conftest import EXAMPLES

FRIDAY = dt.date(2027, 1, 8)  # week 1 of the marathoner: B planned on Monday the 4th, A on Friday
MONDAY = dt.date(2027, 1, 4)


@pytest.fixture
def marathoner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store

    path = tmp_path / "diary.db"
    store = open_store(str(path))
    profile = load_profile(EXAMPLES / "marathoner.toml")
    with store.write() as s:
        repo.store_plan(s, profile, build_plan(profile, load_context(), least_bad=True), dt.datetime(2027, 1, 1, 8))
    store.close()
    monkeypatch.setattr("runstrong.cli.diary.clock_today", lambda: FRIDAY)
    return path


def log(path: Path, *args: str):  # type: ignore[no-untyped-def]
    """`runstrong log ...` as a shell runs it (exit 2 for a mistake), on Friday the 8th."""
    env = {"PATH": "/usr/bin:/bin", "NO_COLOR": "1", "COLUMNS": "160", "HOME": str(path.parent)}
    return run_cli(["log", *args, "--db", str(path)], env=env)


def sessions(path: Path) -> list:
    from runstrong.store import repo
    from runstrong.store.db import open_store
    from runstrong.store.diary_window import load_diary

    store = open_store(str(path))
    with store.read() as s:
        found = load_diary(s, repo.find_athlete(s, None).id, MONDAY, FRIDAY + dt.timedelta(days=2)).sessions
    store.close()
    return list(found)


def test_a_session_done_late_is_logged_on_the_day_done_and_linked_to_its_planned_session(marathoner) -> None:
    result = log(marathoner, "--as-planned", "--for", str(MONDAY))
    assert result.returncode == 0, result.stderr
    assert "session B" in result.stdout and "planned for Mon 04 Jan" in result.stdout
    (done,) = sessions(marathoner)
    assert (done.date, done.planned_date, done.planned_label) == (FRIDAY, MONDAY, "B")
    assert {s.exercise_id for s in done.sets} >= {"barbell_hip_thrust", "cable_half_kneeling_chop"}  # B's sets


def test_the_review_counts_a_late_session_against_the_planned_one(marathoner) -> None:
    from runstrong.core.review.measure import sessions_done
    from runstrong.core.review.metrics import DiaryWindow

    assert log(marathoner, "--as-planned").returncode == 0  # Friday's A, on Friday
    assert log(marathoner, "--as-planned", "--for", str(MONDAY), "--new-session").returncode == 0  # Monday's B
    assert sessions_done(DiaryWindow(sessions=tuple(sessions(marathoner))), MONDAY) == 2


def test_for_a_day_without_a_planned_session_is_refused_by_the_flag_and_writes_nothing(marathoner) -> None:
    result = log(marathoner, "--as-planned", "--for", "2027-01-05")
    assert result.returncode == 2
    assert "--for: no strength session is planned on 2027-01-05" in (result.stdout + result.stderr)
    assert sessions(marathoner) == []


def test_a_bad_for_date_is_named_by_the_flag(marathoner) -> None:
    result = log(marathoner, "--as-planned", "--for", "next tuesday")
    assert result.returncode == 2 and "--for:" in (result.stdout + result.stderr)
