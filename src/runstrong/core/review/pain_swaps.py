"""The lift the runner names as the cause of pain past the acceptable zone, or of pain not
settled by the next morning, gives way to a gentler one next week (S41; Silbernagel 2007).

The pain-monitoring rule is about the activity that provoked the pain: a lift named in a
report ("lower_back=4 during from=dumbbell_rear_foot_elevated_split_squat") is swapped for its
first easier variant that fits the kit and puts no more load on the painful area, whatever
the library says the lift loads (cr21a S2: Priti's rear-foot-elevated split squat, which the
library does not list as loading the back, came back at the same dose after 4/10 unsettled).
A lift on the area's own return ladder is left to the ladder, which restarts it (cr18b #2b),
and one the library rules out with pain there is left out by the plan already.
"""

from __future__ import annotations

from ..diary import PainReport
from ..model import ExerciseSwap, PainArea
from . import pain_sides as sides
from .measure import plan_week
from .pain_monitor import FLAGGED, monitor
from .regress import RULED_OUT, easier, load_on
from .state import ReviewInput, Verdict
from .values import ReviewDecision, Signal, decision


def blamed_lifts(r: ReviewInput, area: PainArea) -> dict[str, PainReport]:
    """The library's lifts named as the cause of `area`'s pain this week, each with its worst
    report: those past the acceptable zone, else (an unsettled morning) every one named."""
    named = [p for p in r.metrics.pains if p.area == area and p.provoked_by in r.library]
    past = [p for p in named if p.score > monitor(r).acceptable] or named
    out: dict[str, PainReport] = {}
    for p in sorted(past, key=lambda p: -p.score):
        out.setdefault(str(p.provoked_by), p)
    return out


def pain_swap_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Each lift blamed for an area the pain rule flags this week (regress, hold or exclude)
    is swapped for a gentler one from next week, the swap and its decision saying why."""
    swaps, decisions = [*v.swaps], [*v.decisions]
    flagged = [PainArea(d.scope) for d in v.decisions if d.action in FLAGGED and d.scope in _AREAS]
    taken, in_week = {s.from_id for s in swaps}, _week_lifts(r)
    for area in dict.fromkeys(flagged):
        lad = r.ladders.get(area)
        for lift_id, report in blamed_lifts(r, area).items():
            if lift_id in taken or (lad is not None and lad.rung_of(lift_id) is not None):
                continue  # swapped already, or the area's ladder restarts it
            if lift_id not in in_week:  # cr23a F11: a lift the week never held is not swapped out of the plan
                taken.add(lift_id)
                decisions.append(_not_in_week(r, lift_id, area, report))
                continue
            if load_on(r.library.get(lift_id), area) == RULED_OUT:
                continue  # the plan leaves it out while the area hurts: its ladder's rung takes the slot
            taken.add(lift_id)
            to_id = easier(r.library, lift_id, r.profile, (*v.pain_added, area), _beside(r, lift_id))
            name = r.library.get(lift_id).name
            to = r.library.get(to_id).name if to_id else "a gentler exercise that spares it"
            said = sides.said(report, {lift_id: name.lower()})
            text = f"{name} brought on your {sides.where(area, '')} pain ({said}): {to} instead from next week"
            reason = text + "."  # (the swap's own words: at most 300 characters)
            if to_id:  # the swap's end (swap_ends): the stand-in done, the pain in the zone
                text += (
                    f", until {r.params.clean_weeks} weeks of it in a row with no pain past the zone bring {name} back"
                )
            text += "."
            swaps.append(
                ExerciseSwap(
                    from_id=lift_id,
                    to_id=to_id,
                    since=r.next_start,
                    reason=reason,
                    rule_id="review-regress",
                    review_of=r.week_start,
                )
            )
            signal = Signal(kind="pain", text=said)
            decisions.append(decision(lift_id, "regress", text, ["review-pain", "review-regress"], [signal]))
    return v.add(swaps=tuple(swaps), decisions=tuple(decisions))


def _week_lifts(r: ReviewInput) -> frozenset[str]:
    """The lifts the reviewed week planned or the diary logged in it."""
    week = plan_week(r.plan, r.week_start)
    planned = {b.exercise_id for s in (week.sessions if week is not None else []) for b in s.blocks}
    return frozenset(planned | {x.exercise_id for x in r.metrics.lifts})


def _not_in_week(r: ReviewInput, lift_id: str, area: PainArea, report: PainReport) -> ReviewDecision:
    """A report that names a lift the week neither planned nor logged: noted, nothing swapped."""
    name = r.library.get(lift_id).name
    said = sides.said(report, {lift_id: name.lower()})
    text = (f"{name}, named for your {sides.where(area, '')} pain ({said}), was not in this week's sessions: "
            "nothing is swapped for it; the pain rule for the area still applies.")  # fmt: skip
    return decision(lift_id, "note", text, ["review-pain"], [Signal(kind="pain", text=said)])


def _beside(r: ReviewInput, lift_id: str) -> frozenset[str]:
    """The other exercises of the reviewed week's sessions that held the lift: a swap to one of
    them would only take the lift's place away."""
    week = plan_week(r.plan, r.week_start)
    sessions = week.sessions if week is not None else []
    held = (b.exercise_id for s in sessions if any(b.exercise_id == lift_id for b in s.blocks) for b in s.blocks)
    return frozenset(held) - {lift_id}


_AREAS = frozenset(a.value for a in PainArea)
