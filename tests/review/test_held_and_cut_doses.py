"""What a review's hold or cut delivers, on runners random Hypothesis draws found (issue 13,
the twenty-first session): a hold repeats the dose it names, effort and kit dose included, and
the week after a cut steps from the load the cut week delivers.

- A held light day read its effort against the full days' e1RM: 2 x 7 @ 32.5 kg said RIR 8
  where the light day it repeats said RIR 4 at the same load and reps.
- A held lift whose kit held its load last loading week (2 x 10 @ 6 kg, RPE 8, a slower lowering)
  was held at the plain dose's fewer reps (2 x 6 @ 6 kg), and its other day, held to that heavy
  day's easier set, fell 6 -> 4 kg "at RIR 5"; one whose kit stepped its load (3 x 4 @ 18 kg,
  RPE 8) was held a kit step lighter, 3 x 4 @ 16 kg "RIR 6" (the twentieth session's open item);
  one whose kit dose no longer fit the session's cap fell back to the plain dose (2 x 6 @ 24 kg
  "RIR 8" for 3 x 12 @ 24 kg, RPE 8) where the kit's own dose takes a set fewer.
- A hold that met a change the held week had planned (the twenty-second session's holdfix): a
  kit step on the lift's other day (2 x 10 @ 14 kg -> 2 x 7 @ 16 kg) held as 2 x 7 @ 14 kg, and
  after a re-screen a new phase's range (3 x 9 @ 22 kg, RPE 8 held as 3 x 6 @ 22 kg). A hold
  repeats each day's dose of its last loading week whole, sets, reps, rest, tempo and effort.
- A cut took reps off at the same effort, so the walk loaded the cut week for fewer reps (57.5 kg);
  the applied cut delivers the held dose's load (55 kg), and the next week stepped from the
  walk's 57.5 to 60 kg: past a week's step from what was lifted.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from runstrong.core import loads as ld
from runstrong.core.model import AthleteProfile, Role
from runstrong.core.review import RealLife, apply_review, review_week
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context

from .diary_gen import CLEAN, generate_diary
from .helpers import CTX, LIBRARY, MAYA, REGISTRY, plan_of, reserve
from .scenarios import DAY, Knobs, noisy_week, reviewed_and_applied, week_end, week_of

# 16, 61 kg, intermediate, a gym; easy Mon, long Tue, tempo Wed, easy Thu; free Mon-Wed, 20 minutes
LIGHT_DAYS_ONLY = AthleteProfile.model_validate({
    "name": "Generated runner", "age": 16, "sex": "female", "body_mass_kg": 61.0,
    "running_experience_years": 1.0, "strength_experience": "intermediate", "start_date": "2027-01-04",
    "plan_weeks": 1, "race": {"distance": "5k", "date": "2027-04-12"},
    "running": {"weekly": [
        {"day": "mon", "type": "easy", "minutes": 20}, {"day": "tue", "type": "long", "minutes": 20},
        {"day": "wed", "type": "tempo", "minutes": 20}, {"day": "thu", "type": "easy", "minutes": 20}]},
    "available_days": ["mon", "tue", "wed"], "session_cap_minutes": 20, "equipment": ["gym"],
    "pain_areas": ["shin"],
})  # fmt: skip

# 16, 40 kg, a novice with dumbbells (2 kg apart), no set runs, free on weekdays, 20 minutes
SMALL_DUMBBELLS = AthleteProfile.model_validate({
    "name": "Generated runner", "age": 16, "sex": "female", "body_mass_kg": 40.0,
    "running_experience_years": 1.0, "strength_experience": "novice", "consistent_strength_weeks": 4,
    "start_date": "2027-01-04", "plan_weeks": 1, "race": {"distance": "5k", "date": "2027-04-12"},
    "available_days": ["mon", "tue", "wed", "thu", "fri"], "session_cap_minutes": 20,
    "equipment": ["dumbbells", "kettlebell"],
})  # fmt: skip


# 16, 74 kg, a novice with dumbbells up to 24 kg; runs Mon-Thu and a long run Sun; free Mon and Sat, 25 minutes
HEAVIEST_DUMBBELL = AthleteProfile.model_validate({
    "name": "Generated runner", "age": 16, "sex": "female", "body_mass_kg": 74.0,
    "running_experience_years": 1.0, "strength_experience": "novice", "consistent_strength_weeks": 2,
    "start_date": "2027-01-04", "plan_weeks": 9,
    "running": {"weekly": [
        {"day": d, "type": "easy", "minutes": 20} for d in ("mon", "tue", "wed", "thu")
    ] + [{"day": "sun", "type": "long", "minutes": 20}]},
    "available_days": ["mon", "sat"], "session_cap_minutes": 25, "equipment": ["dumbbells", "kettlebell"],
    "screens": [{
        "date": "2027-01-04", "hip_hinge_pass": False, "hip_hinge_faults": ["sacrum"], "plank_seconds": 0,
        "side_plank_left_seconds": 0, "side_plank_right_seconds": 0, "single_leg_squat_left": "good",
        "single_leg_squat_right": "poor", "balance_open_left_seconds": 0, "balance_open_right_seconds": 0,
        "heel_raise_left": 0, "heel_raise_right": 0}],
})  # fmt: skip


def held_after_the_deload(profile: AthleteProfile, deload_index: int = 8):  # type: ignore[no-untyped-def]
    """The loading week before a deload (week 8 by default) and the week after it: the deload done
    as planned but every set 2.5 RPE harder than asked, so the review holds the week after at the
    loading week's dose; and that week as the applied review plans it."""
    plan = plan_of(profile)
    assert plan is not None
    loading, deload, held = (plan.weeks[deload_index + i] for i in (-2, -1, 0))
    assert deload.deload and not loading.deload and not held.deload
    # a teenager's night (8.5 h): two hard weeks on a short one would be cut, not held (overreaching-signs)
    diary = generate_diary(plan, week_end(deload), seed=0, **CLEAN, rpe_offset=2.5, sleep_hours=8.5)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, deload, LIBRARY, REGISTRY)
    nxt = next(a for a in review.adjustments if a.week_start == held.start_date)
    assert nxt.hold and not nxt.reduce and not nxt.deload
    return loading, week_of(new_plan, held.start_date)


