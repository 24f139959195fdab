"""Nothing new comes in before a race by a review (race-close-no-new-work; coach read cr22a S2).

Pete's knee was 5/10 ten days before his half; a calm taper week then moved it up its ladder
and race week brought a new loaded step-up, "find your weight", four days before the race.
A review's ladder climb into the taper, race week or a race's race-close days now waits until
after the race, and the area's decision says so and names what comes after it."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import assume, example, given
from hypothesis import strategies as st

from runstrong.core.dated_races import leg_work_capped
from runstrong.core.diary import PainReport
from runstrong.core.model import AthleteProfile, Phase, Plan, RaceDistance, RaceGoal, Week
from runstrong.core.pain_return import rungs_for_week
from runstrong.io.data_files import load_context
from tests.core.strategies import profiles_with_tune_ups

from .helpers import LIBRARY, REGISTRY, SETTINGS, any_profile, picks, plan_of
from .scenarios import CALM, DAY, done_as_planned, one_calm_week_short, reviewed_and_applied, week_end, week_of
from .test_review_sequences import PETE
from .test_rungs_earned import SHIN

LADDERS = load_context().ladders
AREAS = sorted((x.area for x in LADDERS.ladder), key=lambda a: a.value)
ACCEPTABLE = int(REGISTRY.param("pain-monitoring", "acceptable_during"))
CLOSE = {Phase(x) for x in REGISTRY.param("race-close-no-new-work", "phases")}
RULE = "race-close-no-new-work"
P = REGISTRY.params


def find_weight(plan: Plan, phases: set[Phase]) -> set[tuple[str, str]]:
    """(day, exercise) of every find-your-weight block in the plan's weeks of these phases."""
    return {
        (str(s.date), b.exercise_id)
        for w in plan.weeks
        if w.phase in phases
        for s in w.sessions
        for b in s.blocks
        if any(x.rule_id == "find-your-weight" for x in b.reasons)
    }


def close(profile: AthleteProfile, week: Week | None) -> bool:
    """The taper, race week, or a week with a session on a race's race-close days (a tune-up's too)."""
    if week is None:
        return False
    return week.phase in CLOSE or any(leg_work_capped(profile, s.date, P) for s in week.sessions)


def calm_review_before_the_race(profile, area, pick: int, score: int):  # type: ignore[no-untyped-def]
    """A calm week (the rung's work done, pain in the zone, settled) whose next week is the
    taper, race week or holds a race's race-close days, reviewed and applied."""
    plan = plan_of(profile)
    assume(plan is not None)
    weeks = [w for w in plan.weeks if w.sessions and close(profile, week_of(plan, w.start_date + 7 * DAY))]
    assume(weeks)
    week = weeks[pick % len(weeks)]
    profile = one_calm_week_short(profile, week.start_date)  # the calm week would climb but for the race
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    first = min((s.date for s in diary.sessions if s.date >= week.start_date), default=week.start_date)
    pains = (
        PainReport(date=first, area=area, score=score, when="during"),
        PainReport(date=first + DAY, area=area, score=0, when="next_morning"),
    )
    diary = dataclasses.replace(diary, pains=tuple(sorted([*diary.pains, *pains], key=lambda p: p.date)))
    review, new_profile, new_plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    return plan, week, review, new_profile, new_plan


@SETTINGS
@example(profile=PETE, area=PETE.pain_areas[0], pick=1, score=1, race=None)  # his taper week (cr22a S2)
@example(profile=SHIN, area=SHIN.pain_areas[0], pick=1, score=3, race=None)
@given(
    profile=st.one_of(any_profile, profiles_with_tune_ups()),
    area=st.sampled_from(AREAS),
    pick=picks,
    score=st.integers(0, ACCEPTABLE),
    race=st.tuples(st.sampled_from(list(RaceDistance)), st.integers(3 * 7, 20 * 7)),
)
def test_no_review_climbs_a_pain_ladder_or_brings_a_new_lift_into_the_taper_or_race_week(
    profile, area, pick, score, race
):
    areas = sorted({*profile.pain_areas, area}, key=lambda a: a.value)
    goal = profile.race or RaceGoal(distance=race[0], date=profile.start_date + dt.timedelta(days=race[1]))
    runner = profile.model_copy(update={"pain_areas": areas, "race": goal, "plan_weeks": None})
    plan, week, review, new_profile, new_plan = calm_review_before_the_race(runner, area, pick, score)
    was = dict(rungs_for_week(runner, week.start_date, LADDERS))
    for w in new_plan.weeks:
        if w.phase in CLOSE or (w.start_date == review.next_week_start and close(runner, w)):
            now = dict(rungs_for_week(new_profile, w.start_date, LADDERS))
            assert all(now.get(a, r) <= r for a, r in was.items()), (w.start_date, was, now)
    assert find_weight(new_plan, CLOSE) <= find_weight(plan, CLOSE), "a find-your-weight session before the race"
    climbs = [d for d in review.decisions if d.scope in {a.value for a in was} and d.action == "progress"]
    assert not [d for d in climbs if "up to rung" in d.text], [d.text for d in climbs]
    assert not [d for d in climbs if "growing" in d.text], [d.text for d in climbs]  # the taper sets its dose


def test_petes_calm_taper_week_keeps_his_knee_on_its_hold_until_after_the_half():
    """cr22a S2: knee 1/10 in the taper week, the hold done; the review says the rung waits
    until after the race and names the step-up for after it; race week holds no step-up."""
    _, week, review, _, new_plan = calm_review_before_the_race(PETE, PETE.pain_areas[0], 1, 1)
    assert week.phase == Phase.taper
    (said,) = [d for d in review.decisions if d.scope == "knee"]
    assert said.action == "wait" and RULE in said.rule_ids
    text = " ".join(said.text.split())
    assert "until after the race (Sun 07 Feb)" in text and "Dumbbell step-up comes after it" in text
    race_week = week_of(new_plan, review.next_week_start)
    assert race_week is not None and race_week.phase == Phase.race_week
    held = {b.exercise_id for s in race_week.sessions for b in s.blocks}
    assert "dumbbell_step_up" not in held
    assert not find_weight(new_plan, {Phase.race_week})
