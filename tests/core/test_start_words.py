"""Words beside a load after its first weeks say where it comes from now (cr20a #9: Kofi's
Romanian deadlift, loaded for ten weeks, still read "carried over from the same movement's
other lift"; the second maintenance week read "First week back after the race")."""

from __future__ import annotations

from pathlib import Path

from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

RUNNERS = Path(__file__).parent / "runners"


def test_a_converted_lift_after_its_first_weeks_follows_its_own_loads_and_names_its_start():
    plan = build_plan(load_profile(RUNNERS / "sixday_two_speed_two_free_days.toml"), load_context())
    said = [
        (w.index, r.text)
        for w in plan.weeks
        for s in w.sessions
        for b in s.blocks
        if b.exercise_id == "romanian_deadlift"
        for r in b.reasons
        if r.rule_id == "cross-lift-start"
    ]
    first = min(i for i, _ in said)
    assert all("earlier weeks" not in t for i, t in said if i == first), said  # the start itself
    later = [t for i, t in said if i > first]
    assert later and all("follows this lift's earlier weeks" in t and "Trap-bar" in t for t in later), later


def test_the_easy_days_after_the_race_are_named_as_days_not_as_the_first_week():
    plan = build_plan(load_profile(RUNNERS / "sixday_two_speed_two_free_days.toml"), load_context())
    texts = {r.text for w in plan.weeks for s in w.sessions for b in s.blocks for r in b.reasons}
    assert not any(t.startswith("First week back after the race") for t in texts)
    days = load_context().params.maintenance_easy_return_days
    assert any(t.startswith(f"The first {days} days back after the race") for t in texts)
