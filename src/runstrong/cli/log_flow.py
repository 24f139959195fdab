"""The steps of `runstrong log`: read what was planned, turn the request into a
SessionLog, write it in one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from runstrong.cli.diary_common import validated
from runstrong.core.diary import PainReport, PlannedSession, SessionLog, SetLog, number_sets, sets_as_planned
from runstrong.errors import UserError

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


@dataclasses.dataclass(frozen=True)
class LogContext:
    athlete: Any  # repo.AthleteInfo
    plan_version: int | None
    planned: PlannedSession | None
    last: dict[str, list[SetLog]]
    logged_sets: int = 0  # already in the day's session(s)


def gather(s: Any, request: LogRequest, athlete: str | None) -> LogContext:
    """Who is logging and what their plan holds on the day (a read transaction)."""
    from runstrong.store import repo

    who = repo.find_athlete(s, athlete)
    day = repo.planned_day(s, who.id, request.day)
    planned = day.sessions[0] if day.sessions else None
    if request.label is not None:
        planned = next((p for p in day.sessions if p.label.lower() == request.label.strip().lower()), None)
        if planned is None:
            labels = ", ".join(p.label for p in day.sessions) or "none"
            raise UserError(f"--session: no session {request.label!r} planned on {request.day} (planned: {labels})")
    ids = [b.exercise_id for b in planned.blocks] if planned else []
    return LogContext(
        athlete=who,
        plan_version=day.plan_version,
        planned=planned,
        last=repo.last_sets(s, who.id, ids, request.day),
        logged_sets=repo.count_sets(s, repo.session_ids_on(s, who.id, request.day)),
    )


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
    planned = context.planned
    data = {
        "date": request.day,
        "plan_version": context.plan_version if planned else None,
        "planned_date": planned.date if planned else None,
        "planned_label": planned.label if planned else None,
        "minutes": request.minutes,
        "session_rpe": request.session_rpe,
        "note": request.note,
        "sets": number_sets({}, sets),
        "pains": request.pains,
    }
    return validated(SessionLog, data, request.today, SESSION_FLAGS)


def write_log(s: Any, log: SessionLog, request: LogRequest, context: LogContext) -> Any:
    """Store the session (or add to the day's session) inside the caller's transaction."""
    from runstrong.store import repo
    from runstrong.store.tables import SessionLogRow

    repo.lock_athlete(s, context.athlete.id)  # before reading the day's sessions
    append_to = None
    if not request.new_session:
        existing = repo.session_ids_on(s, context.athlete.id, request.day)
        if existing:
            labels = {sid: s.get(SessionLogRow, sid).planned_label for sid in existing}
            same = [
                sid for sid, lab in labels.items() if lab == log.planned_label or lab is None or not log.planned_label
            ]
            append_to = same[-1] if same else None
    return repo.log_session(s, context.athlete.id, log, append_to)
