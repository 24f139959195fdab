"""Progression that carries across the whole plan: each exercise's dose this week steps
from its dose in the last loading week, whatever block, phase or rep range that was in.

A deload or taper repeats the last loading week's dose with less volume, the week after a
deload carries on from it, and a new phase's rep range is entered from where the lift was:
at about the same load (reps plus reps in reserve kept), moving toward the new range no
faster than the registry's weekly bounds on reps and on the load they imply (Epley's
estimate of 1RM, `e1rm_divisor`). Pure functions with doctests; `dosing` calls them.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from .params import Params

RPE_AT_FAILURE = 10  # the RPE scale's definition, not a methodology number: RPE = 10 - reps in reserve
_EPS = 1e-9


def ramp(start: int, step: int, per_week: int, ceiling: int) -> int:
    """A dose that rises `per_week` each weekly step from `start`, up to `ceiling`.

    >>> ramp(8, 2, 1, 12)
    10
    >>> ramp(20, 5, 5, 30)
    30
    """
    return min(start + step * per_week, ceiling)


class Carried(NamedTuple):
    """An exercise's dose in the last loading week, before a light day or a cut changed it:
    the week after steps from it. `rir` is the effort's reps in reserve (None unloaded),
    `load` the last working load in kg (None when none was set), `away` whether the lift
    was not done in the last loading week (it returns: `returning_reps`), `below` a new
    rung's rung below as (reps, reps in reserve) when that was a loaded lift (its first
    week's effort steps from it: `climbed_effort`). A tuple: weeks are remembered under their
    carry, so it is hashed often."""

    sets: int
    reps: int | None = None
    seconds: int | None = None
    contacts: int | None = None
    rir: float | None = None
    load: float | None = None
    below: tuple[int, float] | None = None
    away: bool = False


def new_rung(sets: int, below: tuple[int, float] | None = None) -> Carried:
    """What a lift just climbed to (ladder-climb) steps from: no reps or hold of its own yet
    and marked away, which no dose done in a week is; it starts at the bottom of its range.
    `below` is the loaded rung below's (reps, reps in reserve), which its effort steps from.

    >>> is_new_rung(new_rung(3)), is_new_rung(Carried(3, 12)), is_new_rung(None)
    (True, False, False)
    >>> is_new_rung(new_rung(2, (10, 3.0)))
    True
    """
    return Carried(sets, below=below, away=True)


def is_new_rung(c: Carried | None) -> bool:
    """Whether `c` is `new_rung`'s: a lift's first week on a harder rung of its ladder."""
    return c is not None and c.away and c.reps is None and c.seconds is None and c.contacts is None


def rir_of(kind: str, value: float | None) -> float | None:
    """Reps in reserve an effort target means: RIR as written, RPE as 10 - RPE.

    >>> rir_of("rpe", 8.0)
    2.0
    >>> rir_of("bodyweight", None) is None
    True
    """
    if kind == "rir":
        return value
    if kind == "rpe" and value is not None:
        return RPE_AT_FAILURE - value
    return None


def pct_1rm(reps_to_failure: float, divisor: float) -> float:
    """The share of 1RM a load lifted `reps_to_failure` times is, by Epley's estimate.

    >>> round(pct_1rm(10, 30), 3)
    0.75
    """
    return 1 / (1 + reps_to_failure / divisor)


def load_rise_pct(before: tuple[int, float], after: tuple[int, float], divisor: float) -> float:
    """How much heavier (%) the load implied by (reps, reps in reserve) `after` is than `before`.

    >>> round(load_rise_pct((10, 3), (10, 2), 30), 1)
    2.4
    >>> load_rise_pct((8, 2), (9, 2), 30) < 0
    True
    """
    return (pct_1rm(sum(after), divisor) / pct_1rm(sum(before), divisor) - 1) * 100


def nearer_failure(before: tuple[int, float], rir: float, p: Params) -> bool:
    """Whether one rep more than `before` (reps, reps in reserve) at `rir` asks a heavier load
    than `before` did: a week whose target comes nearer failure (as after a harder form's eased
    first week, ladder-climb) holds its reps at a held load, never raising reps and the load its
    effort implies together (linear-progression).

    >>> from runstrong.io.data_files import load_params
    >>> p = load_params()
    >>> nearer_failure((4, 5.0), 2.0, p), nearer_failure((10, 3.0), 2.0, p)
    (True, False)
    """
    return load_rise_pct(before, (before[0] + p.rep_step, rir), p.e1rm_divisor) > _EPS


def carried_reps(
    prev: tuple[int, float | None], lo: int, hi: int, rir: float | None, steps: int, p: Params
) -> tuple[int, float | None]:
    """Reps (and reps in reserve) this week, from last loading week's `prev` (reps, reps in
    reserve), in the range `lo`-`hi` at `rir`, `steps` rep steps on.

    The ideal keeps the load (reps + reps in reserve) and adds the steps, inside the range;
    the nearest reps to it are taken that rise at most `max_rep_step`, imply a load at most
    `max_implied_load_step_pct` heavier, and never raise reps and load together. When no reps do
    (a much harder effort target), that week's effort is eased a rep at a time.

    >>> from runstrong.io.data_files import load_params
    >>> p = load_params()  # (compared with ==: the context's memo may hold 3 where 3.0 is asked)
    >>> carried_reps((10, 3.0), 8, 12, 3.0, 1, p) == (11, 3.0)  # within a range: a rep on
    True
    >>> carried_reps((7, 2.0), 10, 15, 2.0, 1, p) == (9, 2.0)  # into a higher range: at most two reps a week
    True
    >>> carried_reps((12, 3.0), 4, 6, 2.0, 1, p) == (9, 2.0)  # into a heavy range: the load rises in bounds
    True
    """
    reps, prev_rir = prev
    top = reps + p.max_rep_step
    if prev_rir is None or rir is None:  # unloaded: reps alone
        return min(max(reps + steps * p.rep_step, lo), hi, top), rir
    ideal = min(max(round(reps + prev_rir - rir) + steps * p.rep_step, lo), hi)
    effort = rir
    while True:
        allowed = [r for r in range(1, top + 1) if _allowed((reps, prev_rir), (r, effort), p)]
        if allowed:
            return min(allowed, key=lambda r: (abs(r - ideal), -r)), effort
        effort += 1  # terminates: at `prev_rir` or more, the same reps imply no heavier load


CLIMB_EASED = (  # what a harder form's first week says when `climbed_effort` eased it
    "A harder form: reps start again at the bottom of the range, {lo} at {rir} reps in reserve, "
    "so the load it asks rises no more than a week's step from the {was} reps of the rung below."
)


def climbed_effort(below: tuple[int, float], reps: int, rir: float, p: Params) -> float:
    """The reps in reserve a loaded lift's first week on a harder form asks at `reps` (the
    bottom of its range): the week's `rir`, eased a rep at a time until the load it implies
    rises no more than `max_implied_load_step_pct` over the rung below's `below` (reps, reps
    in reserve), as a lift entering a new range does (`carried_reps`). A harder form of the
    movement is never lighter work than the easier one at the same effort, so the bound
    holds for it too (ladder-climb, progression-carries-over).

    >>> from runstrong.io.data_files import load_params
    >>> p = load_params()
    >>> climbed_effort((10, 3.0), 4, 2.0, p)  # 2 x 10 at RIR 3 to 4 reps: RIR 6, not RPE 8
    6.0
    >>> climbed_effort((6, 2.0), 6, 3.0, p)  # already in bounds: the week's effort
    3.0
    """
    effort = rir
    while load_rise_pct(below, (reps, effort), p.e1rm_divisor) > p.max_implied_load_step_pct + _EPS:
        effort += 1  # terminates: reps + reserve reach the rung below's, a load no heavier
    return effort


def _allowed(before: tuple[int, float], after: tuple[int, float], p: Params) -> bool:
    rise = load_rise_pct(before, after, p.e1rm_divisor)
    return rise <= p.max_implied_load_step_pct + _EPS and not (after[0] > before[0] and rise > _EPS)


def returning_reps(prev: int, lo: int, hi: int, steps: int, p: Params) -> int:
    """Reps for a lift back after a block away: its last reps a step on, inside this block's
    range at once (a lower range starts at its top, so the load holds or steps once).

    >>> from runstrong.io.data_files import load_params
    >>> p = load_params()
    >>> returning_reps(11, 8, 12, 1, p), returning_reps(11, 4, 6, 1, p), returning_reps(5, 8, 12, 1, p)
    (12, 6, 8)
    """
    return min(max(prev + steps * p.rep_step, lo), hi)


def carried_seconds(prev: int, steps: int, ceiling: int, p: Params) -> int:
    """Hold seconds this week: `steps` hold steps on from last loading week's, to the ceiling.

    >>> from runstrong.io.data_files import load_params
    >>> carried_seconds(30, 1, 40, load_params())
    35
    """
    return min(prev + steps * p.hold_step, max(ceiling, prev))


def carried_contacts(prev: int, steps: int, fresh: int, factor: float, p: Params) -> int:
    """Contacts per set this week from last loading week's `prev`: a step on, or toward
    `fresh` (the phase's own count) when the phase asks for more, within the weekly bound;
    fewer at once when the phase asks for fewer.

    >>> from runstrong.io.data_files import load_params
    >>> carried_contacts(10, 1, 8, 1.0, load_params())
    12
    >>> carried_contacts(10, 1, 20, 1.25, load_params())
    14
    """
    nxt = prev + steps * p.plyo_contacts_step
    if factor < 1:
        return max(1, min(nxt, fresh))
    return min(max(nxt, fresh), prev + p.max_contacts_step)


def next_load(load: float, reps: int, steps: int, lo: int, hi: int, p: Params) -> tuple[float, int]:
    """Working load and reps `steps` weeks on from (`load`, `reps`): the load rises about
    `load_step_pct` a week, rounded down to a plate step; when rounding stalls it, reps rise
    instead, and at the top of the range one plate step goes on and reps go back to the
    bottom (never reps and load together, never more than `max_load_step_pct`).

    >>> from runstrong.io.data_files import load_params
    >>> p = load_params()
    >>> next_load(60.0, 4, 1, 4, 6, p), next_load(60.0, 6, 1, 4, 6, p)
    ((60.0, 5), (62.5, 4))
    >>> next_load(120.0, 5, 1, 4, 6, p)
    (122.5, 5)
    """
    reps = min(max(reps, lo), hi)
    unit = p.load_rounding_kg
    for _ in range(steps):
        target = math.floor(load * (1 + p.load_step_pct / 100) / unit) * unit
        if target > load:
            load = target
        elif reps < hi:
            reps = min(reps + p.rep_step, hi)
        elif (unit / load) * 100 <= p.max_load_step_pct + _EPS:
            load, reps = load + unit, lo
    return load, reps


def progressed_load(known: float, step: int, p: Params) -> tuple[float, int]:
    """Load after `step` weekly steps, and how many steps could not raise it (to go to reps).

    The target compounds `load_step_pct` a week from the known load and is rounded down to
    a loadable plate step; a single week never rises more than `max_load_step_pct`. When
    rounding leaves the load where it was, that week progresses reps instead.
    """
    unit = p.load_rounding_kg
    load = math.floor(known / unit) * unit
    stalled = 0
    for k in range(1, step + 1):
        target = math.floor(known * (1 + p.load_step_pct / 100) ** k / unit) * unit
        ceiling = math.floor(load * (1 + p.max_load_step_pct / 100) / unit) * unit
        nxt = min(target, ceiling)
        if nxt <= load:
            stalled += 1
        load = max(load, nxt)
    return load, stalled


def step_text(
    c: Carried | None, sets: int, reps: int | None, rir: float | None, rep_step: int, eased: bool = False
) -> str:
    """What this week's dose changed from the last loading week's, in words that stay true
    when a phase change moves the range (fewer reps nearer failure) or a set is added.

    >>> step_text(Carried(3, 8, rir=3), 3, 9, 3, 1)
    'Reps up 1 a week, effort unchanged.'
    >>> print(step_text(Carried(3, 9, rir=3), 4, 7, 2, 1))
    From last week: 9 -> 7 reps, 3 -> 4 sets, nearer failure (the new phase's range).

    A carried dose of 0 sets is one whose sets are not known here (dosing reads a carried
    lift's reps and effort, not its sets: the session's room sets them), so sets go unsaid:

    >>> step_text(Carried(0, 9, rir=3), 4, 10, 3, 1)
    'Reps up 1 a week, effort unchanged.'

    On a day the week eases (a light day before a key run) the sets and effort shown are the
    easing's, which its own reason states: the step names the reps alone, which it does not touch
    ("11 -> 13 reps, nearer failure" once stood beside one set at RIR 4 after two at RIR 3):

    >>> print(step_text(Carried(2, 11, rir=3), 1, 13, 2, 1, eased=True))
    From last week: 11 -> 13 reps (the new phase's range).
    """
    if c is None or c.reps is None or reps is None:
        return f"Reps up {rep_step} a week" + ("." if eased else ", effort unchanged.")
    if eased:
        return _reps_step_text(c.reps, reps, rep_step)
    same_sets = sets == c.sets or not c.sets
    if same_sets and reps == c.reps + rep_step and rir == c.rir:
        return f"Reps up {rep_step} a week, effort unchanged."
    said = [f"{c.reps} -> {reps} reps"] if reps != c.reps else []
    said += [] if same_sets else [f"{c.sets} -> {sets} sets"]
    if rir is not None and c.rir is not None and rir != c.rir:
        said.append("nearer failure" if rir < c.rir else "further from failure")
    if not said:
        return "The same dose as last week." if c.sets else "The same reps and effort as last week."
    why = " (the new phase's range)" if reps < c.reps or reps > c.reps + rep_step else ""
    return "From last week: " + ", ".join(said) + why + "."


def _reps_step_text(before: int, reps: int, rep_step: int) -> str:
    if reps == before + rep_step:
        return f"Reps up {rep_step} a week."
    if reps == before:
        return "The same reps as last week."
    return f"From last week: {before} -> {reps} reps (the new phase's range)."
