"""`runstrong log edit|delete`, `run delete`, `wellness edit` and `undo`: putting right what
was logged. Each calls one flow (one transaction, kept in the change log), so `undo`
takes back exactly the last change, whatever made it (this command, the web app, the API).
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from typing import Any

import click

from runstrong.cli.diary_common import athlete_option, clock_now, clock_today, date_option, db_option, open_diary
from runstrong.errors import UserError

EDIT_FLAGS = {"set": "--set", "session": "--session", "date": "--date", "run": "--number", "version": "--db",
              "reps": "--reps", "seconds": "--seconds", "contacts": "--contacts", "distance_m": "--metres",
              "load_kg": "--load", "rpe": "--rpe", "rir": "--rir", "form_quality": "--form", "form_note": "--form-note",
              "minutes": "--minutes", "session_rpe": "--rpe", "note": "--note"}  # fmt: skip


class WithSubcommands(click.Group):
    """A command that also has subcommands (`log` and `log edit`), loaded when used."""

    subcommands: dict[str, tuple[str, str]] = {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.subcommands)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        found = self.subcommands.get(cmd_name)
        return getattr(importlib.import_module(found[0]), found[1]) if found else None


def log_group() -> type[click.Group]:
    return type("LogGroup", (WithSubcommands,), {"subcommands": {"edit": (__name__, "log_edit"),
                                                                 "delete": (__name__, "log_delete")}})  # fmt: skip


def wellness_group() -> type[click.Group]:
    return type("WellnessGroup", (WithSubcommands,), {"subcommands": {"edit": (__name__, "wellness_edit")}})


def _clock() -> Any:
    from runstrong.flows.base import Clock

    return Clock(clock_now(), clock_today())


def _day(value: str | None) -> dt.date:
    from runstrong.cli.diary_common import parse_day

    return parse_day(value, clock_today())


def _call(flow: Any, *args: Any, db: str | None, athlete: str | None) -> Any:
    """Run a flow; its refusals and bad values named by this command's flags."""
    from pydantic import ValidationError

    from runstrong.cli.diary_common import describe_errors
    from runstrong.core.diary import SetLog
    from runstrong.flows.base import Refused

    with open_diary(db) as store:
        try:
            return flow(store, athlete, *args, _clock())
        except Refused as err:
            raise UserError(err.said_with(EDIT_FLAGS)) from None
        except ValidationError as err:
            raise UserError(describe_errors(err, SetLog, EDIT_FLAGS)) from None


def _set_id(db: str | None, athlete: str | None, day: dt.date, exercise: str, number: int, side: str | None) -> int:
    from runstrong.core.setline import SessionLifts, resolve_exercise
    from runstrong.flows.base import Refused
    from runstrong.flows.edit import find_set
    from runstrong.io.data_files import load_library
    from runstrong.store import lifts_known, repo

    with open_diary(db) as store:
        with store.read() as s:  # a name means a lift logged that day first ("step up": her Dumbbell step-up)
            logged = lifts_known.logged_on(s, repo.find_athlete(s, athlete).id, day)
        chosen = resolve_exercise(exercise, load_library(), field="--exercise", prefer=(SessionLifts(logged),))
        try:
            return find_set(store, athlete, day, chosen.id, number, side)
        except Refused as err:
            raise UserError(err.said_with(EDIT_FLAGS)) from None


def _done(text: str) -> None:
    from rich.markup import escape

    from runstrong.cli.options import console

    console().print(f"[bold green]✓[/] {escape(text)} ([bold]runstrong undo[/] takes it back).")


def set_target(f):  # type: ignore[no-untyped-def]
    for option in reversed([
        click.option("--exercise", "-e", metavar="NAME", help="The exercise of the set (name, id or 'rdl')."),
        click.option("--set", "number", type=click.IntRange(1, 999), default=None, help="Which set (1, 2, ...)."),
        click.option("--side", type=click.Choice(["left", "right"]), help="For one-sided sets."),
    ]):  # fmt: skip
        f = option(f)
    return f


