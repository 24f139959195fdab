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
from .loads import KG_PER_LB, implement, lightest_kg
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


def far_from_plan(sets: Iterable[SetLog], planned: Any | None, units: Units, p: Any) -> list[str]:
    """Words for each lift whose logged set is far above its planned load or reps
    (`load-autoregulation`'s typo bounds): kept as logged, but most such sets are a unit
    slip or a typo (cr21a S1: "130kg" for 130 lb, 3 x 80 for 3 x 8), and the next load steps
    from the plan, not from them. `planned` is the day's planned session (its blocks), if any.

    >>> from types import SimpleNamespace as NS
    >>> p = NS(autoreg_implausible_load_pct=150, autoreg_implausible_reps_pct=200)
    >>> day = NS(blocks=[NS(exercise_id="rdl", name="Romanian deadlift",
    ...                     prescription=NS(load_kg=58.967, reps=8))])
    >>> far_from_plan([NS(exercise_id="rdl", load_kg=130.0, reps=8)], day, Units.imperial, p)[0][:79]
    'Romanian deadlift: 286.6 lb logged is far above the 130 lb planned. If you mean'
    >>> far_from_plan([NS(exercise_id="rdl", load_kg=58.967, reps=80)], day, Units.imperial, p)[0][:60]
    'Romanian deadlift: 80 reps logged is far past the 8 planned.'
    """
    if planned is None:
        return []
    blocks = {b.exercise_id: b for b in planned.blocks}
    out, seen = [], set()
    for s in sets:
        b = blocks.get(s.exercise_id)
        if b is None or s.exercise_id in seen:
            continue
        want, got = b.prescription, None
        bound = (want.load_kg or 0.0) * p.autoreg_implausible_load_pct / 100
        if s.load_kg and want.load_kg and s.load_kg > bound:
            meant = s.load_kg * KG_PER_LB  # the number typed, read as pounds: "130kg" for 130 lb
            slip = f"meant {round(s.load_kg, 1):g} lb (a unit slip) or " if meant <= bound else ""
            got = (f"{_load(s.load_kg, units)} logged is far above the {_load(want.load_kg, units)} planned. If you "
                   f"{slip}made a typo")  # fmt: skip
        elif s.reps and want.reps and s.reps > want.reps * p.autoreg_implausible_reps_pct / 100:
            got = f"{s.reps} reps logged is far past the {want.reps} planned. If that was a typo"
        if got is not None:
            seen.add(s.exercise_id)
            out.append(f"{b.name}: {got}, correct it with `runstrong log edit`. It is kept as logged; the next "
                       "load steps from the plan, not from this set.")  # fmt: skip
    return out


def _load(kg: float, units: Units) -> str:
    return format_load(kg, units)[1:].replace("lb", " lb").replace("kg", " kg")
