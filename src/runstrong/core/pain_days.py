"""The day a pain report is about. A next-morning report speaks for the day before (the
session or run it follows): Monday's check-in after Sunday's long run judges the week that
held the long run. Every reader that groups pain by day or week (the review's window and
its pain rule, `history`'s weeks) goes through here, so none reads it into the next week."""

from __future__ import annotations

import datetime as dt

from .diary import PainReport


def pain_day_of(logged: dt.date, when: str | None) -> dt.date:
    """The day a report dated `logged` with timing `when` is about (for readers of raw rows).

    >>> pain_day_of(dt.date(2028, 3, 13), "next_morning"), pain_day_of(dt.date(2028, 3, 13), "during")
    (datetime.date(2028, 3, 12), datetime.date(2028, 3, 13))
    """
    return logged - dt.timedelta(days=1) if when == "next_morning" else logged


def pain_day(p: PainReport) -> dt.date:
    """The day `p` is about: the day before its date for a next-morning report."""
    return pain_day_of(p.date, p.when)
