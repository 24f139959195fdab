"""`runstrong assess`: the guided screen in a pseudo-terminal, the scripted form, and the
results, latest screen and comparison views."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest
from pydantic import ValidationError

from runstrong.cli import assess as assess_cli
from runstrong.core.screen import Screen, SquatFault, SquatQuality
from runstrong.io.profile_file import load_profile
from tests.cli.runner import run_cli
from tests.cli.terminal import answer, interrupt
from tests.cli.terminal import spawn as spawn_in

pexpect = pytest.importorskip("pexpect")

ENV = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "LINES": "50", "TERM": "dumb", "NO_COLOR": "1"}
PROFILE_OPTIONS = [
    "--no-input", "--name", "Sam", "--age", "41", "--sex", "male", "--body-mass", "72", "--start", "2027-01-04",
    "--race-distance", "half", "--race-date", "2027-04-11", "--run", "tue:intervals:50", "--run", "thu:easy:40",
    "--run", "sat:long:90", "--pain", "knee",
]  # fmt: skip
COMMENT = "# Sam's own note: the gym opens at 6.\n"


def spawn(*args: str, cwd: Path):  # type: ignore[no-untyped-def]
    return spawn_in(*args, cwd=cwd, env=ENV)


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run_cli(args, cwd=cwd, env=ENV)


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    """A folder holding me.toml, a fresh profile with a comment of the runner's own."""
    assert run("init", "me.toml", *PROFILE_OPTIONS, cwd=tmp_path).returncode == 0
    me = tmp_path / "me.toml"
    me.write_text(me.read_text().replace("[running]", COMMENT + "[running]"))
    return tmp_path


SCREEN_VALUES = dict(
    hip_hinge_pass=True,
    plank_seconds=90,
    side_plank_left_seconds=45,
    side_plank_right_seconds=60,
    single_leg_squat_left="good",
    single_leg_squat_right="fair",
    single_leg_squat_faults_right=["pelvis"],
    balance_open_left_seconds=45,
    balance_open_right_seconds=40,
    heel_raise_left=28,
    heel_raise_right=30,
)


@pytest.mark.process
def test_the_guided_screen_is_saved_and_shapes_the_plan(home: Path):
    child = spawn("assess", "me.toml", "--date", "2027-01-02", cwd=home)
    child.expect_exact("You need:")
    child.expect_exact("It is a fault when")
    answer(child, "Did all three contacts stay on", "n")
    answer(child, "Which faults did you see?", "wobble")
    child.expect_exact("fault: one of 1 head, 2 upper_back, 3 sacrum, 4 knees, 5 depth (got 'wobble')")
    answer(child, "Which faults did you see?", "3, knees")
    answer(child, "Plank: seconds held?", "-5")
    child.expect_exact("a time cannot be negative")
    answer(child, "Plank: seconds held?", "ninety")
    child.expect_exact("time held: whole seconds from 0 to 600")
    answer(child, "Plank: seconds held?", "1:15")
    answer(child, "Side plank · left side: seconds held?", "40")
    answer(child, "Side plank · right side: seconds held?", "55")
    answer(child, "Left leg: which faults did you see?", "")
    answer(child, "Left leg: rating (good, fair or poor)? [good]", "")
    answer(child, "Right leg: which faults did you see?", "1, 2, knee")
    answer(child, "Right leg: rating (good, fair or poor)? [poor]", "fair")
    answer(child, "Balance, eyes open · left leg: seconds held?", "45")
    answer(child, "Balance, eyes open · right leg: seconds held?", "30")
    answer(child, "Try the balance with your eyes closed too?", "y")
    answer(child, "Balance, eyes closed · left leg: seconds held?", "12")
    answer(child, "Balance, eyes closed · right leg: seconds held?", "9")
    child.expect_exact("Stand on one leg on the edge of a step")
    answer(child, "Heel raises · left leg: reps?", "2.5")
    child.expect_exact("reps: a whole number from 0 to 200")
    answer(child, "Heel raises · left leg: reps?", "18")
    answer(child, "Heel raises · right leg: reps?", "26")
    answer(child, "Do the back-extensor hold?", "")
    child.expect_exact("You listed knee pain: skip it unless it is pain-free.")
    answer(child, "Do the single-leg hop for distance?", "y")
    answer(child, "Hop for distance · left leg: distance (cm)?", "120")
    answer(child, "Hop for distance · right leg: distance (cm)?", "1.5m")
    answer(child, "Anything to note", "left knee felt fine")
    child.expect_exact("Results")
    child.expect_exact("[screen-hip-hinge]")
    child.expect_exact("What changes in your plan")
    child.expect_exact("[weak-side-extra-set]")
    answer(child, "Save this screen to me.toml? [Y/n]", "")
    child.expect_exact("Saved the screen of Sat 02 Jan 2027")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    profile = load_profile(home / "me.toml")
    (screen,) = profile.screens
    assert screen.date == dt.date(2027, 1, 2)
    assert not screen.hip_hinge_pass and [f.value for f in screen.hip_hinge_faults] == ["sacrum", "knees"]
    assert screen.plank_seconds == 75
    assert screen.single_leg_squat_left == SquatQuality.good
    assert screen.single_leg_squat_right == SquatQuality.fair
    assert screen.single_leg_squat_faults_right == [SquatFault.trunk, SquatFault.pelvis, SquatFault.knee_valgus]
    assert (screen.balance_closed_left_seconds, screen.balance_closed_right_seconds) == (12, 9)
    assert screen.biering_sorensen_seconds is None
    assert (screen.hop_left_cm, screen.hop_right_cm) == (120, 150)
    assert screen.notes == "left knee felt fine"
    assert COMMENT in (home / "me.toml").read_text()
    assert run("plan", "me.toml", cwd=home).returncode == 0


