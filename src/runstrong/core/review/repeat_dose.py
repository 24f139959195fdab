"""A whole hold's day repeats the last dose done (review-hold): the same sets, reps, load and
effort the held week gave that day's lift, never a new dose under it.

The replan holds a category by planning its week a week back (`core/review_dosing`), which is
the week before in the block's steps, not the dose last done: after a week with nothing done it
is the missed week's dose, and a new heavy scheme or a kit step of that week changes the reps.
Capped by the held dose, the day came out under it: Chloe's dumbbell RDL 4 x 7 @ 14 kg came
back 4 x 4, a single-leg-power day's 2 x 10 @ 6 kg as 2 x 7 with "Heavy: near RPE 8" beside
RIR 4 (cr25a F5). Across a phase change the load holds and the reps move toward the new
phase's range by at most a progression step (linear-progression), and the day says so.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .. import loads as ld
from ..model import Block, Category, Plan, Prescription, Role, Week, why
from ..timing import estimate_seconds
from .measure import last_loading_week, plan_week
from .steps import LOGGED_HARDER
from .values import Review

# the words of the dose a replanned block carried, which the repeated dose replaces
_DOSE_WORDS = ("linear-progression", "kit-double-progression")


class Repeat(NamedTuple):
    """The held days' last dose done, by session focus and lift, and whether the week repeating
    it starts a new phase (`repeat_dose`)."""

    blocks: dict[Any, Block]
    new_phase: bool
    follows_log: frozenset = frozenset()  # categories whose hold says a harder log lowers their loads
    after_missed: bool = False  # the dose is an earlier week's: the reviewed week had nothing done


def light(b: Block) -> bool:
    """A light day's block (light-before-key-runs): a hold caps it at its light dose, never repeats a full one."""
    return any(r.rule_id == "light-before-key-runs" for r in b.reasons)


def reference_week(old: Plan, review: Review) -> Week | None:
    """The week whose dose a hold repeats: the reviewed week; after a deload the last loading
    week; after a week with nothing done the last week done (`WeekMetrics.held_from`)."""
    held = review.metrics.held_from
    if held is not None:
        return plan_week(old, held)
    week = plan_week(old, review.week_start)
    if week is not None and week.deload:
        return last_loading_week(old, review.week_start)
    return week


def follows_log(review: Review) -> frozenset:
    """The categories a hold names as following a harder log down (steps.LOGGED_HARDER)."""
    said = {d.scope for d in review.decisions if d.action == "hold" and LOGGED_HARDER in d.text}
    return frozenset(c for c in Category if c.value in said)


def reference_blocks(old: Plan, review: Review, categories: set[Any]) -> dict[tuple[Any, str], Block]:
    """The held categories' main and accessory blocks of the reference week, by session focus and lift."""
    week = reference_week(old, review)
    if week is None:
        return {}
    return {
        (s.focus, b.exercise_id): b
        for s in week.sessions
        for b in s.blocks
        if b.role in (Role.primary, Role.accessory) and b.category in categories
    }


def repeated(b: Block, ref: Block, own: Prescription | None, again: Repeat, params: Any) -> Block:
    """`b` at `ref`'s dose: its sets (no more than the plan gave the day, `own`), reps or seconds,
    load and effort. Across a phase change (`again.new_phase`) to a lower range the reps move down
    toward the new phase's (the plan's for the day, `own`, else `b`'s) by at most linear-progression's
    rep step, at the held load; a hold adds no reps. A category whose hold says its harder log lowers
    it (`again.follows_log`) keeps the walk's lower load."""
    dose, new_phase = ref.prescription, again.new_phase
    sets = min(dose.sets, own.sets) if own is not None else min(dose.sets, b.prescription.sets)
    update: dict[str, object] = {"sets": sets}
    kg = b.prescription.load_kg
    words = []
    lowered = again.after_missed and _log_lowered(b.prescription, dose, params)
    follow = b.category in again.follows_log or lowered
    if follow and kg is not None and dose.load_kg is not None and kg < dose.load_kg:
        update["load_kg"] = kg
        if lowered:
            words.append(why("review-hold", BACK_WORDS))
    if sets < dose.sets and own is not None:
        update["extra_sets_side"] = own.extra_sets_side if own.extra_sets_side == dose.extra_sets_side else None
    reps, now = dose.reps, (own or b.prescription).reps  # the new phase's: the plan's for the day, else the replan's
    if new_phase and reps and now and now < reps:  # a hold adds no reps: only a lower range moves them
        update["reps"] = max(now, reps - params.max_rep_step)
        words.append(why("review-hold", _phase_words(reps, update["reps"])))  # type: ignore[arg-type]
    presc = dose.model_copy(update=update)
    kept = [r for r in b.reasons if r.rule_id not in _DOSE_WORDS and not r.rule_id.startswith("dose-")]
    doses = [r for r in ref.reasons if r.rule_id.startswith("dose-")]
    reasons = [*kept, *doses, *words]
    # the same words in the same order whether the dose changed or not: applied to its own result, a
    # review gives the very same plan (a snap-down's reasons came back reordered)
    if presc == b.prescription and reasons == b.reasons:
        return b
    return b.model_copy(
        update={"prescription": presc, "estimated_seconds": estimate_seconds(presc, b.role, params), "reasons": reasons}
    )


BACK_WORDS = (
    "Back after a week with nothing done: the dose of the last week you did, at the load your sets of it "
    "showed, not the load they fell short of."
)


def _log_lowered(now: Prescription, dose: Prescription, params: Any) -> bool:
    """Whether the replanned day's load stands for less strength than the repeated dose's did, by
    more than a week's load step: the walk has followed a harder log of that week down, so the dose
    repeated after a week with nothing done is not put back above it (cr30a F1: Tom failed his
    Romanian deadlift's 3 x 8 @ 72.5 kg, 8, 7, 6 reps at RPE 9.5, missed two weeks, and was given
    3 x 8 @ 72.5 kg again). Equal strength at other reps (a new rep scheme) is no lowering."""
    if not (now.load_kg and dose.load_kg and now.reps and dose.reps):
        return False
    was = _e1rm(dose, params)
    return _e1rm(now, params) < was / (1 + params.load_step_pct / 100) - 1e-9


def _e1rm(presc: Prescription, params: Any) -> float:
    i = presc.intensity
    rir = ld.rir_of(i.kind, i.value, params.autoreg_assumed_rir)
    return ld.e1rm(presc.load_kg or 0.0, presc.reps or 0, rir, params.e1rm_formula, params.e1rm_max_reps)


def _phase_words(was: int, now: int) -> str:
    return (
        f"Held at the load you last lifted; the new phase's range takes the reps {was} -> {now} "
        "(a progression step at most)."
    )


def phase_changed(ref_week: Week | None, week: Week) -> bool:
    """Whether `week` is in another phase than the week its hold repeats."""
    return ref_week is not None and ref_week.phase != week.phase
