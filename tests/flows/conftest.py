"""A diary with the example marathoner stored through the flows, on SQLite and (when
RUNSTRONG_PG_URL is set) PostgreSQL, and a fixed clock: Friday of week 1, session A due.

On SQLite the diary is stored once per test process and each test gets a copy of the file
(storing the profile migrates the database and plans 24 weeks: most of a flow test's cost);
PostgreSQL stores it again for each test."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.store.conftest import db_url, pg_database  # noqa: F401 (fixtures: an empty SQLite or PostgreSQL diary)

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


@pytest.fixture(scope="session")
def stored_diary(tmp_path_factory) -> Path:
    """A SQLite diary with the marathoner stored through the flows; copy it, never open it."""
    from runstrong.flows.base import Clock
    from runstrong.flows.profile import store_profile
    from runstrong.io.profile_file import load_profile
    from runstrong.store.db import open_store

    path = tmp_path_factory.mktemp("template") / "diary.db"
    s = open_store(f"sqlite:///{path}")
    store_profile(s, load_profile(EXAMPLES / "marathoner.toml"), Clock(CLOCK_NOW, TODAY), least_bad=True)
    s.close()
    return path


@pytest.fixture
def store(db_url, clock, marathoner, request):  # noqa: F811 (db_url is the fixture imported above)
    """The marathoner's profile and plan stored, nothing logged yet."""
    from runstrong.flows.profile import store_profile
    from runstrong.store.db import open_store

    if db_url.startswith("sqlite:///"):
        shutil.copyfile(request.getfixturevalue("stored_diary"), db_url.removeprefix("sqlite:///"))
        s = open_store(db_url)
    else:
        s = open_store(db_url)
        store_profile(s, marathoner, clock, least_bad=True)
    yield s
    s.close()
