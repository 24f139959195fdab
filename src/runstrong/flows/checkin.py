"""The daily check-in and runs logged by hand: one change each, kept for undo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from runstrong.core.diary import PainReport, RunLog, Wellness
from runstrong.store import changes, repo
from runstrong.store.db import Store

from . import base


@dataclass(frozen=True)
class CheckedIn:
    entry: Wellness | None
    replaced: list[str]  # answers of an earlier check-in that day that this one changed
    pains: list[PainReport]
    version: int


def record_checkin(store: Store, athlete: str | None, entry: Wellness | None, pains: Sequence[PainReport],
                   clock: base.Clock, *, expected_version: int | None = None) -> CheckedIn:  # fmt: skip
    """Store the day's check-in (a second one that day updates the answers it gives) and
    any pains reported with it."""
    if entry is None and not pains:
        raise base.Refused("sleep_hours", "nothing to record: answer at least one question, or report a pain")
    day = entry.date if entry is not None else pains[0].date
    for when in {day, *(p.date for p in pains)}:
        if when > clock.today:
            raise base.Refused("date", f"{when} is in the future (today is {clock.today}); check in for today")
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        for when in sorted({day, *(p.date for p in pains)}):
            tx.watch(changes.day_scopes(tx.athlete.id, when))
        replaced = repo.save_wellness(tx.s, tx.athlete.id, entry) if entry is not None else []
        for pain in pains:
            repo.add_pain(tx.s, tx.athlete.id, pain)
        tx.record("checkin", f"checked in for {day}")
        return CheckedIn(entry, replaced, list(pains), tx.version)


def add_run(store: Store, athlete: str | None, run: RunLog, clock: base.Clock,
            *, expected_version: int | None = None) -> tuple[int, int]:  # fmt: skip
    """Log one run; its id and the diary version after it."""
    if run.date > clock.today:
        raise base.Refused("date", f"{run.date} is in the future (today is {clock.today}); log today or a past day")
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        tx.watch(changes.day_scopes(tx.athlete.id, run.date))
        run_id = repo.add_run(tx.s, tx.athlete.id, run)
        tx.record("run", f"logged a {run.type.value} run of {run.minutes:g} min on {run.date}")
        return run_id, tx.version
