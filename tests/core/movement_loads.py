"""What each kind of movement asks of the leg and back, written apart from the library's words:
the oracle the pain properties check plans against (tests/core/test_pain_loads.py,
test_pain_rungs_train.py, test_plan_safety.py, tests/review/test_pain_floor.py). A module of
its own, not a test module, so a property can import it without nesting Hypothesis tests."""

from __future__ import annotations

from runstrong.core.model import PainArea, Pattern

ANKLE_FOOT = (PainArea.achilles, PainArea.calf, PainArea.foot, PainArea.shin)

# What each kind of movement asks of the leg and back, written here apart from the library's
# words (cr25a F1: the split squat, snap-down, step-up and line hops named the knee or the
# ankle but never the hip, so a hip above the zone on its isometric rung got all four).
LEG = (PainArea.knee, PainArea.hip)
CONTACT = (*ANKLE_FOOT, *LEG)  # every landing and hop: the ankle and foot, then the knee and hip absorb it
PATTERN_LOADS: dict[Pattern, tuple[PainArea, ...]] = {
    Pattern.lunge: LEG,  # split squats and lunges: the front knee, the hip in deep flexion and the rear in extension
    Pattern.step: LEG,  # step-ups and step-downs: single-leg knee and hip extension under load
    Pattern.squat: LEG,
    Pattern.landing: CONTACT,
    Pattern.plyometric: CONTACT,
    Pattern.hinge: (PainArea.lower_back, PainArea.hamstring, PainArea.hip),  # hip extension under a loaded spine
    Pattern.bridge: (PainArea.hip,),  # bridges and thrusts are the hip's own ladder work
    Pattern.hip_abduction: (PainArea.hip,),  # the gluteal tendons under load (and compression side-lying)
    Pattern.hip_adduction: (PainArea.hip,),
    Pattern.knee_flexion: (PainArea.hamstring, PainArea.hip),  # curls in a bridge, nordics with the hip held extended
    Pattern.back_extension: (PainArea.lower_back,),
    Pattern.calf_ankle: ANKLE_FOOT,
}
NAMED_LOADS: dict[str, tuple[PainArea, ...]] = {
    "runners_lunge_to_balance": LEG,  # a lunge, then single-leg stance
    "side_plank_leg_lift": (PainArea.hip,),  # the top leg abducts against gravity
    "side_plank_hip_dip": (PainArea.hip,),
    "back_extension_45": (PainArea.lower_back, PainArea.hip),  # a hinge over the pad: the hips extend under load
}
# Carries, planks, anti-rotation work and the balance drills (but the lunge to balance) are left
# out: counted as work that spares the leg and back, not judged here (cr25a left it).
SPARES: dict[str, tuple[PainArea, ...]] = {
    "tibialis_raise": (PainArea.achilles, PainArea.calf, PainArea.foot),  # heels down: the shin's front only
}


def loaded_areas(e) -> frozenset[PainArea]:  # type: ignore[no-untyped-def]
    """The areas `e` works by its kind of movement (loaded training work; drills, warm-up and
    mobility load nothing), whatever the library says."""
    if not e.roles or e.drill:
        return frozenset()
    areas = {*PATTERN_LOADS.get(e.pattern, ()), *NAMED_LOADS.get(e.id, ())}
    return frozenset(areas - set(SPARES.get(e.id, ())))
