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
        {"exercise_id": "barbell_hip_thrust", "reps": 10, "load_kg": kg, "rir": rir} for kg, rir in ((40, 4), (45, 3))
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


def test_a_lift_with_history_is_prefilled_at_the_load_its_log_points_to(client, app) -> None:
    """Monday's 10 x 45 kg at RIR 3 (easier than the plan's first guess) moves Friday's hip
    thrust to what the log shows, not past a week's step above it, the same for every set."""
    log_monday(app)
    rows = rows_of(client.get(SESSION).text, "barbell_hip_thrust")
    loads = {float(r["load"]) for r in rows}
    assert len(loads) == 1 and 45 <= loads.pop() <= 45 + 2.5  # one plate step above at most
    assert [r["rir"] for r in rows] == ["3", "3", "3"]  # the plan's effort wins over last time's
    assert len({r["reps"] for r in rows}) == 1 and rows[0]["reps"] != "10"  # the plan's reps, not last time's


def test_without_history_a_lift_starts_from_a_cautious_estimate_and_finds_its_weight(client) -> None:
    page = client.get(SESSION).text
    assert {r["placeholder"] for r in rows_of(page, "dumbbell_single_leg_calf_raise")} == {"kg"}
    [start] = {r["load"] for r in rows_of(page, "barbell_hip_thrust")}
    assert 20 <= float(start) < 45  # the empty bar at least; below what a logged runner lifts
    assert "find-your-weight" in page


def test_the_load_steppers_step_by_plates_in_the_runners_units(client, app) -> None:
    page = client.get(SESSION).text
    assert 'data-load-step="2.5"' in page and 'data-load-step="-2.5"' in page and "+2.5 kg" in page
    app.state.diary.update_profile({"units": "imperial"})
    page = client.get(SESSION).text
    assert 'data-load-step="5"' in page and "+5 lb" in page


def test_imperial_loads_are_shown_in_whole_pound_steps(client, app) -> None:
    log_monday(app)
    app.state.diary.update_profile({"units": "imperial"})
    rows = rows_of(client.get(SESSION).text, "barbell_hip_thrust")
    assert {float(r["load"]) % 5 for r in rows} == {0}
    assert 99 <= float(rows[0]["load"]) <= 99.2 * 1.05 + 5  # 45 kg is 99.2 lb: at least that, a step above at most


def test_the_session_page_names_the_form_tokens_saved_lately_never_a_refused_one(client, app) -> None:
    """A phone's draft is dropped exactly when its token was logged (static/log.js), so the page
    names every form token saved in a draft's life and not one whose save was refused; a token
    saved longer ago than a draft lives (and a day for clocks that disagree) is left out."""
    from runstrong.web.log_pages import DRAFT_DAYS
    from tests.web.test_concurrency import session_form

    saved, stale = session_form(client), session_form(client)
    assert client.post(SESSION, data=saved).status_code == 303
    refused = client.post(SESSION, data=stale)
    assert refused.status_code == 409
    named = re.search(r'data-draft-saved="([^"]*)"', client.get(SESSION).text)
    assert named and named.group(1).split() == [saved["token"]]
    again = re.search(r'data-draft-saved="([^"]*)"', refused.text)  # the refusal's own page does not name it
    assert again and stale["token"] not in again.group(1).split()
    later = app.state.diary.clock() + dt.timedelta(days=DRAFT_DAYS + 1, minutes=1)
    app.state.diary.clock = lambda: later
    assert 'data-draft-saved=""' in client.get(SESSION).text


def test_an_effort_the_plan_leaves_open_is_never_ticked_in_from_an_earlier_week(client, app) -> None:
    """A runner who typed RPE 9.5 in a hard week and later presses "Tick every set as planned"
    reports this week's session, not that week's effort (cr26a F11): the effort field of a
    set the plan leaves open stays empty, and last time's effort shows on the "Last time" line."""
    sets = [
        {"exercise_id": "single_leg_balance_reach", "reps": 15, "side": side, "rpe": 9.5} for side in ("left", "right")
    ]
    app.state.diary.log_session(MONDAY, sets, label="B")
    app.state.diary.fixed_today = next_monday = MONDAY + dt.timedelta(days=7)
    page = client.get(f"/session/{next_monday}?label=B").text
    rows = rows_of(page, "single_leg_balance_reach")
    assert rows and {r["rpe"] for r in rows} == {""}
    assert "9.5" in page  # on the "Last time" line, for the runner to read
