"""The review's deciding steps: the week's verdict (deload, repeat, cut), recovery work,
the order of decisions (a cut or deload comes before any progression or new session),
real life, and the third session. Each is `(ReviewInput, Verdict) -> Verdict`."""

from __future__ import annotations

import datetime as dt
import re

from ..diary import week_start as monday_of
from ..model import Phase
from ..params import params_from_registry
from ..phases import lay_out_weeks
from . import signals as sig
from .effort_read import listed
from .effort_trend import SESSION_RPE
from .measure import plan_week
from .nothing_new import RULE as NOTHING_NEW
from .nothing_new import flared
from .state import LEG_CATEGORIES, ReviewInput, Verdict, category_name
from .steps import HELD_ONCE, LOGGED_HARDER, missed_weeks_in_a_row
from .third_waits import laddered_wait, race_moved_wait
from .values import ReviewDecision, Signal, decision

LOADING = (Phase.foundation, Phase.build, Phase.race_specific)


def _named(signals: tuple[Signal, ...]) -> str:
    kinds = list(dict.fromkeys(s.kind for s in signals))
    trend = all(s.text.startswith(SESSION_RPE) for s in signals if s.kind == "effort")
    words = {
        "running": "heavy legs in runs",
        "wellness": "wellness under your usual",
        # the sessions' own RPE against the weeks before, not sets over their target (cr23a F8)
        "effort": "sessions felt harder than your recent ones" if trend else "effort above target",
        "form": "form slipping",
    }
    return " and ".join(words.get(k, k) for k in kinds).capitalize()


def verdict_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Illness or enough warning signs: a deload (S17, S22); mostly missed weeks in a row:
    repeat the dose (S15); one sign of fatigue: cut leg work (S28)."""
    rp = r.params
    kinds = {s.kind for s in v.fatigue}
    leg_signs = tuple(s for s in v.fatigue if s.kind in ("soreness", "running", "wellness"))
    if r.real_life.ill:
        text = "Back from illness: next week is a deload, to return gently."
        signal = Signal(kind="illness", text="you told the review you were ill")
        return _deload(r, v, decision("week", "deload", text, ["review-real-life", "review-deload"], [signal]))
    if len(kinds) >= rp.flags_for_deload:
        text = f"{_named(v.fatigue)} this week: next week is a deload."
        return _deload(r, v, decision("week", "deload", text, ["review-deload"], list(v.fatigue)))
    missed = missed_weeks_in_a_row(r)
    if missed >= rp.missed_weeks_to_repeat:
        again = "this dose" if r.metrics.held_from is None else sig.dose_ref(r.metrics)  # the last done
        text = f"{missed} weeks mostly missed: next week repeats {again}, nothing new."
        signal = Signal(kind="sessions", text=f"{missed} weeks in a row under {rp.consistent_pct:g}% of sessions done")
        d = decision("week", "repeat", text, ["review-missed-sessions"], [signal, sig.sessions(r.metrics, rp)])
        return v.add(repeat=True, decisions=(*v.decisions, d))
    if not leg_signs:
        return v
    reduce = dict(v.reduce)
    for c in LEG_CATEGORIES:
        reduce[c] = max(reduce.get(c, 0), rp.reduce_pct)
    text = (
        f"{_named(leg_signs)}: next week leg work is cut about {rp.reduce_pct}% from this week's dose "
        "(held, not progressed)."
    )
    d = decision("week", "reduce", text, ["review-reduce", "overreaching-signs", "review-cut-size"], list(leg_signs))
    return v.add(reduce=reduce, decisions=(*v.decisions, d), cut_signals=(*v.cut_signals, *leg_signs))


def _deload(r: ReviewInput, v: Verdict, d: ReviewDecision) -> Verdict:
    nxt = r.next_week
    if nxt is not None and nxt.phase in LOADING:
        return v.add(deload=True, decisions=(*v.decisions, d))
    text = "Next week is already lighter (taper, race week or maintenance): no extra deload needed."
    note = decision("week", "note", text, ["review-deload"], d.signals)
    return v.add(decisions=(*v.decisions, note), cut_signals=(*v.cut_signals, *d.signals))


def recovery_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Every cut or deload brings recovery work into next week (review-recovery), or says
    why it cannot."""
    if not (v.deload or v.reduce or v.cut_signals):
        return v
    decided = [x for d in v.decisions if d.scope == "week" and d.action in ("deload", "reduce") for x in d.signals]
    signals = sig.first_of_each_kind([*v.cut_signals, *v.fatigue, *decided]) or [
        Signal(kind="cut", text="next week is cut")
    ]
    minutes = r.params.mobility_minutes
    if r.next_week is None:
        text = "Recovery work: none can be added, the plan has no week after this one; keep moving gently."
    else:
        text = (
            f"Recovery work next week: a mobility routine of about {minutes} min on your free days, or after a "
            "session when no day is free."
        )
    d = decision("week", "note", text, ["review-recovery", "overreaching-signs"], signals)
    return v.add(mobility=r.next_week is not None, decisions=(*v.decisions, d))


