"""One planning context: the library, the rulebook and its typed params, passed explicitly.

Core functions never load data themselves: an adapter (CLI, web, store, bench) builds a
context once (from the shipped data or an edited copy, see `runstrong.io.data_files`) and
hands it to `build_plan`, `replan`, `check_plan` and the rest. The planner's memo tables
live on the context, keyed by value and bounded, so two runners alike in a week share the
work while a long-running server cannot grow without limit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .library import Library
from .rules import Registry


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


@dataclass(eq=False)
class PlanMemo:
    """What planning remembers between plans made with one context (all keys are values)."""

    usable: Memo = field(default_factory=lambda: Memo(4_096))  # exercises a runner can do
    selections: Memo = field(default_factory=lambda: Memo(16_384))  # a block's exercises
    days: Memo = field(default_factory=lambda: Memo(50_000))  # what each day of a week allows
    placements: Memo = field(default_factory=lambda: Memo(65_536))  # sessions to days
    composed: Memo = field(default_factory=lambda: Memo(50_000))  # a week's sessions before placement
    weeks: Memo = field(default_factory=lambda: Memo(25_000))  # a placed, dated week
    doses: Memo = field(default_factory=lambda: Memo(100_000))  # one exercise's prescription
    content: Memo = field(default_factory=lambda: Memo(50_000))  # a session's content checked for a runner

    def size(self) -> int:
        return sum(len(m) for m in vars(self).values())

    def clear(self) -> None:
        for m in vars(self).values():
            m.clear()


@dataclass(frozen=True, eq=False)
class PlanningContext:
    """The data a plan is made from, and the planner's memory of earlier plans made from it."""

    library: Library
    registry: Registry
    source: str = "package"  # where the data came from: "package" or the directory of an edited copy
    memo: PlanMemo = field(default_factory=PlanMemo, repr=False)

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
