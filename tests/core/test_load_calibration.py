"""Starting estimates scaled to the loads a runner gave (starting-load-estimate): a strong
runner's other lifts start higher, a weak one's lower, never past the registry's bounds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from runstrong.core.load_calibration import table_e1rm
from runstrong.core.load_starts import starting_e1rms
from runstrong.core.model import AthleteProfile, Level, Role, Sex
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from tests.conftest import examples

CTX = load_context()
P = CTX.params
RITA = AthleteProfile.model_validate({
    "name": "Rita", "age": 28, "sex": "female", "body_mass_kg": 54, "strength_experience": "advanced",
    "start_date": "2027-01-04", "equipment": ["barbell", "dumbbells", "bench", "box"], "session_cap_minutes": 45,
    "race": {"distance": "5k", "date": "2027-03-28"},
    "running": {"weekly": [{"day": "tue", "type": "intervals", "minutes": 60},
                           {"day": "sun", "type": "long", "minutes": 90}]},
})  # fmt: skip
LOADED = [e for e in CTX.library.exercises if table_e1rm(e, RITA, P) is not None]


def first_load(plan, exercise_id: str) -> float | None:
    return next(
        (b.prescription.load_kg for w in plan.weeks for s in w.sessions for b in s.blocks
         if b.exercise_id == exercise_id and b.role in (Role.primary, Role.accessory) and b.prescription.load_kg),
        None,
    )  # fmt: skip


def test_a_runner_whose_known_loads_beat_the_table_starts_the_other_lifts_higher_and_says_why():
    strong = RITA.model_copy(update={"known_loads_kg": {"romanian_deadlift": 75.0, "back_squat": 70.0}})
    plain, scaled = build_plan(RITA, CTX), build_plan(strong, CTX)
    lift = "barbell_hip_thrust"
    assert first_load(scaled, lift) > first_load(plain, lift)
    (b,) = [b for s in scaled.weeks[0].sessions for b in s.blocks if b.exercise_id == lift][:1]
    assert any("scaled to the loads you gave" in r.text for r in b.reasons), [r.text for r in b.reasons]


def test_a_runner_whose_known_load_is_under_the_table_starts_the_other_lifts_lower():
    weak = RITA.model_copy(update={"known_loads_kg": {"romanian_deadlift": 20.0}})
    base = starting_e1rms(RITA, CTX.library, P, LOADED)
    low = starting_e1rms(weak, CTX.library, P, LOADED)
    others = [e.id for e in LOADED if e.id != "romanian_deadlift" and e.id in base and e.pattern.value != "hinge"]
    assert others and all(low[x] < base[x] for x in others)


@settings(max_examples=examples(share=0.05), deadline=None)
@given(
    kg=st.floats(2, 300),
    level=st.sampled_from(list(Level)),
    sex=st.sampled_from(list(Sex)),
    mass=st.floats(35, 150),
)
def test_a_scaled_estimate_stays_within_the_registrys_bounds_of_the_table(kg, level, sex, mass):
    base = RITA.model_copy(update={"strength_experience": level, "sex": sex, "body_mass_kg": mass})
    shown = base.model_copy(update={"known_loads_kg": {"romanian_deadlift": kg}})
    before = starting_e1rms(base, CTX.library, P, LOADED)
    after = starting_e1rms(shown, CTX.library, P, LOADED)
    low, high = P.start_calibrate_min_pct / 100, P.start_calibrate_max_pct / 100
    for x, e1rm in after.items():
        if x in before and x != "romanian_deadlift" and not _converted(x):
            assert low * before[x] - 1e-6 <= e1rm <= high * before[x] + 1e-6, (x, before[x], e1rm)


def _converted(exercise_id: str) -> bool:
    """A lift of the deadlift's own movement starts from it by the cross-lift ratio, not the table."""
    return exercise_id in P.cross_lift_relative_pct


def test_a_logged_set_of_a_lift_the_runner_gave_keeps_scaling_the_other_estimates():
    """Dave gave his back squat and RDL; once the diary held an RDL set, the replan's profile
    carried the log in place of his own set, and the other lifts' estimates lost the scale his
    sets gave them (his split squat went 27.2 -> 24.9 kg). The diary's sets now sit beside the
    runner's own (`logged_sets`), which keep scaling the estimates."""
    import datetime as dt

    from runstrong.core.model import RecentSet
    from runstrong.core.planner import build_plan, replan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store.logged_loads import with_sets
    from tests.core.test_coach_reads import RUNNERS

    ctx = load_context()
    dave = load_profile(RUNNERS / "masters_10k_pounds.toml")
    plan = build_plan(dave, ctx)
    week = plan.weeks[1]
    s, b = next((s, b) for s in week.sessions for b in s.blocks if b.exercise_id == "romanian_deadlift")
    p = b.prescription
    logged = RecentSet(reps=p.reps, load_kg=p.load_kg, rir=p.intensity.value, date=s.date)
    after = week.start_date + dt.timedelta(weeks=1)
    again = replan(plan, with_sets(dave, {"romanian_deadlift": logged}), after, ctx)  # as the diary's flows do

    def split_squats(x):  # type: ignore[no-untyped-def]
        return [b.prescription.load_kg for w in x.weeks if w.start_date >= after for s in w.sessions for b in s.blocks
                if b.exercise_id == "barbell_rear_foot_elevated_split_squat"]  # fmt: skip

    assert split_squats(again) == split_squats(plan)
