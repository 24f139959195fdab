"""Server mode under load (issue 17): many athletes with long diaries on PostgreSQL, many
concurrent users, against `runstrong serve --workers N` on 127.0.0.1; throughput, p50/p99
and errors per route, for 1 and 2 workers.

    RUNSTRONG_PG_URL=postgresql+psycopg://... python bench/server_load.py \\
        [--athletes 1000] [--years 3] [--users 100] [--seconds 30] [--workers 1 2] [--keep]

Seeding is done once and kept: a template database per size (`runstrong_load_tpl_…`,
named by athletes, years, schema revision and date) holds every athlete's diary; each run
is a copy of it (`CREATE DATABASE … TEMPLATE …`, seconds) dropped afterwards, so the
writes of one run never reach the next. The template is built with one diary written
through the import path (`bench/diary_data.py`: three strength sessions a week of 32 sets,
daily check-ins, runs) and a plan that covers today, then copied to every other athlete
inside PostgreSQL (`INSERT … SELECT` over `generate_series`, ids shifted by a fixed
offset), so 1,000 × 3 years (15 million sets) takes minutes, not hours. Accounts are
rows too: one argon2 hash shared by all, API tokens derived from the template's name.
`--drop-template` removes it.

A virtual user is an athlete (nine in ten) or a coach (one in ten, each assigned 30
athletes) sending requests back to back over its own connection. An athlete cycles the
dashboard (GET /), the session page (GET /session/<today>) and logging a set
(POST /api/v1/sessions); a coach the roster (GET /api/v1/roster) and an athlete's
dashboard. Loopback only; bounded by --seconds per worker count. The goal in the issue:
p99 <= 200 ms for the dashboard and the log at 100 users, no errors.

Before the measured seconds (timed and printed, not counted): each worker's data, each
coach's first roster of the day (it works out and keeps the flags no stored row holds for
today yet), and each user's first cycle of pages on its own connection (an athlete's first
page in a worker reads cold). `--review-share 0.5` puts half the coached athletes in review
mode on the run's copy, so the roster shows waiting reviews and their logs move the flags.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything else
TODAY = dt.date.today()
NOW = dt.datetime(2026, 1, 1, 8, 0)
COACHES = 10
PER_COACH = 30
PASSWORD = "load test password"
# tables copied per athlete, with the columns that point at another copied table's id
COPIED = {
    "athletes": {},
    "profiles": {"athlete_id": "athletes"},
    "plans": {"athlete_id": "athletes", "profile_id": "profiles"},
    "planned_items": {"plan_id": "plans"},
    "session_logs": {"athlete_id": "athletes"},
    "set_logs": {"session_log_id": "session_logs"},
    "pain_reports": {"athlete_id": "athletes", "session_log_id": "session_logs"},
    "wellness": {"athlete_id": "athletes"},
    "runs": {"athlete_id": "athletes"},
    "changes": {"athlete_id": "athletes"},
}


def athlete_name(i: int) -> str:
    return f"Runner {i:04d}"


def token_for(template: str, user: str) -> str:
    """A user's API token, derived from the template's name: the same in every run that copies it."""
    return hashlib.sha256(f"{template}/{user}".encode()).hexdigest()


def seed_first(url: str, years: float) -> None:
    """Athlete 0: the generated diary through the import path, and a plan that covers today."""
    sys.path.insert(0, str(ROOT / "bench"))
    from diary_data import three_year_diary
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store
    from runstrong.store.transfer import import_athlete

    store = open_store(url)
    monday = TODAY - dt.timedelta(days=TODAY.weekday() + 14)  # in the plan's third week
    profile = load_profile(ROOT / "src" / "runstrong" / "examples" / "marathoner.toml")
    race = profile.race.model_copy(update={"date": monday + dt.timedelta(weeks=16, days=6)})
    profile = profile.model_copy(update={"name": athlete_name(0), "start_date": monday, "race": race})
    plan = build_plan(profile, load_context(), least_bad=True)
    yesterday = TODAY - dt.timedelta(days=1)
    since = TODAY - dt.timedelta(days=int(years * 365))
    diary = three_year_diary(yesterday, name=athlete_name(0))
    diary = diary.model_copy(update={k: [x for x in getattr(diary, k) if x.date >= since]
                                     for k in ("sessions", "wellness", "runs", "pains")})  # fmt: skip
    with store.write() as s:
        import_athlete(s, diary)
        repo.store_plan(s, profile, plan, NOW)
    store.close()


def copy_athletes(conn: sa.Connection, athletes: int) -> None:
    """Athletes 1..N-1 as copies of athlete 0, inside the database: each table's ids shifted
    by (copy number × the table's id span), references shifted alike, then the sequences."""
    span = {t: conn.execute(sa.text(f"SELECT coalesce(max(id), 0) FROM {t}")).scalar_one() for t in COPIED}
    for table, refs in COPIED.items():
        columns = [r[0] for r in conn.execute(sa.text(
            "SELECT column_name FROM information_schema.columns WHERE table_name = :t ORDER BY ordinal_position"
        ), {"t": table})]  # fmt: skip
        shifted = []
        for c in columns:
            if c == "id":
                shifted.append(f"id + g * {span[table]}")
            elif c in refs:
                shifted.append(f"{c} + g * {span[refs[c]]}")
            elif table == "athletes" and c == "name":
                shifted.append("'Runner ' || lpad(g::text, 4, '0')")
            else:
                shifted.append(f'"{c}"')
        names = ", ".join(f'"{c}"' for c in columns)
        conn.execute(sa.text(f"INSERT INTO {table} ({names}) SELECT {', '.join(shifted)} "
                             f"FROM {table}, generate_series(1, {athletes - 1}) AS g"))  # fmt: skip
    for table in COPIED:
        conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                             f"(SELECT coalesce(max(id), 1) FROM {table}))"))  # fmt: skip
    others = conn.execute(sa.text(
        "SELECT relname FROM pg_stat_user_tables WHERE n_live_tup > 0 AND relname <> 'alembic_version'"
    )).scalars().all()  # fmt: skip
    missed = set(others) - set(COPIED)
    if missed:
        raise SystemExit(f"the first athlete has rows the copy does not shift: {sorted(missed)}")


