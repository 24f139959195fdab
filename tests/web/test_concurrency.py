"""Two clients at once (issue 14): the same log submitted twice is stored once, whoever
sends it (two tabs, two API calls, the CLI and a tab); two conflicting profile edits: one
wins and the other gets the conflict answer, nothing written."""

from __future__ import annotations

import threading
from typing import Any

from tests.web.conftest import TODAY
from tests.web.test_pages import SESSION, form_fields, ticked_session


def logged_sets(client) -> int:  # type: ignore[no-untyped-def]
    return sum(len(x["sets"]) for x in client.get(f"/api/v1/sessions/{TODAY}").json()["logged"])


def at_once(calls: list) -> list[Any]:
    """Run each call in its own thread, all released together; their answers."""
    answers: list[Any] = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(i: int) -> None:
        start.wait()
        answers[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def session_form(client) -> dict[str, str]:  # type: ignore[no-untyped-def]
    page = client.get(SESSION).text
    fields = form_fields(page)
    return ticked_session(page) | {"token": fields["token"], "version": fields["version"]}


def test_the_same_session_form_submitted_twice_in_a_row_logs_it_once(client) -> None:
    data = session_form(client)
    first = client.post(SESSION, data=data)
    second = client.post(SESSION, data=data)
    assert first.status_code == second.status_code == 303
    assert "saved=" in first.headers["location"] and "already+logged" in second.headers["location"]
    assert logged_sets(client) == int(first.headers["location"].split("saved=")[1])


def test_two_tabs_submitting_the_same_form_at_once_log_it_once(client) -> None:
    """Issue 14: 3 x 8 became 6 x 8 (and the review counted 15 of 9 sets)."""
    data = session_form(client)
    answers = at_once([lambda: client.post(SESSION, data=data) for _ in range(3)])
    assert all(a.status_code == 303 for a in answers)
    saved = [a.headers["location"] for a in answers if "saved=" in a.headers["location"]]
    assert len(saved) == 1
    assert logged_sets(client) == int(saved[0].split("saved=")[1])


def test_two_tabs_opened_together_logging_different_forms_the_second_is_told_it_changed(client) -> None:
    one, two = session_form(client), session_form(client)
    assert client.post(SESSION, data=one).status_code == 303
    stale = client.post(SESSION, data=two)
    assert stale.status_code == 409 and "changed since you opened it" in stale.text
    assert logged_sets(client) == int(client.get(f"/api/v1/today?date={TODAY}").json()["logged_sets"])
    assert len(client.get(f"/api/v1/sessions/{TODAY}").json()["logged"]) == 1


def test_two_api_calls_with_the_same_idempotency_key_log_once(client) -> None:
    body = {"date": str(TODAY), "as_planned": True}
    headers = {"Idempotency-Key": "retry-42"}
    answers = at_once([lambda: client.post("/api/v1/sessions", json=body, headers=headers) for _ in range(3)])
    assert [a.status_code for a in answers] == [201, 201, 201]
    assert sorted(a.json()["already_logged"] for a in answers) == [False, True, True]
    assert len({a.json()["id"] for a in answers}) == 1
    assert logged_sets(client) == answers[0].json()["total_sets"]


def test_the_cli_and_a_tab_logging_the_same_session_store_it_once(client, app) -> None:
    from runstrong.cli.log_flow import LogRequest, write_log

    data = session_form(client)  # the tab is open
    request = LogRequest(day=TODAY, today=TODAY, as_planned=True)
    cli_logged = write_log(app.state.diary.store, request, None)  # `runstrong log --as-planned`
    again = write_log(app.state.diary.store, request, None)  # and the same command retried
    tab = client.post(SESSION, data=data)
    assert not cli_logged.already and again.already
    assert tab.status_code == 409 and "changed since you opened it" in tab.text
    assert logged_sets(client) == cli_logged.result.total_sets


def profile_form(client) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    fields = form_fields(client.get("/profile").text)
    return {"version": fields["version"], "session_cap_minutes": fields["session_cap_minutes"],
            "available_days": ["mon", "wed", "fri", "sat"], "equipment": ["gym"], "race-distance": "marathon",
            "race-date": fields["race-date"]}  # fmt: skip


def test_two_conflicting_profile_edits_one_wins_and_the_other_is_told(client) -> None:
    first, second = profile_form(client), profile_form(client)
    first["session_cap_minutes"], second["session_cap_minutes"] = "35", "50"
    won = client.post("/profile", data=first)
    lost = client.post("/profile", data=second)
    assert won.status_code == 303 and lost.status_code == 409
    assert "changed since you opened it" in lost.text
    assert client.get("/api/v1/athlete").json()["profile_version"] == 2
    assert 'value="35"' in client.get("/profile").text


def test_two_conflicting_profile_edits_at_once_one_wins(client) -> None:
    first, second = profile_form(client), profile_form(client)
    first["session_cap_minutes"], second["session_cap_minutes"] = "35", "50"
    answers = at_once([lambda: client.post("/profile", data=first), lambda: client.post("/profile", data=second)])
    assert sorted(a.status_code for a in answers) == [303, 409]
    assert client.get("/api/v1/athlete").json()["profile_version"] == 2