def order_step(r: ReviewInput, v: Verdict) -> Verdict:
    """A cut (fatigue, pain) or a deload comes first: nothing progresses that week, and a
    deload replaces every hold; repeating a dose holds every category."""
    holds = set(v.holds)
    if v.repeat:
        holds |= {c.category for c in r.metrics.categories}
    if not (v.deload or v.reduce):
        return v.add(holds=frozenset(holds))
    if v.deload:
        why_not, rule = "no progress next week: the deload comes first", "review-deload"
    else:
        # the cut is the one this review makes for next week (cr22a P5: "this week's cut" read as the taper's)
        why_not, rule = "no progress next week: the review's cut comes first", "review-reduce"
    reduced = {c.value for c in v.reduce}  # a cut category's hold would say "this week's dose" beside the cut

    def superseded(d: ReviewDecision) -> bool:
        return d.action == "progress" or (d.action == "hold" and (v.deload or d.scope in reduced))

    cut = {d.scope for d in v.decisions if d.action == "reduce"}  # a category's own cut says it all
    decisions = tuple(
        _superseded(d, why_not, rule) if superseded(d) else d
        for d in v.decisions
        if not (superseded(d) and d.scope in cut)
    )
    if v.deload:
        return v.add(decisions=decisions, holds=frozenset())
    holds |= {c.category for c in r.metrics.categories if c.planned_sets}
    return v.add(decisions=decisions, holds=frozenset(holds))


_REPEAT = re.compile(r"; repeat (?:this dose|the dose of the week of [^;]*?\)) before adding more\.$")


def _superseded(d: ReviewDecision, why_not: str, rule: str) -> ReviewDecision:
    """The decision as a note under the rule that overrides it (its signals kept): it no
    longer progresses or holds, so it no longer cites the rules that would have."""
    text = d.text.replace("; progress as planned.", ".")
    text = _REPEAT.sub(".", text)
    text = text.partition("; hold at ")[0].rstrip(".") + "."  # a sleep or appetite hold: the cut says it
    text = text.replace(f": {LOGGED_HARDER}", "").replace(f": {HELD_ONCE}", "")
    head, held, rest = text.partition(": hold next week at ")
    if held:  # "Name: hold next week at <dose> (why)." -> "Name: effort or form off (why)."
        text = f"{head}: effort or form off ({rest.rpartition(' (')[2]}"
    waits = _wait_held(text, why_not.partition(": ")[2])
    if waits is not None:  # a pain ladder's wait on its rung says what the week does, once
        return decision(d.scope, "note", waits, [*d.rule_ids, rule], d.signals)
    return decision(d.scope, "note", f"{text.rstrip('.')}: {why_not}.", [rule], d.signals)


# a pain ladder's calm week on its rung (pain_monitor._calm_text, pain_handover.not_yet_text): its dose
# grows within the rung next week, or it stays on the top rung until its calm weeks are done
_GROWS = re.compile(
    r"its dose (?:growing within it|not raised before the race) (next week|from the next week with a session)"
)
_STAYS = "it stays there;"


def _wait_held(text: str, why: str) -> str | None:
    """A pain ladder's wait whose week a deload or the review's cut overrides, said once: "it
    stays on rung 3 of 4 ..., its dose not raised next week while the deload comes first; the
    next rung ... after 2 more calm weeks", where it used to promise the dose growing and then
    add "no progress next week" (the rung and its calm weeks stand: pain-monitoring). None: not a wait."""
    if _GROWS.search(text):
        return _GROWS.sub(lambda m: f"its dose not raised {m.group(1)} while {why}", text, count=1)
    if _STAYS in text:
        return text.replace(_STAYS, f"it stays there next week while {why};", 1)
    return None


