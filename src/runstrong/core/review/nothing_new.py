"""Nothing new after a flare or a hard week (nothing-new-after-a-flare).

A review that holds or cuts work (pain, a hard week), deloads, or reads pain above the acceptable
zone or not settled by the next morning, says so for next week: "Nothing new next week: your lower
back was 5/10 the next morning ...". The planner reads the note (`core/nothing_new`) and builds
that week from the exercises the runner has already done: no new lift, no first hops, no new
plyometric session. The week's own decisions stand (a held dose, a regression down a ladder, a
swap the review made); another area's ladder does not climb into it, and the third session waits
a week when pain flared (`decide.third_session_step`). The review of that week decides again:
new work comes back once a review reads the area calm and holds nothing (cr26a F2: Nadia's back
at 5/10 the next morning, then a split squat and her first hops in the week after).
"""

from __future__ import annotations

from ..bone_stress import site_areas
from ..model import PainArea
from ..nothing_new import RULE, frozen
from ..pain_return import rungs_for_week
from ..params import params_from_registry
from . import rung_pace as pace
from . import signals as sig
from .rung_words import rung_text
from .state import ReviewInput, Verdict, category_name
from .values import ReviewDecision, Signal, decision

FLARED = ("regress", "hold", "exclude")  # an area's decisions for pain above the zone or not settled
_AREAS = frozenset(a.value for a in PainArea)
_WHEN = {"next_morning": "the next morning", "after": "after", "during": "during"}


def flared(v: Verdict) -> list[PainArea]:
    """The areas this review reads above the acceptable zone or not settled (held, regressed, excluded)."""
    return [PainArea(d.scope) for d in v.decisions if d.scope in _AREAS and d.action in FLARED]


def _pain_words(r: ReviewInput, area: PainArea) -> str:
    """ "your lower back was 5/10 the next morning": the area's worst report this week."""
    reports = [p for p in r.metrics.pains if p.area == area]
    name = sig.area_name(area)
    if not reports:
        return f"your {name} flared"
    worst = max(reports, key=lambda p: (p.score, p.when == "next_morning"))
    when = f" {_WHEN[worst.when]}" if worst.when else ""
    return f"your {name} was {worst.score}/10{when}"


def _and(names: list[str]) -> str:
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]


def _held_words(v: Verdict) -> str:
    held = sorted({*v.holds, *v.reduce}, key=lambda c: c.value)
    if v.deload:
        return "next week is a deload"
    names = [category_name(c) for c in held]
    return f"{_and(names)} {'is' if len(names) == 1 else 'are'} held"


def nothing_new_text(r: ReviewInput, v: Verdict, areas: list[PainArea], waiting: list[ReviewDecision]) -> str:
    """What the week keeps and until when, in the rule's words."""
    p = params_from_registry(r.registry)
    why = [_pain_words(r, a) for a in areas] + ([_unproven_words(waiting)] if waiting else [])
    areas = [*areas, *(PainArea(d.scope) for d in waiting)]
    if v.holds or v.reduce or v.deload:
        why.append(_held_words(v))
    said = "; ".join(why)
    sites = set(site_areas(r.profile))  # a bone stress injury's site has no zone: no pain there at all
    names = [sig.area_name(a) for a in dict.fromkeys(areas) if a not in sites]
    bone = [sig.area_name(a) for a in dict.fromkeys(areas) if a in sites]
    reads = [f"your {_and(names)} calm" if names else "", f"no pain at your {_and(bone)}" if bone else ""]
    until = f"a review reads {' and '.join(x for x in reads if x)}" if areas else "a review holds nothing"
    if names:
        until += (
            f" (pain in the acceptable zone, up to {p.pain_monitor_acceptable_during}/10, and settled by the next"
            f" morning, at most {p.pain_monitor_settled_morning}/10)"
        )
    until += " and holds nothing" if areas else ""
    until += ", and your clinician has seen the pain at your bone stress injury's site" if bone else ""
    return (
        f"Nothing new next week: {said}. You keep to the exercises you have already done, with no first hops and "
        f"no new lift, until {until}."
    )


def _signals(v: Verdict) -> list[Signal]:
    out: list[Signal] = []
    for d in v.decisions:
        if d.action in ("hold", "reduce", "deload", "regress", "exclude"):
            out += [s for s in d.signals if s not in out]
    return out[:4]


def _climb_held(r: ReviewInput, v: Verdict, d: ReviewDecision, area: PainArea, was: int) -> ReviewDecision:
    lad = r.ladders.get(area)
    stays = rung_text(r, lad, was) if lad is not None else ""
    head = d.text.split(": up to ")[0]
    text = f"{head}; it stays on {stays or 'the same work'} next week: nothing new comes in while the week is held."
    return decision(d.scope, "wait", text, [RULE, "pain-graded-return"], list(d.signals))


def _climbs_held(r: ReviewInput, v: Verdict) -> Verdict:
    """No ladder climbs into the week (a calm knee's new rung beside a back at 5/10): the climb waits."""
    if r.next_week is None or not r.next_week.sessions:  # no work next week: the climb comes with the next
        return v
    now = dict(rungs_for_week(r.profile, r.week_start, r.ladders))
    rungs, calm, decisions = dict(v.pain_rungs), dict(v.pain_calm), list(v.decisions)
    need = params_from_registry(r.registry).pain_monitor_calm_weeks_per_rung
    for area, rung in v.pain_rungs.items():
        was = now.get(area)
        if was is None or rung <= was or was < 0:
            continue
        rungs[area], calm = was, pace.kept_back(calm, area, need, was)
        decisions = [
            _climb_held(r, v, d, area, was) if d.scope == area.value and d.action in ("progress", "note") else d
            for d in decisions
        ]
    return v.add(pain_rungs=rungs, pain_calm=calm, decisions=tuple(decisions))


def unproven(r: ReviewInput, v: Verdict) -> list[ReviewDecision]:
    """After a week that brought nothing new, the areas whose week was no evidence of calm (their
    rung's work or their pain report missing, pain-monitoring): the freeze carries on for them."""
    adjust = next((a for a in r.profile.week_adjustments if a.week_start == r.week_start), None)
    if not frozen(adjust):
        return []
    return [d for d in v.decisions if d.scope in _AREAS and d.action == "wait" and d.rule_ids[0] == "pain-monitoring"]


def _unproven_words(decisions: list[ReviewDecision]) -> str:
    said = []
    for d in decisions:
        why = d.text.partition(": ")[2].partition(";")[0]
        said.append(f"your {sig.area_name(PainArea(d.scope))} has had no calm week since it flared ({why})")
    return "; ".join(said)


def nothing_new_step(r: ReviewInput, v: Verdict) -> Verdict:
    """After a flare or a hard week, next week brings nothing new, said once with why and until when."""
    areas, waiting = flared(v), unproven(r, v)
    if not (areas or waiting or v.holds or v.reduce or v.deload):
        return v
    v = _climbs_held(r, v)
    ids = [RULE, *(["pain-monitoring"] if areas or waiting else []), "one-new-thing-a-week"]
    text = nothing_new_text(r, v, areas, waiting)
    d = decision("week", "wait", text, ids, _signals(v) or [s for w in waiting for s in w.signals][:4])
    return v.add(decisions=(*v.decisions, d))
