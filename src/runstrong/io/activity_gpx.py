"""GPX tracks as activities (gpxpy reads them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from runstrong.core.activity import Activity

from .activity_base import ActivityFileError, NotAnActivity, _first_line, _hr, _local_date, _positive, _sniff, _text


def read_gpx(data: bytes, origin: str, source: str, tz: dt.tzinfo | None = None) -> Activity:
    """A GPX file as one activity: the time its segments span (a pause starts a new
    segment), their 2-D length, heart rate from Garmin's TrackPointExtension when present."""
    import gpxpy
    import gpxpy.gpx

    try:
        gpx = gpxpy.parse(data.decode("utf-8-sig", errors="replace"))
    except (gpxpy.gpx.GPXException, ValueError) as err:
        raise ActivityFileError(f"not a readable GPX file ({_first_line(err)})" + _sniff(data, "gpx")) from None
    segments = [s.points for t in gpx.tracks for s in t.segments if s.points]
    if not segments:
        raise NotAnActivity("no track points (a route or waypoints only)")
    start, seconds = None, 0.0
    for points in segments:  # a new segment follows a pause: the gaps between them are not counted
        times = [p.time for p in points if p.time is not None and p.time.year >= 1990]
        if len(times) >= 2:
            first, last = times[0], times[-1]  # points come in time order (min/max would cost more
            if last < first:  # than parsing: every comparison asks gpxpy's zone for its offset)
                first, last = min(times), max(times)
            seconds += (last - first).total_seconds()
            start = first if start is None or first < start else start
    if start is None:
        raise ActivityFileError("its track points carry no times, so the run cannot be dated or timed")
    if seconds <= 0:
        raise ActivityFileError("its track points all carry the same time")
    if start.tzinfo is None:
        start = start.replace(tzinfo=dt.UTC)
    points = [p for segment in segments for p in segment]
    hrs = [hr for p in points if (hr := _gpx_hr(p)) is not None]
    track = gpx.tracks[0]
    return Activity(
        origin=origin,
        source=source,
        sport=_text(track.type) or "",
        local_date=_local_date(start, tz),
        seconds=seconds,
        name=_text(track.name) or _text(gpx.name),
        started_at=start.astimezone(dt.UTC),
        distance_m=_positive(gpx.length_2d()),
        avg_hr=_hr(sum(hrs) / len(hrs)) if hrs else None,
        max_hr=_hr(max(hrs)) if hrs else None,
    )


def _gpx_hr(point: Any) -> int | None:
    for extension in point.extensions:
        for element in extension.iter():
            if element.tag.rsplit("}", 1)[-1].lower() in ("hr", "heartrate") and element.text:
                return _hr(element.text)
    return None
