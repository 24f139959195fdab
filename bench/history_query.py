"""`runstrong history` over a generated three-year diary: the query part, in ms.

    python bench/history_query.py [--runs 30] [--db PATH_OR_URL]

Writes the diary (~15,000 sets, 1,100 check-ins, 700 runs) into a temporary SQLite file
(or the database given), then times the functions behind `runstrong history` (all time,
each in its own read transaction, as the command runs them) over repeated runs, and the
whole command as a process for reference. Goal: at most 100 ms for the query part.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from diary_data import three_year_diary
from runstrong.store import queries, repo
from runstrong.store.db import open_store
from runstrong.store.transfer import import_athlete

RUNSTRONG = str(Path(sys.executable).with_name("runstrong"))


def timed(store, fn) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    with store.read() as s:
        fn(s)
    return (time.perf_counter() - t0) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", help="A database URL or file (default: a new temporary SQLite file).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "diary.db")
        diary = three_year_diary(dt.date.today())
        store = open_store(db)
        t0 = time.perf_counter()
        with store.write() as s:
            existing = [a for a in repo.list_athletes(s) if a.name == diary.name]
            athlete_id = import_athlete(s, diary, replace=bool(existing))
        load_s = time.perf_counter() - t0
        sets = sum(len(x.sets) for x in diary.sessions)
        print(
            f"diary: {len(diary.sessions)} sessions, {sets} sets, {len(diary.wellness)} check-ins, "
            f"{len(diary.runs)} runs, written in {load_s:.1f} s ({store.engine.dialect.name})"
        )
        cases = {
            "history by week (all)": lambda s: queries.history_by_week(s, athlete_id),
            "history by week (12 weeks)": lambda s: queries.history_by_week(
                s, athlete_id, dt.date.today() - dt.timedelta(weeks=12)
            ),
            "history by exercise (all)": lambda s: queries.history_by_exercise(s, athlete_id),
            "one exercise (200 latest sets)": lambda s: queries.exercise_log(s, athlete_id, "romanian_deadlift"),
        }
        for fn in cases.values():  # warm caches and the connection pool
            timed(store, fn)
        print(f"{'query (one read transaction)':34} {'median ms':>10} {'p90 ms':>8}")
        for name, fn in cases.items():
            ts = sorted(timed(store, fn) for _ in range(args.runs))
            print(f"{name:34} {statistics.median(ts):10.1f} {ts[int(0.9 * (len(ts) - 1))]:8.1f}")
        store.close()
        env = os.environ | {"RUNSTRONG_DB": db, "COLUMNS": "120"}
        walls = []
        for _ in range(min(args.runs, 10)):
            t0 = time.perf_counter()
            subprocess.run([RUNSTRONG, "history", "--all"], env=env, stdout=subprocess.DEVNULL, check=True)
            walls.append(time.perf_counter() - t0)
        print(f"{'runstrong history --all (process)':34} {statistics.median(walls) * 1000:10.1f}")


if __name__ == "__main__":
    main()
