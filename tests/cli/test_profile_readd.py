"""Storing an edited profile again keeps what the diary owns and the weeks already lived."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrong import clock
from runstrong.core.model import Adjustment, Category, PainArea
from runstrong.errors import UserError
from runstrong.flows.base import Clock
from runstrong.flows.profile import store_profile as store_profile_flow
from runstrong.io.profile_file import load_profile
from runstrong.store import repo
from runstrong.store.db import open_store

TODAY = clock.today()  # the run's pinned date (tests/conftest.py)
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


def store_profile(s, path, now):
    """The profile flow inside an open transaction, as `runstrong athlete add --least-bad` runs it."""
    from runstrong.flows.profile import store_profile_in

    return store_profile_in(s, load_profile(path), Clock(now, now.date()), least_bad=True).stored


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


def test_re_adding_the_unchanged_profile_file_keeps_a_pain_area_a_review_added(tmp_path):
    """Issue 14: a review added [knee]; re-adding the unchanged file dropped it to []."""
    path = tmp_path / "ines.toml"
    path.write_text(PROFILE.format(start=START, cap=45))
    store = open_store(f"sqlite:///{tmp_path / 'diary.db'}")
    now = dt.datetime.combine(TODAY, dt.time(7))
    clock = Clock(now, TODAY)
    first = store_profile_flow(store, load_profile(path), clock, least_bad=True)
    with store.write() as s:
        info = first.stored.athlete
        profile = repo.latest_profile(s, info.id)
        _, plan = repo.latest_plan(s, info.id)
        repo.store_plan(s, profile.model_copy(update={"pain_areas": [PainArea.knee]}), plan, now)
    again = store_profile_flow(store, load_profile(path), clock, least_bad=True)
    with store.read() as s:
        kept = repo.latest_profile(s, info.id).pain_areas
    dropped = store_profile_flow(store, load_profile(path), clock, least_bad=True, drop_pain=["knee"])
    with store.read() as s:
        after_drop = repo.latest_profile(s, info.id).pain_areas
    store.close()
    assert kept == [PainArea.knee] and again.kept_pain == ["knee"]
    assert after_drop == [] and dropped.kept_pain == []


def test_a_runner_whose_name_matches_another_only_ignoring_case_is_refused_not_merged(tmp_path):
    """Issue 14: `athlete add` for "ines" silently became version 2 of "Ines"."""
    path = tmp_path / "ines.toml"
    path.write_text(PROFILE.format(start=START, cap=45))
    other = tmp_path / "other.toml"
    other.write_text(PROFILE.format(start=START, cap=45).replace('name = "Ines"', 'name = "INES"'))
    store = open_store(f"sqlite:///{tmp_path / 'diary.db'}")
    clock = Clock(dt.datetime.combine(TODAY, dt.time(7)), TODAY)
    store_profile_flow(store, load_profile(path), clock, least_bad=True)
    with pytest.raises(UserError, match="'INES' is not 'Ines'"):
        store_profile_flow(store, load_profile(other), clock, least_bad=True)
    with store.read() as s:
        names = [a.name for a in repo.list_athletes(s)]
        versions = repo.find_athlete(s, "Ines").profile_version
    store.close()
    assert names == ["Ines"] and versions == 1
