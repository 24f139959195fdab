"""Where each lift starts in the load walk (`plan_loads`), first found wins: the diary's last
logged set of it (the adapters put it in `profile.logged_sets` with its date; `load-autoregulation`,
read against where the walk stands by `set_states`), the loads of weeks already lived, a recent
set or known load from the profile (`e1rm-formula`), a lift of the same movement whose load is
known, converted (`cross-lift-start`; a review's stand-in at a cautious share of the lift it
replaces), else a cautious estimate from body mass with a find-your-weight first session; a pain
ladder's rung and the lift handed back after it start at their own shares (`rung_loads`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import loads as ld
from .detraining import aged, known_date, taken_words
from .library import Library
from .load_calibration import family_ratio, scales_up, strength_scale, table_e1rm
from .load_limits import kit_top
from .load_plausible import given_e1rm
from .load_walk import LiftState, LoadWalk
from .load_words import in_units
from .log_loads import eased_as_planned, set_e1rm
from .model import AthleteProfile, Block, Exercise
from .rung_loads import hand_back, handed_back, on_rung, rung_start
from .set_states import ESTIMATE_RULES, confirmed, from_set


def starting_e1rms(
    profile: AthleteProfile, library: Library, p: Any, exercises: Sequence[Exercise]
) -> dict[str, float]:
    """Where each of `exercises` would start: the runner's sets and known loads (the diary's
    too), else the estimate from body mass, sex and level (what kit-fits-the-lift weighs)."""
    walk = LoadWalk(profile, library, p, {})
    starts(walk, logged=False)
    starts(walk, logged=True)
    out = {}
    for e in exercises:
        lift = walk.lifts.get(e.id) or estimate(walk, e)
        if lift is not None:
            out[e.id] = lift.e1rm
    return out


def starts(walk: LoadWalk, logged: bool) -> None:
    """Starts from the profile: its recent sets and known loads at the plan's start; the
    diary's sets (dated) where the weeks not yet lived begin, against where the walk stands."""
    p, library = walk.p, walk.library
    for ex_id, s in {**walk.profile.recent_sets, **(walk.profile.logged_sets if logged else {})}.items():
        if ex_id in library and (s.date is not None) == logged:
            before = walk.lifts.get(ex_id)
            if not (logged and ex_id in walk.profile.logged_sets) and _given_aged(walk, ex_id, s, before):
                continue  # a set the runner gave from before a break (detraining-restart)
            # a review's cut done as planned never shows less than it shows (cr19b #2: an RDL fell 25 -> 15 lb)
            shows = (ex_id, s.date) in walk.cut_days and set_e1rm(s, walk.p) > before.e1rm + 1e-6 if before else False
            planned = walk.eased_days.get((ex_id, s.date)) if s.date is not None else None
            if before is not None and eased_as_planned(planned, s, walk.p) and not shows:  # a light day done as planned
                if not _above_estimate(walk, ex_id, s, before):
                    continue
                # an estimate never stands over a load the runner lifted: the eased set, read as the eased dose
                # it was (its own reps and reserve), starts the lift (cr25a F4: Chloe's calf raise, 10 kg x 12
                # logged at RIR 4 in a deload, went back to its body-mass estimate, 6 kg)
                walk.lifts[ex_id] = lift = from_set(walk, s, before)
                lift.diary = ex_id in walk.profile.logged_sets
                # an eased set is not the lift's best load: the next full day steps from the one before it
                # (a deload's trap bar 87.5 kg done as planned took the next week to 90, not 100 kg)
                lift.last = max(lift.last or 0.0, before.last or 0.0) or lift.last
                continue
            full = walk.full_days.get((ex_id, s.date)) if s.date is not None else None
            as_planned = eased_as_planned(full, s, walk.p)
            if as_planned and before is not None and before.last is not None and _confirms(before, s, full):
                walk.lifts[ex_id] = confirmed(walk, s, before, ex_id in walk.profile.logged_sets)  # cr22b W2
                continue
            # every rep of the day's dose done (an eased day's too: a deload logged harder than it asked,
            # every rep done, is one hard week as a full day's is, and the review's hold says so)
            day = full if full is not None else planned
            done = day is not None and s.reps >= (day.reps or 0) and s.load_kg >= (day.load_kg or 0) - 1e-9
            # the day's very load, every rep done, logged harder, on a day after the lift's first (its weight
            # found then): a rating of that load, not a found weight
            rated = (
                done
                and abs(s.load_kg - (day.load_kg or 0)) < 1e-6
                and not eased_as_planned(day, s, walk.p)
                and _lived_before(walk, ex_id, s.date)
            )
            done = done and (ex_id, s.date) not in walk.hard_held  # a second hard week in a row lowers it
            walk.lifts[ex_id] = from_set(walk, s, before, as_planned=as_planned, done=done, rated=rated)
            walk.lifts[ex_id].diary = logged and ex_id in walk.profile.logged_sets  # P3: the words say whose set
    if logged:
        return
    for ex_id, kg in walk.profile.known_loads_kg.items():
        if ex_id in library and ex_id not in walk.lifts:
            e = library.get(ex_id)
            e1rm = given_e1rm(e, kg, p)
            walk.lifts[ex_id] = _aged_start(walk, e, e1rm, kg, known_date(walk.profile)) or LiftState(
                e1rm, kg, "e1rm-formula"
            )
    # the loads the runner gave (not the diary's sets of lifts the plan estimated: done as
    # planned they only repeat the estimate) scale the estimates of the others
    given = [(library.get(x), lift.e1rm) for x, lift in walk.lifts.items() if lift.rule == "e1rm-formula"]
    walk.scale = strength_scale(given, walk.profile, p)


