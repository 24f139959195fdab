"""The JSON API under /api/v1: the same diary as the pages, with 4xx answers that name the field."""

from __future__ import annotations

import pytest

from .conftest import TODAY

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


def problem_fields(response) -> list[list]:  # type: ignore[no-untyped-def]
    assert response.status_code == 422, response.text
    return [p["loc"] for p in response.json()["detail"]]


def test_today_gives_the_planned_session_and_runs(client) -> None:
    day = client.get("/api/v1/today").json()
    assert day["date"] == str(TODAY) and day["athlete"] == "Maya (marathon)"
    assert [s["label"] for s in day["sessions"]] == ["A"] and day["logged_sets"] == 0
    monday = client.get("/api/v1/today", params={"date": "2027-01-04"}).json()
    assert [r["type"] for r in monday["runs"]] == ["easy"]


def test_plan_and_weeks(client) -> None:
    plan = client.get("/api/v1/plan").json()
    assert plan["version"] == 1 and len(plan["weeks"]) == len(client.get("/api/v1/weeks").json())
    assert plan["weeks"][0]["phase"] == "foundation"
    assert any(w["deload"] for w in plan["weeks"])
    week = client.get("/api/v1/weeks/1").json()
    assert week["sessions"][0]["blocks"][0]["reasons"]
    missing = client.get("/api/v1/weeks/99")
    assert missing.status_code == 404 and missing.json()["detail"].startswith("index:")


def test_logging_a_session_as_planned_then_adding_a_set(client) -> None:
    first = client.post("/api/v1/sessions", json={"as_planned": True, "session_rpe": 6, "minutes": 30})
    assert first.status_code == 201 and first.json()["new_sets"] == 14
    more = client.post("/api/v1/sessions", json={"sets": [{"exercise_id": "romanian_deadlift", "reps": 5,
                                                            "load_kg": 40, "rpe": 8}]})  # fmt: skip
    assert more.status_code == 201 and more.json()["appended"] and more.json()["total_sets"] == 15
    logged = client.get(f"/api/v1/sessions/{TODAY}").json()["logged"][0]["sets"]
    assert [s["set_number"] for s in logged if s["exercise_id"] == "romanian_deadlift"] == [1, 2, 3, 4]


def test_as_planned_twice_is_refused_by_the_field(client) -> None:
    client.post("/api/v1/sessions", json={"as_planned": True})
    assert problem_fields(client.post("/api/v1/sessions", json={"as_planned": True})) == [["body", "as_planned"]]


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"sets": [{"exercise_id": "romanian_deadlift", "reps": 8, "seconds": 30}]}, ["body", "sets", 0, "reps"]),
        ({"sets": [{"exercise_id": "romanian_deadlift", "reps": 8, "rpe": 7, "rir": 2}]}, ["body", "sets", 0, "rir"]),
        ({"sets": [{"exercise_id": "romanian_deadlift", "reps": 8}], "date": "2027-02-01"}, ["body", "date"]),
        ({"as_planned": True, "minutes": 5000}, ["body", "minutes"]),
        ({"as_planned": True, "pains": [{"area": "elbow", "score": 2}]}, ["body", "pains", 0, "area"]),
        ({"as_planned": True, "label": "C"}, ["body", "label"]),
    ],
)
def test_a_bad_session_gets_422_naming_the_field_and_stores_nothing(client, body, where) -> None:
    assert where in problem_fields(client.post("/api/v1/sessions", json=body))
    assert client.get("/api/v1/today").json()["logged_sets"] == 0


