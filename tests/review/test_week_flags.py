"""A reviewed week in a coach's words (cr26a F9): the roster's Flags column and `review
--all`'s line name what a coach acts on (pain above the zone and its area, a ladder's step,
sessions missed, a deload, a hold or cut and why, nothing new next week), each with a rule
of the registry; a week that went as planned shows none."""

from __future__ import annotations

import dataclasses

from hypothesis import assume, given

from runstrong.core.diary import PainReport
from runstrong.core.model import PainArea
from runstrong.core.review import review_week
from runstrong.core.review.roster import line
from runstrong.core.review.week_flags import area_of, category_of, coach_flags

from .diary_gen import CLEAN, generate_diary
from .helpers import CTX, LIBRARY, MAYA, REGISTRY, SETTINGS, any_profile, knobs, pick_week, picks, plan_of, seeds
from .scenarios import DAY, noisy_week, week_end, week_of

PRESSING = ("hold", "reduce", "deload", "regress", "exclude")


def reviewed(plan, week, diary, profile=MAYA):  # type: ignore[no-untyped-def]
    return review_week(plan, profile, diary, week.start_date, ctx=CTX)


def maya_week(index: int):  # type: ignore[no-untyped-def]
    plan = plan_of(MAYA)
    return plan, next(w for w in plan.weeks if w.index == index)


def test_a_week_done_as_planned_and_calm_shows_no_flags() -> None:
    plan, week = maya_week(3)
    review = reviewed(plan, week, generate_diary(plan, week_end(week), seed=2, **CLEAN))
    assert coach_flags(review, LIBRARY) == [], [f.text for f in coach_flags(review, LIBRARY)]


def test_pain_above_the_zone_is_flagged_with_its_area_score_and_the_ladders_step() -> None:
    """Nadia's week: 'Lower back pain up to 4/10: above the acceptable zone' showed no flag."""
    plan, week = maya_week(3)
    diary = generate_diary(plan, week_end(week), seed=2, **CLEAN)
    pain = PainReport(date=week.sessions[0].date, area=PainArea.knee, score=5, side="left", when="during")
    review = reviewed(plan, week, dataclasses.replace(diary, pains=(*diary.pains, pain)))
    texts = [f.text for f in coach_flags(review, LIBRARY)]
    assert "Knee (left) 5/10, above the zone" in texts, texts
    assert any(t.startswith("Knee: down to rung") for t in texts), texts
    assert "Nothing new next week" in texts


def test_a_missed_session_is_flagged_with_the_count_and_the_hold_says_why() -> None:
    """Emma's week: one session of two, the roster said '0/2 · –'."""
    plan, week = maya_week(3)
    diary = generate_diary(plan, week_end(week), seed=2, **CLEAN)
    missed = week.sessions[-1].date
    diary = dataclasses.replace(diary, sessions=tuple(s for s in diary.sessions if s.date != missed))
    review = reviewed(plan, week, diary)
    flags = coach_flags(review, LIBRARY)
    done, planned = review.metrics.done_sessions, review.metrics.planned_sessions
    assert f"{done} of {planned} sessions done" in [f.text for f in flags]
    holds = [f for f in flags if f.kind == "hold"]
    assert all(f.text.startswith("Hold ") and ": " in f.text for f in holds)


def test_review_all_says_a_pain_ladders_wait_as_a_sentence_not_wait_and_an_area() -> None:
    """cr26a: 'Ines: ... wait shin' said nothing a coach can act on."""
    plan, week = maya_week(3)
    diary = generate_diary(plan, week_end(week), seed=2, **CLEAN)
    pain = PainReport(date=week.sessions[0].date, area=PainArea.knee, score=5, when="during")
    said = line(reviewed(plan, week, dataclasses.replace(diary, pains=(*diary.pains, pain))), LIBRARY)
    assert "regress knee" not in said and "wait " not in said, said
    assert "Knee: down to rung" in said and "Nothing new next week" in said, said


def test_review_all_says_what_kind_of_plan_change_with_hops_named_as_hops() -> None:
    """cr26a: "Emma: ... 16 change(s)" said nothing a coach can act on."""
    import datetime as dt

    from runstrong.core.model import Category
    from runstrong.core.review import PlanChange, WeekChanges
    from runstrong.core.review.changes import ChangeKind
    from runstrong.core.review.roster import changes_line

    hop = next(e.name for e in LIBRARY.exercises if e.pattern.value == "plyometric")
    lift = LIBRARY.get("glute_bridge").name
    day = dt.date(2027, 1, 18)
    weeks = [
        WeekChanges(start_date=day - dt.timedelta(days=14), index=2, changes=[
            PlanChange(date=day - dt.timedelta(days=12), kind=ChangeKind.dose, week=2, exercise=lift)]),
        WeekChanges(start_date=day, index=4, changes=[
            PlanChange(date=day, kind=ChangeKind.deload_on, week=4),
            PlanChange(date=day, kind=ChangeKind.session_removed, week=4, category=Category.single_leg_power),
            PlanChange(date=day, kind=ChangeKind.exercise_in, week=4, exercise=hop)]),
    ]  # fmt: skip
    said = changes_line(weeks, LIBRARY)
    assert said == (f"doses of 1 lift (week 2); week 4 becomes a deload; single-leg power session removed "
                    f"(week 4); hops in (week 4): {hop}"), said  # fmt: skip
    assert changes_line([], LIBRARY) == ""


@SETTINGS
@given(profile=any_profile, pick=picks, seed=seeds, k=knobs())
def test_every_pressing_decision_and_pain_flag_reaches_the_roster_by_name(profile, pick, seed, k):
    """Over generated runners and weeks: each pain flag's area, each category held or cut,
    each pain area's step, a deload and missed sessions appear among the coach's flags, each
    flag citing a rule of the registry; a week with none of them shows no flag."""
    plan = plan_of(profile)
    assume(plan is not None)
    week = pick_week(plan, pick, min_index=1)
    assume(week_of(plan, week.start_date + DAY) is not None)
    review = reviewed(plan, week, noisy_week(plan, week, k, seed), profile)
    flags = coach_flags(review, LIBRARY)
    texts = " | ".join(f.text for f in flags)
    assert all(REGISTRY.get(f.rule_id) for f in flags), [f.rule_id for f in flags]
    for f in review.flags:
        if f.kind == "pain":
            area = f.text.split(" pain")[0]
            assert any(x.kind == "pain" and x.text.startswith(area) for x in flags), (f.text, texts)
    for d in review.decisions:
        name = category_of(d.scope) or area_of(d.scope)
        if d.action in PRESSING and name is not None and d.action != "progress":
            assert name.lower() in texts.lower(), (d.action, d.scope, texts)
    m = review.metrics
    assert ("sessions done" in texts) == (m.done_sessions < m.planned_sessions), texts
    assert ("Deload next week" in texts) == any(d.action == "deload" for d in review.decisions), texts
    quiet = not review.flags and m.done_sessions >= m.planned_sessions
    quiet = quiet and not any(d.action in PRESSING or (d.action == "wait" and d.scope != "week")
                              for d in review.decisions)  # fmt: skip
    quiet = quiet and not any(d.text.startswith("Nothing new") for d in review.decisions)
    assert not quiet or flags == [], texts
