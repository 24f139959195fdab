"""Races in the dated running week: a tune-up before the goal race, or a race a calendar
import finds. Each is a secondary race with a short taper and recovery of its own
(tune-up-race), on top of what any key run gets: the planner's days read it
(`week_days`), the week says it, and `validate` checks it on the finished plan."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from typing import Any

from .effort_targets import harder_than_race_close
from .model import AthleteProfile, Plan, Reason, Role, RunType
from .rep_scheme import LEG_CATEGORIES

TuneUp = tuple[dt.date, int]  # the race's date and minutes
_WORK_ROLES = frozenset({Role.primary, Role.accessory})


def tune_ups(profile: AthleteProfile) -> tuple[TuneUp, ...]:
    """The profile's dated races, but the goal race (its own taper covers that day)."""
    goal = profile.race.date if profile.race is not None else None
    found = {(r.date, r.minutes) for r in profile.running.dated if r.type == RunType.race and r.date != goal}
    return tuple(sorted(found))


def rest_days_after(minutes: int, p: Any) -> int:
    """Days after a tune-up with no strength, by its length (a dated run has no distance)."""
    return p.tune_up_rest_days_after[bisect_left(p.tune_up_rest_minutes, minutes)]


def near(races: tuple[TuneUp, ...], first: dt.date, last: dt.date, p: Any) -> tuple[TuneUp, ...]:
    """The tune-ups whose days before or after (their easy days back too) reach into `first`..`last`."""
    before = max(p.tune_up_last_heavy_days, p.tune_up_last_plyometric_days, p.tune_up_no_strength_days)
    return tuple(r for r in races if (r[0] - last).days <= before and (first - r[0]).days <= _back_by(r[1], p))


def _back_by(minutes: int, p: Any) -> int:
    """The days after a tune-up until its easy days back are over (rest, then race-close effort)."""
    return rest_days_after(minutes, p) + p.tune_up_easy_return_days


def window(races: tuple[TuneUp, ...], day: dt.date, p: Any) -> tuple[bool, bool, bool, bool]:
    """(strength ok, heavy ok, plyometrics ok, recovering) for a day near the tune-ups: the easy
    days back after the rest days hold nothing heavy either (the first session after the race
    at race-close effort, as after the goal race in miniature; cr22b W4)."""
    strength = heavy = plyo = True
    recovering = False
    for race, minutes in races:
        until = (race - day).days
        strength &= not 0 < until <= p.tune_up_no_strength_days
        heavy &= not (0 <= until <= p.tune_up_last_heavy_days or 0 < -until <= _back_by(minutes, p))
        plyo &= not 0 <= until <= p.tune_up_last_plyometric_days
        recovering |= 0 < -until <= rest_days_after(minutes, p)
    return strength, heavy, plyo, recovering


def leg_work_capped(profile: AthleteProfile, day: dt.date, p: Any) -> bool:
    """Whether leg loads on `day` stay at race-close effort: the goal race's last heavy days
    (taper) or a tune-up's (tune-up-race)."""
    race = profile.race
    if race is not None and 0 <= (race.date - day).days < p.last_heavy_days:
        return True
    return not window(near(tune_ups(profile), day, day, p), day, p)[1]


def week_note(profile: AthleteProfile, first: dt.date, last: dt.date, p: Any) -> Reason | None:
    """The week's word on the tune-ups that shape it: which race, and what it keeps off which days."""
    races = near(tune_ups(profile), first, last, p)
    if not races:
        return None
    said = []
    for race, minutes in races:
        heavy_from = race - dt.timedelta(days=max(p.tune_up_last_heavy_days, p.tune_up_last_plyometric_days))
        rest_from = race - dt.timedelta(days=p.tune_up_no_strength_days)
        back = race + dt.timedelta(days=rest_days_after(minutes, p) + 1)
        easy_to = race + dt.timedelta(days=_back_by(minutes, p))
        said.append(
            f"your race on {race:%a %d %b} ({minutes} min) is a tune-up with a short taper of its own: "
            f"nothing heavy for the legs and no jumps from {heavy_from:%a %d %b}, "
            f"and no strength from {rest_from:%a %d %b} until {back:%a %d %b}, while the legs recover; "
            f"leg work stays easy and no sets are added to fill the time until {easy_to:%a %d %b}"
        )
    text = "; ".join(said)
    return p.why("tune-up-race", text[0].upper() + text[1:] + ".")


def check_tune_ups(plan: Plan, p: Any) -> list[tuple[str, str, str]]:
    """Every session that breaks a tune-up's taper or recovery, as (rule id, where, message)."""
    races = tune_ups(plan.profile)
    out: list[tuple[str, str, str]] = []
    if not races:
        return out
    for s in (s for w in plan.weeks for s in w.sessions):
        strength, heavy, plyo, recovering = window(races, s.date, p)
        where, why = str(s.date), "tune-up-race"
        if not strength:
            out.append((why, where, "strength in the last day(s) before a tune-up race"))
        if recovering:
            out.append((why, where, "strength while the legs recover from a tune-up race"))
        if not heavy and s.heavy:
            out.append((why, where, "heavy work in the last days before a tune-up race or the first days back"))
        if not plyo and s.plyometric:
            out.append((why, where, "plyometrics in the last days before a tune-up race"))
        if not heavy:
            out += [
                (why, where, f"{b.exercise_id} too hard in the last days before a tune-up race or the first days back")
                for b in s.blocks
                if b.category in LEG_CATEGORIES
                and b.role in _WORK_ROLES
                and harder_than_race_close(b.prescription.intensity, p)
            ]
    return out
