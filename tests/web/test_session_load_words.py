"""Every view words a session's load with one function (`core.diary.session_load`): the
dashboard and the session page call a light day before a key run, a deload and the taper
"light", as the plan and the booklet do (cr18b #8: both said "moderate")."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.web.conftest import SameOriginClient

# the example marathoner's plan (tests/web/conftest.py's seeded diary): one session of each kind
KINDS = {
    "light-day": (dt.date(2027, 1, 4), "light"),
    "moderate": (dt.date(2027, 1, 8), "moderate"),
    "deload": (dt.date(2027, 1, 29), "light"),
    "heavy": (dt.date(2027, 2, 19), "heavy"),  # week 7: week 6 starts the third session, heavy waits a week
    "taper": (dt.date(2027, 4, 12), "light"),
}


def planned_load(day: dt.date) -> str:
    """What the plan itself (and the booklet) says of the session on `day`."""
    from pathlib import Path

    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.labels import session_load
    from runstrong.io.profile_file import load_profile
    from tests.conftest import EXAMPLES

    plan = build_plan(load_profile(Path(EXAMPLES / "marathoner.toml")), load_context(), least_bad=True)
    [(session, week)] = [(s, w) for w in plan.weeks for s in w.sessions if s.date == day]
    return session_load(session, week)


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_dashboard_and_session_page_word_a_sessions_load_as_the_plan_does(diary_path, kind):
    from runstrong.web.app import create_app

    day, label = KINDS[kind]
    assert planned_load(day) == label
    app = create_app(str(diary_path), today=day)
    try:
        with SameOriginClient(app, follow_redirects=False) as client:
            dashboard = client.get("/").text
            session = client.get(f"/session/{day}").text
    finally:
        app.state.diary.close()
    assert f"{label} · ~" in dashboard
    assert f" · {label} · ~" in session
    for other in {"heavy", "moderate", "light"} - {label}:
        assert f"{other} · ~" not in dashboard and f" · {other} · ~" not in session


def test_a_session_in_the_taper_or_race_week_is_light_without_a_light_day_rule():
    from pathlib import Path

    from runstrong.core.diary import session_load
    from runstrong.core.model import Phase
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from tests.conftest import EXAMPLES

    plan = build_plan(load_profile(Path(EXAMPLES / "marathoner.toml")), load_context(), least_bad=True)
    week = plan.weeks[0]
    session = next(s for s in week.sessions if session_load(s, week) == "moderate")
    for phase in (Phase.taper, Phase.race_week):
        assert session_load(session, week.model_copy(update={"phase": phase})) == "light"