def add_accounts(conn: sa.Connection, template: str, athletes: int) -> None:
    """An athlete account for each athlete and COACHES coaches of PER_COACH athletes each, with API tokens."""
    from runstrong.flows.accounts import hash_password, token_hash

    hashed = hash_password(PASSWORD)  # one argon2 hash for all: hashing 1,000 would take minutes
    ids = dict(conn.execute(sa.text("SELECT name, id FROM athletes")).all())
    users = [{"name": f"u{i:04d}", "role": "athlete", "athlete_id": ids[athlete_name(i)]} for i in range(athletes)]
    users += [{"name": f"coach{k:02d}", "role": "coach", "athlete_id": None} for k in range(COACHES)]
    conn.execute(sa.text("INSERT INTO users (name, password_hash, role, athlete_id, session_epoch, created_at) "
                         "VALUES (:name, :hashed, :role, :athlete_id, 0, :now)"),
                 [{**u, "hashed": hashed, "now": NOW} for u in users])  # fmt: skip
    user_ids = dict(conn.execute(sa.text("SELECT name, id FROM users")).all())
    tokens = "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (:u, 'load', :h, :now)"
    conn.execute(sa.text(tokens),
                 [{"u": user_ids[u["name"]], "h": token_hash(token_for(template, u["name"])), "now": NOW}
                  for u in users])  # fmt: skip
    conn.execute(sa.text("INSERT INTO coach_athletes (coach_id, athlete_id, created_at) VALUES (:c, :a, :now)"),
                 [{"c": user_ids[f"coach{k:02d}"], "a": ids[athlete_name((k * PER_COACH + j) % athletes)], "now": NOW}
                  for k in range(COACHES) for j in range(min(PER_COACH, athletes))])  # fmt: skip


def template_name(athletes: int, years: float) -> str:
    """The seeded template's name: its size, the schema revision and the day (the diaries end yesterday)."""
    from runstrong.store.db import HEAD_REVISION

    return f"runstrong_load_tpl_{athletes}x{years:g}y_{HEAD_REVISION}_{TODAY:%Y%m%d}".replace(".", "_")


def template_database(admin: sa.Engine, admin_url: str, athletes: int, years: float) -> str:
    """The name of the seeded template database for this size, built now if it is missing."""
    name = template_name(athletes, years)
    with admin.connect() as conn:
        if conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first():
            print(f"reusing the seeded template {name}")
            return name
        building = f"{name}_building"
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{building}"'))
    started = time.perf_counter()
    url = sa.make_url(admin_url).set(database=building)
    seed_first(url.render_as_string(hide_password=False), years)
    first = time.perf_counter()
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        copy_athletes(conn, athletes)
        add_accounts(conn, name, athletes)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("VACUUM ANALYZE"))
        sets = conn.execute(sa.text("SELECT count(*) FROM set_logs")).scalar_one()
    engine.dispose()
    with admin.connect() as conn:  # renamed only once complete: a half-built template is never reused
        conn.execute(sa.text(f'ALTER DATABASE "{building}" RENAME TO "{name}"'))
    print(f"seeded {name}: {athletes} athletes, {sets:,} sets; the first diary {first - started:.0f} s, "
          f"the copies, accounts and ANALYZE {time.perf_counter() - first:.0f} s")  # fmt: skip
    return name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def kinds_of(coach_of: str | None) -> list[str]:
    return ["roster", "dashboard"] if coach_of else ["dashboard", "session page", "log a set"]


