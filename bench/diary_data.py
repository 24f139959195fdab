"""A generated three-year diary for the diary benchmarks (a seeded RNG, no test imports).

About 15,000 sets in ~470 strength sessions (three a week), 1,100 daily check-ins and
700 runs, written with the same import path `runstrong import` uses.
"""

from __future__ import annotations

import datetime as dt
import random

from runstrong.core.diary import AthleteDiary, PainReport, RunLog, SessionLog, SetLog, Wellness
from runstrong.core.model import PainArea, RunType

EXERCISES = [
    ("romanian_deadlift", "reps", 40.0),
    ("barbell_hip_thrust", "reps", 60.0),
    ("rear_foot_elevated_split_squat", "reps", 16.0),
    ("single_leg_calf_raise", "reps", None),
    ("side_plank", "seconds", None),
    ("dead_bug", "reps", None),
    ("pogo_hops", "contacts", None),
    ("farmer_carry", "distance_m", 24.0),
    ("nordic_curl", "reps", None),
    ("copenhagen_plank_short_lever", "seconds", None),
    ("step_up", "reps", 10.0),
    ("band_pallof_press", "reps", None),
]
AMOUNT = {"reps": 8, "seconds": 30, "contacts": 20, "distance_m": 40.0}


def three_year_diary(end: dt.date, seed: int = 20261126, name: str = "Bench runner") -> AthleteDiary:
    rng = random.Random(seed)
    start = end - dt.timedelta(days=3 * 365 + 5)
    sessions, wellness, runs, pains = [], [], [], []
    day = start
    while day <= end:
        if day.weekday() in (0, 2, 4):  # three strength sessions a week, 32 sets each
            sets = []
            for exercise, measure, load in rng.sample(EXERCISES, 8):
                for n in range(1, 5):
                    sets.append(
                        SetLog(
                            exercise_id=exercise,
                            set_number=n,
                            **{measure: AMOUNT[measure] + rng.randint(0, 4)},
                            load_kg=None if load is None else load + 2.5 * rng.randint(0, 8),
                            rpe=rng.choice([6.0, 6.5, 7.0, 7.5, 8.0]),
                            form_quality=rng.randint(3, 5),
                        )
                    )
            session_pains = [PainReport(date=day, area=rng.choice(list(PainArea)), score=rng.randint(1, 4))]
            sessions.append(
                SessionLog(
                    date=day,
                    minutes=rng.randint(25, 45),
                    session_rpe=rng.choice([5.0, 6.0, 7.0]),
                    sets=sets,
                    pains=session_pains if rng.random() < 0.1 else [],
                )
            )
        wellness.append(
            Wellness(
                date=day,
                sleep_hours=round(rng.uniform(5.5, 9), 1),
                **{f: rng.randint(2, 5) for f in ("sleep_quality", "mood", "appetite", "soreness", "stress", "energy")},
            )
        )
        if rng.random() < 0.64:
            runs.append(
                RunLog(
                    date=day,
                    type=rng.choice([RunType.easy, RunType.easy, RunType.long, RunType.tempo, RunType.intervals]),
                    minutes=rng.randint(30, 120),
                    distance_km=round(rng.uniform(5, 25), 2),
                    rpe=rng.choice([3.0, 4.0, 6.0, 7.0]),
                    leg_feel=rng.randint(1, 5),
                )
            )
        day += dt.timedelta(days=1)
    return AthleteDiary(
        name=name,
        units="metric",
        created_at=dt.datetime(2024, 1, 1),
        sessions=sessions,
        wellness=wellness,
        runs=runs,
        pains=pains,
    )
