"""The dashboard's card of the last accepted review says what the review decided, in the
review's own words: a missed session's hold is not "Nothing flagged: the week went as planned"
(cr18b #9). The review page of a week already accepted says so and offers no button that would
write nothing, as `runstrong review --accept` answers "The plan already matched this review"."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator

import pytest

from tests.web.conftest import SameOriginClient

MONDAY, NEXT_MONDAY = dt.date(2027, 1, 4), dt.date(2027, 1, 11)  # week 1 of the marathoner: Mon and Fri sessions


def client_on(diary_path, day: dt.date) -> Iterator[SameOriginClient]:
    from runstrong.web.app import create_app

    app = create_app(str(diary_path), today=day)
    try:
        with SameOriginClient(app, follow_redirects=False) as client:
            yield client
    finally:
        app.state.diary.close()


@pytest.fixture
def reviewed(diary_path) -> Iterator[SameOriginClient]:
    """Monday's session logged, Friday's missed, and the week's review accepted in the browser."""
    for client in client_on(diary_path, MONDAY):
        assert client.post("/api/v1/sessions", json={"as_planned": True}).status_code == 201
    for client in client_on(diary_path, NEXT_MONDAY):
        answer = client.post("/review", data={"week": str(MONDAY)})
        assert answer.status_code == 303, answer.text
        yield client


def test_the_dashboard_says_what_the_review_held_for_a_missed_session(reviewed) -> None:
    review = reviewed.get(f"/api/v1/review?week={MONDAY}").json()["review"]
    held = [d for d in review["decisions"] if d["action"] != "progress"]
    assert any(d["action"] == "hold" and "sets done" in d["text"] for d in held), review["decisions"]
    page = reviewed.get("/").text
    assert "Nothing flagged" not in page and "went as planned" not in page
    assert "Done: 1/2 sessions (50%)" in page
    for d in held:  # each in the review's words, marked as the terminal marks it
        assert html.escape(d["text"], quote=False) in page, d["text"]
    assert "■ hold" in page


def test_the_review_page_of_an_accepted_week_says_so_and_offers_no_empty_accept(diary_path) -> None:
    for client in client_on(diary_path, MONDAY):
        assert client.post("/api/v1/sessions", json={"as_planned": True}).status_code == 201
    for client in client_on(diary_path, NEXT_MONDAY):
        before = client.get(f"/review?week={MONDAY}").text
        assert "Accept: write plan version" in before and "Already accepted" not in before
        assert client.post("/review", data={"week": str(MONDAY)}).status_code == 303
        page = client.get(f"/review?week={MONDAY}").text
        assert "Already accepted" in page and "Accepting again would write nothing" in page
        assert "plan version 2 holds this review" in page  # the version the accept wrote, not the one it read
        assert "Accept: write plan version" not in page and 'class="review-accept"' not in page
        again = client.post("/review", data={"week": str(MONDAY)})  # a form kept open in another tab
        assert again.status_code == 303 and "same=1" in again.headers["location"]
        assert "nothing new was written" in client.get(again.headers["location"]).text


def test_a_week_accepted_before_and_changed_since_says_so_beside_its_accept_button(diary_path) -> None:
    for client in client_on(diary_path, MONDAY):
        assert client.post("/api/v1/sessions", json={"as_planned": True}).status_code == 201
    for client in client_on(diary_path, NEXT_MONDAY):
        assert client.post("/review", data={"week": str(MONDAY)}).status_code == 303
        late = {"date": str(MONDAY + dt.timedelta(days=4)), "as_planned": True}  # Friday's session, logged late
        assert client.post("/api/v1/sessions", json=late).status_code == 201, client.get("/").status_code
        page = client.get(f"/review?week={MONDAY}").text
        assert "This week's review was accepted before (plan version 2)" in page
        assert "Accept: write plan version 3" in page and "Already accepted" not in page


def test_an_older_week_with_a_later_review_accepted_offers_no_button_and_names_the_later_review(diary_path) -> None:
    """The page of a week whose review a later week's accepted review follows offers no
    accept (it would replace the later decisions), names that review, and the accept posted
    anyway (a stale tab) is refused with the same words, nothing written."""
    for client in client_on(diary_path, NEXT_MONDAY):
        assert client.post("/review", data={"week": str(MONDAY)}).status_code == 303
    for client in client_on(diary_path, NEXT_MONDAY + dt.timedelta(days=7)):
        assert client.post("/review", data={"week": str(NEXT_MONDAY)}).status_code == 303
    for client in client_on(diary_path, NEXT_MONDAY + dt.timedelta(days=21)):
        page = client.get(f"/review?week={MONDAY}").text
        assert f"the week of {NEXT_MONDAY} was accepted since" in page
        assert 'class="review-accept"' not in page and "has changed since" not in page
        stale = client.post("/review", data={"week": str(MONDAY)})
        assert stale.status_code in (400, 409) and f"the week of {NEXT_MONDAY} was accepted since" in stale.text