def _given_aged(walk: LoadWalk, ex_id: str, s: Any, before: LiftState | None) -> bool:
    """Whether the profile's set of `ex_id` is from before a break: it starts the lift aged when
    the walk holds none yet; a lift the walk already holds (lived weeks, a known load) keeps it."""
    if aged(walk.profile, s.date, walk.p) is None:
        return False
    if before is None:
        walk.lifts[ex_id] = _aged_start(walk, walk.library.get(ex_id), set_e1rm(s, walk.p), s.load_kg, s.date)  # type: ignore[assignment]
    return True


def _aged_start(walk: LoadWalk, e: Exercise, e1rm: float, kg: float, day: Any) -> LiftState | None:
    """A start from a load given before a break, at its share of the load's e1RM, its first
    session finding the weight from light (detraining-restart); None for a load of today."""
    a = aged(walk.profile, day, walk.p)
    if a is None:
        return None
    words = taken_words(in_units(kg, walk.profile.units), a)
    return LiftState(e1rm * a.share, None, "e1rm-formula", find=_to_find(walk, e), aged=words)


def _lived_before(walk: LoadWalk, ex_id: str, day: Any) -> bool:
    """Whether the lift had a lived day before `day` (its find-your-weight day is behind it)."""
    return any(x == ex_id and d < day for x, d in (*walk.full_days, *walk.eased_days))


def _confirms(before: LiftState, s: Any, full: Any) -> bool:
    """Whether a full day's set done as planned goes on from where the walk had the lift: a load the
    runner gave or logged, or an estimate done at the very load it asked (cr26a F6: a calf raise's
    estimate, rounded down to the dumbbell under it and done as planned, restarted from that set and
    lightened weeks 7-17). An estimate lifted heavier stands as lifted (cr20a #4)."""
    return before.rule not in ESTIMATE_RULES or s.load_kg <= full.load_kg + 1e-9


def _above_estimate(walk: LoadWalk, ex_id: str, s: Any, before: LiftState) -> bool:
    """Whether a logged set shows more than the estimate the walk holds the lift at (a lift
    started from body mass or converted from another lift, its weeks' growth included)."""
    base = before.e1rm
    top = kit_top(walk, walk.library.get(ex_id))
    if top is not None and s.load_kg >= top - 1e-9:  # at the kit's top the effort was read from its free e1RM
        base = max(base, before.free_e1rm or base)
    now = base * (1 + walk.p.load_step_pct / 100) ** before.weeks
    return before.rule in ESTIMATE_RULES and set_e1rm(s, walk.p) > now + 1e-9


