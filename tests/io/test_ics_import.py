"""Reading running plans exported by other programs: a Google Calendar export (German, zones,
a weekly repeat with an exception and a moved instance, a cancelled event), a TrainingPeaks
feed (French, all-day events, planned time in the description) and a Runna-style export
(Spanish, Italian, Dutch, Portuguese, UTC times, COUNT repeats, events without an end); and
files that are broken in the ways downloads break."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from runstrong.core.model import RunType
from runstrong.core.planner import build_plan
from runstrong.core.run_classify import classify_entry, plan_period
from runstrong.errors import UserError
from runstrong.io.classify_data import run_keywords
from runstrong.io.data_files import load_context
from runstrong.io.ics_export import render_calendar
from runstrong.io.ics_import import read_running_calendar
from runstrong.io.profile_file import load_profile

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
START, END = dt.date(2027, 3, 1), dt.date(2027, 6, 6)
KW = run_keywords(load_context())


def read(name: str, **kw: object):  # type: ignore[no-untyped-def]
    path = DATA / name
    return read_running_calendar(path.read_bytes(), name, start=START, end=END, **kw)  # type: ignore[arg-type]


def runs(name: str, **kw: object) -> list[tuple[dt.date, RunType | None, int]]:
    out = []
    for entry in read(name, **kw).entries:
        c = classify_entry(entry, KW)
        out.append((entry.date, c.type, c.minutes))
    return out


D = dt.date
GOOGLE = [
    (D(2027, 3, 1), RunType.easy, 45),  # weekly repeat
    (D(2027, 3, 3), RunType.intervals, 70),
    (D(2027, 3, 5), RunType.tempo, 50),
    (D(2027, 3, 7), RunType.long, 105),
    # Monday 8 March is an EXDATE of the repeat
    (D(2027, 3, 9), RunType.intervals, 60),
    (D(2027, 3, 11), RunType.tempo, 60),
    (D(2027, 3, 13), RunType.long, 120),
    (D(2027, 3, 14), RunType.rest, 0),
    (D(2027, 3, 16), RunType.easy, 45),  # Monday's instance moved to Tuesday (RECURRENCE-ID)
    (D(2027, 3, 17), RunType.intervals, 60),
    (D(2027, 3, 18), RunType.cross_train, 45),
    (D(2027, 3, 19), None, 0),  # strength training: not a run
    (D(2027, 3, 21), RunType.race, 55),  # "10 km Stadtlauf": 10 km at the assumed race pace
    (D(2027, 3, 22), RunType.easy, 45),
    (D(2027, 3, 25), RunType.easy, 40),  # 23:30 UTC on the 24th is 00:30 in Berlin
    (D(2027, 3, 25), RunType.tempo, 60),  # the title says nothing; the description says threshold
    (D(2027, 3, 28), RunType.long, 120),  # no keyword: two hours is a long run
]


def test_google_calendar_export_in_german() -> None:
    found = read("google_de.ics")
    assert runs("google_de.ics") == GOOGLE
    assert found.zone == "Europe/Berlin"
    assert (found.outside, found.cancelled, found.expanded) == (2, 1, 1)
    moved = next(e for e in found.entries if e.date == D(2027, 3, 16))
    assert moved.title == "Lockerer Dauerlauf (verschoben)"


TRAININGPEAKS = [
    (D(2027, 3, 30), RunType.intervals, 65),
    (D(2027, 4, 1), RunType.easy, 45),
    (D(2027, 4, 2), RunType.cross_train, 60),
    (D(2027, 4, 4), RunType.long, 105),
    (D(2027, 4, 5), RunType.rest, 0),
    (D(2027, 4, 6), RunType.tempo, 60),
    (D(2027, 4, 8), RunType.easy, 45),  # "Course à pied" is just running; the description says how
    (D(2027, 4, 9), RunType.cross_train, 40),
    (D(2027, 4, 11), RunType.race, 45),
]


def test_trainingpeaks_feed_in_french_with_all_day_workouts() -> None:
    found = read("trainingpeaks_fr.ics")
    assert all(e.all_day and e.minutes is None for e in found.entries)
    assert runs("trainingpeaks_fr.ics") == TRAININGPEAKS


RUNNA = [
    (D(2027, 4, 12), RunType.intervals, 60),  # no end and no duration: assumed
    (D(2027, 4, 13), RunType.easy, 45),  # COUNT=4 on Tuesdays and Thursdays
    (D(2027, 4, 14), RunType.tempo, 50),  # DURATION:PT50M
    (D(2027, 4, 15), RunType.easy, 45),
    (D(2027, 4, 16), RunType.cross_train, 60),
    (D(2027, 4, 18), RunType.long, 130),
    (D(2027, 4, 19), RunType.rest, 0),
    (D(2027, 4, 20), RunType.easy, 45),
    (D(2027, 4, 21), RunType.intervals, 65),
    (D(2027, 4, 22), RunType.easy, 45),
    (D(2027, 4, 24), RunType.easy, 20),
    (D(2027, 4, 25), RunType.race, 60),
]


def test_runna_style_export_in_four_languages_with_utc_times() -> None:
    found = read("runna_multi.ics")
    assert runs("runna_multi.ics") == RUNNA
    assert found.expanded == 1 and found.zone is None


def test_a_time_zone_moves_utc_runs_to_the_runners_local_day() -> None:
    # 05:00 UTC on Tuesday is 22:00 on Monday in California
    dates = [d for d, t, _ in runs("runna_multi.ics", tz="America/Los_Angeles") if t == RunType.easy]
    assert dates[:2] == [D(2027, 4, 12), D(2027, 4, 14)]


def test_repeats_are_expanded_only_within_the_plan_period() -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:forever\r\n"
        b"DTSTART;VALUE=DATE:20200106\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE\r\nSUMMARY:Easy\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    found = read_running_calendar(data, "forever.ics", start=START, end=END)
    dates = [e.date for e in found.entries]
    assert dates[0] == START and dates[-1] <= END
    assert len(dates) == 2 * 14  # two a week for the plan's fourteen weeks
    assert {d.weekday() for d in dates} == {0, 2}


def test_runstrongs_own_sessions_are_not_read_as_runs() -> None:
    plan = build_plan(load_profile(DATA / "runner.toml"), load_context())
    found = read_running_calendar(render_calendar(plan), "strength.ics", start=START, end=END)
    assert found.entries == [] and found.own == sum(len(w.sessions) for w in plan.weeks)


def test_the_plan_period_is_the_profiles_weeks() -> None:
    assert plan_period(load_profile(DATA / "runner.toml"), load_context().params) == (START, END)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("broken_truncated.ics", "cut off"),
        ("broken_html.ics", "not a readable iCalendar"),
        ("broken_date.ics", "event 'Tempo run' \\(UID runna-2\\): DTSTART"),
        ("no_events.ics", "holds no events"),
    ],
)
def test_broken_files_are_user_errors_naming_the_file(name: str, message: str) -> None:
    with pytest.raises(UserError, match=f"^{name}: .*{message}"):
        read(name)


def test_an_empty_file_and_a_contact_card_are_refused() -> None:
    with pytest.raises(UserError, match="empty"):
        read_running_calendar(b"\r\n", "blank.ics", start=START, end=END)
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Coach\r\nEND:VCARD\r\n"
    with pytest.raises(UserError, match="not a calendar"):
        read_running_calendar(card, "coach.ics", start=START, end=END)


def test_a_broken_repeat_rule_names_the_event() -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\nUID:r1\r\n"
        b"DTSTART:20270301T070000\r\nRRULE:FREQ=SOMETIMES\r\nSUMMARY:Easy\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    with pytest.raises(UserError, match=r"^odd\.ics: event 'Easy'"):
        read_running_calendar(data, "odd.ics", start=START, end=END)


def _calendar(*events: bytes) -> bytes:
    return b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n" + b"".join(events) + b"END:VCALENDAR\r\n"


def _event(uid: str, start: str, extra: str = "") -> bytes:
    return f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTART:{start}\r\n{extra}SUMMARY:Easy run\r\nEND:VEVENT\r\n".encode()


def test_a_calendar_of_100k_events_is_refused_at_once_naming_the_limit() -> None:
    import time

    from runstrong.io.ics_import import MAX_EVENTS

    data = _calendar(*(_event(f"e{n}", "20270301T070000") for n in range(100_000)))
    began = time.perf_counter()
    with pytest.raises(UserError, match=rf"100,000 events, more than {MAX_EVENTS:,} \(the limit for one calendar\)"):
        read_running_calendar(data, "huge.ics", start=START, end=END)
    assert time.perf_counter() - began < 2  # refused before parsing


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("RRULE:FREQ=MINUTELY\r\n", "it repeats minutely, more often than daily"),
        ("RRULE:FREQ=SECONDLY;INTERVAL=1\r\n", "it repeats secondly"),
    ],
)
def test_an_endless_fast_repeat_rule_is_refused_naming_the_event(rule: str, message: str) -> None:
    data = _calendar(_event("fast", "20270301T070000", rule))
    with pytest.raises(UserError, match=rf"^fast\.ics: event 'Easy run' \(UID fast\): {message}"):
        read_running_calendar(data, "fast.ics", start=START, end=END)


def test_a_daily_repeat_from_long_ago_reaches_the_period_and_too_many_runs_are_refused() -> None:
    from runstrong.io.ics_import import MAX_RUNS

    old = read_running_calendar(_calendar(_event("d", "19900101T070000", "RRULE:FREQ=DAILY\r\n")), "d.ics",
                                start=START, end=END)  # fmt: skip
    assert len(old.entries) == (END - START).days + 1
    many = _calendar(*(_event(f"d{n}", "20270301T070000", "RRULE:FREQ=DAILY\r\n") for n in range(60)))
    with pytest.raises(UserError, match=rf"more than {MAX_RUNS:,} runs between 2027-03-01 and 2027-06-06"):
        read_running_calendar(many, "many.ics", start=START, end=END)


@pytest.mark.parametrize(
    ("title", "description", "expected", "minutes"),
    [
        ("Long run 30 km", "", RunType.long, 195),  # 6:30/km, the stated default easy pace
        ("Easy 10k", "", RunType.easy, 65),
        ("Long", "13.1 mi with friends", RunType.long, 137),
        ("Halbmarathon Hamburg", "", RunType.race, 116),  # a race: 5:30/km
        ("Intervals 5x1km", "", RunType.intervals, 60),  # a repetition is not the run: assumed minutes
    ],
)
def test_an_all_day_event_takes_its_length_from_the_distance_it_states(
    title: str, description: str, expected: RunType, minutes: int
) -> None:
    from runstrong.core.run_classify import CalendarEntry

    found = classify_entry(CalendarEntry(D(2027, 3, 7), title, description, all_day=True), KW)
    assert (found.type, found.minutes) == (expected, minutes), found.why


def test_the_runners_easy_pace_converts_a_distance_when_known() -> None:
    from runstrong.core.run_classify import CalendarEntry

    found = classify_entry(CalendarEntry(D(2027, 3, 7), "Long run 30 km", all_day=True), KW, easy_pace=5.0)
    assert found.minutes == 150 and "your easy pace" in found.why
