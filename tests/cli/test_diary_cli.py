"""The diary from the command line: real processes on a real SQLite file in tmp_path."""

from __future__ import annotations

import datetime as dt
import json
import os
import pty
import select
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runstrong import clock
from tests.cli.runner import env_for, run_cli

TODAY = clock.today()  # the run's pinned date (tests/conftest.py)
START = TODAY - dt.timedelta(days=TODAY.weekday() + 14)  # a Monday two weeks ago
PROFILE = f"""
name = "Ann"
age = 34
body_mass_kg = 58
units = "{{units}}"
strength_experience = "intermediate"
consistent_strength_weeks = 8
start_date = {START}
available_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
session_cap_minutes = 40
equipment = ["gym"]
known_loads_kg = {{{{ romanian_deadlift = 40 }}}}

[race]
distance = "half"
date = {START + dt.timedelta(weeks=14, days=6)}

[running]
weekly = [
  {{{{ day = "tue", type = "intervals", minutes = 50 }}}},
  {{{{ day = "thu", type = "easy", minutes = 40 }}}},
  {{{{ day = "sun", type = "long", minutes = 90 }}}},
]
"""


@pytest.fixture
def diary(tmp_path):
    """Run runstrong against this test's own diary file."""

    def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return run_cli(args, env=env_for(tmp_path) | (env or {}))

    run.path = tmp_path / "diary.db"  # type: ignore[attr-defined]
    return run


def write_profile(tmp_path: Path, units: str = "metric") -> Path:
    path = tmp_path / "ann.toml"
    path.write_text(PROFILE.format(units=units))
    return path


@pytest.fixture(scope="session")
def ann_diary(tmp_path_factory) -> Path:
    """A diary with Ann added (her plan built and stored), made once; `ann` copies it."""
    folder = tmp_path_factory.mktemp("ann")
    out = run_cli(["athlete", "add", str(write_profile(folder))], env=env_for(folder))
    assert out.returncode == 0, out.stderr
    # nothing else to copy (the help cache, written by the first command a process runs, is no diary state)
    assert sorted(p.name for p in folder.iterdir() if p.name != ".cache") == ["ann.toml", "diary.db"]
    return folder / "diary.db"


@pytest.fixture
def ann(diary, tmp_path, ann_diary):
    write_profile(tmp_path)
    shutil.copyfile(ann_diary, diary.path)
    return diary


def planned_days(run) -> list[dt.date]:
    """Past days with a planned strength session in Ann's plan (built here, as the CLI does)."""
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile

    plan = build_plan(load_profile(run.path.parent / "ann.toml"), load_context(), least_bad=True)
    return [s.date for w in plan.weeks for s in w.sessions if s.date <= TODAY]


def session_a_days(run) -> list[dt.date]:
    """Past days of Ann's session A (the posterior chain's, with loaded lifts): her week's first
    session is core stability since a light day beside an equally free one costs more (cr25a F7)."""
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile

    plan = build_plan(load_profile(run.path.parent / "ann.toml"), load_context(), least_bad=True)
    return [s.date for w in plan.weeks for s in w.sessions if s.date <= TODAY and s.focus.value == "posterior_chain"]


def rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def count(path: Path, table: str) -> int:
    return rows(path, f"SELECT count(*) FROM {table}")[0][0]


DIARY_COMMANDS = ["athlete", "today", "log", "wellness", "run", "note", "history", "export", "import"]


