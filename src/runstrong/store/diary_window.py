"""The diary over a window of days, as the review and the charts read it: only the window
the rules look at, in a handful of queries, so a review costs the same on a three-year diary
as on a new one; and the last day anything was logged."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import cache

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from runstrong.core.diary import PainReport, RunLog, SessionLog, SetLog, Wellness
from runstrong.core.model import PainArea, RunType, build
from runstrong.core.pain_days import pain_day
from runstrong.core.review_metrics import DiaryWindow

from .repo import RUN_COLUMNS, SET_FIELDS, WELLNESS_COLUMNS
from .tables import PainRow, RunRow, SessionLogRow, SetLogRow, WellnessRow

PAIN_COLUMNS = ("date", "area", "score", "note", "side", "when", "provoked_by")
SESSION_FIELDS = ("date", "plan_version", "planned_date", "planned_label", "minutes", "session_rpe", "note")


def load_diary(s: Session, athlete_id: int, since: dt.date, until: dt.date) -> DiaryWindow:
    """The athlete's diary entries dated since..until (inclusive), pain reports by the day they
    are about (a next-morning report dated the day after `until` is in). Values are trusted (they
    were validated when logged), so they are built without validating again (core.model's
    `build`); rows are read as plain tuples (no ORM objects): a review's read costs a third."""
    return load_diaries(s, {athlete_id: (since, until)})[athlete_id]


def load_diaries(s: Session, spans: dict[int, tuple[dt.date, dt.date]]) -> dict[int, DiaryWindow]:
    """Several athletes' diaries, each over its own days (athlete id -> since, until), in one
    statement per kind of entry (a coach's `review --all` reads a chunk of athletes at once:
    no round trip per athlete). Each statement reads every athlete's rows from the earliest
    `since` to the latest `until`; rows outside an athlete's own days are left out here."""
    if not spans:
        return {}
    ids = sorted(spans)
    since, until = min(a for a, _ in spans.values()), max(b for _, b in spans.values())
    kept = lambda athlete, day: spans[athlete][0] <= day <= spans[athlete][1]  # noqa: E731
    q, args = _window_statements(), {"ids": ids, "since": since, "until": until}
    session_rows = [r for r in s.execute(q["sessions"], args) if kept(r[0], r[2])]
    sets: dict[int, list] = defaultdict(list)
    if session_rows:  # by the sessions' ids: through the index
        for row in s.execute(q["sets"], {"sessions": [r[1] for r in session_rows]}):
            sets[row[0]].append(build(SetLog, **dict(zip(SET_FIELDS, row[1:], strict=True))))
    out: dict[int, dict[str, list]] = {i: defaultdict(list) for i in ids}
    for r in session_rows:
        fields = dict(zip(SESSION_FIELDS, r[2:], strict=True))
        out[r[0]]["sessions"].append(build(SessionLog, **fields, sets=sets[r[1]], pains=[]))
    for r in s.execute(q["runs"], args):
        if kept(r[0], r[1]):
            fields = dict(zip(RUN_COLUMNS, r[2:], strict=True)) | {"type": RunType(r.type)}
            out[r[0]]["runs"].append(build(RunLog, date=r[1], **fields))
    for r in s.execute(q["wellness"], args):
        if kept(r[0], r[1]):
            out[r[0]]["wellness"].append(build(Wellness, date=r[1], **dict(zip(WELLNESS_COLUMNS, r[2:], strict=True))))
    for r in s.execute(q["pains"], args | {"until": until + dt.timedelta(days=1)}):  # the morning after the last day
        fields = dict(zip(PAIN_COLUMNS, r[1:], strict=True)) | {"area": PainArea(r.area)}
        report = build(PainReport, **fields)
        if kept(r[0], pain_day(report)):  # a pain by the day it is about: a next morning by the day before
            out[r[0]]["pains"].append(report)
    return {i: _window(out[i]) for i in ids}


@cache
def _window_statements() -> dict[str, Select]:
    """`load_diaries`' statements, built once (athletes, days and sessions are parameters):
    building five statements cost more than running them."""
    sl, st, rn, wl, pn = (t.__table__.c for t in (SessionLogRow, SetLogRow, RunRow, WellnessRow, PainRow))
    ids, since, until = bindparam("ids", expanding=True), bindparam("since"), bindparam("until")
    return {
        "sessions": select(sl.athlete_id, sl.id, *(sl[f] for f in SESSION_FIELDS))
        .where(sl.athlete_id.in_(ids), sl.date.between(since, until))
        .order_by(sl.athlete_id, sl.date, sl.id),
        "sets": select(st.session_log_id, *(st[f] for f in SET_FIELDS))
        .where(st.session_log_id.in_(bindparam("sessions", expanding=True)))
        .order_by(st.id),
        "runs": select(rn.athlete_id, rn.date, *(rn[c] for c in RUN_COLUMNS))
        .where(rn.athlete_id.in_(ids), rn.date.between(since, until))
        .order_by(rn.athlete_id, rn.date, rn.id),
        "wellness": select(wl.athlete_id, wl.date, *(wl[c] for c in WELLNESS_COLUMNS))
        .where(wl.athlete_id.in_(ids), wl.date.between(since, until))
        .order_by(wl.athlete_id, wl.date),
        "pains": select(pn.athlete_id, *(pn[c] for c in PAIN_COLUMNS))
        .where(pn.athlete_id.in_(ids), pn.date.between(since, until))
        .order_by(pn.athlete_id, pn.date, pn.id),
    }


def _window(parts: dict[str, list]) -> DiaryWindow:
    return DiaryWindow(**{k: tuple(parts[k]) for k in ("sessions", "runs", "wellness", "pains")})


def last_logged_day(s: Session, athlete_id: int) -> dt.date | None:
    """The latest date with any strength session, run or check-in."""
    days = [
        s.scalar(select(SessionLogRow.date).where(SessionLogRow.athlete_id == athlete_id).order_by(
            SessionLogRow.date.desc()).limit(1)),
        s.scalar(select(RunRow.date).where(RunRow.athlete_id == athlete_id).order_by(RunRow.date.desc()).limit(1)),
        s.scalar(select(WellnessRow.date).where(WellnessRow.athlete_id == athlete_id).order_by(
            WellnessRow.date.desc()).limit(1)),
    ]  # fmt: skip
    known = [d for d in days if d is not None]
    return max(known) if known else None
