"""Cold start: wall time of `runstrong` commands as a ratio to `python -c pass`, over repeated runs.

    python bench/cli_startup.py [--runs 15] [--only today,plan]

Every command runs as a fresh process with the same interpreter, interleaved so that
machine noise hits all alike; the figure is the ratio of medians. Goals (issue 21): every
subcommand's `--help` within 4x, `runstrong today` within 15x, on a realistic diary made in a
temporary folder first: the marathoner's 16-week plan and three years of logged sessions,
check-ins and runs before the day shown (bench/diary_data.py), so the day's session shows
last sets and loads that follow the log. On a SQLite diary at the schema's head `today`
reads through the standard library (store/light_read.py); "first run" is a fresh cache
folder, where it takes the full path once to keep the registry values load-following needs. A help page is rendered by
click the first time and printed from the cache after that (cli/help_cache.py): the medians
are the cached pages, "first run" is one timing of the first, click-rendered, page. Look at one command's imports
with `python -X importtime -c "from runstrong.cli.main import cli; cli(['today'])" 2>&1 | sort -t'|' -k2 -n`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from runstrong.cli.main import COMMANDS as SUBCOMMANDS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from diary_data import three_year_diary

# the console script a user runs, installed beside this interpreter
RUNSTRONG = str(Path(sys.executable).with_name("runstrong"))
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "marathoner.toml"
HELP_GOAL, TODAY_GOAL = 4.0, 15.0
TODAY = "2027-02-05"  # a Friday in the marathoner's fifth week: session A, two barbell lifts


def realistic_diary(env: dict[str, str]) -> None:
    """The marathoner's plan, then three years of diary up to the day before TODAY."""
    import datetime as dt

    from runstrong.store import repo
    from runstrong.store.db import open_store
    from runstrong.store.transfer import import_entries

    subprocess.run([RUNSTRONG, "athlete", "add", str(EXAMPLE)], check=True, env=env, stdout=subprocess.DEVNULL)
    store = open_store(env["RUNSTRONG_DB"])
    with store.write() as s:
        who = repo.find_athlete(s, None)
        import_entries(s, who.id, three_year_diary(dt.date.fromisoformat(TODAY) - dt.timedelta(days=1)))
    store.close()


def commands() -> dict[str, list[str]]:
    out = {"python -c pass": [sys.executable, "-c", "pass"], "runstrong --help": [RUNSTRONG, "--help"]}
    out |= {f"{name} --help": [RUNSTRONG, name, "--help"] for name in SUBCOMMANDS}
    out["runstrong today"] = [RUNSTRONG, "today", "--date", TODAY]
    return out


def wall(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--only", default="", help="comma-separated subcommands to time (with the baseline)")
    args = parser.parse_args()
    todo = commands()
    if args.only:
        keep = {"python -c pass", *(n for n in todo if n.split(" ")[0] in args.only.split(","))}
        keep |= {"runstrong today"} if "today" in args.only.split(",") else set()
        todo = {n: c for n, c in todo.items() if n in keep}
    with tempfile.TemporaryDirectory() as folder:
        env = os.environ | {"RUNSTRONG_DB": str(Path(folder) / "diary.db"), "XDG_CACHE_HOME": str(Path(folder))}
        realistic_diary(env)
        first = {name: wall(cmd, env) for name, cmd in todo.items()}  # the first help renders with click and is kept
        for cmd in todo.values():  # warm the OS file cache and the bytecode
            wall(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in todo}
        for _ in range(args.runs):
            for name, cmd in todo.items():
                times[name].append(wall(cmd, env))
    base = statistics.median(times["python -c pass"])
    print(f"{'command':26} {'median ms':>10} {'ratio':>7} {'first run':>10}  goal")
    for name, ts in times.items():
        med = statistics.median(ts)
        goal = TODAY_GOAL if name == "runstrong today" else HELP_GOAL if "help" in name else None
        mark = "" if goal is None else f"  {'ok' if med / base <= goal else 'OVER'} (≤ {goal:g}×)"
        print(f"{name:26} {med * 1000:10.1f} {med / base:6.2f}× {first[name] / base:9.2f}×{mark}")


if __name__ == "__main__":
    main()
