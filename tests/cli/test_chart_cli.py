"""`runstrong chart` on a real SQLite diary seeded with a generated runner, run as a real process."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tomllib
from pathlib import Path

import pytest
from PIL import Image

from runstrong import clock
from runstrong.cli.chart import chart_week
from runstrong.core.model import AthleteProfile
from runstrong.core.planner import build_plan
from runstrong.errors import UserError
from runstrong.io.data_files import load_context
from runstrong.store import repo
from runstrong.store.db import open_store
from runstrong.store.diary_window import load_diary
from tests.cli.runner import run_cli
from tests.conftest import EXAMPLES
from tests.review.diary_gen import generate_diary, store_diary

TODAY = clock.today()  # the run's pinned date (tests/conftest.py)
START = TODAY - dt.timedelta(days=TODAY.weekday() + 7 * 10)  # a Monday ten weeks ago


def marathoner(start: dt.date) -> AthleteProfile:
    raw = tomllib.loads((EXAMPLES / "marathoner.toml").read_text())
    raw["start_date"] = start
    raw["race"]["date"] = start + dt.timedelta(weeks=16, days=6)
    return AthleteProfile.model_validate(raw)


def seed(path: Path, *, entries: bool = True) -> None:
    profile = marathoner(START)
    plan = build_plan(profile, load_context())
    store = open_store(f"sqlite:///{path}")
    with store.write() as s:
        athlete = repo.store_plan(s, profile, plan, dt.datetime(2026, 1, 1)).athlete
        if entries:
            diary = generate_diary(plan, TODAY - dt.timedelta(days=1), seed=11, sore_week=5, pain_area="knee",
                                   pain_week=7)  # fmt: skip
            store_diary(s, athlete.id, diary, bulk=True)
    store.close()


def runstrong(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "RUNSTRONG_DB": str(tmp_path / "diary.db"),
        "NO_COLOR": "1",
    }
    return run_cli(args, env=env)


@pytest.fixture(scope="module")
def diary_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("diary")
    seed(folder / "diary.db")
    return folder


def test_chart_writes_png_and_svg_files_and_prints_their_paths(diary_db):
    out = diary_db / "charts"
    result = runstrong(diary_db, "chart", "--weeks", "8", "--svg", "-o", str(out))
    assert result.returncode == 0, result.stderr
    paths = [Path(line) for line in result.stdout.splitlines()]
    assert [p.name for p in paths] == [
        f"chart-{c}.{ext}" for c in ("load", "wellness", "volume", "lifts") for ext in ("png", "svg")
    ]
    assert all(p.is_file() for p in paths)
    with Image.open(paths[0]) as im:
        assert im.size == (900, 500)
    last_full_week = TODAY - dt.timedelta(days=TODAY.weekday() + 7)
    assert f"to the week of {last_full_week:%d %b %Y}" in result.stderr
    assert "8 weeks" in result.stderr


def test_bad_weeks_exits_2_naming_the_option_and_writes_nothing(diary_db):
    out = diary_db / "not-written"
    for value in ("0", "999"):
        result = runstrong(diary_db, "chart", "--weeks", value, "-o", str(out))
        assert result.returncode == 2
        assert "--weeks" in result.stderr and "Traceback" not in result.stderr
    result = runstrong(diary_db, "chart", "--weeks", "many", "-o", str(out))
    assert result.returncode == 2 and "--weeks" in result.stderr
    assert not out.exists()


def test_a_week_in_the_future_or_not_a_date_exits_2_naming_week(diary_db):
    out = diary_db / "not-written"
    for value in (str(TODAY + dt.timedelta(days=8)), "soon"):
        result = runstrong(diary_db, "chart", "--week", value, "-o", str(out))
        assert result.returncode == 2
        assert result.stderr.startswith("Error: --week:")
    assert not out.exists()


def test_an_empty_diary_is_a_clear_message_not_empty_charts(tmp_path):
    seed(tmp_path / "diary.db", entries=False)
    result = runstrong(tmp_path, "chart", "-o", str(tmp_path / "charts"))
    assert result.returncode == 2
    assert "nothing in the diary yet" in result.stderr
    assert not (tmp_path / "charts").exists()


def test_last_is_the_last_full_week_or_the_week_of_the_last_entry():
    today = dt.date(2027, 3, 17)  # a Wednesday
    assert chart_week(None, today, dt.date(2027, 3, 16)) == dt.date(2027, 3, 8)
    assert chart_week("last", today, dt.date(2027, 3, 9)) == dt.date(2027, 3, 8)
    assert chart_week("last", today, dt.date(2027, 2, 3)) == dt.date(2027, 2, 1)  # the diary stopped in February
    assert chart_week("2027-03-04", today, dt.date(2027, 3, 16)) == dt.date(2027, 3, 1)
    with pytest.raises(UserError, match="--week"):
        chart_week("2027-03-18", today, dt.date(2027, 3, 16))


@pytest.mark.parametrize("bulk", [False, True], ids=["repo", "bulk"])
def test_a_generated_diary_reads_back_unchanged_from_sqlite(tmp_path, bulk):
    profile = marathoner(dt.date(2027, 1, 4))
    plan = build_plan(profile, load_context())
    diary = generate_diary(plan, dt.date(2027, 3, 14), seed=5, pain_area="hip", pain_week=4, missed_weeks=(2,))
    store = open_store(f"sqlite:///{tmp_path / 'diary.db'}")
    with store.write() as s:
        athlete = repo.store_plan(s, profile, plan, dt.datetime(2026, 1, 1)).athlete
        store_diary(s, athlete.id, diary, bulk=bulk)
    with store.read() as s:
        back = load_diary(s, athlete.id, dt.date(2026, 1, 1), dt.date(2028, 1, 1))
    store.close()
    assert back == diary
    assert diary == generate_diary(plan, dt.date(2027, 3, 14), seed=5, pain_area="hip", pain_week=4, missed_weeks=(2,))
    assert {p.area.value for p in diary.pains if p.score >= 3} == {"hip"}
    assert not [x for x in diary.sessions if dt.date(2027, 1, 11) <= x.date <= dt.date(2027, 1, 17)]
