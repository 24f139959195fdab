"""Logging a strength session: the planned sets, sets as done, the session's answers and
pains, in one write transaction that reads the day, decides and writes.

Every log may carry a key (a web form's token, a hash of the CLI's request and date, an
API client's Idempotency-Key). A key seen before is answered with the first answer and
nothing is written, so a double submit, a retry or a second tab never doubles the sets.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlalchemy.orm import Session as SqlSession

from runstrong.core.diary import (
    PainReport,
    PlannedSession,
    SessionLog,
    SetLog,
    counts_nothing,
    sets_as_planned,
    validate_entry,
)
from runstrong.core.log_slips import far_from_plan, not_in_plan
from runstrong.core.planned_effort import UNLOADED_RULE
from runstrong.core.set_checks import beyond_belief, under_the_bar
from runstrong.errors import UserError
from runstrong.store import changes, logbook, repo
from runstrong.store.db import Store
from runstrong.store.logged_loads import bar_weights, heaviest_logged, kit_words
from runstrong.store.tables import LogKeyRow

from . import base
from .loads import followed_context
from .next_door import next_door

KEY_LENGTH = 200


@dataclass(frozen=True)
class LogInput:
    """What to log on `day`. `sets` are as done (numbered on writing)."""

    day: dt.date
    sets: tuple[SetLog, ...] = ()
    as_planned: bool = False
    label: str | None = None
    minutes: int | None = None
    session_rpe: float | None = None
    note: str | None = None
    pains: tuple[PainReport, ...] = ()
    new_session: bool = False
    key: str | None = None
    planned_on: dt.date | None = None  # the planned session's date, when done on another day
    confirmed: bool = False  # a load beyond belief is meant (`core/set_checks.beyond_belief`)

    def anything(self) -> bool:
        return bool(self.sets or self.as_planned or self.pains or self.note is not None
                    or self.minutes is not None or self.session_rpe is not None)  # fmt: skip


class Answer(BaseModel):
    """What a log did, as kept with its key for the same answer again."""

    result: repo.LoggedSession
    log: SessionLog
    planned: PlannedSession | None


@dataclass(frozen=True)
class Logged:
    athlete: repo.AthleteInfo
    result: repo.LoggedSession
    log: SessionLog
    planned: PlannedSession | None
    already: bool = False  # the key was logged before: this is that answer, nothing written
    version: int = 0
    notes: list[str] = field(default_factory=list)


def content_key(data: dict) -> str:
    """A key for a request that has no token of its own: a hash of what it logs and its day."""
    text = json.dumps(data, sort_keys=True, default=str, separators=(",", ":"))
    return "content:" + hashlib.sha256(text.encode()).hexdigest()


def log_session(store: Store, athlete: str | None, given: LogInput, clock: base.Clock,
                *, expected_version: int | None = None) -> Logged:  # fmt: skip
    """Log `given` for the athlete; see the module's docstring for keys."""
    if given.day > clock.today:
        raise base.Refused("date", f"{given.day} is in the future (today is {clock.today}); log today or a past day")
    if given.key is not None and not 0 < len(given.key) <= KEY_LENGTH:
        raise base.Refused("key", f"an idempotency key has 1 to {KEY_LENGTH} characters; give a shorter one")
    with base.change(store, athlete, clock) as tx:
        if given.key is not None:
            seen = _answer_for(tx, given.key)
            if seen is not None:
                return Logged(tx.athlete, seen.result, seen.log, seen.planned, already=True, version=tx.version)
        base.check_version(expected_version, tx.version)
        field = "planned_on" if given.planned_on is not None else "label"
        try:
            context = logbook.gather(tx.s, tx.athlete, given.day, given.label, field=field, planned_on=given.planned_on)
            context = followed_context(tx.s, context, given.day)  # as shown: loads follow the log
        except UserError as err:
            raise base.Refused(field, str(err).removeprefix(f"{field}: ")) from None
        loaded = {x.exercise_id for x in given.sets if x.load_kg}
        bars = bar_weights(tx.s, tx.athlete.id) if loaded else {}
        if loaded and not given.confirmed:
            history = heaviest_logged(tx.s, tx.athlete.id, loaded)
            _believable(given, context, kit_words(tx.s, tx.athlete.id), history)
        log = session_for(given, context, clock.today, bars)
        tx.watch(changes.day_scopes(tx.athlete.id, given.day))
        if given.key is not None:
            tx.watch([changes.key_scope(tx.athlete.id, given.key)])
        try:
            result = logbook.write_session(tx.s, tx.athlete.id, log, new_session=given.new_session)
        except UserError as err:  # the day's session cannot number more sets of an exercise
            raise base.Refused("sets", str(err).removeprefix("sets: ")) from None
        if given.key is not None:
            answer = Answer(result=result, log=log, planned=context.planned)
            tx.s.add(LogKeyRow(athlete_id=tx.athlete.id, key=given.key, created_at=clock.now,
                               answer=answer.model_dump_json()))  # fmt: skip
        where = f"session {context.planned.label}" if context.planned else "an unplanned session"
        if given.planned_on is not None and context.planned is not None:
            where += f" planned for {context.planned.date}"
        tx.record("log", f"logged {result.new_sets} set(s) on {given.day} ({where})")
        notes = next_door(tx.s, tx.athlete.id, given.day, given.planned_on, clock.today) if result.new_sets else []
        from runstrong.io.data_files import load_context  # shipped data, read once

        # a set far above the plan is kept, and named at once: most are a unit slip or a typo (cr21a S1)
        notes = far_from_plan(given.sets, context.planned, tx.athlete.units, load_context().params) + notes
        notes += far_before_the_plan(tx.s, tx.athlete.id, given.day, clock.today)
        notes += not_in_plan(given.sets, context.planned, {e.id: e.name for e in load_context().library.exercises})
        return Logged(tx.athlete, result, log, context.planned, version=tx.version, notes=notes)


