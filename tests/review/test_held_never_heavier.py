"""A hold or cut never means a heavier load or an effort nearer failure than this week's dose
(cr19b #11: "cut about 25% ... (held, not progressed)" turned 3 x 9 @ 25 lb, RIR 3 into
3 x 5 @ 30 lb, RPE 7: the new block's heavier range under a cut's words). RIR and RPE are
read on one scale (RPE = 10 - RIR)."""

from __future__ import annotations

from hypothesis import assume, given

from runstrong.core.model import Role

from .diary_gen import CLEAN, generate_diary
from .helpers import LIBRARY, REGISTRY, SETTINGS, any_profile, pick_week, picks, plan_of, reserve, seeds
from .scenarios import DAY, next_week, reviewed_and_applied, week_end, week_of, with_wellness

EPS = 1e-6


def doses(week):  # type: ignore[no-untyped-def]
    return {
        (s.focus, b.exercise_id): b for s in week.sessions for b in s.blocks if b.role in (Role.primary, Role.accessory)
    }


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds)
def test_a_held_or_cut_lift_is_never_heavier_nor_nearer_failure_than_this_weeks_dose(profile, pick, seed):
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, loading_next=True)
    assume(not week.deload and next_week(plan, week) is not None)
    diary = generate_diary(plan, week_end(week), seed=seed, **CLEAN)
    sore = [week.start_date + (1 + k) * DAY for k in range(3)]  # three sore days: a cut or hold
    review, _, new_plan = reviewed_and_applied(plan, profile, with_wellness(diary, sore, soreness=1), week,
                                               LIBRARY, REGISTRY)  # fmt: skip
    nxt = next((a for a in review.adjustments if a.week_start == review.next_week_start), None)
    assume(nxt is not None and not nxt.deload and (nxt.hold or nxt.reduce))
    kept = {*nxt.hold, *nxt.reduce}
    now = doses(week)
    for key, b in doses(week_of(new_plan, review.next_week_start)).items():
        was = now.get(key)
        if b.category not in kept or was is None:
            continue
        p, q = b.prescription, was.prescription
        if p.load_kg is not None and q.load_kg is not None:
            assert p.load_kg <= q.load_kg + EPS, (key, q, p)
        r, s = reserve(p), reserve(q)
        if r is not None and s is not None:
            assert r >= s - EPS, (key, q, p)
