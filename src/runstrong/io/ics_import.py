"""Read a running plan from an .ics file that a running app or calendar exported.

Each event becomes a `CalendarEntry` (local date, title, description, minutes) for
`core.run_classify` to classify. Recurring events (RRULE, RDATE, EXDATE and moved or
cancelled instances with RECURRENCE-ID) are expanded within the plan's period; events
outside it are counted and left out. Times with a zone are read in the calendar's own
zone (`X-WR-TIMEZONE`, as Google writes it) or the one the runner gives, so a 06:00 run
written in UTC lands on the right day. Anything unreadable is a UserError naming the file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from runstrong.core.run_classify import CalendarEntry
from runstrong.errors import UserError

# Input limits: a running plan's calendar is small (two years of three runs a day is ~2,200
# events); far bigger files are mistakes or hostile, and would take minutes to read and
# fill the diary with runs. Past a limit the import stops with a message naming it.
MAX_CALENDAR_BYTES = 16 * 1024 * 1024
MAX_EVENTS = 5_000  # VEVENTs in the file
MAX_RUNS = 5_000  # runs the file makes in the plan's period, repeats included
MAX_REPEATS = 1_000  # runs one recurring event makes in the period (daily for 2.7 years)
MAX_RULE_STEPS = 50_000  # instances walked to reach the period (daily since 1890)
FINEST_FREQ = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")  # a run repeating hourly or faster is not a plan
OWN_UID_SUFFIX = "@runstrong"
FIX = "fix or delete that event in the calendar, export it again and import again"


@dataclass(frozen=True)
class CalendarRead:
    """What an .ics held: its events in the period, and what was left out and why."""

    entries: list[CalendarEntry]
    outside: int = 0  # events (or repeats) before or after the period
    cancelled: int = 0  # events marked STATUS:CANCELLED
    own: int = 0  # runstrong's own strength sessions (exported by `calendar export`)
    expanded: int = 0  # recurring events that were expanded
    zone: str | None = None  # the zone zoned times were read in (None: each in its own)
    notes: list[str] = field(default_factory=list)


def read_running_calendar(
    data: bytes, source: str, *, start: dt.date, end: dt.date, tz: str | None = None
) -> CalendarRead:
    """The events of an .ics dated `start`..`end` (inclusive), recurring ones expanded."""
    _check_size(data, source)
    calendars = _parse(data, source)
    zone_name = tz or _calendar_zone(calendars)
    zone = _zone(zone_name, source if tz is None else "--tz") if zone_name else None
    if tz is None and zone is None and zone_name:
        zone_name = None
    events = [ev for cal in calendars for ev in cal.walk("VEVENT")]
    if not events:
        raise UserError(f"{source}: the calendar holds no events; export the calendar with your running plan in it")
    moved = {_key(_uid(ev), _start_of(ev, source, "RECURRENCE-ID")) for ev in events if ev.get("RECURRENCE-ID")}
    entries: list[CalendarEntry] = []
    counts = {"outside": 0, "cancelled": 0, "own": 0, "expanded": 0}
    for ev in events:
        _check(ev, source)
        if str(ev.get("STATUS", "")).upper() == "CANCELLED":
            counts["cancelled"] += 1
            continue
        uid = _uid(ev)
        if uid.endswith(OWN_UID_SUFFIX) or ev.get("X-RUNSTRONG-CONTENT"):
            counts["own"] += 1
            continue
        begin = _start_of(ev, source, "DTSTART")
        minutes = _minutes(ev, begin, source)
        starts = [begin]
        if (ev.get("RRULE") or ev.get("RDATE")) and ev.get("RECURRENCE-ID") is None:
            counts["expanded"] += 1
            starts = _expand(ev, begin, start, end, moved, source)
        title = str(ev.get("SUMMARY", "")).strip()
        description = str(ev.get("DESCRIPTION", "")).strip()
        all_day = not isinstance(begin, dt.datetime)
        for when in starts:
            day = _local_date(when, zone)
            if not start <= day <= end:
                counts["outside"] += 1
                continue
            clock = _clock(when, zone)
            entries.append(CalendarEntry(day, title, description, minutes, all_day, uid, clock))
            if len(entries) > MAX_RUNS:
                raise UserError(
                    f"{source}: more than {MAX_RUNS:,} runs between {start} and {end} (the limit for one calendar); "
                    "export only your running plan's calendar"
                )
    entries.sort(key=lambda e: (e.date, e.time or dt.time(), e.title))
    return CalendarRead(
        entries,
        zone=zone_name if zone is not None else None,
        **counts,
    )


# ------------------------------------------------------------------------- parsing


def _check_size(data: bytes, source: str) -> None:
    """Refuse a file past the limits before parsing it (parsing is the slow part)."""
    if len(data) > MAX_CALENDAR_BYTES:
        raise UserError(
            f"{source}: larger than {MAX_CALENDAR_BYTES // (1024 * 1024)} MB (the limit for one calendar); "
            "export only your running plan's calendar"
        )
    events = data.upper().count(b"BEGIN:VEVENT")
    if events > MAX_EVENTS:
        raise UserError(
            f"{source}: {events:,} events, more than {MAX_EVENTS:,} (the limit for one calendar); "
            "export only your running plan's calendar"
        )


def _parse(data: bytes, source: str) -> list[Any]:
    from icalendar import Calendar

    if not data.strip():
        raise UserError(f"{source}: the file is empty; export the calendar again from your running app")
    try:
        found = Calendar.from_ical(data, multiple=True)
    except ValueError as err:
        raise UserError(
            f"{source}: not a readable iCalendar (.ics) file ({_short(err)}); export it again from your calendar app"
        ) from None
    calendars = [c for c in found if c.name == "VCALENDAR"]
    if not calendars and b"BEGIN:VCALENDAR" in data.upper():
        raise UserError(
            f"{source}: the calendar is cut off (it never reaches END:VCALENDAR); download or export it again"
        )
    if not calendars:
        kinds = ", ".join(sorted({c.name for c in found})) or "nothing"
        raise UserError(f"{source}: not a calendar (it holds {kinds}); give the .ics file of your running plan")
    return calendars


def _check(ev: Any, source: str) -> None:
    """Refuse an event whose lines did not parse: a half-read plan is worse than none."""
    if ev.errors:
        prop, message = ev.errors[0]
        where = f"{prop}: " if prop else ""
        raise UserError(f"{source}: event {_label(ev)}: {where}{_short(message)}; {FIX}")


def _label(ev: Any) -> str:
    summary = str(ev.get("SUMMARY", "")).strip()
    uid = str(ev.get("UID", "")).strip()
    return f"{summary!r}" + (f" (UID {uid})" if uid else "") if summary else f"UID {uid or '?'}"


def _short(err: object, limit: int = 160) -> str:
    text = " ".join(str(err).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _uid(ev: Any) -> str:
    return str(ev.get("UID", "")).strip()


def _calendar_zone(calendars: list[Any]) -> str | None:
    for cal in calendars:
        if cal.get("X-WR-TIMEZONE"):
            return str(cal.get("X-WR-TIMEZONE")).strip()
    return None


def _zone(name: str, where: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if where == "--tz":
            raise UserError(
                f"--tz: unknown time zone {name!r}; use a name such as Europe/Berlin or America/New_York"
            ) from None
        return None  # a calendar's own odd X-WR-TIMEZONE: read each time in its own zone instead


def _start_of(ev: Any, source: str, prop: str) -> dt.date | dt.datetime:
    if ev.get(prop) is None:
        raise UserError(f"{source}: event {_label(ev)} has no {prop}; give it a start date or delete it")
    try:
        value = ev.decoded(prop)
    except Exception as err:  # icalendar raises several kinds for a malformed value
        raise UserError(f"{source}: event {_label(ev)}: {prop}: {_short(err)}; {FIX}") from None
    if not isinstance(value, dt.date):
        raise UserError(f"{source}: event {_label(ev)}: {prop} is not a date or time; {FIX}")
    return value


def _minutes(ev: Any, begin: dt.date | dt.datetime, source: str) -> int | None:
    """The event's length in minutes; None for all-day events and those without an end."""
    if not isinstance(begin, dt.datetime):
        return None
    try:
        length = ev.duration
    except Exception as err:
        raise UserError(f"{source}: event {_label(ev)}: its end: {_short(err)}; {FIX}") from None
    minutes = round(length.total_seconds() / 60)
    return minutes if 0 < minutes <= 600 else None


