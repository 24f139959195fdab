"""A bar on the upper back loads the lower back (cr26a F4: Nadia, lower back 3/10, got a barbell
step-up under "Pain areas respected: lower back", because the library tagged it as loading only
the knee). The spine carries whatever rests on the shoulders, so every barbell squat, lunge and
step-up loads or rules out the lower back, and a painful area's rung caps every lift tagged for it
at every score, not only on the first rung (rule pain-graded-return)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core.model import AthleteProfile, PainArea, Pattern
from runstrong.core.pain_return import allowed_on_ladder, rungs_for_week
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.review.regress import LOADS, load_on
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles

CTX = load_context()
LIBRARY = CTX.library
RUNNERS = Path(__file__).parent / "runners"
BAR_ON_THE_BACK = (Pattern.squat, Pattern.lunge, Pattern.step)  # a barbell in these rides on the upper back


def test_every_lift_with_a_bar_on_the_back_loads_or_rules_out_the_lower_back():
    on_back = [e for e in LIBRARY.exercises if "barbell" in e.equipment and e.pattern in BAR_ON_THE_BACK]
    assert {"barbell_step_up", "barbell_rear_foot_elevated_split_squat", "back_squat"} <= {e.id for e in on_back}
    silent = [e.id for e in on_back if load_on(e, PainArea.lower_back) < LOADS]
    assert not silent, f"a bar on the back but free for the lower back: {silent}"


def _tagged_outside_rung(plan, area: PainArea) -> list[tuple[int, str, str]]:
    """(week, day, exercise) for every block tagged as loading `area` that its ladder does not
    prescribe at or below the week's rung."""
    out = []
    for w in plan.weeks:
        rungs = rungs_for_week(plan.profile, w.start_date, CTX.ladders)
        if area not in dict(rungs):
            continue  # through its ladder: trained as a calm area
        allowed = allowed_on_ladder(rungs, CTX.ladders)
        for s in w.sessions:
            for b in s.blocks:
                e = LIBRARY.get(b.exercise_id)
                if load_on(e, area) >= LOADS and (area, e.id) not in allowed:
                    out.append((w.index, s.date.isoformat(), e.id))
    return out


def test_nadias_lower_back_gets_no_barbell_on_the_back():
    """Nadia (gym, lower back 3/10, marathon): the barbell step-up was her Monday and Saturday
    single-leg lift; her step-ups carry the load in the hands now."""
    plan = build_plan(load_profile(RUNNERS / "nadia_marathon_low_back_gym_barbell.toml"), CTX)
    given_ = {b.exercise_id for w in plan.weeks for s in w.sessions for b in s.blocks}
    assert not given_ & {"barbell_step_up", "barbell_rear_foot_elevated_split_squat", "back_squat"}
    assert not _tagged_outside_rung(plan, PainArea.lower_back)


@settings(max_examples=examples(), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    profile=profiles(),
    area=st.sampled_from(list(PainArea)),
    score=st.one_of(st.none(), st.integers(0, 10)),
)
def test_no_lift_tagged_for_a_painful_area_comes_outside_its_rung_at_any_score(profile, area, score):
    """Whatever the area's score (within the zone: a loading rung; above it or none: the first),
    no week holds a lift the library tags for that area unless its ladder prescribes it at or
    below the week's rung."""
    runner = AthleteProfile.model_validate({
        **profile.model_dump(mode="json"), "pain_areas": [area.value], "adjustments": [],
        "pain_scores": {area.value: score} if score is not None else {},
    })  # fmt: skip
    try:
        plan = build_plan(runner, CTX)
    except InfeasibleWeekError:
        return
    assert not _tagged_outside_rung(plan, area)
