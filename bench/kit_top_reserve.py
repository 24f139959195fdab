"""How often a plan writes an easy effort (RIR 6 or more) on a lift's heavy or main day at the kit's top.

Over seeded generated runners with dumbbells or a kettlebell (home kit, a stated heaviest, or a few owned
weights), and over the saved runners in tests/core/runners/, count the loaded primary sets of loading weeks
(foundation, build, race-specific; no deload, no light day) whose written reserve is 6 or more, on a heavy
day (dosed heavy) and on other full days, and the taper's; and how many of those say the kit is the limit
(`kit-outgrown`). Run it on two checkouts to compare (docs/coach-reads.md, twenty-eighth session):

    PYTHONPATH=src python bench/kit_top_reserve.py [--count 200] [--seed 2026128] [--saved]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections import Counter
from pathlib import Path

from runstrong.core import loads as ld
from runstrong.core.kit_progress import is_heavy
from runstrong.core.model import AthleteProfile, Level, RaceDistance, RunType, Weekday
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

LOADING = ("foundation", "build", "race_specific")
RUN_TYPES = [RunType.easy, RunType.easy, RunType.long, RunType.tempo, RunType.intervals]
SAID = "kit-outgrown"


def kit_runners(count: int, seed: int) -> list[AthleteProfile]:
    """`count` runners training with dumbbells or a kettlebell, most of them strong for their kit."""
    rng = random.Random(seed)
    out = []
    start = dt.date(2027, 1, 4)
    for n in range(count):
        kit = rng.choice(["dumbbells", "kettlebell"])
        item = "dumbbell" if kit == "dumbbells" else "kettlebell"
        days = rng.sample(list(Weekday), rng.randint(3, 5))
        runs = [{"day": d, "type": rng.choice(RUN_TYPES), "minutes": rng.randint(30, 120)} for d in days]
        weeks = rng.randint(8, 22)
        extra: dict = {}
        how = rng.random()
        if how < 0.35:
            extra["heaviest_loads"] = {item: rng.choice([8, 10, 12, 16, 20, 24])}
        elif how < 0.6:
            low, step = rng.choice([4, 6, 8, 10, 12]), rng.choice([2, 4])
            extra["owned_weights"] = {item: [low + i * step for i in range(rng.randint(1, 4))]}
        race = None
        if rng.random() < 0.8:
            race = {"distance": rng.choice(list(RaceDistance)), "date": start + dt.timedelta(weeks=weeks - 1, days=6)}
        out.append(
            AthleteProfile.model_validate(
                {
                    "name": f"Kit runner {n}",
                    "age": rng.choice([16, 17, 19, 25, 32, 40, 48, 55, 63]),
                    "sex": rng.choice(["female", "male"]),
                    "body_mass_kg": rng.uniform(45, 95),
                    "strength_experience": rng.choice(list(Level)),
                    "consistent_strength_weeks": rng.choice([0, 4, 8, 12]),
                    "start_date": start,
                    "plan_weeks": weeks,
                    "running": {"weekly": runs},
                    "race": race,
                    "available_days": sorted(rng.sample(list(Weekday), rng.randint(3, 6)), key=lambda d: d.index),
                    "session_cap_minutes": rng.choice([20, 30, 40, 45, 60]),
                    "equipment": ["bodyweight", kit],
                    **extra,
                }
            )
        )
    return out


def easy_sets(plan, p) -> Counter:
    """The plan's loaded primary sets said at 6 or more in reserve, by kind of day."""
    out: Counter = Counter()
    for w in plan.weeks:
        kind = "loading" if w.phase.value in LOADING and not w.deload else w.phase.value if not w.deload else None
        if kind not in ("loading", "taper"):
            continue
        for s in w.sessions:
            for b in s.blocks:
                i, presc = b.prescription.intensity, b.prescription
                if b.role.value != "primary" or presc.load_kg is None or not presc.reps or i.kind not in ("rir", "rpe"):
                    continue
                if any(r.rule_id == "light-before-key-runs" for r in b.reasons):
                    continue
                heavy = is_heavy(b) or any(r.rule_id == "dose-heavy" for r in b.reasons)
                key = f"{kind} {'heavy' if heavy else 'other'} day"
                out[f"{key}: sets"] += presc.sets
                if ld.rir_of(i.kind, i.value, p.autoreg_assumed_rir) >= 6:
                    out[f"{key}: sets at RIR 6+"] += presc.sets
                    out[f"{key}: blocks at RIR 6+"] += 1
                    if any(r.rule_id == SAID for r in b.reasons):
                        out[f"{key}: blocks at RIR 6+ saying the kit is the limit ({SAID})"] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=2026128)
    ap.add_argument("--saved", action="store_true", help="the saved runners in tests/core/runners/ instead")
    args = ap.parse_args()
    ctx = load_context()
    if args.saved:
        folder = Path(__file__).parent.parent / "tests" / "core" / "runners"
        profiles = [
            AthleteProfile.model_validate_json(f.read_text()) if f.suffix == ".json" else load_profile(f)
            for f in sorted(folder.iterdir())
            if f.suffix in (".json", ".toml")
        ]
    else:
        profiles = kit_runners(args.count, args.seed)
    total: Counter = Counter()
    runners: Counter = Counter()
    refused = 0
    for profile in profiles:
        try:
            plan = build_plan(profile, ctx)
        except InfeasibleWeekError:
            refused += 1
            continue
        found = easy_sets(plan, ctx.params)
        total.update(found)
        runners.update(k.replace("sets at", "runners with sets at") for k in found if "sets at RIR 6+" in k)
    print(f"{len(profiles)} runners, {refused} refused")
    for k in sorted(total):
        print(f"{k}: {total[k]}")
    for k in sorted(runners):
        print(f"{k}: {runners[k]}")


if __name__ == "__main__":
    main()
