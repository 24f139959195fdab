"""Storing an edited profile again keeps what the diary owns and the weeks already lived."""

from __future__ import annotations

import datetime as dt

from runstrong.cli.diary_common import store_profile
from runstrong.core.model import Adjustment, Category
from runstrong.store import repo
from runstrong.store.db import open_store

TODAY = dt.date.today()
START = TODAY - dt.timedelta(days=TODAY.weekday() + 21)  # a Monday three weeks ago
PROFILE = """
name = "Ines"
age = 41
body_mass_kg = 66
strength_experience = "intermediate"
consistent_strength_weeks = 6
start_date = {start}
plan_weeks = 10
session_cap_minutes = {cap}
equipment = ["dumbbells"]
[running]
weekly = [{{ day = "sun", type = "long", minutes = 100 }}, {{ day = "wed", type = "tempo", minutes = 50 }}]
"""


def test_an_edited_profile_keeps_lived_weeks_and_review_adjustments(tmp_path):
    path = tmp_path / "ines.toml"
    path.write_text(PROFILE.format(start=START, cap=45))
    store = open_store(f"sqlite:///{tmp_path / 'diary.db'}")
    now = dt.datetime.combine(TODAY, dt.time(7))
    with store.write() as s:
        first = store_profile(s, path, now)
        info = first.athlete
        profile = repo.latest_profile(s, info.id)
        _, plan = repo.latest_plan(s, info.id)
        ahead = max(w.start_date for w in plan.weeks if w.start_date <= TODAY) + dt.timedelta(days=7)
        adjusted = profile.model_copy(
            update={"adjustments": [Adjustment(week_start=ahead, hold=[Category.core], deload=False)]}
        )
        repo.store_plan(s, adjusted, plan, now)
    path.write_text(PROFILE.format(start=START, cap=30))
    with store.write() as s:
        second = store_profile(s, path, now)
        new_profile = repo.latest_profile(s, info.id)
        _, new_plan = repo.latest_plan(s, info.id)
    store.close()
    assert second.new_plan
    assert [a.week_start for a in new_profile.adjustments] == [ahead]
    assert new_profile.session_cap_minutes == 30
    lived = [w for w in plan.weeks if w.start_date + dt.timedelta(days=6) < TODAY]
    assert lived and new_plan.weeks[: len(lived)] == lived
    later = [w for w in new_plan.weeks if w.start_date >= ahead]
    assert all(s.estimated_minutes <= 30 for w in later for s in w.sessions)
