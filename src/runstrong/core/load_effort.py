"""One effort per block, the one its load gives.

A block's effort target (reps in reserve, or an RPE) is where its load comes from: the load
for those reps at that reserve, from the e1RM the plan believes in. A ceiling can hold the
load under that target: the taper lifts no more than the last loading week, maintenance
keeps the load built before the race, a review holds the load, a light day stays clearly under its full
days, the race-close share of the 1RM, a deload. The load is then further from failure
than the target says (2 x 6 @ 52.5 kg "RPE 8" for an RDL whose e1RM is about 105 kg), so the
block says the effort the load gives at its reps, and why (`e1rm-formula`), never a target
nearer failure than its load allows. The dose's own sentence says the same effort
(`restated`): "Strength: 2 reps in reserve" is not left beside RIR 4.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from . import loads as ld
from .load_limits import copy_of, held_only, kit_top, reviewed
from .model import Block, Phase, Reason, build
from .phases import LOADING_PHASES
from .plan_model import Intensity
from .set_text import READABLE_RIR, easy_effort

if TYPE_CHECKING:
    from .load_walk import LiftState, LoadWalk

# the dose sentences that state an effort, and how they read at another one
_STATED = {
    "dose-strength": "Strength reps, at {effort} this week.",
    "dose-heavy": "Heavy work's few reps and long rests, at {effort} this week.",
}
_RUNG_LIGHT = (
    "rung-start-load",
    "A pain ladder's rung starts this lift light on purpose, under what your own lift allows",
)
LOAD_SAYS = "so that is the effort here"  # the sentence's end: an effort the load set, not the dose
MOST_SHOWN_RIR = 10  # the effort scale's end (RPE 0): a log takes no more
SLACK_REPS = 2  # a load this many reps or more further from failure than its target says so (a rep is
# within the kit's rounding and a week's growth of the e1RM: the last loading week's label stands)


def effort_words(intensity: Intensity, exact: bool = False) -> str:
    """ "2 reps in reserve", "RPE 8"; past the readable mark, as the label says it
    (`set_text.EASY_EFFORT`), unless `exact` (the dose a load's sentence names, read back by
    `as_dosed`).

    >>> effort_words(Intensity(kind="rir", value=4.0)), effort_words(Intensity(kind="rpe", value=8.0))
    ('4 reps in reserve', 'RPE 8')
    >>> effort_words(Intensity(kind="rir", value=9.0)), effort_words(Intensity(kind="rir", value=9.0), exact=True)
    ('an easy effort (6 or more reps in reserve)', '9 reps in reserve')
    """
    if not exact and easy_effort(intensity.kind, intensity.value):
        return f"an easy effort ({READABLE_RIR + 1} or more reps in reserve)"
    value = f"{intensity.value:g}" if intensity.value is not None else ""
    return f"{value} reps in reserve" if intensity.kind == "rir" else f"RPE {value}"


def restated(reasons: list[Reason], intensity: Intensity, why: Any) -> list[Reason]:
    """The reasons with the dose's effort sentence saying `intensity`, the block's own effort,
    where a later step (a light day, a deload, the race close, the load) changed it."""
    if intensity.kind not in ("rir", "rpe"):
        return reasons
    words = effort_words(intensity)
    out = []
    for r in reasons:
        said = _STATED.get(r.rule_id)
        stale = said is not None and words not in r.text and not r.text.startswith("Unloaded")
        out.append(why(r.rule_id, said.format(effort=words)) if stale else r)  # type: ignore[union-attr]
    return out


def reserve_at(e1rm: float, load: float, reps: int, p: Any) -> float:
    """Reps in reserve after `reps` at `load` for a lift whose e1RM is `e1rm` (the e1RM
    formula turned round; no further than the formula's reach, `e1rm_max_reps`).

    >>> from types import SimpleNamespace as NS
    >>> round(reserve_at(105, 52.5, 6, NS(e1rm_formula="epley", e1rm_max_reps=15)), 1)
    9
    >>> round(reserve_at(74, 60, 5, NS(e1rm_formula="epley", e1rm_max_reps=15)), 1)
    2.0
    """
    return min(ld.reps_to_failure(e1rm, load, p.e1rm_formula), p.e1rm_max_reps) - reps


def lightened(block: Block) -> bool:
    """A light day before a key run (light-before-key-runs)."""
    return any(r.rule_id == "light-before-key-runs" for r in block.reasons)


def kit_cause(walk: LoadWalk, block: Block, kg: float) -> tuple[str, str] | None:
    """The runner's kit as the ceiling: the block's load is the heaviest the kit makes for it
    (its heaviest or only owned weight, a stated heaviest, a full backpack), in any week, a loading
    week's too (cr25a F18: a 12 kg kettlebell deadlift at "RIR 3" for a 54 kg runner whose cautious
    estimate leaves her far more in reserve). The effort written is one that load can reach: the
    next loading week's at the same load steps from it (reps up, reserve down: the load implied holds)."""
    e = walk.library.get(block.exercise_id)
    kit = ld.implement(e.equipment)
    top = kit_top(walk, e)
    if kit is None or top is None or kg < top - 1e-9:
        return None
    units = walk.profile.units
    shown = f"{round(kg / ld.KG_PER_LB):g} lb" if getattr(units, "value", units) == "imperial" else f"{kg:g} kg"
    words = ld.KIT_WORDS.get(kit, "kit")
    if kit in walk.profile.owned_weights:
        return "owned-weights", f"{shown} is the heaviest of your {words}"
    return "kit-heaviest", f"{shown} is as heavy as your {words} go"


