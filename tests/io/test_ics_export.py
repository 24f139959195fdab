"""The calendar export read back by a second, independent parser (vobject) and by icalendar:
one event per session, the whole prescription inside, and re-exports that update events
instead of duplicating them."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from icalendar import Calendar

from runstrong.core.model import Plan
from runstrong.core.planner import build_plan
from runstrong.core.vocab import CATEGORY_NAME, SESSION_LETTER
from runstrong.errors import UserError
from runstrong.io.data_files import load_context
from runstrong.io.ics_export import EPOCH, athlete_slug, export_calendar, render_calendar
from runstrong.io.labels import dose_text
from runstrong.io.profile_file import validate_profile

vobject = pytest.importorskip("vobject")

PROFILE = Path(__file__).resolve().parents[1] / "data" / "ics" / "runner.toml"


def plan_with(**changes: object) -> Plan:
    raw = tomllib.loads(PROFILE.read_text("utf-8"))
    for key, value in changes.items():
        if value is None:
            raw.pop(key, None)
        elif key == "race_date":
            raw["race"]["date"] = value
        else:
            raw[key] = value
    return build_plan(validate_profile(raw, source=PROFILE.name), load_context())


@pytest.fixture(scope="module")
def plan() -> Plan:
    return plan_with()


def read(data: bytes) -> dict[str, object]:
    """UID -> vobject VEVENT; the file must also parse with icalendar."""
    Calendar.from_ical(data)
    cal = vobject.readOne(data.decode("utf-8"))
    events = list(cal.vevent_list)
    by_uid = {e.uid.value: e for e in events}
    assert len(by_uid) == len(events), "UIDs repeat"
    return by_uid


def sessions(plan: Plan):  # type: ignore[no-untyped-def]
    return [(w, s) for w in plan.weeks for s in w.sessions]


def uid_of(plan: Plan, week, session) -> str:  # type: ignore[no-untyped-def]
    return f"{athlete_slug(plan.profile.name)}-w{week.index:02d}-{SESSION_LETTER[session.focus]}@runstrong"


def test_one_event_per_session_read_back_by_vobject(plan: Plan) -> None:
    events = read(render_calendar(plan))
    assert len(events) == len(sessions(plan)) > 20
    for week, session in sessions(plan):
        ev = events[uid_of(plan, week, session)]
        assert ev.dtstart.value.date() == session.date
        assert ev.status.value == "CONFIRMED"


def test_summary_says_the_focus_and_the_deload(plan: Plan) -> None:
    events = read(render_calendar(plan))
    deload = next(w for w in plan.weeks if w.deload)
    session = deload.sessions[0]
    title = events[uid_of(plan, deload, session)].summary.value
    assert title.startswith(f"Strength {SESSION_LETTER[session.focus]} · ")
    assert title.endswith("(deload)")
    for week, session in sessions(plan):
        assert CATEGORY_NAME[session.focus] in events[uid_of(plan, week, session)].summary.value


def test_description_is_for_runners_every_exercise_and_dose_and_no_rule_ids(plan: Plan) -> None:
    import re

    events = read(render_calendar(plan, link_base="http://127.0.0.1:8000"))
    for week, session in sessions(plan):
        text = events[uid_of(plan, week, session)].description.value
        for block in session.blocks:
            assert f"{block.name}: {dose_text(block.prescription, plan.profile.units)}" in text
        assert text.count("\n• ") == len(session.blocks)
        assert sum(1 for line in text.splitlines() if line.startswith("Why: ")) == (1 if session.reasons else 0)
        assert text.endswith(f"http://127.0.0.1:8000/session/{session.date}")
        assert not re.search(r"\b[A-Z]\d\d\b|rules \d|library", text), text  # no rule ids or versions
        assert len(text) <= 900, len(text)  # was 1.7-2.1 k characters


def test_a_loaded_lift_carries_its_load_in_the_runners_units_in_the_event_text() -> None:
    for units, unit in (("metric", " kg, "), ("imperial", " lb, ")):
        plan = plan_with(units=units)
        events = read(render_calendar(plan))
        week, session = next((w, s) for w, s in sessions(plan) if any(b.prescription.load_kg for b in s.blocks))
        block = next(b for b in session.blocks if b.prescription.load_kg)
        text = events[uid_of(plan, week, session)].description.value
        assert f"{block.name}: " in text and unit in text.split(f"{block.name}: ")[1].splitlines()[0]


def test_timed_events_start_at_the_preferred_time_and_last_the_session(plan: Plan) -> None:
    events = read(render_calendar(plan))
    for week, session in sessions(plan):
        ev = events[uid_of(plan, week, session)]
        assert ev.dtstart.value == dt.datetime.combine(session.date, dt.time(18, 0))  # floating: no zone
        assert ev.dtstart.value.tzinfo is None
        assert ev.dtend.value - ev.dtstart.value == dt.timedelta(minutes=session.estimated_minutes)
        assert ev.transp.value == "OPAQUE"


def test_without_a_preferred_time_events_are_all_day() -> None:
    plan = plan_with(preferred_time=None)
    events = read(render_calendar(plan))
    for week, session in sessions(plan):
        ev = events[uid_of(plan, week, session)]
        assert ev.dtstart.value == session.date and not isinstance(ev.dtstart.value, dt.datetime)
        assert ev.dtend.value == session.date + dt.timedelta(days=1)
        assert ev.transp.value == "TRANSPARENT"


def test_a_time_zone_writes_utc_times_and_no_vtimezone(plan: Plan) -> None:
    data = render_calendar(plan, tz="Europe/Berlin")
    assert b"VTIMEZONE" not in data and b"TZID" not in data
    week, session = sessions(plan)[0]  # March: Berlin is UTC+1
    ev = read(data)[uid_of(plan, week, session)]
    assert ev.dtstart.value == dt.datetime.combine(session.date, dt.time(17, 0), tzinfo=dt.UTC)


def test_reminders_are_display_alarms_before_the_session(plan: Plan) -> None:
    with_alarm = read(render_calendar(plan, reminder_minutes=45))
    assert all(e.valarm.trigger.value == dt.timedelta(minutes=-45) for e in with_alarm.values())
    assert all(e.valarm.action.value == "DISPLAY" for e in with_alarm.values())
    without = read(render_calendar(plan))
    assert not any(hasattr(e, "valarm") for e in without.values())


def test_two_exports_of_the_same_plan_are_byte_identical(plan: Plan) -> None:
    first = render_calendar(plan, reminder_minutes=30)
    assert render_calendar(plan_with(), reminder_minutes=30) == first
    again = export_calendar(plan, previous=first, reminder_minutes=30)
    assert again.data == first
    assert (again.unchanged, again.changed, again.new) == (len(sessions(plan)), 0, 0)
    assert all(e.dtstamp.value == EPOCH for e in read(first).values())


def _content(ev) -> tuple:  # type: ignore[no-untyped-def]
    return (ev.dtstart.value, ev.dtend.value, ev.summary.value, ev.description.value)


def test_reexport_updates_events_instead_of_duplicating_them(plan: Plan) -> None:
    first = render_calendar(plan)
    changed = plan_with(available_days=["mon", "wed", "fri", "sat"], session_cap_minutes=35)
    result = export_calendar(changed, previous=first)
    before, after = read(first), read(result.data)
    assert set(after) == set(before)  # same slots, same UIDs: updated, not duplicated
    bumped = {uid for uid in after if int(after[uid].sequence.value) == 1}
    kept = {uid for uid in after if int(after[uid].sequence.value) == 0}
    assert bumped and kept | bumped == set(after)
    for uid in after:
        assert (uid in bumped) == (_content(after[uid]) != _content(before[uid])), uid
        if uid in bumped:
            assert after[uid].dtstamp.value > before[uid].dtstamp.value
    assert result.changed == len(bumped) and result.unchanged == len(kept)
    # exporting the changed plan once more changes nothing
    assert export_calendar(changed, previous=result.data).data == result.data


def test_removed_sessions_are_sent_as_cancelled_once(plan: Plan) -> None:
    first = render_calendar(plan)
    earlier = plan_with(race_date=dt.date(2027, 5, 2))  # three weeks shorter
    result = export_calendar(earlier, previous=first)
    events = read(result.data)
    planned = {uid_of(earlier, w, s) for w, s in sessions(earlier)}
    gone = set(read(first)) - planned
    assert gone and result.cancelled == len(gone)
    for uid in gone:
        assert events[uid].status.value == "CANCELLED"
        assert int(events[uid].sequence.value) == 1
        assert not hasattr(events[uid], "valarm")
    for uid in planned:
        assert events[uid].status.value == "CONFIRMED"
    again = export_calendar(earlier, previous=result.data)
    assert again.data == result.data and again.cancelled == 0  # already sent: nothing new


def test_a_slot_planned_again_after_cancellation_returns_with_a_higher_sequence(plan: Plan) -> None:
    first = render_calendar(plan)
    cancelled = export_calendar(plan_with(race_date=dt.date(2027, 5, 2)), previous=first).data
    back = read(export_calendar(plan, previous=cancelled).data)
    gone_then_back = [uid for uid, ev in read(cancelled).items() if ev.status.value == "CANCELLED"]
    assert gone_then_back
    for uid in gone_then_back:
        assert back[uid].status.value == "CONFIRMED"
        assert int(back[uid].sequence.value) == 2


def test_weeks_limits_the_export_and_keeps_other_weeks_as_sent(plan: Plan) -> None:
    first = render_calendar(plan)
    only = export_calendar(plan, previous=first, weeks={2, 3})
    assert only.events == len(plan.weeks[1].sessions) + len(plan.weeks[2].sessions)
    assert only.carried == len(sessions(plan)) - only.events and only.cancelled == 0
    assert only.data == first  # nothing changed, so nothing moved
    fresh = read(render_calendar(plan, weeks={2}))
    assert {uid.split("-w")[1][:2] for uid in fresh} == {"02"}


def test_a_file_runstrong_did_not_write_is_not_overwritten(plan: Plan) -> None:
    google = (PROFILE.parent / "google_de.ics").read_bytes()
    with pytest.raises(UserError, match="was not written by runstrong"):
        export_calendar(plan, previous=google, source="mine.ics")
    with pytest.raises(UserError, match="not a readable calendar"):
        export_calendar(plan, previous=b"name = 'a profile'\n", source="me.ics")


def test_another_athletes_calendar_is_not_merged(plan: Plan) -> None:
    other = render_calendar(build_plan(plan.profile.model_copy(update={"name": "Someone Else"}), load_context()))
    with pytest.raises(UserError, match="another athlete"):
        export_calendar(plan, previous=other, source="theirs.ics")


def test_an_unknown_time_zone_is_a_user_error(plan: Plan) -> None:
    with pytest.raises(UserError, match="--tz"):
        render_calendar(plan, tz="Mars/Olympus")


def test_athlete_slug_is_ascii_and_stable() -> None:
    assert athlete_slug("Maya (marathon)") == "maya-marathon"
    assert athlete_slug("Jonas Müller") == "jonas-muller"
    assert athlete_slug("李") == "athlete"


def test_an_event_on_a_run_day_says_when_to_lift_against_the_run() -> None:
    """cr30a F14: Karl lifts on his interval day (a double day): the event's one line of why was
    "Session A: posterior chain focus." and the plan's "lift after the interval session, at least 6 h
    later" was not in his calendar. Every event on a day with a run now says when to lift."""
    from runstrong.io.profile_file import load_profile

    runners = Path(__file__).resolve().parents[1] / "core" / "runners"
    plan = build_plan(load_profile(runners / "karl_sub3_doubles_two_quality_days.toml"), load_context())
    events = read(render_calendar(plan))
    doubles = 0
    for week, session in sessions(plan):
        text = events[uid_of(plan, week, session)].description.value
        runs = [r for r in week.runs if r.date == session.date]
        when = [line for line in text.splitlines() if line.startswith("When: ")]
        assert len(when) == (1 if runs else 0), (session.date, text)
        if any(r.type.value in ("intervals", "tempo") for r in runs):
            assert when[0].startswith("When: Double day: lift"), when
            assert when[0].endswith("h later."), when
            doubles += 1
    assert doubles >= 10
