"""A run typed by hand after the watch's run of that day was imported is that run (coach
read 18: Tomasz's fenix run and the one he typed were both kept), on every backend."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from runstrong.core.diary import RunLog
from runstrong.flows.checkin import add_run
from runstrong.store.tables import RunRow

from .conftest import TODAY


def _runs(store) -> int:  # type: ignore[no-untyped-def]
    with store.read() as s:
        return s.scalar(select(func.count(RunRow.id)))


def test_a_typed_run_like_an_imported_one_that_day_is_answered_already_and_again_keeps_both(store, clock):
    day = TODAY - dt.timedelta(days=1)
    watch = RunLog(date=day, type="easy", minutes=47.2, distance_km=9.02, source="fit:0123abcd",
                   started_at=dt.datetime(2027, 1, 7, 6, 30))  # fmt: skip
    add_run(store, None, watch, clock)
    typed = RunLog(date=day, type="easy", minutes=48, distance_km=9, rpe=3)
    answered = add_run(store, None, typed, clock)
    assert answered.already and answered.imported is not None and answered.imported.minutes == 47.2
    assert _runs(store) == 1
    shorter = add_run(store, None, typed.model_copy(update={"minutes": 20, "distance_km": 4}), clock)
    assert not shorter.already and _runs(store) == 2
    both = add_run(store, None, typed, clock, again=True)
    assert not both.already and _runs(store) == 3
