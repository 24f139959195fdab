"""Placing strength sessions in a week around the runs.

A week has seven days and at most three sessions, so the search tries every assignment
of sessions to days (at most 7·6·5 = 210, pruned as soon as two sessions would sit too
close) and keeps the lowest score: the placement is provably the best under the scoring
below. Hard rules filter; soft rules score.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

from .model import KEY_RUN_TYPES, SPEED_RUN_TYPES, Category, Reason, RunType
from .params import Params


class DayInfo(NamedTuple):
    date: dt.date
    available: bool  # the runner can train, and the day is inside the plan
    strength_ok: bool  # not race day, not in the last days before it
    recovering: bool  # in the days of recovery after the race
    heavy_ok: bool  # far enough from the race for heavy work
    plyo_ok: bool  # far enough from the race for plyometrics
    runs: tuple[RunType, ...]
    next_runs: tuple[RunType, ...]
    prev_runs: tuple[RunType, ...]
    # a key run two or more days later, inside the days sore-making work keeps clear of (soreness-counts-heavy)
    key_in_clear_days: bool = False
    returning: bool = False  # the first days back after the race's recovery (maintenance-after-race)

    @property
    def speed(self) -> bool:
        return not SPEED_RUN_TYPES.isdisjoint(self.runs)  # in C: asked ~100k times a second

    @property
    def before_key(self) -> bool:
        return not KEY_RUN_TYPES.isdisjoint(self.next_runs)

    @property
    def key(self) -> bool:
        return not KEY_RUN_TYPES.isdisjoint(self.runs)

    @property
    def after_key(self) -> bool:
        return not KEY_RUN_TYPES.isdisjoint(self.prev_runs)


@dataclass(frozen=True)
class SessionSpec:
    focus: Category
    heavy: bool
    plyometric: bool
    landings: bool = False  # jumps or landing drills of moderate impact or more, whatever the session's lead
    legs: bool = False  # main or accessory work for the legs (posterior chain, single-leg), whatever the lead


@dataclass(frozen=True, slots=True)
class Ahead:
    """A week after the one being placed: its days and how many sessions it asks for. A taper
    week holds no more sessions than the loading weeks before it placed (`cut_weeks.taper_held`):
    `held` is the most they placed (None: none yet, or not a taper week), which the week being
    placed raises with its own count when it is a loading week itself (`raised`)."""

    days: tuple[DayInfo, ...]
    sessions: int
    held: int | None = None
    raised: bool = False

    def for_count(self, n: int) -> Ahead:
        """The week as it follows a week of `n` sessions: a taper's count held to the loading weeks'."""
        counts = [*([] if self.held is None else [self.held]), *([n] if self.raised else [])]
        if not counts or max(counts) >= self.sessions:
            return self
        return Ahead(self.days, max(counts))


@dataclass(frozen=True)
class Placement:
    days: tuple[int, ...]  # day index in the week, one per session in roster order
    score: float
    reasons: tuple[tuple[Reason, ...], ...]  # per session: why this day


def _day_blockers(day: DayInfo, spec: SessionSpec, allow_double: bool) -> list[tuple[str, str]]:
    """The hard rules that keep this session off this day, as (rule id, why)."""
    out: list[tuple[str, str]] = []
    if not day.available:
        out.append(("available-days", "not one of your training days"))
    if RunType.race in day.runs:
        out.append(("no-strength-on-race-days", "a race day: the legs go to the race"))
    if not day.strength_ok:
        out.append(("taper", "too close to the race: no strength in the final days"))
    if day.recovering:
        out.append(("maintenance-after-race", "still recovering from the race"))
    if spec.heavy:
        if not day.heavy_ok:
            out.append(("taper", "inside the last days before the race: nothing heavy"))
        if day.speed and not allow_double:
            kinds = "/".join(r.value for r in day.runs if r in SPEED_RUN_TYPES)
            out.append(("no-heavy-near-speed", f"{kinds} day: heavy strength stays off speed days"))
        elif RunType.long in day.runs and not allow_double:  # the long run is a key run on its own day too (cr25a F6)
            out.append(("no-heavy-near-speed", "a long run's day: heavy strength stays off key-run days"))
        if day.before_key:
            kinds = "/".join(r.value for r in day.next_runs if r in KEY_RUN_TYPES)
            out.append(("no-heavy-near-speed", f"day before your {kinds} run"))
    if spec.plyometric and not day.plyo_ok:
        out.append(("taper", "inside the last days before the race: no plyometrics"))
    if spec.plyometric and RunType.long in day.runs:
        out.append(("plyometrics-fresh-legs", "a long run's day: hops and jumps need fresh legs"))
    return out


def made_light(day: DayInfo, spec: SessionSpec, allow_double: bool) -> bool:
    """Whether the day makes a session with leg work light: the day before a key run, or a key
    run's day (speed work or the long run) unless the runner lifts a few hours after the run
    (double days: then the session follows the run at full dose, as a heavy one may)
    (light-before-key-runs, no-heavy-near-speed; cr25a F6)."""
    if spec.heavy or not (spec.legs or spec.focus in _LEG_FOCUSES):
        return False
    return day.before_key or (day.key and not allow_double)


def double_day(day: DayInfo, spec: SessionSpec, allow_double: bool) -> bool:
    """Whether a session on `day` is a double day's lift after its key run (a speed run or the
    long run): heavy work, or any with leg work, when the runner allows double days (no-heavy-near-speed)."""
    return allow_double and day.key and (spec.heavy or spec.legs or spec.focus in _LEG_FOCUSES)


def _day_penalty(day: DayInfo, spec: SessionSpec, p: Params, allow_double: bool = False) -> tuple[float, list[str]]:
    notes: list[str] = []
    score = 0.0
    core = spec.focus == Category.core
    if RunType.long in day.runs:
        long_day = p.penalty_long_run_day_core if core else p.penalty_long_run_day
        long_day += p.penalty_leg_work_on_long_run_day if core and spec.legs else 0  # on legs a long run tired
        score += long_day + (p.penalty_heavy_long_run_day if spec.heavy else 0)
        score += p.penalty_plyo_long_run_day if spec.plyometric or spec.landings else 0  # on legs a long run tired
        notes.append("shares the day with your long run")
    if day.speed:
        if spec.heavy or double_day(day, spec, allow_double):  # hard day hard, lifting hours after the run
            score += p.penalty_heavy_after_speed
        else:
            score += p.penalty_speed_day_core if core else p.penalty_speed_day
            notes.append("shares the day with speed work")
    if day.before_key and not spec.heavy:
        score += _before_key_penalty(spec.focus, p)
        notes.append("comes the day before a key run")
    if RunType.long in day.prev_runs:
        score += p.penalty_day_after_long
        notes.append("follows your long run")
    easy = any(r in (RunType.easy, RunType.cross_train) for r in day.runs)
    if easy:
        score += p.penalty_easy_day
    elif not day.runs or all(r == RunType.rest for r in day.runs):
        score += p.penalty_no_run_day
    return score, notes


def _before_key_penalty(focus: Category, p: Params) -> float:
    """The day before a key run makes a leg session light: the posterior chain, the plan's
    lead, pays a little more for it than single-leg work, so that when the two could swap
    days the full day goes to the posterior chain (as the week's one heavy day does)."""
    if focus == Category.core:
        return p.penalty_day_before_key_core
    return p.penalty_day_before_key_posterior if focus == Category.posterior_chain else p.penalty_day_before_key


def place_week(
    days: tuple[DayInfo, ...],
    roster: tuple[SessionSpec, ...],
    previous: tuple[tuple[dt.date, str, bool], ...],
    allow_double: bool,
    p: Params,
) -> Placement | None:
    """The best placement of `roster` in `days`, or None when the hard rules leave none.

    `previous` holds the last week's sessions (date, focus, plyometric) so that the
    rules hold across the week boundary and weekdays stay the same week to week.
    """
    n = len(roster)
    if n == 0:
        return Placement(days=(), score=0.0, reasons=())
    # Everything that depends on one (session, day) pair is computed once, up front.
    cost: list[list[float | None]] = []
    usual = {focus: d.weekday() for d, focus, _ in previous}  # the latest session of each focus
    for spec in roster:
        moved_from = usual.get(spec.focus)
        row: list[float | None] = []
        for k, day in enumerate(days):
            if _day_blockers(day, spec, allow_double) or not _clear_of_previous(day, spec, previous, p):
                row.append(None)
                continue
            penalty = _day_penalty(day, spec, p, allow_double)[0]
            if moved_from is not None and moved_from != k:
                penalty += p.moved_session_penalty
            row.append(penalty)
        cost.append(row)
    plyo_gap_days = -(-p.plyo_min_hours // 24)
    options = [[(i, c) for i, c in enumerate(row) if c is not None] for row in cost]
    lead, full = _leg_days(days, roster, allow_double)
    free = _free_full_days(days, roster, allow_double, options)
    # the smallest gap, in days, each pair of sessions needs
    need = [[plyo_gap_days if a.plyometric and b.plyometric else p.min_days_between for b in roster] for a in roster]
    best: tuple[float, tuple[int, ...]] | None = None

    def search(k: int, chosen: tuple[int, ...], total: float, go: Callable) -> None:
        # `go` is itself: a closure that named itself would leave a cycle for the collector each placement
        nonlocal best
        if k == n:
            ordered = tuple(sorted(chosen))
            total += _shape_penalty(ordered, p.spread_weight)
            if 7 - ordered[-1] + ordered[0] < p.min_days_between:  # the same days next week would meet
                total += p.unrepeatable_week_penalty
            total += p.spread_weight * sum(1 for a, b in itertools.combinations(chosen, 2) if a > b)
            if (
                lead is not None
                and chosen[lead] not in full[lead]
                and any(chosen[k] in full[k] for k in full if k != lead)
            ):  # the lead light while another leg session has a full day it could take (pair-with-easy-day)
                total += p.penalty_lead_light_beside_full
            total += p.penalty_light_beside_free_full * _light_beside_free(chosen, free, need)
            if best is None or (total, chosen) < best:
                best = (total, chosen)
            return
        gaps = need[k]
        for i, c in options[k]:
            for m, j in enumerate(chosen):
                if abs(i - j) < gaps[m]:
                    break
            else:
                go(k + 1, (*chosen, i), total + c, go)

    search(0, (), 0.0, search)
    if best is None:
        return None
    score, combo = best
    prev_day = {focus: d for d, focus, _ in previous}
    return Placement(days=combo, score=score, reasons=_explain(combo, days, roster, prev_day, p, allow_double))


def _free_full_days(
    days: tuple[DayInfo, ...],
    roster: tuple[SessionSpec, ...],
    allow_double: bool,
    options: list[list[tuple[int, float]]],
) -> dict[int, tuple[frozenset[int], tuple[int, ...]]]:
    """For each session a day can make light, the days that would make it so, and the days as
    free as any that keep it full: open to it, no key run that day or the next, no long run
    (light-before-key-runs)."""
    out = {}
    for k, spec in enumerate(roster):
        light = frozenset(i for i, _ in options[k] if made_light(days[i], spec, allow_double))
        if light:
            out[k] = (light, tuple(i for i, _ in options[k] if not (days[i].key or days[i].before_key)))
    return out


def _light_beside_free(
    chosen: tuple[int, ...], free: dict[int, tuple[frozenset[int], tuple[int, ...]]], need: list[list[int]]
) -> int:
    """How many sessions are made light on their day while a day as free as any, spaced from the
    week's other sessions, would keep them full (light-before-key-runs)."""
    count = 0
    for k, (light, full) in free.items():
        if chosen[k] in light and any(
            all(abs(j - i) >= need[k][m] for m, i in enumerate(chosen) if m != k) for j in full
        ):
            count += 1
    return count


def _leg_days(
    days: tuple[DayInfo, ...], roster: tuple[SessionSpec, ...], allow_double: bool = False
) -> tuple[int | None, dict[int, frozenset[int]]]:
    """The roster's posterior-chain session (the plan's lead, S05), and for each leg session
    the days that leave it at full dose: a heavy session always (it may only go on those), a
    lighter one off speed days and days before a key run (light-before-key-runs)."""
    legs = {k: s for k, s in enumerate(roster) if s.focus in _LEG_FOCUSES}
    if len(legs) < 2 or not any(s.focus == Category.posterior_chain for s in legs.values()):
        return None, {}
    full = {
        k: frozenset(i for i, d in enumerate(days) if s.heavy or not made_light(d, s, allow_double))
        for k, s in legs.items()
    }
    lead = next(k for k, s in legs.items() if s.focus == Category.posterior_chain)
    return lead, full


_LEG_FOCUSES = (Category.posterior_chain, Category.single_leg_power)


def _clear_of_previous(
    day: DayInfo, spec: SessionSpec, previous: tuple[tuple[dt.date, str, bool], ...], p: Params
) -> bool:
    """Last week's sessions keep their distance across the week boundary."""
    return _too_close(day, spec, previous, p) is None


def _too_close(
    day: DayInfo, spec: SessionSpec, previous: tuple[tuple[dt.date, str, bool], ...], p: Params
) -> tuple[dt.date, bool] | None:
    """The first of last week's sessions `spec` on `day` would come too soon after (its
    date, and whether it is the jumps that are too close), or None."""
    for prev_date, _, prev_plyo in previous:
        gap = (day.date - prev_date).days
        if gap < p.min_days_between:
            return prev_date, False
        if prev_plyo and spec.plyometric and gap * 24 < p.plyo_min_hours:
            return prev_date, True
    return None


def _shape_spread(ordered: tuple[int, ...]) -> tuple[float, int]:
    """The summed squared distance of each gap from an even spread (wrapping round), and the gaps."""
    ideal = 7 / len(ordered)
    gaps = [b - a for a, b in itertools.pairwise(ordered)] + [7 - ordered[-1] + ordered[0]]
    return sum((g - ideal) ** 2 for g in gaps), len(gaps)


# Every shape a week can take (sorted day indexes, two sessions or more): 120 of them, built at import.
_SPREADS = MappingProxyType(
    {shape: _shape_spread(shape) for n in range(2, 8) for shape in itertools.combinations(range(7), n)}
)


def _shape_penalty(ordered: tuple[int, ...], weight: float) -> float:
    """How far the sessions are from evenly spread through the week (wrapping round)."""
    if len(ordered) < 2:
        return 0.0
    spread, gaps = _SPREADS.get(ordered) or _shape_spread(ordered)
    return weight * spread / gaps


RUN_FIRST = "Run first, lift later in the day (a few hours apart if you can)."  # `runner` fits it to a morning lifter
CROSS_FIRST = "Cross-train first, lift later in the day (a few hours apart if you can)."  # a ride or swim, no run
_EASY_WORDS = {RunType.easy: "an easy run", RunType.cross_train: "easy cross-training"}
_HARD_WORDS = {RunType.long: "long run", RunType.tempo: "tempo run", RunType.intervals: "interval session"}


def _paired_words(runs: list[RunType]) -> str:
    """What an easy day's lift is paired with, naming the day's runs (cr22a P1: "an easy run or
    easy cross-training" on a day of 70-minute intervals and an easy run, and on bike days)."""
    easy = [_EASY_WORDS[r] for r in dict.fromkeys(runs) if r in _EASY_WORDS]
    hard = [_HARD_WORDS.get(r, r.value) for r in dict.fromkeys(runs) if r not in _EASY_WORDS]
    text = f"Paired with {' and '.join(easy)}"
    return f"{text}; the day's {' and '.join(hard)} come{'s' * (len(hard) == 1)} first." if hard else f"{text}."


PLACED_HEAVY = "Heavy work, so not on a key run's day (speed work or the long run) nor the day before one."


def _explain(combo, days, roster, prev_day, p: Params, allow_double: bool = False) -> tuple[tuple[Reason, ...], ...]:  # type: ignore[no-untyped-def]
    out = []
    for k, i in enumerate(combo):
        day, spec = days[i], roster[k]
        reasons: list[Reason] = []
        _, notes = _day_penalty(day, spec, p, allow_double)
        runs = [r for r in day.runs if r != RunType.rest]
        if notes:
            reasons.append(p.why("pair-with-easy-day", f"The best day this week, though it {' and '.join(notes)}."))
        elif any(r in _EASY_WORDS for r in runs):
            reasons.append(p.why("pair-with-easy-day", _paired_words(runs)))
        elif not runs:
            reasons.append(p.why("pair-with-easy-day", "A day with no run, so the legs are fresh."))
        if double_day(day, spec, allow_double):  # the order is the rule's: the lift follows the run (cr25a F10)
            fast = " and ".join(_HARD_WORDS.get(r, r.value) for r in dict.fromkeys(runs) if r in KEY_RUN_TYPES)
            full = "" if spec.heavy else " at full dose"
            text = f"Double day: lift{full} after the {fast}, at least {p.double_day_gap_hours} h later."
            reasons.append(p.why("no-heavy-near-speed", text))
        elif runs:
            only_cross = all(r == RunType.cross_train for r in runs)
            reasons.append(p.why("pair-with-easy-day", CROSS_FIRST if only_cross else RUN_FIRST))
        if spec.heavy and not day.key:
            reasons.append(p.why("no-heavy-near-speed", PLACED_HEAVY))
        previous_day = prev_day.get(spec.focus)
        if previous_day is not None and previous_day.weekday() == day.date.weekday():
            when = "last week" if (day.date - previous_day).days <= 7 else "its last session"
            reasons.append(p.why("consistent-rhythm", text=f"Same weekday as {when}."))
        reasons.append(p.why("no-consecutive-strength-days", "At least one day clear of strength before and after."))
        out.append(tuple(reasons))
    return tuple(out)


def explain_infeasible(
    days: tuple[DayInfo, ...],
    roster: tuple[SessionSpec, ...],
    allow_double: bool,
    previous: tuple[tuple[dt.date, str, bool], ...],
    p: Params,
) -> list[tuple[str, frozenset[str]]]:
    """Per day, the hard rules that close it to the sessions of this roster: the line the
    runner reads, and the rules' ids (which decide the ways out offered). A day open but for
    last week's sessions (`previous`) says which one it meets."""
    lines = []
    for day in days:
        blockers: dict[str, str] = {}
        for spec in roster:
            for rule_id, because in _day_blockers(day, spec, allow_double):
                blockers.setdefault(because, rule_id)
        if not blockers:
            for because in _previous_clashes(day, roster, previous, p):
                blockers.setdefault(because, "no-consecutive-strength-days")
        if blockers:
            label = day.date.strftime("%a %d %b")
            line = f"{label}: " + "; ".join(f"{why} ({rid})" for why, rid in blockers.items())
            lines.append((line, frozenset(blockers.values())))
    return lines


def _previous_clashes(
    day: DayInfo, roster: tuple[SessionSpec, ...], previous: tuple[tuple[dt.date, str, bool], ...], p: Params
) -> list[str]:
    """Why last week's sessions close `day` to every session of the roster, if they do."""
    clashes = [_too_close(day, spec, previous, p) for spec in roster]
    if not roster or None in clashes:
        return []
    out = []
    for prev, jumps in dict.fromkeys(c for c in clashes if c is not None):  # each clash once, in order
        gap = (day.date - prev).days
        near = "the day after" if gap == 1 else f"{gap} days after"
        what = "jumps" if jumps else "session"
        out.append(f"{'too soon after' if jumps else near} last week's {prev:%a %d %b} {what}")
    return out
