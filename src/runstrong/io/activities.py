"""Activities in: Garmin FIT, GPX, TCX and the CSV exports of Strava and Garmin Connect.

Each reader turns a file into `Activity` values (see `runstrong.core.activity`) and
raises `ActivityFileError` with a reason a runner can act on when the file is broken.
`import_files` reads many files, decides what each activity becomes and leaves out the
runs the diary already has; the caller stores the result in one transaction.

FIT: only the summary is needed (file_id, session, lap, activity and workout messages),
yet garmin-fit-sdk decodes every record of a file (a 9 km run holds ~2,800) and has no
option to skip them. So the file is walked once without decoding: its CRC is checked,
definitions give each record's size, and only the wanted messages are copied into a
small FIT stream, which the SDK decodes. That is ~8x faster than `Decoder.read()` on a
whole activity (see bench/activity_import.py) with the SDK still reading every value.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import hashlib
import io
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from runstrong.core.activity import Activity, ImportRules, KnownRun, RunIndex, classify, load_import_rules
from runstrong.core.diary import RunLog

SUFFIXES = (".fit", ".gpx", ".tcx", ".csv")
KM_PER_MILE = 1.609344


class ActivityFileError(Exception):
    """The file cannot be read as an activity: the message says why."""


class NotAnActivity(ActivityFileError):
    """A readable file that holds no activity (a FIT workout or course, an empty GPX)."""


def activity_kind(path: Path) -> str | None:
    """fit, gpx, tcx or csv from the name (a trailing .gz is allowed); None otherwise."""
    name = path.name.lower().removesuffix(".gz")
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return suffix[1:]
    return None


def find_activity_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: given files as they are, folders searched (recursively) for
    .fit, .gpx, .tcx and .csv files (also gzipped, as in a Strava export), in name order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and activity_kind(p)))
        else:
            out.append(path)
    return out


@dataclass
class ReadResult:
    activities: list[Activity]
    problems: list[str] = field(default_factory=list)  # CSV rows that could not be read


def read_activity_file(
    path: Path,
    *,
    tz: dt.tzinfo | None = None,
    units: str = "metric",
    data: bytes | None = None,
) -> ReadResult:
    """Read one file. `tz` is the runner's time zone for dates (None: this computer's);
    `units` says how to read a CSV's distances when the export does not."""
    kind = activity_kind(path)
    if kind is None:
        raise ActivityFileError(f"not an activity file (expected {', '.join(SUFFIXES)}, optionally .gz)")
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as err:
            raise ActivityFileError(f"cannot read it ({err.strerror or err})") from None
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, gzip.BadGzipFile) as err:
            raise ActivityFileError(f"not a valid .gz file ({err})") from None
    if not data or (len(data) < 4096 and not data.strip()):
        raise ActivityFileError("the file is empty")
    digest = hashlib.sha256(data).hexdigest()[:24]
    if kind == "fit":
        return ReadResult(read_fit(data, path.name, f"fit:{digest}", tz))
    if kind == "gpx":
        return ReadResult([read_gpx(data, path.name, f"gpx:{digest}", tz)])
    if kind == "tcx":
        return ReadResult(read_tcx(data, path.name, f"tcx:{digest}", tz))
    return read_csv(data, path.name, tz, units)


def _local_date(instant: dt.datetime, tz: dt.tzinfo | None) -> dt.date:
    return instant.astimezone(tz).date()


def _sniff(data: bytes, kind: str) -> str:
    """A hint when the content is another format than the name says."""
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if len(data) > 12 and data[8:12] == b".FIT":
        found = "fit"
    elif head.startswith(b"<") and b"<gpx" in head:
        found = "gpx"
    elif head.startswith(b"<") and b"<trainingcenterdatabase" in head:
        found = "tcx"
    else:
        return ""
    return "" if found == kind else f" (it looks like a {found.upper()} file: rename it to .{found})"


# ----------------------------------------------------------------------------- FIT

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
# file_id, session, lap, activity, workout: all the summary needs
FIT_SUMMARY_MESSAGES = frozenset({0, 18, 19, 34, 26})


def _crc_table() -> tuple[int, ...]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return tuple(table)


_CRC_TABLE = _crc_table()


def fit_crc(data: bytes | memoryview, crc: int = 0) -> int:
    """The FIT CRC-16 (the SDK's nibble algorithm, one table look-up per byte)."""
    table = _CRC_TABLE
    for byte in data:
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


