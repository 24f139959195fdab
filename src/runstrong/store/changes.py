"""The change log: what a change did to the diary's rows, kept so an undo restores exactly.

A flow names the rows it may touch as `Scope`s (a table and a filter). Before it writes,
`snapshot` reads them; after, `record` reads them again and keeps the difference (rows
created, changed and deleted, each as it was before and after) in one `changes` row with
the new diary version. `undo` checks that the rows are still as that change left them and
puts back the rows as they were before it, with their ids, so the diary's export is the
same byte for byte. Tables whose rows are never changed in place (profiles, plans) are
tracked by id only: an undo deletes what the change added.

Functions take a Session; the caller's transaction commits or rolls back.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, DateTime, delete, func, insert, select, update
from sqlalchemy.orm import Session

from .tables import (
    AssessmentRow,
    Athlete,
    ChangeRow,
    LogKeyRow,
    NoteRow,
    PainRow,
    PlanRow,
    Profile,
    ReviewQueueRow,
    ReviewRow,
    RunRow,
    SessionLogRow,
    SetLogRow,
    WellnessRow,
)

# parents before children: inserts go in this order, deletes in the reverse
ORDER = (Athlete, Profile, PlanRow, AssessmentRow, SessionLogRow, SetLogRow, PainRow, WellnessRow, RunRow,
         NoteRow, ReviewRow, LogKeyRow, ReviewQueueRow)  # fmt: skip
BY_NAME = {t.__tablename__: t for t in ORDER}
Rows = dict[str, dict[int, dict[str, Any]]]  # table name -> id -> row


@dataclass(frozen=True)
class Scope:
    """Rows of one table a change may touch; `ids_only` for tables never changed in place."""

    table: Any
    where: tuple[Any, ...]
    ids_only: bool = False


class Stale(Exception):
    """The rows are no longer as the change left them (someone changed them since)."""


def day_scopes(athlete_id: int, day: dt.date) -> list[Scope]:
    """Everything logged on one day: sessions with their sets and pains, check-in, runs, notes."""
    sessions = select(SessionLogRow.id).where(SessionLogRow.athlete_id == athlete_id, SessionLogRow.date == day)
    return [
        Scope(SessionLogRow, (SessionLogRow.athlete_id == athlete_id, SessionLogRow.date == day)),
        Scope(SetLogRow, (SetLogRow.session_log_id.in_(sessions.scalar_subquery()),)),
        Scope(PainRow, (PainRow.athlete_id == athlete_id, PainRow.date == day)),
        Scope(WellnessRow, (WellnessRow.athlete_id == athlete_id, WellnessRow.date == day)),
        Scope(RunRow, (RunRow.athlete_id == athlete_id, RunRow.date == day)),
        Scope(NoteRow, (NoteRow.athlete_id == athlete_id, NoteRow.date == day)),
    ]


def key_scope(athlete_id: int, key: str) -> Scope:
    return Scope(LogKeyRow, (LogKeyRow.athlete_id == athlete_id, LogKeyRow.key == key))


def plan_scopes(athlete_id: int) -> list[Scope]:
    """The athlete row, profile and plan versions, screens and accepted reviews."""
    return [
        Scope(Athlete, (Athlete.id == athlete_id,)),
        Scope(Profile, (Profile.athlete_id == athlete_id,), ids_only=True),
        Scope(PlanRow, (PlanRow.athlete_id == athlete_id,), ids_only=True),
        Scope(AssessmentRow, (AssessmentRow.athlete_id == athlete_id,)),
        Scope(ReviewRow, (ReviewRow.athlete_id == athlete_id,)),
    ]


def _columns(table: Any) -> list[Any]:
    return [c for c in table.__table__.columns if c.name != "diary_version"]


def _encode(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def _decode(table: Any, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for c in _columns(table):
        value = row.get(c.name)
        if value is not None and isinstance(c.type, DateTime):
            value = dt.datetime.fromisoformat(value)
        elif value is not None and isinstance(c.type, Date):
            value = dt.date.fromisoformat(value)
        out[c.name] = value
    return out


def snapshot(s: Session, scopes: list[Scope]) -> Rows:
    """The scoped rows as plain JSON-able values, by table and id."""
    s.flush()
    out: Rows = {}
    for scope in scopes:
        cols = [scope.table.__table__.c.id] if scope.ids_only else _columns(scope.table)
        rows = s.execute(select(*cols).where(*scope.where)).mappings()
        out.setdefault(scope.table.__tablename__, {}).update(
            {r["id"]: {k: _encode(v) for k, v in r.items()} for r in rows}
        )
    return out


def difference(before: Rows, after: Rows) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Per table, the rows that changed: as they were before and as they are after."""
    out = {}
    for name in before.keys() | after.keys():
        old, new = before.get(name, {}), after.get(name, {})
        ids = sorted(i for i in old.keys() | new.keys() if old.get(i) != new.get(i))
        if ids:
            out[name] = {"before": [old[i] for i in ids if i in old], "after": [new[i] for i in ids if i in new]}
    return out


