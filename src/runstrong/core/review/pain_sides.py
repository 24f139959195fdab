"""Pain told apart by side: which sides of an area the review judges, which reports count
for a side, and how a report is named with its side ("left knee 5/10 during split squat").

A report of the left (or right) side counts for that side only; one of both sides counts
for each; one without a side (an area without sides, or logged before sides existed)
counts for every side judged, since it could be either (the safe reading). An area whose
reports name no side is judged as one.
"""

from __future__ import annotations

from ..diary import PainReport, describe_pain
from ..model import PainArea
from ..vocab import AREA_NAME

SIDES = ("left", "right")


def sides_of(p: PainReport) -> tuple[str, ...]:
    """The sides a report speaks for; ("",) when it names none."""
    if p.side in SIDES:
        return (p.side,)  # type: ignore[return-value]
    return SIDES if p.side == "both" else ("",)


def judged(reports: list[PainReport]) -> tuple[str, ...]:
    """The sides to judge: every side any report names, or the area as one ("")."""
    named = sorted({s for p in reports for s in sides_of(p)} - {""})
    return tuple(named) or ("",)


def counts_for(p: PainReport, side: str) -> bool:
    """`p` is evidence about `side`: it names that side, both, or no side at all."""
    return side == "" or side in sides_of(p) or sides_of(p) == ("",)


def where(area: PainArea, side: str) -> str:
    """ "left knee", or "knee" when no side is told apart."""
    name = AREA_NAME[area]
    return f"{side} {name}" if side else name


def said(p: PainReport, names: dict[str, str]) -> str:
    """A report in words with its side in front: "left knee 5/10 during split squat" ("during
    exercise" when the report names no cause)."""
    area = where(p.area, "")
    text = describe_pain(p.model_copy(update={"side": None}), names)
    rest = text[text.index(f" {p.score}/10") :]  # from the score on: the area's own spelling is not ours to match
    if p.when in ("during", "after") and p.provoked_by is None:
        rest += " exercise"  # "during" alone reads as unfinished
    if p.side == "both":
        return f"{area} (both sides){rest}"
    return where(p.area, p.side if p.side in SIDES else "") + rest