@dataclass(frozen=True, slots=True)
class FitRecord:
    offset: int  # of the record header byte
    length: int  # header byte included
    definition: bool
    global_num: int
    fields: tuple[tuple[int, int, int], ...]  # (field number, size, base type) of its definition
    big_endian: bool = False


def fit_records(data: bytes) -> Iterator[FitRecord]:
    """Every record of a FIT file (chained files too), located without decoding values.
    Checks the header, the sizes and the CRC; raises ActivityFileError on a broken file."""
    pos, n = 0, len(data)
    if n < 12 or data[0] not in (12, 14) or data[8:12] != b".FIT":
        raise ActivityFileError("not a FIT file (no FIT header)" + _sniff(data, "fit"))
    while pos < n:
        if n - pos < 12 or data[pos] not in (12, 14) or data[pos + 8 : pos + 12] != b".FIT":
            raise ActivityFileError(f"damaged: no FIT header at byte {pos}")
        end = pos + data[pos] + int.from_bytes(data[pos + 4 : pos + 8], "little")
        if end + 2 > n:
            raise ActivityFileError(f"truncated: the header promises {end + 2 - pos} bytes, the file has {n - pos}")
        if fit_crc(memoryview(data)[pos:end]) != int.from_bytes(data[end : end + 2], "little"):
            raise ActivityFileError("damaged: the CRC check fails (the file was changed or cut)")
        yield from _fit_file_records(data, pos + data[pos], end)
        pos = end + 2


def _fit_file_records(data: bytes, p: int, end: int) -> Iterator[FitRecord]:
    definitions: dict[int, FitRecord] = {}
    while p < end:
        header = data[p]
        if header & 0x80:  # compressed timestamp: a data record of local type 0-3
            local = (header >> 5) & 0x03
        elif header & 0x40:  # definition
            if p + 6 > end:
                break
            big = data[p + 2] == 1
            global_num = int.from_bytes(data[p + 3 : p + 5], "big" if big else "little")
            count = data[p + 5]
            q = p + 6 + 3 * count
            if q > end:
                break
            fields = tuple((data[i], data[i + 1], data[i + 2]) for i in range(p + 6, q, 3))
            if header & 0x20:  # developer fields: their sizes count too
                dev = data[q] if q < end else 0
                if q + 1 + 3 * dev > end:
                    break
                fields += tuple((-1, data[i + 1], 0) for i in range(q + 1, q + 1 + 3 * dev, 3))
                q += 1 + 3 * dev
            record = FitRecord(p, q - p, True, global_num, fields, big)
            definitions[header & 0x0F] = record
            yield record
            p = q
            continue
        else:
            local = header & 0x0F
        definition = definitions.get(local)
        if definition is None:
            raise ActivityFileError(f"damaged: invalid local message number at byte {p}")
        length = 1 + sum(size for _, size, _ in definition.fields)
        yield FitRecord(p, length, False, definition.global_num, definition.fields, definition.big_endian)
        p += length
    if p != end:
        raise ActivityFileError(f"damaged: a record runs past the end of the data at byte {p}")


def fit_summary_stream(data: bytes, wanted: frozenset[int] = FIT_SUMMARY_MESSAGES) -> bytes:
    """A FIT file holding only the `wanted` messages of `data` (header CRC left at 0,
    file CRC unset: decode it with the CRC check off; `fit_records` checked the original)."""
    body = bytearray()
    for record in fit_records(data):
        if record.global_num in wanted and not data[record.offset] & 0x80:
            body += data[record.offset : record.offset + record.length]
    header = bytes([14, 0x20]) + (2132).to_bytes(2, "little") + len(body).to_bytes(4, "little") + b".FIT\x00\x00"
    return header + bytes(body) + b"\x00\x00"


def _decode_fit(data: bytes) -> dict[str, list[dict[str, Any]]]:
    from garmin_fit_sdk import Decoder, Stream

    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        enable_crc_check=False, merge_heart_rates=False
    )
    if errors:
        raise ActivityFileError(f"damaged: {errors[0]}")
    return messages


