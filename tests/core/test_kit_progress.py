"""A lift whose load the kit holds still progresses (kit-double-progression): reps climb while
the load waits for the kit's next step, never fall while it holds, and at the top of the
range (or the heaviest dumbbell the runner owns) the lowering slows, before a dose repeats.

Coach reads (eighteenth session): Ines's 6 kg split squat and 2.5 kg Pallof press stood the
same three loading weeks running; Helen's 12 kg dumbbell hip thrust and RDL (her heaviest)
went from 3 x 12 to 3 x 6 "RPE 8" at the same load, under words promising slower reps."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given

from runstrong.core import loads as ld
from runstrong.core.log_loads import HOLDING_RULES
from runstrong.core.model import AthleteProfile, Role
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .one_dumbbell import one_dumbbell_context
from .test_loads_safety import LOADING, SAME_LIFTERS, P, heaviest_of, kept_plan, kit_of, lifters, step_and_bar

RUNNERS = Path(__file__).parent / "runners"
EASED = frozenset({*HOLDING_RULES, "review-hold", "find-your-weight"})  # eased or unknown doses: no step
# how much slower than its own a lift's lowering gets at most (the rule's 2 s when this file is run
# against a rulebook from before the rule, to show the plans it made repeat such doses)
MOST_SLOWER = getattr(P, "kit_max_slower_seconds", 2)
HEAVY_BOUND = "No harder than this week's heavy day"  # linear-progression's words where it holds a load


def is_heavy(b) -> bool:
    """A lift's heavy day: dosed by the heavy scheme at an RPE, also where its load at the kit's
    top said the reserve it leaves instead ("... so that is the effort here (the dose asked RPE 8)")."""
    asked_rpe = b.prescription.intensity.kind == "rpe" or any("(the dose asked RPE" in r.text for r in b.reasons)
    return "dose-heavy" in b.rule_ids and asked_rpe


def _lowering(tempo: str | None) -> int | None:
    first = (tempo or "").split("-")[0]
    return int(first) if first.isdigit() else None


def main_days(plan, library) -> list[tuple[int, dict]]:
    """Each loading week (deloads left out, as the plan check compares them) with each lift's
    main full day: (week index, {(exercise id, focus): (block, session)}), its heavy day if it
    has one (its other days take their load from it: linear-progression), else its first full
    day: the day the kit's progression runs on."""
    out = []
    for w in plan.weeks:
        if w.deload or w.phase.value not in LOADING:
            continue
        heavy = {b.exercise_id for s in w.sessions for b in s.blocks if is_heavy(b)}
        days = {}
        for s in w.sessions:
            for b in s.blocks:
                p = b.prescription
                if b.role not in (Role.primary, Role.accessory) or p.load_kg is None or not p.reps:
                    continue
                if set(b.rule_ids) & EASED:
                    continue
                if b.exercise_id in heavy and not is_heavy(b):
                    continue
                if (b.exercise_id, s.focus.value) in days or any(k[0] == b.exercise_id for k in days):
                    continue  # its first full day is its main one (the kit's progression runs there)
                days[(b.exercise_id, s.focus.value)] = (b, s)
        out.append((w.index, days))
    return out


def _pairs(plan, library):
    """(week, lift, block before, block after, session after) over consecutive loading weeks."""
    weeks = main_days(plan, library)
    for (_, before), (j, after) in itertools.pairwise(weeks):
        for key, (b1, s1) in after.items():
            if key in before:
                yield j, key[0], before[key][0], b1, s1


