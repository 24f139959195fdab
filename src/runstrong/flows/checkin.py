"""The daily check-in, runs and notes logged by hand: one change each, kept for undo.

A run or a note already in the diary on its day is not written again: a retried command
or a form sent twice is answered "already logged" (`Added.already`). For a run "the same"
is its date, type, minutes, distance and RPE (how the legs felt or a note do not make
another run); `again=True` logs a second run like it, which a runner asks for by name.
A run typed by hand on a day a watch's run of about the same duration and distance was
imported is that run too (`Added.imported`), as `run import` leaves out a run typed first."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from runstrong.core.activity import KnownRun, similar
from runstrong.core.diary import Note, PainReport, RunLog, Wellness
from runstrong.core.pace import impossible_pace
from runstrong.core.vocab import LONGEST_RUN_MINUTES, RunType
from runstrong.store import changes, repo
from runstrong.store.db import Store
from runstrong.store.pain_dating import dated_by_training
from runstrong.store.tables import NoteRow, RunRow

from . import base


@dataclass(frozen=True)
class CheckedIn:
    entry: Wellness | None
    replaced: list[str]  # answers of an earlier check-in that day that this one changed
    pains: list[PainReport]  # as stored: dated to the day of the training each names
    version: int


def record_checkin(store: Store, athlete: str | None, entry: Wellness | None, pains: Sequence[PainReport],
                   clock: base.Clock, *, expected_version: int | None = None) -> CheckedIn:  # fmt: skip
    """Store the day's check-in (a second one that day updates the answers it gives) and
    any pains reported with it, each dated to the day of the training it names, if any
    (Monday's "calf 5/10 after the long run" is about Sunday: store.pain_dating)."""
    if entry is None and not pains:
        raise base.Refused("sleep_hours", "nothing to record: answer at least one question, or report a pain")
    day = entry.date if entry is not None else pains[0].date
    for when in {day, *(p.date for p in pains)}:
        if when > clock.today:
            raise base.Refused("date", f"{when} is in the future (today is {clock.today}); check in for today")
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        dated = [dated_by_training(tx.s, tx.athlete.id, p) for p in pains]
        for when in sorted({day, *(p.date for p in dated)}):
            tx.watch(changes.day_scopes(tx.athlete.id, when))
        replaced = repo.save_wellness(tx.s, tx.athlete.id, entry) if entry is not None else []
        for pain in dated:
            repo.add_pain(tx.s, tx.athlete.id, pain)
        tx.record("checkin", f"checked in for {day}")
        return CheckedIn(entry, replaced, dated, tx.version)


@dataclass(frozen=True)
class Added:
    """A run or note logged: its row's id and the diary version after it; `already` when
    the same entry was in the diary (its id; nothing written, the version unchanged)."""

    id: int
    version: int
    already: bool = False
    imported: KnownRun | None = None  # the imported run a typed one was found to be


def add_run(store: Store, athlete: str | None, run: RunLog, clock: base.Clock,
            *, expected_version: int | None = None, again: bool = False) -> Added:  # fmt: skip
    """Log one run, unless the same run is logged that day (see the module's docstring)."""
    if run.date > clock.today:
        raise base.Refused("date", f"{run.date} is in the future (today is {clock.today}); log today or a past day")
    if run.minutes > LONGEST_RUN_MINUTES and run.type != RunType.race:  # imports keep what the watch says
        longest = f"{LONGEST_RUN_MINUTES} min, {LONGEST_RUN_MINUTES // 60} h"
        raise base.Refused(
            "minutes", f"{run.minutes:g} min is longer than a run can be ({longest}); check it, or log it as a race"
        )
    typed = run.source is None and run.started_at is None  # a watch's run is kept as the watch says
    if typed and run.type != RunType.cross_train and (fast := impossible_pace(run.distance_km, run.minutes)):
        raise base.Refused("distance_km", f"{fast}; check the distance, its unit (km or mi) and {{minutes}}")
    twin: list[KnownRun] = []  # the imported run the typed one was found to be

    def same(tx: base.Tx) -> int | None:
        if again:
            return None
        found = _same_run(tx.s, tx.athlete.id, run)
        if found is None and run.source is None and run.started_at is None:
            imported = _imported_twin(tx.s, tx.athlete.id, run)
            if imported is not None:
                found = imported[0]
                twin.append(imported[1])
        return found

    added = _added_once(
        store, athlete, clock, expected_version, run.date, same=same,
        add=lambda tx: repo.add_run(tx.s, tx.athlete.id, run),
        record=("run", f"logged {run_words(run)} on {run.date}"),
    )  # fmt: skip
    return dataclasses.replace(added, imported=twin[-1]) if twin else added


def add_note(store: Store, athlete: str | None, note: Note, clock: base.Clock,
             *, expected_version: int | None = None) -> Added:  # fmt: skip
    """Keep a note about a day, unless the same text is kept for that day already."""
    if note.date > clock.today:
        raise base.Refused("date", f"{note.date} is in the future (today is {clock.today}); write about a day lived")
    return _added_once(
        store, athlete, clock, expected_version, note.date,
        same=lambda tx: _same_note(tx.s, tx.athlete.id, note),
        add=lambda tx: repo.add_note(tx.s, tx.athlete.id, note),
        record=("note", f"kept a note on {note.date}"),
    )  # fmt: skip


def _added_once(store: Store, athlete: str | None, clock: base.Clock, expected_version: int | None, day: dt.date,
                *, same: Callable, add: Callable, record: tuple[str, str]) -> Added:  # fmt: skip
    """One entry added in one transaction, unless `same` finds it there already (a retry)."""
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        found = same(tx)
        if found is not None:
            return Added(found, tx.version, already=True)
        tx.watch(changes.day_scopes(tx.athlete.id, day))
        new_id = add(tx)
        tx.record(*record)
        return Added(new_id, tx.version)


RUN_WORDS = {"intervals": "interval", "cross_train": "cross-training"}


def run_words(run: RunLog) -> str:
    """`an easy run of 40 min`, `a long run of 95 min`: a run in the change log's words."""
    kind = RUN_WORDS.get(run.type.value, run.type.value)
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} run of {run.minutes:g} min"


