"""Where a lift stands after a set: one the runner gave in the profile, or one the diary
logged, read against what the load walk expected of the lift (`plan_loads` walks the weeks;
this is its step from a set to the lift's state)."""

from __future__ import annotations

from dataclasses import replace

from . import loads as ld
from .diary import ESTIMATE_RULES
from .load_walk import LiftState, LoadWalk
from .log_loads import set_e1rm
from .model import RecentSet

__all__ = ["ESTIMATE_RULES", "confirmed", "from_set"]


def from_set(
    walk: LoadWalk,
    s: RecentSet,
    before: LiftState | None,
    as_planned: bool = False,
    done: bool = False,
    rated: bool = False,
) -> LiftState:
    """A lift's state from a set: one the runner gave (undated: its e1RM), or one the diary
    logged, bounded against what the walk expected of it (load-autoregulation). A full day
    logged harder than planned with all its reps `done`, in a week after one that was not,
    holds the lift at the week it logged: one hard week is noise (cr23a F12)."""
    p, logged = walk.p, set_e1rm(s, walk.p)
    if s.date is None:
        return LiftState(logged, s.load_kg, "e1rm-formula")
    grown = logged * (1 + p.load_step_pct / 100)  # the week after the log: a week's growth on it
    if before is None:
        return LiftState(grown, s.load_kg, "load-autoregulation", reps=s.reps, fresh_log=True)
    growth = (1 + p.load_step_pct / 100) ** before.weeks
    expected = before.e1rm * growth
    # bounded against what the plan expected, but never below what the set itself shows: a
    # runner who lifted more than a cautious estimate is not pulled back under their own set.
    # An estimate was never a load the runner showed: the log stands however far from it (the
    # bounds are for a rating of a known load; cr20a #4: 30 kg logged, 44 kg asked next)
    # A known load's log moves it at most a week's step over the plan, however far above it the log
    # is: a log far above is a typo or a unit slip until corrected (cr21a S1: 130 kg for 130 lb)
    bounded = ld.autoregulated(grown, expected, p.max_load_step_pct, p.autoreg_max_drop_pct)
    # a set of the very load a day planned, every rep done, logged harder (`rated`), rates that load however
    # the lift started: it lowers the lift within the bounds, as a known load's log does (cr26a F12: a deload's
    # set logged at RIR 1 in an overreaching week took Raj's estimated hip thrust from 22 to 18 kg for good)
    estimated = (before.rule in ESTIMATE_RULES and not rated) or before.last is None
    e1rm = grown if estimated else min(max(bounded, logged), expected * (1 + p.max_load_step_pct / 100))
    if as_planned:
        # a full day's set done as planned (its load, reps and reserve at least) confirms the plan: it
        # does not rebase the lift under what the walk expected (cr22b W2: each as-planned log of a load
        # the plan held or rounded down read a little weaker, and the heavy lift only held or fell; cr26a
        # F6: an estimate rounded down to the dumbbell under it, done as planned, lightened later weeks)
        e1rm = max(e1rm, expected)
    easier = e1rm >= expected * (1 + p.max_load_step_pct / 100) - 1e-9
    if done and not estimated and e1rm < expected / (1 + p.load_step_pct / 100) - 1e-9:
        return _held_once(walk, before)
    return LiftState(
        e1rm,
        s.load_kg if estimated else min(s.load_kg, before.last),  # type: ignore[type-var]
        "load-autoregulation",
        reps=s.reps,
        easier=easier,
        full_best=before.full_best,
        built_e1rm=before.built_e1rm,
        built_reps=before.built_reps,
        light_best=before.light_best,
        fresh_log=True,
        # a rung's lift light on purpose, done as planned, is still read against the runner's own lift
        # (cr26a F6: Nadia's pull-through "easy (RIR 6+)" logged as planned was then written "RIR 2")
        rung=before.rung and as_planned,
        own_e1rm=before.own_e1rm * growth if before.own_e1rm is not None and as_planned else None,
    )


def _held_once(walk: LoadWalk, before: LiftState) -> LiftState:
    """One hard week, the day's planned load and reps done: the lift repeats that week, neither up
    nor down (cr23a F12). It stays where the walk had it (its loads, its kit's and other day's
    doses, its light days, its weeks), at the e1RM of the week it logged rather than the week's
    growth on it; a fresh state from the set lost the other day's held load and the kit's held
    reps, and the heavy day's new phase range at 8 reps then capped a 3 x 10 day under the load
    it had lifted (a single-leg-power day's dumbbell RDL 24 -> 22 kg). As a log it leads the next
    week (`fresh_log`: no kit or light-day step on top of it)."""
    e1rm = before.e1rm / (1 + walk.p.load_step_pct / 100)
    return replace(
        before, e1rm=e1rm, free_e1rm=e1rm, rule="load-autoregulation", easier=False, fresh_log=True, hard_once=True
    )


def confirmed(walk: LoadWalk, s: RecentSet, before: LiftState, diary: bool) -> LiftState:
    """A full day's set done as planned or easier (its load, reps and reserve at least the
    plan's): the lift goes on where the walk had it, its kit's reps, held loads and weeks
    since its start kept, its e1RM raised to what the set shows (a week's step over the plan
    at most, and one real step up when it was that much easier). A fresh start from the set
    kept no kit state: each replan rounded the heavy lift down once more and its kit's next
    step was lost (cr22b W2: Hana's RDL 57.5 -> 55 -> 52.5 kg, every week logged as planned)."""
    p = walk.p
    growth = (1 + p.load_step_pct / 100) ** before.weeks
    expected = before.e1rm * growth
    top = expected * (1 + p.max_load_step_pct / 100)
    e1rm = min(max(set_e1rm(s, p) * (1 + p.load_step_pct / 100), expected), top)
    return replace(
        before,
        e1rm=e1rm / growth,
        free_e1rm=e1rm / growth,
        rule="load-autoregulation",
        easier=e1rm >= top - 1e-9,
        diary=diary,
        find=False,  # the weight was found: the set logged at it
    )
