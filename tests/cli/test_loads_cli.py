"""Loads from the terminal: `today` shows each lift's load (and a first session's "find your
weight"), and `log --as-planned` stores the planned load on every loaded set."""

from __future__ import annotations

import datetime as dt
import json
import re

from tests.cli.test_diary_cli import TODAY, ann, ann_diary, diary, planned_days, rows, session_a_days  # noqa: F401 (fixtures)


def test_today_shows_each_lifts_load_and_that_a_first_session_finds_the_weight(ann):  # noqa: F811
    day = session_a_days(ann)[0]
    out = ann("today", "--date", str(day))
    assert out.returncode == 0, out.stderr
    assert re.search(r"3 × \d+ @ \d+(\.\d+)? kg, RIR \d", out.stdout)
    assert "find your weight [find-your-weight]" in out.stdout


def test_done_as_planned_stores_the_planned_load_on_every_loaded_set(ann):  # noqa: F811
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile

    first = planned_days(ann)[0]
    plan = build_plan(load_profile(ann.path.parent / "ann.toml"), load_context(), least_bad=True)
    session = next(s for w in plan.weeks for s in w.sessions if s.date == first)
    planned = {b.exercise_id: b.prescription.load_kg for b in session.blocks if b.prescription.load_kg}
    assert planned
    assert ann("log", "--as-planned", "--date", str(first)).returncode == 0
    stored = rows(ann.path, "SELECT exercise_id, load_kg FROM set_logs")
    assert {e: kg for e, kg in stored if e in planned} == planned


def _rdl_loads(out, since: dt.date | None = None) -> list[float]:  # type: ignore[no-untyped-def]
    plan = json.loads(out.stdout)
    return [
        b["prescription"]["load_kg"]
        for w in plan["weeks"]
        for s in w["sessions"]
        if since is None or s["date"] >= str(since)
        for b in s["blocks"]
        if b["exercise_id"] == "romanian_deadlift" and b["prescription"]["load_kg"]
    ]


def test_plan_of_a_runner_in_the_diary_moves_the_loads_ahead_with_the_last_logged_sets_and_says_so(ann):  # noqa: F811
    profile = str(ann.path.parent / "ann.toml")
    before = ann("plan", profile, "--format", "json")
    assert before.returncode == 0, before.stderr
    assert "Ann's plan v1 from the diary" in before.stderr and "loads" not in before.stderr  # nothing logged yet
    day = planned_days(ann)[0]
    assert ann("log", "--date", str(day), "--set", "rdl 3x6@70kg rir2").returncode == 0
    after = ann("plan", profile, "--format", "json")
    assert after.returncode == 0, after.stderr
    assert "its loads from today on moved by the last logged sets" in after.stderr
    assert _rdl_loads(after, TODAY)[0] > _rdl_loads(before, TODAY)[0]  # 70 kg logged, against the profile's 40 kg
    day, kg = _first_rdl_ahead(after)
    shown = json.loads(ann("today", "--date", day, "--format", "json").stdout)
    assert kg in [b["prescription"]["load_kg"] for x in shown["sessions"] for b in x["blocks"]]  # as `today` shows it
    alone = ann("plan", profile, "--format", "json", "--no-diary")
    assert _rdl_loads(alone) == _rdl_loads(before) and not alone.stderr.strip()


def _first_rdl_ahead(out) -> tuple[str, float]:  # type: ignore[no-untyped-def]
    plan = json.loads(out.stdout)
    return next(
        (s["date"], b["prescription"]["load_kg"])
        for w in plan["weeks"]
        for s in w["sessions"]
        if s["date"] >= str(TODAY)
        for b in s["blocks"]
        if b["exercise_id"] == "romanian_deadlift" and b["prescription"]["load_kg"]
    )


def test_plan_without_a_diary_plans_from_the_profile_and_writes_nothing(diary, tmp_path):  # noqa: F811
    from tests.cli.test_diary_cli import write_profile

    out = diary("plan", str(write_profile(tmp_path)), "--format", "json")
    assert out.returncode == 0, out.stderr
    assert "Loads:" not in out.stderr and _rdl_loads(out)
    assert not diary.path.exists()  # a plan never creates a diary


def test_plan_with_a_missing_diary_named_says_which_and_exits_2(diary, tmp_path):  # noqa: F811
    from tests.cli.test_diary_cli import write_profile

    out = diary("plan", str(write_profile(tmp_path)), "--db", str(tmp_path / "none.db"))
    assert out.returncode == 2
    assert "--db: there is no diary at" in out.stderr and "Traceback" not in out.stderr