def estimate(walk: LoadWalk, e: Exercise) -> LiftState | None:
    converted = _carried_over(walk, e)
    if converted is not None:
        return converted
    table = table_e1rm(e, walk.profile, walk.p)
    if table is None:
        return None
    e1rm = table * walk.p.start_cautious_pct / 100 * walk.scale  # a lift of the movement, not its usual one
    return LiftState(e1rm, None, "starting-load-estimate", find=_to_find(walk, e), scale=walk.scale)


def _to_find(walk: LoadWalk, e: Exercise) -> bool:
    """Whether the lift's first session finds its weight: not where the runner owns one weight
    of its kit, all there is to lift (owned-weights)."""
    return ld.only_load_kg(e, walk.profile.units, walk.profile.owned_weights) is None


_SHOWN = frozenset({"e1rm-formula", "load-autoregulation"})  # loads the runner gave or logged: they convert


def _carried_over(walk: LoadWalk, e: Exercise) -> LiftState | None:
    """A start converted from a lift of the same movement whose load is known or logged,
    by the registry's ratio between the two (cross-lift-start), or for a split squat, lunge or
    step-up from a squat the runner gave or logged (its `from_squat_pct`: cr26a F5, F7, a 4 kg
    split squat "RPE 8" beside a 20 kg goblet squat); None when there is none. A
    stand-in converts from the lift it stands in for first, and a review's stand-in (form
    broke down, or pain) at the registry's cautious share of that: the lift it replaces was
    swapped out for a reason (holdfix's Left: Marcus's stand-in took his trap bar's load)."""
    ratios, library = walk.p.cross_lift_relative_pct, walk.library
    squat_family = e.pattern in walk.p.cross_lift_from_squat_pct and scales_up(e)
    if e.id not in ratios and not squat_family:
        return None
    swaps = [x for x in walk.profile.exercise_swaps if x.to_id == e.id]
    replaced = {x.from_id: x.rule_id == "review-regress" for x in swaps}
    order = sorted(walk.lifts.items(), key=lambda kv: kv[0] not in replaced)  # the replaced lift first
    for src_id, lift in order:
        src = library.get(src_id) if src_id in library else None
        if src is None or lift.rule not in _SHOWN:
            continue
        listed = e.id in ratios and src_id in ratios and src.pattern == e.pattern
        if not listed and not (squat_family and src.pattern == "squat"):
            continue
        now = lift.e1rm * (1 + walk.p.load_step_pct / 100) ** lift.weeks
        e1rm = now * family_ratio(src, e, walk.p)  # type: ignore[operator]
        cautious = any(replaced.values())  # a review's stand-in: cautious whichever lift it converts from
        share = walk.p.cross_lift_stand_in_pct / 100 if cautious else 1.0
        pct = walk.p.cross_lift_stand_in_pct
        name = src.name if share == 1.0 else f"{src.name} ({pct:g}% of it: a stand-in starts cautiously)"
        return LiftState(e1rm * share, None, "cross-lift-start", find=_to_find(walk, e), source=name)
    return None


def start_of(walk: LoadWalk, e: Exercise, block: Block) -> LiftState | None:
    """Where the block's lift stands: the walk's, else its start (a rung's new lift light,
    rung-start-load); the area's usual lift back after its pain ladder starts afresh at the
    handover's share the first time it comes (pain-ladder-handover)."""
    lift = walk.lifts.get(e.id)
    if handed_back(block) and e.id not in walk.handed:
        walk.handed.add(e.id)
        lift = hand_back(walk, e, lift or estimate(walk, e))
    elif lift is None:
        lift = (rung_start(walk, e) if on_rung(block) else None) or estimate(walk, e)
    if lift is not None:
        walk.lifts[e.id] = lift
    return lift
