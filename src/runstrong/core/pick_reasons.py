"""Why an exercise was picked for its slot: the reasons each pick carries, what the
baseline screen prescribes, and the warm-up and finisher drills that cover their regions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .heavy_pair import RULE as PAIR_RULE
from .heavy_pair import paired_squat
from .library import Library
from .lift_kind import kind_words, one_leg
from .model import Category, Exercise, Intent, Pattern, Phase, Reason, Region, why
from .params import Params
from .vocab import AREA_NAME, CATEGORY_NAME, with_article

if TYPE_CHECKING:
    from .selection import Context


@dataclass(frozen=True)
class Pick:
    exercise: Exercise
    reasons: tuple[Reason, ...]


P = Pattern
SINGLE_LEG_STRENGTH = (P.squat, P.lunge, P.step)
REGION_WORDS = {"thoracic": "upper back (thoracic spine)", "lumbar": "lower back (lumbar spine)"}


def single_leg_explosive(e: Exercise) -> bool:
    """Hops landed on one leg at a time (single-leg pogos, skater hops, hop and stick)."""
    return e.pattern == P.plyometric and (e.unilateral or e.dose.per_side)


def resisted_hinge(e: Exercise) -> bool:
    """A hip hinge under a load or a band's pull: what waits until the hinge passes a screen."""
    return e.pattern == P.hinge and (e.loadable or bool(e.equipment))


def _explosive(e: Exercise) -> bool:
    """Single-leg power work meant to be fast: the 5K/10K emphasis (short-race-explosive)."""
    return e.category == Category.single_leg_power and (single_leg_explosive(e) or e.intent == Intent.power)


def _durable(e: Exercise) -> bool:
    """Single-leg strength or capacity, calf work and carries: the half's and marathon's emphasis
    (marathon-durability)."""
    single_leg = e.category == Category.single_leg_power and e.intent in (Intent.capacity, Intent.strength)
    return single_leg or e.pattern in (P.calf_ankle, P.carry)


def pain_note(
    chosen: Exercise, ideal: Exercise | None, ctx: Context, library: Library, allowed: frozenset = frozenset()
) -> tuple[Reason, ...]:
    """Why the pick differs from what a pain-free runner would get, if pain is the reason.
    "Regressed to" names only a gentler form of the same movement (`Library.gentler_forms`);
    another movement, even of the same pattern (a tibialis raise for a soleus raise), takes
    the place of the lift that loads the area."""
    if ideal is None or ideal.id == chosen.id:
        return ()
    painful = ctx.pain.intersection({*ideal.loads, *ideal.contraindications})
    if painful and all((area, ideal.id) in allowed for area in painful):
        return ()  # at or below each area's rung (`allowed`): pain is not why it was passed over
    laddered = {area for area, rung in ctx.ladder if rung >= 0}
    # only the areas whose ladders do not allow it are why it is not here
    excluded = sorted(
        AREA_NAME[a] for a in ctx.pain.intersection(ideal.contraindications) if (a, ideal.id) not in allowed
    )
    loaded = sorted(AREA_NAME[a] for a in ctx.pain.intersection(ideal.loads) if (a, ideal.id) not in allowed)
    within = bool(laddered.intersection(chosen.loads))  # the stand-in loads the area, as its ladder's rung allows
    if excluded:  # "the same quality" only where it is: the same movement pattern, for the same aim
        same = chosen.pattern == ideal.pattern and chosen.intent == ideal.intent
        does = "trains the same quality" if same else "takes its place"
        spares = "stays within your graded return's rung" if within else "spares it"
        text = f"{ideal.name} is left out for your {' and '.join(excluded)} pain; {chosen.name} {does} and {spares}."
    elif loaded and chosen.id in library.gentler_forms(ideal.id):
        text = (
            f"{ideal.name} loads your {' and '.join(loaded)}; regressed to {chosen.name}, "
            "a gentler way to train it while the pain settles."
        )
    elif loaded and within:  # the stand-in loads it too, within its ladder's rung
        areas = " and ".join(loaded)
        text = f"{ideal.name} loads your {areas} past your graded return's rung; {chosen.name} stays within it."
    elif loaded:  # another movement takes the slot: it spares the area rather than training it gently
        text = f"{ideal.name} loads your {' and '.join(loaded)}; {chosen.name} takes its place while the pain settles."
    else:
        return ()
    return (why("pain-excludes-or-regresses", text=text),)


