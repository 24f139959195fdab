"""Loads from the terminal: `today` shows each lift's load (and a first session's "find your
weight"), and `log --as-planned` stores the planned load on every loaded set."""

from __future__ import annotations

import re

from tests.cli.test_diary_cli import ann, ann_diary, diary, planned_days, rows  # noqa: F401 (fixtures)


def test_today_shows_each_lifts_load_and_that_a_first_session_finds_the_weight(ann):  # noqa: F811
    day = planned_days(ann)[0]
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
