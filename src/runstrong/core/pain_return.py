"""Graded return: a painful area is loaded back up its ladder (isometric → slow heavy →
functional → plyometric) instead of only being spared, one rung at a time as the
pain-monitoring rule allows (S41; Silbernagel 2007).

The ladders are data (data/ladders.toml, validated here against the library). Which rung an
area is on comes from the profile: an area listed as painful starts on the first rung, and
each weekly review may move it (`Adjustment.pain_rungs`, from that week on; -1 takes it off
its ladder while a clinician is seen). The planner asks `rungs_for_week` for a block and
`place_rungs` puts each rung's exercise into the slot its ladder names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .library import Library
from .model import AthleteProfile, Category, Exercise, Item, Level, PainArea, Pattern, Reason, why
from .pick_reasons import Pick
from .slow_heavy import rung_reason
from .vocab import AREA_NAME, spoken_list

Stage = Literal["isometric", "slow_heavy", "functional", "plyometric"]
STAGES: tuple[str, ...] = ("isometric", "slow_heavy", "functional", "plyometric")
STAGE_NAME = {
    "isometric": "isometric holds",
    "slow_heavy": "slow heavy work",
    "functional": "functional work",
    "plyometric": "plyometric work",
}
OFF = -1  # off the ladder: nothing that loads the area (a clinician first)
RULE = "pain-graded-return"
_NONE: frozenset[tuple[PainArea, str]] = frozenset()


class Rung(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    stage: Stage
    exercises: Annotated[tuple[str, ...], Field(min_length=1)]  # the ladder's slot: the rung's own work
    # Other lifts that load the area and belong with this rung (any category, chosen by their own
    # slots, never placed as the rung's work): a hip on slow heavy work keeps its loaded hinge and
    # split squat, which its functional rung's reverse lunge waits for. A lift that loads the area
    # and is on no rung waits until the area is through its ladder.
    also: tuple[str, ...] = ()


class Ladder(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    area: PainArea
    category: Category
    slot: Annotated[int, Field(ge=0, le=1)]
    rungs: Annotated[tuple[Rung, ...], Field(min_length=len(STAGES), max_length=len(STAGES))]

    @property
    def top(self) -> int:
        return len(self.rungs) - 1

    def rung_of(self, exercise_id: str) -> int | None:
        """The first rung that lists `exercise_id`, if any."""
        return next((i for i, r in enumerate(self.rungs) if exercise_id in r.exercises), None)

    def lifts_to(self, rung: int) -> frozenset[str]:
        """Every lift the ladder allows at or below `rung`: the rungs' own work and the lifts
        that belong with them (`Rung.also`)."""
        return frozenset(x for r in self.rungs[: min(rung, self.top) + 1] for x in (*r.exercises, *r.also))


class Ladders(BaseModel):
    """Every pain area's ladder, by area (empty: no graded return, pain only spares)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    version: str = ""
    ladder: tuple[Ladder, ...] = ()
    # From the rulebook, not the data file (the planning context sets them): the acceptable
    # zone (pain-monitoring) and the rung a profile's score within it starts on
    # (pain-graded-return, 0-based here). No zone: every painful area starts on the first rung.
    zone: int | None = None
    zone_start: int = 0

    def get(self, area: PainArea) -> Ladder | None:
        return next((x for x in self.ladder if x.area == area), None)

    def start_rung(self, area: PainArea, score: int | None) -> int:
        """The rung a painful area of the profile starts on: a loading rung for pain now
        within the acceptable zone, else the first (pain-graded-return)."""
        lad = self.get(area)
        if lad is None or score is None or self.zone is None or score > self.zone:
            return 0
        return min(self.zone_start, lad.top - 1)  # never the plyometric rung: that one is earned


def parse_ladders(raw: dict, library: Library | None, source: str = "ladders.toml") -> Ladders:
    """Validate raw TOML data into Ladders (checked against `library` when given); a
    ValueError lists every problem at once."""
    ladders, errors = ladder_errors(raw, library, source)
    if ladders is None:
        raise ValueError("\n".join(errors))
    return ladders


