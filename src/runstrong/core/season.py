"""A racing season (in-season): dated tune-ups every two or three weeks, planned as a season
rather than a build. Its weeks keep the strength built (one short session in a week with a
race, two in a week without one, heavy where the days allow), with no third session and no
deload cycle; each race keeps its own short taper and recovery (`dated_races`).

cr24a F8: Lena's five track races in eleven weeks were each handled as a tune-up, but around
them the plan ran foundation, build and race-specific with deloads every fourth week and three
sessions in the weeks between races, a heavy Friday with single-leg pogos among them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NamedTuple

from .dated_races import DatedRace, races_of
from .model import AthleteProfile, Phase, Reason, Week
from .vocab import spoken_list

_LOADING = frozenset({Phase.foundation, Phase.build, Phase.race_specific})
_SELECTS_AS = frozenset({Phase.build, Phase.race_specific})


class Season(NamedTuple):
    """A run of dated tune-ups close enough together to be a season, and the plan's weeks it spans."""

    races: tuple[DatedRace, ...]
    first: int  # 0-based index of the week of its first race (0 when that is before the plan)
    last: int  # 0-based index of the week of its last race
    built: bool  # enough strength work behind it to keep (maintenance-after-race)


def _runs(profile: AthleteProfile, p: Any) -> list[list[DatedRace]]:
    """The dated tune-ups in runs, each race at most `in_season_max_gap_days` after the one
    before; a goal race ends a run (in-season)."""
    runs: list[list[DatedRace]] = [[]]
    for race in races_of(profile):
        if race.goal:
            runs.append([])
            continue
        if runs[-1] and (race.date - runs[-1][-1].date).days > p.in_season_max_gap_days:
            runs.append([])
        runs[-1].append(race)
    return [run for run in runs if len(run) >= p.in_season_min_races]


