"""Pain ladders that fit the runner (coach read cr24a, findings 2, 3 and 9).

F2: Priya's home barbell and bench did none of the lower back's slow heavy lifts, so the plan gave
her the first rung's bridge hold, the review never counted it ("held none of its rung's work") and
she held bridges for nine weeks through 0/10 reports. Every rung below the plyometric one now has
a lift for every kit set; where a rung still has none for the kit, the nearest rung below's lift
that fits stands in, is named as a stand-in (never "slow heavy work" for a hold) and counts.
F3: three 0/10 reports sent her to a clinician. F9: a settled 2/10 foot was planned as a fresh
injury (isometric holds) for 20 weeks: a profile's pain score within the acceptable zone starts
its ladder on a loading rung."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from runstrong.core.diary import PainReport
from runstrong.core.model import AthleteProfile, PainArea
from runstrong.core.pain_return import STAGE_NAME, rung_exercise, rungs_for_week
from runstrong.core.vocab import EQUIPMENT_SETS, FURNITURE, HOME_FURNITURE, Item, Level
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .helpers import LIBRARY, REGISTRY, SETTINGS, any_profile, picks, plan_of
from .scenarios import CALM, DAY, done_as_planned, reviewed_and_applied, week_end, with_calm_weeks

LADDERS = load_context().ladders
ACCEPTABLE = int(REGISTRY.param("pain-monitoring", "acceptable_during"))
START_IN_ZONE = int(REGISTRY.param("pain-graded-return", "start_rung_in_zone")) - 1
CALM_WEEKS = int(REGISTRY.param("pain-monitoring", "calm_weeks_per_rung"))
RUNNERS = Path(__file__).parents[1] / "core" / "runners"
PRIYA = load_profile(RUNNERS / "priya_barbell_bench_lower_back.toml")
TOMAS = load_profile(RUNNERS / "tomas_ultra_old_plantar_2of10.toml")
LENA = load_profile(RUNNERS / "lena_track_hamstring_3of10.toml")
AREAS = sorted((x.area for x in LADDERS.ladder), key=lambda a: a.value)
NONE_OF_IT = "held none of its rung's work"

# Every kit a profile can name: the four sets, and each weight item alone, with a home's
# furniture or with a bench added (a gym brings its own).
KITS = {s.value: kit for s, kit in EQUIPMENT_SETS.items()} | {
    f"{i.value}{extra}": HOME_FURNITURE | {i} | more
    for i in Item
    if i not in FURNITURE
    for extra, more in (("", frozenset()), ("+bench", frozenset({Item.bench})))
}


@pytest.mark.parametrize("area", AREAS, ids=lambda a: a.value)
def test_every_rung_below_the_plyometric_one_has_its_own_lift_for_every_kit_and_level(area):
    """The data: a slow heavy or functional rung that no lift of which fits a kit set would be
    a rung the runner can never work on (cr24a F2: the lower back's slow heavy rung for a
    barbell at home); its hops wait for kit and weeks that allow them (a stand-in covers it)."""
    lad = LADDERS.get(area)
    missing = [
        (rung, level.value, name)
        for rung in range(lad.top)
        for level in Level
        for name, kit in KITS.items()
        if (found := rung_exercise(lad, rung, LIBRARY, kit, level, frozenset({area}))) is None or found[1] != rung
    ]
    assert not missing, missing[:10]


@pytest.mark.parametrize("area", AREAS, ids=lambda a: a.value)
def test_every_rung_has_a_lift_or_a_stand_in_for_every_kit_and_level(area):
    lad = LADDERS.get(area)
    missing = [
        (rung, level.value, name)
        for rung in range(lad.top + 1)
        for level in Level
        for name, kit in KITS.items()
        if rung_exercise(lad, rung, LIBRARY, kit, level, frozenset({area})) is None
    ]
    assert not missing, missing[:10]


def _calm_week(runner: AthleteProfile, plan, week, area: PainArea, scores: tuple[int, ...]):  # type: ignore[no-untyped-def]
    """The week done as planned, the area's pain reported at `scores` during and 0 each next morning."""
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    days = sorted({s.date for s in diary.sessions if s.date >= week.start_date})
    pains = [PainReport(date=days[i % len(days)], area=area, score=x, when="during") for i, x in enumerate(scores)]
    pains += [
        PainReport(date=d + DAY, area=area, score=0, when="next_morning") for d in days if d + DAY <= week_end(week)
    ]
    return dataclasses.replace(diary, pains=tuple(sorted([*diary.pains, *pains], key=lambda p: p.date)))


