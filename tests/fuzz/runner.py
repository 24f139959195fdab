"""Run `runstrong` in this process, through `main()` and its error mapping, for speed: the
fuzz suite and the regression tests start hundreds of commands."""

from __future__ import annotations

import contextlib
import io
import os
import sys
from dataclasses import dataclass
from unittest import mock


@dataclass
class Ran:
    code: int
    out: str
    err: str

    @property
    def internal(self) -> bool:
        """Our failure, not the user's: exit 1 or the internal-error message."""
        return self.code == 1 or "internal error" in self.err or "Traceback" in self.err


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: str = "") -> Ran:
    """`runstrong ARGS` with `env` added to the environment; returns the exit code and output."""
    from runstrong.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    code = 0
    environ = {"COLUMNS": "140", "NO_COLOR": "1", "TERM": "dumb"} | (env or {})
    with (
        mock.patch.dict(os.environ, environ),
        mock.patch.object(sys, "argv", ["runstrong", *args]),
        mock.patch.object(sys, "stdin", io.StringIO(stdin)),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return Ran(code, out.getvalue(), err.getvalue())
