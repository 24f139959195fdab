"""Each day of a lift runs its own double progression (linear-progression): where its reps rise
its load holds, whichever of the lift's days is the heaviest.

An experienced marathoner's Romanian deadlift is Monday's heavy 5 x 6 and Friday's 3 x 10-13 in
the race-specific block. The walk held a load only against the heaviest day's reps, so Friday
added a rep and 2.5 kg each week (3 x 10 @ 117.5, 3 x 11 @ 120, 3 x 12 @ 122.5), and the
planner's check, reading the efforts only, let it pass.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from runstrong.core.load_steps import load_step_problem
from runstrong.core.model import Intensity, Prescription
from runstrong.core.phases import LOADING_PHASES
from runstrong.core.planner import build_plan
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context, load_params
from runstrong.io.profile_file import load_profile

RUNNERS = Path(__file__).parent / "runners"
P = load_params()


def _friday_rdl(plan):
    return [
        (w.index, b.prescription)
        for w in plan.weeks
        if w.phase in LOADING_PHASES and not w.deload
        for s in w.sessions
        if s.weekday == "fri"
        for b in s.blocks
        if b.exercise_id == "romanian_deadlift"
    ]


def test_an_other_days_load_holds_while_its_own_reps_rise():
    context = load_context()
    plan = build_plan(load_profile(RUNNERS / "heavy_lifter_marathon.toml"), context)
    fridays = _friday_rdl(plan)
    assert len(fridays) >= 3  # the case is there: Friday's durability RDL over several loading weeks
    for (_, before), (week, now) in pairwise(fridays):
        assert not (now.reps > before.reps and now.load_kg > before.load_kg), (week, before, now)
    assert check_plan(plan, context) == []


def _dose(sets: int, reps: int, rir: int, kg: float) -> Prescription:
    return Prescription(sets=sets, reps=reps, intensity=Intensity(kind="rir", value=rir), rest_seconds=90, load_kg=kg)


def test_the_planners_check_refuses_a_days_reps_and_load_rising_together():
    said = load_step_problem(_dose(3, 10, 2, 117.5), _dose(3, 11, 2, 120.0), 13, 2.5, P)
    assert said is not None and "reps and load rise together" in said
    assert load_step_problem(_dose(3, 10, 2, 117.5), _dose(3, 11, 2, 117.5), 13, 2.5, P) is None
    assert load_step_problem(_dose(3, 13, 2, 117.5), _dose(3, 10, 2, 120.0), 13, 2.5, P) is None
