"""`runstrong review` as a runner uses it: real processes on a real SQLite diary in tmp_path.

The diary is made once per module with the diary commands (the profile starts three weeks
before this one; last week's sessions logged with `log --as-planned`, three sore mornings
with `wellness`, a heavy-legged run with `run add`) and copied for each test.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from runstrong import clock
from tests.cli.runner import env_for, run_cli

TODAY = clock.today()  # the run's pinned date (tests/conftest.py)
THIS_MONDAY = TODAY - dt.timedelta(days=TODAY.weekday())
LAST_MONDAY = THIS_MONDAY - dt.timedelta(days=7)
START = THIS_MONDAY - dt.timedelta(weeks=3)
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

[race]
distance = "half"
date = {START + dt.timedelta(weeks=14, days=6)}

[running]
weekly = [
  {{ day = "tue", type = "intervals", minutes = 50 }},
  {{ day = "thu", type = "easy", minutes = 40 }},
  {{ day = "sun", type = "long", minutes = 90 }},
]
"""


def runner(folder: Path):  # type: ignore[no-untyped-def]
    def run(*args: str) -> subprocess.CompletedProcess:
        return run_cli(args, env=env_for(folder))

    run.path = folder / "diary.db"  # type: ignore[attr-defined]
    return run


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def plan_versions(path: Path) -> list[int]:
    return [v for (v,) in rows(path, "SELECT version FROM plans ORDER BY version")]


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Everything the review could write: plans, profiles, planned items, reviews."""
    return {
        table: rows(path, f"SELECT * FROM {table} ORDER BY id")
        for table in ("plans", "profiles", "planned_items", "reviews")
    }


@pytest.fixture(scope="module")
def lived(tmp_path_factory) -> Path:
    """A diary with a stored plan and last week lived, made with the diary commands: every session done as
    planned, three sore days with the knee at 5/10 the next morning, heavy legs in the long run. (Done as
    planned alone changes nothing ahead: next week is a planned deload, and a week logged as planned keeps
    the plan's progression, cr26a F6; the knee is what the review changes.)"""
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile

    folder = tmp_path_factory.mktemp("lived")
    (folder / "ann.toml").write_text(PROFILE)
    run = runner(folder)
    out = run("athlete", "add", str(folder / "ann.toml"))
    assert out.returncode == 0, out.stderr
    plan = build_plan(load_profile(folder / "ann.toml"), load_context(), least_bad=True)
    last_week = [s.date for w in plan.weeks for s in w.sessions if LAST_MONDAY <= s.date < THIS_MONDAY]
    assert last_week
    for day in last_week:
        out = run("log", "--as-planned", "--date", str(day), "--rpe", "6", "--minutes", "35")
        assert out.returncode == 0, out.stderr
    for k in (1, 2, 3):
        out = run("wellness", "--date", str(LAST_MONDAY + dt.timedelta(days=k)), "--sleep", "7", "--mood", "4",
                  "--soreness", "2", "--energy", "3", "--pain", "knee=5 next_morning")  # fmt: skip
        assert out.returncode == 0, out.stderr
    out = run("run", "add", "long", "95", "--distance", "16km", "--rpe", "5", "--legs", "2", "--tightness", "6",
              "--date", str(LAST_MONDAY + dt.timedelta(days=6)))  # fmt: skip
    assert out.returncode == 0, out.stderr
    return folder


@pytest.fixture
def ann(lived, tmp_path):  # type: ignore[no-untyped-def]
    """This test's own copy of the lived diary."""
    shutil.copy(lived / "diary.db", tmp_path / "diary.db")
    shutil.copy(lived / "ann.toml", tmp_path / "ann.toml")
    return runner(tmp_path)


def test_dry_run_shows_the_review_and_changes_nothing(ann):
    before = snapshot(ann.path)
    out = ann("review", "--dry-run")
    assert out.returncode == 0, out.stderr
    assert "Weekly review" in out.stdout and "Ann" in out.stdout
    assert "reduce" in out.stdout or "deload" in out.stdout  # sore three days and heavy legs in the long run
    assert snapshot(ann.path) == before and plan_versions(ann.path) == [1]


def test_without_accept_and_without_a_terminal_nothing_is_written(ann):
    before = snapshot(ann.path)
    out = ann("review")
    assert out.returncode == 0, out.stderr
    assert "--accept" in out.stdout
    assert snapshot(ann.path) == before


def test_accept_writes_the_next_plan_version_and_keeps_the_old_one(ann):
    old_plan = rows(ann.path, "SELECT data FROM plans WHERE version = 1")
    out = ann("review", "--accept")
    assert out.returncode == 0, out.stderr
    assert "Plan version 2 written (version 1 is kept)" in out.stdout
    assert plan_versions(ann.path) == [1, 2]
    assert rows(ann.path, "SELECT data FROM plans WHERE version = 1") == old_plan
    ((week, before, after),) = rows(ann.path, "SELECT week_start, plan_version_before, plan_version_after FROM reviews")
    assert (week, before, after) == (str(LAST_MONDAY), 1, 2)
    new_plan = rows(ann.path, "SELECT data FROM plans WHERE version = 2")
    old, new = json.loads(old_plan[0][0]), json.loads(new_plan[0][0])

    # nothing lived re-planned: the weeks before this one, and this week's days before today
    # (on a Monday none: the review may change this whole week, as `review_input` says)
    def lived(plan: dict) -> tuple[list, list]:
        weeks = [w for w in plan["weeks"] if w["start_date"] < str(THIS_MONDAY)]
        days = [x for w in plan["weeks"] if w["start_date"] == str(THIS_MONDAY) for x in w["sessions"]
                if x["date"] < str(TODAY)]  # fmt: skip
        return weeks, days

    assert lived(new) == lived(old)
    assert new["weeks"] != old["weeks"]
    today = ann("today")
    assert today.returncode == 0 and "plan v2" in today.stdout


def test_accepting_the_same_review_again_writes_nothing_new(ann):
    assert ann("review", "--accept").returncode == 0
    again = ann("review", "--accept")
    assert again.returncode == 0, again.stderr
    assert "already matched" in again.stdout
    assert plan_versions(ann.path) == [1, 2]
    assert len(rows(ann.path, "SELECT id FROM reviews")) == 1


def test_accepting_a_review_with_new_pain_again_writes_nothing_new(ann):
    out = ann("wellness", "--date", str(LAST_MONDAY + dt.timedelta(days=4)), "--pain", "knee=5")
    assert out.returncode == 0, out.stderr
    assert ann("review", "--accept").returncode == 0
    again = ann("review", "--accept")
    assert again.returncode == 0, again.stderr
    assert "already matched" in again.stdout
    assert plan_versions(ann.path) == [1, 2]


def test_json_review_parses_and_every_decision_cites_registered_rules(ann, registry):
    out = ann("review", "--format", "json", "--dry-run")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    review = data["review"]
    assert review["week_start"] == str(LAST_MONDAY) and review["athlete"] == "Ann"
    assert review["next_week_start"] >= str(THIS_MONDAY)
    assert review["decisions"], review
    for d in review["decisions"]:
        ids = [r["rule_id"] for r in d["reasons"]]
        assert ids and all(i in registry for i in ids), d
    assert all(f["rule_id"] in registry for f in review["flags"])
    assert {f["kind"] for f in review["flags"]} >= {"soreness", "running"}
    assert all({"date", "text"} <= set(c) for c in data["changes"])
    assert data["applied"] is None


def test_the_same_review_twice_gives_the_same_json(ann):
    first = ann("review", "--format", "json", "--dry-run")
    second = ann("review", "--format", "json", "--dry-run")
    assert first.returncode == second.returncode == 0
    assert json.loads(first.stdout) == json.loads(second.stdout)


def test_markdown_review_for_a_coach_written_to_a_file(ann, tmp_path):
    target = tmp_path / "review.md"
    out = ann("review", "--format", "markdown", "--dry-run", "-o", str(target))
    assert out.returncode == 0, out.stderr
    text = target.read_text()
    assert text.startswith("# Weekly review") and "## Decisions" in text
    assert "`review-reduce`" in text or "`review-deload`" in text
    assert "|---|" in text  # the category table
    assert plan_versions(ann.path) == [1]


def test_travel_and_illness_are_taken_into_account(ann):
    monday = THIS_MONDAY + dt.timedelta(days=7)
    out = ann("review", "--format", "json", "--dry-run", "--ill", "--travel",
              f"{monday}..{monday + dt.timedelta(days=6)}", "--kit", "bands")  # fmt: skip
    assert out.returncode == 0, out.stderr
    review = json.loads(out.stdout)["review"]
    actions = {d["action"] for d in review["decisions"]}
    assert "deload" in actions or any("already lighter" in d["text"] for d in review["decisions"])
    assert any(a["equipment"] == ["bands"] for a in review["adjustments"])


BAD = {
    "week not a date": (["--week", "the first one"], "--week"),
    "week in the future": (["--week", str(TODAY + dt.timedelta(days=8))], "--week"),
    "week before the plan": (["--week", str(START - dt.timedelta(weeks=5))], "--week"),
    "travel backwards": (
        ["--travel", f"{TODAY + dt.timedelta(days=9)}..{TODAY + dt.timedelta(days=3)}", "--kit", "bands"],
        "--travel",
    ),
    "travel not dates": (["--travel", "next week", "--kit", "bands"], "--travel"),
    "travel without kit": (["--travel", f"{TODAY + dt.timedelta(days=3)}"], "--travel"),
    "race date not a date": (["--race-date", "in spring"], "--race-date"),
    "race date in the past": (["--race-date", str(TODAY - dt.timedelta(days=1))], "--race-date"),
    "accept and dry run": (["--accept", "--dry-run"], "--accept"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_options_exit_2_naming_the_option_and_write_nothing(ann, case):
    args, option = BAD[case]
    before = snapshot(ann.path)
    accept = [] if "--accept" in args else ["--accept"]  # a valid review would write: the error must stop it
    out = ann("review", *accept, *args)
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert option in out.stderr and "Traceback" not in out.stderr
    assert snapshot(ann.path) == before


def test_a_diary_without_a_plan_is_told_how_to_start(tmp_path):
    run = runner(tmp_path)
    out = run("review")
    assert out.returncode == 2 and "runstrong athlete add" in out.stderr and "Traceback" not in out.stderr
    from runstrong.store.db import open_store
    from runstrong.store.tables import Athlete

    store = open_store(str(run.path))
    with store.write() as s:
        s.add(Athlete(name="Bo", units="metric", created_at=dt.datetime(2026, 1, 1)))
    store.close()
    out = run("review", "--accept")
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert "no plan" in out.stderr and "runstrong athlete add" in out.stderr and "Traceback" not in out.stderr
    assert rows(run.path, "SELECT count(*) FROM plans") == [(0,)]


def test_review_data_reads_a_coachs_edited_pain_ladders(ann, tmp_path):
    from importlib import resources

    day = str(LAST_MONDAY + dt.timedelta(days=4))
    assert ann("wellness", "--date", day, "--pain", "knee=5 left during from=dumbbell_split_squat").returncode == 0
    shipped = (resources.files("runstrong.data") / "ladders.toml").read_text("utf-8")
    old = '{ stage = "slow_heavy", exercises = ["dumbbell_step_up", "step_up"] }'
    edited = tmp_path / "coach-data"
    edited.mkdir()
    (edited / "ladders.toml").write_text(
        shipped.replace(old, old.replace('"step_up"]', '"step_up", "dumbbell_split_squat"]')), "utf-8"
    )

    def knee_rung(*extra: str) -> int:
        out = ann("review", "--dry-run", "--format", "json", *extra)
        assert out.returncode == 0, out.stderr
        adjustments = json.loads(out.stdout)["review"]["adjustments"]
        return next(a["pain_rungs"]["knee"] for a in adjustments if "knee" in a["pain_rungs"])

    assert (knee_rung(), knee_rung("--data", str(edited))) == (1, 0)
