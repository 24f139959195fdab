"""Race week and key runs: legs fresh for the race, light the day before a key run."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.core.dosing import LEG_CATEGORIES
from runstrong.core.load_effort import LOAD_SAYS
from runstrong.core.model import KEY_RUN_TYPES, AthleteProfile, DatedRun, Role, RunType
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context, load_params
from tests.conftest import examples
from tests.core.strategies import profiles
from tests.core.test_plan_safety import SAME_RUNNERS, shared_outcome
from tests.core.test_planner import MONDAY, race_on, runner

P = load_params()
WORK = (Role.primary, Role.accessory)


def _effort_ok(intensity) -> bool:
    if intensity.kind == "rir":
        return intensity.value >= P.race_close_min_rir
    if intensity.kind == "percent_1rm":
        return intensity.value <= P.race_close_max_pct_1rm
    return intensity.kind == "bodyweight"


@pytest.mark.parametrize("level, kit", [("novice", ["dumbbells"]), ("intermediate", ["gym"]), ("advanced", ["gym"])])
@pytest.mark.parametrize("distance", ["5k", "10k", "half", "marathon"])
def test_leg_work_in_the_last_week_before_the_race_stays_far_from_failure(level, kit, distance):
    plan = build_plan(runner(strength_experience=level, equipment=kit, race=race_on(12, distance)), load_context())
    race = plan.profile.race.date
    close = [s for w in plan.weeks for s in w.sessions if 0 <= (race - s.date).days <= P.last_heavy_days]
    assert close, "the last days before the race should still hold a light session"
    for s in close:
        assert not s.plyometric
        for b in s.blocks:
            if b.category in LEG_CATEGORIES and b.role in WORK:
                assert _effort_ok(b.prescription.intensity), (s.date, b.exercise_id, b.prescription.intensity)


def test_no_session_lands_after_a_tuesday_race_in_race_week():
    plan = build_plan(runner(race=race_on(10, "5k", weekday=1)), load_context())
    race = plan.profile.race.date
    race_monday = race - dt.timedelta(days=race.weekday())
    for s in (s for w in plan.weeks for s in w.sessions):
        assert not (race < s.date < race_monday + dt.timedelta(days=7)), s.date


@pytest.mark.parametrize("level", ["novice", "intermediate", "advanced"])
def test_every_leg_block_is_light_the_day_before_a_key_run_whatever_leads_the_session(level):
    plan = build_plan(
        runner(strength_experience=level, equipment=["gym"], plan_weeks=16, available_days=["mon", "sat"]),
        load_context(),
    )
    key_days = {r.date for w in plan.weeks for r in w.runs if r.type in KEY_RUN_TYPES}
    checked = 0
    for s in (s for w in plan.weeks for s in w.sessions):
        if s.date + dt.timedelta(days=1) not in key_days:
            continue
        for b in s.blocks:
            if b.category in LEG_CATEGORIES and b.role in WORK:
                checked += 1
                assert "light-before-key-runs" in b.rule_ids, (s.date, s.focus, b.exercise_id)
    assert checked


def test_the_checker_refuses_hard_leg_work_in_the_last_days_before_the_race():
    ctx = load_context()
    plan = build_plan(runner(equipment=["gym"], race=race_on(12, "half")), ctx)
    race = plan.profile.race.date
    weeks = []
    for w in plan.weeks:
        sessions = []
        for s in w.sessions:
            if 0 <= (race - s.date).days <= P.last_heavy_days:
                blocks = [
                    b.model_copy(
                        update={
                            "prescription": b.prescription.model_copy(
                                update={
                                    "intensity": b.prescription.intensity.model_copy(
                                        update={"kind": "rir", "value": 2.0}
                                    )
                                }
                            )
                        }
                    )
                    if b.category in LEG_CATEGORIES and b.role in WORK
                    else b
                    for b in s.blocks
                ]
                s = s.model_copy(update={"blocks": blocks})
            sessions.append(s)
        weeks.append(w.model_copy(update={"sessions": sessions}))
    hard = plan.model_copy(update={"weeks": weeks})
    assert not check_plan(plan, ctx)
    assert any(v.rule_id == "taper" and "too hard" in v.message for v in check_plan(hard, ctx))


def test_the_checker_refuses_a_session_after_the_race_in_race_week():
    ctx = load_context()
    plan = build_plan(runner(race=race_on(10, "5k", weekday=1)), ctx)
    race = plan.profile.race.date
    assert "Rest and race" in " ".join(r.text for w in plan.weeks for r in w.reasons)
    week = next(w for w in plan.weeks if w.start_date <= race < w.start_date + dt.timedelta(days=7))
    moved = plan.weeks[week.index - 2].sessions[0].model_copy(update={"date": race + dt.timedelta(days=4)})
    weeks = [w.model_copy(update={"sessions": [moved]}) if w is week else w for w in plan.weeks]
    assert any("after the race" in v.message for v in check_plan(plan.model_copy(update={"weeks": weeks}), ctx))


def test_the_checker_refuses_a_leg_block_left_hard_the_day_before_a_key_run():
    ctx = load_context()
    plan = build_plan(runner(equipment=["gym"], available_days=["mon", "sat"]), ctx)
    week = next(
        w for w in plan.weeks if any("light-before-key-runs" in b.rule_ids for s in w.sessions for b in s.blocks)
    )
    session = next(s for s in week.sessions if any("light-before-key-runs" in b.rule_ids for b in s.blocks))
    plain = [
        b.model_copy(update={"reasons": [r for r in b.reasons if r.rule_id != "light-before-key-runs"]})
        for b in session.blocks
    ]
    sessions = [s.model_copy(update={"blocks": plain}) if s is session else s for s in week.sessions]
    weeks = [w.model_copy(update={"sessions": sessions}) if w is week else w for w in plan.weeks]
    found = check_plan(plan.model_copy(update={"weeks": weeks}), ctx)
    assert any(v.rule_id == "light-before-key-runs" for v in found)


@pytest.mark.parametrize("level", ["novice", "intermediate", "advanced"])
def test_a_set_near_failure_rests_two_minutes_whatever_its_category(level):
    plan = build_plan(runner(strength_experience=level, equipment=["gym"], plan_weeks=16), load_context())
    near_failure = [
        b
        for w in plan.weeks
        for s in w.sessions
        for b in s.blocks
        if b.prescription.intensity.kind == "rir" and b.prescription.intensity.value <= P.heavy_set_max_rir
    ]
    assert near_failure or level == "novice"
    assert all(b.prescription.rest_seconds >= P.heavy_set_min_rest for b in near_failure)


def test_the_checker_refuses_a_heavy_set_with_a_short_rest():
    ctx = load_context()
    plan = build_plan(runner(strength_experience="intermediate", equipment=["gym"]), ctx)
    week = plan.weeks[-1]
    session = week.sessions[0]
    block = next(b for b in session.blocks if b.role == Role.primary)
    near_failure = block.prescription.intensity.model_copy(update={"kind": "rir", "value": 2.0})
    hard = block.prescription.model_copy(update={"rest_seconds": 45, "intensity": near_failure})
    blocks = [b.model_copy(update={"prescription": hard}) if b is block else b for b in session.blocks]
    sessions = [session.model_copy(update={"blocks": blocks}), *week.sessions[1:]]
    weeks = [*plan.weeks[:-1], week.model_copy(update={"sessions": sessions})]
    found = check_plan(plan.model_copy(update={"weeks": weeks}), ctx)
    assert any(v.rule_id == "dose-heavy" and "45 s rest" in v.message for v in found)


def test_novice_accessories_stay_as_far_from_failure_as_their_primaries():
    plan = build_plan(runner(equipment=["gym"], plan_weeks=16), load_context())
    checked = 0
    for w in plan.weeks:
        blocks = [b for s in w.sessions for b in s.blocks if b.prescription.intensity.kind == "rir"]
        primaries = [b.prescription.intensity.value for b in blocks if b.role == Role.primary]
        if any(LOAD_SAYS in r.text for b in blocks for r in b.reasons):
            primaries = []  # a held load said its own effort (load_effort): the doses are not all shown
        accessories = [b.prescription.intensity.value for b in blocks if b.role == Role.accessory]
        if w.index <= P.third_session_weeks["novice"]:  # before a novice can graduate to build dosing
            assert min(accessories, default=P.foundation_rir) >= P.foundation_rir
        if primaries and accessories:
            assert min(accessories) >= min(primaries), w.index
            checked += 1
    assert checked


def test_the_checker_refuses_a_novice_set_near_failure_in_the_first_weeks():
    ctx = load_context()
    plan = build_plan(runner(equipment=["gym"]), ctx)
    week = plan.weeks[0]
    session = week.sessions[0]
    block = next(b for b in session.blocks if b.role == Role.primary)
    near = block.prescription.model_copy(
        update={"intensity": block.prescription.intensity.model_copy(update={"kind": "rir", "value": 1.0})}
    )
    blocks = [b.model_copy(update={"prescription": near}) if b is block else b for b in session.blocks]
    weeks = [
        week.model_copy(update={"sessions": [session.model_copy(update={"blocks": blocks}), *week.sessions[1:]]}),
        *plan.weeks[1:],
    ]
    found = check_plan(plan.model_copy(update={"weeks": weeks}), ctx)
    assert any(v.rule_id == "foundation-two-sessions" for v in found)


@pytest.mark.parametrize("weekday", range(7))
def test_a_plan_starting_on_any_weekday_gets_a_partial_first_week_not_a_refusal(weekday):
    start = MONDAY + dt.timedelta(days=weekday)
    plan = build_plan(runner(start_date=start), load_context())
    first = plan.weeks[0]
    assert all(s.date >= start for s in first.sessions)
    if len(first.sessions) < len(plan.weeks[1].sessions):
        (said,) = [r.text for r in first.reasons if f"starts on {start:%A}" in r.text]
        room = {0: "no room for a session", 1: "room for 1 session"}.get(len(first.sessions), "sessions a day apart")
        assert room in said and f"not {len(plan.weeks[1].sessions)}." in said, said


def test_the_checker_refuses_a_nordic_curl_with_a_short_rest_but_not_in_a_lived_week():
    ctx = load_context()
    plan = build_plan(
        runner(strength_experience="intermediate", equipment=["dumbbells", "bands"], race=race_on(12, "10k")), ctx
    )
    found = [
        (w, s, b)
        for w in plan.weeks
        for s in w.sessions
        for b in s.blocks
        if b.exercise_id in ctx.params.eccentric_exercises
    ]
    assert found, "the runner's plan has Nordic curls"
    week, session, block = found[0]
    assert block.prescription.rest_seconds >= ctx.params.eccentric_rest_seconds
    short = block.model_copy(update={"prescription": block.prescription.model_copy(update={"rest_seconds": 45})})
    sessions = [
        s.model_copy(update={"blocks": [short if b is block else b for b in s.blocks]}) if s is session else s
        for s in week.sessions
    ]
    weeks = [week.model_copy(update={"sessions": sessions}) if w is week else w for w in plan.weeks]
    edited = plan.model_copy(update={"weeks": weeks})
    assert any(v.rule_id == "eccentric-hamstring-cap" and "45 s rest" in v.message for v in check_plan(edited, ctx))
    lived = frozenset({week.start_date})
    assert not any(v.rule_id == "eccentric-hamstring-cap" for v in check_plan(edited, ctx, lived=lived))


@settings(max_examples=examples(share=0.2), deadline=None, suppress_health_check=list(HealthCheck))
@given(profile=profiles(), offsets=st.lists(st.integers(0, 7 * 16), min_size=1, max_size=4, unique=True))
def test_no_strength_session_lands_on_a_race_in_the_running_plan(profile, offsets):
    """A tune-up race in the imported running plan (a calendar's "Testlauf") is a race day:
    no session lands on it, and the plan's own check refuses one that does (eleventh
    session: a core session sat on a Sunday tune-up half marathon)."""
    ctx = load_context()
    races = sorted({profile.start_date + dt.timedelta(days=n) for n in offsets})
    running = profile.running.model_dump() | {"dated": [{"date": d, "type": "race", "minutes": 60} for d in races]}
    profile = AthleteProfile.model_validate(profile.model_dump() | {"running": running})
    try:
        plan = build_plan(profile, ctx, least_bad=True)
    except InfeasibleWeekError:
        return
    on_race_days = [s.date for w in plan.weeks for s in w.sessions if s.date in races]
    assert not on_race_days
    assert not [v for v in check_plan(plan, ctx) if v.rule_id == "no-strength-on-race-days"]


def test_the_checker_refuses_a_session_on_a_tune_up_race():
    ctx = load_context()
    plan = build_plan(runner(race=race_on(12, "half")), ctx)
    session = plan.weeks[2].sessions[0]
    race = DatedRun(date=session.date, type=RunType.race, minutes=50)
    weeks = [w.model_copy(update={"runs": [*w.runs, race]}) if w.index == 3 else w for w in plan.weeks]
    found = check_plan(plan.model_copy(update={"weeks": weeks}), ctx)
    assert any(v.rule_id == "no-strength-on-race-days" and v.where == str(session.date) for v in found), found


WEEK_WITH_A_SATURDAY_TEMPO = [
    {"day": "tue", "type": "intervals"},
    {"day": "sat", "type": "tempo"},
    {"day": "sun", "type": "long", "minutes": 70},
]


def test_a_race_week_whose_one_day_last_weeks_session_closes_rests_instead_of_refusing_the_plan():
    """A runner training Monday, Thursday and Sunday with a Friday race: the taper's Sunday
    session closes race week's Monday, the one day far enough out. The whole plan was refused
    for race week's light session; now that week rests and says why."""
    profile = runner(
        available_days=["mon", "thu", "sun"],
        race=race_on(12, "5k", weekday=4),
        running={"weekly": WEEK_WITH_A_SATURDAY_TEMPO},
    )
    plan = build_plan(profile, load_context())
    race_week = next(w for w in plan.weeks if w.phase == "race_week")
    texts = [r.text for r in race_week.reasons]
    if race_week.sessions:  # the taper left Monday open after all: the usual promise, kept
        assert any("one light session" in t for t in texts)
        return
    assert not any("one light session" in t for t in texts), texts
    assert any(t.startswith("Race week: no day fits the light session.") and "last week's" in t for t in texts), texts


@SAME_RUNNERS
@given(profile=profiles())
def test_no_plan_is_refused_for_its_race_week(profile):
    """Race week's one light session is worth having, not worth refusing a plan for: a race
    week no day can hold rests, and says why."""
    outcome = shared_outcome(profile)
    if isinstance(outcome, InfeasibleWeekError) and profile.race is not None:
        monday = profile.race.date - dt.timedelta(days=profile.race.date.weekday())
        assert f"(from {monday})" not in str(outcome), str(outcome)
