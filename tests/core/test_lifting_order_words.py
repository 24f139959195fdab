"""A runner who lifts in the morning is told to lift first and run later, never to keep a speed
day's run easy (cr24a F12: Margaret's Wednesday tempo, "keep the day's run easy")."""

from __future__ import annotations

from pathlib import Path

from runstrong.core.planner import build_plan
from runstrong.core.runner import LIFT_FIRST
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

CTX = load_context()
MARGARET = load_profile(Path(__file__).parent / "runners" / "margaret_low_bone_density_half_dumbbells.toml")


def test_a_morning_lifter_on_a_tempo_day_is_told_to_lift_first_and_never_to_run_easy():
    plan = build_plan(MARGARET, CTX)
    speed_days = [
        s
        for w in plan.weeks
        for s in w.sessions
        if any(r.date == s.date and r.type.value in ("tempo", "intervals") for r in w.runs)
    ]
    assert speed_days, "Margaret lifts on her Wednesday tempo day"
    said = [r.text for s in speed_days for r in s.reasons if r.rule_id == "pair-with-easy-day"]
    assert LIFT_FIRST in said, said
    assert not any("run easy" in t for t in said), said
