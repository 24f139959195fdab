"""The kit's progression inside a session's time: what its reps and tempo may take of the cap.

`kit_progress` works out a lift's dose while the kit holds its load; here that dose is fitted to
the session (one set fewer before fewer reps, else the plain dose), the session is refitted
once its later blocks have given back time, and a block and its session are re-timed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .kit_progress import (
    ASKED,
    RULE,
    KitDose,
    as_planned,
    eased_dose,
    eligible,
    kept_reps,
    kit_dose,
    progresses,
)
from .load_limits import copy_of
from .model import Block, Exercise, Prescription, Session
from .timing import estimate_seconds

if TYPE_CHECKING:
    from .load_walk import LiftState, LoadWalk

FEWER_SETS = "One set fewer than the week's {sets} to fit your cap with these reps."


def room(s: Session, walk: LoadWalk) -> int:
    """The seconds a session has left under the runner's cap (what the kit's reps and tempo may take)."""
    cap = min(walk.profile.session_cap_minutes, walk.p.max_session_minutes)
    return cap * 60 - sum(_dosed_seconds(b, walk) for b in s.blocks)


def _dosed_seconds(b: Block, walk: LoadWalk) -> int:
    """A block's time as the week's dose gave it (a week lived walks with the room it was planned with)."""
    if not progresses(b):
        return b.estimated_seconds
    return estimate_seconds(as_planned(b, walk.library).prescription, b.role, walk.p)


def timed(block: Block, presc: Prescription, walk: LoadWalk) -> tuple[Block, int]:
    """`block` with `presc` and its time, and the seconds that adds."""
    secs = estimate_seconds(presc, block.role, walk.p)
    return copy_of(block, prescription=presc, estimated_seconds=secs), secs - block.estimated_seconds


def retimed(s: Session, blocks: list[Block], walk: LoadWalk) -> dict:
    """The session fields that change when the kit's progression changed its time."""
    minutes = -(-sum(b.estimated_seconds for b in blocks) // 60)
    if minutes == s.estimated_minutes:
        return {}
    cap = min(walk.profile.session_cap_minutes, walk.p.max_session_minutes)
    text = f"About {minutes} min, inside your {cap}-minute cap."
    reasons = [
        walk.p.why("session-time-cap", text) if r.rule_id == "session-time-cap" and r.text.startswith("About ") else r
        for r in s.reasons
    ]
    return {"estimated_minutes": minutes, "reasons": reasons}


def _asked(walk: LoadWalk, block: Block, dose: KitDose) -> KitDose:
    """`dose` saying the sets and reps the week's dose asked when they changed (`as_planned` reads them back)."""
    was, now = block.prescription, dose.presc
    if (was.sets, was.reps) == (now.sets, now.reps) or not dose.reasons:
        return dose
    tail = walk.p.why(RULE, f"{dose.reasons[0].text} {ASKED.format(sets=was.sets, reps=was.reps)}")
    return dose._replace(reasons=[tail, *dose.reasons[1:]])


def progressed(
    walk: LoadWalk,
    week: object,
    block: Block,
    lift: LiftState,
    e: Exercise,
    kg: float,
    close: tuple[bool, bool],
    load_at: Callable[[Prescription], float],
) -> KitDose | None:
    """The kit's progression of a block whose load the kit holds, or a deload or the taper
    keeping what it set; None when the plain dose stands or the session has no room for it
    (`close`: the session's days near the race, and whether that eases this lift)."""
    main = eligible(walk, week, block, lift, close[1])
    if main:
        dose = kit_dose(walk, block, lift, e, kg, load_at)
    else:
        presc = eased_dose(walk, week, block, lift, e, close[1])
        dose = kept_reps(walk, week, block, lift, kg, close[1], load_at) if presc is None else KitDose(presc, kg, [])
    if dose is None or dose.presc == block.prescription:
        return dose
    main = main or bool(dose.reasons)  # a loading week's dose the kit set: its reps are kept from falling
    _, extra = timed(block, dose.presc, walk)
    planned = dose.presc.sets
    while (
        extra > walk.room and main and (dose.presc.reps or 0) > (block.prescription.reps or 0) and dose.presc.sets > 1
    ):
        dose = dose._replace(presc=copy_of(dose.presc, sets=dose.presc.sets - 1))  # reps kept from falling:
        _, extra = timed(block, dose.presc, walk)  # a set fewer fits the cap sooner than fewer reps
    if extra > walk.room:  # the cap leaves no time for it: the plain dose (until `refit` finds it freed)
        walk.short += [(walk.planned, extra)] if main and walk.planned is not None else []
        return None
    if dose.presc.sets < planned:
        dose = dose._replace(reasons=[*dose.reasons, walk.p.why(RULE, FEWER_SETS.format(sets=planned))])
    walk.room -= extra
    return _asked(walk, block, dose) if main else dose


def refit(walk: LoadWalk, s: Session, blocks: list[Block], load_block: Callable[[Block], Block]) -> list[Block]:
    """A session's loaded `blocks` with the main days the cap left short loaded again in the
    time the whole session leaves: blocks are loaded in order against the week's doses, and a
    later lift's kit dose at fewer reps (a new range climbed to from the kit's reps, a load
    step's reps starting again) gives back time an earlier lift's slower lowering could use."""
    short, walk.short = walk.short, []
    if not short:
        return blocks
    cap = min(walk.profile.session_cap_minutes, walk.p.max_session_minutes)
    walk.room = cap * 60 - sum(b.estimated_seconds for b in blocks)
    if walk.room < min(extra for _, extra in short):
        return blocks
    out = list(blocks)
    for planned, _ in short:
        i = next(i for i, b in enumerate(s.blocks) if b is planned)
        out[i] = load_block(planned)
    walk.short = []
    return out


def with_kit_dose(walk: LoadWalk, block: Block, kit: KitDose) -> Block:
    """The block at the kit's dose, timed; the dosing's step words go when the kit says what
    changed (they read the dose's own reps)."""
    timed_block, _ = timed(block, kit.presc, walk)
    if kit.reasons:
        timed_block = copy_of(timed_block, reasons=[r for r in block.reasons if r.rule_id != "linear-progression"])
    return timed_block
