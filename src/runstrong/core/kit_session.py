"""The kit's progression inside a session's time: what its reps and tempo may take of the cap.

`kit_progress` works out a lift's dose while the kit holds its load; here that dose is fitted to
the session (one set fewer before fewer reps, else the plain dose), the session is refitted
once its later blocks have given back time, and a block and its session are re-timed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from .kit_holds import eased_dose, held_load, kit_held
from .kit_progress import (
    ASKED,
    RULE,
    KitDose,
    as_planned,
    climbs,
    eligible,
    kept_reps,
    kit_dose,
    lowering,
    progresses,
    shown_kg,
    slowed,
)
from .load_limits import LOADED_ROLES, copy_of, kit_top, reviewed
from .model import Block, Exercise, Phase, Prescription, Session
from .phases import LOADING_PHASES
from .timing import estimate_seconds, time_reason
from .validate_progression import step_problems

if TYPE_CHECKING:
    from .load_walk import LiftState, LoadWalk

NO_TIME_TO_CLIMB = "Your cap has no time this week for its reps to climb past {reps}: they hold there."
FEWER_SETS = "One set fewer than the week's {sets} to fit your cap with these reps."  # (or more: the sets left)


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
    said = time_reason(minutes, cap, blocks, walk.p)
    reasons = [said if r.rule_id == "session-time-cap" and r.text.startswith("About ") else r for r in s.reasons]
    return {"estimated_minutes": minutes, "reasons": reasons}


def with_asked(walk: LoadWalk, block: Block, dose: KitDose) -> KitDose:
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
    (`close`: the session's days near the race, and whether that eases this lift); its reps
    within a week's bound of the day's last loading week either way (`_bounded`)."""
    dose = _progressed(walk, week, block, lift, e, kg, close, load_at)
    return _bounded(walk, week, block, dose, load_at)


def _progressed(
    walk: LoadWalk,
    week: object,
    block: Block,
    lift: LiftState,
    e: Exercise,
    kg: float,
    close: tuple[bool, bool],
    load_at: Callable[[Prescription], float],
) -> KitDose | None:
    main = eligible(walk, week, block, lift, close[1])
    held = False
    if main:
        dose = _fitting(walk, block, lift, e, kg, load_at)
    else:
        presc = eased_dose(walk, week, block, lift, e, close[1])
        held = presc is not None and kit_held(week, block)
        if presc is None:
            dose = kept_reps(walk, week, block, lift, kg, close[1], load_at)
        else:  # a held dose's load is the one that day lifted (`held_load`)
            at = held_load(walk, copy_of(block, prescription=presc), lift, e, load_at) if held else kg
            dose = KitDose(presc, at, [])
    if dose is None:
        return None
    if dose.presc == block.prescription:
        return dose
    # a loading week's dose the kit set, or a hold repeating one: its reps are kept from falling
    main = main or bool(dose.reasons) or held
    _, extra = timed(block, dose.presc, walk)
    planned = dose.presc.sets
    if extra > walk.room and main:  # the lowering kept from slowing, until `refit` finds time for it:
        kept, fits = _lowering_kept(walk, block, lift, e, dose, extra)  # no set is traded for a slower one
        walk.short += [(walk.planned, extra)] if kept is not dose and walk.planned is not None else []
        dose, extra = kept, fits
    climb = climbs(dose)  # a climb the kit's easy effort made (kit-outgrown) trades no set for its reps
    while (
        extra > walk.room
        and main
        and not climb
        and (dose.presc.reps or 0) > (block.prescription.reps or 0)
        and dose.presc.sets > 1
    ):
        dose = dose._replace(presc=copy_of(dose.presc, sets=dose.presc.sets - 1))  # reps kept from falling:
        _, extra = timed(block, dose.presc, walk)  # a set fewer fits the cap sooner than fewer reps
    if extra > walk.room:  # the cap leaves no time for it: the plain dose (until `refit` finds it freed)
        walk.short += [(walk.planned, extra)] if main and walk.planned is not None else []
        return None
    if dose.presc.sets < planned:
        dose = dose._replace(reasons=[*dose.reasons, walk.p.why(RULE, FEWER_SETS.format(sets=planned))])
    walk.room -= extra
    return with_asked(walk, block, dose) if main else dose


def _fitting(
    walk: LoadWalk, block: Block, lift: LiftState, e: Exercise, kg: float, load_at: Callable[[Prescription], float]
) -> KitDose | None:
    """The kit's dose of a lift's main day, where a kit-outgrown climb the cap has no time for
    climbs fewer reps, else waits: the kit's dose without it (its reps held, its lowering slowed),
    never the plain dose's fewer reps at the load held (a 20-minute cap: 3 x 9 -> 3 x 6 at a 24 kg
    top, "RIR 9"). The climb is optional, so it trades no set for its reps (a sets jump after it);
    but where the cap cannot hold even last week's dose at its sets, a set goes whatever, and the
    climb takes the sets left rather than the held reps slowing their lowering in them."""
    first = dose = kit_dose(walk, block, lift, e, kg, load_at)
    waited = False
    while climbs(dose) and timed(block, dose.presc, walk)[1] > walk.room:  # type: ignore[union-attr]
        dose, waited = kit_dose(walk, block, lift, e, kg, load_at, most=(dose.presc.reps or 0) - 1), True  # type: ignore[union-attr]
    if not waited or dose is None or climbs(dose):
        return dose
    fewer = _climb_in_sets_left(walk, block, lift, e, (kg, load_at), first, dose)  # type: ignore[arg-type]
    if fewer is not None:
        return fewer
    return dose._replace(reasons=[*dose.reasons, walk.p.why(RULE, NO_TIME_TO_CLIMB.format(reps=dose.presc.reps))])