def test_help_lists_the_diary_commands_without_loading_sqlalchemy():
    code = (
        "import sys; sys.argv = ['runstrong', '--help']\n"
        "from runstrong.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('SQLALCHEMY' if 'sqlalchemy' in sys.modules else 'LIGHT')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().endswith("LIGHT")
    for command in DIARY_COMMANDS:
        assert f"\n  {command} " in out.stdout


@pytest.mark.parametrize("command", [*DIARY_COMMANDS, "run add", "athlete add", "athlete list"])
def test_every_diary_command_has_help(diary, command):
    out = diary(*command.split(), "--help")
    assert out.returncode == 0 and "Usage" in out.stdout, out.stderr


def test_a_new_runner_is_told_how_to_start(diary):
    out = diary("today")
    assert out.returncode == 2 and "runstrong athlete add PROFILE" in out.stderr
    assert "Traceback" not in out.stderr


def test_today_shows_the_session_with_doses_and_the_runs(ann):
    day = session_a_days(ann)[0]
    out = ann("today", "--date", str(day))
    assert out.returncode == 0, out.stderr
    assert "Session A" in out.stdout and " × " in out.stdout and "Runs:" in out.stdout
    assert "runstrong log" in out.stdout


def test_a_session_done_as_planned_is_one_command(ann):
    day = session_a_days(ann)[0]
    out = ann("log", "--as-planned", "--date", str(day), "--rpe", "6", "--minutes", "35")
    assert out.returncode == 0, out.stderr
    assert "Logged" in out.stdout and "session A" in out.stdout
    ((sets,),) = rows(ann.path, "SELECT count(*) FROM set_logs")
    assert sets > 5
    assert rows(ann.path, "SELECT session_rpe, minutes, planned_label, plan_version FROM session_logs") == [
        (6.0, 35, "A", 1)
    ]
    shown = ann("today", "--date", str(day))
    assert f"logged ({sets} sets)" in shown.stdout


def test_logging_the_planned_session_twice_is_refused(ann):
    day = str(planned_days(ann)[0])
    assert ann("log", "--as-planned", "--date", day).returncode == 0
    before = count(ann.path, "set_logs")
    retried = ann("log", "--as-planned", "--date", day)  # the very same command: a retry, answered
    assert retried.returncode == 0 and "Already logged" in retried.stdout
    again = ann("log", "--as-planned", "--date", day, "--rpe", "7")
    assert again.returncode == 2 and "already logged" in again.stderr and "--new-session" in again.stderr
    assert count(ann.path, "set_logs") == before
    assert ann("log", "--as-planned", "--date", day, "--new-session").returncode == 0
    assert count(ann.path, "session_logs") == 2


def test_the_first_today_can_store_the_profile(diary, tmp_path):
    out = diary("today", "--profile", str(write_profile(tmp_path)))
    assert out.returncode == 0, out.stderr
    assert "plan v1" in out.stdout
    assert rows(diary.path, "SELECT name, units FROM athletes") == [("Ann", "metric")]


def test_a_bad_set_with_a_new_profile_stores_neither(diary, tmp_path):
    out = diary("log", "--profile", str(write_profile(tmp_path)), "--set", "rdl 3x8@40km")
    assert out.returncode == 2 and "load" in out.stderr
    assert not diary.path.exists() or count(diary.path, "athletes") == 0  # checked before the diary opens: none made


def test_set_lines_add_to_the_days_session_and_number_on(ann):
    for again in ([], ["--again"]):  # the same lines twice on purpose: --again (else a retry, logged once)
        out = ann("log", "--set", "rdl 3x8@40kg rpe7 # hinge ok", "--set", "side plank 2x30s left", *again)
        assert out.returncode == 0, out.stderr
    assert count(ann.path, "session_logs") == 1
    numbers = rows(ann.path, "SELECT set_number FROM set_logs WHERE exercise_id = 'romanian_deadlift' ORDER BY id")
    assert [n for (n,) in numbers] == [1, 2, 3, 4, 5, 6]
    assert rows(ann.path, "SELECT DISTINCT load_kg, rpe, form_note FROM set_logs WHERE reps = 8") == [
        (40.0, 7.0, "hinge ok")
    ]
    assert rows(ann.path, "SELECT DISTINCT seconds, side FROM set_logs WHERE exercise_id = 'side_plank'") == [
        (30, "left")
    ]


def test_loads_typed_in_pounds_are_stored_in_kilograms(ann, tmp_path):
    profile = write_profile(tmp_path, units="imperial")
    assert ann("athlete", "add", str(profile)).returncode == 0
    assert ann("log", "--set", "rdl 3x8@90").returncode == 0
    ((load,),) = rows(ann.path, "SELECT DISTINCT load_kg FROM set_logs")
    assert load == pytest.approx(90 * 0.45359237)
    assert "3x8 @90lb" in ann("history", "-e", "rdl").stdout


BAD_INPUT = {
    "negative reps": (["log", "--set", "rdl 3x-8@40kg"], "reps"),
    "load in km": (["log", "--set", "rdl 3x8@40km"], "load"),
    "unknown exercise": (["log", "--set", "romanian dedlift 3x8"], "Did you mean: romanian_deadlift"),
    # two days on: still the future when the suite crosses midnight between collecting and running
    "log in the future": (["log", "--set", "rdl 3x8", "--date", str(TODAY + dt.timedelta(days=2))], "--date"),
    "session rpe 11": (["log", "--set", "rdl 3x8", "--rpe", "11"], "--rpe"),
    "pain area": (["log", "--set", "rdl 3x8", "--pain", "elbow=3"], "--pain"),
    "pain score": (["log", "--set", "rdl 3x8", "--pain", "knee=12"], "--pain"),
    "nothing to log": (["log"], "--as-planned"),
    "mood 6": (["wellness", "--mood", "6", "--sleep", "7"], "--mood"),
    "sleep 20 h": (["wellness", "--sleep", "20"], "--sleep"),
    "empty check-in": (["wellness"], "--sleep"),
    "wellness in the future": (["wellness", "--mood", "3", "--date", str(TODAY + dt.timedelta(days=2))], "--date"),
    "run distance unit": (["run", "add", "easy", "45", "--distance", "8kg"], "--distance"),
    "run duration": (["run", "add", "easy", "fast"], "DURATION"),
    "run legs 9": (["run", "add", "easy", "45", "--legs", "9"], "--legs"),
    "bad date": (["log", "--set", "rdl 3x8", "--date", "5th of May"], "--date"),
    "unknown athlete": (["log", "--set", "rdl 3x8", "--athlete", "Bob"], "athlete"),
    "history exercise": (["history", "-e", "squatz"], "--exercise"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(ann, case):
    args, field = BAD_INPUT[case]
    before = {t: count(ann.path, t) for t in ("session_logs", "set_logs", "wellness", "runs", "pain_reports")}
    out = ann(*args)
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert field in out.stderr
    assert "Traceback" not in out.stderr
    assert {t: count(ann.path, t) for t in before} == before


def test_wellness_run_and_note_in_seconds(ann):
    out = ann("wellness", "--sleep", "7.5", "--sleep-quality", "4", "--mood", "4", "--appetite", "4", "--soreness",
              "3", "--stress", "3", "--energy", "4", "--pain", "achilles=2")  # fmt: skip
    assert out.returncode == 0, out.stderr
    again = ann("wellness", "--mood", "5")
    assert "Updated" in again.stdout and "mood" in again.stdout
    assert rows(ann.path, "SELECT sleep_hours, mood, energy FROM wellness") == [(7.5, 5, 4)]
    assert rows(ann.path, "SELECT area, score, session_log_id FROM pain_reports") == [("achilles", 2, None)]
    out = ann("run", "add", "long", "1h35", "--distance", "18.2km", "--rpe", "5", "--legs", "2", "--tightness", "3",
              "--form", "cadence dropped late", "--date", "yesterday")  # fmt: skip
    assert out.returncode == 0, out.stderr
    yesterday = clock.today() - dt.timedelta(days=1)  # the date the command reads (the run pins it)
    assert rows(ann.path, "SELECT date, type, minutes, distance_km, leg_feel, tightness, form_note FROM runs") == [
        (str(yesterday), "long", 95.0, 18.2, 2, 3, "cadence dropped late")
    ]
    assert ann("note", "Calf tight after the hills").returncode == 0
    assert count(ann.path, "notes") == 1


def test_history_tables_by_week_and_by_exercise(ann):
    ann("log", "--set", "rdl 3x8@40kg rpe7", "--rpe", "7", "--minutes", "30")
    ann("run", "add", "easy", "40", "--distance", "7km")
    weeks = ann("history")
    assert weeks.returncode == 0 and "By week" in weeks.stdout and "960" in weeks.stdout  # 3 x 8 x 40 kg
    by_exercise = ann("history", "--by", "exercise", "--format", "json")
    (rdl,) = json.loads(by_exercise.stdout)
    assert (rdl["exercise_id"], rdl["sets"], rdl["total"], rdl["best_load_kg"]) == ("romanian_deadlift", 3, 24, 40)
    one = ann("history", "-e", "rdl")
    assert "3x8 @40kg rpe7" in one.stdout


def test_export_then_import_into_a_new_diary_is_lossless(ann, tmp_path):
    ann("log", "--set", "rdl 3x8@40kg rpe7", "--pain", "knee=2")
    ann("wellness", "--sleep", "8", "--mood", "4")
    ann("run", "add", "easy", "40", "--distance", "7km")
    first = tmp_path / "first.json"
    assert ann("export", "-o", str(first)).returncode == 0
    other = {"RUNSTRONG_DB": str(tmp_path / "other.db")}
    assert ann("import", str(first), env=other).returncode == 0
    second = tmp_path / "second.json"
    assert ann("export", "-o", str(second), env=other).returncode == 0
    a, b = (json.loads(p.read_text()) for p in (first, second))
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b and a["schema"] == "runstrong.diary" and a["version"] == 1
    again = ann("import", str(first), env=other)
    assert again.returncode == 2 and "--replace" in again.stderr
    assert ann("import", str(first), "--replace", env=other).returncode == 0


def test_csv_export_is_one_row_per_set_and_reads_back(ann, tmp_path):
    ann("log", "--set", "rdl 3x8@40kg rpe7")
    ann("wellness", "--sleep", "8", "--mood", "4")
    folder = tmp_path / "csv"
    assert ann("export", "--format", "csv", "-o", str(folder)).returncode == 0
    lines = (folder / "sets.csv").read_text().splitlines()
    assert len(lines) == 1 + 3 and "Romanian deadlift" in lines[1]
    assert len((folder / "wellness.csv").read_text().splitlines()) == 2
    zipped = tmp_path / "diary.zip"
    assert ann("export", "-o", str(zipped)).returncode == 0
    other = {"RUNSTRONG_DB": str(tmp_path / "other.db")}
    out = ann("import", str(zipped), env=other)
    assert out.returncode == 0, out.stderr
    assert count(tmp_path / "other.db", "set_logs") == 3


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d["athletes"][0]["runs"][0].update(date=str(TODAY + dt.timedelta(days=3))), "runs[0].date"),
        (lambda d: d["athletes"][0]["sessions"][0]["sets"][0].update(reps=-1), "sets[0].reps"),
        (lambda d: d.update(version=2), "version"),
        (lambda d: d.update(schema="something.else"), "schema"),
        (lambda d: d["athletes"][0]["plans"][0]["plan"].update(weeks="none"), "plans[0].plan.weeks"),
        (lambda d: d["athletes"][0]["profiles"][0]["profile"].update(age=-3), "profiles[0].profile.age"),
    ],
)
def test_a_bad_import_names_the_field_and_writes_nothing(ann, tmp_path, change, field):
    ann("log", "--set", "rdl 3x8@40kg")
    ann("run", "add", "easy", "40")
    path = tmp_path / "diary.json"
    ann("export", "-o", str(path))
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))
    other = tmp_path / "other.db"
    out = ann("import", str(path), env={"RUNSTRONG_DB": str(other)})
    assert out.returncode == 2 and field in out.stderr and "Traceback" not in out.stderr
    assert not other.exists()  # refused before the database was even opened


