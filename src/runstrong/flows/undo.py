"""Undo: take back the last change to the diary that is not yet undone, exactly (the rows
as they were, with their ids). The undo is itself kept in the change log.

A coach's decision on a review is a change like any other, with one policy: only a coach
or an admin takes it back (an athlete's undo would otherwise silently revert their coach;
they are told to ask). Undone, the review waits in the queue again, its queue row saying
who undid the decision and when, and the audit log says so too."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy import select

from runstrong.store import accounts, changes
from runstrong.store.actor import current_actor
from runstrong.store.db import Store
from runstrong.store.tables import ChangeRow, ReviewQueueRow

from . import base, identity

# Undone without asking: the last change made this recently (a runner putting right what
# they just typed). An older one is named and asked about first (`--yes` for scripts): a
# runner who "undoes" a refused command must not lose Tuesday's run without being told.
RECENT = dt.timedelta(minutes=10)


@dataclass(frozen=True)
class Undone:
    version: int  # the version of the change taken back
    kind: str
    summary: str
    new_version: int


@dataclass(frozen=True)
class Pending:
    """The change `undo` would take back now, to name (and ask about) before it does."""

    version: int
    summary: str
    created_at: dt.datetime

    def age(self, now: dt.datetime) -> dt.timedelta:
        return max(now - self.created_at, dt.timedelta(0))

    def recent(self, now: dt.datetime) -> bool:
        """Made in the last few minutes: undone without asking."""
        return self.age(now) <= RECENT

    def said(self, now: dt.datetime) -> str:
        """`logged an interval run of 40 min on 2028-01-04 (written 2 days ago)`."""
        return f"{self.summary} (written {age_words(self.age(now))})"


def age_words(age: dt.timedelta) -> str:
    """`40 s ago`, `12 min ago`, `3 h ago`, `2 days ago`."""
    seconds = int(age.total_seconds())
    for unit, size in (("day", 86_400), ("h", 3_600), ("min", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if unit == 'day' and n > 1 else ''} ago"
    return f"{seconds} s ago"


def pending(store: Store, athlete: str | None) -> Pending:
    """The change `undo` would take back (NothingToUndo when none can be), read without writing."""

    with store.read() as s:
        last = changes.last_undoable(s, identity.find(s, athlete).id)
        _undoable(last)
        assert last is not None
        return Pending(last.version, last.summary, last.created_at)


def _undoable(last: ChangeRow | None) -> None:
    if last is None:
        raise base.NothingToUndo("undo: nothing to undo; every change in the diary is already undone")
    if last.data is None:
        raise base.NothingToUndo(
            f"undo: the last change ({last.summary}, {last.created_at:%Y-%m-%d %H:%M}) came from an imported "
            "diary and cannot be undone here"
        )


def undo(store: Store, athlete: str | None, clock: base.Clock, *, expected_version: int | None = None,
         expected_change: int | None = None) -> Undone:  # fmt: skip
    """Undo the last change; NothingToUndo when there is none, Conflict when its rows were
    changed since by something outside the change log, or when it is not the change
    `expected_change` (the one named to the runner, `pending`): another was made since."""
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        last = changes.last_undoable(tx.s, tx.athlete.id)
        _undoable(last)
        assert last is not None
        if expected_change is not None and last.version != expected_change:
            raise base.Conflict(f"undo: the last change is now {last.summary!r}, not the one named; nothing undone")
        decided = _decided_weeks(last)
        if decided:
            _may_undo_a_decision(tx, last)
        try:
            changes.restore(tx.s, last)
        except changes.Stale as err:
            raise base.Conflict(
                f"undo: the rows of the last change ({last.summary}) were changed since in {err}; nothing undone"
            ) from None
        for week in decided:
            _back_in_the_queue(tx, week, last.summary)
        if last.data:  # the rows it puts back: the roster's week flags see what the undo touched
            tx.diffs.append(json.loads(last.data))
        tx.version += 1
        tx.s.add(ChangeRow(athlete_id=tx.athlete.id, version=tx.version, created_at=clock.now, kind="undo",
                           summary=f"undid: {last.summary}", undoes=last.version, data=None))  # fmt: skip
        tx.s.execute(
            changes.update(changes.Athlete).where(changes.Athlete.id == tx.athlete.id).values(diary_version=tx.version)
        )
        return Undone(last.version, last.kind, last.summary, tx.version)


def _decided_weeks(change: ChangeRow) -> list[str]:
    """The weeks (ISO Mondays) whose review a coach decided in `change`."""
    part = json.loads(change.data or "{}").get(ReviewQueueRow.__tablename__) or {}
    return sorted({r["week_start"] for r in part.get("after", []) if r.get("status") in ("accepted", "rejected")})


def _may_undo_a_decision(tx: base.Tx, change: ChangeRow) -> None:
    actor = current_actor()
    with tx.s.no_autoflush:
        user = accounts.user_by_name(tx.s, actor) if actor else None
    if user is not None and user.role == "athlete":
        raise base.Refused("undo", f"the last change is your coach's decision ({change.summary}); only a coach "
                                   "takes it back: ask them, or log what you meant to change")  # fmt: skip


def _back_in_the_queue(tx: base.Tx, week: str, summary: str) -> None:
    """The decided week waits for a coach again; its queue row says who undid the decision."""
    monday, actor = dt.date.fromisoformat(week), current_actor() or "this machine's user"
    row = tx.s.scalar(select(ReviewQueueRow).where(ReviewQueueRow.athlete_id == tx.athlete.id,
                                                   ReviewQueueRow.week_start == monday))  # fmt: skip
    if row is None:
        row = ReviewQueueRow(athlete_id=tx.athlete.id, week_start=monday, created_at=tx.clock.now)
        tx.s.add(row)
    row.status, row.note, row.edits, row.decided_by, row.decided_at = "undone", None, None, actor, tx.clock.now
    accounts.audit(tx.s, actor, "review.undo", f"undid: {summary}; the review waits for a coach again",
                   tx.clock.now, tx.athlete.id)  # fmt: skip
