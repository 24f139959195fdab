"""What the diary's own changes say on the blocks they touch, in every plan the profile
makes (a review's new plan, and any later replan from an edited profile):

- a review that found an area painful on one side only stores that side in its
  `Adjustment`; that week's single-leg blocks which load the area open with "Go easy on
  your left knee…" (rule pain-monitoring);
- a swap a coach chose (`ExerciseSwap.chosen_by`) names the coach as its reason;
- a cue names only the furniture the profile has (`core/furniture_words`).

Both live in the profile, not in one plan version, so a replan cannot drop them. Doses are
never changed here; weeks already lived are left as they were planned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .context import PlanningContext
from .furniture_words import with_furniture_words
from .model import AthleteProfile, Block, Category, Exercise, PainArea, Reason, Role, Week, why
from .vocab import AREA_NAME, CATEGORY_NAME

SWAP_RULE = "exercise-swap"
GO_EASY_RULE = "pain-monitoring"
GO_EASY = "Go easy on your "  # how the painful side's cue begins (`go_easy_text`)
WEAK_RULE = "weak-side-extra-set"
LEG_WORK = (Category.single_leg_power, Category.posterior_chain)  # a painful side adds no extra set here


def side_cue(block: Block) -> str | None:
    """The painful side's "go easy" cue a block carries (once, first among its cues), or None."""
    cue = block.cues[0] if block.cues else None
    if cue is None or not cue.startswith(GO_EASY):
        return None
    return cue if any(r.rule_id == GO_EASY_RULE and r.text == cue for r in block.reasons) else None


def with_owned_cues(weeks: list[Week], profile: AthleteProfile, ctx: PlanningContext,
                    lived: frozenset[dt.date] = frozenset()) -> list[Week]:  # fmt: skip
    """`weeks` with the painful side's cue and the coach's swap reasons on the blocks they
    concern, and cues naming only the runner's furniture (`core/furniture_words`); the same
    weeks when the profile has no side or swap and every piece of furniture (a gym)."""
    weeks = with_furniture_words(weeks, profile, lived)
    sides = {a.week_start: a.pain_sides for a in profile.week_adjustments if a.pain_sides}
    coached = [x for x in profile.exercise_swaps if x.chosen_by and x.to_id]
    told = {a: (side, TOLD) for a, side in profile.pain_sides.items() if a in profile.pain_areas}  # the runner's own
    if not sides and not coached and not told:
        return weeks
    out = []
    for w in weeks:
        reviewed = {a: (side, REVIEWED) for a, side in sides.get(w.start_date, {}).items()}
        week_sides = {**told, **reviewed}  # a review's side for its week comes last
        if w.start_date not in lived and (week_sides or coached):
            w = _cued_week(w, week_sides, coached, ctx)
        out.append(w)
    return out


def _cued_week(w: Week, sides: dict, coached: Sequence, ctx: PlanningContext) -> Week:
    sessions = []
    for s in w.sessions:
        blocks = [_coach_reason(_easy_block(b, sides, ctx), s.date, coached, ctx) for b in s.blocks]
        sessions.append(s if blocks == s.blocks else s.model_copy(update={"blocks": blocks}))
    painful = {side for side, _ in sides.values()}
    reasons = [_waiting_note(r, painful) for r in w.reasons]
    return w.model_copy(update={"sessions": sessions, "reasons": reasons})


def _waiting_note(r: Reason, painful: set[str]) -> Reason:
    """The screen's week note of an extra leg set for a weaker side that hurts says the set
    waits (the blocks add none there), not that it comes."""
    if r.rule_id != WEAK_RULE:
        return r
    for category in LEG_WORK:
        for side in painful:
            if r.text == f"An extra {CATEGORY_NAME[category]} set for the {side} side.":
                return why(WEAK_RULE, waits_text(side, CATEGORY_NAME[category]))
    return r


def waits_text(side: str, category_name: str = "") -> str:
    """One sentence for a weaker side that is also the painful one: its extra set waits."""
    what = f"extra {category_name} set" if category_name else "extra set"
    return f"The {what} for your weaker {side} side waits until the pain there settles."


REVIEWED, TOLD = "it was the painful side last week", "it is the painful side"  # where the side was said


def go_easy_text(area: PainArea, side: str, acceptable: float, said: str = REVIEWED) -> str:
    name = AREA_NAME[area]
    return f"{GO_EASY}{side} {name}: {said}; stop that side if the pain passes {acceptable:g}/10."


def _easy_block(b: Block, sides: dict, ctx: PlanningContext) -> Block:
    """A single-leg block beside an area painful on one side: no weaker-side extra set on a
    painful side's leg work, and the go-easy cue first in line where the block loads the area."""
    if not sides or b.role not in (Role.primary, Role.accessory) or not b.prescription.per_side:
        return b
    if b.exercise_id not in ctx.library:
        return b
    from .review.regress import LOADS, load_on  # core.review plans through the planner: imported late

    e = ctx.library.get(b.exercise_id)
    b = _spared_side(b, e, {side for side, _ in sides.values()})
    acceptable = ctx.registry.param("pain-monitoring", "acceptable_during")
    for area, (side, said) in sorted(sides.items(), key=lambda kv: kv[0].value):
        lad = ctx.ladders.get(area)
        if load_on(e, area) < LOADS and (lad is None or lad.rung_of(e.id) is None):
            continue
        text = go_easy_text(area, side, acceptable, said)
        if text in b.cues:
            return b
        return b.model_copy(update={"cues": [text, *b.cues], "reasons": [*b.reasons, why(GO_EASY_RULE, text)]})
    return b


def _spared_side(b: Block, e: Exercise, painful: set[str]) -> Block:
    """The weaker side's extra set is not added to leg work on a side that hurts: the
    block says once that it waits, in place of the dose's word that it comes."""
    side = b.prescription.extra_sets_side
    if side not in painful or e.category not in LEG_WORK:
        return b
    kept = [r for r in b.reasons if r.rule_id != WEAK_RULE]
    return b.model_copy(update={
        "prescription": b.prescription.model_copy(update={"extra_sets_side": None}),
        "reasons": [*kept, why(GO_EASY_RULE, waits_text(side))],
    })  # fmt: skip


def _coach_reason(b: Block, day: dt.date, coached: Sequence, ctx: PlanningContext) -> Block:
    """A block a coach swapped in says so, in place of the runner's "your choice"."""
    swap = next((x for x in reversed(coached) if x.to_id == b.exercise_id and x.since <= day), None)
    if swap is None or not any(r.rule_id == SWAP_RULE for r in b.reasons):
        return b
    old = ctx.library.get(swap.from_id).name if swap.from_id in ctx.library else swap.from_id
    text = f"Your coach {swap.chosen_by} chose this in place of {old}."
    if swap.reason:
        text += f" {swap.reason}"
    reasons = [why(SWAP_RULE, text) if r.rule_id == SWAP_RULE else r for r in b.reasons]
    return b if reasons == b.reasons else b.model_copy(update={"reasons": reasons})
