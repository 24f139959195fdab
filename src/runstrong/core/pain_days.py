"""The day a pain report is about. A next-morning report speaks for the day before (the
session or run it follows): Monday's check-in after Sunday's long run judges the week that
held the long run. Every reader that groups pain by day or week (the review's window and
its pain rule, `history`'s weeks) goes through here, so none reads it into the next week.

A report that names the training that brought it on ("calf=5 after from=long", given in
Monday's check-in) is about that training's day: the check-in dates it there when it is
stored (`day_trained`), so every reader finds it in the week of the run, not the next."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

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


LOOK_BACK = dt.timedelta(days=6)  # a report names training of the week up to it, not an older one


def names_training(p: PainReport) -> bool:
    """Whether `p` says which training brought it on and is dated by it: a run type or an
    exercise, felt during or after it (a next-morning report is the day before already)."""
    return p.provoked_by is not None and p.when != "next_morning"


def day_trained(p: PainReport, trained: Iterable[dt.date]) -> dt.date:
    """The day `p` is about when it names its training: the latest of the `trained` days
    (those that held that run type or exercise) on or before its date and within the week up
    to it; its own date when none did (nothing logged to date it by).

    >>> sun, mon = dt.date(2028, 3, 12), dt.date(2028, 3, 13)
    >>> day_trained(PainReport(date=mon, area="calf", score=5, when="after", provoked_by="long"), [sun])
    datetime.date(2028, 3, 12)
    """
    if not names_training(p):
        return p.date
    return max((d for d in trained if p.date - LOOK_BACK <= d <= p.date), default=p.date)
