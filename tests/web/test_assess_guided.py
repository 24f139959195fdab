"""The screen from the browser, one test at a time (`/assess/guided`): each test's
instructions, its answers checked before the next, holds typed or timed, and the whole
screen saved through the same flow and scoring as the one-page form."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

# one answer set per test of data/screen.toml, in order (the optional ones left empty)
STEPS: list[dict[str, Any]] = [
    {"hip_hinge_pass": "no", "hip_hinge_faults": ["sacrum", "knees"]},
    {"plank_seconds": "1:15"},
    {"side_plank_left_seconds": "40", "side_plank_right_seconds": "28"},
    {"single_leg_squat_left": "fair", "single_leg_squat_right": "good", "single_leg_squat_faults_left": ["hip"]},
    {"balance_open_left_seconds": "30", "balance_open_right_seconds": "25"},
    {},
    {"heel_raise_left": "22", "heel_raise_right": "15"},
    {},
    {},
]


def carried(page: str) -> dict[str, list[str]]:
    """The hidden fields a step page sends on (the answers so far, its step and version)."""
    out: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page):
        if name != "csrf_token":
            out.setdefault(name, []).append(value)
    return out


def send(client, page: str, answers: dict[str, Any], go: str = "next"):  # type: ignore[no-untyped-def]
    data = carried(page) | {k: v if isinstance(v, list) else [v] for k, v in answers.items()} | {"go": [go]}
    return client.post("/assess/guided", data=data)


def heading(page: str) -> str:
    found = re.search(r'<h2 id="t-h">([^<]*)', page)
    return found.group(1).strip() if found else ""


def walk(client, steps: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    page = client.get("/assess/guided").text
    for answers in steps:
        answer = send(client, page, answers)
        assert answer.status_code == 200, answer.text[:2000]
        page = answer.text
    return page


def test_each_test_is_shown_alone_with_its_instructions(client) -> None:
    from runstrong.io.screen_text import load_battery

    tests = load_battery().tests
    page = client.get("/assess/guided").text
    assert heading(page) == tests[0].title and tests[0].setup[0] in page and tests[0].perform[0] in page
    assert tests[1].title not in page and "test 1 of 9" in page
    page = send(client, page, STEPS[0]).text
    assert heading(page) == tests[1].title and "test 2 of 9" in page
    assert 'data-timer-for="plank_seconds"' in page  # a hold has its stopwatch (shown by static/screen.js)


def test_a_hold_may_be_typed_as_minutes_and_seconds(client) -> None:
    page = send(client, client.get("/assess/guided").text, STEPS[0]).text
    page = send(client, page, {"plank_seconds": "1:15"}).text
    assert carried(page)["plank_seconds"] == ["75"]


@pytest.mark.parametrize(
    ("step", "answers", "field"),
    [(0, {}, "hip_hinge_pass"), (1, {"plank_seconds": "long"}, "plank_seconds"),
     (1, {"plank_seconds": "700"}, "plank_seconds"), (3, {"single_leg_squat_left": "fair"}, "single_leg_squat_right")],
)  # fmt: skip
def test_a_missing_or_bad_answer_keeps_the_runner_on_that_test(client, step: int, answers: dict, field: str) -> None:
    page = walk(client, STEPS[:step])
    title = heading(page)
    answer = send(client, page, answers)
    assert answer.status_code == 422 and heading(answer.text) == title
    assert f'id="{field}-error"' in answer.text
    _, profile = client.app.state.diary.profile()
    assert profile.screens == []


def test_back_shows_the_last_test_with_its_answers(client) -> None:
    page = walk(client, STEPS[:2])
    back = send(client, page, {"side_plank_left_seconds": "40"}, go="back").text
    assert 'name="plank_seconds" type="text" inputmode="numeric" value="75"' in back
    assert carried(back)["side_plank_left_seconds"] == ["40"]  # what was typed on the later test travels on


def test_the_guided_screen_saves_what_the_one_page_form_saves(client, diary_path, tmp_path) -> None:
    import shutil

    from runstrong.core.assessment import score_screen
    from runstrong.web.app import create_app
    from tests.web.conftest import TODAY, SameOriginClient

    shutil.copyfile(diary_path, tmp_path / "other.db")  # before either saves
    last = walk(client, STEPS)
    assert "All 9 tests done" in last
    saved = send(client, last, {"notes": "wobbly on the right"})
    assert saved.status_code == 303 and saved.headers["location"] == "/assess/results"
    _, profile = client.app.state.diary.profile()
    guided = profile.screens[-1]

    other = create_app(str(tmp_path / "other.db"), today=TODAY)
    try:
        with SameOriginClient(other, follow_redirects=False) as one_page:
            form = {k: v for step in STEPS for k, v in step.items()}
            form |= {"plank_seconds": "75", "notes": "wobbly on the right"}
            assert one_page.post("/assess", data=form).status_code == 303
            _, other_profile = other.state.diary.profile()
    finally:
        other.state.diary.close()
    assert guided == other_profile.screens[-1]
    params = client.app.state.diary.params
    assert score_screen(guided, profile.age, profile.sex, params) == score_screen(
        other_profile.screens[-1], profile.age, profile.sex, params
    )
    assert "Screen results" in client.get("/assess/results").text


def test_a_passed_hinge_with_faults_goes_back_to_the_hinge_when_saved(client) -> None:
    steps = [{"hip_hinge_pass": "yes", "hip_hinge_faults": ["head"]}, *STEPS[1:]]
    answer = send(client, walk(client, steps), {})
    assert answer.status_code == 422 and "Hip hinge" in heading(answer.text) and "passed hinge" in answer.text


def test_a_screen_saved_after_another_change_is_told_and_saves_when_sent_again(client) -> None:
    last = walk(client, STEPS)
    client.post("/run", data={"type": "easy", "minutes": "30"})  # the diary moves on meanwhile
    stale = send(client, last, {})
    assert stale.status_code == 409 and "changed since you opened it" in stale.text
    assert send(client, stale.text, {}).status_code == 303


def test_the_one_page_form_takes_holds_as_minutes_and_seconds_too(client) -> None:
    form = {k: v for step in STEPS for k, v in step.items()}
    bad = client.post("/assess", data={**form, "plank_seconds": "1:7x"})
    assert bad.status_code == 422 and 'id="plank_seconds-error"' in bad.text and 'value="1:7x"' in bad.text
    assert client.post("/assess", data=form).status_code == 303
    _, profile = client.app.state.diary.profile()
    assert profile.screens[-1].plank_seconds == 75
