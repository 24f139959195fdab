"""Requests per second and latency (p50/p99) for the web app's busiest pages, as a ratio
to a separate, minimal bare FastAPI app (one route returning a small JSON constant), on
SQLite and, when RUNSTRONG_PG_URL is set, on PostgreSQL.

    python bench/web_throughput.py [--requests 2000] [--clients 10 50] [--rounds 3]

A seeded diary (the example marathoner, with a logged session, a run and a check-in) is
served by uvicorn on 127.0.0.1 in a child process pinned to one core; the bare app is a
process of its own (not a route inside runstrong's app, behind its ~45 routes and its
security middleware). This process is the client, pinned to the other core, sending a
fixed number of requests over N keep-alive connections (plain asyncio streams: a light
client, so that it is not the bottleneck), each sending back the cookies its first
response set, as a browser would (the dashboard's cached page is per browser session).
Endpoints: the dashboard `/` (served from its render cache while the diary is
unchanged), the dashboard rendered afresh (`/?_=1` skips the cache), `/api/v1/today`, the
session log page, and logging a set (`POST /api/v1/sessions`, one set, through the log
flow: one write transaction each). The log is served by a second server over a diary of
its own, seeded alike, so the pages are measured on an unchanged diary; its sets go to
earlier days in turn (at most 99 sets of a lift fit a session). Rounds alternate the
endpoints; medians of the rounds. A 503 (the SQLite diary busy, answered with Retry-After)
is counted in a column of its own and never as a success: req/s counts 2xx answers only.
Loopback only, bounded in count and time. Goals (issue 21): the
fresh dashboard and `/api/v1/today` at least 25% of the bare app.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything else
TODAY = dt.date(2027, 1, 8)
TIME_LIMIT_S = 120
LOG = "POST /api/v1/sessions"  # the target name of logging a set
LOG_DAYS = 300  # logged sets are spread over this many earlier days (99 sets of a lift fit a session)
_LOGGED = itertools.count()


def seed(path: str) -> None:
    """The example marathoner, on the Friday of week 1 with the day's work logged."""
    from fastapi.testclient import TestClient

    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store
    from runstrong.web.app import create_app

    store = open_store(path)
    profile = load_profile(ROOT / "src" / "runstrong" / "examples" / "marathoner.toml")
    with store.write() as s:
        repo.store_plan(s, profile, build_plan(profile, load_context(), least_bad=True), dt.datetime(2027, 1, 1, 8))
    store.close()
    app = create_app(path, today=TODAY)
    with TestClient(app, base_url=f"http://{HOST}") as client:  # a Host the app answers to
        client.post("/api/v1/sessions", json={"as_planned": True, "session_rpe": 6, "minutes": 30})
        client.post("/api/v1/wellness", json={"sleep_hours": 7.5, "mood": 4, "energy": 4})
        client.post("/api/v1/runs", json={"type": "easy", "minutes": 30, "distance_km": 6})
    app.state.diary.close()


def serve(db: str, port: int) -> None:
    """A child process: runstrong's app over the diary, nothing added."""
    import uvicorn

    from runstrong.web.app import create_app

    uvicorn.run(create_app(db, today=TODAY), host=HOST, port=port, log_level="warning", access_log=False)


def serve_bare(port: int) -> None:
    """A child process: the reference, a FastAPI app with one route and nothing else."""
    import uvicorn
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/")
    async def bare() -> dict[str, bool]:
        return {"ok": True}

    uvicorn.run(app, host=HOST, port=port, log_level="warning", access_log=False)


