"""Races in the dated running week: a tune-up before the main race, a race a calendar import
finds, or a goal race the runner marked (`goal`). A tune-up is a secondary race with a short
taper and recovery of its own (tune-up-race); a goal race takes the taper's last days and the
main race's recovery days by its distance (goal-race), and its race and recovery weeks are laid
out by `goal_weeks`. On top of what any key run gets: the planner's days read it (`week_days`),
the week says it, and `validate` checks it on the finished plan."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from typing import Any, NamedTuple

from .effort_targets import harder_than_race_close
from .model import AthleteProfile, Plan, RaceDistance, Reason, Role, RunType, Session
from .rep_scheme import LEG_CATEGORIES

_WORK_ROLES = frozenset({Role.primary, Role.accessory})


class DatedRace(NamedTuple):
    """A race of the dated running week: a tune-up, or a goal race (goal-race) with its distance."""

    date: dt.date
    minutes: int
    goal: bool = False
    distance: RaceDistance | None = None
    name: str | None = None

    @property
    def rule(self) -> str:
        return "goal-race" if self.goal else "tune-up-race"


def races_of(profile: AthleteProfile) -> tuple[DatedRace, ...]:
    """The profile's dated races, but the main race (its own taper covers that day)."""
    main = profile.race.date if profile.race is not None else None
    found = {
        DatedRace(r.date, r.minutes, r.goal, r.distance if r.goal else None, r.name if r.goal else None)
        for r in profile.running.dated
        if r.type == RunType.race and r.date != main
    }
    return tuple(sorted(found))


def tune_ups(profile: AthleteProfile) -> tuple[DatedRace, ...]:
    """The dated races that are tune-ups (not goal races)."""
    return tuple(r for r in races_of(profile) if not r.goal)


def goal_races(profile: AthleteProfile) -> tuple[DatedRace, ...]:
    """The dated races marked goal races (goal-race)."""
    return tuple(r for r in races_of(profile) if r.goal)


def rest_days_after(minutes: int, p: Any) -> int:
    """Days after a tune-up with no strength, by its length (a dated run has no distance)."""
    return p.tune_up_rest_days_after[bisect_left(p.tune_up_rest_minutes, minutes)]  # type: ignore[no-any-return]


def _days_before(race: DatedRace, p: Any) -> tuple[int, int, int]:
    """(last heavy, last plyometric, no strength) days before `race`: a goal race takes the
    taper's (goal-race), a tune-up its shorter ones (tune-up-race)."""
    if race.goal:
        return p.last_heavy_days, p.last_plyometric_days, p.no_strength_days
    return p.tune_up_last_heavy_days, p.tune_up_last_plyometric_days, p.tune_up_no_strength_days


def rest_after(race: DatedRace, p: Any) -> int:
    """Days after `race` with no strength: a goal race's recovery days by its distance less
    the race day (maintenance-after-race's, as after the main race: strength again on day
    `recovery_days`), a tune-up's by its minutes."""
    if race.goal and race.distance is not None:
        return p.recovery_days[race.distance] - 1  # type: ignore[no-any-return]
    return rest_days_after(race.minutes, p)


def _easy_days(race: DatedRace, p: Any) -> int:
    return p.goal_race_easy_return_days if race.goal else p.tune_up_easy_return_days  # type: ignore[no-any-return]


def near(races: tuple[DatedRace, ...], first: dt.date, last: dt.date, p: Any) -> tuple[DatedRace, ...]:
    """The races whose days before or after (their easy days back too) reach into `first`..`last`."""
    return tuple(
        r for r in races if (r.date - last).days <= max(_days_before(r, p)) and (first - r.date).days <= back_by(r, p)
    )


def back_by(race: DatedRace, p: Any) -> int:
    """The days after a race until its easy days back are over (rest, then race-close effort)."""
    return rest_after(race, p) + _easy_days(race, p)


def window(races: tuple[DatedRace, ...], day: dt.date, p: Any) -> tuple[bool, bool, bool, bool]:
    """(strength ok, heavy ok, plyometrics ok, recovering) for a day near the races: the easy
    days back after the rest days hold nothing heavy either (the first session after the race
    at race-close effort, as after the main race in miniature; cr22b W4)."""
    strength = heavy = plyo = True
    recovering = False
    for race in races:
        until = (race.date - day).days
        last_heavy, last_plyo, no_strength = _days_before(race, p)
        strength &= not 0 <= until <= no_strength
        heavy &= not (0 <= until <= last_heavy or 0 < -until <= back_by(race, p))
        plyo &= not 0 <= until <= last_plyo
        recovering |= 0 < -until <= rest_after(race, p)
    return strength, heavy, plyo, recovering


