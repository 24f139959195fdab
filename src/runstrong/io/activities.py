"""Activities in: Garmin FIT, GPX, TCX and the CSV exports of Strava and Garmin Connect.

Each reader (activity_fit, activity_gpx, activity_tcx, activity_csv) turns a file into
`Activity` values (see `runstrong.core.activity`) and raises `ActivityFileError` with a
reason a runner can act on when the file is broken. `import_files` reads many files,
decides what each activity becomes and leaves out the runs the diary already has; the
caller stores the result in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runstrong.core.activity import Activity, ImportRules, KnownRun, RunIndex, classify_activity
from runstrong.core.diary import RunLog

from .activity_base import KM_PER_MILE, ActivityFileError, NotAnActivity, ReadResult, first_line, read_bounded
from .activity_csv import read_csv
from .activity_fit import fit_crc, fit_records, fit_summary_stream, read_fit, read_fit_file
from .activity_gpx import read_gpx
from .activity_tcx import read_tcx

__all__ = [
    "KM_PER_MILE",
    "ActivityFileError",
    "NotAnActivity",
    "ReadResult",
    "fit_crc",
    "fit_records",
    "fit_summary_stream",
    "read_csv",
    "read_fit",
    "read_fit_file",
    "read_gpx",
    "read_tcx",
]

SUFFIXES = (".fit", ".gpx", ".tcx", ".csv")


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
    gzipped = path.name.lower().endswith(".gz")
    try:
        if data is not None:
            data = read_bounded(io.BytesIO(data), gzipped=gzipped)
        else:
            with path.open("rb") as stream:
                data = read_bounded(stream, gzipped=gzipped)
    except OSError as err:
        raise ActivityFileError(f"cannot read it ({err.strerror or err})") from None
    if not data or (len(data) < 4096 and not data.strip()):
        raise ActivityFileError("the file is empty")
    digest = hashlib.sha256(data).hexdigest()[:24]
    if kind == "fit":
        return read_fit_file(data, path.name, f"fit:{digest}", tz)
    if kind == "gpx":
        return ReadResult([read_gpx(data, path.name, f"gpx:{digest}", tz)])
    if kind == "tcx":
        return ReadResult(read_tcx(data, path.name, f"tcx:{digest}", tz))
    return read_csv(data, path.name, tz, units)


# -------------------------------------------------------------------------- import


@dataclass
class ImportReport:
    """What an import found: the runs to store, and why the rest were left out."""

    files: int = 0
    runs: list[RunLog] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # "origin: why"
    skipped: list[str] = field(default_factory=list)  # not runs: "origin: why"
    broken: list[str] = field(default_factory=list)  # files or rows that could not be read: "origin: why"
    warnings: list[str] = field(default_factory=list)  # read from a damaged file: "origin: why"
    strength: list[Activity] = field(default_factory=list)  # strength workouts recorded by a watch
    doubtful: list[Activity] = field(default_factory=list)  # left out for their pace alone (also in skipped)
    before_plan: str = ""  # runs from more than a year before the plan, said (set by flows.imports)

    sorter: ActivitySorter | None = field(default=None, repr=False)  # to keep a doubted activity later

    def keep(self, activity: Activity) -> None:
        """Keep an activity the pace check left out, because the runner says it was a run."""
        assert self.sorter is not None and activity in self.doubtful
        self.doubtful.remove(activity)
        self.skipped[:] = [s for s in self.skipped if not s.startswith(f"{activity.origin}: ")]
        self.sorter.add(activity, trust_pace=True)

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
    sorter = ActivitySorter(index, today=today, cross_training=cross_training, rules=rules)
    sorter.report.files = len(files)
    sorter.report.sorter = sorter
    for path in files:
        try:
            sorter.read(path.name, lambda path=path: read_activity_file(path, tz=tz, units=units))
        finally:
            if progress is not None:
                progress(path)
    return sorter.report


@dataclass
class ActivitySorter:
    """Sorts what files hold into the report: runs new to `index`, strength workouts,
    duplicates, non-runs and broken files (a file's failure never stops the others)."""

    index: RunIndex
    today: dt.date
    cross_training: bool = False
    rules: ImportRules | None = None
    report: ImportReport = field(default_factory=ImportReport)

    def read(self, name: str, reader: Callable[[], ReadResult]) -> ReadResult | None:
        """Run `reader` for the file `name` and sort its activities; None when it failed."""
        try:
            result = reader()
        except NotAnActivity as err:
            self.report.skipped.append(f"{name}: {err}")
            return None
        except ActivityFileError as err:
            self.report.broken.append(f"{name}: {err}")
            return None
        except Exception as err:  # a reader library failing on odd input must not stop the import
            self.report.broken.append(f"{name}: unreadable ({type(err).__name__}: {first_line(err)})")
            return None
        self.report.broken.extend(result.problems)
        self.report.warnings.extend(result.warnings)
        for activity in result.activities:
            self.add(activity)
        return result

    def add(self, activity: Activity, *, trust_pace: bool = False) -> None:
        """One activity: a strength workout, a run new to the index, or a reason it is left
        out; `trust_pace` keeps an activity the pace check doubted (the runner said so)."""
        from pydantic import ValidationError

        from runstrong.core.diary import validate_entry

        report = self.report
        if activity.strength is not None:
            report.strength.append(activity)
            return
        rules = self.rules or _import_rules()
        decision = classify_activity(activity, rules, cross_training=self.cross_training, trust_pace=trust_pace)
        if decision.run_type is None:
            report.skipped.append(f"{activity.origin}: {decision.reason}")
            if decision.doubtful:
                report.doubtful.append(activity)
            return
        try:
            run = validate_entry(RunLog, _run_data(activity, decision.run_type.value), self.today)
        except ValidationError as err:
            first = err.errors()[0]
            report.broken.append(f"{activity.origin}: {first['loc'][0]}: {first['msg']}")
            return
        known = KnownRun(run.date, run.minutes, run.distance_km, run.started_at, run.source)
        why = self.index.duplicate_of(known)
        if why:
            report.duplicates.append(f"{activity.origin}: {why}")
            return
        self.index.add(known)
        report.runs.append(run)


def _run_data(activity: Activity, run_type: str) -> dict[str, Any]:
    km = activity.distance_km
    return {
        "date": activity.local_date,
        "type": run_type,
        "minutes": round(activity.minutes, 2),
        "distance_km": None if km is None else round(km, 3),
        "note": activity.description[:2000] if activity.description else None,
        "started_at": activity.started_at,
        "avg_hr": activity.avg_hr,
        "max_hr": activity.max_hr,
        "source": activity.source,
    }


def _import_rules() -> ImportRules:
    """The sorting rules of the context in use (`RUNSTRONG_DATA`, else the shipped data)."""
    from runstrong.io.classify_data import import_rules
    from runstrong.io.data_files import load_context

    return import_rules(load_context())
