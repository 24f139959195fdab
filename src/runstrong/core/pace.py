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
