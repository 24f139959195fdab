"""Reading the diary back for the flow tests: its export (without the change log, which an
undo adds to) and counts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

EXPORTED_AT = dt.datetime(2027, 1, 1)


def content(store, name: str = "Maya (marathon)") -> str:
    """The athlete's whole diary as the JSON export writes it, without the change log."""
    from runstrong.core.diary import DiaryExport
    from runstrong.io.diary_files import dump_json
    from runstrong.store import repo
    from runstrong.store.transfer import export_athlete

    with store.read() as s:
        diary = export_athlete(s, repo.find_athlete(s, name).id)
    return dump_json(DiaryExport(exported_at=EXPORTED_AT, athletes=[diary.model_copy(update={"changes": []})]))


def sets_on(store, day: dt.date) -> int:
    from runstrong.store.tables import SessionLogRow, SetLogRow

    with store.read() as s:
        return s.scalar(
            select(func.count(SetLogRow.id))
            .join(SessionLogRow, SessionLogRow.id == SetLogRow.session_log_id)
            .where(SessionLogRow.date == day)
        )
