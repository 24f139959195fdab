"""A bodyweight lift climbs its ladder: when its reps (or its hold) reach the top of the
range and nothing can be added to it, the next loading week gives the next harder rung of
the library's ladder instead (`ladder-climb`), a rung a week at most.

Only unloaded primaries climb, to an unloaded rung measured the same way, of the same
category and movement, that the runner's kit, level and pain allow, no higher in impact
and not one that leaves the legs sore for days. A rung the pain ladder, a pain regression,
a review or the runner's own swap placed stays where it is; nothing climbs onto or past an
exercise a swap or a review took out, nor in a category the screen capped (the next screen
decides). The planner finds the lifts whose progression is used up (`topped_now`);
selection makes the climbs (`climb_ladders`); the new rung's first week starts at the
bottom of its range (`progression.new_rung`, `with_new_rungs`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from .carry import Carry
from .context import PlanningContext
from .dosing import DoseContext
from .library import Library
from .model import Category, Exercise, Impact, Level, PainArea, Pattern, Reason
from .params import Params
from .pick_reasons import Pick
from .progression import Carried, new_rung
from .rep_scheme import rep_range
from .screen_holds import RULE as UNLOCK

RULE = "ladder-climb"
IMPACT_RANK = {x: i for i, x in enumerate(Impact)}
CLIMBING_MEASURES = ("reps", "seconds")
# picks placed by a rule that decides their rung itself: the pain ladder, pain's regression,
# a review, the runner's swap
PLACED_BY = frozenset({"pain-graded-return", "pain-excludes-or-regresses", "review-regress", "exercise-swap"})
JUMPS = (Pattern.plyometric, Pattern.landing)
SINGLE_LEG_PATTERNS = frozenset({Pattern.squat, Pattern.lunge, Pattern.step})


def climbs(e: Exercise) -> bool:
    """Whether `e` is a lift that climbs a ladder rather than taking a load."""
    return not e.loadable and e.dose.measure in CLIMBING_MEASURES and e.pattern not in JUMPS


def exhausted(
    lifts: Iterable[Exercise], carry: Iterable[tuple[tuple[str, str], tuple]], top: Callable[[Exercise], int]
) -> tuple[str, ...]:
    """The ids among `lifts` (each one that `climbs`) whose last loading week's dose (`carry`,
    by exercise and session focus) reached `top`, the top of the range they would be dosed
    in now: reps or hold seconds can rise no further, so the lift's progression is used up."""
    wanted = {e.id for e in lifts}
    best: dict[str, int] = {}
    for (exercise_id, _focus), dose in carry:
        if exercise_id not in wanted or dose[-1]:  # not one of these, or away from the last loading week
            continue
        value = dose[1] if dose[1] is not None else dose[2]  # reps, else hold seconds
        if value is not None:
            best[exercise_id] = max(best.get(exercise_id, 0), value)
    return tuple(e.id for e in lifts if e.id in best and best[e.id] >= top(e))


def next_rung(
    e: Exercise,
    usable: dict[str, Exercise],
    taken: set[str],
    pain: frozenset[PainArea],
    p: Params,
    lower: frozenset[str] = frozenset(),
) -> Exercise | None:
    """The first of `e`'s progressions the runner may climb to (`usable` holds what their
    kit, level and pain allow; a rung that loads a painful area waits for the pain ladder),
    or None at the top of what they can do. A technique drill whose harder rungs all load a
    painful area leads on to another movement: the broomstick hinge to a bridge for a sore
    hamstring, never to one below a lift the last block did (`lower`)."""
    for link in e.progressions:
        x = usable.get(link)
        if x is not None and _same_movement(x, e) and _may_climb_to(x, e, taken, pain, p):
            return x
    for link in e.progressions:  # no harder rung within reach: the same movement under a load the kit allows
        x = usable.get(link)
        if x is not None and x.pattern == e.pattern and _may_climb_to(x, e, taken, pain, p, loaded=True):
            return x
    if e.drill:  # every harder rung of its movement loads a painful area: the category's next lift that spares it
        ok = (x for x in usable.values() if not x.drill and x.id not in lower and _may_climb_to(x, e, taken, pain, p))
        return next(ok, None)
    return None


def _same_movement(x: Exercise, e: Exercise) -> bool:
    """The same movement, the single-leg squat, lunge and step alike (the single-leg ladder of
    S11 runs from the step-down to the skater squat and the pistol)."""
    return x.pattern == e.pattern or {x.pattern, e.pattern} <= SINGLE_LEG_PATTERNS


