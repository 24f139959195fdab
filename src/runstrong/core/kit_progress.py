"""A lift whose load the kit holds progresses by reps, then by tempo (kit-double-progression).

`plan_loads` sets a load from the e1RM for the week's reps and effort, rounded down to the
runner's kit. On coarse kit (dumbbells 2 kg apart, kettlebells 4 kg, a 2.5 kg cable stack)
the next step is often more than many weeks' expected gain, and at the heaviest dumbbell the
runner owns there is no next step: the same load and reps came back week after week, and a
heavier phase's fewer reps at that load made the set easier while its effort said harder.

Here, while the load holds: reps climb a rep step a week to the top of their range and never
fall; at the top, the load steps once the next step reaches the effort at fewer reps (the
reps start again there); else the lowering slows a second a week to the registry's most. The
walk reads each week's result back off the block (its reps, tempo and reason), so a week
already lived and walked again leaves the walk where it stood.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from . import loads as ld
from .library import Library
from .load_effort import asked_effort, outgrown_most, reserve_at
from .load_limits import LOADED_ROLES, copy_of, reviewed
from .model import Block, EquipmentSet, Exercise, Prescription, Reason
from .owned_kit import kit_heaviest
from .phases import LOADING_PHASES
from .progression import load_rise_pct, nearer_failure
from .rep_scheme import CALF_REPS, DURABILITY_REPS
from .set_text import READABLE_RIR

if TYPE_CHECKING:
    from .load_walk import LiftState, LoadWalk

RULE = "kit-double-progression"
_EPS = 1e-6
# the rule that sets a reps block's range, and the params that hold it (`rep_scheme.rep_scheme`)
_RANGES = {
    "dose-heavy": "heavy_reps",
    "dose-strength": "strength_reps",
    "dose-foundation": "foundation_reps",
    "marathon-durability": "durability_capacity_reps",
    "dose-accessory": "accessory_reps",
    "core-drills-by-control": "foundation_reps",
    "ankle-foot-stiffness": "calf_reps",
}


class KitDose(NamedTuple):
    """What the kit's progression makes of a block: its prescription, load and reasons."""

    presc: Prescription
    kg: float
    reasons: list[Reason]


def dosed_range(block: Block, p: object) -> tuple[int, int] | None:
    """The rep range a block was dosed in, read off the rule that set it (the first such)."""
    for r in block.reasons:
        if r.rule_id == "slow-heavy-rung":  # its reps are its dose's (slow-heavy-rung): the kit's climb is not for it
            return None
        name = _RANGES.get(r.rule_id)
        scheme = {"marathon-durability": DURABILITY_REPS, "ankle-foot-stiffness": CALF_REPS}.get(r.rule_id, r.text)
        if name is not None and r.text == scheme:
            return getattr(p, name)  # (a durability emphasis in the choice of lift sets no range)
    return None


def lowering(tempo: str | None) -> int | None:
    """The seconds of a tempo's first count (the lowering), None when it has none to slow.

    >>> lowering("3-1-1-0"), lowering("X-0-X-0"), lowering(None)
    (3, None, None)
    """
    first = (tempo or "").split("-")[0]
    return int(first) if first.isdigit() else None


def slowed(tempo: str, by: int) -> str:
    """`tempo` with its lowering `by` seconds slower.

    >>> slowed("3-1-1-0", 2)
    '5-1-1-0'
    """
    first, *rest = tempo.split("-")
    return "-".join([str(int(first) + by), *rest])


def slower_of(block: Block, e: Exercise) -> int:
    """How much slower than the exercise's own tempo a block's lowering is (0 if not slowed)."""
    now, own = lowering(block.prescription.tempo), lowering(e.tempo)
    return max(now - own, 0) if now is not None and own is not None else 0


class KitState(NamedTuple):
    """A lift's main full day in its last loading week, as the kit's progression steps from it."""

    reps: int
    progressed: bool  # its reps, sets or tempo were the kit's progression's
    slower: int  # seconds its lowering was slowed
    span: tuple[int, int] | None  # the rep range it was dosed in
    reserve: float  # the reps in reserve it asked for
    sets: int  # its sets (the cap may have taken one: they come back a set a week)


