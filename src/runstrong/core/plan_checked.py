"""A plan's check against its own rules, once per distinct plan, and the kit a week's
equipment entries stand for: the planner's helpers that need none of its walk."""

from __future__ import annotations

import datetime as dt

from .context import PlanningContext
from .model import Plan
from .validate import Violation, check_plan


def checked_once(plan: Plan, ctx: PlanningContext, lived: frozenset[dt.date], profile_key: str) -> list[Violation]:
    """`check_plan`'s verdict, once per distinct plan. The planner is a function of the
    profile (by value) and the lived weeks; its sessions come from the memo, so the same
    session objects (by identity, kept alive by the entry, as the loads memo does) for the
    same profile are the same plan, and a warm re-plan does not check it again."""
    sessions = tuple(s for w in plan.weeks for s in w.sessions)
    kept = tuple(w for w in plan.weeks if w.start_date in lived)  # the caller's own objects
    key = (tuple(map(id, sessions)), tuple(map(id, kept)), profile_key, lived)  # profile_key: the profile's JSON
    hit = ctx.memo.checked.get(key)
    if hit is None:
        hit = ctx.memo.checked.put(key, (sessions, kept, check_plan(plan, ctx, lived=lived)))
    return hit[2]
