"""A logged set far above its planned load or reps (`load-autoregulation`'s typo bounds): named
at once by `log` and again by `today` (cr21a S1). Imports no Pydantic: `today`'s light path
names them too."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .loads import KG_PER_LB
from .set_text import format_load
from .vocab import Units


def far_from_plan(sets: Iterable[Any], planned: Any | None, units: Units, p: Any) -> list[str]:
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
            slipped = meant <= bound and _typed_kg(s.load_kg)
            slip = f"meant {round(s.load_kg, 1):g} lb (a unit slip) or " if slipped else ""
            got = (f"{_load(s.load_kg, units)} logged is far above the {_load(want.load_kg, units)} planned. If you "
                   f"{slip}made a typo")  # fmt: skip
        elif s.reps and want.reps and s.reps > want.reps * p.autoreg_implausible_reps_pct / 100:
            got = f"{s.reps} reps logged is far past the {want.reps} planned. If that was a typo"
        if got is not None:
            seen.add(s.exercise_id)
            out.append(f"{b.name}: {got}, correct it with `runstrong log edit`. It is kept as logged; the next "
                       "load steps from the plan, not from this set.")  # fmt: skip
    return out


def not_in_plan(sets: Iterable[Any], planned: Any | None, names: dict[str, str]) -> list[str]:
    """Words for each lift logged into a planned session that the session does not hold (cr30a F13:
    a Romanian deadlift logged into Monday's core session without a word): kept as logged, said once.
    `names`: exercise id -> name. None for a session logged with no plan behind it.

    >>> from types import SimpleNamespace as NS
    >>> day = NS(label="B", blocks=[NS(exercise_id="bird_dog")])
    >>> not_in_plan([NS(exercise_id="romanian_deadlift"), NS(exercise_id="bird_dog")], day, {})
    ['romanian_deadlift is not in session B: kept as logged, beside the lifts the plan gave the day.']
    """
    if planned is None:
        return []
    held = {b.exercise_id for b in planned.blocks}
    extra = dict.fromkeys(s.exercise_id for s in sets if s.exercise_id not in held)
    return [
        f"{names.get(x, x)} is not in session {planned.label}: kept as logged, beside the lifts the plan gave the day."
        for x in extra
    ]


def _typed_kg(kg: float) -> bool:
    """Whether a load reads as a number typed in kilograms (to a quarter): only then can it be
    pounds typed as kilograms. 40 lb typed as pounds is 18.14 kg, which no one types, and "if you
    meant 18.1 lb" would make no sense (cr25a F12).

    >>> _typed_kg(130.0), _typed_kg(22.5), _typed_kg(40 * 0.45359237)
    (True, True, False)
    """
    return abs(kg * 4 - round(kg * 4)) < 1e-6


def _load(kg: float, units: Units) -> str:
    return format_load(kg, units)[1:].replace("lb", " lb").replace("kg", " kg")