def blocks_of(week, exercise: str) -> dict:  # type: ignore[no-untyped-def]
    return {
        s.focus.value: b.prescription
        for s in week.sessions
        for b in s.blocks
        if b.exercise_id == exercise and b.role in (Role.primary, Role.accessory)
    }


def test_a_held_light_day_says_the_effort_of_the_light_day_it_repeats():
    loading, held = held_after_the_deload(LIGHT_DAYS_ONLY)
    (was,) = blocks_of(loading, "trap_bar_deadlift").values()  # a light day only: a key run the day after
    (now,) = blocks_of(held, "trap_bar_deadlift").values()
    assert (now.sets, now.reps, now.load_kg) == (was.sets, was.reps, was.load_kg) == (2, 7, 32.5)
    assert reserve(now) == reserve(was) == 4  # not "at 7 reps this load leaves about 8 in reserve"


def test_a_held_lift_whose_kit_held_its_load_repeats_that_dose_on_both_its_days():
    loading, held = held_after_the_deload(SMALL_DUMBBELLS)
    was, now = blocks_of(loading, "dumbbell_romanian_deadlift"), blocks_of(held, "dumbbell_romanian_deadlift")
    heavy = was["posterior_chain"]
    assert (heavy.sets, heavy.reps, heavy.load_kg, heavy.tempo) == (2, 10, 6.0, "4-1-1-0")  # the kit's dose
    for focus, p in now.items():
        q = was[focus]
        assert (p.sets, p.reps, p.load_kg, p.tempo, reserve(p)) == (q.sets, q.reps, q.load_kg, q.tempo, reserve(q))


