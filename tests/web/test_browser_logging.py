"""Fast logging on a phone in Debian's chromium (issue 18): loads pre-filled from last time,
"same as last set", the load steppers, and a draft of the form kept across a reload."""

from __future__ import annotations

import pytest

from .conftest import TODAY
from .test_browser import browser, server, shoot  # noqa: F401 (fixtures, asked for by name below)
from .test_fast_logging import log_monday

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SESSION = f"/session/{TODAY}?label=A"
PHONE = {"width": 360, "height": 740}


@pytest.fixture
def gym_phone(request, app):  # type: ignore[no-untyped-def]
    log_monday(app)  # hip thrusts at 40 and 45 kg on Monday
    base = request.getfixturevalue("server")
    context = request.getfixturevalue("browser").new_context(viewport=PHONE, device_scale_factor=1, base_url=base)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def hip_thrust(page):  # type: ignore[no-untyped-def]
    return page.locator("section.exercise", has=page.get_by_role("heading", name="Barbell hip thrust"))


def test_runner_logs_set_by_set_with_loads_the_log_points_to(gym_phone, app) -> None:
    from playwright.sync_api import expect

    page = gym_phone
    page.goto(SESSION)
    ex = hip_thrust(page)
    loads = ex.locator("[data-load]")
    expect(loads.nth(0)).not_to_have_value("")
    start = float(loads.nth(0).input_value())  # where Monday's 10 x 45 kg at RIR 3 points: not past a step above it
    assert 45 <= start <= 45 + 2.5 and loads.nth(1).input_value() == loads.nth(0).input_value()  # a plate step at most
    more = f"{start + 2.5:g}"
    ex.locator(".tick-box").first.click()  # set 1 as pre-filled
    ex.get_by_role("button", name="more: Barbell hip thrust").click()  # +2.5 kg on the sets left
    expect(loads.nth(0)).to_have_value(f"{start:g}")
    expect(loads.nth(1)).to_have_value(more)
    expect(loads.nth(2)).to_have_value(more)
    reps = ex.locator("input[name$='-reps']")
    reps.nth(1).fill("7")  # typing in a set ticks it
    expect(ex.locator(".set-done").nth(1)).to_be_checked()
    expect(ex.locator(".set-done").nth(2)).not_to_be_checked()
    ex.get_by_role("button", name="Same as last set: Barbell hip thrust").click()
    expect(reps.nth(2)).to_have_value("7")
    expect(ex.locator(".set-done").nth(2)).to_be_checked()
    expect(page.locator("#rest-timer")).to_have_class("rest-timer running")
    ex.scroll_into_view_if_needed()
    shoot(page, "phone-fast-logging", full_page=False)
    page.get_by_role("button", name="Save session").click()
    expect(page.locator(".notice.ok")).to_contain_text("Logged 3 sets")
    (logged,) = app.state.diary.day(TODAY).logged
    assert [s.load_kg for s in logged.sets] == [start, start + 2.5, start + 2.5]
    assert [s.reps for s in logged.sets][1:] == [7, 7]


def test_a_reload_mid_form_keeps_what_was_typed_until_it_is_saved(gym_phone, app) -> None:
    from playwright.sync_api import expect

    page = gym_phone
    page.goto(SESSION)
    ex = hip_thrust(page)
    ex.locator("[data-load]").nth(0).fill("62.5")
    ex.locator("input[name$='-reps']").nth(1).fill("6")
    page.get_by_label("Session RPE, 1-10").fill("7")
    page.get_by_label("Note").fill("Gym busy, short rests")
    page.reload()
    ex = hip_thrust(page)
    expect(page.locator("[data-draft-note]")).to_be_visible()
    expect(ex.locator("[data-load]").nth(0)).to_have_value("62.5")
    expect(ex.locator("input[name$='-reps']").nth(1)).to_have_value("6")
    expect(ex.locator(".set-done").nth(0)).to_be_checked()
    expect(ex.locator(".set-done").nth(2)).not_to_be_checked()
    expect(page.get_by_label("Session RPE, 1-10")).to_have_value("7")
    expect(page.get_by_label("Note")).to_have_value("Gym busy, short rests")
    shoot(page, "phone-draft-restored", full_page=False)
    page.get_by_role("button", name="Save session").click()
    expect(page.locator(".notice.ok")).to_contain_text("Logged 2 sets")
    page.goto(SESSION)  # saved: the draft is gone, the form is fresh
    expect(page.locator("[data-draft-note]")).to_be_hidden()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('runstrong-draft:')).length") == 0


OUTCOMES = ("saved", "refused: the diary changed", "refused: a value")
HELD, UNSETTLED = "before the answer reaches the page", "before the answered page settles"


