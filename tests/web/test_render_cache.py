"""The dashboard's render cache is keyed by the diary's stamp, so a change made through
another connection (another worker process, the CLI) shows on the very next request, on
SQLite and on PostgreSQL, while an unchanged diary is served from memory."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import EXAMPLES
from tests.store.conftest import BACKENDS
from tests.web.conftest import TODAY, SameOriginClient


def seed_marathoner(url: str) -> None:
    """The example marathoner and her plan stored in the diary at `url`."""
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store

    store = open_store(url)
    profile = load_profile(EXAMPLES / "marathoner.toml")
    with store.write() as s:
        repo.store_plan(s, profile, build_plan(profile, load_context(), least_bad=True), dt.datetime(2027, 1, 1, 8))
    store.close()


@pytest.fixture(params=BACKENDS)
def diary_url(request, tmp_path) -> str:
    """A diary holding the example marathoner and her plan, on each backend (on PostgreSQL a
    database of its own copied from a template that holds her)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'diary.db'}"
        seed_marathoner(url)
        return url
    return request.getfixturevalue("pg_fresh")("marathoner_plan", seed_marathoner)


@pytest.fixture
def client_and_app(diary_url):  # type: ignore[no-untyped-def]
    from runstrong.web.app import create_app

    app = create_app(diary_url, today=TODAY)
    with SameOriginClient(app, follow_redirects=False) as client:
        yield client, app


def _elsewhere(url: str):  # type: ignore[no-untyped-def]
    """A store of its own: its own engine and connections, as another process would have."""
    from runstrong.store.db import open_store

    return open_store(url)


def test_an_unchanged_diary_is_served_from_one_render(client_and_app) -> None:
    client, app = client_and_app
    first = client.get("/")
    assert first.status_code == 200 and "Friday 8 January 2027" in first.text
    assert client.get("/").content == first.content
    assert len(app.state.dashboard_cache) == 1


def test_a_checkin_changed_in_place_elsewhere_shows_on_the_next_request(client_and_app, diary_url) -> None:
    from runstrong.core.diary import Wellness
    from runstrong.flows import base
    from runstrong.flows.checkin import record_checkin

    client, app = client_and_app
    clock = base.Clock(dt.datetime(2027, 1, 8, 9), TODAY)
    other = _elsewhere(diary_url)
    try:
        record_checkin(other, None, Wellness(date=TODAY, sleep_hours=6.5), [], clock)
        assert "slept 6.5 h" in client.get("/").text
        # the same row updated in place: only the diary version the flow bumps tells
        record_checkin(other, None, Wellness(date=TODAY, sleep_hours=8.25), [], clock)
    finally:
        other.close()
    page = client.get("/").text
    assert "slept 8.25 h" in page and "slept 6.5 h" not in page
    assert len(app.state.dashboard_cache) == 2


def test_a_run_stored_outside_the_flows_elsewhere_shows_on_the_next_request(client_and_app, diary_url) -> None:
    from runstrong.core.diary import RunLog
    from runstrong.store import repo

    client, _ = client_and_app
    assert "easy 33 min" not in client.get("/").text
    other = _elsewhere(diary_url)
    try:
        with other.write() as s:  # as an import does: no diary version bumped
            repo.add_run(s, repo.find_athlete(s, None).id, RunLog(date=TODAY, type="easy", minutes=33))
    finally:
        other.close()
    assert "easy 33 min" in client.get("/").text


def test_a_cached_dashboard_never_hands_one_browser_another_browsers_form_token(client_and_app) -> None:
    """The page carries its session's CSRF token: a second browser (the phone beside the
    laptop) gets a page with its own token, and its check-in from that page is accepted."""
    import re

    client, app = client_and_app
    laptop = client.get("/")
    with SameOriginClient(app, follow_redirects=False) as phone:
        seen = phone.get("/")
        token = re.search(r'"X-CSRF-Token": "([^"]+)"', seen.text).group(1)
        assert token != re.search(r'"X-CSRF-Token": "([^"]+)"', laptop.text).group(1)
        posted = phone.post("/checkin", data={"mood": "4", "csrf_token": token}, headers={"x-csrf-token": token})
        assert posted.status_code in (200, 303)


