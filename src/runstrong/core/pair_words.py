"""The words for a load past the runner's heaviest dumbbell on a lift that carries both of the
pair at once (`pair_load`: side by side across the hips; kit-heaviest): which two dumbbells make
it, in real kit (load-rounding), said on every such block once its load is final (a deload, the
taper or the weeks after the race may change it after the week's step), and its first cue saying
both. Loads within one dumbbell keep the library's words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import loads as ld
from .library import Library
from .model import AthleteProfile, Block, EquipmentSet, Item, Session, Units
from .owned_kit import kit_heaviest

PAST = "Past your heaviest dumbbell"
CUE = "Both dumbbells side by side across the hip crease"


def pair_worded(
    weeks: Sequence[tuple[Session, ...] | None], profile: AthleteProfile, library: Library, p: Any
) -> list[tuple[Session, ...] | None]:
    """Each week's sessions (None: a lived week, kept) with the pair's words on every block of a
    lift that takes both dumbbells whose load is past one."""
    one = ld.heaviest_kg(Item.dumbbell, profile.units, kit_heaviest(profile), EquipmentSet.gym in profile.equipment, p)
    if one is None:
        return list(weeks)
    step, bar, _ = ld.kit_of(Item.dumbbell, profile, p)
    top = ld.round_down(one, step, bar)
    out: list[tuple[Session, ...] | None] = []
    for sessions in weeks:
        if sessions is None:
            out.append(None)
            continue
        out.append(tuple(_session(s, top, one, step, profile.units, library, p) for s in sessions))
    return out


def _session(s: Session, top: float, one: float, step: float, units: Units, library: Library, p: Any) -> Session:
    blocks = [_block(b, top, one, step, units, library, p) for b in s.blocks]
    if all(a is b for a, b in zip(blocks, s.blocks, strict=True)):
        return s
    return s.model_copy(update={"blocks": blocks})


def _block(b: Block, top: float, one: float, step: float, units: Units, library: Library, p: Any) -> Block:
    kg = b.prescription.load_kg
    if kg is None or kg <= top + 1e-9 or b.exercise_id not in library:
        return b
    e = library.get(b.exercise_id)
    if not e.pair_load or ld.implement(e.equipment) != Item.dumbbell:
        return b
    pair = ld.pair_words(kg, step, units)
    shown = f"{round(one / ld.KG_PER_LB):g} lb" if units == Units.imperial else f"{one:g} kg"
    text = f"{PAST} ({shown}): both dumbbells side by side across your hips, {pair}."
    reasons = [r for r in b.reasons if not r.text.startswith(PAST)]
    if not any(r.rule_id == "kit-heaviest" and f"({pair})" in r.text for r in reasons):  # the pair's top says it
        reasons.append(p.why("load-rounding", text))
    cues = [f"{CUE}, {pair}", *b.cues[1:]] if b.cues else b.cues
    return b.model_copy(update={"reasons": reasons, "cues": cues})
