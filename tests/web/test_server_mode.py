"""Server mode on PostgreSQL for real: `runstrong serve --db postgresql://... --workers 2`
as a process, a login whose session and CSRF token every worker accepts, and the
`runstrong db` commands against the same database."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.web.accounts import PASSWORD, A, seed_server_diary

pytestmark = [pytest.mark.slow, pytest.mark.postgres]
RUNSTRONG = str(Path(sys.executable).with_name("runstrong"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def pg(pg_database: str) -> str:
    """An empty database of this test's own."""
    return pg_database


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RUNSTRONG_") or k == "RUNSTRONG_TODAY"}
    return env | {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}


def _plain(url: str) -> str:
    """The URL as a person writes it: postgresql://, no driver name."""
    return url.replace("postgresql+psycopg://", "postgresql://")


def test_two_workers_share_sessions_and_csrf_keys_on_postgresql(pg: str, tmp_path: Path) -> None:
    seed_server_diary(pg)
    port = _free_port()
    proc = subprocess.Popen([RUNSTRONG, "serve", "--db", _plain(pg), "--workers", "2", "--port", str(port)],
                            env=_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/login", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.3)
        with httpx.Client(base_url=base, headers={"Connection": "close"}) as c:  # a new connection, any worker
            token = re.search(r'"X-CSRF-Token": "([^"]+)"', c.get("/login").text).group(1)  # type: ignore[union-attr]
            logged = c.post("/login", data={"name": "cora_coach", "password": PASSWORD, "csrf_token": token},
                            headers={"Origin": base})  # fmt: skip
            assert logged.status_code == 303, logged.text
            for _ in range(12):
                assert c.get("/api/v1/athlete", params={"athlete": A}).json()["name"] == A
                checkin = c.post("/checkin", params={"athlete": A}, data={"mood": "4", "csrf_token": token},
                                 headers={"Origin": base})  # fmt: skip
                assert checkin.status_code in (303, 409), checkin.text[:300]
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=20)
    assert "server mode: everyone logs in" in out
    assert (tmp_path / "data" / "runstrong" / "web-key").stat().st_mode & 0o077 == 0  # the shared key, owner only


def test_db_upgrade_then_backup_with_pg_dump(pg: str, tmp_path: Path) -> None:
    env = _env(tmp_path)
    up = subprocess.run([RUNSTRONG, "db", "upgrade", "--db", _plain(pg)], env=env, capture_output=True, text=True)
    assert up.returncode == 0 and "from nothing to" in up.stdout, up.stderr
    target = tmp_path / "runstrong.dump"
    done = subprocess.run([RUNSTRONG, "db", "backup", "--db", pg, "-o", str(target)], env=env,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0 and "pg_dump" in done.stdout, done.stderr
    assert target.read_bytes().startswith(b"PGDMP")
    listed = subprocess.run(["pg_restore", "--list", str(target)], capture_output=True, text=True)
    assert "TABLE public users" in listed.stdout and "TABLE public review_queue" in listed.stdout
