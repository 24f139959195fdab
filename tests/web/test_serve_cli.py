"""`runstrong serve`: it starts on 127.0.0.1 and answers; what it says when it cannot."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

pytestmark = pytest.mark.slow  # real server processes on real ports

RUNSTRONG = str(Path(sys.executable).with_name("runstrong"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([RUNSTRONG, *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def busy_port():  # type: ignore[no-untyped-def]
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_serve_is_listed_with_its_help() -> None:
    from runstrong.cli.main import COMMANDS

    assert COMMANDS["serve"][2] in " ".join(run("--help").stdout.split())
    assert "--lan" in run("serve", "--help").stdout


def serve_and_read(db: Path, path: str, *args: str) -> tuple[bytes, str]:
    """Start `runstrong serve` on a free port, read `path` (redirects followed), stop it:
    (the page, what serve printed)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([RUNSTRONG, "serve", "--db", str(db), "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=2) as response:
                    body = response.read()
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.2)
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"http://localhost:{port}/" in out
    return body, out


def test_serve_answers_on_localhost(diary_path: Path) -> None:
    body, _ = serve_and_read(diary_path, "/api/v1/athlete")
    assert b"Maya (marathon)" in body


def test_serve_on_an_empty_diary_starts_and_opens_on_the_welcome_page(tmp_path: Path) -> None:
    body, out = serve_and_read(tmp_path / "empty.db", "/")
    assert b"Welcome to runstrong" in body and b'action="/welcome"' in body
    assert "local mode" in out


def test_serve_with_several_runners_starts_without_athlete_and_asks_who_you_are(tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    for example in ("marathoner.toml", "5k-racer.toml"):
        added = run("athlete", "add", str(EXAMPLES / example), "--db", str(db), "--least-bad")
        assert added.returncode == 0, added.stderr
    body, _ = serve_and_read(db, "/")
    assert b"Who are you?" in body and b"Maya (marathon)" in body and b"Tom (5K)" in body
    body, _ = serve_and_read(db, "/api/v1/athlete", "--athlete", "Tom (5K)")  # --athlete still chooses
    assert b"Tom (5K)" in body


def test_serve_with_an_athlete_the_diary_lacks_says_so(diary_path: Path) -> None:
    result = run("serve", "--db", str(diary_path), "--port", "0", "--athlete", "Nobody")
    assert result.returncode == 2
    assert "athlete: no athlete 'Nobody'" in result.stderr and "Traceback" not in result.stderr


def test_serve_on_a_port_in_use_names_the_option(diary_path: Path, busy_port: int) -> None:
    result = run("serve", "--db", str(diary_path), "--port", str(busy_port))
    assert result.returncode == 2 and f"--port: cannot listen on 127.0.0.1:{busy_port}" in result.stderr


def test_lan_without_accounts_refuses_to_start_and_says_how_to_add_one(diary_path: Path) -> None:
    result = run("serve", "--db", str(diary_path), "--lan", "--port", "0")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("Error: --lan: listening beyond this machine needs accounts")
    assert "runstrong users add NAME --role admin" in result.stderr


def test_a_host_beyond_loopback_without_accounts_refuses_to_start(diary_path: Path) -> None:
    result = run("serve", "--db", str(diary_path), "--host", "0.0.0.0", "--port", "0")
    assert result.returncode == 2 and "--host 0.0.0.0: listening beyond this machine needs accounts" in result.stderr


def test_lan_and_another_host_is_refused() -> None:
    result = run("serve", "--lan", "--host", "192.0.2.1")
    assert result.returncode == 2 and result.stderr.startswith("Error: --lan:")
