"""Coach read cr20a, Nadia (a right calf strain, a plan that starts on a Saturday): the
check-in route the CLI itself gives for a run's pain ("calf=5 right after from=long" on
Monday, about Sunday's long run) counts for Sunday's week, and her calf does not climb a
rung from a week whose one session held none of the rung's work (findings 1 and 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.cli.runner import env_for, run_cli

NADIA = Path(__file__).parents[1] / "data" / "runners" / "nadia_calf_sat_start.toml"


def nadia(tmp_path: Path):  # type: ignore[no-untyped-def]
    shutil.copy(NADIA, tmp_path / "nadia.toml")

    def run(today: str, *args: str):  # type: ignore[no-untyped-def]
        out = run_cli(args, env={**env_for(tmp_path), "RUNSTRONG_TODAY": today})
        assert out.returncode == 0, out.stderr
        return out.stdout

    run("2027-02-05", "athlete", "add", str(tmp_path / "nadia.toml"))
    run("2027-02-06", "log", "-a", "Nadia", "--as-planned", "--rpe", "5", "--minutes", "22")
    run("2027-02-07", "run", "add", "long", "60", "--rpe", "5", "-a", "Nadia")
    return run


def calf_lines(review: str) -> str:
    lines = review.splitlines()
    start = next(i for i, x in enumerate(lines) if "Calf" in x)
    return " ".join(" ".join(x.strip("│ ").split()) for x in lines[start : start + 4])


def test_monday_checkin_pain_after_sundays_long_run_regresses_the_calf_in_sundays_week(tmp_path):
    run = nadia(tmp_path)
    said = run("2027-02-08", "wellness", "--mood", "4", "--pain", "calf=5 right after from=long", "-a", "Nadia")
    assert "counted for Sun 07 Feb" in said
    review = run("2027-02-08", "review", "-a", "Nadia", "--dry-run")
    assert "regress Right calf 5/10 after long run" in " ".join(review.split())
    assert "▲ progress Calf" not in review


def test_a_first_partial_week_without_the_calf_rung_waits_and_says_why(tmp_path):
    run = nadia(tmp_path)
    review = calf_lines(run("2027-02-08", "review", "-a", "Nadia", "--dry-run"))
    assert "wait Calf" in review and "up to rung 2" not in review
    assert "sessions held none of its rung's work" in review
