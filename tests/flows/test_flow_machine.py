"""The flows driven through random sequences (issue 14's Done-when): log, edit, delete,
undo, swap, re-add the profile file, accept a review, export and import; on SQLite and
PostgreSQL. After every step:

- no lived day changed: every day before today is planned as the first plan planned it;
- an undo gives back the export from before the change it took back, byte for byte;
- pain areas are never silently dropped (re-adding the profile file keeps every one);
- export -> import -> export is the identity (the change log included);
- accepting the same review again writes nothing (accept twice = accept once).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import uuid
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from runstrong.core.diary import PainReport, SetLog
from runstrong.core.model import PainArea
from runstrong.errors import UserError
from runstrong.flows import base
from tests.conftest import EXAMPLES, OVERRIDE, examples
from tests.flows.conftest import CLOCK_NOW, TODAY, stored_copy, stored_diary  # noqa: F401 (a fixture)
from tests.flows.helpers import content
from tests.store.conftest import BACKENDS

ATHLETE = "Maya (marathon)"
# runs of 12 steps: ci 6 (as before), dev 3, deep 60; RUNSTRONG_HYPOTHESIS_EXAMPLES=N gives N // 5
RUNS = max(3, int(os.environ[OVERRIDE]) // 5) if os.environ.get(OVERRIDE) else examples(share=0.006, floor=3)
PAST_DAYS = [TODAY - dt.timedelta(days=n) for n in range(5)]  # Monday to today (a Friday)
LIFTS = ["romanian_deadlift", "barbell_hip_thrust", "barbell_step_up", "trap_bar_farmer_carry"]


def plan_days(store) -> dict[dt.date, list[str]]:
    """The current plan's items on the days before today."""
    from runstrong.store.tables import PlannedItem, PlanRow

    with store.read() as s:
        plan_id = s.scalar(select(PlanRow.id).order_by(PlanRow.version.desc()).limit(1))
        rows = s.execute(
            select(PlannedItem.date, PlannedItem.data)
            .where(PlannedItem.plan_id == plan_id, PlannedItem.date < TODAY)
            .order_by(PlannedItem.date, PlannedItem.kind, PlannedItem.id)
        )
        out: dict[dt.date, list[str]] = {}
        for day, data in rows:
            out.setdefault(day, []).append(data)
    return out


def pain_areas(store) -> set[PainArea]:
    from runstrong.store import repo

    with store.read() as s:
        return set(repo.latest_profile(s, repo.find_athlete(s, ATHLETE).id).pain_areas)


def whole_export(store) -> str:
    """Every athlete's diary, the change log included, as the JSON export writes it."""
    from runstrong.core.diary import DiaryExport
    from runstrong.io.diary_files import dump_json
    from runstrong.store import repo
    from runstrong.store.transfer import export_athlete

    with store.read() as s:
        diaries = [export_athlete(s, a.id) for a in repo.list_athletes(s)]
    return dump_json(DiaryExport(exported_at=CLOCK_NOW, athletes=diaries))


