"""A shared phone in server mode (issue 18's follow-up): logging out leaves nothing of the
runner on it. The service worker's kept pages, the offline queue and the drafts go with the
session (the logout response's Clear-Site-Data header), in Debian's chromium."""

from __future__ import annotations

import pytest

from tests.web.test_browser import PHONE, browser, shoot  # noqa: F401 (a fixture)
from tests.web.test_browser_coach import _log_in, base_url, seeded  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

KEPT = """async () => { let n = 0; for (const name of await caches.keys())
                        n += (await (await caches.open(name)).keys()).length; return n; }"""
QUEUED = """() => new Promise(done => { const req = indexedDB.open("runstrong-offline", 1);
    req.onsuccess = () => { const db = req.result; const names = Array.from(db.objectStoreNames);
      if (!names.length) { db.close(); done(0); return; }
      const count = db.transaction(names[0]).objectStore(names[0]).count();
      count.onsuccess = () => { db.close(); done(count.result); }; };
    req.onerror = () => done(-1); })"""
QUEUE_ONE = """() => new Promise(done => { const req = indexedDB.open("runstrong-offline", 1);
    req.onupgradeneeded = () => req.result.createObjectStore("outbox", { keyPath: "key" });
    req.onsuccess = () => { const db = req.result; const t = db.transaction("outbox", "readwrite");
      t.objectStore("outbox").put({ key: "left-behind", body: "3x8 @60kg" });
      t.oncomplete = () => { db.close(); done(true); }; }; })"""


def test_logging_out_clears_the_kept_pages_and_the_offline_queue_from_the_phone(browser, base_url) -> None:  # noqa: F811
    from playwright.sync_api import expect

    context = browser.new_context(viewport=PHONE, base_url=base_url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    _log_in(page, "ann_a")
    page.wait_for_function("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null")
    page.reload()
    page.wait_for_function(f"({KEPT})().then(n => n > 0)")
    page.evaluate(QUEUE_ONE)
    assert page.evaluate(QUEUED) == 1
    page.evaluate("localStorage.setItem('runstrong-draft-test', 'left behind')")
    assert page.evaluate(KEPT) > 0
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Log in")
    shoot(page, "logged-out-phone")
    assert page.evaluate(KEPT) == 0
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert page.evaluate(QUEUED) in (0, -1)
    context.close()
