"""The week's numbers as named signals, each against the runner's own baseline or the
target ("soreness ≤ 2/5 on 5 of 7 days; mood 2.7 vs your usual 3.9 ± 0.4")."""

from __future__ import annotations

from ..model import PainArea
from ..vocab import AREA_NAME, CATEGORY_NAME
from .held_dose import dose_words
from .metrics import CategoryWeek, WeekMetrics, WellnessItem
from .params import ReviewParams
from .values import Signal

ITEM_NAME = {
    "sleep_quality": "sleep quality",
    "mood": "mood",
    "appetite": "appetite",
    "soreness": "soreness",
    "stress": "stress",
    "energy": "energy",
    "composite": "wellness",
}


MOST = 3  # items or runs named in one signal: the worst first, the rest counted

# Every kind of signal a decision can name, with what it reads (docs/review.md shows a review
# for each; a test keeps the page and this table in step).
SIGNAL_KINDS = {
    "soreness": "days of soreness in the check-ins, and the longest run of them",
    "wellness": "the check-in's items against the runner's own 28-day baseline",
    "running": "runs logged with tight or heavy legs, or a form note",
    "sleep": "the week's sleep against the hold mark",
    "appetite": "the week's appetite against the hold mark",
    "effort": "a category's logged effort against its target",
    "form": "a category's or a lift's form against the marks",
    "sets": "a category's sets done against planned",
    "sessions": "sessions done against planned, and weeks mostly missed in a row",
    "pain": "pain reports by area and side, their timing, and the weekly worst",
    "illness": "the runner says they were ill",
    "travel": "the runner says they travel with other kit",
    "race": "the runner says the race moved",
    "consistency": "consistent weeks toward the third session",
    "cut": "a cut with no other signal to name (a fallback, not expected)",
}
FALLBACK_KINDS = frozenset({"cut"})


def first_of_each_kind(signals: list[Signal]) -> list[Signal]:
    """One signal per kind, in order (a summary that does not repeat the decision above it)."""
    seen: dict[str, Signal] = {}
    for x in signals:
        seen.setdefault(x.kind, x)
    return list(seen.values())


dose_ref_here = dose_words(None, None)  # a hold of the reviewed week's own dose


def dose_ref(m: WeekMetrics) -> str:
    """The dose a hold keeps: this week's, the last done before a week with nothing done, or
    after a deload week the last loading week's (`held_dose.dose_words`)."""
    return dose_words(m.held_from, m.targets_from)


def area_name(area: PainArea) -> str:
    return AREA_NAME[area]


def wellness_signal(w: WellnessItem) -> Signal:
    against = f" vs your usual {w.baseline_mean:g}" if w.baseline_mean is not None else ""
    if against and w.baseline_sd:  # not "± 0" after days that all read the same
        against += f" ± {w.baseline_sd:g}"
    return Signal(kind="wellness", text=f"{ITEM_NAME.get(w.item, w.item)} {w.week_mean:g}/5{against}")


def wellness_drop(m: WeekMetrics) -> list[Signal]:
    """The composite's drop and every item under the runner's own baseline."""
    composite = next(w for w in m.wellness if w.item == "composite")
    if not composite.below_baseline:
        return []
    items = [w for w in m.wellness if w.below_baseline and w.item not in ("composite", "sleep_hours")]
    items.sort(key=lambda w: (w.week_mean or 0) - (w.baseline_mean or 0))
    return [wellness_signal(composite), *(wellness_signal(w) for w in items[:MOST])]


def soreness(m: WeekMetrics, rp: ReviewParams) -> Signal:
    days = m.sore_days or m.sore_streak
    return Signal(
        kind="soreness",
        text=f"soreness ≤ {rp.sore_at_or_below}/5 on {days} of {max(m.checkin_days, days)} days "
        f"({m.sore_streak} running; {rp.sore_days} running is the mark)",
    )


def running(m: WeekMetrics, rp: ReviewParams) -> Signal:
    parts = []
    for r in m.heavy_legged_runs[:MOST]:
        what = []
        if r.tightness is not None and r.tightness >= rp.tight_at_or_above:
            what.append(f"tightness {r.tightness}/10")
        if r.leg_feel is not None and r.leg_feel <= rp.leg_feel_at_or_below:
            what.append(f"legs {r.leg_feel}/5")
        if r.form_note:
            what.append(f'"{r.form_note}"')
        parts.append(f"{r.type} {r.date:%a} ({', '.join(what)})")
    more = len(m.heavy_legged_runs) - MOST
    tail = f"; {more} more" if more > 0 else ""
    return Signal(kind="running", text="heavy legs or tightness in runs: " + "; ".join(parts) + tail)


def effort(c: CategoryWeek) -> Signal:
    return Signal(kind="effort", text=f"{_name(c)} effort RPE {c.mean_rpe:g} vs target {c.target_rpe:g}")


def form(c: CategoryWeek, rp: ReviewParams) -> Signal:
    was = f", was {c.previous_form:g}" if c.previous_form is not None else ""
    return Signal(kind="form", text=f"{_name(c)} form {c.mean_form:g}/5{was} (hold under {rp.form_hold_below:g})")


def sets_done(c: CategoryWeek, rp: ReviewParams) -> Signal:
    return Signal(
        kind="sets",
        text=f"{_name(c)} {c.done_sets} of {c.planned_sets} sets done ({c.done_pct:g}%; "
        f"{rp.progress_min_done_pct:g}% to progress)",
    )


def progress(c: CategoryWeek, rp: ReviewParams) -> list[Signal]:
    out = [sets_done(c, rp)]
    if c.mean_rpe is not None and c.target_rpe is not None:
        out.append(effort(c))
    if c.mean_form is not None:
        kept = (
            f"≥ {rp.progress_min_form:g}"
            if c.mean_form >= rp.progress_min_form
            else f"hold under {rp.form_hold_below:g}"
        )
        out.append(Signal(kind="form", text=f"{_name(c)} form {c.mean_form:g}/5 ({kept})"))
    return out


def sessions(m: WeekMetrics, rp: ReviewParams) -> Signal:
    return Signal(
        kind="sessions",
        text=f"{m.done_sessions} of {m.planned_sessions} sessions done ({m.completion_pct or 0:g}%; "
        f"{rp.consistent_pct:g}% counts as consistent)",
    )


def sleep(m: WeekMetrics, below: float) -> Signal:
    return Signal(kind="sleep", text=f"sleep {m.sleep_hours:g} h a night over {m.sleep_days} days (under {below:g} h)")


def appetite(m: WeekMetrics, at_or_below: float) -> Signal:
    return Signal(
        kind="appetite", text=f"appetite {m.appetite:g}/5 over {m.appetite_days} days ({at_or_below:g} or lower)"
    )


def _name(c: CategoryWeek) -> str:
    return CATEGORY_NAME[c.category]
