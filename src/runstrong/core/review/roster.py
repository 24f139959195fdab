"""A review in one line for a coach's Monday (`review --all`): who needs a look and why, by
name, not by count: the flags' own words and, per action, the categories, areas and lifts it
was decided for. The full review (`runstrong review -a NAME`) says the rest."""

from __future__ import annotations

from typing import Any

from ..model import Category, PainArea
from ..vocab import AREA_NAME, CATEGORY_NAME, Pattern
from .changes import ChangeKind, WeekChanges
from .values import Review

# the actions a coach looks at first lead the line; a note is context, counted only
ORDER = ("exclude", "regress", "deload", "reduce", "hold", "repeat", "wait", "unlock", "progress")


def scope_name(scope: str, library: Any = None) -> str:
    """A decision's scope in words: a category, a pain area, a lift's name, or the week."""
    if scope == "week":
        return "the week"
    if scope in Category.__members__:
        return CATEGORY_NAME[Category(scope)]
    if scope in PainArea.__members__:
        return AREA_NAME[PainArea(scope)]
    try:
        return library.get(scope).name if library is not None else scope.replace("_", " ")
    except KeyError:
        return scope.replace("_", " ")


def decided(review: Review, library: Any = None) -> dict[str, list[str]]:
    """Each action (most pressing first) with what it was decided for, each named once."""
    out: dict[str, list[str]] = {}
    for d in review.decisions:
        if d.action == "note":
            continue
        names = out.setdefault(d.action, [])
        name = scope_name(d.scope, library)
        if name not in names:
            names.append(name)
    return {a: out[a] for a in ORDER if a in out}


def line(review: Review, library: Any = None) -> str:
    """The review in short, in the words a coach acts on: sessions done, the flags in their own
    words, then each decision that matters as a phrase (a pain ladder's step and its area, a
    cut or hold and why, a deload, lifts regressed, nothing new next week), what progresses,
    the third session (`weekly-review`; cr26a F9: "wait shin" said nothing)."""
    from .week_flags import FATIGUE_KINDS, coach_flags

    m = review.metrics
    parts = [f"{m.done_sessions}/{m.planned_sessions} sessions done"]
    if review.flags:
        parts.append("flags: " + "; ".join(f.text.rstrip(".") for f in review.flags))
    said = {f.text for f in review.flags}
    parts += [f.text for f in coach_flags(review, library)
              if f.kind not in ("missed", *FATIGUE_KINDS) and not (f.kind == "pain" and f.rule_id == "review-pain"
                                                                 and said)]  # fmt: skip
    progress = decided(review, library).get("progress", [])
    if progress:
        parts.append("progress as planned: " + _listed([p for p in progress if p != "the week"]))
    if any(d.action == "unlock" for d in review.decisions):
        parts.append("the third, single-leg power session starts next week")
    notes = sum(d.action == "note" for d in review.decisions)
    if notes:
        parts.append(f"{notes} note{'s' if notes > 1 else ''} (see the review)")
    return "; ".join(p for p in parts if p and not p.endswith(": "))


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def changes_line(weeks: list[WeekChanges], library: Any = None) -> str:
    """What a review changes in the plan, by kind, for a coach (cr26a F9: "16 change(s)" said
    nothing): the lifts whose doses change and in which weeks, deloads, sessions added or
    removed, and lifts in and out with hops named as hops; '' when nothing changes."""
    if not weeks:
        return ""
    hops = {e.name for e in library.exercises if e.pattern == Pattern.plyometric} if library is not None else set()
    dosed = [(w.index, c.exercise) for w in weeks for c in w.changes if c.kind == ChangeKind.dose]
    lifts = {name for _, name in dosed}
    plural = "s" if len(lifts) != 1 else ""
    parts = [f"doses of {len(lifts)} lift{plural} ({_weeks([i for i, _ in dosed])})"] if dosed else []
    for kind, words in ((ChangeKind.deload_on, "a deload"), (ChangeKind.deload_off, "no longer a deload")):
        at = [w.index for w in weeks if any(c.kind == kind for c in w.changes)]
        if at:
            parts.append(f"{_weeks(at)} {'become' if len(at) > 1 else 'becomes'} {words}")
    for kind, words in ((ChangeKind.session_added, "added"), (ChangeKind.session_removed, "removed")):
        found = [(w.index, c) for w in weeks for c in w.changes if c.kind == kind]
        cats = _listed(sorted({CATEGORY_NAME[c.category] for _, c in found if c.category}))
        if found:
            parts.append(f"{cats or 'a'} session {words} ({_weeks([i for i, _ in found])})")
    for kind, words in ((ChangeKind.exercise_in, "in"), (ChangeKind.exercise_out, "out")):
        found = [(w.index, c.exercise) for w in weeks for c in w.changes if c.kind == kind]
        hop = sorted({n for _, n in found if n in hops})
        lifts = sorted({n for _, n in found if n not in hops})
        for names, what in ((hop, "hops"), (lifts, "lifts")):
            if names:
                weeks_of = _weeks([i for i, n in found if n in names])
                more = " and more" if len(names) > 3 else ""
                parts.append(f"{what} {words} ({weeks_of}): {_listed(names[:3])}{more}")
    return "; ".join(parts)


def _weeks(indexes: list[int]) -> str:
    found = sorted(set(indexes))
    if len(found) == 1:
        return f"week {found[0]}"
    return f"weeks {found[0]}-{found[-1]}"
