"""No lift stands still for a block: when its load cannot rise (the kit's heaviest) and its
reps reach the range's top, it moves on the library's way (ladder-climb: the single-leg form,
the next rung), and an accessory at its range top climbs too; where nothing harder fits, the
plan says why it holds. Ana (100 miles, 34 weeks, kettlebells to 24 kg) did the kettlebell RDL
3 x 10 @ 24 kg for 20 weeks, beside a two-legged calf raise 2 x 15 (cr22a W7)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from runstrong.core.model import Phase, Role
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context, load_params
from runstrong.io.profile_file import load_profile

from .strategies import profiles
from .test_plan_safety import SAME_RUNNERS, plan_or_none

ANA = Path(__file__).parent / "runners" / "ultra_long_runway_kettlebells.toml"
P = load_params()
LOADING = (Phase.foundation, Phase.build, Phase.race_specific)
# a block's length (same-primaries-per-block's `max_weeks`, the mesocycle convention of four to
# eight weeks): no lift stands identical for longer without a word saying why
N = P.block_max_weeks
CAPPED = ("eccentric-hamstring-cap",)  # a Nordic curl's dose is its cap ("at most 3 x 5"), said as such
HOLDS = ("hold", "Held at", "stops there", "until", "waits", "unlock")


def dose(b):
    x = b.prescription
    return (x.sets, x.reps, x.seconds, x.contacts, x.distance_m, x.load_kg, x.intensity)


def flat_runs(plan):
    """Each run of identical doses of a lift on a session focus over successive loading weeks
    (deloads skipped): (lift, focus, first week, weeks, whether a reason says why it holds)."""
    loading = [w for w in plan.weeks if w.phase in LOADING and not w.deload]
    runs, open_runs = [], {}
    for w in loading:
        here = {}
        for s in w.sessions:
            for b in s.blocks:
                light = any(r.rule_id == "light-before-key-runs" for r in b.reasons)
                jumps = b.prescription.contacts is not None  # contacts stop at dose-plyometric's ceiling: not this kind
                if b.role in (Role.primary, Role.accessory) and not light and not jumps:  # nor a light day's dose
                    said = any(h in r.text or r.rule_id in CAPPED for r in b.reasons for h in HOLDS)
                    here[(b.exercise_id, s.focus)] = (dose(b), said or [r.text for r in b.reasons])
        for key in list(open_runs):
            if key not in here or here[key][0] != open_runs[key][0]:
                runs.append((*key, *open_runs.pop(key)[1:]))
        for key, (d, said) in here.items():
            if key in open_runs:
                d0, first, weeks, said0 = open_runs[key]
                open_runs[key] = (d0, first, weeks + 1, said0 if said0 is True else said)
            else:
                open_runs[key] = (d, w.index, 1, said)
    return [*runs, *((*key, *run[1:]) for key, run in open_runs.items())]


def check_no_long_flat_runs(plan):
    for lift, focus, first, weeks, said in flat_runs(plan):
        assert weeks <= N or said is True, (lift, focus.value, first, weeks, said)


def test_anas_kettlebell_rdl_moves_to_one_leg_once_the_heaviest_bell_tops_out():
    plan = build_plan(load_profile(ANA), load_context())
    by_week = {w.index: {b.exercise_id: b for s in w.sessions for b in s.blocks} for w in plan.weeks}
    two = [i for i, lifts in by_week.items() if "kettlebell_romanian_deadlift" in lifts]
    one = [i for i, lifts in by_week.items() if "kettlebell_single_leg_romanian_deadlift" in lifts]
    assert one and two and max(two) < min(one) <= N + max(two)
    said = [r.text for r in by_week[min(one)]["kettlebell_single_leg_romanian_deadlift"].reasons]
    assert any("heaviest kettlebell" in t and "one leg" in t for t in said), said
    calf = [i for i, lifts in by_week.items() if "single_leg_calf_raise" in lifts]
    assert calf, "the two-legged calf raise at 2 x 15 climbs to one leg"
    check_no_long_flat_runs(plan)


@SAME_RUNNERS
@given(profile=profiles())
def test_no_lift_stands_identical_for_more_than_a_block_without_saying_why(profile):
    plan = plan_or_none(profile)
    if plan is None:
        return
    check_no_long_flat_runs(plan)
