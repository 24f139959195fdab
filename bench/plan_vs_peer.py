"""Plans for a club: runstrong against streprogen, in one process, on one core, for the
same number of distinct runners (16-week race plans), cold and warm, and the first plan
in a fresh process.

    python bench/plan_vs_peer.py [--runners 1000] [--warm-rounds 1]

streprogen (PyPI, `pip install -c constraints.txt -e ".[bench]"`) builds a strength
program from days and exercises with a start weight and a rep range; each runner gets a
program of its own shape (2-3 days, 3-5 exercises a day, weights from body mass, its own
rep range), seeded from the same generator as bench/generated.py, so that neither side
plans the same thing twice in a round.

"Cold": the first pass over the runners, runstrong's planning memo emptied first (only
what earlier runners left in it helps). "Warm": the same runners again. The "fresh
process" rows start a new Python for each side and time (CPU) only its first plan after
the imports and data loading. Issue 21's goals: cold ≥ 300 plans/s, warm ≥ 1,000 plans/s
(≥ 8× and ≥ 25× streprogen), the first plan ≤ 10 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import subprocess
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

EXERCISES = ["Squat", "Deadlift", "Split squat", "Step-up", "Hip thrust", "Calf raise", "Nordic curl",
             "Romanian deadlift", "Bench press", "Row", "Lunge", "Single-leg deadlift"]  # fmt: skip


def peer_shapes(count: int, seed: int = 20261126) -> list[dict]:
    """One streprogen program description per runner: days, exercises, weights, rep range."""
    rng = random.Random(seed)
    shapes = []
    for _ in range(count):
        mass = rng.uniform(45, 95)
        low = rng.randint(3, 6)
        days = [
            [(name, round(mass * rng.uniform(0.4, 1.4), 1)) for name in rng.sample(EXERCISES, rng.randint(3, 5))]
            for _ in range(rng.randint(2, 3))
        ]
        shapes.append({"days": days, "min_reps": low, "max_reps": low + rng.randint(3, 6),
                       "inc": rng.choice([1.0, 1.5, 2.0])})  # fmt: skip
    return shapes


def peer_program(shape: dict, n: int) -> object:
    """A rendered 16-week streprogen program for one runner."""
    from streprogen import Program

    reps = {"min_reps": shape["min_reps"], "max_reps": shape["max_reps"], "percent_inc_per_week": shape["inc"]}
    program = Program(name=f"Runner {n}", duration=16, units="kg", round_to=2.5, **reps)
    for d, day in enumerate(shape["days"]):
        with program.Day(f"Day {d + 1}"):
            for name, weight in day:
                program.DynamicExercise(name=name, start_weight=weight)
    program.render()
    return program


# How the cyclic garbage collector runs around each plan (and each peer program, alike):
# "default" as Python leaves it; "paused" as `runstrong review --all` plans a club's athletes
# (`cli/collector.paused`: no collection during the plan, one young collection after it).
COLLECTOR = {"default": contextlib.nullcontext, "paused": None}


def collector_policy(name: str):  # type: ignore[no-untyped-def]
    if name == "paused":
        from runstrong.cli import collector

        return collector.paused
    return COLLECTOR[name]


def time_runstrong(profiles: list, ctx: object, around=contextlib.nullcontext) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Wall and CPU seconds to plan every runner (infeasible ones count: the search was done)."""
    from runstrong.core.planner import InfeasibleWeekError, build_plan

    t0, c0 = time.perf_counter(), time.process_time()
    for profile in profiles:
        with around(), contextlib.suppress(InfeasibleWeekError):
            build_plan(profile, ctx)
    return time.perf_counter() - t0, time.process_time() - c0


def time_peer(shapes: list[dict], around=contextlib.nullcontext) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    t0, c0 = time.perf_counter(), time.process_time()
    for n, shape in enumerate(shapes):
        with around():
            peer_program(shape, n)
    return time.perf_counter() - t0, time.process_time() - c0


