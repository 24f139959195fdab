"""Whole export archives: Strava's bulk export and Garmin Connect's data export, read as
they come (a .zip of several GB) without unpacking them.

Strava ("Download your data"): `activities.csv` lists every activity (its type, title and
description, and the file it came from, `activities/123.fit.gz`); the files hold the
times, distance and heart rate. Each file is read with its row's sport, title and
description and the row's id as its source, so a later import of the CSV alone finds the
same runs; a row whose file is missing or broken is imported from the row.
Garmin Connect (account data export): the activity files sit in zips inside the zip
(`DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_*.zip`); each is read in turn, then
every activity of `DI-Connect-Fitness/*summarizedActivities.json` (`activity_garmin_json`),
so a run both list and file hold is found once (by its start) and keeps the file's detail.
A member whose name climbs out of the archive (`../`, an absolute path) is named and left.

Memory stays bounded: members are streamed one at a time through `read_bounded`, which
stops any file (gzipped or not) past MAX_ACTIVITY_BYTES.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from runstrong.core.activity import Activity, ImportRules, RunIndex

from .activities import ActivitySorter, ImportReport, activity_kind, read_activity_file
from .activity_base import ActivityFileError, ReadResult, read_bounded
from .activity_garmin_json import is_summary, read_summaries

MAX_MEMBERS = 500_000  # entries in one archive (a Strava export of 10,000 activities holds ~25,000)
STRAVA_LIST = "activities.csv"
OUTSIDE = "a path outside the archive; left unread"


@dataclasses.dataclass(frozen=True)
class Member:
    """An activity file in the archive (`inner` when it sits in a zip inside the zip)."""

    name: str
    info: zipfile.ZipInfo
    inner: zipfile.ZipFile | None = None

    def open(self, outer: zipfile.ZipFile) -> io.BufferedIOBase:
        return (self.inner or outer).open(self.info)  # type: ignore[return-value]


def open_archive(path: Path) -> zipfile.ZipFile:
    """The archive, or an ActivityFileError saying why it cannot be read."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise ActivityFileError(f"not a readable .zip archive ({err})") from None
    if len(archive.infolist()) > MAX_MEMBERS:
        raise ActivityFileError(f"more than {MAX_MEMBERS:,} files in the archive (the limit)")
    return archive