def test_one_render_serves_every_browser_each_with_its_own_form_token(client_and_app) -> None:
    """Ten browser sessions (ten form tokens) are served one kept page, each with its own
    token in every slot, and the page is otherwise the same bytes."""
    import re

    client, app = client_and_app
    first = client.get("/").text
    pages, tokens = [], set()
    for _ in range(10):  # not entered: leaving a client's block would stop the app's lifespan
        page = SameOriginClient(app, follow_redirects=False).get("/").text
        token = re.search(r'"X-CSRF-Token": "([^"]+)"', page).group(1)
        assert token and token in page and "\x00" not in page
        pages.append(page.replace(token, "TOKEN"))
        tokens.add(token)
    assert len(app.state.dashboard_cache) == 1 and len(tokens) == 10
    mine = re.search(r'"X-CSRF-Token": "([^"]+)"', first).group(1)
    assert all(page == first.replace(mine, "TOKEN") for page in pages)


def test_a_write_through_one_app_shows_on_the_other_apps_next_page(client_and_app, diary_url) -> None:
    """Two app instances over one database (two worker processes): each keeps its own
    rendered pages, and a check-in logged through one shows on the other's next dashboard
    and in its /api/v1/today, with no page served from before the write."""
    from runstrong.web.app import create_app

    client, app = client_and_app
    before = client.get("/").text
    assert client.get("/").text == before and len(app.state.dashboard_cache) == 1  # cached
    second = create_app(diary_url, today=TODAY)
    try:
        with SameOriginClient(second, follow_redirects=False) as other:
            assert other.post("/api/v1/wellness", json={"sleep_hours": 7.25, "mood": 4}).status_code in (200, 201)
        page = client.get("/").text
        assert "slept 7.25 h" in page and "slept 7.25 h" not in before
        assert client.get("/api/v1/today").json()["wellness"]["sleep_hours"] == 7.25
        assert len(app.state.dashboard_cache) == 2  # rendered again, under the new stamp
    finally:
        second.state.diary.close()


def test_a_page_reads_the_diary_in_one_transaction(client_and_app) -> None:
    """The dashboard (stamp, page and coach's note) and the session page each begin one
    read transaction, so every read of a page sees the same diary."""
    from sqlalchemy import event

    client, app = client_and_app
    client.get("/")  # the reader engine exists after the first read
    store = app.state.diary.store
    begun: list[int] = []
    engines = {store.engine, store._reader}
    for engine in engines:
        event.listen(engine, "begin", lambda *_: begun.append(1))
    for path in ("/?_=1", f"/session/{TODAY}"):
        begun.clear()
        assert client.get(path).status_code == 200
        assert len(begun) == 1, path


def test_a_set_logged_through_one_app_shows_at_once_on_the_other_apps_pages(client_and_app, diary_url) -> None:
    """A set logged through a second app instance (another worker process) shows on the
    first one's next dashboard (cached before the write), its /api/v1/today and its session
    page, on SQLite and PostgreSQL."""
    from runstrong.web.app import create_app

    client, app = client_and_app
    before = client.get("/").text
    assert client.get("/").text == before and "Logged 1 set" not in before  # cached
    second = create_app(diary_url, today=TODAY)
    try:
        with SameOriginClient(second, follow_redirects=False) as other:
            one_set = {"sets": [{"exercise_id": "goblet_squat", "reps": 9, "load_kg": 43.5}]}
            assert other.post("/api/v1/sessions", json=one_set).status_code == 201
        assert "Logged 1 set" in client.get("/").text
        logged = client.get("/api/v1/today").json()["logged"]
        assert [(x["exercise_id"], x["reps"], x["load_kg"]) for s in logged for x in s["sets"]] == [
            ("goblet_squat", 9, 43.5)
        ]
        assert "43.5" in client.get(f"/session/{TODAY}").text
        assert len(app.state.dashboard_cache) == 2  # rendered again, under the new stamp
    finally:
        second.state.diary.close()