@pytest.mark.slow  # six writer processes at once
def test_two_loggers_at_once_both_succeed(ann):
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "runstrong", "log", "--set", f"rdl 1x{n}@40kg"],
            env=env_for(ann.path.parent),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
        )
        for n in range(1, 7)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    assert sorted(r for (r,) in rows(ann.path, "SELECT reps FROM set_logs")) == [1, 2, 3, 4, 5, 6]
    assert count(ann.path, "session_logs") == 1


def run_in_terminal(tmp_path: Path, args: list[str], answer) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Run runstrong on a pseudo-terminal; `answer(prompt_line)` types the reply to each prompt."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: runstrong on the terminal
        os.execve(sys.executable, [sys.executable, "-m", "runstrong", *args], env_for(tmp_path))
    output = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        elif output.rstrip().endswith((b":", b")")):
            prompt = output.decode(errors="replace").rstrip().splitlines()[-1]
            os.write(fd, answer(prompt).encode() + b"\r")
            output += b"\n"
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def replies(*pairs: tuple[str, str]):  # type: ignore[no-untyped-def]
    """Answer each prompt with the first unused reply whose key it contains; Enter otherwise."""
    pending = list(pairs)

    def answer(prompt: str) -> str:
        for i, (key, reply) in enumerate(pending):
            if key in prompt:
                del pending[i]
                return reply
        return ""

    return answer


