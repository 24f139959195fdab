"""Declared types of the screen's and the weekly review's rule parameters (see `rule_params`).

The review rules keep their own names on `Params` (the rule id, then the field), since
`core/review_metrics.py` reads them from the registry by rule id.
"""

from __future__ import annotations

from .rule_params import Int, Num, NumRange, Pct, Positive, RuleParams, SignedNum, Text

AgeNorms = dict[str, Num]  # "0-39", "40-49", ..., "80+": a norm per age band


class ScreenPlank(RuleParams):
    prefix = "plank_"
    names = {
        "mean_seconds": "plank_mean",
        "sd_seconds": "plank_sd",
        "short_hold_fraction": "short_hold_fraction",
        "min_hold_seconds": "min_hold_seconds",
        "extra_sets": "short_hold_extra_sets",
    }
    mean_seconds: Num
    sd_seconds: Positive
    deficit_z: SignedNum
    short_hold_fraction: Num
    min_hold_seconds: Int
    extra_sets: Int
    hold_ceiling_pct: Pct
    ceiling_extra_sets: Int


class RescreenToUnlock(RuleParams):
    prefix = "rescreen_"
    rungs_above_screen: Int


class ScreenSidePlank(RuleParams):
    names = {"left_right_ratio": "side_plank_ratio"}
    left_right_ratio: NumRange
    side_to_extensor_max: Num


class ScreenBalance(RuleParams):
    prefix = "balance_"
    names = {"open_norms_seconds": "balance_open_norms", "hops_fraction": "balance_hop_fraction"}
    open_norms_seconds: AgeNorms
    deficit_fraction: Num
    hops_fraction: Num


class ScreenHeelRaise(RuleParams):
    prefix = "heel_raise_"
    names = {"margin_reps": "heel_raise_margin", "symmetry_pct": "heel_raise_lsi"}
    norms_male: AgeNorms
    norms_female: AgeNorms
    margin_reps: Num
    symmetry_pct: Num

    def flat(self) -> dict[str, object]:
        """Also the norms by sex, as the screen scoring looks them up."""
        return {**super().flat(), "heel_raise_norms": {"male": self.norms_male, "female": self.norms_female}}


class ScreenHop(RuleParams):
    names = {"symmetry_pct": "hop_lsi"}
    symmetry_pct: Num


class SessionRpeLoad(RuleParams):
    typical_run_rpe: dict[str, Num]


class MonotonyStrain(RuleParams):
    monotony_flag: Num


class WellnessBaseline(RuleParams):
    prefix = "wellness_"
    baseline_days: Int
    min_baseline_days: Int
    min_week_days: Int
    drop_sd: Num
    min_drop_points: Num


class RunningLoadSpike(RuleParams):
    prefix = "running_load_"
    window_days: Int
    spike_pct: Num
    min_history_days: Int


class RunningAfterSpike(RuleParams):
    prefix = "after_spike_"
    long_run_cap_pct: Num
    appetite_at_or_below: Num
    mood_at_or_below: Num
    run_share_pct: Num


class AcwrContext(RuleParams):
    prefix = "acwr_"
    chronic_weeks: Int


class ReviewProgress(RuleParams):
    prefix = "review_progress_"
    min_done_pct: Num
    min_form: Num


class ReviewHold(RuleParams):
    prefix = "review_hold_"
    rpe_over_target: Num
    form_hold_below: Num
    form_drop: Num
    near_failure_rir: Int
    near_failure_share_pct: Pct


class ReviewRegress(RuleParams):
    prefix = "review_regress_"
    broken_form: Int
    broken_share_pct: Num
    clean_weeks: Int
    clean_form: Int


class ReviewReduce(RuleParams):
    prefix = "review_reduce_"
    volume_cut_pct: Pct
    sore_days: Int
    sore_at_or_below: Num
    tight_at_or_above: Num
    leg_feel_at_or_below: Num


class ReviewDeload(RuleParams):
    prefix = "review_deload_"
    flags_for_deload: Int


class ReviewMissedSessions(RuleParams):
    prefix = "review_missed_"
    consistent_pct: Num
    missed_weeks_to_repeat: Int


class ReviewIllnessSignal(RuleParams):
    prefix = "review_illness_"
    energy_at_or_below: Int
    words: frozenset[Text]


class ReviewPain(RuleParams):
    prefix = "review_pain_"
    see_clinician_reports: Int


class ReviewSleepAppetite(RuleParams):
    prefix = "review_"
    appetite_at_or_below: Num


class LongRun(RuleParams):
    """When an unlabelled run counts as a long run (calendar and activity imports)."""

    names = {"min_minutes": "long_run_minutes"}
    min_minutes: Int
