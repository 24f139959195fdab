"""`today` and the session page ask a runner to find their weight only where the load is the
plan's estimate, even where it stops at the heaviest their kit makes (kit-heaviest: an estimate
at the top of the rack is no load they have shown; cr20a #4), and not where it comes from a set
of their own (`known_loads_kg`), whichever of today's read paths runs.

Cas has home dumbbells to 12 kg and a 16 kg kettlebell; his strength calls for more on some
lifts and less on others, so his first session holds both kinds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from runstrong import clock
from runstrong.core.diary import LOGGED_ROLES
from runstrong.io.data_files import load_library
from runstrong.store import light_read
from tests.cli.runner import env_for, run_cli

TODAY = clock.today()  # the run's pinned date (tests/conftest.py)
START = TODAY - dt.timedelta(days=TODAY.weekday() + 14)  # a Monday two weeks ago
HEAVIEST = {"dumbbell": 12, "kettlebell": 16}
NOTE = "find your weight [find-your-weight]"
PROFILE = f"""
name = "Cas"
age = 38
body_mass_kg = 82
sex = "male"
strength_experience = "intermediate"
consistent_strength_weeks = 8
start_date = {START}
available_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
session_cap_minutes = 45
equipment = ["dumbbells"]
heaviest_loads = {{{{ dumbbell = {HEAVIEST["dumbbell"]}, kettlebell = {HEAVIEST["kettlebell"]} }}}}
{{known}}
[race]
distance = "half"
date = {START + dt.timedelta(weeks=14, days=6)}

[running]
weekly = [
  {{{{ day = "tue", type = "intervals", minutes = 50 }}}},
  {{{{ day = "thu", type = "easy", minutes = 40 }}}},
  {{{{ day = "sun", type = "long", minutes = 90 }}}},
]
"""


def cas(folder: Path, known: str = "") -> dict[str, str]:
    env = env_for(folder)
    (folder / "cas.toml").write_text(PROFILE.format(known=known))
    out = run_cli(["athlete", "add", str(folder / "cas.toml")], env=env)
    assert out.returncode == 0, out.stderr
    return env


def first_session(env: dict[str, str]) -> tuple[dt.date, list[dict]]:
    """The first planned posterior-chain day (the week's loaded lifts; its first session may be the
    core one) and its logged blocks with a load, as `today --format json` gives them."""
    for n in range(7):
        day = START + dt.timedelta(days=n)
        shown = json.loads(run_cli(["today", "--date", str(day), "--format", "json"], env=env).stdout)
        if shown["sessions"] and shown["sessions"][0]["focus"] == "posterior_chain":
            blocks = shown["sessions"][0]["blocks"]
            return day, [b for b in blocks if b["role"] in LOGGED_ROLES and b["prescription"]["load_kg"]]
    raise AssertionError("no session in the first week")


def at_ceiling(block: dict) -> bool:
    """Whether the block's load is the heaviest its implement makes (Cas's own word)."""
    kit = [i for i in load_library().get(block["exercise_id"]).equipment if i in HEAVIEST]
    return bool(kit) and block["prescription"]["load_kg"] >= HEAVIEST[kit[0]] - 1e-6


def notes(env: dict[str, str], day: dt.date, monkeypatch: pytest.MonkeyPatch, *, light: bool) -> int:
    with monkeypatch.context() as m:
        if not light:
            m.setattr(light_read, "read_day", lambda *a: None)
        out = run_cli(["today", "--date", str(day)], env=env | {"COLUMNS": "200"})
    assert out.returncode == 0, out.stderr
    return out.stdout.count(NOTE)


def test_an_estimate_at_the_kits_heaviest_still_asks_to_find_the_weight(tmp_path, monkeypatch):
    env = cas(tmp_path)
    day, loaded = first_session(env)
    capped = [b["exercise_id"] for b in loaded if at_ceiling(b)]
    below = [b["exercise_id"] for b in loaded if not at_ceiling(b)]
    assert capped and below, (capped, below)  # the session holds both kinds, or the test proves nothing
    assert {b["exercise_id"] for b in loaded if b["find_weight"]} == set(capped) | set(below)
    for light in (True, False):
        assert notes(env, day, monkeypatch, light=light) == len(loaded), light


def test_a_load_from_the_runners_own_set_asks_no_one_to_find_their_weight(tmp_path, monkeypatch):
    # every lift of the day given; a known load also scales the estimates of lifts it does not
    # name (starting-load-estimate), which can change which lifts fit the kit: given until none is new
    given: set[str] = set()
    for n in range(4):
        (tmp_path / str(n)).mkdir()
        env = cas(tmp_path / str(n), "known_loads_kg = { " + ", ".join(f"{ex} = 8" for ex in sorted(given)) + " }")
        day, loaded = first_session(env)
        new = {b["exercise_id"] for b in loaded} - given
        if not new and given:
            break
        given |= new
    assert loaded and not any(b["find_weight"] for b in loaded)
    for light in (True, False):
        assert notes(env, day, monkeypatch, light=light) == 0, light


def test_the_session_page_asks_to_find_every_estimated_weight_at_or_below_the_kits_heaviest(tmp_path):
    from runstrong.web.app import create_app
    from tests.web.conftest import SameOriginClient

    env = cas(tmp_path)
    day, loaded = first_session(env)
    app = create_app(env["RUNSTRONG_DB"], today=day)
    with SameOriginClient(app) as client:
        page = client.get(f"/session/{day}").text
    assert page.count("First time: the load is a cautious start") == len(loaded) > 0
