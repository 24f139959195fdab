"""The next session's loads follow the last logged sets of each lift (`load-autoregulation`).

A stored plan was made before the runner lifted anything; once a lift is logged, its next
planned session is shown, and done as planned, at a load moved by how the log went: a set
that left more in reserve than planned moves it up, one nearer failure moves it down, each
within the registry's bounds. Replans carry the same sets in through `recent_sets` (the
adapters' `with_logged_sets`), so the weeks after them follow on too.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from . import loads as ld
from .loads import MAX_LOAD_KG
from .log_read import LivedDays, first_lived, log_reading, never_both
from .owned_kit import owned_floor_kg
from .vocab import Item, Units

if TYPE_CHECKING:  # the models are imported where they are built: `today`'s light path loads no Pydantic
    from .diary import PlannedBlock, PlannedSession, SetLog
    from .library import Library
    from .model import Prescription, RecentSet

LIGHT = "light-before-key-runs"
# the rules that keep a block's load below what its lift could take (an eased dose: a light day
# before a key run, a deload, the taper, the climb back after the race, a review's cut), first the
# one that names it. A stored block keeps the id, so the loads shown from the log never raise it
# past the plan, and a set logged at it as planned neither lowers nor moves where the lift stands.
HOLDING_RULES = (LIGHT, "taper", "planned-deloads", "review-deload", "review-reduce", "maintenance-after-race")


def holding_rule(rule_ids: Iterable[str]) -> str | None:
    """The first of `HOLDING_RULES` a block cites, if any."""
    cited = set(rule_ids)
    return next((r for r in HOLDING_RULES if r in cited), None)


def best_set(sets: list[SetLog], day: dt.date, p: Any) -> RecentSet | None:
    """The logged set that says most about the lift (`best_logged`), as a dated recent set."""
    from .model import RecentSet

    s = best_logged(sets, p)
    if s is None:
        return None
    effort = {"rpe": s.rpe} if s.rpe is not None else {"rir": s.rir} if s.rir is not None else {}
    return RecentSet(reps=min(s.reps, 30), load_kg=s.load_kg, date=day, **effort)  # type: ignore[arg-type]


def week_best(dated: Iterable[tuple[Any, Any]], p: Any) -> tuple[Any, Any] | None:
    """Of a lift's loaded sets as (day, set), the day and set with the best e1RM among those
    logged within `autoreg_read_days` of its latest, the later on a tie: the week read as a
    coach reads it (load-autoregulation). The latest session alone was often a light day's
    set at more reps in reserve, read as if it were the lift's best (cr25a F3: Walter's heavy
    RDL followed his light Sunday's 3 x 10 at RIR 4 down, 57.5 -> 55 -> 50 -> 47.5 kg). Days
    are dates or ISO strings.

    >>> from types import SimpleNamespace as NS
    >>> p = NS(autoreg_assumed_rir=2, e1rm_formula="epley", e1rm_max_reps=15, autoreg_read_days=7)
    >>> heavy, light = NS(reps=6, load_kg=57.5, rpe=8, rir=None), NS(reps=10, load_kg=45, rpe=None, rir=4)
    >>> week_best([("2027-01-19", heavy), ("2027-01-24", light)], p)[0]  # Sunday's light set is not the read
    '2027-01-19'
    >>> week_best([("2027-01-10", heavy), ("2027-01-24", light)], p)[0]  # two weeks before: the week is newer
    '2027-01-24'
    >>> same = NS(reps=10, load_kg=47.5, rpe=None, rir=4)  # 55 kg x 6 at RPE 8 and this: both 69.7 kg
    >>> week_best([("2027-01-19", NS(reps=6, load_kg=55, rpe=8, rir=None)), ("2027-01-24", same)], p)[0]
    '2027-01-19'
    """
    items = [(dt.date.fromisoformat(str(d)), d, s) for d, s in dated if s.load_kg and s.reps]
    if not items:
        return None
    latest = max(day for day, _, _ in items)
    week = sorted((x for x in items if (latest - x[0]).days < p.autoreg_read_days), key=lambda x: x[0], reverse=True)
    # on a tie the set nearer failure is the read: a light day's set far from failure is the dose it was
    # (Walter's 47.5 kg x 10 at RIR 4 and 55 kg x 6 at RPE 8 both stand for 69.7 kg), then the later one
    best = max(week, key=lambda x: (round(set_e1rm(x[2], p), 6), -_reserve(x[2], p), x[0]))
    return best[1], _fewest_at_load(best[2], [s for day, _, s in week if day == best[0]], p)


def _fewest_at_load(best: Any, day_sets: list[Any], p: Any) -> Any:
    """The day's read: its best set, or the set of that day at the same load with the fewest reps
    (the nearest failure among them) when one fell short of it as near failure (a set stopped early
    with more in reserve is a choice, not reps missed). A dose of several sets is done when
    its last set is: 8, 7, 6 reps at RPE 9.5 is reps missed, not "all its reps done" read from the
    first set (cr30a F2), and the load follows the log down within the drop bound.

    >>> from types import SimpleNamespace as NS
    >>> p = NS(autoreg_assumed_rir=2)
    >>> sets = [NS(reps=r, load_kg=72.5, rpe=9.5, rir=None) for r in (8, 7, 6)]
    >>> _fewest_at_load(sets[0], sets, p).reps
    6
    >>> _fewest_at_load(sets[0], sets[:1] + [NS(reps=5, load_kg=80, rpe=9, rir=None)], p).reps  # another load
    8
    >>> _fewest_at_load(sets[0], sets[:1] + [NS(reps=5, load_kg=72.5, rpe=6, rir=None)], p).reps  # stopped early
    8
    """
    near = _reserve(best, p) + 1e-9  # as near failure as the best or nearer: a set cut short by choice is not missed
    short = [
        s for s in day_sets if abs(s.load_kg - best.load_kg) < 1e-6 and s.reps < best.reps and _reserve(s, p) <= near
    ]
    return min(short, key=lambda s: (s.reps, _reserve(s, p))) if short else best


def _reserve(s: Any, p: Any) -> float:
    """The reps in reserve a logged set's RPE, else RIR, says (else the assumed reserve)."""
    return ld.rir_of(
        "rpe" if s.rpe is not None else "rir", s.rpe if s.rpe is not None else s.rir, p.autoreg_assumed_rir
    )


