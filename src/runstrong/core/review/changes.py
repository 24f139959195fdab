"""What differs between two plan versions, in plain words (the review's "what changes")."""

from __future__ import annotations

import datetime as dt

from ..base import Frozen
from ..model import Plan, Week
from ..vocab import CATEGORY_NAME


class Change(Frozen):
    date: dt.date
    text: str


def plan_changes(old: Plan, new: Plan, since: dt.date) -> list[Change]:
    """What differs between two plan versions from `since` on, in plain words: every change
    of the first week that differs, then one line for each later week (a review's hold or
    deload shifts the rest of the block, which would otherwise fill pages)."""
    old_weeks = {w.start_date: w for w in old.weeks}
    out: list[Change] = []
    detailed = False
    for w in new.weeks:
        o = old_weeks.get(w.start_date)
        if w.start_date < since or o is None:
            continue
        week = _week_changes(o, w)
        if not week:
            continue
        if not detailed:
            out += week
            detailed = True
            continue
        doses = sum(1 for c in week if "→" in c.text)
        other = [c for c in week if "→" not in c.text]
        parts = [c.text.rstrip(".") for c in other if c.text.startswith("Week ")]
        swaps = len(other) - len(parts)
        if doses:
            parts.append(f"{doses} dose(s) shifted")
        if swaps:
            parts.append(f"{swaps} exercise or session change(s)")
        parts = [p.removeprefix(f"Week {w.index} is ") for p in parts]
        out.append(Change(date=w.start_date, text=f"Week {w.index}: " + "; ".join(parts) + "."))
    return out


def _week_changes(o: Week, w: Week) -> list[Change]:
    out: list[Change] = []
    if o.deload != w.deload:
        what = "now a deload week" if w.deload else "no longer a deload week (the deload cycle restarted)"
        out.append(Change(date=w.start_date, text=f"Week {w.index} is {what}."))
    if o.phase != w.phase:
        phase = w.phase.value.replace("_", " ")
        out.append(Change(date=w.start_date, text=f"Week {w.index} is now in the {phase} phase."))
    before = {s.date: s for s in o.sessions}
    after = {s.date: s for s in w.sessions}
    for day in sorted(set(before) | set(after)):
        a, b = before.get(day), after.get(day)
        if a is None and b is not None:
            out.append(Change(date=day, text=f"New {CATEGORY_NAME[b.focus]} session."))
            continue
        if b is None and a is not None:
            out.append(Change(date=day, text=f"{CATEGORY_NAME[a.focus].capitalize()} session removed."))
            continue
        assert a is not None and b is not None
        old_blocks = {x.exercise_id: x for x in a.blocks}
        new_blocks = {x.exercise_id: x for x in b.blocks}
        for gone in sorted(old_blocks.keys() - new_blocks.keys()):
            out.append(Change(date=day, text=f"{old_blocks[gone].name} out."))
        for came in sorted(new_blocks.keys() - old_blocks.keys()):
            out.append(Change(date=day, text=f"{new_blocks[came].name} in."))
        for same in sorted(old_blocks.keys() & new_blocks.keys()):
            pa, pb = old_blocks[same].prescription, new_blocks[same].prescription
            if pa != pb:
                out.append(
                    Change(
                        date=day,
                        text=f"{new_blocks[same].name}: {pa.volume_label()} @ {pa.intensity.label()} → "
                        f"{pb.volume_label()} @ {pb.intensity.label()}.",
                    )
                )
    return sorted(out, key=lambda c: (c.date, c.text))
