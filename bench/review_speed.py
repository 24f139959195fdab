"""The weekly review's speed on generated three-year diaries, on SQLite or PostgreSQL.

    python bench/review_speed.py [--athletes 1000] [--runs 30] [--jobs 1,2] [--command-runs 3] [--pg [URL]] [--profile]
    python bench/review_speed.py --only-one [--runs 30]      # (a) alone: one diary, no club

(a) One runner's three-year diary: what `runstrong review` computes in-process
    (`store.reviewing.prepare_review`: find the athlete, read the plan, the profile and the
    diary window, review the week, the eight-week trend, apply it as a new plan version,
    list the changes; nothing written), cold (first in the process) and warm (median of
    --runs), and its parts: read, review_week, apply_review. Goal: at most 50 ms.
(b) --athletes three-year diaries in one database, each athlete's review computed the same
    way in-process on one core (wall and CPU time), and in tiers without the new plan.
(c) HEADLINE: the whole command a coach runs, `runstrong review --all --week W --jobs N`,
    as a fresh process on every core (imports, reading, review, new plan version and
    changes for every athlete, JSON out; no trend, which its output does not show; its clock
    set to the diaries' last day). Goal: 1,000 athletes in at most 30 s; a smaller --athletes
    is extrapolated to 1,000 in the printout as the one-athlete command's fixed cost once plus
    the per-athlete rest times 1,000
    (scaling the whole command would count the imports and start-up once per 20 athletes).

The diaries are generated from each athlete's own plan (bench/generated.py runners, 16-week
race plans), repeated back over three years, done mostly as planned with seeded noise, and
written with multi-row INSERTs, the database giving every id. Generating takes minutes for
1,000 athletes, so the SQLite file is kept in --cache-dir (default: the system temp folder)
and a PostgreSQL database (--pg: the server URL, default $RUNSTRONG_PG_URL) is kept under
a name with the data version, and reused. The library and the registry are loaded before
timing (a) and (b). --profile prints where (b)'s time goes (cProfile); --gc-threshold shows
what Python's cyclic garbage collector costs once the planner's memo tables have grown.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import generated_profiles
from runstrong.core.diary import planned_work, sets_as_planned
from runstrong.core.library import Library
from runstrong.core.model import AthleteProfile, PainArea, Plan
from runstrong.core.planner import build_plan
from runstrong.core.review import apply_review, review_week
from runstrong.core.review_metrics import history_window_days
from runstrong.core.rules import Registry
from runstrong.io.data_files import load_context, load_library, load_registry
from runstrong.io.profile_file import load_profile
from runstrong.store import repo
from runstrong.store.db import Store, open_store
from runstrong.store.diary_window import load_diary
from runstrong.store.reviewing import TREND_WEEKS, prepare_review

DATA_VERSION = 1  # bump when the generated rows change: the cached files are then made again
SEED = 20261126
YEARS = 3
REVIEWED_WEEK = 11  # the plan week reviewed (1-based): a build or race-specific week
NOW = dt.datetime(2027, 3, 22, 7, 0)
DEFAULT_GC = gc.get_threshold()
DAY = dt.timedelta(days=1)
RUN_RPE = {"easy": 3.0, "long": 5.0, "tempo": 7.0, "intervals": 8.0, "race": 9.0, "cross_train": 3.0}
ITEMS = ("sleep_quality", "mood", "appetite", "soreness", "stress", "energy")
SET_KEYS = ("exercise_id", "set_number", "side", "reps", "seconds", "contacts", "distance_m", "load_kg", "rpe",
            "rir", "form_quality", "form_note")  # fmt: skip
RUN_KEYS = ("athlete_id", "date", "type", "minutes", "distance_km", "rpe", "leg_feel", "tightness", "form_note",
            "note", "started_at", "avg_hr", "max_hr", "source")  # fmt: skip


# --------------------------------------------------------------------------- generating


def reviewed_week(plan: Plan) -> dt.date:
    return plan.weeks[REVIEWED_WEEK - 1].start_date


class Rows:
    """Rows for the diary tables. Ids are the database's own (a PostgreSQL sequence would
    not know of ids given here, and the next ordinary insert would fail): a set points at
    its session by the session's place in `sessions` until `flush` inserts them."""

    def __init__(self) -> None:
        self.sessions: list[dict[str, Any]] = []
        self.sets: list[dict[str, Any]] = []
        self.wellness: list[dict[str, Any]] = []
        self.runs: list[dict[str, Any]] = []
        self.pains: list[dict[str, Any]] = []

    def __len__(self) -> int:
        return len(self.sets) + len(self.sessions) + len(self.wellness) + len(self.runs) + len(self.pains)


