"""Pain in the web forms and the API: optional and valid when empty (an area the profile
pre-selects with no score is no report), and a report carries side, timing and cause."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest

from runstrong.core.vocab import PainArea

from .conftest import TODAY, SameOriginClient
from .test_pages import SESSION, errors_in, form_fields, ticked_session

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture
def knee_client(diary_path):  # type: ignore[no-untyped-def]
    """The marathoner with knee pain in the profile (the session form pre-selects it)."""
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store
    from runstrong.web.app import create_app
    from tests.conftest import EXAMPLES

    store = open_store(str(diary_path))
    knee = load_profile(EXAMPLES / "marathoner.toml").model_copy(update={"pain_areas": [PainArea.knee]})
    with store.write() as s:
        repo.store_plan(s, knee, build_plan(knee, load_context(), least_bad=True), dt.datetime(2027, 1, 2, 8, 0))
    store.close()
    app = create_app(str(diary_path), today=TODAY)
    with SameOriginClient(app, follow_redirects=False) as c:
        yield c
    app.state.diary.close()


def selected(page: str) -> dict[str, str]:
    """What a browser submits for the page's selects: each one's selected option."""
    out = {}
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, flags=re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        out[name] = chosen.group(1) if chosen else ""
    return out


def test_a_session_logs_with_the_profiles_pain_area_preselected_and_no_score(knee_client) -> None:
    page = knee_client.get(SESSION).text
    assert selected(page)["p0-area"] == "knee"
    response = knee_client.post(SESSION, data=selected(page) | ticked_session(page))
    assert response.status_code == 303, errors_in(response.text)
    logged = knee_client.get(f"/api/v1/sessions/{TODAY}").json()["logged"][0]
    assert logged["sets"] and logged["pains"] == []


def test_a_pain_from_the_session_form_carries_side_timing_cause_and_note(knee_client) -> None:
    page = knee_client.get(SESSION).text
    first = form_fields(page)["s0-exercise_id"]
    pain = {"p0-score": "5", "p0-side": "left", "p0-when": "during", "p0-provoked_by": first, "p0-note": "stairs"}
    response = knee_client.post(SESSION, data=selected(page) | ticked_session(page) | pain)
    assert response.status_code == 303, errors_in(response.text)
    (report,) = knee_client.get(f"/api/v1/sessions/{TODAY}").json()["logged"][0]["pains"]
    assert report | {"date": None} == {"date": None, "area": "knee", "score": 5, "side": "left", "when": "during",
                                       "provoked_by": first, "note": "stairs"}  # fmt: skip
    assert "pain: knee (left) 5/10 during" in knee_client.get(response.headers["location"]).text


def test_a_pain_detail_without_a_score_is_shown_by_its_field_and_nothing_is_logged(knee_client) -> None:
    page = knee_client.get(SESSION).text
    response = knee_client.post(SESSION, data=selected(page) | ticked_session(page) | {"p0-side": "left"})
    assert response.status_code == 422
    assert 'id="p0-score-error"' in response.text
    assert knee_client.get("/api/v1/today").json()["logged_sets"] == 0


def test_the_checkin_saves_with_no_pain_and_with_a_sided_pain(client, diary_path) -> None:
    page = client.get("/checkin").text
    assert {"p0-area", "p0-side", "p0-when", "p0-provoked_by"} <= set(selected(page))
    assert client.post("/checkin", data=selected(page) | {"mood": "4"}).status_code == 303
    pain = {"p0-area": "achilles", "p0-score": "3", "p0-side": "right", "p0-when": "next_morning",
            "p0-provoked_by": "long"}  # fmt: skip
    assert client.post("/checkin", data=selected(page) | {"mood": "4"} | pain).status_code == 303
    with sqlite3.connect(diary_path) as conn:
        stored = conn.execute('SELECT area, score, side, "when", provoked_by FROM pain_reports').fetchall()
    assert stored == [("achilles", 3, "right", "next_morning", "long")]


def test_the_api_reports_pain_outside_a_session_and_names_a_bad_side(client) -> None:
    body = {"pains": [{"area": "achilles", "score": 3, "side": "right", "when": "after", "provoked_by": "long"}]}
    response = client.post("/api/v1/pains", json=body)
    assert response.status_code == 201, response.text
    assert response.json()["pains"][0]["side"] == "right"
    bad = client.post("/api/v1/pains", json={"pains": [{"area": "knee", "score": 3, "side": "up"}]})
    assert bad.status_code == 422 and "side" in bad.text


def test_the_api_logs_a_session_pain_with_its_side_and_timing(client) -> None:
    pains = [{"area": "knee", "score": 4, "side": "both", "when": "after", "provoked_by": "romanian_deadlift"}]
    assert client.post("/api/v1/sessions", json={"as_planned": True, "pains": pains}).status_code == 201
    (report,) = client.get(f"/api/v1/sessions/{TODAY}").json()["logged"][0]["pains"]
    assert (report["side"], report["when"], report["provoked_by"]) == ("both", "after", "romanian_deadlift")
