"""What the load walk learns from a week with a tune-up race in it (tune-up-race).

A tune-up's last days before it and its first days back hold leg work at race-close effort,
well under what the lift can do. Those sets teach the walk nothing, as a taper's lighter sets
teach it nothing: the heavy day after the tune-up steps from the loading week before it, not
from the race-close day (cr22b W4's kind: Ines's trap bar, 4 x 5 @ 72.5 kg at RPE 8 before a
tune-up half, was 3 x 6 @ 55 kg at RPE 8 on the heavy day after it, a step from the eased
52.5 kg two days before the race).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .cut_weeks import note_day_sets
from .dated_races import near, races_of, window
from .kit_session import note_day_reps
from .load_limits import copy_of
from .model import Block, Session, Week
from .phases import LOADING_PHASES
from .rep_scheme import LEG_CATEGORIES
from .season import kept_in_season

if TYPE_CHECKING:
    from .load_walk import LoadWalk


def tune_up_capped(walk: LoadWalk, week: Week, day: dt.date) -> bool:
    """Whether a loading week's `day` (a season's kept week's too: in-season) holds leg work at
    race-close effort for a tune-up."""
    if (week.phase not in LOADING_PHASES and not kept_in_season(week, walk.profile)) or week.deload:
        return False
    races = near(races_of(walk.profile), day, day, walk.p)
    return bool(races) and not window(races, day, walk.p)[1]


def taught(walk: LoadWalk, week: Week, day: dt.date, blocks: Sequence[Block]) -> list[Block]:
    """`blocks` the walk learns from: on a tune-up's race-close day, not the leg work of a lift
    with a loading week behind it (one without has no other base: its eased load starts it, and
    a deload after it eases from that)."""
    if not tune_up_capped(walk, week, day):
        return list(blocks)
    return [b for b in blocks if b.category not in LEG_CATEGORIES or not _walked(walk, b.exercise_id)]


def _walked(walk: LoadWalk, ex_id: str) -> bool:
    lift = walk.lifts.get(ex_id)
    return lift is not None and lift.last is not None and lift.weeks > 0


def noted(walk: LoadWalk, week: Week) -> bool:
    """Whether the walk notes `week`'s days as the base of the day's next step: a loading week,
    or a season's kept week (in-season: the build after a season steps from its dose)."""
    return week.phase in LOADING_PHASES or kept_in_season(week, walk.profile)


def note_days(walk: LoadWalk, week: Week, sessions: Sequence[Session]) -> None:
    """Each lift's dose and sets this loading week by day (`note_day_reps`, `note_day_sets`),
    a tune-up's race-close leg work keeping what the last loading week noted for its day."""
    last, sets = dict(walk.day_last), dict(walk.day_sets)
    learnt = [copy_of(s, blocks=taught(walk, week, s.date, s.blocks)) for s in sessions]
    note_day_reps(walk, learnt)
    note_day_sets(walk, learnt)
    for s, kept in zip(sessions, learnt, strict=True):
        for b in (b for b in s.blocks if b not in kept.blocks):
            walk.day_last |= {k: v for k, v in last.items() if k == (b.exercise_id, s.focus)}
            walk.day_sets |= {k: v for k, v in sets.items() if k[:2] == (b.exercise_id, s.focus)}