def seasons(profile: AthleteProfile, phases: Sequence[Phase], first: dt.date, p: Any) -> tuple[Season, ...]:
    """The profile's racing seasons over a plan whose weeks (from Monday `first`) have `phases`."""
    out = []
    for run in _runs(profile, p):
        start = max(0, (run[0].date - first).days // 7)
        end = (run[-1].date - first).days // 7
        if end < 0 or start >= len(phases):
            continue
        before = sum(1 for ph in phases[:start] if ph in _LOADING)
        built = profile.consistent_strength_weeks + before >= p.maintenance_min_built_weeks
        out.append(Season(tuple(run), start, end, built))
    return tuple(out)


def season_mondays(profile: AthleteProfile, first: dt.date, weeks: int, p: Any) -> frozenset[dt.date]:
    """The Mondays of a plan's season weeks before the main race (from Monday `first`, `weeks`
    long), whatever their phase."""
    race = profile.race.date if profile.race is not None else dt.date.max
    mondays = (
        first + dt.timedelta(weeks=i)
        for s in seasons(profile, [Phase.build] * weeks, first, p)
        for i in range(s.first, min(s.last + 1, weeks))
    )
    return frozenset(d for d in mondays if d < race)


def in_season(
    phases: list[Phase], profile: AthleteProfile, first: dt.date, p: Any
) -> tuple[list[Phase], dict[int, Season]]:
    """The phases with each season's loading weeks kept, not built: maintenance for a runner
    with strength work behind them, the foundation for one without; and the season of each
    week it takes (0-based index). The taper, race week and the weeks after the main race keep
    their own phase (maintenance-after-race)."""
    out, weeks = list(phases), {}
    race = profile.race.date if profile.race is not None else dt.date.max
    for season in seasons(profile, phases, first, p):
        for i in range(season.first, min(season.last + 1, len(out))):
            if out[i] in _LOADING and first + dt.timedelta(weeks=i) < race:
                out[i] = Phase.maintenance if season.built else Phase.foundation
                weeks[i] = season
    return out, weeks


def kept_in_season(week: Week, profile: AthleteProfile) -> bool:
    """Whether `week` is a season's kept week (maintenance before the main race: in-season), not
    the maintenance after the race."""
    return week.phase == Phase.maintenance and (profile.race is None or week.start_date < profile.race.date)


def selects_as(phase: Phase, season: bool, before: Phase | None) -> Phase:
    """The phase a week's lifts are chosen for: a loading week's own; a season's kept week the
    last build's (the build's heavy lifts, in-season), or the build's when none came before; any
    other week the last loading week's (maintenance, the taper and race week keep its lifts)."""
    if before is None or phase in _LOADING:
        return phase
    if season and phase == Phase.maintenance and before not in _SELECTS_AS:
        return Phase.build
    return before


def season_sessions(season: Season, start: dt.date, opens: bool, p: Any) -> tuple[int, list[Reason]]:
    """A season week's sessions and why: one in a week with a race, two in a week without one
    (the foundation's two for a runner with nothing built to keep); the first week it takes
    (`opens`) says what the plan assumed."""
    end = start + dt.timedelta(days=6)
    racing = [r for r in season.races if start <= r.date <= end]
    said = [_opening(season, p)] if opens else []
    if not season.built:
        text = (
            "In season, with little strength work behind you to keep: the foundation's two lower-intensity "
            "sessions, no third session and no deload weeks, each race's short taper and easy days back around them."
        )
        return p.foundation_sessions, [*said, p.why("in-season", text)]
    if racing:
        n = p.in_season_race_week_sessions
        text = (
            f"In season, a race week ({racing[0].date:%a %d %b}): {_count(n)}, short, early in the week and "
            "away from the race; strength is kept, not built."
        )
    else:
        n = p.in_season_sessions
        text = (
            f"In season, a week without a race: {_count(n)}, short and heavy where the days allow, "
            f"{p.maintenance_sets} sets a lift, away from your speed work; strength is kept, not built, "
            "with no third session and no deload."
        )
    return n, [*said, p.why("in-season", text)]


def _opening(season: Season, p: Any) -> Reason:
    return p.why("in-season", season_words(season))


def season_words(season: Season) -> str:
    """What the plan assumed, and why: which races make the season and which weeks it takes."""
    races = spoken_list([f"{r.date:%a %d %b}" for r in season.races])
    kept = (
        "one or two short, heavy sessions a week keep the strength you have"
        if season.built
        else "the foundation's two sessions a week"
    )
    return (
        f"{OPENING}: your {len(season.races)} dated races ({races}) come every two or three "
        f"weeks, so weeks {season.first + 1}-{season.last + 1} are in season: {kept}, with no third session "
        "and no deload weeks (each race's short taper and easy days back unload the legs). If you are still "
        "building toward one of them, mark it a goal race (goal = true) in running.dated and plan again."
    )


OPENING = "Planned as a racing season"


def season_openings(weeks: Sequence[Week]) -> list[str]:
    """What a plan's weeks say they assumed of a season, for the plan's first lines (in-season)."""
    return [r.text for w in weeks for r in w.reasons if r.rule_id == "in-season" and r.text.startswith(OPENING)]


def season_notice(frames: Sequence[Any]) -> list[str]:
    """The plan's opening word on each season it assumed, as its weeks say it (in-season)."""
    return [r.text for f in frames for r in f.reasons if r.rule_id == "in-season" and r.text.startswith(OPENING)]


def after_season_taper(sessions: int, reasons: list[Reason], p: Any) -> tuple[int, list[Reason]]:
    """The taper after a season keeps the season's sessions, no more (none starts in it)."""
    if sessions <= p.in_season_sessions:
        return sessions, reasons
    reasons = [r for r in reasons if r.rule_id != "taper" or r.text.startswith("Taper:")]
    text = f"The taper keeps your season's {_count(p.in_season_sessions)} a week, each shorter: none starts in it."
    return p.in_season_sessions, [*reasons, p.why("in-season", text)]


def _count(n: int) -> str:
    return "1 session" if n == 1 else f"{n} sessions"