def _loaded_week(plan, pick: int):  # type: ignore[no-untyped-def]
    weeks = [w for w in plan.weeks if w.sessions and w.phase.value not in ("taper", "race_week", "maintenance")]
    assume(weeks)
    return weeks[pick % len(weeks)]


def test_priyas_slow_heavy_rung_is_a_barbell_hip_thrust_and_three_calm_weeks_climb_it():
    """cr24a F2: on the lower back's rung 2 her plan held the rung-1 bridge hold, named "slow
    heavy work", and no review counted it. Her kit now does the rung's own lift, the plan and the
    review call it what it is, and a calm week on it counts (the last of three climbs)."""
    plan = plan_of(PRIYA)
    assert plan is not None
    week = _first_loaded(plan)
    priya = with_calm_weeks(PRIYA, week.start_date, PainArea.lower_back, 1, CALM_WEEKS - 1)
    plan = plan_of(priya)
    week = next(w for w in plan.weeks if w.start_date == week.start_date)
    held = {b.exercise_id: b for s in week.sessions for b in s.blocks}
    assert "barbell_hip_thrust" in held and "glute_bridge_hold" not in held, sorted(held)
    said = " ".join(r.text for r in held["barbell_hip_thrust"].reasons if r.rule_id == "pain-graded-return")
    assert "rung 2 of 4, slow heavy work" in " ".join(said.split()), said
    diary = _calm_week(priya, plan, week, PainArea.lower_back, (0, 0, 0))
    review, _, _ = reviewed_and_applied(plan, priya, diary, week, LIBRARY, REGISTRY)
    (d,) = [d for d in review.decisions if d.scope == "lower_back"]
    text = " ".join(d.text.split())
    assert d.action == "progress" and NONE_OF_IT not in text, text
    assert "no pain (" in text and "at 0/10), calm this week" in text and "up to rung 3 of 4" in text, text
    assert not any("clinician look" in g.text for g in review.guidance), [g.text for g in review.guidance]


def _first_loaded(plan):  # type: ignore[no-untyped-def]
    return next(w for w in plan.weeks if len(w.sessions) >= 2 and w.phase.value not in ("taper", "race_week"))


def test_three_reports_of_0_are_calm_and_call_for_no_clinician_while_three_past_the_zone_do():
    """cr24a F3: "Lower back pain in 3 reports this week: have a clinician look at it" after
    three 0/10 reports. Reports at 0 are no pain; the clinician comes for pain past the zone."""
    plan = plan_of(PRIYA)
    week = _first_loaded(plan)
    calm = reviewed_and_applied(plan, PRIYA, _calm_week(PRIYA, plan, week, PainArea.lower_back, (0, 0, 0)), week,
                                LIBRARY, REGISTRY)[0]  # fmt: skip
    assert not any("clinician look" in g.text for g in calm.guidance), [g.text for g in calm.guidance]
    (d,) = [d for d in calm.decisions if d.scope == "lower_back"]
    assert "no pain" in d.text and "new this week" not in d.text, d.text
    past = (ACCEPTABLE + 1,) * 3
    hurt = reviewed_and_applied(plan, PRIYA, _calm_week(PRIYA, plan, week, PainArea.lower_back, past), week,
                                LIBRARY, REGISTRY)[0]  # fmt: skip
    said = " ".join(g.text for g in hurt.guidance)
    assert "clinician" in said or "physiotherapist" in said, said


