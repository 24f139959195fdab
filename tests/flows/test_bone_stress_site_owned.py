"""A diary that holds a painful shin (from a file, or a review) and a new profile version that says
the shin was a bone stress injury: the diary does not carry the shin back onto a pain ladder, where
3/10 would be "acceptable" (cr26a F3; bone-stress-return: pain at the site is a stop sign)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from runstrong.io.profile_file import load_profile

INES = load_profile(Path(__file__).parents[1] / "core" / "runners" / "ines_tibial_bone_stress_cleared_8_weeks.toml")


def test_a_diary_owned_painful_shin_is_not_carried_onto_a_bone_stress_profile(tmp_path) -> None:
    from runstrong.flows.base import Clock
    from runstrong.flows.profile import store_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store

    shin = INES.model_dump(mode="json") | {"health": [], "bone_stress_site": None, "cleared_to_run": None,
                                           "pain_areas": ["shin", "knee"]}  # fmt: skip
    store = open_store(f"sqlite:///{tmp_path / 'diary.db'}")
    try:
        day = INES.start_date - dt.timedelta(days=1)
        clock = Clock(dt.datetime.combine(day, dt.time(18)), day)
        store_profile(store, type(INES).model_validate(shin), clock, least_bad=True)
        stored = store_profile(store, INES, clock, least_bad=True)  # the file now says bone stress, no pain areas
        with store.read() as s:
            profile = repo.latest_profile(s, repo.find_athlete(s, INES.name).id)
    finally:
        store.close()
    assert [a.value for a in profile.pain_areas] == ["knee"]  # the knee is the diary's still; the shin is not
    assert profile.bone_stress_site.value == "tibia"
    assert stored is not None
