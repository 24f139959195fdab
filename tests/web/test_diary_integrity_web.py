"""The pages and the API keep the diary's promises too (review 17): a set of zero is refused
by its field with nothing written, and a run sent twice is logged once."""

from __future__ import annotations

import pytest

from .conftest import TODAY
from .test_pages import SESSION, errors_in, ticked_session

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


def test_a_set_of_zero_reps_is_refused_by_its_field_on_the_page_and_in_the_api(client) -> None:
    data = ticked_session(client.get(SESSION).text, **{"s2-reps": "0"})
    response = client.post(SESSION, data=data)
    assert response.status_code == 422
    assert any("a set of 0 reps counts nothing" in e for e in errors_in(response.text))
    body = {"sets": [{"exercise_id": "romanian_deadlift", "reps": 0, "load_kg": 40}]}
    api = client.post("/api/v1/sessions", json=body)
    assert api.status_code == 422 and api.json()["detail"][0]["loc"] == ["body", "sets", 0, "reps"]
    assert client.get(f"/api/v1/sessions/{TODAY}").json()["logged"] == []  # nothing written


def test_a_run_sent_twice_is_logged_once(client) -> None:
    form = {"type": "easy", "minutes": "40", "distance": "8"}
    assert client.post("/run", data=form).headers["location"] == "/?saved=run"
    again = client.post("/run", data=form)
    assert again.status_code == 303 and again.headers["location"] == "/?saved=run-already"
    api = client.post("/api/v1/runs", json={"type": "easy", "minutes": 40, "distance_km": 8})
    assert api.json()["already_logged"] is True
    assert len(client.get("/api/v1/runs").json()) == 1
