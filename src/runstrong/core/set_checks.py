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


# A logged load is refused (unless the runner confirms it) when it is above every bound of
# what could be true for that lift: more than twice the heaviest the runner's kit makes (a
# pair of dumbbells logged as their sum is exactly twice), and more than three times both the
# day's planned load and the heaviest set the diary holds of the lift (a planned working load
# sits near 75-80% of the e1RM, so three times it is past any true one-rep max: not a
# rulebook figure, a bound on typing). cr24a F15: "romanian_deadlift 3x8@1000lb" for a 150 lb
# woman whose plates stop at 135 lb was stored.
KIT_TIMES = 2.0
HISTORY_TIMES = 3.0


def beyond_belief(
    sets: Iterable[SetLog], library: Library, units: Units, ceilings: dict[str, float | None],
    planned: dict[str, float], history: dict[str, float],
) -> str | None:  # fmt: skip
    """Why the first set whose load is beyond every bound is refused, or None. `ceilings`
    holds the heaviest each lift's kit makes (kg, None for no ceiling), `planned` the day's
    planned load and `history` the heaviest logged of each lift (kg). A lift with no bound
    (no kit ceiling, plan or history) is left to the 500 kg cap."""
    for s in sets:
        if s.load_kg is None or s.exercise_id not in library:
            continue
        kit, plan, logged = ceilings.get(s.exercise_id), planned.get(s.exercise_id), history.get(s.exercise_id)
        known = [(times, kg, what) for times, kg, what in (
            (KIT_TIMES, kit, "the heaviest your kit makes"), (HISTORY_TIMES, plan, "the load planned"),
            (HISTORY_TIMES, logged, "the heaviest you have logged")) if kg]  # fmt: skip
        if known and all(s.load_kg > times * kg for times, kg, _ in known):
            said = " and ".join(f"{t:g} times {what} ({format_load(kg, units)[1:]})" for t, kg, what in known)
            name = library.get(s.exercise_id).name
            return (f"{format_load(s.load_kg, units)[1:]} for {name} is more than {said}; check the number and the "
                    "unit (kg or lb), or if it is true log it again with {confirm}")  # fmt: skip
    return None
