"""A runner on a phone (375 × 740) in a real browser: Playwright driving Debian's chromium
against the app served by uvicorn on 127.0.0.1, over a temporary diary.

Each page is saved as a screenshot in tests/web/screenshots/ (set RUNSTRONG_DOCS_SCREENSHOTS=1
to refresh the README's docs/images/web-*.png from the same run).
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .browser_views import fits
from .conftest import TODAY

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).with_name("screenshots")
DOCS_IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
PHONE = {"width": 375, "height": 740}
SESSION = f"/session/{TODAY}?label=A"
# copied to docs/images/web-*.png
README_SHOTS = {"dashboard", "session-logging", "checkin-error", "plan-desktop", "review"}


@pytest.fixture
def server(app, switchboard) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The app served on 127.0.0.1 for this test (by the process's shared server,
    tests/web/conftest.py's Switchboard); its base URL."""
    yield from switchboard.serving(app)


@pytest.fixture(scope="module")
def browser() -> Iterator:  # type: ignore[type-arg]
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no chromium at {CHROMIUM}: bin/test installs Debian's chromium package")
    from playwright.sync_api import expect, sync_playwright

    # `expect` waits 5 s unless told: too short for the review's charts (drawn on request)
    # when bin/test runs a worker per core beside the browser on a busy 2-core machine
    expect.set_options(timeout=30_000)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM)
        yield b
        b.close()


@pytest.fixture
def phone(browser, server):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, base_url=server)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def shoot(page, name: str, full_page: bool = True) -> Path:  # type: ignore[no-untyped-def]
    """A screenshot of what the runner sees now (the whole page, or the screen)."""
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    if os.environ.get("RUNSTRONG_DOCS_SCREENSHOTS") and name in README_SHOTS:
        DOCS_IMAGES.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS_IMAGES / f"web-{name}.png")
    return path


def test_runner_logs_todays_session_as_planned_with_one_change(phone) -> None:
    from playwright.sync_api import expect

    phone.goto("/")
    shoot(phone, "dashboard")
    phone.get_by_role("link", name="Open session A").click()
    expect(phone.get_by_role("heading", level=1)).to_contain_text("Session A")
    shoot(phone, "session")

    # ticking a set starts the rest timer and moves nothing on the page
    below = phone.locator("section.exercise h2").nth(1)

    def on_page() -> float:  # where it sits on the page, wherever the click scrolled the window
        return below.evaluate("e => e.getBoundingClientRect().top + window.scrollY")

    before = on_page()
    phone.locator("label[for='s0-done']").click()
    expect(phone.locator("#rest-timer")).to_have_class("rest-timer running")
    assert on_page() == before
    # the keyboard ticks a set too
    phone.focus("#s1-done")
    phone.keyboard.press("Space")
    expect(phone.locator("#s1-done")).to_be_checked()

    phone.get_by_role("button", name="Tick every set as planned").click()
    phone.get_by_label("Set 2 reps").first.fill("6")
    assert on_page() == before
    phone.locator("section.exercise").first.scroll_into_view_if_needed()
    phone.evaluate("window.scrollBy(0, document.querySelector('section.exercise').getBoundingClientRect().top - 8)")
    shoot(phone, "session-logging", full_page=False)
    phone.get_by_label("Session RPE, 1-10").fill("6")
    phone.get_by_role("button", name="Save session").click()
    expect(phone.locator(".notice.ok")).to_contain_text("Logged 14 sets")
    expect(phone.locator(".logged-lines").first).to_contain_text(
        re.compile(r"1x6( @\S+)? rir3")
    )  # the set changed, at its load
    shoot(phone, "session-logged")


def test_runner_does_the_check_in(phone) -> None:
    from playwright.sync_api import expect

    phone.goto("/")
    phone.get_by_role("navigation", name="Main").get_by_role("link", name="Check-in").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Check-in")
    phone.get_by_label("Hours slept last night").fill("7.5")
    for question, answer in (("Sleep quality", 4), ("Mood", 4), ("Appetite", 5), ("Muscle soreness", 3),
                             ("Stress", 3), ("Energy", 4)):  # fmt: skip
        phone.locator(f"label[for='{_field(question)}-{answer}']").click()
    shoot(phone, "checkin")
    phone.get_by_role("button", name="Save check-in").click()
    expect(phone.locator(".notice.ok")).to_have_text("✓ Check-in saved.")
    expect(phone.locator(".chips")).to_contain_text("Mood 4/5")


