"""A write that finds the diary busy past the busy timeout is answered "try again" (503), not 500."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.web.conftest import TODAY, SameOriginClient


def test_a_set_logged_while_another_write_holds_the_diary_is_answered_try_again(
    diary_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from runstrong.store import db
    from runstrong.web.app import create_app

    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    app = create_app(str(diary_path), today=TODAY)
    holder = sqlite3.connect(diary_path, isolation_level=None)
    try:
        with SameOriginClient(app, follow_redirects=False) as client:
            before = client.get("/api/v1/today").json()["logged_sets"]
            holder.execute("BEGIN IMMEDIATE")
            busy = client.post("/api/v1/sessions", json={"as_planned": True})
            holder.execute("ROLLBACK")
            assert busy.status_code == 503 and busy.headers["retry-after"] == "1"
            assert "try again" in busy.json()["detail"]
            assert client.get("/api/v1/today").json()["logged_sets"] == before  # nothing written
            assert client.post("/api/v1/sessions", json={"as_planned": True}).status_code == 201
    finally:
        holder.close()
        app.state.diary.close()
