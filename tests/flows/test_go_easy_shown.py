"""The painful side's "Go easy on your left knee…" cue, which a review puts on next week's
single-leg work, is shown wherever that session is shown: `runstrong today` (both read
paths), the dashboard and the session page, and the booklet; once, beside the exercise."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tests.cli.runner import env_for, run_cli
from tests.review.helpers import LIBRARY, MAYA, REGISTRY, plan_of
from tests.review.scenarios import CALM, DAY, done_as_planned, reviewed_and_applied, week_end, week_of
from tests.review.test_pain_monitoring import knee, split_squat_week, with_reports

GO_EASY = "Go easy on your left knee"


@pytest.fixture(scope="module")
def cued(tmp_path_factory) -> tuple[Path, dt.date, str, list[str]]:  # type: ignore[no-untyped-def]
    """A diary whose stored plan is the one a review of a left knee wrote; the day of a session
    with the cue, its label, and the exercises that carry it."""
    from runstrong.core.diary import planned_work
    from runstrong.flows.base import Clock
    from runstrong.flows.profile import store_profile
    from runstrong.store.db import open_store

    plan = plan_of(MAYA)
    week, lift = split_squat_week(plan)
    diary = with_reports(done_as_planned(plan, week_end(week), wellness=CALM),
                         knee(week.start_date + DAY, 5, side="left", provoked_by=lift))  # fmt: skip
    review, reviewed, new_plan = reviewed_and_applied(plan, MAYA, diary, week, LIBRARY, REGISTRY)
    nxt = review.next_week_start
    path = tmp_path_factory.mktemp("cued") / "diary.db"
    store = open_store(f"sqlite:///{path}")
    try:
        store_profile(store, reviewed, Clock(dt.datetime.combine(nxt - DAY, dt.time(18)), nxt - DAY), least_bad=True)
    finally:
        store.close()
    sessions, _ = planned_work(new_plan)
    days = {s.date for s in week_of(new_plan, nxt).sessions for b in s.blocks if b.cues and GO_EASY in b.cues[0]}
    day = min(days)
    (session,) = [x for x in sessions if x.date == day]
    names = [b.name for w in new_plan.weeks for s in w.sessions if s.date == day for b in s.blocks
             if b.cues and b.cues[0].startswith(GO_EASY)]  # fmt: skip
    assert names
    return path, day, session.label, names


def _today(path: Path, day: dt.date) -> str:
    env = env_for(path.parent) | {"RUNSTRONG_DB": str(path), "COLUMNS": "200"}
    out = run_cli(["today", "--date", str(day)], env=env | {"RUNSTRONG_TODAY": str(day)})
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_today_shows_the_go_easy_cue_on_single_leg_work_that_loads_the_painful_side(cued):
    path, day, _, names = cued
    for _ in range(2):  # the first read keeps what the light path needs; the second takes it
        shown = _today(path, day)
        assert shown.count(GO_EASY) == len(names), shown
        for name in names:
            assert shown.index(name) < shown.index(GO_EASY)  # beside its exercise: under the name


def test_the_dashboard_and_session_page_show_the_go_easy_cue_beside_its_exercise(cued):
    from runstrong.web.app import create_app
    from tests.web.conftest import SameOriginClient

    path, day, label, names = cued
    app = create_app(str(path), today=day)
    try:
        with SameOriginClient(app, follow_redirects=False) as client:
            for page in ("/", f"/session/{day}?label={label}"):
                html = client.get(page).text
                assert html.count(GO_EASY) == len(names), page
                assert html.index(names[0]) < html.index(GO_EASY)
    finally:
        app.state.diary.close()


def test_a_diary_stored_before_the_cue_was_kept_gets_it_from_its_plan(cued, tmp_path):
    """Migration 0012 fills the cue in from each stored plan's own blocks."""
    import json
    import shutil

    from runstrong.store.db import open_store

    path, day, _, names = cued
    old = tmp_path / "diary.db"
    shutil.copy(path, old)
    with sqlite3.connect(old) as con:  # as 0011 left it: no go_easy on the stored blocks
        for item_id, data in con.execute("SELECT id, data FROM planned_items WHERE kind = 'strength'").fetchall():
            item = json.loads(data)
            item["blocks"] = [{k: v for k, v in b.items() if k != "go_easy"} for b in item["blocks"]]
            con.execute("UPDATE planned_items SET data = ? WHERE id = ?", (json.dumps(item), item_id))
        con.execute("DROP TABLE week_flags")  # made by 0015, after 0011
        con.execute("UPDATE alembic_version SET version_num = '0011'")
    open_store(str(old)).close()  # migrates to the head
    assert _today(old, day).count(GO_EASY) == len(names)


def test_the_booklet_shows_the_go_easy_cue_once_on_its_exercises_card(cued, tmp_path):
    path, day, _, names = cued
    env = env_for(path.parent) | {"RUNSTRONG_DB": str(path), "RUNSTRONG_TODAY": str(day)}
    out = tmp_path / "plan.html"
    done = run_cli(["booklet", "--athlete", MAYA.name, "--format", "html", "-o", str(out)], env=env)
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(path) as con:  # every stored block with the cue, over the plan's weeks
        cued_blocks = con.execute("SELECT count(*) FROM planned_items, json_each(planned_items.data, '$.blocks') AS b"
                                  " WHERE json_extract(b.value, '$.go_easy') IS NOT NULL").fetchone()[0]  # fmt: skip
    assert cued_blocks >= len(names)
    assert out.read_text().count(GO_EASY) == cued_blocks  # once on each exercise's card
