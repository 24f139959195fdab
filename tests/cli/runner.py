"""Run the `runstrong` command inside the test process, as a subprocess would run it.

Starting Python for every command made the CLI tests most of the suite's time. This runs the
real entry point, `runstrong.cli.main.main()` (so the exit statuses are the ones a shell sees:
2 for a user's mistake, 1 for ours), inside click's test isolation, and hands back a
`subprocess.CompletedProcess` so the tests read `returncode`, `stdout` and `stderr` as before.

What a fresh process would have had and the test process might not, it gets here:
- the environment is exactly `env` (nothing of the test process leaks in: no RUNSTRONG_DB,
  RUNSTRONG_DATA, COLUMNS, FORCE_COLOR...), restored afterwards, with `time.tzset()` both ways;
- a fixed terminal size (COLUMNS/LINES default to 80x25, as a pipe gives) and click's help
  formatter sized from COLUMNS, not click's test default of 80;
- stdin that is not a terminal (empty unless `input` is given), stdout and stderr kept apart;
- the run's pinned date (RUNSTRONG_TODAY, set by tests/conftest.py), unless `env` gives one;
- `sys.argv`, the working directory and stray environment writes (matplotlib's config folder)
  put back afterwards.

Commands that need a real terminal (pexpect), real concurrent processes or a server stay
subprocess tests; tests/cli/test_end_to_end.py runs the installed console script.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from click import formatting
from click.testing import CliRunner

DEFAULT_SIZE = {"COLUMNS": "80", "LINES": "25"}


@contextlib.contextmanager
def _process_state(env: Mapping[str, str], argv: Sequence[str], cwd: Path | str | None) -> Iterator[None]:
    """The environment, argv and working directory of a fresh process, restored on the way out."""
    saved_env, saved_argv, saved_cwd = dict(os.environ), sys.argv, os.getcwd()
    os.environ.clear()
    os.environ.update(DEFAULT_SIZE | pinned_date() | dict(env))
    time.tzset()
    sys.argv = list(argv)
    try:
        if cwd is not None:
            os.chdir(cwd)
        yield
    finally:
        os.chdir(saved_cwd)
        sys.argv = saved_argv
        os.environ.clear()
        os.environ.update(saved_env)
        time.tzset()


def _exit_status(exc: SystemExit) -> int:
    """The status `sys.exit(code)` gives a shell: None is 0, a message is 1 (and goes to stderr)."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return 1


def _text(raw: bytes) -> str:
    """Decode as `subprocess.run(text=True)` does, universal newlines included."""
    return raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def run_cli(
    args: Sequence[str],
    *,
    env: Mapping[str, str],
    cwd: Path | str | None = None,
    input: str | bytes | None = None,  # the name subprocess.run uses
) -> subprocess.CompletedProcess:
    """`runstrong *args` in this process; the result reads like `subprocess.run(..., text=True)`'s."""
    from runstrong.cli.main import main

    argv = ["runstrong", *args]
    with _process_state(env, argv, cwd), CliRunner().isolation(input=input) as (out, err, _):
        formatting.FORCED_WIDTH = None  # size help from COLUMNS, as a real process does (isolation restores it)
        try:
            main()
            status = 0
        except SystemExit as exc:
            status = _exit_status(exc)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        stdout, stderr = out.getvalue(), err.getvalue()
    return subprocess.CompletedProcess(argv, status, _text(stdout), _text(stderr))


def pinned_date() -> dict[str, str]:
    """The run's one date (tests/conftest.py), for a command started with an environment of its own."""
    return {"RUNSTRONG_TODAY": os.environ["RUNSTRONG_TODAY"]} if "RUNSTRONG_TODAY" in os.environ else {}


def env_for(folder: Path) -> dict[str, str]:
    """A fresh process's environment with its own diary, data folder and home in `folder`."""
    return {
        "COLUMNS": "140",
        "PATH": "/usr/bin:/bin",
        "NO_COLOR": "1",
        "RUNSTRONG_DB": str(folder / "diary.db"),
        "XDG_DATA_HOME": str(folder / "data"),
        "HOME": str(folder),
    }
