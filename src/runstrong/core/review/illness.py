"""A week that looks like illness is asked about, not read as sessions skipped
(review-illness-signal; coach read cr22a P3: Pete's flu week, check-ins "flu, fever" at
energy 1/5 and nothing done, was held as missed sessions and `--ill` never offered).

The review cannot tell illness from a bad week, so it only asks: a mostly missed week whose
check-ins show very low energy, or whose notes name an illness from the rule's short list of
words, gets a note that says how to tell the review (`runstrong review --ill`), which then
makes next week a deload (review-real-life). Nothing else changes until the runner says so."""

from __future__ import annotations

import datetime as dt
import re

from . import signals as sig
from .state import ReviewInput, Verdict
from .values import Signal, decision

RULE = "review-illness-signal"
WEEK = dt.timedelta(days=7)


def illness_signals(r: ReviewInput) -> list[Signal]:
    """What in the reviewed week's diary looks like illness: check-ins at or under the energy
    mark, and notes that name an illness (a check-in's, a session's or a run's)."""
    start, end = r.week_start, r.week_start + WEEK
    mark = int(r.registry.param(RULE, "energy_at_or_below"))
    words = {str(w).lower() for w in r.registry.param(RULE, "words")}
    checks = [w for w in r.history.wellness if start <= w.date < end]
    out = []
    low = [w for w in checks if w.energy is not None and w.energy <= mark]
    if low:
        rated = sum(1 for w in checks if w.energy is not None)
        out.append(Signal(kind="wellness", text=f"energy at most {mark}/5 on {len(low)} of {rated} check-ins"))
    entries = [*checks, *(x for x in (*r.history.sessions, *r.history.runs) if start <= x.date < end)]
    notes = [x.note for x in entries if x.note and words & set(re.findall(r"[a-z]+", x.note.lower()))]
    if notes:
        out.append(Signal(kind="wellness", text=f'your note "{notes[0]}"'))
    return out


def illness_step(r: ReviewInput, v: Verdict) -> Verdict:
    """A mostly missed week with an illness signal asks whether the runner was ill and says
    how to tell the review; a review already told (`--ill`) has nothing to ask."""
    m = r.metrics
    if r.real_life.ill or m.completion_pct is None or m.completion_pct >= r.params.consistent_pct:
        return v
    found = illness_signals(r)
    if not found:
        return v
    seen = " and ".join(s.text for s in found)
    text = (
        f"Were you ill? This week shows {seen}, with {m.done_sessions} of {m.planned_sessions} sessions done. "
        "If so, review this week again with `runstrong review --ill --accept` (in the web app, tick "
        '"I was ill"): next week then becomes a deload, to return gently, instead of repeating the full dose.'
    )
    d = decision("week", "note", text, [RULE, "review-real-life"], [*found, sig.sessions(m, r.params)])
    return v.add(decisions=(*v.decisions, d))
