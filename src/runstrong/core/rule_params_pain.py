"""Typed params of the pain-monitoring rule (graded return of painful areas)."""

from __future__ import annotations

from .rule_params import Int, Pct, RuleParams, Text


class PainGradedReturn(RuleParams):
    """The rung (1-based) a ladder starts on for a profile's pain score within the acceptable zone."""

    prefix = "graded_return_"
    start_rung_in_zone: Int


class PainMonitoring(RuleParams):
    """Scores on the 0-10 pain scale; weeks for the rising trend."""

    prefix = "pain_monitor_"
    acceptable_during: Int
    settled_morning: Int
    severe_at: Int
    rising_weeks: Int
    calm_weeks_per_rung: Int  # calm weeks on a rung before its ladder climbs


class RaceCloseNoNewWork(RuleParams):
    """The phases a review brings nothing new into (the race-close days come from the taper's rules)."""

    prefix = "race_close_new_work_"
    phases: frozenset[Text]


class RungStartLoad(RuleParams):
    """A rung's loaded lift's start: a share of the body-mass estimate, or of what the runner's
    own lift of its movement family converts to."""

    prefix = "rung_start_"
    pct: Pct
    family_pct: Pct


class SlowHeavyRung(RuleParams):
    """A slow heavy rung's dose: its tempo, its rep range and the reps it keeps in reserve."""

    prefix = "slow_heavy_"
    tempo: Text
    min_reps: Int
    max_reps: Int
    rir: Int


class PainLadderHandover(RuleParams):
    """Calm weeks on the top rung before the ladder ends; the returning lifts' start share."""

    prefix = "handover_"
    calm_weeks: Int
    load_pct: Pct
