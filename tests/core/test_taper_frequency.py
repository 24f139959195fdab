"""The taper cuts volume, not how often the runner lifts (taper: Bosquet et al. 2007, frequency
maintained; Mujika & Padilla 2003, cut by no more than a fifth): a runner on three sessions
keeps three in the taper week, each shorter, and none starts there."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from runstrong.core.model import Phase
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .strategies import profiles
from .test_plan_safety import SAME_RUNNERS, plan_or_none

RUNNERS = Path(__file__).parent / "runners"


def working_sets(week) -> int:
    return sum(b.prescription.sets for s in week.sessions for b in s.blocks if b.role.value in ("primary", "accessory"))


def test_a_three_session_runner_keeps_three_shorter_sessions_in_the_taper():
    plan = build_plan(load_profile(RUNNERS / "advanced_three_sessions.toml"), load_context())
    (taper,) = [w for w in plan.weeks if w.phase == Phase.taper]
    before = plan.weeks[taper.index - 2]
    assert len(before.sessions) == len(taper.sessions) == 3
    assert working_sets(taper) < working_sets(before)
    assert "cuts volume, not how often you lift" in " ".join(r.text for r in taper.reasons)


@SAME_RUNNERS
@given(profile=profiles())
def test_the_taper_holds_the_loading_weeks_sessions_no_more_and_fewer_only_where_it_says_why(profile):
    plan = plan_or_none(profile)
    if plan is None:
        return
    for w in plan.weeks:
        if w.phase != Phase.taper or w.index < 2:
            continue
        before = plan.weeks[w.index - 2]
        if before.phase not in (Phase.build, Phase.race_specific) or before.deload:
            continue
        loading = [len(x.sessions) for x in plan.weeks if x.phase in (Phase.build, Phase.race_specific)]
        assert len(w.sessions) <= max(loading)  # the week before may have placed one fewer (rhythm, its days)
        if len(w.sessions) < len(before.sessions):  # only when its days could not hold them, and it says so
            said = " ".join(r.text for r in w.reasons)
            n, m = len(w.sessions), len(before.sessions)  # no room, or the day would take next week's (rhythm)
            assert f"Only {n} of {m} sessions fit" in said or f"{n} of {m} sessions, on your usual days" in said, said
