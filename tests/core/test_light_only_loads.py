"""A lift whose every day is the day before a key run lives on light days: fewer sets and more
in reserve at a load that still rises (light-before-key-runs, linear-progression; cr20a #8: Tom's
dumbbell RDL stayed at 20 lb for 12 weeks with 25-35 lb on the rack, held against the reps of its
first week while its light days' reps had stopped rising)."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from runstrong.core import loads as ld
from runstrong.core.model import AthleteProfile
from runstrong.core.phases import LOADING_PHASES
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

RUNNERS = Path(__file__).parent / "runners"
SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
HELD_WEEKS = 6  # loading weeks in a row at one load and one rep count, a kit step of at most SMALL_STEP away
SMALL_STEP = 0.1  # a step the growth the plan believes in over those weeks covers (2.5% a week: 13% in five)


def light_weeks(plan) -> dict[str, list[tuple[int, int | None, float]]]:
    """exercise id -> (week, reps, heaviest load) over loading weeks that are not deloads."""
    out: dict[str, dict[int, tuple[int | None, float]]] = {}
    for w in plan.weeks:
        if w.deload or w.phase not in LOADING_PHASES:
            continue
        for s in w.sessions:
            for b in s.blocks:
                kg = b.prescription.load_kg
                if kg is not None and b.prescription.reps:
                    reps, had = out.setdefault(b.exercise_id, {}).get(w.index, (b.prescription.reps, 0.0))
                    out[b.exercise_id][w.index] = (reps, max(had, kg))
    return {ex: [(i, r, kg) for i, (r, kg) in sorted(weeks.items())] for ex, weeks in out.items()}


def held_too_long(plan, profile: AthleteProfile) -> list[tuple]:
    """Lifts held HELD_WEEKS loading weeks in a row at one load and one rep count, with a kit
    step of under SMALL_STEP of the load free below the kit's heaviest (and above its lightest)."""
    ctx, out = load_context(), []
    for ex, weeks in light_weeks(plan).items():
        kit = ld.kit_of(ld.implement(ctx.library.get(ex).equipment), profile, ctx.params)
        run = 1
        for (_, r0, kg0), (i, r1, kg1) in itertools.pairwise(weeks):
            run = run + 1 if (r0, kg0) == (r1, kg1) else 1
            small = kit.step <= SMALL_STEP * kg1 and kg1 + kit.step <= kit.heaviest + 1e-6
            small = small and kg1 > (kit.bar or kit.step) + 1e-6  # an empty bar holds a lift up, not down
            if run >= HELD_WEEKS and small:
                out.append((ex, i, r1, kg1))
    return out


def test_toms_light_day_rdl_takes_the_kit_step_when_its_reps_stop_rising():
    plan = build_plan(load_profile(RUNNERS / "trail_mornings_all_light_mi.toml"), load_context())
    rdl = [kg for _, _, kg in light_weeks(plan)["dumbbell_romanian_deadlift"]]
    assert max(rdl) > rdl[0] + 1e-6, rdl


RUNS = [
    {"day": "tue", "type": "intervals", "minutes": 50},
    {"day": "thu", "type": "tempo", "minutes": 45},
    {"day": "sat", "type": "long", "minutes": 100},
]


@st.composite
def all_light_runners(draw) -> AthleteProfile:
    """Runners free only on the days before their intervals, tempo and long run."""
    start = dt.date(2027, 1, 4) + dt.timedelta(weeks=draw(st.integers(0, 40)))
    units = draw(st.sampled_from(["metric", "imperial"]))
    kit = draw(st.sampled_from(["gym", "dumbbells"]))
    data = {
        "name": "All light",
        "age": draw(st.integers(20, 60)),
        "sex": draw(st.sampled_from(["female", "male", "unspecified"])),
        "body_mass_kg": draw(st.floats(45, 110)),
        "units": units,
        "strength_experience": draw(st.sampled_from(["novice", "intermediate", "advanced"])),
        "consistent_strength_weeks": draw(st.integers(0, 20)),
        "start_date": start,
        "plan_weeks": draw(st.integers(10, 20)),
        "available_days": ["mon", "wed", "fri"],
        "session_cap_minutes": draw(st.sampled_from([40, 45, 60])),
        "equipment": [kit],
        "running": {
            "weekly": [
                {"day": "tue", "type": "intervals", "minutes": 50},
                {"day": "thu", "type": "tempo", "minutes": 45},
                {"day": "sat", "type": "long", "minutes": 100},
            ]
        },
    }
    if kit == "dumbbells":
        data["heaviest_loads"] = {"dumbbell": draw(st.sampled_from([20, 24, 35, 50]))}
    return AthleteProfile.model_validate(data)


@SETTINGS
@given(profile=all_light_runners())
def test_a_lift_on_light_days_only_is_never_held_for_weeks_at_one_load_and_one_rep_count(profile):
    try:
        plan = build_plan(profile, load_context())
    except InfeasibleWeekError:
        assume(False)
    assert not held_too_long(plan, profile)
