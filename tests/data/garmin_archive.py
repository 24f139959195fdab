"""Garmin Connect data export archives for the archive-import tests.

The layout is Garmin's account data export zip: `DI_CONNECT/DI-Connect-Fitness/
<account>_0_summarizedActivities.json` (`[{"summarizedActivitiesExport": [...]}]`, every
activity in Garmin's units: distance in centimetres, durations in milliseconds, times in
milliseconds since 1970, `startTimeLocal` on the watch's clock) and
`DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip`, a zip inside the zip
holding the FIT files the watch uploaded (named `<account>_<activityId>.fit`). Some
activities have a FIT file there, some only their summary; one is a ride, one a trail run
with the older `{"typeKey": ...}` activity type, and each summary carries the splits and
zones Garmin writes, so the list is not tiny.

    python -m tests.data.garmin_archive OUT.zip [COUNT]
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ACCOUNT = "ann@example.com"
FITNESS = f"DI_CONNECT/DI-Connect-Fitness/{ACCOUNT}_0_summarizedActivities.json"
UPLOADED = "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip"
BASE_ID = 13_000_000_000


@dataclass
class GarminContents:
    """What was written: to check an import against (runs by start, km and minutes)."""

    runs: dict[dt.datetime, tuple[float, float]] = field(default_factory=dict)
    rides: int = 0
    with_file: int = 0


def summary(ident: int, start: dt.datetime, minutes: float, km: float, kind: str | dict, offset_hours: int) -> dict:
    """One activity as Garmin's summarizedActivities.json writes it."""
    begin = round(start.timestamp() * 1000)
    return {
        "activityId": ident, "uuidMsb": ident * 7, "name": "Morning Run" if kind != "cycling" else "Morning Ride",
        "activityType": kind, "sportType": "CYCLING" if kind == "cycling" else "RUNNING",
        "userProfileId": 87654321, "timeZoneId": 124, "beginTimestamp": begin, "startTimeGmt": float(begin),
        "startTimeLocal": float(begin + offset_hours * 3_600_000), "eventTypeId": 9,
        "duration": minutes * 60_000.0, "elapsedDuration": minutes * 60_000.0 + 4_321.0,
        "movingDuration": minutes * 60_000.0 - 9_000.0, "distance": km * 100_000.0,
        "avgSpeed": km * 100_000.0 / (minutes * 60_000.0), "avgHr": 148.0, "maxHr": 171.0, "calories": 512.0,
        "hrTimeInZone_1": 312.0, "hrTimeInZone_2": 1800.0, "hrTimeInZone_3": 400.0,
        "splits": [{"distance": 100_000.0 * k, "duration": 330_000.0, "type": "INTERVAL_ACTIVE"} for k in range(3)],
        "manufacturer": "GARMIN", "deviceId": 3_412_345_678, "favorite": False, "pr": False,
    }  # fmt: skip


def garmin_archive(
    target: Path | io.BytesIO, count: int, *, first_day: dt.date = dt.date(2023, 4, 3), offset_hours: int = 2
) -> GarminContents:
    """Write an export of `count` activities, one a day at 05:30 UTC from `first_day`."""
    from tests.activity_files import fit_run

    contents = GarminContents()
    activities, uploaded = [], io.BytesIO()
    with zipfile.ZipFile(uploaded, "w") as inner:
        for n in range(count):
            start = dt.datetime.combine(first_day + dt.timedelta(days=n), dt.time(5, 30), dt.UTC)
            minutes, km = 35.0 + n % 20, 6.0 + (n % 5) * 0.75
            kind: str | dict = "cycling" if n % 10 == 9 else "running"
            if n % 7 == 3:
                kind = {"typeId": 6, "typeKey": "trail_running", "parentTypeId": 1}
            activities.append(summary(BASE_ID + n, start, minutes, km, kind, offset_hours))
            if kind == "cycling":
                contents.rides += 1
                continue
            contents.runs[start] = (km, minutes)
            if n % 2 == 0:  # the watch's own file, uploaded: the same run as the summary
                inner.writestr(f"{ACCOUNT}_{BASE_ID + n}.fit", fit_run(start, minutes, km, points=30))
                contents.with_file += 1
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("DI_CONNECT/DI-Connect-User/user_profile.json", json.dumps({"userName": ACCOUNT}))
        z.writestr(FITNESS, json.dumps([{"summarizedActivitiesExport": activities}]))
        z.writestr(UPLOADED, uploaded.getvalue())
    return contents


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "garmin-export.zip")
    print(garmin_archive(out, int(sys.argv[2]) if len(sys.argv) > 2 else 30))