def first_plan(side: str) -> dict[str, float]:
    """In this (fresh) process: CPU ms of the first plan after imports and data loading
    ("ms"); for runstrong also of the data loading (the planning context, from the on-disk
    cache once a process has written it) and of the same runner planned again with an empty
    memo ("again": the first plan minus this is once-per-process work, such as Pydantic
    building its deferred schemas on first use)."""
    if side == "runstrong":
        from dataclasses import replace

        from generated import generated_profiles
        from runstrong.core.context import PlanMemo
        from runstrong.core.planner import build_plan
        from runstrong.io.data_files import load_context

        profile = generated_profiles(1)[0]
        c0 = time.process_time()
        ctx = load_context()
        c1 = time.process_time()
        build_plan(profile, ctx)
        c2 = time.process_time()
        build_plan(profile, replace(ctx, memo=PlanMemo()))
        c3 = time.process_time()
        return {"ms": (c2 - c1) * 1000, "data_ms": (c1 - c0) * 1000, "again_ms": (c3 - c2) * 1000}
    import streprogen  # noqa: F401

    shape = peer_shapes(1)[0]
    c0 = time.process_time()
    peer_program(shape, 0)
    return {"ms": (time.process_time() - c0) * 1000}


def fresh(side: str, runs: int) -> dict[str, float]:
    """Medians over `runs` fresh processes of `first_plan`'s CPU ms."""
    out = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, __file__, "--first", side], capture_output=True, text=True, check=True)
        out.append(json.loads(done.stdout))
    return {k: sorted(o[k] for o in out)[len(out) // 2] for k in out[0]}


def report(n: int, name: str, rs: tuple[float, float], peer: tuple[float, float]) -> None:
    print(f"{name:5} runstrong {n / rs[0]:7.0f} plans/s (CPU {rs[1] / n * 1000:6.2f} ms/plan)   "
          f"streprogen {n / peer[0]:6.1f} programs/s (CPU {peer[1] / n * 1000:6.2f} ms)   "
          f"ratio {peer[0] / rs[0]:5.1f}× wall, {peer[1] / rs[1]:5.1f}× CPU")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runners", type=int, default=1000)
    parser.add_argument("--warm-rounds", type=int, default=1)
    parser.add_argument("--fresh-runs", type=int, default=3)
    parser.add_argument(
        "--memo-plans", type=int, default=0, help="distinct plans the memo keeps warm (default: one per runner)"
    )
    parser.add_argument(
        "--collector", choices=list(COLLECTOR), default="default", help="the collector around each plan (both sides)"
    )
    parser.add_argument("--first", choices=["runstrong", "streprogen"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    warnings.filterwarnings("ignore", module="streprogen")  # its advice on rep ranges, printed per program
    if args.first:
        print(json.dumps(first_plan(args.first)))
        return
    from dataclasses import replace

    from generated import generated_profiles
    from runstrong.core.context import PlanMemo
    from runstrong.io.data_files import load_context

    profiles, shapes = generated_profiles(args.runners), peer_shapes(args.runners)
    # a club's batch keeps every runner's plan warm (about 0.6 MB of heap each); a server keeps the default
    ctx = replace(load_context(), memo=PlanMemo(plans=args.memo_plans or args.runners))
    time_runstrong(profiles[:1], ctx)  # imports and first-call costs out of the timing, for both
    time_peer(shapes[:1])
    ctx.memo.clear()
    around = collector_policy(args.collector)
    cold = time_runstrong(profiles, ctx, around), time_peer(shapes, around)
    warm = [(time_runstrong(profiles, ctx, around), time_peer(shapes, around)) for _ in range(args.warm_rounds)]
    n = len(profiles)
    print(f"{n} distinct runners, 16-week plans, one core, one process; memo keeps {ctx.memo.plans} plans; "
          f"collector: {args.collector}")  # fmt: skip
    report(n, "cold", *cold)
    best = min(warm, key=lambda w: w[0][0])
    report(n, "warm", best[0], min((w[1] for w in warm), key=lambda t: t[0]))
    rs_first, peer_first = fresh("runstrong", args.fresh_runs), fresh("streprogen", args.fresh_runs)
    print(f"first plan in a fresh process (CPU, median of {args.fresh_runs}): runstrong {rs_first['ms']:.1f} ms "
          f"(the same runner again, empty memo: {rs_first['again_ms']:.1f} ms; data loading before it: "
          f"{rs_first['data_ms']:.1f} ms), streprogen {peer_first['ms']:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
