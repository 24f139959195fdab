"""The reproducers of issue 14 that the flows fix, one test each."""

from __future__ import annotations

import datetime as dt

import pytest

from runstrong.core.diary import SetLog
from runstrong.flows import base
from runstrong.flows.log_session import LogInput, log_session
from runstrong.flows.swap import swap
from tests.flows.conftest import TODAY
from tests.flows.helpers import content

ATHLETE = "Maya (marathon)"
LIFT = "barbell_hip_thrust"  # in Monday's and Friday's sessions of week 1


def planned_items(store, version: int | None = None) -> dict[dt.date, list[str]]:
    """The planned items of a plan version (default: the current one) by date."""
    from sqlalchemy import select

    from runstrong.store.tables import PlannedItem, PlanRow

    with store.read() as s:
        plan_id = s.scalar(select(PlanRow.id).order_by(PlanRow.version.desc() if version is None else PlanRow.id)
                           .where(True if version is None else PlanRow.version == version).limit(1))  # fmt: skip
        out: dict[dt.date, list[str]] = {}
        for day, data in s.execute(select(PlannedItem.date, PlannedItem.data).where(PlannedItem.plan_id == plan_id)):
            out.setdefault(day, []).append(data)
    return out


def test_a_swap_on_friday_never_re_plans_the_days_already_lived_that_week(store, clock):
    """Issue 14: a swap from the web re-planned from this week's Monday and rewrote a
    logged Wednesday. Here Monday's session holds the swapped lift and is logged."""
    from runstrong.io.data_files import load_library, load_params

    before = planned_items(store, 1)
    lived_days = [d for d in before if d < TODAY]
    assert any(LIFT in item for d in lived_days for item in before[d])  # what a swap would rewrite
    monday = TODAY - dt.timedelta(days=4)
    log_session(store, ATHLETE, LogInput(day=monday, as_planned=True), clock)
    done = swap(store, ATHLETE, LIFT, _an_alternative(store, clock), None, clock, load_library(), load_params())
    after = planned_items(store)
    assert done.stored.plan_version == 2 and lived_days
    assert {d: after.get(d) for d in lived_days} == {d: before[d] for d in lived_days}
    assert any(d >= TODAY for _, d in done.sessions)


def _an_alternative(store, clock) -> str:
    from runstrong.core.swap import alternatives, companions
    from runstrong.io.data_files import load_library, load_params
    from runstrong.store import repo

    with store.read() as s:
        info = repo.find_athlete(s, ATHLETE)
        profile, (_, plan) = repo.latest_profile(s, info.id), repo.latest_plan(s, info.id)
    options = alternatives(load_library(), profile, LIFT, load_params(), companions(plan, LIFT, clock.today))
    return options[0].exercise.id


def test_more_sets_of_one_exercise_than_the_export_can_number_are_refused_and_99_export(store, clock):
    """Issue 14: over 99 sets of one exercise in a day made JSON and CSV export crash."""
    from runstrong.core.diary import DiaryExport
    from runstrong.io.data_files import load_library
    from runstrong.io.diary_files import write_csv

    many = tuple(SetLog(exercise_id="glute_bridge", set_number=1, reps=5) for _ in range(60))
    log_session(store, ATHLETE, LogInput(day=TODAY, sets=many), clock)
    with pytest.raises(base.Refused) as err:
        log_session(store, ATHLETE, LogInput(day=TODAY, sets=many), clock)
    assert err.value.field == "sets" and "at most 99" in err.value.message
    log_session(store, ATHLETE, LogInput(day=TODAY, sets=many[:39]), clock)  # 99 exactly
    text = content(store)
    assert text.count('"exercise_id":"glute_bridge"') == 99 or '"set_number": 99' in text
    from runstrong.store import repo
    from runstrong.store.transfer import export_athlete

    with store.read() as s:
        diary = export_athlete(s, repo.find_athlete(s, ATHLETE).id)
    write_csv(DiaryExport(athletes=[diary]), clock_dir := _tmp(), {e.id: e.name for e in load_library().exercises})
    assert (clock_dir / "sets.csv").read_text().count("glute_bridge") == 99


def _tmp():
    import tempfile
    from pathlib import Path

    return Path(tempfile.mkdtemp()) / "csv"


def test_athlete_add_refuses_a_profile_only_a_least_bad_plan_fits(tmp_path, clock):
    """Issue 14: `athlete add` stored plans that `plan` refuses (it planned in least-bad
    mode) without a word. Here two sessions a week cannot fit in one training day."""
    import re

    from runstrong.errors import UserError
    from runstrong.flows.profile import store_profile
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store
    from tests.conftest import EXAMPLES

    text = re.sub(r"available_days = \[.*?\]", 'available_days = ["sun"]', (EXAMPLES / "marathoner.toml").read_text())
    path = tmp_path / "p.toml"
    path.write_text(text)
    store = open_store(f"sqlite:///{tmp_path / 'd.db'}")
    profile = load_profile(path)
    with pytest.raises(UserError, match="--least-bad"):
        store_profile(store, profile, clock)
    with store.read() as s:
        assert repo.list_athletes(s) == []
    stored = store_profile(store, profile, clock, least_bad=True)
    store.close()
    assert stored.stored.new_athlete and stored.broken
