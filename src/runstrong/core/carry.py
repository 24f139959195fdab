"""What each lift steps from (progression-carries-over): its dose in the last loading week,
read off the week's blocks, and found again when a block moves the lift to another session."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from .context import PlanningContext
from .kit_progress import as_planned
from .load_effort import asked_effort
from .model import Block, Category, Role, Session
from .params import Params
from .progression import RPE_AT_FAILURE, Carried, rir_of

if TYPE_CHECKING:
    from .selection import Pick

_RULE_ID = attrgetter("rule_id")
# each lift's dose in the last loading week, by (exercise id, session focus's value): where this week
# steps from. Plain strings and plain tuples (a `Carried`'s fields) only: the garbage collector stops
# tracking such tuples, and plans keep tens of thousands of them (the focus still looks up as a Category).
Carry = tuple[tuple[tuple[str, str], tuple], ...]


_HELD_RULES = frozenset({"review-reduce", "review-hold", "taper", "maintenance-after-race"})
_SEASON_HELD = _HELD_RULES - {"maintenance-after-race"}  # a season's kept dose is its base (in-season)


def carry_of(
    sessions: list[Session] | tuple[Session, ...],
    loading: bool,
    before: Carry,
    ctx: PlanningContext,
    season: bool = False,
) -> Carry:
    """What the week after this one steps from, read off its blocks (the same for a week
    just planned and one already lived): each lift's dose, if this was a loading week.

    A light day changes only sets and reps in reserve, so a light lift carries its reps
    with the reps in reserve it had before lightening, and the sets it had before; a lift a
    review held or cut, or the taper eased, keeps the dose it had before (the review may
    cap a held lift below it: progression-carries-over); a lift not done this week keeps
    its last dose, marked away, so it resumes from it when it returns. A season's kept week
    (in-season) is what the weeks after it step from, its maintenance cut included: the taper
    after it keeps the season's intensity, and a build after it climbs back from its sets."""
    if not loading:
        return before
    p, one_copy = ctx.params, ctx.memo.one_copy
    old = dict(before)
    out: dict[tuple[str, str], tuple] = {}
    for s in sessions:
        for b in s.blocks:
            if b.role not in (Role.primary, Role.accessory):
                continue
            key, rules = (b.exercise_id, s.focus.value), set(map(_RULE_ID, b.reasons))
            # a review's hold or cut, the taper's ease and the first days back after the race set no new base
            if rules & (_SEASON_HELD if season else _HELD_RULES):
                if key in old:
                    out[key] = old[key]
                continue
            before_dose = old.get(key)
            _, asked = asked_effort(b)  # a lived week's load may say an effort its dose did not ask
            if asked is not None:
                b = b.model_copy(update={"prescription": b.prescription.model_copy(update={"intensity": asked})})
            carried = _carried(
                b, Carried._make(before_dose) if before_dose else None, "light-before-key-runs" in rules, p
            )
            out[key] = tuple(carried)  # a plain tuple: see Carry above
    for key, dose in old.items():  # a lift away this week keeps its dose for its return
        if key not in out:
            out[key] = dose if dose[-1] else (*dose[:-1], True)
    return one_copy(tuple(one_copy(kv) for kv in sorted(out.items(), key=lambda kv: kv[0])))


def _carried(b: Block, before: Carried | None, light: bool, p: Params) -> Carried:
    b = as_planned(b)  # a lived week's dose as the week gave it, before the kit's progression (plan_loads)
    pr, i = b.prescription, b.prescription.intensity
    if i.kind == "load_kg":
        rir, load = float(RPE_AT_FAILURE - p.heavy_rpe), i.value
    else:
        rir, load = rir_of(i.kind, i.value), before.load if before else None
    sets = pr.sets
    if light:
        sets = before.sets if before else pr.sets
        rir = rir - p.light_rir_increase if i.kind == "rir" and rir is not None else rir
    return Carried(sets, pr.reps, pr.seconds, pr.contacts, rir, load)


def all_carried(roles: tuple[Role, ...], chosen: tuple[Pick, ...], own: Carry) -> bool:
    """Whether every lift of the session has a dose to carry on from (jumps read the block's week)."""
    work = [pk for role, pk in zip(roles, chosen, strict=True) if role in (Role.primary, Role.accessory)]
    return len(own) == len(work) and all(pk.exercise.dose.measure != "contacts" for pk in work)


def doses_by_lift(carry: Carry) -> dict:
    """`carry` as a look-up for `dose_of`: each lift's dose by (exercise id, focus), and by
    exercise id alone the dose it moves with into a session that has not held it
    (progression-carries-over): the one done in the last loading week, the fewest reps,
    seconds or contacts if several, so a block that moves a calf hold from the core to the
    single-leg session does not restart it."""
    out: dict = dict(carry)
    for (exercise, _), dose in carry:
        kept = out.get(exercise)
        if kept is None or _moved_order(dose) < _moved_order(kept):
            out[exercise] = dose
    return out


def dose_of(doses: dict, pick: Pick, focus: Category) -> tuple | None:
    """The dose a lift steps from in this session (`doses` from `doses_by_lift`): its own,
    else the one it moves with; and that one too when its own is older, from before the last
    loading week, and the lift was done in that week in another session (the taper's fewer
    sessions took Helen's step-up from her single-leg day, 3 x 6 at RPE 8, into her posterior
    chain day, where its own dose was the foundation's 3 x 12 at RIR 3: progression-carries-over)."""
    hit = doses.get((pick.exercise.id, focus))
    moved = doses.get(pick.exercise.id)
    if hit is None or (hit[-1] and moved is not None and not moved[-1]):
        return moved
    return hit


def _moved_order(dose: tuple) -> tuple:
    """Done last loading week first, then the least (read field by field: called per lift per session)."""
    return (dose[-1], dose[1] or 0, dose[2] or 0, dose[3] or 0, dose[4] or 0, dose[5] or 0)
