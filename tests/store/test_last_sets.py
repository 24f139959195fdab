"""The web pages' one read of a day's last sets (`store.last_sets`) answers as the per-lift
reads do (`repo.last_sets` for the form; the loads read the best set of the lift's latest week,
`logged_loads.logged_sets`, never weaker than its latest session's), whether a
lift was last logged in the recent window or only before it, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrong.core.log_loads import best_set, set_e1rm
from runstrong.io.data_files import load_context
from runstrong.store import last_sets as module
from runstrong.store import repo
from runstrong.store.logged_loads import logged_sets
from tests.store.test_page_reads import LIFTS, START, seed_history

ASKED = [*LIFTS, "side_plank"]  # side_plank: never logged


@pytest.mark.parametrize("window", [1, 3, module.RECENT_SESSIONS])
def test_the_last_sets_match_the_per_lift_reads_inside_and_beyond_the_recent_window(store, monkeypatch, window):
    monkeypatch.setattr(module, "RECENT_SESSIONS", window)
    athletes = seed_history(store, seed=5)
    p = load_context().params
    compared = 0
    with store.read() as s:
        for athlete_id in athletes:
            for before in (START + dt.timedelta(days=d) for d in (0, 3, 17, 39, 60)):
                found = module.last_sets(s, athlete_id, ASKED, before, loaded_ids=LIFTS[1:4])
                assert found.sets == repo.last_sets(s, athlete_id, ASKED, before)
                # the latest loaded session's best set is the loads' read when the lift's week holds no better one
                week = logged_sets(s, athlete_id, before, p, LIFTS[1:4])
                for x, (day, sets) in found.loaded.items():
                    latest = best_set(sets, day, p)
                    if x in LIFTS[1:4] and latest is not None:
                        assert set_e1rm(week[x], p) >= set_e1rm(latest, p) - 1e-9
                        assert week[x] == latest or week[x].date > day - dt.timedelta(days=p.autoreg_read_days)
                compared += len(found.sets)
    assert compared > 0  # the comparisons were not all of empty answers


def test_a_day_with_nothing_asked_reads_nothing(store):
    [athlete] = seed_history(store, athletes=1, days=5)
    with store.read() as s:
        found = module.last_sets(s, athlete, [], START + dt.timedelta(days=9))
    assert found.sets == {} and found.loaded == {}
