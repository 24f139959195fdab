"""How `today` reads a logged set against the stored plan's day it was lifted on, the way the
replan reads it (`load_starts.starts`, `set_states.from_set`; load-autoregulation): a set of the
very load a day planned, every rep done, logged harder, on a day after the lift's first lived day,
rates that load however the lift started (an estimate's bounded drop applies, cr26a F12), and one
such hard week holds the load rather than lowering it (cr23a F12). Pure and free of pydantic: the
light read path (`store/light_read`) uses it too, over stored JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from . import loads as ld

# the days before a log whose stored sessions say whether it fell on the lift's first lived day (its
# find-your-weight day): a lift is planned every week, deloads included, so four weeks find any day
# before it; a lift new to the plan has none
LOOKBACK_DAYS = 28

LivedDays = Mapping[tuple[str, Any], Any]  # (lift, day) -> the stored plan's block that day (a load's only)


def lived_days(sessions: Iterable[Any], days: Iterable[Any]) -> dict[tuple[str, Any], Any]:
    """The blocks with a load that stored `sessions` planned on `days`, by lift and day (the
    sessions' and the days' dates alike: dates, or ISO strings on the light path)."""
    wanted = set(days)
    return {
        (b.exercise_id, x.date): b
        for x in sessions
        if x.date in wanted
        for b in x.blocks
        if b.prescription.load_kg is not None
    }


def lookback(day: dt.date) -> list[dt.date]:
    """`day` and the `LOOKBACK_DAYS` before it, the days `lived_days` reads for a log of `day`."""
    return [day - dt.timedelta(days=n) for n in range(LOOKBACK_DAYS + 1)]


def first_lived(lived: LivedDays, lift: str, day: Any) -> bool:
    """Whether no stored day of `lift` came before `day` (the log was its find-your-weight day)."""
    return not any(x == lift and d < day for x, d in lived)


def log_reading(find_weight: bool, last: Any, day: Any, first: bool, p: Any) -> tuple[bool, bool]:
    """(estimate, hold) for a block whose lift's last set is `last`, lifted on a day the stored plan
    gave `day` (its block, or None). `estimate`: the planned load is an estimate the log sets however
    far from it (`find_weight`), unless the set rates the day's very load (all its reps, harder than
    planned, after the lift's `first` day). `hold`: that rated set, or a known load's, is one hard
    week, read as noise: the load holds at the one lifted (a second hard week in a row lowers it on
    the replan).

    >>> from types import SimpleNamespace as NS
    >>> p = NS(autoreg_assumed_rir=2, e1rm_formula="epley", e1rm_max_reps=15, load_step_pct=2.5)
    >>> planned = NS(reps=8, load_kg=34.0, intensity=NS(kind="rir", value=3.0))
    >>> day = NS(prescription=planned)
    >>> log_reading(True, NS(reps=8, load_kg=34.0, rir=1, rpe=None), day, False, p)  # rated: held
    (False, True)
    >>> log_reading(True, NS(reps=8, load_kg=34.0, rir=1, rpe=None), day, True, p)  # its first day: found
    (True, False)
    >>> log_reading(True, NS(reps=8, load_kg=26.0, rir=3, rpe=None), day, False, p)  # lighter: the log stands
    (True, False)
    >>> log_reading(False, NS(reps=8, load_kg=34.0, rir=2, rpe=None), day, False, p)  # a rep harder: held
    (False, True)
    >>> log_reading(False, NS(reps=8, load_kg=38.0, rir=2, rpe=None), day, False, p)  # heavier: not harder
    (False, False)
    """
    if day is None:
        return find_weight, False
    planned = day.prescription
    load, reps = planned.load_kg or 0.0, planned.reps or 0
    done = last.reps >= reps and last.load_kg >= load - 1e-9
    wanted = ld.rir_of(planned.intensity.kind, planned.intensity.value, p.autoreg_assumed_rir)
    rir = ld.rir_of("rpe" if last.rpe is not None else "rir", last.rpe if last.rpe is not None else last.rir,
                    p.autoreg_assumed_rir)  # fmt: skip
    rated = done and abs(last.load_kg - load) < 1e-6 and rir < wanted - 1e-9 and not first
    estimate = find_weight and not rated
    if not done or estimate or not reps:
        return estimate, False
    # the replan reads a harder set against the e1RM its walk expected that week, which the day's dose
    # only rounds down (a kit step held while the reps climbed): any set of the day's dose, every rep
    # done, that shows less than the dose holds there (a rep harder or three; cr23a F12)
    expected = ld.e1rm(load, reps, wanted, p.e1rm_formula, p.e1rm_max_reps)
    logged = ld.e1rm(last.load_kg, last.reps, rir, p.e1rm_formula, p.e1rm_max_reps)
    return estimate, logged < expected - 1e-9


def never_both(kg: float, reps: int | None, last: Any, day: Any, estimate: bool) -> float:
    """A followed load on a day whose reps rise past the set's: no heavier than the load lifted,
    nor, for a known load, than the day it was lifted on planned (a rep or a load step a week,
    never both: linear-progression; the replan's walk holds the load while the reps climb, the kit's
    step waiting). An estimate's log stands as lifted (cr20a #4).

    >>> from types import SimpleNamespace as NS
    >>> day, last = NS(prescription=NS(load_kg=30.0)), NS(reps=9, load_kg=36.0)
    >>> never_both(32.0, 10, last, day, False), never_both(40.0, 10, last, day, True)
    (30.0, 36.0)
    >>> never_both(32.0, 9, last, day, False)  # the reps hold: the load may step
    32.0

    """
    if not reps or reps <= last.reps:
        return kg
    cap = last.load_kg
    if not estimate and day is not None and day.prescription.load_kg is not None:
        cap = min(cap, day.prescription.load_kg)
    return min(kg, cap)