def best_logged(sets: list[Any], p: Any) -> Any | None:
    """The highest e1RM among sets with a load and reps (a set logged without effort counts
    at the registry's assumed reserve); any objects with a set's fields."""
    best: tuple[float, Any] | None = None
    for s in sets:
        if not s.load_kg or not s.reps:
            continue
        rir = ld.rir_of("rpe" if s.rpe is not None else "rir", s.rpe if s.rpe is not None else s.rir,
                        p.autoreg_assumed_rir)  # fmt: skip
        e1rm = ld.e1rm(s.load_kg, min(s.reps, 30), rir, p.e1rm_formula, p.e1rm_max_reps)
        if best is None or e1rm > best[0]:
            best = (e1rm, s)
    return None if best is None else best[1]


def followed_load(
    presc: Prescription, logged: RecentSet, step_kg: float, bar_kg: float, p: Any, estimate: bool = False
) -> float:
    """The planned load moved by the log: the logged e1RM (grown a week's step) against the
    one this session assumes, kept within a week's step up (one real step when the log was
    that much easier and the kit makes no smaller one) and `max_drop_pct` down, never a step
    above the plan (a known load: a log far above it is a slip, not a licence) or, for an
    `estimate`, above the logged load for as many reps or more, rounded down to real kit. A
    planned load that is an `estimate` (no set of the runner's behind it) was never a load they
    showed: the log sets it however far below (the drop's bound is for a rating of a known load),
    but the load lifted is known: a target within the bound of it is not rounded past the bound.

    >>> from types import SimpleNamespace as NS
    >>> from runstrong.core.model import Intensity, Prescription, RecentSet
    >>> p = NS(autoreg_assumed_rir=2, e1rm_formula="epley", e1rm_max_reps=15, carry_load_pct=60,
    ...        load_step_pct=2.5, max_load_step_pct=5, autoreg_max_drop_pct=10)
    >>> presc = Prescription(sets=3, reps=8, intensity=Intensity(kind="rir", value=2), rest_seconds=90, load_kg=60)
    >>> followed_load(presc, RecentSet(reps=8, load_kg=60, rir=2), 2.5, 20, p)  # as planned: as planned
    60.0
    >>> followed_load(presc, RecentSet(reps=8, load_kg=60, rir=5), 2.5, 20, p)  # easier: one step up
    62.5
    >>> followed_load(presc, RecentSet(reps=8, load_kg=60, rir=0), 2.5, 20, p)  # at failure: down
    57.5
    >>> guess = presc.model_copy(update={"load_kg": 30.0})  # a cautious first estimate...
    >>> followed_load(guess, RecentSet(reps=8, load_kg=65, rir=2), 2.5, 20, p, estimate=True)  # ...gives way
    65.0
    >>> followed_load(presc, RecentSet(reps=8, load_kg=130, rir=2), 2.5, 20, p)  # a known load: a step at most
    62.5
    >>> followed_load(presc, RecentSet(reps=30, load_kg=60, rir=2), 2.5, 20, p)  # 30 reps for 8: the same
    62.5
    >>> dumbbell = presc.model_copy(update={"load_kg": 9.07})  # 20 lb, logged a rep harder: 5 lb steps
    >>> round(followed_load(dumbbell, RecentSet(reps=8, load_kg=9.07, rir=1), 2.268, 0, p) / 0.4536, 1)
    20.0
    >>> guess = presc.model_copy(update={"load_kg": 44.0})  # a body-mass estimate far above the first log
    >>> followed_load(guess, RecentSet(reps=8, load_kg=30, rir=2), 2.5, 20, p, estimate=True)
    30.0
    """
    planned = presc.load_kg or 0.0
    logged_rir = ld.rir_of("rpe" if logged.rpe is not None else "rir",
                           logged.rpe if logged.rpe is not None else logged.rir, p.autoreg_assumed_rir)  # fmt: skip
    grown = ld.e1rm(logged.load_kg, logged.reps, logged_rir, p.e1rm_formula, p.e1rm_max_reps) * (
        1 + p.load_step_pct / 100
    )
    if presc.reps:
        rir = ld.rir_of(presc.intensity.kind, presc.intensity.value, p.autoreg_assumed_rir)
        kg = ld.load_for(grown, presc.reps, rir, p.e1rm_formula, p.e1rm_max_reps)
    else:
        kg = grown * p.carry_load_pct / 100
    if planned and abs(kg / planned - 1) < p.load_step_pct / 100:  # within a week's growth: the plan stands
        return planned  # (and a plan already made from this log is not moved by it again)
    if not estimate:
        kg = max(kg, planned * (1 - p.autoreg_max_drop_pct / 100))  # a hard day lowers the load, never by much
    if planned and kg >= planned * (1 + p.max_load_step_pct / 100) - 1e-9:  # clearly easier: at least a step
        kg = max(kg, planned + step_kg)
    if planned and not estimate:
        # a known load rises at most a week's step over what the plan asked, whatever was logged: a
        # log far above it is a typo or a unit slip until the runner corrects it (cr21a S1: 130 kg
        # logged for 130 lb, 275 lb asked next; 3 x 80 reps for 3 x 8, 140 lb for 130 lb)
        kg = min(kg, ld.step_ceiling(planned, p.max_load_step_pct, step_kg))
    elif presc.reps and presc.reps >= logged.reps:
        # an estimate's bounds hold against what was lifted, not against the plan's first guess: a runner
        # who logged 10 x 65 kg is not held at a 30 kg estimate, nor sent past a week's step above 65 kg
        kg = min(kg, ld.step_ceiling(max(planned, logged.load_kg), p.max_load_step_pct, step_kg))
    else:
        kg = min(kg, max(ld.step_ceiling(planned, p.max_load_step_pct, step_kg), ld.load_for(
            grown, presc.reps or logged.reps, ld.rir_of(presc.intensity.kind, presc.intensity.value,
            p.autoreg_assumed_rir), p.e1rm_formula, p.e1rm_max_reps)))  # fmt: skip
    return rounded_within_drop(kg, planned, logged.load_kg, step_kg, bar_kg, p, estimate)


