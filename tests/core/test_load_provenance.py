"""The words beside a load say where it came from, and only what is so: "Load from your last
logged set" stands only beside a lift the diary logged (cr22b P3: it stood beside a lift never
logged). A dated recent set the runner gave in the profile follows the same rule as a log
(load-autoregulation) but is their own word, and says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from runstrong.core import loads as ld
from runstrong.core.model import AthleteProfile, RecentSet
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles
from .test_starting_loads import plan_of

SETTINGS = settings(max_examples=examples(0.2), deadline=None, suppress_health_check=[HealthCheck.too_slow])
P = load_context().params
LOGGED = "Load from your last logged set"
GIVEN = "Load from the recent set you gave"


@st.composite
def kit_runners(draw) -> AthleteProfile:
    p = draw(profiles())
    kit = draw(st.sampled_from(["gym", "dumbbells"]))
    return AthleteProfile.model_validate({**p.model_dump(), "equipment": [kit], "plan_weeks": max(p.plan_weeks, 3)})


def first_sets(plan) -> dict[str, tuple[dt.date, object]]:
    """Each loaded lift of week one: the day and prescription of its first block."""
    out: dict[str, tuple[dt.date, object]] = {}
    for s in plan.weeks[0].sessions:
        for b in s.blocks:
            if b.prescription.load_kg and b.prescription.reps and b.exercise_id not in out:
                out[b.exercise_id] = (s.date, b.prescription)
    return out


def as_done(day: dt.date, presc, harder: int) -> RecentSet:
    rir = ld.rir_of(presc.intensity.kind, presc.intensity.value, P.autoreg_assumed_rir)
    return RecentSet(reps=presc.reps, load_kg=presc.load_kg, rir=min(max(round(rir) - harder, 0), 10), date=day)


@SETTINGS
@given(profile=kit_runners(), whose=st.lists(st.sampled_from(["none", "given", "logged"]), min_size=12, max_size=12),
       harder=st.integers(-1, 1))  # fmt: skip
def test_only_a_lift_the_diary_logged_says_its_load_is_from_your_last_logged_set(profile, whose, harder):
    plan = plan_of(profile)
    assume(plan is not None and len(plan.weeks) > 2)
    lifts = first_sets(plan)
    assume(lifts)
    given_sets, logged = {}, {}
    for (ex_id, (day, presc)), who in zip(sorted(lifts.items()), whose, strict=False):
        if who == "given":
            given_sets[ex_id] = as_done(day, presc, harder)
        elif who == "logged":
            logged[ex_id] = as_done(day, presc, harder)
    changed = {"recent_sets": {**profile.recent_sets, **given_sets}, "logged_sets": logged}
    after = plan_of(profile.model_copy(update=changed), fixed_weeks=plan.weeks[:1])
    assume(after is not None)
    for w in after.weeks[1:]:
        for s in w.sessions:
            for b in s.blocks:
                said = [r.text for r in b.reasons if r.rule_id == "load-autoregulation"]
                if any(t.startswith(LOGGED) for t in said):
                    assert b.exercise_id in logged, (s.date, b.exercise_id, said, sorted(logged))
                if any(t.startswith(GIVEN) for t in said):
                    assert b.exercise_id in given_sets, (s.date, b.exercise_id, said, sorted(given_sets))


def test_hanas_dated_hip_thrust_set_from_her_profile_is_not_called_a_logged_set():
    """Hana gives a dated recent set in her profile, never logged anything: before, every week's
    hip thrust said "Load from your last logged set"."""
    hana = load_profile(Path(__file__).parent / "runners" / "hana_half_gym_known_loads.toml")
    given_set = RecentSet(reps=8, load_kg=70.0, rir=2, date=dt.date(2027, 2, 24))
    profile = hana.model_copy(update={"recent_sets": {"barbell_hip_thrust": given_set}})
    plan = plan_of(profile)
    said = {r.text for w in plan.weeks for s in w.sessions for b in s.blocks for r in b.reasons
            if b.exercise_id == "barbell_hip_thrust" and r.rule_id == "load-autoregulation"}  # fmt: skip
    assert said and all(t.startswith(GIVEN) for t in said), said
