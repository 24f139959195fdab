"""The loads follow the best set of each lift's latest week, not its latest session alone
(load-autoregulation read_days; cr25a F3: Walter's light Sunday 3 x 10 at RIR 4 was read as his
RDL's best, and his heavy Tuesday fell 57.5 -> 55 -> 50 -> 47.5 kg over weeks logged as planned)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from runstrong.core.log_loads import set_e1rm
from runstrong.core.model import RecentSet
from runstrong.core.vocab import Units
from runstrong.io.data_files import load_context
from runstrong.store import repo
from runstrong.store.logged_loads import logged_sets
from runstrong.store.tables import SessionLogRow, SetLogRow
from tests.store.test_page_reads import LIFTS, START, seed_history


def _log(s, athlete_id: int, day: dt.date, lift: str, reps: int, kg: float, **effort) -> None:
    row = SessionLogRow(athlete_id=athlete_id, date=day)
    s.add(row)
    s.flush()
    for n in (1, 2, 3):
        s.add(SetLogRow(session_log_id=row.id, exercise_id=lift, set_number=n, reps=reps, load_kg=kg, **effort))


def test_a_light_days_set_after_the_heavy_day_is_not_the_lifts_read(store):
    """Walter's week 6 as he logged it: Tuesday's heavy 3 x 6 @ 55 kg at RPE 8, then Sunday's held
    3 x 10 @ 47.5 kg at RIR 4 (both stand for a 69.7 kg e1RM: the set nearer failure is the read).
    The loads read Tuesday's set; a set two weeks older than the latest is not read."""
    with store.write() as s:
        walter = repo.add_athlete(s, "Walter", Units.metric, dt.datetime(2026, 1, 1))
        _log(s, walter, dt.date(2027, 1, 5), "romanian_deadlift", 6, 60.0, rpe=8.0)  # two weeks back
        _log(s, walter, dt.date(2027, 1, 19), "romanian_deadlift", 6, 55.0, rpe=8.0)
        _log(s, walter, dt.date(2027, 1, 24), "romanian_deadlift", 10, 47.5, rir=4)
    p = load_context().params
    with store.read() as s:
        read = logged_sets(s, walter, dt.date(2027, 1, 25), p)
        assert read["romanian_deadlift"] == RecentSet(reps=6, load_kg=55.0, rpe=8.0, date=dt.date(2027, 1, 19))
        assert logged_sets(s, walter, dt.date(2027, 1, 25), p, ["romanian_deadlift"]) == read  # a page reads alike


def _reserve(x, p) -> float:  # type: ignore[no-untyped-def]
    return 10 - x.rpe if x.rpe is not None else x.rir if x.rir is not None else p.autoreg_assumed_rir


def expected_reads(week: list, p) -> list:  # type: ignore[no-untyped-def]
    """The sets a week's read may be: a set with the week's best e1RM, or, where a set of its day at
    its load has fewer reps as near failure or nearer (reps missed, cr30a F2), the fewest of those."""
    top = max(set_e1rm(x, p) for x in week)
    out = []
    for best in (x for x in week if abs(set_e1rm(x, p) - top) < 1e-9):
        short = [
            x for x in week
            if x.date == best.date and x.load_kg == best.load_kg and x.reps < best.reps
            and _reserve(x, p) <= _reserve(best, p) + 1e-9
        ]  # fmt: skip
        out.append(min(short, key=lambda x: (x.reps, _reserve(x, p))) if short else best)
    return out


def test_each_lifts_read_is_the_best_e1rm_of_its_latest_week(store):
    """Over random diaries: each lift's read is a set of the week up to its latest loaded session,
    with the best e1RM of that week's sets, or the fewest reps of its day at its load where reps were
    missed (brute force over every loaded set)."""
    athletes = seed_history(store, seed=11)
    p = load_context().params
    compared = 0
    with store.read() as s:
        for athlete_id in athletes:
            for before in (START + dt.timedelta(days=d) for d in (3, 17, 39, 60)):
                read = logged_sets(s, athlete_id, before, p)
                for lift in LIFTS:
                    rows = s.execute(
                        select(SetLogRow, SessionLogRow.date)
                        .join(SessionLogRow, SetLogRow.session_log_id == SessionLogRow.id)
                        .where(SessionLogRow.athlete_id == athlete_id, SessionLogRow.date < before)
                        .where(SetLogRow.exercise_id == lift, SetLogRow.load_kg.is_not(None))
                        .where(SetLogRow.reps.is_not(None))
                    ).all()  # fmt: skip
                    if not rows:
                        assert lift not in read
                        continue
                    latest = max(day for _, day in rows)
                    week = [
                        RecentSet(reps=min(r.reps, 30), load_kg=r.load_kg, rpe=r.rpe, rir=r.rir, date=day)
                        for r, day in rows
                        if (latest - day).days < p.autoreg_read_days
                    ]
                    got = read[lift]
                    assert latest - dt.timedelta(days=p.autoreg_read_days) < got.date <= latest
                    assert any(abs(set_e1rm(got, p) - set_e1rm(x, p)) < 1e-9 for x in expected_reads(week, p))
                    compared += 1
    assert compared > 10
