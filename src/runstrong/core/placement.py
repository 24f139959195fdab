"""Choosing the week's sessions and their days when the week is tight.

The options are weighed: keeping heavy work on a poor day, lightening a session, swapping
hops out, or (last) dropping the third session; each concession has a price in the
registry, and the cheapest placement of all wins.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .compose import Planned
from .context import PlanningContext
from .model import Category, Reason, RunType, Session, why
from .params import Params
from .schedule import Ahead, DayInfo, Placement, SessionSpec, place_week

ALL_HEAVY = frozenset({Category.posterior_chain, Category.single_leg_power})
HEAVY_CHOICES = (ALL_HEAVY, frozenset({Category.posterior_chain}), frozenset())
# last week's sessions: date, focus (its value: plain tuples the collector untracks), plyometric
Previous = tuple[tuple[dt.date, str, bool], ...]


def carried_previous(previous: Previous, sessions: Iterable[Session]) -> Previous:
    """What the next week's placement knows of the sessions before it: this week's (their
    distance across the week boundary, and their weekdays) and, for a focus this week went
    without (a week with fewer sessions), its latest session before, so that it goes back to
    its usual weekday (consistent-rhythm). Older entries first: this week's win."""
    return carried_entries(previous, tuple((s.date, s.focus.value, s.plyometric) for s in sessions))


def carried_entries(previous: Previous, now: Previous) -> Previous:
    """`carried_previous` of a week's sessions given as (date, focus's value, plyometric)."""
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
    ahead: float = 0.0  # what its sessions on the week's last days cost the weeks after (consistent-rhythm)
    costs_next: bool = False  # they leave next week short of a session it could otherwise hold
    warning: str = ""  # the plan's warning when it keeps fewer sessions for next week's days
    swapped: int = 0  # sessions whose hops were swapped out


@dataclass(frozen=True, slots=True)
class Week:
    """What placement needs of the week: its days, last week's sessions, how many sessions
    the methodology asks for, and whether the runner lifts after a speed run; and the next
    week's days and sessions, which a session on this week's last days can take days from."""

    days: tuple[DayInfo, ...]
    previous: Previous
    sessions: int
    allow_double: bool
    following: tuple[Ahead, ...] = ()  # the next weeks, as far as consistent-rhythm looks ahead


def best_option(ctx: PlanningContext, week: Week, compose: Compose) -> Option | None:
    """The cheapest way to place the week, counting each concession's price and what the
    week's last days cost the weeks after (`ahead`). A week never buys a day with next week's
    session: an option whose last days leave next week short of a session it could otherwise
    hold loses to any that does not, a third session dropped included (consistent-rhythm)."""
    p = ctx.params
    counts = [week.sessions]
    if week.sessions > p.foundation_sessions:
        counts.append(p.foundation_sessions)
    best: Option | None = None
    full: Option | None = None  # the best placement of the full count, when one fits
    memo: dict[tuple, object] = {}  # later weeks' prices, shared by the options
    order = 0
    for n in counts:
        dropped = (week.sessions - n) * p.dropped_session_penalty
        if best is not None and not best.costs_next and best.cost <= dropped:
            break
        wanted = compose(n, ALL_HEAVY, True)
        mine: Option | None = None  # the best placement of `n` sessions: the fewest hops swapped first
        for keeps in _hop_choices(wanted):
            for keep in keeps:
                for heavy in HEAVY_CHOICES:
                    order += 1
                    found = _priced(ctx, week, compose, wanted, n, heavy, keep, _bar(mine, best), order, memo)
                    if found is not None and (mine is None or _kept_hops(found) < _kept_hops(mine)):
                        mine = found
            if mine is not None and not mine.costs_next:
                break  # hops are swapped out only when no placement keeps them
        if mine is not None and (best is None or _rank(mine) < _rank(best)):
            best = mine
        if n == counts[0]:
            full = best
            if best is not None and not best.ahead and not best.costs_next:
                break  # a full week fits: never drop the third session to save a few points
    if best is not None and full is not None and best is not full:
        return _kept_rhythm(best, full, week, p)
    return best


# which sessions keep their hops: every one (None), or those of the set (by place in the roster)
Keep = frozenset[int] | None


