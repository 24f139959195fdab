"""`runstrong run add`: log a run in one line; `runstrong run import`: runs from watch and app files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from runstrong.cli.diary_common import (
    athlete_option,
    clock_now,
    clock_today,
    date_option,
    db_option,
    entry_from_options,
    import_options,
    open_diary,
    parse_day,
)
from runstrong.cli.edit import run_delete
from runstrong.cli.options import console, escape
from runstrong.core.vocab import RunType  # plain enum: `run --help` loads no Pydantic model
from runstrong.errors import UserError

RUN_FLAGS = {
    "type": "TYPE",
    "minutes": "DURATION",
    "distance_km": "--distance",
    "rpe": "--rpe",
    "leg_feel": "--legs",
    "tightness": "--tightness",
    "form_note": "--form",
    "note": "--note",
    "date": "--date",
}


@click.group()
def run() -> None:
    """Runs in the diary."""


@run.command("add")
@click.argument("run_type", metavar="TYPE", type=click.Choice([t.value for t in RunType if t != RunType.rest]))
@click.argument("duration", metavar="DURATION")
@click.option("--distance", help="Distance: 8km, 5mi, 800m, or a number in your units.")
@click.option("--rpe", type=float, help="How hard the run felt, 1-10.")
@click.option("--legs", "leg_feel", type=int, help="Leg feel, 1 = dead and heavy ... 5 = springy.")
@click.option("--tightness", type=int, help="Tightness anywhere, 0 = none ... 10.")
@click.option("--form", "form_note", help="A running-form note: cadence, overstriding, hips dropping...")
@click.option("--note", help="Anything else about the run.")
@click.option("--again", is_flag=True, help="Log it even if the same run is logged that day (a second run like it).")
@click.option("--pain", "pain", hidden=True, help="Not here: pain goes in the check-in (`runstrong wellness --pain`).")
@date_option("The day of the run")
@athlete_option
@db_option
def add(
    run_type: str,
    duration: str,
    distance: str | None,
    rpe: float | None,
    leg_feel: int | None,
    tightness: int | None,
    form_note: str | None,
    note: str | None,
    again: bool,
    pain: str | None,
    day: str | None,
    athlete: str | None,
    db: str | None,
) -> None:
    """Log a run: TYPE (easy, long, tempo, intervals, race, cross_train) and DURATION (45, 45min, 1h10, 1:10:00).

    \b
    Examples:
      runstrong run add easy 45 --distance 8km --rpe 3 --legs 4
      runstrong run add long 1h50 --distance 21.1 --rpe 6 --legs 2 --tightness 3 --form "heavy heel strike late"
      runstrong run add tempo 50min --date yesterday
    The same run again that day (type, duration, distance and RPE) is answered "already
    logged", so a retried command never doubles it; a run imported from a watch that day of
    about the same duration and distance is answered "already in the diary" too; --again
    logs a second run like it.
    """
    from runstrong.core.diary import RunLog
    from runstrong.core.setline import parse_distance, parse_minutes
    from runstrong.store import repo

    if pain is not None:
        raise UserError(
            f"--pain: a run's pain goes in the check-in, with the run that brought it on: "
            f'runstrong wellness --pain "{pain} from={run_type}" (when: during, after or next_morning)'
        )
    today = clock_today()
    when = parse_day(day, today)
    minutes = parse_minutes(duration, field="DURATION")
    with open_diary(db) as store:
        with store.read() as s:
            who = repo.find_athlete(s, athlete)
        km = parse_distance(distance, who.units, field="--distance") if distance else None
        data = {
            "date": when,
            "type": run_type,
            "minutes": minutes,
            "distance_km": km,
            "rpe": rpe,
            "leg_feel": leg_feel,
            "tightness": tightness,
            "form_note": form_note,
            "note": note,
        }
        entry = entry_from_options(RunLog, {k: v for k, v in data.items() if v is not None}, today, RUN_FLAGS)
        from runstrong.flows.base import Clock, Refused
        from runstrong.flows.checkin import add_run as add_run_flow

        try:  # one change, kept for undo; the same run again that day is answered, not written
            added = add_run_flow(store, who.name, entry, Clock(clock_now(), today), again=again)
        except Refused as err:
            raise UserError(err.said_with(RUN_FLAGS)) from None
    _say_added(entry, added, who.units.value == "imperial", when)


def _say_added(entry: Any, added: Any, imperial: bool, when: Any) -> None:
    """The reply to `run add`: logged, already logged, or already imported from a watch."""
    from runstrong.core.setline import KM_PER_MILE

    def distance(km: float) -> str:
        return f"{km / KM_PER_MILE:.1f} mi" if imperial else f"{km:.1f} km"

    parts = [f"{entry.type.value} run", minutes_words(entry.minutes)]
    if entry.distance_km is not None:
        parts.append(f"{entry.distance_km / KM_PER_MILE:.2f} mi" if imperial else f"{entry.distance_km:g} km")
    if entry.rpe is not None:
        parts.append(f"RPE {entry.rpe:g}")
    if added.imported is not None:
        twin = added.imported
        size = f"{twin.minutes:.0f} min"
        if twin.distance_km is not None:
            size += f" / {distance(twin.distance_km)}"
        console().print(
            f"Already in the diary: an imported run of {size} is on {when:%a %d %b %Y}; nothing added "
            "(--again keeps both)."
        )
        return
    if added.already:
        console().print(
            f"Already logged: this {', '.join(parts)} on {when:%a %d %b %Y} is in the diary; nothing added "
            "(--again logs a second run like it)."
        )
        return
    console().print(f"[bold green]✓[/] Logged {', '.join(parts)} on {when:%a %d %b %Y}.")


def minutes_words(minutes: float) -> str:
    """`45 min`, or `19:45` for a time given to the second (read back as it was typed)."""
    if minutes == int(minutes):
        return f"{minutes:g} min"
    whole, seconds = divmod(round(minutes * 60), 60)
    hours, whole = divmod(whole, 60)
    return f"{hours}:{whole:02d}:{seconds:02d}" if hours else f"{whole}:{seconds:02d}"


def local_timezone() -> dt.tzinfo | None:
    """The zone dates are read in: None means this computer's (the tests set TZ)."""
    return None


