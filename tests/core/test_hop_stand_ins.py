"""A hop-free stand-in says why the week swapped its hops out, and only the race's swap holds
its dose (cr27 plyo27): a build week whose hop days all fall on long runs' days
(plyometrics-fresh-legs) put a drop landing in place of the hops "too close to the race", seven
weeks out; the taper's label kept the next week from stepping on from it, so its contacts stood
(8 then 8) where dose-plyometric climbs them each loading week."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from runstrong.core.dated_races import races_of
from runstrong.core.model import AthleteProfile, Phase, Role
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.selection import IN_PLACE_OF_HOPS
from runstrong.io.data_files import load_context
from tests.conftest import examples

from .strategies import profiles_with_tune_ups

RUNNERS = Path(__file__).parent / "runners"
CTX = load_context()
P = CTX.params
SETTINGS = settings(max_examples=examples(share=0.3), deadline=None, suppress_health_check=list(HealthCheck))
LOADING = {Phase.foundation, Phase.build, Phase.race_specific}


def _teen_plan():
    path = RUNNERS / "teen_5k_mon_wed_hops_swapped_off_long_run_days.json"
    return build_plan(AthleteProfile.model_validate_json(path.read_text()), CTX, least_bad=True)


def _stand_in(week, exercise_id):
    return next(b for s in week.sessions for b in s.blocks if b.exercise_id == exercise_id and b.role == Role.primary)


def test_a_drop_landing_standing_in_for_hops_off_long_run_days_climbs_each_build_week():
    weeks = {w.index: w for w in _teen_plan().weeks}
    six, seven = _stand_in(weeks[6], "drop_landing"), _stand_in(weeks[7], "drop_landing")
    for w, b in ((weeks[6], six), (weeks[7], seven)):
        assert w.phase == Phase.build and not w.deload
        assert "plyometrics-fresh-legs" in w.rule_ids  # the week says why its hops went
        said = [r for r in b.reasons if r.text.startswith("In place of hops and jumps")]
        assert [r.rule_id for r in said] == ["plyometrics-fresh-legs"], said
        assert "taper" not in b.rule_ids and "too close to the race" not in said[0].text
    assert seven.prescription.contacts > six.prescription.contacts, (six.prescription, seven.prescription)
    assert seven.prescription.contacts - six.prescription.contacts <= P.plyo_contacts_step


def _race_close(profile: AthleteProfile, week) -> bool:
    """Whether a day of the week lies inside a race's last days for hops (goal race or dated race)."""
    dates = [r.date for r in races_of(profile)] + ([profile.race.date] if profile.race is not None else [])
    reach = max(P.last_plyometric_days, P.tune_up_last_plyometric_days)
    days = [week.start_date + dt.timedelta(days=k) for k in range(7)]
    return any(0 <= (race - day).days <= reach for race in dates for day in days)


@SETTINGS
@given(profile=profiles_with_tune_ups())
def test_a_hop_stand_in_says_the_race_is_close_only_in_a_week_the_race_is(profile):
    """taper / plyometrics-fresh-legs / plyometric-spacing: the stand-in's reason is the week's,
    so a loading week far from every race never marks it the taper's (which holds its dose)."""
    try:
        plan = build_plan(profile, CTX, least_bad=True)
    except InfeasibleWeekError:
        return
    for w in plan.weeks:
        if w.phase not in LOADING or _race_close(plan.profile, w):
            continue
        for s in w.sessions:
            for b in s.blocks:
                said = [r for r in b.reasons if r.rule_id == "taper" and r.text == IN_PLACE_OF_HOPS]
                assert not said, (w.index, s.date, b.exercise_id)