async def send(client: httpx.AsyncClient, kind: str, coach_of: str | None) -> httpx.Response:
    """One request of a virtual user: a coach's dashboard is of one of their athletes."""
    if kind == "dashboard":
        return await client.get("/", params={"athlete": coach_of} if coach_of else None)
    if kind == "roster":
        return await client.get("/api/v1/roster")
    if kind == "session page":
        return await client.get(f"/session/{TODAY.isoformat()}")
    body = {"sets": [{"exercise_id": "romanian_deadlift", "reps": 8, "load_kg": 50, "rpe": 7}]}
    return await client.post("/api/v1/sessions", json=body)


async def user(
    client: httpx.AsyncClient, token: str, coach_of: str | None, until: float, out: dict, errors: list,
    think: float = 0.0,
) -> None:  # fmt: skip
    """One virtual user's requests until `until`; latencies by route into `out`. `think`: the
    mean pause (exponential, seeded per user) between a user's requests, as a runner between
    sets or a coach between athletes, and the first request comes after a pause drawn
    between 0 and `think` (all users at the same instant made a burst of 100 first pages that
    was the whole p99 before); 0 is a closed loop, requests back to back."""
    pauses = random.Random(token)
    kinds = kinds_of(coach_of)
    if think > 0:  # users met mid-pause, as in a running club: not all 100 at the same instant
        await asyncio.sleep(pauses.uniform(0, think))
    n = 0
    while time.monotonic() < until:
        kind = kinds[n % len(kinds)]
        n += 1
        start = time.perf_counter()
        response = await send(client, kind, coach_of)
        out.setdefault(kind, []).append(time.perf_counter() - start)
        if response.status_code >= 400:
            errors.append((kind, response.status_code, response.text[:120]))
        if think > 0:
            await asyncio.sleep(pauses.expovariate(1 / think))


async def first_cycle(clients: list[httpx.AsyncClient], coached: list[str | None]) -> list[float]:
    """Each user's routes once, a few users at a time, before the measured run: a keep-alive
    connection stays with one worker, so this is each athlete's first page in the worker
    that will serve them (read cold, a few hundred ms), as a server that has been running
    has already seen them. The latencies (ms) are returned, reported, not measured."""
    gate = asyncio.Semaphore(4)
    times: list[float] = []

    async def one(client: httpx.AsyncClient, coach_of: str | None) -> None:
        async with gate:
            for kind in kinds_of(coach_of):
                start = time.perf_counter()
                (await send(client, kind, coach_of)).raise_for_status()
                times.append((time.perf_counter() - start) * 1000)

    await asyncio.gather(*(one(c, w) for c, w in zip(clients, coached, strict=True)))
    return times


def _start(url: str, workers: int) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = dict(os.environ, RUNSTRONG_SECRET_KEY=uuid.uuid4().hex * 2)
    runstrong = str(Path(sys.executable).with_name("runstrong"))
    server = subprocess.Popen([runstrong, "serve", "--db", url, "--port", str(port), "--workers", str(workers)],
                              env=env, stdout=subprocess.DEVNULL)  # fmt: skip
    base = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/login", timeout=2)
            return server, base
        except httpx.TransportError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit("the server did not start") from None
            time.sleep(0.3)


def put_in_review_mode(url: str, share: float) -> int:
    """Every coached athlete in `share` of them (evenly spread) in review mode: their week's
    review waits for the coach, so the roster shows its flags; how many."""
    if share <= 0:
        return 0
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        coached = conn.execute(sa.text("SELECT DISTINCT athlete_id FROM coach_athletes ORDER BY athlete_id")).scalars()
        chosen = [a for n, a in enumerate(coached) if int((n + 1) * share) > int(n * share)]
        conn.execute(sa.text("INSERT INTO review_settings (athlete_id, mode) VALUES (:a, 'review')"),
                     [{"a": a} for a in chosen])  # fmt: skip
    engine.dispose()
    return len(chosen)


