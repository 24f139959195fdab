"""Logging through the flow: one transaction, idempotency keys, the policies in one place."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from runstrong.core.diary import SetLog
from runstrong.flows import base
from runstrong.flows.log_session import LogInput, log_session
from runstrong.flows.undo import undo
from tests.flows.conftest import TODAY
from tests.flows.helpers import content, sets_on

ATHLETE = "Maya (marathon)"


def test_a_key_logged_twice_is_answered_as_already_logged_and_stored_once(store, clock):
    given = LogInput(day=TODAY, as_planned=True, key="form:abc")
    first = log_session(store, ATHLETE, given, clock)
    again = log_session(store, ATHLETE, given, clock)
    assert not first.already and again.already
    assert again.result == first.result
    assert sets_on(store, TODAY) == first.result.total_sets > 0


def test_as_planned_twice_is_refused_by_the_flow_with_the_field_named(store, clock):
    log_session(store, ATHLETE, LogInput(day=TODAY, as_planned=True), clock)
    with pytest.raises(base.Refused) as err:
        log_session(store, ATHLETE, LogInput(day=TODAY, as_planned=True), clock)
    assert err.value.field == "as_planned" and "already logged" in err.value.message


def test_nothing_to_log_and_future_dates_are_refused_before_anything_is_written(store, clock):
    with pytest.raises(base.Refused) as nothing:
        log_session(store, ATHLETE, LogInput(day=TODAY), clock)
    with pytest.raises(base.Refused) as future:
        log_session(store, ATHLETE, LogInput(day=TODAY + dt.timedelta(days=1), as_planned=True), clock)
    assert (nothing.value.field, future.value.field) == ("sets", "date")
    assert sets_on(store, TODAY) == 0


def test_a_stale_form_gets_the_conflict_answer_and_writes_nothing(store, clock):
    opened = base.diary_version(store, ATHLETE)
    log_session(
        store, ATHLETE, LogInput(day=TODAY, sets=(SetLog(exercise_id="glute_bridge", set_number=1, reps=10),)), clock
    )
    with pytest.raises(base.Conflict, match="changed since you opened it"):
        log_session(store, ATHLETE, LogInput(day=TODAY, as_planned=True), clock, expected_version=opened)
    assert sets_on(store, TODAY) == 1


def test_undo_of_a_log_gives_back_the_export_before_it_byte_for_byte(store, clock):
    before = content(store)
    done = log_session(store, ATHLETE, LogInput(day=TODAY, as_planned=True, key="k1"), clock)
    assert content(store) != before
    undone = undo(store, ATHLETE, clock)
    assert undone.version == done.version and "logged" in undone.summary
    assert content(store) == before


def test_two_threads_logging_the_same_key_at_once_store_it_once(store, clock):
    given = LogInput(day=TODAY, as_planned=True, key="form:same-tab-twice")
    answers: list = []
    errors: list = []

    def submit() -> None:
        try:
            answers.append(log_session(store, ATHLETE, given, clock))
        except Exception as err:
            errors.append(err)

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(a.already for a in answers) == [False, True, True, True]
    assert sets_on(store, TODAY) == answers[0].result.total_sets


def test_a_session_logged_next_to_another_strength_day_is_kept_and_the_log_says_so(store, clock):
    """Monday's session done on Thursday (`log --for`) with Friday's still to come, then
    Friday's: both are kept (they happened), and each log says the days are back to back
    (no-consecutive-strength-days), the first naming what to do with Friday's session."""
    thursday, monday = TODAY - dt.timedelta(days=1), TODAY - dt.timedelta(days=4)
    late = log_session(store, ATHLETE, LogInput(day=thursday, as_planned=True, planned_on=monday), clock)
    (said,) = late.notes
    assert "planned for the next day, Fri 08 Jan" in said and "no-consecutive-strength-days" in said
    assert "a day later" in said
    friday = log_session(store, ATHLETE, LogInput(day=TODAY, as_planned=True), clock)
    (said,) = friday.notes
    assert "Strength on consecutive days: Thu 07 and Fri 08 Jan, both logged" in said
    assert sets_on(store, thursday) > 0 and sets_on(store, TODAY) > 0


def test_a_session_logged_with_a_day_clear_either_side_says_nothing_about_spacing(store, clock):
    done = log_session(store, ATHLETE, LogInput(day=TODAY, as_planned=True), clock)
    assert done.notes == []


def test_as_planned_after_another_days_session_logged_today_logs_todays_planned_session(store, clock):
    """Two sessions in one day: an earlier day's planned session logged today (`--for`), then
    today's own, a different one, `--as-planned`; neither is refused as already logged."""
    from runstrong.store import repo

    with store.read() as s:
        athlete = repo.find_athlete(s, ATHLETE).id
        earlier = next(
            d for n in range(1, 7) if (d := TODAY - dt.timedelta(days=n)) and repo.planned_day(s, athlete, d).sessions
        )
        todays = repo.planned_day(s, athlete, TODAY).sessions[0]
    first = log_session(store, ATHLETE, LogInput(day=TODAY, as_planned=True, planned_on=earlier), clock)
    second = log_session(store, ATHLETE, LogInput(day=TODAY, as_planned=True), clock)
    assert second.planned is not None and (second.planned.date, second.planned.label) == (TODAY, todays.label)
    assert second.result.id != first.result.id
    assert sets_on(store, TODAY) == first.result.total_sets + second.result.total_sets
    with pytest.raises(base.Refused, match="already logged"):  # today's, again, still is
        log_session(store, ATHLETE, LogInput(day=TODAY, as_planned=True), clock)
