"""The weekly review on generated diaries: what it decides, and what the applied plan then holds.

Runners are the shipped examples and Hypothesis-generated profiles; the reviewed week is
any week of their plan; the diary is the plan done as prescribed with seeded noise, plus
whatever the scenario is about (sore days, pain, broken form, missed sessions...). The
expectations are written from the issue and the registry, not from the review's code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import assume, example, given, note
from hypothesis import strategies as st

from runstrong.core.diary import RunLog
from runstrong.core.model import (
    EQUIPMENT_SETS,
    TRAINING_CATEGORIES,
    AthleteProfile,
    EquipmentSet,
    Level,
    PainArea,
    Phase,
    Plan,
    Role,
    RunType,
)
from runstrong.core.pain_return import rungs_for_week
from runstrong.core.phases import lay_out_weeks
from runstrong.core.review import RealLife, Review, apply_review, review_week
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .helpers import (
    CHANGING,
    CTX,
    EXAMPLE_PROFILES,
    LIBRARY,
    MAYA,
    REGISTRY,
    SAM,
    SETTINGS,
    STEP,
    TIGHT_CAP,
    TIGHT_CAP_ACHILLES,
    TOM,
    P,
    any_profile,
    dose_text,
    doses,
    knee_loading,
    knobs,
    pick_week,
    picks,
    plan_of,
    reserve,
    same_week,
    seeds,
    week_decisions,
)
from .scenarios import (
    CALM,
    DAY,
    LEG_CATEGORIES,
    LOADING,
    Knobs,
    done_as_planned,
    exercise_ids_from,
    first_three_session_week,
    logged_blocks,
    next_week,
    noisy_week,
    reviewed_and_applied,
    sets_by_category,
    unlock_profile,
    volume_by_category,
    week_end,
    week_of,
    with_broken_form,
    with_pain,
    with_runs,
    with_wellness,
)

# --------------------------------------------------------------------------- progress


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds)
def test_a_runner_who_completes_everything_with_form_kept_progresses_within_bounds(profile, pick, seed):
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick)
    form = 4 + seed % 2  # kept: the same quality every week
    diary = done_as_planned(
        plan, week_end(week), seed=seed, form=(form, form), easier_by=(0.0, 1.0), wellness=CALM, run_noise_pct=5
    )
    for area in profile.pain_areas:  # the diary asks for pain: each painful area's 0/10 is its calm week's score
        diary = with_pain(diary, week.start_date, area, 0)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)

    planned = {c.category for c in review.metrics.categories if c.planned_sets}
    progressed = {d.scope for d in review.decisions if d.action == "progress"}
    # each category, and each painful area a calm week on its graded-return ladder (a pain-free week)
    assert progressed == {c.value for c in planned} | {a.value for a in profile.pain_areas}, review.decisions
    assert not {d.action for d in review.decisions} & CHANGING, review.decisions

    after = week_of(new_plan, review.next_week_start)
    assert after is not None
    if not (week.phase == after.phase and week.phase in LOADING and not week.deload and not after.deload):
        return  # a new phase, a deload or the taper re-prescribe: no step to compare
    if "baseline-screen" in after.rule_ids:
        return  # a new screen re-prescribes from what it measured

    def steps(w):  # type: ignore[no-untyped-def]
        return {
            (b.exercise_id, s.focus): b.prescription
            for s in w.sessions
            for b in s.blocks
            if b.role in (Role.primary, Role.accessory) and "light-before-key-runs" not in b.rule_ids
        }

    before_doses, after_doses = steps(week), steps(after)
    for key in before_doses.keys() & after_doses.keys():
        a, b = before_doses[key], after_doses[key]
        where = f"{key[0]} ({key[1].value}): {dose_text(a)} -> {dose_text(b)}"
        assert b.sets - a.sets <= STEP["max_set_step"], where
        assert (b.seconds or 0) - (a.seconds or 0) <= STEP["max_hold_step_seconds"], where
        assert (b.contacts or 0) - (a.contacts or 0) <= STEP["max_contacts_step"], where
        same_scheme = a.intensity.kind == b.intensity.kind and (
            a.intensity.kind == "load_kg" or a.intensity.value == b.intensity.value
        )
        if same_scheme:  # a heavy scheme made moderate for a tight week is not a step
            assert (b.reps or 0) - (a.reps or 0) <= STEP["max_rep_step"], where
        if a.intensity.kind == b.intensity.kind == "load_kg" and a.intensity.value and b.intensity.value:
            rise = 100 * (b.intensity.value - a.intensity.value) / a.intensity.value
            assert rise <= STEP["max_load_step_pct"] + 1e-9, where
            if rise > 0:
                assert (b.reps or 0) <= (a.reps or 0), f"reps and load rose together: {where}"


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds)
def test_progress_as_planned_leaves_next_week_as_the_plan_had_it(profile, pick, seed):
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick)
    diary = done_as_planned(plan, week_end(week), seed=seed, form=(4, 5), wellness=CALM)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    # unlocking the third session changes next week by design: a third session, and a novice
    # graduates to the strength range (a lift topped out in the foundation range need not climb)
    assume(not {d.action for d in review.decisions} & (CHANGING | {"unlock"}))
    assume(not profile.pain_areas)  # a painful area moves up its ladder (tests/core/test_pain_return.py)
    assert same_week(plan, new_plan, review.next_week_start)


# --------------------------------------------------------------------------- soreness


def sore_runner(profile: AthleteProfile, pick: int, seed: int):  # type: ignore[no-untyped-def]
    """Everything done, calm check-ins, and three days running of soreness 1-2 in a week
    followed by a loading week."""
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, loading_next=True)
    first = seed % 5  # the first sore day
    diary = done_as_planned(plan, week_end(week), seed=seed, wellness=CALM)
    sore_days = [week.start_date + (first + k) * DAY for k in range(3)]
    diary = with_wellness(diary, sore_days, soreness=1 + seed % 2)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    return plan, review, new_plan


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds)
def test_three_sore_days_running_bring_a_reduction_with_mobility(profile, pick, seed):
    _, review, new_plan = sore_runner(profile, pick, seed)
    assert any(f.kind == "soreness" and f.rule_id == "review-reduce" for f in review.flags), review.flags
    decided = week_decisions(review)
    assert decided & {"reduce", "deload"}, review.decisions
    if "deload" in decided:
        assert week_of(new_plan, review.next_week_start).deload
        return
    (reduce,) = [d for d in review.decisions if d.action == "reduce"]
    assert {"review-reduce", "overreaching-signs"} <= set(reduce.rule_ids)
    (adjust,) = [a for a in review.adjustments if a.week_start == review.next_week_start]
    assert adjust.mobility and set(adjust.reduce) == set(LEG_CATEGORIES)
    assert all(0 < pct <= 60 for pct in adjust.reduce.values())


@SETTINGS
@example(profile=TIGHT_CAP, pick=0, seed=0)
@given(profile=any_profile, pick=picks, seed=seeds)
def test_three_sore_days_running_cut_next_weeks_leg_sets(profile, pick, seed):
    plan, review, new_plan = sore_runner(profile, pick, seed)
    if "deload" in week_decisions(review):
        return  # a deload is a reduction too (the test above checks it)
    before = sets_by_category(week_of(plan, review.next_week_start))
    after = sets_by_category(week_of(new_plan, review.next_week_start))
    assert all(after[c] <= before[c] for c in TRAINING_CATEGORIES), (before, after)
    before_v = volume_by_category(week_of(plan, review.next_week_start))
    after_v = volume_by_category(week_of(new_plan, review.next_week_start))
    assert sum(after_v[c] for c in LEG_CATEGORIES) < sum(before_v[c] for c in LEG_CATEGORIES), (before_v, after_v)


def test_a_cut_announced_before_a_planned_deload_is_real_or_not_announced():
    profile = MAYA
    plan = plan_of(profile)
    week = next(w for w in plan.weeks if (n := next_week(plan, w)) is not None and n.deload and n.sessions)
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    diary = with_wellness(diary, [week.start_date + k * DAY for k in (1, 2, 3)], soreness=2)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    claims_cut = any(d.action == "reduce" and "cut" in d.text for d in review.decisions)
    before = volume_by_category(week_of(plan, review.next_week_start))
    after = volume_by_category(week_of(new_plan, review.next_week_start))
    assert not claims_cut or sum(after[c] for c in LEG_CATEGORIES) < sum(before[c] for c in LEG_CATEGORIES)


# --------------------------------------------------------------------------- pain


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds)
def test_knee_pain_regresses_and_leaves_out_every_knee_loading_exercise_from_next_week(profile, pick, seed):
    assume(PainArea.knee not in profile.pain_areas)
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick)
    acceptable = REGISTRY.param("pain-monitoring", "acceptable_during")
    score = acceptable + 1 + seed % (10 - acceptable)  # above the acceptable zone
    day = week.start_date + seed % 7 * DAY
    diary = with_pain(done_as_planned(plan, week_end(week), seed=score), day, PainArea.knee, score)
    review, new_profile, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)

    assert PainArea.knee in new_profile.pain_areas
    assert review.pain_areas_added == [PainArea.knee]
    knee = [d for d in review.decisions if d.scope == "knee"]
    severe = score >= REGISTRY.param("pain-monitoring", "severe_at")
    assert [d.action for d in knee] == ["exclude" if severe else "regress"] and "review-pain" in knee[0].rule_ids
    assert any(f.kind == "pain" and f.rule_id == "review-pain" for f in review.flags)
    left_in = exercise_ids_from(new_plan, review.next_week_start) & knee_loading()
    assert not left_in, f"knee-loading exercises still planned: {sorted(left_in)}"
    old, new = week_of(plan, review.next_week_start), week_of(new_plan, review.next_week_start)
    if old.phase != Phase.race_week:  # regressed, not skipped: every category is still trained
        trained_before = {b.category for b in logged_blocks(old) if b.role == Role.primary}
        trained_after = {b.category for b in logged_blocks(new) if b.role == Role.primary}
        assert trained_before <= trained_after


def test_pain_within_the_acceptable_zone_changes_nothing():
    profile = EXAMPLE_PROFILES[0]
    plan = plan_of(profile)
    week = plan.weeks[2]
    mark = REGISTRY.param("pain-monitoring", "acceptable_during")
    diary = with_pain(done_as_planned(plan, week_end(week), wellness=CALM), week.start_date, PainArea.knee, mark)
    review, new_profile, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    assert new_profile.pain_areas == profile.pain_areas and not review.pain_areas_added
    assert same_week(plan, new_plan, review.next_week_start)


# --------------------------------------------------------------------------- third session


def reviews_week_after_week(level: Level, weeks: int, missed: int | None) -> tuple[Plan, list[Review]]:
    """Review each week in turn with everything done (except the sessions of week `missed`,
    0-based), applying every review before the next, as a runner accepting them would."""
    profile = unlock_profile(level, dt.date(2027, 1, 4))
    plan = plan_of(profile)
    assert plan is not None
    skipped: list[dt.date] = []
    reviews = []
    for i in range(weeks):
        week = plan.weeks[i]
        if i == missed:
            skipped += [s.date for s in week.sessions]
        diary = done_as_planned(plan, week_end(week), seed=i, skip=skipped, wellness=CALM)
        review, profile, plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
        reviews.append(review)
    return plan, reviews


@pytest.mark.parametrize("missed", [None, 1, 2], ids=["all-done", "week-2-missed", "week-3-missed"])
@pytest.mark.parametrize("level", list(Level))
def test_consistent_weeks_unlock_the_third_session_at_the_registry_weeks_and_not_before(level, missed):
    unlock = REGISTRY.param("third-session-after-consistency", "weeks_by_level")[level.value]
    assert 4 <= unlock <= 6
    plan, reviews = reviews_week_after_week(level, unlock + 2, missed)
    first = first_three_session_week(plan)
    assert first is not None
    lived_before = (first.start_date - plan.start_date).days // 7
    assert lived_before == unlock + (0 if missed is None else 1)
    assert all(len(w.sessions) <= 2 for w in plan.weeks if w.start_date < first.start_date)
    if missed is not None:
        assert any(d.action == "note" and "review-missed-sessions" in d.rule_ids for d in reviews[missed].decisions)
    announced = [r for r in reviews if any(d.action == "unlock" for d in r.decisions)]
    assert [r.next_week_start for r in announced] == [first.start_date]
    (unlock_decision,) = [d for d in announced[0].decisions if d.action == "unlock"]
    assert unlock_decision.rule_ids == ["third-session-after-consistency"]


# --------------------------------------------------------------------------- deload


FLAG_KINDS = ("soreness", "running", "wellness", "form")
DELOAD_FLAGS = REGISTRY.param("review-deload", "flags_for_deload")


def with_flags(plan: Plan, week, kinds: set[str], seed: int):  # type: ignore[no-untyped-def]
    knobs = Knobs(
        sore_days=3 if "soreness" in kinds else 0,
        sore_from=seed % 5,
        tight_run="running" in kinds,
        wellness_low="wellness" in kinds,
        form=(3, 3) if "form" in kinds else (4, 5),
    )
    return noisy_week(plan, week, knobs, seed)


@SETTINGS
@given(
    profile=any_profile,
    pick=picks,
    seed=seeds,
    flags=st.lists(st.sampled_from(FLAG_KINDS), min_size=DELOAD_FLAGS, unique=True),
)
def test_enough_warning_flags_make_next_week_a_deload(profile, pick, seed, flags):
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, min_index=2)  # a week with a baseline of check-ins before it
    kinds = set(flags)
    diary = with_flags(plan, week, kinds, seed)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)

    assert kinds <= {f.kind for f in review.flags}, review.flags
    old, new = week_of(plan, review.next_week_start), week_of(new_plan, review.next_week_start)
    if old.phase in LOADING:
        assert "deload" in week_decisions(review), review.decisions
        assert new.deload
        before = week_of(plan, review.next_week_start - dt.timedelta(weeks=1))
        opens = before is not None and before.phase in LOADING and before.phase != old.phase
        # a deload closes the block it follows (planned-deloads): one called on a phase's first
        # week keeps the last phase's sessions and lifts, unless the new phase has no other week
        assert new.phase == old.phase or (opens and new.phase == before.phase), (before, old.phase, new.phase)
        assert any("review-deload" in d.rule_ids for d in review.decisions if d.action == "deload")
        assert not {d.action for d in review.decisions} & {"progress", "hold"}
    else:  # taper, race week, maintenance: already lighter, no extra deload there
        assert not new.deload and new.phase == old.phase


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds)
def test_one_warning_flag_alone_is_no_deload(profile, pick, seed):
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, min_index=2, loading_next=True)
    kind = FLAG_KINDS[seed % len(FLAG_KINDS)]
    diary = with_flags(plan, week, {kind}, seed)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    assert "deload" not in week_decisions(review), review.decisions
    assert not week_of(new_plan, review.next_week_start).deload


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds)
def test_back_from_illness_next_week_is_a_deload(profile, pick, seed):
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, loading_next=True)
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY, RealLife(ill=True))
    deload = [d for d in review.decisions if d.action == "deload"]
    assert deload and {"review-real-life", "review-deload"} <= set(deload[0].rule_ids)
    assert week_of(new_plan, review.next_week_start).deload
    assert check_plan(new_plan, load_context()) == []


# --------------------------------------------------------------------------- bounds


# a week missed whole: the hold repeated its 2 x 25 s plank and 2 x 9 sit-to-stands where the plan's
# next week, trimmed to a 20-minute cap as reps grew, gave each one set (seed 3; the dev draws of the
# twenty-fourth and twenty-fifth sessions)
MISSED_OVER_TRIMMED = AthleteProfile.model_validate_json(
    (
        Path(__file__).parents[1] / "core" / "runners" / "teen_bodyweight_missed_week_held_over_a_trimmed_week.json"
    ).read_text()
)


@SETTINGS
@example(profile=TIGHT_CAP_ACHILLES, pick=0, seed=0, k=Knobs(done_share=0.0))
@example(profile=TIGHT_CAP, pick=0, seed=0, k=Knobs(sore_days=3))
@example(profile=MISSED_OVER_TRIMMED, pick=0, seed=3, k=Knobs(done_share=0.0, form=(1, 1), effort_over=-1.0))
# a week missed whole, energy 1/5 and the shin at 7/10: the shin's calf raise gave way to a good
# morning, and the cut, taken from the held week's 3 x 4, put back the third trap bar and squat
# sets the category cap had taken to fit it (posterior chain 11 -> 13 sets; CI's draw, session 27)
@example(
    profile=MAYA,
    pick=4,
    seed=0,
    k=Knobs(done_share=0.0, form=(1, 1), effort_over=-1.0, pain=(PainArea.shin, 7), wellness_low=True),
)
@given(profile=any_profile, pick=picks, seed=seeds, k=knobs())
def test_whatever_the_diary_no_category_rises_above_the_plan(profile, pick, seed, k):
    note(profile.model_dump_json(exclude_defaults=True))  # the runner, to save (its repr prints empty)
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, min_index=1)
    diary = noisy_week(plan, week, k, seed)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY, RealLife(ill=k.ill))
    old_week, new_week = week_of(plan, review.next_week_start), week_of(new_plan, review.next_week_start)
    old, new = sets_by_category(old_week), sets_by_category(new_week)
    assert all(new[c] <= old[c] for c in TRAINING_CATEGORIES), (old, new, [d.text for d in review.decisions])
    old_doses, new_doses = doses(old_week), doses(new_week)
    held = {(b.exercise_id, s.focus.value) for s in new_week.sessions for b in s.blocks
            if "review-hold" in b.rule_ids and "review-reduce" not in b.rule_ids}  # fmt: skip
    for key in old_doses.keys() & new_doses.keys():  # the same lift in the same session: no dose above the plan's
        a, b = old_doses[key], new_doses[key]
        where = f"{key}: {dose_text(a)} -> {dose_text(b)}"
        assert b.sets + (1 if b.extra_sets_side else 0) <= a.sets + (1 if a.extra_sets_side else 0), where
        # a hold repeats the dose it names, its reps too, where the plan had planned fewer reps at
        # a heavier load (a kit step, a new phase's range): the repeat is lighter, not a rise
        ra, rb = reserve(a), reserve(b)
        lighter = key in held and a.load_kg and b.load_kg and b.load_kg < a.load_kg and (rb or 0) >= (ra or 0)
        for m in ("reps", "seconds", "contacts", "distance_m"):
            assert (getattr(b, m) or 0) <= (getattr(a, m) or 0) or (m == "reps" and lighter), where
        if a.intensity.kind == b.intensity.kind == "load_kg":
            assert (b.intensity.value or 0) <= (a.intensity.value or 0), where


# --------------------------------------------------------------------------- determinism


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds, k=knobs())
def test_the_same_week_gives_the_same_review_and_the_same_plan(profile, pick, seed, k):
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, min_index=1)
    diary = noisy_week(plan, week, k, 7)
    life = RealLife(ill=k.ill)
    first = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY, life)
    again = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY, life)
    assert first[0].model_dump_json() == again[0].model_dump_json()
    assert first[1].model_dump_json() == again[1].model_dump_json()
    assert first[2].model_dump_json() == again[2].model_dump_json()


def twice(profile: AthleteProfile, pick: int, seed: int, k: Knobs):  # type: ignore[no-untyped-def]
    """Review a week and apply it; review the same week on the result and apply again; and
    apply the first review a second time."""
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, min_index=1)
    diary = noisy_week(plan, week, k, seed)
    life = RealLife(ill=k.ill)
    review, profile1, plan1 = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY, life)
    _, profile2, plan2 = reviewed_and_applied(plan1, profile1, diary, week, LIBRARY, REGISTRY, life)
    profile3, plan3 = apply_review(plan1, profile1, review, ctx=load_context())
    return (profile1, plan1), (profile2, plan2), (profile3, plan3)


# a regression onto the lift a ladder climb had made a main lift: the session held it twice, and
# the next plan depended on which plan the review was applied to (pick 257, seed 1)
CLIMBED_ONTO = load_profile(
    Path(__file__).parents[1] / "core" / "runners" / "teen_bands_bridge_regressed_onto_a_climb.toml"
)


@SETTINGS
@example(profile=CLIMBED_ONTO, pick=257, seed=1, k=Knobs(done_share=0.3, form=(1, 5), effort_over=-1.0))
@given(profile=any_profile, pick=picks, seed=seeds, k=knobs())
def test_reviewing_the_same_week_twice_plans_the_same_sessions_as_once(profile, pick, seed, k):
    (_, once), (_, again), (_, reapplied) = twice(profile, pick, seed, k)
    for w in once.weeks:
        assert same_week(once, again, w.start_date) and same_week(once, reapplied, w.start_date), w.index
        for s in w.sessions:  # a lift once a session: a swap never doubles one a climb put in
            ids = [b.exercise_id for b in s.blocks]
            assert len(ids) == len(set(ids)), (w.index, s.date, ids)


@SETTINGS
@example(profile=TOM, pick=0, seed=0, k=Knobs(pain=(PainArea.achilles, 3)))
# a cut week's session took its minutes as the smaller of the blocks' and the plan's before the
# cut, so applying the review to its own plan gave 26 minutes where once gave 27 (pick 423)
@example(
    profile=MAYA,
    pick=423,
    seed=0,
    k=Knobs(done_share=0.0, effort_over=-1.0, pain=(PainArea.lower_back, 4), wellness_low=True),
)
# a held day's dose the cap had trimmed kept "Never more than the plan gave this week." once; applied
# to its own result the cap took nothing more and the words went (pick 675)
@example(profile=MAYA, pick=675, seed=0, k=Knobs(done_share=0.0, form=(1, 1), effort_over=-1.0))
# a held snap-down's words came back reordered when the dose was already the one repeated (pick 674)
@example(profile=SAM, pick=674, seed=0, k=Knobs(done_share=0.0, form=(1, 1), effort_over=-1.0))
@given(profile=any_profile, pick=picks, seed=seeds, k=knobs())
def test_reviewing_and_applying_the_same_week_twice_gives_the_plan_of_once(profile, pick, seed, k):
    (profile1, plan1), (profile2, plan2), (profile3, plan3) = twice(profile, pick, seed, k)
    assert plan2.model_dump_json() == plan1.model_dump_json()
    assert profile2.model_dump_json() == profile1.model_dump_json()
    assert plan3.model_dump_json() == plan1.model_dump_json()
    assert profile3.model_dump_json() == profile1.model_dump_json()


# --------------------------------------------------------------------------- rule ids


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds, k=knobs())
def test_every_decision_flag_and_guidance_cites_rules_of_the_registry(profile, pick, seed, k):
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick)
    diary = noisy_week(plan, week, k, seed)
    review = review_week(plan, profile, diary, week.start_date, real_life=RealLife(ill=k.ill), ctx=CTX)
    assert review.decisions
    for d in review.decisions:
        assert d.rule_ids, d
        assert all(r in REGISTRY for r in d.rule_ids), d
    assert all(f.rule_id in REGISTRY for f in review.flags)
    assert all(g.rule_id in REGISTRY for g in review.guidance)
    assert all(r.rule_id in REGISTRY for a in review.adjustments for r in a.reasons)
    assert all(s.rule_id in REGISTRY for s in review.swaps)


# --------------------------------------------------------------------------- what is kept


def reviewed_later(profile: AthleteProfile, pick: int, seed: int, k: Knobs):  # type: ignore[no-untyped-def]
    """A random week reviewed 1-12 days after it ended (so the change may start a week later)."""
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, min_index=1)
    diary = noisy_week(plan, week, k, seed)
    today = week_end(week) + (1 + seed % 12) * DAY
    review = review_week(plan, profile, diary, week.start_date, real_life=RealLife(ill=k.ill), today=today, ctx=CTX)
    _, new_plan = apply_review(plan, profile, review, ctx=load_context())
    return plan, week, today, review, new_plan


def violation_date(plan: Plan, where: str) -> dt.date | None:
    """The date a check_plan violation is about ("week N ...", a date, or None for the plan)."""
    head = where.split()
    if head[0] == "week":
        return plan.weeks[int(head[1]) - 1].start_date
    try:
        return dt.date.fromisoformat(head[0])
    except ValueError:
        return None


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds, k=knobs())
def test_weeks_already_lived_stay_as_they_were_in_the_new_plan(profile, pick, seed, k):
    plan, week, today, review, new_plan = reviewed_later(profile, pick, seed, k)
    assert review.next_week_start.weekday() == 0
    assert review.next_week_start >= max(today, week.start_date + 7 * DAY)
    lived = [w for w in plan.weeks if w.start_date < review.next_week_start]
    assert [w.model_dump_json() for w in new_plan.weeks[: len(lived)]] == [w.model_dump_json() for w in lived]


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds, k=knobs())
def test_the_weeks_planned_again_keep_every_safety_rule(profile, pick, seed, k):
    _, _, _, review, new_plan = reviewed_later(profile, pick, seed, k)
    broken = [
        v
        for v in check_plan(new_plan, load_context())
        if (day := violation_date(new_plan, v.where)) is None or day >= review.next_week_start
    ]
    assert broken == []
    days = sorted(s.date for w in new_plan.weeks for s in w.sessions)
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(days))
    assert all(len({s.date for s in w.sessions}) == len(w.sessions) for w in new_plan.weeks)


@SETTINGS
@example(profile=MAYA, pick=3, seed=0, k=Knobs(pain=(PainArea.knee, 5)))
@given(profile=any_profile, pick=picks, seed=seeds, k=knobs())
def test_the_applied_plan_passes_the_planners_own_validation(profile, pick, seed, k):
    # weeks already lived were planned under the old profile (say, before the knee hurt):
    # their content is not judged by the new one, but spacing across them still is
    _, _, _, review, new_plan = reviewed_later(profile, pick, seed, k)
    lived = frozenset(w.start_date for w in new_plan.weeks if w.start_date < review.next_week_start)
    assert check_plan(new_plan, load_context(), lived=lived) == []
    assert not [w for w in new_plan.warnings if w.startswith("Broken rule")]


# --------------------------------------------------------------------------- real life


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds)
def test_travel_with_bands_puts_only_bands_kit_exercises_in_the_travel_weeks(profile, pick, seed):
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick)
    first_day = week.start_date + 7 * DAY + seed % 7 * DAY
    last_day = first_day + seed % 14 * DAY
    life = RealLife(travel_start=first_day, travel_end=last_day, travel_equipment=[EquipmentSet.bands])
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    review, new_profile, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY, life)

    assert any("review-real-life" in d.rule_ids for d in review.decisions)
    kit = EQUIPMENT_SETS[EquipmentSet.bands]
    monday = first_day - first_day.weekday() * DAY
    while monday <= last_day:
        w = week_of(new_plan, monday)
        if w is not None:
            misfits = {b.exercise_id for s in w.sessions for b in s.blocks if not LIBRARY.get(b.exercise_id).fits(kit)}
            assert not misfits, (monday, sorted(misfits))
        monday += 7 * DAY
    assert new_profile.equipment == profile.equipment  # the trip changes those weeks, not the runner's kit


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds)
def test_a_new_race_date_replans_the_phases_and_the_race_week_lands_on_it(profile, pick, seed):
    assume(profile.race is not None)
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick)
    assume(week_end(week) + 7 * DAY < profile.race.date)  # the race is still to come
    shift = (-14, -7, -3, 4, 7, 14, 21)[seed % 7]  # days the race moves
    new_date = profile.race.date + shift * DAY
    assume(new_date >= week_end(week) + 8 * DAY)
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    review, new_profile, new_plan = reviewed_and_applied(
        plan, profile, diary, week, LIBRARY, REGISTRY, RealLife(race_date=new_date)
    )

    assert new_profile.race.date == new_date
    race_weeks = [w for w in new_plan.weeks if w.phase == Phase.race_week]
    assert len(race_weeks) == 1 and race_weeks[0].start_date <= new_date <= week_end(race_weeks[0])
    frames = lay_out_weeks(new_profile, P)
    planned = {f.start: f.phase for f in frames if f.start >= review.next_week_start}
    assert {w.start_date: w.phase for w in new_plan.weeks if w.start_date >= review.next_week_start} == planned
    lived = [w for w in plan.weeks if w.start_date < review.next_week_start]
    assert [w.model_dump_json() for w in new_plan.weeks[: len(lived)]] == [w.model_dump_json() for w in lived]
    for s in (s for w in new_plan.weeks for s in w.sessions if s.date >= review.next_week_start):
        assert not 0 <= (new_date - s.date).days <= P.no_strength_days


# --------------------------------------------------------------------------- broken form


# a review that regresses one lift and moves a pain ladder's rung in the same week: the swap's
# lift was the newest block of an over-full category and was dropped, silently (seed 243: the
# balance reach of session B)
RUNNERS = Path(__file__).parents[1] / "core" / "runners"
REGRESS_AND_RUNG = load_profile(RUNNERS / "teen_achilles_regress_and_rung.toml")
# the form breaks down on the Achilles ladder's own rung in a calm week: the ladder moved up as
# the rung's lift was regressed, and neither came next week; the rung now holds (seed 1)
FORM_ON_RUNG = load_profile(RUNNERS / "teen_achilles_shin_form_breaks_on_rung.toml")
# ... and on a bottom rung whose regression is already in the block: the ladder placed the rung
# again over the swap that took it out (seed 1)
FORM_ON_BOTTOM_RUNG = load_profile(RUNNERS / "teen_hamstring_form_breaks_on_rung.toml")
# ... and on a rung whose regression is not in the block: the ladder left the swapped rung's slot
# as it was, so the swap had nowhere to go and the week lost its calf work (pick 3, seed 0)
SWAPPED_RUNG = load_profile(RUNNERS / "teen_novice_calf_hold_swapped.toml")
# ... and on the taper's calf accessory whose regression is the block's second single-leg primary,
# which race week's one session does not hold: race week had a seated soleus raise never done
# before and no regression (pick 81, seed 0, the eighteenth session's stored draw)
CALF_BEFORE_RACE_WEEK = load_profile(RUNNERS / "teen_half_calf_regressed_race_week.toml")


@SETTINGS
@example(profile=SAM, pick=28, seed=0)
@example(profile=TOM, pick=3358, seed=0)  # the held posterior chain's extra set took the clamshell's swap
@example(profile=REGRESS_AND_RUNG, pick=0, seed=243)
@example(profile=FORM_ON_RUNG, pick=0, seed=1)
@example(profile=FORM_ON_BOTTOM_RUNG, pick=0, seed=1)
@example(profile=SWAPPED_RUNG, pick=3, seed=0)
@example(profile=CALF_BEFORE_RACE_WEEK, pick=81, seed=0)
@given(profile=any_profile, pick=picks, seed=seeds)
def test_a_lift_whose_form_broke_down_is_replaced_by_its_regression_next_week(profile, pick, seed):
    note(profile.model_dump_json(exclude_defaults=True))  # the runner, to save (its repr prints empty)
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick)
    after = next_week(plan, week)
    kit, pain = profile.equipment_items, set(profile.pain_areas)

    def load(e, area) -> int:  # type: ignore[no-untyped-def]
        return 2 if area in e.contraindications else 1 if area in e.loads else 0

    def easier(exercise_id: str) -> str | None:  # fits the kit, and no more load where it hurts
        original = LIBRARY.get(exercise_id)
        for r in original.regressions:
            e = LIBRARY.get(r)
            if (
                e.fits(kit)
                and not pain & set(e.contraindications)
                and all(load(e, a) <= load(original, a) for a in pain)
            ):
                return r
        return None

    def rungs_below(exercise_id: str) -> set[str]:
        """The easier rung and the ones below it: a race week's one short session may hold
        only the calf raise beneath a bent-knee soleus raise."""
        found, rung = set(), easier(exercise_id)
        while rung is not None and rung not in found:
            found.add(rung)
            rung = easier(rung)
        return found

    shared = sorted(
        {b.exercise_id for b in logged_blocks(week)} & {b.exercise_id for b in logged_blocks(after)},
    )
    with_ladder = [x for x in shared if easier(x)]
    assume(with_ladder)
    lift = with_ladder[seed % len(with_ladder)]
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    diary = with_broken_form(diary, lift, week.start_date, week_end(week), 1 + seed % 2)
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)

    (decision,) = [d for d in review.decisions if d.scope == lift]
    new_week = week_of(new_plan, after.start_date)
    new_ids = {b.exercise_id for b in logged_blocks(new_week)}
    on_rung = rung_work_of(profile, week, lift)
    if on_rung:  # a pain ladder's rung work: an easier lift within the ladder, or it keeps its place
        held = [area for area, rung in on_rung if not ladder_work_in(new_week, area, rung)]
        assert not held, (lift, decision.text, sorted(new_ids))
        if decision.action == "hold":
            assert decision.rule_ids == ["review-regress", "pain-graded-return"] and lift in new_ids
            return
    assert decision.action == "regress" and decision.rule_ids == ["review-regress"], decision.text
    assert lift not in new_ids
    (swap,) = [x for x in review.swaps if x.from_id == lift]
    if on_rung:
        assert swap.to_id is not None and ladder_work_in(new_week, *on_rung[0]), (swap, sorted(new_ids))
        return
    # the easier rung may be the block's accessory already, or the lift itself the accessory whose
    # easier rung takes its slot: a tight cap leaves the accessory out for time only (session-time-cap)
    cut = any(
        left in r.text
        for left in ("accessory left out", "calf work left out")
        for s in new_week.sessions
        for r in s.reasons
    )
    accessory = {b.exercise_id for b in logged_blocks(week) if b.role == Role.accessory}
    kept = rungs_below(lift) & new_ids
    assert kept or (cut and (rungs_below(lift) & accessory or lift in accessory)), (lift, sorted(new_ids))
    assert lift not in exercise_ids_from(new_plan, after.start_date)


def test_a_single_leg_lift_reached_by_a_climb_regresses_to_its_single_leg_rung_not_back_down_the_climb():
    """Tom (the 5K example, dumbbells and a kettlebell): his dumbbell RDL topped out and climbed to the
    dumbbell single-leg RDL in week 8, whose form he logged as broken. The review swapped it for the
    library's regression, the bodyweight single-leg RDL, but week 9 brought back the two-legged
    dumbbell RDL: the climb waited while the lift was regressed and its start kept the slot
    (kittop29's dev draw). A coach regresses within the pattern first: the same single-leg demand with
    less to control, and says why; the two-legged lift is a later step down."""
    plan = plan_of(TOM)
    lift = "dumbbell_single_leg_romanian_deadlift"
    week = next(w for w in plan.weeks if lift in {b.exercise_id for b in logged_blocks(w)})
    after = next_week(plan, week)
    diary = with_broken_form(done_as_planned(plan, week_end(week), wellness=CALM), lift, week.start_date,
                             week_end(week), 1)  # fmt: skip
    review, _, new_plan = reviewed_and_applied(plan, TOM, diary, week, LIBRARY, REGISTRY)
    assert [(x.from_id, x.to_id) for x in review.swaps] == [(lift, "single_leg_romanian_deadlift")]
    new_week = week_of(new_plan, after.start_date)
    ids = {b.exercise_id for b in logged_blocks(new_week)}
    assert "single_leg_romanian_deadlift" in ids and "dumbbell_romanian_deadlift" not in ids, sorted(ids)  # was back
    said = [r.text for b in logged_blocks(new_week) if b.exercise_id == "single_leg_romanian_deadlift"
            for r in b.reasons if r.rule_id == "review-regress"]  # fmt: skip
    assert said and all("keeps the same movement" in t and "Dumbbell Romanian deadlift" in t for t in said), said


def rung_work_of(profile, week, lift: str) -> list:  # type: ignore[no-untyped-def]
    """The (area, rung) pairs whose ladder holds `lift` at or below the area's rung in `week`."""
    out = []
    for area, rung in rungs_for_week(profile, week.start_date, CTX.ladders):
        at = CTX.ladders.get(area).rung_of(lift)
        if rung >= 0 and at is not None and at <= rung:
            out.append((area, rung))
    return out


def ladder_work_in(week, area, rung: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether `week` holds an exercise of `area`'s ladder at or below `rung`."""
    lad = CTX.ladders.get(area)
    ids = {b.exercise_id for s in week.sessions for b in s.blocks}
    return any(x in ids for step in lad.rungs[: rung + 1] for x in step.exercises)


def test_a_first_weeks_long_run_is_not_a_spike_over_its_easy_runs():
    """In the diary's first week the long run was flagged "122% longer than your longest run
    of the previous 30 days": the diary held only that week's easy runs. A diary that reaches
    back less than the rule's history cannot say, so nothing is flagged; a week later it can."""
    plan = plan_of(MAYA)
    first = plan.weeks[0]
    diary = done_as_planned(plan, week_end(first), wellness=CALM)
    assert len({r.minutes for r in diary.runs}) > 1  # easy runs and a longer one
    review = review_week(plan, MAYA, diary, first.start_date, ctx=CTX)
    assert not [f for f in review.flags if f.kind == "run-spike"]
    week = plan.weeks[3]
    later = done_as_planned(plan, week_end(week), wellness=CALM)
    longest = max(r.minutes for r in later.runs if r.date < week.start_date)
    later = with_runs(later, [RunLog(date=week.start_date + 2 * DAY, type=RunType.long, minutes=longest * 1.3)])
    review = review_week(plan, MAYA, later, week.start_date, ctx=CTX)
    assert [f.kind for f in review.flags if f.kind == "run-spike"] == ["run-spike"]


def test_one_broken_set_in_four_is_not_a_breakdown():
    profile = EXAMPLE_PROFILES[0]
    plan = plan_of(profile)
    week = plan.weeks[1]
    diary = done_as_planned(plan, week_end(week), form=(4, 4), wellness=CALM)
    lift = next(b for b in logged_blocks(week) if b.prescription.sets >= 3)
    sessions = []
    for s in diary.sessions:  # only the first set of the lift, in each session, broke down
        sets = [x.model_copy(update={"form_quality": 1}) if x.exercise_id == lift.exercise_id and x.set_number == 1
                and x.side in (None, "left") else x for x in s.sets]  # fmt: skip
        sessions.append(s.model_copy(update={"sets": sets}))
    diary = dataclasses.replace(diary, sessions=tuple(sessions))
    review = review_week(plan, profile, diary, week.start_date, ctx=CTX)
    assert not review.swaps and not [d for d in review.decisions if d.action == "regress"]


def test_a_run_much_longer_than_the_last_month_is_flagged_but_decides_nothing():
    profile = MAYA
    plan = plan_of(profile)
    week = plan.weeks[5]
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    longest = max(r.minutes for r in diary.runs if r.date < week.start_date)
    diary = with_runs(diary, [RunLog(date=week.start_date + 2 * DAY, type=RunType.long, minutes=longest * 1.3)])
    review, _, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    assert [f.rule_id for f in review.flags if f.kind == "run-spike"] == ["running-load-spike"]
    assert same_week(plan, new_plan, review.next_week_start)
