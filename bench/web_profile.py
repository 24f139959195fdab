"""Where a web request's time goes, on a long diary: SQL statements and transactions per
request, and a cProfile of many requests, for the dashboard rendered afresh, `/api/v1/today`
and the session log page, on SQLite and (with --pg and RUNSTRONG_PG_URL) PostgreSQL.

    python bench/web_profile.py [--requests 200] [--pg] [--top 25] [--years 3]

The diary is the generated three-year one (`bench/diary_data.py`, written through the
import path) with the example marathoner's plan covering today; requests go through the
app in-process (Starlette's TestClient, no network), so the profile is the app's own work.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
TODAY = dt.date(2027, 1, 8)  # a Friday: session A of the marathoner's third week is due
ORIGIN = "http://127.0.0.1:8000"


def seed(url: str, years: float) -> None:
    """The generated diary (ending yesterday) and a plan started two weeks ago."""
    from diary_data import three_year_diary
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store
    from runstrong.store.transfer import import_athlete

    store = open_store(url)
    monday = TODAY - dt.timedelta(days=TODAY.weekday() + 14)
    profile = load_profile(ROOT / "src" / "runstrong" / "examples" / "marathoner.toml")
    race = profile.race.model_copy(update={"date": monday + dt.timedelta(weeks=16, days=6)})
    profile = profile.model_copy(update={"name": "Bench runner", "start_date": monday, "race": race})
    since = TODAY - dt.timedelta(days=int(years * 365))
    diary = three_year_diary(TODAY, name="Bench runner")  # today's session logged too
    diary = diary.model_copy(update={k: [x for x in getattr(diary, k) if x.date >= since]
                                     for k in ("sessions", "wellness", "runs", "pains")})  # fmt: skip
    with store.write() as s:
        import_athlete(s, diary)
        repo.store_plan(s, profile, build_plan(profile, load_context(), least_bad=True), dt.datetime(2027, 1, 1, 8))
    store.close()


class Counter:
    """SQL statements and transactions (BEGINs) on an engine, by SQLAlchemy's events."""

    def __init__(self, show: bool = False) -> None:
        self.statements = 0
        self.begins = 0
        self.show = show  # print each statement's first 100 characters

    def attach(self, engine: object) -> None:
        from sqlalchemy import event

        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "begin", self._begin)

    def _statement(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        self.statements += 1
        if self.show:
            print("   ", " ".join(statement.split())[:100])

    def _begin(self, *_args: object) -> None:
        self.begins += 1


BATCHES = 5
PATHS = {"dashboard afresh": "/?_=1", "/api/v1/today": "/api/v1/today", "session page": f"/session/{TODAY}"}


def _inline_threads() -> None:
    """Run sync endpoints on the event loop's thread (cProfile sees one thread only)."""
    import anyio.to_thread

    async def run_sync(func, *args, **_kwargs):  # type: ignore[no-untyped-def]
        return func(*args)

    anyio.to_thread.run_sync = run_sync  # type: ignore[assignment]


async def _requests(
    app: object, paths: dict[str, str], requests: int, top: int, counter: Counter, show: bool = False
) -> None:
    import httpx

    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as client:
        await client.get("/")  # the session cookie, imports, templates
        store = app.state.diary.store  # type: ignore[attr-defined]
        if store._reader is not None and store._reader is not store.engine:
            counter.attach(store._reader)
        for name, path in paths.items():
            for _ in range(3):
                assert (await client.get(path)).status_code == 200, path
            before = (counter.statements, counter.begins)
            counter.show = show
            await client.get(path)
            counter.show = False
            print(f"{name:18} {counter.statements - before[0]:3} statements in "
                  f"{counter.begins - before[1]} transactions")  # fmt: skip
        for name, path in paths.items():  # timed alone in five batches (the least is steadiest on a busy machine)
            cpus = []
            for _ in range(BATCHES):
                cpu = time.process_time()
                for _ in range(max(1, requests // BATCHES)):
                    await client.get(path)
                cpus.append((time.process_time() - cpu) / max(1, requests // BATCHES) * 1000)
            print(f"{name:18} {min(cpus):6.2f} ms CPU a request (least of {BATCHES} batches; median "
                  f"{statistics.median(cpus):.2f})")  # fmt: skip
        for name, path in paths.items() if top else ():
            prof = cProfile.Profile()
            prof.enable()
            for _ in range(requests):
                await client.get(path)
            prof.disable()
            print(f"\n=== {name}, {requests} requests under cProfile")
            text = io.StringIO()
            pstats.Stats(prof, stream=text).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(top)
            print("\n".join(line for line in text.getvalue().splitlines()[6:] if line.strip()))


async def _bare(requests: int) -> float:
    """CPU ms a request of a one-route FastAPI app through the same client: the in-process reference."""
    import httpx
    from fastapi import FastAPI

    bare = FastAPI()

    @bare.get("/")
    async def _ok() -> dict[str, bool]:
        return {"ok": True}

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=bare), base_url=ORIGIN) as client:
        for _ in range(20):
            await client.get("/")
        cpus = []
        for _ in range(BATCHES):
            cpu = time.process_time()
            for _ in range(requests // BATCHES):
                await client.get("/")
            cpus.append((time.process_time() - cpu) / (requests // BATCHES) * 1000)
        return min(cpus)


def profile_backend(url: str, requests: int, top: int, show: bool = False) -> None:
    import asyncio

    from runstrong.web.app import create_app

    _inline_threads()
    app = create_app(url, today=TODAY)
    counter = Counter()
    counter.attach(app.state.diary.store.engine)
    bare = asyncio.run(_bare(requests * 3))
    print(f"{'bare FastAPI app':18} {bare:6.2f} ms CPU a request (least of {BATCHES} batches; same client, in-process)")
    asyncio.run(_requests(app, PATHS, requests, top, counter, show))
    app.state.diary.close()


def seed_for(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The diary to seed: the generated long one, or the web bench's one week (`--week`)."""
    if args.week:
        from web_throughput import seed as seed_week

        return seed_week
    return lambda url: seed(url, args.years)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--years", type=float, default=3)
    parser.add_argument("--week", action="store_true", help="web_throughput's seeded one-week diary instead.")
    parser.add_argument("--top", type=int, default=25, help="Profile rows to print (0: time only).")
    parser.add_argument("--pg", action="store_true", help="PostgreSQL (RUNSTRONG_PG_URL) instead of SQLite.")
    parser.add_argument("--statements", action="store_true", help="Print each request's SQL statements.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="runstrong-profile-") as folder:
        if not args.pg:
            url = f"sqlite:///{Path(folder) / 'diary.db'}"
            seed_for(args)(url)
            profile_backend(url, args.requests, args.top, args.statements)
            return
        sys.path.insert(0, str(ROOT / "bench"))
        from web_throughput import drop, pg_database

        os.environ.setdefault("RUNSTRONG_PG_URL", "")
        made = pg_database()
        if made is None:
            raise SystemExit("set RUNSTRONG_PG_URL for --pg")
        try:
            seed_for(args)(made[0])
            profile_backend(made[0], args.requests, args.top, args.statements)
        finally:
            drop(made[1])


if __name__ == "__main__":
    main()
