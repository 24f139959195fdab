"""The body-mass question on every command that reads a profile file (entry's Left): init, plan
and explain said "150 kg (331 lb) is more than most men weigh ...; if you meant 150 lb", but
`assess` and `calendar import` read the file without it, so a runner who went from init to the
screen, or imported a running calendar first, never saw it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.cli.runner import run_cli
from tests.cli.test_assess import SCREEN_VALUES

DATA = Path(__file__).resolve().parents[1] / "data" / "ics"
ENV = {"PATH": "/usr/bin:/bin", "COLUMNS": "200", "LINES": "60", "NO_COLOR": "1", "TERM": "dumb"}
SAYS = "150 kg (331 lb) is more than most men weigh"


@pytest.fixture
def heavy(tmp_path: Path) -> Path:
    """Jonas (the calendar tests' half-marathoner) with 150 typed where he meant pounds."""
    for name in ("runner.toml", "google_de.ics"):
        shutil.copy(DATA / name, tmp_path / name)
    text = (tmp_path / "runner.toml").read_text("utf-8").replace("body_mass_kg = 74", "body_mass_kg = 150")
    (tmp_path / "runner.toml").write_text(text, "utf-8")
    return tmp_path


def run(*args: str, cwd: Path):  # type: ignore[no-untyped-def]
    return run_cli(args, cwd=cwd, env=ENV)


def test_assess_says_the_body_mass_note_that_plan_says(heavy: Path) -> None:
    """Before: `assess` saved the screen without a word about the body mass."""
    assert SAYS in run("plan", "runner.toml", "--no-diary", "--week", "1", cwd=heavy).stderr
    (heavy / "screen.json").write_text(json.dumps({**SCREEN_VALUES, "date": "2027-02-27"}))
    out = run("assess", "runner.toml", "--no-input", "--from", "screen.json", cwd=heavy)
    assert out.returncode == 0, out.stderr
    assert SAYS in out.stderr and "if you meant 150 lb, that is 68 kg" in out.stderr, out.stderr


def test_calendar_import_says_the_body_mass_note_that_plan_says(heavy: Path) -> None:
    """Before: `calendar import` wrote the new profile without a word about the body mass."""
    out = run("calendar", "import", "google_de.ics", "--profile", "runner.toml", "-o", "spring.toml", cwd=heavy)
    assert out.returncode == 0, out.stderr
    assert SAYS in out.stderr, out.stderr


def test_a_body_mass_that_fits_says_nothing(heavy: Path) -> None:
    text = (heavy / "runner.toml").read_text("utf-8").replace("body_mass_kg = 150", "body_mass_kg = 74")
    (heavy / "runner.toml").write_text(text, "utf-8")
    out = run("calendar", "import", "google_de.ics", "--profile", "runner.toml", "-o", "spring.toml", cwd=heavy)
    assert out.returncode == 0 and "body mass" not in out.stderr, out.stderr
