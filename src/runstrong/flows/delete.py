"""Deleting what was logged: a set, a whole session, a run. Each is one change, checked
against the diary version the form showed, kept for undo."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from runstrong.core.diary import RunLog
from runstrong.store import changes
from runstrong.store.db import Store
from runstrong.store.tables import RunRow, SetLogRow

from . import base
from .edit import Edited, exercise_name, owned_session, owned_set


def delete_set(store: Store, athlete: str | None, set_id: int, clock: base.Clock,
               *, expected_version: int | None = None) -> Edited:  # fmt: skip
    """Delete one logged set; the sets after it of that exercise and side move up."""
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        row, session = owned_set(tx, set_id)
        tx.watch(changes.day_scopes(tx.athlete.id, session.date))
        what = f"set {row.set_number} of {exercise_name(row.exercise_id)} on {session.date}"
        later = tx.s.scalars(select(SetLogRow).where(
            SetLogRow.session_log_id == session.id, SetLogRow.exercise_id == row.exercise_id,
            SetLogRow.side.is_(None) if row.side is None else SetLogRow.side == row.side,
            SetLogRow.set_number > row.set_number))  # fmt: skip
        tx.s.delete(row)
        for other in later:
            other.set_number -= 1
        tx.record("delete", f"deleted {what}")
        return Edited(what, session.date, tx.version)


def delete_session(store: Store, athlete: str | None, session_id: int, clock: base.Clock,
                   *, expected_version: int | None = None) -> Edited:  # fmt: skip
    """Delete a logged session with its sets and the pains reported with it."""
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        row = owned_session(tx, session_id)
        tx.watch(changes.day_scopes(tx.athlete.id, row.date))
        what = f"the session of {row.date}" + (f" ({row.planned_label})" if row.planned_label else "")
        tx.s.delete(row)
        tx.record("delete", f"deleted {what}")
        return Edited(what, row.date, tx.version)


def delete_run(store: Store, athlete: str | None, run_id: int, clock: base.Clock,
               *, expected_version: int | None = None) -> Edited:  # fmt: skip
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        row = tx.s.get(RunRow, run_id)
        if row is None or row.athlete_id != tx.athlete.id:
            raise base.Refused("run", f"no logged run {run_id} in {tx.athlete.name}'s diary; see `runstrong run list`")
        tx.watch(changes.day_scopes(tx.athlete.id, row.date))
        what = f"the {row.type} run of {row.minutes:g} min on {row.date}"
        tx.s.delete(row)
        tx.record("delete", f"deleted {what}")
        return Edited(what, row.date, tx.version)


def runs_on(store: Store, athlete: str | None, day: dt.date) -> list[tuple[int, RunLog]]:
    """The runs logged on `day` with their ids (for choosing one to delete)."""
    from runstrong.flows import identity
    from runstrong.store.transfer import RUN_FIELDS

    with store.read() as s:
        who = identity.find(s, athlete)
        rows = s.scalars(select(RunRow).where(RunRow.athlete_id == who.id, RunRow.date == day).order_by(RunRow.id))
        return [(r.id, RunLog.model_construct(**{f: getattr(r, f) for f in RUN_FIELDS})) for r in rows]