def rounded_within_drop(
    kg: float, planned: float, lifted: float, step_kg: float, bar_kg: float, p: Any, estimate: bool
) -> float:
    """`kg` rounded down to real kit, never past the drop's bound by the rounding alone (cr21a W4):
    of the load planned, or, for an `estimate` (never the runner's), of the load `lifted` where the
    target is within the bound of it; a target further below (more reps asked, a far harder log) is
    the log's own word on the estimate, rounded down.

    >>> from types import SimpleNamespace as NS
    >>> p, lb = NS(autoreg_max_drop_pct=10), 0.45359237  # 40 lb lifted, 38.3 lb the target, 5 lb steps
    >>> round(rounded_within_drop(38.3 * lb, 50 * lb, 40 * lb, 5 * lb, 0, p, estimate=True) / lb, 1)
    40.0
    >>> round(rounded_within_drop(33 * lb, 50 * lb, 40 * lb, 5 * lb, 0, p, estimate=True) / lb, 1)  # -17.5%
    30.0
    """
    rounded = ld.round_down(kg, step_kg, bar_kg)
    drop = 1 - p.autoreg_max_drop_pct / 100
    if planned and not estimate:  # the kit's step down never takes more than the drop's bound
        rounded = ld.within_drop(rounded, planned * drop, ld.round_down(planned, step_kg, bar_kg), step_kg, bar_kg)
    elif estimate and lifted and kg >= lifted * drop - 1e-9:  # an estimate: the load lifted is known
        rounded = ld.within_drop(rounded, lifted * drop, ld.round_down(lifted, step_kg, bar_kg), step_kg, bar_kg)
    return min(rounded, ld.round_down(MAX_LOAD_KG, step_kg, bar_kg))