def note_kits(walk: LoadWalk, loaded: list[list[Block]]) -> None:
    """Each lift's main full day this loading week (`main_day`), what the next loading week's
    kit progression steps from, and the reps and load of its other full day (`kept_reps`)."""
    blocks = [b for bs in loaded for b in bs]
    for ex_id in {b.exercise_id for b in blocks}:
        full = _full_days(blocks, ex_id)
        b = _main_of(full)
        lift = walk.lifts.get(ex_id)
        if b is not None and lift is not None and b.prescription.load_kg is not None:
            slower, presc = slower_of(b, walk.library.get(ex_id)), b.prescription
            lift.kit = KitState(
                presc.reps or 0, progresses(b), slower, dosed_range(b, walk.p), walk.rir(presc), presc.sets
            )
            other = next((o.prescription for o in full if o is not b and o.prescription.load_kg is not None), None)
            lift.other = None if other is None else (other.reps or 0, other.load_kg)  # type: ignore[assignment]


def main_day(blocks: list[Block], ex_id: str) -> Block | None:
    """A lift's main full day in a week's blocks: its heavy day, else its first full day (not a
    light day, not one a review held or cut): the day the kit's progression runs on."""
    return _main_of(_full_days(blocks, ex_id))


def _full_days(blocks: list[Block], ex_id: str) -> list[Block]:
    return [
        b for b in blocks
        if b.exercise_id == ex_id and b.role in LOADED_ROLES and b.prescription.reps
        and not light_day(b) and not reviewed(b)
    ]  # fmt: skip


def _main_of(full: list[Block]) -> Block | None:
    return next((b for b in full if is_heavy(b)), full[0] if full else None)


def kept_reps(
    walk: LoadWalk, week: object, block: Block, lift: LiftState, kg: float, close: bool, load_at: Callable
) -> KitDose | None:
    """A lift's other full day (beside its main one) keeps last loading week's reps while its
    load holds: a heavier phase's fewer reps at the same load (the kit's, or the heavy day's
    bound, `no_harder_than_heavy`) make the set easier while its effort says harder (Helen's
    Wednesday hip thrust, 3 x 12 -> 3 x 10 at 12 kg). Where the load steps at the dose's
    fewer reps, within its heavy day's bound, the week's dose stands. The reps kept are this
    day's own from last loading week where it had a load: a day that was the lift's main one
    then (before the other turned heavy) keeps its reps too (2 x 12 -> 1 x 10 at a 10 kg top)."""
    presc, day = block.prescription, walk.day_last.get((block.exercise_id, walk.focus))
    other = (day.reps, day.load_kg) if day is not None and day.reps and day.load_kg else lift.other
    if (
        other is None or not presc.reps or presc.reps >= other[0] or kg < other[1] - _EPS
        or week.phase not in LOADING_PHASES or week.deload or close  # type: ignore[attr-defined]
        or lift.find or lift.fresh_log or presc.intensity.kind not in ("rir", "rpe") or reviewed(block)
    ):  # fmt: skip
        return None
    main = main_day([b for s in week.sessions for b in s.blocks], block.exercise_id)  # type: ignore[attr-defined]
    now = copy_of(presc, reps=other[0])
    if main is walk.planned or min(_under_heavy(walk, main, presc, kg, load_at), load_at(now)) > other[1] + _EPS:
        return None  # the main day, or a load that steps at the dose's reps
    if _under_heavy(walk, main, now, load_at(now), load_at) < other[1] - _EPS:
        return None  # these reps at this effort ask a lighter load: the week's dose stands
    why, span = "fewer at the same load would make the set easier", dosed_range(block, walk.p)
    if span is not None and other[0] > span[1]:
        why = f"above this phase's {span[0]}-{span[1]}: {why}"
    text = f"The load holds at {shown_kg(walk, other[1])} on this day too, and its reps at {other[0]} ({why})."
    return KitDose(now, min(kg, other[1]), [walk.p.why(RULE, text)])


def _under_heavy(walk: LoadWalk, main: Block | None, presc: Prescription, kg: float, load_at: Callable) -> float:
    """`kg` for `presc` within what the lift's heavy day this week allows (its load's e1RM, at
    the reps its kit held last loading week if more: they never fall while its load holds)."""
    if main is None or not is_heavy(main):
        return kg
    p, e, kit = walk.p, walk.library.get(main.exercise_id), walk.lifts[main.exercise_id].kit
    heavy = main.prescription
    if kit is not None and kit.reps > (heavy.reps or 0):
        heavy = copy_of(heavy, reps=kit.reps)
    e1rm = walk.e1rm_of(load_at(heavy), heavy)
    cap = ld.load_for(e1rm, presc.reps or 0, walk.rir(presc), p.e1rm_formula, p.e1rm_max_reps)
    return min(kg, ld.round_down(cap, *walk.kit(e)))


