"""`runstrong export` and `runstrong import`: the diary as JSON (lossless, schema-versioned)
or CSV (one row per set, per check-in, per run; for spreadsheets)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from runstrong.cli.diary_common import athlete_option, clock_now, clock_today, db_option, open_diary
from runstrong.errors import UserError
from runstrong.io.files import write_atomically


def _format_of(path: Path | None, fmt: str | None) -> str:
    if fmt:
        return fmt
    if path is not None and (path.suffix.lower() == ".zip" or path.is_dir() or path.suffix == ""):
        return "csv"
    return "json"


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), help="json (default) or csv.")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    help="File for JSON (default: the terminal); a folder or a .zip for CSV.",
)
@athlete_option
@db_option
def export(fmt: str | None, output: Path | None, athlete: str | None, db: str | None) -> None:
    """Write the diary out: JSON keeps everything (a backup), CSV is for spreadsheets.

    \b
    Examples:
      runstrong export -o diary.json            everything, every athlete
      runstrong export --format csv -o diary/   sessions.csv, sets.csv, wellness.csv, runs.csv...
      runstrong export -o diary.zip             the same CSV files in one zip
    """
    from runstrong.core.diary import DiaryExport
    from runstrong.core.library import load_library
    from runstrong.io.diary_files import dump_json, write_csv
    from runstrong.store import repo
    from runstrong.store.transfer import export_athlete

    kind = _format_of(output, fmt)
    if kind == "csv" and output is None:
        raise UserError("--output: CSV is several files; give a folder (-o diary/) or a zip (-o diary.zip)")
    with open_diary(db) as store, store.read() as s:
        athletes = [repo.find_athlete(s, athlete)] if athlete else repo.list_athletes(s)
        diaries = [export_athlete(s, a.id) for a in athletes]
    data = DiaryExport(exported_at=clock_now(), athletes=diaries)
    if kind == "json":
        text = dump_json(data)
        if output is None:
            sys.stdout.write(text)
            return
        write_atomically(output, text)
        where = str(output)
    else:
        assert output is not None
        write_csv(data, output, {e.id: e.name for e in load_library().exercises})
        where = str(output)
    sets = sum(len(x.sets) for d in diaries for x in d.sessions)
    click.echo(
        f"Exported {len(diaries)} athlete(s): {sum(len(d.sessions) for d in diaries)} sessions, {sets} sets, "
        f"{sum(len(d.wellness) for d in diaries)} check-ins, {sum(len(d.runs) for d in diaries)} runs → {where}",
        err=True,
    )


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True, help="Replace the diary of an athlete already in the database.")
@db_option
def import_(source: Path, replace: bool, db: str | None) -> None:
    """Read a diary back in from a JSON export, a CSV folder or a .zip (all or nothing).

    \b
    Examples:
      runstrong import diary.json               onto a new machine
      runstrong import diary.json --replace     restore a backup over the current diary
      runstrong import diary/                   CSV files edited in a spreadsheet
    """
    from runstrong.io.diary_files import entries_as_diary, load_json, parse_csv
    from runstrong.store.transfer import import_athlete, import_dated_entries

    if not source.exists():
        raise UserError(f"{source}: no such file or folder; give a .json export, a .zip or a folder of CSV files")
    today = clock_today()
    csv_mode = source.is_dir() or source.suffix.lower() == ".zip"
    if csv_mode:
        per_athlete = parse_csv(source, today)
    else:
        export_data = load_json(source, today)
        names = [a.name.casefold() for a in export_data.athletes]
        for n, name in enumerate(names):
            if name in names[:n]:
                raise UserError(f"{source.name}: athletes[{n}].name: {name!r} appears twice; give each athlete once")
    now = clock_now()
    with open_diary(db) as store, store.write() as s:
        if csv_mode:
            for name, entries in per_athlete.items():
                diary = entries_as_diary(name, entries, "metric", now)
                import_dated_entries(s, diary, replace=replace, now=now, where=f"{source.name}: athlete {name!r}")
            summary = [(name, e) for name, e in per_athlete.items()]
            counts = [
                (n, len(e.get("sessions", [])), sum(len(x.sets) for x in e.get("sessions", []))) for n, e in summary
            ]
        else:
            for n, diary in enumerate(export_data.athletes):
                import_athlete(s, diary, replace=replace, where=f"{source.name}: athletes[{n}]")
            counts = [(d.name, len(d.sessions), sum(len(x.sets) for x in d.sessions)) for d in export_data.athletes]
    for name, sessions, sets in counts:
        click.echo(f"Imported {name}: {sessions} sessions, {sets} sets.", err=True)