def _hop_choices(wanted: list[Planned]) -> tuple[tuple[Keep, ...], ...]:
    """The ways to keep the week's hops, best first: every session's; then the sets of one
    fewer, of two fewer, ..., none, each size a group whose sets are priced against each
    other. A group with a placement ends the search, so hops are swapped out only when no
    placement keeps them: a session with hops moves to a day free of a long run, at a worse
    day's price, before a second session's hops go (a session on a long run's day swaps its
    own hops, not the week's: plyometrics-fresh-legs)."""
    jumps = [k for k, x in enumerate(wanted) if x.spec.plyometric]
    fewer = tuple(tuple(frozenset(c) for c in itertools.combinations(jumps, r)) for r in range(len(jumps) - 1, -1, -1))
    return ((None,), *fewer)


def _composed(compose: Compose, n: int, heavy: frozenset[Category], keep: Keep) -> list[Planned]:
    """The week's sessions with the hops of those in `keep` (all when None), the others' swapped out."""
    if keep is None or not keep:
        return compose(n, heavy, keep is None)
    plain = compose(n, heavy, False)
    return [x if k in keep else plain[k] for k, x in enumerate(compose(n, heavy, True))]


def _rank(option: Option) -> tuple[bool, float, int]:
    return option.costs_next, option.cost, option.order


def _bar(*options: Option | None) -> Option | None:
    """The cheapest of `options` that leaves next week its sessions: an option that cannot
    cost less is not priced (those of the same hops' group, or another session count's)."""
    return min((o for o in options if o is not None and not o.costs_next), key=lambda o: o.cost, default=None)


def _kept_hops(option: Option) -> tuple[bool, int, float, int]:
    """An option's rank among those of its session count: the fewest hops swapped out before
    the price, so that a session with hops takes a day free of a long run, at a worse day's
    price, whenever the hard rules leave it one (plyometrics-fresh-legs)."""
    return option.costs_next, option.swapped, option.cost, option.order