def diary_rows(rows: Rows, athlete_id: int, plan: Plan, rng: random.Random) -> None:
    """Three years up to the end of the reviewed week: the plan's weeks, repeated back in
    time before it started, done mostly as planned."""
    sessions, runs = planned_work(plan)
    by_week: dict[dt.date, list] = {}
    for ps in sessions:
        by_week.setdefault(ps.date - dt.timedelta(days=ps.date.weekday()), []).append(
            (ps, [s.model_dump() for s in sets_as_planned(ps)])
        )
    runs_by_week: dict[dt.date, list] = {}
    for r in runs:
        runs_by_week.setdefault(r.date - dt.timedelta(days=r.date.weekday()), []).append(r)
    first = plan.weeks[0].start_date
    n = len(plan.weeks)
    end = reviewed_week(plan) + 6 * DAY
    monday = end - dt.timedelta(days=YEARS * 365)
    monday -= dt.timedelta(days=monday.weekday())
    while monday <= end:
        k = (monday - first).days // 7
        source = first + dt.timedelta(weeks=k % n if k < 0 else k)
        shift = monday - source
        for ps, sets in by_week.get(source, ()):
            if rng.random() > 0.92:
                continue  # missed
            day = ps.date + shift
            sid = len(rows.sessions)  # its place in this batch; the database gives the id
            rows.sessions.append({
                "athlete_id": athlete_id, "date": day, "plan_version": 1, "planned_date": day,
                "planned_label": ps.label, "minutes": max(10, ps.estimated_minutes + rng.randint(-5, 5)),
                "session_rpe": float(rng.choice((5, 6, 6, 7))), "note": None,
            })  # fmt: skip
            for s in sets:
                if rng.random() < 0.03:
                    continue
                row = {key: s[key] for key in SET_KEYS}
                row["session_log_id"] = sid
                row["form_quality"] = rng.choice((3, 4, 4, 5, 5))
                if row["rpe"] is not None:
                    row["rpe"] = min(10.0, row["rpe"] + rng.choice((-0.5, 0.0, 0.0, 0.5)))
                rows.sets.append(row)
        for r in runs_by_week.get(source, ()):
            if rng.random() > 0.95:
                continue
            minutes = round(r.minutes * rng.uniform(0.9, 1.05), 1)
            rows.runs.append({
                "athlete_id": athlete_id, "date": r.date + shift, "type": r.type.value, "minutes": minutes,
                "distance_km": round(minutes / rng.uniform(5.0, 6.2), 2), "rpe": RUN_RPE.get(r.type.value, 4.0),
                "leg_feel": rng.choice((2, 3, 3, 4, 4, 5)), "tightness": rng.choice((0, 1, 2, 3)), "form_note": None,
                "note": None, "started_at": None, "avg_hr": None, "max_hr": None, "source": None,
            })  # fmt: skip
        for d in range(7):
            if rng.random() < 0.9:
                row = {"athlete_id": athlete_id, "date": monday + d * DAY, "note": None,
                       "sleep_hours": round(rng.uniform(6.0, 8.6), 1)}  # fmt: skip
                row.update({item: rng.choice((3, 4, 4, 5)) for item in ITEMS})
                rows.wellness.append(row)
        if rng.random() < 0.05:
            rows.pains.append({
                "athlete_id": athlete_id, "session_log_id": None, "date": monday + rng.randrange(7) * DAY,
                "area": rng.choice(list(PainArea)).value, "score": rng.choice((1, 2, 2, 3)), "note": None,
            })  # fmt: skip
        monday += dt.timedelta(days=7)