def _may_climb_to(
    x: Exercise,
    e: Exercise,
    taken: set[str],
    pain: frozenset[PainArea],
    p: Params,
    loaded: bool = False,
    role: str = "primary",
) -> bool:
    """Whether `x` may follow `e` up its ladder in `role`: a bodyweight rung, or (`loaded`) the
    same lift under a load (the dumbbell step-down after the step-down), counted in reps."""
    return (
        x.id not in taken
        and pain.isdisjoint(x.loads)
        and (x.loadable and e.dose.measure == "reps" if loaded else climbs(x))
        and role in x.roles
        and (x.category, x.dose.measure) == (e.category, e.dose.measure)
        and IMPACT_RANK[x.impact] <= IMPACT_RANK[e.impact]
        and x.id not in p.soreness_exercises
    )


def climb_ladders(
    primaries: dict[Category, tuple[Pick, ...]],
    topped: frozenset[str],
    placed: frozenset[str],
    held: dict[str, tuple[str, str]],
    pain: frozenset[PainArea],
    usable: tuple[Exercise, ...],
    taken: set[str],
    p: Params,
    lower: frozenset[str] = frozenset(),
) -> tuple[dict[Category, tuple[Pick, ...]], tuple[tuple[str, str], ...]]:
    """The block's primaries with each exhausted lift (`topped`: every lift that topped out so
    far in the plan) moved up its ladder, rung by rung while the rung reached has topped out
    too, and the climbs made as (from id, to id). `placed` are the exercises a swap or a
    review's regression put in (they stay: a lift whose form broke waits for a review to
    move it on), `usable` leaves out the ones swapped away and the rungs the screen locks;
    `held` the lifts the screen holds until the next one (by id: its rule and what it says),
    `pain` the runner's painful areas, `taken` the block's exercises (the climbs join it),
    `lower` the rungs below what the last block did.
    A lift that topped out and stays says why, so its flat weeks are never unexplained."""
    if not topped:
        return primaries, ()
    pool = {x.id: x for x in usable}
    out: dict[Category, tuple[Pick, ...]] = {}
    made: list[tuple[str, str]] = []
    for category, picks in primaries.items():
        row = []
        for pk in picks:
            e = pk.exercise
            below = e
            own = e.id not in placed and PLACED_BY.isdisjoint(r.rule_id for r in pk.reasons)
            if own:  # climbing stops at a lift the screen holds (the rung below a locked one)
                while e.id in topped and _climbs_on(e, held) and (x := next_rung(e, pool, taken, pain, p, lower)):
                    below, e = e, x
                    taken.add(e.id)
            if e.id in topped and (said := _stays(e, pk, own, held.get(e.id), p)) is not None:
                pk = Pick(exercise=e, reasons=(*pk.reasons, said))  # at the top of its range and staying
            if e is not pk.exercise:
                made.append((pk.exercise.id, e.id))
                kept = tuple(r for r in pk.reasons if r.rule_id != "screen-single-leg-squat")  # the start's words
                pk = Pick(exercise=e, reasons=(*kept, p.why(RULE, _climb_text(below, e, held))))
            row.append(pk)
        out[category] = tuple(row)
    return out, tuple(made)


def _climb_text(below: Exercise, e: Exercise, held: dict[str, tuple[str, str]]) -> str:
    """What a climb says: the next rung, or the same lift under a load where the harder rung
    is out of reach (and which rung a re-screen would unlock, when that is why)."""
    if not e.loadable:
        return f"{below.name} reached the top of its range with nothing to add: the next rung, {e.name}."
    if below.loadable:  # the kit's heaviest held the load while the reps climbed (kit-fits-the-lift)
        how = "the same movement on one leg" if e.unilateral and not below.unilateral else "a harder form of it"
        return (
            f"{below.name} reached the top of its range at your heaviest {_kit_word(below)}, so its load cannot "
            f"rise: the next step is {e.name}, {how}."
        )
    wait = f" ({held[below.id][1].rsplit('; ', 1)[-1]})" if below.id in held else ""
    return f"{below.name} reached the top of its range: {e.name} adds a load to the same movement{wait}."


