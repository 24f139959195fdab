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
    from runstrong.io.data_files import load_library
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
        f"{sum(len(d.wellness) for d in diaries)} check-ins, {sum(len(d.runs) for d in diaries)} runs, "
        f"{sum(len(d.notes) for d in diaries)} notes → {where}",
        err=True,
    )


def activity_kind(source: Path) -> str | None:
    """`FIT`, `GPX` or `TCX` when `source` is a watch's activity file (by its name, or a FIT
    file's header), which `runstrong run import` reads; None for anything else."""
    from runstrong.io.activities import activity_kind as by_name

    if not source.is_file():
        return None
    if by_name(source) in ("fit", "gpx", "tcx"):
        return str(by_name(source)).upper()
    with source.open("rb") as f:
        head = f.read(12)
    return "FIT" if head[8:12] == b".FIT" else None


@click.command("import")
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--replace", is_flag=True, help="Replace the diary of an athlete already in the database.")
@click.option("--force", is_flag=True,
              help="With --replace: also when SOURCE is not a whole diary (what it lacks is deleted).")  # fmt: skip
@db_option
def import_(source: Path, replace: bool, force: bool, db: str | None) -> None:
    """Read a diary back in from a JSON export, a CSV folder or a .zip (all or nothing).

    \b
    Examples:
      runstrong import diary.json               onto a new machine
      runstrong import diary.json --replace     restore a backup over the current diary
      runstrong import diary/                   CSV files edited in a spreadsheet
    --replace first writes a backup of the whole diary (JSON) and says where; it refuses a
    source that is not a whole diary (say a folder with only notes.csv) unless --force.
    """
    from runstrong.io.diary_files import entries_as_diary, load_json, parse_csv
    from runstrong.store.transfer import check_diary, import_athlete, import_dated_entries

    if not source.exists():
        raise UserError(f"{source}: no such file or folder; give a .json export, a .zip or a folder of CSV files")
    activity = activity_kind(source)
    if activity is not None:
        raise UserError(
            f"{source.name}: a {activity} activity file (a run or a ride), not a diary export; "
            f"import runs with `runstrong run import {source}`"
        )
    today = clock_today()
    csv_mode = source.is_dir() or source.suffix.lower() == ".zip"
    if csv_mode:
        per_athlete = parse_csv(source, today)
        names = list(per_athlete)
    else:
        export_data = load_json(source, today)
        names = [a.name for a in export_data.athletes]
        for n, name in enumerate(names):
            if name in names[:n]:
                raise UserError(f"{source.name}: athletes[{n}].name: {name!r} appears twice; give each athlete once")
        for n, diary in enumerate(export_data.athletes):  # every part checked before the database is opened
            check_diary(diary, f"{source.name}: athletes[{n}]")
    now = clock_now()
    with open_diary(db) as store:
        if replace:
            _before_replacing(store, source, names, csv_mode, force)
        with store.write() as s:
            if csv_mode:
                for name, entries in per_athlete.items():
                    diary = entries_as_diary(name, entries, "metric", now)
                    import_dated_entries(s, diary, replace=replace, now=now, where=f"{source.name}: athlete {name!r}")
                counts = [(n, len(e.get("sessions", [])), sum(len(x.sets) for x in e.get("sessions", [])))
                          for n, e in per_athlete.items()]  # fmt: skip
            else:
                for n, diary in enumerate(export_data.athletes):
                    import_athlete(s, diary, replace=replace, where=f"{source.name}: athletes[{n}]")
                counts = [(d.name, len(d.sessions), sum(len(x.sets) for x in d.sessions)) for d in export_data.athletes]
    for name, sessions, sets in counts:
        click.echo(f"Imported {name}: {sessions} sessions, {sets} sets.", err=True)


def _before_replacing(store, source: Path, names: list[str], csv_mode: bool, force: bool) -> None:  # type: ignore[no-untyped-def]
    """Refuse a replacing import that is not a whole diary (unless --force, saying how much
    it deletes), and back the diary up before any replacing import that deletes entries."""
    from runstrong.io.diary_files import CSV_FILES
    from runstrong.store.tables import Athlete
    from runstrong.store.transfer import entry_counts

    with store.read() as s:
        found = [name for (name,) in s.query(Athlete.name).filter(Athlete.name.in_(names))]
        counts = [entry_counts(s, a.id) for a in s.query(Athlete).filter(Athlete.name.in_(names))]
    total = {k: sum(c[k] for c in counts) for k in ("sessions", "sets", "wellness", "runs", "pains", "notes")}
    deleted = sum(v for k, v in total.items() if k != "sets")
    if not deleted and not (found and not csv_mode):
        return
    present = _csv_files(source) if csv_mode else set(CSV_FILES)
    missing = sorted(set(CSV_FILES) - present)
    said = ", ".join(f"{v} {k}" for k, v in total.items() if v)
    if missing and not force:
        raise UserError(
            f"--replace: {source.name} is not a whole diary (it lacks {', '.join(missing)}); replacing would delete "
            f"{said or 'nothing'} of {', '.join(found)}. Import without --replace to add, or pass --force to delete "
            "them (a backup is written first)"
        )
    backup = _backup(store)
    click.echo(f"Backed up the whole diary to {backup} before replacing.", err=True)
    if missing:
        click.echo(f"--force: deleting {said} that {source.name} does not hold.", err=True)


def _csv_files(source: Path) -> set[str]:
    import zipfile

    if source.is_dir():
        return {p.name for p in source.iterdir()}
    with zipfile.ZipFile(source) as archive:
        return {Path(n).name for n in archive.namelist()}


def _backup(store) -> Path:  # type: ignore[no-untyped-def]
    """The whole diary as a JSON export beside the SQLite file (or in the data folder)."""
    import platformdirs

    from runstrong.core.diary import DiaryExport
    from runstrong.io.diary_files import dump_json
    from runstrong.store import repo
    from runstrong.store.db import sqlite_path
    from runstrong.store.transfer import export_athlete

    with store.read() as s:
        diaries = [export_athlete(s, a.id) for a in repo.list_athletes(s)]
    now = clock_now()
    path = sqlite_path(store.engine)
    folder = path.parent if path is not None else platformdirs.user_data_path("runstrong") / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.name if path else 'diary'}.import-backup-{now:%Y%m%dT%H%M%S%f}.json"
    write_atomically(target, dump_json(DiaryExport(exported_at=now, athletes=diaries)))
    return target
