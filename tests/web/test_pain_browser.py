"""A runner reports a sided pain on the check-in in a real browser (phone size)."""

from __future__ import annotations

import sqlite3

import pytest

from .test_browser import browser, phone, server, shoot  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")]


def test_runner_reports_a_left_knee_pain_after_a_run_on_the_check_in(phone, diary_path) -> None:  # noqa: F811
    from playwright.sync_api import expect

    phone.goto("/checkin")
    phone.get_by_label("Area 1").select_option("knee")
    phone.get_by_label("Pain 1, 0-10").fill("4")
    phone.get_by_label("Side").select_option("left")
    phone.get_by_label("When").select_option("after")
    phone.get_by_label("From").select_option("long")
    phone.locator("fieldset.pain").scroll_into_view_if_needed()
    shoot(phone, "checkin-pain", full_page=False)
    phone.get_by_role("button", name="Save check-in").click()
    expect(phone.locator(".notice.ok")).to_have_text("✓ Check-in saved.")
    with sqlite3.connect(diary_path) as conn:
        stored = conn.execute('SELECT area, score, side, "when", provoked_by FROM pain_reports').fetchall()
    assert stored == [("knee", 4, "left", "after", "long")]


def test_the_session_page_offers_optional_pain_rows_that_read_well_on_a_phone(phone) -> None:  # noqa: F811
    from playwright.sync_api import expect

    from .conftest import TODAY

    phone.goto(f"/session/{TODAY}?label=A")
    rows = phone.locator(".pain-row")
    expect(rows).to_have_count(2)
    expect(rows.first.get_by_label("Side")).to_be_visible()
    rows.first.scroll_into_view_if_needed()
    shoot(phone, "session-pain", full_page=False)
