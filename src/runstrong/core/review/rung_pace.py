"""How fast a pain ladder climbs (rule pain-monitoring, S41): a rung is held for a number
of calm weeks before the next, its dose growing within it, the way the sourced programmes
progress over about twelve weeks (Silbernagel 2007; Beyer 2015), never a rung a week (cr22b
S1: Ines's Achilles went from isometric calf holds to pogo hops in three weeks).

A calm week is one the pain-monitoring rule judged "progress": the rung's own work logged,
the area's pain reported (0 when none) within the acceptable zone and settled by the next
morning. The count lives on the review's adjustment for the week after the one it read
(`Adjustment.pain_calm`, beside the rung), read back by `calm_weeks_for_week`: a review run
again starts from the count the review before it wrote, so nothing is counted twice.
"""

from __future__ import annotations

from ..model import PainArea
from ..pain_return import OFF, STAGE_NAME, Ladder

CALM_RESET = ("hold", "regress", "exclude")  # pain not settled, or past the zone: the count starts again


def paced(action: str, rung: int | None, calm: int, need: int, lad: Ladder | None) -> tuple[int | None, int]:
    """The area's rung next week and its calm weeks on that rung, from this week's `action`
    on `rung` with `calm` calm weeks on it before this week. A calm week adds one; the climb
    comes when the count reaches `need` (and starts the next rung's count at none); a wait
    (the rung's work or the pain report missing) counts nothing and keeps the count; pain
    not settled or past the zone starts it again. Off the ladder, one calm week brings the
    area back to its first rung, the tolerable start."""
    if lad is None or rung is None:
        return None, 0
    if action in CALM_RESET:
        return _down(action, rung), 0
    if action != "progress":
        return rung, calm
    if rung < 0:
        return 0, 0
    now = calm + 1
    if now >= need and rung < lad.top:
        return rung + 1, 0
    return rung, min(now, need)


def _down(action: str, rung: int) -> int:
    if action == "exclude":
        return OFF
    if action == "regress":  # on the first rung (or off): no gentler rung, the area's work stops
        return rung - 1 if rung > 0 else OFF
    return rung


def calm_words(lad: Ladder, rung: int, calm: int, need: int) -> str:
    """ "2 of 3 calm weeks on isometric holds" """
    return f"{calm} of {need} calm week{'s' if need != 1 else ''} on {STAGE_NAME[lad.rungs[rung].stage]}"


def next_after(need: int, calm: int) -> str:
    left = need - calm
    return "one more calm week" if left == 1 else f"{left} more calm weeks"


def kept_back(calm: dict[PainArea, int], area: PainArea, need: int, rung: int = 0) -> dict[PainArea, int]:
    """The count of an area whose earned climb another rule held back (a cut, a deload, form
    broken on the rung, the race close): it stays one short of the climb, so the next calm
    week on the rung climbs, not one sooner. Off the ladder (`rung` below the first) there is
    no count: one calm week brings the area back whatever came before."""
    return {**calm, area: max(need - 1, 0) if rung >= 0 else 0}