def _request(path: str, cookies: bytes) -> bytes:
    """A GET of `path`, or for LOG one set logged (through the log flow) on an earlier day each time."""
    if path != LOG:
        return f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n".encode() + cookies + b"\r\n"
    day = TODAY - dt.timedelta(days=30 + next(_LOGGED) % LOG_DAYS)
    body = json.dumps({"date": str(day), "sets": [{"exercise_id": "goblet_squat", "reps": 8, "load_kg": 40}]})
    head = f"POST /api/v1/sessions HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/json\r\n"
    return f"{head}Content-Length: {len(body)}\r\n".encode() + cookies + b"\r\n" + body.encode()


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes, path: str) -> bytes:
    """One request over the open connection; the response head (the body is read and dropped).
    A 503 (a busy SQLite diary, with Retry-After) is a real answer a client retries: it is
    counted apart by the caller, never as a success; any other non-2xx ends the run."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    status = head[9:12]
    if status not in (b"200", b"201", b"503"):
        raise RuntimeError(f"{path} answered {status.decode()}")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                  if line.lower().startswith(b"content-length:"))  # fmt: skip
    await reader.readexactly(length)
    return head


def _busy(head: bytes) -> bool:
    return head[9:12] == b"503"


async def _worker(port: int, path: str, count: int, latencies: list[float], busy: list[int]) -> None:
    """One browser: a first request outside the count takes the cookies the app sets (its
    session's form token), which every later request sends back, as a browser does."""
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        head = await _get(reader, writer, _request(path, b""), path)
        cookies = [line.split(b":", 1)[1].split(b";")[0].strip() for line in head.split(b"\r\n")
                   if line.lower().startswith(b"set-cookie:")]  # fmt: skip
        sent = b"Cookie: " + b"; ".join(cookies) + b"\r\n" if cookies else b""
        for _ in range(count):
            request = _request(path, sent)
            t0 = time.perf_counter()
            head = await _get(reader, writer, request, path)
            if _busy(head):
                busy.append(1)
            else:
                latencies.append(time.perf_counter() - t0)
    finally:
        writer.close()


async def load(port: int, path: str, requests: int, clients: int) -> tuple[float, list[float], int]:
    """Answered requests per second (2xx only), each one's latency, and how many were answered
    503 (busy), for `requests` requests of `path` over `clients` connections."""
    latencies: list[float] = []
    busy: list[int] = []
    per = max(1, requests // clients)
    t0 = time.perf_counter()
    workers = (_worker(port, path, per, latencies, busy) for _ in range(clients))
    await asyncio.wait_for(asyncio.gather(*workers), TIME_LIMIT_S)
    return len(latencies) / (time.perf_counter() - t0), latencies, len(busy)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_up(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            socket.create_connection((HOST, port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def start(args: list[str], port: int, core: int | None) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, __file__, *args, str(port)])
    if core is not None:
        os.sched_setaffinity(server.pid, {core})
    wait_up(port, server)
    return server


def pg_database(suffix: str = "") -> tuple[str, object] | None:
    """A fresh PostgreSQL database for the run (dropped afterwards), when RUNSTRONG_PG_URL is set."""
    url = os.environ.get("RUNSTRONG_PG_URL")
    if not url:
        return None
    import sqlalchemy as sa

    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"runstrong_bench_web_{os.getpid()}{suffix}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    return sa.make_url(url).set(database=name).render_as_string(hide_password=False), (admin, name)


def drop(admin_and_name: object) -> None:
    import sqlalchemy as sa

    admin, name = admin_and_name  # type: ignore[misc]
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def measure(targets: dict[str, tuple[int, str]], args: argparse.Namespace, clients: int) -> dict[str, dict]:
    """Median req/s and pooled p50/p99 (ms) per endpoint; rounds alternate the endpoints."""
    for port, path in targets.values():  # warm up: imports, template compile, caches
        asyncio.run(load(port, path, 200, clients))
    rates: dict[str, list[float]] = {name: [] for name in targets}
    lats: dict[str, list[float]] = {name: [] for name in targets}
    busy = dict.fromkeys(targets, 0)
    for _ in range(args.rounds):
        for name, (port, path) in targets.items():
            rate, latencies, refused = asyncio.run(load(port, path, args.requests, clients))
            rates[name].append(rate)
            lats[name] += latencies
            busy[name] += refused
    out = {}
    for name in targets:
        q = statistics.quantiles(lats[name], n=100) if len(lats[name]) > 1 else [math.nan] * 99  # all busy
        out[name] = {"rate": statistics.median(rates[name]), "p50": q[49] * 1000, "p99": q[98] * 1000}
        out[name]["busy"] = busy[name]
    return out


def print_table(title: str, results: dict[str, dict]) -> None:
    bare = results["bare FastAPI app"]["rate"]
    print(f"\n{title}")
    print(f"{'endpoint':34} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'of bare':>8} {'503s':>6}")
    for name, r in results.items():
        print(f"{name:34} {r['rate']:7.0f} {r['p50']:8.1f} {r['p99']:8.1f} {r['rate'] / bare:8.0%} {r['busy']:6d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="Requests per round and endpoint.")
    parser.add_argument("--clients", type=int, nargs="+", default=[10, 50], help="Keep-alive connections.")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve", nargs=2, metavar=("DB", "PORT"), help=argparse.SUPPRESS)
    parser.add_argument("--serve-bare", metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return
    if args.serve_bare:
        serve_bare(int(args.serve_bare))
        return
    cores = sorted(os.sched_getaffinity(0))
    server_core = cores[0] if len(cores) > 1 else None
    if len(cores) > 1:
        os.sched_setaffinity(0, {cores[1]})
    with tempfile.TemporaryDirectory(prefix="runstrong-bench-") as folder:
        backends = {"SQLite": (str(Path(folder) / "diary.db"), str(Path(folder) / "log.db"))}
        made = [x for x in (pg_database(), pg_database("_log")) if x is not None]
        if made:
            backends["PostgreSQL"] = (made[0][0], made[1][0])
        servers: list[subprocess.Popen] = []
        try:
            bare_port = free_port()
            servers.append(start(["--serve-bare"], bare_port, server_core))
            for backend, dbs in backends.items():
                run_backend(backend, dbs, bare_port, server_core, args, servers)
        finally:
            for server in servers:
                if server.poll() is None:
                    server.terminate()
                    server.wait(timeout=10)
            for pg in made:
                drop(pg[1])


def run_backend(
    backend: str, dbs: tuple[str, str], bare_port: int, core: int | None, args: argparse.Namespace, servers: list
) -> None:
    """Seed the pages' diary and the log's, serve each, and measure every endpoint at each client count."""
    ports = []
    for db in dbs:
        seed(db)
        ports.append(free_port())
        servers.append(start(["--serve", db], ports[-1], core))
    port, log_port = ports
    targets = {
        "bare FastAPI app": (bare_port, "/"),
        "dashboard / (render cache)": (port, "/"),
        "dashboard / rendered afresh": (port, "/?_=1"),
        "/api/v1/today": (port, "/api/v1/today"),
        "session log page": (port, f"/session/{TODAY}"),
        "log a set (POST)": (log_port, LOG),
    }
    for clients in args.clients:
        results = measure(targets, args, clients)
        print_table(f"{backend}, {clients} clients, {args.requests} requests per round, {args.rounds} rounds", results)
    for server in servers[-2:]:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
