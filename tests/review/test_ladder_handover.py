"""The end of a pain ladder (pain-ladder-handover, coach read cr22b W1): an area that held its
top rung calm for the rule's weeks is through its ladder; the review says so and the plan gives
the area's usual work back in its slot, lighter, stepping up. Before, the top rung stood in for
the area's strength work for good: no calf loading in weeks 6-12 of a marathon build, and Hana's
hinge never came back after many 0/10 weeks."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from runstrong.core.diary import PainReport
from runstrong.core.model import Role
from runstrong.core.pain_return import rung_exercise, through_ladder
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .helpers import LIBRARY, REGISTRY, SETTINGS, any_profile, plan_of
from .scenarios import CALM, DAY, done_as_planned, reviewed_and_applied, week_end, week_of

LADDERS = load_context().ladders
CALM_WEEKS = int(REGISTRY.param("pain-ladder-handover", "calm_weeks"))
HANA = load_profile(Path(__file__).parents[1] / "core" / "runners" / "hana_hamstring_top_rung.toml")
AREAS = sorted((x.area for x in LADDERS.ladder), key=lambda a: a.value)


def calm_reports(plan, area, until: dt.date) -> tuple[PainReport, ...]:  # type: ignore[no-untyped-def]
    """0/10 during and the next morning on each week's first session day, up to `until`."""
    out = []
    for w in plan.weeks:
        if w.sessions and w.sessions[0].date <= until:
            day = w.sessions[0].date
            out += [PainReport(date=day, area=area, score=0, when="during"),
                    PainReport(date=day + DAY, area=area, score=0, when="next_morning")]  # fmt: skip
    return tuple(out)


def walk_calm_weeks(profile, area, weeks: int):  # type: ignore[no-untyped-def]
    """Review `weeks` calm weeks in turn from the plan's first, each applied before the next:
    the reviews, and the last profile and plan."""
    plan, reviews = plan_of(profile), []
    for k in range(weeks):
        week = [w for w in plan.weeks if w.sessions][k]
        diary = done_as_planned(plan, week_end(week), wellness=CALM)
        diary = dataclasses.replace(diary, pains=calm_reports(plan, area, week_end(week)))
        review, profile, plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
        reviews.append((week, review))
    return reviews, profile, plan


def area_decision(review, area):  # type: ignore[no-untyped-def]
    return next(d for d in review.decisions if d.scope == area.value)


def test_hanas_hinge_comes_back_after_three_calm_weeks_on_her_top_rung():
    """Hana's hamstring on the kettlebell swing from week 1, 0/10 every week: weeks 1 and 2
    say how many calm weeks are still to come; week 3's review ends the ladder, and week 4
    holds her Romanian deadlift again (lighter) and no swing."""
    (area,) = HANA.pain_areas
    reviews, profile, plan = walk_calm_weeks(HANA, area, CALM_WEEKS)
    for k, (_, review) in enumerate(reviews[:-1], start=1):
        d = area_decision(review, area)
        assert f"({k} of {CALM_WEEKS} calm weeks)" in d.text and "pain-ladder-handover" in d.rule_ids, d.text
    last_week, last = reviews[-1]
    d = area_decision(last, area)
    assert "through it. The ladder ends next week" in d.text and "pain-ladder-handover" in d.rule_ids, d.text
    after = week_of(plan, last_week.start_date + 7 * DAY)
    assert area in through_ladder(profile, after.start_date, LADDERS)
    ids = {b.exercise_id for s in after.sessions for b in s.blocks}
    assert "kettlebell_swing" not in ids
    back = [b for s in after.sessions for b in s.blocks if "pain-ladder-handover" in b.rule_ids]
    assert any(b.exercise_id == "romanian_deadlift" for b in back), sorted(ids)
    assert any("started lighter and stepping up" in r.text for b in back for r in b.reasons)


@SETTINGS
@given(profile=any_profile, area=st.sampled_from(AREAS))
def test_an_area_calm_through_its_top_rung_gets_its_category_work_back(profile, area):
    """Over generated runners with an area on its ladder's top rung from the start: after the
    rule's calm weeks (each doing the rung's work, 0/10), the ladder has ended, the review said
    so citing the rule, and the next week's lifts are chosen as for a calm area: no block is
    there for the area's ladder, and the area's usual work (a lift of the ladder's category
    that loads it) is back unless the runner's kit offers none."""
    lad = LADDERS.get(area)
    runner = profile.model_copy(update={"pain_areas": [area]})
    start = runner.start_date - dt.timedelta(days=runner.start_date.weekday())
    runner = runner.model_validate(
        {**runner.model_dump(mode="json"), "adjustments": [{"week_start": str(start), "pain_rungs": {area.value: 3}}]}
    )
    plan = plan_of(runner)
    assume(plan is not None)
    weeks = [w for w in plan.weeks if w.sessions][: CALM_WEEKS + 1]
    assume(len(weeks) == CALM_WEEKS + 1 and all(w.phase.value in ("foundation", "build") for w in weeks))
    kit, level = runner.equipment_items, runner.strength_experience
    top = rung_exercise(lad, lad.top, LIBRARY, kit, level, frozenset(runner.pain_areas), hops=False)
    assume(top is not None and top[1] == lad.top)
    lifts = [{b.exercise_id for s in w.sessions for b in s.blocks} for w in weeks[:CALM_WEEKS]]
    assume(all(ids & set(lad.rungs[lad.top].exercises) for ids in lifts))  # the top rung's work every week
    reviews, new_profile, new_plan = walk_calm_weeks(runner, area, CALM_WEEKS)
    week, last = reviews[-1]
    d = area_decision(last, area)
    if "until after the race" in d.text:  # nothing new comes in before a race: the handover waits
        return
    assert "pain-ladder-handover" in d.rule_ids and "through it" in d.text, d.text
    after = week_of(new_plan, week.start_date + 7 * DAY)
    assert area in through_ladder(new_profile, after.start_date, LADDERS)
    blocks = [b for s in after.sessions for b in s.blocks]
    for b in blocks:
        assert not any(r.rule_id == "pain-graded-return" and area.value in r.text for r in b.reasons), b.exercise_id
    calm = week_of(plan_of(profile.model_copy(update={"pain_areas": []})), after.start_date)
    primaries = [b for s in calm.sessions for b in s.blocks if b.role == Role.primary] if calm is not None else []
    if any(loads(b.exercise_id, area) for b in primaries):  # a calm runner's week has the area's usual work
        back = [b for b in blocks if "pain-ladder-handover" in b.rule_ids]
        assert back and all(loads(b.exercise_id, area) for b in back), sorted({b.exercise_id for b in blocks})


def loads(exercise_id: str, area) -> bool:  # type: ignore[no-untyped-def]
    e = LIBRARY.get(exercise_id)
    return area in e.loads or area in e.contraindications
