"""A diary seeded with the example marathoner, the app over it, and a fixed "today".

The seeded SQLite file is made once per session and copied for each test, so every test
starts from the same diary and may write to it.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

# Friday of week 1 of the marathoner's plan: session A is due
TODAY = dt.date(2027, 1, 8)


@pytest.fixture(scope="session")
def seeded_diary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store

    path = tmp_path_factory.mktemp("seed") / "diary.db"
    store = open_store(str(path))
    profile = load_profile(EXAMPLES / "marathoner.toml")
    with store.write() as s:
        repo.store_plan(s, profile, build_plan(profile, load_context(), least_bad=True), dt.datetime(2027, 1, 1, 8, 0))
    store.close()
    return path


@pytest.fixture
def diary_path(seeded_diary: Path, tmp_path: Path) -> Path:
    target = tmp_path / "diary.db"
    shutil.copyfile(seeded_diary, target)
    return target


@pytest.fixture
def app(diary_path: Path):  # type: ignore[no-untyped-def]
    from runstrong.web.app import create_app

    app = create_app(str(diary_path), today=TODAY)
    yield app
    app.state.diary.close()


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    with TestClient(app, follow_redirects=False) as c:
        yield c
