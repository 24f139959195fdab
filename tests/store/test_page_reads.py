"""Reads the pages make of a long diary, bounded by index: the last logged sets of a day's
lifts (the same as the whole history read for those lifts) and an athlete found by name."""

from __future__ import annotations

import datetime as dt
import random

from runstrong.core.model import Units
from runstrong.io.data_files import load_context
from runstrong.store import repo
from runstrong.store.logged_loads import logged_sets
from runstrong.store.tables import SessionLogRow, SetLogRow

START = dt.date(2026, 9, 7)
LIFTS = ["romanian_deadlift", "barbell_hip_thrust", "step_up", "farmer_carry", "nordic_curl"]


def seed_history(store, athletes: int = 2, days: int = 40, seed: int = 7) -> list[int]:
    """Random sessions (some two on a day, some sets without a load or reps) for a few athletes."""
    rng = random.Random(seed)
    ids = []
    with store.write() as s:
        for a in range(athletes):
            athlete_id = repo.add_athlete(s, f"Runner {a}", Units.metric, dt.datetime(2026, 1, 1))
            ids.append(athlete_id)
            for d in range(days):
                for _ in range(rng.choice([0, 0, 1, 1, 2])):
                    row = SessionLogRow(athlete_id=athlete_id, date=START + dt.timedelta(days=d))
                    s.add(row)
                    s.flush()
                    for lift in rng.sample(LIFTS, 3):
                        for n in range(1, rng.randint(2, 4)):
                            loaded = rng.random() < 0.8
                            reps = rng.choice([None, 5, 8, 10]) if loaded else 8
                            load = rng.choice([20.0, 40.0, 60.0]) if loaded else None
                            rpe = rng.choice([None, 6.0, 8.0])
                            s.add(SetLogRow(session_log_id=row.id, exercise_id=lift, set_number=n,
                                            reps=reps, load_kg=load, rpe=rpe))  # fmt: skip
    return ids


def test_the_sets_of_the_days_lifts_match_the_whole_history_read_for_those_lifts(store):
    athletes = seed_history(store)
    p = load_context().params
    days = (0, 5, 25, 60)
    with store.read() as s:
        for athlete_id in athletes:
            for before in (START + dt.timedelta(days=d) for d in days):
                everything = logged_sets(s, athlete_id, before, p)
                for wanted in (LIFTS[:2], LIFTS, ["side_plank", LIFTS[3]], []):
                    expected = {k: v for k, v in everything.items() if k in wanted}
                    assert logged_sets(s, athlete_id, before, p, wanted) == expected
            assert len(everything) == len(LIFTS)  # the last date sees every lift: the comparison was not empty


def test_the_last_sets_of_each_lift_are_those_of_its_latest_earlier_session(store):
    from sqlalchemy import select

    athletes = seed_history(store, seed=11)
    with store.read() as s:
        rows = s.execute(
            select(
                SessionLogRow.athlete_id, SessionLogRow.date, SessionLogRow.id, SetLogRow.exercise_id, SetLogRow.id
            ).join(SetLogRow, SetLogRow.session_log_id == SessionLogRow.id)
        ).all()
        for athlete_id in athletes:
            for before in (START + dt.timedelta(days=d) for d in (0, 9, 30, 60)):
                found = repo.last_sets(s, athlete_id, [*LIFTS, "side_plank"], before)
                for lift in LIFTS:
                    mine = [r for r in rows if r[0] == athlete_id and r[3] == lift and r[1] < before]
                    if not mine:
                        assert lift not in found
                        continue
                    newest = max((r[1], r[2]) for r in mine)[1]
                    expected = sorted(r[4] for r in mine if r[2] == newest)
                    assert len(found[lift]) == len(expected)
                assert "side_plank" not in found


def test_an_athlete_is_found_by_exact_name_any_case_or_as_the_only_one(store):
    from runstrong.store.diary_days import athlete_id

    with store.write() as s:
        first = repo.add_athlete(s, "Maya Runner", Units.metric, dt.datetime(2026, 1, 1))
    with store.read() as s:
        assert athlete_id(s, "Maya Runner") == athlete_id(s, " maya runner ") == athlete_id(s, None) == first
        assert athlete_id(s, "Sam") is None
    with store.write() as s:
        repo.add_athlete(s, "Sam", Units.metric, dt.datetime(2026, 1, 1))
    with store.read() as s:
        assert athlete_id(s, None) is None  # two athletes and no name: nobody in particular
        assert athlete_id(s, "Maya Runner") == first


def test_the_week_strip_counts_each_days_sessions_sets_runs_and_check_in(store):
    from sqlalchemy import func, select

    from runstrong.store.diary_days import logged_between
    from runstrong.store.tables import RunRow, WellnessRow

    [athlete] = seed_history(store, athletes=1, days=14, seed=3)
    with store.write() as s:
        for d in (1, 1, 4, 9):
            s.add(RunRow(athlete_id=athlete, date=START + dt.timedelta(days=d), type="easy", minutes=30.5 + d))
        for d in (1, 2, 9):
            s.add(WellnessRow(athlete_id=athlete, date=START + dt.timedelta(days=d), mood=3))
        for label in ("A", "B"):  # two sessions on one day, one of them with a set
            s.add(SessionLogRow(athlete_id=athlete, date=START + dt.timedelta(days=3), planned_label=label))
        s.flush()
        newest = s.scalar(select(func.max(SessionLogRow.id)))
        s.add(SetLogRow(session_log_id=newest, exercise_id="step_up", set_number=1))
    start, end = START + dt.timedelta(days=1), START + dt.timedelta(days=9)
    with store.read() as s:
        week = logged_between(s, athlete, start, end)
        sessions = s.execute(select(SessionLogRow.id, SessionLogRow.date, SessionLogRow.planned_label)).all()
        sets = s.execute(select(SetLogRow.session_log_id)).scalars().all()
    for offset in range(1, 10):
        day = START + dt.timedelta(days=offset)
        mine = [x for x in sessions if x.date == day]
        runs = {1: [31.5, 31.5], 4: [34.5], 9: [39.5]}.get(offset, [])
        expected = (len(mine), sum(sets.count(x.id) for x in mine), len(runs), sum(runs), offset in (1, 2, 9))
        got = week.get(day)
        if not any(expected):
            assert got is None
            continue
        assert (got.sessions, got.sets, got.runs, got.run_minutes, got.checked_in) == expected
        assert got.labels == [x.planned_label for x in mine if x.planned_label]
    assert week[START + dt.timedelta(days=3)].labels == ["A", "B"]