def read_fit(data: bytes, origin: str, source: str, tz: dt.tzinfo | None = None) -> list[Activity]:
    """The sessions of a FIT activity file (one activity per session)."""
    messages = _decode_fit(fit_summary_stream(data))
    file_type = next((m.get("type") for m in messages.get("file_id_mesgs", [])), None)
    if file_type not in (None, "activity"):
        raise NotAnActivity(f"a FIT {file_type} file, not a recorded activity")
    summaries = messages.get("session_mesgs") or messages.get("lap_mesgs") or []
    if not messages.get("session_mesgs") and len(summaries) > 1:
        summaries = [_laps_as_session(summaries)]
    if not summaries:
        summaries = [_records_as_session(data)]
    offset = _fit_local_offset(messages.get("activity_mesgs", []))
    workout = next((m.get("wkt_name") for m in messages.get("workout_mesgs", []) if m.get("wkt_name")), None)
    out = []
    for n, s in enumerate(summaries):
        start = s.get("start_time")
        seconds = s.get("total_timer_time") or s.get("total_elapsed_time")
        if not isinstance(start, dt.datetime) or not seconds:
            raise ActivityFileError("no start time or duration in the file's summary")
        local = (start + offset).date() if offset is not None else _local_date(start, tz)
        sport = str(s.get("sport") or "")
        out.append(
            Activity(
                origin=origin,
                source=source if len(summaries) == 1 else f"{source}#{n + 1}",
                sport=sport if sport != "generic" else "",
                local_date=local,
                seconds=float(seconds),
                name=workout,
                started_at=start,
                distance_m=_positive(s.get("total_distance")),
                avg_hr=_hr(s.get("avg_heart_rate")),
                max_hr=_hr(s.get("max_heart_rate")),
            )
        )
    return out


def _fit_local_offset(activities: list[dict[str, Any]]) -> dt.timedelta | None:
    """The watch's own UTC offset (activity.local_timestamp - timestamp), when it wrote one."""
    for m in activities:
        stamp, local = m.get("timestamp"), m.get("local_timestamp")
        if isinstance(stamp, dt.datetime) and isinstance(local, int):
            offset = FIT_EPOCH + dt.timedelta(seconds=local) - stamp
            if abs(offset) <= dt.timedelta(hours=14):
                return dt.timedelta(minutes=round(offset.total_seconds() / 60))
    return None


def _laps_as_session(laps: list[dict[str, Any]]) -> dict[str, Any]:
    hr = [(lap.get("avg_heart_rate"), lap.get("total_timer_time") or 0) for lap in laps]
    weighted = sum(h * t for h, t in hr if h) / sum(t for h, t in hr if h) if any(h for h, _ in hr) else None
    return {
        "start_time": min(lap["start_time"] for lap in laps if lap.get("start_time")),
        "total_timer_time": sum(lap.get("total_timer_time") or 0 for lap in laps),
        "total_elapsed_time": sum(lap.get("total_elapsed_time") or 0 for lap in laps),
        "total_distance": sum(lap.get("total_distance") or 0 for lap in laps) or None,
        "avg_heart_rate": weighted,
        "max_heart_rate": max((lap.get("max_heart_rate") or 0 for lap in laps), default=0) or None,
        "sport": next((lap.get("sport") for lap in laps if lap.get("sport")), ""),
    }


def _records_as_session(data: bytes) -> dict[str, Any]:
    """A file without session or lap messages: its summary from the records (slow path)."""
    records = [r for r in _decode_fit(data).get("record_mesgs", []) if isinstance(r.get("timestamp"), dt.datetime)]
    if len(records) < 2:
        raise NotAnActivity("no session, lap or record messages: nothing was recorded")
    hrs = [r["heart_rate"] for r in records if r.get("heart_rate")]
    distances = [r["distance"] for r in records if r.get("distance") is not None]
    return {
        "start_time": records[0]["timestamp"],
        "total_elapsed_time": (records[-1]["timestamp"] - records[0]["timestamp"]).total_seconds(),
        "total_distance": distances[-1] if distances else None,
        "avg_heart_rate": sum(hrs) / len(hrs) if hrs else None,
        "max_heart_rate": max(hrs) if hrs else None,
    }


def _positive(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and value > 0 else None


def _hr(value: Any) -> int | None:
    """A heart rate in bpm, or None when absent or out of the physiological range."""
    try:
        bpm = round(float(value))
    except (TypeError, ValueError):
        return None
    return bpm if 20 <= bpm <= 250 else None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


# ----------------------------------------------------------------------------- GPX


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


def _first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0][:160]


# ----------------------------------------------------------------------------- TCX

_TCX = "{http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2}"