run.add_command(run_delete)  # cli/edit.py: every change to the diary goes through a flow


@run.command("import")
@click.argument("paths", metavar="PATH...", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@import_options
def import_(paths: tuple[Path, ...], dry_run: bool, cross_training: bool, athlete: str | None, db: str | None) -> None:
    """Import runs from watch and app files into the diary.

    PATH is a file or a folder (searched with its subfolders): Garmin .fit activities,
    .gpx and .tcx tracks (also gzipped, as in a Strava export), Strava's activities.csv
    and Garmin Connect's Activities.csv. Each run gets its date, duration, distance,
    heart rate and a type guessed from its name and length (long, tempo, intervals,
    race, easy). Runs already in the diary (the same file, a run starting within
    minutes with a similar duration and distance, or one logged by hand that day) are
    left out, so importing a folder again adds only what is new. An activity that does
    not say its sport and moves at no runner's pace (a walk, a hike, a ride, a drive) is
    left out and named.

    A strength workout recorded by a Garmin watch (a .fit of sport training) is logged as
    a strength session, set by set with its loads in kg, against the planned session it
    was sent as with `runstrong fit` (else that day's); sets of exercises the library
    does not know are kept under their Garmin names.

    A file that cannot be read is named and passed over; the others are imported.
    Exit status: 0 when every file was read, 1 when some could not be (the rest were
    imported), 2 for a mistake in the command (nothing written).

    \b
    Examples:
      runstrong run import ~/Downloads/strava-export/      a whole export folder
      runstrong run import morning.fit race.gpx --dry-run  check first, write nothing
      runstrong run import Activities.csv --cross-training
    """
    from runstrong.io.activities import find_activity_files, import_files

    files = find_activity_files(paths)
    if not files:
        shown = ", ".join(str(p) for p in paths)
        raise UserError(f"PATH: no .fit, .gpx, .tcx or .csv files in {shown}; give activity files or their folder")
    import_into_diary(
        db,
        athlete,
        len(files),
        lambda index, options, advance: import_files(files, index, progress=advance, **options),
        cross_training,
        dry_run,
    )


def import_into_diary(db, athlete, total: int, read, cross_training: bool, dry_run: bool) -> None:  # type: ignore[no-untyped-def]
    """Read activities with a progress bar (`read(index, options, advance)`), ask about the
    doubtful ones at a terminal, store the rest and print the summary: `run import` and
    `import-archive` alike. Exit status 1 when some file could not be read and others were;
    2 when no file could be read (a user's mistake: nothing was written)."""
    from runstrong.flows import imports
    from runstrong.store import repo
    from runstrong.store.activity_import import run_index

    today = clock_today()
    with open_diary(db) as store:
        with store.read() as s:
            who = repo.find_athlete(s, athlete)
            index = run_index(s, who.id)
            start = imports.plan_start(s, who.id)
        options = {
            "today": today,
            "tz": local_timezone(),
            "units": who.units.value,
            "cross_training": cross_training,
        }
        report = read_with_progress(total, lambda advance: read(index, options, advance))
        imports.mark_before_the_plan(report, start)
        ask_about_doubtful(report, dry_run)
        store_import(store, who, report, today, dry_run)
    print_import_report(report, who, dry_run)
    print_before_the_plan(report)
    if report.broken and not (report.runs or report.duplicates or report.skipped or report.warnings):
        if not dry_run:
            console().print("Nothing was written to the diary.")
        raise SystemExit(2)  # no file could be read: the summary above says why, file by file
    if report.broken:
        raise SystemExit(1)  # the summary above names them; the rest is stored


def read_with_progress(total: int, read):  # type: ignore[no-untyped-def]
    """`read(advance)` with a progress bar on stderr at a terminal (`advance` ticks one file)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    err = Console(stderr=True)
    columns = (TextColumn("Reading"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("files", total=total)
        return read(lambda _item: bar.advance(task))


def ask_about_doubtful(report, dry_run: bool) -> None:  # type: ignore[no-untyped-def]
    """At a terminal, ask about each activity left out for its pace alone (a slow trail run
    looks like a hike); elsewhere they stay left out, named in the summary."""
    from runstrong.cli.diary_common import stdin_is_tty

    if dry_run or not report.doubtful or not stdin_is_tty():
        return
    for activity in list(report.doubtful):
        why = next(s for s in report.skipped if s.startswith(f"{activity.origin}: "))
        km = activity.distance_km or 0
        question = f"{why.split(': not a run')[0]} ({km:.1f} km in {activity.minutes:.0f} min). Was it a run?"
        if click.confirm(question, default=False):
            report.keep(activity)


def store_import(store, who, report, today: dt.date, dry_run: bool) -> None:  # type: ignore[no-untyped-def]
    """The new runs and the watch's strength workouts, in one transaction (none on a dry run)."""
    from runstrong.store.activity_import import write_import

    logged = []
    if (report.runs or report.strength) and not dry_run:
        with store.write() as s:
            logged = write_import(s, who, report, today)
    print_strength_logs(report.strength, logged, dry_run)


def print_strength_logs(workouts, logged, dry_run: bool) -> None:  # type: ignore[no-untyped-def]
    """One line per strength workout from the watch: logged (against which session) or not."""
    out = console()
    if dry_run:
        for activity in workouts:
            sets = sum(1 for x in activity.strength.sets if x.active)
            out.print(f"Would log the strength workout of {activity.local_date:%a %d %b %Y} ({sets} sets).")
        return
    for activity, result in logged:
        if result is None:
            out.print(f"  {activity.origin}: the strength workout of {activity.local_date} is in the diary already.")
        else:
            what = f"{result.new_sets} set{'s' if result.new_sets != 1 else ''}"
            out.print(
                f"[bold green]✓[/] Logged the strength workout of {result.date:%a %d %b %Y} from the watch: {what}."
            )


def print_import_report(report, who, dry_run: bool) -> None:  # type: ignore[no-untyped-def]
    from runstrong.core.setline import KM_PER_MILE

    out = console()
    runs = report.runs
    verb = "Would import" if dry_run else "Imported"
    what = f"{len(runs)} run{'s' if len(runs) != 1 else ''}"
    if report.cross_training:
        what += f" ({report.cross_training} of them cross-training)"
    files = f"{report.files} file{'s' if report.files != 1 else ''}"
    line = f"[bold]{verb} {what}[/] from {files} into {escape(who.name)}'s diary"
    if runs:
        km = sum(r.distance_km or 0 for r in runs)
        distance = f"{km / KM_PER_MILE:.1f} mi" if who.units.value == "imperial" else f"{km:.1f} km"
        first, last = min(r.date for r in runs), max(r.date for r in runs)
        line += f": {first:%d %b %Y} to {last:%d %b %Y}, {sum(r.minutes for r in runs) / 60:.1f} h, {distance}"
    out.print(line + ".")
    if report.duplicates:
        out.print(f"  {len(report.duplicates)} already in the diary, left out.")
    _listing(out, f"{len(report.skipped)} not runs, left out", report.skipped, limit=10)
    _listing(out, f"[yellow]{len(report.warnings)} read from damaged files[/]", report.warnings, limit=100)
    _listing(out, f"[bold red]{len(report.broken)} could not be read[/]", report.broken, limit=100)
    if dry_run:
        out.print("Dry run: nothing was written.")


def print_before_the_plan(report) -> None:  # type: ignore[no-untyped-def]
    """The import's line for runs from years before the plan (`flows.imports` decides which),
    with the CLI's way to take a wrong file back."""
    if report.before_plan:
        console().print(
            f"  [yellow]{escape(report.before_plan)}[/] Wrong files? `runstrong undo` does not take an import back: "
            "`runstrong run delete --date DATE` does, one run at a time."
        )


def _listing(out, title: str, lines: list[str], limit: int) -> None:  # type: ignore[no-untyped-def]
    if not lines:
        return
    out.print(f"  {title}:")
    for text in lines[:limit]:
        out.print(f"    {escape(text)}", soft_wrap=True)
    if len(lines) > limit:
        out.print(f"    ... and {len(lines) - limit} more")
