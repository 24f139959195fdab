"""The sessions' own effort is read (cr19b #3): Rosa's session RPE went 5 -> 7 -> 8 on fewer,
lighter sets and no review named it, while a cut dose logged as planned (RIR 10) read as
"RPE 1 (target 6)" and later targets became RPE 1 themselves. A week whose sessions felt
clearly harder for no more work is a sign of overreaching (session-effort-trend); a set's
effort and a category's target are read only near failure (effort-read-near-failure)."""

from __future__ import annotations

import dataclasses

from hypothesis import assume, given
from hypothesis import strategies as st

from runstrong.core.diary import SessionLog
from runstrong.core.review import review_week

from .helpers import CTX, REGISTRY, SETTINGS, any_profile, pick_week, picks, plan_of, seeds
from .scenarios import done_as_planned, week_end

RISE = REGISTRY.param("session-effort-trend", "rise_points")
READABLE = REGISTRY.param("effort-read-near-failure", "readable_rir_at_or_below")


def rated(diary, week, before: float, now: float, drop_sets: int):  # type: ignore[no-untyped-def]
    """The diary with sessions before the week rated `before`, this week's `now`, with
    `drop_sets` sets a session left out this week (less work)."""

    def one(s: SessionLog) -> SessionLog:
        if s.date < week.start_date:
            return s.model_copy(update={"session_rpe": before})
        keep = {(x.exercise_id, x.set_number) for x in s.sets}
        gone = set(sorted(keep)[: min(drop_sets, max(len(keep) - 1, 0))])
        return s.model_copy(update={"session_rpe": now, "sets": [x for x in s.sets if (x.exercise_id, x.set_number)
                                                                     not in gone]})  # fmt: skip

    return dataclasses.replace(diary, sessions=tuple(one(s) for s in diary.sessions))


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds, before=st.integers(3, 6), rise=st.integers(0, 3),
       drop=st.integers(0, 3))  # fmt: skip
def test_sessions_that_felt_clearly_harder_for_no_more_work_are_a_sign_of_overreaching(
    profile, pick, seed, before, rise, drop
):
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, min_index=2)
    diary = rated(done_as_planned(plan, week_end(week), seed=seed), week, before, before + rise, drop)
    review = review_week(plan, profile, diary, week.start_date, ctx=CTX)
    e = review.metrics.session_effort
    assume(e is not None)
    flagged = any(f.kind == "session-effort" for f in review.flags)
    assert flagged == (rise >= RISE and e.sets <= e.sets_before), (e, review.flags)
    if flagged:
        assert any(f.rule_id == "session-effort-trend" for f in review.flags)
        text = next(f.text for f in review.flags if f.kind == "session-effort")
        # "less" only when it is less; the same work is said to be the same (cr24a F16, Priya week 2)
        assert ("less work" in text) == (e.sets < e.sets_before), text
        assert ("(was " in text) == (e.sets != e.sets_before), text


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds)
def test_no_category_effort_or_target_reads_as_an_eased_dose(profile, pick, seed):
    """Whatever the week's doses (deloads, light days, cuts) and logged as planned, no
    category's effort or target is read from sets far from failure."""
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick)
    diary = done_as_planned(plan, week_end(week), seed=seed)
    review = review_week(plan, profile, diary, week.start_date, ctx=CTX)
    for c in review.metrics.categories:
        for value in (c.mean_rpe, c.target_rpe):
            assert value is None or value >= 10 - READABLE, c


def test_a_deload_called_by_sessions_felt_harder_does_not_say_effort_above_target():
    """cr23a F8: a deload week's sets were under their target, but its sessions felt harder than
    the weeks before; the decision said "effort above target" beside a table that showed the opposite."""
    from runstrong.core.review.decide import _named
    from runstrong.core.review.effort_trend import SESSION_RPE
    from runstrong.core.review.values import Signal

    legs = Signal(kind="running", text="legs 2/5 in 4 runs")
    trend = Signal(kind="effort", text=f"{SESSION_RPE} 7 against 4.7 in the previous 21 days, for 9 sets a session")
    over = Signal(kind="effort", text="posterior chain effort RPE 8.5 vs target 7")
    assert _named((legs, trend)) == "Heavy legs in runs and sessions felt harder than your recent ones"
    assert _named((legs, over)) == "Heavy legs in runs and effort above target"
    assert _named((legs, trend, over)) == "Heavy legs in runs and effort above target"