def repeated_kit_held_doses(plan, library) -> list[tuple]:
    """Loading weeks that repeat the last loading week's dose of a lift at the same load (sets,
    reps, effort and tempo) while its lowering is not yet the slowest the rule allows."""
    out = []
    for j, ex_id, before, after, session in _pairs(plan, library):
        a, b = before.prescription, after.prescription
        same = (a.sets, a.reps, a.load_kg, a.intensity, a.tempo) == (b.sets, b.reps, b.load_kg, b.intensity, b.tempo)
        if not same:
            continue
        race = plan.profile.race
        if race is not None and 0 <= (race.date - session.date).days < P.last_heavy_days:
            continue  # the last heavy days before the race hold the load and effort (taper), as the rule does
        own = _lowering(library.get(ex_id).tempo)
        if own is None or _lowering(b.tempo) >= own + MOST_SLOWER:
            continue  # nothing left to slow: the dose may repeat until a log moves it
        cap = min(plan.profile.session_cap_minutes, P.max_session_minutes)
        if session.estimated_minutes * 60 + _rep_seconds(after) > cap * 60:
            continue  # the cap leaves no room for another rep or a slower lowering
        out.append((j, ex_id, b.sets, b.reps, b.load_kg, b.tempo))
    return out


def _rep_seconds(b) -> int:
    """The least a week's progression of this block takes: a second more in every set's reps
    (a weaker side's extra set too)."""
    p = b.prescription
    sides = 2 if p.per_side else 1
    return (p.sets * sides + (1 if p.extra_sets_side else 0)) * max(p.reps or 0, 1)


def _no_room_for(session, block, reps: int, profile) -> bool:
    """Whether the session's time cap leaves no room for `block` at `reps` (its sets at its tempo,
    as the plan times them): a full session keeps its reps only where a set fewer or a trimmed
    accessory made room, and a one-set day at the cap cannot (1 x 12 -> 1 x 10 at a 20-minute cap)."""
    p = block.prescription
    per_rep = sum(1 if c in "Xx" else int(c) for c in (p.tempo or "").split("-")) or 3
    sides = 2 if p.per_side else 1
    more = (reps - (p.reps or 0)) * per_rep * (p.sets * sides + (1 if p.extra_sets_side else 0))
    cap = min(profile.session_cap_minutes, P.max_session_minutes)
    return p.sets == 1 and session.estimated_minutes * 60 + more > cap * 60


def other_days(plan) -> list[tuple[int, dict]]:
    """Each loading week with each lift's other full day: its first full day that is not its
    main one (`main_days`), as (block, session) by exercise id."""
    out = []
    for w in plan.weeks:
        if w.deload or w.phase.value not in LOADING:
            continue
        heavy = {b.exercise_id for s in w.sessions for b in s.blocks if is_heavy(b)}
        seen, days = set(), {}
        for s in w.sessions:
            for b in s.blocks:
                p = b.prescription
                if b.role not in (Role.primary, Role.accessory) or p.load_kg is None or not p.reps:
                    continue
                if set(b.rule_ids) & (EASED | {"light-before-key-runs"}):
                    continue
                main = is_heavy(b) if b.exercise_id in heavy else b.exercise_id not in seen
                seen.add(b.exercise_id)
                if not main and b.exercise_id not in days:
                    days[b.exercise_id] = (b, s)
        out.append((w.index, days))
    return out


def reps_falling_on_another_day_at_a_held_load(plan) -> list[tuple]:
    """Loading weeks where a lift's other full day has fewer reps than the last loading week's
    at the same load (the set gets easier while its effort says harder), where the session's
    cap leaves a set of them the time and the race is not close."""
    out = []
    race, cap = plan.profile.race, min(plan.profile.session_cap_minutes, P.max_session_minutes)
    for (_, before), (j, after) in itertools.pairwise(other_days(plan)):
        for ex_id, (b, session) in after.items():
            if ex_id not in before:
                continue
            a, now = before[ex_id][0].prescription, b.prescription
            if abs(a.load_kg - now.load_kg) > 1e-6 or now.reps >= a.reps:
                continue
            if race is not None and 0 <= (race.date - session.date).days < P.last_heavy_days:
                continue  # the last heavy days before the race hold the load and effort (taper)
            if any(r.text.startswith(HEAVY_BOUND) for r in b.reasons):
                continue  # the heavy day's bound holds its load: the kept reps there would ask more than it
            if session.estimated_minutes * 60 + _reps_seconds(b, a.reps - now.reps) > cap * 60:
                continue  # the cap leaves no time for the reps in even one set's worth
            out.append((j, ex_id, a.sets, a.reps, now.sets, now.reps, now.load_kg))
    return out