def flush(store: Store, rows: Rows) -> None:
    from sqlalchemy import insert

    from runstrong.store.tables import PainRow, RunRow, SessionLogRow, SetLogRow, WellnessRow

    with store.engine.begin() as conn:
        if rows.sessions:  # the ids in the order given, then each set pointed at its session's id
            ids = (
                conn.execute(
                    insert(SessionLogRow).returning(SessionLogRow.id, sort_by_parameter_order=True), rows.sessions
                )
                .scalars()
                .all()
            )
            for row in rows.sets:
                row["session_log_id"] = ids[row["session_log_id"]]
        for table, data in (
            (SetLogRow, rows.sets),
            (WellnessRow, rows.wellness),
            (RunRow, rows.runs),
            (PainRow, rows.pains),
        ):
            if data:
                conn.execute(insert(table), data)
    for data in (rows.sessions, rows.sets, rows.wellness, rows.runs, rows.pains):
        data.clear()


def generate(path: Path, profiles: list[AthleteProfile]) -> None:
    """Every athlete's profile, plan and three-year diary, into a new SQLite file at `path`."""
    tmp = path.with_suffix(".part")
    tmp.unlink(missing_ok=True)
    fill(str(tmp), profiles)
    os.replace(tmp, path)


def fill(db: str, profiles: list[AthleteProfile]) -> None:
    """Every athlete's profile, plan and three-year diary into the empty database `db`; the
    database gives every id, so ordinary inserts work afterwards on PostgreSQL too."""
    store = open_store(db)
    rng = random.Random(SEED)
    rows = Rows()
    t0 = time.perf_counter()
    for n, profile in enumerate(profiles, 1):
        plan = build_plan(profile, load_context(), least_bad=True)
        with store.write() as s:
            athlete_id = repo.store_plan(s, profile, plan, NOW).athlete.id
        diary_rows(rows, athlete_id, plan, rng)
        if len(rows) > 200_000:
            flush(store, rows)
        if n % 100 == 0:
            print(f"  generated {n}/{len(profiles)} athletes ({time.perf_counter() - t0:.0f} s)", flush=True)
    flush(store, rows)
    store.close()


def cached_file(cache_dir: Path, profiles: list[AthleteProfile], label: str) -> Path:
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"review-v{DATA_VERSION}-{label}-{len(profiles)}x{YEARS}y-seed{SEED}.db"
    if not path.exists():
        print(f"generating {path} (once; later runs reuse it)...", flush=True)
        t0 = time.perf_counter()
        generate(path, profiles)
        print(f"  done in {time.perf_counter() - t0:.0f} s, {path.stat().st_size / 1e6:.0f} MB", flush=True)
    return path


def cached_pg(server: str, profiles: list[AthleteProfile], label: str) -> str:
    """The same diaries in a PostgreSQL database of their own on `server` (a URL), made once:
    the database's name carries the data version, and a half-made one is made again."""
    import sqlalchemy as sa

    name = f"runstrong_bench_review_v{DATA_VERSION}_{label}_{len(profiles)}x{YEARS}y"
    url = sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        done = exists and _complete(url, len(profiles))
        if not done:
            print(f"generating PostgreSQL database {name} (once; later runs reuse it)...", flush=True)
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    if not done:
        t0 = time.perf_counter()
        fill(url, profiles)
        print(f"  done in {time.perf_counter() - t0:.0f} s", flush=True)
    return url


