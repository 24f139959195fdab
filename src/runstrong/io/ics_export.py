"""The plan's strength sessions as an iCalendar (.ics) file that calendar apps import.

One VEVENT per session: at the profile's `preferred_time` for the session's estimated
minutes (an all-day event when there is none), a SUMMARY naming the focus, and a short
DESCRIPTION for the runner: the exercises and doses, one line of why, a link to the
session (rule ids and versions stay in the plan's JSON).

Re-exporting must update a calendar, never duplicate it, so:

- a UID names the athlete and the plan slot, not the date: `maya-marathon-w03-A@runstrong`
  is week 3's session A wherever it moves;
- the export is stateless: when the output file already exists it is read back as the
  record of what the calendar was sent. An event whose content changed gets SEQUENCE + 1,
  an unchanged one keeps its SEQUENCE, and a slot that is no longer planned is sent as
  STATUS:CANCELLED (SEQUENCE + 1). Events of weeks left out with `weeks` are copied over
  unchanged. Each event carries `X-RUNSTRONG-CONTENT`, a hash of what it says, so the
  comparison does not depend on how a parser re-serialises it;
- DTSTAMP is a fixed epoch plus one minute per SEQUENCE step: the same plan gives the same
  bytes, and a revised event still carries a later stamp than the one it replaces;
- times are floating (the runner's wall-clock time wherever they are) or, with a time
  zone given, UTC: no VTIMEZONE blocks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from runstrong.core.model import Phase, Plan, Role, Session, Week
from runstrong.core.power_words import focus_name as session_focus_name
from runstrong.core.runner import lifting_time
from runstrong.core.vocab import SESSION_LETTER
from runstrong.errors import UserError

from .labels import PHASE_LABEL, dose_text, rest_text, week_label

PRODID = "-//runstrong//runstrong calendar export//EN"
UID_DOMAIN = "runstrong"
EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
CONTENT_PROP = "X-RUNSTRONG-CONTENT"
_UID = re.compile(r"^(?P<slug>[a-z0-9-]+)-w(?P<week>\d+)-(?P<slot>[A-Z](?:-\d+)?)@" + UID_DOMAIN + "$")


@dataclass(frozen=True)
class ExportResult:
    """The .ics bytes and what changed against the previous export."""

    data: bytes
    events: int  # sessions written from the plan
    new: int
    changed: int
    unchanged: int
    cancelled: int  # slots newly sent as cancelled
    carried: int  # events of unselected weeks copied over unchanged


def athlete_slug(name: str) -> str:
    """`Maya (marathon)` -> `maya-marathon`: the athlete part of every UID."""
    text = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:40].strip("-") or "athlete"


def session_uid(slug: str, week: int, letter: str) -> str:
    return f"{slug}-w{week:02d}-{letter}@{UID_DOMAIN}"


def render_calendar(plan: Plan, **options: Any) -> bytes:
    """The plan as .ics bytes with no previous export to merge with."""
    return export_calendar(plan, **options).data


def export_calendar(
    plan: Plan,
    *,
    previous: bytes | None = None,
    source: str = "previous calendar",
    reminder_minutes: int | None = None,
    weeks: set[int] | frozenset[int] | None = None,
    tz: str | None = None,
    link_base: str | None = None,
) -> ExportResult:
    """The plan as .ics bytes, merged with `previous` (the file it replaces) when given.

    `weeks` limits the export to those week numbers; `tz` (an IANA name) writes times in UTC
    for that zone instead of floating times; `reminder_minutes` adds a display alarm;
    `link_base` (the web app's address) adds a link to each session's page.
    """
    from icalendar import Calendar

    zone = _zone(tz)
    slug = athlete_slug(plan.profile.name)
    planned = _planned(plan, slug)
    chosen = [p for p in planned if weeks is None or p[1].index in weeks]
    before = _read_previous(previous, source, slug) if previous else {}
    counts = {"new": 0, "changed": 0, "unchanged": 0, "cancelled": 0, "carried": 0}
    events: dict[str, Any] = {}
    for uid, week, session in chosen:
        content = _session_content(plan, week, session, zone, reminder_minutes, link_base)
        seq, status = _sequence(before.get(uid), content.digest)
        counts[status] += 1
        events[uid] = content.event(uid, seq)
    planned_uids = {uid for uid, _, _ in planned}
    for uid, old in before.items():
        if uid in events:
            continue
        if uid in planned_uids:  # a week outside `weeks`: the calendar keeps what it was sent
            events[uid] = old.component
            counts["carried"] += 1
            continue
        content = _cancelled_content(old.component)
        seq, status = _sequence(old, content.digest)
        counts["cancelled"] += status != "unchanged"
        events[uid] = content.event(uid, seq)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Strength · {plan.profile.name}")
    for uid in sorted(events):
        cal.add_component(events[uid])
    return ExportResult(
        data=cal.to_ical(),
        events=len(chosen),
        new=counts["new"],
        changed=counts["changed"],
        unchanged=counts["unchanged"],
        cancelled=counts["cancelled"],
        carried=counts["carried"],
    )


# --------------------------------------------------------------------------- content


@dataclass(frozen=True)
class _Content:
    """What an event says, apart from its UID, SEQUENCE and DTSTAMP."""

    props: tuple[tuple[str, Any], ...]
    alarm: tuple[tuple[str, Any], ...] | None

    @property
    def digest(self) -> str:
        return hashlib.sha256(self._build().to_ical()).hexdigest()[:24]

    def _build(self, head: tuple[tuple[str, Any], ...] = ()) -> Any:
        from icalendar import Alarm, Event

        ev = Event()
        for name, value in (*head, *self.props):
            ev.add(name, value)
        if head:
            ev.add(CONTENT_PROP, self.digest)
        if self.alarm:
            alarm = Alarm()
            for name, value in self.alarm:
                alarm.add(name, value)
            ev.add_component(alarm)
        return ev

    def event(self, uid: str, sequence: int) -> Any:
        """The VEVENT with its identity and revision in front of its content."""
        stamp = EPOCH + dt.timedelta(minutes=sequence)
        return self._build((("uid", uid), ("dtstamp", stamp), ("sequence", sequence)))


def _planned(plan: Plan, slug: str) -> list[tuple[str, Week, Session]]:
    """Every session with its UID; a second session of one focus in a week gets `-2`."""
    out = []
    for week in plan.weeks:
        seen: dict[str, int] = {}
        for session in week.sessions:
            letter = SESSION_LETTER.get(session.focus, "S")
            seen[letter] = seen.get(letter, 0) + 1
            slot = letter if seen[letter] == 1 else f"{letter}-{seen[letter]}"
            out.append((session_uid(slug, week.index, slot), week, session))
    return out


def summary(session: Session, week: Week) -> str:
    """`Strength A · posterior chain (deload)`."""
    letter = SESSION_LETTER.get(session.focus, "")
    tags = []
    if week.deload:
        tags.append("deload")
    if week.phase in (Phase.taper, Phase.race_week):
        tags.append(PHASE_LABEL[week.phase].lower())
    tail = f" ({', '.join(tags)})" if tags else ""
    return f"Strength {letter} · {session_focus_name(session)}{tail}"


WHY_CHARS = 160  # one line of why: the session's first reason, cut at a word


def description(plan: Plan, week: Week, session: Session, link: str | None = None) -> str:
    """What a runner needs in a calendar: how long, each exercise with its dose (and rest
    for the main work), one line of why, and a link to the session. Rule ids and versions
    stay in the plan's JSON."""
    units = plan.profile.units
    phase = week_label(week).lower() + (", deload" if week.deload else "")
    lines = [f"About {session.estimated_minutes} min · week {week.index}, {phase}"]
    for b in session.blocks:
        p = b.prescription
        rest = f", rest {rest_text(p.rest_seconds)}" if p.rest_seconds and b.role is Role.primary else ""
        lines.append(f"• {b.name}: {dose_text(p, units)}{rest}")
    reason = next((r.text for r in session.reasons if r.text), "")
    when = lifting_time(session.reasons)
    if reason or when:
        lines.append("")
    if when:
        lines.append(f"When: {when}")
    if reason:
        cut = reason if len(reason) <= WHY_CHARS else reason[:WHY_CHARS].rsplit(" ", 1)[0] + "…"
        lines.append(f"Why: {cut}")
    if link:
        lines.append(link)
    return "\n".join(lines)


def _session_content(
    plan: Plan,
    week: Week,
    session: Session,
    zone: ZoneInfo | None,
    reminder_minutes: int | None,
    link_base: str | None = None,
) -> _Content:
    at = plan.profile.preferred_time
    title = summary(session, week)
    props: list[tuple[str, Any]] = []
    if at is None:
        props += [("dtstart", session.date), ("dtend", session.date + dt.timedelta(days=1))]
    else:
        start = dt.datetime.combine(session.date, at)
        if zone is not None:
            start = start.replace(tzinfo=zone).astimezone(dt.UTC)
        props += [("dtstart", start), ("dtend", start + dt.timedelta(minutes=session.estimated_minutes))]
    props += [
        ("summary", title),
        ("description", description(plan, week, session, _link(link_base, session))),
        ("categories", ["Strength", "runstrong"]),
        ("status", "CONFIRMED"),
        ("transp", "TRANSPARENT" if at is None else "OPAQUE"),
    ]
    alarm = None
    if reminder_minutes is not None:
        alarm = (
            ("action", "DISPLAY"),
            ("description", title),
            ("trigger", dt.timedelta(minutes=-reminder_minutes)),
        )
    return _Content(tuple(props), alarm)


def _link(base: str | None, session: Session) -> str | None:
    return f"{base.rstrip('/')}/session/{session.date.isoformat()}" if base else None


def _cancelled_content(old: Any) -> _Content:
    """A slot no longer planned: its old time and title, marked cancelled, with no alarm."""
    props: list[tuple[str, Any]] = [("dtstart", old.decoded("dtstart"))]
    if old.get("dtend") is not None:
        props.append(("dtend", old.decoded("dtend")))
    props += [
        ("summary", str(old.get("summary", "Strength session"))),
        ("description", "No longer in your plan: runstrong re-planned this week around your running."),
        ("categories", ["Strength", "runstrong"]),
        ("status", "CANCELLED"),
        ("transp", "TRANSPARENT"),
    ]
    return _Content(tuple(props), None)


# -------------------------------------------------------------- the previous export


@dataclass(frozen=True)
class _Previous:
    sequence: int
    digest: str
    component: Any


def _sequence(old: _Previous | None, digest: str) -> tuple[int, str]:
    """The SEQUENCE for an event and whether it is new, changed or unchanged."""
    if old is None:
        return 0, "new"
    if old.digest == digest:
        return old.sequence, "unchanged"
    return old.sequence + 1, "changed"


def _read_previous(data: bytes, source: str, slug: str) -> dict[str, _Previous]:
    """The events of an earlier export, by UID; refuses a file runstrong did not write for this athlete."""
    from icalendar import Calendar

    fresh = "pick another output file or add --fresh to start it over"
    try:
        cal = Calendar.from_ical(data)
    except ValueError as err:
        reason = " ".join(str(err).split())[:120]
        raise UserError(f"{source}: exists but is not a readable calendar ({reason}); {fresh}") from None
    if "runstrong" not in str(cal.get("prodid", "")):
        raise UserError(f"{source}: exists and was not written by runstrong; {fresh}")
    out: dict[str, _Previous] = {}
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("uid", ""))
        m = _UID.match(uid)
        if m is None:
            raise UserError(f"{source}: holds an event runstrong did not write (UID {uid!r}); {fresh}")
        if m["slug"] != slug:
            raise UserError(f"{source}: holds another athlete's sessions ({m['slug']}); {fresh}")
        try:
            sequence = int(ev.get("sequence", 0))
        except (TypeError, ValueError):
            sequence = 0
        out[uid] = _Previous(sequence, str(ev.get(CONTENT_PROP, "")), ev)
    return out


def _zone(tz: str | None) -> ZoneInfo | None:
    if tz is None:
        return None
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            f"--tz: unknown time zone {tz!r}; use a name such as Europe/Berlin or America/New_York"
        ) from None
