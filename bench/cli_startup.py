"""`runstrong --help` wall time as a ratio to `python -c pass`, over repeated runs.

    python bench/cli_startup.py [--runs 30]

Both commands run as fresh processes with the same interpreter, interleaved so that
machine noise hits both alike; the ratio of medians is the figure the issue asks for
(goal: within 5x). Also times the daily commands for reference.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

# the console script a user runs, installed beside this interpreter
RUNSTRONG = str(Path(sys.executable).with_name("runstrong"))
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "runstrong --help": [RUNSTRONG, "--help"],
    "runstrong --version": [RUNSTRONG, "--version"],
    "runstrong exercises --help": [RUNSTRONG, "exercises", "--help"],
    "runstrong rules show taper": [RUNSTRONG, "rules", "show", "taper"],
    "runstrong demo --format json": [RUNSTRONG, "demo", "--format", "json"],
}


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    for cmd in COMMANDS.values():  # warm the OS file cache
        wall(cmd)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, cmd in COMMANDS.items():
            times[name].append(wall(cmd))
    base = statistics.median(times["python -c pass"])
    print(f"{'command':32} {'median ms':>10} {'ratio':>7}")
    for name, ts in times.items():
        med = statistics.median(ts)
        print(f"{name:32} {med * 1000:10.1f} {med / base:7.2f}x")


if __name__ == "__main__":
    main()
