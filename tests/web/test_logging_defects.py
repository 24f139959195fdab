"""Defects found logging on a phone (issue 18): the run form reads durations and distances
the way the CLI does, session notes are shown, a pain alone is a check-in, the run page is
in the navigation."""

from __future__ import annotations

import html
import re

import pytest

from .conftest import TODAY

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

SESSION = f"/session/{TODAY}?label=A"


def _runs(app):  # type: ignore[no-untyped-def]
    return app.state.diary.runs(since=TODAY, until=TODAY)


@pytest.mark.parametrize(
    ("minutes", "distance", "want_minutes", "want_km"),
    [
        ("1h05", "8 km", 65, 8.0),
        ("65 min", "5 mi", 65, 8.047),
        ("1:05:00", "8 miles", 65, 12.875),
        ("45", "8", 45, 8.0),
    ],
)
def test_the_run_form_reads_durations_and_distances_as_the_cli_does(
    client, app, minutes: str, distance: str, want_minutes: float, want_km: float
) -> None:
    response = client.post("/run", data={"type": "easy", "minutes": minutes, "distance": distance})
    assert response.status_code == 303, response.text
    (run,) = _runs(app)
    assert run.minutes == want_minutes
    assert run.distance_km == pytest.approx(want_km, abs=0.001)


def test_the_web_and_the_cli_store_the_same_run_for_the_same_text(client, app, diary_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from runstrong.cli.main import cli

    monkeypatch.setattr("runstrong.cli.runs.clock_today", lambda: TODAY)
    client.post("/run", data={"type": "easy", "minutes": "1h05", "distance": "8 miles"})
    result = CliRunner().invoke(cli, ["run", "add", "easy", "1h05", "--distance", "8 miles", "--db", str(diary_path)])
    assert result.exit_code == 0, result.output
    web, cli_run = _runs(app)
    assert (web.minutes, web.distance_km) == (cli_run.minutes, pytest.approx(cli_run.distance_km, abs=0.001))


def test_an_unreadable_duration_is_named_by_its_field_and_kept_as_typed(client, app) -> None:
    response = client.post("/run", data={"type": "easy", "minutes": "an hour", "distance": "8 parsecs"})
    assert response.status_code == 422
    assert re.search(r'id="minutes-error">[^<]*is not a duration; write 45', response.text)
    assert re.search(r'id="distance-error">[^<]*not a unit of distance', response.text)
    assert 'value="an hour"' in response.text and 'value="8 parsecs"' in response.text
    assert _runs(app) == []


def test_a_session_note_is_shown_on_the_session_page(client, app) -> None:
    app.state.diary.log_session(TODAY, as_planned=True, note="Left knee grumbled on the step-ups")
    page = client.get(SESSION).text
    assert "Left knee grumbled on the step-ups" in page


def test_a_pain_alone_is_a_check_in_as_in_the_cli(client, app) -> None:
    response = client.post("/checkin", data={"p0-area": "knee", "p0-score": "3", "note": "after the long run"})
    assert response.status_code == 303, response.text
    day = app.state.diary.day(TODAY)
    assert day.wellness is None  # no answers, no empty check-in
    from runstrong.store import repo
    from runstrong.store.diary_window import load_diary

    with app.state.diary.store.read() as s:
        pains = load_diary(s, repo.find_athlete(s, None).id, TODAY, TODAY).pains
    assert [(p.area.value, p.score, p.note) for p in pains] == [("knee", 3, "after the long run")]


def test_an_empty_check_in_is_still_refused(client) -> None:
    response = client.post("/checkin", data={"note": "nothing"})
    assert response.status_code == 422
    assert "answer at least one question" in response.text


def test_the_run_page_is_in_the_navigation(client) -> None:
    page = client.get("/").text
    for nav in re.findall(r'<nav class="nav-(?:wide|phone)" aria-label="Main">(.*?)</nav>', page, re.S):
        assert 'href="/run"' in nav
    assert 'aria-current="page">Run<' in client.get("/run").text


@pytest.mark.parametrize(("typed", "says"), [("jog", "'jog' is not a run type"), ("rest", "'rest' is not a run type"),
                                             ("tempp", "did you mean 'tempo'?")])  # fmt: skip
def test_a_run_type_the_form_does_not_offer_is_named_and_nothing_is_logged(client, app, typed: str, says: str) -> None:
    """cr26a F16: `type=jog` answered pydantic's "Input should be 'easy', ... or 'rest'" (a rest day
    offered as a run)."""
    response = client.post("/run", data={"type": typed, "minutes": "30"})
    assert response.status_code == 422
    page = html.unescape(response.text)
    assert says in page and "Input should be" not in page
    assert "choose one of easy, long, tempo, intervals, race, cross_train" in page
    assert _runs(app) == []
