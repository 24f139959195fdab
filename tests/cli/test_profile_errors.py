"""A profile's mistakes as the runner reads them (in-process, see tests/cli/runner.py): each
bad value named by its field in the runner's words, with the fix, all of a file's mistakes in
one run, exit 2 and no traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.cli.runner import run_cli

BASE = {"name": '"Bad"', "age": "40", "body_mass_kg": "70", "start_date": "2027-03-01", "equipment": '["gym"]'}


def run(*args: str) -> subprocess.CompletedProcess:
    return run_cli(args, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"})


def refused(tmp_path: Path, text: str, suffix: str = ".toml") -> str:
    """The profile planned: refused with exit 2, no traceback, nothing written; its stderr."""
    profile, target = tmp_path / f"bad{suffix}", tmp_path / "plan.md"
    profile.write_text(text)
    out = run("plan", str(profile), "--no-diary", "-o", str(target))
    assert out.returncode == 2, out.stdout + out.stderr
    assert "Traceback" not in out.stderr and not target.exists()
    return " ".join(out.stderr.split())


def toml(extra: str = "", **fields: str) -> str:
    return "".join(f"{k} = {v}\n" for k, v in (BASE | fields).items()) + extra


def yaml(extra: str = "", **fields: str) -> str:
    return "".join(f"{k}: {v.strip(chr(34))}\n" for k, v in (BASE | fields).items()) + extra


@pytest.mark.parametrize("write", [toml, yaml], ids=["toml", "yaml"])
def test_a_date_that_does_not_exist_is_named_by_its_field_with_the_files_other_mistakes(tmp_path, write):
    text = write(start_date="2027-02-30", session_cap_minutes="200", equipment='["kettlebells"]')
    said = refused(tmp_path, text, ".toml" if write is toml else ".yaml")
    assert "start_date: 30 February 2027 does not exist" in said and "February 2027 has 28 days" in said
    assert "session_cap_minutes" in said and "equipment[0]" in said
    assert "not valid" not in said and "line" not in said


@pytest.mark.parametrize("write", [toml, yaml], ids=["toml", "yaml"])
def test_a_race_date_in_a_month_that_does_not_exist_says_so(tmp_path, write):
    text = write(
        "[race]\ndistance = '10k'\ndate = 2027-13-01\n"
        if write is toml
        else "race: {distance: 10k, date: 2027-13-01}\n"
    )
    said = refused(tmp_path, text, ".toml" if write is toml else ".yaml")
    assert "race.date: 2027-13-01 is not a date: there is no month 13" in said and "2027-01-04" in said


def test_an_unknown_kit_item_is_one_line_with_the_allowed_values_and_the_closest(tmp_path):
    said = refused(tmp_path, toml(equipment='["kettlebells", "treadmill"]'))
    assert "str-enum" not in said and "EquipmentSet" not in said
    assert said.count("equipment[0]") == 1 and said.count("equipment[1]") == 1
    assert "unknown value 'kettlebells'" in said and "did you mean 'kettlebell'?" in said
    assert "unknown value 'treadmill'" in said and "bodyweight, bands, dumbbells, gym, step" in said


@pytest.mark.parametrize(
    ("field", "value", "named", "suggested"),
    [
        ("available_days", '["monday"]', "available_days[0]: unknown value 'monday'", "did you mean 'mon'?"),
        ("pain_areas", '["Hip"]', "pain_areas[0]: unknown value 'Hip'", "did you mean 'hip'?"),
        ("heaviest_loads", "{ dumbel = 20 }", "heaviest_loads.dumbel: unknown key 'dumbel'", "'dumbbell'"),
        ("load_increments", "{ kettlebel = 2 }", "load_increments.kettlebel: unknown key", "'kettlebell'"),
        ("race", '{ distance = "marathn", date = 2027-06-01 }', "race.distance: unknown value", "'marathon'"),
    ],
)
def test_a_misspelt_word_from_a_list_names_the_field_and_suggests_the_word(tmp_path, field, value, named, suggested):
    said = refused(tmp_path, toml(**{field: value}))
    assert named in said and suggested in said and "[key]" not in said and "Input should be" not in said


def test_a_misspelt_word_is_not_matched_to_a_word_of_other_numbers(tmp_path):
    """A 50k is an ultra, not a 5k: the closest spelling is not offered when its numbers differ."""
    said = refused(tmp_path, toml(race='{ distance = "50k", date = 2027-06-01 }'))
    assert "race.distance: unknown value '50k'" in said and "did you mean" not in said
    assert "5k, 10k, half, marathon, ultra" in said


def test_a_race_before_the_start_is_reported_with_the_field_mistakes(tmp_path):
    said = refused(tmp_path, toml("[race]\ndistance = '10k'\ndate = 2027-02-01\n", session_cap_minutes="200"))
    assert "session_cap_minutes" in said and "race.date: must be after start_date" in said


def test_a_race_is_not_compared_with_a_start_date_that_is_itself_wrong(tmp_path):
    said = refused(tmp_path, toml("[race]\ndistance = '10k'\ndate = 2027-02-01\n", start_date="2027-02-30"))
    assert "start_date: 30 February 2027 does not exist" in said and "must be after start_date" not in said


def test_a_painful_side_of_an_area_that_does_not_hurt_is_refused_by_its_field(tmp_path):
    said = refused(tmp_path, toml(pain_areas='["knee"]', pain_sides='{ achilles = "left" }'))
    assert "pain_sides.achilles: not among pain_areas" in said and "add it to pain_areas" in said
    said = refused(tmp_path, toml(pain_areas='["knee"]', pain_sides='{ knee = "middle" }'))
    assert "pain_sides" in said and "left" in said and "right" in said


@pytest.mark.parametrize("item", ["1.0e+308", "9999-12-31", "42"])
def test_a_number_or_a_date_where_a_kit_word_belongs_is_named_by_its_field(tmp_path, item):
    """The hostile-input fuzzing found `equipment: [1.0e+308]` (or a date) ending in an internal
    error: the allowed-words message assumed a word. It names the field and the words."""
    said = refused(tmp_path, yaml(equipment=f"\n- {item}"), ".yaml")
    assert "equipment[0]: unknown value" in said and "use one of: bodyweight" in said


def test_a_race_before_the_start_alone_is_said_once(tmp_path):
    """cr22a P2: the model's own check and the file's check across fields both said it."""
    said = refused(tmp_path, toml("[race]\ndistance = '10k'\ndate = 2027-01-01\n"))
    assert said.count("must be after start_date") == 1, said


@pytest.mark.parametrize(
    ("fields", "said_words"),
    [
        ({"available_days": "[]"}, "available_days: is empty: give at least one Fix: list at least one of: mon, tue"),
        ({"equipment": "[]"}, "equipment: is empty: give at least one Fix: list at least one of: bodyweight, bands"),
        ({"age": "12"}, "age: must be at least 14 (you gave 12)"),
        ({"body_mass_kg": "2094"}, "body_mass_kg: must be less than 250 (you gave 2094)"),
        ({"session_cap_minutes": "90"}, "session_cap_minutes: must be at most 60 (you gave 90)"),
        ({"heaviest_loads": "{ barbell = -135 }"}, "heaviest_loads.barbell: must be more than 0 (you gave -135)"),
        ({"known_loads_kg": '{ goblet_squat = "115 lb" }'}, "known_loads_kg.goblet_squat: write a number"),
        ({"name": '""'}, "name: is empty: write it"),
    ],
    ids=["too_short-list", "too_short-kit", "ge", "lt", "le", "gt", "float_parsing", "too_short-text"],
)
def test_a_validators_own_words_never_reach_the_runner(tmp_path, fields, said_words):
    """cr24a F15: `available_days = []` said "List should have at least 1 item after validation,
    not 0". Each kind of pydantic error is said with the field and what to write instead."""
    said = refused(tmp_path, toml(**fields))
    assert said_words in said, said
    assert "should" not in said and "after validation" not in said and "Input" not in said
