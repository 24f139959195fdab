"""What a short session keeps (session-time-cap): the calf work that is a session's only
ankle stiffness work (ankle-foot-stiffness: every week) goes only after the main lifts have
lost a set, not before them like the other accessories."""

from __future__ import annotations

from pathlib import Path

from runstrong.core.model import Block, Category, Phase, Prescription, Role
from runstrong.core.planner import build_plan
from runstrong.core.trim import Lead, total_seconds, trim_to_cap
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

CTX = load_context()
LIB, P = CTX.library, CTX.params
LOADING = {Phase.foundation, Phase.build, Phase.race_specific}


def block(exercise_id: str, role: Role, category: Category, sets: int, reps: int = 8, rest: int = 90) -> Block:
    from runstrong.core.dosing import estimate_seconds

    pr = Prescription(sets=sets, reps=reps, rest_seconds=rest, intensity={"kind": "rir", "value": 3})
    return Block(
        exercise_id=exercise_id, name=LIB.get(exercise_id).name, cues=[], role=role, category=category,
        prescription=pr, reasons=[],
        estimated_seconds=estimate_seconds(pr, role, P),
    )  # fmt: skip


def session() -> list[Block]:
    pc, slp = Category.posterior_chain, Category.single_leg_power
    return [
        block("dumbbell_romanian_deadlift", Role.primary, pc, 3),
        block("dumbbell_hip_thrust", Role.primary, pc, 3),
        block("split_squat", Role.primary, slp, 3),
        block("calf_raise", Role.accessory, slp, 2, reps=15, rest=45),
    ]


def test_kept_calf_work_outlasts_a_set_of_the_main_lifts():
    blocks = session()
    ids = lambda bs: {b.exercise_id for b in bs}  # noqa: E731
    plain_lead, kept_lead = Lead(Category.posterior_chain), Lead(Category.posterior_chain, frozenset({"calf_raise"}))
    # the longest cap at which the usual order leaves the calf raise out
    cap = next(c for c in range(60, 5, -1) if "calf_raise" not in ids(trim_to_cap(blocks, c, P, plain_lead)[0]))
    plain, _, _ = trim_to_cap(blocks, cap, P, plain_lead)
    kept, reasons, _ = trim_to_cap(blocks, cap, P, kept_lead)
    assert {b.exercise_id: b.prescription.sets for b in plain}["dumbbell_romanian_deadlift"] == 3
    assert "calf_raise" in ids(kept) and total_seconds(kept) <= cap * 60
    assert {b.exercise_id: b.prescription.sets for b in kept}["dumbbell_romanian_deadlift"] < 3  # a main set went first
    assert "one set fewer on the main lifts" in reasons[0].text
    tighter, reasons, _ = trim_to_cap(blocks, 2, P, kept_lead)  # and it does go when nothing else is left
    assert "calf_raise" not in ids(tighter) and "calf work left out" in reasons[0].text


def test_a_twenty_minute_runner_keeps_ankle_work_every_loading_week():
    """Ravi's pain regresses his hops and single-leg work; under a 20-minute cap the calf
    raise used to be left out of every session from week 5, so eight loading weeks had no
    calf or foot work at all."""
    plan = build_plan(load_profile(Path(__file__).parent / "runners" / "twenty_minutes_sore_knee.toml"), CTX)
    loading = [w for w in plan.weeks if w.phase in LOADING and not w.deload and w.sessions]
    ankle = ("calf_ankle", "plyometric")
    without = [
        w.index
        for w in loading
        if not any(LIB.get(b.exercise_id).pattern.value in ankle for s in w.sessions for b in s.blocks)
    ]
    assert loading and without == []
    assert all(sum(b.estimated_seconds for b in s.blocks) <= 20 * 60 for w in plan.weeks for s in w.sessions)
