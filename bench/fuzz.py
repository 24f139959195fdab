"""The long fuzz run (issue 14): hostile profiles, screens, set lines and diary imports
(JSON, CSV folders, zips) through the real CLI in-process, at least 10,000 inputs, with
the counts the bounded suite (tests/fuzz) asserts on: accepted, rejected with the field
named and nothing written, and findings (internal errors, refusals naming nothing,
writes despite a refusal).

    python bench/fuzz.py [--inputs 12000] [--seed 1] [--only profile]

Prints a table per kind and the first findings; exits 1 when there is any finding.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.fuzz: the shared inputs

from tests.fuzz.harness import TRIES, Tally, fuzz

# shares of the run per kind: parsing-heavy kinds are cheap, imports and stores cost more
SHARES = {
    "profile": 0.25,
    "screen": 0.08,
    "set line": 0.2,
    "diary json": 0.12,
    "diary csv": 0.08,
    "diary zip": 0.08,
    "activity file": 0.12,
    "calendar": 0.07,
}
CHUNK = 400
COLUMNS = ("inputs", "accepted", "rejected with field", "internal errors", "rejected without a field",
           "written despite refusal")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=12_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", choices=list(TRIES))
    args = parser.parse_args()
    kinds = [args.only] if args.only else list(TRIES)
    total = Tally()
    rows = []
    started = time.perf_counter()
    for kind in kinds:
        count = args.inputs if args.only else max(1, round(args.inputs * SHARES[kind]))
        t0 = time.perf_counter()
        tally = Tally()
        # chunks in fresh processes: the planner's caches grow with every distinct profile
        with multiprocessing.get_context("fork").Pool(1, maxtasksperchild=1) as pool:
            for start in range(0, count, CHUNK):
                part = pool.apply(_chunk, (kind, min(CHUNK, count - start), args.seed * 100_003 + start))
                tally.counts += part.counts
                tally.findings += part.findings
                print(f"{kind}: {dict(tally.counts)}", file=sys.stderr, flush=True)
        rows.append((kind, tally.counts, time.perf_counter() - t0))
        total.counts += tally.counts
        total.findings += tally.findings
    _table(rows, total.counts, time.perf_counter() - started)
    for finding in total.findings[:20]:
        print("finding:", finding)
    return 1 if total.findings else 0


def _chunk(kind: str, count: int, seed: int) -> Tally:
    with tempfile.TemporaryDirectory() as folder:
        return fuzz(Path(folder), kind, count, seed)


def _table(rows: list[tuple[str, Counter, float]], total: Counter, seconds: float) -> None:
    print(f"| kind | {' | '.join(COLUMNS)} | seconds |")
    print("|" + "---|" * (len(COLUMNS) + 2))
    for kind, counts, took in [*rows, ("all", total, seconds)]:
        print(f"| {kind} | {' | '.join(f'{counts[c]:,}' for c in COLUMNS)} | {took:.0f} |")


if __name__ == "__main__":
    sys.exit(main())
