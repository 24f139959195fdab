"""What to tell a runner whose listed furniture keeps the weekly calf work out of reach."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Exercise, Pattern
from .vocab import Item, spoken_list


def furniture_wanted(usable: Iterable[Exercise], at_home: Iterable[Exercise], listed: frozenset[Item]) -> list[str]:
    """A warning when the runner's listed furniture is all that stands between them and the
    weekly calf work (ankle-foot-stiffness): every calf exercise rests on something. `usable`
    is what the runner can do; `at_home` what they could with the usual home furniture."""
    if any(e.pattern == Pattern.calf_ankle for e in usable):
        return []
    needs = sorted(
        {i.value for e in at_home if e.pattern == Pattern.calf_ankle for i in e.furniture if i not in listed}
    )
    if not needs:
        return []
    pieces = spoken_list([f"a {x}" for x in needs], "or")
    return [
        f"No calf exercise fits the furniture you listed: each needs {pieces} to hold. "
        "List one under furniture for the weekly calf and ankle work (ankle-foot-stiffness)."
    ]
