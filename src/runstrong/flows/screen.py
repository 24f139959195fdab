"""Recording a baseline screen: added to the profile (a new version) and its plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from runstrong.core.params import Params
from runstrong.store import repo
from runstrong.store.db import Store

from . import base, profile


@dataclass(frozen=True)
class Screened:
    stored: repo.StoredPlan
    result: Any  # core.assessment's scored screen
    version: int


def record_screen(store: Store, athlete: str | None, screen: Any, clock: base.Clock, params: Params,
                  *, expected_version: int | None = None) -> Screened:  # fmt: skip
    """Add `screen` (a core.screen.Screen) to the profile and re-plan the weeks ahead."""
    from runstrong.core.assessment import score_screen

    if screen.date > clock.today:
        raise base.Refused("date", f"{screen.date} is in the future (today is {clock.today}); record a past screen")
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        current, plan = profile.current(tx)
        changed = current.model_copy(update={"screens": [*current.screens, screen]})
        new_plan = profile.replan_ahead(tx, plan, changed)
        stored = profile.write_plan(tx, changed, new_plan, "screen", f"recorded the screen of {screen.date}")
        return Screened(stored, score_screen(screen, changed.age, changed.sex, params), tx.version)
