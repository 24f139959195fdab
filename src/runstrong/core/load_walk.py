"""The state of the load walk (`plan_loads`): each lift's load so far and the walk's own.

Kept apart from the walk so the modules that read it (the kit's progression, the limits on a
load, the words beside it) name its types without importing the walk itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from . import loads as ld
from .cached_attr import cached_attr
from .kit_progress import KitState
from .library import Library
from .load_limits import LOADED_ROLES
from .model import AthleteProfile, Block, Exercise, Prescription
from .owned_kit import kit_heaviest, kit_increments, owned_floor_kg

T = TypeVar("T")


class Copies(dict):
    """The walk's copies of the plan's values (blocks, sessions, block lists), keyed by the
    identity of the values each was made from and by the numbers that shaped it.

    An id names one object only while that object lives: the walk makes and drops values by
    the thousand, so a key holding only the id of one already freed would be found again by a
    newer value given the same address, and handed that older value's copy (a lunge's dose
    for a deadlift, a Tuesday session for a Thursday). Which address comes back depends on
    everything the process did before, so such a fault shows only in a long run. Every value
    an entry's key names is therefore kept alive with the entry (`kept`), for the walk's life."""

    __slots__ = ("kept",)

    def __init__(self) -> None:
        super().__init__()
        self.kept: list[tuple] = []

    def of(self, sources: tuple, numbers: tuple, make: Callable[[], T]) -> T:
        """The copy made from `sources` (by identity) with `numbers` (by value), else `make()`'s, kept."""
        key = (*map(id, sources), *numbers)
        hit = self.get(key)
        if hit is None:
            hit = self[key] = make()
            self.kept.append(sources)
        return hit  # type: ignore[no-any-return]

    def share(self, sources: tuple, value: T) -> T:
        """The value kept for `sources` (by identity), else `value`, kept."""
        return self.of(sources, (), lambda: value)


@dataclass
class LiftState:
    """One exercise's load so far in the walk."""

    e1rm: float
    last: float | None  # the heaviest load of the last loading week it was done in
    rule: str  # the rule that set its start
    weeks: int = 0  # loading weeks planned since that start
    find: bool = False  # its next session is the find-your-weight session
    shown: bool = False  # it has been loaded once in this plan (the rounding is said there)
    easier: bool = False  # its last log was clearly easier than planned: one real step up next
    reps: int | None = None  # reps of its last loading week: while reps rise, the load holds
    last_e1rm: float | None = None  # the e1RM its last loading week's heaviest set stands for
    source: str = ""  # the lift a cross-lift start was converted from
    week_kg: float | None = None  # the heaviest load of its last loading week (a deload eases that)
    race_kg: float | None = None  # its heaviest load in race week: the days back after the race go no lighter
    full_best: float | None = None  # the heaviest load of its full-dose days so far (a light day stays under it)
    light_best: float | None = None  # what its light days stay under: full_best, grown in weeks of light days only
    built_e1rm: float | None = None  # the e1RM full_best's set stands for (maintenance reads its effort by it)
    built_reps: int | None = None  # the reps full_best was lifted for (maintenance keeps them: maintenance-after-race)
    fresh_log: bool = False  # it starts from a set the diary logged: its next week follows that set, held or not
    scale: float = 1.0  # an estimate scaled to the loads the runner gave (load_calibration)
    light: tuple[int, float] | None = None  # reps and load of its light days' last loading week: reps rise, load holds
    kit: KitState | None = None  # its main full day's dose last loading week, as kit-double-progression steps from it
    other: tuple[int, float] | None = (
        None  # reps and load of its other full day last loading week (kept at a held load)
    )
    rung: bool = False  # a pain ladder's rung brought it in: its start is capped low (rung-start-load)
    own_e1rm: float | None = None  # a rung's start from the runner's own lift of its family: its effort's measure
    handed_back: bool = False  # back after its area's ladder, at the handover's share (pain-ladder-handover)
    diary: bool = False  # its load follows a set the diary logged (not one the runner gave): the words say so
    hard_once: bool = False  # its last full day was logged harder than planned, all reps done: held, not lowered
    # the e1RM it started from (a log's, a start's), which the walk's bound to its planned loads never
    # lowers: at the kit's heaviest the load cannot follow it, and the effort written reads the reserve by it
    free_e1rm: float | None = None
    aged: str = ""  # a start from a load given before a break: what the plan says of it (detraining-restart)

    def __post_init__(self) -> None:
        if self.free_e1rm is None:
            self.free_e1rm = self.e1rm


