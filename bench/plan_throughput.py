"""Plans per second for 16-week plans over a fixed set of generated runners, on one core.

    python bench/plan_throughput.py [--profiles 200] [--rounds 5]

The first round plans each runner once with an empty planning memo ("cold": only what
earlier runners in the round left in the context's memo helps); later rounds re-plan the
same runners ("warm"). Wall and CPU time are both printed: on a busy machine the CPU
figure is the steadier one. The garbage collector runs as usual. Infeasible runners (no
placement under the hard rules) count as planned: the engine did the whole search to prove it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated import generated_profiles
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.data_files import load_context


def plan_all(profiles, ctx) -> tuple[float, int, float]:  # type: ignore[no-untyped-def]
    """Wall seconds, infeasible runners, and CPU seconds (steadier on a busy machine)."""
    infeasible = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for profile in profiles:
        try:
            build_plan(profile, ctx)
        except InfeasibleWeekError:
            infeasible += 1
    return time.perf_counter() - t0, infeasible, time.process_time() - c0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profiles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    profiles = generated_profiles(args.profiles)
    ctx = load_context()  # the library and registry, read outside the timing
    build_plan(profiles[0], ctx)
    ctx.memo.clear()  # the cold round starts with an empty planning memo
    cold, infeasible, cold_cpu = plan_all(profiles, ctx)
    warm = [plan_all(profiles, ctx) for _ in range(args.rounds)]
    n = len(profiles)
    print(f"profiles: {n} generated runners, 16-week race plans; infeasible: {infeasible}")
    print(f"cold round: {n / cold:.0f} plans/s ({cold / n * 1000:.2f} ms/plan; CPU {cold_cpu / n * 1000:.2f} ms/plan)")
    med = statistics.median(w[0] for w in warm)
    cpu = statistics.median(w[2] for w in warm)
    print(
        f"warm rounds (median of {args.rounds}): {n / med:.0f} plans/s ({med / n * 1000:.2f} ms/plan; "
        f"CPU {cpu / n * 1000:.2f} ms/plan, {n / cpu:.0f} plans per CPU second)"
    )


if __name__ == "__main__":
    main()
