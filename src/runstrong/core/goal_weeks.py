"""The weeks a goal race before the main race takes (goal-race): its race week and its
recovery week, laid over the loading weeks as deloads of their own (same sessions and
exercises, less volume, easier effort; no progression step, so the build after them steps
on from the last loading week before the race), with the days each week leaves for strength.

cr23a F1: Carmen's goal half six weeks before her marathon was planned as a tune-up: a
loading week around it (three sessions, two days before the race at 29 minutes), and a heavy
Romanian deadlift five days after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from .dated_races import DatedRace, distance_words, goal_races, race_name, rest_after
from .model import AthleteProfile, Phase, Reason, Weekday

_LOADING = frozenset({Phase.foundation, Phase.build, Phase.race_specific})


class GoalWeek(NamedTuple):
    """A week a goal race takes: its race week, or a recovery week after it."""

    race: DatedRace
    recovery: bool  # False: the race's own week
    first: dt.date  # the first and last days a session may take this week
    last: dt.date


def goal_weeks(profile: AthleteProfile, phases: list[Phase], first: dt.date, p: Any) -> dict[int, GoalWeek]:
    """The 0-based indexes of the weeks goal races take, each with its race and kind: the race's
    week and the `goal_race_recovery_weeks` after it, where they are loading weeks and the race
    leaves `goal_race_min_weeks_before` weeks before the main race's (else the race keeps only
    its days before and after, `dated_races.window`)."""
    main = profile.race
    out: dict[int, GoalWeek] = {}
    for race in goal_races(profile):
        week = (race.date - first).days // 7
        if week < 0 or week >= len(phases) or phases[week] not in _LOADING:
            continue
        if main is not None and ((main.date - first).days // 7) - week < p.goal_race_min_weeks_before:
            continue
        monday = first + dt.timedelta(weeks=week)
        out[week] = GoalWeek(race, False, monday, race.date - dt.timedelta(days=p.no_strength_days + 1))
        back = race.date + dt.timedelta(days=rest_after(race, p) + 1)
        for k in range(1, p.goal_race_recovery_weeks + 1):
            if week + k < len(phases) and phases[week + k] in _LOADING and week + k not in out:
                start = monday + dt.timedelta(weeks=k)
                out[week + k] = GoalWeek(race, True, max(start, back), start + dt.timedelta(days=6))
    return out


def open_days(profile: AthleteProfile, goal: GoalWeek) -> list[int]:
    """The weekday indexes of the week's training days a session may take."""
    available = set(profile.available_days)
    days = (goal.first + dt.timedelta(days=k) for k in range((goal.last - goal.first).days + 1))
    return [d.weekday() for d in days if d >= profile.start_date and Weekday.of(d) in available]


def blocked_week_days(profile: AthleteProfile, start: dt.date, p: Any) -> tuple[DatedRace, list[int]] | None:
    """A week a goal race's last days or recovery days reach into (its race week's neighbours
    too): the race and the weekday indexes of the training days it leaves; None when it leaves
    them all."""
    available = set(profile.available_days)
    for race in goal_races(profile):
        shut = {race.date + dt.timedelta(days=k) for k in range(-p.no_strength_days, rest_after(race, p) + 1)}
        days = [start + dt.timedelta(days=k) for k in range(7)]
        if shut.isdisjoint(days):
            continue
        return race, [
            d.weekday() for d in days if d not in shut and d >= profile.start_date and Weekday.of(d) in available
        ]
    return None


def room_reason(race: DatedRace, room: int, p: Any) -> Reason:
    """Why a week next to a goal race holds fewer sessions than its phase asks."""
    text = (
        f"{race_name(race)[0].upper()}{race_name(race)[1:]}: its last days before it and the days the legs "
        f"recover leave room for {_count(room)} a day apart this week."
    )
    return p.why("goal-race", text)


def goal_reason(goal: GoalWeek, sessions: int, p: Any) -> Reason:
    """What the week is for, in the words a runner reads on it."""
    name = race_name(goal.race)
    if goal.recovery:
        back = goal.race.date + dt.timedelta(days=rest_after(goal.race, p) + 1)
        text = (
            f"{RECOVERY_WEEK} after {name}: no strength until {back:%a %d %b}, then "
            f"{_count(sessions)} as a deload (same exercises, less volume, easier effort); "
            "the build to your main race resumes next week from where it stood before the race."
        )
        return p.why("goal-race", text)
    if not sessions:
        text = (
            f"{RACE_WEEK} for {name}: no training day falls {p.no_strength_days + 1} or more days before it. "
            "Rest and race."
        )
        return p.why("goal-race", text)
    text = (
        f"{RACE_WEEK} for {name}: one light session, {p.no_strength_days + 1} or more days before the race; "
        f"nothing heavy or plyometric, volume cut {p.taper_volume_cut_pct[1]}% as in a race week. "
        f"It is a goal race, not a tune-up: a short taper for a {distance_words(goal.race.distance)} "
        "between the main race's loading weeks."
    )
    return p.why("goal-race", text)


RACE_WEEK, RECOVERY_WEEK = "Race week", "Recovery week"


def week_kind(reasons: Sequence[Reason]) -> str | None:
    """ "goal race week" or "recovery week" for a week a goal race takes (by the reason
    `goal_reason` gave it), for the plan's week headings; None for any other week."""
    for r in reasons:
        if r.rule_id == "goal-race" and r.text.startswith(f"{RACE_WEEK} for "):
            return "goal race week"
        if r.rule_id == "goal-race" and r.text.startswith(f"{RECOVERY_WEEK} after "):
            return "recovery week"
    return None


def _count(n: int) -> str:
    return "no session" if n == 0 else ("1 session" if n == 1 else f"{n} sessions")
