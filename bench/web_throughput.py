"""Requests per second for the web app's dashboard, as a ratio to a bare FastAPI endpoint
(a small constant, as JSON and as plain text) served by the same app, in the same server,
in the same run; the ratio is taken against the faster of the two.

    python bench/web_throughput.py [--requests 3000] [--concurrency 8] [--rounds 5]

A seeded diary (the example marathoner, with a logged session, a run and a check-in) is
served by uvicorn on 127.0.0.1 in a child process pinned to one core; this process is
the client, pinned to the other, sending a fixed number of requests over a fixed number
of keep-alive connections (plain asyncio streams: a light client, so that it is not the
bottleneck). Rounds alternate bare and dashboard; the ratio is of the median rates.
The dashboard is served from memory until the diary changes (SQLite's data_version); a
third row asks for it with a query string, which skips that cache, to show the cost of
a render after every write.
Loopback only, bounded in count and time. Goal (issue 9): at least 50%.
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
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything else
TODAY = dt.date(2027, 1, 8)
TIME_LIMIT_S = 120


def seed(path: Path) -> None:
    """The example marathoner, on the Friday of week 1 with the day's work logged."""
    from fastapi.testclient import TestClient

    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store
    from runstrong.web.app import create_app

    store = open_store(str(path))
    profile = load_profile(ROOT / "src" / "runstrong" / "examples" / "marathoner.toml")
    with store.write() as s:
        repo.store_plan(s, profile, build_plan(profile, load_context(), least_bad=True), dt.datetime(2027, 1, 1, 8))
    store.close()
    app = create_app(str(path), today=TODAY)
    with TestClient(app, base_url=f"http://{HOST}") as client:  # a Host the app answers to
        client.post("/api/v1/sessions", json={"as_planned": True, "session_rpe": 6, "minutes": 30})
        client.post("/api/v1/wellness", json={"sleep_hours": 7.5, "mood": 4, "energy": 4})
        client.post("/api/v1/runs", json={"type": "easy", "minutes": 30, "distance_km": 6})
    app.state.diary.close()


def serve(db: str, port: int) -> None:
    """The child process: the app, plus the bare endpoint it is compared with."""
    import uvicorn
    from fastapi.responses import PlainTextResponse

    from runstrong.web.app import create_app

    app = create_app(db, today=TODAY)

    @app.get("/bench/bare")
    async def bare() -> dict[str, bool]:
        return {"ok": True}

    @app.get("/bench/bare-text")
    async def bare_text() -> PlainTextResponse:
        return PlainTextResponse("ok")

    uvicorn.run(app, host=HOST, port=port, log_level="warning", access_log=False)


async def _worker(port: int, path: str, count: int, sizes: list[int]) -> None:
    reader, writer = await asyncio.open_connection(HOST, port)
    request = f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode()
    try:
        for _ in range(count):
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = head[9:12]
            if status != b"200":
                raise RuntimeError(f"{path} answered {status.decode()}")
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))  # fmt: skip
            body = await reader.readexactly(length)
            sizes.append(len(body))
    finally:
        writer.close()


async def load(port: int, path: str, requests: int, concurrency: int) -> tuple[float, int]:
    """Requests per second for `requests` GETs of `path` over `concurrency` connections."""
    sizes: list[int] = []
    per = requests // concurrency
    t0 = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(_worker(port, path, per, sizes) for _ in range(concurrency))), TIME_LIMIT_S)
    return per * concurrency / (time.perf_counter() - t0), sizes[-1]


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=3000, help="Requests per round and endpoint.")
    parser.add_argument("--concurrency", type=int, default=8, help="Keep-alive connections.")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--serve", nargs=2, metavar=("DB", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return
    cores = sorted(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory(prefix="runstrong-bench-") as folder:
        db = Path(folder) / "diary.db"
        seed(db)
        port = free_port()
        server = subprocess.Popen([sys.executable, __file__, "--serve", str(db), str(port)])
        try:
            if len(cores) > 1:
                os.sched_setaffinity(server.pid, {cores[0]})
                os.sched_setaffinity(0, {cores[1]})
            wait_up(port, server)
            paths = {
                "bare endpoint, JSON": "/bench/bare",
                "bare endpoint, text": "/bench/bare-text",
                "dashboard (/)": "/",
                "dashboard, no cache": "/?_=1",
            }
            for path in paths.values():  # warm up: imports, template compile, caches
                asyncio.run(load(port, path, 400, args.concurrency))
            rates: dict[str, list[float]] = {name: [] for name in paths}
            sizes: dict[str, int] = {}
            for _ in range(args.rounds):
                for name, path in paths.items():
                    rate, size = asyncio.run(load(port, path, args.requests, args.concurrency))
                    rates[name].append(rate)
                    sizes[name] = size
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"{args.requests} requests per round, {args.concurrency} connections, {args.rounds} rounds, "
          f"server pinned to core {cores[0]}" + (f", client to core {cores[1]}" if len(cores) > 1 else ""))  # fmt: skip
    print(f"{'endpoint':24} {'median req/s':>12} {'min':>8} {'max':>8} {'body bytes':>11}")
    for name, rs in rates.items():
        print(f"{name:24} {statistics.median(rs):12.0f} {min(rs):8.0f} {max(rs):8.0f} {sizes[name]:11}")
    json_, text, dash, fresh = (statistics.median(r) for r in rates.values())
    bare = max(json_, text)  # the faster of the two bare endpoints: the stricter comparison
    print(f"dashboard / bare: {dash / bare:.0%} (goal: at least 50%); rendered afresh every time: {fresh / bare:.0%}")


if __name__ == "__main__":
    main()