def record(
    s: Session, athlete_id: int, version: int, now: dt.datetime, kind: str, summary: str,
    scopes: list[Scope], before: Rows,
) -> dict[str, dict[str, list[dict[str, Any]]]]:  # fmt: skip
    """Keep the change the flow made to `scopes` since `before` as diary version `version`;
    the difference kept (empty, and nothing kept, when it changed nothing)."""
    diff = difference(before, snapshot(s, scopes))
    if not diff:
        return diff
    s.add(ChangeRow(athlete_id=athlete_id, version=version, created_at=now, kind=kind, summary=summary,
                    data=json.dumps(diff, sort_keys=True, separators=(",", ":"))))  # fmt: skip
    s.execute(update(Athlete).where(Athlete.id == athlete_id).values(diary_version=version))
    return diff


def last_undoable(s: Session, athlete_id: int) -> ChangeRow | None:
    """The latest change not yet undone (undos themselves are not undone)."""
    undone = select(ChangeRow.undoes).where(ChangeRow.athlete_id == athlete_id, ChangeRow.undoes.is_not(None))
    return s.scalar(
        select(ChangeRow)
        .where(ChangeRow.athlete_id == athlete_id, ChangeRow.undoes.is_(None))
        .where(ChangeRow.version.not_in(undone.scalar_subquery()))
        .order_by(ChangeRow.version.desc())
        .limit(1)
    )


def restore(s: Session, change: ChangeRow) -> None:
    """Put the rows back as they were before `change`; Stale when they have moved on."""
    diff = json.loads(change.data or "{}")
    _check_unchanged(s, diff)
    for table in reversed(ORDER):  # rows the change created go first, children before parents
        part = diff.get(table.__tablename__)
        if part:
            old = {r["id"] for r in part["before"]}
            created = [r["id"] for r in part["after"] if r["id"] not in old]
            if created:
                s.execute(delete(table).where(table.id.in_(created)))
    for table in ORDER:  # then the rows it changed or deleted, parents before children
        part = diff.get(table.__tablename__)
        if not part:
            continue
        new = {r["id"] for r in part["after"]}
        for row in part["before"]:
            values = _decode(table, row)
            if row["id"] in new:
                s.execute(update(table).where(table.id == row["id"]).values(values))
            else:
                s.execute(insert(table).values(values))
    s.flush()


def _check_unchanged(s: Session, diff: dict[str, Any]) -> None:
    for name, part in diff.items():
        table = BY_NAME[name]
        after = {r["id"]: r for r in part["after"]}
        gone = [r["id"] for r in part["before"] if r["id"] not in after]
        ids_only = all(len(r) == 1 for r in part["after"]) and part["after"]
        cols = [table.__table__.c.id] if ids_only else _columns(table)
        rows = s.execute(select(*cols).where(table.id.in_([*after, *gone]))).mappings()
        now = {r["id"]: {k: _encode(v) for k, v in r.items()} for r in rows}
        if any(i in now for i in gone) or any(now.get(i) != r for i, r in after.items()):
            raise Stale(name)


def history(s: Session, athlete_id: int) -> list[ChangeRow]:
    return list(s.scalars(select(ChangeRow).where(ChangeRow.athlete_id == athlete_id).order_by(ChangeRow.version)))


def current_version(s: Session, athlete_id: int) -> int:
    return s.scalar(select(Athlete.diary_version).where(Athlete.id == athlete_id)) or 0


def max_version(s: Session, athlete_id: int) -> int:
    return s.scalar(select(func.max(ChangeRow.version)).where(ChangeRow.athlete_id == athlete_id)) or 0