def test_runner_logs_checks_in_and_sees_both_in_the_review(phone) -> None:
    from playwright.sync_api import expect

    phone.goto("/")
    phone.get_by_role("link", name="Open session A").click()
    phone.get_by_role("button", name="Tick every set as planned").click()
    phone.get_by_label("Set 2 reps").first.fill("6")
    phone.get_by_label("Session RPE, 1-10").fill("7")
    phone.get_by_role("button", name="Save session").click()
    expect(phone.locator(".notice.ok")).to_contain_text("Logged 14 sets")
    phone.goto("/checkin")
    phone.get_by_label("Hours slept last night").fill("6")
    phone.locator("label[for='soreness-2']").click()
    phone.get_by_role("button", name="Save check-in").click()
    expect(phone.locator(".notice.ok")).to_have_text("✓ Check-in saved.")

    nav = phone.get_by_role("navigation", name="Main")
    nav.get_by_text("More").click()  # on a phone, Review is under the bottom bar's "More"
    nav.get_by_role("link", name="Review").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Weekly review")
    numbers = phone.locator("section[aria-labelledby='week-h']")
    expect(numbers).to_contain_text("Done: 1/2 sessions")  # the session just logged
    expect(numbers).to_contain_text("sleep 6 h")  # and the check-in
    expect(phone.locator("section[aria-labelledby='flags-h']")).to_contain_text("Sleep 6 h a night")
    expect(phone.locator(".decisions .rule").first).to_be_visible()  # every decision names its rule
    fits(phone)
    shoot(phone, "review")
    phone.get_by_role("button", name="Accept: write plan version 2").click()
    expect(phone.locator(".notice.ok")).to_contain_text("plan version 2 is written")
    phone.locator("#charts-h").scroll_into_view_if_needed()
    # charts are drawn by matplotlib on request: allow for a busy machine
    expect(phone.locator(".charts img").first).to_have_js_property("complete", True, timeout=30_000)
    assert phone.locator(".charts img").first.evaluate("img => img.naturalWidth") > 0


def _field(question: str) -> str:
    return {"Sleep quality": "sleep_quality", "Muscle soreness": "soreness"}.get(question, question.lower())


def test_a_bad_value_shows_an_error_by_the_field_and_keeps_the_rest(phone) -> None:
    from playwright.sync_api import expect

    phone.goto("/checkin")
    phone.get_by_label("Hours slept last night").fill("30")
    phone.locator("label[for='mood-4']").click()
    phone.get_by_label("Anything else about today?").fill("Slept badly before the long run")
    phone.get_by_role("button", name="Save check-in").click()
    error = phone.locator("#sleep_hours-error")
    expect(error).to_contain_text("must be at most 16 (you gave 30)")
    field = phone.locator("#sleep_hours")
    expect(field).to_have_value("30")
    expect(field).to_have_attribute("aria-invalid", "true")
    field_box, error_box = field.bounding_box(), error.bounding_box()
    assert 0 <= error_box["y"] - (field_box["y"] + field_box["height"]) < 40  # right under the field
    expect(phone.locator("#mood-4")).to_be_checked()
    expect(phone.get_by_label("Anything else about today?")).to_have_value("Slept badly before the long run")
    expect(phone.locator("#error-summary")).to_be_focused()
    shoot(phone, "checkin-error")


def test_runner_swaps_an_exercise_and_sees_the_plan_change(phone) -> None:
    from playwright.sync_api import expect

    phone.goto(SESSION)
    phone.locator("section.exercise").first.locator("summary").click()
    phone.get_by_role("link", name="More about it, easier or harder versions, swap it").first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Romanian deadlift")
    shoot(phone, "exercise")
    phone.locator("label[for='to-trap_bar_deadlift']").click()
    phone.get_by_label("Why (optional)").fill("The barbells are always taken")
    phone.get_by_role("button", name="Swap from today").click()
    expect(phone.locator(".notice.ok")).to_contain_text("Trap-bar deadlift is in your sessions from today on")
    expect(phone.locator("#week-1")).to_contain_text("Your choice, in place of Romanian deadlift")
    expect(phone.locator(".swaps")).to_contain_text("The barbells are always taken")
    shoot(phone, "plan")
    phone.goto(SESSION)
    expect(phone.locator("section.exercise h2").first).to_have_text("Trap-bar deadlift")


@pytest.mark.parametrize("path", ["/exercises", "/profile", "/assess", "/run", "/api"])
def test_other_pages_read_well_on_a_phone(phone, path: str) -> None:
    phone.goto(path)
    fits(phone, path)
    shoot(phone, path.strip("/"))


def test_plan_and_dashboard_on_a_desktop(browser, server) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    page = context.new_page()
    for path, name in (("/plan", "plan-desktop"), ("/", "dashboard-desktop")):
        page.goto(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        shoot(page, name, full_page=False)
    context.close()