@SETTINGS
@example(profile=PRIYA, area=PainArea.lower_back, rung=3, pick=0)  # her kit: no swing, a stand-in
@example(profile=PRIYA, area=PainArea.lower_back, rung=1, pick=0)
@given(profile=any_profile, area=st.sampled_from(AREAS), rung=st.integers(0, 3), pick=picks)
def test_every_planned_rung_lift_is_work_the_review_counts_for_its_area(profile, area, rung, pick):
    """Over generated runners, ladders, rungs and kits: the lift the plan gives an area's rung
    (its own, or the stand-in for a rung nothing of which fits the kit) is the rung's work, so a
    calm week done as planned never reads "held none of its rung's work", and the words never
    call a lift from a lower rung by the rung's own stage."""
    runner = profile.model_copy(update={"pain_areas": [area], "pain_scores": {}, "pain_sides": {}})
    plan = plan_of(runner)
    assume(plan is not None)
    week = _loaded_week(plan, pick)
    runner = with_calm_weeks(runner, week.start_date, area, rung, 0)
    plan = plan_of(runner)
    assume(plan is not None)
    week = next((w for w in plan.weeks if w.start_date == week.start_date), None)
    assume(week is not None and week.sessions)
    lad = LADDERS.get(area)
    found = rung_exercise(lad, rung, LIBRARY, runner.equipment_items, runner.strength_experience, frozenset({area}))
    assume(found is not None)
    held = {b.exercise_id: b for s in week.sessions for b in s.blocks}
    assume(found[0].id in held)
    said = " ".join(" ".join(r.text for r in held[found[0].id].reasons if r.rule_id == "pain-graded-return").split())
    if found[1] != rung:  # a stand-in: named as one, never by the rung's own stage
        assert f"{STAGE_NAME[lad.rungs[rung].stage]}, " not in said.split("nothing of its")[0], said
        assert "stands in" in said, said
    review, _, _ = reviewed_and_applied(
        plan, runner, _calm_week(runner, plan, week, area, (0,)), week, LIBRARY, REGISTRY
    )
    for d in review.decisions:
        assert NONE_OF_IT not in " ".join(d.text.split()), d.text


@pytest.mark.parametrize(
    ("runner", "area", "stage"),
    [(TOMAS, PainArea.foot, "slow_heavy"), (LENA, PainArea.hamstring, "slow_heavy")],
    ids=["tomas-foot-2of10", "lena-hamstring-3of10"],
)
def test_a_pain_scored_within_the_zone_starts_its_ladder_on_a_loading_rung(runner, area, stage):
    """cr24a F9: Tomás (old plantar fascia, 2/10 now) and Lena (hamstring 3/10) got isometric
    holds for the whole plan. Within the acceptable zone the ladder starts on slow heavy work,
    and the plan says in week 1 where it starts and that only weekly reviews move it."""
    plan = plan_of(runner)
    assert plan is not None
    first = plan.weeks[0]
    assert dict(rungs_for_week(runner, first.start_date, LADDERS))[area] == START_IN_ZONE
    assert LADDERS.get(area).rungs[START_IN_ZONE].stage == stage
    lifts = {b.exercise_id for w in plan.weeks[:4] for s in w.sessions for b in s.blocks}
    assert lifts & set(LADDERS.get(area).rungs[START_IN_ZONE].exercises), sorted(lifts)
    holds = set(LADDERS.get(area).rungs[0].exercises)
    assert not lifts & holds, sorted(lifts & holds)
    (pain,) = [g for g in plan.guidance if g.topic == "pain"]
    text = " ".join(pain.text.split())
    assert f"{runner.pain_scores[area]}/10 now, within the zone) on slow heavy work" in text, text
    assert "climbs only through the weekly reviews of the pain you log" in text, text
    assert {r.rule_id for r in pain.reasons} >= {"pain-graded-return", "pain-monitoring"}


@SETTINGS
@given(profile=any_profile, area=st.sampled_from(AREAS), score=st.integers(0, 10))
def test_a_profiles_pain_score_starts_its_ladder_on_the_zones_rung(profile, area, score):
    """Over generated runners: a score within the zone starts the loading rung, one above it
    (or none) the first rung; never the plyometric rung, which is earned."""
    runner = profile.model_copy(update={"pain_areas": [area], "pain_scores": {area: score}, "adjustments": []})
    rung = dict(rungs_for_week(runner, runner.start_date, LADDERS))[area]
    assert rung == (START_IN_ZONE if score <= ACCEPTABLE else 0)
    assert rung < LADDERS.get(area).top
    unscored = runner.model_copy(update={"pain_scores": {}})
    assert dict(rungs_for_week(unscored, runner.start_date, LADDERS))[area] == 0


def test_a_pain_score_must_name_a_painful_area_and_old_profiles_stay_valid():
    data = TOMAS.model_dump(mode="json")
    data["pain_scores"] = {"knee": 2}
    with pytest.raises(ValueError, match=r"pain_scores\.knee: not among pain_areas"):
        AthleteProfile.model_validate(data)
    data["pain_scores"] = {"foot": 11}
    with pytest.raises(ValueError, match="pain_scores"):
        AthleteProfile.model_validate(data)
    data.pop("pain_scores")
    assert AthleteProfile.model_validate(data).pain_scores == {}