@pytest.mark.process
def test_in_a_terminal_a_planned_session_takes_one_answer(ann, tmp_path):
    day = session_a_days(ann)[0]
    code, screen = run_in_terminal(tmp_path, ["log", "--date", str(day)], replies(("Done as planned", "7")))
    assert code == 0, screen
    assert "Done as planned?" in screen and "Logged" in screen
    assert rows(ann.path, "SELECT session_rpe, planned_label FROM session_logs") == [(7.0, "A")]


@pytest.mark.process
def test_in_a_terminal_set_by_set_keeps_the_plan_as_default(ann, tmp_path):
    from runstrong.core.diary import LOGGED_ROLES

    day = planned_days(ann)[0]
    with sqlite3.connect(ann.path) as conn:
        (data,) = conn.execute(
            "SELECT data FROM planned_items WHERE kind = 'strength' AND date = ?", (str(day),)
        ).fetchone()
    blocks = [b for b in json.loads(data)["blocks"] if b["role"] in LOGGED_ROLES]
    first, second, third = (b["name"] for b in blocks[:3])
    answer = replies(
        ("Done as planned", "n"),
        (first, "3x8 @60kg rir2"),
        (second, "-"),
        (third, "oops"),
        ("Anything else", "calf raise 2x15"),
        ("Session RPE", "6"),
    )
    code, screen = run_in_terminal(tmp_path, ["log", "--date", str(day)], answer)
    assert code == 0, screen
    assert "not understood" in screen or "no sets" in screen  # 'oops' was explained and asked again
    ids = {b["exercise_id"] for b in blocks}
    logged = dict(rows(ann.path, "SELECT exercise_id, count(*) FROM set_logs GROUP BY exercise_id"))
    assert blocks[1]["exercise_id"] not in logged  # skipped
    assert logged["calf_raise"] == 2
    assert set(logged) == ids - {blocks[1]["exercise_id"]} | {"calf_raise"}
    assert rows(
        ann.path, f"SELECT DISTINCT load_kg, rir FROM set_logs WHERE exercise_id = '{blocks[0]['exercise_id']}'"
    ) == [(60.0, 2)]
    assert rows(ann.path, "SELECT session_rpe FROM session_logs") == [(6.0,)]