def light_day(b: Block) -> bool:
    return any(r.rule_id == "light-before-key-runs" for r in b.reasons)


def progresses(block: Block) -> bool:
    """Whether the kit's progression set this block's reps or tempo (the walk's next week reads it)."""
    return any(r.rule_id == RULE for r in block.reasons)


def eligible(walk: LoadWalk, week: object, block: Block, lift: LiftState, close: bool) -> bool:
    """A full day of a loading week stepping from a planned week of this lift (not the one
    that finds the weight, nor one a fresh log sets, a review holds or the race is close to);
    of a lift with a heavy day this week, that day (its other days take their load from it)."""
    presc = block.prescription
    return (
        week.phase in LOADING_PHASES and not week.deload and not close  # type: ignore[attr-defined]
        and lift.last is not None and lift.kit is not None and lift.weeks > 0 and not lift.find and not lift.fresh_log
        and bool(presc.reps) and presc.intensity.kind in ("rir", "rpe") and not reviewed(block)
        and main_day([b for s in week.sessions for b in s.blocks], block.exercise_id) is walk.planned  # type: ignore[attr-defined]
    )  # fmt: skip


def is_heavy(b: Block) -> bool:
    """A lift's heavy day: dosed by the heavy scheme at an RPE, read from the dose asked where its
    load said another effort (at the kit's top, "RIR 6" for the RPE 8 asked: still the day the
    kit's progression runs on, as the walk found it before the words were set)."""
    if not any(r.rule_id == "dose-heavy" for r in b.reasons):
        return False
    asked = b.prescription.intensity if b.prescription.intensity.kind == "rpe" else asked_effort(b)[1]
    return asked is not None and asked.kind == "rpe"


def kit_dose(
    walk: LoadWalk,
    block: Block,
    lift: LiftState,
    e: Exercise,
    kg: float,
    load_at: Callable[[Prescription], float],
    most: int | None = None,
) -> KitDose | None:
    """The block's dose and load when the kit holds its load (None: the plain dose stands),
    its sets back at most a set a week above its main day's last (the cap may have taken some);
    `most`: the most reps a kit-outgrown climb may reach this week (the rule's, when None)."""
    dose = _kit_dose(walk, block, lift, e, kg, load_at, most)
    k = lift.kit
    sets_back = k.sets + walk.p.max_set_step  # type: ignore[union-attr]
    base = dose.presc if dose is not None else block.prescription
    if base.sets <= sets_back or not k.progressed or dosed_range(block, walk.p) != k.span:  # type: ignore[union-attr]
        return dose
    text = f"Sets come back a set a week after your cap took some: {sets_back} this week."
    return KitDose(
        copy_of(base, sets=sets_back),
        kg if dose is None else dose.kg,
        [*(dose.reasons if dose else ()), walk.p.why(RULE, text)],
    )


ASKED = "The week's dose asked {sets} x {reps}."
_ASKED = re.compile(r"The week's dose asked (\d+) x (\d+)\.$")


def undosed(walk: LoadWalk, block: Block) -> Block:
    """`as_planned`, kept on the walk (its copies are keyed by the identity of values it keeps alive)."""
    if not progresses(block):
        return block
    return walk.copies.of((block,), ("undosed",), lambda: as_planned(block, walk.library))


def as_planned(block: Block, library: Library | None = None) -> Block:
    """A block as the week's dose gave it, before the kit's progression changed its reps, sets
    or tempo (a week already lived is walked, and stepped from, as when it was planned)."""
    said = [r.text for r in block.reasons if r.rule_id == RULE]
    if not said:
        return block
    presc = block.prescription
    e = library.get(block.exercise_id) if library is not None and block.exercise_id in library else None
    m = next((m for m in map(_ASKED.search, said) if m), None)
    sets, asked = (int(m[1]), int(m[2])) if m else (presc.sets, presc.reps)
    slow = any(r.rule_id == "slow-heavy-rung" for r in block.reasons)  # its tempo is the rung's, not the library's
    tempo = e.tempo if e is not None and not slow else presc.tempo
    reasons = [r for r in block.reasons if r.rule_id != RULE]
    return copy_of(block, prescription=copy_of(presc, reps=asked, sets=sets, tempo=tempo), reasons=reasons)


