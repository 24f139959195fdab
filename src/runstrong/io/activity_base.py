"""What every activity reader shares: its errors, its result, and small value checks."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from runstrong.core.activity import Activity

KM_PER_MILE = 1.609344


class ActivityFileError(Exception):
    """The file cannot be read as an activity: the message says why."""


class NotAnActivity(ActivityFileError):
    """A readable file that holds no activity (a FIT workout or course, an empty GPX)."""


@dataclass
class ReadResult:
    activities: list[Activity]
    problems: list[str] = field(default_factory=list)  # CSV rows that could not be read
    warnings: list[str] = field(default_factory=list)  # read, but check it: a damaged file's summary


def local_date(instant: dt.datetime, tz: dt.tzinfo | None) -> dt.date:
    return instant.astimezone(tz).date()


def sniff_hint(data: bytes, kind: str) -> str:
    """A hint when the content is another format than the name says."""
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if len(data) > 12 and data[8:12] == b".FIT":
        found = "fit"
    elif head.startswith(b"<") and b"<gpx" in head:
        found = "gpx"
    elif head.startswith(b"<") and b"<trainingcenterdatabase" in head:
        found = "tcx"
    elif head.startswith(b"<") and (b"<html" in head or b"<!doctype html" in head):
        return " (it is a web page, perhaps an error page saved instead of the file: download it again)"
    else:
        return ""
    return "" if found == kind else f" (it looks like a {found.upper()} file: rename it to .{found})"


_FIRST_TAG = re.compile(rb"<(?![?!])([A-Za-z_][\w:.-]*)")


def root_element(data: bytes) -> str | None:
    """The local name of an XML document's root element (after its declaration, comments
    and doctype), read from the first 4 kB without parsing; None when there is no tag."""
    head = re.sub(rb"<!--.*?-->", b"", data[:4096], flags=re.DOTALL)
    match = _FIRST_TAG.search(head)
    return match.group(1).decode("ascii").rsplit(":", 1)[-1] if match else None


def check_root(data: bytes, expected: str, kind: str) -> None:
    """Refuse a file whose root element is not `expected` (an HTML page, a TCX named .gpx)."""
    root = root_element(data)
    if root is None:
        raise ActivityFileError(f"not a {kind.upper()} file (no XML element in it)" + sniff_hint(data, kind))
    if root.lower() != expected.lower():
        raise ActivityFileError(f"not a {kind.upper()} file (its root element is <{root}>)" + sniff_hint(data, kind))


def positive_or_none(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and value > 0 else None


def heart_rate(value: Any) -> int | None:
    """A heart rate in bpm, or None when absent or out of the physiological range."""
    try:
        bpm = round(float(value))
    except (TypeError, ValueError):
        return None
    return bpm if 20 <= bpm <= 250 else None


def stripped_text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0][:160]


# The largest activity file read, after decompression. A 24-hour run recorded every second
# with heart rate is ~25 MB of GPX or ~40 MB of TCX; past this a file is taken as hostile
# (a .gpx.gz of 1 MB can expand to gigabytes) and refused before it fills the memory.
MAX_ACTIVITY_BYTES = 64 * 1024 * 1024
_CHUNK = 1024 * 1024


class TooLarge(ActivityFileError):
    """The file is larger than MAX_ACTIVITY_BYTES (decompressed): refused unread."""


def _too_large(limit: int) -> TooLarge:
    return TooLarge(f"larger than {limit // (1024 * 1024)} MB once decompressed (the limit for one activity file)")


def read_bounded(stream: BinaryIO, *, gzipped: bool, limit: int = MAX_ACTIVITY_BYTES) -> bytes:
    """The content of `stream`, gunzipped when `gzipped`, read in chunks and refused as soon
    as it passes `limit` bytes: never more than `limit` plus one chunk is held."""
    if not gzipped:
        data = stream.read(limit + 1)
        if len(data) > limit:
            raise _too_large(limit)
        return data
    out = bytearray()
    inflate, started = zlib.decompressobj(wbits=47), False  # 47: a gzip header, read from the data
    while chunk := stream.read(_CHUNK):
        while chunk:
            started = True
            try:
                out += inflate.decompress(chunk, limit + 1 - len(out))
            except zlib.error as err:
                raise ActivityFileError(f"not a valid .gz file ({err})") from None
            if len(out) > limit:
                raise _too_large(limit)
            chunk = inflate.unconsumed_tail
            if inflate.eof:  # another gzip member may follow (cat a.gz b.gz > c.gz)
                chunk, inflate, started = inflate.unused_data + chunk, zlib.decompressobj(wbits=47), False
    if started or not out:
        raise ActivityFileError("not a valid .gz file (it was cut short)" if out else "not a valid .gz file (no data)")
    return bytes(out)
