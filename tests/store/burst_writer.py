"""A writer process for the safety tests: logs sets in a loop, one transaction each,
printing the new set ids only after each commit.

    python -m tests.store.burst_writer DB_URL ATHLETE COUNT [GO_FILE]

It prints `ready` once the database is open; with GO_FILE it then waits for that file, so
that two writers start together. Every iteration adds two sets to the athlete's session of
the day (creating it the first time), so concurrent writers contend for the same rows.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

from runstrong.core.diary import MAX_SETS, SessionLog, SetLog
from runstrong.store import repo
from runstrong.store.db import open_store

DAY = dt.date(2026, 1, 5)


def main() -> None:
    url, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    go = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    store = open_store(url)
    with store.read() as s:
        athlete_id = repo.find_athlete(s, name).id
    print("ready", flush=True)
    while go is not None and not go.exists():
        time.sleep(0.005)
    sets = [SetLog(exercise_id="romanian_deadlift", set_number=1, reps=8, load_kg=40.0) for _ in range(2)]
    for _ in range(count):
        with store.write() as s:
            repo.lock_athlete(s, athlete_id)
            existing = repo.session_ids_on(s, athlete_id, DAY)
            full = existing and repo.count_sets(s, existing[-1:]) + len(sets) > MAX_SETS  # a session numbers 99
            append_to = existing[-1] if existing and not full else None
            result = repo.log_session(s, athlete_id, SessionLog(date=DAY, sets=sets), append_to)
        print(" ".join(map(str, result.set_ids)), flush=True)
    store.close()


if __name__ == "__main__":
    main()
