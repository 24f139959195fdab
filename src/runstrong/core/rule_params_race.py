"""Typed params of the secondary-race rule (a race in the dated running week)."""

from __future__ import annotations

from .rule_params import Int, RuleParams


class TuneUpRace(RuleParams):
    """Days before and after a race of the dated running week; its minutes pick the days after."""

    prefix = "tune_up_"
    last_heavy_days: Int
    last_plyometric_days: Int
    no_strength_days: Int
    rest_minutes: tuple[Int, ...]  # upper bounds, rising: one fewer than rest_days_after
    rest_days_after: tuple[Int, ...]
    easy_return_days: Int  # days back after the rest days: leg work at race-close effort, no top-up


class GoalRaceBefore(RuleParams):
    """A goal race before the main race: its race week, its recovery week, its easy days back."""

    prefix = "goal_race_"
    min_weeks_before: Int  # weeks from its week to the main race's: closer, the main race's taper covers it
    recovery_weeks: Int
    easy_return_days: Int  # days back after its recovery days: leg work at race-close effort, no top-up


class InSeason(RuleParams):
    """A racing season of dated tune-ups: what makes one, and the sessions its weeks hold."""

    prefix = "in_season_"
    min_races: Int  # tune-ups in a row, each at most max_gap_days after the one before
    max_gap_days: Int
    sessions: Int  # a season week without a race
    race_week_sessions: Int  # a season week with a race in it