def held_reps(presc: Prescription, logged: RecentSet, kg: float, p: Any) -> int | None:
    """The reps a followed load held above the log's target allows at the dose's reserve, by the
    log's e1RM grown a week's step, when the kit's next load down was past the drop's bound
    (`load-autoregulation`): the load holds and the reps ease instead, never more than asked and
    at least one. None where the reps stand: no reps or reserve asked, the load within a week's
    growth of the target (the kit's ordinary rounding), a step up past both the plan and the log,
    or a target already past the bound of the held load (the log's rating, not the kit's rounding).

    >>> from types import SimpleNamespace as NS
    >>> from runstrong.core.model import Intensity, Prescription, RecentSet
    >>> p = NS(autoreg_assumed_rir=2, e1rm_formula="epley", e1rm_max_reps=15, load_step_pct=2.5,
    ...        autoreg_max_drop_pct=10)
    >>> presc = Prescription(sets=2, reps=9, intensity=Intensity(kind="rir", value=6), rest_seconds=75, load_kg=22.7)
    >>> lb = 0.45359237  # 40 lb x 8 logged at RIR 4: 9 reps at RIR 6 is 38.3 lb, the kit holds 40 lb
    >>> held_reps(presc, RecentSet(reps=8, load_kg=40 * lb, rir=4), 40 * lb, p)
    7
    >>> held_reps(presc, RecentSet(reps=8, load_kg=40 * lb, rir=6), 40 * lb, p) is None  # as its target
    True
    >>> held_reps(presc, RecentSet(reps=4, load_kg=40 * lb, rir=0), 40 * lb, p) is None  # 33 lb the target
    True
    """
    if not presc.reps or presc.intensity.kind not in ("rir", "rpe") or kg <= 0:
        return None
    if kg > max(presc.load_kg or 0.0, logged.load_kg) + 1e-6:
        return None  # a step up: the kit's smallest step, not a hold (load-autoregulation)
    rir = ld.rir_of(presc.intensity.kind, presc.intensity.value, p.autoreg_assumed_rir)
    grown = set_e1rm(logged, p) * (1 + p.load_step_pct / 100)
    target = ld.load_for(grown, presc.reps, rir, p.e1rm_formula, p.e1rm_max_reps)
    if kg <= target * (1 + p.load_step_pct / 100) + 1e-9:
        return None
    if target < kg * (1 - p.autoreg_max_drop_pct / 100) - 1e-9:
        return None  # the target itself past the bound (reps missed, a far harder log): the rule's hold, as planned
    total = min(ld.reps_to_failure(grown, kg, p.e1rm_formula), p.e1rm_max_reps)
    reps = max(math.floor(total - rir + 1e-9), 1)
    return reps if reps < presc.reps else None


