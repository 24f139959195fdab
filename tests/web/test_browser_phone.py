"""The app on a small phone (360 × 740) in Debian's chromium: every page fits the screen
with long names, the navigation reaches every page from a bottom bar, and every control a
thumb needs is at least 44 px (issue 18). On a desktop, a swap note and a long race name
stay inside their boxes."""

from __future__ import annotations

import pytest

from .conftest import TODAY
from .test_browser import browser, server, shoot  # noqa: F401 (fixtures, asked for by name below)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SMALL = {"width": 360, "height": 740}
SESSION = f"/session/{TODAY}?label=A"
PAGES = ["/", "/plan", SESSION, "/checkin", "/run", "/review", "/exercises", "/exercises/romanian_deadlift",
         "/profile", "/assess", "/api", "/runs/upload"]  # fmt: skip
LONG_RACE = "Grand Transcontinental Highlands and Islands Ultra-Scenic Spring Marathon Championship"
LONG_REASON = "Thebarbellsatthehotelgymarealwaystakenbytheweightliftingclubonweekdayevenings " * 2
TAP = 44


@pytest.fixture
def long_names(app) -> None:  # type: ignore[no-untyped-def]
    """A race with a long name and a swap with a long reason, as runners write them."""
    diary = app.state.diary
    _, profile = diary.profile()
    changes = {"race": {"distance": profile.race.distance.value, "date": profile.race.date.isoformat(),
                        "name": LONG_RACE}}  # fmt: skip
    diary.update_profile(changes)
    diary.swap("romanian_deadlift", "trap_bar_deadlift", LONG_REASON.strip())


@pytest.fixture
def small_phone(request, long_names):  # type: ignore[no-untyped-def]
    context = _context(request, SMALL)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def _context(request, viewport: dict[str, int]):  # type: ignore[no-untyped-def]
    """A browser tab of this size on the app (the shared `browser` and `server` fixtures)."""
    base = request.getfixturevalue("server")
    return request.getfixturevalue("browser").new_context(viewport=viewport, device_scale_factor=1, base_url=base)


def _too_small(page, selector: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The visible elements matching `selector` smaller than a thumb (44 × 44 px)."""
    return page.eval_on_selector_all(
        selector,
        f"""els => els.filter(e => e.offsetParent !== null)
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([e, r]) => r.width < {TAP} - 0.5 || r.height < {TAP} - 0.5)
              .map(([e, r]) => `${{e.textContent.trim()}} ${{Math.round(r.width)}}x${{Math.round(r.height)}}`)""",
    )


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways_at_360_px_with_long_names(small_phone, path: str) -> None:
    response = small_phone.goto(path)
    assert response is not None and response.ok, path
    width = small_phone.evaluate("document.documentElement.scrollWidth")
    assert width <= SMALL["width"], f"{path} scrolls sideways ({width} px)"
    shoot(small_phone, "phone-360-" + (path.strip("/").split("?")[0].replace("/", "-") or "today"))


def test_every_page_is_reachable_from_the_bottom_bar(small_phone) -> None:
    from playwright.sync_api import expect

    small_phone.goto("/")
    nav = small_phone.get_by_role("navigation", name="Main")
    expect(nav).to_have_count(1)  # the wide header's nav is not shown on a phone
    for label, heading in (("Plan", "Plan"), ("Run", "Log a run"), ("Check-in", "Check-in"), ("Today", "Today")):
        nav.get_by_role("link", name=label, exact=True).click()
        expect(small_phone.get_by_role("heading", level=1)).to_have_text(heading)
    for label, heading in (("Review", "Weekly review"), ("Exercises", "Exercises"), ("Profile", "Profile")):
        nav.get_by_text("More").click()
        shoot(small_phone, "phone-360-more", full_page=False)
        nav.get_by_role("link", name=label).click()
        expect(small_phone.get_by_role("heading", level=1)).to_contain_text(heading)
    assert _too_small(small_phone, ".nav-phone a, .nav-phone summary") == []
    bar = small_phone.locator(".nav-phone").bounding_box()
    assert bar is not None and bar["y"] + bar["height"] == SMALL["height"]  # in reach of a thumb


def test_logging_controls_and_the_rest_timer_are_thumb_sized(small_phone) -> None:
    from playwright.sync_api import expect

    small_phone.goto(SESSION)
    small_phone.locator("label[for='s0-done']").click()
    expect(small_phone.locator("#rest-timer")).to_have_class("rest-timer running")
    assert _too_small(small_phone, "#rest-timer button, .tick-box, .button") == []
    timer = small_phone.locator("#rest-timer").bounding_box()
    bar = small_phone.locator(".nav-phone").bounding_box()
    assert timer is not None and bar is not None
    assert timer["y"] + timer["height"] <= bar["y"]  # the timer sits above the bar, neither hides the other
    shoot(small_phone, "phone-360-session-timer", full_page=False)


def test_the_desktop_plan_keeps_swap_notes_in_their_day_and_the_race_name_on_the_page(request, long_names) -> None:
    context = _context(request, {"width": 1280, "height": 900})
    page = context.new_page()
    page.goto("/plan")
    spills = page.eval_on_selector_all(
        ".day .why",
        """els => els.map(e => [e.getBoundingClientRect(), e.closest('.day').getBoundingClientRect()])
             .filter(([w, d]) => w.left < d.left - 0.5 || w.right > d.right + 0.5).length""",
    )
    assert spills == 0
    assert page.locator(".day .why").count() > 0
    sub = page.locator(".page-head .sub").bounding_box()
    main = page.locator("main").bounding_box()
    assert sub is not None and main is not None and sub["x"] + sub["width"] <= main["x"] + main["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.locator("#week-1").scroll_into_view_if_needed()
    shoot(page, "plan-desktop-long-names", full_page=False)
    context.close()


def test_a_runner_uploads_a_watch_file_from_the_phone(small_phone, tmp_path) -> None:
    """The multipart form posts through htmx, which carries the CSRF token in its header."""
    import datetime as dt

    from playwright.sync_api import expect

    from tests.activity_files import fit_run

    path = tmp_path / "morning-run.fit"
    path.write_bytes(fit_run(dt.datetime(2027, 1, 6, 6, 30, tzinfo=dt.UTC), 44, 8.4))
    small_phone.goto("/run")
    small_phone.get_by_role("link", name="Upload activity files").click()
    expect(small_phone.get_by_role("heading", level=1)).to_have_text("Upload activity files")
    assert _too_small(small_phone, "#files, .upload-form button") == []
    small_phone.get_by_label("Activity files").set_input_files(str(path))
    small_phone.get_by_role("button", name="Upload").click()
    expect(small_phone.locator(".upload-result h2")).to_have_text("✓ Imported 1 run from 1 file")
    expect(small_phone.locator(".upload-result")).to_contain_text("Wed 6 Jan 2027 · easy 44 min · 8.4 km")
    assert small_phone.evaluate("document.documentElement.scrollWidth") <= SMALL["width"]
    shoot(small_phone, "phone-360-upload-done", full_page=False)
