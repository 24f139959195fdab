"""Loads on the pages: the session page prefills each lift's load, says a first session
finds the weight, and after a log shows the next load the log points to."""

from __future__ import annotations

import datetime as dt
import re

from tests.web.conftest import TODAY

from .test_pages import form_fields, ticked_session

SESSION = f"/session/{TODAY}"


def rdl_row(page: str) -> str:
    return next(k for k, v in form_fields(page).items() if v == "romanian_deadlift").split("-")[0]


def test_the_session_page_prefills_the_load_and_says_the_first_session_finds_the_weight(client) -> None:
    page = client.get(SESSION).text
    i = rdl_row(page)
    load = form_fields(page)[f"{i}-load"]
    assert float(load) > 0
    assert re.search(rf"3 × 8 @ {load} kg, RIR 3", page)
    assert "find-your-weight" in page and "First time" in page


def test_after_an_easy_log_the_next_session_shows_a_heavier_load(client, diary_path) -> None:
    from runstrong.web.app import create_app

    from .conftest import SameOriginClient

    page = client.get(SESSION).text
    fields = form_fields(page)
    rows = [k.split("-")[0] for k, v in fields.items() if v == "romanian_deadlift"]
    load = float(fields[f"{rows[0]}-load"])
    data = ticked_session(page, **{f"{r}-rir": "6" for r in rows})  # every set left six in reserve, not three
    assert client.post(SESSION, data=data).status_code == 303
    next_week = TODAY + dt.timedelta(weeks=1)
    app = create_app(str(diary_path), today=next_week)
    with SameOriginClient(app, follow_redirects=False) as later_client:
        later = later_client.get(f"/session/{next_week}").text
    app.state.diary.close()
    shown = float(form_fields(later)[f"{rdl_row(later)}-load"])
    assert load < shown <= max(load * 1.05, load + 2.5)
    assert "Last time:" in later
