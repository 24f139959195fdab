"""`runstrong review`: look back at a week of the diary, decide next week, and (when
accepted) write the new plan version."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from runstrong.cli import collector
from runstrong.cli.diary_common import athlete_option, clock_now, clock_today, db_option, open_diary, stdin_is_tty
from runstrong.cli.options import console, echo_json, enum_choice, parse_date
from runstrong.core.vocab import EquipmentSet
from runstrong.errors import UserError

if TYPE_CHECKING:
    from runstrong.core.review import RealLife


def parse_week(value: str | None, today: dt.date) -> dt.date | None:
    """`--week`: a date in the week, `last` (the last full week) or `this`; None: last week,
    or this week while the plan is in its first week."""
    monday = today - dt.timedelta(days=today.weekday())
    if value is None:
        return None
    if value == "last":
        return monday - dt.timedelta(days=7)
    if value == "this":
        return monday
    day = parse_date(value, "--week", "a day of the week (2027-01-11), last or this")
    if day > today:
        raise UserError(f"--week: {day} is in the future (today is {today}); review a week that has happened")
    return day - dt.timedelta(days=day.weekday())


def parse_travel(value: str | None) -> tuple[dt.date, dt.date] | None:
    if value is None:
        return None
    start, sep, end = value.partition("..")
    example = "START..END, e.g. 2027-02-01..2027-02-07"
    first = parse_date(start, "--travel", example)
    last = parse_date(end, "--travel", example) if sep else first
    if last < first:
        raise UserError(f"--travel: ends ({last}) before it starts ({first}); swap the dates")
    return first, last


@click.command()
@db_option
@athlete_option
@click.option("--week", "-w", metavar="DATE|last|this", help="The week to review: a day in it (default: last week).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "markdown", "json"]),
    default="table",
    show_default=True,
    help="table for the terminal, markdown for coaches' notes, json for scripts.",
)
@click.option("--accept", is_flag=True, help="Write the new plan version without asking.")
@click.option("--dry-run", is_flag=True, help="Show the review and the plan changes; change nothing.")
@click.option("--travel", metavar="START..END", help="You will travel these days: exercises fit the kit at hand.")
@click.option("--kit", "kit", type=enum_choice(EquipmentSet), help="The kit you will have while travelling.")
@click.option("--ill", is_flag=True, help="You were ill: next week is a deload, to return gently.")
@click.option("--race-date", metavar="YYYY-MM-DD", help="Your race moved: the phases are planned again.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the review to a file.")
@click.option(
    "--all",
    "everyone",
    is_flag=True,
    help="Every athlete in the diary, one line each (a coach's Monday; --format markdown -o FILE files it).",
)
@click.option("--jobs", "-j", type=int, default=1, show_default=True, help="With --all: processes to share the work.")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Review with the rulebook, library and pain ladders in this folder (an edited copy; files it lacks come "
    "from runstrong). Default: $RUNSTRONG_DATA, else the shipped data.",
)
def review(
    db: str | None,
    athlete: str | None,
    week: str | None,
    fmt: str,
    accept: bool,
    dry_run: bool,
    travel: str | None,
    kit: str | None,
    ill: bool,
    race_date: str | None,
    output: Path | None,
    everyone: bool,
    jobs: int,
    data_dir: Path | None = None,
) -> None:
    """Review a week of your diary and adapt the plan from the next week on.

    \b
    It reads what you logged (sets, effort, form, pain, runs, check-ins), decides for
    each category whether to progress, hold, reduce or deload, and says why with the
    rule ids. With --accept (or when you confirm) it writes a new plan version; the old
    one is kept. Examples:
      runstrong review                       last week, asks before changing the plan
      runstrong review --dry-run --format markdown -o review.md
      runstrong review --travel 2027-02-01..2027-02-07 --kit bands --accept
      runstrong review --ill --accept
    """
    from runstrong.flows.base import Clock
    from runstrong.flows.review import accept_review
    from runstrong.io.data_files import load_context

    if accept and dry_run:
        raise UserError("--accept: use --accept or --dry-run, not both")
    if (travel is None) != (kit is None):
        raise UserError("--travel: give the dates with --travel START..END and the kit with --kit together")
    today = clock_today()
    week_start = parse_week(week, today)
    ctx = load_context(data_dir)  # a DataError lists every problem with the data files
    if everyone:
        _only_for_one(athlete or travel or ill or race_date)
        from runstrong.cli.review_all import review_everyone

        with _data_in_env(data_dir):  # --all reads the data from $RUNSTRONG_DATA (its workers too)
            return review_everyone(db, week_start, fmt, accept, jobs, output)
    real_life = _real_life_from_flags(travel, kit, ill, race_date, today)
    collector.freeze_long_lived()  # imports and the context: not walked again by the collector
    with open_diary(db) as store:
        outcome, seen, prepared = _read_review(store, athlete, week_start, today, ctx, real_life, dry_run)
        version = max(outcome.current_version, outcome.plan_version)
        apply = accept
        shown = False
        if not accept and not dry_run and fmt == "table" and output is None and stdin_is_tty():
            _show(outcome.review, outcome.changes, outcome.trend, fmt, None, None, outcome.athlete.units)
            apply = click.confirm(f"Write these changes as plan version {version + 1}?", default=True)
            shown = True
        applied = None
        if apply:
            clock = Clock(clock_now(), today)
            done = accept_review(store, outcome.athlete.name, outcome.review.week_start, clock, ctx, real_life,
                                 expected_version=seen, prepared=prepared)  # fmt: skip
            applied = written_words(done.stored, bool(done.outcome.changes), version)
        elif not dry_run and not shown:
            applied = "Nothing was changed: run again with --accept to write the new plan version."
        if shown:
            if applied:
                click.echo(applied)
            return
        _show(outcome.review, outcome.changes, outcome.trend, fmt, output, applied, outcome.athlete.units)


def written_words(stored, changed: bool, version: int) -> str:  # type: ignore[no-untyped-def]
    """What accepting wrote: a new plan version (one whose sessions are as they were keeps
    the review's record for later weeks, and says so), or nothing."""
    if not stored.new_plan:
        return "The plan already matched this review; nothing new was written."
    if not changed:
        return (
            f"Plan version {stored.plan_version} written to keep this review's record; its sessions are as they "
            f"were (version {version} is kept)."
        )
    return f"Plan version {stored.plan_version} written (version {version} is kept)."


def _read_review(store, athlete, week_start, today, ctx, real_life, dry_run):  # type: ignore[no-untyped-def]
    """The review worked out in one read, the diary version it was read at (a change before
    the write is refused, not lost) and, unless a dry run, what the write may take as it is
    (`flows.review.Prepared`: the diary's stamp then, so what was shown is what is accepted)."""
    from runstrong.flows.review import Prepared
    from runstrong.store.changes import current_version
    from runstrong.store.reviewing import prepare_review
    from runstrong.store.roster_flags import diary_stamp

    with collector.paused(), store.read() as s:
        try:
            outcome = prepare_review(s, athlete, week_start, today, ctx, real_life)
            prepared = None if dry_run else Prepared(outcome, diary_stamp(s, outcome.athlete.id))
            return outcome, current_version(s, outcome.athlete.id), prepared
        except UserError as err:
            raise _named_as_flag(err) from None


def _named_as_flag(err: UserError) -> UserError:
    """The review's error with its field named as the option the runner typed."""
    text = str(err)
    for field, flag in (("week: ", "--week: "), ("race_date: ", "--race-date: ")):
        if text.startswith(field):
            text = flag + text.removeprefix(field)
    return UserError(text)


@contextlib.contextmanager
def _data_in_env(data_dir: Path | None) -> Iterator[None]:
    """`RUNSTRONG_DATA` set to `data_dir` while the block runs (unchanged with no --data)."""
    if data_dir is None:
        yield
        return
    before = os.environ.get("RUNSTRONG_DATA")
    os.environ["RUNSTRONG_DATA"] = str(data_dir)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("RUNSTRONG_DATA", None)
        else:
            os.environ["RUNSTRONG_DATA"] = before


def _real_life_from_flags(
    travel: str | None, kit: str | None, ill: bool, race_date: str | None, today: dt.date
) -> RealLife:
    """Turn the travel, illness and race-date flags into RealLife, refusing a bad one before the diary opens."""
    from runstrong.core.review import RealLife

    trip = parse_travel(travel)
    new_race = None
    if race_date is not None:
        new_race = parse_date(race_date, "--race-date", "2027-04-25")
        if new_race <= today:
            raise UserError(f"--race-date: {new_race} is not after today ({today}); give the new race date")
    return RealLife(
        travel_start=trip[0] if trip else None,
        travel_end=trip[1] if trip else None,
        travel_equipment=[EquipmentSet(kit)] if kit else None,
        ill=ill,
        race_date=new_race,
    )


def _show(the_review, changes, trend, fmt: str, output: Path | None, applied: str | None, units) -> None:  # type: ignore[no-untyped-def]
    from runstrong.io.review_text import render_review, review_markdown

    if fmt == "json":
        data = {
            "review": the_review.model_dump(mode="json"),
            "changes": [c.model_dump(mode="json") for c in changes],
            "applied": applied,
        }
        if output is None:
            echo_json(data)
            return
        import json

        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "markdown":
        text = review_markdown(the_review, changes, applied=applied, units=units)
    else:
        renderable = render_review(the_review, changes, trend, applied=applied, units=units)
        if output is None:
            console().print(renderable)
            if not sys.stdout.isatty():
                return
            click.echo("Charts: runstrong chart -o charts/", err=True)
            return
        import os

        from rich.console import Console

        recorder = Console(record=True, width=110, file=open(os.devnull, "w"))  # noqa: SIM115
        recorder.print(renderable)
        text = recorder.export_text()
    if output is None:
        click.echo(text, nl=False)
        return
    from runstrong.io.files import write_atomically

    write_atomically(output, text)
    click.echo(f"Wrote {output}.", err=True)


@click.command()
@db_option
@athlete_option
@click.option("--accept", is_flag=True, help="Write the moved sessions as a new plan version without asking.")
@click.option("--dry-run", is_flag=True, help="Show what would move; change nothing.")
def reschedule(db: str | None, athlete: str | None, accept: bool, dry_run: bool) -> None:
    """Missed a session this week? Move it to a later day if the rules allow.

    
    A session planned before today with nothing logged on its day moves to the first
    later day this week that keeps every rule (no strength on consecutive days, no heavy
    legs next to speed work or before a key run, plyometrics 48 h apart); when no day
    does, it is dropped. Sessions are never doubled up or carried into next week.
    """
    from runstrong.core.reschedule import shift_missed
    from runstrong.io.data_files import load_context
    from runstrong.store import repo
    from runstrong.store.diary_window import load_diary
    from runstrong.store.reviewing import current_plan

    if accept and dry_run:
        raise UserError("--accept: use --accept or --dry-run, not both")
    today = clock_today()
    monday = today - dt.timedelta(days=today.weekday())
    with open_diary(db) as store:
        with store.read() as s:
            info, version, plan, profile = current_plan(s, athlete)
            diary = load_diary(s, info.id, monday, today)
        logged = {x.planned_date or x.date for x in diary.sessions} | {x.date for x in diary.sessions}
        new_plan, moves = shift_missed(plan, profile, logged, today, load_context())
        if not moves:
            click.echo("No missed session this week: nothing to move.")
            return
        for m in moves:
            click.echo(f"• {m.text}  [review-missed-sessions]")
        apply = accept or (not dry_run and stdin_is_tty() and click.confirm("Write this change?", default=True))
        if not apply:
            click.echo("Nothing was changed" + ("." if dry_run else ": run again with --accept to write it."))
            return
        with store.write() as s:
            stored = repo.store_plan(s, profile, new_plan, clock_now())
        click.echo(f"Plan version {stored.plan_version} written (version {version} is kept).")


def _only_for_one(given: object) -> None:
    """`--all` reviews every athlete as the diary holds them: one runner's options do not fit."""
    if given:
        raise UserError("--all: reviews every athlete with what the diary holds; leave out --athlete, --travel, "
                        "--kit, --ill and --race-date")  # fmt: skip
