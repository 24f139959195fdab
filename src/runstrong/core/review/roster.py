"""A review in one line for a coach's Monday (`review --all`): who needs a look and why, by
name, not by count: the flags' own words and, per action, the categories, areas and lifts it
was decided for. The full review (`runstrong review -a NAME`) says the rest."""

from __future__ import annotations

from typing import Any

from ..model import Category, PainArea
from ..vocab import AREA_NAME, CATEGORY_NAME
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
    """The review in short: sessions done, flags in their own words, then who gets what."""
    m = review.metrics
    parts = [f"{m.done_sessions}/{m.planned_sessions} sessions done"]
    if review.flags:
        parts.append("flags: " + "; ".join(f.text.rstrip(".") for f in review.flags))
    parts += [f"{action} {', '.join(names)}" for action, names in decided(review, library).items()]
    notes = sum(d.action == "note" for d in review.decisions)
    if notes:
        parts.append(f"{notes} note{'s' if notes > 1 else ''}")
    return "; ".join(parts)
