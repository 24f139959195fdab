"""Sets written back in the set-line syntax (`3x8 @40kg rpe7`), and the unit factors.

Kept apart from `setline` (the parser, which needs the library and the models) so that
`runstrong today`'s light read path prints last sets without loading Pydantic.
"""

from __future__ import annotations

from .vocab import Units

KG_PER_LB = 0.45359237
KM_PER_MILE = 1.609344
M_PER_YARD = 0.9144
M_PER_FOOT = 0.3048

_SUFFIX = {"reps": "", "seconds": "s", "contacts": "c", "distance_m": "m"}

# Reps in reserve read true only near failure (effort-read-near-failure's readable_rir_at_or_below,
# Zourdos et al. 2016; a copy kept here for the light read path, checked against the registry by
# tests/io/test_effort_labels.py): further out, "RIR 9" means nothing to a runner, so an effort
# target past it reads as easy, the same in every output (`easy_effort`).
READABLE_RIR = 5
EASY_EFFORT = f"easy (RIR {READABLE_RIR + 1}+)"
_RPE_AT_FAILURE = 10  # the RPE scale's definition: RPE = 10 - reps in reserve


def easy_effort(kind: str, value: float | None) -> bool:
    """Whether an effort target (RIR or RPE) leaves more reps in reserve than a runner can read.

    >>> easy_effort("rir", 10), easy_effort("rir", 5), easy_effort("rpe", 4), easy_effort("rpe", 5)
    (True, False, True, False)
    """
    if value is None or kind not in ("rir", "rpe"):
        return False
    return (value if kind == "rir" else _RPE_AT_FAILURE - value) > READABLE_RIR


def format_load(kg: float | None, units: Units) -> str:
    """A load the way the runner types it: `@40kg`, `@90lb`, `@bw`."""
    if kg is None:
        return "@bw"
    if units == Units.imperial:
        return f"@{round(kg / KG_PER_LB, 1):g}lb"
    return f"@{round(kg, 2):g}kg"


def format_set(s: dict | object, units: Units) -> str:
    """One set (or a group of identical sets) in set-line syntax, without the count."""
    get = s.get if isinstance(s, dict) else lambda k, d=None: getattr(s, k, d)
    measure = next(m for m in ("reps", "seconds", "contacts", "distance_m") if get(m) is not None)
    parts = [f"{get(measure):g}{_SUFFIX[measure]}"]
    if measure == "distance_m" and units == Units.imperial:  # yards, as the plan prints a carry
        parts = [f"{round(get(measure) / M_PER_YARD):g}yd"]
    if get("load_kg") is not None:
        parts.append(format_load(get("load_kg"), units))
    if get("rpe") is not None:
        parts.append(f"rpe{get('rpe'):g}")
    if get("rir") is not None:
        parts.append(f"rir{get('rir')}")
    if get("side"):
        parts.append(get("side"))
    if get("form_quality") is not None:
        parts.append(f"form{get('form_quality')}")
    return " ".join(parts)


def format_sets(sets: list, units: Units) -> str:
    """Sets in set-line syntax, identical neighbours grouped: `3x8 @40kg rpe7, 1x6 @45kg`."""
    groups: list[tuple[str, int]] = []
    for s in sets:
        text = format_set(s, units)
        if groups and groups[-1][0] == text:
            groups[-1] = (text, groups[-1][1] + 1)
        else:
            groups.append((text, 1))
    return ", ".join(f"{n}x{text}" for text, n in groups)
