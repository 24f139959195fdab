"""Each step of the weekly review run alone: `(ReviewInput, Verdict) -> Verdict` on a
generated diary, with the verdict of the steps before it written by hand."""

from __future__ import annotations

from runstrong.core.model import Category, EquipmentSet, Role
from runstrong.core.review import STEPS
from runstrong.core.review.decide import (
    order_step,
    real_life_step,
    recovery_step,
    third_session_step,
    verdict_step,
)
from runstrong.core.review.state import LEG_CATEGORIES, ReviewInput, Verdict, review_input
from runstrong.core.review.steps import category_step, consistency_step, regress_step
from runstrong.core.review.values import RealLife, Signal, decision

from .diary_gen import CLEAN, generate_diary
from .helpers import CTX, MAYA, NOVICE, REGISTRY, plan_of, week_before_third_session
from .scenarios import DAY, week_end

SORE = Signal(kind="soreness", text="soreness ≤ 2/5 on 4 of 7 days")
LOW = Signal(kind="wellness", text="mood 2/5 vs your usual 4 ± 0.3")
CUT = REGISTRY.param("review-reduce", "volume_cut_pct")


def maya(index: int = 5, real_life: RealLife | None = None, **knobs: object) -> ReviewInput:
    plan = plan_of(MAYA)
    week = plan.weeks[index]
    diary = generate_diary(plan, week_end(week), seed=index, **{**CLEAN, **knobs})
    return review_input(plan, MAYA, diary, week.start_date, CTX, real_life)


def test_the_steps_run_pain_first_and_the_third_session_last():
    names = [s.__name__ for s in STEPS]
    assert names[0] == "pain_step" and names[-1] == "third_session_step"
    assert names.index("verdict_step") < names.index("recovery_step") < names.index("order_step")
    assert names.index("category_step") < names.index("sleep_appetite_step")


def test_category_step_progresses_every_category_done_as_planned():
    r = maya()
    v = category_step(r, Verdict())
    planned = {c.category.value for c in r.metrics.categories if c.planned_sets}
    assert {d.scope for d in v.decisions if d.action == "progress"} == planned and not v.holds
    assert all(d.signals for d in v.decisions)


def test_category_step_holds_categories_whose_effort_ran_over_target():
    v = category_step(maya(rpe_offset=2.5), Verdict())
    holds = [d for d in v.decisions if d.action == "hold"]
    assert holds and {Category(d.scope) for d in holds} == set(v.holds)
    assert all(s.kind == "effort" and "vs target" in s.text for d in holds for s in d.signals)


def test_regress_step_swaps_a_lift_whose_form_broke_down():
    plan = plan_of(MAYA)
    week = plan.weeks[5]
    lift = next(b.exercise_id for s in week.sessions for b in s.blocks if b.role == Role.primary)
    r = maya(form_exercise=lift, form_from_week=week.index, form_quality=1)
    v = regress_step(r, Verdict())
    assert [s.from_id for s in v.swaps] == [lift]
    (d,) = v.decisions
    assert d.action == "regress" and d.signals[0].kind == "form"


def test_consistency_step_marks_a_mostly_missed_week():
    plan = plan_of(MAYA)
    v = consistency_step(maya(missed_weeks=(plan.weeks[5].index,)), Verdict())
    assert v.this_week is not None and not v.this_week.consistent
    assert v.decisions[0].signals[0].kind == "sessions"
    assert consistency_step(maya(), Verdict()) == Verdict()


def test_verdict_step_deloads_on_two_kinds_of_warning_sign_and_names_them():
    v = verdict_step(maya(), Verdict(fatigue=(SORE, LOW)))
    (d,) = v.decisions
    assert v.deload and d.action == "deload" and d.signals == [SORE, LOW]
    assert "Soreness and wellness under your usual" in d.text


def test_verdict_step_cuts_leg_work_on_one_sign():
    v = verdict_step(maya(), Verdict(fatigue=(SORE,)))
    assert v.reduce == dict.fromkeys(LEG_CATEGORIES, CUT) and not v.deload
    assert v.decisions[0].action == "reduce" and v.decisions[0].signals == [SORE]


def test_verdict_step_repeats_after_two_weeks_mostly_missed():
    plan = plan_of(MAYA)
    v = verdict_step(maya(6, missed_weeks=(plan.weeks[5].index, plan.weeks[6].index)), Verdict())
    assert v.repeat and v.decisions[0].action == "repeat"


def test_recovery_step_adds_mobility_for_any_cut_and_nothing_otherwise():
    r = maya()
    v = recovery_step(r, Verdict(reduce={Category.posterior_chain: CUT}, cut_signals=(SORE,)))
    assert v.mobility and "review-recovery" in v.decisions[0].rule_ids and v.decisions[0].signals == [SORE]
    assert recovery_step(r, Verdict()) == Verdict()


def test_order_step_lets_nothing_progress_in_a_cut_week():
    r = maya()
    text = "Core stability: 9 of 9 sets done; progress as planned."
    progress = decision("core", "progress", text, ["review-progress"], [SORE])
    v = order_step(r, Verdict(decisions=(progress,), reduce={Category.posterior_chain: CUT}))
    assert v.decisions[0].action == "note" and "cut comes first" in v.decisions[0].text
    assert Category.core in v.holds


def test_real_life_step_notes_travel_and_names_the_kit():
    start = maya().next_start
    life = RealLife(travel_start=start, travel_end=start + 3 * DAY, travel_equipment=[EquipmentSet.bands])
    v = real_life_step(maya(real_life=life), Verdict())
    assert v.travel_weeks == (start,) and v.equipment == (EquipmentSet.bands,)
    assert v.decisions[0].signals[0].kind == "travel"


def test_third_session_step_waits_a_week_when_anything_is_cut():
    profile = NOVICE
    plan = plan_of(profile)
    week = week_before_third_session(plan)
    diary = generate_diary(plan, week_end(week), seed=1, **CLEAN)
    r = review_input(plan, profile, diary, week.start_date, CTX)
    assert [d.action for d in third_session_step(r, Verdict()).decisions] == ["unlock"]
    v = third_session_step(r, Verdict(reduce={Category.posterior_chain: CUT}, cut_signals=(SORE,)))
    assert [d.action for d in v.decisions] == ["wait"] and v.max_sessions == len(week.sessions)


def test_a_baseline_whose_days_all_read_the_same_is_not_said_plus_or_minus_zero():
    """cr26a F15: "Wellness 3.64/5 against your usual 3.83 ± 0"."""
    from runstrong.core.review.metrics import WellnessItem
    from runstrong.core.review.signals import wellness_signal

    def item(sd: float) -> WellnessItem:
        return WellnessItem(item="mood", week_mean=3.5, baseline_mean=4.0, baseline_sd=sd, week_days=7,
                            baseline_days=14, below_baseline=False)  # fmt: skip

    assert wellness_signal(item(0.0)).text == "mood 3.5/5 vs your usual 4"
    assert wellness_signal(item(0.3)).text == "mood 3.5/5 vs your usual 4 ± 0.3"
