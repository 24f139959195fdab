"""A deload, the taper or race week cuts from what the last loading week gave (planned-deloads, taper).

The cut weeks are dosed from the plain dose, but a loading week can give fewer sets than its
dose asked: the cap trims a set, the kit's progression takes one to fit its reps, a light day
takes one before a key run. A cut of the plain dose then stood level with that week (a 40 kg
novice's deload kept 19 of 25 sets; Pete's taper left his light day's sets as they were and
cut 28% of his week, cr22a). Each lift's sets on a day of a deload or the taper are at most the
week's cut of its sets on a day of the same focus, light or full, in the last loading week;
race week's at most its own cut of them (the twenty-third session)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from runstrong.core.model import Phase, Role
from runstrong.core.planner import build_plan
from runstrong.core.review_cut import cut_sets
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .strategies import profiles
from .test_plan_safety import LOADING, SAME_RUNNERS, P, plan_or_none

RUNNERS = Path(__file__).parent / "runners"
WORK = (Role.primary, Role.accessory)
LIGHT = "light-before-key-runs"


def _key(s, b) -> tuple:  # type: ignore[no-untyped-def]
    return b.exercise_id, s.focus, LIGHT in b.rule_ids


def _day_sets(week) -> dict:  # type: ignore[no-untyped-def]
    out: dict = {}
    for s in week.sessions:
        for b in s.blocks:
            if b.role in WORK and b.prescription.sets:
                out[_key(s, b)] = max(out.get(_key(s, b), 0), b.prescription.sets)
    return out


def over_their_cut(plan) -> list[tuple]:  # type: ignore[no-untyped-def]
    """(week, exercise, day, sets the last loading week gave, sets now) of each lift a deload or
    the taper holds at more than the week's cut of what its last loading week gave that day."""
    out, last = [], {}
    for w in plan.weeks:
        if w.phase in LOADING and not w.deload:
            last = _day_sets(w)
            continue
        if not (w.deload or w.phase in (Phase.taper, Phase.race_week)) or not last:
            continue
        pct = P.deload_volume_cut_pct if w.deload else P.taper_volume_cut_pct[w.phase == Phase.race_week]
        for s in w.sessions:
            for b in s.blocks:
                was = last.get(_key(s, b)) if b.role in WORK else None
                if was is not None and b.prescription.sets > cut_sets(was, pct):
                    out.append((w.index, b.exercise_id, s.weekday, was, b.prescription.sets))
    return out


def test_petes_taper_takes_his_light_days_set():
    """Pete (cr22a, a half in five weeks, knee pain, 35 minutes): week 3's Monday was a light day
    before his intervals (single-leg glute bridge and calf raise 2 sets, a set fewer than the
    dose); the taper's cut of the full dose gave the same 2 sets, and his taper cut 28% of the
    week's sets. It cuts from the light day's 2 now (1 set)."""
    plan = build_plan(load_profile(RUNNERS / "duathlete_half_in_five_weeks_knee.toml"), load_context())
    assert over_their_cut(plan) == []
    taper = next(w for w in plan.weeks if w.phase == Phase.taper)
    light = [b for s in taper.sessions for b in s.blocks if b.role in WORK and LIGHT in b.rule_ids]
    assert light and all(b.prescription.sets == 1 for b in light)


@SAME_RUNNERS
@given(profile=profiles())
def test_a_deload_or_the_taper_cuts_each_lift_from_the_sets_its_last_loading_week_gave(profile):
    plan = plan_or_none(profile)
    if plan is not None:
        assert over_their_cut(plan) == []


def test_race_week_cuts_from_what_the_last_loading_week_gave():
    """The property's draw (twenty-third session): race week's Tuesday front plank stood at 2 sets,
    the 60% cut of its plain dose, where the last loading week's Tuesday gave 1 (the cap's trim).
    Race week now cuts from what that week gave, as the deloads and the taper do."""
    plan = build_plan(load_profile(RUNNERS / "ultra_race_week_plank_cut_from_delivered.toml"), load_context())
    race = next(w for w in plan.weeks if w.phase == Phase.race_week)
    assert race.sessions and over_their_cut(plan) == []
    planks = [b.prescription.sets for s in race.sessions for b in s.blocks if b.exercise_id == "front_plank"]
    assert planks == [1], planks


@SAME_RUNNERS
@given(profile=profiles())
def test_race_week_cuts_each_lift_from_the_sets_its_last_loading_week_gave(profile):
    """Over generated runners with a race (race weeks only: the deloads and taper are above)."""
    plan = plan_or_none(profile) if profile.race is not None else None
    if plan is not None:
        assert [x for x in over_their_cut(plan) if plan.weeks[x[0] - 1].phase == Phase.race_week] == []