def _reps_seconds(b, reps: int) -> int:
    """The time `reps` more reps take in one set of this block (its tempo's seconds a rep)."""
    p = b.prescription
    per_rep = sum(1 if c == "X" else int(c) for c in p.tempo.split("-")) if p.tempo else P.default_rep_seconds
    return reps * per_rep * (2 if p.per_side else 1)


def reps_falling_at_the_kits_heaviest(plan, profile, library) -> list[tuple]:
    """Loading weeks where a lift stays at the heaviest load the runner's kit makes and its
    reps fall from the last loading week's (the set gets easier while its effort says harder)."""
    out = []
    for j, ex_id, before, after, session in _pairs(plan, library):
        kit = kit_of(library.get(ex_id))
        full = heaviest_of(kit, profile)
        if full is None:
            continue
        top = ld.round_down(full, *step_and_bar(kit, profile))
        a, b = before.prescription, after.prescription
        at_top = abs(a.load_kg - top) < 1e-6 and abs(b.load_kg - top) < 1e-6
        if at_top and b.reps < a.reps and not _no_room_for(session, after, a.reps, profile):
            out.append((j, ex_id, a.reps, b.reps, b.load_kg))
    return out


@SAME_LIFTERS
@given(profile=lifters())
def test_no_loading_week_repeats_a_dose_the_kit_holds_before_its_lowering_is_slowest(profile):
    """kit-double-progression: while a lift's load waits on the kit, its reps climb under the
    range's top, else the load steps at fewer reps, else the lowering slows a second a week:
    a dose repeats only once the lowering is the slowest the rule allows."""
    plan = kept_plan(profile)
    if plan is not None:
        assert repeated_kit_held_doses(plan, load_context().library) == []


@SAME_LIFTERS
@given(profile=lifters())
def test_at_the_kits_heaviest_a_lifts_reps_never_fall_while_its_load_holds(profile):
    """kit-heaviest, kit-double-progression: a heavier phase's fewer reps wait for a heavier
    load; at the heaviest dumbbell the reps stay and the lowering slows instead."""
    plan = kept_plan(profile)
    if plan is not None:
        assert reps_falling_at_the_kits_heaviest(plan, profile, load_context().library) == []


@SAME_LIFTERS
@given(profile=lifters())
def test_a_lifts_other_full_day_keeps_its_reps_while_its_load_holds(profile):
    """kit-double-progression: beside its main day, a lift's other full day at the same load
    as last loading week never drops reps (a heavier phase's range waits for a heavier load)."""
    plan = kept_plan(profile)
    if plan is not None:
        assert reps_falling_on_another_day_at_a_held_load(plan) == []


def _weeks(plan, ex_id: str) -> dict[int, object]:
    return {
        w.index: b
        for w in plan.weeks
        if not w.deload
        for s in w.sessions
        for b in s.blocks
        if b.exercise_id == ex_id and not set(b.rule_ids) & {"light-before-key-runs"}
    }


def test_ines_coarse_kit_lifts_climb_or_slow_instead_of_standing_three_weeks():
    """Ines (gym, no race): weeks 9-11 were the same week three times (a 6 kg split squat at
    4 x 6, a 2.5 kg Pallof press at 4 x 12). Now each of her kit-held lifts changes week to
    week until its lowering is the slowest the rule allows, and says why. (Her week 3 starts
    the third session, so the split squat's heavy scheme starts in week 5 (one-new-thing-a-week):
    4 x 4, 5, 6 @ 6 kg in weeks 5-7, then the lowering slows in weeks 9 and 10.)"""
    ctx = load_context()
    plan = build_plan(load_profile(RUNNERS / "everyday_gym_no_race.toml"), ctx)
    assert repeated_kit_held_doses(plan, ctx.library) == []
    squat = _weeks(plan, "dumbbell_rear_foot_elevated_split_squat")
    doses = [
        (squat[i].prescription.reps, squat[i].prescription.load_kg, squat[i].prescription.tempo) for i in (7, 9, 10)
    ]
    assert len(set(doses)) == 3, doses
    said = [r.text for r in squat[9].reasons if r.rule_id == "kit-double-progression"]
    assert said and "the lowering slows to 4-1-1-0" in said[0], said
    pallof = _weeks(plan, "cable_pallof_press")
    assert pallof[10].prescription.load_kg > pallof[9].prescription.load_kg  # the cable's next step, at fewer reps
    assert pallof[10].prescription.reps < pallof[9].prescription.reps


