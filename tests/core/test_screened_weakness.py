"""A weakness the screen measured is trained by its own pattern (S35, S36, S08): an uneven
side plank brings a side plank rung into the core work, the one the weaker side can hold,
and the weaker side's extra set goes on it. Gloria (67, bodyweight, plank 15 s, side plank
left 8 s / right 12 s) had no side plank in any of her 12 weeks after the screen, and the
left side's extra set went on the bird dog (cr22a W6)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from runstrong.core.assessment import score_screen
from runstrong.core.model import Category, Pattern, Phase, Role
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .strategies import profiles
from .test_plan_safety import SAME_RUNNERS, plan_or_none

GLORIA = Path(__file__).parent / "runners" / "parkrun_67_bodyweight_screened.toml"
TRAINING = (Phase.foundation, Phase.build, Phase.race_specific)


def in_force(screens, start):
    before = [s for s in screens if s.date < start]
    return before[-1] if before else (screens[0] if screens else None)


def check_side_plank_trained(plan, ctx) -> int:
    """Every training week with two or more sessions, under a screen whose side plank was
    uneven, holds a side plank rung, and the core's extra set is only ever on one. The count
    of weeks checked."""
    prof, library = plan.profile, ctx.library
    screens = sorted(prof.screens, key=lambda s: s.date)
    seen = 0
    for w in plan.weeks:
        screen = in_force(screens, w.start_date)
        effects = screen and score_screen(screen, prof.age, prof.sex, ctx.params).effects
        core = [b for s in w.sessions for b in s.blocks if b.category == Category.core and b.role != Role.finisher]
        for b in core:
            if b.prescription.extra_sets_side:
                assert library.get(b.exercise_id).pattern == Pattern.anti_lateral_flexion, (w.index, b.exercise_id)
        if not effects or Category.core not in effects.weaker_side or w.phase not in TRAINING or len(w.sessions) < 2:
            continue
        pain = set(prof.pain_areas)
        usable = any(
            e.pattern == Pattern.anti_lateral_flexion and e.dose.seconds and "primary" in e.roles
            for e in (library.get(i) for i in library.ids())
            if not e.equipment and not pain & set(e.loads) and not pain & set(e.contraindications)
        )
        sides = [b for b in core if library.get(b.exercise_id).pattern == Pattern.anti_lateral_flexion]
        assert sides or not usable, (w.index, [b.exercise_id for b in core])
        seen += 1
    return seen


def test_glorias_uneven_side_plank_is_trained_by_a_short_lever_side_plank_with_her_left_sides_extra_set():
    ctx = load_context()
    plan = build_plan(load_profile(GLORIA), ctx)
    holds = {}
    for w in plan.weeks:
        if w.phase in TRAINING and not w.deload:
            for s in w.sessions:
                for b in s.blocks:
                    if ctx.library.get(b.exercise_id).pattern == Pattern.anti_lateral_flexion:
                        holds.setdefault(w.index, []).append(b)
    training = [w.index for w in plan.weeks if w.phase in TRAINING and not w.deload]
    assert sorted(holds) == training, "a side plank rung in every training week"
    assert all(b.exercise_id == "kneeling_side_plank" for bs in holds.values() for b in bs)
    assert all(b.prescription.extra_sets_side == "left" for bs in holds.values() for b in bs)
    check_side_plank_trained(plan, ctx)


@SAME_RUNNERS
@given(profile=profiles())
def test_every_uneven_side_plank_is_trained_by_a_side_plank_that_takes_the_extra_set(profile):
    plan = plan_or_none(profile)
    if plan is None:
        return
    check_side_plank_trained(plan, load_context())
