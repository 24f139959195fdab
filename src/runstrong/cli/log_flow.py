"""The steps of `runstrong log`: read what was planned, turn the request into a
SessionLog, write it in one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from runstrong.cli.diary_common import validated
from runstrong.core.diary import PainReport, SessionLog, SetLog, sets_as_planned
from runstrong.errors import UserError
from runstrong.store.logbook import DayContext as LogContext
from runstrong.store.logbook import session_data

SESSION_FLAGS = {"session_rpe": "--rpe", "minutes": "--minutes", "note": "--note", "date": "--date"}


@dataclasses.dataclass(frozen=True)
class LogRequest:
    day: dt.date
    today: dt.date
    set_lines: tuple[str, ...] = ()
    as_planned: bool = False
    label: str | None = None
    session_rpe: float | None = None
    minutes: int | None = None
    note: str | None = None
    pains: list[PainReport] = dataclasses.field(default_factory=list)
    new_session: bool = False
    sets: tuple[SetLog, ...] = ()

    def anything_given(self) -> bool:
        return bool(
            self.set_lines
            or self.as_planned
            or self.sets
            or self.pains
            or self.note
            or self.session_rpe is not None
            or self.minutes is not None
        )

    def replace(self, **changes: Any) -> LogRequest:
        return dataclasses.replace(self, **changes)


def gather(s: Any, request: LogRequest, athlete: str | None) -> LogContext:
    """Who is logging and what their plan holds on the day (a read transaction)."""
    from runstrong.store import logbook, repo

    return logbook.gather(s, repo.find_athlete(s, athlete), request.day, request.label, field="--session")


def parse_lines(lines: tuple[str, ...], context: LogContext, today: dt.date) -> list[SetLog]:
    from runstrong.core.library import load_library
    from runstrong.core.setline import parse_set_line

    library = load_library()
    out = []
    for line in lines:
        try:
            parsed = parse_set_line(line, library, context.athlete.units)
        except UserError as err:
            raise UserError(f"--set: {err}") from None
        out.extend(validated(SetLog, fields, today) for fields in parsed.sets)
    return out


def build_session(request: LogRequest, context: LogContext) -> SessionLog:
    sets: list[SetLog] = []
    if request.as_planned:
        if context.planned is None:
            raise UserError(
                f"--as-planned: no strength session is planned on {request.day}; log what you did with "
                "--set 'rdl 3x8@40kg rpe7'"
            )
        if context.logged_sets and not request.new_session:
            raise UserError(
                f"--as-planned: {context.logged_sets} sets are already logged on {request.day}; add what is "
                "missing with --set, or pass --new-session to log the planned session again"
            )
        sets.extend(sets_as_planned(context.planned))
    sets.extend(request.sets)
    sets.extend(parse_lines(request.set_lines, context, request.today))
    data = session_data(
        request.day,
        context,
        sets,
        minutes=request.minutes,
        session_rpe=request.session_rpe,
        note=request.note,
        pains=request.pains,
    )
    return validated(SessionLog, data, request.today, SESSION_FLAGS)


def write_log(s: Any, log: SessionLog, request: LogRequest, context: LogContext) -> Any:
    """Store the session (or add to the day's session) inside the caller's transaction."""
    from runstrong.store.logbook import write_session

    return write_session(s, context.athlete.id, log, new_session=request.new_session)
