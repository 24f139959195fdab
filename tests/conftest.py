"""Shared fixtures: the shipped library and registry, the example profiles, the shared/ folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from runstrong.core.library import load_library
from runstrong.core.rules import load_registry

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "src" / "runstrong" / "examples"
SHARED = Path(os.environ.get("RUNSTRONG_SHARED") or ROOT.parent / "shared")  # a worktree elsewhere sets it


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
