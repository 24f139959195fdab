"""The declared type of every rule parameter: one small model per rule that has numbers.

`rules.toml` is validated against these at load, so `volume_cut_pct = "40"` is refused
with its path instead of crashing the planner later. Each model also names the flat
attribute its fields get on `Params` (a `prefix`, with `names` for the exceptions), so the
planner's one params object is derived from here and nothing is mapped by hand.

A rule that has no model here (a new one appended to the file) is still typed: its
params must be numbers, text, booleans, or lists and tables of those (`GenericParams`).
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    PlainValidator,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
)
from pydantic_core import PydanticCustomError

from .vocab import Level, RaceDistance


def _signed_number(value: object) -> int | float:
    """A TOML number as written (an int stays an int): never a string or a boolean."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PydanticCustomError("number", "expected a number")
    return value


def _number(value: object) -> int | float:
    value = _signed_number(value)
    if value < 0:
        raise PydanticCustomError("number", "expected a number of 0 or more")
    return value


def _whole(value: object) -> int:
    value = _number(value)
    if not isinstance(value, int):
        raise PydanticCustomError("number", "expected a whole number")
    return value


def _percent(value: int) -> int:
    if value > 100:
        raise PydanticCustomError("number", "expected a percentage, 0 to 100")
    return value


def _positive(value: float) -> float:
    if value <= 0:
        raise PydanticCustomError("number", "expected a number above 0")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PydanticCustomError("text", "expected some text")
    return value


Int = Annotated[int, PlainValidator(_whole)]
Pct = Annotated[int, PlainValidator(_whole), AfterValidator(_percent)]
Num = Annotated[float, PlainValidator(_number)]  # written as 5 it stays 5, as 2.5 it is 2.5
Positive = Annotated[float, PlainValidator(_number), AfterValidator(_positive)]
SignedNum = Annotated[float, PlainValidator(_signed_number)]
Text = Annotated[str, PlainValidator(_text)]
IntRange = tuple[Int, Int]
NumRange = tuple[Num, Num]
ByLevel = dict[Level, Int]
Scalar = StrictBool | StrictInt | StrictFloat | StrictStr
ParamValue = Scalar | list[Scalar] | dict[str, Scalar | list[Scalar]]


class RuleParams(BaseModel):
    """One rule's numbers. `prefix` + field name is the field's name on `Params`, unless
    `names` says otherwise."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    prefix: ClassVar[str] = ""
    names: ClassVar[dict[str, str]] = {}

    def flat(self) -> dict[str, object]:
        """This rule's fields under their `Params` names."""
        return {self.names.get(k, self.prefix + k): v for k, v in self}


