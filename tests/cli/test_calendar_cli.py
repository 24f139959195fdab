"""`runstrong calendar export` and `runstrong calendar import` as a runner meets them: real
processes, real files, exit codes, the confirmation at a real terminal; and the plan that
`runstrong plan` then builds around the imported weeks."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from runstrong.core.model import KEY_RUN_TYPES, SPEED_RUN_TYPES, RunType
from runstrong.core.planner import build_plan
from runstrong.core.validate import check_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.cli import terminal
from tests.cli.runner import run_cli

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
ENV = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "LINES": "60", "NO_COLOR": "1", "TERM": "dumb"}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run_cli(args, cwd=cwd, env=ENV)


@pytest.fixture
def here(tmp_path: Path) -> Path:
    for name in ("runner.toml", "google_de.ics", "trainingpeaks_fr.ics", "runna_multi.ics", "broken_html.ics"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


# ---------------------------------------------------------------------------- export


def test_export_writes_a_calendar_and_reexport_reports_what_changed(here: Path) -> None:
    vobject = pytest.importorskip("vobject")
    first = run("calendar", "export", "runner.toml", "-o", "strength.ics", "--reminder", "30", cwd=here)
    assert first.returncode == 0, first.stderr
    plan = build_plan(load_profile(here / "runner.toml"), load_context())
    total = sum(len(w.sessions) for w in plan.weeks)
    assert f"{total} sessions ({total} new" in first.stderr
    cal = vobject.readOne((here / "strength.ics").read_text("utf-8"))
    assert len(cal.vevent_list) == total
    again = run("calendar", "export", "runner.toml", "-o", "strength.ics", "--reminder", "30", cwd=here)
    assert f"0 changed, {total} unchanged" in again.stderr
    text = (here / "runner.toml").read_text("utf-8").replace('["mon", "tue"', '["tue"')  # Monday's session moves
    (here / "runner.toml").write_text(text, "utf-8")
    changed = run("calendar", "export", "runner.toml", "-o", "strength.ics", "--reminder", "30", cwd=here)
    assert changed.returncode == 0 and " 0 changed" not in changed.stderr


def test_export_to_standard_output(here: Path) -> None:
    out = run("calendar", "export", "runner.toml", "-o", "-", "--weeks", "1", cwd=here)
    assert out.returncode == 0 and out.stdout.startswith("BEGIN:VCALENDAR")
    assert out.stdout.count("BEGIN:VEVENT") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--weeks", "1-99"], "--weeks: 1-99 is outside the plan's weeks 1-14"),
        (["--weeks", "first"], "--weeks: 'first' is not a week or range"),
        (["--tz", "Mars/Olympus"], "--tz: unknown time zone"),
    ],
)
def test_export_mistakes_exit_2_and_write_nothing(here: Path, args: list[str], message: str) -> None:
    out = run("calendar", "export", "runner.toml", "-o", "strength.ics", *args, cwd=here)
    assert out.returncode == 2 and message in out.stderr and "Traceback" not in out.stderr
    assert not (here / "strength.ics").exists()


def test_export_never_overwrites_a_file_that_is_not_its_calendar(here: Path) -> None:
    before = (here / "runner.toml").read_bytes()
    out = run("calendar", "export", "runner.toml", "-o", "runner.toml", "--fresh", cwd=here)
    assert out.returncode == 2 and "ends in .ics" in out.stderr
    google = (here / "google_de.ics").read_bytes()
    out = run("calendar", "export", "runner.toml", "-o", "google_de.ics", cwd=here)
    assert out.returncode == 2 and "google_de.ics: exists and was not written by runstrong" in out.stderr
    assert (here / "runner.toml").read_bytes() == before and (here / "google_de.ics").read_bytes() == google


# ---------------------------------------------------------------------------- import


def test_import_writes_a_new_profile_and_the_plan_respects_the_imported_key_runs(here: Path) -> None:
    out = run("calendar", "import", "google_de.ics", "--profile", "runner.toml", "-o", "spring.toml", cwd=here)
    assert out.returncode == 0, out.stderr
    assert "Lockerer Dauerlauf" in out.stdout and "Wrote spring.toml" in out.stdout
    assert "runstrong plan spring.toml" in out.stdout
    profile = load_profile(here / "spring.toml")
    imported = {(r.date, r.type) for r in profile.running.dated}
    assert (dt.date(2027, 3, 3), RunType.intervals) in imported and (dt.date(2027, 3, 21), RunType.race) in imported
    assert profile.running.weekly == load_profile(here / "runner.toml").running.weekly

    plan = build_plan(profile, load_context())
    assert check_plan(plan, load_context()) == []
    by_date: dict[dt.date, set[RunType]] = {}
    for r in profile.running.dated:
        by_date.setdefault(r.date, set()).add(r.type)
    for week in plan.weeks[:4]:  # the four weeks the calendar covers
        in_week = {(d, t) for d, types in by_date.items() for t in types if 0 <= (d - week.start_date).days < 7}
        assert {(r.date, r.type) for r in week.runs} == {(d, t) for d, t in in_week if t != RunType.rest}
        for s in week.sessions:
            if s.heavy:
                assert not by_date.get(s.date, set()) & SPEED_RUN_TYPES, s.date
                assert not by_date.get(s.date + dt.timedelta(days=1), set()) & KEY_RUN_TYPES, s.date
            assert RunType.race not in by_date.get(s.date, set())
    # the usual week still holds after the calendar's weeks
    week5 = plan.weeks[4]
    assert {r.date.weekday() for r in week5.runs} == {1, 3, 6}
    # and the plan differs from the one built on the usual week
    usual = build_plan(load_profile(here / "runner.toml"), load_context())
    weeks = slice(0, 4)  # the calendar's weeks
    assert [s.date for w in plan.weeks[weeks] for s in w.sessions] != [
        s.date for w in usual.weeks[weeks] for s in w.sessions
    ]

    shown = run("plan", "spring.toml", cwd=here)
    assert shown.returncode == 0 and "I70" in shown.stdout  # Wednesday's 70-minute intervals


def test_import_in_place_keeps_a_backup(here: Path) -> None:
    before = (here / "runner.toml").read_text("utf-8")
    out = run("calendar", "import", "trainingpeaks_fr.ics", "-p", "runner.toml", "--yes", cwd=here)
    assert out.returncode == 0, out.stderr
    assert (here / "runner.toml.bak").read_text("utf-8") == before
    after = (here / "runner.toml").read_text("utf-8")
    assert after.startswith("# A half-marathoner")  # the opening comment survives
    assert len(load_profile(here / "runner.toml").running.dated) == 9
    # importing a second plan for other weeks keeps the first
    out = run("calendar", "import", "runna_multi.ics", "-p", "runner.toml", "--yes", cwd=here)
    assert out.returncode == 0 and len(load_profile(here / "runner.toml").running.dated) == 9 + 12


def test_set_overrides_a_guess_and_skip_leaves_an_event_out(here: Path) -> None:
    out = run(
        "calendar",
        "import",
        "google_de.ics",
        "-p",
        "runner.toml",
        "-o",
        "new.toml",
        "--set",
        "2027-03-28=easy",
        "--set",
        "2027-03-25#1=skip",
        cwd=here,
    )
    assert out.returncode == 0, out.stderr
    assert "set by you" in out.stdout and "left out by you" in out.stdout
    dated = {(r.date, r.type) for r in load_profile(here / "new.toml").running.dated}
    assert (dt.date(2027, 3, 28), RunType.easy) in dated
    assert [t for d, t in dated if d == dt.date(2027, 3, 25)] == [RunType.tempo]


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ("2027-03-25=easy", "2027-03-25 has 2 events (#1 'Nachtlauf'; #2 'Einheit mit der Gruppe')"),
        ("2027-03-02=tempo", "no event on 2027-03-02"),
        ("2027-03-28=jogging", "'jogging' is not a run type"),
        ("tomorrow=easy", "write DATE=TYPE"),
        ("2027-03-25#3=easy", "pick #1 to #2"),
    ],
)
def test_a_bad_override_exits_2_and_writes_nothing(here: Path, override: str, message: str) -> None:
    out = run("calendar", "import", "google_de.ics", "-p", "runner.toml", "-o", "new.toml", "--set", override, cwd=here)
    assert out.returncode == 2 and message in out.stderr, out.stderr
    assert not (here / "new.toml").exists()


def test_a_broken_calendar_exits_2_naming_the_file_and_writes_nothing(here: Path) -> None:
    before = (here / "runner.toml").read_bytes()
    out = run("calendar", "import", "broken_html.ics", "-p", "runner.toml", "--yes", cwd=here)
    assert out.returncode == 2 and out.stderr.startswith("Error: broken_html.ics: ")
    assert "Traceback" not in out.stderr
    assert (here / "runner.toml").read_bytes() == before and not (here / "runner.toml.bak").exists()
    missing = run("calendar", "import", "nowhere.ics", "-p", "runner.toml", cwd=here)
    assert missing.returncode == 2 and "nowhere.ics: no such file" in missing.stderr


def test_an_existing_output_needs_force(here: Path) -> None:
    shutil.copy(here / "runner.toml", here / "taken.toml")
    out = run("calendar", "import", "google_de.ics", "-p", "runner.toml", "-o", "taken.toml", cwd=here)
    assert out.returncode == 2 and "already exists" in out.stderr
    forced = run("calendar", "import", "google_de.ics", "-p", "runner.toml", "-o", "taken.toml", "--force", cwd=here)
    assert forced.returncode == 0 and load_profile(here / "taken.toml").running.dated


def test_a_calendar_outside_the_plan_is_refused(here: Path) -> None:
    text = (here / "runner.toml").read_text("utf-8").replace("2027-03-01", "2027-09-06")
    text = text.replace("2027-05-23", "2027-11-21")
    (here / "later.toml").write_text(text, "utf-8")
    out = run("calendar", "import", "runna_multi.ics", "-p", "later.toml", "-o", "x.toml", cwd=here)
    assert out.returncode == 2 and "no runs between 2027-09-06" in out.stderr
    assert not (here / "x.toml").exists()


# -------------------------------------------------------------------- at a terminal


pexpect = pytest.importorskip("pexpect")


def spawn(*args: str, cwd: Path):  # type: ignore[no-untyped-def]
    return terminal.spawn(*args, cwd=cwd, env=ENV, timeout=60, dimensions=(60, 200))


@pytest.mark.process
def test_the_terminal_asks_before_writing_and_takes_corrections(here: Path) -> None:
    child = spawn("calendar", "import", "google_de.ics", "-p", "runner.toml", "-o", "asked.toml", cwd=here)
    child.expect_exact("Write these runs to asked.toml?")
    child.sendline("2027-03-28=sometimes")
    child.expect_exact("not a run type")
    child.expect_exact("Write these runs to asked.toml?")
    child.sendline("2027-03-28=easy")
    child.expect_exact("set by you")
    child.expect_exact("Write these runs to asked.toml?")
    child.sendline("")
    child.expect_exact("Wrote asked.toml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (dt.date(2027, 3, 28), RunType.easy) in {
        (r.date, r.type) for r in load_profile(here / "asked.toml").running.dated
    }


@pytest.mark.process
def test_saying_no_at_the_terminal_writes_nothing(here: Path) -> None:
    child = spawn("calendar", "import", "runna_multi.ics", "-p", "runner.toml", cwd=here)
    child.expect_exact("Write these runs to runner.toml?")
    child.sendline("n")
    child.expect_exact("Nothing written.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not (here / "runner.toml.bak").exists()
    assert (here / "runner.toml").read_bytes() == (DATA / "runner.toml").read_bytes()


def test_a_calendar_past_the_limits_exits_2_naming_the_limit_and_writes_nothing(here: Path) -> None:
    event = "BEGIN:VEVENT\r\nUID:r{n}\r\nDTSTART:20270301T0700{s:02d}\r\nRRULE:FREQ=DAILY\r\n"
    event += "SUMMARY:Easy\r\nEND:VEVENT\r\n"
    events = "".join(event.format(n=n, s=n % 60) for n in range(100))  # 100 runs a day, none ending
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\n"
    (here / "endless.ics").write_text(f"{head}{events}END:VCALENDAR\r\n")
    before = (here / "runner.toml").read_bytes()
    out = run("calendar", "import", "endless.ics", "-p", "runner.toml", "--yes", cwd=here)
    assert out.returncode == 2 and "(the limit for one calendar)" in out.stderr and "Traceback" not in out.stderr
    assert (here / "runner.toml").read_bytes() == before and not list(here.glob("runner.toml.*"))


# ------------------------------------------------------------------------------ feed


def test_a_subscribed_feed_follows_the_plan_and_a_revoked_address_stops_working(here: Path) -> None:
    import vobject
    from fastapi.testclient import TestClient

    from runstrong.web.app import create_app
    from runstrong.web.security import SecurityPolicy

    env = {**ENV, "RUNSTRONG_DB": str(here / "diary.db"), "HOME": str(here), "XDG_DATA_HOME": str(here / "d")}

    def cli(*args: str) -> subprocess.CompletedProcess:
        return run_cli(args, env=env, cwd=here)

    assert cli("athlete", "add", "runner.toml").returncode == 0
    done = cli("calendar", "feed", "--base", "http://testserver")
    assert done.returncode == 0, done.stderr
    url = done.stdout.strip()
    assert url.startswith("http://testserver/calendar/") and url.endswith(".ics") and len(url) > 60
    assert cli("calendar", "feed", "--base", "http://testserver").stdout.strip() == url  # the same until revoked

    def subscribe(client: TestClient, address: str) -> dict[str, object]:
        answer = client.get(address.removeprefix("http://testserver"))
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/calendar")
        calendar = vobject.readOne(answer.text)  # a second, independent parser
        return {ev.uid.value: ev for ev in calendar.vevent_list}

    # served as `runstrong serve --allowed-host testserver` would be (the name TestClient uses)
    policy = SecurityPolicy().with_hosts(["testserver"])
    with TestClient(create_app(str(here / "diary.db"), security=policy)) as client:
        before = subscribe(client, url)
        plan = build_plan(load_profile(here / "runner.toml"), load_context(), least_bad=True)
        assert len(before) == sum(len(w.sessions) for w in plan.weeks)
        first = min(before.values(), key=lambda ev: ev.dtstart.value)
        assert first.dtstart.value.time() == dt.time(18) and "/session/" in first.description.value
    changed = (here / "runner.toml").read_text().replace('preferred_time = "18:00:00"', 'preferred_time = "06:30:00"')
    (here / "runner.toml").write_text(changed)
    assert cli("athlete", "add", "runner.toml").returncode == 0, "a new plan version"
    # served as `runstrong serve --allowed-host testserver` would be (the name TestClient uses)
    policy = SecurityPolicy().with_hosts(["testserver"])
    with TestClient(create_app(str(here / "diary.db"), security=policy)) as client:
        after = subscribe(client, url)
        assert after.keys() == before.keys()  # the same events, updated in place
        assert {ev.dtstart.value.time() for ev in after.values()} == {dt.time(6, 30)}
        revoked = cli("calendar", "feed", "--revoke", "--base", "http://testserver")
        assert revoked.returncode == 0 and revoked.stdout.strip() != url
        assert client.get(url.removeprefix("http://testserver")).status_code == 404
        assert len(subscribe(client, revoked.stdout.strip())) == len(after)


def _distance_calendar(path: Path) -> None:
    """All-day events that state a distance and no length, as a club's or a coach's calendar has."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//club//plan//EN")
    cal.add("version", "2.0")
    for uid, day, title in (
        ("long", dt.date(2027, 3, 7), "Long run 30 km"),
        ("easy", dt.date(2027, 3, 9), "Easy 10 mi"),
        ("race", dt.date(2027, 3, 14), "Halbmarathon Hamburg"),
    ):
        ev = Event()
        ev.add("uid", f"{uid}@club")
        ev.add("dtstamp", dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
        ev.add("dtstart", day)
        ev.add("summary", title)
        cal.add_component(ev)
    path.write_bytes(cal.to_ical())


def _set_easy_pace(profile: Path, pace: str) -> None:
    text = profile.read_text("utf-8")
    profile.write_text(text.replace("session_cap_minutes = 45", f'session_cap_minutes = 45\neasy_pace = "{pace}"'))


def _imported_minutes(path: Path) -> dict[dt.date, int]:
    return {r.date: r.minutes for r in load_profile(path).running.dated}


def test_distances_become_minutes_at_the_runners_easy_pace_and_a_race_at_a_matching_race_pace(here: Path) -> None:
    _distance_calendar(here / "club.ics")
    assumed = run("calendar", "import", "club.ics", "-p", "runner.toml", "-o", "assumed.toml", "--yes", cwd=here)
    assert assumed.returncode == 0, assumed.stderr
    assert "No easy_pace in runner.toml" in assumed.stdout and "assumed 6:30/km (5:30/km for races)" in assumed.stdout
    days = (dt.date(2027, 3, 7), dt.date(2027, 3, 9), dt.date(2027, 3, 14))
    assert [_imported_minutes(here / "assumed.toml")[d] for d in days] == [195, 105, 116]

    _set_easy_pace(here / "runner.toml", "8:03/mi")
    own = run("calendar", "import", "club.ics", "-p", "runner.toml", "-o", "own.toml", "--yes", cwd=here)
    assert own.returncode == 0, own.stderr
    assert "No easy_pace" not in own.stdout and "your easy pace" in own.stdout
    # 8:03/mi is 5:00/km: 30 km in 150 min, 10 mi in 80; the race at 5:30 x 5:00/6:30 = 4:14/km
    assert [_imported_minutes(here / "own.toml")[d] for d in days] == [150, 80, 89]
    assert load_profile(here / "own.toml").easy_pace == "8:03/mi"


@pytest.mark.parametrize(
    ("pace", "says"),
    [("fast", "like 5:45/km or 9:15/mi (got 'fast')"), ("2:10/km", "from 3:00-12:00/km")],
)
def test_an_unreadable_easy_pace_exits_2_naming_the_field_and_the_fix(here: Path, pace: str, says: str) -> None:
    _distance_calendar(here / "club.ics")
    _set_easy_pace(here / "runner.toml", pace)
    out = run("calendar", "import", "club.ics", "-p", "runner.toml", "-o", "new.toml", "--yes", cwd=here)
    assert out.returncode == 2 and "easy_pace" in out.stderr and says in out.stderr, out.stderr
    assert "Traceback" not in out.stderr and not (here / "new.toml").exists()
