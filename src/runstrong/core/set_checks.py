"""What a set typed as done cannot be, beyond its own fields: a lift on a bar lighter than
the empty bar. "rdl 3x8@14kg" for a runner with dumbbells once logged a barbell Romanian
deadlift below the bar: the load names the lift as surely as its name does, so such a set
is refused with the lift that takes that load (a dumbbell one), never stored as a guess.

Pure: the library, the runner's units and the rulebook's params come in as arguments.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .diary import SetLog
from .library import Library
from .loads import implement, lightest_kg
from .model import Exercise, Units
from .set_text import format_load

_SLACK = 1e-6  # an imperial bar (45 lb) stored in kg reads back as itself


def under_the_bar(
    sets: Iterable[SetLog], library: Library, units: Units, p: Any, bars: dict | None = None
) -> str | None:
    """Why the first set loaded under its lift's empty bar (the runner's own `bars`, else the
    rulebook's) is refused (the message names the load and the fix); None when every loaded
    set is at least its bar."""
    bars = bars or {}
    for s in sets:
        if s.load_kg is None or s.exercise_id not in library:
            continue
        lift = library.get(s.exercise_id)
        kit = implement(lift.equipment)
        bar = lightest_kg(kit, units, bars, p) if kit is not None else 0.0
        if kit is None or s.load_kg >= bar - _SLACK:
            continue
        kin = [library.get(i) for i in (*lift.regressions, *lift.progressions) if i in library]
        other = next((e for e in kin if _barless(e, units, p)), None)
        own = "" if kit in bars else f" (a lighter bar: set bar_weights.{kit.value} in your profile)"
        fix = f"name the lift you did, e.g. '{other.id}' ({other.name.lower()})" if other else "name the lift you did"
        load, empty = format_load(s.load_kg, units)[1:], format_load(bar, units)[1:]
        return f"{load} for {lift.name} is under the empty {kit.value.replace('_', ' ')} ({empty}); give the whole " \
               f"load, bar included, or {fix}{own}"  # fmt: skip
    return None


def _barless(lift: Exercise, units: Units, p: Any) -> bool:
    """Whether `lift` takes a load with no bar under it (dumbbells, kettlebells, a backpack)."""
    kit = implement(lift.equipment)
    return kit is not None and not lightest_kg(kit, units, {}, p)
