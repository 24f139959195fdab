"""A session headed single-leg power holds power, or says why not (session-focus).

The third session leads with single-leg power (session-focus). Where it holds no hop, jump or
landing drill (cr26a F12: Raj's "single-leg power focus" was a step-up, a calf raise and an RDL),
it is headed single-leg strength, and its reasons say which rule kept the power out: the week's
or the day's hops swapped out (the long run's day, the days around key runs, the race, the first
hops waiting a week, nothing new after a flare), a health condition's impact limit, pain in an
area every hop and landing loads, or race week.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .health import week_limits
from .model import Category, Pattern, Phase, Reason, Role, Session, Week, why
from .vocab import AREA_NAME, SESSION_LETTER, STRENGTH_FOCUS, focus_words, spoken_list

if TYPE_CHECKING:
    from .context import PlanningContext
    from .model import AthleteProfile

FOCUS_RULE = "session-focus"
STRENGTH_NAME = STRENGTH_FOCUS
# rules that keep a week's or a day's hops out, and say so in the week's or the day's words
HOP_RULES = frozenset(
    {
        "plyometrics-fresh-legs",
        "explosive-work-with-room",
        "plyometric-spacing",
        "taper",
        "one-new-thing-a-week",
        "nothing-new-after-a-flare",
    }
)
THIRD_RULE = "third-session-after-consistency"
THIRD_TEXT = "a third, single-leg power session."
THIRD_STRENGTH = "a third, single-leg session: strength work this week, with no hops (the session says why)."
UNNAMED = "No hop or landing drill fits this week's kit, level and pain."  # no rule found: the property fails on it
_HOP_WORDS = ("hop", "jump", "plyometric", "nothing new")
_WORKED = (Role.primary, Role.accessory)


def holds_power(session: Session) -> bool:
    """Whether the session's work holds a hop, jump or landing drill (dosed in contacts)."""
    return any(b.role in _WORKED and b.prescription.contacts for b in session.blocks)


def focus_name(session: Session) -> str:
    """The session's heading: its focus category, "single-leg strength" for a single-leg power
    session that holds no power (its reasons say why)."""
    return focus_words(session.focus, session.blocks)


def with_power_words(
    weeks: list[Week], profile: AthleteProfile, ctx: PlanningContext, lived: frozenset[dt.date] = frozenset()
) -> list[Week]:
    """The weeks with each single-leg power session that holds no power headed single-leg
    strength, saying why (weeks already lived keep the words they were planned with)."""
    out = []
    for w in weeks:
        if w.start_date in lived or not any(_powerless(s) for s in w.sessions):
            out.append(w)
            continue
        sessions = [_said(s, w, profile, ctx) if _powerless(s) else s for s in w.sessions]
        reasons = w.reasons
        if not any(s.focus == Category.single_leg_power and holds_power(s) for s in sessions):
            reasons = [_third_said(r) for r in w.reasons]  # the week's note promises no power either
        out.append(w.model_copy(update={"sessions": sessions, "reasons": reasons}))
    return out


def _third_said(r: Reason) -> Reason:
    if r.rule_id != THIRD_RULE or not r.text.endswith(THIRD_TEXT):
        return r
    return why(THIRD_RULE, r.text[: -len(THIRD_TEXT)] + THIRD_STRENGTH)


def _powerless(s: Any) -> bool:
    return getattr(s, "kind", "") == "strength" and s.focus == Category.single_leg_power and not holds_power(s)


def _said(s: Session, w: Week, profile: AthleteProfile, ctx: PlanningContext) -> Session:
    letter = SESSION_LETTER[Category.single_leg_power]
    heading = f"Session {letter}: {STRENGTH_NAME} focus, with no hops, jumps or landings this time."
    kept = [r for r in s.reasons if not (r.rule_id == FOCUS_RULE and r.text.startswith(f"Session {letter}:"))]
    focus = ctx.params.why(FOCUS_RULE, heading)
    return s.model_copy(update={"reasons": [focus, why_no_power(s, w, profile, ctx), *kept]})


def why_no_power(s: Session, w: Week, profile: AthleteProfile, ctx: PlanningContext) -> Reason:
    """The rule that keeps this session's power out, in the runner's words: a health entry's
    or a painful area's standing limit first, then the week's or the day's own swap."""
    limits = week_limits(profile, w.start_date, ctx.params)
    if limits is not None and limits.rules and limits.top.value in ("none", "low"):
        return why(limits.rules[0], "Your health entry keeps hops and jumps out for now (the week's note says when).")
    areas = _painful_for_landings(profile, ctx)
    if areas:
        text = f"Hops and landings load your {spoken_list(areas)}: they wait while it hurts."
        return why("pain-excludes-or-regresses", text)
    for r in (*s.reasons, *(r for b in s.blocks for r in b.reasons), *w.reasons):
        if r.rule_id in HOP_RULES and any(x in r.text.lower() for x in _HOP_WORDS):
            return r
    if w.phase == Phase.race_week:
        return why("taper", "Race week: no hops or jumps before the race.")
    return why("landings-before-plyometrics", UNNAMED)


def _painful_for_landings(profile: AthleteProfile, ctx: PlanningContext) -> list[str]:
    """The painful areas that every hop and landing drill of the runner's level loads."""
    pain = set(profile.pain_areas)
    jumps = [e for e in ctx.library.exercises if e.pattern in (Pattern.plyometric, Pattern.landing)]
    if not pain or not jumps or not all(pain & {*e.loads, *e.contraindications} for e in jumps):
        return []
    hit = {a for e in jumps for a in pain & {*e.loads, *e.contraindications}}
    return [AREA_NAME[a] for a in sorted(hit, key=lambda a: a.value)]
