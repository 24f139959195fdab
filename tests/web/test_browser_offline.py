"""Logging at the gym with no signal (issue 18), in Debian's chromium with Playwright's
offline mode: the service worker registers, the pages work offline after one visit, and a
session saved offline is kept on the phone, shown as not yet sent, and is in the diary
exactly once when the connection returns."""

from __future__ import annotations

import re
import time

import pytest

from .conftest import TODAY
from .test_browser import browser, server, shoot  # noqa: F401 (fixtures, asked for by name below)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SESSION = f"/session/{TODAY}?label=A"
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def context(request):  # type: ignore[no-untyped-def]
    base = request.getfixturevalue("server")
    context = request.getfixturevalue("browser").new_context(viewport=PHONE, device_scale_factor=1, base_url=base)
    yield context
    context.close()


def kept(page, path: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether the service worker keeps `path` on the device."""
    return page.evaluate(
        """async path => { for (const name of await caches.keys()) {
             if (await (await caches.open(name)).match(new URL(path, location.origin).href)) return true; }
           return false; }""",
        path,
    )


def wait_kept(page, *paths: str, timeout: float = 20) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not all(kept(page, p) for p in paths):
        assert time.monotonic() < deadline, f"not kept on the device: {[p for p in paths if not kept(page, p)]}"
        time.sleep(0.2)


def online_visit(context):  # type: ignore[no-untyped-def]
    """A first visit, online: today, then today's session; the worker then controls the page."""
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/")
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null")
    page.goto(SESSION)
    wait_kept(page, "/", SESSION, "/checkin", "/exercises/romanian_deadlift")
    return page


def logged_sets(app) -> int:  # type: ignore[no-untyped-def]
    return sum(len(x.sets) for x in app.state.diary.day(TODAY).logged)


def test_the_service_worker_registers_for_the_whole_app(context, server) -> None:  # noqa: F811
    page = context.new_page()
    page.goto("/")
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == f"{server}/"


def test_pages_work_offline_after_one_visit(context) -> None:
    from playwright.sync_api import expect

    page = online_visit(context)
    context.set_offline(True)
    for path, heading in ((SESSION, "Session A"), ("/checkin", "Check-in"), ("/", "Today"),
                          ("/exercises/romanian_deadlift", "Romanian deadlift")):  # fmt: skip
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    page.goto("/profile")  # never visited nor pointed to from today's pages
    expect(page.get_by_role("heading", level=1)).to_have_text("Not on this phone yet")
    context.set_offline(False)


def test_a_session_saved_offline_is_sent_once_when_the_connection_returns(context, app) -> None:
    from playwright.sync_api import expect

    page = online_visit(context)
    page.get_by_role("button", name="Tick every set as planned").click()
    page.get_by_label("Set 2 reps").first.fill("6")
    context.set_offline(True)  # the signal goes in the gym's basement
    page.get_by_role("button", name="Save session").click()
    outbox = page.locator("#outbox")
    expect(outbox).to_contain_text("saved on this phone, not yet sent")
    assert logged_sets(app) == 0
    page.reload()  # still offline: the page from the device, what was typed from the draft
    expect(page.locator("#outbox")).to_contain_text("saved on this phone, not yet sent")
    expect(page.get_by_label("Set 2 reps").first).to_have_value("6")
    shoot(page, "phone-offline-saved", full_page=False)

    context.set_offline(False)
    expect(page.locator(".notice.ok")).to_contain_text("Logged 14 sets", timeout=20_000)
    expect(page.locator("#outbox")).to_be_hidden()
    assert logged_sets(app) == 14
    assert (
        page.evaluate(
            "new Promise(r => { const q = indexedDB.open('runstrong-offline'); "
            "q.onsuccess = () => { const g = q.result.transaction('outbox').objectStore('outbox').count(); "
            "g.onsuccess = () => r(g.result); }; })"
        )
        == 0
    )
    page.reload()  # syncing again finds nothing to send
    expect(page.locator(".logged-lines").first).to_contain_text(
        re.compile(r"1x6( @\S+)? rir3")
    )  # the set typed, at its load
    assert logged_sets(app) == 14
