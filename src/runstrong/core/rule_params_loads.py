"""Typed params of the load rules: e1RM formula, starting estimate, find-your-weight,
autoregulation and rounding (`core/loads.py` and `core/plan_loads.py` read them)."""

from __future__ import annotations

from typing import Literal

from .rule_params import ByLevel, Int, Pct, Positive, RuleParams
from .vocab import Item, Pattern, Sex


class E1rmFormula(RuleParams):
    prefix = "e1rm_"
    names = {"known_load_rir": "known_load_rir", "carry_pct": "carry_load_pct"}
    formula: Literal["epley", "brzycki"]
    max_reps: Int
    known_load_rir: Int
    carry_pct: Pct


class StartingLoadEstimate(RuleParams):
    prefix = "start_"
    e1rm_per_kg: dict[Pattern, Positive]
    handheld_pct: Pct
    level_pct: ByLevel
    sex_pct: dict[Sex, Pct]
    cautious_pct: Pct
    mass_cap_kg: Positive
    calibrate_min_pct: Pct
    calibrate_max_pct: Positive


class CrossLiftStart(RuleParams):
    prefix = "cross_lift_"
    relative_pct: dict[str, Positive]
    reference_pct: Positive
    stand_in_pct: Positive
    from_squat_pct: dict[str, Positive]  # movement pattern -> its e1RM as a share of a squat's (family start)


class FindYourWeight(RuleParams):
    prefix = "find_weight_"
    ramp_sets: Int


class RampSets(RuleParams):
    prefix = "ramp_"
    bar_reps: Int
    pcts: tuple[Pct, ...]
    reps: tuple[Int, ...]
    light_top_pct: Pct
    set_seconds: Int


class LoadAutoregulation(RuleParams):
    prefix = "autoreg_"
    max_drop_pct: Pct
    assumed_rir: Int
    implausible_load_pct: Positive  # a set logged above this share of the planned load is named as a likely slip
    implausible_reps_pct: Positive  # and above this share of the planned reps
    read_days: Int  # a lift's sets logged within this many days of its latest are read together


class LoadRounding(RuleParams):
    prefix = "rounding_"
    metric_kg: dict[Item, Positive]
    imperial_lb: dict[Item, Positive]
    bar_kg: dict[Item, Positive]
    bar_lb: dict[Item, Positive]


class KitHeaviest(RuleParams):
    prefix = "heaviest_"
    home_kg: dict[Item, Positive]  # the heaviest a home's kit makes (a backpack: what it holds)
    gym_kg: dict[Item, Positive]  # the heaviest a gym's makes


class KitDoubleProgression(RuleParams):
    prefix = "kit_"
    tempo_step_seconds: Int  # how much slower the lowering gets a loading week while the kit holds the load
    max_slower_seconds: Int  # the most slower than the lift's own tempo it gets


class KitOutgrown(RuleParams):
    prefix = "kit_outgrown_"
    max_reps: Int  # the most reps a full day at the kit's heaviest climbs to once its lowering is at its slowest


class KitFitsTheLift(RuleParams):
    prefix = "kit_fit_"
    min_pct: Pct
    reps: Int
    rir: Int


class DetrainingRestart(RuleParams):
    prefix = "detrain_"
    kept_weeks: Int  # a load this many weeks old or less is today's
    after_weeks: tuple[Int, ...]  # over each of these weeks since, the share below
    share_pct: tuple[Pct, ...]
    undated_share_pct: Pct  # an undated load given with no consistent strength weeks


class LoadPlausible(RuleParams):
    prefix = "plausible_load_"
    top_e1rm_per_kg: dict[Pattern, Positive]
    level_pct: ByLevel
    sex_pct: dict[Sex, Pct]