def _kit_word(e: Exercise) -> str:
    """The runner's word for the implement that holds the load (a kettlebell, dumbbells)."""
    kit = e.equipment[0].value.replace("_", " ") if e.equipment else "load"
    return f"{kit}s" if kit == "dumbbell" else kit


def _climbs_on(e: Exercise, held: dict[str, tuple[str, str]]) -> bool:
    """Whether `e` may move on: the screen holds a failed hinge's drill and a short plank's
    hold; a lift whose next rung waits for a re-screen may still take a load (`UNLOCK`)."""
    return e.id not in held or held[e.id][0] == UNLOCK


def _stays(e: Exercise, pk: Pick, own: bool, screen: tuple[str, str] | None, p: Params) -> Reason | None:
    """Why a lift at the top of its range keeps its dose: the screen holds it, the rule that
    placed it (a pain regression, a review, a swap) does until a review moves it on, or no
    harder rung fits the runner's kit, level and pain. None where a pain ladder's rung
    already says when it moves up."""
    top = f"{e.name} is at the top of its range"
    if screen is not None:
        return p.why(screen[0], f"{top}: {screen[1]}.")
    if not own:
        rule = next((r.rule_id for r in pk.reasons if r.rule_id in PLACED_BY), None)
        if rule is None or rule == "pain-graded-return":
            return None
        return p.why(rule, f"{top}: it stays in this place until a weekly review moves it on.")
    if e.loadable:  # held at the kit's heaviest: its reps and lowering carry on (kit-double-progression, kit-outgrown)
        return p.why(RULE, f"{top} with no harder form your kit, level and pain allow: it stays at your heaviest.")
    return p.why(RULE, f"{top} with no harder rung your kit, level and pain allow: the dose holds.")


def block_choices(usable: tuple[Exercise, ...], done: frozenset[str]) -> tuple[Exercise, ...]:
    """What a block may choose from: a loaded form a climb reaches (`climbed_to`: the dumbbell
    step-down) only once the last block's weeks did it, so nobody starts on one without the
    bodyweight rung below it."""
    out = tuple(e for e in usable if not e.climbed_to or e.id in done)
    return usable if len(out) == len(usable) else out


def lower_rungs(library: Library, usable: Iterable[Exercise], recent: frozenset[str]) -> frozenset[str]:
    """The bodyweight lifts in `usable` that stand below one the last block did (`recent`):
    on its ladder, in the same category, or a two-legged lift of the same movement as a
    single-leg one it did, no higher up the ladders (a hip thrust after single-leg bridges:
    each leg lifts half); a lift the last block did counts when it also did one above it (a
    pain regression's isometric hold beside the reverse lunge it leads to). A new
    block's choice among equals never steps back down to one of them, so a rung reached
    stays reached across a phase change."""
    done = [library.get(x) for x in recent if x in library]
    climbed = [e for e in done if climbs(e)]
    if not climbed:
        return frozenset()
    targets = {e.id: e.category for e in climbed}
    one_leg = [e for e in climbed if e.unilateral]
    return frozenset(  # a lift the last block did is lower too when it also did one above it
        e.id
        for e in usable
        if climbs(e) and (_reaches(library, e, targets) or any(_two_legged_below(library, e, t) for t in one_leg))
    )


def _two_legged_below(library: Library, e: Exercise, one_leg: Exercise) -> bool:
    """Whether two-legged `e` is an easier form of single-leg `one_leg`'s movement: same
    category and pattern, no harder a level and no more rungs below it on the library's
    ladders (a hip thrust after single-leg bridges, not a Nordic curl after single-leg
    sliding curls)."""
    if e.unilateral or (e.category, e.pattern) != (one_leg.category, one_leg.pattern):
        return False
    return e.level.rank <= one_leg.level.rank and library.rungs_below(e.id) <= library.rungs_below(one_leg.id)


def _reaches(library: Library, e: Exercise, targets: dict[str, Category]) -> bool:
    """Whether one of `targets` (of `e`'s category) is up `e`'s progressions."""
    return any(targets.get(x) == e.category for x in library.above(e.id))


def climbers(primaries: dict[Category, tuple[Pick, ...]], library: Library, level: Level) -> tuple[Exercise, ...]:
    """The block's lifts whose reps or hold are watched for their top (worked out once a
    block: `BlockSelection.climbers`): every unloaded one, so a lift that tops out either
    climbs or says why it stays."""
    return tuple(pk.exercise for picks in primaries.values() for pk in picks if climbs(pk.exercise))