@click.command("edit")
@set_target
@click.option("--reps", type=int, help="Reps done.")
@click.option("--seconds", type=int, help="Seconds held.")
@click.option("--contacts", type=int, help="Ground contacts.")
@click.option("--metres", "distance_m", type=float, help="Metres covered.")
@click.option("--load", help="Load: 40kg, 90lb, bw (in your units when no unit is given).")
@click.option("--rpe", type=float, help="The set's RPE (with --set), else the session RPE, 1-10.")
@click.option("--rir", type=int, help="Reps in reserve, 0-10.")
@click.option("--form", "form_quality", type=int, help="Form quality, 1-5.")
@click.option("--minutes", type=int, help="The session's minutes (without --set).")
@click.option("--note", help="The session's note (without --set).")
@date_option("The day the session was done")
@athlete_option
@db_option
def log_edit(exercise: str | None, number: int | None, side: str | None, day: str | None, athlete: str | None,
             db: str | None, **values: Any) -> None:  # fmt: skip
    """Correct a logged set, or the session's minutes, RPE or note.

    \b
      runstrong log edit --exercise rdl --set 2 --reps 7 --load 40kg
      runstrong log edit --date yesterday --minutes 40 --rpe 7
    """
    from runstrong.flows.edit import edit_session, edit_set

    when = _day(day)
    given = {k: v for k, v in values.items() if v is not None}
    if not given:
        raise UserError("--reps: nothing to change; give the new value, e.g. --reps 7 or --load 40kg")
    if exercise is None:
        if set(given) - {"rpe", "minutes", "note"}:
            raise UserError("--exercise: say which set to change, e.g. --exercise rdl --set 2")
        if "rpe" in given:
            given["session_rpe"] = given.pop("rpe")
        done = _call(edit_session, _session_id(db, athlete, when), given, db=db, athlete=athlete)
    else:
        if number is None:
            raise UserError("--set: say which set of the exercise, e.g. --set 2")
        if "load" in given:
            given["load_kg"] = _load(given.pop("load"), db, athlete)
        set_id = _set_id(db, athlete, when, exercise, number, side)
        done = _call(edit_set, set_id, given, db=db, athlete=athlete)
    _done(f"Edited {done.what}")


def _load(text: str, db: str | None, athlete: str | None) -> float | None:
    from runstrong.core.setline import parse_load
    from runstrong.store import repo

    with open_diary(db) as store, store.read() as s:
        units = repo.find_athlete(s, athlete).units
    return parse_load(text, units, field="--load")


def _session_id(db: str | None, athlete: str | None, day: dt.date, label: str | None = None) -> int:
    from runstrong.store import diary_days, repo

    with open_diary(db) as store, store.read() as s:
        logged = diary_days.sessions_logged_on(s, repo.find_athlete(s, athlete).id, day)
    if label is not None:
        logged = [x for x in logged if (x.planned_label or "").lower() == label.lower()]
    if not logged:
        raise UserError(f"--date: no session logged on {day}{' for ' + label if label else ''}; see runstrong history")
    if len(logged) > 1 and label is None:
        raise UserError(f"--session: {len(logged)} sessions are logged on {day}; say which with --session A|B|C")
    return logged[-1].id


@click.command("delete")
@set_target
@click.option("--session", "label", metavar="A|B|C", help="Which session, when the day holds more than one.")
@date_option("The day the session was done")
@athlete_option
@db_option
def log_delete(exercise: str | None, number: int | None, side: str | None, label: str | None, day: str | None,
               athlete: str | None, db: str | None) -> None:  # fmt: skip
    """Delete a logged set (--exercise and --set), or the day's whole session.

    \b
      runstrong log delete --exercise rdl --set 3
      runstrong log delete --date yesterday          the whole session, its sets and pains
    """
    from runstrong.flows.delete import delete_session, delete_set

    when = _day(day)
    if exercise is not None:
        if number is None:
            raise UserError("--set: say which set of the exercise, e.g. --set 2")
        done = _call(delete_set, _set_id(db, athlete, when, exercise, number, side), db=db, athlete=athlete)
    else:
        done = _call(delete_session, _session_id(db, athlete, when, label), db=db, athlete=athlete)
    _done(f"Deleted {done.what}")


