"""A lift's load never jumps from one loading week to the next, and the taper never raises reps
(issue 13, "progression never jumps"; linear-progression, kit-double-progression, taper).

A 42 kg novice's dumbbell reverse lunge went 2 kg x 9 -> 4 kg x 9 with a slower lowering from
one loading week to the next: the walk held "the best load so far" (4 kg, from before a new
phase's climb) while the day's last loading week had been 2 kg, and the planner's own check read
a reps-in-reserve dose by its reps and reserve, never its kilograms. Its taper then went 3 x 11
-> 2 x 13: the taper's dose took the scheme's reps over the last loading week's.

Checked here independently of `core.validate`: over generated lifters, each lift's day (its
exercise and the session's focus, as the weekly reps bound reads it) rises from its last loading
week by at most `max_load_step_pct`, or, where the kit's smallest step is more than that, by one
step of the kit only once that day's reps reached the top of their range and not with more reps;
and no taper or race-close day asks more reps of a lift than its last loading week did.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from runstrong.core.kit_progress import dosed_range
from runstrong.core.model import Phase, Role
from runstrong.core.planner import build_plan
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context

from .test_loads_safety import SAME_LIFTERS, P, kept_plan, kit_of, lifters, step_and_bar
from .test_plan_safety import LIBRARY, LOADING

RUNNERS = Path(__file__).parent / "runners"
_EPS = 1e-6
REVIEWED = {"review-hold", "review-reduce"}


def _light(b) -> bool:
    return "light-before-key-runs" in b.rule_ids


def _days(w):
    """(key, block) for each loaded main or accessory day of a week with reps: key (exercise, focus)."""
    for s in w.sessions:
        for b in s.blocks:
            if b.role in (Role.primary, Role.accessory) and b.prescription.reps:
                yield (b.exercise_id, s.focus), b


def load_jumps(plan) -> list[tuple]:
    """(week, exercise, before, after) where a day's load rose more than the weekly bound over the
    lift's last loading week on a day of that focus, other than one kit step after its reps reached
    the top of their range (light days and reviewed days are no base, as in `validate`)."""
    out: list[tuple] = []
    last: dict[tuple, object] = {}
    for w in plan.weeks:
        if w.deload or w.phase not in LOADING:
            continue
        now = {}
        for key, b in _days(w):
            if _light(b) or set(b.rule_ids) & REVIEWED or b.prescription.load_kg is None:
                continue
            now[key] = b
            was = last.get(key)
            if was is not None and not _within(was, b, plan.profile):
                out.append((w.index, key[0], _said(was), _said(b)))
        last = now
    return out


def _within(was, b, profile) -> bool:
    before, after = was.prescription, b.prescription
    if after.load_kg <= before.load_kg * (1 + P.max_load_step_pct / 100) + _EPS:
        return True
    step, _ = step_and_bar(kit_of(LIBRARY.get(b.exercise_id)), profile)
    span = dosed_range(b, P)  # the range this week doses: a new phase's lower one counts from its own top
    at_top = span is not None and before.reps >= span[1]
    return after.load_kg <= before.load_kg + step + _EPS and at_top and after.reps <= before.reps


def _said(b) -> str:
    p = b.prescription
    return f"{p.sets} x {p.reps} @ {p.load_kg:g} kg ({p.tempo})"


def taper_reps_up(plan) -> list[tuple]:
    """(week, exercise, last loading reps, reps) where a taper or race week's day asks more reps of
    a lift than the most it did on any day of its last loading week."""
    out: list[tuple] = []
    last: dict[str, int] = {}
    for w in plan.weeks:
        if w.phase in LOADING and not w.deload:
            now: dict[str, int] = {}
            for (ex, _), b in _days(w):
                now[ex] = max(now.get(ex, 0), b.prescription.reps)
            last = {**last, **now}
        elif w.phase in (Phase.taper, Phase.race_week):
            out += [
                (w.index, ex, last[ex], b.prescription.reps)
                for (ex, _), b in _days(w)
                if ex in last and b.prescription.reps > last[ex]
            ]
    return out


@SAME_LIFTERS
@given(profile=lifters())
def test_no_loading_week_raises_a_lifts_load_past_a_weeks_step(profile):
    plan = kept_plan(profile)
    if plan is not None:
        assert load_jumps(plan) == []


@SAME_LIFTERS
@given(profile=lifters())
def test_the_taper_never_raises_a_lifts_reps_over_its_last_loading_week(profile):
    plan = kept_plan(profile)
    if plan is not None:
        assert taper_reps_up(plan) == []


LUNGE = "dumbbell_reverse_lunge"


def _lunge_plan():
    from .test_rep_bound import load_profile

    return build_plan(load_profile(RUNNERS / "kit_step_then_short_cap_half_lunge.json"), load_context())


def _lunge(plan, index):
    return next(b for s in plan.weeks[index - 1].sessions for b in s.blocks if b.exercise_id == LUNGE)


def test_a_light_dumbbells_next_step_waits_for_the_reps_to_reach_the_range_top():
    """The 42 kg novice's reverse lunge: 2 kg x 9 (week 17, the race-specific phase's 10-15
    climbed to) was followed by 4 kg x 9 with a slower lowering. Now week 18 holds 2 kg and its
    reps climb, saying why; the 2 -> 4 kg step of week 15 came at the top of its range and says so."""
    plan = _lunge_plan()
    assert load_jumps(plan) == []
    w17, w18 = _lunge(plan, 17).prescription, _lunge(plan, 18).prescription
    assert (w17.load_kg, w18.load_kg) == (2.0, 2.0) and w18.reps > w17.reps
    assert any("waits until the reps reach the top of the range (15)" in r.text for r in _lunge(plan, 18).reasons)
    assert any("The reps reached the top of the range (10)" in r.text for r in _lunge(plan, 15).reasons)


def test_the_taper_keeps_the_lunges_last_loading_reps():
    """Week 20 (taper) asked 2 x 13 after week 19's 11: now no more than week 19's reps."""
    plan = _lunge_plan()
    assert _lunge(plan, 20).prescription.reps <= _lunge(plan, 19).prescription.reps
    assert taper_reps_up(plan) == []


def test_a_load_eased_for_a_new_phases_reps_is_not_said_to_hold():
    """Week 17 prescribed 2 kg beside "The load holds at 4 kg": the words now name the load given."""
    b = _lunge(_lunge_plan(), 17)
    said = " ".join(r.text for r in b.reasons if r.rule_id == "kit-double-progression")
    assert b.prescription.load_kg == 2.0
    assert "holds at 4 kg" not in said and "eases to 2 kg" in said


def test_the_planners_check_refuses_a_days_load_doubling_at_the_same_reps():
    """`validate` reads a reps-in-reserve dose's kilograms too: week 18's old 4 kg x 9 after 2 kg x 9."""
    plan = _lunge_plan()
    weeks = list(plan.weeks)
    w = weeks[17]
    sessions = [
        s.model_copy(update={"blocks": [
            b.model_copy(update={"prescription": b.prescription.model_copy(update={"load_kg": 4.0, "reps": 9})})
            if b.exercise_id == LUNGE else b
            for b in s.blocks
        ]})
        for s in w.sessions
    ]  # fmt: skip
    weeks[17] = w.model_copy(update={"sessions": sessions})
    found = check_plan(plan.model_copy(update={"weeks": weeks}), load_context())
    assert any(v.rule_id == "linear-progression" and LUNGE in v.where and "range's top" in v.message for v in found)
