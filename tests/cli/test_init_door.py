"""What a runner can say at the door to `runstrong init`: a goal race before the main race, how
much a painful area hurts now, and a body mass that is asked about before it is kept. Each is
written into the profile and `runstrong plan` then honours it (the goal race gets its race week,
the scored pain starts on its ladder's loading rung). In-process: options through `run_cli`, the
questions through `interview` with a console that types the answers (test_init.py's pexpect
interviews walk the same questions on a real terminal)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rich.console import Console

from runstrong.core.model import RunType
from runstrong.io.profile_file import load_profile
from tests.cli.runner import run_cli

ENV = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "LINES": "50", "TERM": "dumb", "NO_COLOR": "1"}
CARMEN = (
    "--no-input", "--name", "Carmen", "--age", "38", "--sex", "female", "--body-mass", "58",
    "--race-distance", "marathon", "--race-date", "2027-04-25", "--start", "2027-01-04",
    "--run", "tue:intervals:60", "--run", "thu:tempo:50", "--run", "sat:easy:40", "--run", "sun:long:120",
    "--equipment", "gym", "--strength-experience", "advanced", "--strength-weeks", "30",
)  # fmt: skip


def run(*args: str, cwd: Path):  # type: ignore[no-untyped-def]
    return run_cli(args, cwd=cwd, env=ENV)


def test_init_marks_a_goal_race_and_plan_gives_it_its_race_week(tmp_path: Path):
    """`--goal-race` writes a dated goal race with its distance, its week the usual week copied
    around it (the race on its day), so no usual run of that week vanishes; `plan` then says
    "goal race week" for the half's week and holds one light session there, none two days before."""
    out = run("init", "me.toml", *CARMEN, "--goal-race", "2027-03-14 half 1h35 City Half", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    profile = load_profile(tmp_path / "me.toml")
    dated = {r.date: r for r in profile.running.dated}
    race = dated[dt.date(2027, 3, 14)]
    assert (race.type, race.goal, race.distance.value, race.minutes, race.name) == (
        RunType.race, True, "half", 95, "City Half"
    )  # fmt: skip
    assert [(d.isoformat(), r.type.value) for d, r in sorted(dated.items()) if d != race.date] == [
        ("2027-03-09", "intervals"),
        ("2027-03-11", "tempo"),
        ("2027-03-13", "easy"),
    ]  # fmt: skip: the usual Tue, Thu and Sat of that week; Sunday's long run is the race
    shown = run("plan", "me.toml", "--no-diary", "--format", "json", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    import json

    weeks = json.loads(shown.stdout)["weeks"]
    week = next(w for w in weeks if w["start_date"] == "2027-03-08")
    assert len(week["sessions"]) == 1
    assert all(s["date"] <= "2027-03-11" for s in week["sessions"])
    assert any(r["rule_id"] == "goal-race" and "City Half" in r["text"] for r in week["reasons"])


@pytest.mark.parametrize(
    ("goal", "says"),
    [
        ("2027-05-02 half", "--goal-race: 2027-05-02 is not before your main race (2027-04-25)"),
        ("2027-03-14 mile", "--goal-race: 'mile' is not a race distance"),
        ("2027-02-30 half", "--goal-race: '2027-02-30' is not a date"),
        ("2026-12-20 half", "--goal-race: 2026-12-20 is before the plan starts (2027-01-04)"),
        ("half 2027-03-14", "--goal-race: 'half 2027-03-14' is not a date and a distance"),
    ],
)
def test_a_bad_goal_race_is_refused_by_its_option_and_nothing_is_written(tmp_path: Path, goal: str, says: str):
    out = run("init", "me.toml", *CARMEN, "--goal-race", goal, cwd=tmp_path)
    assert out.returncode == 2
    assert says in out.stderr, out.stderr
    assert not (tmp_path / "me.toml").exists()


def test_init_pain_takes_a_score_now_and_plan_starts_it_on_the_loading_rung(tmp_path: Path):
    """`--pain foot:2` (0-10 now): the score is written and the foot's return ladder starts on
    slow heavy work, not the isometric holds a foot with no score gets."""
    out = run("init", "me.toml", *CARMEN, "--pain", "foot:2", "--pain", "knee", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    profile = load_profile(tmp_path / "me.toml")
    assert {a.value: s for a, s in profile.pain_scores.items()} == {"foot": 2}
    assert [a.value for a in profile.pain_areas] == ["foot", "knee"]

    def foot_rung(path: Path) -> str:
        import json

        shown = run("plan", path.name, "--no-diary", "--format", "json", cwd=tmp_path)
        blocks = [b for s in json.loads(shown.stdout)["weeks"][0]["sessions"] for b in s["blocks"]]
        return next(r["text"] for b in blocks for r in b["reasons"] if "Graded return for your foot" in r["text"])

    assert "slow heavy work" in foot_rung(tmp_path / "me.toml")
    assert run("init", "plain.toml", *CARMEN, "--pain", "foot", cwd=tmp_path).returncode == 0
    assert "isometric holds" in foot_rung(tmp_path / "plain.toml")
    bad = run("init", "bad.toml", *CARMEN, "--pain", "foot:11", cwd=tmp_path)
    assert bad.returncode == 2 and "--pain: pain score: 11 is not 0-10" in bad.stderr
    assert not (tmp_path / "bad.toml").exists()


@pytest.mark.parametrize(
    ("mass", "sex", "age", "says"),
    [
        ("150", "female", "38", "150 kg (331 lb) is more than most women weigh (over 120 kg); if you meant 150 lb"),
        ("68lb", "male", "40", "68 lb (31 kg) is less than most men weigh (under 121 lb); if you meant 68 kg"),
        ("35", "female", "15", "less than most runners under 18 weigh (under 38 kg)"),
    ],
)
def test_a_body_mass_unusual_for_age_and_sex_is_asked_about_and_kept_with_yes(
    tmp_path: Path, mass: str, sex: str, age: str, says: str
):
    """Only absurd masses were refused (25-250 kg); a 150 typed in kg by a woman who meant
    150 lb was planned at 331 lb. Now `init` refuses it with the question (exit 2, nothing
    written) and keeps it with --yes; a mass that fits is written without a word."""
    units = ("--units", "imperial") if mass.endswith("lb") else ()
    args = ("--no-input", "--age", age, "--sex", sex, *units, "--body-mass", mass)
    out = run("init", "me.toml", *args, cwd=tmp_path)
    assert out.returncode == 2
    assert says in out.stderr and "if it is right add --yes" in out.stderr, out.stderr
    assert not (tmp_path / "me.toml").exists()
    kept = run("init", "me.toml", *args, "--yes", cwd=tmp_path)
    assert kept.returncode == 0, kept.stderr
    plan = run("plan", "me.toml", "--no-diary", "--week", "1", cwd=tmp_path)
    assert says.split(";")[0] in plan.stderr, plan.stderr  # said again where the profile is read
    assert (
        run("init", "ok.toml", "--no-input", "--age", age, "--sex", sex, "--body-mass", "60", cwd=tmp_path).returncode
        == 0
    )


class Typist(Console):
    """A console that types the scripted answers at each prompt and records what was said."""

    def __init__(self, answers: list[tuple[str, str]]) -> None:
        super().__init__(file=io.StringIO(), width=200, no_color=True)
        self.answers = list(answers)

    def input(self, prompt: object = "", **_: object) -> str:  # type: ignore[override]
        self.print(prompt, end="")
        text = self.file.getvalue()  # type: ignore[attr-defined]
        expected, typed = self.answers.pop(0)
        assert expected in text.rsplit("\n", 1)[-1] or expected in str(prompt), (expected, str(prompt)[-200:])
        self.print(typed)
        return typed


QUESTIONS = [
    ("plan call you", "Carmen"), ("Age", "38"), ("Sex", "f"), ("Units", ""), ("Body mass", "150"),
    ("Is that right", "n"), ("Body mass", "58"), ("years have you been running", "8"),
    ("Strength training experience", "advanced"), ("Weeks in a row", "30"), ("start", "2027-01-04"),
    ("race", "marathon"), ("Race date", "2027-04-25"), ("Race name", ""),
    ("goal race", "2027-06-01 half"), ("goal race", "2027-03-14 half City Half"),
    ("Mon", ""), ("Tue", "intervals 60"), ("Wed", ""), ("Thu", "tempo 50"), ("Fri", ""), ("Sat", "easy 40"),
    ("Sun", "long 2h"), ("easy running pace", ""), ("Which days", ""), ("time of day", ""), ("Longest", ""),
    ("kit", "gym"), ("hurts", "foot 2, knee"), ("health", ""), ("6+ hours", ""), ("Write", "y"),
]  # fmt: skip


def test_the_interview_asks_about_the_body_mass_takes_a_goal_race_and_pain_scores(tmp_path: Path):
    """The questions: 150 kg for a woman is asked about ("no" asks again), a goal race after the
    main race is refused and asked again, "foot 2, knee" gives the foot's score; the summary
    shows the goal race and the score."""
    from runstrong.cli.init_interview import interview

    out = Typist(QUESTIONS)
    profile = interview(tmp_path / "me.toml", {}, dt.date(2026, 12, 7), out)
    said = out.file.getvalue()  # type: ignore[attr-defined]
    assert "150 kg (331 lb) is more than most women weigh" in said
    assert "is not before your main race" in said
    assert "foot 2/10 now" in said and "Goal race" in said and "City Half" in said
    assert profile.body_mass_kg == 58
    assert {a.value: s for a, s in profile.pain_scores.items()} == {"foot": 2}
    race = next(r for r in profile.running.dated if r.goal)
    assert (race.date, race.distance.value, race.name) == (dt.date(2027, 3, 14), "half", "City Half")
    assert not out.answers
