"""Sets logged exactly as planned, week after week, keep the plan's progression (cr22b W2: Hana's
trap bar, 4 x 5 @ 82.5 kg planned for week 5, became 80 kg after week 3 was logged as planned,
"Load from your last logged set: easier than planned moves it up, harder down": each as-planned
log of a load the plan had held or rounded down read a little weaker, so the heavy lift could
only hold or fall). Walked through the CLI, as a runner does it: log, review, today."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.cli.runner import env_for, run_cli

HANA = Path(__file__).parents[1] / "core" / "runners" / "hana_half_gym_known_loads.toml"
START = dt.date(2027, 3, 1)
TRAINING_DAYS = (0, 2, 4)  # Mon, Wed, Fri


def test_sessions_logged_as_planned_keep_the_heavy_lifts_planned_loads(tmp_path):
    env = env_for(tmp_path)

    def cli(day: dt.date, *args: str) -> str:
        out = run_cli(args, env=env | {"RUNSTRONG_TODAY": day.isoformat()})
        assert out.returncode == 0, out.stdout + out.stderr
        return out.stdout

    cli(START - dt.timedelta(days=1), "athlete", "add", str(HANA))
    fresh = json.loads(cli(START, "plan", str(HANA), "--format", "json"))
    planned = {
        (s["date"], b["exercise_id"]): b["prescription"]["load_kg"]
        for w in fresh["weeks"]
        for s in w["sessions"]
        for b in s["blocks"]
        if b["prescription"]["load_kg"] and "light-before-key-runs" not in b["rule_ids"]
    }
    for n in range(5 * 7):  # weeks 1-5 logged as planned, each reviewed on the Monday after
        day = START + dt.timedelta(days=n)
        if day.weekday() == 0 and n:
            cli(day, "review", "--accept")
        if day.weekday() in TRAINING_DAYS and json.loads(cli(day, "today", "--format", "json"))["sessions"]:
            cli(day, "log", "--as-planned")
    friday = START + dt.timedelta(weeks=5, days=4)  # week 6's heavy day
    today = json.loads(cli(friday, "today", "--format", "json"))
    loads = {(friday.isoformat(), b["exercise_id"]): b["prescription"]["load_kg"]
             for s in today["sessions"] for b in s["blocks"] if b["prescription"]["load_kg"]}  # fmt: skip
    dropped = {k: (planned[k], kg) for k, kg in loads.items() if k in planned and kg < planned[k] - 1e-6}
    assert loads and dropped == {}
