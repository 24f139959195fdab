"""Databases for the store tests: a real SQLite file per test, and, when RUNSTRONG_PG_URL
names a PostgreSQL server, a fresh database per test module (dropped at the end)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_URL = os.environ.get("RUNSTRONG_PG_URL")

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=[pytest.mark.slow, pytest.mark.postgres]),
]


@pytest.fixture(scope="module")
def pg_database(request) -> Iterator[str]:
    """A PostgreSQL database of its own for this test module."""
    if not PG_URL:
        pytest.skip("RUNSTRONG_PG_URL is not set (CI starts PostgreSQL and sets it)")
    import sqlalchemy as sa

    admin = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"runstrong_test_{request.module.__name__.rsplit('.', 1)[-1]}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def reset_pg(url: str) -> None:
    """Empty the module's PostgreSQL database so that a test starts from nothing."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """An empty database: a SQLite file in tmp_path, or the module's PostgreSQL database, emptied."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'diary.db'}"
    url = request.getfixturevalue("pg_database")
    reset_pg(url)
    return url


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
    """The store at `url`, empty and at the head revision: on SQLite a copy of `migrated_sqlite`,
    on PostgreSQL migrated in place."""
    from runstrong.store.db import open_store

    if url.startswith("sqlite:///"):
        shutil.copyfile(request.getfixturevalue("migrated_sqlite"), url.removeprefix("sqlite:///"))
    return open_store(url)


@pytest.fixture
def store(db_url, request):
    s = open_empty(db_url, request)
    yield s
    s.close()