def _kit_dose(
    walk: LoadWalk,
    block: Block,
    lift: LiftState,
    e: Exercise,
    kg: float,
    load_at: Callable[[Prescription], float],
    most: int | None,
) -> KitDose | None:
    p, presc = walk.p, block.prescription
    k, span, last = lift.kit, dosed_range(block, p), lift.last
    if k is None or span is None or last is None or not k.reps or not presc.reps:
        return None
    was = k.reps
    step, bar = walk.kit(e)
    kit = _Kit(ld.round_down(last, step, bar), step, bar, _heaviest(walk, e, step, bar))
    kit = kit._replace(wait=weeks_to_step(walk, lift, kit, span, walk.rir(presc)))
    tempo = kept_tempo(presc.tempo, e, k.slower)
    most = _most_reps(walk, span) if most is None else min(most, _most_reps(walk, span))
    if kg >= kit.held - _EPS and _outgrown(walk, lift, kit, was, most):  # an easy effort at the kit's heaviest
        now = copy_of(presc, reps=min(was + p.max_rep_step, most), tempo=tempo)
        return KitDose(now, kit.held, _words(walk, e, now, kit, was, span, "outgrown"))
    if presc.reps > was:  # reps rise as dosed (on another day's range of the lift too): the plain progression
        if not (k.progressed or k.slower) or span != k.span:
            if presc.reps - was <= p.max_rep_step:
                return None
            # a new phase's higher range is reached from the kit's reps within the weekly bound, the load held
            now = copy_of(presc, reps=was + p.max_rep_step)
            if (eased := load_at(now)) < kit.held - _EPS:  # these reps leave the reserve only at a lighter load
                return KitDose(now, eased, _words(walk, e, now, kit._replace(held=eased), was, span, "ease"))
            return KitDose(now, kit.held, _words(walk, e, now, kit, was, span, "climb"))
        now = copy_of(presc, reps=min(presc.reps, was + p.rep_step), tempo=tempo)  # the kit's climb: a step a week
        if load_at(now) >= kit.held - _EPS:
            return KitDose(now, kit.held, _words(walk, e, now, kit, was, span, "climb"))
    elif kg > kit.held + _EPS:  # the load steps: from the kit's reps, no more than the bound allows fewer
        if not k.progressed or _within((was, k.reserve), (presc.reps, walk.rir(presc)), p):
            return None
        fewer = next(r for r in range(presc.reps, was + 1) if _within((was, k.reserve), (r, walk.rir(presc)), p))
        now = copy_of(presc, reps=fewer)
        if (load := load_at(now)) > kit.held + _EPS:
            return KitDose(now, load, _words(walk, e, now, kit, was, span, "step"))
    elif kg < kit.held - _EPS:
        return None  # the load eases: not the kit's doing
    elif was + p.rep_step <= span[1] and not nearer_failure((was, k.reserve), walk.rir(presc), p):
        now = copy_of(presc, reps=was + p.rep_step, tempo=tempo)
        if load_at(now) >= kit.held - _EPS:  # one more rep still reaches the effort at the held load
            return KitDose(now, kit.held, _words(walk, e, now, kit, was, span, "climb"))
    return _held(walk, copy_of(presc, reps=was, tempo=tempo), lift, e, kit, span, most)


class _Kit(NamedTuple):
    held: float  # the load the kit holds: the lift's last loading week's, on this kit's steps
    step: float
    bar: float
    top: float | None  # the heaviest the runner's kit makes (None: no ceiling)
    wait: int | None = None  # loading weeks of the expected gain the next step still needs (None: no step)


def _within(before: tuple[int, float], after: tuple[int, float], p: object) -> bool:
    """Whether fewer reps imply a load within linear-progression's weekly bound."""
    return load_rise_pct(before, after, p.e1rm_divisor) <= p.max_implied_load_step_pct + _EPS  # type: ignore[attr-defined]


def _held(
    walk: LoadWalk, now: Prescription, lift: LiftState, e: Exercise, kit: _Kit, span: tuple[int, int], most: int
) -> KitDose:
    """At the held load with the reps it had (they never fall while it holds): the next step
    at fewer reps when the effort reaches it, else a slower lowering, else the same dose."""
    p, was = walk.p, now.reps or 0
    stepped = _next_step(walk, now, lift, kit, span[0])
    if stepped is not None:
        now = copy_of(now, reps=stepped[0], tempo=e.tempo)
        return KitDose(now, stepped[1], _words(walk, e, now, kit, was, span, "step"))
    if _outgrown(walk, lift, kit, was, most):  # the kit is too light: a rep more is a rep less in reserve
        now = copy_of(now, reps=min(was + p.max_rep_step, most))
        return KitDose(now, kit.held, _words(walk, e, now, kit, was, span, "outgrown"))
    if lowering(e.tempo) is not None and lift.kit.slower < p.kit_max_slower_seconds:
        slower = min(lift.kit.slower + p.kit_tempo_step_seconds, p.kit_max_slower_seconds)
        now = copy_of(now, tempo=slowed(e.tempo, slower))  # type: ignore[arg-type]
        return KitDose(now, kit.held, _words(walk, e, now, kit, was, span, "slow"))
    return KitDose(now, kit.held, _words(walk, e, now, kit, was, span, "repeat"))