def _cause(week: Any, block: Block, close: bool) -> tuple[str, str] | None:
    """The ceiling that holds a block's load under its target: its rule and its words (None in a
    loading week but for a review's hold: its load climbs a step a week toward its target, the
    next week steps from its effort, and `validate` checks the step between the two)."""
    if reviewed(block):  # (a week a review held or cut is neither a step nor the base for one)
        return "review-hold", "Your review holds the load where it was"
    if week.phase in LOADING_PHASES and not week.deload:  # the next week steps from this one's effort
        return None
    if close:
        if week.phase == Phase.maintenance:
            return "maintenance-after-race", "The first days back after the race keep the load well under your 1RM"
        return "taper", "The race is close, so the load stays well under your 1RM"
    if lightened(block):
        return "light-before-key-runs", "A light day stays clearly under the lift's full days"
    if week.deload:
        return "planned-deloads", "A deload eases the load"
    if week.phase == Phase.taper:
        return "taper", "The taper lifts no more than the last loading week"
    if week.phase == Phase.maintenance and "in-season" in week.rule_ids:  # a season keeps, between races
        return "in-season", "In season the load stays where the weeks before the season built it, no more"
    if week.phase == Phase.maintenance:
        return "maintenance-after-race", "Maintenance keeps the load built before the race, no more"
    return None


def honest_effort(walk: LoadWalk, lift: LiftState | None, week: Any, block: Block, close: bool) -> Block:
    """`block` saying the effort its load gives, when a ceiling holds the load SLACK_REPS or more
    further from failure than its target (the block itself otherwise)."""
    presc = block.prescription
    kind, kg, reps = presc.intensity.kind, presc.load_kg, presc.reps
    if lift is None or kg is None or not reps or kind not in ("rir", "rpe"):
        return block
    if any(r.rule_id == "find-your-weight" for r in block.reasons):
        return block  # the runner finds the load at the target
    p = walk.p
    target = walk.rir(presc)
    growth = (1 + p.load_step_pct / 100) ** lift.weeks
    kit = None
    if lift.rung and lift.own_e1rm is not None:  # light on purpose: read against the runner's own lift (cr26a F5)
        e1rm = lift.own_e1rm * growth
        if easy_at(e1rm, kg, reps, p):
            return _said_easy(walk, block, round(kg / e1rm * 100))
        cause = _cause(week, block, close) or _RUNG_LIGHT
    else:
        cause = _cause(week, block, close)
        # a loading week's load at the kit's top (an eased week's, the taper's, a light day's, is read as
        # before, against the loads planned: read from the e1RM the plan grows, a taper set logged as
        # written would show a lift the kit holds and move it on, `kit_fit.at_kit_ceiling`; left open)
        kit = kit_cause(walk, block, kg) if cause is None else None
        cause = cause or kit
        if cause is None:
            return block
        if kit is None:
            e1rm = _held_e1rm(walk, lift, week, block, close, lift.e1rm * growth)
        else:  # at the kit's top every week's load is that top: the walk's e1RMs, bound to it, read it at the target
            e1rm = (lift.free_e1rm or lift.e1rm) * growth
    gives = reserve_at(e1rm, kg, reps, p)
    step, bar = walk.kit(walk.library.get(block.exercise_id))
    # at the kit's top no slack: the reps and reserve written add up to what the load allows week
    # after week, so a rep more is a rep less in reserve and the load they imply never rises with them
    slack = 0 if kit else SLACK_REPS
    if gives < target + slack - 1e-9 or not (kit or loads_held(p, e1rm, kg, reps, target, step, bar)):
        return block  # the kit's rounding alone: the target stands
    # (at the kit's top the reserve rounds down: the set logged as written shows no more than the e1RM
    # it was read from, so it does not restart the lift from that log, `load_starts._above_estimate`)
    shown = float(min(max(math.floor(gives + (1e-9 if kit else 0.5)), target + slack), MOST_SHOWN_RIR))
    if shown <= target + 1e-9:
        return block

    limit = outgrown_words(walk, block, e1rm, target) if kit and shown > READABLE_RIR else []

    def said() -> Block:
        intensity = build(Intensity, kind="rir", value=shown)
        rule, words = cause
        text = (
            f"{words}: at {reps} reps this load leaves about {shown:g} in reserve, {LOAD_SAYS} "
            f"(the dose asked {effort_words(presc.intensity, exact=True)})."
        )
        reasons = restated([*block.reasons, p.why(rule, text), *limit], intensity, p.why)
        return copy_of(block, prescription=copy_of(presc, intensity=intensity), reasons=reasons)

    return walk.copies.of((block, *limit), ("effort", shown, *cause), said)  # the words name the cause


