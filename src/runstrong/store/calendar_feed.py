"""The calendar feed's secret token: one per athlete, made on first use, replaced to revoke.

Functions take a Session; the caller's transaction commits or rolls back.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .tables import CalendarFeedRow

TOKEN_BYTES = 24  # 192 random bits, 32 URL-safe characters: not guessable


def feed_token(s: Session, athlete_id: int, now: dt.datetime, *, renew: bool = False) -> str:
    """The athlete's feed token; a new one (the old URL stops working) when `renew` or none yet."""
    row = s.scalars(select(CalendarFeedRow).where(CalendarFeedRow.athlete_id == athlete_id)).first()
    if row is not None and not renew:
        return row.token
    if row is not None:
        s.execute(delete(CalendarFeedRow).where(CalendarFeedRow.athlete_id == athlete_id))
        s.flush()
    token = secrets.token_urlsafe(TOKEN_BYTES)
    s.add(CalendarFeedRow(athlete_id=athlete_id, token=token, created_at=now.replace(tzinfo=None)))
    s.flush()
    return token


def feed_athlete(s: Session, token: str) -> int | None:
    """The athlete whose feed `token` opens, or None (unknown or revoked)."""
    if not token or len(token) > 64:
        return None
    return s.scalar(select(CalendarFeedRow.athlete_id).where(CalendarFeedRow.token == token))
