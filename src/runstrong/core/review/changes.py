"""What differs between two plan versions, as values (io/plan_changes renders them in words)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from ..base import Frozen
from ..model import Block, Category, Phase, Plan, Prescription, Role, Week


class Change(Frozen):
    """One line of the review's "what changes": a date and its words (rendered by io)."""

    date: dt.date
    text: str


class ChangeKind(StrEnum):
    deload_on = "deload_on"
    deload_off = "deload_off"
    phase = "phase"
    session_added = "session_added"
    session_removed = "session_removed"
    exercise_out = "exercise_out"
    exercise_in = "exercise_in"
    dose = "dose"


class PlanChange(Frozen):
    """One difference: a week's deload or phase, a session, an exercise or a dose."""

    date: dt.date
    kind: ChangeKind
    week: int
    phase: Phase | None = None  # the new phase (kind phase)
    category: Category | None = None  # the session's focus (session kinds)
    exercise: str = ""  # the exercise's name (exercise and dose kinds)
    role: Role | None = None  # the block's role (exercise and dose kinds): warm-up drills are summed up
    before: Prescription | None = None  # the doses (kind dose)
    after: Prescription | None = None
    load_why: str = ""  # kind dose with another load: the new block's own load reason (what set the load)


class WeekChanges(Frozen):
    """Every difference in one week of the new plan, in date order."""

    start_date: dt.date
    index: int
    changes: list[PlanChange]


def plan_differences(old: Plan, new: Plan, since: dt.date) -> list[WeekChanges]:
    """The weeks of `new` from `since` on that differ from the same weeks of `old`."""
    old_weeks = {w.start_date: w for w in old.weeks}
    out = []
    for w in new.weeks:
        o = old_weeks.get(w.start_date)
        if w.start_date < since or o is None:
            continue
        if changes := week_differences(o, w):
            out.append(WeekChanges(start_date=w.start_date, index=w.index, changes=changes))
    return out


# the rules that set a block's load (plan_loads, load_words): what a change of load says it came from
LOAD_RULES = ("load-autoregulation", "cross-lift-start", "starting-load-estimate", "e1rm-formula", "find-your-weight",
              "kit-heaviest", "review-hold", "light-before-key-runs", "planned-deloads", "taper")  # fmt: skip


def _load_why(b: Block) -> str:
    """The block's reason for its load: the first of LOAD_RULES it cites, in that order."""
    by_rule = {r.rule_id: r.text for r in reversed(b.reasons)}
    return next((by_rule[r] for r in LOAD_RULES if r in by_rule), "")


def decided_loads(plan: Plan, adjustments: list, since: dt.date) -> dict[dt.date, frozenset[Category]]:
    """By week, the categories whose loads a review decided: those it held or cut, every one in a
    deload week (the new plan's); a load change elsewhere is one the review did not decide."""
    out = {a.week_start: frozenset({*a.hold, *a.reduce}) for a in adjustments if a.week_start >= since}
    for w in plan.weeks:
        if w.start_date >= since and w.deload:
            out[w.start_date] = frozenset(Category)
    return out


def week_differences(o: Week, w: Week) -> list[PlanChange]:
    """What differs between two versions of one week: deload, phase, sessions, exercises, doses."""
    out: list[PlanChange] = []
    at = {"date": w.start_date, "week": w.index}
    if o.deload != w.deload:
        out.append(PlanChange(kind=ChangeKind.deload_on if w.deload else ChangeKind.deload_off, **at))
    if o.phase != w.phase:
        out.append(PlanChange(kind=ChangeKind.phase, phase=w.phase, **at))
    before = {s.date: s for s in o.sessions}
    after = {s.date: s for s in w.sessions}
    for day in sorted(set(before) | set(after)):
        a, b = before.get(day), after.get(day)
        on = {"date": day, "week": w.index}
        if a is None or b is None:
            kind = ChangeKind.session_added if a is None else ChangeKind.session_removed
            out.append(PlanChange(kind=kind, category=(b or a).focus, **on))  # type: ignore[union-attr]
            continue
        old_blocks = {x.exercise_id: x for x in a.blocks}
        new_blocks = {x.exercise_id: x for x in b.blocks}
        for gone in sorted(old_blocks.keys() - new_blocks.keys()):
            out.append(PlanChange(kind=ChangeKind.exercise_out, exercise=old_blocks[gone].name,
                                  role=old_blocks[gone].role, **on))  # fmt: skip
        for came in sorted(new_blocks.keys() - old_blocks.keys()):
            out.append(PlanChange(kind=ChangeKind.exercise_in, exercise=new_blocks[came].name,
                                  role=new_blocks[came].role, **on))  # fmt: skip
        for same in sorted(old_blocks.keys() & new_blocks.keys()):
            pa, pb = old_blocks[same].prescription, new_blocks[same].prescription
            if pa != pb:
                b = new_blocks[same]
                fields = {"exercise": b.name, "before": pa, "after": pb, "role": b.role, "category": b.category}
                out.append(PlanChange(kind=ChangeKind.dose, load_why=_load_why(b) if pa.load_kg != pb.load_kg else "",
                                      **fields, **on))  # fmt: skip
    return out