def _complete(url: str, athletes: int) -> bool:
    """Every athlete's diary written (the last flush ends with the runs of the last athletes)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(sa.text("SELECT count(*) FROM athletes")) == athletes and bool(
                conn.scalar(sa.text("SELECT count(*) FROM runs"))
            )
    except sa.exc.SQLAlchemyError:
        return False
    finally:
        engine.dispose()


# --------------------------------------------------------------------------- the review path


def command_path(
    store: Store,
    name: str,
    week: dt.date,
    library: Library,
    registry: Registry,
    with_plan: bool = True,
    with_trend: bool = True,
) -> float:
    """`runstrong review --week W` for one athlete, in-process and without writing: seconds.
    Without `with_plan`: the review alone (numbers, flags, decisions, the trend), not the
    new plan version it would write."""
    t0 = time.perf_counter()
    with store.read() as s:
        prepare_review(s, name, week, week + 7 * DAY, load_context(), with_plan=with_plan, with_trend=with_trend)
    return time.perf_counter() - t0


def review_one(store: Store, athlete_id: int, library: Library, registry: Registry) -> tuple[float, float, float]:
    """The three parts the review is made of, timed apart: read the current plan, profile
    and diary window; review_week; apply_review. Seconds per part."""
    t0 = time.perf_counter()
    with store.read() as s:
        _, plan = repo.latest_plan(s, athlete_id)  # type: ignore[misc]
        profile = repo.latest_profile(s, athlete_id)
        week = reviewed_week(plan)
        since = week - dt.timedelta(weeks=TREND_WEEKS - 1, days=history_window_days(registry))
        diary = load_diary(s, athlete_id, since, week + 6 * DAY)
    t1 = time.perf_counter()
    review = review_week(plan, profile, diary, week, library, registry)  # type: ignore[arg-type]
    t2 = time.perf_counter()
    apply_review(plan, profile, review, ctx=load_context())  # type: ignore[arg-type]
    t3 = time.perf_counter()
    return t1 - t0, t2 - t1, t3 - t2


def athletes(store: Store) -> list[tuple[int, str, dt.date]]:
    """Each athlete's id, name and the week to review."""
    with store.read() as s:
        return [(a.id, a.name, reviewed_week(repo.latest_plan(s, a.id)[1])) for a in repo.list_athletes(s)]  # type: ignore[index]


def counts(store: Store) -> str:
    from sqlalchemy import func, select

    from runstrong.store.tables import RunRow, SessionLogRow, SetLogRow, WellnessRow

    with store.read() as s:
        n = {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in
             (SessionLogRow, SetLogRow, WellnessRow, RunRow)}  # fmt: skip
    return f"{n['session_logs']:,} sessions, {n['set_logs']:,} sets, {n['wellness']:,} check-ins, {n['runs']:,} runs"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


# `runstrong` with its clock at NOW's day (the diaries end there), run as a user runs it
CLOCKED = (
    "import datetime as dt, sys\n"
    "import runstrong.cli.diary_common as clock\n"
    "day = dt.date.fromisoformat(sys.argv.pop(1))\n"
    "clock.clock_today = lambda: day\n"
    "sys.argv[0] = 'runstrong'\n"
    "from runstrong.cli.main import main\n"
    "main()\n"
)
# the same, with the review's modules imported first and only what follows timed (stderr: ms wall, ms CPU)
AFTER_IMPORTS = CLOCKED.replace(
    "from runstrong.cli.main import main\nmain()\n",
    "from runstrong.cli.main import main\n"
    "import runstrong.cli.group, runstrong.cli.review, runstrong.flows.review, runstrong.store.reviewing\n"
    "import runstrong.store.changes, runstrong.io.data_files, runstrong.io.review_text, runstrong.io.terminal\n"
    "import time\n"
    "w, c = time.perf_counter(), time.process_time()\n"
    "try:\n    main()\nfinally:\n"
    "    print((time.perf_counter() - w) * 1000, (time.process_time() - c) * 1000, file=sys.stderr)\n",
)
ALL_CORES = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None


def whole_command(db: str, week: dt.date, jobs: int) -> tuple[float, float, int]:
    """`runstrong review --all --week W --jobs N --format json` as a fresh process on every
    core (imports, then each athlete's review, new plan version and changes; no trend, which
    its output does not show):
    wall seconds, CPU seconds of the process and its workers, athletes reviewed."""
    cmd = [sys.executable, "-c", CLOCKED, NOW.date().isoformat(), "review", "--all", "--week", week.isoformat(),
           "--db", db, "--format", "json", "--jobs", str(jobs)]  # fmt: skip
    before = os.times()
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=False, preexec_fn=_all_cores)
    wall = time.perf_counter() - t0
    after = os.times()
    if out.returncode != 0:
        raise SystemExit(f"runstrong review --all failed ({out.returncode}):\n{out.stderr}")
    results = json.loads(out.stdout)
    failed = [r for r in results if "error" in r]
    if failed:
        raise SystemExit(f"{len(failed)} athletes not reviewed, e.g. {failed[0]}")
    return (
        wall,
        (after.children_user + after.children_system) - (before.children_user + before.children_system),
        len(results),
    )


