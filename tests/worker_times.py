"""How the pytest-xdist workers shared a run: each worker's tests, busy time and when it
finished, printed at the end of a run with workers, so an unbalanced run (one worker idle
while the other ends a long test alone) shows without a second run."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest


@dataclass
class _Worker:
    tests: int = 0
    busy: float = 0.0  # seconds in set-up, call and tear-down of its tests
    last: float = 0.0  # when its last report came, since the session started


_START = time.monotonic()
_WORKERS: dict[str, _Worker] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    node = getattr(report, "node", None)  # set by xdist on the controller: the worker that ran it
    if node is None:
        return
    worker = _WORKERS.setdefault(node.gateway.id, _Worker())
    worker.busy += report.duration
    worker.last = time.monotonic() - _START
    worker.tests += report.when == "call"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _WORKERS:
        return
    terminalreporter.section("workers")
    for name, worker in sorted(_WORKERS.items()):
        terminalreporter.write_line(
            f"{name}: {worker.tests} tests, {worker.busy:.0f} s in tests, finished at {worker.last:.0f} s"
        )
