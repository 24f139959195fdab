"""The weeks after the race: maintenance keeps what was built; a runner who comes to the race
with too little strength work to keep starts the foundation after it instead
(maintenance-after-race), and the race's recovery days still hold no strength."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from runstrong.core.model import AthleteProfile, Phase
from runstrong.core.planner import build_plan
from runstrong.core.validate import check_plan
from runstrong.core.week_days import returning_after_race
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.core.test_planner import race_on, runner

CTX = load_context()
P = CTX.params
RUNNERS = Path(__file__).parent / "runners"


def after_race(plan):
    return [w for w in plan.weeks if w.start_date > plan.profile.race.date]


@pytest.mark.parametrize("weeks_out", [1, 2, 3])
def test_a_runner_with_no_strength_behind_them_starts_the_foundation_after_the_race(weeks_out):
    plan = build_plan(runner(race=race_on(weeks_out, "5k", weekday=4)), CTX)
    after = after_race(plan)
    assert after and all(w.phase == Phase.foundation for w in after)
    unlock = P.third_session_weeks[plan.profile.strength_experience]
    assert len(after) == max(P.post_race_weeks, P.min_foundation_weeks, unlock - len(plan.weeks) + len(after))
    assert all(len(w.sessions) == P.foundation_sessions for w in after[1:])  # two a week, not maintenance's one
    said = [r.text for r in after[0].reasons if r.rule_id == "maintenance-after-race"]
    assert any("nothing to maintain yet" in t for t in said), said
    assert not check_plan(plan, CTX)


def test_a_runner_with_strength_behind_them_keeps_maintenance_after_the_race():
    plan = build_plan(
        runner(race=race_on(2, "5k", weekday=4), consistent_strength_weeks=P.maintenance_min_built_weeks), CTX
    )
    assert [w.phase for w in after_race(plan)] == [Phase.maintenance] * P.post_race_weeks


def test_a_plan_long_enough_to_build_keeps_maintenance_after_the_race():
    plan = build_plan(runner(race=race_on(P.maintenance_min_built_weeks + P.taper_weeks, "10k")), CTX)
    assert [w.phase for w in after_race(plan)] == [Phase.maintenance] * P.post_race_weeks


def test_the_foundation_after_a_marathon_waits_for_the_recovery_days():
    plan = build_plan(runner(race=race_on(2, "marathon")), CTX)  # a Sunday marathon: eight days to recover
    race, back = plan.profile.race.date, plan.profile.race.date + dt.timedelta(days=P.recovery_days["marathon"])
    after = after_race(plan)
    assert after[0].phase == Phase.foundation and not after[0].sessions
    assert any("no strength until" in r.text for r in after[0].reasons)
    assert all(s.date >= back for w in after for s in w.sessions)
    assert any(w.sessions for w in after) and race < back
    assert not check_plan(plan, CTX)


def test_a_plan_that_starts_in_the_taper_says_the_building_starts_after_the_race():
    plan = build_plan(runner(race=race_on(2, "5k", weekday=4)), CTX)
    first = plan.weeks[0]
    assert first.phase == Phase.taper
    assert any(
        "foundation starts after the race" in r.text for r in first.reasons if r.rule_id == "maintenance-after-race"
    )
    built = build_plan(runner(race=race_on(2, "5k", weekday=4), consistent_strength_weeks=8), CTX)
    assert not any("foundation starts after the race" in r.text for w in built.weeks for r in w.reasons)


def _heaviest_by_week(plan):
    out: dict[str, list] = {}
    for w in plan.weeks:
        found: dict[str, float] = {}
        for b in (b for s in w.sessions for b in s.blocks if b.prescription.load_kg):
            found[b.exercise_id] = max(found.get(b.exercise_id, 0.0), b.prescription.load_kg)
        for ex, kg in found.items():
            out.setdefault(ex, []).append((w, kg))
    return out


@pytest.mark.parametrize("name", ["masters_10k_pounds.toml", "pounds_runner.toml", "advanced_three_sessions.toml"])
def test_the_taper_never_lifts_more_than_the_week_before_it_and_maintenance_climbs_back_to_what_was_built(name):
    """A lift on light days for ten weeks (60 lb) got its first full day in the taper, at 75 lb
    and two reps from failure; after the race maintenance kept race week's light load for
    good. The taper lifts no more than the last loading week did, and maintenance climbs
    back a step a week toward the load built, never past it."""
    from pathlib import Path

    from runstrong.io.profile_file import load_profile

    plan = build_plan(load_profile(Path(__file__).parent / "runners" / name), CTX)
    for ex, weeks in _heaviest_by_week(plan).items():
        loading = [kg for w, kg in weeks if w.phase in (Phase.build, Phase.race_specific, Phase.foundation)]
        for (w0, kg0), (w1, kg1) in itertools.pairwise(weeks):
            if w1.phase == Phase.taper and w0.phase != Phase.taper and w1.index == w0.index + 1:
                assert kg1 <= kg0, (ex, w1.index, kg0, kg1)
            if w1.phase == Phase.maintenance and loading:
                assert kg1 <= max(loading) + 1e-6, (ex, w1.index, kg1, max(loading))
        kept = [kg for w, kg in weeks if w.phase == Phase.maintenance]
        if len(kept) >= 2:
            assert kept[-1] >= kept[0], (ex, kept)  # from the first days back, it climbs


def test_petes_first_week_back_after_a_short_runways_race_keeps_race_weeks_loads():
    """Pete (cr22a W5: a half in five weeks, dumbbells to 12.5 kg on 2.5 kg steps): his RDL was
    3 x 10 @ 12.5 kg in week 3 and 1 x 10 @ 10 kg in race week; the foundation week after the
    race gave 3 x 11 @ 7.5 kg (his soleus raise 10 -> 5 kg), and the 5% step rule held it there.
    Race week's light set had taught the walk a low e1RM, and the floor at race week's load was
    kept for maintenance only. The first week back is at race week's load now."""
    plan = build_plan(load_profile(RUNNERS / "duathlete_half_in_five_weeks_knee.toml"), load_context())
    race_week = next(w for w in plan.weeks if w.phase == Phase.race_week)
    after = [w for w in plan.weeks if w.start_date > plan.profile.race.date and w.sessions]
    assert after and after[0].phase == Phase.foundation

    def loads(week):  # type: ignore[no-untyped-def]
        return {
            b.exercise_id: b.prescription.load_kg for s in week.sessions for b in s.blocks if b.prescription.load_kg
        }

    was = loads(race_week)
    assert was["dumbbell_romanian_deadlift"] == 10.0 and was["seated_soleus_raise"] == 7.5
    for w in after:
        now = loads(w)
        for ex in ("dumbbell_romanian_deadlift", "seated_soleus_raise"):
            assert now[ex] >= was[ex], (w.index, ex, was[ex], now[ex])


