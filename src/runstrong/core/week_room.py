"""How many sessions a week's training days hold a day apart: the runner's days, the plan's
first days when it starts mid-week, and the main race's recovery days before a foundation
after it (`phases` asks; `infeasible` reads the same count)."""

from __future__ import annotations

import datetime as dt

from .model import AthleteProfile, Reason, Weekday
from .params import Params
from .vocab import spoken_list

USUAL_WEEK_TEXT = "Your usual running week is shown after the race: ease back in as your running plan says."


def most_spaced(weekdays: list[int], min_days: int) -> int:
    """How many of these weekdays can hold sessions `min_days` apart.

    >>> most_spaced([0, 1, 2, 4], 2)
    3
    """
    count, last = 0, -7
    for d in weekdays:
        if d - last >= min_days:
            count, last = count + 1, d
    return count


def training_days_room(profile: AthleteProfile, p: Params) -> int:
    """How many sessions the runner's training days hold a day apart in one week."""
    return most_spaced(sorted(d.index for d in set(profile.available_days)), p.min_days_between)


def days_text(profile: AthleteProfile) -> str:
    return spoken_list([d.value.title() for d in sorted(set(profile.available_days), key=lambda d: d.index)])


def first_week_room(profile: AthleteProfile, start: dt.date, sessions: int, p: Params) -> tuple[int, list[Reason]]:
    """A plan starting mid-week: as many sessions as its remaining training days hold, with why."""
    if not start < profile.start_date < start + dt.timedelta(days=7):
        return sessions, []
    room = room_from(profile, start, profile.start_date, p)
    if room >= sessions:
        return sessions, []
    held = {0: "no room for a session", 1: "room for 1 session"}.get(room, f"room for {room} sessions a day apart")
    text = f"The plan starts on {profile.start_date:%A}: the training days left this week have {held}, not {sessions}."
    return room, [p.why("no-consecutive-strength-days", text)]


def room_from(profile: AthleteProfile, start: dt.date, first: dt.date, p: Params) -> int:
    """How many sessions a day apart the week from `start` holds on its training days from `first` on."""
    available = set(profile.available_days)
    days = [i for i in range(7) if (d := start + dt.timedelta(days=i)) >= first and Weekday.of(d) in available]
    return most_spaced(days, p.min_days_between)


def foundation_after_race(
    profile: AthleteProfile, start: dt.date, sessions: int, first: bool, p: Params
) -> tuple[int, list[Reason]]:
    """A foundation week after the race: why it is not maintenance (its first week), and as
    many sessions as the training days after the race's recovery hold."""
    reasons: list[Reason] = []
    if first:
        text = (
            f"Fewer than {p.maintenance_min_built_weeks} weeks of strength work before the race, so there is "
            "nothing to maintain yet: the weeks after it are your foundation, two sessions a week. When they end, "
            "plan again with your next race (or none) to carry on."
        )
        reasons += [p.why("maintenance-after-race", text), p.why("maintenance-after-race", USUAL_WEEK_TEXT)]
    room, why = room_after_recovery(profile, start, sessions, p)
    return room, [*reasons, *why]


def room_after_recovery(profile: AthleteProfile, start: dt.date, sessions: int, p: Params) -> tuple[int, list[Reason]]:
    """How many of the week's `sessions` its training days hold after the main race's recovery
    days, with why when fewer (maintenance-after-race); none, not a refusal, when every training
    day of the week falls inside them (cr25a F8: Aiko's Monday and Thursday after her half)."""
    race = profile.race
    assert race is not None
    back = race.date + dt.timedelta(days=p.recovery_days[race.distance])
    if back <= start:
        return sessions, []
    room = room_from(profile, start, back, p)
    if room >= sessions:
        return sessions, []
    text = f"Recovery after the race: no strength until {back:%a %d %b}"
    if room:
        text += f", which leaves room for {sessions_text(room)} this week."
    elif back > start + dt.timedelta(days=6):
        text += ". Easy movement only."
    else:
        text += f", and none of your training days ({days_text(profile)}) comes after it this week. Easy movement only."
    return room, [p.why("maintenance-after-race", text)]


def sessions_text(n: int) -> str:
    return "1 session" if n == 1 else f"{n} sessions"
