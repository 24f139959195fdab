"""The coach's roster page on a Monday: 50 athletes with three years of diary each (SQLite),
in-process (Starlette's TestClient, no network), and what keeping last week's flags costs a
write.

    python bench/roster_speed.py [--athletes 50] [--rosters 10] [--cache-dir DIR]

The diaries are bench/review_speed.py's generated ones (each athlete's own 16-week plan,
repeated back over three years, done mostly as planned; cached in --cache-dir), copied
fresh for each part. Today is the Monday after the reviewed week, so last week is a week of
every plan. Nothing is reviewed or accepted first: every athlete is in auto mode with no
review stored, the state cr26a F9's Monday was in.

  roster first   GET /roster in a new app, no flags kept yet (the first roster of the week)
  roster next    the median of --rosters more (every row kept)
  check-in first a wellness check-in through the flows, each athlete's first change of the
                 week (median over the athletes; the change keeps last week's flags)
  check-in again the same athletes' second check-in that day (median)
  Monday         the first roster after every athlete's first check-in of the week

Runs on main's code too (`PYTHONPATH=<main>/src`): it reads the page's flags from the HTML,
not from a module main lacks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import generated_profiles
from review_speed import athletes, cached_file

DAY = dt.timedelta(days=1)


def roster_ms(client) -> tuple[float, str]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    page = client.get("/roster")
    took = (time.perf_counter() - t0) * 1000
    assert page.status_code == 200, page.text[:500]
    return took, page.text


def flags_shown(page: str) -> int:
    """How many flags the page shows (last week's list items, or the older badges)."""
    return len(re.findall(r'class="flag flag-|class="badge[^"]*" title=', page))


def check_ins(url: str, names: list[str], today: dt.date) -> list[float]:
    """Each athlete's check-in today through the flows, in ms."""
    from runstrong.core.diary import Wellness
    from runstrong.flows.base import Clock
    from runstrong.flows.checkin import record_checkin
    from runstrong.io.data_files import load_context
    from runstrong.store.db import open_store

    load_context()
    store = open_store(url)
    clock = Clock(dt.datetime.combine(today, dt.time(7)), today)
    out = []
    try:
        for name in names:
            t0 = time.perf_counter()
            record_checkin(store, name, Wellness(date=today, sleep_hours=7.5, mood=4, energy=4, soreness=4), [], clock)
            out.append((time.perf_counter() - t0) * 1000)
    finally:
        store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--athletes", type=int, default=50)
    parser.add_argument("--rosters", type=int, default=10)
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "runstrong-bench")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from runstrong.io.data_files import load_context
    from runstrong.store.db import open_store
    from runstrong.web.app import create_app

    source = cached_file(args.cache_dir, generated_profiles(args.athletes), "roster")
    load_context()
    with tempfile.TemporaryDirectory(prefix="runstrong-roster-") as folder:
        copy = Path(folder) / "diary.db"
        shutil.copyfile(source, copy)
        url = f"sqlite:///{copy}"
        store = open_store(url)  # migrated to this code's head once, outside the timings
        found = athletes(store)
        store.close()
        names = [name for _, name, _ in found]
        today = statistics.mode(week for _, _, week in found) + 7 * DAY
        print(f"{len(names)} athletes, three years each; today {today:%a %d %b %Y}; {source.name}")

        with TestClient(create_app(url, today=today), base_url="http://127.0.0.1") as client:
            client.get("/api")  # the app's own first request (templates, routes) outside the roster's
            first, page = roster_ms(client)
            rest = [roster_ms(client)[0] for _ in range(args.rosters)]
        print(f"roster first   {first:8.1f} ms   ({flags_shown(page)} flags shown)")
        print(f"roster next    {statistics.median(rest):8.1f} ms   (median of {len(rest)}; max {max(rest):.1f})")

        shutil.copyfile(source, copy)
        open_store(url).close()
        firsts = check_ins(url, names, today)
        again = check_ins(url, names, today)
        print(f"check-in first {statistics.median(firsts):8.1f} ms   (median of {len(firsts)}; max {max(firsts):.1f})")
        print(f"check-in again {statistics.median(again):8.1f} ms   (median of {len(again)}; max {max(again):.1f})")
        with TestClient(create_app(url, today=today), base_url="http://127.0.0.1") as client:
            client.get("/api")
            monday, page = roster_ms(client)
        print(f"Monday         {monday:8.1f} ms   (the first roster after every athlete's check-in; "
              f"{flags_shown(page)} flags shown)")  # fmt: skip


if __name__ == "__main__":
    main()
