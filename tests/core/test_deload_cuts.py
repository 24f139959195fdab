"""A deload deloads every day (cr21a W2): its week's working sets are cut within the
`planned-deloads` range of the loading week before (light days too: a light day cut from the
full dose is only a loading week's light day), lifts already at one set keep it, and no lift's
load rises over the same day of the loading week before."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from runstrong.core.model import AthleteProfile, Role, Weekday
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .strategies import profiles
from .test_plan_safety import LOADING, SAME_RUNNERS, P, plan_or_none

WORK = (Role.primary, Role.accessory)


def _work(week):  # type: ignore[no-untyped-def]
    return [(s.weekday, b) for s in week.sessions for b in s.blocks if b.role in WORK]


def deload_pairs(plan):  # type: ignore[no-untyped-def]
    """(loading week, the deload week after it) of a plan."""
    weeks = plan.weeks
    return [(weeks[k - 1], w) for k, w in enumerate(weeks) if w.deload and k and not weeks[k - 1].deload
            and weeks[k - 1].phase in LOADING and weeks[k - 1].sessions and w.sessions]  # fmt: skip


def check_deload_cut(before, deload) -> None:  # type: ignore[no-untyped-def]
    """The deload's working sets against the loading week's, within the rule's range where sets
    can be cut (a one-set lift stays one)."""
    loading = sum(b.prescription.sets for _, b in _work(before))
    ones = sum(1 for _, b in _work(before) if b.prescription.sets == 1)
    sets = sum(b.prescription.sets for _, b in _work(deload))
    most = ones + (loading - ones) * (100 - P.deload_min_volume_cut_pct) / 100
    least = loading * (100 - P.deload_max_volume_cut_pct) / 100
    assert least - 1e-9 <= sets <= most + 1e-9, (deload.index, loading, ones, sets)


def check_no_load_rise(before, deload) -> None:  # type: ignore[no-untyped-def]
    """No lift heavier in the deload than on the same day of the week before (else than its heaviest)."""
    day_kg: dict = {}
    for day, b in _work(before):
        kg = b.prescription.load_kg
        if kg is not None:
            for key in ((b.exercise_id, day), (b.exercise_id, None)):
                day_kg[key] = max(day_kg.get(key, 0.0), kg)
    for day, b in _work(deload):
        kg = b.prescription.load_kg
        was = day_kg.get((b.exercise_id, day), day_kg.get((b.exercise_id, None)))
        if kg is not None and was is not None:
            assert kg <= was + 1e-9, (deload.index, day, b.exercise_id, was, kg)


DALE = """
name = "Dale (imperial RPE)"
age = 45
sex = "male"
body_mass_kg = 86
units = "imperial"
running_experience_years = 10
strength_experience = "intermediate"
consistent_strength_weeks = 8
start_date = 2027-01-04
available_days = ["mon", "wed", "fri", "sat"]
session_cap_minutes = 45
equipment = ["gym"]

[recent_sets]
romanian_deadlift = "8 x 135 lb @ RIR 2"

[race]
distance = "half"
date = 2027-04-11

