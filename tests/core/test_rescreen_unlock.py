"""A re-screen before rungs well past what the screen showed (coach read cr19a, issue 13):
Harold, 70, "fair" single-leg squat, climbed to assisted pistol squats by week 14 with no
re-screen. A screened single-leg ladder now climbs at most `rescreen-to-unlock`'s allowance
above the screen's rung, says which rung a re-screen unlocks, and a better later screen
unlocks it."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from runstrong.core.model import AthleteProfile
from runstrong.core.planner import build_plan
from runstrong.core.screen import Screen
from runstrong.io.data_files import load_context

from .strategies import FROM, moved, screens
from .test_plan_safety import build_or_none
from .test_screen_ladders import HAROLD, SCREENED, screened_runners

CTX = load_context()
LIB, P = CTX.library, CTX.params
LADDER = [e.id for e in LIB.ladder("pistol_squat")]
SCREEN_RUNG = {"poor": 0, "fair": 1}  # the rung each rating starts the ladder on (screen-single-leg-squat)
WORSE = {"poor": 2, "fair": 1, "good": 0}


def _cap(screen: Screen) -> int | None:
    """The highest rung the screen unlocks, None for a good single-leg squat."""
    worst = max(screen.single_leg_squat_left, screen.single_leg_squat_right, key=lambda q: WORSE[q.value])
    rung = SCREEN_RUNG.get(worst.value)
    return None if rung is None else rung + P.rescreen_rungs_above_screen


def _in_force(screens: list[Screen], start: dt.date) -> Screen | None:
    before = [s for s in sorted(screens, key=lambda s: s.date) if s.date < start]
    return before[-1] if before else (min(screens, key=lambda s: s.date) if screens else None)


def _past_the_screen(plan, profile: AthleteProfile) -> list[str]:
    """Each single-leg ladder rung a week does above what the screen in force unlocks (a swap
    the runner asked for aside)."""
    problems = []
    for w in plan.weeks:
        screen = _in_force(list(profile.screens), w.start_date)
        cap = _cap(screen) if screen is not None else None
        if cap is None:
            continue
        for s in w.sessions:
            for b in s.blocks:
                rung = LADDER.index(b.exercise_id) if b.exercise_id in LADDER else -1
                if rung > cap and not any(r.startswith("exercise-swap") for r in b.rule_ids):
                    problems.append(f"week {w.index}: {b.exercise_id} (rung {rung}) above rung {cap}")
    return problems


def _ids(plan) -> set[str]:
    return {b.exercise_id for w in plan.weeks for s in w.sessions for b in s.blocks}


def test_harolds_ladder_waits_for_a_rescreen_before_the_assisted_pistol():
    """Harold's fair single-leg squat started him on the forward step-down; he climbs one rung
    (the skater squat) and the plan names what a re-screen unlocks instead of going on."""
    plan = build_plan(HAROLD, CTX)
    assert _past_the_screen(plan, HAROLD) == []
    assert "skater_squat" in _ids(plan) and "assisted_pistol_squat" not in _ids(plan)
    said = [r.text for w in plan.weeks for s in w.sessions for b in s.blocks for r in b.reasons]
    assert any("re-screen to unlock Assisted pistol squat" in t for t in said)


def _rescreened(first: dict, later: dict, weeks: int) -> tuple[AthleteProfile, Screen, Screen]:
    """Harold screened with `first`'s single-leg squat, then again `weeks` later with `later`'s."""
    base = HAROLD.screens[0]
    one = Screen.model_validate({**base.model_dump(), **first})
    two = Screen.model_validate({**base.model_dump(), "date": base.date + dt.timedelta(weeks=weeks), **later})
    runner = AthleteProfile.model_validate({**HAROLD.model_dump(), "screens": [one.model_dump(), two.model_dump()]})
    return runner, one, two


def _squat(rating: str) -> dict:
    return {"single_leg_squat_left": rating, "single_leg_squat_right": rating}


def test_a_better_rescreen_unlocks_the_next_rung():
    """`runstrong screen` with a better single-leg squat raises the cap: screened poor, Harold
    stops at the forward step-down ("re-screen to unlock Skater squat"); a fair re-screen
    unlocks the skater squat, and a good one lifts the cap (his level decides)."""
    runner, _, two = _rescreened(_squat("poor"), _squat("fair"), 10)
    plan = build_plan(runner, CTX)
    assert _past_the_screen(plan, runner) == []
    before = [w for w in plan.weeks if w.start_date <= two.date]
    after = [w for w in plan.weeks if w.start_date > two.date]
    said = [r.text for w in before for s in w.sessions for b in s.blocks for r in b.reasons]
    assert any("re-screen to unlock Skater squat" in t for t in said)
    assert "skater_squat" in {b.exercise_id for w in after for s in w.sessions for b in s.blocks}
    runner, _, two = _rescreened(_squat("fair"), _squat("good"), 10)
    plan = build_plan(runner, CTX)
    after = [w for w in plan.weeks if w.start_date > two.date]
    said = [r.text for w in after for s in w.sessions for b in s.blocks for r in b.reasons]
    assert not any("re-screen to unlock" in t for t in said)


@st.composite
def rescreened_runners(draw):
    """A screened runner (fair or poor single-leg squat), a share of them screened again
    partway with any rating."""
    runner = draw(screened_runners())
    if not draw(st.booleans()):
        return runner
    again = moved(draw(screens(FROM)), runner.start_date)
    again["date"] = runner.start_date + dt.timedelta(weeks=draw(st.integers(4, 12)))
    first = runner.screens[0].model_dump()
    return AthleteProfile.model_validate({**runner.model_dump(), "screens": [first, again]})


@SCREENED
@given(profile=rescreened_runners())
def test_no_single_leg_rung_above_the_screens_allowance_without_a_later_screen(profile):
    plan = build_or_none(profile)
    if plan is not None:
        assert _past_the_screen(plan, profile) == [], profile.model_dump_json()


# --- a bodyweight rung at its top takes a load where the kit allows (cr19a F8)


def test_harolds_skater_squat_takes_his_dumbbells_while_the_next_rung_waits_for_a_rescreen():
    """Harold owns 20 lb dumbbells: his skater squat at the top of its range, with the assisted
    pistol squat waiting for a re-screen, moves to the dumbbell skater squat, saying both."""
    plan = build_plan(HAROLD, CTX)
    assert "dumbbell_skater_squat" in _ids(plan)
    said = [r.text for w in plan.weeks for s in w.sessions for b in s.blocks for r in b.reasons]
    assert any("Dumbbell skater squat adds a load" in t and "re-screen to unlock Assisted pistol" in t for t in said)


def _loaded_form_left(plan, profile: AthleteProfile) -> list[str]:
    """Each bodyweight lift that says it holds "with no harder rung your kit, level and pain
    allow" while a loaded form of it in the library fits the runner's kit, level and pain."""
    kit, pain = set(profile.equipment), set(profile.pain_areas)
    problems = []
    for w in plan.weeks:
        for s in w.sessions:
            for b in s.blocks:
                if not any("with no harder rung" in r.text for r in b.reasons):
                    continue
                e = LIB.get(b.exercise_id)
                for x in (LIB.get(i) for i in e.progressions if i in LIB):
                    fits = set(x.equipment) <= kit and x.level.rank <= profile.strength_experience.rank
                    spares = pain.isdisjoint({*x.loads, *x.contraindications})
                    if x.loadable and x.pattern == e.pattern and fits and spares and x.id not in P.soreness_exercises:
                        problems.append(f"week {w.index}: {e.id} holds, {x.id} would fit")
    return problems


@SCREENED
@given(profile=rescreened_runners())
def test_a_bodyweight_lift_at_its_top_takes_the_loaded_form_the_kit_allows(profile):
    plan = build_or_none(profile)
    if plan is not None:
        assert _loaded_form_left(plan, profile) == [], profile.model_dump_json()