def _believable_top(e: Any, units: Any, own: dict, gym: bool, p: Any) -> float | None:
    """The heaviest load a set of `e` can carry on the runner's kit, in kg: both dumbbells at once
    for a lift that takes a pair (`pair_load`), else its implement's heaviest."""
    from runstrong.core.loads import heaviest_kg, implement
    from runstrong.core.vocab import Item

    kit = implement(e.equipment)
    full = heaviest_kg(kit, units, own, gym, p)
    return 2 * full if full is not None and e.pair_load and kit == Item.dumbbell else full


def _believable(given: LogInput, context: logbook.DayContext, kit: dict[str, Any], history: dict[str, float]) -> None:
    """Refuse a load beyond every bound of what could be true (kit, plan, the lift's last
    sets) unless confirmed: nothing is written, and the message says how to log it if true."""
    from runstrong.core.vocab import Item
    from runstrong.io.data_files import load_context

    ctx, units = load_context(), context.athlete.units
    own = {Item(k): v for k, v in kit["heaviest_loads"].items() if k in Item._value2member_map_}
    gym = "gym" in kit["equipment"]
    ceilings = {
        x.exercise_id: _believable_top(ctx.library.get(x.exercise_id), units, own, gym, ctx.params)
        for x in given.sets if x.exercise_id in ctx.library
    }  # fmt: skip
    planned = {b.exercise_id: b.prescription.load_kg for b in (context.planned.blocks if context.planned else ())
               if b.prescription.load_kg}  # fmt: skip
    said = beyond_belief(given.sets, ctx.library, units, ceilings, planned, history)
    if said is not None:
        raise base.Refused("sets", f"load: {said}")


def session_for(given: LogInput, context: logbook.DayContext, today: dt.date, bars: dict | None = None) -> SessionLog:
    """The session to write, or Refused: as planned with no plan that day, as planned when
    sets are already logged (unless a new session), nothing to log."""
    done: list[SetLog] = []
    if given.as_planned:
        if context.planned is None:
            raise base.Refused(
                "as_planned",
                f"no strength session is planned on {given.day}; give the sets you did, or name the day a "
                "session done late was planned ({planned_on} DATE)",
            )
        if context.logged_sets and not given.new_session:
            raise base.Refused(
                "as_planned",
                f"{context.logged_sets} sets are already logged on {given.day}; add only what is missing, or "
                "use {new_session} to log the planned session again",
            )
    from runstrong.io.data_files import load_context  # the kit's bars, unloaded work's effort: shipped data

    ctx = load_context()
    if given.as_planned:
        done.extend(sets_as_planned(context.planned, ctx.registry.param(UNLOADED_RULE, "unloaded_rpe")))
    done.extend(given.sets)
    empty = next((x for x in given.sets if x.amount <= 0), None)  # the pages and the set lines say it first
    if empty is not None:
        raise base.Refused("sets", f"{empty.exercise_id}: {counts_nothing(empty.measure)}")
    under = under_the_bar(given.sets, ctx.library, context.athlete.units, ctx.params, bars)
    if under is not None:
        raise base.Refused("sets", f"load: {under}")
    if not given.anything() or (not done and not given.pains and given.note is None
                                and given.minutes is None and given.session_rpe is None):  # fmt: skip
        raise base.Refused(
            "sets",
            "nothing to log: tick the sets you did or give them ({sets}), or log the session as planned ({as_planned})",
        )
    try:
        data = logbook.session_data(given.day, context, done, minutes=given.minutes, session_rpe=given.session_rpe,
                                    note=given.note, pains=list(given.pains))  # fmt: skip
    except ValueError as err:  # more sets of an exercise than a session can number
        raise base.Refused("sets", str(err).removeprefix("sets: ")) from None
    return validate_entry(SessionLog, data, today)


def _answer_for(tx: base.Tx, key: str) -> Answer | None:
    from sqlalchemy import select

    text = tx.s.scalar(select(LogKeyRow.answer).where(LogKeyRow.athlete_id == tx.athlete.id, LogKeyRow.key == key))
    return Answer.model_validate_json(text) if text else None


SLIP_DAYS = 60  # a log this far before the plan's start is named: most are a year typed wrong


def far_before_the_plan(s: SqlSession, athlete_id: int, day: dt.date, today: dt.date) -> list[str]:
    """Words for a log dated long before the runner's plan starts (cr22a P2: 2026-01-08 typed
    for 2027-01-08 went in without a word). Kept, as a set far above the plan is, and named."""
    plan = repo.latest_plan(s, athlete_id)
    start = plan[1].start_date if plan else None
    if start is None or day >= start - dt.timedelta(days=SLIP_DAYS):
        return []
    words = f"{day:%a %d %b %Y} is {(start - day).days} days before your plan starts ({start:%d %b %Y})"
    try:
        meant = day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        meant = None
    if meant is not None and start - dt.timedelta(days=SLIP_DAYS) <= meant <= today:
        words += f": did you mean {meant:%d %b %Y}?"
    return [words + " If so, undo this log and log it again with that --date."]