def real_life_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Travel swaps to the kit at hand; a moved race re-plans the phases (review-real-life)."""
    life, decisions = r.real_life, list(v.decisions)
    travel: list[dt.date] = []
    equipment: tuple = ()
    if life.travel_equipment and life.travel_start:
        end = life.travel_end or life.travel_start
        day = monday_of(max(life.travel_start, r.next_start))
        while day <= end:
            travel.append(day)
            day += dt.timedelta(days=7)
        kit = ", ".join(k.value for k in life.travel_equipment)
        text = f"Travel {life.travel_start:%d %b}-{end:%d %b}: exercises swapped to the kit at hand ({kit})."
        signal = Signal(kind="travel", text=f"you told the review: travelling with {kit}")
        decisions.append(decision("week", "note", text, ["review-real-life"], [signal]))
        equipment = tuple(life.travel_equipment)
    race = r.profile.race
    if life.race_date and race and life.race_date != race.date:
        text = f"Race moved to {life.race_date:%a %d %b %Y}: the phases are planned again from next week."
        signal = Signal(
            kind="race", text=f"you told the review: race on {life.race_date:%d %b %Y}, not {race.date:%d %b}"
        )
        decisions.append(decision("week", "note", text, ["review-real-life"], [signal]))
    return v.add(decisions=tuple(decisions), travel_weeks=tuple(travel), equipment=equipment)


COUNTDOWN = "Third session after"  # the review's count of the weeks to the third session


def counts_down(d: ReviewDecision) -> bool:
    """Whether `d` only counts the weeks to the third session: next week's plan says so in its
    own words ("Third session waits until ..."), so the count is not carried into it as well."""
    return d.action == "wait" and d.text.startswith(COUNTDOWN)


def said_by_the_plan(d: ReviewDecision) -> bool:
    """Whether next week's plan says what `d` says in its own words, so `d` is not carried into
    it as well: the count to the third session, and the third session's start (a build week
    that holds it says "N consistent weeks behind you (...): a third, single-leg power session")."""
    return counts_down(d) or d.action == "unlock"


def third_session_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Whether next week brings the third session (S15), counting only consistent weeks;
    never in a week with a cut or a deload (review-cut-size), nor one held for effort above the
    target (review-hold: cr24a F4). Any other hold (form, sleep, missed sets) keeps it: the hold
    repeats the doses, the session was earned by the weeks."""
    p = params_from_registry(r.registry)
    marked = [*r.profile.adjustments, *v.earlier_missed, *filter(None, [v.this_week])]
    reviewed = r.profile.model_copy(update={"adjustments": marked})
    adjustments = reviewed.week_adjustments  # this week's note beside what the last review decided for it
    frames = {f.start: f for f in lay_out_weeks(reviewed, p)}
    nxt = frames.get(r.next_start)
    before = plan_week(r.plan, r.next_start - dt.timedelta(days=7))  # as planned (it may be lived already)
    if before is None or nxt is None or nxt.phase not in (Phase.build, Phase.race_specific):
        return v
    unlock = p.third_session_weeks[r.profile.strength_experience]
    missed = sum(1 for a in adjustments if not a.consistent and a.week_start < r.next_start)
    consistent = r.profile.consistent_strength_weeks + (r.next_start - min(frames)).days // 7 - missed
    third = p.foundation_sessions + 1
    signal = Signal(kind="consistency", text=f"{consistent} consistent weeks of the {unlock} needed")
    if nxt.sessions >= third > len(before.sessions):
        # a cut, a deload or an effort hold comes first; another hold holds doses, not the sessions the
        # consistent weeks earned (cr22a W2: a form hold took the third session from 152 weeks of lifting)
        if v.cut or v.effort_held or flared(v):  # nor after a flare (nothing-new-after-a-flare)
            d = _third_waits(r, v, signal)
            return v.add(decisions=(*v.decisions, d), max_sessions=len(before.sessions))
        # nor while an area is on its return ladder, nor in the review that moves the race (cr30a F9)
        d = laddered_wait(r, v, signal) or race_moved_wait(r, signal)
        if d is not None:
            return v.add(decisions=(*v.decisions, d), max_sessions=len(before.sessions))
        text = f"{consistent} consistent weeks behind you: the third, single-leg power session starts next week."
        return v.add(
            decisions=(*v.decisions, decision("week", "unlock", text, ["third-session-after-consistency"], [signal]))
        )
    if nxt.sessions < third and consistent < unlock:
        text = f"{COUNTDOWN} {unlock} consistent weeks: {consistent} so far."
        return v.add(
            decisions=(*v.decisions, decision("week", "wait", text, ["third-session-after-consistency"], [signal]))
        )
    return v


def _third_waits(r: ReviewInput, v: Verdict, signal: Signal) -> ReviewDecision:
    """The third session waiting a week: a cut or deload comes first (review-cut-size), and so
    does a hold for effort above the target (review-hold: a week of sets near failure is not the
    week to add a session, cr24a F4)."""
    if v.cut:
        text = "The third session waits a week: the review's cut comes first."
        return decision(
            "week", "wait", text, ["third-session-after-consistency", "review-cut-size"], [signal, *v.cut_signals][:4]
        )
    if not v.effort_held:  # pain above the zone or not settled: nothing new next week
        names = listed([sig.area_name(a) for a in flared(v)])
        text = f"The third session waits a week: nothing new comes in while your {names} settles."
        pains = [s for d in v.decisions if d.scope in {a.value for a in flared(v)} for s in d.signals]
        return decision("week", "wait", text, ["third-session-after-consistency", NOTHING_NEW], [signal, *pains][:4])
    held = sorted(v.effort_held, key=lambda c: [x.category for x in r.metrics.categories].index(c))
    names = listed([category_name(c) for c in held])
    text = f"The third session waits a week: this week's holds for effort above the target ({names}) come first."
    efforts = [s for s in v.fatigue if s.kind == "effort"]
    return decision("week", "wait", text, ["third-session-after-consistency", "review-hold"], [signal, *efforts][:4])