def read_tcx(data: bytes, origin: str, source: str, tz: dt.tzinfo | None = None) -> list[Activity]:
    """The activities of a TCX file, from their laps' totals (the track points are not needed)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        raise ActivityFileError(f"not a readable TCX file (XML error: {err})" + _sniff(data, "tcx")) from None
    if not root.tag.endswith("TrainingCenterDatabase"):
        element = root.tag.rsplit("}", 1)[-1]
        raise ActivityFileError(f"not a TCX file (its root element is <{element}>)" + _sniff(data, "tcx"))
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
                local_date=_local_date(start, tz),
                seconds=seconds,
                name=_text(activity.findtext(f"{ns}Notes")),
                started_at=start,
                distance_m=distance or None,
                avg_hr=_hr(sum(h * t for h, t in avg if h) / timed) if timed else None,
                max_hr=_hr(max(peaks)) if any(peaks) else None,
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


# ----------------------------------------------------------------------------- CSV

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
        raise ActivityFileError(
            "not a Strava activities.csv or a Garmin Connect Activities.csv (the header has "
            f"{', '.join(header[:4]) or 'no columns'}...)"
        )
    result = ReadResult([])
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            result.activities.append(parse_row(row, n))
        except (ValueError, IndexError) as err:
            result.problems.append(f"{origin} row {n}: {err}")
    return result


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
            local_date=_local_date(start, self.tz),
            seconds=seconds,
            name=self.cell(row, "Activity Name") or None,
            started_at=start,
            distance_m=None if km is None else km * 1000,
            avg_hr=_hr(_number(avg, "Average Heart Rate")),
            max_hr=_hr(_number(peak, "Max Heart Rate")),
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
            avg_hr=_hr(_number(self.cell(row, "Avg HR"), "Avg HR")),
            max_hr=_hr(_number(self.cell(row, "Max HR"), "Max HR")),
        )


# -------------------------------------------------------------------------- import


@dataclass
class ImportReport:
    """What an import found: the runs to store, and why the rest were left out."""

    files: int = 0
    runs: list[RunLog] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # "origin: why"
    skipped: list[str] = field(default_factory=list)  # not runs: "origin: why"
    broken: list[str] = field(default_factory=list)  # files or rows that could not be read: "origin: why"

    @property
    def cross_training(self) -> int:
        return sum(1 for r in self.runs if r.type.value == "cross_train")


def import_files(
    files: Sequence[Path],
    index: RunIndex,
    *,
    today: dt.date,
    tz: dt.tzinfo | None = None,
    units: str = "metric",
    cross_training: bool = False,
    rules: ImportRules | None = None,
    progress: Callable[[Path], None] | None = None,
) -> ImportReport:
    """Read every file once, keep the activities that are runs and new to `index` (which
    learns each one kept, so a run given twice in one import is kept once). A broken file
    is reported and passed over; nothing here raises for a bad file."""
    from pydantic import ValidationError

    from runstrong.core.diary import validate_entry

    rules = rules or load_import_rules()
    report = ImportReport(files=len(files))
    for path in files:
        try:
            result = read_activity_file(path, tz=tz, units=units)
        except NotAnActivity as err:
            report.skipped.append(f"{path.name}: {err}")
            continue
        except ActivityFileError as err:
            report.broken.append(f"{path.name}: {err}")
            continue
        except Exception as err:  # a reader library failing on odd input must not stop the import
            report.broken.append(f"{path.name}: unreadable ({type(err).__name__}: {_first_line(err)})")
            continue
        finally:
            if progress is not None:
                progress(path)
        report.broken.extend(result.problems)
        for activity in result.activities:
            decision = classify(activity, rules, cross_training=cross_training)
            if decision.run_type is None:
                report.skipped.append(f"{activity.origin}: {decision.reason}")
                continue
            try:
                run = validate_entry(RunLog, _run_data(activity, decision.run_type.value), today)
            except ValidationError as err:
                first = err.errors()[0]
                report.broken.append(f"{activity.origin}: {first['loc'][0]}: {first['msg']}")
                continue
            known = KnownRun(run.date, run.minutes, run.distance_km, run.started_at, run.source)
            why = index.duplicate_of(known)
            if why:
                report.duplicates.append(f"{activity.origin}: {why}")
                continue
            index.add(known)
            report.runs.append(run)
    return report


def _run_data(activity: Activity, run_type: str) -> dict[str, Any]:
    km = activity.distance_km
    return {
        "date": activity.local_date,
        "type": run_type,
        "minutes": round(activity.minutes, 2),
        "distance_km": None if km is None else round(km, 3),
        "note": activity.name[:2000] if activity.name else None,
        "started_at": activity.started_at,
        "avg_hr": activity.avg_hr,
        "max_hr": activity.max_hr,
        "source": activity.source,
    }
