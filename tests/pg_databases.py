"""PostgreSQL databases for the tests (a pytest plugin, loaded once by tests/conftest.py so that
every folder shares one set per test process): each test that asks gets a database of its own,
made by `CREATE DATABASE ... TEMPLATE` from a template built once per process (migrated to the
head revision, or with a diary stored), and dropped after it.

PostgreSQL copies the template's files, so a test no longer runs every Alembic revision
(~0.5-0.9 s of the test's CPU) or stores its diary again. Dropping a database waits on the
server's disk (PostgreSQL 15 forces a checkpoint for each, 0.01-1 s under load): threads drop
them while the next tests run, several at once so that one checkpoint serves several drops.
Skipped when RUNSTRONG_PG_URL is not set (CI starts PostgreSQL and sets it)."""

from __future__ import annotations

import os
import queue
import threading
import uuid
from collections.abc import Callable, Iterator

import pytest

PG_URL = os.environ.get("RUNSTRONG_PG_URL")
INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE
DROPPERS = 4  # drops at once: each waits for a checkpoint, and waiting drops share one


class PgDatabases:
    """This test process's databases on the server at `url`: templates built once by key, and
    databases copied from them (or empty) that the tests drop. Names carry the worker and a
    random part, so two workers (or two runs) never meet."""

    def __init__(self, url: str) -> None:
        import sqlalchemy as sa

        self.url = sa.make_url(url)
        self.admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        self.prefix = f"runstrong_test_{worker}_{uuid.uuid4().hex[:6]}"
        self.templates: dict[str, str] = {}
        self.made = 0
        self.to_drop: queue.Queue[str | None] = queue.Queue()
        self.drop_errors: list[BaseException] = []
        self.droppers = [threading.Thread(target=self._dropping, daemon=True) for _ in range(DROPPERS)]
        for dropper in self.droppers:
            dropper.start()

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def _run(self, sql: str) -> None:
        import sqlalchemy as sa

        with self.admin.connect() as conn:
            conn.execute(sa.text(sql))

    def template(self, key: str, build: Callable[[str], None]) -> str:
        """The template named `key`, built on first use by `build(url)`, which must close every
        connection it opened (PostgreSQL copies only a database nobody is connected to)."""
        name = self.templates.get(key)
        if name is None:
            name = f"{self.prefix}_tpl_{key}"
            self._run(f'CREATE DATABASE "{name}"')
            build(self.url_of(name))
            # a pooled connection of ours left behind would make every copy fail: closed for certain
            # (autovacuum's worker, no role of ours, is stopped by CREATE DATABASE itself)
            self._run(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                f" WHERE datname = '{name}' AND usename = current_user AND pid <> pg_backend_pid()"
            )
            self.templates[key] = name
        return name

    def new(self, template: str | None = None) -> str:
        """A new database: empty, or a copy of the template named `template`."""
        self.made += 1
        name = f"{self.prefix}_{self.made}"
        self._run(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return self.url_of(name)

    def drop(self, url: str) -> None:
        """Drop the database at `url` soon, on a dropping thread."""
        import sqlalchemy as sa

        self.to_drop.put(sa.make_url(url).database)

    def _dropping(self) -> None:
        while (name := self.to_drop.get()) is not None:
            try:
                self._drop(name)
            except Exception as err:  # reported when the session ends (close)
                self.drop_errors.append(err)

    def _drop(self, name: str) -> None:
        """Drop a database, ending any connection a test left behind (FORCE). FORCE is refused
        when autovacuum is at work in it (its worker is no role runstrong may signal; seen under
        load, and the cause of an occasional error at tear-down); a plain DROP stops the worker
        itself and waits for it."""
        import sqlalchemy as sa

        try:
            self._run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except sa.exc.ProgrammingError as err:
            if getattr(err.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
                raise
            self._run(f'DROP DATABASE IF EXISTS "{name}"')

    def close(self) -> None:
        """Drop what is left (the templates last) and say if any drop failed."""
        for _ in self.droppers:
            self.to_drop.put(None)
        for dropper in self.droppers:
            dropper.join()
        for name in self.templates.values():
            self._drop(name)
        self.admin.dispose()
        if self.drop_errors:
            raise RuntimeError(f"test databases not dropped: {self.drop_errors}")


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    """The test process's PostgreSQL databases (see PgDatabases); skips without a server."""
    if not PG_URL:
        pytest.skip("RUNSTRONG_PG_URL is not set (CI starts PostgreSQL and sets it)")
    databases = PgDatabases(PG_URL)
    yield databases
    databases.close()


@pytest.fixture
def pg_fresh(pg_databases: PgDatabases) -> Iterator[Callable[..., str]]:
    """Make databases for this test, dropped after it: `pg_fresh()` an empty one,
    `pg_fresh(key, build)` a copy of the template `key` (built once per process by `build`)."""
    made: list[str] = []

    def fresh(key: str | None = None, build: Callable[[str], None] | None = None) -> str:
        template = pg_databases.template(key, build) if key and build else None
        made.append(pg_databases.new(template))
        return made[-1]

    yield fresh
    for url in made:
        pg_databases.drop(url)


@pytest.fixture
def pg_database(pg_fresh: Callable[..., str]) -> str:
    """An empty PostgreSQL database of this test's own."""
    return pg_fresh()
