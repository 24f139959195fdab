"""A coach and a runner in a real browser (Playwright driving Debian's chromium), in
server mode: the coach logs in, sees the flagged athlete on the roster, edits and accepts
that athlete's review with a note; the runner logs in on a phone, sees the note on the
next session and logs it. Screenshots go to tests/web/screenshots/."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.accounts import PASSWORD, A, seed_server_diary
from tests.web.conftest import TODAY
from tests.web.test_browser import PHONE, browser, shoot  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.slow, pytest.mark.browser]
NOTE = "Knee first: keep the split squats shallow this week."


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The server diary with A in review mode and a painful session A logged this week (a flag)."""
    import copy

    from runstrong.flows.review_queue import set_mode
    from runstrong.web.app import create_app

    path = tmp_path_factory.mktemp("coach") / "diary.db"
    seed_server_diary(str(path))
    app = create_app(str(path), today=TODAY)
    diary = copy.copy(app.state.diary)
    diary.athlete_name = A
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    first = next(s for s in diary.week(TODAY).sessions if s.date >= monday)
    diary.log_session(first.date, [], as_planned=True, pains=[{"area": "knee", "score": 6}], session_rpe=9)
    set_mode(diary.store, A, "review", "test", dt.datetime(2027, 1, 8, 7, 0))
    app.state.diary.close()
    return path


@pytest.fixture
def base_url(seeded: Path, tmp_path: Path, switchboard) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The app on a copy of the seeded diary, served for this test by the process's shared server."""
    from runstrong.web.app import create_app

    path = tmp_path / "diary.db"
    shutil.copyfile(seeded, path)
    app = create_app(str(path), today=TODAY)
    try:
        yield from switchboard.serving(app)
    finally:
        app.state.diary.close()


def _log_in(page, name: str) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_coach_accepts_an_edited_review_and_the_runner_sees_the_note_on_the_next_session(browser, base_url) -> None:  # noqa: F811
    from playwright.sync_api import expect

    desk = browser.new_context(viewport={"width": 1100, "height": 800}, base_url=base_url)
    coach = desk.new_page()
    _log_in(coach, "cora_coach")
    coach.goto("/roster")
    expect(coach.get_by_role("heading", name="Reviews waiting for you")).to_be_visible()
    shoot(coach, "coach-roster")
    coach.get_by_role("link", name=A).first.click()  # the queue's link to this athlete's waiting review
    expect(coach.get_by_role("heading", level=1)).to_have_text(f"Review for {A}")
    expect(coach.locator(".flags")).to_contain_text("Knee pain")
    coach.get_by_label("Hold instead of cutting").check()
    coach.get_by_label(f"Note to {A}").fill(NOTE)
    shoot(coach, "coach-review")
    coach.get_by_role("button", name="Accept").click()
    expect(coach.locator(".notice.ok")).to_have_text("✓ Review accepted.")
    desk.close()

    phone_context = browser.new_context(viewport=PHONE, base_url=base_url)
    phone = phone_context.new_page()
    _log_in(phone, "ann_a")
    expect(phone.locator(".coach-note")).to_contain_text(NOTE)
    shoot(phone, "athlete-coach-note")
    phone.get_by_role("link", name="Open session A").click()
    expect(phone.locator(".coach-note")).to_contain_text(NOTE)
    phone.get_by_role("button", name="Tick every set as planned").click()
    phone.get_by_label("Pain 1, 0-10").fill("2")  # the review added the knee to the runner's pain areas
    phone.get_by_role("button", name="Save session").click()
    expect(phone.locator(".notice.ok")).to_contain_text("Logged")
    shoot(phone, "athlete-logged")
    phone_context.close()


def test_a_coach_swaps_a_lift_in_the_queue_and_the_runners_plan_names_them(browser, base_url) -> None:  # noqa: F811
    from playwright.sync_api import expect

    desk = browser.new_context(viewport={"width": 1100, "height": 800}, base_url=base_url)
    coach = desk.new_page()
    _log_in(coach, "cora_coach")
    coach.goto(f"/queue/review?athlete={A}")
    swaps = coach.locator("fieldset.swaps")
    expect(swaps).to_contain_text("Swap an exercise from the week of")
    lift = swaps.locator("select").first
    lift_name = swaps.locator(".swap-row label").first.inner_text()
    choice = lift.locator("option").nth(1)
    choice_name = choice.inner_text()
    lift.select_option(choice.get_attribute("value"))
    coach.get_by_label(f"Note to {A}").fill("Swapped one lift for your knee.")
    lift.scroll_into_view_if_needed()
    shoot(coach, "coach-queue-swap")
    coach.get_by_role("button", name="Accept").click()
    expect(coach.locator(".notice.ok")).to_have_text("✓ Review accepted.")
    desk.close()

    runner_context = browser.new_context(viewport={"width": 1100, "height": 800}, base_url=base_url)
    runner = runner_context.new_page()
    _log_in(runner, "ann_a")
    runner.goto("/plan")
    why = runner.locator(".why", has_text="Your coach cora_coach chose this").first
    expect(why).to_contain_text(f"{choice_name}: Your coach cora_coach chose this in place of {lift_name}.")
    expect(runner.locator(".swaps")).to_contain_text(f"{choice_name} instead of {lift_name}, chosen by your coach")
    runner.locator(".swaps").scroll_into_view_if_needed()
    shoot(runner, "athlete-plan-coach-swap", full_page=False)
    runner_context.close()