def outgrown_words(walk: LoadWalk, block: Block, e1rm: float, target: float) -> list[Reason]:
    """A loading week's full day at the kit's heaviest left an easy effort (past the readable reserve):
    the kit is the limit, and the load that would give the dose asked at these reps (kit-outgrown)."""
    p, presc, e = walk.p, block.prescription, walk.library.get(block.exercise_id)
    step, bar = walk.kit(e)
    asks = ld.load_for(e1rm, presc.reps or 0, target, p.e1rm_formula, p.e1rm_max_reps)
    wanted = max(ld.round_down(asks + step / 2, step, bar), (presc.load_kg or 0) + step)  # the nearest step above
    imperial = getattr(walk.profile.units, "value", walk.profile.units) == "imperial"
    shown = f"{round(wanted / ld.KG_PER_LB):g} lb" if imperial else f"{wanted:g} kg"
    words = ld.KIT_WORDS.get(ld.implement(e.equipment), "kit")  # type: ignore[arg-type]
    heavy = "dose-heavy" in block.rule_ids
    most = outgrown_most(p, walk.profile, heavy)
    then = f"else its reps climb up to {p.max_rep_step} a week, to {most} at most, each a rep less in reserve"
    if (presc.reps or 0) >= most:
        then = f"its reps are already at the {most} this rule climbs to"
        if heavy and most < p.kit_outgrown_max_reps:  # bone answers heavy loads: the reps stay few
            then = "its reps stay few, as heavy work for bone asks (bone-loading)"
    text = (
        f"This lift has outgrown your {words}: about {shown} would give the dose asked at {presc.reps} reps. "
        f"Heavier kit is the fix; until then it moves on to a harder form where one fits your kit, {then}."
    )
    return [p.why("kit-outgrown", text)]


def outgrown_most(p: Any, profile: Any, heavy: bool) -> int:
    """The most reps kit-outgrown climbs a full day to at the kit's heaviest: its rule's, but a
    low-bone-density (or menopausal) runner's heavy day keeps the heavy scheme's few reps (bone-loading: bone
    answers heavy loads, not more reps; the week says the kit holds it short of the heavy dose)."""
    if heavy and any(getattr(h, "value", h) in ("low_bone_density", "menopause") for h in profile.health):
        return int(p.heavy_reps[1])
    return int(p.kit_outgrown_max_reps)


def _held_e1rm(walk: LoadWalk, lift: LiftState, week: Any, block: Block, close: bool, e1rm: float) -> float:
    """The e1RM a held or eased block's effort is read against: no more than the lift's last
    loading week stood for when the block repeats or eases it."""
    presc = block.prescription
    if (week.phase == Phase.taper or held_only(block)) and lift.last_e1rm:
        e1rm = min(e1rm, lift.last_e1rm)  # the same load and reps as the last loading week: its effort (a hold grows
        # nothing: cr19b #4 read a held 55 kg x 6 as RIR 6 against the e1RM the walk had grown for the next step)
    if week.phase == Phase.maintenance and not close and lift.built_e1rm:
        e1rm = min(e1rm, lift.built_e1rm)  # maintenance grows nothing: its load is the one built, at its effort
    if held_only(block) and lift.light is not None and lightened(block):
        # a held light day repeats the last loading week's light day, whose load a light day's share
        # set under the same reserve: read against what that day stood for, not the full days' e1RM
        # (a held 2 x 7 @ 32.5 kg read RIR 8 where the week it repeats said RIR 4)
        e1rm = min(e1rm, walk.e1rm_of(lift.light[1], copy_of(presc, reps=lift.light[0])))
    day = walk.day_last.get((block.exercise_id, walk.focus)) if held_only(block) and not lightened(block) else None
    if day is not None and day.load_kg and day.reps and day.intensity.kind in ("rir", "rpe"):
        # a held full day repeats its own day's last loading week: read against what that set stood
        # for, not the heavy day's (a held 2 x 10 @ 14 kg beside 3 x 4 @ 18 kg is not "RIR 6")
        e1rm = min(e1rm, walk.e1rm_of(day.load_kg, day))
    return e1rm


