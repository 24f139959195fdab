"""Coach read cr20a, Nadia (a right calf strain, a plan that starts on a Saturday): the
check-in route the CLI itself gives for a run's pain ("calf=5 right after from=long" on
Monday, about Sunday's long run) counts for Sunday's week, and her calf does not climb a
rung from a week whose one session held none of the rung's work (findings 1 and 2)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.cli.runner import env_for, run_cli

NADIA = Path(__file__).parents[1] / "core" / "runners" / "nadia_calf_sat_start.toml"


def nadia(tmp_path: Path, *saturday: str):  # type: ignore[no-untyped-def]
    """Nadia added, Saturday's session logged (as planned, or the sets given), Sunday's long run."""
    shutil.copy(NADIA, tmp_path / "nadia.toml")

    def run(today: str, *args: str):  # type: ignore[no-untyped-def]
        out = run_cli(args, env={**env_for(tmp_path), "RUNSTRONG_TODAY": today})
        assert out.returncode == 0, out.stderr
        return out.stdout

    run("2027-02-05", "athlete", "add", str(tmp_path / "nadia.toml"))
    logged = [x for s in saturday for x in ("--set", s)] or ["--as-planned"]
    run("2027-02-06", "log", "-a", "Nadia", *logged, "--rpe", "5", "--minutes", "22")
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


def test_her_saturday_start_week_holds_the_calf_hold_and_a_week_without_it_logged_waits(tmp_path):
    """Her one-session first week now holds the calf ladder's isometric hold (finding 3); a
    Saturday logged without it earns no rung (finding 2), and the review says why."""
    run = nadia(tmp_path, "glute bridge 2x10", "dumbbell step-up 2x8@4kg")
    week = run("2027-02-06", "plan", "-a", "Nadia", "--week", "1")
    assert "Isometric calf hold" in week
    review = calf_lines(run("2027-02-08", "review", "-a", "Nadia", "--dry-run"))
    assert "wait Calf" in review and "up to rung 2" not in review
    assert "not logged this week" in review