def test_a_light_day_back_after_the_race_does_not_lower_the_first_full_day_under_race_weeks_load():
    """A 16-year-old novice, 75 kg, dumbbells and a kettlebell, a 5K on Sun 2 May (the closing CI's draw of the
    twenty-fourth session): race week's kettlebell deadlift 1 x 12 @ 20 kg at RIR 4; the
    Wednesday back is light (a long run on Thursday), 1 x 12 @ 16 kg; the first full day,
    Monday 10 May, still inside the easy days back, was 2 x 12 @ 16 kg: the floor at race
    week's load read the light Wednesday's as race week's. A coach keeps the load and eases
    sets and effort in the easy days (maintenance-after-race): 2 x 12 @ 20 kg at RIR 4."""
    profile = AthleteProfile.model_validate_json(
        (RUNNERS / "teen_5k_first_full_day_back_after_a_light_day.json").read_text()
    )
    plan = build_plan(profile, CTX)
    lift = "kettlebell_deadlift"

    def days(week):  # type: ignore[no-untyped-def]
        return [(s.date, b) for s in week.sessions for b in s.blocks if b.exercise_id == lift]

    race_week = next(w for w in plan.weeks if w.phase == Phase.race_week)
    ((_, raced),) = days(race_week)
    assert (raced.prescription.reps, raced.prescription.load_kg) == (12, 20.0)
    back = [(d, b) for w in after_race(plan) for d, b in days(w)]
    light = [b for _, b in back if "light-before-key-runs" in b.rule_ids]
    full = [(d, b) for d, b in back if "light-before-key-runs" not in b.rule_ids]
    assert light and full  # the kind: a light day back before the first full one
    first_day, first = full[0]
    assert returning_after_race(profile, first_day, P)  # inside the easy days back
    assert first.prescription.load_kg == 20.0, first.prescription  # was 16 kg
    assert first.prescription.intensity.value >= P.race_close_min_rir
    assert not check_plan(plan, CTX)


def test_a_week_whose_training_days_all_fall_inside_the_races_recovery_is_planned_empty_not_refused():
    """cr25a F8: Aiko lifts on Mondays and Thursdays; the week after her half (Sun 17 Jan, recovery
    until Fri 22 Jan) has both inside the recovery days. The plan was refused (exit 2, "--least-bad");
    the rules leave that week empty, so it is planned empty and says why."""
    profile = load_profile(RUNNERS / "aiko_half_mon_thu_all_days_inside_recovery.toml")
    plan = build_plan(profile, CTX)
    first = after_race(plan)[0]
    assert first.phase == Phase.maintenance and not first.sessions
    said = [r.text for r in first.reasons if r.rule_id == "maintenance-after-race"]
    assert any("no strength until Fri 22 Jan" in t and "(Mon and Thu)" in t for t in said), said
    assert after_race(plan)[1].sessions  # the week after it lifts again
    assert not check_plan(plan, CTX)
