"""A profile edit that unticks a painful area (the web profile form) takes its pain score and
side with it, instead of refusing the edit for a score of an area no longer listed (cr24a F9:
profiles now carry `pain_scores`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from runstrong.io.profile_file import load_profile

TOMAS = load_profile(Path(__file__).parents[1] / "core" / "runners" / "tomas_ultra_old_plantar_2of10.toml")


def test_unticking_a_scored_area_drops_its_score_and_the_edit_is_stored(tmp_path) -> None:
    from runstrong.flows.base import Clock
    from runstrong.flows.profile import store_profile, update_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store

    data = TOMAS.model_dump(mode="json") | {"pain_areas": ["foot", "knee"], "pain_sides": {"foot": "left"}}
    scored = type(TOMAS).model_validate(data)
    store = open_store(f"sqlite:///{tmp_path / 'diary.db'}")
    try:
        day = TOMAS.start_date - dt.timedelta(days=1)
        clock = Clock(dt.datetime.combine(day, dt.time(18)), day)
        store_profile(store, scored, clock, least_bad=True)
        update_profile(store, TOMAS.name, {"pain_areas": ["knee"]}, clock)  # the foot unticked
        with store.read() as s:
            profile = repo.latest_profile(s, repo.find_athlete(s, TOMAS.name).id)
    finally:
        store.close()
    assert [a.value for a in profile.pain_areas] == ["knee"]
    assert profile.pain_scores == {} and profile.pain_sides == {}
