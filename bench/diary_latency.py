"""Logging latency: `runstrong log --set` (one set) as a ratio to `runstrong --help`.

    python bench/diary_latency.py [--runs 20] [--db PATH_OR_URL]

Each run is a fresh process, as a runner or a script meets it; the two commands are
interleaved so that machine noise hits both alike, and the ratio of medians is reported.
Also times the parts inside one process (opening the store, the write transaction) so the
fixed cost of starting Python and importing SQLAlchemy can be told apart from the write.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from runstrong.core.diary import SessionLog, SetLog
from runstrong.store import repo
from runstrong.store.db import open_store
from runstrong.store.transfer import import_athlete

RUNSTRONG = str(Path(sys.executable).with_name("runstrong"))
SET = "rdl 1x8@40kg rpe7"


def wall(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0


def in_process(db: str, runs: int) -> tuple[float, float]:
    """Median ms to open the store and to write one set (one transaction)."""
    opens, writes = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        store = open_store(db)
        t1 = time.perf_counter()
        with store.write() as s:
            athlete = repo.find_athlete(s, None)
            existing = repo.session_ids_on(s, athlete.id, dt.date.today())
            one = [SetLog(exercise_id="romanian_deadlift", set_number=1, reps=8, load_kg=40.0, rpe=7)]
            repo.log_session(
                s, athlete.id, SessionLog(date=dt.date.today(), sets=one), existing[-1] if existing else None
            )
        t2 = time.perf_counter()
        store.close()
        opens.append(t1 - t0)
        writes.append(t2 - t1)
    return statistics.median(opens) * 1000, statistics.median(writes) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", help="A database URL or file (default: a new temporary SQLite file).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "diary.db")
        store = open_store(db)
        from runstrong.core.diary import AthleteDiary

        with store.write() as s:
            if not repo.list_athletes(s):
                import_athlete(s, AthleteDiary(name="Bench", units="metric", created_at=dt.datetime(2026, 1, 1)))
        store.close()
        env = os.environ | {"RUNSTRONG_DB": db}
        commands = {
            "runstrong --help": [RUNSTRONG, "--help"],
            f'runstrong log --set "{SET}"': [RUNSTRONG, "log", "--set", SET],
        }
        for cmd in commands.values():  # warm the OS file cache
            wall(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(wall(cmd, env))
        base = statistics.median(times["runstrong --help"])
        print(f"{'command':40} {'median ms':>10} {'ratio':>7}")
        for name, ts in times.items():
            med = statistics.median(ts)
            print(f"{name:40} {med * 1000:10.1f} {med / base:7.2f}x")
        open_ms, write_ms = in_process(db, args.runs)
        print(f"in one process: open the store {open_ms:.1f} ms, write one set (one transaction) {write_ms:.1f} ms")


if __name__ == "__main__":
    main()
