"""The session form pre-filled for fast logging (issue 18): loads the plan leaves open come
from the last time the exercise was logged, set by set; lifts that need weights never
suggest bodyweight; the load steppers step by real plates in the runner's units."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from .conftest import TODAY

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

SESSION = f"/session/{TODAY}?label=A"
MONDAY = dt.date(2027, 1, 4)  # session B: hip thrusts and farmer carries, as in Friday's session A


def log_monday(app) -> None:  # type: ignore[no-untyped-def]
    sets = [
        {"exercise_id": "barbell_hip_thrust", "reps": 10, "load_kg": kg, "rir": rir} for kg, rir in ((60, 4), (65, 3))
    ]
    app.state.diary.log_session(MONDAY, sets, label="B")


def rows_of(page: str, exercise_id: str) -> list[dict[str, str]]:
    """Each set row of one exercise: its inputs by name (without the s<i>- prefix)."""
    out = []
    for row in re.findall(r'<div class="set-row[^"]*"[^>]*>(.*?)</select>', page, re.S):
        if f'value="{exercise_id}"' in row:
            fields = re.findall(r'name="s\d+-([a-z_]+)"[^>]*?value="([^"]*)"', row)
            out.append(dict(fields) | {"placeholder": "".join(re.findall(r'placeholder="([^"]*)"', row))})
    return out


def test_a_load_the_plan_leaves_open_is_filled_from_last_time_set_by_set(client, app) -> None:
    log_monday(app)
    rows = rows_of(client.get(SESSION).text, "barbell_hip_thrust")
    assert [r["load"] for r in rows] == ["60", "65", "65"]  # set 3 had no match: the last set's load
    assert [r["rir"] for r in rows] == ["3", "3", "3"]  # the plan's effort wins over last time's
    assert len({r["reps"] for r in rows}) == 1 and rows[0]["reps"] != "10"  # the plan's reps, not last time's


def test_without_history_a_lift_that_needs_weights_does_not_suggest_bodyweight(client) -> None:
    page = client.get(SESSION).text
    assert {r["placeholder"] for r in rows_of(page, "dumbbell_single_leg_calf_raise")} == {"kg"}
    assert {r["load"] for r in rows_of(page, "barbell_hip_thrust")} == {""}


def test_the_load_steppers_step_by_plates_in_the_runners_units(client, app) -> None:
    page = client.get(SESSION).text
    assert 'data-load-step="2.5"' in page and 'data-load-step="-2.5"' in page and "+2.5 kg" in page
    app.state.diary.update_profile({"units": "imperial"})
    page = client.get(SESSION).text
    assert 'data-load-step="5"' in page and "+5 lb" in page


def test_imperial_loads_from_last_time_are_shown_in_pounds_and_stored_exactly(client, app) -> None:
    log_monday(app)
    app.state.diary.update_profile({"units": "imperial"})
    rows = rows_of(client.get(SESSION).text, "barbell_hip_thrust")
    assert [r["load"] for r in rows] == ["132.3", "143.3", "143.3"]
