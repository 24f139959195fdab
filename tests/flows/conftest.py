"""A diary with the example marathoner stored through the flows, on SQLite and (when
RUNSTRONG_PG_URL is set) PostgreSQL, and a fixed clock: Friday of week 1, session A due.

The diary is stored once per test process and each test gets a copy (storing the profile
migrates the database and plans 24 weeks: most of a flow test's cost): on SQLite a copy of the
file, on PostgreSQL a database copied from a template (tests/store/conftest.py)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.store.conftest import BACKENDS, db_url  # noqa: F401 (fixtures: a new diary's database)

TODAY = dt.date(2027, 1, 8)
CLOCK_NOW = dt.datetime(2027, 1, 8, 18, 0)


@pytest.fixture
def clock():
    from runstrong.flows.base import Clock

    return Clock(CLOCK_NOW, TODAY)


@pytest.fixture
def marathoner():
    from runstrong.io.profile_file import load_profile

    return load_profile(EXAMPLES / "marathoner.toml")


def store_marathoner(url: str) -> None:
    """Store the marathoner through the flows in the diary at `url`: where every flow test starts."""
    from runstrong.flows.base import Clock
    from runstrong.flows.profile import store_profile
    from runstrong.io.profile_file import load_profile
    from runstrong.store.db import open_store

    s = open_store(url)
    store_profile(s, load_profile(EXAMPLES / "marathoner.toml"), Clock(CLOCK_NOW, TODAY), least_bad=True)
    s.close()


@pytest.fixture(scope="session")
def stored_diary(tmp_path_factory) -> Path:
    """A SQLite diary with the marathoner stored through the flows; copy it, never open it."""
    path = tmp_path_factory.mktemp("template") / "diary.db"
    store_marathoner(f"sqlite:///{path}")
    return path


def stored_copy(backend: str, request: pytest.FixtureRequest, url: str) -> str:
    """A diary of its own with the marathoner stored: on SQLite a copy of `stored_diary` at
    `url`, on PostgreSQL a new database copied from the template that holds her."""
    if backend == "sqlite":
        shutil.copyfile(request.getfixturevalue("stored_diary"), url.removeprefix("sqlite:///"))
        return url
    return request.getfixturevalue("pg_fresh")("marathoner", store_marathoner)


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    """The marathoner's profile and plan stored, nothing logged yet."""
    from runstrong.store.db import open_store

    s = open_store(stored_copy(request.param, request, f"sqlite:///{tmp_path / 'diary.db'}"))
    yield s
    s.close()