def test_helens_heaviest_dumbbell_keeps_her_reps_and_slows_the_lowering_in_the_heavy_phase():
    """Helen (novice half, dumbbells to 12 kg): her RDL went 3 x 9 -> 3 x 6 at 12 kg "RPE 8"
    for five weeks, the kit-heaviest words promising slower reps on an unchanged 3-1-1-0.
    Now the reps stay and the lowering slows, and the words say the tempo the block shows."""
    ctx = load_context()
    profile = load_profile(RUNNERS / "novice_half_achilles_dumbbells.toml")
    plan = build_plan(profile, ctx)
    assert reps_falling_at_the_kits_heaviest(plan, profile, ctx.library) == []
    rdl = {  # her loading weeks' heavy days (dose-heavy; at 12 kg they say the reserve the load leaves, not RPE 8)
        w.index: b
        for w in plan.weeks
        if not w.deload and w.phase in LOADING
        for s in w.sessions
        for b in s.blocks
        if b.exercise_id == "dumbbell_romanian_deadlift" and "dose-heavy" in b.rule_ids
    }
    heavy = [i for i, b in sorted(rdl.items()) if b.prescription.load_kg == 12]
    assert len(heavy) > 3, "no heavy RDL at her heaviest dumbbell"
    reps = [rdl[i].prescription.reps for i in heavy]
    assert reps == sorted(reps) and min(reps) > 6, reps
    tempos = [rdl[i].prescription.tempo for i in heavy]
    assert tempos[-1] == "5-1-1-0", tempos  # 3-1-1-0, slowed a second a week to two seconds slower
    for i in heavy[1:]:
        said = " ".join(r.text for r in rdl[i].reasons if r.rule_id in ("kit-double-progression", "kit-heaviest"))
        assert rdl[i].prescription.tempo in said, said


def test_a_later_lifts_fewer_reps_give_their_time_to_an_earlier_lifts_slower_lowering():
    """CI's lifter (16, dumbbells in pounds, 21-minute cap): a 1 x 10 goblet lateral lunge at
    35 lb stood at 2-0-1-0 in weeks 10 and 11: its slower lowering was refused 2 s short of the
    cap, counted against the week's 15-rep calf raise later in the session, which the kit's climb
    held to 11 reps (72 s given back). The session's refit gives the lunge that time."""
    ctx = load_context()
    plan = build_plan(load_profile(RUNNERS / "teen_dumbbells_twenty_one_minutes.toml"), ctx)
    assert repeated_kit_held_doses(plan, ctx.library) == []
    lunge = _weeks(plan, "goblet_lateral_lunge")
    assert (lunge[10].prescription.tempo, lunge[11].prescription.tempo) == ("2-0-1-0", "3-0-1-0")
    week = next(w for w in plan.weeks if w.index == 11)
    cap = plan.profile.session_cap_minutes
    assert all(s.estimated_minutes <= cap for s in week.sessions)


