"""Typed params of the health rules: a recent birth, pelvic floor symptoms, low bone density, pregnancy,
a bone stress injury."""

from __future__ import annotations

from .rule_params import Int, Positive, RuleParams, Text
from .vocab import Sex


class PostnatalImpactReturn(RuleParams):
    """Weeks after the birth before hops, then weeks of two-footed hops before higher impact."""

    prefix = "postnatal_"
    impact_weeks: Int
    gentle_weeks: Int


class PelvicFloorSymptoms(RuleParams):
    """The breathing cue heavy lifts carry while symptoms are reported."""

    prefix = "pelvic_floor_"
    cue: Text


class BoneLoading(RuleParams):
    """The plan's first weeks in which hops stay two-footed and below high impact, and the age from
    which a woman who reported nothing is told how to say she is in or past menopause."""

    prefix = "bone_"
    gentle_weeks: Int
    ask_from_age: Int


class PregnancyStrength(RuleParams):
    """The reps every set keeps in reserve in a pregnancy, and the week of pregnancy from which
    nothing is done lying on the back or front."""

    prefix = "pregnancy_"
    min_rir: Int
    lying_from_week: Int


class BoneStressReturn(RuleParams):
    """Weeks after the clinician's clearance before any hop, and the weeks of each stage of impact
    after it; longer at a high-risk site."""

    prefix = "bone_stress_"
    impact_weeks: Int
    stage_weeks: Int
    high_risk_impact_weeks: Int
    high_risk_stage_weeks: Int


class BodyMassPlausible(RuleParams):
    """The body masses asked about before they are kept: outside these, by sex (and under the
    adult age, the teen low bound), a number is more likely a slip of unit than the runner."""

    prefix = "body_mass_"
    adult_age: Int
    low_kg: dict[Sex, Positive]
    high_kg: dict[Sex, Positive]
    teen_low_kg: Positive
