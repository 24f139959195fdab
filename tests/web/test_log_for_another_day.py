"""A session done on another day than planned, logged from the web (issue 16 item 7): the
runner chooses the planned session and the day they did it; the log is dated the day done,
linked to the planned session, and the review counts it against that session."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from .conftest import TODAY
from .test_pages import ticked_session

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

MONDAY = dt.date(2027, 1, 4)  # session B, not logged; TODAY is Friday the 8th (session A)
MISSED = f"/session/{MONDAY}?label=B"


def stored(app) -> list:  # type: ignore[no-untyped-def]
    from runstrong.store import repo
    from runstrong.store.diary_window import load_diary

    with app.state.diary.store.read() as s:
        return list(load_diary(s, repo.find_athlete(s, None).id, MONDAY, TODAY).sessions)


def test_a_missed_session_is_logged_on_the_day_done_and_linked_to_its_plan(client, app) -> None:
    page = client.get(MISSED).text
    assert re.search(r'<option value="2027-01-04" selected>Mon 4 Jan \(as planned\)</option>', page)
    assert '<option value="2027-01-08">Today, Fri 8 Jan</option>' in page
    response = client.post(MISSED, data=ticked_session(page, done_on=str(TODAY)))
    assert response.status_code == 303
    assert response.headers["location"].startswith(f"/session/{MONDAY}?label=B&done={TODAY}&saved=")
    (done,) = stored(app)
    assert (done.date, done.planned_date, done.planned_label) == (TODAY, MONDAY, "B")
    shown = client.get(response.headers["location"]).text
    assert "Logged on Fri 8 Jan for this session" in shown


def test_the_review_counts_it_against_the_planned_session(client, app) -> None:
    client.post(f"/session/{TODAY}?label=A", data=ticked_session(client.get(f"/session/{TODAY}?label=A").text))
    page = client.get(MISSED).text
    client.post(MISSED, data=ticked_session(page, done_on=str(TODAY)))
    assert [(x.date, x.planned_label) for x in stored(app)] == [(TODAY, "A"), (TODAY, "B")]
    review = client.get("/review").text
    assert "Done: 2/2 sessions" in review


def test_a_day_without_a_session_offers_the_weeks_sessions_not_yet_logged(client) -> None:
    thursday = TODAY - dt.timedelta(days=1)
    page = client.get(f"/session/{thursday}").text
    assert f'href="/session/{MONDAY}?label=B&amp;done={thursday}"' in page
    assert f"/session/{TODAY}?label=A&amp;done=" in page  # A is not logged yet either


def test_a_session_ahead_can_be_logged_as_done_today(client, app) -> None:
    ahead = "/session/2027-01-11?label=B"
    assert f'href="{ahead}&amp;done={TODAY}"' in client.get(ahead).text
    page = client.get(f"{ahead}&done={TODAY}").text
    assert 'name="done_on"' in page and f'<option value="{TODAY}" selected>' in page
    assert client.post(ahead, data=ticked_session(page, done_on=str(TODAY))).status_code == 303
    (done,) = stored(app)
    assert (done.date, done.planned_date) == (TODAY, dt.date(2027, 1, 11))


def test_an_unreadable_day_done_is_named_by_its_field_and_nothing_is_written(client, app) -> None:
    page = client.get(MISSED).text
    response = client.post(MISSED, data=ticked_session(page, done_on="someday"))
    assert response.status_code == 422
    assert re.search(r'id="done_on-error">[^<]*not a date', response.text)
    assert stored(app) == []


def test_on_a_day_without_a_session_the_dashboard_leads_to_logging_another_days(app) -> None:
    from runstrong.web.app import create_app

    from .conftest import SameOriginClient

    thursday = TODAY - dt.timedelta(days=1)
    other = create_app(str(app.state.diary.store.engine.url.database), today=thursday)
    with SameOriginClient(other) as client:
        assert f'href="/session/{thursday}"' in client.get("/").text
    other.state.diary.close()


def test_a_bad_value_in_a_session_ahead_logged_today_comes_back_with_the_form(client) -> None:
    ahead = "/session/2027-01-11?label=B"
    page = client.get(f"{ahead}&done={TODAY}").text
    data = ticked_session(page, done_on=str(TODAY), session_rpe="12")
    response = client.post(ahead, data=data)
    assert response.status_code == 422
    assert 'id="session_rpe-error"' in response.text and 'name="done_on"' in response.text


def test_the_api_logs_a_session_for_its_planned_day(client, app) -> None:
    body = {"date": str(TODAY), "planned_on": str(MONDAY), "as_planned": True, "key": "late-b"}
    response = client.post("/api/v1/sessions", json=body)
    assert response.status_code == 201, response.text
    (done,) = stored(app)
    assert (done.date, done.planned_date, done.planned_label) == (TODAY, MONDAY, "B")
    missing = client.post("/api/v1/sessions", json=body | {"planned_on": "2027-01-05", "key": "late-x"})
    assert missing.status_code == 422
    assert missing.json()["detail"][0]["loc"] == ["body", "planned_on"]
