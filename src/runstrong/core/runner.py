"""What of the profile a week's sessions depend on (`Runner`), made once a plan from the
profile and its screen, and what of it the placement's words read: the runner's lifting
time sets which comes first on an easy run's day (pair-with-easy-day)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .model import AthleteProfile, Category, Health, Level, RaceDistance, Reason
from .schedule import CROSS_FIRST, RUN_FIRST

if TYPE_CHECKING:
    from .assessment import ScreenEffects


@dataclass(frozen=True, slots=True)
class Runner:
    """What of the profile a week's sessions depend on, as one hashable value: a week
    remembered under it cannot go stale when the profile gains a field."""

    level: Level
    race: RaceDistance | None
    cap_minutes: int  # the runner's cap, within the registry's
    allow_double: bool
    short_holds: bool  # the screen in force found a short plank
    hold_ceilings: tuple[int, int] | None  # the screen's (front, side) core-hold ceilings, if one is on file
    weaker: tuple[tuple[Category, str], ...]  # (category, side) with an extra set
    lifts_early: bool = False  # the profile's preferred time is a morning one: the lift comes before the run
    moderate_only: bool = False  # pregnancy: every week dosed as the foundation's, nothing heavy (pregnancy-strength)


def runner_of(profile: AthleteProfile, effects: ScreenEffects | None, p: Any) -> Runner:
    """The plan's `Runner`: the profile's level, race, cap and lifting time, and what its screen found."""
    at = profile.preferred_time
    return Runner(
        level=profile.strength_experience,
        race=profile.race.distance if profile.race else None,
        cap_minutes=min(profile.session_cap_minutes, p.max_session_minutes),
        allow_double=profile.allow_double_days,
        short_holds=bool(effects and effects.short_holds),
        hold_ceilings=effects.hold_ceilings if effects else None,
        weaker=tuple((c, s.value) for c, s in effects.weaker_side.items()) if effects else (),
        lifts_early=at is not None and at.hour < p.morning_lift_before_hour,
        moderate_only=Health.pregnant in profile.health,
    )


def in_lifting_order(reasons: Sequence[Reason], runner: Runner, p: Any) -> tuple[Reason, ...]:
    """The placement's reasons with the easy run's order fitted to the runner's lifting time:
    a runner who lifts in the morning is not told to run first (pair-with-easy-day)."""
    if not runner.lifts_early:
        return tuple(reasons)
    lift_first = p.why("pair-with-easy-day", LIFT_FIRST)
    first = (RUN_FIRST, CROSS_FIRST)
    return tuple(lift_first if r.rule_id == "pair-with-easy-day" and r.text in first else r for r in reasons)


# not "keep the day's run easy": the day's run may be a tempo or intervals (cr24a F12)
LIFT_FIRST = "You lift in the morning: lift first, and run later in the day, a few hours apart if you can."


DOUBLE_DAY = "Double day:"  # schedule._explain's words for a lift on a key run's day (no-heavy-near-speed)


def lifting_time(reasons: Sequence[Reason]) -> str | None:
    """The reason that says when to lift against the day's run (run first, lift first, or a double
    day's gap), for the places that show one line of a session (a calendar entry): on a day with a
    run it is the line the runner needs there (cr30a F14: "Why: Session A: posterior chain focus"
    where the plan said "Double day: lift after the interval session, at least 6 h later")."""
    timed = (RUN_FIRST, CROSS_FIRST, LIFT_FIRST)
    return next((r.text for r in reasons if r.text in timed or r.text.startswith(DOUBLE_DAY)), None)