def not_yet_planned(logged: Mapping[str, Any], recent: Mapping[str, Any]) -> dict[str, Any]:
    """The logged sets the stored plan has not taken in yet. A plan made after a set (a
    review's, a replan's) carries it as a dated recent set in its profile (`recent`), and its
    loads already follow it, eased where that plan decided so (a deload, a hold, a taper, a
    light day): following the same set again would undo those decisions. `recent` holds
    RecentSets or their stored JSON.

    >>> from types import SimpleNamespace as NS
    >>> sorted(not_yet_planned({"rdl": NS(date="2027-01-08"), "squat": NS(date="2027-01-11")},
    ...                        {"rdl": {"date": "2027-01-08"}, "squat": {"date": None}}))
    ['squat']
    """
    out = {}
    for ex_id, s in logged.items():
        had = recent.get(ex_id)
        taken = had.get("date") if isinstance(had, dict) else getattr(had, "date", None)
        if taken is None or s.date is None or str(s.date) > str(taken):
            out[ex_id] = s
    return out


def followed_session(
    session: PlannedSession,
    logged: dict[str, RecentSet],
    units: Units,
    increments: dict[Item, float],
    library: Library,
    p: Any,
    lived: LivedDays | None = None,
    ceilings: dict | None = None,
    bars: dict[Item, float] | None = None,
    owned: dict | None = None,
) -> PlannedSession:
    """`session` with each planned load moved by the last logged sets of its lift, never past
    the runner's kit (`ceilings`: `kit_ceilings`; `bars`: their own empty bars, in their units;
    `owned`: the fixed weights they own, the lightest the floor: owned-weights), each set read
    against the stored plan's block on the day it was lifted (`lived`: `log_read.lived_days` of
    the days `log_read.lookback` gives, as the replan reads it): a set logged on an eased day
    (a light day, a deload, the taper) at least as planned moves nothing."""
    kits, own = ceilings or {}, (increments, bars or {}, owned or {})
    blocks = [_followed(b, logged, units, own, library, p, lived or {}, kits) for b in session.blocks]
    if all(a is b for a, b in zip(blocks, session.blocks, strict=True)):
        return session
    return session.model_copy(update={"blocks": blocks})


def _followed(
    block: PlannedBlock,
    logged: dict[str, RecentSet],
    units: Units,
    own: tuple[dict, dict, dict],  # the runner's load increments, empty bars and fixed weights owned
    library: Library,
    p: Any,
    lived: LivedDays,
    ceilings: dict,
) -> PlannedBlock:
    presc, last = block.prescription, logged.get(block.exercise_id)
    if presc.load_kg is None or last is None or block.exercise_id not in library:
        return block
    day = lived.get((block.exercise_id, last.date))
    if day is not None and day.held_by and eased_as_planned(day.prescription, last, p):
        return block
    e = library.get(block.exercise_id)
    kit = ld.implement(e.equipment)
    if kit is None:
        return block
    step, bar = ld.increment_kg(kit, units, own[0], p), ld.lightest_kg(kit, units, own[1], p)
    bar = bar or owned_floor_kg(kit, units, own[2])
    estimate, hold = log_reading(block.find_weight, last, day, first_lived(lived, block.exercise_id, last.date), p)
    moved = followed_load(presc, last, step, bar, p, estimate)
    moved = min(presc.load_kg, last.load_kg) if hold else never_both(moved, presc.reps, last, day, estimate)
    kg = held_load(block.held_by, presc.load_kg, moved, last, step, bar, p)
    kg = within_kit(kg, presc.load_kg, lift_ceiling(e.pair_load, kit, ceilings, step, bar), step, bar)
    reps = presc.reps if hold else held_reps(presc, last, kg, p) or presc.reps
    if kg == presc.load_kg and reps == presc.reps:
        return block
    from .model import Prescription, build

    dose = {**presc.__dict__, "load_kg": kg, "reps": reps}
    return block.model_copy(update={"prescription": build(Prescription, **dose)})


def set_e1rm(s: RecentSet, p: Any) -> float:
    """The e1RM a logged or given set stands for (its RPE, else its RIR, else the assumed reserve)."""
    rir = ld.rir_of("rpe" if s.rpe is not None else "rir", s.rpe if s.rpe is not None else s.rir, p.autoreg_assumed_rir)
    return ld.e1rm(s.load_kg, s.reps, rir, p.e1rm_formula, p.e1rm_max_reps)


