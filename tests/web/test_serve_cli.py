"""`runstrong serve`: it starts on 127.0.0.1 and answers; what it says when it cannot."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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


def test_serve_answers_on_localhost(diary_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([RUNSTRONG, "serve", "--db", str(diary_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/athlete", timeout=2) as response:
                    assert b"Maya (marathon)" in response.read()
                    break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.stderr else ""
                time.sleep(0.2)
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert f"http://localhost:{port}/" in out


def test_serve_with_no_athlete_says_how_to_add_one(tmp_path: Path) -> None:
    result = run("serve", "--db", str(tmp_path / "empty.db"), "--port", "0")
    assert result.returncode == 2
    assert "athlete: the diary has no athlete yet" in result.stderr and "Traceback" not in result.stderr


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
