"""A runner's easy pace, written as runners write it ("5:45/km", "9:15/mi"): read, checked
and kept in the profile as text, used in minutes per km (calendar import turns distances
into minutes with it)."""

from __future__ import annotations

import re

KM_PER_MILE = 1.609344
EASY_PACE_MIN_PER_KM = (3.0, 12.0)  # input bounds: faster is a race pace, slower a walk
_PACE = re.compile(r"(\d{1,2}):([0-5]\d)\s*(?:min)?\s*/\s*(km|mi|mile)")


def pace_min_per_km(text: str) -> float:
    """Minutes per km of a pace written "5:45/km" or "9:15/mi"; ValueError says how to write it."""
    m = _PACE.fullmatch(text.strip().lower())
    if m is None:
        raise ValueError("write it as minutes:seconds per km or mile, like 5:45/km or 9:15/mi")
    minutes = int(m[1]) + int(m[2]) / 60
    per_km = minutes / KM_PER_MILE if m[3] != "km" else minutes
    lo, hi = EASY_PACE_MIN_PER_KM
    if not lo <= per_km <= hi:
        per_km_range = "-".join(pace_text(b) for b in (lo, hi))
        per_mile = "-".join(pace_text(b * KM_PER_MILE) for b in (lo, hi))
        raise ValueError(f"{text.strip()} is not an easy running pace; give one from {per_km_range}/km ({per_mile}/mi)")
    return per_km


def pace_text(minutes: float) -> str:
    """5.75 (minutes) -> "5:45"."""
    whole, seconds = divmod(round(minutes * 60), 60)
    return f"{whole}:{seconds:02d}"


def easy_pace_text(text: str | None) -> str | None:
    """The pace as the profile keeps it ("5:45/km", "9:15/mi"); ValueError when unreadable."""
    if text is None:
        return None
    pace_min_per_km(text)
    m = _PACE.fullmatch(text.strip().lower())
    assert m is not None
    return f"{int(m[1])}:{m[2]}/{'km' if m[3] == 'km' else 'mi'}"


# Men's outdoor world records (World Athletics, as of 2026): (distance in km, time in minutes).
# The fastest a person has run at least that far; a logged run faster than the record pace of
# the longest record distance it covers is a slip of the distance or its unit (cr24a F15:
# "run add easy 45 --distance 80km" was stored as a 0:34/km run). Not a programming rule: a
# bound on what can be true, checked only where a person types a run (imports keep the watch's).
WORLD_RECORDS = (
    (0.1, 9.58 / 60),  # 100 m, Bolt 2009
    (0.4, 43.03 / 60),  # 400 m, van Niekerk 2016
    (0.8, 100.91 / 60),  # 800 m, Rudisha 2012
    (1.5, 206.0 / 60),  # 1500 m, El Guerrouj 1998
    (5.0, 12 + 35.36 / 60),  # 5000 m, Cheptegei 2020
    (10.0, 26 + 11.0 / 60),  # 10,000 m, Cheptegei 2020
    (21.0975, 57 + 30 / 60),  # half marathon, Kiplimo 2025
    (42.195, 120 + 35 / 60),  # marathon, Kiptum 2023
    (100.0, 365 + 35 / 60),  # 100 km road, Sekiya 2025 (6:05:35)
)


def record_pace(km: float) -> float:
    """The fastest pace (min/km) run over at least `km`: the record pace of the longest record
    distance within it (shorter runs are held to the 100 m's).

    >>> pace_text(record_pace(80))  # a marathon's record pace
    '2:51'
    """
    covered = [t / d for d, t in WORLD_RECORDS if d <= km]
    return covered[-1] if covered else WORLD_RECORDS[0][1] / WORLD_RECORDS[0][0]


def impossible_pace(km: float | None, minutes: float) -> str | None:
    """Words for a run faster than any person has run that far, or None.

    >>> impossible_pace(80, 45)
    '80 km (49.7 mi) in 45 min is 0:34/km (0:54/mi), faster than the world record pace for that far (2:51/km)'
    >>> impossible_pace(10, 45) is None
    True
    """
    if not km or minutes <= 0 or minutes / km >= record_pace(km):
        return None
    per_km = minutes / km
    return (f"{km:g} km ({km / KM_PER_MILE:.1f} mi) in {minutes:g} min is {pace_text(per_km)}/km "
            f"({pace_text(per_km * KM_PER_MILE)}/mi), faster than the world record pace for that far "
            f"({pace_text(record_pace(km))}/km)")  # fmt: skip