def test_a_body_that_is_not_json_is_a_4xx(client) -> None:
    response = client.post("/api/v1/sessions", content=b"{not json", headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500 and response.json()["detail"]


def test_wellness_check_in_and_update(client) -> None:
    assert client.get("/api/v1/wellness").status_code == 404
    first = client.post("/api/v1/wellness", json={"sleep_hours": 7, "mood": 3})
    assert first.status_code == 201 and first.json()["replaced"] == []
    second = client.post("/api/v1/wellness", json={"mood": 4})
    assert second.json()["replaced"] == ["mood"]
    assert client.get("/api/v1/wellness").json()["wellness"] | {"date": None} == {
        "date": None, "sleep_hours": 7.0, "sleep_quality": None, "mood": 4, "appetite": None, "soreness": None,
        "stress": None, "energy": None, "note": None,
    }  # fmt: skip
    assert problem_fields(client.post("/api/v1/wellness", json={})) == [["body", "sleep_hours"]]
    assert problem_fields(client.post("/api/v1/wellness", json={"mood": 9})) == [["body", "mood"]]


def test_runs_are_logged_and_listed(client) -> None:
    created = client.post("/api/v1/runs", json={"type": "long", "minutes": 95, "distance_km": 18.5})
    assert created.status_code == 201
    assert [r["distance_km"] for r in client.get("/api/v1/runs").json()] == [18.5]
    assert problem_fields(client.post("/api/v1/runs", json={"type": "jog", "minutes": 30})) == [["body", "type"]]
    assert problem_fields(client.get("/api/v1/runs", params={"since": "2027-02-01"})) == [["query", "since"]]


def test_exercise_search_and_one_exercise(client) -> None:
    found = client.get("/api/v1/exercises", params={"q": "plank", "category": "core"}).json()
    assert found and all("plank" in e["name"].lower() or "plank" in e["id"] for e in found)
    one = client.get("/api/v1/exercises/pistol_squat").json()
    assert one["exercise"]["name"] and "pistol_squat" in one["ladder"]
    missing = client.get("/api/v1/exercises/nope")
    assert missing.status_code == 404 and missing.json()["detail"].startswith("exercise_id:")


def test_swap_gives_a_new_plan_version_holding_the_replacement(client) -> None:
    options = client.get("/api/v1/exercises/romanian_deadlift/alternatives").json()
    assert str(TODAY) in options["sessions"]
    target = options["alternatives"][0]["id"]
    swapped = client.post("/api/v1/swaps", json={"from_id": "romanian_deadlift", "to_id": target, "reason": "kit"})
    assert swapped.status_code == 201
    body = swapped.json()
    assert body["plan_version"] == 2 and body["profile_version"] == 2 and str(TODAY) in body["sessions"]
    today = client.get("/api/v1/today").json()["sessions"][0]["blocks"]
    assert target in [b["exercise_id"] for b in today] and "romanian_deadlift" not in [b["exercise_id"] for b in today]


def test_a_swap_that_cannot_be_made_names_the_field(client) -> None:
    assert problem_fields(client.post("/api/v1/swaps", json={"from_id": "romanian_deadlift", "to_id": "plank"})) == [
        ["body", "to_id"]
    ]
    assert problem_fields(client.post("/api/v1/swaps", json={"from_id": "pistol_squat", "to_id": "plank"})) == [
        ["body", "from_id"]
    ]
    assert client.get("/api/v1/athlete").json()["plan_version"] == 1


def test_an_empty_diary_answers_409_with_how_to_add_an_athlete(tmp_path) -> None:
    from runstrong.web.app import create_app

    from .conftest import SameOriginClient as TestClient

    with TestClient(create_app(str(tmp_path / "empty.db"), today=TODAY)) as client:
        response = client.get("/api/v1/today")
    assert response.status_code == 409 and "runstrong athlete add" in response.json()["detail"]


def test_the_openapi_document_describes_every_api_route_and_no_page(client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert set(paths) == {
        "/api/v1/athlete", "/api/v1/today", "/api/v1/plan", "/api/v1/weeks", "/api/v1/weeks/{index}",
        "/api/v1/sessions/{date}", "/api/v1/sessions", "/api/v1/wellness", "/api/v1/runs", "/api/v1/exercises",
        "/api/v1/exercises/{exercise_id}", "/api/v1/exercises/{exercise_id}/alternatives", "/api/v1/swaps",
        "/api/v1/review", "/api/v1/sets/{set_id}", "/api/v1/logged-sessions/{session_id}", "/api/v1/runs/{run_id}",
        "/api/v1/wellness/{date}", "/api/v1/undo", "/api/v1/pains", "/api/v1/roster", "/api/v1/queue/decisions",
        "/api/v1/review-mode",
    }  # fmt: skip
    post = paths["/api/v1/sessions"]["post"]
    assert {"201", "400", "404", "409", "422"} <= set(post["responses"])


def test_the_review_api_reviews_without_writing_and_accepts_on_post(client) -> None:
    before = client.get("/api/v1/athlete").json()["plan_version"]
    r = client.get("/api/v1/review")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["review"]["week_start"] == "2027-01-04" and body["new_plan_version"] is None
    assert all(d["reasons"] for d in body["review"]["decisions"])
    assert client.get("/api/v1/athlete").json()["plan_version"] == before
    r = client.post("/api/v1/review", json={"ill": True})
    assert r.status_code == 201, r.text
    assert r.json()["new_plan_version"] == before + 1
    assert any(d["action"] == "deload" for d in r.json()["review"]["decisions"])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"week": "2030-01-01"}, "week"),
        ({"week": "2020-01-06"}, "week"),
        ({"travel_start": "2027-01-20"}, "kit"),
        ({"travel_start": "2027-01-20", "travel_end": "2027-01-10", "kit": "bands"}, "travel_end"),
        ({"race_date": "2026-01-01"}, "race_date"),
        ({"kit": "spaceship", "travel_start": "2027-01-20"}, "kit"),
    ],
)
def test_a_bad_review_request_is_a_4xx_naming_the_field(client, body, field) -> None:
    before = client.get("/api/v1/athlete").json()["plan_version"]
    r = client.post("/api/v1/review", json=body)
    assert r.status_code == 422, r.text
    assert field in r.text
    assert client.get("/api/v1/athlete").json()["plan_version"] == before


def test_a_run_faster_than_the_world_record_is_refused_on_the_api_and_the_page(client) -> None:
    """cr24a F15: the same impossible run (80 km in 45 min) is refused on every face, by its field."""
    slip = client.post("/api/v1/runs", json={"type": "easy", "minutes": 45, "distance_km": 80})
    assert problem_fields(slip) == [["body", "distance_km"]] and "world record" in slip.text
    page = client.post("/run", data={"type": "easy", "minutes": "45", "distance": "80 km"})
    assert page.status_code == 422 and "world record" in page.text
    assert client.get("/api/v1/runs").json() == []


def test_a_load_far_beyond_the_lifts_history_is_refused_on_the_api_until_confirmed(client) -> None:
    """cr24a F15: the same slip as `log --set "romanian_deadlift 3x8@1000lb"`, refused by the field with
    the way to log it if true (`confirm`), nothing written; confirmed, it is logged."""
    one = {"exercise_id": "romanian_deadlift", "reps": 5, "load_kg": 40, "rpe": 8}
    assert client.post("/api/v1/sessions", json={"sets": [one]}).status_code == 201
    slip = client.post("/api/v1/sessions", json={"sets": [one | {"load_kg": 400}]})
    assert problem_fields(slip) == [["body", "sets"]] and "more than 3 times" in slip.text and "confirm" in slip.text
    meant = client.post("/api/v1/sessions", json={"sets": [one | {"load_kg": 400}], "confirm": True})
    assert meant.status_code == 201 and meant.json()["new_sets"] == 1