@dataclass
class LoadWalk:
    profile: AthleteProfile
    library: Library
    p: Any
    lifts: dict[str, LiftState]
    started: bool = False  # past the weeks already lived: starts from the profile apply
    # loaded copies shared as the plan's own values are (blocks, and the block lists of
    # sessions alike), keyed by the identity of values the walk keeps alive (`Copies`)
    copies: Copies = field(default_factory=Copies)
    # (exercise id, day) -> the light dose a lived week planned that day: a log of it done as
    # planned leaves the lift where it stood (a light day's set says little of what it can do)
    eased_days: dict[tuple[str, dt.date], Prescription] = field(default_factory=dict)
    cut_days: set[tuple[str, dt.date]] = field(default_factory=set)  # those a review's cut eased (near failure)
    # the full (not eased) doses of lived sessions: a set logged as one of them confirms the walk (cr22b W2)
    full_days: dict[tuple[str, dt.date], Prescription] = field(default_factory=dict)
    scale: float = 1.0  # the runner's own loads against the body-mass table (load_calibration)
    room: int = 0  # the seconds the session being loaded has left under the cap (kit-double-progression)
    planned: Block | None = None  # the block being loaded, as the week holds it (is it the lift's main day?)
    # main days of the session being loaded the cap left without their kit dose, and the seconds it needed
    short: list[tuple[Block, int]] = field(default_factory=list)
    focus: object = None  # the focus of the session being loaded (a lift's days are compared by it)
    # (exercise id, focus) -> its dose in the last loading week (a day's dose steps a bounded step from it)
    day_last: dict[tuple[str, object], Prescription] = field(default_factory=dict)
    # exercise id -> the most reps any of its days asked in its last loading week (the taper asks no more)
    loading_reps: dict[str, int] = field(default_factory=dict)
    # (exercise id, focus, light) -> its most sets on such a day in the last loading week (a cut week cuts from them)
    day_sets: dict[tuple[str, object, bool], int] = field(default_factory=dict)
    handed: set[str] = field(default_factory=set)  # lifts a ladder's handover already started afresh
    # (exercise id, day) of lived full days held after one hard week: a second hard log there lowers the lift
    hard_held: set[tuple[str, dt.date]] = field(default_factory=set)

    @cached_attr
    def reviewed(self) -> bool:
        """Whether a review held or cut any week (only then does a block's hold need looking for)."""
        return any(a.hold or a.reduce for a in self.profile.adjustments)

    def kit(self, e: Exercise) -> tuple[float, float]:
        """The kit's smallest step and lightest load (an empty bar), in kg."""
        kit, units = ld.implement(e.equipment), self.profile.units
        step = ld.increment_kg(kit, units, kit_increments(self.profile), self.p)  # type: ignore[arg-type]
        bar = ld.lightest_kg(kit, units, self.profile.bar_weights, self.p)  # type: ignore[arg-type]
        bar = bar or owned_floor_kg(kit, units, self.profile.owned_weights)
        return step, bar or ld.anchored_kg(kit, units, kit_heaviest(self.profile), step)  # type: ignore[arg-type]

    def rir(self, presc: Prescription) -> float:
        return ld.rir_of(presc.intensity.kind, presc.intensity.value, self.p.autoreg_assumed_rir)

    def e1rm_of(self, load: float, presc: Prescription) -> float:
        p = self.p
        if not presc.reps:
            return load * 100 / p.carry_load_pct
        return ld.e1rm(load, presc.reps, self.rir(presc), p.e1rm_formula, p.e1rm_max_reps)


def loadable(e: Exercise, block: Block) -> bool:
    """A block a load is set for: main or accessory work with an implement, in reps or metres."""
    return loadable_exercise(e) and loaded_dose(block)


def loadable_exercise(e: Exercise) -> bool:
    """An exercise done with an implement that takes a load."""
    return e.loadable and ld.implement(e.equipment) is not None


def loaded_dose(block: Block) -> bool:
    """Main or accessory work in reps or metres (what of a block decides whether it is loaded)."""
    p = block.prescription
    return block.role in LOADED_ROLES and bool(p.reps or p.distance_m)