def _close(a: float | None, b: float | None) -> bool:
    return a == b if a is None or b is None else abs(a - b) < 1e-6


def _same_run(s: Session, athlete_id: int, run: RunLog) -> int | None:
    """The id of a run that day with the same type, minutes, distance and RPE, if any."""
    rows = s.execute(select(RunRow.id, RunRow.type, RunRow.minutes, RunRow.distance_km, RunRow.rpe)
                     .where(RunRow.athlete_id == athlete_id, RunRow.date == run.date).order_by(RunRow.id))  # fmt: skip
    wanted = (run.minutes, run.distance_km, run.rpe)
    for run_id, kind, *values in rows:
        if kind == run.type.value and all(_close(a, b) for a, b in zip(values, wanted, strict=True)):
            return run_id
    return None


def _imported_twin(s: Session, athlete_id: int, run: RunLog) -> tuple[int, KnownRun] | None:
    """The id of a run imported from a file that day of about the same duration and distance
    as `run` (typed by hand), and that run; None when there is none."""
    rows = s.execute(select(RunRow.id, RunRow.minutes, RunRow.distance_km, RunRow.started_at, RunRow.source)
                     .where(RunRow.athlete_id == athlete_id, RunRow.date == run.date,
                            (RunRow.source.is_not(None)) | (RunRow.started_at.is_not(None)))
                     .order_by(RunRow.id))  # fmt: skip
    typed = KnownRun(run.date, run.minutes, run.distance_km)
    for run_id, *values in rows:
        other = KnownRun(run.date, *values)
        if similar(typed, other):
            return run_id, other
    return None


def _same_note(s: Session, athlete_id: int, note: Note) -> int | None:
    """The id of a note that day with the very same text, if any."""
    return s.scalar(select(NoteRow.id).where(NoteRow.athlete_id == athlete_id, NoteRow.date == note.date,
                                             NoteRow.text == note.text).limit(1))  # fmt: skip