def test_helens_wednesday_hip_thrust_keeps_its_twelve_reps_at_her_heaviest_dumbbell():
    """Helen: beside her Monday heavy day, her Wednesday hip thrust went 3 x 12 -> 3 x 10 at
    12 kg (RIR 2) when the build phase's 6-10 came in, an easier set at the same load. Now it
    keeps its 12 reps while the load holds, and says so. (Her pair now takes the shipped hip thrust
    past 12 kg: the kind is tested on one dumbbell across the hips.)"""
    ctx = one_dumbbell_context()
    plan = build_plan(load_profile(RUNNERS / "novice_half_achilles_dumbbells.toml"), ctx)
    assert reps_falling_on_another_day_at_a_held_load(plan) == []
    wednesdays = [
        b
        for w in plan.weeks
        if w.index in (9, 10, 11, 12)
        for s in w.sessions
        if s.date.weekday() == 2
        for b in s.blocks
        if b.exercise_id == "dumbbell_hip_thrust"
    ]
    assert [(b.prescription.reps, b.prescription.load_kg) for b in wednesdays] == [(12, 12.0)] * 4
    said = [r.text for r in wednesdays[0].reasons if r.rule_id == "kit-double-progression"]
    assert said and "its reps at 12" in said[0], said


def test_a_lifts_other_full_day_never_keeps_reps_past_the_weekly_rep_bound() -> None:
    """kit-double-progression keeps an other full day's reps while its load holds, but never by
    a jump the weekly bound forbids: the light novice's hip thrust went 1 x 8 @ 14 kg -> 1 x 12 @
    12 kg on that day and the planner refused its own plan."""
    plan = build_plan(load_profile(RUNNERS / "light_novice_dumbbells_two_days.toml"), load_context())
    assert plan.weeks


# CI's lifter (its derandomized draw, twentieth session): 16, 53 kg, advanced, dumbbells in
# pounds with 1 lb steps, a 20-minute cap, a 10-week plan with no race
ONE_POUND_STEPS = {
    "name": "Generated runner", "age": 16, "sex": "female", "body_mass_kg": 53.0, "units": "imperial",
    "running_experience_years": 1.0, "strength_experience": "advanced", "consistent_strength_weeks": 0,
    "start_date": "2027-06-27", "plan_weeks": 10,
    "running": {"weekly": [
        {"day": "mon", "type": "long", "minutes": 20},
        *({"day": d, "type": "easy", "minutes": 20} for d in ("tue", "wed", "thu", "fri", "sat", "sun")),
    ]},
    "available_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "session_cap_minutes": 20, "equipment": ["dumbbells"], "load_increments": {"dumbbell": 1.0},
}  # fmt: skip


def test_a_load_on_one_pound_steps_is_held_at_its_own_step_so_the_kit_progression_runs():
    """A 31 lb dumbbell is kept as 14.061363 kg, a hair under 31 one-pound steps: rounded to the
    kit it read as 30 lb, so the week's 31 lb looked like the load stepping up, the kit's
    progression stood aside and the heavy RDL repeated 3 x 6 @ 31 lb, 3-1-1-0 in weeks 9 and 10.
    Now the held load is its own step, and week 10 steps to 32 lb at fewer reps. (The runner has
    four consistent weeks of lifting: with none, her week 5 starts the third session and the
    heavy scheme waits to week 6 (one-new-thing-a-week), so her RDL's climb reaches 32 lb in
    week 10 at 6 reps without the kit's step; that plan repeats no dose either.)"""
    ctx = load_context()
    kg = round(31 * ld.KG_PER_LB, 6)
    assert ld.round_down(kg, ld.KG_PER_LB) == kg
    assert repeated_kit_held_doses(build_plan(AthleteProfile.model_validate(ONE_POUND_STEPS), ctx), ctx.library) == []
    plan = build_plan(AthleteProfile.model_validate({**ONE_POUND_STEPS, "consistent_strength_weeks": 4}), ctx)
    assert repeated_kit_held_doses(plan, ctx.library) == []
    heavy = {
        w.index: b
        for w in plan.weeks
        for s in w.sessions
        for b in s.blocks
        if b.exercise_id == "dumbbell_romanian_deadlift" and is_heavy(b) and not w.deload
    }
    nine, ten = heavy[9].prescription, heavy[10].prescription
    assert (nine.sets, nine.reps, nine.load_kg, nine.tempo) == (3, 6, kg, "3-1-1-0")
    assert ten.load_kg > kg and ten.reps < 6, ten
    said = [r.text for r in heavy[10].reasons if r.rule_id == "kit-double-progression"]
    assert said and "the load steps up" in said[0], said
