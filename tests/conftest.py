"""Shared fixtures: the shipped library and registry, the example profiles, the shared/ folder;
and the Hypothesis profiles every property test runs under.

Hypothesis profiles (HYPOTHESIS_PROFILE picks one; CI=true defaults to `ci`, else `dev`):
  dev   100 examples for the properties that ask for many: the inner loop (bin/test --fast)
  ci    1,000: what bin/test and CI run
  deep  10,000: nightly, `HYPOTHESIS_PROFILE=deep bin/test tests/core tests/review`
RUNSTRONG_HYPOTHESIS_EXAMPLES=N overrides the count exactly for the tests that use `examples()`.

The test processes run the cyclic garbage collector less often (`COLLECTOR_THRESHOLDS`): a
plan property plans a thousand runners through one planning context whose memo holds
hundreds of thousands of objects, and Python's default thresholds walked them all every few
dozen plans, about 30% of such a test's time. The planner leaves no reference cycles
(tests/core/test_memory.py), so the walks found nothing; collections still run, and the
memory tests collect in full before every reading.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from pathlib import Path

import pytest
from hypothesis import settings

from runstrong.io.data_files import load_library, load_registry

COLLECTOR_THRESHOLDS = (20_000, 20, 100)  # Python's defaults: (700, 10, 10)
gc.set_threshold(*COLLECTOR_THRESHOLDS)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "runstrong" / "examples"
SHARED = Path(os.environ.get("RUNSTRONG_SHARED") or ROOT.parent / "shared")  # a worktree elsewhere sets it

PROFILES = {"dev": 100, "ci": 1_000, "deep": 10_000}
OVERRIDE = "RUNSTRONG_HYPOTHESIS_EXAMPLES"


def _load_hypothesis_profile() -> None:
    for name, count in PROFILES.items():
        # No deadline: on a shared machine a slow example is load, not a bug; --durations shows cost.
        # CI runs the same examples every time (a red CI is a change's fault, not a dice roll);
        # dev and deep explore new ones on every run and keep what they find in .hypothesis/.
        fixed = {"derandomize": True, "database": None} if name == "ci" else {}
        settings.register_profile(name, max_examples=count, deadline=None, **fixed)
    default = "ci" if os.environ.get("CI", "").lower() == "true" else "dev"
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or default)


_load_hypothesis_profile()


def _same_constants_in_every_run() -> None:
    """Hypothesis draws some values from the literals of the project's modules imported so far
    (its "local constants", read from each module as it first sees it), so a property's draw
    depended on which modules the tests before it had imported: CI's full run drew runners the
    same property alone never drew, and failed where the property alone passed (issue 15: the
    deload cut and the replan). The literals of every source file of the project are read here,
    before any test draws, so every run, whole or one file, draws from the same pool; a module
    imported later adds nothing new (tests/test_draws.py)."""
    import types
    import warnings

    from hypothesis.errors import HypothesisSideeffectWarning
    from hypothesis.internal.conjecture import providers
    from hypothesis.internal.constants_ast import constants_from_module

    pool = providers.Constants()
    with warnings.catch_warnings():  # it reads its storage's cache of constants: the point here
        warnings.simplefilter("ignore", HypothesisSideeffectWarning)
        for folder in ("src", "bench", "tools"):
            for path in sorted((ROOT / folder).rglob("*.py")):
                module = types.ModuleType(path.stem)
                module.__file__ = str(path)
                pool |= constants_from_module(module)
    providers._local_constants |= pool
    providers.CONSTANTS_CACHE.cache.clear()


def pytest_sessionstart(session: pytest.Session) -> None:
    """Before any test draws (in each worker): the same pool of constants (after start-up, when
    Hypothesis may read its storage)."""
    _same_constants_in_every_run()


# One date for the whole run: tests build diaries relative to today at collection, and a run
# that crosses midnight would otherwise see the program read the next day (runstrong.clock).
# Set here, before the workers start, so every worker and every command they run shares it.
os.environ.setdefault("RUNSTRONG_TODAY", dt.date.today().isoformat())

# bin/test's per-worker summary; the PostgreSQL test databases, one set per test process
pytest_plugins = ["tests.worker_times", "tests.pg_databases"]


def examples(share: float = 1.0, floor: int = 10) -> int:
    """How many examples a property runs: `share` of the profile's count (never under `floor`),
    or exactly RUNSTRONG_HYPOTHESIS_EXAMPLES when that is set."""
    if os.environ.get(OVERRIDE):
        return int(os.environ[OVERRIDE])
    return max(round(settings.default.max_examples * share), floor)


@pytest.fixture(scope="session")
def library():
    return load_library()


@pytest.fixture(scope="session")
def registry():
    return load_registry()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the checkout")
    return SHARED


def example_paths() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".toml", ".yaml", ".yml"))


SLOW_KINDS = ("browser", "postgres", "pdf", "process")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A browser (any test asking for the `browser` fixture), PostgreSQL, PDF or real-process
    test is slow too, so `-m "not slow"` (bin/test --fast) leaves it out.
    Tests marked `long` (minutes each) go first, so the workers start on them and share the rest
    instead of one worker finishing them alone at the end."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.browser)  # a test that asks for chromium drives it, marked or not
        if any(item.get_closest_marker(kind) for kind in SLOW_KINDS) and not item.get_closest_marker("slow"):
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: item.get_closest_marker("long") is None)  # stable: the order is kept otherwise
