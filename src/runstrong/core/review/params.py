"""The review's numbers, each owned by a rule of the registry (never a bare literal in code)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..rules import Registry


@dataclass(frozen=True)
class ReviewParams:
    """The review's numbers, each owned by a rule of the registry."""

    typical_run_rpe: dict[str, float]
    monotony_flag: float
    baseline_days: int
    min_baseline_days: int
    min_week_days: int
    drop_sd: float
    min_drop_points: float
    spike_window_days: int
    spike_pct: float
    spike_min_history_days: int
    after_spike_cap_pct: float
    after_spike_appetite_at_or_below: float
    after_spike_mood_at_or_below: float
    after_spike_run_share_pct: float
    chronic_weeks: int
    progress_min_done_pct: float
    progress_min_form: float
    rpe_over_target: float
    near_failure_rir: float  # a set at or under this RIR is past every dose the plan sets (review-hold)
    near_failure_share_pct: float
    hard_weeks_to_reduce: int  # weeks running above the effort target that, with a sign, cut (overreaching-signs)
    form_hold_below: float
    form_drop: float
    broken_form: int
    broken_share_pct: float
    clean_weeks: int  # weeks of clean form on a stand-in that bring the lift back (review-regress)
    clean_form: int
    reduce_pct: int
    sore_days: int
    sore_at_or_below: int
    tight_at_or_above: int
    leg_feel_at_or_below: int
    flags_for_deload: int
    consistent_pct: float
    missed_weeks_to_repeat: int
    see_clinician_reports: int
    sleep_hours_min: float
    teen_sleep_min: float
    teen_below_age: int
    appetite_at_or_below: int
    hold_sleep_below: float
    hold_appetite_at_or_below: float
    hold_min_days: int
    pain_cut_pct: int
    cut_tolerance_pct: int
    mobility_minutes: int
    srpe_rise_points: float
    srpe_baseline_days: int
    readable_rir: float
    unloaded_rpe: float  # unloaded work's target (effort-read-near-failure)
    e1rm_formula: str
    e1rm_max_reps: int


def review_params(registry: Registry) -> ReviewParams:
    """The review's numbers, read from the registry it is handed."""

    def p(rule: str, name: str) -> Any:
        return registry.param(rule, name)

    return ReviewParams(
        typical_run_rpe=dict(p("session-rpe-load", "typical_run_rpe")),
        monotony_flag=p("monotony-strain", "monotony_flag"),
        baseline_days=p("wellness-baseline", "baseline_days"),
        min_baseline_days=p("wellness-baseline", "min_baseline_days"),
        min_week_days=p("wellness-baseline", "min_week_days"),
        drop_sd=p("wellness-baseline", "drop_sd"),
        min_drop_points=p("wellness-baseline", "min_drop_points"),
        spike_window_days=p("running-load-spike", "window_days"),
        spike_pct=p("running-load-spike", "spike_pct"),
        spike_min_history_days=p("running-load-spike", "min_history_days"),
        after_spike_cap_pct=p("running-after-spike", "long_run_cap_pct"),
        after_spike_appetite_at_or_below=p("running-after-spike", "appetite_at_or_below"),
        after_spike_mood_at_or_below=p("running-after-spike", "mood_at_or_below"),
        after_spike_run_share_pct=p("running-after-spike", "run_share_pct"),
        chronic_weeks=p("acwr-context", "chronic_weeks"),
        progress_min_done_pct=p("review-progress", "min_done_pct"),
        progress_min_form=p("review-progress", "min_form"),
        rpe_over_target=p("review-hold", "rpe_over_target"),
        near_failure_rir=p("review-hold", "near_failure_rir"),
        near_failure_share_pct=p("review-hold", "near_failure_share_pct"),
        hard_weeks_to_reduce=p("overreaching-signs", "hard_weeks"),
        form_hold_below=p("review-hold", "form_hold_below"),
        form_drop=p("review-hold", "form_drop"),
        broken_form=p("review-regress", "broken_form"),
        broken_share_pct=p("review-regress", "broken_share_pct"),
        clean_weeks=p("review-regress", "clean_weeks"),
        clean_form=p("review-regress", "clean_form"),
        reduce_pct=p("review-reduce", "volume_cut_pct"),
        sore_days=p("review-reduce", "sore_days"),
        sore_at_or_below=p("review-reduce", "sore_at_or_below"),
        tight_at_or_above=p("review-reduce", "tight_at_or_above"),
        leg_feel_at_or_below=p("review-reduce", "leg_feel_at_or_below"),
        flags_for_deload=p("review-deload", "flags_for_deload"),
        consistent_pct=p("review-missed-sessions", "consistent_pct"),
        missed_weeks_to_repeat=p("review-missed-sessions", "missed_weeks_to_repeat"),
        see_clinician_reports=p("review-pain", "see_clinician_reports"),
        sleep_hours_min=p("protein-and-sleep", "sleep_hours")[0],
        teen_sleep_min=p("protein-and-sleep", "teen_sleep_hours")[0],
        teen_below_age=p("protein-and-sleep", "teen_below_age"),
        appetite_at_or_below=p("review-sleep-appetite", "appetite_at_or_below"),
        hold_sleep_below=p("review-sleep-appetite-hold", "sleep_hours_below"),
        hold_appetite_at_or_below=p("review-sleep-appetite-hold", "appetite_at_or_below"),
        hold_min_days=p("review-sleep-appetite-hold", "min_days"),
        pain_cut_pct=p("review-pain-cut", "volume_cut_pct"),
        cut_tolerance_pct=p("review-cut-size", "tolerance_pct"),
        mobility_minutes=p("rest-day-options", "mobility_minutes"),
        srpe_rise_points=p("session-effort-trend", "rise_points"),
        srpe_baseline_days=p("session-effort-trend", "baseline_days"),
        readable_rir=p("effort-read-near-failure", "readable_rir_at_or_below"),
        unloaded_rpe=p("effort-read-near-failure", "unloaded_rpe"),
        e1rm_formula=p("e1rm-formula", "formula"),
        e1rm_max_reps=p("e1rm-formula", "max_reps"),
    )
