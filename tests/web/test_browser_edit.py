"""Putting a logged set right on a phone, in a real browser: edit it in place, then undo."""

from __future__ import annotations

import os
from pathlib import Path

from tests.web.conftest import TODAY
from tests.web.test_browser import browser, phone, server  # noqa: F401 (fixtures)

SHOTS = Path(os.environ.get("RUNSTRONG_SHOTS", "/tmp/runstrong-shots"))


def test_a_logged_set_is_edited_in_place_and_the_edit_undone(phone) -> None:  # noqa: F811
    phone.goto(f"/session/{TODAY}?label=A")
    for box in phone.locator("label.tick-box").all():
        box.click()
    phone.locator("form.log-form button[type=submit], form.log-form button:not([type])").last.click()
    phone.wait_for_url("**saved=**")
    phone.locator("details.edit-sets summary").first.click()
    first = phone.locator("form.edit-set-form").first
    first.locator("input[name=reps]").fill("6")
    first.locator("button").click()
    phone.wait_for_url("**notice=**")
    assert "Saved: set 1 of Romanian deadlift" in phone.locator("p.notice").first.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.locator("details.edit-sets summary").first.click()
    phone.screenshot(path=str(SHOTS / "session-edit.png"), full_page=False)
    assert "6" in phone.locator("ul.logged-lines").first.inner_text()
    phone.locator("form.undo-form button").click()
    phone.wait_for_url("**notice=Undone**")
    assert "Undone: edited set 1 of Romanian deadlift" in phone.locator("p.notice").first.inner_text()
    assert "3x8" in phone.locator("ul.logged-lines").first.inner_text()