@pytest.mark.process
def test_in_a_terminal_the_check_in_asks_each_question(ann, tmp_path):
    answer = replies(
        ("Hours slept", "7"), ("Sleep quality", "4"), ("Mood", "9"), ("Mood", "4"), ("Soreness", "3"), ("Energy", "4")
    )
    code, screen = run_in_terminal(tmp_path, ["wellness"], answer)
    assert code == 0, screen
    assert "whole number from 1 to 5" in screen
    assert rows(ann.path, "SELECT sleep_hours, sleep_quality, mood, appetite, soreness, energy FROM wellness") == [
        (7.0, 4, 4, None, 3, 4)
    ]


def test_an_old_diary_is_upgraded_with_a_backup_and_a_message(tmp_path, diary):
    from runstrong.store import db as dbmod

    engine = dbmod.make_engine(f"sqlite:///{diary.path}")
    dbmod.upgrade(engine, "0001")
    engine.dispose()
    out = diary("athlete", "list")
    assert out.returncode == 0, out.stderr
    assert f"Upgraded the diary database (0001 → {dbmod.HEAD_REVISION})" in out.stderr
    assert any(p.name.startswith("diary.db.0001-backup-") for p in tmp_path.iterdir())


def test_import_replace_from_a_folder_holding_only_notes_is_refused_and_force_backs_up_first(ann, tmp_path):
    """Issue 14: `import --replace` of a folder with only notes.csv deleted everything, exit 0."""
    ann("log", "--set", "rdl 3x8@40kg")
    ann("wellness", "--sleep", "8")
    ann("note", "calves tight")
    folder = tmp_path / "csv"
    ann("export", "--format", "csv", "-o", str(folder))
    for name in ("sessions.csv", "sets.csv", "pains.csv", "wellness.csv", "runs.csv"):
        (folder / name).unlink()
    refused = ann("import", str(folder), "--replace")
    assert refused.returncode == 2 and "not a whole diary" in refused.stderr and "--force" in refused.stderr
    assert count(ann.path, "set_logs") == 3 and count(ann.path, "wellness") == 1
    forced = ann("import", str(folder), "--replace", "--force")
    assert forced.returncode == 0, forced.stderr
    assert (
        "Backed up the whole diary to" in forced.stderr and "deleting 1 sessions, 3 sets, 1 wellness" in forced.stderr
    )
    (backup,) = ann.path.parent.glob("diary.db.import-backup-*.json")
    other = {"RUNSTRONG_DB": str(tmp_path / "restored.db")}
    assert ann("import", str(backup), env=other).returncode == 0
    assert count(tmp_path / "restored.db", "set_logs") == 3


