"""Server mode under load (issue 17): many athletes with long diaries on PostgreSQL, many
concurrent users mixing the dashboard, logging a check-in and the coach's roster, against
`runstrong serve --workers N` on 127.0.0.1; throughput, p50/p99 per kind and errors, for
1 and 2 workers.

    RUNSTRONG_PG_URL=postgresql+psycopg://... python bench/server_load.py \\
        [--athletes 1000] [--years 3] [--users 100] [--seconds 30] [--workers 1 2]

Each athlete gets a generated diary (bench/diary_data.py: three strength sessions a week,
daily check-ins, runs; `--years` shortens it) and the example marathoner's plan, and an
API token; a coach is assigned twenty of them. A virtual user is one athlete (or, one in
ten, the coach) sending requests back to back over its own connection: the dashboard
(GET /), a check-in (POST /api/v1/wellness) and, for the coach, GET /api/v1/roster.
Loopback only; bounded by --seconds per worker count. The goal in the issue: p99 <= 200 ms
for the dashboard and the log at 100 users, no errors.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything else
TODAY = dt.date.today()
NOW = dt.datetime(2027, 1, 1, 8, 0)


def seed(url: str, athletes: int, years: float) -> tuple[list[str], str]:
    """The athletes with diaries and plans, their API tokens, and the coach's token."""
    sys.path.insert(0, str(ROOT / "bench"))
    from diary_data import three_year_diary
    from runstrong.core.planner import build_plan
    from runstrong.flows import accounts
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store
    from runstrong.store.transfer import import_athlete

    store = open_store(url)
    profile = load_profile(ROOT / "src" / "runstrong" / "examples" / "marathoner.toml")
    plan = build_plan(profile, load_context(), least_bad=True)
    since = TODAY - dt.timedelta(days=int(years * 365))
    generated = three_year_diary(TODAY)
    generated = generated.model_copy(update={k: [x for x in getattr(generated, k) if x.date >= since]
                                             for k in ("sessions", "wellness", "runs", "pains")})  # fmt: skip
    tokens = []
    for i in range(athletes):
        name = f"Runner {i:04d}"
        diary = generated.model_copy(update={"name": name})  # the same diary under each name: generating is slow
        mine = profile.model_copy(update={"name": name})
        with store.write() as s:
            import_athlete(s, diary)
            repo.store_plan(s, mine, plan.model_copy(update={"profile": mine}), NOW)
        accounts.add_user(store, f"u{i:04d}", "load test password", "athlete", name, "bench", NOW)
        tokens.append(accounts.new_token(store, f"u{i:04d}", "load", "bench", NOW))
    accounts.add_user(store, "coach", "load test password", "coach", None, "bench", NOW)
    for i in range(min(20, athletes)):
        accounts.assign(store, "coach", f"Runner {i:04d}", "bench", NOW)
    coach = accounts.new_token(store, "coach", "load", "bench", NOW)
    store.close()
    return tokens, coach


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


async def user(base: str, token: str, coach: bool, until: float, out: dict[str, list[float]], errors: list) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    kinds = ["roster", "dashboard"] if coach else ["dashboard", "log", "dashboard"]
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        n = 0
        while time.monotonic() < until:
            kind = kinds[n % len(kinds)]
            n += 1
            start = time.perf_counter()
            if kind == "dashboard":
                response = await client.get("/", params={"athlete": "Runner 0000"} if coach else None)
            elif kind == "roster":
                response = await client.get("/api/v1/roster")
            else:
                response = await client.post("/api/v1/wellness", json={"mood": 1 + n % 5, "energy": 3})
            out.setdefault(kind, []).append(time.perf_counter() - start)
            if response.status_code >= 400:
                errors.append((kind, response.status_code, response.text[:120]))


def measure(url: str, tokens: list[str], coach: str, workers: int, users: int, seconds: float) -> None:
    port = _free_port()
    env = dict(os.environ, RUNSTRONG_SECRET_KEY=uuid.uuid4().hex * 2)
    runstrong = str(Path(sys.executable).with_name("runstrong"))
    server = subprocess.Popen([runstrong, "serve", "--db", url, "--port", str(port), "--workers", str(workers)],
                              env=env, stdout=subprocess.DEVNULL)  # fmt: skip
    base = f"http://{HOST}:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/login", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.3)
        for _ in range(2 * workers):  # each worker loads the exercise library and rulebook once: not measured
            httpx.get(f"{base}/", headers={"Authorization": f"Bearer {tokens[0]}"}, timeout=60)
        out: dict[str, list[float]] = {}
        errors: list = []
        until = time.monotonic() + seconds

        async def run() -> None:
            await asyncio.gather(*(user(base, coach if i % 10 == 9 else tokens[i % len(tokens)], i % 10 == 9,
                                        until, out, errors) for i in range(users)))  # fmt: skip

        asyncio.run(run())
    finally:
        server.terminate()
        server.wait(timeout=30)
    total = sum(len(v) for v in out.values())
    print(f"workers={workers} users={users}: {total / seconds:.0f} requests/s, errors {len(errors)}")
    for kind, times in sorted(out.items()):
        ms = sorted(t * 1000 for t in times)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        print(f"  {kind:9} n={len(ms):6}  p50 {statistics.median(ms):7.1f} ms  p99 {p99:7.1f} ms")
    for e in errors[:3]:
        print("  error:", e)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int, default=1000)
    parser.add_argument("--years", type=float, default=3)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    admin_url = os.environ.get("RUNSTRONG_PG_URL")
    if not admin_url:
        raise SystemExit("set RUNSTRONG_PG_URL to a PostgreSQL server (a database is made and dropped)")
    import sqlalchemy as sa

    name = f"runstrong_load_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        started = time.perf_counter()
        tokens, coach = seed(url, args.athletes, args.years)
        print(f"seeded {args.athletes} athletes ({args.years:g} years each) in {time.perf_counter() - started:.0f} s")
        for workers in args.workers:
            measure(url, tokens, coach, workers, args.users, args.seconds)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    main()
