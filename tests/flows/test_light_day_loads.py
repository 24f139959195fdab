"""Light days in what the runner sees: the loads `today`, the session page, the API and the
log flow show follow the diary (`core.log_loads`), and a stored light day stays light.

The Tuesday runner (tests/core/runners) has a light Romanian deadlift on Monday, the day
before his long run, and a heavy one on Wednesday. After a logged heavy RDL at RPE 8 the
next Monday's light dose was shown above the share of the heavy day the plan keeps
(`light-before-key-runs.max_pct_of_best`); and a light day's set logged as planned lowered
Wednesday's heavy dose, as if a set at four in reserve had been a test of strength.

His profile is moved back in whole weeks so that those days are lived (the CLI logs no
future day); every answer is read through the real SQLite file (and PostgreSQL's store).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from runstrong import clock
from runstrong.core.diary import SetLog
from runstrong.core.model import Phase
from runstrong.core.planner import build_plan
from runstrong.flows.base import Clock
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.cli.runner import run_cli

RUNNER = Path(__file__).parents[1] / "core" / "runners" / "tuesday_long_run.toml"
ATHLETE = "Ravi (half, Tuesday long run)"
RDL = "romanian_deadlift"
FIRST_START = dt.date(2027, 1, 5)  # the profile's own start (a Tuesday)
TODAY = clock.today()  # the run's pinned date (tests/conftest.py)
# whole weeks back, so his race-specific block is lived: it starts nine weeks in, the race is in week 14
SHIFT = dt.timedelta(weeks=(FIRST_START - (TODAY - dt.timedelta(weeks=12))).days // 7 + 1)
CAP = load_context().params.light_max_pct_of_best


@dataclass(frozen=True)
class Days:
    heavy: dt.date  # the first race-specific week's heavy RDL day
    heavy_kg: float
    light: dt.date  # the next week's light RDL day (before the long run)
    light_kg: float
    next_heavy: dt.date  # that week's heavy RDL day
    next_heavy_kg: float


def shifted_profile(folder: Path) -> Path:
    text = RUNNER.read_text()
    for day in (FIRST_START, dt.date(2027, 4, 11)):
        text = text.replace(str(day), str(day - SHIFT))
    path = folder / "ravi.toml"
    path.write_text(text)
    return path


def rdl_days(profile: Path) -> Days:
    """The RDL days the test logs and reads, from his plan (a light one is cited as such)."""
    plan = build_plan(load_profile(profile), load_context())
    weeks = [w for w in plan.weeks if w.phase == Phase.race_specific and not w.deload]
    found = []
    for w in weeks[:2]:
        blocks = [(s.date, b) for s in w.sessions for b in s.blocks if b.exercise_id == RDL]
        light = next((d, b.prescription.load_kg) for d, b in blocks if "light-before-key-runs" in b.rule_ids)
        heavy = next((d, b.prescription.load_kg) for d, b in blocks if "light-before-key-runs" not in b.rule_ids)
        found.append((light, heavy))
    (_, (heavy, heavy_kg)), ((light, light_kg), (next_heavy, next_kg)) = found
    assert heavy < light < next_heavy < TODAY
    return Days(heavy, heavy_kg, light, light_kg, next_heavy, next_kg)


def heavy_set(days: Days) -> str:
    return f"romanian deadlift 4x6 @{days.heavy_kg}kg rpe8"  # as planned (4 x 6 at RPE 8)


def rdl_load(session: dict) -> float:
    return next(b["prescription"]["load_kg"] for b in session["blocks"] if b["exercise_id"] == RDL)


# ----------------------------------------------------------------------------- the CLI


@pytest.fixture
def cli_diary(tmp_path) -> tuple[dict[str, str], Days]:
    env = {
        "COLUMNS": "120",
        "NO_COLOR": "1",
        "RUNSTRONG_DB": str(tmp_path / "diary.db"),
        "RUNSTRONG_CACHE_DIR": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "HOME": str(tmp_path),
    }
    profile = shifted_profile(tmp_path)
    out = run_cli(["athlete", "add", str(profile)], env=env)
    assert out.returncode == 0, out.stderr
    return env, rdl_days(profile)


def today_rdl(env: dict[str, str], day: dt.date) -> float:
    for _ in range(2):  # the first keeps what load-following reads; the second takes `today`'s light path
        out = run_cli(["today", "--date", str(day), "--format", "json"], env=env)
        assert out.returncode == 0, out.stderr
    [session] = json.loads(out.stdout)["sessions"]
    return rdl_load(session)


def test_today_shows_a_light_day_under_its_share_of_the_logged_heavy_day(cli_diary):
    env, days = cli_diary
    out = run_cli(["log", "--set", heavy_set(days), "--date", str(days.heavy)], env=env)
    assert out.returncode == 0, out.stderr
    assert today_rdl(env, days.light) <= max(days.light_kg, days.heavy_kg * CAP / 100)


def test_today_shows_the_heavy_day_as_planned_after_a_light_day_logged_as_planned(cli_diary):
    env, days = cli_diary
    for args in (["--set", heavy_set(days), "--date", str(days.heavy)], ["--as-planned", "--date", str(days.light)]):
        out = run_cli(["log", *args], env=env)
        assert out.returncode == 0, out.stderr
    assert today_rdl(env, days.next_heavy) == days.next_heavy_kg


# ------------------------------------------------------------------- the pages and the API


def test_the_session_page_and_the_api_show_a_light_day_under_its_share_of_the_heavy_day(tmp_path):
    from runstrong.flows.log_session import LogInput, log_session
    from runstrong.flows.profile import store_profile
    from runstrong.store.db import open_store
    from runstrong.web.app import create_app
    from tests.web.conftest import SameOriginClient
    from tests.web.test_pages import form_fields

    profile = shifted_profile(tmp_path)
    days = rdl_days(profile)
    url = f"sqlite:///{tmp_path / 'diary.db'}"
    store = open_store(url)
    clock = Clock(dt.datetime.combine(days.heavy, dt.time(19)), days.heavy)
    store_profile(store, load_profile(profile), clock)
    heavy = tuple(SetLog(exercise_id=RDL, set_number=n, reps=6, load_kg=days.heavy_kg, rpe=8) for n in (1, 2, 3, 4))
    log_session(store, ATHLETE, LogInput(day=days.heavy, sets=heavy), clock)
    store.close()
    app = create_app(url, today=days.light)
    with SameOriginClient(app, follow_redirects=False) as client:
        page = client.get(f"/session/{days.light}").text
        api = client.get(f"/api/v1/sessions/{days.light}").json()
    app.state.diary.close()
    fields = form_fields(page)
    row = next(k for k, v in fields.items() if v == RDL).split("-")[0]
    cap = max(days.light_kg, days.heavy_kg * CAP / 100)
    assert float(fields[f"{row}-load"]) <= cap
    assert rdl_load(api["planned"]) <= cap


# ------------------------------------------------------------- the store, SQLite and PostgreSQL


def test_the_log_flow_keeps_light_days_light_on_either_database(db_url, tmp_path):
    from runstrong.flows.loads import follow_diary
    from runstrong.flows.log_session import LogInput, log_session
    from runstrong.flows.profile import store_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store

    profile = shifted_profile(tmp_path)
    days = rdl_days(profile)
    store = open_store(db_url)
    clock = Clock(dt.datetime.combine(days.next_heavy, dt.time(7)), days.next_heavy)
    store_profile(store, load_profile(profile), clock)
    heavy = tuple(SetLog(exercise_id=RDL, set_number=n, reps=6, load_kg=days.heavy_kg, rpe=8) for n in (1, 2, 3, 4))
    log_session(store, ATHLETE, LogInput(day=days.heavy, sets=heavy), clock)

    def shown(day: dt.date) -> float:
        with store.read() as s:
            who = repo.find_athlete(s, ATHLETE)
            [session] = follow_diary(s, who.id, repo.planned_day(s, who.id, day).sessions, day)
        return next(b.prescription.load_kg for b in session.blocks if b.exercise_id == RDL)

    try:
        assert shown(days.light) <= max(days.light_kg, days.heavy_kg * CAP / 100)
        log_session(store, ATHLETE, LogInput(day=days.light, as_planned=True), clock)  # at the load shown
        assert shown(days.next_heavy) == days.next_heavy_kg
    finally:
        store.close()
