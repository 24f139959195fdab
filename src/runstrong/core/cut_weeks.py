"""A deload, the taper or race week cuts from what the last loading week delivered (planned-deloads, taper).

A cut week's doses are cut from the plain dose, but the loading week before may have given
fewer sets than that dose asked: the cap trimmed one, the kit's progression took one to fit
its reps ("one set fewer ... to fit your cap"), a light day took one. A cut of the plain dose
then stood level with the week it should ease: a 40 kg novice's deload kept 19 of her loading
week's 25 sets (24%, the rule's range is 30-60%), and the taper left a light day's sets as
they were. Here each lift's sets on a day of a cut week (race week's too) are at most the
week's cut of its sets on a day of the same focus, light or full, in the last loading week.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .dated_races import goal_races
from .kit_session import retimed, timed
from .load_limits import LOADED_ROLES, copy_of, reviewed
from .model import Block, Phase, Session, Week
from .phases import TAPER_THREE_TEXT, WeekFrame, holds_for_taper
from .review_cut import cut_sets

if TYPE_CHECKING:
    from .load_walk import LoadWalk

_LIGHT = "light-before-key-runs"


def _key(s: Session, b: Block) -> tuple[str, object, bool]:
    return b.exercise_id, s.focus, any(r.rule_id == _LIGHT for r in b.reasons)


def note_day_sets(walk: LoadWalk, sessions: Sequence[Session]) -> None:
    """Each lift's sets this loading week on a day of each focus, light or full (what a cut
    week cuts from); a day a review held or cut keeps the last (its cut is the review's)."""
    now: dict[tuple[str, object, bool], int] = {}
    for s in sessions:
        for b in s.blocks:
            key = _key(s, b)
            if b.role not in LOADED_ROLES or not b.prescription.sets:
                continue
            if reviewed(b):
                if key in walk.day_sets:
                    now[key] = walk.day_sets[key]
                continue
            now[key] = max(now.get(key, 0), b.prescription.sets)
    walk.day_sets = now


def week_cut(week: Week, p: Any, goal_days: frozenset = frozenset()) -> int:
    """The volume cut of a deload, the taper or race week from the last loading week (0: none),
    as `compose.volume_cut` cuts the plain dose; a deload with a goal race in it (`goal_days`)
    is that race's race week (goal-race)."""
    if week.deload and any(0 <= (d - week.start_date).days < 7 for d in goal_days):
        return p.taper_volume_cut_pct[1]  # type: ignore[no-any-return]
    if week.deload:
        return p.deload_volume_cut_pct  # type: ignore[no-any-return]
    return {Phase.taper: p.taper_volume_cut_pct[0], Phase.race_week: p.taper_volume_cut_pct[1]}.get(week.phase, 0)


def cut_from_delivered(walk: LoadWalk, week: Week, s: Session) -> Session:
    """`s` with each lift at most the week's cut of the sets it had on a day of the same focus
    in the last loading week (the session itself when none is over)."""
    pct = week_cut(week, walk.p, frozenset(r.date for r in goal_races(walk.profile)))
    if not pct or not walk.day_sets:
        return s
    blocks = [_cut(walk, s, b, pct) for b in s.blocks]
    if all(a is b for a, b in zip(blocks, s.blocks, strict=True)):
        return s
    sets = tuple(b.prescription.sets for b in blocks)
    return walk.copies.of((s,), ("cut", pct, *sets), lambda: copy_of(s, blocks=blocks, **retimed(s, blocks, walk)))


def _cut(walk: LoadWalk, s: Session, b: Block, pct: int) -> Block:
    was = walk.day_sets.get(_key(s, b)) if b.role in LOADED_ROLES and not reviewed(b) else None
    if was is None or b.prescription.sets <= cut_sets(was, pct):
        return b
    return timed(b, copy_of(b.prescription, sets=cut_sets(was, pct)), walk)[0]


def loading_held(weeks: Sequence[Week]) -> list[int]:
    """The sessions each week the taper keeps to placed (`holds_for_taper`)."""
    return [len(w.sessions) for w in weeks if holds_for_taper(w.phase, w.deload)]


def taper_held(frame: WeekFrame, weeks: Sequence[Week], p: Any) -> WeekFrame:
    """The taper keeps the sessions the loading weeks held, not those they were asked for
    (taper: frequency kept, none started): a third session earned on paper that placement
    never fitted (meets, a dated race, the week's rhythm) does not first appear in the taper."""
    if frame.phase != Phase.taper:
        return frame
    held = loading_held(weeks)
    if not held or max(held) >= frame.sessions:
        return frame
    n = max(held)
    text = (f"The taper keeps the {n} sessions a week your loading weeks held, each shorter: it cuts volume, "
            "and no session starts in it.")  # fmt: skip
    reasons = tuple(r for r in frame.reasons if r.text != TAPER_THREE_TEXT)
    return replace(frame, sessions=n, reasons=(*reasons, p.why("taper", text)))
