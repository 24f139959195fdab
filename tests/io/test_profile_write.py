"""Writing profiles and appending screens: what is written reads back the same, and a failed
write leaves the old file as it was."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from runstrong.core.model import AthleteProfile
from runstrong.core.screen import Screen
from runstrong.errors import UserError
from runstrong.io.profile_file import load_profile
from runstrong.io.profile_write import append_screen, render_profile, write_profile
from runstrong.io.screen_text import load_battery
from tests.conftest import example_paths

SCREEN = Screen(
    date=dt.date(2027, 1, 10),
    hip_hinge_pass=False,
    hip_hinge_faults=["sacrum"],
    plank_seconds=75,
    side_plank_left_seconds=40,
    side_plank_right_seconds=55,
    single_leg_squat_left="fair",
    single_leg_squat_right="good",
    single_leg_squat_faults_left=["knee_valgus", "hip"],
    balance_open_left_seconds=30,
    balance_open_right_seconds=45,
    heel_raise_left=18,
    heel_raise_right=25,
    hop_left_cm=120,
    hop_right_cm=150,
    notes='wobbly "left" leg',
)


@pytest.fixture()
def maya() -> AthleteProfile:
    return load_profile(next(p for p in example_paths() if p.name == "marathoner.toml")).model_copy(
        update={"preferred_time": dt.time(6, 45)}
    )


@pytest.mark.parametrize("suffix", [".toml", ".yaml", ".yml"])
@pytest.mark.parametrize("example", example_paths(), ids=lambda p: p.name)
def test_written_profile_loads_back_equal(tmp_path: Path, example: Path, suffix: str):
    profile = load_profile(example).model_copy(update={"screens": [SCREEN]})
    out = tmp_path / f"me{suffix}"
    write_profile(out, profile, header="a header")
    assert load_profile(out) == profile


def test_written_toml_starts_with_the_header_and_keeps_lists_short(tmp_path: Path, maya: AthleteProfile):
    out = tmp_path / "me.toml"
    write_profile(out, maya, header="runstrong profile for Maya\nsecond line")
    text = out.read_text()
    assert text.startswith("# runstrong profile for Maya\n# second line\n\n")
    assert 'available_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]' in text
    assert "body_mass_kg = 61\n" in text


def test_refuses_to_overwrite_unless_forced(tmp_path: Path, maya: AthleteProfile):
    out = tmp_path / "me.toml"
    out.write_text("# mine\n")
    with pytest.raises(UserError, match=r"already exists.*--force"):
        write_profile(out, maya)
    assert out.read_text() == "# mine\n"
    write_profile(out, maya, force=True)
    assert load_profile(out) == maya


def test_unknown_suffix_is_refused_with_the_accepted_ones(tmp_path: Path, maya: AthleteProfile):
    with pytest.raises(UserError, match=r"\.toml, \.yaml or \.yml"):
        write_profile(tmp_path / "me.txt", maya)


def test_missing_folder_is_named(tmp_path: Path, maya: AthleteProfile):
    with pytest.raises(UserError, match="does not exist"):
        write_profile(tmp_path / "nope" / "me.toml", maya)


def test_appended_screen_round_trips_and_keeps_comments(tmp_path: Path, maya: AthleteProfile):
    out = tmp_path / "me.toml"
    write_profile(out, maya, header="header")
    out.write_text(out.read_text().replace("age = 38\n", "age = 38  # my own note\n") + "# the last line\n")
    updated, note = append_screen(out, SCREEN)
    assert note is None
    assert load_profile(out).screens == [SCREEN] == updated.screens
    text = out.read_text()
    assert "age = 38  # my own note\n" in text and "# the last line\n" in text
    assert text.count("[[screens]]") == 1


def test_second_screen_goes_after_the_first(tmp_path: Path, maya: AthleteProfile):
    out = tmp_path / "me.toml"
    write_profile(out, maya)
    later = SCREEN.model_copy(update={"date": dt.date(2027, 2, 20), "plank_seconds": 95})
    append_screen(out, SCREEN)
    append_screen(out, later)
    assert [s.date for s in load_profile(out).screens] == [SCREEN.date, later.date]


@pytest.mark.parametrize("suffix", [".yaml", ".yml"])
def test_appended_screen_to_yaml_round_trips(tmp_path: Path, maya: AthleteProfile, suffix: str):
    out = tmp_path / f"me{suffix}"
    write_profile(out, maya, header="kept header")
    append_screen(out, SCREEN)
    assert load_profile(out) == maya.model_copy(update={"screens": [SCREEN]})
    assert out.read_text().startswith("# kept header\n")


def test_yaml_comments_below_the_header_are_reported_lost(tmp_path: Path, maya: AthleteProfile):
    out = tmp_path / "me.yaml"
    write_profile(out, maya)
    out.write_text(out.read_text().replace("age: 38\n", "age: 38  # note\n"))
    _, note = append_screen(out, SCREEN)
    assert note and "comments" in note


def test_inline_screens_are_rewritten_with_a_note(tmp_path: Path, maya: AthleteProfile):
    out = tmp_path / "me.toml"
    out.write_text(
        "# top comment\n" + render_profile(maya, "toml").replace("allow_double_days", "screens = []\nallow_double_days")
    )
    _, note = append_screen(out, SCREEN)
    assert note and "rewritten" in note
    assert load_profile(out).screens == [SCREEN]
    assert out.read_text().startswith("# top comment\n")


def test_an_invalid_profile_gets_nothing_appended(tmp_path: Path, maya: AthleteProfile):
    out = tmp_path / "me.toml"
    text = render_profile(maya, "toml").replace("age = 38", "age = 7")
    out.write_text(text)
    with pytest.raises(UserError, match="age"):
        append_screen(out, SCREEN)
    assert out.read_text() == text


def test_a_failed_rename_leaves_the_file_and_no_temporary(tmp_path: Path, maya: AthleteProfile, monkeypatch):
    out = tmp_path / "me.toml"
    write_profile(out, maya)
    before = out.read_text()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        append_screen(out, SCREEN)
    assert out.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == ["me.toml"]


def test_file_permissions_are_kept(tmp_path: Path, maya: AthleteProfile):
    out = tmp_path / "me.toml"
    write_profile(out, maya)
    out.chmod(0o600)
    append_screen(out, SCREEN)
    assert out.stat().st_mode & 0o777 == 0o600


# ------------------------------------------------------------------ the battery's text


def test_the_battery_asks_for_every_screen_field():
    asked = {f for t in load_battery().tests for f in t.fields.values()}
    assert asked | {"date", "notes"} == set(Screen.model_fields)


def test_every_test_says_how_to_set_up_and_perform_it():
    for test in load_battery().tests:
        assert test.setup and test.perform and test.why, test.id
        if test.kind in ("hinge", "squat"):
            assert test.faults, test.id


def test_the_required_tests_come_before_the_optional_ones():
    tests = load_battery().tests
    required = [Screen.model_fields[f].is_required() for t in tests for f in t.fields.values()]
    assert all(required[: required.index(False)]) or not tests
    assert [t.id for t in tests if t.optional] == ["balance_closed", "biering_sorensen", "hop"]
