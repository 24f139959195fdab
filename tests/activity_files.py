"""Activity files made here for the import tests: FIT runs written with fit-tool (our own
files, so they can live anywhere), plus the real files in tests/data/activities."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

ACTIVITIES = Path(__file__).resolve().parent / "data" / "activities"


def fit_run(
    start: dt.datetime,
    minutes: float,
    km: float,
    *,
    avg_hr: int | None = 150,
    max_hr: int | None = 172,
    sport: str = "running",
    utc_offset_hours: float | None = 2,
    points: int = 120,
    summary: bool = True,
) -> bytes:
    """A small but complete FIT activity: file_id, records, one lap, a session, the activity
    (without lap and session with `summary=False`, as some apps write them)."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.lap_message import LapMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import Event, EventType, FileType, Manufacturer, Sport

    ms = round(start.timestamp() * 1000)
    seconds = minutes * 60
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 3992
    file_id.serial_number = 3400000001
    file_id.time_created = ms
    messages: list = [file_id]
    for i in range(points):
        r = RecordMessage()
        r.timestamp = ms + round(seconds * 1000 * i / (points - 1))
        r.distance = km * 1000 * i / (points - 1)
        if avg_hr:
            r.heart_rate = avg_hr - 5 + (i * 10) // points
        messages.append(r)
    end = ms + round(seconds * 1000)
    sport_value = {"running": Sport.RUNNING, "cycling": Sport.CYCLING, "generic": Sport.GENERIC}[sport]
    for kind in (LapMessage, SessionMessage) if summary else ():
        m = kind()
        m.timestamp = end
        m.start_time = ms
        m.total_elapsed_time = seconds
        m.total_timer_time = seconds
        m.total_distance = km * 1000
        m.event = Event.LAP if kind is LapMessage else Event.SESSION
        m.event_type = EventType.STOP
        m.sport = sport_value
        if avg_hr:
            m.avg_heart_rate = avg_hr
        if max_hr:
            m.max_heart_rate = max_hr
        messages.append(m)
    activity = ActivityMessage()
    activity.timestamp = end
    activity.total_timer_time = seconds
    activity.num_sessions = 1
    if utc_offset_hours is not None:
        fit_epoch = 631065600  # 1989-12-31 00:00 UTC in Unix seconds; local_timestamp is raw FIT seconds
        activity.local_timestamp = end // 1000 - fit_epoch + round(utc_offset_hours * 3600)
    messages.append(activity)
    builder = FitFileBuilder(auto_define=True, min_string_size=16)
    builder.add_all(messages)
    return builder.build().to_bytes()
