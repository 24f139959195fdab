"""One write transaction per change: the athlete found and locked, the diary version
checked against the one a form was opened at, the change recorded with the next version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from runstrong import clock
from runstrong.errors import UserError
from runstrong.store import changes, repo, roster_flags, week_flags
from runstrong.store.db import Store

from . import identity

if TYPE_CHECKING:  # a type only: the flows' import stays as light as it was
    from runstrong.core.context import PlanningContext


class Conflict(UserError):
    """The diary changed since the form or request was made (HTTP 409): nothing written."""


class _Names(dict):
    def __missing__(self, key: str) -> str:
        return key


class Refused(UserError):
    """A flow's policy says no; `field` names the input at fault. The message may name
    other inputs as `{new_session}`: each face says them in its own words (a flag, a form
    field, a JSON member) with `said_with`."""

    def __init__(self, field: str, message: str) -> None:
        self.template = message
        self.message = message.format_map(_Names())
        super().__init__(self.message, field=field)

    def said_with(self, names: dict[str, str]) -> str:
        """The message with the face's name for each input, the field first."""
        return f"{names.get(self.field, self.field)}: {self.template.format_map(_Names(names))}"


class NothingToUndo(UserError):
    """No change in the diary can be undone."""


@dataclass(frozen=True)
class Clock:
    """Now, as the flows see it: the instant (UTC, naive) and the runner's today."""

    now: dt.datetime
    today: dt.date

    @classmethod
    def system(cls) -> Clock:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        return cls(now, clock.today())


@dataclass
class Tx:
    """An open change: the session, the athlete (locked), the version it started from."""

    s: Session
    athlete: repo.AthleteInfo
    version: int
    clock: Clock
    scopes: list[changes.Scope] = field(default_factory=list)
    before: changes.Rows = field(default_factory=dict)
    recorded: bool = False
    context: PlanningContext | None = None  # the planning data the change used (the roster's flags follow it)
    diffs: list[dict] = field(default_factory=list)  # what each recorded change did (the week's flags read it)

    def watch(self, scopes: list[changes.Scope]) -> None:
        """Rows this change may touch, read now so the change log can say what it did."""
        self.scopes.extend(scopes)
        for name, rows in changes.snapshot(self.s, scopes).items():
            self.before.setdefault(name, {}).update(rows)

    def record(self, kind: str, summary: str) -> int:
        """Keep what changed in the watched rows; the diary version after it."""
        diff = changes.record(self.s, self.athlete.id, self.version + 1, self.clock.now, kind, summary,
                              self.scopes, self.before)  # fmt: skip
        if diff:
            self.diffs.append(diff)
            self.version += 1
            self.recorded = True
        return self.version


def check_version(expected: int | None, current: int, what: str = "diary") -> None:
    if expected is not None and expected != current:
        raise Conflict(
            f"version: the {what} changed since you opened it (version {expected}, now {current}); "
            "nothing was saved: reload to see the change, then try again"
        )


def begin(s: Session, info: repo.AthleteInfo, clock: Clock, expected_version: int | None = None) -> Tx:
    """Lock the athlete's diary for the rest of the transaction and check its version."""
    repo.lock_athlete(s, info.id)
    version = changes.current_version(s, info.id)
    check_version(expected_version, version)
    return Tx(s, info, version, clock)


@contextmanager
def change(store: Store, athlete: str | None, clock: Clock, *, expected_version: int | None = None) -> Iterator[Tx]:
    """A write transaction on one athlete's diary, locked for the whole change; a change
    recorded moves the roster's stored flags in the same transaction."""
    with store.write() as s:
        tx = begin(s, identity.find(s, athlete), clock, expected_version)
        started_at = tx.version
        yield tx
        if tx.version != started_at:  # recorded, or undone
            ctx = context_or_default(tx.context)
            roster_flags.refresh(s, tx.athlete.id, tx.athlete.name, clock.today, ctx)
            week_flags.refresh(s, tx.athlete.id, tx.athlete.name, clock.today, ctx, _touched(tx))


def _touched(tx: Tx) -> week_flags.Touched:
    """What the change's recorded differences touched; a change that kept none (an undo of
    one without its rows) counts as touching the plan, so last week's flags are worked out again."""
    if not tx.diffs:
        return week_flags.Touched(plan=True)
    found = [week_flags.touched(tx.s, d) for d in tx.diffs]
    days = [t.earliest for t in found if t.earliest is not None]
    return week_flags.Touched(plan=any(t.plan for t in found), earliest=min(days) if days else None)


def context_or_default(ctx: PlanningContext | None) -> PlanningContext:
    """`ctx`, or for a change made without planning data the default one (`RUNSTRONG_DATA`,
    else the shipped data): the roster's flags are always worked out with some."""
    if ctx is not None:
        return ctx
    from runstrong.io.data_files import load_context

    return load_context()


def diary_version(store: Store, athlete: str | None) -> int:
    """The version a form shows now (given back with the form to spot a stale one)."""
    with store.read() as s:
        return changes.current_version(s, identity.find(s, athlete).id)