def test_a_note_with_markup_is_logged_once_and_every_command_still_works(ann):
    """Issue 14: a note with `[/]` committed the log and then crashed; history and athlete
    list then crashed for good."""
    first = ann("log", "--set", "rdl 3x8@40kg # [/] knee [bold]", "--note", "[/]")
    assert first.returncode == 0, first.stderr
    retried = ann("log", "--set", "rdl 3x8@40kg # [/] knee [bold]", "--note", "[/]")
    assert retried.returncode == 0 and "Already logged" in retried.stdout
    assert count(ann.path, "set_logs") == 3
    for args in (["history", "-e", "rdl"], ["athlete", "list"], ["history", "--by", "exercise"]):
        out = ann(*args)
        assert out.returncode == 0 and "internal error" not in out.stderr, out.stderr
    assert "[/] knee [bold]" in ann("history", "-e", "rdl").stdout


def test_a_set_is_edited_deleted_and_every_change_undone_from_the_command_line(ann):
    ann("log", "--set", "rdl 3x8@40kg")
    edited = ann("log", "edit", "--exercise", "rdl", "--set", "2", "--reps", "6", "--load", "42.5kg")
    assert edited.returncode == 0, edited.stderr
    assert rows(ann.path, "SELECT reps, load_kg FROM set_logs ORDER BY set_number") == [(8, 40), (6, 42.5), (8, 40)]
    assert ann("log", "delete", "--exercise", "rdl", "--set", "1").returncode == 0
    assert rows(ann.path, "SELECT set_number, reps FROM set_logs ORDER BY set_number") == [(1, 6), (2, 8)]
    undone = ann("undo")
    assert undone.returncode == 0 and "deleted set 1 of Romanian deadlift" in undone.stdout
    assert ann("undo").returncode == 0
    assert rows(ann.path, "SELECT reps, load_kg FROM set_logs ORDER BY set_number") == [(8, 40), (8, 40), (8, 40)]
    ann("run", "add", "easy", "30")
    assert ann("run", "delete").returncode == 0 and count(ann.path, "runs") == 0
    ann("wellness", "--mood", "4", "--sleep", "7")
    assert ann("wellness", "edit", "--mood", "2", "--clear", "sleep_hours").returncode == 0
    assert rows(ann.path, "SELECT mood, sleep_hours FROM wellness") == [(2, None)]
    bad = ann("log", "edit", "--exercise", "rdl", "--set", "9", "--reps", "6")
    assert bad.returncode == 2 and "--set" in bad.stderr


def test_export_and_import_carry_the_change_log(ann, tmp_path):
    ann("log", "--set", "rdl 3x8@40kg")
    ann("undo")
    first = tmp_path / "first.json"
    ann("export", "-o", str(first))
    kinds = [c["kind"] for c in json.loads(first.read_text())["athletes"][0]["changes"]]
    assert kinds == ["profile", "log", "undo"]
    other = {"RUNSTRONG_DB": str(tmp_path / "other.db")}
    assert ann("import", str(first), env=other).returncode == 0
    second = tmp_path / "second.json"
    ann("export", "-o", str(second), env=other)
    a, b = (json.loads(p.read_text()) for p in (first, second))
    assert a["athletes"] == b["athletes"]
    refused = ann("undo", env=other)
    assert refused.returncode == 2 and "imported" in refused.stderr


def test_a_pain_report_carries_side_timing_cause_and_note_from_the_command_line(ann):
    out = ann("wellness", "--pain", "knee=5 left during from=split_squat note=sharp on the stairs")
    assert out.returncode == 0, out.stderr
    assert "knee (left) 5/10 during split squat" in out.stdout
    out = ann("log", "--set", "rdl 3x8@40kg rpe7", "--pain", "achilles=2 right next-morning from=long")
    assert out.returncode == 0, out.stderr
    assert rows(ann.path, 'SELECT area, score, side, "when", provoked_by, note FROM pain_reports ORDER BY id') == [
        ("knee", 5, "left", "during", "split_squat", "sharp on the stairs"),
        ("achilles", 2, "right", "next_morning", "long", None),
    ]


@pytest.mark.parametrize(
    ("pain", "said"),
    [("knee=5 sideways", "'sideways'"), ("knee=12 left", "--pain"), ("knee=5 from=squatz", "from="),
     ("elbow=3", "not a pain area")],
)  # fmt: skip
def test_a_bad_pain_report_names_the_option_and_writes_nothing(ann, pain, said):
    out = ann("wellness", "--pain", pain)
    assert out.returncode == 2 and said in out.stderr and "Traceback" not in out.stderr
    assert count(ann.path, "pain_reports") == 0


