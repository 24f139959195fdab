"""Activity files uploaded through the web app (`/runs/upload`): FIT, GPX, TCX, CSV (also
gzipped) and export archives (.zip), read from memory with the same readers and the same
sorting as `runstrong run import` and `import-archive`, so both store alike.

An uploaded file that cannot be read at all (not an activity, a damaged or disguised file,
a zip that is no zip) is *refused*: the caller writes nothing and says why, naming the
file. Inside a readable archive, a broken member is named and the others are imported, as
the CLI does. Nothing here touches the disk: the browser's file name is only a label.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path, PurePosixPath, PureWindowsPath

from runstrong.core.activity import RunIndex

from .activities import ActivitySorter, ImportReport, read_activity_file
from .activity_base import ActivityFileError
from .archive import MAX_MEMBERS, import_archive

MAX_NAME = 120  # characters of a file name shown back to the runner


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the browser gave it and its bytes."""

    name: str
    data: bytes


@dataclass
class UploadResult:
    """What the uploads hold (as `run import` reports it) and the files refused whole."""

    report: ImportReport
    refused: list[str] = field(default_factory=list)  # "name: why"


def shown_name(name: str) -> str:
    """The file's own name, without any folders a browser or a hostile client put before it."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name.strip()
    return (base or "file")[:MAX_NAME]


def read_uploads(
    uploads: Iterable[Upload],
    index: RunIndex,
    *,
    today: dt.date,
    tz: dt.tzinfo | None = None,
    units: str = "metric",
    cross_training: bool = False,
) -> UploadResult:
    """Read every upload; `index` learns each run kept, so a run in two files is kept once."""
    sorter = ActivitySorter(index, today=today, cross_training=cross_training)
    report = sorter.report
    refused: list[str] = []
    for upload in uploads:
        name = shown_name(upload.name)
        if name.lower().endswith(".zip"):
            try:
                _merge(report, _read_zip(upload.data, index, today, tz, units, cross_training))
            except ActivityFileError as err:
                refused.append(f"{name}: {err}")
            continue
        report.files += 1
        before = len(report.broken)
        data = upload.data
        result = sorter.read(name, lambda: read_activity_file(Path(name), tz=tz, units=units, data=data))  # noqa: B023
        if result is None and len(report.broken) > before:
            refused.extend(report.broken[before:])
            del report.broken[before:]
    return UploadResult(report, refused)


def _read_zip(
    data: bytes, index: RunIndex, today: dt.date, tz: dt.tzinfo | None, units: str, cross_training: bool
) -> ImportReport:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise ActivityFileError(f"not a readable .zip archive ({err})") from None
    if len(archive.infolist()) > MAX_MEMBERS:
        raise ActivityFileError(f"more than {MAX_MEMBERS:,} files in the archive (the limit)")
    with archive:
        report = import_archive(archive, index, today=today, tz=tz, units=units, cross_training=cross_training)
    if report.files == 0 and not report.runs:
        raise ActivityFileError("no .fit, .gpx or .tcx files and no activities.csv in the archive")
    return report


def _merge(into: ImportReport, other: ImportReport) -> None:
    """Add what another report found to `into` (lists extended, files counted)."""
    into.files += other.files
    for f in fields(ImportReport):
        value = getattr(into, f.name)
        if isinstance(value, list):
            value.extend(getattr(other, f.name))
