"""A new runner on an empty diary in Debian's chromium, on a 360 px phone and a desktop:
the welcome page (a mistake refused by its field, then the plan made), the offer of the
screen, and the screen one test at a time with the stopwatch timing the plank.
Screenshots in tests/web/screenshots/welcome-*.png."""

from __future__ import annotations

import pytest

from .browser_views import VIEWPORTS, fits, open_tab
from .test_browser import browser, server, shoot  # noqa: F401 (fixtures, asked for by name below)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

TAP = 44


@pytest.fixture
def app(empty_app):  # type: ignore[no-untyped-def]
    """An empty diary: nobody has set up yet (the `server` fixture serves this app)."""
    return empty_app


@pytest.fixture(params=list(VIEWPORTS))
def tab(request, browser, server):  # type: ignore[no-untyped-def]  # noqa: F811
    context, page = open_tab(browser, server, request.param)
    page.size_name = request.param  # type: ignore[attr-defined]
    yield page
    context.close()


def snap(page, name: str) -> None:  # type: ignore[no-untyped-def]
    fits(page)
    shoot(page, f"welcome-{page.size_name}-{name}")


def test_a_new_runner_sets_up_plans_and_does_the_screen_with_the_timer(tab) -> None:
    from playwright.sync_api import expect

    tab.goto("/")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Welcome to runstrong")
    snap(tab, "form")
    tab.get_by_label("What should the plan call you?").fill("Ines")
    tab.get_by_label("Age (years)").fill("forty")
    tab.get_by_label("Body mass").fill("58")
    expect(tab.locator("#plan_weeks")).to_be_visible()  # no race yet: how long a plan, not a race date
    expect(tab.locator("#race_date")).to_be_hidden()
    tab.get_by_label("Training for a race?").select_option("half")
    expect(tab.locator("#plan_weeks")).to_be_hidden()  # a race sets the plan's length
    tab.get_by_label("Race date").fill("2027-04-18")
    tab.locator("#run-tue").fill("intervals 60")
    tab.locator("#run-sun").fill("long 1h40")
    tab.locator("label[for='equipment-dumbbells']").click()
    tab.locator("label[for='pain_areas-knee']").click()
    tab.get_by_role("button", name="Make my plan").click()
    expect(tab.locator("#age-error")).to_contain_text("a whole number")
    expect(tab.locator("#error-summary")).to_contain_text("Age: a whole number")  # the summary names the field
    expect(tab.locator("#plan_weeks")).to_be_hidden()  # the race chosen is kept, and what it hides
    expect(tab.locator("#run-tue")).to_have_value("intervals 60")  # what was typed, kept
    expect(tab.locator("#pain_areas-knee")).to_be_checked()
    snap(tab, "form-error")
    tab.get_by_label("Age (years)").fill("41")
    tab.get_by_role("button", name="Make my plan").click()

    expect(tab.get_by_role("heading", level=1)).to_have_text("Your plan is ready")
    snap(tab, "ready")
    tab.get_by_role("link", name="Do the screen now").click()
    expect(tab.locator("#t-h")).to_have_text("Hip hinge with a dowel")
    snap(tab, "screen-hinge")
    tab.get_by_role("button", name="Next test").click()
    expect(tab.locator("#hip_hinge_pass-error")).to_be_visible()  # no answer: still the hinge
    tab.locator("label[for='hip_hinge_pass-no']").click()
    tab.locator("label[for='hip_hinge_faults-sacrum']").click()
    tab.get_by_role("button", name="Next test").click()

    expect(tab.locator("#t-h")).to_have_text("Prone plank")
    start = tab.get_by_role("button", name="Start the clock")
    expect(start).to_be_visible()  # static/screen.js shows the stopwatch
    start.click()
    tab.wait_for_timeout(2200)
    expect(tab.locator(".hold-timer")).to_have_class("hold-timer running")
    snap(tab, "screen-plank-timing")
    tab.get_by_role("button", name="Stop").click()
    held = int(tab.get_by_label("Plank (seconds)").input_value())
    assert 2 <= held <= 5
    box = tab.locator(".timer-go").bounding_box()
    assert box is not None and box["height"] >= TAP - 0.5
    tab.get_by_role("button", name="Next test").click()

    answers = [
        {"Left side (seconds)": "40", "Right side (seconds)": "31"},
        {"select": {"single_leg_squat_left": "fair", "single_leg_squat_right": "good"}},
        {"Left leg (seconds)": "30", "Right leg (seconds)": "24"},
        {},
        {"Left leg (reps)": "22", "Right leg (reps)": "17"},
        {},
        {},
    ]
    for step in answers:
        for label, value in step.items():
            if label == "select":
                for name, choice in value.items():  # type: ignore[union-attr]
                    tab.locator(f"#{name}").select_option(choice)
            else:
                tab.get_by_label(label).fill(value)  # type: ignore[arg-type]
        step = int(tab.locator("input[name='step']").input_value())
        tab.locator(".step-buttons .primary").click()
        # the next step is on the page (htmx swaps it in): only then answer it, or a step with
        # nothing to type would click the button of the page still showing (failed under load)
        expect(tab.locator("input[name='step']")).to_have_value(str(step + 1))
        expect(tab.locator(".error-summary")).to_have_count(0)
    expect(tab.get_by_role("heading", name="All 9 tests done")).to_be_visible()
    snap(tab, "screen-save")
    tab.get_by_role("button", name="Save the screen and re-plan").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Screen results")
    snap(tab, "screen-results")
    tab.goto("/")
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Today")


def test_two_runners_on_one_machine_choose_who_they_are(tab, app) -> None:
    from playwright.sync_api import expect

    from runstrong.flows.onboarding import start_diary
    from runstrong.io.profile_file import load_profile
    from tests.conftest import EXAMPLES

    diary = app.state.diary
    for i, example in enumerate(("marathoner.toml", "5k-racer.toml")):
        start_diary(diary.store, load_profile(EXAMPLES / example), diary.clock_now(), key=f"seed-{i}")
    tab.goto("/")
    expect(tab.get_by_role("heading", level=1)).to_have_text("Who are you?")
    snap(tab, "switcher")
    tab.get_by_role("button", name="Tom (5K)").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Today")
    tab.goto("/plan")
    expect(tab.locator("main")).to_contain_text("Parkrun PB attempt")
    tab.get_by_role("link", name="Runners").click()
    expect(tab.get_by_role("button", name="Tom (5K)")).to_have_attribute("aria-current", "true")