def _local_date(when: dt.date | dt.datetime, zone: ZoneInfo | None) -> dt.date:
    if isinstance(when, dt.datetime):
        if when.tzinfo is not None and zone is not None:
            when = when.astimezone(zone)
        return when.date()
    return when


def _clock(when: dt.date | dt.datetime, zone: ZoneInfo | None) -> dt.time | None:
    if isinstance(when, dt.datetime):
        if when.tzinfo is not None and zone is not None:
            when = when.astimezone(zone)
        return when.time().replace(tzinfo=None)
    return None


# ---------------------------------------------------------------------- recurrence


def _key(uid: str, when: dt.date | dt.datetime) -> tuple[str, dt.datetime]:
    """One instance of a recurring event, comparable whatever zone it was written in."""
    if not isinstance(when, dt.datetime):
        return uid, dt.datetime.combine(when, dt.time())
    if when.tzinfo is not None:
        return uid, when.astimezone(dt.UTC).replace(tzinfo=None)
    return uid, when


def _like(value: dt.date | dt.datetime, base: dt.datetime, end_of_day: bool = False) -> dt.datetime:
    """`value` as a datetime with the same awareness as `base`, for dateutil to compare."""
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(23, 59, 59) if end_of_day else base.time())
    if base.tzinfo is None:
        return value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone(dt.UTC).replace(tzinfo=None)
    return value.replace(tzinfo=base.tzinfo) if value.tzinfo is None else value


