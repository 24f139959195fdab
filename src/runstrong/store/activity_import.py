"""The store's side of `runstrong run import`: the athlete's runs for the duplicate check
(read once into memory) and the new runs written in one bulk insert.

Functions take a Session; the caller's transaction commits or rolls back.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from runstrong.core.activity import KnownRun, RunIndex
from runstrong.core.diary import RunLog

from .tables import RunRow


def run_index(s: Session, athlete_id: int) -> RunIndex:
    """Every run of the athlete, as the duplicate check needs them (one query)."""
    query = select(RunRow.date, RunRow.minutes, RunRow.distance_km, RunRow.started_at, RunRow.source).where(
        RunRow.athlete_id == athlete_id
    )
    return RunIndex.of(KnownRun(*row) for row in s.execute(query))


def insert_runs(s: Session, athlete_id: int, runs: Sequence[RunLog]) -> int:
    """Add `runs` in one executemany; returns how many."""
    if runs:
        rows = [{"athlete_id": athlete_id, **r.model_dump(), "type": r.type.value} for r in runs]
        s.execute(insert(RunRow), rows)
    return len(runs)
