"""A property's draw is the same in every run, whole or one file (issue 15).

Hypothesis draws some values from the literals of the project's modules it has seen imported;
tests/conftest.py reads every source file's literals before any test draws, so a module the
tests import later (the web app, the store, the CLI) adds nothing to the pool, and a property
draws the same runners alone as inside the full run."""

from __future__ import annotations

import importlib
import pkgutil

from hypothesis.internal.conjecture import providers

import runstrong


def test_importing_the_rest_of_the_project_adds_no_constant_to_the_draw_pool():
    before = providers._get_local_constants()
    size = len(before)
    for module in pkgutil.walk_packages(runstrong.__path__, "runstrong."):
        if module.name.endswith(("__main__", "migrations.env")):
            continue  # the console script runs on import; Alembic's env needs Alembic's context
        importlib.import_module(module.name)
    assert len(providers._get_local_constants()) == size
