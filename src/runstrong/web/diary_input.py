"""Checking what a page or the API sends before a write: the sets and pains of a logged
session, a pain report alone. Each bad value becomes a problem located by its field (the
pages show it by the field, the API returns it as a 422); all of them are reported at once,
and nothing is written while any is left.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from runstrong.core.diary import PainReport, SessionLog, SetLog, counts_nothing, validate_entry

from .problems import FieldProblem, InputError, problems_from


def pain_reports(
    pains: Iterable[dict[str, Any]], day: dt.date, today: dt.date
) -> tuple[list[PainReport], list[FieldProblem]]:
    """Each pain on `day`, validated like the CLI's (no dates after today), and the problems of the bad ones."""
    reports: list[PainReport] = []
    problems: list[FieldProblem] = []
    for i, raw in enumerate(pains):
        try:
            reports.append(validate_entry(PainReport, {"date": day, **raw}, today))
        except ValidationError as err:
            problems.extend(problems_from(err, PainReport, ("pains", i)))
    return reports, problems


def set_logs(sets: Iterable[dict[str, Any]]) -> tuple[list[SetLog], list[FieldProblem]]:
    """Each set as done, and the problems of the bad ones (located as sets.N.field)."""
    done: list[SetLog] = []
    problems: list[FieldProblem] = []
    for i, raw in enumerate(sets):
        try:
            done.append(SetLog.model_validate({**raw, "set_number": 1}))
        except ValidationError as err:
            problems.extend(problems_from(err, SetLog, ("sets", i)))
            continue
        if done[-1].amount <= 0:
            problems.append(FieldProblem(("sets", i, done[-1].measure), counts_nothing(done[-1].measure)))
    return done, problems


def session_input(
    day: dt.date,
    sets: Iterable[dict[str, Any]],
    pains: Iterable[dict[str, Any]],
    scalars: dict[str, Any],
    today: dt.date,
) -> tuple[list[SetLog], list[PainReport], SessionLog]:
    """A logged session's sets, pains and minutes/effort/note, or InputError with every problem."""
    done, problems = set_logs(sets)
    reports, pain_problems = pain_reports(pains, day, today)
    if problems or pain_problems:
        raise InputError(problems + pain_problems)
    try:
        session = SessionLog.model_validate({"date": day, **scalars})
    except ValidationError as err:
        raise InputError(problems_from(err, SessionLog)) from None
    return done, reports, session