def ladder_errors(raw: dict, library: Library | None, source: str = "ladders.toml") -> tuple[Ladders | None, list[str]]:
    """The ladders in `raw`, and every problem: shape, unknown exercises, stages out of order,
    a missing area, an exercise in another category, a rung before the plyometric one
    that the library rules out for its own area, or an isometric rung's exercise that is not
    a hold (the plan tells the runner that rung is isometric holds)."""
    try:
        ladders = Ladders.model_validate(raw)
    except ValidationError as err:
        return None, [f"{source}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()]
    errors = [f"{source}: no ladder for pain area {a.value}" for a in PainArea if ladders.get(a) is None]
    for n, lad in enumerate(ladders.ladder):
        where = f"{source}: ladder[{n}] ({lad.area.value})"
        if tuple(r.stage for r in lad.rungs) != STAGES:
            errors.append(f"{where}: rungs must run {', '.join(STAGES)}")
        for i, rung in enumerate(lad.rungs):
            for ex in rung.exercises:
                if library is None:
                    continue
                if ex not in library:
                    errors.append(f"{where}: rung {i}: unknown exercise {ex!r}")
                    continue
                e = library.get(ex)
                if e.category != lad.category:
                    errors.append(f"{where}: rung {i}: {ex} is {e.category.value}, not {lad.category.value}")
                if i < lad.top and lad.area in e.contraindications:
                    errors.append(f"{where}: rung {i}: {ex} is ruled out for {lad.area.value} pain")
                if rung.stage == "isometric" and e.dose.measure != "seconds":
                    errors.append(f"{where}: rung {i}: {ex} is dosed in {e.dose.measure}, not held (isometric)")
        errors += _also_errors(lad, library, where)
    return (ladders if not errors else None), errors


def _also_errors(lad: Ladder, library: Library | None, where: str) -> list[str]:
    """The problems of a ladder's `also` lifts: each must be known, load the area (the library's
    words, so the rung caps it), be on one rung only, and be no rung's own work; before the
    plyometric rung none may be ruled out for the area."""
    errors = []
    seen: dict[str, int] = {}
    own = _ladder_ids(lad)
    for i, rung in enumerate(lad.rungs):
        for ex in rung.also:
            if ex in seen or ex in own:
                errors.append(f"{where}: rung {i}: {ex} is listed twice on the ladder")
            seen[ex] = i
            if library is None:
                continue
            if ex not in library:
                errors.append(f"{where}: rung {i}: unknown exercise {ex!r}")
                continue
            e = library.get(ex)
            if lad.area not in e.loads and lad.area not in e.contraindications:
                errors.append(f"{where}: rung {i}: {ex} does not load {lad.area.value}, so no rung caps it")
            if i < lad.top and lad.area in e.contraindications:
                errors.append(f"{where}: rung {i}: {ex} is ruled out for {lad.area.value} pain")
    return errors


def rungs_for_week(profile: AthleteProfile, week_start: dt.date, ladders: Ladders) -> tuple[tuple[PainArea, int], ...]:
    """Each ladder's rung in the week starting `week_start`: a painful area starts on the
    first rung; the latest review before (or of) that week moves it. An area through its
    ladder (`through_ladder`) is on none."""
    found = ladder_state(profile, week_start, ladders)
    return tuple((area, rung) for area, (rung, _) in found if not _through(ladders, area, rung))


def calm_weeks_for_week(profile: AthleteProfile, week_start: dt.date, ladders: Ladders) -> dict[PainArea, int]:
    """The calm weeks each ladder's area did on its rung before the week starting
    `week_start` (rule pain-monitoring): read from the review that set the rung, so reviewing
    a week again, or planning again, reads the same count (no week is counted twice)."""
    return {area: calm for area, (_, calm) in ladder_state(profile, week_start, ladders)}


def through_ladder(profile: AthleteProfile, week_start: dt.date, ladders: Ladders) -> frozenset[PainArea]:
    """The painful areas a review found through their ladders by the week starting
    `week_start` (its top rung held calm: pain-ladder-handover): their ladder has ended and the
    plan trains them as it would a calm area, until pain past the zone puts them back on it."""
    return frozenset(a for a, (r, _) in ladder_state(profile, week_start, ladders) if _through(ladders, a, r))


def still_painful(profile: AthleteProfile, week_start: dt.date, ladders: Ladders) -> frozenset[PainArea]:
    """The profile's painful areas the plan spares in the week starting `week_start`: all but
    those through their ladders."""
    if not profile.pain_areas:
        return frozenset()
    return frozenset(profile.pain_areas) - through_ladder(profile, week_start, ladders)


def _through(ladders: Ladders, area: PainArea, rung: int) -> bool:
    lad = ladders.get(area)
    return lad is not None and rung > lad.top


def ladder_state(
    profile: AthleteProfile, week_start: dt.date, ladders: Ladders
) -> tuple[tuple[PainArea, tuple[int, int]], ...]:
    """Each ladder's (rung, calm weeks on it) in the week starting `week_start`, by area: the
    latest review before (or of) that week that set the rung sets both (a painful area with
    none starts on the first rung, or on a loading rung where the profile scores its pain
    within the acceptable zone, with no calm weeks; a rung past the top is through the ladder)."""
    if not profile.pain_areas and not any(a.pain_rungs for a in profile.adjustments):
        return ()  # most runners: nothing to load back (the planner asks once a week)
    scores = profile.pain_scores
    state = {a: (ladders.start_rung(a, scores.get(a)), 0) for a in profile.pain_areas if ladders.get(a) is not None}
    for a in profile.week_adjustments:  # one a week: the lower rung where two reviews set one
        if a.week_start > week_start:
            break
        for area, rung in a.pain_rungs.items():
            if ladders.get(area) is not None:
                state[area] = (rung, a.pain_calm.get(area, 0))
    return tuple(sorted(state.items(), key=lambda kv: kv[0].value))


def allowed_on_ladder(rungs: Iterable[tuple[PainArea, int]], ladders: Ladders) -> frozenset[tuple[PainArea, str]]:
    """(area, exercise) pairs a painful area's ladder prescribes at or below its current
    rung, even where the library rules the exercise out for that area (the plyometric
    rung, reached only as the monitoring rule allows)."""
    if not rungs:
        return _NONE
    out: set[tuple[PainArea, str]] = set()
    for area, rung in rungs:
        lad = ladders.get(area)
        if lad is not None and rung >= 0:
            out.update((area, ex) for ex in lad.lifts_to(rung))
    return frozenset(out)


def beyond_rungs(
    exercises: Iterable[Exercise], rungs: tuple[tuple[PainArea, int], ...], ladders: Ladders
) -> frozenset[str]:
    """The exercises that load a painful area its ladder has not yet brought them to (not
    prescribed at or below the area's current rung): an accessory never jumps a graded
    return, as calf raises or eccentric heel drops beside an Achilles on its holds would.
    A lift on the area's own ladder above its rung is beyond it too, whatever the library's
    `loads` say: single-leg calf raises are the foot's functional rung, so a foot on its
    isometric rung gets none as a calf accessory either. A lift that belongs with a rung
    (`Rung.also`: a hip's loaded hinge with its slow heavy work) comes in with that rung. An
    area taken off its ladder (a clinician first) gets none of its ladder's lifts (its first rung only as a last resort:
    `at_most_first_rung`), a hip thrust off a stopped lower back's ladder among them."""
    laddered = frozenset(area for area, rung in rungs if rung >= 0 and ladders.get(area) is not None)
    off_ids = frozenset(x for area, rung in rungs if rung == OFF for x in _ladder_ids(ladders.get(area), also=True))
    if not laddered:
        return frozenset(e.id for e in exercises if e.id in off_ids)
    allowed = allowed_on_ladder(rungs, ladders)
    on_ladder = {area: _ladder_ids(ladders.get(area), also=True) for area in laddered}
    return frozenset(
        e.id
        for e in exercises
        if e.id in off_ids
        or any((area, e.id) not in allowed for area in laddered if area in e.loads or e.id in on_ladder[area])
    )


def _ladder_ids(lad: Ladder | None, also: bool = False) -> frozenset[str]:
    """The ladder's own lifts (with `also`: and the lifts that belong with its rungs)."""
    if lad is None:
        return frozenset()
    return frozenset(x for r in lad.rungs for x in (*r.exercises, *(r.also if also else ())))


def ruled_out(e: Exercise, pain: frozenset[PainArea], allowed: frozenset[tuple[PainArea, str]]) -> bool:
    """`e` is contraindicated by a painful area whose ladder does not prescribe it."""
    return any((a, e.id) not in allowed for a in pain.intersection(e.contraindications))


def rung_exercise(
    lad: Ladder,
    rung: int,
    library: Library,
    kit: frozenset[Item],
    level: Level,
    pain: frozenset[PainArea],
    hops: bool = True,
) -> tuple[Exercise, int] | None:
    """The exercise for `rung` that fits the kit and level, that no other painful area rules
    out, and that is no hop when the block allows none (`hops`: landings come first, no
    hops in race week); when none does, the nearest rung below that has one."""
    for r in range(min(rung, lad.top), -1, -1):
        for ex in lad.rungs[r].exercises:
            if ex not in library:  # a coach's edited library without it
                continue
            e = library.get(ex)
            if not hops and e.pattern == Pattern.plyometric:
                continue
            if e.fits(kit) and e.level.rank <= level.rank and not (pain - {lad.area}) & set(e.contraindications):
                return e, r
    return None


def unreachable_ladders(
    library: Library,
    ladders: Ladders,
    rungs: tuple[tuple[PainArea, int], ...],
    kit: frozenset[Item],
    level: Level,
    pain: frozenset[PainArea],
) -> list[str]:
    """A warning for each painful area whose ladder has no rung the runner's kit and furniture
    allow: the area would be spared week after week and never loaded back, so the plan says
    what its first rung needs rather than leaving it out in silence."""
    out = []
    for area, rung in rungs:
        lad = ladders.get(area)
        if lad is None or rung < 0 or rung_exercise(lad, rung, library, kit, level, pain) is not None:
            continue
        needs: set[str] = set()
        for ex in (x for x in lad.rungs[0].exercises if x in library):
            e = library.get(ex)
            needs |= {f"a {i.value.replace('_', ' ')}" for i in e.equipment if i not in kit}
            if e.furniture and kit.isdisjoint(e.furniture):
                needs.add(spoken_list([f"a {f.value}" for f in e.furniture], "or"))
        what = f" (its first rung needs {spoken_list(sorted(needs), 'or')})" if needs else ""
        out.append(
            f"Nothing on the graded return for your {AREA_NAME[area]} fits your kit and furniture{what}, "
            "so it is spared but never loaded back: list what you have under equipment or furniture, "
            f"or ask a clinician for a loading plan ({RULE})."
        )
    return out


def place_rungs(
    library: Library,
    ladders: Ladders,
    rungs: tuple[tuple[PainArea, int], ...],
    primaries: dict[Category, tuple[Pick, ...]],
    taken: set[str],
    kit: frozenset[Item],
    level: Level,
    pain: frozenset[PainArea],
    hops: bool = True,
    away: frozenset[str] = frozenset(),
    calm_weeks: int = 0,
) -> dict[Category, tuple[Pick, ...]]:
    """The primaries with each ladder's rung exercise in its ladder's slot; a rung exercise a
    swap left out (`away`) leaves the slot as it was. A rung swapped for another lift is
    placed: the swap then puts its lift in the rung's slot. Areas whose ladders share a slot
    (calf, Achilles, foot and shin) each get their rung's work: the slot's lift serves a
    second area only where it is on that area's rung and the library says it loads it (the
    words then name both); else the second area's rung joins the category as one more primary.
    `calm_weeks` is the pain-monitoring rule's count a rung is held for (its reason says so)."""
    out = dict(primaries)
    filled: dict[tuple[Category, int], _Held] = {}
    off = {area for area, rung in rungs if rung == OFF}  # a clinician first: no rung's lift may load it
    for area, rung in rungs:
        lad = ladders.get(area)
        if lad is None or rung < 0:
            continue
        found = rung_exercise(lad, rung, library, kit, level, pain, hops)
        if found is None or off.intersection(found[0].loads):
            continue
        e, at = found
        picks = list(out.get(lad.category, ()))
        sharing = filled.get((lad.category, lad.slot))
        if sharing is not None:  # another area's rung holds the slot
            out[lad.category] = _shared_slot(picks, lad, at, e, area, sharing, taken, away, calm_weeks)
            continue
        here = picks[lad.slot] if lad.slot < len(picks) else None
        if e.id in away or (e.id in taken and (here is None or here.exercise.id != e.id)):
            continue
        filled[(lad.category, lad.slot)] = _Held([area], lad, at, e.id)
        taken.add(e.id)
        said = (_rung_reason([area], lad, at, calm_weeks, rung), *rung_reason(lad.rungs[at].stage, e.dose.measure))
        rung_pick = Pick(exercise=e, reasons=said)
        if here is None:  # the category found fewer primaries than the slot: the rung joins them
            picks.append(rung_pick)
        elif len(picks) == 1 and here.exercise.id != e.id:  # the lift it stands in for keeps the other slot
            picks = [rung_pick, here] if lad.slot == 0 else [here, rung_pick]
        else:
            if here.exercise.id != e.id:
                taken.discard(here.exercise.id)  # the lift the rung stands in for is free again
            picks[lad.slot] = rung_pick
        out[lad.category] = tuple(picks)
    return out


@dataclass(slots=True)
class _Held:
    """A slot's rung: the areas its lift brings back, and the ladder and rung it was placed for."""

    areas: list[PainArea]
    ladder: Ladder
    rung: int
    lift: str  # its exercise's id


def _rung_reason(areas: list[PainArea], lad: Ladder, at: int, calm_weeks: int = 0, rung: int | None = None) -> Reason:
    """Why a rung's lift is there, naming each area it brings back, and how it moves on: its
    dose grows week to week within the rung, which climbs after the rule's calm weeks. A lift
    from rung `at` standing in for rung `rung` (nothing of which fits the kit) is named as a
    stand-in, never as the rung's own stage (cr24a F2)."""
    names = spoken_list([a.value.replace("_", " ") for a in areas], "and")
    pace = (
        f"its dose grows week to week on it, and it moves up after {calm_weeks} calm weeks (pain reported, 0 "
        "when none, in the acceptable zone and settled by the next morning)"
        if calm_weeks > 1
        else "it moves up when pain stays in the acceptable zone and settles by the next morning"
    )
    stage = STAGE_NAME[lad.rungs[at].stage]
    if rung is not None and rung > at:
        own = STAGE_NAME[lad.rungs[min(rung, lad.top)].stage]
        where = f"rung {rung + 1} of {lad.top + 1}: nothing of its {own} fits your kit"
        stand_in = f"so this, from its {stage}, stands in and counts as its work"
        return why(RULE, text=f"Graded return for your {names}: {where}, {stand_in}; {pace}.")
    return why(RULE, text=f"Graded return for your {names}: rung {at + 1} of {lad.top + 1}, {stage}; {pace}.")


def _shared_slot(
    picks: list[Pick],
    lad: Ladder,
    at: int,
    e: Exercise,
    area: PainArea,
    held: _Held,
    taken: set[str],
    away: frozenset[str],
    calm_weeks: int = 0,
) -> tuple[Pick, ...]:
    """A second area's rung where another's holds the slot: the slot's lift serves it too when
    it is on this area's rung and loads it (its reason then names both areas); otherwise this
    area's rung lift joins the category's primaries, unless the block already holds it."""
    i = next((k for k, pk in enumerate(picks) if pk.exercise.id == held.lift), None)
    here = None if i is None else picks[i]
    if here is not None and here.exercise.id in lad.rungs[at].exercises and area in here.exercise.loads:
        held.areas.append(area)
        said = _rung_reason(held.areas, held.ladder, held.rung, calm_weeks)
        picks[i] = Pick(exercise=here.exercise, reasons=tuple(said if r.rule_id == RULE else r for r in here.reasons))
        return tuple(picks)
    if e.id in taken or e.id in away or any(pk.exercise.id == e.id for pk in picks):
        return tuple(picks)
    taken.add(e.id)
    said = (_rung_reason([area], lad, at, calm_weeks), *rung_reason(lad.rungs[at].stage, e.dose.measure))
    return (*picks, Pick(exercise=e, reasons=said))


def at_most_first_rung(
    exercises: Iterable[Exercise], rungs: tuple[tuple[PainArea, int], ...], ladders: Ladders
) -> tuple[Exercise, ...]:
    """The exercises that load no area taken off its ladder, or load it only as its ladder's
    first rung does: where a category has nothing that spares such an area, the week's last
    resort (every week trains all three) goes no higher than its gentlest work, never to a
    split squat for a knee just stopped on its hold (cr22a W3). A lift on the area's own ladder
    above its first rung is out too, whatever the library's `loads` say (as in `beyond_rungs`:
    a hip thrust is the lower back's slow heavy work)."""
    off = [(area, lad) for area, rung in rungs if rung == OFF and (lad := ladders.get(area))]
    first = {area: lad.lifts_to(0) for area, lad in off}
    above = {area: _ladder_ids(lad, also=True) - first[area] for area, lad in off}
    return tuple(
        e
        for e in exercises
        if all((a not in e.loads or e.id in ids) and e.id not in above[a] for a, ids in first.items())
    )
