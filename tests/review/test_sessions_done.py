"""Sessions done are counted from the diary against the day each was planned for (issue 16
item 7): a session done on another day, even in the next week, fills its planned slot once."""

from __future__ import annotations

import datetime as dt

from runstrong.core.diary import SessionLog
from runstrong.core.review.measure import sessions_done
from runstrong.core.review.metrics import DiaryWindow

WEEK = dt.date(2027, 1, 4)
NEXT = WEEK + dt.timedelta(days=7)


def done(day: dt.date, planned: dt.date | None = None, label: str | None = None) -> SessionLog:
    return SessionLog(date=day, planned_date=planned, planned_label=label)


def test_two_sessions_logged_on_one_day_for_two_planned_days_count_twice() -> None:
    friday = WEEK + dt.timedelta(days=4)
    history = DiaryWindow(sessions=(done(friday, friday, "A"), done(friday, WEEK, "B")))
    assert sessions_done(history, WEEK) == 2


def test_a_session_made_up_next_monday_counts_for_the_week_it_was_planned_in_only() -> None:
    sunday = WEEK + dt.timedelta(days=6)
    history = DiaryWindow(sessions=(done(WEEK, WEEK, "B"), done(NEXT, sunday, "A")))
    assert sessions_done(history, WEEK) == 2
    assert sessions_done(history, NEXT) == 0


def test_the_same_planned_session_logged_twice_counts_once_and_unplanned_ones_by_their_day() -> None:
    history = DiaryWindow(sessions=(done(WEEK, WEEK, "B"), done(WEEK + dt.timedelta(days=1), WEEK, "B"),
                                    done(WEEK + dt.timedelta(days=2))))  # fmt: skip
    assert sessions_done(history, WEEK) == 2
