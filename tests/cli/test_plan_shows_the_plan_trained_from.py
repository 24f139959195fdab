"""`runstrong plan PROFILE` (and the commands that export a plan from a file) show the plan
the runner trains from: a review changes the stored plan, not the file, so a file that holds
nothing new shows the stored plan; a changed file shows its own plan and says where the
stored one differs."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.test_review_cli import THIS_MONDAY, lived, runner  # noqa: F401 (fixture)


@pytest.fixture(scope="module")
def reviewed(lived: Path, tmp_path_factory) -> Path:  # noqa: F811
    """Ann's lived diary with last week's review accepted: plan v2 differs from her file's."""
    folder = tmp_path_factory.mktemp("reviewed")
    shutil.copy(lived / "diary.db", folder / "diary.db")
    shutil.copy(lived / "ann.toml", folder / "ann.toml")
    out = runner(folder)("review", "--accept")
    assert out.returncode == 0, out.stderr
    return folder


@pytest.fixture
def ann(reviewed: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    shutil.copy(reviewed / "diary.db", tmp_path / "diary.db")
    shutil.copy(reviewed / "ann.toml", tmp_path / "ann.toml")
    return runner(tmp_path)


def _weeks_ahead(plan: dict) -> list[dict]:
    """The weeks from this one on, their sessions' exercises and doses (loads aside)."""
    return [
        {
            "start": w["start_date"],
            "deload": w["deload"],
            "sessions": [
                [(b["exercise_id"], b["prescription"]["sets"], b["prescription"]["reps"]) for b in s["blocks"]]
                for s in w["sessions"]
            ],
        }
        for w in plan["weeks"]
        if w["start_date"] >= str(THIS_MONDAY)
    ]


def _stored(ann) -> dict:  # type: ignore[no-untyped-def]
    import sqlite3

    with sqlite3.connect(ann.path) as con:
        (data,) = con.execute("SELECT data FROM plans ORDER BY version DESC LIMIT 1").fetchone()
    return json.loads(data)


def test_plan_of_an_unchanged_file_shows_the_stored_plan_a_review_changed(ann):
    file = str(ann.path.parent / "ann.toml")
    alone = ann("plan", file, "--format", "json", "--no-diary")
    assert alone.returncode == 0, alone.stderr
    assert _weeks_ahead(json.loads(alone.stdout)) != _weeks_ahead(_stored(ann))  # the review changed the plan
    shown = ann("plan", file, "--format", "json")
    assert shown.returncode == 0, shown.stderr
    assert _weeks_ahead(json.loads(shown.stdout)) == _weeks_ahead(_stored(ann))
    assert "Ann's plan v2 from the diary" in shown.stderr and "--no-diary" in shown.stderr


def test_plan_of_a_changed_file_says_which_weeks_the_stored_plan_differs_in_and_how_to_see_it(ann):
    file = ann.path.parent / "ann.toml"
    file.write_text(file.read_text().replace("session_cap_minutes = 40", "session_cap_minutes = 30"))
    out = ann("plan", str(file), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert _weeks_ahead(json.loads(out.stdout)) != _weeks_ahead(_stored(ann))  # the file's own plan
    note = next(line for line in out.stderr.splitlines() if line.startswith("Note:"))
    assert "Ann trains from plan v2 in the diary, which differs from this file's plan in week" in note
    assert "the review changed week" in note
    assert "`runstrong plan --athlete Ann`" in note and f"`runstrong athlete add {file}`" in note
    again = ann("plan", "--athlete", "Ann", "--format", "json")  # the command the note gives
    assert again.returncode == 0, again.stderr
    assert _weeks_ahead(json.loads(again.stdout)) == _weeks_ahead(_stored(ann))


def test_plan_without_a_profile_shows_the_diarys_plan_and_refuses_both_or_no_diary(ann):
    out = ann("plan", "--week", "5")
    assert out.returncode == 0, out.stderr
    assert "Week 5" in out.stdout
    both = ann("plan", str(ann.path.parent / "ann.toml"), "--athlete", "Ann")
    assert both.returncode == 2 and "--athlete:" in both.stderr and "Traceback" not in both.stderr
    neither = ann("plan", "--no-diary")
    assert neither.returncode == 2 and "--no-diary:" in neither.stderr


def test_explain_and_exports_of_an_unchanged_file_use_the_stored_plan(ann):
    file = str(ann.path.parent / "ann.toml")
    ahead = next(w for w in _stored(ann)["weeks"] if w["start_date"] > str(THIS_MONDAY))
    out = ann("explain", file, "--week", str(ahead["index"]))
    assert out.returncode == 0, out.stderr
    assert "Ann's plan v2 from the diary" in out.stderr
    booklet = ann("booklet", file, "--format", "markdown", "-o", str(ann.path.parent / "b.md"))
    assert booklet.returncode == 0, booklet.stderr
    assert "Ann's plan v2 from the diary" in booklet.stderr
