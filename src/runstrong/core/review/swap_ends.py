"""The review's end of a swap it made for broken form or for pain (review-regress).

Each week the review looks at its swaps still in force. One made for broken form ends when the
stand-in was logged in each of the last `clean_weeks` weeks (all since the swap) with every
rated set at `clean_form` or better; one made for pain when the stand-in was done those weeks
and no pain past the acceptable zone was reported (pain-monitoring). The lift comes back next
week (a restore from next Monday, `swap_ends`). Not in a week the review cuts or deloads, nor
one with pain flagged: those come first.
"""

from __future__ import annotations

import datetime as dt

from ..model import ExerciseSwap
from ..swap_ends import RESTORE_RULE, form_swap, in_force, pain_swap
from .pain_monitor import monitor
from .state import ReviewInput, Verdict
from .values import Signal, decision

WEEK = dt.timedelta(days=7)


def restore_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Ends each form swap whose stand-in the diary shows clean for the registry's weeks."""
    if v.cut or any(f.kind == "pain" for f in v.flags):
        return v
    weeks, mark = r.params.clean_weeks, r.params.clean_form
    fresh = {x.from_id for x in v.swaps}
    swaps, decisions = [*v.swaps], [*v.decisions]
    for x in in_force(r.profile.exercise_swaps, r.week_start + WEEK - dt.timedelta(days=1)):
        pain = pain_swap(x)
        if not (form_swap(x) or pain) or x.from_id in fresh or x.to_id is None:
            continue
        starts = [r.week_start - i * WEEK for i in range(weeks)]
        ok = _settled if pain else _clean
        if starts[-1] < x.since or not all(ok(r, x.to_id, s, mark) for s in starts):
            continue
        old, new = r.library.get(x.from_id).name, r.library.get(x.to_id).name
        text = (
            f"{old} comes back next week: {weeks} weeks of clean form on {new} "
            f"(every rated set {mark}/5 or better) since the swap."
        )
        if pain:
            text = f"{old} comes back next week: {weeks} weeks of {new} with no pain past the acceptable zone."
        swaps.append(
            ExerciseSwap(
                from_id=x.to_id,
                to_id=x.from_id,
                since=r.next_start,
                reason=text,
                rule_id=RESTORE_RULE,
                review_of=r.week_start,
            )
        )
        signal = Signal(kind="form", text=f"{new} form ≥ {mark}/5 in every rated set for {weeks} weeks")
        rules = ["review-regress", "form-gates-progression"]
        if pain:
            signal = Signal(kind="pain", text=f"no pain past {monitor(r).acceptable}/10 for {weeks} weeks")
            rules = ["review-regress", "pain-monitoring"]
        decisions.append(decision(x.from_id, "progress", text, rules, [signal]))
    return v.add(swaps=tuple(swaps), decisions=tuple(decisions))


def _clean(r: ReviewInput, exercise_id: str, start: dt.date, mark: int) -> bool:
    """The week from `start` logged `exercise_id` with a form rating, every rating at `mark` or better."""
    end = start + WEEK
    rated = [
        s.form_quality
        for session in r.history.sessions
        if start <= session.date < end
        for s in session.sets
        if s.exercise_id == exercise_id and s.form_quality is not None
    ]
    return bool(rated) and min(rated) >= mark


def _settled(r: ReviewInput, exercise_id: str, start: dt.date, _mark: int) -> bool:
    """The week from `start` logged `exercise_id` and reported no pain past the acceptable zone."""
    end = start + WEEK
    done = any(
        s.exercise_id == exercise_id
        for session in r.history.sessions
        if start <= session.date < end
        for s in session.sets
    )
    worst = max((p.score for p in r.history.pains if start <= p.date < end), default=0)
    return done and worst <= monitor(r).acceptable
