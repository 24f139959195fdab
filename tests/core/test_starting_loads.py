"""A lift never logged starts light for anyone, heavy runners too, and its first log sets its load
(starting-load-estimate, find-your-weight, load-autoregulation; cr20a #4: a 118 kg novice's first
hip thrust was 50 kg with no ramp, and 44 kg still after he logged 30 kg)."""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from runstrong.core import loads as ld
from runstrong.core.diary import planned_work
from runstrong.core.log_loads import followed_session, kit_ceilings
from runstrong.core.model import AthleteProfile, EquipmentSet, RecentSet
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.data_files import load_context
from tests.conftest import examples

from .strategies import profiles

SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
# a novice's first estimated load: at most 60% of their body mass, counted up to the cap (the table's
# highest ratio, 1.0, at the cautious 80%, ten reps from failure: Brian's 50 kg hip thrust was 42% of 118 kg)
NOVICE_SHARE = 0.6


@st.composite
def starters(draw, level: str | None = None) -> AthleteProfile:
    """Generated runners with kit to load and no load of their own, light to very heavy."""
    p = draw(profiles())
    changes = {
        "body_mass_kg": draw(st.floats(40, 160)),
        "equipment": [draw(st.sampled_from(["gym", "dumbbells", "gym"]))],
        "strength_experience": level or p.strength_experience,
    }
    return AthleteProfile.model_validate({**p.model_dump(), **changes})


def plan_of(profile: AthleteProfile, **kw):
    """The plan, its broken rules as warnings (`least_bad`: the plan properties check those; a
    42 kg novice's reverse lunge breaks linear-progression in kit-double-progression on main)."""
    try:
        return build_plan(profile, load_context(), least_bad=True, **kw)
    except InfeasibleWeekError:
        return None


def first_estimates(plan):
    """(block, exercise) of each lift's first loaded block, where its load is the body-mass estimate."""
    seen: set[str] = set()
    for w in plan.weeks:
        for s in w.sessions:
            for b in s.blocks:
                if b.prescription.load_kg is None or b.exercise_id in seen:
                    continue
                seen.add(b.exercise_id)
                if "starting-load-estimate" in b.rule_ids:
                    yield s, b


def kit_of(ex_id: str, profile: AthleteProfile) -> tuple[float, float]:
    ctx = load_context()
    kit = ld.implement(ctx.library.get(ex_id).equipment)
    step = ld.increment_kg(kit, profile.units, profile.load_increments, ctx.params)
    bar = ld.lightest_kg(kit, profile.units, profile.bar_weights, ctx.params)
    return step, bar or step


@SETTINGS
@given(profile=starters("novice"))
def test_no_novices_first_estimated_load_is_above_sixty_percent_of_their_body_mass_counted_up_to_the_cap(profile):
    plan = plan_of(profile)
    assume(plan is not None)
    counted = min(profile.body_mass_kg, load_context().params.start_mass_cap_kg)
    for _, b in first_estimates(plan):
        lightest = kit_of(b.exercise_id, profile)[1]  # an empty bar is as light as the kit goes
        assert b.prescription.load_kg <= max(NOVICE_SHARE * counted, lightest) + 1e-6, (b.name, b.prescription)


@SETTINGS
@given(profile=starters())
def test_every_first_estimated_load_asks_to_find_the_weight_even_at_the_kits_heaviest(profile):
    plan = plan_of(profile)
    assume(plan is not None)
    for _, b in first_estimates(plan):
        assert "find-your-weight" in b.rule_ids, (b.name, b.rule_ids)


@SETTINGS
@given(profile=starters(), share=st.floats(0.2, 0.9), harder=st.integers(0, 2))
def test_a_first_log_of_an_estimated_lift_sets_its_load_however_far_below_the_estimate(profile, share, harder):
    plan = plan_of(profile)
    assume(plan is not None and len(plan.weeks) > 2)
    first = next((x for x in first_estimates(plan) if x[0].date < plan.weeks[1].start_date), None)
    assume(first is not None and first[1].prescription.reps)
    s, b = first
    presc, p = b.prescription, load_context().params
    step, bar = kit_of(b.exercise_id, profile)
    kg = ld.round_down(presc.load_kg * share, step, bar)
    assume(kg < presc.load_kg - 1e-6)
    rir = max(0, round(ld.rir_of(presc.intensity.kind, presc.intensity.value, p.autoreg_assumed_rir)) - harder)
    logged = RecentSet(reps=presc.reps, load_kg=kg, rir=rir, date=s.date)
    ceiling = ld.step_ceiling(kg, p.max_load_step_pct, step)  # as hard as planned or harder: at most a week's step
    # the stored plan's next sessions, moved by the log (what `today` shows before a review) ...
    kits = kit_ceilings(profile.units, profile.heaviest_loads, EquipmentSet.gym in profile.equipment, p)
    for x in planned_work(plan)[0]:
        if s.date < x.date < plan.weeks[2].start_date:
            moved = followed_session(x, {b.exercise_id: logged}, profile.units, profile.load_increments,
                                     load_context().library, p, None, kits, profile.bar_weights)  # fmt: skip
            for c in moved.blocks:
                if c.exercise_id == b.exercise_id and c.prescription.load_kg is not None:
                    assert c.prescription.load_kg <= ceiling + 1e-6, (b.name, kg, c.prescription, str(x.date))
    # ... and the plan made from it (a review's, a replan's)
    after = plan_of(profile.model_copy(update={"logged_sets": {b.exercise_id: logged}}), fixed_weeks=plan.weeks[:1])
    assume(after is not None)
    for x in after.weeks[1].sessions:
        for c in x.blocks:
            if c.exercise_id == b.exercise_id and c.prescription.load_kg is not None:
                assert c.prescription.load_kg <= ceiling + 1e-6, (b.name, kg, c.prescription, str(x.date))