class FlowMachine(RuleBasedStateMachine):
    """One diary, changed by the flows in any order."""

    new_diary: Callable[[], str]  # a new diary's URL with the marathoner stored, one per run

    @initialize()
    def start(self) -> None:
        from runstrong.store.db import open_store

        self.clock = base.Clock(CLOCK_NOW, TODAY)
        self.profile_path = EXAMPLES / "marathoner.toml"
        # a copy of the diary conftest stored once (the same profile, clock and flow)
        self.store = open_store(self.new_diary())
        self.lived = plan_days(self.store)
        self.undo_stack: list[str] = []  # the export before each change not yet undone

    def teardown(self) -> None:
        store = getattr(self, "store", None)
        if store is not None:
            store.close()

    def _version(self) -> int:
        return base.diary_version(self.store, ATHLETE)

    def _change(self, act) -> None:  # type: ignore[no-untyped-def]
        """Run a flow; when it changed the diary, remember the export before it."""
        before, version, pains = content(self.store), self._version(), pain_areas(self.store)
        try:
            act()
        except UserError:
            assert content(self.store) == before, "a refused change wrote something"
            return
        assert pains <= pain_areas(self.store), "a change dropped a pain area"  # only an undo may take one back
        if self._version() != version:
            self.undo_stack.append(before)
        else:
            assert content(self.store) == before

    @rule(day=st.sampled_from(PAST_DAYS), planned=st.booleans(), reps=st.integers(1, 12),
          knee=st.none() | st.integers(0, 8), key=st.none() | st.sampled_from(["k1", "k2"]))  # fmt: skip
    def log(self, day: dt.date, planned: bool, reps: int, knee: int | None, key: str | None) -> None:
        from runstrong.flows.log_session import LogInput, log_session

        sets = () if planned else (SetLog(exercise_id="glute_bridge", set_number=1, reps=reps),)
        pains = (PainReport(date=day, area=PainArea.knee, score=knee),) if knee is not None else ()
        given = LogInput(day=day, as_planned=planned, sets=sets, pains=pains, key=key)
        self._change(lambda: log_session(self.store, ATHLETE, given, self.clock))

    def _set_ids(self) -> list[int]:
        from runstrong.store.tables import SetLogRow

        with self.store.read() as s:
            return list(s.scalars(select(SetLogRow.id).order_by(SetLogRow.id)))

    @precondition(lambda self: bool(self._set_ids()))
    @rule(pick=st.integers(0, 10_000), reps=st.integers(0, 20), delete=st.booleans())
    def edit_or_delete_a_set(self, pick: int, reps: int, delete: bool) -> None:
        from runstrong.flows.delete import delete_set
        from runstrong.flows.edit import edit_set

        ids = self._set_ids()
        set_id = ids[pick % len(ids)]
        if delete:
            self._change(lambda: delete_set(self.store, ATHLETE, set_id, self.clock))
        else:
            self._change(lambda: edit_set(self.store, ATHLETE, set_id, {"reps": reps}, self.clock))

    @precondition(lambda self: bool(self.undo_stack))  # the first profile stays: the machine starts there
    @rule()
    def undo(self) -> None:
        from runstrong.flows.undo import undo

        try:
            undo(self.store, ATHLETE, self.clock)
        except base.NothingToUndo:  # only after an import: the change log before it is history
            self.undo_stack.clear()
            return
        assert content(self.store) == self.undo_stack.pop()

    @rule(lift=st.sampled_from(LIFTS), choice=st.integers(0, 5))
    def swap(self, lift: str, choice: int) -> None:
        from runstrong.core.swap import alternatives, companions
        from runstrong.flows.swap import swap
        from runstrong.io.data_files import load_library, load_params
        from runstrong.store import repo

        with self.store.read() as s:
            info = repo.find_athlete(s, ATHLETE)
            profile, (_, plan) = repo.latest_profile(s, info.id), repo.latest_plan(s, info.id)
        options = alternatives(load_library(), profile, lift, load_params(), companions(plan, lift, TODAY))
        to_id = options[choice % len(options)].exercise.id if options else "plank"
        self._change(lambda: swap(self.store, ATHLETE, lift, to_id, None, self.clock, load_library(), load_params()))

    @rule()
    def re_add_the_profile_file(self) -> None:
        from runstrong.flows.profile import store_profile
        from runstrong.io.profile_file import load_profile

        before = pain_areas(self.store)
        self._change(lambda: store_profile(self.store, load_profile(self.profile_path), self.clock, least_bad=True))
        assert before <= pain_areas(self.store), "re-adding the profile file dropped a pain area"

    @rule()
    def accept_the_review(self) -> None:
        from runstrong.flows.review import accept_review
        from runstrong.io.data_files import load_context

        self._change(lambda: accept_review(self.store, ATHLETE, None, self.clock, load_context(),
                                           with_trend=False))  # fmt: skip
        before, version = content(self.store), self._version()
        later = base.Clock(self.clock.now + dt.timedelta(hours=1), self.clock.today)
        with contextlib.suppress(UserError):  # accept twice = accept once: the same command again writes nothing
            accept_review(self.store, ATHLETE, None, later, load_context(), with_trend=False)
        assert (content(self.store), self._version()) == (before, version), "accepting again wrote something"

    @rule()
    def export_and_import(self) -> None:
        from runstrong.io.diary_files import parse_json
        from runstrong.store.transfer import import_athlete

        first = whole_export(self.store)
        data = parse_json(first, "diary.json", TODAY)
        with self.store.write() as s:
            for n, diary in enumerate(data.athletes):
                import_athlete(s, diary, replace=True, where=f"athletes[{n}]")
        assert whole_export(self.store) == first
        self.undo_stack.clear()  # an imported change log is history: nothing before it can be undone

    @invariant()
    def no_lived_day_changed(self) -> None:
        if hasattr(self, "store"):
            assert plan_days(self.store) == self.lived


@pytest.mark.parametrize("backend", BACKENDS)
def test_random_sequences_of_flows_keep_the_diary_whole(backend, request, tmp_path):
    if backend == "postgres":
        request.getfixturevalue("pg_fresh")  # the databases this test makes, dropped after it

    def new_diary() -> str:
        return stored_copy(backend, request, f"sqlite:///{tmp_path / f'diary-{uuid.uuid4().hex[:8]}.db'}")

    machine = type("Machine", (FlowMachine,), {"new_diary": staticmethod(new_diary)})
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=RUNS,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        ),
    )