OUTGROWN = "(kit-outgrown)"  # the mark of a climb the kit's easy effort made


def climbs(dose: KitDose | None) -> bool:
    """Whether `dose` is a climb the kit's easy effort made (kit-outgrown): optional, so it trades no set."""
    return dose is not None and any(OUTGROWN in r.text for r in dose.reasons)


def _most_reps(walk: LoadWalk, span: tuple[int, int]) -> int:
    """The most reps kit-outgrown climbs this full day to (`load_effort.outgrown_most`)."""
    return outgrown_most(walk.p, walk.profile, span == walk.p.heavy_reps)


def _outgrown(walk: LoadWalk, lift: LiftState, kit: _Kit, reps: int, most: int) -> bool:
    """Whether the kit's heaviest, held at the top of the range, leaves the strength the plan has grown
    more than the readable reserve at `reps`, with room under kit-outgrown's most reps: a rep more
    does more than a slower lowering there, so the reps climb before the lowering slows."""
    p = walk.p
    if kit.top is None or kit.held < kit.top - _EPS or reps + p.rep_step > most:
        return False
    e1rm = (lift.free_e1rm or lift.e1rm) * (1 + p.load_step_pct / 100) ** lift.weeks
    return reserve_at(e1rm, kit.held, reps, p) >= READABLE_RIR + 1


def kept_tempo(tempo: str | None, e: Exercise, slower: int) -> str | None:
    """The lift's tempo as slowed so far while its load holds (its own when not slowed)."""
    return slowed(e.tempo, slower) if slower and lowering(e.tempo) is not None else tempo  # type: ignore[arg-type]


def _heaviest(walk: LoadWalk, e: Exercise, step: float, bar: float) -> float | None:
    kit, prof = ld.implement(e.equipment), walk.profile
    full = ld.heaviest_kg(kit, prof.units, kit_heaviest(prof), EquipmentSet.gym in prof.equipment, walk.p)
    full = ld.lift_top(e.pair_load, kit, full, step, bar)
    return None if full is None else ld.round_down(full, step, bar)


def _next_step(walk: LoadWalk, presc: Prescription, lift: LiftState, kit: _Kit, lo: int) -> tuple[int, float] | None:
    """The reps the kit's next step is lifted for, and that step, when it reaches the effort
    at them: the fewest toward the range's bottom whose implied load rises within
    linear-progression's bound (None: not in reach, or past the kit's heaviest)."""
    p, reps, rir = walk.p, presc.reps or 0, walk.rir(presc)
    nxt = ld.round_down(kit.held + kit.step, kit.step, kit.bar)
    if nxt <= kit.held + _EPS or (kit.top is not None and nxt > kit.top + _EPS):
        return None
    fewer = next((r for r in range(lo, reps) if _within((reps, lift.kit.reserve), (r, rir), p)), None)
    if fewer is None:
        return None
    e1rm = lift.e1rm * (1 + p.load_step_pct / 100) ** lift.weeks
    return (fewer, nxt) if ld.load_for(e1rm, fewer, rir, p.e1rm_formula, p.e1rm_max_reps) >= nxt - _EPS else None


def weeks_to_step(walk: LoadWalk, lift: LiftState, kit: _Kit, span: tuple[int, int], rir: float) -> int | None:
    """The loading weeks of the gain the plan expects (linear-progression's `load_step_pct` a week,
    accumulated from the lift's start as `_next_step` grows it) before the kit's next step reaches
    the effort at the fewest reps it may start again at from the range's top (None: no next step).
    The words say it: a 50% dumbbell step is months of that gain, not "more than a week's" (cr30a F7)."""
    p = walk.p
    nxt = ld.round_down(kit.held + kit.step, kit.step, kit.bar)
    if nxt <= kit.held + _EPS or (kit.top is not None and nxt > kit.top + _EPS):
        return None
    hi = max(span[1], lift.kit.reps if lift.kit is not None else 0)
    fewer = next((r for r in range(span[0], hi) if _within((hi, rir), (r, rir), p)), hi)
    need = ld.e1rm(nxt, fewer, rir, p.e1rm_formula, p.e1rm_max_reps)
    have = lift.e1rm * (1 + p.load_step_pct / 100) ** lift.weeks
    return max(math.ceil(math.log(need / have) / math.log(1 + p.load_step_pct / 100) - _EPS), 0) if have > 0 else None


