"""A core hold the runner's own screen stops grows by sets instead (screen-plank): Brian's
20 s plank caps his holds at 10 s, and before this they stayed 4 x 10 s for nine weeks."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from runstrong.core.model import Category, Role
from runstrong.core.phases import LOADING_PHASES
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.data_files import load_context, load_params
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles

P = load_params()
BRIAN = load_profile(Path(__file__).parent / "runners" / "heavy_novice_knee_c25k_gym.toml")
SETTINGS = settings(max_examples=examples(0.2), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def core_holds(plan) -> dict[tuple[str, str], list[tuple[int, int, int, str, int]]]:
    """Each core hold's (week, sets, seconds, its reasons' words, its session's trim steps) on
    full days of loading weeks, by (exercise, focus)."""
    out: dict[tuple[str, str], list[tuple[int, int, int, str, int]]] = {}
    for w in plan.weeks:
        if w.deload or w.phase not in LOADING_PHASES:
            continue
        for s in w.sessions:
            for b in s.blocks:
                pr = b.prescription
                if b.category != Category.core or not pr.seconds or b.role not in (Role.primary, Role.accessory):
                    continue
                if any(r.rule_id in ("light-before-key-runs", "review-reduce", "review-hold") for r in b.reasons):
                    continue
                said = " ".join(r.text for r in b.reasons)
                out.setdefault((b.exercise_id, s.focus.value), []).append(
                    (w.index, pr.sets, pr.seconds, said, s.trim_steps)
                )
    return out


def test_a_hold_at_the_screens_ceiling_adds_a_set_a_loading_week_up_to_the_most():
    plan = build_plan(BRIAN, load_context(), least_bad=True)
    plank = core_holds(plan)[("front_plank", "core")]
    weeks = [(sets, seconds) for _, sets, seconds, _, _ in plank]
    assert {seconds for _, seconds in weeks} == {10}  # half his 20 s plank, the shortest hold
    first = P.hold_sets + P.short_hold_extra_sets
    assert weeks[0][0] == first
    assert [sets for sets, _ in weeks][:3] == [first, first + 1, first + 2]
    assert max(sets for sets, _ in weeks) == first + P.plank_ceiling_extra_sets
    said = " ".join(r.text for w in plan.weeks for s in w.sessions for b in s.blocks for r in b.reasons)
    assert f"a set more each loading week instead, up to {first + P.plank_ceiling_extra_sets} sets" in said


def test_the_deload_and_taper_cut_the_sets_a_ceiling_added():
    plan = build_plan(BRIAN, load_context(), least_bad=True)
    most = P.hold_sets + P.short_hold_extra_sets + P.plank_ceiling_extra_sets
    for w in plan.weeks:
        if w.deload or w.phase not in LOADING_PHASES:
            for s in w.sessions:
                for b in s.blocks:
                    if b.exercise_id == "front_plank" and b.role in (Role.primary, Role.accessory):
                        assert b.prescription.sets < most, (w.index, w.phase, b.prescription.sets)


AT_CEILING = re.compile(
    r"At the (\d+) s ceiling for your screen: a set more each loading week instead, up to (\d+) sets"
)


@SETTINGS
@given(profile=profiles())
def test_no_core_hold_stands_still_at_a_screens_ceiling_with_sets_to_add(profile):
    """Between two loading weeks of full days, a core hold held at its screen's ceiling gains
    a set until it has the most the rule adds (unless the time cap trimmed its session),
    never more than a set a week, and never past that most."""
    try:
        plan = build_plan(profile, load_context())
    except InfeasibleWeekError:
        return
    for (ex, _), weeks in core_holds(plan).items():
        for (w0, sets0, secs0, said0, _), (w1, sets1, secs1, said1, trim1) in itertools.pairwise(weeks):
            assert sets1 - sets0 <= P.max_set_step, (ex, w0, w1)
            at0, at1 = AT_CEILING.search(said0), AT_CEILING.search(said1)
            if at1:
                assert sets1 <= int(at1[2]), (ex, w1, sets1)
            if at0 and at1 and at0[1] == at1[1] == str(secs0) == str(secs1) and sets0 < int(at1[2]) and not trim1:
                assert sets1 == sets0 + 1, f"{ex} stands at {sets0} x {secs0} s from week {w0} to {w1}"
