"""The command line as a user meets it: exit codes and messages (in-process, see tests/cli/runner.py)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.cli.runner import run_cli
from tests.conftest import EXAMPLES, example_paths


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return run_cli(args, cwd=cwd, env={"COLUMNS": "140", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"})


def test_help_teaches_the_commands():
    out = run("--help")
    assert out.returncode == 0
    for command in ("demo", "plan", "explain", "exercises", "rules", "schema"):
        assert command in out.stdout


def test_every_command_has_help():
    for command in ("demo", "plan", "explain", "exercises", "rules", "schema"):
        out = run(command, "--help")
        assert out.returncode == 0 and "Usage" in out.stdout, command


def test_version_prints_the_version():
    from runstrong import __version__

    assert __version__ in run("--version").stdout


def test_exercises_json_lists_the_library():
    out = run("exercises", "--format", "json")
    assert out.returncode == 0
    assert len(json.loads(out.stdout)) >= 90


def test_exercises_filters_combine():
    out = run("exercises", "-c", "core", "-e", "bodyweight", "-l", "novice", "-x", "lower_back", "--format", "json")
    items = json.loads(out.stdout)
    assert items and all(e["category"] == "core" and e["level"] == "novice" for e in items)
    assert all("lower_back" not in e["contraindications"] for e in items)


def test_unknown_filter_value_names_it_and_the_accepted_ones():
    out = run("exercises", "--category", "legs")
    assert out.returncode == 2
    assert "legs" in out.stderr and "posterior_chain" in out.stderr
    assert "Traceback" not in out.stderr


def test_exercise_show_gives_cues_and_the_ladder(library):
    pistol = next(e.id for e in library.exercises if "pistol" in e.id and e.regressions != [])
    out = run("exercises", "show", pistol)
    assert out.returncode == 0 and "Progression ladder" in out.stdout and "Cues" in out.stdout


def test_unknown_exercise_suggests_near_matches():
    out = run("exercises", "show", "romanian_deadlif")
    assert out.returncode == 2 and "Did you mean" in out.stderr and "romanian" in out.stderr


def test_rules_json_covers_the_methodology(shared):
    out = run("rules", "--format", "json")
    data = json.loads(out.stdout)
    cited = {s for r in data["rules"] for s in r["methodology"]}
    assert {f"S{n:02d}" for n in range(1, 42)} <= cited


def test_rules_show_gives_numbers_and_sources():
    out = run("rules", "show", "taper")
    assert out.returncode == 0 and "Bosquet" in out.stdout and "last_heavy_days" in out.stdout


def test_unknown_rule_exits_2():
    out = run("rules", "show", "tapr")
    assert out.returncode == 2 and "taper" in out.stderr


@pytest.mark.parametrize("what", ["profile", "plan"])
def test_schema_prints_json_schema(what):
    out = run("schema", what)
    schema = json.loads(out.stdout)
    assert schema["type"] == "object" and "properties" in schema


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_plan_works_on_every_example(path, fmt):
    out = run("plan", str(path), "--format", fmt)
    assert out.returncode == 0, out.stderr
    if fmt == "json":
        assert json.loads(out.stdout)["weeks"]


def test_demo_plans_with_no_setup(tmp_path):
    out = run("demo", cwd=tmp_path)
    assert out.returncode == 0 and "Weeks at a glance" in out.stdout


def test_explain_says_why_with_rule_ids():
    out = run("explain", str(EXAMPLES / "marathoner.toml"), "--week", "8")
    assert out.returncode == 0
    assert "no-consecutive-strength-days" in out.stdout and "session-focus" in out.stdout


BAD_PROFILES = {
    "unknown_field": (
        "name = 'X'\nage = 30\nbody_mass_kg = 60\nstart_date = 2027-01-04\nfavourite_colour = 'red'\n",
        "favourite_colour",
    ),
    "race_before_start": (
        "name = 'X'\nage = 30\nbody_mass_kg = 60\nstart_date = 2027-01-04\n"
        "[race]\ndistance = '5k'\ndate = 2026-12-01\n",
        "race.date",
    ),
    "no_available_day": (
        "name = 'X'\nage = 30\nbody_mass_kg = 60\nstart_date = 2027-01-04\navailable_days = []\n",
        "available_days",
    ),
    "impossible_cap": (
        "name = 'X'\nage = 30\nbody_mass_kg = 60\nstart_date = 2027-01-04\nsession_cap_minutes = 5\n",
        "session_cap_minutes",
    ),
    "malformed_date": (
        "name = 'X'\nage = 30\nbody_mass_kg = 60\nstart_date = '4th of January'\n",
        "start_date",
    ),
    "bad_run_type": (
        "name = 'X'\nage = 30\nbody_mass_kg = 60\nstart_date = 2027-01-04\n"
        "[[running.weekly]]\nday = 'tue'\ntype = 'fartlek'\n",
        "running.weekly[0].type",
    ),
    "not_toml": ("name = \n", "not valid TOML"),
}


@pytest.mark.parametrize("case", sorted(BAD_PROFILES))
def test_bad_profiles_exit_2_naming_the_field_and_write_nothing(case, tmp_path):
    text, field = BAD_PROFILES[case]
    profile = tmp_path / "bad.toml"
    profile.write_text(text)
    target = tmp_path / "plan.md"
    out = run("plan", str(profile), "--format", "markdown", "-o", str(target))
    assert out.returncode == 2, out.stderr
    assert field in out.stderr
    assert "Traceback" not in out.stderr
    assert not target.exists()


def test_a_misspelt_exercise_in_known_loads_or_recent_sets_is_refused_with_the_right_id(tmp_path):
    """A known load under a misspelt id was dropped without a word and the plan started from
    an estimate: every id the profile names is checked against the library, each one reported."""
    profile = tmp_path / "loads.toml"
    profile.write_text(
        'name = "X"\nage = 30\nbody_mass_kg = 60\nstart_date = 2027-01-04\nequipment = ["gym"]\n'
        "known_loads_kg = { romanian_deadlif = 80, trap_bar_deadlift = 100 }\n"
        'recent_sets = { barbell_stepup = "5 x 40 kg @ RIR 2" }\n'
    )
    target = tmp_path / "plan.md"
    out = run("plan", str(profile), "--no-diary", "-o", str(target))
    assert out.returncode == 2, out.stderr
    assert "known_loads_kg.romanian_deadlif" in out.stderr and "did you mean 'romanian_deadlift'" in out.stderr
    assert "recent_sets.barbell_stepup" in out.stderr and "'barbell_step_up'" in out.stderr
    assert "trap_bar_deadlift" not in out.stderr and "Traceback" not in out.stderr
    assert not target.exists()


def test_a_profile_of_thousands_of_made_up_exercise_ids_is_refused_quickly_and_briefly(tmp_path):
    """A hostile file: 3,000 unknown ids, one of them 100,000 characters long. Twenty are named,
    each cut short, the rest counted; exit 2, no traceback."""
    keys = [f"made_up_{n}" for n in range(3000)] + ["a" * 100_000]
    profile = tmp_path / "many.toml"
    profile.write_text(
        'name = "X"\nage = 30\nbody_mass_kg = 60\nstart_date = 2027-01-04\n[known_loads_kg]\n'
        + "".join(f"{k} = 10\n" for k in keys)
    )
    out = run("plan", str(profile), "--no-diary")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "2981 more exercise ids the library does not hold" in out.stderr
    assert len(out.stderr) < 10_000


def test_typo_in_a_field_suggests_the_right_name(tmp_path):
    profile = tmp_path / "typo.yaml"
    profile.write_text("name: X\nage: 30\nbody_mass_kg: 60\nstart_date: 2027-01-04\nsession_cap_minute: 30\n")
    out = run("plan", str(profile))
    assert out.returncode == 2 and "did you mean 'session_cap_minutes'" in out.stderr


def test_infeasible_week_exits_2_with_ways_out(tmp_path):
    profile = tmp_path / "tight.toml"
    profile.write_text(
        "name = 'X'\nage = 30\nbody_mass_kg = 60\nstart_date = 2027-01-04\navailable_days = ['sat', 'sun']\n"
    )
    out = run("plan", str(profile))
    assert out.returncode == 2 and "Ways out" in out.stderr
    assert run("plan", str(profile), "--least-bad").returncode == 0


def test_missing_profile_file_is_a_user_error(tmp_path):
    out = run("plan", str(tmp_path / "nope.toml"))
    assert out.returncode == 2 and "no such file" in out.stderr
