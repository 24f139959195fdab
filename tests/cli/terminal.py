"""`runstrong` on a real pseudo-terminal (pexpect), for the prompts a pipe never shows:
`init`, `assess`, `calendar import`. Everything else runs in-process (tests/cli/runner.py)."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def spawn(
    *args: str, cwd: Path, env: Mapping[str, str], timeout: int = 30, dimensions: tuple[int, int] = (50, 200)
) -> Any:
    """`python -m runstrong *args` on a terminal of `dimensions` (rows, columns), in `cwd` with exactly `env`."""
    import pexpect

    return pexpect.spawn(sys.executable, ["-m", "runstrong", *args], cwd=str(cwd), env=dict(env), encoding="utf-8",
                         timeout=timeout, dimensions=dimensions)  # fmt: skip


def answer(child: Any, prompt: str, text: str) -> None:
    """Wait for `prompt`, then type `text` and Enter."""
    child.expect_exact(prompt)
    child.sendline(text)