def leg_work_capped(profile: AthleteProfile, day: dt.date, p: Any) -> bool:
    """Whether leg loads on `day` stay at race-close effort: the goal race's last heavy days
    (taper), a goal race's (goal-race) or a tune-up's (tune-up-race)."""
    race = profile.race
    if race is not None and 0 <= (race.date - day).days < p.last_heavy_days:
        return True
    return not window(near(races_of(profile), day, day, p), day, p)[1]


def week_note(profile: AthleteProfile, first: dt.date, last: dt.date, p: Any) -> list[Reason]:
    """The week's word on the dated races that shape it: which race, and what it keeps off which
    days (a reason per rule: the tune-ups together, the goal races together)."""
    races = near(races_of(profile), first, last, p)
    out = []
    for goal in (True, False):
        said = [_race_words(r, p) for r in races if r.goal == goal]
        if said:
            text = "; ".join(said)
            out.append(p.why("goal-race" if goal else "tune-up-race", text[0].upper() + text[1:] + "."))
    return out


_DISTANCE_WORDS = {"5k": "5K", "10k": "10K", "half": "half marathon", "marathon": "marathon", "ultra": "ultra"}


def distance_words(distance: RaceDistance | None) -> str:
    return _DISTANCE_WORDS.get(str(getattr(distance, "value", distance)), "race")


def race_name(race: DatedRace) -> str:
    """How the plan names a dated race: "your goal race, City Half (half marathon), on Sun 14 Mar"."""
    if not race.goal:
        return f"your race on {race.date:%a %d %b} ({race.minutes} min)"
    called = f"{race.name} ({distance_words(race.distance)})" if race.name else distance_words(race.distance)
    return f"your goal race, {called}, on {race.date:%a %d %b}"


def _race_words(race: DatedRace, p: Any) -> str:
    last_heavy, last_plyo, no_strength = _days_before(race, p)
    heavy_from = race.date - dt.timedelta(days=max(last_heavy, last_plyo))
    rest_from = race.date - dt.timedelta(days=no_strength)
    back = race.date + dt.timedelta(days=rest_after(race, p) + 1)
    easy_to = race.date + dt.timedelta(days=back_by(race, p))
    kind = "has a taper of its own" if race.goal else "is a tune-up with a short taper of its own"
    return (
        f"{race_name(race)} {kind}: nothing heavy for the legs and no jumps from {heavy_from:%a %d %b}, "
        f"and no strength from {rest_from:%a %d %b} until {back:%a %d %b}, while the legs recover; "
        f"leg work stays easy and no sets are added to fill the time until {easy_to:%a %d %b}"
    )


def check_dated_races(plan: Plan, p: Any) -> list[tuple[str, str, str]]:
    """Every session that breaks a dated race's taper or recovery, as (rule id, where, message)."""
    races = races_of(plan.profile)
    out: list[tuple[str, str, str]] = []
    for s in (s for w in plan.weeks for s in w.sessions):
        for race in near(races, s.date, s.date, p):
            out += _broken_by(s, race, p)
    return out


def _broken_by(s: Session, race: DatedRace, p: Any) -> list[tuple[str, str, str]]:
    strength, heavy, plyo, recovering = window((race,), s.date, p)
    where, why, kind = str(s.date), race.rule, "goal race" if race.goal else "tune-up race"
    out = []
    if not strength:
        out.append((why, where, f"strength on or in the last day(s) before a {kind}"))
    if recovering:
        out.append((why, where, f"strength while the legs recover from a {kind}"))
    if not heavy and s.heavy:
        out.append((why, where, f"heavy work in the last days before a {kind} or the first days back"))
    if not plyo and s.plyometric:
        out.append((why, where, f"plyometrics in the last days before a {kind}"))
    if not heavy:
        out += [
            (why, where, f"{b.exercise_id} too hard in the last days before a {kind} or the first days back")
            for b in s.blocks
            if b.category in LEG_CATEGORIES
            and b.role in _WORK_ROLES
            and harder_than_race_close(b.prescription.intensity, p)
        ]
    return out
