"""A pain ladder's pace (coach read cr22b S1): a rung is held for the pain-monitoring rule's
calm weeks (calm_weeks_per_rung) before the next, never a rung a week. Ines's Achilles went
from isometric calf holds to pogo hops in three calm weeks, and was back on hops two weeks
after a 4/10 flare. A calm week is the rung's work logged with the area's pain reported in
the zone and settled; a week with no pain report (the diary's pain question skipped), or
without the rung's work, counts nothing; a flare or an unsettled morning starts the count
again. The count lives on the review's adjustment, so a review run again changes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from hypothesis import assume, example, given
from hypothesis import strategies as st

from runstrong.core.diary import PainReport
from runstrong.core.model import AthleteProfile, PainArea, Plan
from runstrong.core.pain_return import calm_weeks_for_week, rungs_for_week
from runstrong.core.review.metrics import DiaryWindow
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .helpers import LIBRARY, REGISTRY, SETTINGS, any_profile, picks, plan_of
from .scenarios import CALM, DAY, done_as_planned, reviewed_and_applied, week_end, week_of
from .test_review_sequences import joined

LADDERS = load_context().ladders
NEED = int(REGISTRY.param("pain-monitoring", "calm_weeks_per_rung"))
ACCEPTABLE = int(REGISTRY.param("pain-monitoring", "acceptable_during"))
INES = load_profile(Path(__file__).parents[1] / "core" / "runners" / "ines_half_achilles_ladder_pace.toml")
AREAS = sorted((x.area for x in LADDERS.ladder), key=lambda a: a.value)
KINDS = ("calm", "flare", "missed", "silent", "again")
# (during, next morning) of each kind of week that reports pain; a flare is 4/10, past the zone
SCORES = {"calm": (1, 0), "flare": (ACCEPTABLE + 1, ACCEPTABLE)}


def week_diary(plan: Plan, week_start: dt.date, kind: str, area: PainArea) -> DiaryWindow:
    """One week: done as planned with the area's pain reported calm (1/10, 0/10 the next
    morning) or flared (4/10, 3/10), done with no pain report at all ("silent"), or missed."""
    week = week_of(plan, week_start)
    if kind == "missed" or week is None:
        return DiaryWindow()
    done = done_as_planned(plan, week_end(week), since=week_start, seed=0, wellness=CALM)
    if kind == "silent":
        return dataclasses.replace(done, pains=())
    first = min((s.date for s in done.sessions), default=week_start)
    during, morning = SCORES[kind]
    pains = (
        PainReport(date=first, area=area, score=during, when="during"),
        PainReport(date=first + DAY, area=area, score=morning, when="next_morning"),
    )
    return dataclasses.replace(done, pains=pains)


def state(profile: AthleteProfile, week_start: dt.date, area: PainArea) -> tuple[int | None, int]:
    return dict(rungs_for_week(profile, week_start, LADDERS)).get(area), calm_weeks_for_week(
        profile, week_start, LADDERS
    ).get(area, 0)


def hold_dose(plan: Plan, week_start: dt.date, exercise_id: str) -> tuple[int, int] | None:
    """(sets, seconds) of the week's first block of `exercise_id`, if any."""
    week = week_of(plan, week_start)
    blocks = [b for s in (week.sessions if week else ()) for b in s.blocks if b.exercise_id == exercise_id]
    return (blocks[0].prescription.sets, blocks[0].prescription.seconds or 0) if blocks else None


def test_ines_achilles_climbs_after_three_calm_weeks_and_a_flare_starts_the_count_again():
    """cr22b S1, walked review by review: four calm weeks, a 4/10 flare, three calm weeks.
    Before: a rung a calm week (holds, slow heavy work, functional work, then hops by the
    fourth review). After: the holds for three calm weeks (the review says "1 of 3", "2 of 3"),
    slow heavy work after the third; the flare takes her back to the holds with the count at
    none; the holds again for three calm weeks. Each review run again changes nothing."""
    plan = plan_of(INES)
    assert plan is not None
    area, profile, diary = PainArea.achilles, INES, DiaryWindow()
    kinds = ["calm", "calm", "calm", "calm", "flare", "calm", "calm", "calm"]
    want = [(0, 1), (0, 2), (1, 0), (1, 1), (0, 0), (0, 1), (0, 2), (1, 0)]  # (rung, calm weeks) after each
    weeks = [w for w in plan.weeks if w.sessions][1 : 1 + len(kinds)]  # from her first full week
    got, words = [], []
    for kind, week in zip(kinds, weeks, strict=True):
        diary = joined(diary, week_diary(plan, week.start_date, kind, area))
        reviewed = week_of(plan, week.start_date)
        assert reviewed is not None
        review, new_profile, new_plan = reviewed_and_applied(plan, profile, diary, reviewed, LIBRARY, REGISTRY)
        _, same_profile, _ = reviewed_and_applied(new_plan, new_profile, diary, reviewed, LIBRARY, REGISTRY)
        assert same_profile.adjustments == new_profile.adjustments, f"{week.start_date}: a re-run review changed it"
        (said,) = [d for d in review.decisions if d.scope == area.value]
        words.append(" ".join(said.text.split()))
        profile, plan = new_profile, new_plan
        got.append(state(profile, review.next_week_start, area))
    assert got == want, (got, words)
    assert "1 of 3 calm weeks on isometric holds" in words[0] and "after 2 more calm weeks" in words[0], words[0]
    assert "2 of 3 calm weeks on isometric holds" in words[1], words[1]
    assert "the next rung, slow heavy work (Seated soleus raise), after one more calm week" in words[1], words[1]
    assert "3 of 3 calm weeks on isometric holds: up to rung 2 of 4" in words[2], words[2]
    assert "It climbs again after 3 calm weeks there" in words[4], words[4]


