"""A load far beyond what body mass, sex and level make plausible is refused at the door, with the
field and the fix, and a way through for a runner that strong (load-plausible, cr30a F4).

Tom (80 kg, intermediate) typed his pounds into `known_loads_kg` (trap bar 245, RDL 175, hip
thrust 225): the plan took them silently and asked a 160 kg Romanian deadlift in week 1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core import loads as ld
from runstrong.core.load_calibration import table_e1rm
from runstrong.core.load_plausible import given_e1rm, implausible_loads
from runstrong.core.model import AthleteProfile, Pattern
from runstrong.errors import UserError
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile, read_profile_data, validate_profile
from tests.cli.runner import env_for, run_cli
from tests.conftest import examples
from tests.core.strategies import profiles

RUNNERS = Path(__file__).parents[1] / "core" / "runners"
SLIP = RUNNERS / "tom_known_loads_kg_typed_in_pounds.toml"
CTX = load_context()
P, LIBRARY = CTX.params, CTX.library
SETTINGS = settings(max_examples=examples(), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _with(raw: dict, **changes) -> AthleteProfile:
    return AthleteProfile.model_validate({**raw, **changes})


def test_loads_typed_in_pounds_are_refused_by_plan_with_exit_2_each_field_named_with_its_fix(tmp_path):
    out = run_cli(["plan", str(SLIP), "--no-diary"], env=env_for(tmp_path) | {"COLUMNS": "400"})
    assert out.returncode == 2, out.stdout
    for field, kg in (("trap_bar_deadlift", "111.1"), ("romanian_deadlift", "79.4"), ("barbell_hip_thrust", "102.1")):
        assert f"known_loads_kg.{field}" in out.stderr and f"write {kg} in known_loads_kg" in out.stderr, out.stderr
    assert "loads_confirmed = true" in out.stderr and "Week 1" not in out.stdout


def test_athlete_add_refuses_them_and_writes_nothing(tmp_path):
    env = env_for(tmp_path)
    out = run_cli(["athlete", "add", str(SLIP)], env=env)
    assert out.returncode == 2 and "known_loads_kg.romanian_deadlift" in out.stderr, out.stderr
    listed = run_cli(["athlete", "list"], env=env)
    assert "Tom" not in listed.stdout


def test_the_flows_refuse_them_for_the_web_form_and_the_api(tmp_path):
    from runstrong.flows.base import Clock, Refused
    from runstrong.flows.profile import store_profile, update_profile
    from runstrong.store.db import open_store

    raw = read_profile_data(SLIP)
    honest = _with(raw, known_loads_kg={"trap_bar_deadlift": 110, "romanian_deadlift": 80})
    store = open_store(f"sqlite:///{tmp_path / 'diary.db'}")
    day = honest.start_date - dt.timedelta(days=1)
    clock = Clock(dt.datetime.combine(day, dt.time(18)), day)
    try:
        with pytest.raises(Refused, match=r"245 kg for Trap-bar deadlift"):
            store_profile(store, _with(raw), clock, least_bad=True)
        store_profile(store, honest, clock, least_bad=True)
        with pytest.raises(Refused) as err:
            update_profile(store, honest.name, {"known_loads_kg": {"romanian_deadlift": 175}}, clock)
        assert err.value.field == "known_loads_kg.romanian_deadlift"
        update_profile(store, honest.name, {"session_cap_minutes": 40}, clock)  # other edits go through
    finally:
        store.close()


def test_a_strong_advanced_lifter_is_not_refused_and_a_weaker_level_has_a_way_through():
    raw = read_profile_data(SLIP)
    strong = {**raw, "body_mass_kg": 100, "known_loads_kg": {"trap_bar_deadlift": 200}}
    assert validate_profile({**strong, "strength_experience": "advanced"}).known_loads_kg["trap_bar_deadlift"] == 200
    with pytest.raises(UserError, match="loads_confirmed"):
        validate_profile({**strong, "strength_experience": "novice"})
    kept = validate_profile({**strong, "strength_experience": "novice", "loads_confirmed": True})
    assert kept.known_loads_kg["trap_bar_deadlift"] == 200


def test_confirmed_loads_are_planned(tmp_path):
    confirmed = tmp_path / "tom.toml"
    confirmed.write_text(SLIP.read_text().replace("pain_areas = []", "pain_areas = []\nloads_confirmed = true"))
    assert load_profile(confirmed).loads_confirmed
    out = run_cli(["plan", str(confirmed), "--no-diary", "--week", "1"], env=env_for(tmp_path))
    assert out.returncode == 0, out.stderr


def test_a_recent_set_typed_in_pounds_is_refused_too():
    raw = read_profile_data(SLIP)
    with pytest.raises(UserError, match=r"recent_sets\.romanian_deadlift"):
        validate_profile({**raw, "known_loads_kg": {}, "recent_sets": {"romanian_deadlift": "8 x 175 kg @ RIR 2"}})


# ------------------------------------------------------------------ generated runners

TABLED = sorted(
    e.id
    for e in LIBRARY.exercises
    if e.loadable and e.equipment and ld.implement(e.equipment) is not None and e.dose.reps
    and e.pattern in P.plausible_load_top_e1rm_per_kg and e.pattern in P.start_e1rm_per_kg
)  # fmt: skip
HINGES = [x for x in TABLED if LIBRARY.get(x).pattern == Pattern.hinge]


def _uncapped_table(ex_id: str, profile: AthleteProfile) -> float:
    """The starting estimate's table e1RM for the lift, its body-mass cap lifted (a heavy runner's own)."""
    table = table_e1rm(LIBRARY.get(ex_id), profile, P)
    assert table is not None
    return table * profile.body_mass_kg / min(profile.body_mass_kg, P.start_mass_cap_kg)


def _given(profile: AthleteProfile, ex_id: str, e1rm: float) -> AthleteProfile:
    kg = ld.load_for(e1rm, LIBRARY.get(ex_id).dose.reps, P.known_load_rir, P.e1rm_formula, P.e1rm_max_reps)
    return profile.model_copy(update={"known_loads_kg": {ex_id: round(kg, 6)}})


@SETTINGS
@given(profile=profiles(), ex_id=st.sampled_from(TABLED), share=st.floats(0.05, 1.0))
def test_a_plausible_load_is_never_refused(profile, ex_id, share):
    """Any load up to what the starting estimate itself accepts from a runner (its calibration's
    top, over the table for body mass, sex and level) passes the door."""
    top = _uncapped_table(ex_id, profile) * P.start_calibrate_max_pct / 100
    given = _given(profile, ex_id, top * share)
    assert given_e1rm(LIBRARY.get(ex_id), given.known_loads_kg[ex_id], P) <= top + 1e-4
    assert implausible_loads(given, LIBRARY, P) == []


@SETTINGS
@given(profile=profiles(), ex_id=st.sampled_from(HINGES), over=st.floats(1.0, 2.0))
def test_a_hinge_load_typed_in_pounds_is_refused_unless_confirmed(profile, ex_id, over):
    """A hinge worked at or above the table's load, its pounds typed as kilograms, is refused."""
    slip = _given(profile, ex_id, _uncapped_table(ex_id, profile) * over / ld.KG_PER_LB)
    assert [f for f, _, _ in implausible_loads(slip, LIBRARY, P)] == [f"known_loads_kg.{ex_id}"]
    assert implausible_loads(slip.model_copy(update={"loads_confirmed": True}), LIBRARY, P) == []
