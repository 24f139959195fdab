"""Loads on the pages: the session page prefills each lift's load, says a first session
finds the weight, and after a log shows the next load the log points to."""

from __future__ import annotations

import datetime as dt
import html
import re

from tests.web.conftest import TODAY

from .test_pages import form_fields, ticked_session

SESSION = f"/session/{TODAY}"


def rdl_row(page: str) -> str:
    return next(k for k, v in form_fields(page).items() if v == "romanian_deadlift").split("-")[0]


def test_the_session_page_prefills_the_load_and_says_the_first_session_finds_the_weight(client) -> None:
    page = client.get(SESSION).text
    i = rdl_row(page)
    load = form_fields(page)[f"{i}-load"]
    assert float(load) > 0
    assert re.search(rf"3 × 8 @ {load} kg, RIR 3", page)
    assert "find-your-weight" in page and "First time" in page


def test_after_an_easy_log_the_next_session_shows_what_the_next_plan_gives(client, diary_path) -> None:
    """Maya's RDL logged at RIR 6 (3 asked): next week's session asks a rep more, so the load waits for
    it, as the plan made from the log gives it (never both; tests/core/test_today_agrees.py); it was
    shown a step heavier beside the rep."""
    from runstrong.web.app import create_app

    from .conftest import SameOriginClient

    page = client.get(SESSION).text
    fields = form_fields(page)
    rows = [k.split("-")[0] for k, v in fields.items() if v == "romanian_deadlift"]
    load = float(fields[f"{rows[0]}-load"])
    data = ticked_session(page, **{f"{r}-rir": "6" for r in rows})  # every set left six in reserve, not three
    assert client.post(SESSION, data=data).status_code == 303
    next_week = TODAY + dt.timedelta(weeks=1)
    app = create_app(str(diary_path), today=next_week)
    with SameOriginClient(app, follow_redirects=False) as later_client:
        later = later_client.get(f"/session/{next_week}").text
    app.state.diary.close()
    shown = float(form_fields(later)[f"{rdl_row(later)}-load"])
    assert load <= shown <= max(load * 1.05, load + 2.5)
    assert shown == load  # the week's reps climb 8 -> 9: the load waits (was 45 kg beside them)
    assert "Last time:" in later


def test_each_lifts_load_stepper_steps_by_what_its_implement_makes(client) -> None:
    """A kettlebell steps by a bell (4 kg), dumbbells by 2 kg, a bar by 2.5 kg (load-rounding),
    not all by the bar's step."""
    from runstrong.core.loads import implement
    from runstrong.io.data_files import load_context

    ctx = load_context()
    by_name = {e.name: e for e in ctx.library.exercises}
    page = client.get(SESSION).text
    steps = {name: float(step) for step, name in re.findall(r'aria-label="([\d.]+) kg more: ([^"]+)"', page)}
    assert steps
    for name, step in steps.items():
        kit = implement(by_name[html.unescape(name)].equipment)
        assert step == ctx.params.rounding_metric_kg[kit], (name, step)


def test_a_runners_own_increments_set_the_stepper(client, diary_path) -> None:
    """`load_increments` in the profile (the runner's 1 kg microplates) is what the stepper steps by."""
    from runstrong.flows.base import Clock
    from runstrong.flows.profile import update_profile
    from runstrong.store.db import open_store

    store = open_store(str(diary_path))
    try:
        now = dt.datetime.combine(TODAY, dt.time(7))
        update_profile(store, None, {"load_increments": {"barbell": 1.0, "trap_bar": 1.0}}, Clock(now, TODAY))
    finally:
        store.close()
    page = client.get(SESSION).text
    assert re.search(r'aria-label="1 kg more: ', page), "a bar lift steps by the runner's 1 kg"
