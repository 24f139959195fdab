"""The steps of `runstrong log`: read what was planned, turn the request into the log
flow's input (sets parsed from their lines), and call the flow, which decides and writes
in one transaction. The CLI's idempotency key is a hash of the request and its date, so
running the same command again (a retry after a crash) never logs the sets twice."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from runstrong.cli.diary_common import entry_from_options
from runstrong.core.diary import PainReport, SetLog
from runstrong.errors import UserError
from runstrong.store.logbook import DayContext as LogContext

SESSION_FLAGS = {"session_rpe": "--rpe", "minutes": "--minutes", "note": "--note", "date": "--date"}
# the flow's names for its inputs, as the CLI spells them
FLOW_FLAGS = {"as_planned": "--as-planned", "new_session": "--new-session", "sets": "--set", "label": "--session",
              "date": "--date", "key": "--again", "planned_on": "--for", "confirm": "--yes",
              **SESSION_FLAGS}  # fmt: skip


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
    again: bool = False  # log it even if the same request was logged before
    planned_on: dt.date | None = None  # --for: the planned session's date, when done on another day
    confirmed: bool = False  # --yes: a load far beyond the kit, the plan and the lift's history is meant

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
    from runstrong.flows.loads import followed_context
    from runstrong.store import logbook, repo

    field = "--for" if request.planned_on is not None else "--session"
    context = logbook.gather(s, repo.find_athlete(s, athlete), request.day, request.label, field, request.planned_on)
    return followed_context(s, context, request.day)


def parse_lines(lines: tuple[str, ...], units: Any, today: dt.date, prefer: Any = ()) -> list[SetLog]:
    """The sets of `lines`, a short name looked up in `prefer` first (see `flows.lift_names`)."""
    from runstrong.core.setline import parse_set_line
    from runstrong.io.data_files import load_library

    library = load_library()
    out = []
    for line in lines:
        try:
            parsed = parse_set_line(line, library, units, prefer)
        except UserError as err:
            raise UserError(f"--set: {err}") from None
        out.extend(entry_from_options(SetLog, fields, today) for fields in parsed.sets)
    return out


def flow_input(request: LogRequest, units: Any, athlete: str, prefer: Any = ()) -> Any:
    """The log flow's input for `request`, keyed by its content and day (unless --again)."""
    from runstrong.flows.log_session import LogInput, content_key

    sets = (*request.sets, *parse_lines(request.set_lines, units, request.today, prefer))
    key = None
    if not request.again:
        key = content_key({
            "athlete": athlete, "day": request.day, "as_planned": request.as_planned, "label": request.label,
            "sets": [x.model_dump(mode="json") for x in sets], "rpe": request.session_rpe, "minutes": request.minutes,
            "note": request.note, "pains": [p.model_dump(mode="json") for p in request.pains],
            "new_session": request.new_session, "for": request.planned_on,
        })  # fmt: skip
    return LogInput(day=request.day, sets=sets, as_planned=request.as_planned, label=request.label,
                    minutes=request.minutes, session_rpe=request.session_rpe, note=request.note,
                    pains=tuple(request.pains), new_session=request.new_session, key=key,
                    planned_on=request.planned_on, confirmed=request.confirmed)  # fmt: skip


def write_log(store: Any, request: LogRequest, athlete: str | None) -> Any:
    """Call the log flow; its refusals and bad values named by the CLI's flags."""
    from pydantic import ValidationError

    from runstrong.cli.diary_common import clock_now, describe_errors
    from runstrong.cli.pain_text import pain_alone
    from runstrong.core.diary import SessionLog
    from runstrong.flows.base import Clock, Refused
    from runstrong.flows.lift_names import preference
    from runstrong.flows.log_session import log_session
    from runstrong.io.data_files import load_library
    from runstrong.store import repo

    with store.read() as s:
        who = repo.find_athlete(s, athlete)
        prefer = preference(s, who, load_library(), request.planned_on or request.day, request.label)
    try:
        given = flow_input(request, who.units, who.name, prefer)
        return log_session(store, who.name, given, Clock(clock_now(), request.today))
    except Refused as err:
        raise UserError(err.said_with(FLOW_FLAGS) + pain_alone(request.pains, request.day, request.today)) from None
    except ValidationError as err:
        said = describe_errors(err, SessionLog, SESSION_FLAGS)
        raise UserError(said + pain_alone(request.pains, request.day, request.today)) from None
    except UserError as err:
        raise UserError(f"{err}{pain_alone(request.pains, request.day, request.today)}") from None