@click.command("delete")
@click.option("--number", type=click.IntRange(1, 99), help="Which run of the day (1 = the first logged).")
@date_option("The day of the run")
@athlete_option
@db_option
def run_delete(number: int | None, day: str | None, athlete: str | None, db: str | None) -> None:
    """Delete a logged run.

    \b
      runstrong run delete --date yesterday
    """
    from runstrong.flows.delete import delete_run, runs_on

    when = _day(day)
    with open_diary(db) as store:
        runs = runs_on(store, athlete, when)
    if not runs:
        raise UserError(f"--date: no run logged on {when}")
    if number is None and len(runs) > 1:
        listed = "; ".join(f"{n} = {r.type.value} {r.minutes:g} min" for n, (_, r) in enumerate(runs, 1))
        raise UserError(f"--number: {len(runs)} runs are logged on {when} ({listed}); say which with --number N")
    if number is not None and number > len(runs):
        raise UserError(f"--number: only {len(runs)} run(s) are logged on {when}")
    run_id = runs[(number or 1) - 1][0]
    _done(f"Deleted {_call(delete_run, run_id, db=db, athlete=athlete).what}")


@click.command("edit")
@click.option("--sleep", "sleep_hours", type=float, help="Hours slept, 0-16.")
@click.option("--sleep-quality", type=int, help="Sleep quality, 1-5.")
@click.option("--mood", type=int, help="Mood, 1-5.")
@click.option("--appetite", type=int, help="Appetite, 1-5.")
@click.option("--soreness", type=int, help="Muscle soreness, 1-5.")
@click.option("--stress", type=int, help="Stress, 1-5.")
@click.option("--energy", type=int, help="Energy, 1-5.")
@click.option("--note", help="The check-in's note.")
@click.option("--clear", multiple=True, metavar="ANSWER", help="Clear an answer (e.g. --clear mood; repeatable).")
@date_option("The day of the check-in")
@athlete_option
@db_option
def wellness_edit(day: str | None, athlete: str | None, db: str | None, clear: tuple[str, ...], **values: Any) -> None:
    """Correct a day's check-in.

    \b
      runstrong wellness edit --date yesterday --mood 3 --clear stress
    """
    from runstrong.core.diary import Wellness
    from runstrong.flows.edit import edit_wellness

    given: dict[str, Any] = {k: v for k, v in values.items() if v is not None}
    for name in clear:
        field = name.replace("-", "_")
        if field not in Wellness.model_fields or field == "date":
            raise UserError(f"--clear: {name!r} is not an answer of the check-in; e.g. mood, stress, sleep_hours")
        given[field] = None
    if not given:
        raise UserError("--mood: nothing to change; give the new answer, e.g. --mood 3")
    _done(f"Edited {_call(edit_wellness, _day(day), given, db=db, athlete=athlete).what}")


@click.command()
@athlete_option
@db_option
@click.option("--yes", "-y", is_flag=True, help="Take back a change older than a few minutes without asking.")
def undo(athlete: str | None, db: str | None, yes: bool) -> None:
    """Take back the last change to the diary (a log, an edit, a deletion, a swap, a
    profile, an accepted review), exactly; again to go further back. A change made in the
    last few minutes goes at once; an older one is named and asked about first (give
    --yes to take it back from a script). A refused command wrote nothing: no undo needed.

    \b
      runstrong undo
      runstrong undo --yes
    """
    from rich.markup import escape

    from runstrong.cli.diary_common import stdin_is_tty
    from runstrong.cli.options import console
    from runstrong.flows.base import NothingToUndo
    from runstrong.flows.undo import age_words, pending
    from runstrong.flows.undo import undo as undo_flow

    with open_diary(db) as store:
        try:
            last = pending(store, athlete)
        except NothingToUndo as err:
            raise UserError(str(err)) from None
    now = clock_now()
    if not yes and not last.recent(now):
        if not stdin_is_tty():
            raise UserError(
                f"undo: the last change is {last.said(now)}; nothing undone. Run `runstrong undo --yes` to take "
                "it back (a refused command wrote nothing: there is nothing of it to undo)"
            )
        if not click.confirm(f"Undo {last.said(now)}?", default=False):
            console().print("Nothing undone.")
            return
    done = _call(functools.partial(undo_flow, expected_change=last.version), db=db, athlete=athlete)
    console().print(f"[bold green]✓[/] Undone: {escape(done.summary)} (written {age_words(last.age(now))}).")
