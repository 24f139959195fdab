"""A pain ladder climbs only from a week that did the rung's work (coach read cr20a, finding
2: Nadia's strained calf went from isometric holds to slow heavy work after a first partial
week and a race week whose sessions held no calf work at all). A week whose plan left the
rung's work out (a partial first week, race week, taper, maintenance, a trim under the time
cap, a light day's swap) waits, as a week whose rung work was missed does, and says why."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from hypothesis import assume, example, given
from hypothesis import strategies as st

from runstrong.core.diary import PainReport
from runstrong.core.pain_return import rung_exercise, rungs_for_week
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .helpers import LIBRARY, REGISTRY, SETTINGS, any_profile, picks, plan_of
from .scenarios import CALM, DAY, done_as_planned, one_calm_week_short, reviewed_and_applied, week_end, week_of

LADDERS = load_context().ladders
ACCEPTABLE = int(REGISTRY.param("pain-monitoring", "acceptable_during"))
NADIA = load_profile(Path(__file__).parents[1] / "core" / "runners" / "nadia_calf_sat_start.toml")
AREAS = sorted((x.area for x in LADDERS.ladder), key=lambda a: a.value)


@SETTINGS
@example(profile=NADIA, area=NADIA.pain_areas[0], pick=0, kept=[True] * 7, score=1)  # her Saturday start
@example(profile=NADIA, area=NADIA.pain_areas[0], pick=3, kept=[True] * 7, score=2)  # her race week
@given(
    profile=any_profile,
    area=st.sampled_from(AREAS),
    pick=picks,
    kept=st.lists(st.booleans(), min_size=7, max_size=7),
    score=st.integers(0, ACCEPTABLE),
)
def test_a_ladder_climbs_only_from_a_week_whose_log_holds_its_rungs_work(profile, area, pick, kept, score):
    runner = profile.model_copy(update={"pain_areas": [area]})
    plan = plan_of(runner)
    assume(plan is not None)
    weeks = [w for w in plan.weeks if w.sessions]  # a first partial week, race week and maintenance too
    assume(weeks)
    week = weeks[pick % len(weeks)]
    lad, rung = LADDERS.get(area), dict(rungs_for_week(runner, week.start_date, LADDERS)).get(area)
    assume(lad is not None and rung is not None and rung >= 0)
    kit, level = runner.equipment_items, runner.strength_experience
    found = rung_exercise(lad, rung, LIBRARY, kit, level, frozenset(runner.pain_areas))
    assume(found)
    runner = one_calm_week_short(runner, week.start_date)  # a calm week would climb: only with the rung's work
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    sessions = tuple(s for s in diary.sessions if s.date < week.start_date or kept[(s.date - week.start_date).days])
    pains = (
        PainReport(date=week.start_date, area=area, score=score, when="during"),
        PainReport(date=week.start_date + DAY, area=area, score=0, when="next_morning"),
    )
    diary = dataclasses.replace(
        diary, sessions=sessions, pains=tuple(sorted([*diary.pains, *pains], key=lambda p: p.date))
    )
    review, _, _ = reviewed_and_applied(plan, runner, diary, week, LIBRARY, REGISTRY)
    (adjust,) = [a for a in review.adjustments if a.week_start == review.next_week_start] or [None]
    climbed = adjust is not None and adjust.pain_rungs.get(area, rung) > rung
    said = [d for d in review.decisions if d.scope == area.value and d.action == "progress"]
    logged = {x.exercise_id for s in sessions if s.date >= week.start_date for x in s.sets}
    if climbed or said:  # the rung's work: its own lifts, or the stand-in the plan gives it (cr24a F2)
        work = {*lad.rungs[rung].exercises, found[0].id}
        assert logged & work, (area.value, rung, sorted(logged), [d.text for d in said])


NAMED = re.compile(
    r"rung \d+ of \d+ of its return ladder(?:, [a-z ]+ \(|"
    r" \(nothing of its [a-z ]+ fits your kit: )([^,)]+(?:\([^)]*\))?)[^)]*\) next week"
)


@SETTINGS
@example(profile=NADIA, area=NADIA.pain_areas[0], pick=2, kept=[True] * 7, score=1)  # her taper week
@given(
    profile=any_profile,
    area=st.sampled_from(AREAS),
    pick=picks,
    kept=st.lists(st.booleans(), min_size=7, max_size=7),
    score=st.integers(0, 10),
)
def test_a_review_promises_rung_work_next_week_only_when_next_week_has_a_session(profile, area, pick, kept, score):
    runner = profile.model_copy(update={"pain_areas": [area]})
    plan = plan_of(runner)
    assume(plan is not None)
    weeks = [w for w in plan.weeks if w.sessions]
    assume(weeks)
    week = weeks[pick % len(weeks)]
    runner = one_calm_week_short(runner, week.start_date)  # a calm week would climb: only with the rung's work
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    sessions = tuple(s for s in diary.sessions if s.date < week.start_date or kept[(s.date - week.start_date).days])
    pains = (PainReport(date=week.start_date, area=area, score=score, when="during"),)
    diary = dataclasses.replace(
        diary, sessions=sessions, pains=tuple(sorted([*diary.pains, *pains], key=lambda p: p.date))
    )
    review, _, new_plan = reviewed_and_applied(plan, runner, diary, week, LIBRARY, REGISTRY)
    nxt = week_of(new_plan, review.next_week_start)
    held = {LIBRARY.get(b.exercise_id).name for s in (nxt.sessions if nxt else ()) for b in s.blocks}
    for d in review.decisions:
        named = NAMED.findall(" ".join(d.text.split()))
        if not held:  # a week without a session (after the race, past the plan's end) is promised nothing
            assert not named, d.text
        else:  # a ladder's rung comes every week the runner lifts (see tests/core/test_rungs_delivered.py)
            assert set(named) <= held, (d.text, sorted(held))


SHIN = load_profile(Path(__file__).parents[1] / "core" / "runners" / "teen_5k_shin_bands_taper_review.toml")


def test_a_rung_the_review_would_move_up_in_the_taper_waits_in_race_week_on_the_rung_it_names():
    """A calm review of her taper week would move the shin up to slow heavy work (a calf raise)
    in race week. Once the replanned race week dropped the named lift (twenty-first session,
    fixed); now nothing new comes in before the race (race-close-no-new-work, cr22a S2): the
    rung holds, the decision says so and names what comes after it, and race week holds the
    rung it names, not the calf raise."""
    plan = plan_of(SHIN)
    assert plan is not None
    week = next(w for w in plan.weeks if w.phase.value == "taper")
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    pain = PainReport(date=week.start_date, area=SHIN.pain_areas[0], score=3, when="during")
    diary = dataclasses.replace(diary, pains=tuple(sorted([*diary.pains, pain], key=lambda p: p.date)))
    shin = one_calm_week_short(SHIN, week.start_date)  # the calm taper week would climb but for the race
    review, _, new_plan = reviewed_and_applied(plan, shin, diary, week, LIBRARY, REGISTRY)
    nxt = week_of(new_plan, review.next_week_start)
    assert nxt is not None and nxt.phase.value == "race_week"
    (said,) = [d for d in review.decisions if d.scope == SHIN.pain_areas[0].value]
    text = " ".join(said.text.split())
    assert said.action == "wait" and "until after the race" in text and "Calf raise comes after it" in text
    stays = re.search(r"stays on rung \d+ of \d+ of its return ladder, [a-z ]+ \(([^)]+)\)", text)
    held = {LIBRARY.get(b.exercise_id).name for s in nxt.sessions for b in s.blocks}
    assert stays is not None and stays.group(1) in held
    assert "Calf raise" not in held
