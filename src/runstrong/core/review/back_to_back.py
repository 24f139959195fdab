"""Strength on consecutive days, as the diary shows it (no-consecutive-strength-days).

The plan never puts two strength sessions on consecutive days, but a runner who moves one
(`runstrong log --for`) or adds one can. The log accepts it (it happened) and says so; the
weekly review flags it, so the week's other signs (soreness, heavy legs on the runs) are read
beside it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable

from .state import ReviewInput, Verdict
from .values import Flag

RULE = "no-consecutive-strength-days"
DAY = dt.timedelta(days=1)


def consecutive_pairs(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Each pair of strength days one day apart, in order.

    >>> d = dt.date(2021, 10, 6)
    >>> consecutive_pairs([d, d + DAY, d + 3 * DAY, d])
    [(datetime.date(2021, 10, 6), datetime.date(2021, 10, 7))]
    """
    return [(a, b) for a, b in itertools.pairwise(sorted(set(days))) if b - a == DAY]


def pair_words(a: dt.date, b: dt.date) -> str:
    """'Wed 06 and Thu 07 Oct', or across a month 'Thu 30 Sep and Fri 01 Oct'."""
    first = f"{a:%a %d}" if a.month == b.month else f"{a:%a %d %b}"
    return f"{first} and {b:%a %d %b}"


def back_to_back_step(r: ReviewInput, v: Verdict) -> Verdict:
    """A flag for each pair of consecutive strength days that ends in the reviewed week (the
    Sunday before it counts: the week's first session may follow it)."""
    end = r.week_start + 6 * DAY
    days = [x.date for x in r.history.sessions if x.sets and r.week_start - DAY <= x.date <= end]
    pairs = [(a, b) for a, b in consecutive_pairs(days) if b >= r.week_start]
    if not pairs:
        return v
    said = "; ".join(pair_words(a, b) for a, b in pairs)
    text = f"Strength on consecutive days: {said}. Keep a day between strength sessions (the legs recover)."
    return v.add(flags=(*v.flags, Flag(kind="strength-days", text=text, rule_id=RULE)))