def _climb_in_sets_left(
    walk: LoadWalk, block: Block, lift: LiftState, e: Exercise, at: tuple, climb: KitDose, held: KitDose
) -> KitDose | None:
    """`climb` (or one of fewer reps) in the sets the cap leaves last week's dose (`held` at last
    week's lowering), when that is fewer than its own; None when last week's dose fits."""
    k, presc = lift.kit, held.presc
    if k is not None and lowering(e.tempo) is not None and presc.tempo is not None:
        presc = copy_of(presc, tempo=slowed(e.tempo, k.slower) if k.slower else e.tempo)  # type: ignore[arg-type]
    sets = presc.sets
    while sets > 1 and timed(block, copy_of(presc, sets=sets), walk)[1] > walk.room:
        sets -= 1
    if sets == presc.sets:
        return None
    dose: KitDose | None = climb
    while climbs(dose):
        now = copy_of(dose.presc, sets=sets)  # type: ignore[union-attr]
        if timed(block, now, walk)[1] <= walk.room:
            said = walk.p.why(RULE, FEWER_SETS.format(sets=climb.presc.sets))
            return KitDose(now, dose.kg, [*dose.reasons, said])  # type: ignore[union-attr]
        dose = kit_dose(walk, block, lift, e, *at, most=(dose.presc.reps or 0) - 1)  # type: ignore[union-attr]
    return None


def _lowering_kept(
    walk: LoadWalk, block: Block, lift: LiftState, e: Exercise, dose: KitDose, extra: int
) -> tuple[KitDose, int]:
    """`dose` with its lowering as slow as last loading week's, not a second slower, when only
    that fits the cap: the reps stay (they never fall while the load holds), and the plain dose's
    fewer reps at the same effort would ask a heavier load than the kit holds."""
    k, tempo = lift.kit, e.tempo
    if k is None or tempo is None or lowering(tempo) is None or dose.presc.tempo is None:
        return dose, extra
    kept = slowed(tempo, k.slower) if k.slower else tempo
    if lowering(dose.presc.tempo) <= lowering(kept):  # type: ignore[operator]
        return dose, extra
    now = copy_of(dose.presc, tempo=kept)
    _, more = timed(block, now, walk)
    if more > walk.room:
        return dose, extra
    text = (
        f"The load holds at {shown_kg(walk, dose.kg)} and the reps at {now.reps}; your cap has no time for a "
        f"slower lowering this week, so it stays at {kept}."
    )
    return KitDose(now, dose.kg, [walk.p.why(RULE, text), *dose.reasons[1:]]), more


def _bounded(
    walk: LoadWalk, week: object, block: Block, dose: KitDose | None, load_at: Callable[[Prescription], float]
) -> KitDose | None:
    """`dose` (None: the plain one) with its reps at most linear-progression's weekly bound above
    this lift's on a day of this focus last loading week (as `validate` compares them). The kit
    held reps under a dose that climbed on, and a day the kit does not run this week (the cap has
    no time for its slower lowering, the race is close, the heavy day moved to another day)
    would take the dose's own: 3 x 9 at 4 kg -> 3 x 13 at 2 kg. Fewer reps fit the time given.
    A kit dose the check would refuse from this day's last (its step read off the lift's other
    day, when the heavy day moved) gives way to the week's own dose where that one passes."""
    presc = block.prescription if dose is None else dose.presc
    before, most = walk.day_last.get((block.exercise_id, walk.focus)), walk.p.max_rep_step
    if before is None or reviewed(block) or week.deload:  # type: ignore[attr-defined]  # a re-screen measures no lift
        return dose
    if week.phase not in LOADING_PHASES:  # type: ignore[attr-defined]
        return dose
    if (
        dose is not None
        and not _written_from_load(walk, block, dose)
        and step_problems(before, presc, walk.p)
        and not step_problems(before, block.prescription, walk.p)
    ):
        walk.room += timed(block, dose.presc, walk)[1]  # the kit stepped from its other day: the week's own dose
        return None
    was = before.reps
    if not was or not presc.reps or presc.reps <= was + most:
        return dose
    if dose is not None and (block.prescription.reps or 0) <= was + most:
        walk.room += timed(block, dose.presc, walk)[1]  # the kit's reps went past it: the week's own dose
        return None
    now = copy_of(presc, reps=was + most)
    walk.room -= timed(block, now, walk)[1] - (0 if dose is None else timed(block, presc, walk)[1])
    text = f"Reps rise at most {most} a week: {was} on this day last loading week, {now.reps} this week."
    kg = load_at(now) if dose is None else dose.kg
    return with_asked(walk, block, KitDose(now, kg, [walk.p.why(RULE, text)]))


