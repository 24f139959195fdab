"""TCX activities (Garmin's Training Center XML), read from their laps' totals."""

from __future__ import annotations

import datetime as dt
import math
from xml.etree import ElementTree as ET

from runstrong.core.activity import Activity

from .activity_base import ActivityFileError, NotAnActivity, heart_rate, local_date, sniff_hint, stripped_text

_TCX = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"


def read_tcx(data: bytes, origin: str, source: str, tz: dt.tzinfo | None = None) -> list[Activity]:
    """The activities of a TCX file, from their laps' totals (the track points are not needed)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise ActivityFileError(f"not a readable TCX file (XML error: {err})" + sniff_hint(data, "tcx")) from None
    if not root.tag.endswith("TrainingCenterDatabase"):
        element = root.tag.rsplit("}", 1)[-1]
        raise ActivityFileError(f"not a TCX file (its root element is <{element}>)" + sniff_hint(data, "tcx"))
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    found = root.findall(f"{ns}Activities/{ns}Activity")
    if not found:
        raise NotAnActivity("no activity in the file (a course or workout file?)")
    out = []
    for n, activity in enumerate(found):
        laps = activity.findall(f"{ns}Lap")
        seconds = sum(_float(lap.findtext(f"{ns}TotalTimeSeconds")) for lap in laps)
        starts = [t for lap in laps if (t := _iso(lap.get("StartTime")))]
        start = min(starts) if starts else _iso(activity.findtext(f"{ns}Id"))
        if start is None or seconds <= 0:
            raise ActivityFileError("an activity without a start time or lap times")
        distance = sum(_float(lap.findtext(f"{ns}DistanceMeters")) for lap in laps)
        avg = [
            (_float(lap.findtext(f"{ns}AverageHeartRateBpm/{ns}Value")), _float(lap.findtext(f"{ns}TotalTimeSeconds")))
            for lap in laps
        ]
        timed = sum(t for h, t in avg if h)
        peaks = [_float(lap.findtext(f"{ns}MaximumHeartRateBpm/{ns}Value")) for lap in laps]
        out.append(
            Activity(
                origin=origin,
                source=source if len(found) == 1 else f"{source}#{n + 1}",
                sport=activity.get("Sport", ""),
                local_date=local_date(start, tz),
                seconds=seconds,
                name=stripped_text(activity.findtext(f"{ns}Notes")),
                description=stripped_text(activity.findtext(f"{ns}Notes")),
                started_at=start,
                distance_m=distance or None,
                avg_hr=heart_rate(sum(h * t for h, t in avg if h) / timed) if timed else None,
                max_hr=heart_rate(max(peaks)) if any(peaks) else None,
            )
        )
    return out


def _float(text: str | None) -> float:
    try:
        value = float(text) if text else 0.0
    except ValueError:
        return 0.0
    return value if math.isfinite(value) else 0.0


def _iso(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)