def shown_kg(walk: LoadWalk, kg: float) -> str:
    units = walk.profile.units
    return f"{round(kg / ld.KG_PER_LB, 1):g} lb" if units.value == "imperial" else f"{round(kg, 2):g} kg"


def _words(
    walk: LoadWalk, e: Exercise, presc: Prescription, kit: _Kit, was: int, span: tuple[int, int], how: str
) -> list[Reason]:
    """What the kit's progression did this week, in the block's own numbers."""
    return [walk.p.why(RULE, _text(walk, e, presc, kit, was, span, how))]


def _text(
    walk: LoadWalk, e: Exercise, presc: Prescription, kit: _Kit, was: int, span: tuple[int, int], how: str
) -> str:
    item = ld.implement(e.equipment)
    kit_words = ld.KIT_WORDS.get(item, "kit")  # type: ignore[arg-type]
    held, nxt = shown_kg(walk, kit.held), shown_kg(walk, ld.round_down(kit.held + kit.step, kit.step, kit.bar))
    waits = f"{held} (the next step of your {kit_words}, {nxt}, is more than a week's expected gain)"
    reps, (lo, hi) = presc.reps or 0, span
    if kit.wait is not None:  # how far: weeks of gain, and of reps to climb to the top (the step waits for both)
        wait = max(kit.wait, -(-max(hi - reps, 0) // walk.p.rep_step) + 1)
        pct = f"{(ld.round_down(kit.held + kit.step, kit.step, kit.bar) / kit.held - 1) * 100:.0f}%"
        weeks = "1 loading week" if wait == 1 else f"{wait} loading weeks"
        waits = (
            f"{held} (the next step of your {kit_words}, {nxt}, is {pct} heavier: about {weeks} "
            f"of the {walk.p.load_step_pct:g}% a week the plan expects you to gain, sooner if your logged sets show it)"
        )
    if kit.top is not None and kit.held >= kit.top - _EPS and item is not None:
        waits = f"your heaviest {item.value} ({held})"
    if how == "climb":
        text = f"The load holds at {waits}: the reps climb instead, {was} -> {reps}."
        if presc.tempo != e.tempo:
            text += f" The lowering stays at {presc.tempo} until the load steps up."
        return text
    if how == "ease":
        return (
            f"The reps climb toward this phase's {lo}-{hi}, a week's bound at most, {was} -> {reps}, and the load "
            f"eases to {held} for them: the most these reps leave the reserve asked for."
        )
    if how == "step":
        text = f"The next step of your {kit_words} is in reach: the load steps up and the reps start again at {reps}"
        if was >= hi:  # a step past the weekly percentage waits for the range's top (linear-progression)
            text = f"The reps reached the top of the range ({hi}) and {text[0].lower()}{text[1:]}"
        return text + " (not both in a week)."
    why = "as many as this load leaves the reserve asked for"
    if reps > hi:
        why = f"above this phase's {lo}-{hi}: fewer at the same load would make the set easier"
        if span == walk.p.heavy_reps:  # a heavy day's label beside 3 x 12 at a light load says what it is (cr30a F7)
            why += f"; this is not yet the heavy dose, whose {lo}-{hi} reps wait for a load that makes them heavy"
    elif reps == hi:
        why = "the top of the range"
    if how == "outgrown":
        past = f"past this phase's {lo}-{hi}" if reps > hi else "faster"
        return (
            f"The load holds at {waits}, which leaves an easy effort at {was} reps: the reps climb {past} "
            f"instead, {was} -> {reps} at {presc.tempo}, each a rep less in reserve {OUTGROWN}."
        )
    if how == "slow":
        text = f"The load holds at {waits} and the reps at {reps} ({why}): the lowering slows to {presc.tempo}"
        return f"{text} (its own tempo is {e.tempo})."
    slowest = f", the lowering at its slowest ({presc.tempo})" if lowering(e.tempo) is not None else ""
    text = f"Held at {waits} and {reps} reps ({why}){slowest}: the next step comes when your logged sets show it"
    return text + " in reach."
