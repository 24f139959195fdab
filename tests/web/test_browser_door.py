"""What a runner can say at the door, in Debian's chromium on a 360 px phone and a desktop:
on the welcome page a goal race before the main race, how much a painful area hurts now, and a
body mass asked about beside its field (with the box that keeps it); on the profile page the
same goal race and pain fields, filled with what the profile holds. A refusal is said next to
its field. Screenshots in tests/web/screenshots/door-*.png."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from .browser_views import VIEWPORTS, fits, open_tab
from .test_browser import browser, server, shoot  # noqa: F401 (fixtures, asked for by name below)

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(params=list(VIEWPORTS))
def size(request) -> str:  # type: ignore[no-untyped-def]
    return request.param  # type: ignore[no-any-return]


def test_the_welcome_page_takes_a_goal_race_and_pain_now_and_asks_about_the_body_mass(
    browser,  # noqa: F811
    empty_app,
    switchboard,
    size: str,
) -> None:
    from playwright.sync_api import expect

    for base in switchboard.serving(empty_app):
        context, tab = open_tab(browser, base, size)
        tab.goto("/welcome")
        goal = tab.locator("#goal_races")
        expect(goal).to_be_hidden()  # a goal race is asked beside a main race
        tab.get_by_label("What should the plan call you?").fill("Ines")
        tab.get_by_label("Age (years)").fill("41")
        tab.locator("#body_mass").fill("150")
        tab.locator("label[for='sex-female']").click()
        tab.get_by_label("Training for a race?").select_option("half")
        tab.get_by_label("Race date").fill("2027-04-18")
        expect(goal).to_be_visible()
        goal.fill("2027-05-02 10k")
        tab.locator("#run-tue").fill("intervals 60")
        tab.locator("#run-sun").fill("long 1h40")
        tab.locator("label[for='pain_areas-knee']").click()
        tab.get_by_label("How much does each hurt now, 0-10? (optional)").fill("knee 2, foot 3")
        tab.get_by_role("button", name="Make my plan").click()
        expect(tab.locator("#body_mass-error")).to_contain_text("150 kg (331 lb) is more than most women weigh")
        expect(tab.locator("#goal_races-error")).to_contain_text("is not before your main race (2027-04-18)")
        expect(tab.locator("#pain_scores-error")).to_contain_text("foot has a score but is not ticked")
        expect(tab.locator("#error-summary")).to_contain_text("Goal race:")
        box = tab.locator("#body_mass_ok")
        expect(box).to_be_visible()
        assert tab.evaluate(
            "document.querySelector('#body_mass_ok').closest('.field').previousElementSibling"
            ".querySelector('#body_mass-error') !== null"
        )  # the box sits right under the question it answers
        fits(tab)
        shoot(tab, f"door-welcome-{size}-asked")
        tab.locator("label[for='body_mass_ok']").click()
        goal.fill("2027-03-14 10k 45 Spring 10K")
        tab.get_by_label("How much does each hurt now, 0-10? (optional)").fill("knee 2")
        tab.get_by_role("button", name="Make my plan").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Your plan is ready")
        context.close()
    _, profile = empty_app.state.diary.profile()
    assert profile.body_mass_kg == 150 and {a.value: s for a, s in profile.pain_scores.items()} == {"knee": 2}
    assert [(r.date, r.name) for r in profile.running.dated if r.goal] == [(dt.date(2027, 3, 14), "Spring 10K")]


def test_the_profile_page_shows_and_edits_the_goal_race_and_pain_now(browser, server, size: str) -> None:  # noqa: F811
    from playwright.sync_api import expect

    context, tab = open_tab(browser, server, size)
    tab.goto("/profile")
    tab.get_by_label("Another race you are aiming at before it? (optional)").fill("2027-03-14 half 1h40 City Half")
    tab.locator("label[for='pain_areas-knee']").click()
    tab.get_by_label("How much does each hurt now, 0-10? (optional)").fill("knee 12")
    tab.get_by_role("button", name="Save and re-plan").click()
    expect(tab.locator("#pain_scores-error")).to_contain_text("12 is not 0-10")
    expect(tab.locator("#goal_races")).to_have_value("2027-03-14 half 1h40 City Half")  # as typed
    fits(tab)
    shoot(tab, f"door-profile-{size}-refused")
    tab.get_by_label("How much does each hurt now, 0-10? (optional)").fill("knee 2")
    tab.get_by_role("button", name="Save and re-plan").click()
    expect(tab).to_have_url(re.compile(r"/plan"))
    tab.goto("/profile")
    expect(tab.locator("#goal_races")).to_have_value("2027-03-14 half 100 City Half")
    expect(tab.locator("#pain_scores")).to_have_value("knee 2")
    shoot(tab, f"door-profile-{size}-saved")
    context.close()
