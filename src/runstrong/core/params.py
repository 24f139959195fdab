"""The planner's numbers, read once from the rule registry.

Code never writes a methodology number as a literal: it asks this object, which names
the rule that owns the number. Reading everything once also keeps planning fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .model import Level, RaceDistance
from .rules import Registry, load_registry


@dataclass(frozen=True, eq=False)  # hashed by identity: one per registry
class Params:
    registry_version: str
    # phases and frequency
    default_plan_weeks: int
    effect_weeks: tuple[int, int]
    economy_gain_pct: tuple[int, int]
    foundation_sessions: int
    foundation_rir: int
    third_session_weeks: dict[Level, int]
    min_foundation_weeks: int
    third_session_min_weeks: int
    race_specific_weeks: int
    min_build_weeks: int
    durability_distances: frozenset[RaceDistance]
    explosive_distances: frozenset[RaceDistance]
    durability_capacity_reps: tuple[int, int]
    durability_contacts_factor: float
    explosive_contacts_factor: float
    # deloads and taper
    deload_loading_weeks: int
    deload_min_loading_weeks: int
    deload_max_loading_weeks: int
    deload_volume_cut_pct: int
    deload_rir_increase: int
    taper_weeks: int
    taper_volume_cut_pct: tuple[int, int]
    last_heavy_days: int
    last_plyometric_days: int
    no_strength_days: int
    race_week_sessions: int
    maintenance_sessions: int
    recovery_days: dict[RaceDistance, int]
    post_race_weeks: int
    reassess_every: tuple[int, int]
    # placement
    min_days_between: int
    double_day_gap_hours: int
    plyo_min_hours: int
    penalty_easy_day: int
    penalty_no_run_day: int
    penalty_long_run_day: int
    penalty_long_run_day_core: int
    penalty_speed_day: int
    penalty_speed_day_core: int
    penalty_day_before_key: int
    penalty_day_before_key_core: int
    penalty_day_after_long: int
    penalty_heavy_long_run_day: int
    heavy_downgrade_penalty: int
    plyo_swap_penalty: int
    dropped_session_penalty: int
    spread_weight: int
    moved_session_penalty: int
    # sessions
    focus_order: tuple[str, ...]
    primaries_per_category: int
    secondary_primaries: int
    accessories_per_session: int
    foundation_patterns: frozenset[str]
    carry_rpe: int
    high_skill_min_level: Level
    landing_weeks: int
    warm_up_items: int
    warm_up_short_items: int
    warm_up_short_cap: int
    warm_up_regions: tuple[str, ...]
    warm_up_always: tuple[str, ...]
    finisher_items: int
    finisher_regions: tuple[str, ...]
    max_session_minutes: int
    transition_seconds: int
    warm_up_transition_seconds: int
    default_rep_seconds: int
    contact_seconds: float
    carry_metres_per_second: float
    # dosing
    foundation_sets: int
    foundation_reps: tuple[int, int]
    foundation_rest: int
    strength_sets: int
    strength_reps: tuple[int, int]
    strength_rir: int
    strength_rest: int
    heavy_min_level: Level
    heavy_sets: dict[Level, int]
    heavy_reps: tuple[int, int]
    heavy_rpe: int
    heavy_rest: int
    heavy_min_rpe: int
    heavy_equipment: frozenset[str]
    ramp_up_cue: str
    deload_load_pct: int
    maintenance_sets: int
    light_set_cut: int
    light_rir_increase: int
    protein_per_meal_g: tuple[int, int]
    meals_per_day: tuple[int, int]
    penalty_heavy_after_speed: int
    hold_sets: int
    hold_start: dict[Level, int]
    hold_max: dict[Level, int]
    hold_step: int
    hold_rest: int
    plyo_max_contacts: dict[Level, int]
    plyo_sets: int
    plyo_start_contacts: int
    plyo_contacts_step: int
    plyo_rest: int
    accessory_sets: int
    accessory_reps: tuple[int, int]
    accessory_rest: int
    rep_step: int
    max_rep_step: int
    load_step_pct: float
    max_load_step_pct: float
    load_rounding_kg: float
    max_contacts_step: int
    max_hold_step: int
    max_set_step: int
    # the baseline screen
    plank_mean: float
    plank_sd: float
    plank_deficit_z: float
    short_hold_fraction: float
    min_hold_seconds: int
    short_hold_extra_sets: int
    side_plank_ratio: tuple[float, float]
    side_to_extensor_max: float
    balance_open_norms: dict[str, float]
    balance_deficit_fraction: float
    balance_hop_fraction: float
    heel_raise_norms: dict[str, dict[str, float]]
    heel_raise_margin: float
    heel_raise_lsi: float
    hop_lsi: float
    weak_side_extra_sets: int
    # cues and guidance
    landing_cue: str
    tempo_cue: str
    breathing_cue: str
    gait_cue: str
    protein_g_per_kg: tuple[float, float]
    protein_per_meal: float
    sleep_hours: tuple[int, int]
    cross_train_minutes: tuple[int, int]
    mobility_minutes: int


def _levels(d: dict) -> dict[Level, int]:
    return {Level(k): int(v) for k, v in d.items()}


def params_from_registry(r: Registry) -> Params:
    p = r.param
    return Params(
        registry_version=r.version,
        default_plan_weeks=p("evidence-expectations", "default_plan_weeks"),
        effect_weeks=tuple(p("evidence-expectations", "effect_weeks")),
        economy_gain_pct=tuple(p("evidence-expectations", "economy_gain_pct")),
        foundation_sessions=p("foundation-two-sessions", "sessions"),
        foundation_rir=p("foundation-two-sessions", "rir"),
        third_session_weeks=_levels(p("third-session-after-consistency", "weeks_by_level")),
        third_session_min_weeks=p("third-session-after-consistency", "min_weeks"),
        min_foundation_weeks=p("third-session-after-consistency", "min_foundation_weeks"),
        race_specific_weeks=p("race-specific-block", "weeks"),
        min_build_weeks=p("race-specific-block", "min_build_weeks"),
        durability_distances=frozenset(RaceDistance(d) for d in p("marathon-durability", "distances")),
        explosive_distances=frozenset(RaceDistance(d) for d in p("short-race-explosive", "distances")),
        durability_capacity_reps=tuple(p("marathon-durability", "capacity_reps")),
        durability_contacts_factor=p("marathon-durability", "plyo_contacts_factor"),
        explosive_contacts_factor=p("short-race-explosive", "plyo_contacts_factor"),
        deload_loading_weeks=p("planned-deloads", "loading_weeks"),
        deload_min_loading_weeks=p("planned-deloads", "min_loading_weeks"),
        deload_max_loading_weeks=p("planned-deloads", "max_loading_weeks"),
        deload_volume_cut_pct=p("planned-deloads", "volume_cut_pct"),
        deload_rir_increase=p("planned-deloads", "rir_increase"),
        taper_weeks=p("taper", "weeks"),
        taper_volume_cut_pct=tuple(p("taper", "volume_cut_pct")),
        last_heavy_days=p("taper", "last_heavy_days"),
        last_plyometric_days=p("taper", "last_plyometric_days"),
        no_strength_days=p("taper", "no_strength_days"),
        race_week_sessions=p("taper", "race_week_sessions"),
        maintenance_sessions=p("maintenance-after-race", "sessions"),
        recovery_days={RaceDistance(k): v for k, v in p("maintenance-after-race", "recovery_days").items()},
        post_race_weeks=p("maintenance-after-race", "post_race_weeks"),
        reassess_every=tuple(p("scheduled-reassessment", "every_weeks")),
        min_days_between=p("no-consecutive-strength-days", "min_days_between"),
        double_day_gap_hours=p("no-heavy-near-speed", "double_day_gap_hours"),
        plyo_min_hours=p("plyometric-spacing", "min_hours"),
        penalty_easy_day=p("pair-with-easy-day", "easy_day"),
        penalty_no_run_day=p("pair-with-easy-day", "no_run_day"),
        penalty_long_run_day=p("pair-with-easy-day", "long_run_day"),
        penalty_long_run_day_core=p("pair-with-easy-day", "long_run_day_core_focus"),
        penalty_speed_day=p("pair-with-easy-day", "speed_day"),
        penalty_speed_day_core=p("pair-with-easy-day", "speed_day_core_focus"),
        penalty_day_before_key=p("pair-with-easy-day", "day_before_key_run"),
        penalty_day_before_key_core=p("pair-with-easy-day", "day_before_key_run_core_focus"),
        penalty_day_after_long=p("pair-with-easy-day", "day_after_long_run"),
        penalty_heavy_long_run_day=p("pair-with-easy-day", "heavy_on_long_run_day"),
        heavy_downgrade_penalty=p("pair-with-easy-day", "heavy_downgrade"),
        plyo_swap_penalty=p("pair-with-easy-day", "plyometric_swap"),
        dropped_session_penalty=p("pair-with-easy-day", "dropped_session"),
        spread_weight=p("spread-through-week", "weight"),
        moved_session_penalty=p("consistent-rhythm", "moved_session_penalty"),
        focus_order=tuple(p("session-focus", "focus_order")),
        primaries_per_category=p("two-primaries-one-accessory", "primaries_per_category"),
        secondary_primaries=p("two-primaries-one-accessory", "secondary_primaries_per_category"),
        accessories_per_session=p("two-primaries-one-accessory", "accessories_per_session"),
        foundation_patterns=frozenset(p("foundation-posterior-emphasis", "patterns")),
        carry_rpe=p("foundation-posterior-emphasis", "carry_rpe"),
        high_skill_min_level=Level(p("mechanics-over-complexity", "high_skill_min_level")),
        landing_weeks=p("landings-before-plyometrics", "landing_weeks"),
        warm_up_items=p("warm-up-hips-thoracic", "items"),
        warm_up_short_items=p("warm-up-hips-thoracic", "short_cap_items"),
        warm_up_short_cap=p("warm-up-hips-thoracic", "short_cap_minutes"),
        warm_up_regions=tuple(p("warm-up-hips-thoracic", "regions")),
        warm_up_always=tuple(p("warm-up-hips-thoracic", "always")),
        finisher_items=p("mobility-finisher", "items"),
        finisher_regions=tuple(p("mobility-finisher", "regions")),
        max_session_minutes=p("session-time-cap", "max_minutes"),
        transition_seconds=p("session-time-cap", "transition_seconds"),
        warm_up_transition_seconds=p("session-time-cap", "warm_up_transition_seconds"),
        default_rep_seconds=p("session-time-cap", "default_rep_seconds"),
        contact_seconds=p("session-time-cap", "contact_seconds"),
        carry_metres_per_second=p("session-time-cap", "carry_metres_per_second"),
        foundation_sets=p("dose-foundation", "sets"),
        foundation_reps=tuple(p("dose-foundation", "reps")),
        foundation_rest=p("dose-foundation", "rest_seconds"),
        strength_sets=p("dose-strength", "sets"),
        strength_reps=tuple(p("dose-strength", "reps")),
        strength_rir=p("dose-strength", "rir"),
        strength_rest=p("dose-strength", "rest_seconds"),
        heavy_min_level=Level(p("dose-heavy", "min_level")),
        heavy_sets=_levels(p("dose-heavy", "sets")),
        heavy_reps=tuple(p("dose-heavy", "reps")),
        heavy_rpe=p("dose-heavy", "rpe"),
        heavy_rest=p("dose-heavy", "rest_seconds"),
        heavy_min_rpe=p("dose-heavy", "heavy_min_rpe"),
        heavy_equipment=frozenset(p("dose-heavy", "heavy_equipment")),
        ramp_up_cue=p("dose-heavy", "ramp_up_cue"),
        deload_load_pct=p("planned-deloads", "load_pct"),
        maintenance_sets=p("maintenance-after-race", "sets"),
        light_set_cut=p("light-before-key-runs", "set_cut"),
        light_rir_increase=p("light-before-key-runs", "rir_increase"),
        protein_per_meal_g=tuple(p("protein-and-sleep", "protein_g_per_meal")),
        meals_per_day=tuple(p("protein-and-sleep", "meals_per_day")),
        penalty_heavy_after_speed=p("pair-with-easy-day", "heavy_after_speed_run"),
        hold_sets=p("dose-holds", "sets"),
        hold_start=_levels(p("dose-holds", "start_seconds")),
        hold_max=_levels(p("brief-core-holds", "max_hold_seconds")),
        hold_step=p("brief-core-holds", "hold_step_seconds"),
        hold_rest=p("dose-holds", "rest_seconds"),
        plyo_max_contacts=_levels(p("dose-plyometric", "max_contacts_per_session")),
        plyo_sets=p("dose-plyometric", "sets"),
        plyo_start_contacts=p("dose-plyometric", "start_contacts"),
        plyo_contacts_step=p("dose-plyometric", "contacts_step"),
        plyo_rest=p("dose-plyometric", "rest_seconds"),
        accessory_sets=p("dose-accessory", "sets"),
        accessory_reps=tuple(p("dose-accessory", "reps")),
        accessory_rest=p("dose-accessory", "rest_seconds"),
        rep_step=p("linear-progression", "rep_step"),
        max_rep_step=p("linear-progression", "max_rep_step"),
        load_step_pct=p("linear-progression", "load_step_pct"),
        max_load_step_pct=p("linear-progression", "max_load_step_pct"),
        load_rounding_kg=p("linear-progression", "load_rounding_kg"),
        max_contacts_step=p("linear-progression", "max_contacts_step"),
        max_hold_step=p("linear-progression", "max_hold_step_seconds"),
        max_set_step=p("linear-progression", "max_set_step"),
        plank_mean=p("screen-plank", "mean_seconds"),
        plank_sd=p("screen-plank", "sd_seconds"),
        plank_deficit_z=p("screen-plank", "deficit_z"),
        short_hold_fraction=p("screen-plank", "short_hold_fraction"),
        min_hold_seconds=p("screen-plank", "min_hold_seconds"),
        short_hold_extra_sets=p("screen-plank", "extra_sets"),
        side_plank_ratio=tuple(p("screen-side-plank", "left_right_ratio")),
        side_to_extensor_max=p("screen-side-plank", "side_to_extensor_max"),
        balance_open_norms=dict(p("screen-balance", "open_norms_seconds")),
        balance_deficit_fraction=p("screen-balance", "deficit_fraction"),
        balance_hop_fraction=p("screen-balance", "hops_fraction"),
        heel_raise_norms={
            "male": dict(p("screen-heel-raise", "norms_male")),
            "female": dict(p("screen-heel-raise", "norms_female")),
        },
        heel_raise_margin=p("screen-heel-raise", "margin_reps"),
        heel_raise_lsi=p("screen-heel-raise", "symmetry_pct"),
        hop_lsi=p("screen-hop", "symmetry_pct"),
        weak_side_extra_sets=p("weak-side-extra-set", "extra_sets"),
        landing_cue=p("landings-before-plyometrics", "cue"),
        tempo_cue=p("tempo-prescribed", "cue"),
        breathing_cue=p("breathing-in-holds", "cue"),
        gait_cue=p("gait-matched-cues", "cue"),
        protein_g_per_kg=tuple(p("protein-and-sleep", "protein_g_per_kg")),
        protein_per_meal=p("protein-and-sleep", "protein_g_per_kg_per_meal"),
        sleep_hours=tuple(p("protein-and-sleep", "sleep_hours")),
        cross_train_minutes=tuple(p("rest-day-options", "cross_train_minutes")),
        mobility_minutes=p("rest-day-options", "mobility_minutes"),
    )


@cache
def load_params() -> Params:
    return params_from_registry(load_registry())
