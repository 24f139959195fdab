"""A second hard week running, not absorbed, is cut rather than held again (overreaching-signs).

A hold repeats a dose the runner found too hard; a second week above the effort target with
short sleep or soreness rising on the runner's own baseline says the hold did not let them
absorb it (Meeusen 2013: intensified training continued without recovery). Priya logged every
set at RIR 1, then every set at RIR 0 on 6.5 h of sleep with soreness up, and was held twice
(cr24a F4). The categories above the target are cut as review-reduce cuts instead.
"""

from __future__ import annotations

import datetime as dt

from . import signals as sig
from .effort_read import effort_over, listed
from .measure import plan_week, week_metrics
from .state import ReviewInput, Verdict, category_name
from .values import Signal, decision

WEEK = dt.timedelta(days=7)


def hard_weeks_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Effort above the target for overreaching-signs' weeks running, the last with a sign
    that it was not absorbed: the categories above the target are cut (review-reduce's size)."""
    rp = r.params
    fresh = [c for c in r.metrics.categories if c.category in v.effort_held and c.category not in v.reduce]
    if v.deload or v.repeat or not fresh:
        return v
    signs = not_absorbed(r)
    if not signs:
        return v
    earlier = hard_weeks_before(r, rp.hard_weeks_to_reduce - 1)
    if len(earlier) < rp.hard_weeks_to_reduce - 1:
        return v
    reduce = {**v.reduce, **{c.category: rp.reduce_pct for c in fresh}}
    names = listed([category_name(c.category) for c in fresh])
    weeks = ", ".join(f"{d:%a %d %b}" for d in earlier)
    said = " and ".join(words for _, words in signs)
    text = (
        f"Effort above the target {rp.hard_weeks_to_reduce} weeks running (the week of {weeks} too), with {said}: "
        f"next week {names} {'is' if len(fresh) == 1 else 'are'} cut about {rp.reduce_pct}% from this week's dose "
        "(held, not progressed)."
    )
    before = [Signal(kind="effort", text=f"effort above the target in the week of {d:%d %b}") for d in earlier]
    shown = [s for s, _ in signs]
    signals = [*(s for s in v.fatigue if s.kind == "effort"), *before, *shown]
    d = decision("week", "reduce", text, ["overreaching-signs", "review-reduce", "review-cut-size"], signals)
    return v.add(reduce=reduce, decisions=(*v.decisions, d), cut_signals=(*v.cut_signals, *shown))


def not_absorbed(r: ReviewInput) -> list[tuple[Signal, str]]:
    """The reviewed week's signs that its hard work was not absorbed, with their words: sleep
    under protein-and-sleep's hours, soreness worse than the runner's own baseline by at least
    wellness-baseline's smallest drop (soreness is 1 = very sore ... 5 = fresh)."""
    rp, m = r.params, r.metrics
    out = []
    least = sleep_least(r)
    if m.sleep_hours is not None and m.sleep_hours < least:
        out.append((sig.sleep(m, least), f"sleep {m.sleep_hours:g} h a night (under {least:g} h)"))
    sore = next((w for w in m.wellness if w.item == "soreness"), None)
    now, usual = (sore.week_mean, sore.baseline_mean) if sore else (None, None)
    if now is not None and usual is not None and now <= usual - rp.min_drop_points:
        words = f"soreness {now:g}/5 against your usual {usual:g}"
        out.append((Signal(kind="soreness", text=f"soreness rising: {sig.wellness_signal(sore).text}"), words))
    return out


def sleep_least(r: ReviewInput) -> float:
    """The hours of sleep a night under which a week's sleep is short (protein-and-sleep)."""
    rp = r.params
    return rp.teen_sleep_min if r.profile.age < rp.teen_below_age else rp.sleep_hours_min


def hard_weeks_before(r: ReviewInput, weeks: int) -> list[dt.date]:
    """The Mondays of the weeks right before the reviewed one, up to `weeks`, in which some
    category was above its effort target (review-hold), most recent first; it stops at the
    first week that was not."""
    out: list[dt.date] = []
    day = r.week_start - WEEK
    while len(out) < weeks:
        m = week_metrics(r.plan, r.history, day, r.library, r.registry)
        if not any(c.planned_sets and effort_over(c, r.params) for c in m.categories):
            break
        out.append(day)
        day -= WEEK
    return out


def logged_lighter(r: ReviewInput, category: object) -> bool:
    """Whether a category held for effort comes back lighter, as the load walk reads its log
    (load-autoregulation, `set_states.from_set`): a loaded set short of its day's planned reps or
    load lowers the lift at once, and so does a second hard week running; a first hard week with
    every rep done holds it (cr23a F12). The hold's words say which (a hold that said "comes back
    lighter" beside loads held at the last dose, cr25a's open property after a deload logged hard)."""
    if hard_weeks_before(r, 1):
        return True
    planned = {
        (s.date, b.exercise_id): b.prescription
        for w in filter(None, [plan_week(r.plan, r.week_start)])
        for s in w.sessions
        for b in s.blocks
    }
    end = r.week_start + 6 * dt.timedelta(days=1)
    for s in r.history.between(r.week_start, end).sessions:
        for x in s.sets:
            if x.exercise_id not in r.library or r.library.get(x.exercise_id).category != category:
                continue
            day = planned.get((s.planned_date or s.date, x.exercise_id))
            if day is None or not x.load_kg or not day.load_kg:
                continue
            if (x.reps or 0) < (day.reps or 0) or x.load_kg < day.load_kg - 1e-9:
                return True
    return False
