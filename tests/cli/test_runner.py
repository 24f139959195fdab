"""The in-process runner behaves as a fresh process would, and leaves the test process as it was."""

from __future__ import annotations

import os
import sys

from tests.cli.runner import run_cli


def test_a_run_sees_only_its_own_environment_and_leaves_ours_untouched(tmp_path, monkeypatch):
    monkeypatch.setenv("RUNSTRONG_DB", str(tmp_path / "leaked.db"))
    before_env, before_argv, before_cwd = dict(os.environ), list(sys.argv), os.getcwd()
    home = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    out = run_cli(["athlete", "list"], env=home, cwd=tmp_path)
    assert out.returncode == 0 and "No athletes yet" in out.stdout
    assert (tmp_path / "data" / "runstrong" / "diary.db").exists() and not (tmp_path / "leaked.db").exists()
    out = run_cli(["plan", "nowhere.toml"], env=home, cwd=tmp_path)
    assert out.returncode == 2 and "nowhere.toml" in out.stderr and out.stdout == ""
    assert (dict(os.environ), sys.argv, os.getcwd()) == (before_env, before_argv, before_cwd)


def test_exit_statuses_are_the_shells(tmp_path):
    assert run_cli(["--version"], env={}).returncode == 0
    assert run_cli(["no-such-command"], env={}).returncode == 2
    assert run_cli(["exercises", "--category", "legs"], env={}).returncode == 2


def test_the_terminal_width_comes_from_columns(tmp_path):
    narrow = run_cli(["demo"], env={"COLUMNS": "80", "NO_COLOR": "1"}).stdout
    wide = run_cli(["demo"], env={"COLUMNS": "140", "NO_COLOR": "1"}).stdout
    assert max(map(len, narrow.splitlines())) <= 80 < max(map(len, wide.splitlines())) <= 140
    assert "\x1b[" not in narrow + wide  # no colour codes, as through a pipe
