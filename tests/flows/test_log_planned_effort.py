"""`runstrong log --as-planned` (and the pages' "done as planned") stores the planned effort of
every set: a loaded dose's RIR or RPE as before, and unloaded work's at effort-read-near-failure's
`unloaded_rpe`, so the review can read it (effortread's Left: such sets were stored with none)."""

from __future__ import annotations

import datetime as dt
import json

from runstrong.flows.log_session import LogInput, log_session
from runstrong.io.data_files import load_context
from tests.flows.conftest import TODAY
from tests.flows.helpers import content

CTX = load_context()
UNLOADED_RPE = CTX.registry.param("effort-read-near-failure", "unloaded_rpe")


def test_a_session_logged_as_planned_stores_the_planned_effort_of_every_set(store, clock) -> None:
    """Before: the marathoner's Monday landing sticks and balance reaches were stored with no effort."""
    monday = TODAY - dt.timedelta(days=4)  # Mon 4 Jan: the core day, its single-leg work bodyweight
    log_session(store, "Maya (marathon)", LogInput(day=monday, as_planned=True), clock)
    sessions = json.loads(content(store))["athletes"][0]["sessions"]
    (logged,) = [s for s in sessions if s["date"] == monday.isoformat()]
    assert logged["sets"] and all(s.get("rpe") is not None or s.get("rir") is not None for s in logged["sets"])
    unloaded = [
        s for s in logged["sets"] if s["exercise_id"] in ("single_leg_landing_stick", "single_leg_balance_reach")
    ]
    assert unloaded and all(s["rpe"] == UNLOADED_RPE for s in unloaded), logged["sets"]
