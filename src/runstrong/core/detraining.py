"""A load the runner gave, read by its age (detraining-restart): a known load dated by the
profile's `known_loads_date`, or a recent set by its own date, from more than a few weeks before
the plan starts is from before a break, and its e1RM is taken at a share that falls with the
weeks since; an undated load given with no consistent strength weeks is from before a break of
unknown length. Such a lift re-finds its weight in its first session, never past the load shown,
and the plan says what the old load was taken as (cr30a F3: Tom, back after six months, was
started at his old RDL and had his old trap bar top set twice in its first week).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

RULE = "detraining-restart"


@dataclass(frozen=True)
class Aged:
    """How a given load is read: the share of its e1RM taken, and the words for when it was."""

    share: float  # of the load's e1RM, 1.0 for a load of today
    when: str  # "from June 2026", "from before a break (no consistent strength weeks)"
    weeks: int | None  # weeks between the load and the plan's start (None: undated)


def weeks_before(day: dt.date, start: dt.date) -> int:
    """Whole weeks from `day` to the plan's start (0 for a day on or after it)."""
    return max(0, (start - day).days // 7)


def aged(profile: Any, day: dt.date | None, p: Any) -> Aged | None:
    """How a load given for `day` (None: undated) is read at the plan's start, or None when it
    is today's strength: dated within the kept weeks, or covered by the consistent strength weeks
    since (training went on), or undated from a runner who trains now.

    >>> from types import SimpleNamespace as NS
    >>> p = NS(detrain_kept_weeks=3, detrain_after_weeks=(3, 8, 16, 26), detrain_share_pct=(85, 75, 65, 60),
    ...        detrain_undated_share_pct=70)
    >>> tom = NS(start_date=dt.date(2027, 1, 4), consistent_strength_weeks=0)
    >>> aged(tom, dt.date(2026, 6, 20), p)
    Aged(share=0.6, when='from June 2026', weeks=28)
    >>> aged(tom, dt.date(2026, 12, 21), p) is None, aged(tom, None, p).share
    (True, 0.7)
    >>> aged(NS(start_date=dt.date(2027, 1, 4), consistent_strength_weeks=12), None, p) is None
    True
    """
    weeks_trained = profile.consistent_strength_weeks
    if day is None:
        if weeks_trained > 0:
            return None
        return Aged(p.detrain_undated_share_pct / 100, "with no consistent strength weeks", None)
    weeks = weeks_before(day, profile.start_date)
    if weeks <= p.detrain_kept_weeks or weeks_trained >= weeks:
        return None
    share = 100
    for after, pct in zip(p.detrain_after_weeks, p.detrain_share_pct, strict=True):
        if weeks > after:
            share = pct
    return Aged(share / 100, f"from {day:%B %Y}", weeks)


def known_date(profile: Any) -> dt.date | None:
    """The date the profile's known loads were its working loads (None: undated)."""
    return getattr(profile, "known_loads_date", None)


def taken_words(given: str, a: Aged) -> str:
    """What the plan says of an aged start: the old load, when, and the share taken."""
    since = (
        f"{a.weeks} weeks before the plan starts" if a.weeks is not None else "from before a break of unknown length"
    )
    more = (
        ""
        if a.weeks is not None
        else " If you lift it now, give your consistent_strength_weeks; if it is from before a break, give "
        "known_loads_date (or the set's date)."
    )
    return (
        f"The {given} you gave for this lift, {a.when}, is taken as {round(a.share * 100)}% of its strength "
        f"({since}: after a break, strength and, more slowly, tolerance to heavy lowering come back over a few "
        f"weeks); the log builds it back.{more}"
    )


def find_words(ramp_sets: int) -> str:
    """The first session back of a lift given before a break: found from light, never past the load."""
    return (
        f"Find your weight from light: work up over {ramp_sets} or more sets to the load shown or less, never "
        "past it even if it feels easy, and log it; next week follows the log."
    )
