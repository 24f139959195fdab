"""A coach's Monday roster in a real browser (Playwright driving Debian's chromium): last
week's flags for every athlete, with no review accepted and every athlete in auto mode
(cr26a F9: the column read "–" for all three). The page is saved as a screenshot in
tests/web/screenshots/roster-monday.png."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.web.test_browser import PHONE, browser, shoot  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.slow, pytest.mark.browser]
WEEK_1_FRIDAY = dt.date(2027, 1, 8)  # the marathoner's session A of her plan's first week
MONDAY = WEEK_1_FRIDAY + dt.timedelta(days=3)
MAYA, BEN = "Maya (marathon)", "Ben"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Maya logged week 1's Friday session with her knee at 6/10 during; Ben logged nothing."""
    from runstrong.core.diary import PainReport
    from runstrong.core.model import PainArea
    from runstrong.flows.base import Clock
    from runstrong.flows.log_session import LogInput, log_session
    from runstrong.flows.profile import store_profile
    from runstrong.io.profile_file import load_profile
    from runstrong.store.db import open_store

    path = tmp_path_factory.mktemp("roster") / "diary.db"
    store = open_store(str(path))
    clock = Clock(dt.datetime.combine(WEEK_1_FRIDAY, dt.time(18)), WEEK_1_FRIDAY)
    maya = load_profile(EXAMPLES / "marathoner.toml")
    store_profile(store, maya, clock, least_bad=True)
    store_profile(store, maya.model_copy(update={"name": BEN}), clock, least_bad=True)
    knee = PainReport(date=WEEK_1_FRIDAY, area=PainArea.knee, score=6, when="during")
    log_session(store, MAYA, LogInput(day=WEEK_1_FRIDAY, as_planned=True, pains=(knee,)), clock)
    store.close()
    return path


@pytest.fixture
def base_url(seeded: Path, switchboard) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from runstrong.web.app import create_app

    app = create_app(str(seeded), today=MONDAY)
    try:
        yield from switchboard.serving(app)
    finally:
        app.state.diary.close()


def test_the_monday_roster_shows_last_weeks_flags_for_athletes_never_reviewed(browser, base_url) -> None:  # noqa: F811
    from playwright.sync_api import expect

    desk = browser.new_context(viewport={"width": 1200, "height": 800}, base_url=base_url)
    page = desk.new_page()
    page.goto("/roster")
    maya = page.get_by_role("row").filter(has_text=MAYA)
    ben = page.get_by_role("row").filter(has_text=BEN)
    expect(maya.locator(".week-flags")).to_contain_text("Knee 6/10, above the zone")
    expect(maya.locator(".week-flags")).to_contain_text("Knee: down to rung")
    expect(maya.locator(".week-flags")).to_contain_text("Nothing new next week")
    expect(ben.locator(".week-flags")).to_contain_text("0 of 2 sessions done")
    expect(maya).to_contain_text("week of 4 Jan")
    expect(maya).to_contain_text("auto")  # no review accepted, none waiting
    shoot(page, "roster-monday")
    page.set_viewport_size(PHONE)  # a coach on a phone: the flags stay readable beside the names
    flag = maya.locator(".week-flags li").first
    expect(flag).to_have_text("⚑ Knee 6/10, above the zone")
    box = flag.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box  # not cut off
    shoot(page, "roster-monday-phone")
    page.set_viewport_size({"width": 1200, "height": 800})
    page.goto("/roster?flag=pain")  # the filter reads last week's flags too
    expect(page.get_by_role("row").filter(has_text=MAYA)).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=BEN)).to_have_count(0)
    desk.close()