def _written_from_load(walk: LoadWalk, block: Block, dose: KitDose) -> bool:
    """Whether a loading week's kit dose sits at the kit's heaviest: its effort is then written from
    the load (`load_effort.honest_effort`), its reps and reserve adding up to no less than the week
    before's, so the strength it asks never rises with its reps (kit-heaviest; a climb kit-outgrown
    made from an easy effort, 10 reps "RIR 5" -> 11, is read by it, not by the target it asked)."""
    top = kit_top(walk, walk.library.get(block.exercise_id))
    return top is not None and dose.kg >= top - 1e-9


def refit(walk: LoadWalk, s: Session, blocks: list[Block], load_block: Callable[[Block], Block]) -> list[Block]:
    """A session's loaded `blocks` with the main days the cap left short loaded again in the
    time the whole session leaves: blocks are loaded in order against the week's doses, and a
    later lift's kit dose at fewer reps (a new range climbed to from the kit's reps, a load
    step's reps starting again) gives back time an earlier lift's slower lowering could use."""
    short, walk.short = walk.short, []
    if not short:
        return blocks
    cap = min(walk.profile.session_cap_minutes, walk.p.max_session_minutes)
    at = [next(i for i, b in enumerate(s.blocks) if b is planned) for planned, _ in short]
    # a short day counts the time its dose was given (`_bounded` may have taken fewer reps): it is loaded again
    spent = (_dosed_seconds(s.blocks[i], walk) if i in at else b.estimated_seconds for i, b in enumerate(blocks))
    walk.room = cap * 60 - sum(spent)
    if walk.room < min(extra for _, extra in short):
        return blocks
    out = list(blocks)
    for i in at:
        out[i] = load_block(s.blocks[i])
    walk.short = []
    return out


def with_kit_dose(walk: LoadWalk, block: Block, kit: KitDose) -> Block:
    """The block at the kit's dose, timed; the dosing's step words go when the kit says what
    changed (they read the dose's own reps)."""
    timed_block, _ = timed(block, kit.presc, walk)
    if kit.reasons:
        timed_block = copy_of(timed_block, reasons=[r for r in block.reasons if r.rule_id != "linear-progression"])
    return timed_block


def note_day_reps(walk: LoadWalk, sessions: Sequence[Session]) -> None:
    """Each lift's dose this loading week on a day of each focus (`_bounded` steps from it), as
    `validate` reads them: a light day is no base, a day a review held or cut keeps the last."""
    now: dict[tuple[str, object], Prescription] = {}
    most: dict[str, int] = {}
    for s in sessions:
        for b in s.blocks:
            key = (b.exercise_id, s.focus)
            if b.role in LOADED_ROLES and b.prescription.reps:
                most[b.exercise_id] = max(most.get(b.exercise_id, 0), b.prescription.reps)
            if b.role not in LOADED_ROLES or any(r.rule_id == "light-before-key-runs" for r in b.reasons):
                continue
            if not reviewed(b):
                now[key] = b.prescription
            elif key in walk.day_last:
                now[key] = walk.day_last[key]
    walk.day_last = now
    walk.loading_reps.update(most)


def taper_reps(walk: LoadWalk, week: object, block: Block) -> Block:
    """`block` asking no more reps than its lift's last loading week did on any day: the taper and
    race week cut volume and keep the dose, and a kit that held the reps under a dose that climbed
    on would otherwise get the dose's own back (3 x 11 -> 2 x 13 in the taper). Maintenance after
    the race keeps that dose too, at the load built (cr24a F7: 1 x 15 at 6 kg after 1 x 11 at 8 kg
    kept neither the load nor the dose: maintenance-after-race)."""
    most, presc = walk.loading_reps.get(block.exercise_id), block.prescription
    phase = week.phase  # type: ignore[attr-defined]
    if phase == Phase.maintenance and most is not None:
        lift = walk.lifts.get(block.exercise_id)
        built = lift.built_reps if lift is not None else None
        most = min(most, built) if built else most  # the reps its load was built at: a kit step's fewer reps stand
    if phase not in (Phase.taper, Phase.race_week, Phase.maintenance) or most is None or (presc.reps or 0) <= most:
        return block
    out, _ = timed(block, copy_of(presc, reps=most), walk)
    if any(r.text.startswith(_TAPER_REPS) for r in block.reasons):
        return out  # the taper's dose already says it keeps the last loading week's reps
    if phase == Phase.maintenance:
        text = f"At most the {most} reps its load was built at: maintenance keeps the dose and load built."
        return copy_of(out, reasons=[*block.reasons, walk.p.why("maintenance-after-race", text)])
    text = f"At most the {most} reps of its last loading week: close to the race the volume falls, the reps never rise."
    return copy_of(out, reasons=[*block.reasons, walk.p.why("taper", text)])


_TAPER_REPS = "The last loading week's reps"