def topped_now(
    lifts: tuple[Exercise, ...], carry: Carry, dctx: DoseContext, planning: PlanningContext
) -> frozenset[str]:
    """Which of the block's `climbers` the last loading week used up, judged by the range
    they would be dosed in this week (`dctx`); a category a review holds does not climb."""
    key = (tuple(e.id for e in lifts), carry, dctx)
    hit = planning.memo.topped.get(key)
    if hit is not None:
        return hit
    held = {c for c, n in dctx.held if n}
    lifts = tuple(e for e in lifts if e.category not in held) if held else lifts
    p = planning.params
    tops = planning.memo.tops.remember(dctx, dict)  # each lift's range top in this dose context
    found = frozenset(exhausted(lifts, carry, lambda e: tops.get(e.id) or tops.setdefault(e.id, range_top(e, dctx, p))))
    return planning.memo.topped.put(key, found)


def range_top(e: Exercise, ctx: DoseContext, p: Params) -> int:
    """Where a primary's reps (or hold seconds) stop rising this week: the top of the rep
    range dosing gives it, or the level's longest hold."""
    if e.dose.measure == "seconds":
        return p.hold_max[ctx.level]
    return rep_range(e, ctx, p)[1]


def with_new_rungs(carry: Carry, climbed: tuple[tuple[str, str], ...]) -> Carry:
    """The carry with each rung just climbed to starting afresh (`new_rung`) in the sessions
    its rung below was done in, unless it has a dose of its own to step from."""
    if not climbed:
        return carry
    out = dict(carry)
    have = {ex for ex, _ in out}
    for old, new in climbed:
        if new in have:
            continue
        for (ex, focus), dose in carry:
            if ex == old:
                was = Carried._make(dose)
                below = (was.reps, was.rir) if was.reps is not None and was.rir is not None else None
                out[(new, focus)] = tuple(new_rung(was.sets, below))
    return tuple(sorted(out.items()))


def climb_accessories(
    accessories: list[Pick], topped: frozenset[str], usable: tuple[Exercise, ...], taken: set[str],
    pain: frozenset[PainArea], p: Params,
) -> tuple[list[Pick], tuple[tuple[str, str], ...]]:  # fmt: skip
    """The block's accessories with each one at the top of its range (`topped`) moved up its
    progressions, rung by rung while the rung reached has topped out too, to the first the
    runner may do as an accessory (a calf raise on two legs to one leg on a step), saying why;
    one that can climb no further says why its dose holds."""
    pool = {x.id: x for x in usable}
    out, made = [], []
    for pk in accessories:
        e = below = pk.exercise
        while e.id in topped and (x := _next_accessory(e, pool, taken, pain, p)) is not None:
            below, e = e, x
            taken.add(e.id)
        if e.id in topped:
            text = f"{e.name} is at the top of its range with no harder form your kit, level and pain allow: it holds."
            pk = Pick(exercise=e, reasons=(*pk.reasons, p.why(RULE, text)))
        elif e is not pk.exercise:
            made.append((pk.exercise.id, e.id))
            text = f"{below.name} reached the top of its range with nothing to add: the next step, {e.name}."
            pk = Pick(exercise=e, reasons=(*pk.reasons, p.why(RULE, text)))
        out.append(pk)
    return out, tuple(made)


def _next_accessory(
    e: Exercise, pool: dict[str, Exercise], taken: set[str], pain: frozenset[PainArea], p: Params
) -> Exercise | None:
    """The first of `e`'s progressions of its pattern the runner may do as an accessory."""
    for link in e.progressions:
        x = pool.get(link)
        if x is not None and x.pattern == e.pattern and _may_climb_to(x, e, taken, pain, p, not climbs(x), "accessory"):
            return x
    return None


def topped_accessories(selection: Any, carry: Carry, p: Params) -> frozenset[str]:
    """The block's bodyweight accessories counted in reps whose last loading week reached the
    top of the accessory range (dose-accessory): their reps can rise no further."""
    mains = {pk.exercise.id for picks in selection.primaries.values() for pk in picks}
    lifts = [
        pk.exercise
        for pk in selection.accessories
        if climbs(pk.exercise) and pk.exercise.dose.reps and pk.exercise.id not in mains
    ]
    return frozenset(exhausted(lifts, carry, lambda e: p.accessory_reps[1])) if lifts else frozenset()
