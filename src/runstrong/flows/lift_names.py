"""Which lift a runner means by a short name: what their plan has on the day, then in the
whole plan (or, for the history, what they have logged first), then what their kit fits.
The day's lifts come first of all: a name that names one of them is that lift, even where
the library has a plainer lift of that very name ("side plank": the session's Side plank
with top-leg lift).
`core.setline.resolve_exercise` looks a name up in these tiers before the whole library,
so "rdl" is the Dumbbell Romanian deadlift of a runner with dumbbells, not the barbell one."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from runstrong.core.library import Library
from runstrong.core.setline import SessionLifts
from runstrong.store import lifts_known, repo


def preference(s: Session, athlete: repo.AthleteInfo, library: Library, day: dt.date | None = None,
               label: str | None = None, *, logged_first: bool = False) -> tuple[list[str], ...]:  # fmt: skip
    """The tiers of exercise ids a short name is looked for in, closest first: the lifts
    logged (when `logged_first`), planned on `day` (session `label`), in the plan, and the
    library's lifts that the runner's kit fits."""
    tiers = [lifts_known.logged_lifts(s, athlete.id)] if logged_first else []
    if day is not None:
        tiers.append(SessionLifts(lifts_known.planned_lifts(s, athlete.id, day, label)))
    tiers.append(lifts_known.planned_lifts(s, athlete.id))
    profile = repo.latest_profile(s, athlete.id)
    if profile is not None:
        tiers.append([e.id for e in library.query(equipment=profile.equipment_items)])
    return tuple(tiers)
