"""Whether a week's hops were swapped out though a day free of a long run could have held
them (plyometrics-fresh-legs): read from the plan and its days, apart from placement's own
search, so a property can ask it of any plan."""

from __future__ import annotations

import datetime as dt

from runstrong.core.context import PlanningContext
from runstrong.core.model import KEY_RUN_TYPES, SPEED_RUN_TYPES, TRAINING_CATEGORIES, AthleteProfile, Category, RunType
from runstrong.core.plan_model import Plan, Session, Week
from runstrong.core.schedule import DayInfo
from runstrong.core.week_days import calendar, day_infos

FRESH_LEGS = "plyometrics-fresh-legs"


def swapped_for_long_runs(week: Week) -> bool:
    """The week says a long run's day took its hops."""
    return any(r.rule_id == FRESH_LEGS for r in week.reasons)


def carries_hops(session: Session, week: Week) -> bool:
    """A session that holds the week's hops when they may go in (a 5K or 10K build): a leg
    session (the posterior chain's takes the block's hops after its primaries, single-leg
    power's second slot is the hop slot), or the core session of a week of fewer than three,
    whose single-leg primary is that slot's. A three-session week's core session holds none."""
    return session.focus != Category.core or len(week.sessions) < len(TRAINING_CATEGORIES)


def _opens(day: DayInfo, session: Session, hops: bool, allow_double: bool) -> bool:
    """The hard rules of the day alone let `session` (with hops when `hops`) go there."""
    if not day.available or not day.strength_ok or day.recovering or RunType.race in day.runs:
        return False
    if hops and (not day.plyo_ok or RunType.long in day.runs):
        return False
    if session.heavy:
        speed = not SPEED_RUN_TYPES.isdisjoint(day.runs)
        before_key = not KEY_RUN_TYPES.isdisjoint(day.next_runs)
        key_today = speed or RunType.long in day.runs  # a long run's day too (no-heavy-near-speed, cr25a F6)
        if not day.heavy_ok or before_key or (key_today and not allow_double):
            return False
    return True


def _apart(day: dt.date, hops: bool, others: list[Session], ctx: PlanningContext) -> bool:
    """`day` keeps its distance from every other session of the plan (and its jumps from theirs)."""
    p = ctx.params
    for o in others:
        gap = abs((o.date - day).days)
        if gap < p.min_days_between or (hops and o.plyometric and gap * 24 < p.plyo_min_hours):
            return False
    return True


def avoidable_swaps(plan: Plan, profile: AthleteProfile, ctx: PlanningContext) -> list[tuple[int, str, str, str]]:
    """Each session of a week whose hops a long run's day swapped out, that would carry hops
    (`carries_hops`) and sits on a long run's day without them while another day of its week
    could have held it with them: a day the hard rules of the day open to it, apart from the
    plan's other sessions; or a day another session without hops holds, when that session
    could take this one's day in turn. (week, focus, its day, the day that could have held it)"""
    cal = calendar(profile, ctx)
    frames = {f.start: f for f in cal.frames}
    everyone = [s for w in plan.weeks for s in w.sessions]
    out = []
    for w in plan.weeks:
        if not swapped_for_long_runs(w) or w.start_date not in frames:
            continue
        days = {d.date: d for d in day_infos(ctx, profile, frames[w.start_date], cal)}
        for s in w.sessions:
            here = days.get(s.date)
            if s.plyometric or here is None or RunType.long not in here.runs or not carries_hops(s, w):
                continue
            for d in days.values():
                if d.date == s.date or not _opens(d, s, True, profile.allow_double_days):
                    continue
                held = next((o for o in w.sessions if o.date == d.date), None)
                if held is None:
                    ok = _apart(d.date, True, [o for o in everyone if o is not s], ctx)
                else:  # the two swap days: the other keeps its lack of hops on this one's day
                    rest = [o for o in everyone if o is not s and o is not held]
                    ok = (
                        not held.plyometric
                        and _opens(here, held, False, profile.allow_double_days)
                        and _apart(d.date, True, rest, ctx)
                        and _apart(s.date, False, rest, ctx)
                    )
                if ok:
                    out.append((w.index, s.focus.value, f"{s.date:%a %d %b}", f"{d.date:%a %d %b}"))
    return out
