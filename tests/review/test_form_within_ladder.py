"""A form swap stays within a painful area's ladder (review-regress, pain-graded-return): a lift
that is the area's rung work gives way only to an easier exercise of its rung or the rung
below; with none, it keeps its place and the rung holds. Before, the Achilles ladder's
isometric calf hold whose form broke down gave way to "Calf raise instead", a lift past the
Achilles rung: next week held neither and said nothing (the twenty-second session's Left)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, given

from runstrong.core.model import AthleteProfile, PainArea, Phase
from runstrong.core.pain_return import rungs_for_week
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.core.strategies import profiles_on_ladders

from .helpers import LIBRARY, REGISTRY, SETTINGS, picks, plan_of, seeds
from .scenarios import CALM, done_as_planned, next_week, reviewed_and_applied, week_end, week_of, with_broken_form

LADDERS = load_context().ladders
HELEN = load_profile(Path(__file__).parents[1] / "core" / "runners" / "masters_achilles.toml")


def rung_lifts(profile, week) -> list[tuple]:  # type: ignore[no-untyped-def]
    """(exercise id, area, rung) for each lift of `week` on a laddered area's ladder at or below its rung."""
    ids = {b.exercise_id for s in week.sessions for b in s.blocks}
    out = []
    for area, rung in rungs_for_week(profile, week.start_date, LADDERS):
        lad = LADDERS.get(area)
        out += [(x, area, rung) for x in sorted(ids) if rung >= 0 and (at := lad.rung_of(x)) is not None and at <= rung]
    return out


def holds_ladder_work(week, area, rung: int) -> bool:  # type: ignore[no-untyped-def]
    ids = {b.exercise_id for s in week.sessions for b in s.blocks}
    return any(x in ids for step in LADDERS.get(area).rungs[: rung + 1] for x in step.exercises)


def broken_review(profile, plan, week, lift: str, quality: int = 2):  # type: ignore[no-untyped-def]
    diary = with_broken_form(done_as_planned(plan, week_end(week), wellness=CALM), lift, week.start_date,
                             week_end(week), quality)  # fmt: skip
    return reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)


def test_helens_isometric_calf_hold_keeps_its_place_when_its_form_breaks_down():
    """Helen's Achilles on its first rung (the isometric calf hold, nothing below it): form
    broke down in week 1, so the hold stays next week, the rung holds and the review says so;
    no swap to a calf raise past her rung."""
    plan = plan_of(HELEN)
    week = plan.weeks[0]
    assert ("isometric_calf_hold", HELEN.pain_areas[0], 0) in rung_lifts(HELEN, week)
    review, profile, new_plan = broken_review(HELEN, plan, week, "isometric_calf_hold")
    (d,) = [d for d in review.decisions if d.scope == "isometric_calf_hold"]
    assert d.action == "hold" and d.rule_ids == ["review-regress", "pain-graded-return"], d.text
    assert "nothing easier on or below its rung" in d.text
    assert not [s for s in review.swaps if s.from_id == "isometric_calf_hold"]
    after = week_of(new_plan, next_week(plan, week).start_date)
    assert "isometric_calf_hold" in {b.exercise_id for s in after.sessions for b in s.blocks}
    assert dict(rungs_for_week(profile, after.start_date, LADDERS))[HELEN.pain_areas[0]] == 0


@SETTINGS
@given(profile=profiles_on_ladders(), pick=picks, seed=seeds)
def test_a_form_swap_never_leaves_a_week_without_the_areas_rung_work(profile, pick, seed):
    """Over generated runners on ladders: the form breaks down on a lift that is a laddered
    area's rung work in a calm week; next week still holds work of that area's ladder at or
    below its rung (an easier lift of the rung or the one below, or the lift itself), wherever
    the plan before the review held it, and any swap's lift is within the ladder."""
    plan = plan_of(profile)
    assume(plan is not None)
    weeks = [w for w in plan.weeks if w.sessions]
    assume(weeks)
    week = weeks[pick % len(weeks)]
    after = next_week(plan, week)
    found = rung_lifts(profile, week)
    assume(after is not None and found)
    lift, area, rung = found[seed % len(found)]
    assume(holds_ladder_work(after, area, rung))  # the plan before the review gave next week the area's work
    review, new_profile, new_plan = broken_review(profile, plan, week, lift, 1 + seed % 2)
    new_after = week_of(new_plan, after.start_date)
    now = dict(rungs_for_week(new_profile, new_after.start_date, LADDERS)).get(area)
    assume(now is not None and now >= rung)  # the review kept the area on its ladder, no lower
    assert holds_ladder_work(new_after, area, rung), (lift, area.value, sorted(
        {b.exercise_id for s in new_after.sessions for b in s.blocks}))  # fmt: skip
    for swap in (x for x in review.swaps if x.from_id == lift and x.to_id):
        at = LADDERS.get(area).rung_of(swap.to_id)
        assert at is not None and at <= rung, (lift, swap.to_id, area.value, rung)


def test_a_rung_lift_regressed_in_the_taper_keeps_race_weeks_calf_work():
    """A 16-year-old novice, bodyweight, Achilles on its slow-heavy rung (a single-leg calf
    raise) and knee on its isometric one, a 5K on Thu 13 May: form broke down on the calf raise
    in the taper, so the review swapped in the two-legged calf raise; race week's one session
    then held no calf work at all (the swap dropped the rung's reason, so the session that
    must hold every rung's work no longer knew it for one). The easier lift takes the rung's place."""
    profile = AthleteProfile.model_validate_json(
        (
            Path(__file__).parents[1] / "core" / "runners" / "teen_achilles_calf_raise_form_broke_in_the_taper.json"
        ).read_text()
    )
    plan = plan_of(profile)
    week = next(w for w in plan.weeks if w.phase == Phase.taper and any(
        b.exercise_id == "single_leg_calf_raise" for s in w.sessions for b in s.blocks))  # fmt: skip
    review, _, new_plan = broken_review(profile, plan, week, "single_leg_calf_raise", 1)
    assert [(s.from_id, s.to_id) for s in review.swaps] == [("single_leg_calf_raise", "calf_raise")]
    race_week = week_of(new_plan, next_week(plan, week).start_date)
    assert race_week.phase == Phase.race_week
    assert "calf_raise" in {b.exercise_id for s in race_week.sessions for b in s.blocks}
    assert holds_ladder_work(race_week, PainArea.achilles, 1)
