"""Garmin FIT activities: only the summary is read (file_id, session, lap, activity and
workout messages), yet garmin-fit-sdk decodes every record of a file (a 9 km run holds
~2,800) and has no option to skip them. So the file is walked once without decoding: its
CRC is checked, definitions give each record's size, and only the wanted messages are
copied into a small FIT stream, which the SDK decodes. That is ~8x faster than
`Decoder.read()` on a whole activity (see bench/activity_import.py) with the SDK still
reading every value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from runstrong.core.activity import Activity

from .activity_base import (
    ActivityFileError,
    NotAnActivity,
    ReadResult,
    heart_rate,
    local_date,
    positive_or_none,
    sniff_hint,
)
from .fit_strength import SET_MESSAGE, WORKOUT_STEP_MESSAGE, is_strength, watch_workout

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
# file_id, session, lap, activity, workout: all the summary needs; a strength activity's
# sets and the workout steps they follow (a few dozen messages at most)
FIT_SUMMARY_MESSAGES = frozenset({0, 18, 19, 34, 26, SET_MESSAGE, WORKOUT_STEP_MESSAGE})


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


def fit_records(data: bytes, *, salvage: bool = False) -> Iterator[FitRecord]:
    """Every record of a FIT file (chained files too), located without decoding values.
    Checks the header, the sizes and the CRC; raises ActivityFileError on a broken file.
    With `salvage`, a wrong size or CRC is let pass and the walk stops quietly at the first
    damaged record: the records before it are all there is to read."""
    pos, n = 0, len(data)
    if n < 12 or data[0] not in (12, 14) or data[8:12] != b".FIT":
        raise ActivityFileError("not a FIT file (no FIT header)" + sniff_hint(data, "fit"))
    while pos < n:
        if n - pos < 12 or data[pos] not in (12, 14) or data[pos + 8 : pos + 12] != b".FIT":
            if salvage:
                return
            raise ActivityFileError(f"damaged: no FIT header at byte {pos}")
        end = pos + data[pos] + int.from_bytes(data[pos + 4 : pos + 8], "little")
        if salvage:
            end = min(end, n)
        elif end + 2 > n:
            raise ActivityFileError(f"truncated: the header promises {end + 2 - pos} bytes, the file has {n - pos}")
        elif fit_crc(memoryview(data)[pos:end]) != int.from_bytes(data[end : end + 2], "little"):
            raise ActivityFileError("damaged: the CRC check fails (the file was changed or cut)")
        records = _fit_file_records(data, pos + data[pos], end)
        if not salvage:
            yield from records
        else:
            try:
                yield from (r for r in records if r.offset + r.length <= end)
            except ActivityFileError:
                return
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


def fit_summary_stream(data: bytes, wanted: frozenset[int] = FIT_SUMMARY_MESSAGES, *, salvage: bool = False) -> bytes:
    """A FIT file holding only the `wanted` messages of `data` (header CRC left at 0,
    file CRC unset: decode it with the CRC check off; `fit_records` checked the original)."""
    body = bytearray()
    for record in fit_records(data, salvage=salvage):
        if record.global_num in wanted and not data[record.offset] & 0x80:
            body += data[record.offset : record.offset + record.length]
    header = bytes([14, 0x20]) + (2132).to_bytes(2, "little") + len(body).to_bytes(4, "little") + b".FIT\x00\x00"
    return header + bytes(body) + b"\x00\x00"


def read_fit_file(data: bytes, origin: str, source: str, tz: dt.tzinfo | None = None) -> ReadResult:
    """A FIT activity file; a damaged one gives the sessions written before the damage (a
    warning says so), as long as a session or lap summary is among them."""
    try:
        return ReadResult(read_fit(data, origin, source, tz))
    except NotAnActivity:
        raise
    except ActivityFileError as err:
        damage = err
    try:
        activities = read_fit(data, origin, source, tz, salvage=True)
    except ActivityFileError:
        raise damage from None
    return ReadResult(activities, warnings=[f"{origin}: {damage}; its summary could still be read, check the run"])


def _decode_fit(data: bytes) -> dict[str, list[dict[str, Any]]]:
    from garmin_fit_sdk import Decoder, Stream

    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(
        enable_crc_check=False, merge_heart_rates=False
    )
    if errors:
        raise ActivityFileError(f"damaged: {errors[0]}")
    return messages


def read_fit(
    data: bytes, origin: str, source: str, tz: dt.tzinfo | None = None, *, salvage: bool = False
) -> list[Activity]:
    """The sessions of a FIT activity file (one activity per session); with `salvage`, only
    the summaries written before a damaged record (never a summary rebuilt from records)."""
    messages = _decode_fit(fit_summary_stream(data, salvage=salvage))
    file_type = next((m.get("type") for m in messages.get("file_id_mesgs", [])), None)
    if file_type not in (None, "activity"):
        raise NotAnActivity(f"a FIT {file_type} file, not a recorded activity")
    summaries = messages.get("session_mesgs") or messages.get("lap_mesgs") or []
    if not messages.get("session_mesgs") and len(summaries) > 1:
        summaries = [_laps_as_session(summaries)]
    if not summaries and salvage:
        raise ActivityFileError("no session summary before the damage")
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
        local = (start + offset).date() if offset is not None else local_date(start, tz)
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
                distance_m=positive_or_none(s.get("total_distance")),
                avg_hr=heart_rate(s.get("avg_heart_rate")),
                max_hr=heart_rate(s.get("max_heart_rate")),
                strength=watch_workout(s, messages, local, workout) if is_strength(s, messages) else None,
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
