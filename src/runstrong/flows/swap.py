"""Swapping an exercise for another from today on: a new profile version that keeps the
choice and a new plan version, re-planned from the first Monday not yet lived."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from runstrong.core.library import Library
from runstrong.core.params import Params
from runstrong.store import repo
from runstrong.store.db import Store

from . import base, lived, profile


@dataclass(frozen=True)
class Swapped:
    stored: repo.StoredPlan
    from_id: str
    to_id: str
    since: dt.date
    sessions: list[tuple[int, dt.date]]
    version: int


def swap(store: Store, athlete: str | None, from_id: str, to_id: str, reason: str | None, clock: base.Clock,
         library: Library, params: Params, *, expected_version: int | None = None) -> Swapped:  # fmt: skip
    """Replace `from_id` by `to_id` in the sessions not yet lived; Refused when `to_id`
    cannot replace it (the alternatives fit the kit and the pain areas)."""
    from runstrong.core.swap import alternatives, companions, sessions_with, with_swap

    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        current, plan = profile.current(tx)
        today = lived.first_unlived_day(tx.s, tx.athlete.id, clock.today)
        if not sessions_with(plan, from_id, today):
            raise base.Refused("from_id", f"{from_id} is not in your plan from {today} on; nothing to swap")
        options = alternatives(library, current, from_id, params, companions(plan, from_id, today))
        ids = [a.exercise.id for a in options]
        if to_id not in ids:
            choices = ", ".join(ids) or "none: the library has no alternative that fits your kit and pain"
            raise base.Refused("to_id", f"{to_id!r} cannot replace {from_id}; choose one of: {choices}")
        changed = with_swap(current, from_id, to_id, today, reason)
        new_plan = profile.replan_ahead(tx, plan, changed, this_week=True)
        found = sessions_with(new_plan, to_id, today)
        if not found:
            raise base.Refused("to_id", f"the planner could not put {to_id} in place of {from_id}; try another")
        stored = profile.write_plan(tx, changed, new_plan, "swap", f"swapped {from_id} for {to_id}")
        return Swapped(stored, from_id, to_id, today, found, tx.version)
