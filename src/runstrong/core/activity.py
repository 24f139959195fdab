"""Activities read from a watch or an app, and what the diary makes of them.

An `Activity` is what a file (or a CSV row) says: sport, name, start, duration, distance,
heart rate. `classify_activity` decides whether it becomes a run (and guesses its type from the
name and the duration), a cross-training entry, or nothing; `RunIndex` tells a run the
diary already holds, so importing the same runs twice adds them once.

Pure: the readers in `runstrong.io.activities` build the values, the store keeps them.
The sport names, keywords and thresholds are data: `runstrong/data/activity_types.toml`, with the
long-run threshold from the rulebook; `runstrong.io.classify_data.import_rules` reads them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .vocab import RunType
from .watch_strength import WatchWorkout

# Two records are one run when they start within this many minutes of each other...
SAME_START_MINUTES = 5.0
# ...and their durations and distances differ by at most this share or this amount.
SAME_DURATION = (0.10, 3.0)  # 10 % or 3 minutes, whichever is larger
SAME_DISTANCE = (0.05, 0.3)  # 5 % or 0.3 km, whichever is larger


@dataclass(frozen=True, slots=True)
class Activity:
    """One activity as a file or an export row states it."""

    origin: str  # for messages: the file name, or "activities.csv row 12"
    source: str  # identity across imports: format and content hash, or the app's activity id
    sport: str  # as the file names it ("running", "Ride", "Other"); "" when it does not say
    local_date: dt.date
    seconds: float
    name: str | None = None  # a title: read for the run type, not kept as a note
    description: str | None = None  # what the runner wrote about it: kept as the run's note
    started_at: dt.datetime | None = None  # aware, UTC
    distance_m: float | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    strength: WatchWorkout | None = None  # a strength activity's sets, to log as a session

    @property
    def minutes(self) -> float:
        return self.seconds / 60

    @property
    def distance_km(self) -> float | None:
        return None if self.distance_m is None else self.distance_m / 1000


class SportKind(StrEnum):
    run = "run"
    cross_train = "cross_train"
    skip = "skip"
    unknown = "unknown"


# ------------------------------------------------------------------------ the data


class _RunTypeWords(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    type: RunType
    words: list[Annotated[str, Field(min_length=1)]] = []
    patterns: list[Annotated[str, Field(min_length=1)]] = []


class _ImportNumbers(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    long_run_minutes: Annotated[float, Field(gt=0, le=600)] | None = None  # the registry's `long-run` rule
    min_run_kmh: Annotated[float, Field(gt=0, le=12)]
    max_run_kmh: Annotated[float, Field(gt=5, le=40)]
    drive_kmh: Annotated[float, Field(gt=10, le=200)]


class _ImportFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str = ""
    import_: _ImportNumbers = Field(alias="import")
    sports: dict[SportKind, list[Annotated[str, Field(min_length=1)]]]
    run_types: list[_RunTypeWords]


class ActivityDataError(ValueError):
    """The activity data file is malformed; the message names the entry."""


@dataclass(frozen=True, eq=False)
class ImportRules:
    long_run_minutes: float
    min_run_kmh: float
    max_run_kmh: float
    drive_kmh: float
    sports: dict[str, SportKind]
    run_types: tuple[tuple[RunType, re.Pattern[str]], ...]


def label_key(label: str) -> str:
    """`Trail Run`, `trail-run` and `trail_run` are one label."""
    return re.sub(r"[\s\-]+", "_", label.strip().lower())


def parse_import_rules(data: dict, source: str = "activity_types.toml") -> ImportRules:
    """Validate the data file: every label once, every pattern a valid regular expression."""
    try:
        raw = _ImportFile.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        raise ActivityDataError(f"{source}: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    sports: dict[str, SportKind] = {}
    for kind, labels in raw.sports.items():
        for label in labels:
            key = label_key(label)
            if key in sports:
                raise ActivityDataError(f"{source}: sports: {label!r} is listed twice")
            sports[key] = kind
    run_types = []
    for entry in raw.run_types:
        alternatives = [r"\b" + re.escape(w.lower()).replace(r"\ ", r"[\s_-]+") + r"\b" for w in entry.words]
        alternatives += entry.patterns
        try:
            run_types.append((entry.type, re.compile("|".join(alternatives), re.IGNORECASE)))
        except re.error as err:
            raise ActivityDataError(f"{source}: run_types {entry.type.value}: bad pattern ({err})") from None
    return ImportRules(
        long_run_minutes=raw.import_.long_run_minutes,
        min_run_kmh=raw.import_.min_run_kmh,
        max_run_kmh=raw.import_.max_run_kmh,
        drive_kmh=raw.import_.drive_kmh,
        sports=sports,
        run_types=tuple(run_types),
    )


# ------------------------------------------------------------------ classification


def sport_kind(sport: str, rules: ImportRules) -> SportKind:
    return rules.sports.get(label_key(sport), SportKind.unknown) if sport.strip() else SportKind.unknown


def guess_run_type(name: str | None, minutes: float, rules: ImportRules) -> RunType:
    """The first run type whose keywords the name holds; else long or easy by duration."""
    if name:
        for run_type, pattern in rules.run_types:
            if pattern.search(name):
                return run_type
    return RunType.long if minutes >= rules.long_run_minutes else RunType.easy


@dataclass(frozen=True, slots=True)
class ImportDecision:
    """What an activity becomes: a run of `run_type` (possibly cross-training), or nothing
    (`run_type` None) for the `reason` given."""

    run_type: RunType | None
    reason: str = ""
    doubtful: bool = False  # left out for its pace alone: the runner may know better


PLAUSIBLE_OVER_KM = 1.0  # a shorter track says too little about the pace
SHORTEST_RUN_SECONDS = 60  # less recorded is no run (a 0-minute "run" was imported)


def not_a_run_pace(activity: Activity, rules: ImportRules) -> str | None:
    """What an activity's average speed says it was when that is not a run (a walk or a
    hike, a ride, a drive), or None when the speed is a runner's or cannot be told."""
    km = activity.distance_km
    if not km or km < PLAUSIBLE_OVER_KM or activity.seconds <= 0:
        return None
    kmh = km / (activity.seconds / 3600)
    if kmh < rules.min_run_kmh:
        return f"{kmh:.1f} km/h on average, a walking or hiking pace"
    if kmh > rules.drive_kmh:
        return f"{kmh:.0f} km/h on average, a drive"
    if kmh > rules.max_run_kmh:
        return f"{kmh:.0f} km/h on average, a ride (or a drive)"
    return None


