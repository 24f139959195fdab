"""Where the diary lives and how we talk to it.

The database is a SQLAlchemy URL: `--db`, else `RUNSTRONG_DB`, else a SQLite file in the
user's data folder (`platformdirs.user_data_path("runstrong") / "diary.db"`). A plain
path is taken as a SQLite file. SQLite runs in WAL mode with foreign keys on and a busy
timeout, and every write transaction starts with `BEGIN IMMEDIATE`, so two processes
logging at once queue for the write lock instead of failing.

`open_store` migrates the schema to the head revision on start; before it migrates an
existing SQLite file it copies it beside itself (`diary.db.0001-backup-20270105T071500`).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from runstrong.errors import RunstrongError, UserError

HEAD_REVISION = "0015"
ENV_VAR = "RUNSTRONG_DB"
BUSY_TIMEOUT_MS = 15_000
MIGRATIONS = Path(__file__).with_name("migrations")


def default_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("runstrong") / "diary.db"


def resolve_url(db: str | None) -> str:
    """The database URL from `--db`, then `RUNSTRONG_DB`, then the default SQLite file."""
    value = db or os.environ.get(ENV_VAR) or str(default_path())
    if "://" in value:
        return _with_driver(value)
    path = Path(value).expanduser()
    if path.is_dir():
        raise UserError(f"db: {path} is a folder; give a file such as {path / 'diary.db'}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(
            f"cannot create the folder {path.parent} ({err.strerror})",
            field="db",
            fix=f"make that folder writable, or give a diary file elsewhere with --db or {ENV_VAR}",
        ) from None
    return f"sqlite:///{path.resolve()}"


def _with_driver(url: str) -> str:
    """postgresql://... (or postgres://, as hosting services write it) with the driver we ship, psycopg 3."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


def parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError:
        raise UserError(
            f"db: {url!r} is not a database URL; give a file path or a URL such as "
            "postgresql+psycopg://user:password@host/dbname"
        ) from None


def make_engine(url: str, *, immediate: bool = True, foreign_keys: bool = True) -> Engine:
    """An engine for `url`. On SQLite: WAL, busy timeout, foreign keys, and (for writers)
    `BEGIN IMMEDIATE` so that the write lock is taken before the first read."""
    parsed = parse_url(url)
    try:
        if parsed.get_backend_name() != "sqlite":
            return create_engine(parsed, pool_pre_ping=False)
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    except NoSuchModuleError:
        raise UserError(
            f"db: no driver for {parsed.drivername!r}; use sqlite:///path/diary.db or "
            "postgresql+psycopg://... (pip install 'runstrong[postgres]')"
        ) from None
    except ModuleNotFoundError as err:
        raise UserError(f"db: the driver for {parsed.drivername!r} is not installed ({err.name}); "
                        "pip install 'runstrong[postgres]'") from None  # fmt: skip

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see the SQLAlchemy SQLite docs)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_path(engine: Engine) -> Path | None:
    database = engine.url.database
    if not is_sqlite(engine) or not database or database == ":memory:":
        return None
    return Path(database)


# ----------------------------------------------------------------------- migrations


@dataclass(frozen=True)
class Migration:
    """What `ensure_schema` did: the revisions it went from and to, and the backup."""

    from_revision: str | None
    to_revision: str
    backup: Path | None = None


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for an empty database)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            if inspect(conn).get_table_names():
                raise UserError(
                    f"db: {engine.url.render_as_string(hide_password=True)} holds tables but is not a runstrong "
                    "diary; point --db at a new file or an empty database"
                )
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(path: Path, revision: str, now: dt.datetime) -> Path:
    """A consistent copy of a SQLite file (the WAL included), made with SQLite's backup API."""
    target = path.with_name(f"{path.name}.{revision}-backup-{now:%Y%m%dT%H%M%S}")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()
    return target


def alembic_config(connection=None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the migrations up to `revision` in one transaction (SQLite: with the write
    lock held and foreign keys off while tables are rebuilt, then checked)."""
    from alembic import command

    url = engine.url.render_as_string(hide_password=False)
    migrator = make_engine(url, foreign_keys=False) if is_sqlite(engine) else engine
    try:
        with migrator.begin() as conn:
            if not is_sqlite(engine):
                conn.execute(text("SELECT pg_advisory_xact_lock(7206150)"))  # one migrator at a time
            command.upgrade(alembic_config(conn), revision)
            if is_sqlite(engine):
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RunstrongError(f"migration to {revision} broke foreign keys: {broken[:5]}")
    finally:
        if migrator is not engine:
            migrator.dispose()


def ensure_schema(engine: Engine, now: dt.datetime) -> Migration | None:
    """Bring the database to HEAD_REVISION; None when it already was."""
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return None
    known = _known_revisions()
    if revision is not None and revision not in known:
        raise UserError(
            f"db: the diary was written by a newer runstrong (schema {revision}, this one knows up to "
            f"{HEAD_REVISION}); upgrade runstrong"
        )
    backup = None
    path = sqlite_path(engine)
    if revision is not None and path is not None:
        backup = backup_sqlite(path, revision, now)
    upgrade(engine)
    return Migration(from_revision=revision, to_revision=HEAD_REVISION, backup=backup)


def _known_revisions() -> set[str]:
    return {p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*.py")}


# ---------------------------------------------------------------------------- store


class Store:
    """An engine with the schema at head; `write()` and `read()` give one transaction each."""

    def __init__(self, engine: Engine, migration: Migration | None = None) -> None:
        self.engine = engine
        self.migration = migration
        self._reader: Engine | None = None

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        """One read transaction (a consistent snapshot; it never blocks writers)."""
        if self._reader is None:
            if is_sqlite(self.engine):
                url = self.engine.url.render_as_string(hide_password=False)
                self._reader = make_engine(url, immediate=False)
            else:
                self._reader = self.engine
        with Session(self._reader) as session, session.begin():
            yield session

    def close(self) -> None:
        if self._reader is not None and self._reader is not self.engine:
            self._reader.dispose()
        self.engine.dispose()


def open_store(db: str | None, now: dt.datetime | None = None) -> Store:
    """Open (and if needed create or migrate) the diary at `db` (see `resolve_url`)."""
    url = resolve_url(db)
    engine = make_engine(url)
    try:
        migration = ensure_schema(engine, now or dt.datetime.now())
    except OperationalError as err:
        engine.dispose()
        raise UserError(describe_operational_error(engine, err)) from None
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, migration)


def describe_operational_error(engine: Engine, err: OperationalError) -> str:
    where = engine.url.render_as_string(hide_password=True)
    detail = str(err.orig).strip().splitlines()[0] if err.orig else str(err)
    if "locked" in detail or "busy" in detail:
        return f"db: {where} stayed busy for {BUSY_TIMEOUT_MS // 1000} s ({detail}); try again"
    path = sqlite_path(engine)
    if "disk is full" in detail:
        holder = path.parent if path else where
        return f"db: the disk holding {holder} is full ({detail}); nothing was written: free some space and try again"
    if (
        path is not None
        and ("readonly" in detail or "unable to open" in detail)
        and not os.access(path.parent, os.W_OK)
    ):
        return f"db: the folder {path.parent} is read-only ({detail}); make it writable or give another file with --db"
    if path is not None and "readonly" in detail:
        return f"db: {path} is read-only ({detail}); make it writable or give another file with --db"
    return f"db: cannot use {where} ({detail}); check --db or {ENV_VAR}"
