"""Choosing the week's sessions and their days when the week is tight.

The options are weighed: keeping heavy work on a poor day, lightening a session, swapping
hops out, or (last) dropping the third session; each concession has a price in the
registry, and the cheapest placement of all wins.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .compose import Planned
from .context import PlanningContext
from .model import Category, Reason, Session, why
from .params import Params
from .schedule import DayInfo, Placement, SessionSpec, place_week

ALL_HEAVY = frozenset({Category.posterior_chain, Category.single_leg_power})
HEAVY_CHOICES = (ALL_HEAVY, frozenset({Category.posterior_chain}), frozenset())
# last week's sessions: date, focus (its value: plain tuples the collector untracks), plyometric
Previous = tuple[tuple[dt.date, str, bool], ...]


def carried_previous(previous: Previous, sessions: Iterable[Session]) -> Previous:
    """What the next week's placement knows of the sessions before it: this week's (their
    distance across the week boundary, and their weekdays) and, for a focus this week went
    without (a week with fewer sessions), its latest session before, so that it goes back to
    its usual weekday (consistent-rhythm). Older entries first: this week's win."""
    now = tuple((s.date, s.focus.value, s.plyometric) for s in sessions)
    focuses = {focus for _, focus, _ in now}
    return tuple(e for e in previous if e[1] not in focuses) + now


Compose = Callable[[int, frozenset[Category], bool], list[Planned]]


def sessions_word(n: int) -> str:
    return f"{n} session" + ("" if n == 1 else "s")


def placed(
    ctx: PlanningContext, days: tuple[DayInfo, ...], roster: tuple[SessionSpec, ...], previous: Previous, double: bool
) -> Placement | None:
    """`place_week`, remembered on the context (its arguments are all values)."""
    key = (days, roster, previous, double)
    memo = ctx.memo.placements
    if key in memo:
        return memo[key]
    return memo.put(key, place_week(days, roster, previous, double, ctx.params))


@dataclass(frozen=True, slots=True)
class Option:
    cost: float
    order: int
    planned: list[Planned]
    placement: Placement
    notes: tuple[Reason, ...]


@dataclass(frozen=True, slots=True)
class Week:
    """What placement needs of the week: its days, last week's sessions, how many sessions
    the methodology asks for, and whether the runner lifts after a speed run."""

    days: tuple[DayInfo, ...]
    previous: Previous
    sessions: int
    allow_double: bool


def best_option(ctx: PlanningContext, week: Week, compose: Compose) -> Option | None:
    """The cheapest way to place the week, counting each concession's price."""
    p = ctx.params
    counts = [week.sessions]
    if week.sessions > p.foundation_sessions:
        counts.append(p.foundation_sessions)
    best: Option | None = None
    order = 0
    for n in counts:
        dropped = (week.sessions - n) * p.dropped_session_penalty
        if best is not None and best.cost <= dropped:
            break
        wanted = compose(n, ALL_HEAVY, True)
        for plyo_ok in (True, False):
            for heavy in HEAVY_CHOICES:
                order += 1
                found = _priced(ctx, week, compose, wanted, n, heavy, plyo_ok, best, order)
                if found is not None and (best is None or (found.cost, found.order) < (best.cost, best.order)):
                    best = found
            if best is not None:
                break  # hops are swapped out only when no placement keeps them
        if best is not None and n == counts[0]:
            break  # a full week fits: never drop the third session to save a few points
    return best


def _priced(
    ctx: PlanningContext,
    week: Week,
    compose: Compose,
    wanted: list[Planned],
    n: int,
    heavy: frozenset[Category],
    plyo_ok: bool,
    best: Option | None,
    order: int,
) -> Option | None:
    """One option's placement and full price, or None when it cannot beat `best` or fit."""
    p = ctx.params
    wanted_heavy = [x.focus for x in wanted if x.spec.heavy]
    dropped = week.sessions - n
    floor = sum(downgrade_price(f, p) for f in wanted_heavy if f not in heavy)
    if best is not None and best.cost <= floor + dropped * p.dropped_session_penalty:
        return None  # even a perfect placement of this option could not be cheaper
    planned = compose(n, heavy, plyo_ok)
    placement = placed(ctx, week.days, tuple(x.spec for x in planned), week.previous, week.allow_double)
    if placement is None:
        return None
    kept_heavy = {x.focus for x in planned if x.spec.heavy}
    lightened = len(wanted_heavy) - len(kept_heavy)
    swapped = sum(x.spec.plyometric for x in wanted) - sum(x.spec.plyometric for x in planned)
    cost = (
        placement.score
        + sum(downgrade_price(f, p) for f in wanted_heavy if f not in kept_heavy)
        + swapped * p.plyo_swap_penalty
        + dropped * p.dropped_session_penalty
    )
    return Option(cost, order, planned, placement, concessions(lightened, swapped, dropped, n))


def downgrade_price(focus: Category, p: Params) -> int:
    """What losing a session's heavy work costs: the posterior chain's heavy hinge is the
    plan's main heavy stimulus, so it is dearer than a single-leg session's (pair-with-easy-day)."""
    return p.heavy_downgrade_posterior_penalty if focus == Category.posterior_chain else p.heavy_downgrade_penalty


def least_bad(
    ctx: PlanningContext, week: Week, compose: Compose, n: int, warnings: list[str]
) -> tuple[list[Planned], Placement, list[Reason]]:
    """Fewer sessions than the methodology asks, or none, rather than a broken hard rule."""
    for fewer in range(n - 1, 0, -1):
        planned = compose(fewer, frozenset(), False)
        placement = placed(ctx, week.days, tuple(x.spec for x in planned), week.previous, week.allow_double)
        if placement is not None:
            wanted = max(n, week.sessions)  # the week's own count (a third session once earned), not the floor
            warnings.append(f"only {fewer} of {wanted} sessions fit around the runs and training days.")
            text = (
                f"Only {fewer} of {wanted} sessions fit around your runs and training days: the hard rules come first."
            )
            notes = [why("foundation-two-sessions", text)]
            return planned, placement, notes
    warnings.append("no session fits around this week's runs; the week has no strength.")
    return [], Placement(days=(), score=0.0, reasons=()), []


def concessions(lightened: int, swapped: int, dropped: int, n: int) -> tuple[Reason, ...]:
    out = []
    if lightened:
        out.append(
            why(
                "no-heavy-near-speed",
                f"{sessions_word(lightened)} without heavy work: no day this week keeps it away from "
                "speed days, key runs and the race without a worse trade-off.",
            )
        )
    if swapped:
        out.append(why("taper", "Hops and jumps are swapped out: they would fall too near the race."))
    if dropped:
        out.append(
            why(
                "no-consecutive-strength-days",
                f"Only {n} of {n + dropped} sessions fit this week: sessions keep a day apart, last week's too, "
                "on your training days.",
            )
        )
    return tuple(out)
