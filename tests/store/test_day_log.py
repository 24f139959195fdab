"""The pages' one read of a day's log (`store.day_log`) answers as the per-kind reads do
(`diary_days.sessions_logged_on`, `runs_between`, `wellness_on`): sessions with their sets
in order and their pains, runs and the check-in, on SQLite and PostgreSQL, for another
athlete's rows beside them too."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from runstrong.core.vocab import Units
from runstrong.store import diary_days, repo
from runstrong.store.day_log import day_logged
from runstrong.store.tables import PainRow, RunRow, SessionLogRow, SetLogRow, WellnessRow

START = dt.date(2026, 3, 2)


def _seed(store, days: int = 12, seed: int = 3) -> list[int]:
    """Two athletes' days: none, one or two sessions (sets of every measure, some pains), runs, check-ins."""
    rng = random.Random(seed)
    ids = []
    with store.write() as s:
        for a in range(2):
            athlete = repo.add_athlete(s, f"Runner {a}", Units.metric, dt.datetime(2026, 1, 1))
            ids.append(athlete)
            for d in range(days):
                day = START + dt.timedelta(days=d)
                for _ in range(rng.choice([0, 1, 1, 2])):
                    row = SessionLogRow(athlete_id=athlete, date=day, planned_label=rng.choice([None, "A"]),
                                        minutes=rng.choice([None, 40]), session_rpe=rng.choice([None, 6.5]),
                                        note=rng.choice([None, "heavy legs"]))  # fmt: skip
                    s.add(row)
                    s.flush()
                    for n in range(1, rng.randint(2, 5)):
                        measure = rng.choice([{"reps": 8, "load_kg": 42.5}, {"seconds": 30}, {"contacts": 20},
                                              {"distance_m": 20.0, "load_kg": 24.0}])  # fmt: skip
                        s.add(SetLogRow(session_log_id=row.id, exercise_id=rng.choice(["goblet_squat", "side_plank"]),
                                        set_number=n, side=rng.choice([None, "left"]), rpe=rng.choice([None, 7.5]),
                                        form_quality=rng.choice([None, 4]), form_note=rng.choice([None, "deep"]),
                                        **measure))  # fmt: skip
                    if rng.random() < 0.5:
                        pain = {"area": "knee", "score": 3, "side": "left", "when": "during", "note": "sharp"}
                        s.add(PainRow(athlete_id=athlete, session_log_id=row.id, date=day, provoked_by="lunge", **pain))
                for _ in range(rng.choice([0, 1, 2])):
                    s.add(RunRow(athlete_id=athlete, date=day, type=rng.choice(["easy", "long"]), minutes=45.0,
                                 distance_km=rng.choice([None, 9.5]), rpe=4.0, leg_feel=3, note="ok"))  # fmt: skip
                if rng.random() < 0.6:
                    s.add(WellnessRow(athlete_id=athlete, date=day, sleep_hours=7.5, mood=4, energy=3, note="fine"))
    return ids


def test_the_days_log_in_one_read_matches_the_per_kind_reads(store):
    athletes = _seed(store)
    seen = {"sessions": 0, "sets": 0, "pains": 0, "runs": 0, "checkins": 0}
    with store.read() as s:
        for athlete in athletes:
            for d in range(-1, 13):
                day = START + dt.timedelta(days=d)
                got = day_logged(s, athlete, day)
                sessions = diary_days.sessions_logged_on(s, athlete, day)
                runs = diary_days.runs_between(s, athlete, day, day)
                wellness = diary_days.wellness_on(s, athlete, day)
                assert [x.model_dump_json() for x in got.sessions] == [x.model_dump_json() for x in sessions]
                assert [x.model_dump_json() for x in got.runs] == [x.model_dump_json() for x in runs]
                assert (got.wellness and got.wellness.model_dump_json()) == (wellness and wellness.model_dump_json())
                seen["sessions"] += len(sessions)
                seen["sets"] += sum(len(x.sets) for x in sessions)
                seen["pains"] += sum(len(x.pains) for x in sessions)
                seen["runs"] += len(runs)
                seen["checkins"] += wellness is not None
    assert all(seen.values()), seen  # every kind was compared, not only empty answers


@pytest.mark.parametrize("window", [1, 3, 24])
def test_the_last_sets_window_read_with_the_days_log_answers_as_its_own_read(store, monkeypatch, window):
    """The pages read the last-sets window in their day's log statement (`day_and_window`,
    `dashboard_log`): the last sets found from it are those of `last_sets`' own read,
    inside and beyond the window, and the day's log is unchanged by carrying it."""
    from runstrong.store import last_sets as module
    from runstrong.store.day_log import dashboard_log, day_and_window
    from tests.store.test_page_reads import LIFTS, seed_history
    from tests.store.test_page_reads import START as HISTORY_START

    monkeypatch.setattr(module, "RECENT_SESSIONS", window)
    athletes = seed_history(store, seed=5)
    asked, loaded = [*LIFTS, "side_plank"], LIFTS[1:4]
    compared = 0
    with store.read() as s:
        for athlete in athletes:
            for before in (HISTORY_START + dt.timedelta(days=d) for d in (0, 3, 17, 39, 60)):
                own = module.last_sets(s, athlete, asked, before, loaded)
                day, carried = day_and_window(s, athlete, before, module.asked(asked, loaded))
                assert module.last_sets(s, athlete, asked, before, loaded, carried) == own
                board = dashboard_log(s, athlete, before, before, before, module.asked([], loaded))
                assert module.last_sets(s, athlete, [], before, loaded, board.window) == module.last_sets(
                    s, athlete, [], before, loaded
                )
                plain = diary_days.sessions_logged_on(s, athlete, before)
                assert [x.model_dump_json() for x in day.sessions] == [x.model_dump_json() for x in plain]
                assert board.week == diary_days.logged_between(s, athlete, before, before)
                compared += len(own.sets)
    assert compared > 0