def warm_up(base: str, template: str, workers: int) -> None:
    """Each worker loads the library, rulebook and figures once, and each coach's roster is
    read once (the first roster of a day works out and keeps the flags no row holds yet for
    that day, see `store/roster_flags`): timed, not measured with the rest."""
    warm = {"Authorization": f"Bearer {token_for(template, 'u0000')}"}
    for _ in range(4 * workers):
        for path in ("/", f"/session/{TODAY}"):
            httpx.get(f"{base}{path}", headers=warm, timeout=60)
    first, again = [], []
    for k in range(COACHES):
        coach = {"Authorization": f"Bearer {token_for(template, f'coach{k:02d}')}"}
        for times in (first, again):
            start = time.perf_counter()
            httpx.get(f"{base}/api/v1/roster", headers=coach, timeout=120).raise_for_status()
            times.append((time.perf_counter() - start) * 1000)
    print(f"  warm-up: each coach's first roster of the day {statistics.median(first):.0f} ms (median, max "
          f"{max(first):.0f}), the next {statistics.median(again):.0f} ms")  # fmt: skip


def measure(
    url: str, template: str, athletes: int, workers: int, users: int, seconds: float, think: float = 0.0
) -> None:
    server, base = _start(url, workers)
    try:
        warm_up(base, template, workers)
        out: dict[str, list[float]] = {}
        errors: list = []

        per = min(PER_COACH, athletes)

        def who(i: int) -> tuple[str, str | None]:
            if i % 10 == 9:
                k = (i // 10) % COACHES
                return token_for(template, f"coach{k:02d}"), athlete_name((k * PER_COACH + i % per) % athletes)
            return token_for(template, f"u{(i * 11) % athletes:04d}"), None

        async def run() -> None:
            found = [who(i) for i in range(users)]
            # an idle connection is let go before the server's 5 s keep-alive ends: after a longer
            # pause the next request opens a new one (sent on one the server was closing, it failed)
            limits = httpx.Limits(keepalive_expiry=4)
            clients = [httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {t}"}, timeout=30,
                                         limits=limits) for t, _ in found]  # fmt: skip
            try:
                cold = sorted(await first_cycle(clients, [c for _, c in found]))
                print(f"  warm-up: each user's first cycle in its worker p50 {statistics.median(cold):.0f} ms, "
                      f"max {cold[-1]:.0f} ms (not measured)")  # fmt: skip
                until = time.monotonic() + seconds
                await asyncio.gather(*(user(clients[i], *found[i], until, out, errors, think) for i in range(users)))
            finally:
                for client in clients:
                    await client.aclose()

        asyncio.run(run())
    finally:
        server.terminate()
        server.wait(timeout=30)
    total = sum(len(v) for v in out.values())
    pace = f"think {think:g} s" if think else "closed loop"
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"workers={workers} users={users} ({pace}) {seconds:g} s: "
        f"{total / seconds:.0f} requests/s, errors {len(errors)}; load average at the end {load}"
    )
    for kind, times in sorted(out.items()):
        ms = sorted(t * 1000 for t in times)
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        bad = sum(1 for e in errors if e[0] == kind)
        print(f"  {kind:13} n={len(ms):6}  {len(ms) / seconds:6.1f}/s  p50 {statistics.median(ms):7.1f} ms  "
              f"p99 {p99:7.1f} ms  errors {bad}")  # fmt: skip
    for e in errors[:3]:
        print("  error:", e)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int, default=1000)
    parser.add_argument("--years", type=float, default=3)
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--think", type=float, default=0.0,
                        help="Mean seconds a user pauses between requests (0: back to back, the default).")  # fmt: skip
    parser.add_argument("--review-share", type=float, default=0.0,
                        help="Share of the coached athletes in review mode (0: none, the default).")  # fmt: skip
    parser.add_argument("--drop-template", action="store_true", help="Remove this size's seeded template and stop.")
    args = parser.parse_args()
    admin_url = os.environ.get("RUNSTRONG_PG_URL")
    if not admin_url:
        raise SystemExit("set RUNSTRONG_PG_URL to a PostgreSQL server (databases are made and dropped)")
    if args.athletes < COACHES:
        raise SystemExit(f"--athletes: at least {COACHES}")
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    if args.drop_template:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{template_name(args.athletes, args.years)}" WITH (FORCE)'))
        return
    template = template_database(admin, admin_url, args.athletes, args.years)
    for workers in args.workers:
        name = f"runstrong_load_{uuid.uuid4().hex[:8]}"
        started = time.perf_counter()
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        print(f"copied the template in {time.perf_counter() - started:.1f} s")
        url = sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        try:
            if args.review_share:
                print(f"  {put_in_review_mode(url, args.review_share)} coached athletes in review mode")
            measure(url, template, args.athletes, workers, args.users, args.seconds, args.think)
        finally:
            with admin.connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


if __name__ == "__main__":
    main()
