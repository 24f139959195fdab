"""Nothing new before the race (taper): the taper and race week hold no session the loading
weeks never held, and no sore-making lift or hop no loading week did. A stand-in done every
loading week keeps its place (cr23a F5: Dev's band-assisted Nordic curl, a stand-in's sliding
leg curl for five weeks, first appeared twelve days before his 10K); a third session that
meets kept out of every loading week does not start in the taper (cr23a F2: Ana's taper held
three sessions and her first pogo hops after weeks of one and two)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from runstrong.core.model import Pattern, Phase
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .strategies import profiles
from .test_meet_weeks import three_meets
from .test_plan_safety import SAME_RUNNERS, plan_or_none

RUNNERS = Path(__file__).parent / "runners"
LOADING = (Phase.foundation, Phase.build, Phase.race_specific)
BEFORE_RACE = (Phase.taper, Phase.race_week)


def worked(week):
    return [b for s in week.sessions for b in s.blocks if b.role.value in ("primary", "accessory")]


def new_before_the_race(plan, sore: frozenset[str]) -> list[str]:
    """Sore-making lifts and hops of the taper and race week that no loading week did."""
    library = load_context().library
    done: set[str] = set()
    out = []
    for w in plan.weeks:
        if w.phase in LOADING and not w.deload:
            done |= {b.exercise_id for b in worked(w)}
        elif w.phase in BEFORE_RACE:
            for b in worked(w):
                risky = b.exercise_id in sore or library.get(b.exercise_id).pattern == Pattern.plyometric
                if risky and b.exercise_id not in done:
                    out.append(f"week {w.index} ({w.phase.value}): {b.exercise_id}")
    return out


def test_a_stand_in_done_every_loading_week_keeps_its_place_in_the_taper():
    ctx = load_context()
    plan = build_plan(load_profile(RUNNERS / "dev_shift_worker_10k.toml"), ctx)
    taper = [b.exercise_id for w in plan.weeks if w.phase == Phase.taper for b in worked(w)]
    assert "band_assisted_nordic_curl" not in taper and "sliding_leg_curl" in taper
    assert new_before_the_race(plan, ctx.params.soreness_exercises) == []
    said = [r.text for w in plan.weeks if w.phase in BEFORE_RACE for s in w.sessions for b in s.blocks
            for r in b.reasons if r.rule_id == "taper"]  # fmt: skip
    assert any("Nothing new before the race" in t for t in said)


def test_the_taper_holds_no_more_sessions_than_the_loading_weeks_placed():
    ctx = load_context()
    plan = build_plan(three_meets(load_profile(RUNNERS / "ana_teen_xc_meets.toml")), ctx, least_bad=True)  # no season
    loading = [len(w.sessions) for w in plan.weeks if w.phase in (Phase.build, Phase.race_specific) and not w.deload]
    (taper,) = [w for w in plan.weeks if w.phase == Phase.taper]
    assert max(loading) == 2 and len(taper.sessions) == 2
    said = " ".join(r.text for r in taper.reasons)
    assert "keeps your three sessions" not in said and "keeps the 2 sessions" in said
    assert new_before_the_race(plan, ctx.params.soreness_exercises) == []


@SAME_RUNNERS
@given(profile=profiles())
def test_the_taper_and_race_week_bring_no_sore_making_lift_or_hop_no_loading_week_did(profile):
    plan = plan_or_none(profile)
    if plan is None:
        return
    assert new_before_the_race(plan, load_context().params.soreness_exercises) == []