def screened(
    library: Library,
    category: Category,
    slot: int,
    ctx: Context,
    usable: tuple[Exercise, ...],
    taken: set[str],
    p: Params,
    done: frozenset[str] = frozenset(),
) -> Exercise | None:
    """The exercise the baseline screen prescribes for this slot, if it prescribes one. The
    single-leg squat's rung is where the ladder starts: a later block starts from the highest
    rung the last block's weeks did (`done`) when that is higher (a rung reached stays reached),
    never past the rungs the screen in force unlocks (`rescreen-to-unlock`)."""
    if slot != 0 or not (ctx.hinge_patterning or ctx.short_holds or ctx.single_leg_rung != "level"):
        return None  # most slots: the screen shapes only a first slot, and only when it found something
    ok = {e.id for e in usable} - taken
    if category == Category.posterior_chain and slot == 0 and ctx.hinge_patterning:
        drills = [e for e in usable if e.pattern == P.hinge and not e.loadable and e.id in ok]
        return min(drills, key=lambda e: e.level.rank, default=None)
    if category == Category.core and slot == 0 and ctx.short_holds:
        holds = [e for e in usable if e.category == category and e.dose.seconds and e.pattern == P.anti_extension]
        holds = [e for e in holds if e.id in ok and "primary" in e.roles]
        return min(holds, key=lambda e: e.level.rank, default=None)
    if category == Category.single_leg_power and slot == 0 and ctx.single_leg_rung != "level":
        reached = min(reached_rung(library, done), rung_cap(ctx.single_leg_rung, p) or 0)
        ceiling = max(RUNG_CEILING[ctx.single_leg_rung], reached)
        allowed = [e for e in single_leg_ladder(library)[: ceiling + 1] if e.id in ok]
        return allowed[-1] if allowed else None
    return None


_LADDER_TOP = "pistol_squat"  # the single-leg ladder of S11, walked down from its top rung
# the highest rung of that ladder a screen's single-leg squat allows: a ceiling, not a fixed start
RUNG_CEILING = {"ladder_start": 0, "step_down": 1}


def rung_cap(single_leg_rung: str, p: Params) -> int | None:
    """The highest rung of the single-leg ladder the screen in force unlocks (its rung plus
    `rescreen-to-unlock`'s allowance), or None when it rated the squat good: the level decides."""
    if single_leg_rung not in RUNG_CEILING:
        return None
    return RUNG_CEILING[single_leg_rung] + p.rescreen_rungs_above_screen


def single_leg_ladder(library: Library) -> list[Exercise]:
    """The single-leg squat ladder of S11, easiest rung first (empty if the library lacks it)."""
    return library.ladder(_LADDER_TOP) if _LADDER_TOP in library else []


def reached_rung(library: Library, done: frozenset[str]) -> int:
    """The highest rung of the single-leg ladder among `done`, or -1."""
    return max((i for i, x in enumerate(single_leg_ladder(library)) if x.id in done), default=-1)


def above_screen(library: Library, e: Exercise, ctx: Context) -> bool:
    """Whether `e` stands above the rung the screen's single-leg squat starts on (climbed to)."""
    rung = ladder_rung(library, e)
    return ctx.single_leg_rung != "level" and rung is not None and rung > RUNG_CEILING[ctx.single_leg_rung]


def ladder_rung(library: Library, e: Exercise) -> int | None:
    """Where an exercise stands on the single-leg ladder, or None when it is not on it."""
    return next((i for i, x in enumerate(single_leg_ladder(library)) if x.id == e.id), None)


def screen_reasons(library: Library, e: Exercise, category: Category, slot: int, ctx: Context) -> list[Reason]:
    if category == Category.posterior_chain and slot == 0 and ctx.hinge_patterning and not e.loadable:
        return [why("screen-hip-hinge", "Your screen's hinge lost contact: pattern it before loading it.")]
    if category == Category.core and slot == 0 and ctx.short_holds and e.dose.seconds:
        return [why("screen-plank", "Your plank was short: a plank variation leads the core work.")]
    if category == Category.single_leg_power and slot == 0 and above_screen(library, e, ctx):
        text = f"Your single-leg squat set where the ladder started; the plan has since climbed to {e.name}."
        return [why("progression-carries-over", text)]  # a rung reached stays reached
    if category == Category.single_leg_power and slot == 0 and ctx.single_leg_rung != "level":
        if ladder_rung(library, e) is None:  # a lift off the ladder (a pain stand-in): the screen set no rung
            return []
        return [why("screen-single-leg-squat", "Your single-leg squat rating sets this starting rung.")]
    return []