def test_exports_written_before_pain_sides_still_import(ann, tmp_path):
    ann("log", "--set", "rdl 3x8@40kg", "--pain", "knee=3 left during from=rdl note=stairs")
    ann("wellness", "--mood", "4", "--pain", "achilles=2")
    first = tmp_path / "first.json"
    assert ann("export", "-o", str(first)).returncode == 0
    data = json.loads(first.read_text())
    athlete = data["athletes"][0]
    for pain in [*athlete["pains"], *(p for s in athlete["sessions"] for p in s["pains"])]:
        for key in ("side", "when", "provoked_by"):
            pain.pop(key)
    first.write_text(json.dumps(data))
    other = {"RUNSTRONG_DB": str(tmp_path / "old-json.db")}
    out = ann("import", str(first), env=other)
    assert out.returncode == 0, out.stderr
    assert rows(tmp_path / "old-json.db", 'SELECT area, side, "when" FROM pain_reports ORDER BY id') == [
        ("knee", None, None), ("achilles", None, None)]  # fmt: skip
    folder = tmp_path / "csv"
    assert ann("export", "--format", "csv", "-o", str(folder)).returncode == 0
    lines = (folder / "pains.csv").read_text().splitlines()
    assert lines[0].endswith("side,when,provoked_by") and "left,during,romanian_deadlift" in lines[1]
    old_columns = lines[0].split(",")[:-3]
    (folder / "pains.csv").write_text("\n".join(",".join(line.split(",")[: len(old_columns)]) for line in lines))
    out = ann("import", str(folder), env={"RUNSTRONG_DB": str(tmp_path / "old-csv.db")})
    assert out.returncode == 0, out.stderr
    assert rows(tmp_path / "old-csv.db", "SELECT area, score, side FROM pain_reports ORDER BY id") == [
        ("knee", 3, None), ("achilles", 2, None)]  # fmt: skip


@pytest.mark.process
def test_in_a_terminal_the_check_in_asks_for_pain_and_explains_a_bad_one(ann, tmp_path):
    answer = replies(("Mood", "4"), ("Any pain", "knee=5 sideways"), ("Any pain", "knee=5 left after from=long"))
    code, screen = run_in_terminal(tmp_path, ["wellness"], answer)
    assert code == 0, screen
    assert "'sideways'" in screen  # explained, and asked again
    assert rows(ann.path, 'SELECT area, score, side, "when", provoked_by FROM pain_reports') == [
        ("knee", 5, "left", "after", "long")
    ]


def test_a_pinned_today_is_the_day_every_command_reads(ann):
    day = planned_days(ann)[-1]
    pinned = ann("today", "--format", "json", env={"RUNSTRONG_TODAY": str(day)})
    asked = ann("today", "--date", str(day), "--format", "json")
    assert pinned.returncode == asked.returncode == 0, pinned.stderr
    assert json.loads(pinned.stdout) == json.loads(asked.stdout)
    logged = ann("log", "--as-planned", "--rpe", "6", env={"RUNSTRONG_TODAY": str(day)})
    assert logged.returncode == 0, logged.stderr
    assert rows(ann.path, "SELECT date FROM session_logs") == [(str(day),)]


@pytest.mark.parametrize("value", ["2026-13-01", "tomorrow", "06/12/2026"])
def test_a_bad_pinned_today_is_refused_by_name_and_nothing_is_written(ann, value):
    before = ann.path.read_bytes()
    for args in (["today"], ["log", "--as-planned", "--rpe", "6"], ["wellness", "--mood", "3"]):
        out = ann(*args, env={"RUNSTRONG_TODAY": value})
        assert out.returncode == 2 and "RUNSTRONG_TODAY" in out.stderr and "YYYY-MM-DD" in out.stderr, out.stderr
        assert "Traceback" not in out.stderr
    assert ann.path.read_bytes() == before


def test_today_is_the_calendar_day_when_nothing_pins_it(monkeypatch):
    monkeypatch.delenv("RUNSTRONG_TODAY", raising=False)
    assert clock.today() == dt.date.today()


def test_undo_after_a_refused_log_names_an_older_change_and_takes_it_back_only_when_asked(ann):
    """A refused log says nothing was written; `undo` then would take back an older entry
    (Tuesday's run, on Thursday): named with its age and refused without --yes off a terminal."""
    ann("run", "add", "intervals", "40")
    refused = ann("log", "--set", "rdl 0x8")
    assert refused.returncode == 2 and "Nothing was written to the diary: there is nothing to undo" in refused.stderr
    with sqlite3.connect(ann.path) as db:  # the run was logged two days ago
        db.execute("UPDATE changes SET created_at = datetime(created_at, '-2 days') WHERE kind != 'profile'")
    kept = ann("undo")
    assert kept.returncode == 2 and count(ann.path, "runs") == 1
    assert "logged an interval run of 40 min" in kept.stderr and "2 days ago" in kept.stderr
    assert "--yes" in kept.stderr
    done = ann("undo", "--yes")
    assert done.returncode == 0 and "2 days ago" in done.stdout and count(ann.path, "runs") == 0