[running]
weekly = [
  { day = "tue", type = "intervals", minutes = 55 },
  { day = "wed", type = "easy", minutes = 35 },
  { day = "thu", type = "tempo", minutes = 45 },
  { day = "sat", type = "easy", minutes = 30 },
  { day = "sun", type = "long", minutes = 100 },
]
"""


def test_dales_deload_wednesday_trap_bar_is_no_heavier_and_his_deload_week_cuts_its_sets(tmp_path: Path):
    """Dale (cr21a W2): his week-3 Wednesday trap-bar deadlift, a light day's 2 x 6 @ 155 lb,
    came back in the deload at 2 x 6 @ 160 lb, and the deload week cut 22% of its sets."""
    (tmp_path / "dale.toml").write_text(DALE, "utf-8")
    plan = build_plan(load_profile(tmp_path / "dale.toml"), load_context())
    pairs = deload_pairs(plan)
    assert pairs
    for before, deload in pairs:
        check_no_load_rise(before, deload)
        check_deload_cut(before, deload)


@SAME_RUNNERS
@given(profile=profiles())
def test_a_deload_cuts_every_days_sets_within_the_rules_range(profile):
    plan = plan_or_none(profile)
    if plan is None:
        return
    for before, deload in deload_pairs(plan):
        check_deload_cut(before, deload)


@SAME_RUNNERS
@given(profile=profiles())
def test_no_load_rises_in_a_deload_over_the_same_day_of_the_loading_week(profile):
    plan = plan_or_none(profile)
    if plan is None:
        return
    for before, deload in deload_pairs(plan):
        check_no_load_rise(before, deload)


RUNNERS = Path(__file__).parent / "runners"


def _runner_plan(name: str):  # type: ignore[no-untyped-def]
    from .test_rep_bound import load_profile

    return build_plan(load_profile(RUNNERS / name), load_context())


def _doses(week, ex_id: str) -> dict:  # type: ignore[no-untyped-def]
    return {s.weekday: b.prescription for s in week.sessions for b in s.blocks if b.exercise_id == ex_id}


def test_a_deload_cuts_from_the_sets_the_loading_week_gave_after_the_cap_took_one():
    """CI's 40 kg novice (Mon/Wed/Fri, 20 minutes, dumbbells): week 7's kit doses took a set off
    to fit the cap (her RDL and split squat 3 x 7 asked, 2 x 9 given), and the week-8 deload cut
    the plain dose's 3 sets to 2: the same 2 x 9, and 19 of 25 sets kept (24%). The deload cuts
    from what the loading week gave."""
    plan = _runner_plan("deload_after_a_kit_set_fewer_novice_dumbbells.json")
    pairs = deload_pairs(plan)
    assert pairs
    for before, deload in pairs:
        check_deload_cut(before, deload)
    before, deload = next((b, d) for b, d in pairs if d.index == 8)
    for ex_id in ("dumbbell_romanian_deadlift", "dumbbell_split_squat"):
        was, now = _doses(before, ex_id), _doses(deload, ex_id)
        for day, presc in now.items():
            if day in was and was[day].sets > 1:
                assert presc.sets < was[day].sets, (ex_id, day, was[day].sets, presc.sets)


def test_a_deload_day_lighter_than_the_lifts_heaviest_keeps_its_own_load():
    """CI's advanced runner (Mon/Tue/Wed, 20 minutes, dumbbells): the weighted dead bug stepped
    to 4 kg on its Monday and stayed 2 kg on its Wednesday core day; the deload's Wednesday
    asked 4 kg. Its floor (75% of the lift's 4 kg) lifted the day past its own 2 kg."""
    plan = _runner_plan("deload_dead_bug_on_two_days_advanced.json")
    pairs = deload_pairs(plan)
    assert pairs
    for before, deload in pairs:
        check_no_load_rise(before, deload)
    before, deload = next((b, d) for b, d in pairs if d.index == 20)
    was, now = _doses(before, "weighted_dead_bug"), _doses(deload, "weighted_dead_bug")
    assert {day: p.load_kg for day, p in was.items()} == {Weekday.mon: 4.0, Weekday.wed: 2.0}
    assert now[Weekday.wed].load_kg <= 2.0


def test_a_rescreens_side_plank_waits_for_the_loading_week_after_the_deload():
    """A bodyweight novice re-screened in week 7 with an uneven side plank: its kneeling side plank came
    in with week 8, the deload, as one more core primary, so the deload kept 18 of the loading week's 21
    sets (16.5 at most). A deload keeps its block's exercises (planned-deloads); the side plank starts
    with week 9, the next loading week."""
    profile = AthleteProfile.model_validate_json(
        (RUNNERS / "rescreen_side_plank_waits_past_the_deload_bodyweight_novice_5k.json").read_text()
    )
    plan = build_plan(profile, load_context())
    for before, deload in deload_pairs(plan):
        check_deload_cut(before, deload)
    weeks = {w.index: {b.exercise_id for s in w.sessions for b in s.blocks} for w in plan.weeks}
    assert plan.weeks[7].deload and "kneeling_side_plank" not in weeks[8]
    assert "kneeling_side_plank" in weeks[9]