def _legs(e: Exercise) -> str:
    """What a single-leg power slot's pick on both legs is, so its reason does not call it single-leg."""
    return "" if e.category != Category.single_leg_power or one_leg(e) else f" ({kind_words(e)}, on both legs)"


def two_legged(e: Exercise) -> bool:
    """A hop both feet take off from and land on together (a pogo, not a skater hop)."""
    return not e.unilateral and not e.dose.per_side


def pick_reasons(e: Exercise, category: Category, slot: int, ctx: Context, p: Params) -> list[Reason]:
    reasons = [
        p.why("two-primaries-one-accessory", f"One of the block's two {CATEGORY_NAME[category]} primaries{_legs(e)}."),
        p.why(
            "same-primaries-per-block",
            "Kept for the whole block so that progress shows; it changes when the block does.",
        ),
    ]
    if ctx.phase == Phase.foundation and e.pattern.value in p.foundation_patterns:
        reasons.append(p.why("foundation-posterior-emphasis", text=f"A {e.pattern.value} movement for phase one."))
    if category == Category.posterior_chain and paired_squat(e, ctx, p):
        reasons.append(p.why(PAIR_RULE, "A heavy two-legged squat beside the main hinge, as a barbell lifter trains."))
    if e.pattern == P.anti_rotation:
        reasons.append(p.why("anti-rotation-weekly", text="Anti-rotation work every week."))
    if category == Category.single_leg_power and e.pattern in SINGLE_LEG_STRENGTH:
        reasons.append(
            p.why(
                "single-leg-ladder",
                f"The rung of the single-leg ladder that {with_article(ctx.level.value)} lifter starts on.",
            )
        )
    if e.pattern == P.landing:
        reasons.append(p.why("landings-before-plyometrics", text="Landing drills come before hops and jumps."))
    if e.pattern == P.plyometric:
        reasons.append(
            p.why("landings-before-plyometrics", "Landings have been drilled, so short hops and jumps are in.")
        )
        if ctx.first_hops and two_legged(e):
            reasons.append(p.why("hops-two-legs-first", "Your first hops: on two legs, before single-leg ones."))
    explosive_build = ctx.phase == Phase.build and ctx.race is not None and ctx.race in p.explosive_distances
    if explosive_build and single_leg_explosive(e):
        reasons.append(p.why("short-race-explosive", text=f"{ctx.race.value}: single-leg hops from the build on."))
    if ctx.phase == Phase.race_specific and ctx.race is not None:  # only the lifts that carry the emphasis say so
        if ctx.race in p.explosive_distances and _explosive(e):
            reasons.append(p.why("short-race-explosive", text=f"{ctx.race.value}: explosive single-leg emphasis."))
        elif ctx.race in p.durability_distances and _durable(e):
            reasons.append(p.why("marathon-durability", text=f"{ctx.race.value}: durability emphasis."))
    if ctx.level.rank < p.high_skill_min_level.rank:
        reasons.append(p.why("mechanics-over-complexity", text="Low-skill variant: mechanics over complexity."))
    if back := sorted(AREA_NAME[a] for a in ctx.handed_back.intersection({*e.loads, *e.contraindications})):
        text = (
            f"Your {' and '.join(back)} held {'its' if len(back) == 1 else 'their'} return ladder's top rung calm: "
            "the ladder has ended and the usual work is back, started lighter and stepping up."
        )
        reasons.append(p.why("pain-ladder-handover", text))
    return reasons


def cover_regions(
    usable: tuple[Exercise, ...],
    category: Category,
    regions: tuple[str, ...],
    items: int,
    rule_id: str,
    recent: frozenset[str],
    always: tuple[str, ...] = (),
) -> list[Pick]:
    """Drills of `category` covering each required region first, then extra ones; drills
    of the last block go to the back of the queue, so the routine changes block to block."""
    pool = sorted((e for e in usable if e.category == category), key=lambda e: (e.id not in always, e.id in recent))
    picks: list[Pick] = []
    taken: set[str] = set()
    for region in regions:
        e = next((x for x in pool if Region(region) in x.regions and x.id not in taken), None)
        if e is not None:
            taken.add(e.id)
            picks.append(Pick(e, (why(rule_id, text=f"Covers the {REGION_WORDS.get(region, region)}."),)))
    for e in pool:
        if len(picks) >= items:
            break
        if e.id not in taken:
            taken.add(e.id)
            regions_text = ", ".join(REGION_WORDS.get(r.value, r.value) for r in e.regions)
            picks.append(Pick(e, (why(rule_id, text=f"Adds {regions_text}."),)))
    return picks
