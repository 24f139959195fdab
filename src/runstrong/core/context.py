"""One planning context: the library, the rulebook and its typed params, passed explicitly.

Core functions never load data themselves: an adapter (CLI, web, store, bench) builds a
context once (from the shipped data or an edited copy, see `runstrong.io.data_files`) and
hands it to `build_plan`, `replan`, `check_plan` and the rest. The planner's memo tables
live on the context, keyed by value and bounded, so two runners alike in a week share the
work while a long-running server cannot grow without limit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .library import Library
from .pain_return import Ladders
from .rules import Registry, RegistryError


def ladder_zone(registry: Registry) -> tuple[int | None, int]:
    """The acceptable zone (pain-monitoring) and the 0-based rung a score within it starts on
    (pain-graded-return); no zone where the rulebook gives none (an edited copy without it)."""
    try:
        zone = int(registry.param("pain-monitoring", "acceptable_during"))
        return zone, int(registry.param("pain-graded-return", "start_rung_in_zone")) - 1
    except (KeyError, ValueError, RegistryError):
        return None, 0


class Memo(dict):
    """A bounded memo table: when full, the oldest entry makes room for the new one."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: object, value: Any) -> Any:
        if len(self) >= self.limit:
            del self[next(iter(self))]
        self[key] = value
        return value

    def remember(self, key: object, make: Callable[[], Any]) -> Any:
        """The value kept under `key`, else `make()`'s, kept."""
        hit = self.get(key)
        return self.put(key, make()) if hit is None else hit


# Memo entries per distinct plan kept warm (a 16-week race plan has 18 weeks); about 0.7 MB
# of heap per plan, so the default of 256 plans bounds the memo near 180 MB.
PER_PLAN = {
    "calendars": 1,  # a profile's weeks laid out and its runs by date, by the profile's JSON
    "usable": 1,  # exercises a runner can do
    "selections": 4,  # a block's exercises (a bodyweight lift climbing its ladder starts a new one)
    "days": 18,  # what each day of a week allows
    "placements": 24,  # sessions to days
    "composed": 64,  # a week's sessions before placement
    "weeks": 18,  # a placed, dated week
    "doses": 64,  # one exercise's prescription
    "tops": 8,  # where each climbing lift's range stops rising, by dose context (ladder_climb.topped_now)
    "topped": 18,  # which climbing lifts a loading week used up, by the lifts, the carry and the dose context
    "steps": 2,  # a carried lift's reps this week (progression.carried_reps), by its arguments
    "content": 12,  # a session's content checked for a runner
    "loads": 1,  # a plan's weeks with the runner's loads
    "checked": 1,  # a plan's verdict from check_plan, by its planned weeks and profile
    "notes": 8,  # a build week's phase note, by its sessions (phases.fitted_phase_notes)
    "runs": 64,  # a week's runs as the plan lists them, by (date, type, minutes)
    "values": 96,  # one copy of each small value plans repeat: carried doses, carries, runs per day, roles
}


class PlanMemo:
    """What planning remembers between plans made with one context (all keys are values),
    sized to keep about `plans` distinct plans warm."""

    __slots__ = ("plans", *PER_PLAN)

    def __init__(self, plans: int = 256) -> None:
        self.plans = plans
        for name, per_plan in PER_PLAN.items():
            setattr(self, name, Memo(max(16, per_plan * plans)))

    def tables(self) -> dict[str, Memo]:
        return {name: getattr(self, name) for name in PER_PLAN}

    def size(self) -> int:
        return sum(len(m) for m in self.tables().values())

    def one_copy(self, value: tuple) -> tuple:
        """The copy of `value` the memo already holds, else `value` (kept): equal tuples
        planned for many runners and weeks become one object for the garbage collector."""
        hit = self.values.get(value)
        return self.values.put(value, value) if hit is None else hit

    def clear(self) -> None:
        for m in self.tables().values():
            m.clear()


@dataclass(frozen=True, eq=False)
class PlanningContext:
    """The data a plan is made from, and the planner's memory of earlier plans made from it."""

    library: Library
    registry: Registry
    source: str = "package"  # where the data came from: "package" or the directory of an edited copy
    ladders: Ladders = field(default_factory=Ladders)  # graded-return ladders per pain area (none: pain only spares)
    memo: PlanMemo = field(default_factory=PlanMemo, repr=False)

    def __post_init__(self) -> None:
        """The ladders read the rulebook's zone and start rung (a profile's pain score within
        the zone starts a loading rung: pain-graded-return), so every caller sees the same."""
        if self.ladders.zone is None and self.ladders.ladder:
            zone, start = ladder_zone(self.registry)
            if zone is not None:
                object.__setattr__(self, "ladders", self.ladders.model_copy(update={"zone": zone, "zone_start": start}))

    @property
    def params(self) -> Any:
        return self.registry.params  # type: ignore[attr-defined]

    @property
    def data_stamp(self) -> str:
        """Which data a plan used: the source, each file's version and the rulebook's fingerprint."""
        return (
            f"{self.source}; exercises {self.library.version}; rules {self.registry.version} "
            f"({self.registry.fingerprint})"
        )
