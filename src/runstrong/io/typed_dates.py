"""A day the runner typed into a form or an answer: a date, not after today."""

from __future__ import annotations

import datetime as dt


def past_date(typed: str, today: dt.date, missing: str, not_a_date: str, after_today: str) -> dt.date:
    """A day as typed, not after today, else the words given (formatted with `typed`, `date`, `today`)."""
    typed = typed.strip()
    if not typed:
        raise ValueError(missing)
    try:
        day = dt.date.fromisoformat(typed)
    except ValueError:
        raise ValueError(not_a_date.format(typed=typed)) from None
    if day > today:
        raise ValueError(after_today.format(date=day, today=today))
    return day
