"""A strength log next to another strength day: accepted (it happened), and said plainly.

The plan keeps a day between strength sessions (no-consecutive-strength-days). A session
done a day late (`log --for`) or an extra one can land the day before or after another:
a logged one, or a planned one still to come. The log says so and what to do about the
next one; the weekly review flags the pair (`core.review.back_to_back`).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from runstrong.core.review.back_to_back import DAY, RULE, pair_words
from runstrong.store import repo
from runstrong.store.tables import SessionLogRow


def _logged_days(s: Session, athlete_id: int, days: list[dt.date]) -> dict[dt.date, set[dt.date | None]]:
    """Days among `days` holding a logged session with sets, with the planned dates those stood for."""
    rows = s.execute(
        select(SessionLogRow.id, SessionLogRow.date, SessionLogRow.planned_date).where(
            SessionLogRow.athlete_id == athlete_id, SessionLogRow.date.in_(days)
        )
    ).all()
    out: dict[dt.date, set[dt.date | None]] = {}
    for row in rows:
        if repo.count_sets(s, [row.id]):
            out.setdefault(row.date, set()).add(row.planned_date)
    return out


def next_door(s: Session, athlete_id: int, day: dt.date, planned_on: dt.date | None, today: dt.date) -> list[str]:
    """What the log of a strength session on `day` says about the days either side: a logged
    session there, or the next day's planned session still to come (not the one this log
    stands for, nor one already done)."""
    before, after = day - DAY, day + DAY
    logged = _logged_days(s, athlete_id, [before, after])
    done_for = {p for stood in logged.values() for p in stood if p is not None}
    notes = [
        f"Strength on consecutive days: {pair_words(*sorted((day, other)))}, both logged. The plan keeps a day "
        f"between strength sessions ({RULE}); the weekly review will note it."
        for other in sorted(logged)
    ]
    if after in logged or after < today:
        return notes
    _, planned, _ = repo.planned_between(s, athlete_id, after, after)
    coming = [p for p in planned if p.date != planned_on and p.date not in done_for]
    if coming:
        notes.append(
            f"Session {coming[0].label} is planned for the next day, {after:%a %d %b}: strength on consecutive "
            f"days ({RULE}). Do it a day later if the week allows (logged as done that day, for "
            f"{after:%a %d %b}'s session), or leave it out."
        )
    return notes
