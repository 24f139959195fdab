"""The planner's numbers as one flat, typed, read-only value, derived from the rule registry.

Code never writes a methodology number as a literal: it reads `p.deload_volume_cut_pct`,
and the registry's typed models (`rule_params`) say which rule owns that number. Nothing
here is mapped by hand: the fields of `Params` are the fields of those models, under the
names the models give them.

`Params` compares and hashes by the content of the rulebook (its fingerprint), so caches
keyed on it hit for equal rulebooks and never grow with each load.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import rule_params as rp
from . import rule_params_assess as ra
from . import rule_params_health as rhealth
from . import rule_params_loads as rl
from . import rule_params_pain as rpain
from . import rule_params_race as rrace
from .model import Reason, why

if TYPE_CHECKING:
    from .rules import Registry

# Which model types each rule's params. A rule missing here may still carry params: they
# are then typed generically (numbers, text, lists and tables of those).
RULE_MODELS: dict[str, type[rp.RuleParams]] = {
    "session-focus": rp.SessionFocus,
    "two-primaries-one-accessory": rp.TwoPrimaries,
    "same-primaries-per-block": rp.SamePrimaries,
    "foundation-posterior-emphasis": rp.FoundationPosterior,
    "mechanics-over-complexity": rp.MechanicsOverComplexity,
    "landings-before-plyometrics": rp.LandingsFirst,
    "hops-two-legs-first": rp.TwoLegsFirst,
    "foundation-two-sessions": rp.FoundationTwoSessions,
    "third-session-after-consistency": rp.ThirdSession,
    "race-specific-block": rp.RaceSpecificBlock,
    "marathon-durability": rp.MarathonDurability,
    "short-race-explosive": rp.ShortRaceExplosive,
    "planned-deloads": rp.PlannedDeloads,
    "taper": rp.Taper,
    "maintenance-after-race": rp.MaintenanceAfterRace,
    "tune-up-race": rrace.TuneUpRace,
    "goal-race": rrace.GoalRaceBefore,
    "in-season": rrace.InSeason,
    "scheduled-reassessment": rp.ScheduledReassessment,
    "no-consecutive-strength-days": rp.NoConsecutiveDays,
    "no-heavy-near-speed": rp.NoHeavyNearSpeed,
    "light-before-key-runs": rp.LightBeforeKeyRuns,
    "plyometric-spacing": rp.PlyometricSpacing,
    "pair-with-easy-day": rp.PairWithEasyDay,
    "spread-through-week": rp.SpreadThroughWeek,
    "consistent-rhythm": rp.ConsistentRhythm,
    "warm-up-hips-thoracic": rp.WarmUp,
    "mobility-finisher": rp.MobilityFinisher,
    "session-time-cap": rp.SessionTimeCap,
    "ankle-foot-stiffness": rp.AnkleFootStiffness,
    "tempo-prescribed": rp.TempoPrescribed,
    "brief-core-holds": rp.BriefCoreHolds,
    "core-drills-by-control": rp.CoreDrillsByControl,
    "breathing-in-holds": rp.BreathingInHolds,
    "gait-matched-cues": rp.GaitMatchedCues,
    "dose-foundation": rp.DoseFoundation,
    "dose-strength": rp.DoseStrength,
    "dose-heavy": rp.DoseHeavy,
    "dose-holds": rp.DoseHolds,
    "dose-plyometric": rp.DosePlyometric,
    "dose-accessory": rp.DoseAccessory,
    "linear-progression": rp.LinearProgression,
    "progression-carries-over": rp.ProgressionCarriesOver,
    "eccentric-hamstring-cap": rp.EccentricHamstringCap,
    "soreness-counts-heavy": rp.SorenessCountsHeavy,
    "rest-day-options": rp.RestDayOptions,
    "protein-and-sleep": rp.ProteinAndSleep,
    "evidence-expectations": rp.EvidenceExpectations,
    "weak-side-extra-set": rp.WeakSideExtraSet,
    "screen-plank": ra.ScreenPlank,
    "screen-side-plank": ra.ScreenSidePlank,
    "rescreen-to-unlock": ra.RescreenToUnlock,
    "screen-balance": ra.ScreenBalance,
    "screen-heel-raise": ra.ScreenHeelRaise,
    "screen-hop": ra.ScreenHop,
    "session-rpe-load": ra.SessionRpeLoad,
    "monotony-strain": ra.MonotonyStrain,
    "wellness-baseline": ra.WellnessBaseline,
    "running-load-spike": ra.RunningLoadSpike,
    "running-after-spike": ra.RunningAfterSpike,
    "acwr-context": ra.AcwrContext,
    "review-progress": ra.ReviewProgress,
    "review-hold": ra.ReviewHold,
    "review-regress": ra.ReviewRegress,
    "review-reduce": ra.ReviewReduce,
    "review-deload": ra.ReviewDeload,
    "review-missed-sessions": ra.ReviewMissedSessions,
    "review-pain": ra.ReviewPain,
    "review-illness-signal": ra.ReviewIllnessSignal,
    "review-sleep-appetite": ra.ReviewSleepAppetite,
    "long-run": ra.LongRun,
    "pain-graded-return": rpain.PainGradedReturn,
    "pain-monitoring": rpain.PainMonitoring,
    "race-close-no-new-work": rpain.RaceCloseNoNewWork,
    "rung-start-load": rpain.RungStartLoad,
    "slow-heavy-rung": rpain.SlowHeavyRung,
    "pain-ladder-handover": rpain.PainLadderHandover,
    "postnatal-impact-return": rhealth.PostnatalImpactReturn,
    "pelvic-floor-symptoms": rhealth.PelvicFloorSymptoms,
    "bone-loading": rhealth.BoneLoading,
    "pregnancy-strength": rhealth.PregnancyStrength,
    "bone-stress-return": rhealth.BoneStressReturn,
    "body-mass-plausible": rhealth.BodyMassPlausible,
    "e1rm-formula": rl.E1rmFormula,
    "starting-load-estimate": rl.StartingLoadEstimate,
    "detraining-restart": rl.DetrainingRestart,
    "load-plausible": rl.LoadPlausible,
    "find-your-weight": rl.FindYourWeight,
    "cross-lift-start": rl.CrossLiftStart,
    "load-autoregulation": rl.LoadAutoregulation,
    "load-rounding": rl.LoadRounding,
    "kit-heaviest": rl.KitHeaviest,
    "kit-double-progression": rl.KitDoubleProgression,
    "kit-fits-the-lift": rl.KitFitsTheLift,
    "kit-outgrown": rl.KitOutgrown,
    "ramp-sets": rl.RampSets,
}


def _field_names() -> list[str]:
    """Every flat name the models give, checked once: two rules may not claim one name."""
    owner: dict[str, str] = {}
    for rule_id, model in RULE_MODELS.items():
        names = [model.names.get(k, model.prefix + k) for k in model.model_fields]
        if model is ra.ScreenHeelRaise:
            names.append("heel_raise_norms")
        for name in names:
            if owner.setdefault(name, rule_id) != rule_id:
                raise TypeError(f"Params.{name} is claimed by {owner[name]} and {rule_id}")
    return list(owner)


def _eq(self: Any, other: object) -> bool:
    return isinstance(other, Params) and self.fingerprint == other.fingerprint


def _hash(self: Any) -> int:
    return hash(self.fingerprint)


# Distinct sentences a rulebook's plans say; a plan repeats a few hundred of them thousands of times.
SENTENCES_KEPT = 4096


def _sentences() -> Callable[[str, str], Reason]:
    """`why`, remembering one Reason per sentence: the table a Params keeps as its `why`.

    Sentences are rendered from the rulebook's numbers, so the rulebook keeps them: shared
    objects compare by identity in the planner's memo keys and give the collector less to
    walk (a fresh Reason per sentence made cold planning 35% slower)."""
    return lru_cache(maxsize=SENTENCES_KEPT)(why)


def _numbers(self: Any) -> tuple:
    """What a Params pickles as: its numbers (a fresh sentence table is made on loading)."""
    return tuple(getattr(self, name) for name in _NAMES)


def _from_numbers(self: Any, numbers: tuple) -> None:
    for name, value in zip(_NAMES, numbers, strict=True):
        object.__setattr__(self, name, value)
    object.__setattr__(self, "why", _sentences())


_NAMES = ("registry_version", "fingerprint", *_field_names())


# Slotted and frozen: the planner reads these attributes in its inner loops. `why` is not a
# number of the rulebook: it is the params' own intern table of sentences (outside eq and
# hash), so planning code says `p.why(rule_id, text)`.
Params: Any = dataclasses.make_dataclass(
    "Params",
    [
        ("registry_version", str),
        ("fingerprint", str),
        *((name, Any) for name in _NAMES[2:]),
        ("why", Any, dataclasses.field(default_factory=_sentences, init=False, repr=False)),
    ],
    frozen=True,
    slots=True,
    eq=False,
    namespace={
        "__eq__": _eq,
        "__hash__": _hash,
        "__getstate__": _numbers,
        "__setstate__": _from_numbers,
        "__doc__": "The rulebook's numbers, flat and typed.",
    },
)
Params.__module__ = __name__


def fingerprint(raw: dict[str, dict]) -> str:
    """A short hash of the rulebook's numbers as written: equal rulebooks, equal fingerprints
    (in every process: nothing here depends on set order or hash seeds)."""
    return hashlib.sha256(json.dumps(raw, sort_keys=True).encode()).hexdigest()[:16]


def params_of(version: str, typed: dict[str, rp.RuleParams], raw: dict[str, dict]) -> Any:
    """The flat Params of a registry's typed rule models (every modelled rule present);
    `raw` is every rule's params as written, for the fingerprint."""
    values: dict[str, object] = {}
    for rule_id in RULE_MODELS:
        values.update(typed[rule_id].flat())
    return Params(registry_version=version, fingerprint=fingerprint(raw), **values)


def params_from_registry(r: Registry) -> Any:
    """Kept for `core/review.py`: use `registry.params` (or the planning context's `params`)."""
    return r.params