def test_watch_files_a_zero_minute_run_an_old_year_and_the_wrong_command_are_said(ann, shared):
    """A FIT file with no run in it (14 s recorded) is left out, not a 0-minute run; a run
    from years before the plan goes in with a line saying so; and `runstrong import` of a
    .fit file points to `runstrong run import` instead of blaming the encoding."""
    fit = shared / "data/fit"
    stub = ann("run", "import", str(fit / "Activity.fit"))
    assert stub.returncode == 0 and count(ann.path, "runs") == 0
    assert "too short to be a run" in stub.stdout
    old = ann("run", "import", str(fit / "activity-small-fenix2-run.fit"))
    assert old.returncode == 0 and count(ann.path, "runs") == 1
    assert "more than a year before your plan starts" in " ".join(old.stdout.split()) and "15 Aug 2015" in old.stdout
    wrong = ann("import", str(fit / "activity-small-fenix2-run.fit"))
    assert wrong.returncode == 2 and "runstrong run import" in wrong.stderr and "encoding" not in wrong.stderr


def test_run_add_reads_back_a_time_as_typed_and_points_pain_to_the_check_in(ann):
    raced = ann("run", "add", "race", "19:45")
    assert raced.returncode == 0 and "19:45" in raced.stdout and "19.75" not in raced.stdout
    hurt = ann("run", "add", "easy", "30", "--pain", "achilles=3 left after")
    assert hurt.returncode == 2 and count(ann.path, "runs") == 1
    assert 'runstrong wellness --pain "achilles=3 left after from=easy"' in " ".join(hurt.stderr.split())


def test_a_run_faster_than_the_world_record_for_its_distance_is_refused_with_the_field(ann):
    """cr24a F15: `run add easy 45 --distance 80km` was stored as a 0:34/km run. A typed run
    faster than any person has run that far is refused, the distance named, nothing written."""
    before = count(ann.path, "runs")
    slip = ann("run", "add", "easy", "45", "--distance", "80km")
    said = " ".join(slip.stderr.split())
    assert slip.returncode == 2 and "Traceback" not in slip.stderr and count(ann.path, "runs") == before
    assert "--distance: 80 km (49.7 mi) in 45 min is 0:34/km" in said and "world record pace" in said
    assert "DURATION" in said
    fast_but_true = ann("run", "add", "race", "28", "--distance", "10km")  # a 2:48/km 10k: slower than the record
    assert fast_but_true.returncode == 0 and count(ann.path, "runs") == before + 1
    bike = ann("run", "add", "cross_train", "60", "--distance", "40km")  # a ride is not held to running records
    assert bike.returncode == 0


def test_a_load_far_beyond_the_kit_and_the_lifts_history_is_refused_until_confirmed(ann):
    """cr24a F15: "romanian_deadlift 3x8@1000lb" for a woman whose plates stop at 135 lb was stored.
    A load above every bound (twice the kit's heaviest, three times the plan and the lift's
    last sets) is refused by its field with the way to log it if true; --yes logs it."""
    assert ann("log", "--set", "romanian_deadlift 3x8@60kg rir2").returncode == 0
    sets = count(ann.path, "set_logs")
    slip = ann("log", "--set", "romanian_deadlift 3x8@400kg rir2")
    said = " ".join(slip.stderr.split())
    assert slip.returncode == 2 and "Traceback" not in slip.stderr and count(ann.path, "set_logs") == sets, said
    assert "--set: load: 400kg for Romanian deadlift is more than 3 times the heaviest you have logged (60kg)" in said
    assert "log it again with --yes" in said
    kit = ann("log", "--set", "goblet_squat 3x8@120kg")  # a gym's dumbbells stop at 50 kg
    assert kit.returncode == 2 and "2 times the heaviest your kit makes (50kg)" in " ".join(kit.stderr.split())
    meant = ann("log", "--yes", "--set", "romanian_deadlift 3x8@400kg rir2")
    assert meant.returncode == 0 and count(ann.path, "set_logs") == sets + 3
    near = ann("log", "--set", "romanian_deadlift 3x8@150kg rir2")  # heavy, but within three times the last
    assert near.returncode == 0
