"""Strava-style bulk export archives for the archive-import tests and bench.

The layout is Strava's "Download your data" zip: `activities.csv` (one row per activity:
id, date in UTC, title, type, description, times, distance, `Filename`) and `activities/`
holding each activity's file gzipped (`123.fit.gz`, `124.gpx.gz`, `125.tcx.gz`). The files
are the real ones from tests/data/activities (GPX from Garmin Connect's layout, TCX) and
FIT runs, each moved by whole days so no two are the same run; some are broken on purpose
(cut short, random bytes), a few rows have no file (activities entered by hand), and
every tenth is a ride.

    python -m tests.data.strava_archive OUT.zip [COUNT]
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import random
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent / "activities"
HEADER = ["Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description", "Elapsed Time",
          "Distance", "Filename", "Moving Time"]  # fmt: skip
BASE_ID = 11_000_000_000


@dataclass
class ArchiveContents:
    """What was written: to check an import against."""

    runs: int = 0  # activities that are runs (with a readable file or from the row alone)
    rides: int = 0
    broken: list[str] = field(default_factory=list)  # member names of broken files
    without_file: int = 0


def _shift_xml(text: str, days: int) -> str:
    def move(m: re.Match[str]) -> str:
        return (dt.date.fromisoformat(m.group(1)) + dt.timedelta(days=days)).isoformat() + "T"

    return re.sub(r"(\d{4}-\d{2}-\d{2})T", move, text)


def strava_archive(
    target: Path | io.BytesIO,
    count: int,
    *,
    first_day: dt.date = dt.date(2020, 1, 6),
    broken_every: int = 97,
    fit_maker=None,  # type: ignore[no-untyped-def]  # (index, day) -> (bytes, start, minutes, km[, sport])
    seed: int = 7,
) -> ArchiveContents:
    """Write an archive of `count` activities, one a day from `first_day`."""
    rng = random.Random(seed)
    gpx = (HERE / "hr-track.gpx").read_text()  # 2024-05-20 05:10 UTC, 30 min, Garmin's layout with HR
    tcx = (HERE / "hr-laps.tcx").read_text()  # 2024-05-25 07:00 UTC, 80 min, 15.1 km
    gpx_day, tcx_day = dt.date(2024, 5, 20), dt.date(2024, 5, 25)
    contents = ArchiveContents()
    rows = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as z:
        for n in range(count):
            day = first_day + dt.timedelta(days=n)
            ident, kind = BASE_ID + n, ("fit", "gpx", "tcx")[n % 3]
            name = f"activities/{ident}.{kind}.gz"
            if n % 50 == 49:  # entered by hand on the website: a row without a file
                start, minutes, km, sport = dt.datetime.combine(day, dt.time(18), dt.UTC), 35, 6.0, "Run"
                rows.append(_row(ident, start, "Evening Run", sport, minutes, km, ""))
                contents.without_file += 1
                contents.runs += 1
                continue
            sport = "Run"
            if kind == "fit":
                data, start, minutes, km, *stated = (fit_maker or _default_fit)(n, day)
                sport = stated[0] if stated else ("Ride" if n % 10 == 9 else "Run")
            elif kind == "gpx":
                shift = (day - gpx_day).days
                data = _shift_xml(gpx, shift).encode()
                start, minutes, km = dt.datetime.combine(day, dt.time(5, 10), dt.UTC), 30, 5.96
            else:
                shift = (day - tcx_day).days
                data = _shift_xml(tcx, shift).encode()
                start, minutes, km = dt.datetime.combine(day, dt.time(7), dt.UTC), 80, 15.1
            packed = gzip.compress(data, compresslevel=1, mtime=0)
            if broken_every and n % broken_every == broken_every - 1:
                packed = packed[: len(packed) // 2] if n % 2 else bytes(rng.getrandbits(8) for _ in range(2000))
                contents.broken.append(name)
            z.writestr(name, packed)
            rows.append(
                _row(ident, start, "Morning Run" if sport == "Run" else "Morning Ride", sport, minutes, km, name)
            )
            if sport == "Ride":
                contents.rides += 1
            else:
                contents.runs += 1
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(HEADER)
        writer.writerows(rows)
        z.writestr("activities.csv", text.getvalue())
    return contents


def _default_fit(n: int, day: dt.date) -> tuple[bytes, dt.datetime, float, float]:
    from tests.activity_files import fit_run

    start = dt.datetime.combine(day, dt.time(6, 30), dt.UTC)
    minutes, km = 40 + n % 30, 8 + (n % 7) * 0.5
    return fit_run(start, minutes, km, points=60), start, minutes, km


def _row(ident: int, start: dt.datetime, title: str, sport: str, minutes: float, km: float, name: str) -> list[str]:
    when = f"{start:%b} {start.day}, {start.year}, {start:%I:%M:%S %p}".replace(" 0", " ", 1)
    seconds = str(round(minutes * 60))
    return [str(ident), when, title, sport, "", seconds, f"{km:.2f}", name, seconds]


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "strava-export.zip")
    print(strava_archive(out, int(sys.argv[2]) if len(sys.argv) > 2 else 30))
