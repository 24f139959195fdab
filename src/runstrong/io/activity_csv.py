"""The activity CSV exports of Strava (bulk export) and Garmin Connect (activity list)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import re
from collections.abc import Callable, Sequence

from runstrong.core.activity import Activity

from .activity_base import KM_PER_MILE, ActivityFileError, ReadResult, heart_rate, local_date

STRAVA_COLUMNS = ("Activity ID", "Activity Date", "Activity Name", "Activity Type")
GARMIN_COLUMNS = ("Activity Type", "Date", "Title")
MISSING = ("", "--", "-")


def read_csv(data: bytes, origin: str, tz: dt.tzinfo | None = None, units: str = "metric") -> ReadResult:
    """Strava's activities.csv (from "Download your data") or Garmin Connect's
    Activities.csv (the activity list's "Export CSV"); a bad row is reported, not fatal."""
    text = data.decode("utf-8-sig", errors="replace")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        raise ActivityFileError("the file is empty")
    header = [h.strip() for h in rows[0]]
    if all(c in header for c in STRAVA_COLUMNS):
        parse_row: Callable[[Sequence[str], int], Activity] = _StravaRows(header, origin, tz, units).parse
    elif all(c in header for c in GARMIN_COLUMNS):
        parse_row = _GarminRows(header, origin, tz, units).parse
    else:
        raise ActivityFileError(_not_an_export(header))
    result = ReadResult([])
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            result.activities.append(parse_row(row, n))
        except (ValueError, IndexError) as err:
            result.problems.append(f"{origin} row {n}: {err}")
    return result


def _not_an_export(header: list[str]) -> str:
    """Why a CSV is not an activity export, naming what it looks like instead: a diary's own
    runs.csv (date, type, minutes) given to the activity import is the usual mix-up."""
    why = (
        "not a Strava activities.csv or a Garmin Connect Activities.csv (the header has "
        f"{', '.join(header[:4]) or 'no columns'}...)"
    )
    if {"date", "type", "minutes"} <= {h.lower() for h in header}:
        why += "; it looks like a diary's runs.csv, which the diary import reads (with the diary's other files)"
    return why


def _number(text: str, what: str) -> float | None:
    """A number as exports write it: 1,234.5 or 5,81 (decimal comma) or -- for none."""
    text = text.strip().strip('"')
    if text in MISSING:
        return None
    if re.fullmatch(r"-?\d+,\d{1,2}", text):  # a decimal comma (5,81); 1,234 is a thousands separator
        text = text.replace(",", ".")
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        raise ValueError(f"{what}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise ValueError(f"{what}: {text!r} is not a number")
    return value


def _clock(text: str, what: str) -> float | None:
    """Seconds from 00:52:31, 52:31, 1:05:03.5 or a plain number of seconds."""
    text = text.strip()
    if text in MISSING:
        return None
    if ":" not in text:
        return _number(text, what)
    try:
        parts = [float(p) for p in text.split(":")]
    except ValueError:
        raise ValueError(f"{what}: {text!r} is not a duration like 00:52:31") from None
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds


class _Columns:
    def __init__(self, header: list[str], origin: str, tz: dt.tzinfo | None, units: str) -> None:
        self.positions: dict[str, list[int]] = {}
        for i, name in enumerate(header):
            self.positions.setdefault(name, []).append(i)
        self.origin, self.tz, self.units = origin, tz, units

    def cell(self, row: Sequence[str], name: str, which: int = 0) -> str:
        """The cell of column `name` (its `which`-th occurrence: Strava repeats some names)."""
        where = self.positions.get(name, [])
        if which >= len(where) or where[which] >= len(row):
            return ""
        return row[where[which]].strip()

    def count(self, name: str) -> int:
        return len(self.positions.get(name, []))

    def distance_km(self, text: str, what: str) -> float | None:
        value = _number(text, what)
        if value is None or value <= 0:
            return None
        return value * KM_PER_MILE if self.units == "imperial" else value


class _StravaRows(_Columns):
    """Strava's bulk export: dates in UTC ("Oct 7, 2020, 2:43:11 PM"); the first Distance
    and Elapsed Time in the athlete's units, the second Distance in metres."""

    def parse(self, row: Sequence[str], n: int) -> Activity:
        ident = self.cell(row, "Activity ID")
        when = self.cell(row, "Activity Date")
        start = _strava_date(when)
        seconds = _clock(self.cell(row, "Moving Time"), "Moving Time") or _clock(
            self.cell(row, "Elapsed Time"), "Elapsed Time"
        )
        if not seconds or seconds <= 0:
            raise ValueError("no Moving Time or Elapsed Time")
        if self.count("Distance") > 1 and (metres := _number(self.cell(row, "Distance", 1), "Distance")):
            km: float | None = metres / 1000
        else:
            km = self.distance_km(self.cell(row, "Distance"), "Distance")
        avg = self.cell(row, "Average Heart Rate")
        peak = self.cell(row, "Max Heart Rate", 1) or self.cell(row, "Max Heart Rate")
        return Activity(
            origin=f"{self.origin} row {n}",
            source=f"strava:{ident}" if ident else f"strava:{when}",
            sport=self.cell(row, "Activity Type"),
            local_date=local_date(start, self.tz),
            seconds=seconds,
            name=self.cell(row, "Activity Name") or None,
            description=self.cell(row, "Activity Description") or None,
            started_at=start,
            distance_m=None if km is None else km * 1000,
            avg_hr=heart_rate(_number(avg, "Average Heart Rate")),
            max_hr=heart_rate(_number(peak, "Max Heart Rate")),
        )


def _strava_date(text: str) -> dt.datetime:
    for pattern in ("%b %d, %Y, %I:%M:%S %p", "%b %d, %Y %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%SZ"):
        try:
            return dt.datetime.strptime(text, pattern).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
    raise ValueError(f"Activity Date: {text!r} is not a date like 'Oct 7, 2020, 2:43:11 PM'")


class _GarminRows(_Columns):
    """Garmin Connect's list export: local times ("2025-02-06 17:06:03"), Distance in the
    athlete's units, Time as 00:31:24, -- where a value is missing."""

    def parse(self, row: Sequence[str], n: int) -> Activity:
        when = self.cell(row, "Date")
        try:
            local = dt.datetime.fromisoformat(when)
        except ValueError:
            raise ValueError(f"Date: {when!r} is not a date like 2025-02-06 17:06:03") from None
        start = local.replace(tzinfo=self.tz) if self.tz is not None else local.astimezone()
        seconds = (
            _clock(self.cell(row, "Time"), "Time")
            or _clock(self.cell(row, "Moving Time"), "Moving Time")
            or _clock(self.cell(row, "Elapsed Time"), "Elapsed Time")
        )
        if not seconds or seconds <= 0:
            raise ValueError("no Time, Moving Time or Elapsed Time")
        sport = self.cell(row, "Activity Type")
        title = self.cell(row, "Title")
        km = self.distance_km(self.cell(row, "Distance"), "Distance")
        key = hashlib.sha256(f"{when}|{sport}|{title}".encode()).hexdigest()[:24]
        return Activity(
            origin=f"{self.origin} row {n}",
            source=f"garmin-csv:{key}",
            sport=sport,
            local_date=local.date(),
            seconds=seconds,
            name=title or None,
            started_at=start.astimezone(dt.UTC),
            distance_m=None if km is None else km * 1000,
            avg_hr=heart_rate(_number(self.cell(row, "Avg HR"), "Avg HR")),
            max_hr=heart_rate(_number(self.cell(row, "Max HR"), "Max HR")),
        )