def classify_activity(
    activity: Activity, rules: ImportRules, *, cross_training: bool = False, trust_pace: bool = False
) -> ImportDecision:
    """Running activities become runs; other sports become cross-training when asked for,
    else nothing; a file that does not say its sport is a run if its pace is a runner's
    (or `trust_pace`: the runner said it was a run)."""
    kind = sport_kind(activity.sport, rules)
    label = activity.sport.strip() or "no sport stated"
    if activity.seconds < SHORTEST_RUN_SECONDS:  # a watch started and stopped: no run to keep
        return ImportDecision(None, f"{label}, {activity.seconds:.0f} s recorded: too short to be a run "
                                    "(log it with `runstrong run add` if there was one)")  # fmt: skip
    if kind is SportKind.unknown:
        pace = None if trust_pace else not_a_run_pace(activity, rules)
        if pace:
            why = f"{label}, {pace}: not a run (log it with `runstrong run add` if it was)"
            return ImportDecision(None, why, doubtful=True)
        kind = SportKind.run
    if kind is SportKind.run:
        return ImportDecision(guess_run_type(activity.name, activity.minutes, rules))
    if kind is SportKind.cross_train and cross_training:
        return ImportDecision(RunType.cross_train)
    if kind is SportKind.cross_train:
        return ImportDecision(None, f"{label} (add --cross-training to keep it as cross-training)")
    return ImportDecision(None, f"{label}: not a run")


# ---------------------------------------------------------------------- duplicates


@dataclass(frozen=True, slots=True)
class KnownRun:
    """What the duplicate check needs of a run: stored, or about to be."""

    date: dt.date
    minutes: float
    distance_km: float | None = None
    started_at: dt.datetime | None = None  # naive UTC
    source: str | None = None


def _close(a: float, b: float, share: float, amount: float) -> bool:
    return abs(a - b) <= max(share * max(a, b), amount)


def similar(a: KnownRun, b: KnownRun) -> bool:
    """Whether two runs are about the same duration and, when both have one, distance."""
    if not _close(a.minutes, b.minutes, *SAME_DURATION):
        return False
    if a.distance_km is not None and b.distance_km is not None:
        return _close(a.distance_km, b.distance_km, *SAME_DISTANCE)
    return True


@dataclass
class RunIndex:
    """The athlete's runs in memory, by date and by source, for the duplicate check."""

    by_date: dict[dt.date, list[KnownRun]] = field(default_factory=lambda: defaultdict(list))
    sources: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, runs: Iterable[KnownRun]) -> RunIndex:
        index = cls()
        for run in runs:
            index.add(run)
        return index

    def add(self, run: KnownRun) -> None:
        self.by_date[run.date].append(run)
        if run.source:
            self.sources.add(run.source)

    def duplicate_of(self, run: KnownRun) -> str | None:
        """Why `run` is already in the diary (the same file or export row; a run starting
        within minutes with a similar duration and distance; a run logged by hand that
        day with a similar duration), or None."""
        if run.source and run.source in self.sources:
            return "already imported from the same file or export row"
        days = (run.date - dt.timedelta(days=1), run.date, run.date + dt.timedelta(days=1))
        for day in days:
            for other in self.by_date.get(day, ()):
                if not similar(run, other):
                    continue
                if run.started_at is not None and other.started_at is not None:
                    if abs((run.started_at - other.started_at).total_seconds()) <= SAME_START_MINUTES * 60:
                        return f"the same run as the one starting {other.started_at:%Y-%m-%d %H:%M} UTC"
                elif other.started_at is None and day == run.date:
                    return f"matches the {other.minutes:g}-minute run logged by hand on {other.date}"
        return None