class GenericParams(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")
    __pydantic_extra__: dict[str, ParamValue]  # type: ignore[assignment]


class SessionFocus(RuleParams):
    focus_order: tuple[Text, ...]


class SamePrimaries(RuleParams):
    prefix = "block_"
    max_weeks: Int


class TwoPrimaries(RuleParams):
    names = {"secondary_primaries_per_category": "secondary_primaries"}
    primaries_per_category: Int
    accessories_per_session: Int
    secondary_primaries_per_category: Int


class FoundationPosterior(RuleParams):
    names = {"patterns": "foundation_patterns"}
    patterns: frozenset[Text]
    carry_rpe: Int


class MechanicsOverComplexity(RuleParams):
    high_skill_min_level: Level


class LandingsFirst(RuleParams):
    names = {"cue": "landing_cue"}
    landing_weeks: Int
    cue: Text


class TwoLegsFirst(RuleParams):
    two_legged_hop_weeks: Int


class FoundationTwoSessions(RuleParams):
    prefix = "foundation_"
    sessions: Int
    rir: Int
    first_weeks: Int


class ThirdSession(RuleParams):
    prefix = "third_session_"
    names = {"weeks_by_level": "third_session_weeks", "min_foundation_weeks": "min_foundation_weeks"}
    min_weeks: Int
    max_weeks: Int
    weeks_by_level: ByLevel
    min_foundation_weeks: Int


class RaceSpecificBlock(RuleParams):
    prefix = "race_specific_"
    names = {"min_build_weeks": "min_build_weeks"}
    weeks: Int
    min_build_weeks: Int


class MarathonDurability(RuleParams):
    prefix = "durability_"
    names = {"plyo_contacts_factor": "durability_contacts_factor"}
    distances: frozenset[RaceDistance]
    capacity_reps: IntRange
    plyo_contacts_factor: Num


class ShortRaceExplosive(RuleParams):
    prefix = "explosive_"
    names = {"plyo_contacts_factor": "explosive_contacts_factor"}
    distances: frozenset[RaceDistance]
    plyo_contacts_factor: Num


class PlannedDeloads(RuleParams):
    prefix = "deload_"
    loading_weeks: Int
    min_loading_weeks: Int
    max_loading_weeks: Int
    volume_cut_pct: Pct
    load_pct: Pct
    min_load_pct: Pct
    min_volume_cut_pct: Pct
    max_volume_cut_pct: Pct
    rir_increase: Int


class Taper(RuleParams):
    names = {"weeks": "taper_weeks", "volume_cut_pct": "taper_volume_cut_pct"}
    weeks: Int
    volume_cut_pct: IntRange
    last_heavy_days: Int
    last_plyometric_days: Int
    no_strength_days: Int
    race_week_sessions: Int
    race_close_min_rir: Int
    race_close_max_pct_1rm: Pct


class MaintenanceAfterRace(RuleParams):
    prefix = "maintenance_"
    names = {"recovery_days": "recovery_days", "post_race_weeks": "post_race_weeks"}
    sessions: Int
    sets: Int
    recovery_days: dict[RaceDistance, Int]
    post_race_weeks: Int
    easy_return_days: Int
    min_built_weeks: Int  # weeks of strength work by the race that give it something to keep
    min_load_pct: Int  # a heavy lift after the easy days back keeps at least this share of the load built


class ScheduledReassessment(RuleParams):
    names = {"every_weeks": "reassess_every"}
    every_weeks: IntRange


class NoConsecutiveDays(RuleParams):
    min_days_between: Int


class NoHeavyNearSpeed(RuleParams):
    double_day_gap_hours: Int


class LightBeforeKeyRuns(RuleParams):
    prefix = "light_"
    set_cut: Int
    rir_increase: Int
    max_pct_1rm: Pct
    max_pct_of_best: Pct
    advice_above_pct: Pct


class PlyometricSpacing(RuleParams):
    prefix = "plyo_"
    min_hours: Int


class PairWithEasyDay(RuleParams):
    """Placement prices: what each kind of day costs a session."""

    prefix = "penalty_"
    names = {
        "long_run_day_core_focus": "penalty_long_run_day_core",
        "speed_day_core_focus": "penalty_speed_day_core",
        "day_before_key_run": "penalty_day_before_key",
        "day_before_key_run_core_focus": "penalty_day_before_key_core",
        "day_before_key_run_posterior_chain": "penalty_day_before_key_posterior",
        "posterior_chain_light_beside_a_full_leg_day": "penalty_lead_light_beside_full",
        "light_beside_a_free_full_day": "penalty_light_beside_free_full",
        "day_after_long_run": "penalty_day_after_long",
        "heavy_on_long_run_day": "penalty_heavy_long_run_day",
        "plyometric_on_long_run_day": "penalty_plyo_long_run_day",
        "heavy_after_speed_run": "penalty_heavy_after_speed",
        "heavy_downgrade": "heavy_downgrade_penalty",
        "heavy_downgrade_posterior_chain": "heavy_downgrade_posterior_penalty",
        "plyometric_swap": "plyo_swap_penalty",
        "dropped_session": "dropped_session_penalty",
        "morning_lift_before_hour": "morning_lift_before_hour",
    }
    easy_day: Int
    no_run_day: Int
    long_run_day: Int
    long_run_day_core_focus: Int
    speed_day: Int
    speed_day_core_focus: Int
    day_before_key_run: Int
    day_before_key_run_core_focus: Int
    day_before_key_run_posterior_chain: Int
    posterior_chain_light_beside_a_full_leg_day: Int
    light_beside_a_free_full_day: Int
    day_after_long_run: Int
    heavy_on_long_run_day: Int
    plyometric_on_long_run_day: Int
    leg_work_on_long_run_day: Int
    heavy_after_speed_run: Int
    heavy_downgrade: Int
    heavy_downgrade_posterior_chain: Int
    plyometric_swap: Int
    dropped_session: Int
    morning_lift_before_hour: Int


class SpreadThroughWeek(RuleParams):
    prefix = "spread_"
    weight: Int


class ConsistentRhythm(RuleParams):
    moved_session_penalty: Int
    unrepeatable_week_penalty: Int
    lookahead_weeks: Int


class WarmUp(RuleParams):
    prefix = "warm_up_"
    names = {"short_cap_items": "warm_up_short_items", "short_cap_minutes": "warm_up_short_cap"}
    regions: tuple[Text, ...]
    always: tuple[Text, ...]
    items: Int
    short_cap_items: Int
    short_cap_minutes: Int


class MobilityFinisher(RuleParams):
    prefix = "finisher_"
    regions: tuple[Text, ...]
    items: Int
    min_reps: Int
    min_seconds: Int


class AnkleFootStiffness(RuleParams):
    prefix = "calf_"
    reps: IntRange


class SessionTimeCap(RuleParams):
    names = {
        "max_minutes": "max_session_minutes",
        "max_sets": "fill_max_sets",
        "short_minutes": "short_session_minutes",
    }
    max_minutes: Int
    short_minutes: Int
    loading_share_pct: Pct
    max_sets: ByLevel
    transition_seconds: Int
    warm_up_transition_seconds: Int
    default_rep_seconds: Int
    contact_seconds: Num
    carry_metres_per_second: Num


class TempoPrescribed(RuleParams):
    names = {"cue": "tempo_cue"}
    cue: Text


class BriefCoreHolds(RuleParams):
    names = {"max_hold_seconds": "hold_max", "hold_step_seconds": "hold_step"}
    max_hold_seconds: ByLevel
    hold_step_seconds: Int


class BreathingInHolds(RuleParams):
    names = {"cue": "breathing_cue"}
    cue: Text


class GaitMatchedCues(RuleParams):
    names = {"cue": "gait_cue"}
    cue: Text


class CoreDrillsByControl(RuleParams):
    prefix = "core_drill_"
    min_rir: Int
    max_sets: Int


class DoseFoundation(RuleParams):
    prefix = "foundation_"
    names = {"rest_seconds": "foundation_rest", "rir": "foundation_dose_rir"}
    sets: Int
    reps: IntRange
    rir: Int
    rest_seconds: Int


class DoseStrength(RuleParams):
    prefix = "strength_"
    names = {"rest_seconds": "strength_rest"}
    sets: Int
    reps: IntRange
    rir: Int
    rest_seconds: Int


class DoseHeavy(RuleParams):
    prefix = "heavy_"
    names = {
        "rest_seconds": "heavy_rest",
        "heavy_min_rpe": "heavy_min_rpe",
        "heavy_set_max_rir": "heavy_set_max_rir",
        "heavy_set_min_pct_1rm": "heavy_set_min_pct_1rm",
        "heavy_set_min_rest": "heavy_set_min_rest",
        "heavy_equipment": "heavy_equipment",
        "ramp_up_cue": "ramp_up_cue",
        "novice_after_consistent_weeks": "novice_heavy_after_weeks",
    }
    min_level: Level
    heavy_equipment: frozenset[Text]
    ramp_up_cue: Text
    sets: ByLevel
    reps: IntRange
    rpe: Int
    rest_seconds: Int
    heavy_min_rpe: Int
    heavy_set_max_rir: Int
    heavy_set_min_pct_1rm: Pct
    heavy_set_min_rest: Int
    novice_after_consistent_weeks: Int


class DoseHolds(RuleParams):
    prefix = "hold_"
    names = {"start_seconds": "hold_start", "rest_seconds": "hold_rest"}
    sets: Int
    start_seconds: ByLevel
    rest_seconds: Int


class DosePlyometric(RuleParams):
    prefix = "plyo_"
    names = {"max_contacts_per_session": "plyo_max_contacts", "rest_seconds": "plyo_rest"}
    max_contacts_per_session: ByLevel
    sets: Int
    start_contacts: Int
    contacts_step: Int
    room_steps: Int
    rest_seconds: Int


class DoseAccessory(RuleParams):
    prefix = "accessory_"
    names = {"rest_seconds": "accessory_rest"}
    sets: Int
    reps: IntRange
    rest_seconds: Int


class LinearProgression(RuleParams):
    names = {"max_hold_step_seconds": "max_hold_step"}
    rep_step: Int
    max_rep_step: Int
    load_step_pct: Num
    max_load_step_pct: Num
    max_kit_steps: Int
    load_rounding_kg: Positive
    max_contacts_step: Int
    max_hold_step_seconds: Int
    max_set_step: Int


class ProgressionCarriesOver(RuleParams):
    e1rm_divisor: Positive
    max_implied_load_step_pct: Num


class EccentricHamstringCap(RuleParams):
    prefix = "eccentric_"
    names = {"max_weekly_reps": "eccentric_max_weekly_reps"}
    exercises: frozenset[Text]
    max_weekly_reps: Int
    rest_seconds: Int


class SorenessCountsHeavy(RuleParams):
    prefix = "soreness_"
    exercises: frozenset[Text]
    hours: IntRange
    clear_days: Int


class RestDayOptions(RuleParams):
    cross_train_minutes: IntRange
    mobility_minutes: Int


class ProteinAndSleep(RuleParams):
    names = {"protein_g_per_meal": "protein_per_meal_g", "protein_g_per_kg_per_meal": "protein_per_meal"}
    protein_g_per_kg: NumRange
    protein_g_per_kg_per_meal: Num
    protein_g_per_meal: IntRange
    meals_per_day: IntRange
    sleep_hours: IntRange
    teen_sleep_hours: IntRange
    teen_below_age: Int


class EvidenceExpectations(RuleParams):
    effect_weeks: IntRange
    economy_gain_pct: IntRange
    min_effect_weeks: Int
    default_plan_weeks: Int


class WeakSideExtraSet(RuleParams):
    names = {"extra_sets": "weak_side_extra_sets"}
    extra_sets: Int
