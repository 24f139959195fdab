"""Logging a strength session against the plan, the same way from the CLI and the web app:
what the day holds, the fields of the log, and which of the day's sessions a new log joins.

Functions take a Session and values; the caller's transaction commits or rolls back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from runstrong.core.diary import PainReport, PlannedSession, SessionLog, SetLog, number_sets
from runstrong.errors import UserError

from . import repo
from .tables import LogKeyRow, SessionLogRow


@dataclasses.dataclass(frozen=True)
class DayContext:
    """Who is logging, the planned session the log fulfils, and what the day already holds."""

    athlete: repo.AthleteInfo
    plan_version: int | None
    planned: PlannedSession | None
    last: dict[str, list[SetLog]]
    logged_sets: int = 0  # already in the day's session(s)


def gather(
    s: Session,
    athlete: repo.AthleteInfo,
    day: dt.date,
    label: str | None = None,
    field: str = "session",
    planned_on: dt.date | None = None,
) -> DayContext:
    """The planned session the log fulfils (the one labelled `label`, else the first, on
    `planned_on` when it was done on another day than planned) and what `day` already holds."""
    when = planned_on or day
    plan = repo.planned_day(s, athlete.id, when)
    planned = plan.sessions[0] if plan.sessions else None
    if planned_on is not None and planned is None:
        raise UserError(f"{field}: no strength session is planned on {when}; give the date of a planned session")
    if label is not None:
        planned = next((p for p in plan.sessions if p.label.lower() == label.strip().lower()), None)
        if planned is None:
            labels = ", ".join(p.label for p in plan.sessions) or "none"
            raise UserError(f"{field}: no session {label!r} planned on {when} (planned: {labels})")
    ids = [b.exercise_id for b in planned.blocks] if planned else []
    return DayContext(
        athlete=athlete,
        plan_version=plan.plan_version,
        planned=planned,
        last=repo.last_sets(s, athlete.id, ids, day),
        logged_sets=repo.count_sets(s, sessions_for(s, athlete.id, day, planned)),
    )


def sessions_for(s: Session, athlete_id: int, day: dt.date, planned: PlannedSession | None) -> list[int]:
    """The day's sessions a log of `planned` would add to: the one standing for the same
    planned session (date and letter), and any unplanned one. A session logged that day for
    another day's plan (`--for`) is another session: today's planned one is still to log."""
    rows = s.execute(
        select(SessionLogRow.id, SessionLogRow.planned_date, SessionLogRow.planned_label)
        .where(SessionLogRow.athlete_id == athlete_id, SessionLogRow.date == day)
        .order_by(SessionLogRow.id)
    ).all()
    if planned is None:
        return [r.id for r in rows]
    return [r.id for r in rows if r.planned_label is None or stands_for(r.planned_date, r.planned_label, planned)]


def stands_for(planned_date: dt.date | None, label: str | None, planned: PlannedSession | SessionLog) -> bool:
    """Whether a logged session (its planned date and letter) stands for `planned` (a planned
    session, or another log's): the same letter, and the same planned day when both say one."""
    day = planned.date if isinstance(planned, PlannedSession) else planned.planned_date
    want = planned.label if isinstance(planned, PlannedSession) else planned.planned_label
    return label == want and (planned_date is None or day is None or planned_date == day)


def session_data(
    day: dt.date,
    context: DayContext,
    sets: list[SetLog],
    *,
    minutes: int | None = None,
    session_rpe: float | None = None,
    note: str | None = None,
    pains: list[PainReport] | None = None,
) -> dict[str, Any]:
    """The fields of a SessionLog (to validate with `validate_entry`): the sets numbered, and
    the planned session they fulfil named by plan version, date and letter."""
    planned = context.planned
    return {
        "date": day,
        "plan_version": context.plan_version if planned else None,
        "planned_date": planned.date if planned else None,
        "planned_label": planned.label if planned else None,
        "minutes": minutes,
        "session_rpe": session_rpe,
        "note": note,
        "sets": number_sets({}, sets),
        "pains": pains or [],
    }


def write_session(s: Session, athlete_id: int, log: SessionLog, new_session: bool = False) -> repo.LoggedSession:
    """Store the session, or add it to the day's session for the same planned letter (or the
    day's unplanned one), unless `new_session` asks for a second session that day."""
    repo.lock_athlete(s, athlete_id)  # before reading the day's sessions
    append_to = None
    if not new_session:
        existing = repo.session_ids_on(s, athlete_id, log.date)
        if existing:
            rows = [row for sid in existing if (row := s.get(SessionLogRow, sid)) is not None]
            same = [
                row.id
                for row in rows
                if row.planned_label is None
                or not log.planned_label
                or stands_for(row.planned_date, row.planned_label, log)
            ]
            append_to = same[-1] if same else None
    return repo.log_session(s, athlete_id, log, append_to)


def keys_since(s: Session, athlete_id: int, prefix: str, since: dt.datetime) -> list[str]:
    """The athlete's idempotency keys that start with `prefix`, kept at or after `since`, without
    the prefix: the session page names the form tokens saved lately, so a phone's draft that was
    saved is known as saved whatever the phone saw of the answer (web/log_pages.py)."""
    rows = s.scalars(
        select(LogKeyRow.key).where(
            LogKeyRow.athlete_id == athlete_id, LogKeyRow.key.startswith(prefix), LogKeyRow.created_at >= since
        )
    )
    return sorted(key.removeprefix(prefix) for key in rows)
