"""`runstrong review --all`: every athlete's review in one command, shared among processes
with --jobs, one line or JSON object each; it writes only with --accept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_review_cli import PROFILE, rows, runner, snapshot


@pytest.fixture
def club(tmp_path: Path) -> Path:
    """Three runners in one diary, each with a stored plan."""
    run = runner(tmp_path)
    for name in ("Ann", "Bob", "Cy"):
        path = tmp_path / f"{name}.toml"
        path.write_text(PROFILE.replace('name = "Ann"', f'name = "{name}"'))
        out = run("athlete", "add", str(path))
        assert out.returncode == 0, out.stderr
    return tmp_path


def test_every_athlete_is_reviewed_in_two_processes_and_nothing_is_written(club: Path) -> None:
    run = runner(club)
    before = snapshot(run.path)
    out = run("review", "--all", "--jobs", "2", "--format", "json")
    assert out.returncode == 0, out.stderr
    results = json.loads(out.stdout)
    assert [r["athlete"] for r in results] == ["Ann", "Bob", "Cy"]
    assert all(r["new_plan_version"] is None and r["week_start"] for r in results)
    assert snapshot(run.path) == before


def test_with_accept_each_athlete_gets_a_review_stored(club: Path) -> None:
    run = runner(club)
    out = run("review", "--all", "--accept", "--jobs", "2")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert [x.split(":")[0] for x in lines] == ["Ann", "Bob", "Cy"]
    assert len(rows(run.path, "SELECT DISTINCT athlete_id FROM reviews")) == 3


def test_all_with_one_runners_flags_is_refused(club: Path) -> None:
    out = runner(club)("review", "--all", "--ill")
    assert out.returncode == 2 and "--all" in out.stderr


def test_shared_among_processes_the_answers_are_one_process_answers_in_the_diarys_order(club: Path) -> None:
    run = runner(club)
    one = run("review", "--all", "--jobs", "1", "--format", "json")
    three = run("review", "--all", "--jobs", "3", "--format", "json")
    assert one.returncode == three.returncode == 0, (one.stderr, three.stderr)
    assert json.loads(three.stdout) == json.loads(one.stdout)
    assert [r["athlete"] for r in json.loads(one.stdout)] == ["Ann", "Bob", "Cy"]


def test_each_line_names_the_flags_and_what_each_decision_is_for(club: Path) -> None:
    """A coach's Monday reads names, not counts: Bob's knee report is in his line, by area and score."""
    import datetime as dt

    from tests.cli.test_review_cli import LAST_MONDAY

    run = runner(club)
    day = str(LAST_MONDAY + dt.timedelta(days=1))
    out = run("wellness", "-a", "Bob", "--date", day, "--pain", "knee=6 left during")
    assert out.returncode == 0, out.stderr
    out = run("review", "--all")
    assert out.returncode == 0, out.stderr
    lines = dict(x.split(": ", 1) for x in out.stdout.strip().splitlines())
    assert "Knee pain (left) up to 6/10" in lines["Bob"]
    assert "Knee: down to rung" in lines["Bob"].split("flags:")[1]  # the ladder's step, by area, in words
    assert "sessions done" in lines["Ann"] and "Knee" not in lines["Ann"]
    got = {r["athlete"]: r for r in json.loads(run("review", "--all", "--format", "json").stdout)}
    assert any("knee" in names for names in got["Bob"]["decided"].values())
    assert got["Bob"]["flag_texts"] and not got["Ann"]["flag_texts"]


def test_a_coachs_monday_is_filed_as_a_markdown_page_with_flagged_athletes_first(club: Path) -> None:
    """cr26a F9: `review --all --format markdown -o` was refused, so the Monday could not be filed."""
    import datetime as dt

    from tests.cli.test_review_cli import LAST_MONDAY

    run = runner(club)
    day = str(LAST_MONDAY + dt.timedelta(days=1))
    assert run("wellness", "-a", "Cy", "--date", day, "--pain", "knee=6 left during").returncode == 0
    before = snapshot(run.path)
    out = run("review", "--all", "--format", "markdown", "-o", str(club / "monday.md"))
    assert out.returncode == 0, out.stderr
    page = (club / "monday.md").read_text()
    table = [x for x in page.splitlines() if x.startswith("| ") and not x.startswith("| Athlete")]
    assert [x.split(" | ")[0].lstrip("| ") for x in table] == ["Cy", "Ann", "Bob"]  # flags first
    assert "Knee pain (left) up to 6/10" in table[0] and "not written" in table[0]
    assert "3 athlete(s), 1 with flags." in page
    assert snapshot(run.path) == before  # a dry look: nothing written to the diary
