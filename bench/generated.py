"""Reproducible generated runners for the benchmarks (a seeded RNG, no test imports)."""

from __future__ import annotations

import datetime as dt
import random

from runstrong.core.model import (
    AthleteProfile,
    EquipmentSet,
    Level,
    PainArea,
    RaceDistance,
    RunType,
    Weekday,
)

RUN_TYPES = [RunType.easy, RunType.easy, RunType.long, RunType.tempo, RunType.intervals, RunType.cross_train]


def generated_profiles(count: int, seed: int = 20261126, weeks: int = 16) -> list[AthleteProfile]:
    """`count` runners, each with a race `weeks` weeks out (so every plan has that length)."""
    rng = random.Random(seed)
    out = []
    start = dt.date(2027, 1, 4)
    for n in range(count):
        days = rng.sample(list(Weekday), rng.randint(3, 6))
        runs = [{"day": d, "type": rng.choice(RUN_TYPES), "minutes": rng.randint(30, 120)} for d in days]
        available = sorted(rng.sample(list(Weekday), rng.randint(4, 7)), key=lambda d: d.index)
        out.append(
            AthleteProfile(
                name=f"Runner {n}",
                age=rng.randint(18, 70),
                body_mass_kg=rng.uniform(45, 95),
                strength_experience=rng.choice(list(Level)),
                consistent_strength_weeks=rng.choice([0, 0, 2, 6, 10]),
                start_date=start,
                running={"weekly": runs},
                race={
                    "distance": rng.choice(list(RaceDistance)),
                    "date": start + dt.timedelta(weeks=weeks - 1, days=6),
                },
                available_days=available,
                session_cap_minutes=rng.choice([30, 40, 45, 60]),
                equipment=[rng.choice(list(EquipmentSet))],
                pain_areas=rng.sample(list(PainArea), rng.choice([0, 0, 0, 1, 2])),
                allow_double_days=rng.random() < 0.3,
            )
        )
    return out