def test_ines_holds_grow_week_to_week_on_their_rung():
    """cr22b S1 (2): the weeks on a rung are a progression, not a repeat: the calf hold's
    seconds (or sets) grow from one full week on it to the next, within the rung."""
    plan = plan_of(INES)
    assert plan is not None
    area, profile, diary = PainArea.achilles, INES, DiaryWindow()
    weeks = [w for w in plan.weeks if w.sessions and not w.deload][1:3]
    doses = [hold_dose(plan, weeks[0].start_date, "isometric_calf_hold")]
    for week in weeks[:-1]:
        diary = joined(diary, week_diary(plan, week.start_date, "calm", area))
        _, profile, plan = reviewed_and_applied(plan, profile, diary, week, LIBRARY, REGISTRY)
    doses.append(hold_dose(plan, weeks[-1].start_date, "isometric_calf_hold"))
    assert None not in doses and doses[1] > doses[0], doses  # type: ignore[operator]
    week = week_of(plan, weeks[-1].start_date)
    reasons = [
        x.text for s in week.sessions for b in s.blocks for x in b.reasons if b.exercise_id == "isometric_calf_hold"
    ]
    assert any("calm weeks" in x for x in reasons), reasons


def walk(profile: AthleteProfile, area: PainArea, pick: int, kinds: list[str]) -> None:
    """Review week after week, one kind of week each ("again": the last review run again),
    checking each climb against the calm weeks the walk itself counted on the rung."""
    plan = plan_of(profile)
    assume(plan is not None)
    weeks = [w.start_date for w in plan.weeks if w.sessions]
    assume(len(weeks) > 1)
    week_start, last, diary = weeks[pick % (len(weeks) - 1)], None, DiaryWindow()
    counted = 0  # calm weeks done on the current rung, as the walk counts them (an upper bound of the review's)
    for kind in kinds:
        reviewed = week_of(plan, week_start)
        if reviewed is None:
            return
        if kind == "again" and last is not None:
            _, again, _ = reviewed_and_applied(plan, profile, diary, last, LIBRARY, REGISTRY)
            assert again.adjustments == profile.adjustments, "the same review run again changed the profile"
            continue
        kind = "missed" if kind == "again" else kind
        was = state(profile, week_start, area)
        diary = joined(diary, week_diary(plan, week_start, kind, area))
        review, profile, plan = reviewed_and_applied(plan, profile, diary, reviewed, LIBRARY, REGISTRY)
        now = state(profile, review.next_week_start, area)
        counted = counted + 1 if kind == "calm" else 0 if kind == "flare" else counted
        if was[0] is not None and now[0] is not None and was[0] >= 0 and now[0] > was[0]:
            assert kind == "calm", (kind, was, now)  # never on a week without its work, a flare or no report
            assert counted >= NEED and was[1] == NEED - 1, (kinds, counted, was, now)
        if now[0] != was[0]:
            counted = 0
        assert now[1] <= min(counted, NEED), (kinds, counted, was, now)
        last, week_start = reviewed, week_start + 7 * DAY


@SETTINGS
@example(profile=INES, area=PainArea.achilles, pick=1, kinds=["calm", "calm", "flare", "calm", "again", "calm"])
@example(profile=INES, area=PainArea.achilles, pick=1, kinds=["calm", "silent", "calm", "missed", "calm", "calm"])
@given(
    profile=any_profile,
    area=st.sampled_from(AREAS),
    pick=picks,
    kinds=st.lists(st.sampled_from(KINDS), min_size=2, max_size=6),
)
def test_no_rung_is_climbed_before_its_calm_weeks_nor_on_a_week_without_them(profile, area, pick, kinds):
    runner = profile.model_copy(update={"pain_areas": sorted({*profile.pain_areas, area}, key=lambda a: a.value)})
    walk(runner, area, pick, kinds)
