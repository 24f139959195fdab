"""Databases for the store tests: a real SQLite file per test, and, when RUNSTRONG_PG_URL
names a PostgreSQL server, a database of its own per test, copied from a template migrated once
per test process (tests/pg_databases.py). The migration from an empty database is still tested
in test_migrations.py (`empty_db_url`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=[pytest.mark.slow, pytest.mark.postgres]),
]


def migrate(url: str) -> None:
    """Bring the database at `url` to the head revision (a template's build)."""
    from runstrong.store.db import open_store

    open_store(url).close()


def pg_migrated(request: pytest.FixtureRequest) -> str:
    """A PostgreSQL database of this test's own at the head revision, no rows."""
    return request.getfixturevalue("pg_fresh")("migrated", migrate)


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """A database a new diary opens on: a SQLite file in tmp_path (not yet made: opening it
    migrates it), or a PostgreSQL database of this test's own already at the head revision
    (a copy of the migrated template; the migration itself is tested from `empty_db_url`)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'diary.db'}"
    return pg_migrated(request)


@pytest.fixture(params=BACKENDS)
def empty_db_url(request, tmp_path) -> str:
    """An empty database: a SQLite file in tmp_path, or a new PostgreSQL database of this test's own."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'diary.db'}"
    return request.getfixturevalue("pg_database")


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """An empty SQLite diary at the head revision, made once per test process; copy it, never
    open it. Migrating a new file runs every Alembic revision (~0.1-0.4 s a test); the
    migration itself is tested from an empty file in test_migrations.py."""
    from runstrong.store.db import open_store

    path = tmp_path_factory.mktemp("migrated") / "diary.db"
    open_store(f"sqlite:///{path}").close()
    return path


def open_empty(url: str, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """The store at `url` (from `db_url`), empty and at the head revision: on SQLite a copy of
    `migrated_sqlite`, on PostgreSQL the test's copy of the migrated template as it is."""
    from runstrong.store.db import open_store

    if url.startswith("sqlite:///"):
        shutil.copyfile(request.getfixturevalue("migrated_sqlite"), url.removeprefix("sqlite:///"))
    return open_store(url)


@pytest.fixture
def store(db_url, request):
    s = open_empty(db_url, request)
    yield s
    s.close()
