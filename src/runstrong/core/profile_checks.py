"""The checks a profile makes across its fields (a race after the start date), kept apart from
the model so a profile reader can run each on the fields it reads when other fields are wrong,
and report every problem of a file in one run instead of this one only once the others are
fixed. `AthleteProfile` runs them all once its fields are valid (`check_across_fields`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def race_after_start(profile: Any) -> str | None:
    """A race on or before the first day of the plan leaves nothing to plan toward."""
    if profile.race is not None and profile.race.date <= profile.start_date:
        return "race.date: must be after start_date; set a later race date or an earlier start"
    return None


def sides_of_painful_areas(profile: Any) -> str | None:
    """A painful side names an area the profile says hurts."""
    stray = sorted(a.value for a in profile.pain_sides if a not in profile.pain_areas)
    if stray:
        return f"pain_sides.{stray[0]}: not among pain_areas; add it to pain_areas or remove its side"
    return None


# each check with the fields it reads: (fields, check returning "field: message; fix" or None)
ACROSS_FIELDS: tuple[tuple[tuple[str, ...], Callable[[Any], str | None]], ...] = (
    (("start_date", "race"), race_after_start),
    (("pain_areas", "pain_sides"), sides_of_painful_areas),
)


def check_across_fields(profile: Any) -> Any:
    """A profile's model check: the first cross-field problem raised as a ValueError."""
    for _, check in ACROSS_FIELDS:
        if (problem := check(profile)) is not None:
            raise ValueError(problem)
    return profile
