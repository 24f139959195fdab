"""`runstrong` on a real pseudo-terminal (pexpect), for the prompts a pipe never shows:
`init`, `assess`, `calendar import`. Everything else runs in-process (tests/cli/runner.py)."""

from __future__ import annotations

import signal
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def spawn(
    *args: str, cwd: Path, env: Mapping[str, str], timeout: int = 30, dimensions: tuple[int, int] = (50, 200)
) -> Any:
    """`python -m runstrong *args` on a terminal of `dimensions` (rows, columns), in `cwd` with exactly `env`
    (and the run's pinned date), running the runstrong this test process imports (a worktree's
    tests once spawned the installed checkout's code)."""
    import pexpect

    import runstrong
    from tests.cli.runner import pinned_date

    env = pinned_date() | {"PYTHONPATH": str(Path(runstrong.__file__).resolve().parents[1])} | dict(env)
    return pexpect.spawn(sys.executable, ["-m", "runstrong", *args], cwd=str(cwd), env=dict(env), encoding="utf-8",
                         timeout=timeout, dimensions=dimensions, preexec_fn=_interrupt_as_on_a_terminal)  # fmt: skip


def _interrupt_as_on_a_terminal() -> None:
    """Ctrl-C interrupts, as it does for a runner at a terminal: a test run started in the
    background by a non-interactive shell ignores SIGINT, and a child would inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def answer(child: Any, prompt: str, text: str) -> None:
    """Wait for `prompt`, then type `text` and Enter."""
    child.expect_exact(prompt)
    child.sendline(text)


def interrupt(child: Any, then: Any, tries: int = 3, wait: float = 5.0) -> None:
    """Press Ctrl-C and wait for `then` (text, or pexpect.EOF); press again if nothing came.

    CPython's `input()` can miss a SIGINT that lands between its last signal check and the
    `select()` it then blocks in (the signal's flag is set, nothing wakes the wait): a runner
    at the terminal would press Ctrl-C again, and so does this. Under a loaded CI machine the
    first press hit that window once (twenty-second session's closing run)."""
    import pexpect

    for attempt in range(tries):
        child.sendintr()
        try:
            if then is pexpect.EOF:
                child.expect(pexpect.EOF, timeout=wait)
            else:
                child.expect_exact(then, timeout=wait)
            return
        except pexpect.TIMEOUT:
            if attempt == tries - 1:
                raise
