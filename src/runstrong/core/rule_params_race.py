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
