"""`runstrong exercises show ID` draws the exercise: braille in the terminal, and `--open`
hands the animated SVG to the system's viewer (here a stand-in `xdg-open` on PATH that
records what it was given, run as a real process)."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.cli.runner import run_cli

BRAILLE = range(0x2800, 0x2900)


def env_with(path: str) -> dict[str, str]:
    return {"COLUMNS": "100", "PATH": path, "NO_COLOR": "1", "HOME": os.environ.get("HOME", "/tmp")}


def run(*args: str) -> subprocess.CompletedProcess:
    """`runstrong *args` in-process (tests/cli/runner.py)."""
    return run_cli(args, env=env_with("/usr/bin:/bin"))


def run_process(*args: str, path: str) -> subprocess.CompletedProcess:
    """`runstrong *args` as a process of its own: the viewer it launches (click.launch, which
    does not wait) has finished writing when the output pipes close."""
    return subprocess.run([sys.executable, "-m", "runstrong", *args], capture_output=True, text=True,
                          env=env_with(path), timeout=120)  # fmt: skip


def test_show_draws_the_exercise_in_braille_above_the_cues() -> None:
    out = run("exercises", "show", "split_squat")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    drawn = [line for line in lines if any(ord(c) in BRAILLE and c != "\u2800" for c in line)]
    assert len(drawn) >= 5
    assert lines.index(drawn[-1]) < lines.index("Cues")
    assert "green: the working side" in out.stdout


def test_show_open_writes_the_animated_svg_and_hands_it_to_the_viewer(tmp_path: Path) -> None:
    record = tmp_path / "opened.txt"
    viewer = tmp_path / "bin" / "xdg-open"
    viewer.parent.mkdir()
    viewer.write_text(f'#!/bin/sh\nprintf "%s" "$1" > {record}\n')
    viewer.chmod(0o755)
    out = run_process(
        "exercises", "show", "copenhagen_plank_short_lever", "--open", path=f"{viewer.parent}:/usr/bin:/bin"
    )
    assert out.returncode == 0, out.stderr
    opened = Path(record.read_text())
    assert opened.suffix == ".svg" and str(opened) in out.stdout
    root = ET.fromstring(opened.read_text("utf-8"))
    assert root.find("{http://www.w3.org/2000/svg}title") is not None
    assert next(root.iter("{http://www.w3.org/2000/svg}animate"), None) is not None
    opened.unlink()
