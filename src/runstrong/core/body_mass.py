"""A body mass asked about before it is kept (body-mass-plausible): one outside what most people
of the runner's age and sex weigh, and a kilogram body mass in a pounds profile. The starting
loads and the protein advice are scaled by it, so a unit slip (150 typed in kg by a woman who
meant 150 lb) would be planned at 331 lb. Only absurd masses are refused (the profile's own
bounds); these are questions, asked alike by `init`, the welcome page and every command that
reads a profile file, each face saying how to keep the answer.
"""

from __future__ import annotations

from typing import Any

from .loads import KG_PER_LB
from .vocab import Sex, Units


def plausible_band(age: int, sex: Sex, p: Any) -> tuple[float, float]:
    """The body masses (kg) not asked about for this age and sex: the adult band by sex, with
    the teen low bound under the adult age (body-mass-plausible)."""
    low = p.body_mass_low_kg[sex] if age >= p.body_mass_adult_age else p.body_mass_teen_low_kg
    return float(low), float(p.body_mass_high_kg[sex])


def _shown(kg: float, imperial: bool) -> str:
    """The mass in the runner's units first, the other in brackets: "150 kg (331 lb)"."""
    lb = f"{kg / KG_PER_LB:.0f} lb"
    return f"{lb} ({kg:.0f} kg)" if imperial else f"{kg:g} kg ({lb})"


def body_mass_question(
    kg: float, age: int, sex: Sex, units: Units, p: Any, *, kg_among_pounds: bool = False
) -> str | None:
    """The question a body mass raises, or None: a kilogram field among pounds (`kg_among_pounds`:
    a profile file's `body_mass_kg` in an imperial profile), then a mass outside the band for age
    and sex, with the other unit's reading when that one falls inside it. The face adds how to
    keep it (a confirm, `--yes`, a box to tick; a file's note is only said).

    >>> from types import SimpleNamespace as P
    >>> p = P(body_mass_low_kg={Sex.female: 45}, body_mass_high_kg={Sex.female: 120}, body_mass_adult_age=18,
    ...       body_mass_teen_low_kg=38)
    >>> body_mass_question(150, 35, Sex.female, Units.metric, p)
    'body mass: 150 kg (331 lb) is more than most women weigh (over 120 kg); if you meant 150 lb, that is 68 kg'
    >>> body_mass_question(61, 35, Sex.female, Units.metric, p) is None
    True
    """
    imperial = units == Units.imperial
    if kg_among_pounds and imperial:
        return (
            f"body_mass_kg is in kilograms though this profile is in pounds: {kg:g} kg is {kg / KG_PER_LB:.0f} lb. "
            f"If you meant {kg:g} lb, write body_mass = {kg:g} (your units) instead"
        )
    low, high = plausible_band(age, sex, p)
    if low <= kg <= high:
        return None
    typed = round(kg / KG_PER_LB) if imperial else kg  # the number as the runner gave it
    other = typed if imperial else typed * KG_PER_LB  # that number read in the other unit, in kg
    who = _who(age, sex, p)
    if kg > high:
        said = f"more than most {who} weigh (over {_bound(high, imperial)})"
    else:
        said = f"less than most {who} weigh (under {_bound(low, imperial)})"
    text = f"body mass: {_shown(kg, imperial)} is {said}"
    if low <= other <= high and other != kg:
        meant = (
            f"{typed:g} kg, that is {other / KG_PER_LB:.0f} lb" if imperial else f"{typed:g} lb, that is {other:.0f} kg"
        )
        text += f"; if you meant {meant}"
    return text


def _who(age: int, sex: Sex, p: Any) -> str:
    if age < p.body_mass_adult_age:
        return f"runners under {p.body_mass_adult_age}"
    return {Sex.female: "women", Sex.male: "men", Sex.unspecified: "adults"}[sex]


def _bound(kg: float, imperial: bool) -> str:
    return f"{kg / KG_PER_LB:.0f} lb" if imperial else f"{kg:g} kg"
