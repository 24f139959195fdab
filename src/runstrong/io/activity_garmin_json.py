"""Garmin Connect's data export lists every activity in
`DI_CONNECT/DI-Connect-Fitness/<account>_0_summarizedActivities.json`, written as
`[{"summarizedActivitiesExport": [{...}, ...]}]`, in Garmin's own units: `distance` in
centimetres, `duration` and `elapsedDuration` in milliseconds, `beginTimestamp` (or
`startTimeGmt`) in milliseconds since 1970 UTC, `startTimeLocal` the same for the watch's
local clock; `activityType` is a type key ("running", "trail_running"), or in older
exports an object holding one (`{"typeKey": "running"}`).

The file can be large (years of activities, each with splits and zones), so it is read as
a stream with ijson, one activity at a time, and no more than MAX_SUMMARY_BYTES of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import IO, Any

from runstrong.core.activity import Activity

from .activity_base import ActivityFileError, heart_rate

SUMMARY_SUFFIX = "summarizedactivities.json"
MAX_SUMMARY_BYTES = 256 * 1024 * 1024  # ten years of daily activities is ~50 MB
CM_PER_M = 100
MS_PER_S = 1000
ITEMS = "item.summarizedActivitiesExport.item"


def is_summary(name: str) -> bool:
    return name.lower().endswith(SUMMARY_SUFFIX)


class _Capped:
    """A stream that refuses to give more than `limit` bytes (a huge or endless file)."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self.stream, self.left = stream, limit

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(64 * 1024 if size < 0 else min(size, 64 * 1024))
        self.left -= len(chunk)
        if self.left < 0:
            raise ActivityFileError(f"larger than {MAX_SUMMARY_BYTES // (1024 * 1024)} MB (the limit for this list)")
        return chunk


def read_summaries(stream: IO[bytes], origin: str, problems: list[str]) -> Iterator[Activity]:
    """The activities of a summarizedActivities.json stream; an activity that cannot be read
    is named in `problems`, a file that is not this JSON is an ActivityFileError."""
    import ijson

    head = stream.read(4)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) > 1 and 0 in head[:2]):
        raise ActivityFileError("written in UTF-16, not UTF-8 as Garmin writes it; export it again from Garmin")
    body = _Prefixed(head, _Capped(stream, MAX_SUMMARY_BYTES))
    try:
        for n, item in enumerate(ijson.items(body, ITEMS, use_float=True), start=1):
            if not isinstance(item, dict):
                problems.append(f"{origin} activity {n}: not an activity object")
                continue
            try:
                activity = summary_activity(item, f"{origin} activity {n}")
            except (ValueError, TypeError, OverflowError) as err:
                problems.append(f"{origin} activity {n}: {err}")
                continue
            if activity is not None:
                yield activity
    except (ijson.JSONError, UnicodeDecodeError) as err:
        raise ActivityFileError(f"not readable JSON ({str(err)[:120]})") from None


class _Prefixed:
    def __init__(self, head: bytes, rest: _Capped) -> None:
        self.head, self.rest = head, rest

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # ijson asks for nothing to learn whether the stream gives bytes
            return b""
        if self.head:
            out, self.head = self.head, b""
            return out
        return self.rest.read(size)


def _type_key(item: dict[str, Any]) -> str:
    kind = item.get("activityType")
    if isinstance(kind, dict):
        kind = kind.get("typeKey")
    return str(kind or item.get("sportType") or "").lower()


def _ms(item: dict[str, Any], *keys: str) -> float | None:
    for key in keys:
        value = item.get(key)
        if value is not None:
            return float(value)
    return None


def summary_activity(item: dict[str, Any], origin: str) -> Activity | None:
    """One activity in Garmin's units (see the module's docstring); None without a start."""
    begin = _ms(item, "beginTimestamp", "startTimeGmt")
    duration = _ms(item, "duration", "elapsedDuration", "movingDuration")
    if begin is None or not duration or duration <= 0:
        raise ValueError("no start time or no duration")
    start = dt.datetime.fromtimestamp(begin / MS_PER_S, dt.UTC)
    local = _ms(item, "startTimeLocal")
    day = dt.datetime.fromtimestamp(local / MS_PER_S, dt.UTC).date() if local is not None else start.date()
    distance = _ms(item, "distance")
    ident = item.get("activityId")
    return Activity(
        origin=origin,
        source=f"garmin:{ident}" if ident is not None else f"garmin:{int(begin)}",
        sport=_type_key(item),
        local_date=day,
        seconds=duration / MS_PER_S,
        name=str(item["name"]) if item.get("name") else None,
        description=str(item["description"]) if item.get("description") else None,
        started_at=start,
        distance_m=distance / CM_PER_M if distance else None,
        avg_hr=heart_rate(_ms(item, "avgHr")),
        max_hr=heart_rate(_ms(item, "maxHr")),
    )