def closing_reach(p: Params) -> int:
    """Days before a session within which another may not start: the wider of the strength
    and the jumps' spacing (no-consecutive-strength-days, plyometric-spacing)."""
    return max(p.min_days_between, -(-p.plyo_min_hours // 24))


def _closing_days(days: tuple[DayInfo, ...], after: Ahead, p: Params) -> frozenset[int]:
    """The days (indexes) of a week a session on which would close a day the next week could
    train on: the week's last day, most often, against the next week's first."""
    if not after.sessions:
        return frozenset()
    first = next((d.date for d in after.days if d.available and d.strength_ok and not d.recovering), None)
    if first is None:
        return frozenset()
    reach = closing_reach(p)
    return frozenset(k for k, day in enumerate(days) if (first - day.date).days < reach)


@dataclass(frozen=True, slots=True)
class Span:
    """A week being priced, with the weeks after it, and what was priced of them for this
    week's choice (by how many weeks remain and the sessions before)."""

    days: tuple[DayInfo, ...]
    previous: Previous
    following: tuple[Ahead, ...]
    allow_double: bool
    memo: dict[tuple, object]


def _with_next_week(
    ctx: PlanningContext, span: Span, roster: tuple[SessionSpec, ...], placement: Placement
) -> tuple[Placement, float, bool]:
    """The placement, what it costs the weeks after, and whether it leaves next week short of a
    session: a session on the week's last days can take next week's first training day, and
    with it push that week, and every week after that keeps the rhythm, onto worse days or
    fewer sessions (consistent-rhythm). Its price is what the weeks after pay for them, against
    the same week without them; when they leave next week short, the same sessions go on the
    week's other days if they fit there (a week never buys a day with next week's session)."""
    if not span.following:
        return placement, 0.0, False
    closing = _closing_days(span.days, span.following[0], ctx.params)
    if not closing.intersection(placement.days):
        return placement, 0.0, False
    now = tuple((i, s.focus.value, s.plyometric) for s, i in zip(roster, placement.days, strict=True))
    without = _after(ctx, span, tuple(e for e in now if e[0] not in closing))
    if without.full is not None and not _takes(span, placement.days, closing, without.full, ctx.params):
        return placement, 0.0, False  # next week would not train on the days these sessions close
    after = _after(ctx, span, now)
    short = after.full is None and without.full is not None
    price = max(0.0, after.cost(ctx) - without.cost(ctx))
    if not price and not short:
        return placement, 0.0, False
    if short:  # the same sessions on the week's other days, if they fit there
        days = tuple(d._replace(available=False) if k in closing else d for k, d in enumerate(span.days))
        kept = placed(ctx, days, roster, span.previous, span.allow_double)
        if kept is not None:
            return kept, 0.0, False
    return placement, price, short


def _takes(span: Span, days: tuple[int, ...], closing: frozenset[int], nxt: Placement, p: Params) -> bool:
    """Whether this week's sessions on its closing days fall too near a day `nxt` (next week's
    placement without them) trains on."""
    reach = closing_reach(p)
    mine = [span.days[i].date for i in days if i in closing]
    theirs = [span.following[0].days[j].date for j in nxt.days]
    return any((b - a).days < reach for a in mine for b in theirs)


@dataclass(frozen=True, slots=True)
class _Next:
    """The next week after this week's sessions: its span and its full count of plain sessions
    placed (None when they do not fit)."""

    span: Span
    sessions: int
    full: Placement | None

    def cost(self, ctx: PlanningContext) -> float:
        """Its price with the weeks after it (`_week_cost`)."""
        return _week_cost(ctx, self.span, self.sessions)


def _after(ctx: PlanningContext, span: Span, now: tuple[tuple[int, str, bool], ...]) -> _Next:
    """The next week after this week's sessions `now` (day index, focus's value, plyometric)."""
    after = span.following[0]
    carried = carried_entries(span.previous, tuple((span.days[i].date, f, jumps) for i, f, jumps in now))
    nxt = Span(after.days, carried, span.following[1:], span.allow_double, span.memo)
    full = placed(ctx, after.days, _plain_roster(after.sessions, ctx.params), carried, span.allow_double)
    return _Next(nxt, after.sessions, full)


def _week_cost(ctx: PlanningContext, span: Span, sessions: int) -> float:
    """A later week's cheapest placement of `sessions` after `span.previous`, with what it
    costs the weeks after it in turn: its days and the sessions it must drop, for plain
    sessions of the registry's focuses (what a week's heavy work or hops need is its own)."""
    key = (sessions, tuple(a.sessions for a in span.following), _settled(span.previous, span.days[0].date))
    hit = span.memo.get(key)
    if hit is not None:
        return hit  # type: ignore[return-value]
    p = ctx.params
    cost = float(sessions * p.dropped_session_penalty)
    for k in range(sessions, 0, -1):
        dropped = (sessions - k) * p.dropped_session_penalty
        if dropped >= cost:
            break
        roster = _plain_roster(k, p)
        at = placed(ctx, span.days, roster, span.previous, span.allow_double)
        if at is not None:
            at, ahead, _ = _with_next_week(ctx, span, roster, at)
            cost = min(cost, at.score + ahead + dropped)
            if not ahead:
                break  # it fits and takes nothing from the weeks after: fewer could not cost less
    span.memo[key] = cost
    return cost


def _settled(previous: Previous, start: dt.date) -> Previous:
    """`previous` with each session from before last week moved to its weekday two weeks back:
    it placed the week the same (only its weekday counts), so later weeks share a price."""
    long_ago = start - dt.timedelta(days=7)
    return tuple(
        (start - dt.timedelta(days=14 - d.weekday()), f, jumps) if d < long_ago else (d, f, jumps)
        for d, f, jumps in previous
    )


def _plain_roster(n: int, p: Params) -> tuple[SessionSpec, ...]:
    """The first `n` focuses' sessions as a later week's price reads them: nothing heavy, no
    hops, leg work in each."""
    return tuple(SessionSpec(Category(f), heavy=False, plyometric=False, legs=True) for f in p.focus_order[:n])


def _kept_rhythm(best: Option, full: Option, week: Week, p: Params) -> Option:
    """`best`, fewer sessions than the full count that fitted, saying why: the full week's
    session on its last days would take next week's first training day."""
    after = week.following[0]
    day = max(week.days[i].date for i in full.placement.days if i in _closing_days(week.days, after, p))
    taken = next(d.date for d in after.days if d.available and d.strength_ok and (d.date - day).days < closing_reach(p))
    n = len(best.planned)
    text = (
        f"{n} of {week.sessions} sessions, on your usual days: another would have to go on the "
        f"{day:%A} and would then take next week's {taken:%A} (sessions keep a day apart), "
        "moving the weeks after it onto worse days or fewer sessions."
    )
    notes = tuple(r for r in best.notes if r.rule_id != "no-consecutive-strength-days")
    warning = (
        f"only {n} of {week.sessions} sessions, to keep your usual days: another would go on a {day:%A} "
        f"and take the {taken:%A} after it."
    )
    return replace(best, notes=(*notes, p.why("consistent-rhythm", text)), warning=warning)


def _priced(
    ctx: PlanningContext,
    week: Week,
    compose: Compose,
    wanted: list[Planned],
    n: int,
    heavy: frozenset[Category],
    keep: Keep,
    best: Option | None,
    order: int,
    memo: dict[tuple, object],
) -> Option | None:
    """One option's placement and full price, or None when it cannot beat `best` or fit."""
    p = ctx.params
    wanted_heavy = [x.focus for x in wanted if x.spec.heavy]
    dropped = week.sessions - n
    floor = sum(downgrade_price(f, p) for f in wanted_heavy if f not in heavy)
    if best is not None and not best.costs_next and best.cost <= floor + dropped * p.dropped_session_penalty:
        return None  # even a perfect placement of this option could not be cheaper
    planned = _composed(compose, n, heavy, keep)
    placement = placed(ctx, week.days, tuple(x.spec for x in planned), week.previous, week.allow_double)
    if placement is None:
        return None
    following = tuple(a.for_count(n) for a in week.following)  # a taper ahead holds what the loading weeks did
    span = Span(week.days, week.previous, following, week.allow_double, memo)
    placement, ahead, costs_next = _with_next_week(ctx, span, tuple(x.spec for x in planned), placement)
    kept_heavy = {x.focus for x in planned if x.spec.heavy}
    lightened = len(wanted_heavy) - len(kept_heavy)
    swapped = sum(x.spec.plyometric for x in wanted) - sum(x.spec.plyometric for x in planned)
    cost = (
        placement.score
        + sum(downgrade_price(f, p) for f in wanted_heavy if f not in kept_heavy)
        + swapped * p.plyo_swap_penalty
        + dropped * p.dropped_session_penalty
        + ahead
    )
    notes = concessions(lightened, swapped, dropped, n, week.days, p)
    return Option(cost, order, planned, placement, notes, ahead, costs_next=costs_next, swapped=swapped)


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


def concessions(
    lightened: int, swapped: int, dropped: int, n: int, days: tuple[DayInfo, ...], p: Params
) -> tuple[Reason, ...]:
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
        out.append(_swapped_note(days, p))
    if dropped:
        out.append(
            why(
                "no-consecutive-strength-days",
                f"Only {n} of {n + dropped} sessions fit this week: sessions keep a day apart, last week's too, "
                "on your training days.",
            )
        )
    return tuple(out)


def _swapped_note(days: tuple[DayInfo, ...], p: Params) -> Reason:
    """Why the week's hops were swapped out: the race's last days, the long runs' days and the
    days after them (plyometrics-fresh-legs), or the jumps of the sessions around it."""
    rule = swap_rule(days)
    if rule == "taper":
        return why("taper", "Hops and jumps are swapped out: they would fall too near the race.")
    return p.why(rule, _SWAP_WORDS[rule][0])


def swap_rule(days: tuple[DayInfo, ...]) -> str:
    """The rule that swaps the week's hops out when placement has to: the taper's (a training
    day inside the race's last days), plyometrics-fresh-legs (a long run's day) or plyometric-spacing."""
    open_days = [d for d in days if d.available and d.strength_ok and not d.recovering]
    if any(not d.plyo_ok for d in open_days):
        return "taper"
    if any(RunType.long in d.runs for d in open_days):
        return "plyometrics-fresh-legs"
    return "plyometric-spacing"


def in_place_of_hops(days: tuple[DayInfo, ...], p: Params) -> Reason | None:
    """What a hop-free stand-in says in a week whose hops are swapped out for a reason other
    than the race (None for the race: the stand-in's own words, `selection.IN_PLACE_OF_HOPS`).
    Only the taper's swap holds the block's dose (carry, fill); a build week's stand-in is
    loading work, which the next week climbs from (dose-plyometric)."""
    rule = swap_rule(days)
    return None if rule == "taper" else p.why(rule, _SWAP_WORDS[rule][1])


_SWAP_WORDS = {  # the week's note, the stand-in's reason
    "plyometrics-fresh-legs": (
        "Hops and jumps are swapped out this week: the days that could hold them fall on a long run's day, "
        "and landings need fresh legs.",
        "In place of hops and jumps this week: the days that could hold them fall on a long run's day.",
    ),
    "plyometric-spacing": (
        "Hops and jumps are swapped out: no day keeps them far enough from other jumps.",
        "In place of hops and jumps this week: no day keeps them far enough from other jumps.",
    ),
}