def easy_at(e1rm: float, kg: float, reps: int, p: Any) -> bool:
    """Whether `reps` at `kg` leave more reps in reserve than a runner can read, by the e1RM
    formula turned round without its reach (a load at half the e1RM is easy however far the
    formula is stretched: read within its reach, 12 reps would say "RIR 3").

    >>> from types import SimpleNamespace as NS
    >>> easy_at(75, 37.5, 12, NS(e1rm_formula="epley")), easy_at(74, 60, 5, NS(e1rm_formula="epley"))
    (True, False)
    """
    return ld.reps_to_failure(e1rm, kg, p.e1rm_formula) - reps >= READABLE_RIR + 1


def _said_easy(walk: LoadWalk, block: Block, pct: int) -> Block:
    """A rung's deliberately light block, labelled easy (RIR 6+) with the reason (rung-start-load)."""
    presc = block.prescription
    shown = float(READABLE_RIR + 1)
    if presc.intensity.kind == "rir" and presc.intensity.value == shown:
        return block

    def said() -> Block:
        intensity = build(Intensity, kind="rir", value=shown)
        text = (
            f"{_RUNG_LIGHT[1]}: at {presc.reps} reps this load is about {pct}% of the 1RM it converts to, "
            f"an easy effort ({READABLE_RIR + 1} or more reps in reserve), {LOAD_SAYS} (the dose asked "
            f"{effort_words(presc.intensity, exact=True)})."
        )
        reasons = restated([*block.reasons, walk.p.why(_RUNG_LIGHT[0], text)], intensity, walk.p.why)
        return copy_of(block, prescription=copy_of(presc, intensity=intensity), reasons=reasons)

    return walk.copies.of((block,), ("easy", shown, pct), said)


_ASKED = re.compile(r"\(the dose asked (?:(?P<rir>[\d.]+) reps in reserve|RPE (?P<rpe>[\d.]+))\)\.$")


def as_dosed(walk: LoadWalk, block: Block) -> Block:
    """A block whose effort its load said (a week already lived, walked again) with the effort
    its dose asked, which its load came from: the walk then stands where it stood when the week
    was planned (a replan with nothing new gives the same weeks)."""
    said, intensity = asked_effort(block)
    if intensity is None:
        return block

    def dosed() -> Block:
        presc = copy_of(block.prescription, intensity=intensity)
        return copy_of(block, prescription=presc, reasons=[r for r in block.reasons if r.text != said])

    return walk.copies.of((block,), ("dosed",), dosed)


def asked_effort(block: Block) -> tuple[str | None, Intensity | None]:
    """The sentence in which a block's load said its effort, and the effort its dose asked (None, None:
    its effort is its dose's). A stored week read again (a replan's lived weeks, the carry a week steps
    from) steps from the dose asked, as the walk did when it planned the week."""
    said = next((r.text for r in block.reasons if LOAD_SAYS in r.text), None)
    m = _ASKED.search(said) if said is not None else None
    if m is None:
        return None, None
    kind = "rir" if m["rir"] is not None else "rpe"
    return said, build(Intensity, kind=kind, value=float(m["rir"] or m["rpe"]))


def loads_held(p: Any, e1rm: float, kg: float, reps: int, rir: float, step: float, bar: float) -> bool:
    """Whether `kg` sits under the load the target (reps at `rir`) implies, on the kit's steps."""
    return kg < ld.round_down(ld.load_for(e1rm, reps, rir, p.e1rm_formula, p.e1rm_max_reps), step, bar) - 1e-9


def as_asked(walk: LoadWalk, session: Any) -> Any:
    """`session` with a rung's deliberately light blocks at the effort their dose asked: the walk
    steps the next week from the dose, not from the easy label its load gives (rung-start-load)."""
    easy = [as_dosed(walk, b) if _RUNG_LIGHT[0] in b.rule_ids and _said(b) else b for b in session.blocks]
    return session if all(a is b for a, b in zip(easy, session.blocks, strict=True)) else copy_of(session, blocks=easy)


def _said(block: Block) -> bool:
    return any(r.rule_id == _RUNG_LIGHT[0] and LOAD_SAYS in r.text for r in block.reasons)