def eased_as_planned(planned: Any | None, s: Any, p: Any) -> bool:
    """Whether a logged set was an eased dose's (`planned` its prescription: a light day, a
    deload, the taper), done at least as planned in load, reps and reserve: such a set says
    little of what the lift can do, so it neither lowers nor raises the next full step
    (`light-before-key-runs`, `planned-deloads`, `progression-carries-over`)."""
    if planned is None or planned.load_kg is None:
        return False
    rir = ld.rir_of("rpe" if s.rpe is not None else "rir", s.rpe if s.rpe is not None else s.rir, p.autoreg_assumed_rir)
    wanted = ld.rir_of(planned.intensity.kind, planned.intensity.value, p.autoreg_assumed_rir)
    return s.load_kg >= planned.load_kg - 1e-6 and s.reps >= (planned.reps or 0) and rir >= wanted - 1e-9


def kit_ceilings(units: Units, own: dict, gym: bool, p: Any) -> dict[str, float]:
    """The heaviest load each implement of the runner's kit makes, in kg (`loads.heaviest_kg`)."""
    out = {}
    for kit in ld.IMPLEMENTS:
        full = ld.heaviest_kg(kit, units, own, gym, p)
        if full is not None:
            out[kit] = full
    return out


def lift_ceiling(pair: bool, kit: Item, ceilings: dict, step: float, bar: float) -> float | None:
    """A lift's heaviest load from the kit's (`kit_ceilings`, in kg): the pair's for a lift that
    takes both dumbbells at once (`loads.lift_top`), its steps counted as the plan counts them.

    >>> lift_ceiling(True, Item.dumbbell, {Item.dumbbell: 24}, 2, 0), lift_ceiling(False, Item.dumbbell, {}, 2, 0)
    (48.0, None)
    """
    full = ceilings.get(kit)
    floor = bar or ld.anchored_kg(kit, Units.metric, ceilings, step)  # the ceilings are in kg already
    return ld.lift_top(pair, kit, full, step, floor)


def within_kit(kg: float, planned: float, full: float | None, step: float, bar: float) -> float:
    """A followed load no heavier than the kit makes (nor than the plan, if the plan already
    asked more: the log cannot make the kit heavier).

    >>> within_kit(26.0, 24.0, 24.0, 2.0, 0.0), within_kit(22.0, 24.0, 24.0, 2.0, 0.0)
    (24.0, 22.0)
    >>> within_kit(30.0, 24.0, None, 2.0, 0.0), within_kit(30.0, 28.0, 24.0, 2.0, 0.0)  # no ceiling; planned above
    (30.0, 28.0)
    """
    if full is None or kg <= full + 1e-9:
        return kg
    return min(kg, max(planned, ld.round_down(full, step, bar)))


def held_load(held_by: str | None, planned: float, kg: float, logged: Any, step: float, bar: float, p: Any) -> float:
    """A held block's followed load: never above the plan, except a light day's, which may
    rise to the registry's shares of the logged load and its e1RM (`light-before-key-runs`:
    a light day stays clearly lighter than the heavy day the log shows).

    >>> from types import SimpleNamespace as NS
    >>> p = NS(autoreg_assumed_rir=2, e1rm_formula="epley", e1rm_max_reps=15, light_max_pct_1rm=65,
    ...        light_max_pct_of_best=80)
    >>> heavy = NS(reps=5, load_kg=57.5, rpe=8, rir=None)
    >>> held_load("light-before-key-runs", 45, 47.5, heavy, 2.5, 20, p)  # 80% of 57.5 kg is 46 kg
    45.0
    >>> held_load("light-before-key-runs", 45, 60, NS(reps=5, load_kg=75, rpe=8, rir=None), 2.5, 20, p)
    60.0
    >>> held_load("taper", 60, 62.5, heavy, 2.5, 20, p), held_load(None, 60, 62.5, heavy, 2.5, 20, p)
    (60.0, 62.5)
    """
    if held_by is None or kg <= planned:
        return float(kg)
    if held_by != LIGHT:
        return float(planned)
    rir = ld.rir_of("rpe" if logged.rpe is not None else "rir", logged.rpe if logged.rpe is not None else logged.rir,
                    p.autoreg_assumed_rir)  # fmt: skip
    e1rm = ld.e1rm(logged.load_kg, logged.reps, rir, p.e1rm_formula, p.e1rm_max_reps)
    cap = min(logged.load_kg * p.light_max_pct_of_best, e1rm * p.light_max_pct_1rm) / 100
    return float(min(kg, max(planned, ld.round_down(cap, step, bar))))
