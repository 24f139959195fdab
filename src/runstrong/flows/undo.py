"""Undo: take back the last change to the diary that is not yet undone, exactly (the rows
as they were, with their ids). The undo is itself kept in the change log."""

from __future__ import annotations

from dataclasses import dataclass

from runstrong.store import changes
from runstrong.store.db import Store
from runstrong.store.tables import ChangeRow

from . import base


@dataclass(frozen=True)
class Undone:
    version: int  # the version of the change taken back
    kind: str
    summary: str
    new_version: int


def undo(store: Store, athlete: str | None, clock: base.Clock, *, expected_version: int | None = None) -> Undone:
    """Undo the last change; NothingToUndo when there is none, Conflict when its rows were
    changed since by something outside the change log."""
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        last = changes.last_undoable(tx.s, tx.athlete.id)
        if last is None:
            raise base.NothingToUndo("undo: nothing to undo; every change in the diary is already undone")
        if last.data is None:
            raise base.NothingToUndo(
                f"undo: the last change ({last.summary}, {last.created_at:%Y-%m-%d %H:%M}) came from an imported "
                "diary and cannot be undone here"
            )
        try:
            changes.restore(tx.s, last)
        except changes.Stale as err:
            raise base.Conflict(
                f"undo: the rows of the last change ({last.summary}) were changed since in {err}; nothing undone"
            ) from None
        tx.version += 1
        tx.s.add(ChangeRow(athlete_id=tx.athlete.id, version=tx.version, created_at=clock.now, kind="undo",
                           summary=f"undid: {last.summary}", undoes=last.version, data=None))  # fmt: skip
        tx.s.execute(
            changes.update(changes.Athlete).where(changes.Athlete.id == tx.athlete.id).values(diary_version=tx.version)
        )
        return Undone(last.version, last.kind, last.summary, tx.version)