def activity_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The activity files and the zips that hold more of them, in name order."""
    out = []
    for info in archive.infolist():
        name = info.filename.lower()
        if info.is_dir() or PurePosixPath(name).name.startswith("."):
            continue
        if name.endswith(".zip") or is_summary(name) or (activity_kind(Path(name)) in ("fit", "gpx", "tcx")):
            out.append(info)
    return sorted(out, key=lambda i: i.filename)


def import_archive(
    archive: zipfile.ZipFile,
    index: RunIndex,
    *,
    today: dt.date,
    tz: dt.tzinfo | None = None,
    units: str = "metric",
    cross_training: bool = False,
    rules: ImportRules | None = None,
    progress: Callable[[str], None] | None = None,
) -> ImportReport:
    """Every run in the archive that `index` does not hold (see the module's docstring)."""
    sorter = ActivitySorter(index, today=today, cross_training=cross_training, rules=rules)
    sorter.report.sorter = sorter
    rows, by_file = _strava_rows(archive, sorter, tz, units)
    used: set[str] = set()
    summaries = []
    for member in _members(archive, sorter):
        if is_summary(member.name):
            summaries.append(member)
            continue
        row = by_file.get(member.name.lower())
        sorter.report.files += 1
        result = sorter.read(member.name, lambda m=member, r=row: _read_member(archive, m, r, tz, units))
        if row is not None and result is not None:
            used.add(row.source)
        if progress is not None:
            progress(member.name)
    for row in rows:  # rows whose file is absent or broken: what the list says
        if row.source not in used:
            sorter.add(row)
    for member in summaries:
        _add_summaries(archive, member, sorter)
        if progress is not None:
            progress(member.name)
    return sorter.report


def _add_summaries(archive: zipfile.ZipFile, member: Member, sorter: ActivitySorter) -> None:
    """Every activity of a Garmin summarizedActivities.json, streamed; a broken file is named."""
    report = sorter.report
    report.files += 1
    try:
        with member.open(archive) as stream:
            for activity in read_summaries(stream, member.name, report.broken):
                sorter.add(activity)
    except (ActivityFileError, zipfile.BadZipFile, OSError, EOFError) as err:
        report.broken.append(f"{member.name}: {err}")


def unsafe_name(name: str) -> bool:
    """A member name that would climb out of a folder it were unpacked in."""
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or (len(name) > 1 and name[1] == ":")


def _members(archive: zipfile.ZipFile, sorter: ActivitySorter) -> Iterator[Member]:
    for info in activity_members(archive):
        if unsafe_name(info.filename):
            sorter.report.broken.append(f"{info.filename}: {OUTSIDE}")
            continue
        if not info.filename.lower().endswith(".zip"):
            yield Member(info.filename, info)
            continue
        try:
            inner = zipfile.ZipFile(archive.open(info))
        except (zipfile.BadZipFile, OSError) as err:
            sorter.report.broken.append(f"{info.filename}: not a readable .zip ({err})")
            continue
        for nested in activity_members(inner):
            if unsafe_name(nested.filename):
                sorter.report.broken.append(
                    f"{info.filename}/{nested.filename}: a path outside the archive; left unread"
                )
            elif not nested.filename.lower().endswith(".zip"):  # one level deep, as Garmin writes it
                yield Member(f"{info.filename}/{nested.filename}", nested, inner)


def _read_member(
    archive: zipfile.ZipFile, member: Member, row: Activity | None, tz: dt.tzinfo | None, units: str
) -> ReadResult:
    name = PurePosixPath(member.name).name
    with member.open(archive) as stream:
        data = read_bounded(stream, gzipped=name.lower().endswith(".gz"))
    result = read_activity_file(Path(name.removesuffix(".gz").removesuffix(".GZ")), tz=tz, units=units, data=data)
    if row is None or len(result.activities) != 1:
        return result
    [activity] = result.activities
    merged = dataclasses.replace(
        activity,
        origin=member.name,
        source=row.source,
        sport=row.sport or activity.sport,
        name=row.name or activity.name,
        description=row.description or activity.description,
    )
    return dataclasses.replace(result, activities=[merged])


def _strava_rows(
    archive: zipfile.ZipFile, sorter: ActivitySorter, tz: dt.tzinfo | None, units: str
) -> tuple[list[Activity], dict[str, Activity]]:
    """Strava's list: its activities, and each by the file it names (lower-cased path)."""
    listing = next((i for i in archive.infolist() if PurePosixPath(i.filename).name == STRAVA_LIST), None)
    if listing is None:
        return [], {}
    try:
        result = _read_list(archive, listing, tz, units)
        with archive.open(listing) as stream:
            text = read_bounded(stream, gzipped=False).decode("utf-8-sig", errors="replace")
    except ActivityFileError as err:
        sorter.report.broken.append(f"{listing.filename}: {err}")
        return [], {}
    sorter.report.broken.extend(result.problems)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    files = {f"strava:{r.get('Activity ID', '').strip()}": (r.get("Filename") or "").strip() for r in reader}
    folder = str(PurePosixPath(listing.filename).parent).lower()  # an archive unpacked and zipped again
    prefix = "" if folder == "." else folder + "/"
    by_file = {prefix + files[a.source].lower(): a for a in result.activities if files.get(a.source)}
    return list(result.activities), by_file


def _read_list(archive: zipfile.ZipFile, listing: zipfile.ZipInfo, tz: dt.tzinfo | None, units: str) -> ReadResult:
    with archive.open(listing) as stream:
        data = read_bounded(stream, gzipped=False)
    return read_activity_file(Path(STRAVA_LIST), tz=tz, units=units, data=data)