@pytest.mark.process
def test_the_clock_times_a_hold_and_the_runner_can_correct_it(home: Path):
    child = spawn("assess", "me.toml", cwd=home)
    answer(child, "Did all three contacts stay on", "y")
    answer(child, "Plank: seconds held?", "")
    answer(child, "press Enter to start the clock", "")
    child.sendline("")  # stop
    child.expect(r"Plank: (\d+) s on the clock")
    assert int(child.match.group(1)) <= 2
    answer(child, "Keep it, or type the right number", "")
    answer(child, "Side plank · left side: seconds held?", "")
    answer(child, "press Enter to start the clock", "")
    child.sendline("")
    answer(child, "Keep it, or type the right number", "63")
    child.expect_exact("Side plank · right side")
    interrupt(child, pexpect.EOF)


@pytest.mark.process
def test_ctrl_c_midway_saves_nothing(home: Path):
    before = (home / "me.toml").read_text()
    child = spawn("assess", "me.toml", cwd=home)
    answer(child, "Did all three contacts stay on", "y")
    answer(child, "Plank: seconds held?", "60")
    child.expect_exact("Side plank · left side")
    interrupt(child, "Stopped: nothing was saved.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert (home / "me.toml").read_text() == before
    assert sorted(p.name for p in home.iterdir()) == ["me.toml"]


@pytest.mark.process
def test_end_of_input_midway_saves_nothing(home: Path):
    before = (home / "me.toml").read_text()
    child = spawn("assess", "me.toml", cwd=home)
    child.expect_exact("Did all three contacts stay on")
    child.sendeof()
    child.expect_exact("nothing was saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert (home / "me.toml").read_text() == before


@pytest.mark.process
def test_declining_to_save_leaves_the_profile(home: Path):
    before = (home / "me.toml").read_text()
    child = spawn("assess", "me.toml", cwd=home)
    answer(child, "Did all three contacts stay on", "y")
    answer(child, "Plank: seconds held?", "60")
    answer(child, "left side: seconds held?", "40")
    answer(child, "right side: seconds held?", "40")
    for prompt in ("Left leg: which faults", "Left leg: rating", "Right leg: which faults", "Right leg: rating"):
        answer(child, prompt, "")
    answer(child, "left leg: seconds held?", "45")
    answer(child, "right leg: seconds held?", "45")
    answer(child, "eyes closed too?", "")
    answer(child, "left leg: reps?", "25")
    answer(child, "right leg: reps?", "25")
    answer(child, "back-extensor hold?", "")
    answer(child, "single-leg hop for distance?", "")
    answer(child, "Anything to note", "")
    answer(child, "Save this screen to me.toml?", "n")
    child.expect_exact("Not saved.")
    child.expect(pexpect.EOF)
    assert (home / "me.toml").read_text() == before


# ------------------------------------------------------------------------ --no-input


def test_no_input_from_toml_appends_and_keeps_comments(home: Path):
    lines = [f"{k} = {json.dumps(v)}" for k, v in SCREEN_VALUES.items()]
    (home / "screen.toml").write_text("date = 2027-01-02\n" + "\n".join(lines).replace("True", "true") + "\n")
    out = run("assess", "me.toml", "--no-input", "--from", "screen.toml", cwd=home)
    assert out.returncode == 0, out.stderr
    assert "Saved the screen of Sat 02 Jan 2027" in out.stdout and "[screen-side-plank]" in out.stdout
    (screen,) = load_profile(home / "me.toml").screens
    assert screen == Screen(date=dt.date(2027, 1, 2), **SCREEN_VALUES)
    assert COMMENT in (home / "me.toml").read_text()


def test_no_input_from_json_takes_the_date_option(home: Path):
    (home / "screen.json").write_text(json.dumps({**SCREEN_VALUES, "date": "2026-01-01"}))
    out = run("assess", "me.toml", "--from", "screen.json", "--date", "2027-02-14", cwd=home)
    assert out.returncode == 0, out.stderr
    assert [s.date for s in load_profile(home / "me.toml").screens] == [dt.date(2027, 2, 14)]


@pytest.mark.parametrize(
    ("values", "says"),
    [
        (
            {**SCREEN_VALUES, "plank_seconds": -3},
            "screen.json: plank_seconds: must be at least 0",
        ),
        ({**SCREEN_VALUES, "hop_left_cm": 100}, "screen.json: hop_left_cm: record both legs' hops, or neither"),
        ({**SCREEN_VALUES, "hip_hinge_faults": ["wobble"]}, "screen.json: hip_hinge_faults[0]: unknown value 'wobble'"),
        ({k: v for k, v in SCREEN_VALUES.items() if k != "plank_seconds"}, "plank_seconds: required field is missing"),
        ({**SCREEN_VALUES, "heel_raise_lft": 3}, "heel_raise_lft: unknown field; did you mean 'heel_raise_left'?"),
    ],
)
def test_no_input_refuses_a_bad_screen_naming_the_field(home: Path, values: dict, says: str):
    before = (home / "me.toml").read_text()
    (home / "screen.json").write_text(json.dumps(values))
    out = run("assess", "me.toml", "--no-input", "--from", "screen.json", cwd=home)
    assert out.returncode == 2, out.stdout
    assert says in out.stderr and "Traceback" not in out.stderr
    assert (home / "me.toml").read_text() == before


def test_no_input_without_from_says_what_is_missing(home: Path):
    out = run("assess", "me.toml", "--no-input", cwd=home)
    assert out.returncode == 2 and "--from FILE" in out.stderr


def test_a_yaml_profile_gets_the_screen_too(tmp_path: Path):
    assert run("init", "me.yaml", *PROFILE_OPTIONS, cwd=tmp_path).returncode == 0
    (tmp_path / "s.json").write_text(json.dumps(SCREEN_VALUES))
    assert run("assess", "me.yaml", "--from", "s.json", "--date", "2027-01-02", cwd=tmp_path).returncode == 0
    assert len(load_profile(tmp_path / "me.yaml").screens) == 1


# ------------------------------------------------------------------- --show, --compare


def _two_screens(home: Path) -> None:
    (home / "a.json").write_text(json.dumps({**SCREEN_VALUES, "hip_hinge_pass": False, "plank_seconds": 50}))
    later = {**SCREEN_VALUES, "side_plank_left_seconds": 58, "single_leg_squat_right": "good"}
    later.pop("single_leg_squat_faults_right")
    (home / "b.json").write_text(json.dumps(later))
    assert run("assess", "me.toml", "--from", "a.json", "--date", "2027-01-02", cwd=home).returncode == 0
    assert run("assess", "me.toml", "--from", "b.json", "--date", "2027-02-13", cwd=home).returncode == 0


def test_compare_shows_each_change_and_the_findings_that_cleared(home: Path):
    _two_screens(home)
    out = run("assess", "me.toml", "--compare", cwd=home)
    assert out.returncode == 0, out.stderr
    assert "02 Jan 2027" in out.stdout and "13 Feb 2027" in out.stdout
    assert "↑ now passes" in out.stdout and "↑ +40 s" in out.stdout and "↑ +13 s" in out.stdout
    assert "↑ better" in out.stdout
    assert "cleared" in out.stdout and "Hip hinge: dowel contact lost" in out.stdout


def test_compare_with_one_screen_says_so(home: Path):
    (home / "a.json").write_text(json.dumps(SCREEN_VALUES))
    run("assess", "me.toml", "--from", "a.json", cwd=home)
    out = run("assess", "me.toml", "--compare", cwd=home)
    assert out.returncode == 0 and "a comparison needs two" in out.stdout


def test_show_prints_the_latest_screen(home: Path):
    _two_screens(home)
    out = run("assess", "me.toml", "--show", cwd=home)
    assert out.returncode == 0 and "Screen of Sat 13 Feb 2027" in out.stdout and "58 s" in out.stdout


def test_show_without_screens_says_how_to_record_one(home: Path):
    out = run("assess", "me.toml", "--show", cwd=home)
    assert out.returncode == 2 and "runstrong assess me.toml" in out.stderr


def test_the_prompt_limits_match_the_screen_model():
    base = {"date": dt.date(2027, 1, 1), **SCREEN_VALUES}
    Screen(**{**base, "plank_seconds": assess_cli.SECONDS_MAX, "heel_raise_left": assess_cli.REPS_MAX})
    for field, top in (("plank_seconds", assess_cli.SECONDS_MAX), ("heel_raise_left", assess_cli.REPS_MAX)):
        with pytest.raises(ValidationError):
            Screen(**{**base, field: top + 1})
    with pytest.raises(ValidationError):
        Screen(**{**base, "hop_left_cm": assess_cli.HOP_MAX_CM + 1, "hop_right_cm": 1})
