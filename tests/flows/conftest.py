"""A diary with the example marathoner stored through the flows, on SQLite and (when
RUNSTRONG_PG_URL is set) PostgreSQL, and a fixed clock: Friday of week 1, session A due."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import EXAMPLES
from tests.store.conftest import BACKENDS, pg_database, reset_pg  # noqa: F401 (fixtures)

TODAY = dt.date(2027, 1, 8)
CLOCK_NOW = dt.datetime(2027, 1, 8, 18, 0)


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'diary.db'}"
    url = request.getfixturevalue("pg_database")
    reset_pg(url)
    return url


@pytest.fixture
def clock():
    from runstrong.flows.base import Clock

    return Clock(CLOCK_NOW, TODAY)


@pytest.fixture
def marathoner():
    from runstrong.io.profile_file import load_profile

    return load_profile(EXAMPLES / "marathoner.toml")


@pytest.fixture
def store(db_url, clock, marathoner):
    """The marathoner's profile and plan stored, nothing logged yet."""
    from runstrong.flows.profile import store_profile
    from runstrong.store.db import open_store

    s = open_store(db_url)
    store_profile(s, marathoner, clock, least_bad=True)
    yield s
    s.close()