def test_a_held_lift_whose_kit_stepped_its_load_repeats_that_load_not_a_kit_step_under_it():
    later_race = SMALL_DUMBBELLS.model_copy(update={"race": SMALL_DUMBBELLS.race.model_copy(  # type: ignore[union-attr]
        update={"date": dt.date(2027, 5, 10)})})  # fmt: skip
    loading, held = held_after_the_deload(later_race, deload_index=12)
    was, now = blocks_of(loading, "dumbbell_hip_thrust"), blocks_of(held, "dumbbell_hip_thrust")
    heavy = was["posterior_chain"]
    assert (heavy.sets, heavy.reps, heavy.load_kg, reserve(heavy)) == (3, 4, 18.0, 2)  # the kit's step: 16 -> 18 kg
    for focus, p in now.items():
        q = was[focus]
        assert (p.sets, p.reps, p.load_kg, reserve(p)) == (q.sets, q.reps, q.load_kg, reserve(q))  # not 2 x 7 @ 14 kg


def test_a_held_kit_dose_the_cap_has_no_room_for_takes_a_set_fewer_not_fewer_reps(monkeypatch):
    """At one dumbbell's top (24 kg): the shipped hip thrust now carries both past it, so the kind is
    tested with every lift held to one dumbbell (`loads.lift_top`), under a name of its own (plans are
    remembered by profile)."""
    memo = load_context().memo  # planned with the patch only, and forgotten after it: no other test sees these plans
    memo.clear()
    monkeypatch.setattr(ld, "lift_top", lambda pair, kit, full, step, floor: full)
    try:
        loading, held = held_after_the_deload(HEAVIEST_DUMBBELL.model_copy(update={"name": "One dumbbell across"}))
    finally:
        memo.clear()
    q, p = (
        blocks_of(loading, "dumbbell_hip_thrust")["posterior_chain"],
        blocks_of(held, "dumbbell_hip_thrust")["posterior_chain"],
    )
    assert (q.sets, q.reps, q.load_kg, q.tempo, reserve(q)) == (
        3,
        12,
        24.0,
        "3-0-1-2",
        3,
    )  # the 24 kg top leaves 3 (kitdose)
    assert (p.sets, p.reps, p.load_kg, p.tempo, reserve(p)) == (2, 12, 24.0, "3-0-1-2", 3)  # not 2 x 6, "RIR 8"


def test_the_week_after_a_cut_steps_from_the_load_the_cut_week_delivers():
    # Maya's week 3 reviewed nine days after it ended: nothing done, three sore days. Week 6
    # (the build block's first, its trap-bar deadlift new) is held and cut by a quarter; a cut
    # week brings nothing new (nothing-new-after-a-flare): the trap-bar deadlift waits for week 7,
    # and the week's lifts are the foundation's, cut from the dose the week before delivered
    plan = plan_of(MAYA)
    assert plan is not None
    week = plan.weeks[2]
    k = Knobs(done_share=0.0, form=(1, 1), effort_over=-1.0, sore_days=3)
    diary = noisy_week(plan, week, k, 128)
    today = week_end(week) + 9 * DAY
    review = review_week(plan, MAYA, diary, week.start_date, real_life=RealLife(), today=today, ctx=CTX)
    assert review.next_week_start == dt.date(2027, 2, 8)
    _, new_plan = apply_review(plan, MAYA, review, ctx=load_context())
    lived = frozenset(w.start_date for w in new_plan.weeks if w.start_date < review.next_week_start)
    assert check_plan(new_plan, load_context(), lived=lived) == []  # was: "load 55 -> 60 kg in a week"
    assert not blocks_of(week_of(new_plan, review.next_week_start), "trap_bar_deadlift")  # nothing new
    (was,) = blocks_of(week_of(new_plan, review.next_week_start - 7 * DAY), "romanian_deadlift").values()
    (cut,) = blocks_of(week_of(new_plan, review.next_week_start), "romanian_deadlift").values()
    assert cut.load_kg == was.load_kg and cut.sets * cut.reps < was.sets * was.reps  # cut, not raised
    assert reserve(cut) > reserve(was)  # the reps taken off are left in reserve: the same load, fewer reps
    after = blocks_of(week_of(new_plan, review.next_week_start + 7 * DAY), "trap_bar_deadlift")
    old = blocks_of(week_of(plan, review.next_week_start + 7 * DAY), "trap_bar_deadlift")
    assert max(p.load_kg for p in after.values()) <= max(p.load_kg for p in old.values())  # never above the old plan


