"""Starting a new runner's diary from the welcome page (flows/onboarding): the athlete,
profile and plan in one change, once per form, never over another runner's diary; on
SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from runstrong.errors import UserError


@pytest.fixture
def empty(db_url):  # type: ignore[no-untyped-def]
    from runstrong.store.db import open_store

    store = open_store(db_url)
    yield store
    store.close()


def _count(store, table) -> int:  # type: ignore[no-untyped-def]
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


def test_a_new_runner_gets_a_diary_profile_and_plan_in_one_change(empty, marathoner, clock) -> None:
    from runstrong.flows.onboarding import start_diary
    from runstrong.store import changes, repo

    done = start_diary(empty, marathoner, clock, key="form-1")
    assert done.athlete == marathoner.name and not done.again
    with empty.read() as s:
        info = repo.find_athlete(s, None)
        assert info.plan_version == 1 and info.profile_version == 1
        assert changes.current_version(s, info.id) == 1  # one change: undo-able like every other


def test_the_same_form_sent_twice_starts_one_diary_and_says_so(empty, marathoner, clock) -> None:
    from runstrong.flows.onboarding import start_diary
    from runstrong.store.tables import Athlete, PlanRow

    start_diary(empty, marathoner, clock, key="form-1")
    again = start_diary(empty, marathoner, clock, key="form-1")
    assert again.again and again.athlete == marathoner.name
    assert _count(empty, Athlete) == 1 and _count(empty, PlanRow) == 1


def test_two_submits_racing_with_one_form_start_one_diary(empty, marathoner, clock) -> None:
    from runstrong.flows.onboarding import start_diary
    from runstrong.store.tables import Athlete

    outcomes: list[object] = []

    def submit() -> None:
        try:
            outcomes.append(start_diary(empty, marathoner, clock, key="form-race"))
        except Exception as err:
            outcomes.append(err)

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(not isinstance(o, Exception) for o in outcomes), outcomes
    assert sorted(o.again for o in outcomes) == [False, True]  # type: ignore[attr-defined]
    assert _count(empty, Athlete) == 1


def test_a_name_already_in_the_diary_is_refused_by_the_name_field_and_nothing_is_written(
    empty, marathoner, clock
) -> None:
    from runstrong.flows.base import Refused
    from runstrong.flows.onboarding import start_diary
    from runstrong.store.tables import PlanRow, Profile

    start_diary(empty, marathoner, clock, key="form-1")
    for name in (marathoner.name, marathoner.name.upper()):
        with pytest.raises(Refused) as refused:
            start_diary(empty, marathoner.model_copy(update={"name": name, "age": 50}), clock, key="form-2")
        assert refused.value.field == "name"
    assert _count(empty, Profile) == 1 and _count(empty, PlanRow) == 1


def test_an_athletes_account_without_a_diary_starts_its_own_once(empty, marathoner, clock) -> None:
    from runstrong.flows import accounts
    from runstrong.flows.onboarding import start_diary
    from runstrong.store.accounts import audit_entries, user_by_name
    from runstrong.store.tables import Athlete

    user = accounts.add_user(empty, "maya", "correct horse battery", "athlete", None, "admin", clock.now)
    assert user.athlete_id is None
    start_diary(empty, marathoner, clock, key="form-1", user_id=user.id, actor="maya")
    other = marathoner.model_copy(update={"name": "Someone Else"})
    again = start_diary(empty, other, clock, key="form-2", user_id=user.id, actor="maya")
    assert again.again and again.athlete == marathoner.name  # the account keeps its diary
    with empty.read() as s:
        assert user_by_name(s, "maya").athlete == marathoner.name  # type: ignore[union-attr]
        assert any(e.action == "athlete.start" and e.actor == "maya" for e in audit_entries(s))
    assert _count(empty, Athlete) == 1


def test_a_coachs_account_sets_up_no_diary_of_its_own(empty, marathoner, clock) -> None:
    from runstrong.flows import accounts
    from runstrong.flows.onboarding import start_diary
    from runstrong.store.tables import Athlete

    coach = accounts.add_user(empty, "sam", "correct horse battery", "coach", None, "admin", clock.now)
    with pytest.raises(UserError):
        start_diary(empty, marathoner, clock, key="form-1", user_id=coach.id, actor="sam")
    assert _count(empty, Athlete) == 0
