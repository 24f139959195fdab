"""What a review asks of next week lives in the profile's adjustment, not in the one plan
version the review wrote: a later replan from an edited profile keeps the painful side's
"Go easy on your left knee…" cue on next week's single-leg work."""

from __future__ import annotations

import datetime as dt

from runstrong.core.model import PainArea, Role
from tests.review.helpers import LIBRARY, MAYA, REGISTRY, plan_of
from tests.review.scenarios import CALM, DAY, done_as_planned, reviewed_and_applied, week_end, week_of
from tests.review.test_pain_monitoring import knee, split_squat_week, with_reports


def _cues(week) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [b.cues for s in week.sessions for b in s.blocks
            if b.role in (Role.primary, Role.accessory) and b.prescription.per_side]  # fmt: skip


def _go_easy(week) -> list[str]:  # type: ignore[no-untyped-def]
    return [c for cues in _cues(week) for c in cues if c.startswith("Go easy on your left knee")]


def test_the_painful_sides_cue_survives_a_replan_from_an_edited_profile(tmp_path) -> None:
    from runstrong.flows.base import Clock
    from runstrong.flows.profile import store_profile, update_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store

    plan = plan_of(MAYA)
    week, lift = split_squat_week(plan)
    diary = with_reports(done_as_planned(plan, week_end(week), wellness=CALM),
                         knee(week.start_date + DAY, 5, side="left", provoked_by=lift))  # fmt: skip
    review, reviewed, new_plan = reviewed_and_applied(plan, MAYA, diary, week, LIBRARY, REGISTRY)
    nxt = review.next_week_start
    assert review.pain_sides == {PainArea.knee: "left"} and _go_easy(week_of(new_plan, nxt))
    adjustment = next(a for a in reviewed.adjustments if a.week_start == nxt)
    assert adjustment.pain_sides == {PainArea.knee: "left"}  # kept with the review's other changes

    store = open_store(f"sqlite:///{tmp_path / 'diary.db'}")
    try:
        sunday = Clock(dt.datetime.combine(nxt - DAY, dt.time(18)), nxt - DAY)
        store_profile(store, reviewed, sunday, least_bad=True)
        update_profile(store, MAYA.name, {"easy_pace": "5:40/km"}, sunday)  # the runner edits their profile
        with store.read() as s:
            info = repo.find_athlete(s, MAYA.name)
            profile, (_, replanned) = repo.latest_profile(s, info.id), repo.latest_plan(s, info.id)
    finally:
        store.close()
    assert profile.easy_pace is not None and any(a.pain_sides for a in profile.adjustments)
    cues = _go_easy(week_of(replanned, nxt))
    assert cues and len(cues) == len(_go_easy(week_of(new_plan, nxt))), _cues(week_of(replanned, nxt))
    assert not _go_easy(week_of(replanned, nxt + 7 * DAY))  # only while the adjustment is in force
    assert all(cues.count(c) == 1 for cues in _cues(week_of(replanned, nxt)) for c in cues)  # said once per block