def _expand(
    ev: Any,
    begin: dt.date | dt.datetime,
    start: dt.date,
    end: dt.date,
    moved: set[tuple[str, dt.datetime]],
    source: str,
) -> list[dt.date | dt.datetime]:
    """The starts of a recurring event up to the day after `end`, without excluded or moved instances."""
    from dateutil.rrule import rruleset, rrulestr
    from icalendar.prop import vRecur

    all_day = not isinstance(begin, dt.datetime)
    base = dt.datetime.combine(begin, dt.time()) if all_day else begin
    rules = rruleset()
    rules.rdate(base)
    try:
        for rec in ev.rrules:
            parts = dict(rec)
            freq = str((parts.get("FREQ") or ["?"])[0]).upper()
            if freq not in FINEST_FREQ:
                raise UserError(
                    f"{source}: event {_label(ev)}: it repeats {freq.lower()}, more often than daily (runs repeat "
                    f"at most daily); {FIX}"
                )
            until = parts.pop("UNTIL", None)
            rule = rrulestr(vRecur(parts).to_ical().decode(), dtstart=base)
            if until:
                rule = rule.replace(until=_like(until[0], base, end_of_day=True))
            rules.rrule(rule)
        for when, _ in ev.rdates:
            rules.rdate(_like(when, base))
        for when in ev.exdates:
            rules.exdate(_like(when, base))
    except (ValueError, TypeError) as err:
        raise UserError(f"{source}: event {_label(ev)}: its repeat rule: {_short(err)}; {FIX}") from None
    uid = _uid(ev)
    last = end + dt.timedelta(days=1)
    out: list[dt.date | dt.datetime] = []
    for n, when in enumerate(rules):
        if when.date() > last:
            break
        if n >= MAX_RULE_STEPS or len(out) >= MAX_REPEATS:
            limit = f"{MAX_REPEATS:,} runs in the period" if len(out) >= MAX_REPEATS else f"{MAX_RULE_STEPS:,} repeats"
            raise UserError(f"{source}: event {_label(ev)}: its repeat rule makes more than {limit} (the limit); {FIX}")
        if when.date() < start - dt.timedelta(days=1) or _key(uid, when) in moved:
            continue
        out.append(when.date() if all_day else when)
    return out
