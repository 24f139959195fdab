"""`runstrong db`: the diary database itself. `upgrade` runs the schema migrations (the
same ones every open runs, here on their own, e.g. before starting several workers);
`backup` writes a copy: pg_dump for PostgreSQL where it is installed, SQLite's backup API
for a SQLite file, and the JSON export (every athlete's whole diary) otherwise."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import click

from runstrong.cli.diary_common import clock_now, db_option, open_diary
from runstrong.errors import UserError


@click.group()
def db() -> None:
    """The diary database: upgrade its schema, back it up."""


@db.command("upgrade")
@db_option
def upgrade(db: str | None) -> None:
    """Bring the database's schema up to this runstrong's (a SQLite file is copied first)."""
    from runstrong.store.db import HEAD_REVISION

    with open_diary(db) as store:
        migration = store.migration
    if migration is None:
        click.echo(f"The database is already at schema {HEAD_REVISION}; nothing to do.")
    else:
        click.echo(f"Upgraded the schema from {migration.from_revision or 'nothing'} to {migration.to_revision}.")


@db.command("backup")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="Where to write the backup (it must not exist yet).")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Write the JSON export even where pg_dump is installed.")
@db_option
def backup(output: Path, as_json: bool, db: str | None) -> None:
    """A copy of the whole database: pg_dump (custom format, for pg_restore), a SQLite
    copy, or the JSON export that `runstrong import` reads back.

    \b
      runstrong db backup --db postgresql://runstrong@localhost/runstrong -o runstrong.dump
    """
    from runstrong.store.db import is_sqlite, sqlite_path

    if output.exists():
        raise UserError(f"--output: {output} exists already; give a new file name (a backup never overwrites)")
    with open_diary(db) as store:
        path = sqlite_path(store.engine)
        if not as_json and path is not None:
            _sqlite_copy(path, output)
            how = "SQLite copy"
        elif not as_json and not is_sqlite(store.engine) and shutil.which("pg_dump"):
            _pg_dump(store.engine.url, output)
            how = "pg_dump, custom format: restore with pg_restore"
        else:
            _json_export(store, output)
            how = "JSON export: restore with `runstrong import`"
    click.echo(f"Backed up to {output} ({how}).")


def _sqlite_copy(path: Path, output: Path) -> None:
    import sqlite3

    source, copy = sqlite3.connect(path), sqlite3.connect(output)
    try:
        with copy:
            source.backup(copy)
    finally:
        copy.close()
        source.close()


def _pg_dump(url: object, output: Path) -> None:
    """pg_dump with the password in its environment, never on its command line."""
    from sqlalchemy.engine import URL

    assert isinstance(url, URL)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    done = subprocess.run(["pg_dump", "--format=custom", f"--file={output}", f"--dbname={plain}"],
                          env=env, capture_output=True, text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        output.unlink(missing_ok=True)
        detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise UserError(f"db: pg_dump failed ({detail}); check --db, or give --json for the JSON export")


def _json_export(store: object, output: Path) -> None:
    from runstrong.core.diary import DiaryExport
    from runstrong.io.diary_files import dump_json
    from runstrong.io.files import write_atomically
    from runstrong.store import repo
    from runstrong.store.transfer import export_athlete

    with store.read() as s:  # type: ignore[attr-defined]
        diaries = [export_athlete(s, a.id) for a in repo.list_athletes(s)]
    text = dump_json(DiaryExport(exported_at=clock_now(), athletes=diaries))
    write_atomically(output, text)
