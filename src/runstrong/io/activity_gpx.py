"""GPX tracks as activities (gpxpy reads them).

A GPX file may hold more than the activity: a GPS unit's "ACTIVE LOG" beside saved
tracks without times, or a planned route. The activity is the tracks whose points carry
times: their length, their time, their heart rate; an untimed track is left out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from runstrong.core.activity import Activity

from .activity_base import (
    ActivityFileError,
    NotAnActivity,
    check_root,
    first_line,
    heart_rate,
    local_date,
    positive_or_none,
    sniff_hint,
    stripped_text,
)

EARLIEST_YEAR = 1990  # points stamped before this carry a GPS unit's default date (1901, 1980), not a time


def read_gpx(data: bytes, origin: str, source: str, tz: dt.tzinfo | None = None) -> Activity:
    """A GPX file as one activity: the timed tracks' segments (a pause starts a new one),
    the time they span, their 2-D length, heart rate from Garmin's TrackPointExtension."""
    import gpxpy
    import gpxpy.gpx

    check_root(data, "gpx", "gpx")
    try:
        gpx = gpxpy.parse(data.decode("utf-8-sig", errors="replace"))
    except (gpxpy.gpx.GPXException, ValueError) as err:
        raise ActivityFileError(f"not a readable GPX file ({first_line(err)})" + sniff_hint(data, "gpx")) from None
    if not any(s.points for t in gpx.tracks for s in t.segments):
        raise NotAnActivity("no track points (a route or waypoints only)")
    timed = [(t, seg, times) for t in gpx.tracks for seg in t.segments if (times := _timed(seg.points))]
    if not timed:
        raise ActivityFileError("its track points carry no times, so the run cannot be dated or timed")
    tracks = list({id(t): t for t, _, _ in timed}.values())  # the tracks of the activity, in order
    start, seconds, metres = None, 0.0, 0.0
    for _, segment, times in timed:
        if len(times) < 2:
            continue
        first, last = times[0], times[-1]  # points come in time order (min/max would cost more
        if last < first:  # than parsing: every comparison asks gpxpy's zone for its offset)
            first, last = min(times), max(times)
        seconds += (last - first).total_seconds()
        metres += segment.length_2d()
        start = first if start is None or first < start else start
    if start is None or seconds <= 0:
        raise ActivityFileError("its track points all carry the same time")
    if start.tzinfo is None:
        start = start.replace(tzinfo=dt.UTC)
    hrs = [hr for t in tracks for s in t.segments for p in s.points if (hr := _gpx_hr(p)) is not None]
    return Activity(
        origin=origin,
        source=source,
        sport=next((kind for t in tracks if (kind := stripped_text(t.type))), ""),
        local_date=local_date(start, tz),
        seconds=seconds,
        name=stripped_text(tracks[0].name) or stripped_text(gpx.name),
        description=next((d for t in tracks if (d := stripped_text(t.description))), None)
        or stripped_text(gpx.description),
        started_at=start.astimezone(dt.UTC),
        distance_m=positive_or_none(metres),
        avg_hr=heart_rate(sum(hrs) / len(hrs)) if hrs else None,
        max_hr=heart_rate(max(hrs)) if hrs else None,
    )


def _timed(points: list[Any]) -> list[dt.datetime]:
    return [p.time for p in points if p.time is not None and p.time.year >= EARLIEST_YEAR]


def _gpx_hr(point: Any) -> int | None:
    for extension in point.extensions:
        for element in extension.iter():
            if element.tag.rsplit("}", 1)[-1].lower() in ("hr", "heartrate") and element.text:
                return heart_rate(element.text)
    return None