def one_command(db: str, week: dt.date) -> tuple[float, float, float]:
    """`runstrong review --dry-run --week W` as a fresh process: ms wall and CPU after its
    imports (the review's modules imported first), and ms wall of the whole process."""
    cmd = [sys.executable, "-c", AFTER_IMPORTS, NOW.date().isoformat(), "review", "--dry-run", "--week",
           week.isoformat(), "--db", db]  # fmt: skip
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    whole = (time.perf_counter() - t0) * 1000
    wall, cpu = map(float, out.stderr.strip().splitlines()[-1].split())
    return wall, cpu, whole


def _all_cores() -> None:
    if ALL_CORES is not None:
        os.sched_setaffinity(0, ALL_CORES)


def one_diary(args: argparse.Namespace, library: Library, registry: Registry) -> tuple[str, dt.date]:
    """(a): the marathoner's three-year diary, in-process; its database and reviewed week
    (the one-athlete command that (c) takes its fixed start-up cost from)."""
    examples = Path(__file__).resolve().parents[1] / "src" / "runstrong" / "examples"
    profiles = [load_profile(examples / "marathoner.toml")]
    db = database(args, profiles, "marathoner")
    store = open_store(db)
    ((athlete_id, name, week),) = athletes(store)
    print(f"(a) one three-year diary: {counts(store)}")
    cold = command_path(store, name, week, library, registry)
    warm = sorted(command_path(store, name, week, library, registry) for _ in range(args.runs))
    split = [review_one(store, athlete_id, library, registry) for _ in range(args.runs)]
    store.close()
    parts = [statistics.median(t[i] for t in split) for i in range(3)]
    print(f"    cold (first in the process): {ms(cold)} ms")
    p90 = warm[int(0.9 * (len(warm) - 1))]
    print(f"    warm, median of {args.runs}: {ms(statistics.median(warm))} ms (p90 {ms(p90)})")
    print(f"    its parts, medians: read {ms(parts[0])} ms, review_week {ms(parts[1])} ms, "
          f"apply_review {ms(parts[2])} ms")  # fmt: skip
    print(f"    goal 50 ms: cold {cold / 0.05:.2f}x, warm {statistics.median(warm) / 0.05:.2f}x of the goal")
    runs = sorted(one_command(db, week) for _ in range(max(3, args.runs // 3)))
    wall, cpu, whole = (statistics.median(r[i] for r in runs) for i in range(3))
    print(f"    HEADLINE (a) `runstrong review --dry-run` as a fresh process, medians of {len(runs)}: "
          f"{wall:.0f} ms wall ({cpu:.0f} ms CPU) after its imports, {whole:.0f} ms the whole process; "
          "goal 50 ms after imports")  # fmt: skip
    return db, week


def database(args: argparse.Namespace, profiles: list[AthleteProfile], label: str) -> str:
    if args.pg:
        return cached_pg(args.pg, profiles, label)
    return str(cached_file(args.cache_dir, profiles, label))


def extrapolated(runs: list[tuple[float, float, int]], single: tuple[str, dt.date], jobs: int, n: int) -> str:
    """1,000 athletes' command from this one's, honestly: the fixed cost (imports, the data
    files, opening the diary) is the same command on the one-athlete diary, counted once; the
    rest is per athlete and scaled. (On one athlete there is one chunk, so no worker pool is
    started: the pool's start is counted per athlete, which errs on the slow side.)"""
    one = [whole_command(single[0], single[1], jobs) for _ in range(n)]
    fixed_wall, fixed_cpu = (statistics.median(r[i] for r in one) for i in range(2))
    wall, cpu = (statistics.median(r[i] for r in runs) for i in range(2))
    done = runs[0][2]
    if done < 2:
        return "needs 2 athletes or more"
    per_wall, per_cpu = (wall - fixed_wall) / (done - 1), (cpu - fixed_cpu) / (done - 1)
    return (f"fixed {fixed_wall:.1f} s wall ({fixed_cpu:.1f} s CPU, the one-athlete command) + "
            f"{per_wall * 1000:.0f} ms wall ({per_cpu * 1000:.0f} ms CPU) an athlete: "
            f"~{fixed_wall + 999 * per_wall:.0f} s wall, ~{fixed_cpu + 999 * per_cpu:.0f} s CPU "
            f"(extrapolated from {done}, not measured)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--athletes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--jobs", default="1,2", help="--jobs values for the whole command, comma-separated.")
    parser.add_argument("--command-runs", type=int, default=3, help="Runs of each whole command (c); medians.")
    parser.add_argument("--profile", action="store_true", help="Print where the time goes in (b) (cProfile).")
    parser.add_argument("--split", type=int, default=100, help="Athletes of (b) timed part by part as well.")
    parser.add_argument(
        "--gc-threshold", type=int, help="Run with gc.set_threshold(N): what the cyclic garbage collector costs."
    )
    parser.add_argument("--only-one", action="store_true", help="(a) alone: one runner's diary, not a club's.")
    parser.add_argument("--cache-dir", type=Path, default=Path(tempfile.gettempdir()) / "runstrong-bench")
    parser.add_argument(
        "--pg",
        nargs="?",
        const=os.environ.get("RUNSTRONG_PG_URL"),
        help="Run on PostgreSQL: a server URL (default $RUNSTRONG_PG_URL); a database of its own per data set.",
    )
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    library, registry = load_library(), load_registry()
    if args.gc_threshold:
        gc.set_threshold(args.gc_threshold)
        print(f"gc.set_threshold({args.gc_threshold}) (Python's default is {DEFAULT_GC[0]})")
    print(f"backend: {'PostgreSQL' if args.pg else 'SQLite'}")
    single = one_diary(args, library, registry)
    if not args.only_one:
        many(args, library, registry, single)


def many(args: argparse.Namespace, library: Library, registry: Registry, single: tuple[str, dt.date]) -> None:
    """(b) in-process, one core; (c) the whole command as a user runs it, with --jobs."""
    db = database(args, generated_profiles(args.athletes, seed=SEED), "generated")
    store = open_store(db)
    everyone = athletes(store)
    print(f"(b) {len(everyone)} athletes' three-year diaries: {counts(store)}")
    goal = 30.0 * len(everyone) / 1000
    for _, name, week in everyone:  # one untimed pass: every tier then reads from a warm page cache
        command_path(store, name, week, library, registry, False, False)
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    cpu = time.process_time()
    wall = sum(command_path(store, name, week, library, registry) for _, name, week in everyone)
    cpu = time.process_time() - cpu
    if profiler:
        profiler.disable()
    alone = sum(command_path(store, name, week, library, registry, False) for _, name, week in everyone)
    bare = sum(command_path(store, name, week, library, registry, False, False) for _, name, week in everyone)
    split = [review_one(store, i, library, registry) for i, _, _ in everyone[: args.split]]
    store.close()
    n = len(everyone)
    print(f"    in-process, one core, what `runstrong review` computes (review, 8-week trend, new plan version): "
          f"{wall:.1f} s wall, {cpu:.1f} s CPU, {cpu / n * 1000:.1f} ms CPU per athlete")  # fmt: skip
    print(f"    reviews with the 8-week trend, no new plan: {alone:.1f} s, {alone / n * 1000:.1f} ms per athlete")
    print(f"    reviews alone (numbers, flags, decisions): {bare:.1f} s, {bare / n * 1000:.1f} ms per athlete")
    read, review, apply = (statistics.mean(t[i] for t in split) for i in range(3))
    print(f"    parts, mean over the first {len(split)} athletes: read {ms(read)} ms, review_week {ms(review)} ms, "
          f"apply_review {ms(apply)} ms")  # fmt: skip
    weeks = {w for _, _, w in everyone}
    if len(weeks) == 1:
        for jobs in (int(j) for j in args.jobs.split(",") if j):
            runs = [whole_command(db, next(iter(weeks)), jobs) for _ in range(args.command_runs)]
            seconds, cpu_s = (statistics.median(r[i] for r in runs) for i in range(2))
            done = runs[0][2]
            print(f"    HEADLINE (c) `runstrong review --all --jobs {jobs}`, the whole command as a fresh process "
                  f"({done} athletes: review, new plan version, changes), median of {len(runs)}: "
                  f"{seconds:.1f} s wall ({cpu_s:.1f} s CPU); goal {goal:.0f} s: {seconds / goal:.2f}x")  # fmt: skip
            print(f"        for 1,000 athletes: {extrapolated(runs, single, jobs, args.command_runs)}")
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