def leave_mid_save(page, moment: str) -> None:  # type: ignore[no-untyped-def]
    """Tap "Save session" and leave the page at `moment` of the save: the server has answered
    (saved or refused), and the page has not heard the answer (HELD: the answer is kept from it,
    as on a slow phone tapped away from) or has it swapped in but not settled (UNSETTLED, the
    moment a reload hit in CI: htmx settles a swapped page after a delay)."""
    answers = []

    def hold(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.method != "POST":
            route.fallback()
            return
        answers.append(route.fetch())  # the server answers; the page never hears it

    if moment == HELD:
        page.route("**/session/**", hold)
    else:
        page.evaluate("htmx.config.defaultSettleDelay = 60000")
    page.get_by_role("button", name="Save session").click()
    if moment == HELD:
        for _ in range(200):
            if answers:
                break
            page.wait_for_timeout(50)
        assert answers and answers[0].status in (200, 409, 422)
        page.unroute_all(behavior="ignoreErrors")
    else:
        page.locator(".notice.ok, .error-summary").wait_for()
    page.goto(SESSION)


@pytest.mark.parametrize("moment", [HELD, UNSETTLED])
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_a_page_left_mid_save_restores_the_draft_exactly_when_the_save_was_refused(
    gym_phone, app, outcome: str, moment: str
) -> None:
    """Whenever the page is left during a save, the next visit offers what was typed again if
    and only if the save was refused: a saved draft is never offered again (the saved sets as
    unsaved typing), a refused one is never lost, even when the refusal came because another
    device moved the diary on (which a draft's own memory of "sent at version n" took for its
    own save). The server's answer decides, not whether the page's script heard it."""
    from playwright.sync_api import expect

    page = gym_phone
    page.goto(SESSION)
    hip_thrust(page).locator("[data-load]").nth(0).fill("62.5")
    page.get_by_label("Note").fill("Typed before the answer")
    if outcome == "refused: a value":
        page.get_by_label("Session RPE, 1-10").fill("15")
    elif outcome == "refused: the diary changed":
        log_monday(app)  # another device saves in the meantime
    leave_mid_save(page, moment)
    drafts = "Object.keys(localStorage).filter(k => k.startsWith('runstrong-draft:')).length"
    if outcome == "saved":
        assert len(app.state.diary.day(TODAY).logged) == 1
        expect(page.locator("[data-draft-note]")).to_be_hidden()
        assert page.evaluate(drafts) == 0
        assert page.get_by_label("Note").input_value() == ""
    else:
        assert not app.state.diary.day(TODAY).logged
        expect(page.locator("[data-draft-note]")).to_be_visible()
        expect(page.get_by_label("Note")).to_have_value("Typed before the answer")
        expect(hip_thrust(page).locator("[data-load]").nth(0)).to_have_value("62.5")
        assert page.evaluate(drafts) == 1


def test_a_refused_save_keeps_what_was_typed_across_a_reload(gym_phone, app) -> None:
    """A save refused for a value (RPE 15) is not a saved draft: after a reload the form still
    holds what was typed, to fix and save, and nothing was logged."""
    from playwright.sync_api import expect

    page = gym_phone
    page.goto(SESSION)
    hip_thrust(page).locator("[data-load]").nth(0).fill("62.5")
    page.get_by_label("Session RPE, 1-10").fill("15")
    page.get_by_label("Note").fill("Legs heavy")
    page.get_by_role("button", name="Save session").click()
    expect(page.locator(".error-summary")).to_be_visible()
    page.goto(SESSION)
    expect(page.locator("[data-draft-note]")).to_be_visible()
    expect(hip_thrust(page).locator("[data-load]").nth(0)).to_have_value("62.5")
    expect(page.get_by_label("Note")).to_have_value("Legs heavy")
    assert not app.state.diary.day(TODAY).logged


def test_a_save_refused_because_the_diary_changed_keeps_what_was_typed_across_a_reload(gym_phone, app) -> None:
    """The diary moved on while the form was open (another device logged a session): the save is
    refused, and what was typed stays this phone's draft even though the diary's version is new."""
    from playwright.sync_api import expect

    page = gym_phone
    page.goto(SESSION)
    hip_thrust(page).locator("[data-load]").nth(0).fill("62.5")
    page.get_by_label("Note").fill("Typed before the clash")
    log_monday(app)  # another device saves in the meantime
    page.get_by_role("button", name="Save session").click()
    expect(page.locator(".error-summary")).to_contain_text("changed")
    page.goto(SESSION)
    expect(page.locator("[data-draft-note]")).to_be_visible()
    expect(page.get_by_label("Note")).to_have_value("Typed before the clash")
    assert not app.state.diary.day(TODAY).logged


def test_a_runner_with_a_knee_pain_area_logs_set_by_set_with_loads_prefilled(gym_phone, app) -> None:
    """Issue 18's first case: the profile holds a knee pain area (pre-selected on the form with
    no score), the runner logs set by set at the pre-filled loads and reports no pain: the
    session is saved, once, with its loads, and no pain report is made up."""
    from playwright.sync_api import expect

    app.state.diary.update_profile({"pain_areas": ["knee"]})
    page = gym_phone
    page.goto(SESSION)
    ex = hip_thrust(page)
    loads = ex.locator("[data-load]")
    expect(loads.nth(0)).not_to_have_value("")
    planned = [float(loads.nth(i).input_value()) for i in range(3)]
    for i in range(3):
        ex.locator(".tick-box").nth(i).click()
    page.get_by_role("button", name="Save session").click()
    expect(page.locator(".notice.ok")).to_contain_text("Logged 3 sets")
    page.reload()  # a reload after saving sends nothing again
    logged = app.state.diary.day(TODAY).logged
    assert len(logged) == 1 and [s.load_kg for s in logged[0].sets] == planned
    assert not logged[0].pains