def test_a_held_lift_after_a_rescreen_week_repeats_the_dose_that_week_delivered():
    # re-screened in week 7 (its heavy day 3 x 9 @ 22 kg, RPE 8; its other day the kit's 1 x 12 @ 20 kg,
    # RIR 2): the hold after week 8's deload gave 3 x 6 @ 22 kg (the new range's reps) and 1 x 10 @ 18 kg
    # "RIR 5"; the held week also brings the re-screen's kettlebell deadlift in beside it
    runner = AthleteProfile.model_validate_json(
        (Path(__file__).parents[1] / "core" / "runners" / "held_after_a_rescreen_dumbbells.json").read_text()
    )
    loading, held = held_after_the_deload(runner)
    was, now = blocks_of(loading, "dumbbell_hip_thrust"), blocks_of(held, "dumbbell_hip_thrust")
    for focus, p in now.items():
        q = was[focus]
        assert (p.sets, p.reps, p.load_kg, reserve(p)) == (q.sets, q.reps, q.load_kg, reserve(q))


def test_a_hold_after_a_missed_week_gives_no_lift_more_sets_than_the_plan_gave_it():
    """A 16-year-old novice, bodyweight, a 20-minute cap, did none of week 2's two sessions. Week 3,
    trimmed to her cap as its reps and holds grew, planned one set of 30 s front plank and one of 10
    sit-to-stands on Monday; the hold repeated week 2's 2 x 25 s and 2 x 9, one set more each than
    the plan (and 50 s of plank for 30). A hold after a missed week keeps the dose it names, its
    reps and seconds, with no more sets than the plan gave that day (review-hold). The dose it names
    is the last one done, week 1's, not the missed week's (cr25a F5; holds branch)."""
    profile = AthleteProfile.model_validate_json(
        (
            Path(__file__).parents[1] / "core" / "runners" / "teen_bodyweight_missed_week_held_over_a_trimmed_week.json"
        ).read_text()
    )
    plan = plan_of(profile)
    week = plan.weeks[1]
    diary = noisy_week(plan, week, Knobs(done_share=0.0, form=(1, 1), effort_over=-1.0), 3)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    assert {d.action for d in review.decisions if d.scope != "week"} == {"hold"}
    old, new = week_of(plan, review.next_week_start), week_of(new_plan, review.next_week_start)
    monday = "posterior_chain"
    plank_was, plank = blocks_of(old, "front_plank")[monday], blocks_of(new, "front_plank")[monday]
    assert (plank_was.sets, plank_was.seconds) == (1, 30)
    done = plan.weeks[0]  # the last week done
    plank_done = blocks_of(done, "front_plank")[monday]
    assert (plank.sets, plank.seconds) == (1, plank_done.seconds), plank  # was 2 x 25 s (the missed week's)
    sit_was, sit = (
        blocks_of(old, "single_leg_box_sit_to_stand")[monday],
        blocks_of(new, "single_leg_box_sit_to_stand")[monday],
    )
    sit_done = blocks_of(done, "single_leg_box_sit_to_stand")[monday]
    assert (sit_was.sets, sit.sets, sit.reps) == (1, 1, sit_done.reps), sit  # was 2 x 9
    for s in new.sessions:
        for b in s.blocks:
            was = blocks_of(old, b.exercise_id).get(s.focus.value)
            if was is not None and b.role in (Role.primary, Role.accessory):
                assert b.prescription.sets <= was.sets, (s.focus.value, b.exercise_id)
    assert check_plan(new_plan, load_context()) == []
