"""Editing what was logged: a set, a session's answers, a check-in. Each is one change,
checked against the diary version the form showed, kept for undo."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from runstrong.core.diary import SessionLog, SetLog, Wellness, counts_nothing, validate_entry
from runstrong.core.set_checks import under_the_bar
from runstrong.store import changes
from runstrong.store.db import Store
from runstrong.store.logged_loads import bar_weights
from runstrong.store.repo import SET_FIELDS, WELLNESS_COLUMNS
from runstrong.store.tables import SessionLogRow, SetLogRow, WellnessRow

from . import base

SESSION_EDITABLE = ("minutes", "session_rpe", "note")


@dataclass(frozen=True)
class Edited:
    what: str  # what changed, said for a person
    day: dt.date
    version: int


def owned_set(tx: base.Tx, set_id: int) -> tuple[SetLogRow, SessionLogRow]:
    found = tx.s.execute(
        select(SetLogRow, SessionLogRow)
        .join(SessionLogRow, SessionLogRow.id == SetLogRow.session_log_id)
        .where(SetLogRow.id == set_id, SessionLogRow.athlete_id == tx.athlete.id)
    ).first()
    if found is None:
        raise base.Refused("set", f"no logged set {set_id} in {tx.athlete.name}'s diary; see the day's sets")
    return found[0], found[1]


def owned_session(tx: base.Tx, session_id: int) -> SessionLogRow:
    row = tx.s.get(SessionLogRow, session_id)
    if row is None or row.athlete_id != tx.athlete.id:
        raise base.Refused("session", f"no logged session {session_id} in {tx.athlete.name}'s diary")
    return row


def find_set(store: Store, athlete: str | None, day: dt.date, exercise_id: str, number: int,
             side: str | None = None) -> int:  # fmt: skip
    """The id of set `number` of an exercise (and side) logged on `day`."""
    from runstrong.flows import identity

    with store.read() as s:
        who = identity.find(s, athlete)
        ids = list(s.scalars(
            select(SetLogRow.id).join(SessionLogRow, SessionLogRow.id == SetLogRow.session_log_id)
            .where(SessionLogRow.athlete_id == who.id, SessionLogRow.date == day, SetLogRow.exercise_id == exercise_id,
                   SetLogRow.set_number == number, SetLogRow.side.is_(None) if side is None else SetLogRow.side == side)
            .order_by(SetLogRow.id)
        ))  # fmt: skip
        numbers = sorted(set(s.scalars(
            select(SetLogRow.set_number).join(SessionLogRow, SessionLogRow.id == SetLogRow.session_log_id)
            .where(SessionLogRow.athlete_id == who.id, SessionLogRow.date == day, SetLogRow.exercise_id == exercise_id)
        )))  # fmt: skip
    there = f" (sets {', '.join(map(str, numbers))} are)" if numbers and not ids else ""
    if not ids:
        name = exercise_name(exercise_id)
        raise base.Refused("set", f"no set {number} of {name}{' ' + side if side else ''} logged on {day}{there}")
    return ids[-1]


def exercise_name(exercise_id: str) -> str:
    """An exercise as the runner reads it (its name), for what an edit says."""
    from runstrong.io.data_files import load_library

    library = load_library()
    return library.get(exercise_id).name if exercise_id in library else exercise_id


def edit_set(store: Store, athlete: str | None, set_id: int, updates: dict[str, Any], clock: base.Clock,
             *, expected_version: int | None = None) -> Edited:  # fmt: skip
    """Change fields of one logged set (a measure given replaces the set's measure)."""
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        row, session = owned_set(tx, set_id)
        tx.watch(changes.day_scopes(tx.athlete.id, session.date))
        data = {f: getattr(row, f) for f in SET_FIELDS}
        if any(updates.get(m) is not None for m in ("reps", "seconds", "contacts", "distance_m")):
            data.update(reps=None, seconds=None, contacts=None, distance_m=None)
        if updates.get("rpe") is not None:
            data["rir"] = None
        if updates.get("rir") is not None:
            data["rpe"] = None
        data.update(updates)
        new = SetLog.model_validate(data)
        if updates.get(new.measure) is not None and new.amount <= 0:
            raise base.Refused(new.measure, counts_nothing(new.measure))
        if updates.get("load_kg") is not None:
            _at_least_the_bar(new, tx.athlete.units, bar_weights(tx.s, tx.athlete.id))
        for f in SET_FIELDS:
            setattr(row, f, getattr(new, f))
        what = f"set {new.set_number} of {exercise_name(new.exercise_id)} on {session.date}"
        tx.record("edit", f"edited {what}")
        return Edited(what, session.date, tx.version)


def _at_least_the_bar(new: SetLog, units: Any, bars: dict) -> None:
    from runstrong.io.data_files import load_context  # the kit's bars: shipped data, read once

    ctx = load_context()
    under = under_the_bar([new], ctx.library, units, ctx.params, bars)
    if under is not None:
        raise base.Refused("load_kg", under)


def edit_session(store: Store, athlete: str | None, session_id: int, updates: dict[str, Any], clock: base.Clock,
                 *, expected_version: int | None = None) -> Edited:  # fmt: skip
    """Change a session's minutes, session RPE or note (None clears one)."""
    unknown = set(updates) - set(SESSION_EDITABLE)
    if unknown:
        raise base.Refused(sorted(unknown)[0], f"only {', '.join(SESSION_EDITABLE)} of a session can be edited")
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        row = owned_session(tx, session_id)
        tx.watch(changes.day_scopes(tx.athlete.id, row.date))
        data = {
            f: getattr(row, f) for f in ("date", "plan_version", "planned_date", "planned_label", *SESSION_EDITABLE)
        }
        new = validate_entry(SessionLog, {**data, **updates}, clock.today)
        for f in SESSION_EDITABLE:
            setattr(row, f, getattr(new, f))
        tx.record("edit", f"edited the session of {row.date}")
        return Edited(f"the session of {row.date}", row.date, tx.version)


def edit_wellness(store: Store, athlete: str | None, day: dt.date, updates: dict[str, Any], clock: base.Clock,
                  *, expected_version: int | None = None) -> Edited:  # fmt: skip
    """Change answers of the check-in of `day` (None clears one; at least one stays)."""
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        row = tx.s.scalar(select(WellnessRow).where(WellnessRow.athlete_id == tx.athlete.id, WellnessRow.date == day))
        if row is None:
            raise base.Refused("date", f"no check-in on {day}; record one with `runstrong wellness`")
        tx.watch(changes.day_scopes(tx.athlete.id, day))
        data = {f: getattr(row, f) for f in WELLNESS_COLUMNS}
        new = validate_entry(Wellness, {"date": day, **data, **updates}, clock.today)
        for f in WELLNESS_COLUMNS:
            setattr(row, f, getattr(new, f))
        tx.record("edit", f"edited the check-in of {day}")
        return Edited(f"the check-in of {day}", day, tx.version)
