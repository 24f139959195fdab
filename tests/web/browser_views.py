"""What the browser tests share about a window: the two sizes they read a page at, a tab
opened at one of them, and the check that a page never scrolls sideways."""

from __future__ import annotations

VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 900}}


def open_tab(browser, base: str, size: str):  # type: ignore[no-untyped-def]
    """A fresh browser context (its own cookies and storage) at the named size and its one tab."""
    context = browser.new_context(viewport=VIEWPORTS[size], device_scale_factor=1, base_url=base)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def fits(page, what: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """The page is no wider than the window (nothing to scroll sideways to)."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{what or page.url} scrolls sideways ({width} px)"
