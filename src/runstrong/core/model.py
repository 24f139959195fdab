"""The domain model: what a runner is, what an exercise is, and what a plan holds.

Everything here is a frozen value. The planner builds plans from these values and
nothing mutates them afterwards, so a plan can be rendered, exported or compared
without defensive copies.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, field_validator, model_validator

from . import load_values as lv
from . import names
from .adjust_merge import merge_adjustments, merged_by_week
from .base import Frozen, RunMinutes
from .load_values import OWNED_WORDS, OwnedWeights, RecentSet, bar_weights_fit, bars_only, load_kit
from .pace import KM_PER_MILE, easy_pace_text, pace_min_per_km  # noqa: F401 - re-exported
from .profile_checks import body_mass_in_kg, check_across_fields, known_loads_in_kg
from .screen import Screen
from .vocab import (  # noqa: F401 - re-exported: the model speaks this vocabulary
    EARLIEST_DATE,
    EQUIPMENT_SETS,
    FURNITURE,
    HOME_FURNITURE,
    KEY_RUN_TYPES,
    LATEST_DATE,
    SPEED_RUN_TYPES,
    TRAINING_CATEGORIES,
    BoneSite,
    Category,
    EquipmentSet,
    Health,
    Impact,
    Intent,
    Item,
    Level,
    PainArea,
    Pattern,
    RaceDistance,
    Region,
    RunType,
    Sex,
    Units,
    Weekday,
    in_date_range,
)

PLAN_SCHEMA_VERSION = 1

Day = Annotated[dt.date, AfterValidator(in_date_range)]


# ------------------------------------------------------------------------- exercise


class Dose(Frozen):
    """A default dose: exactly one of reps, seconds, contacts or distance."""

    sets: Annotated[int, Field(ge=1, le=6)]
    reps: Annotated[int | None, Field(ge=1, le=30)] = None
    seconds: Annotated[int | None, Field(ge=5, le=180)] = None
    contacts: Annotated[int | None, Field(ge=5, le=60)] = None
    distance_m: Annotated[int | None, Field(ge=5, le=100)] = None
    per_side: bool = False

    @model_validator(mode="after")
    def _one_measure(self) -> Dose:
        given = [m for m in ("reps", "seconds", "contacts", "distance_m") if getattr(self, m)]
        if len(given) != 1:
            raise ValueError("give exactly one of reps, seconds, contacts or distance_m")
        return self

    @cached_property
    def measure(self) -> str:
        for m in ("reps", "seconds", "contacts", "distance_m"):
            if getattr(self, m):
                return m
        raise AssertionError("unreachable")


class Exercise(Frozen):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$")]
    name: str
    category: Category
    pattern: Pattern
    unilateral: bool
    equipment: list[Item] = []
    furniture: list[Item] = Field(
        default_factory=list, description="What it rests on: any one of these will do (step, bench, chair...)."
    )
    level: Level
    impact: Impact
    intent: Intent
    roles: list[Literal["primary", "accessory"]] = []
    regions: list[Region] = []
    high_skill: bool = False
    loadable: bool = False
    both_hands: bool = Field(False, description="One weight held in both hands or across the hips: a pair's work.")
    pair_load: bool = Field(False, description="Both dumbbells of a pair can load it at once, across the hips.")
    drill: bool = Field(
        False,
        description="A technique drill (no load, little strength stimulus): a main lift only while the runner "
        "learns the pattern (a screen that asks for it; a novice, until its reps top out), never a lifter's.",
    )
    climbed_to: bool = Field(
        False,
        description="A bodyweight rung's loaded form, reached by climbing from that rung once it tops out "
        "(ladder-climb), never a block's first choice for a runner who has not done the rung.",
    )
    dose: Dose
    tempo: Annotated[str | None, Field(pattern=r"^[0-9X]-[0-9X]-[0-9X]-[0-9X]$")] = None
    cues: Annotated[list[str], Field(min_length=1)]
    contraindications: list[PainArea] = []
    spine: list[Literal["flexion", "rotation"]] = Field(default_factory=list, description=(
        "How the spine bends or twists through the movement (a cat-cow flexes, an open book rotates); "
        "loaded, it is what low bone density avoids (bone-loading)."))  # fmt: skip
    lying: Literal["supine", "prone"] | None = Field(None, description="On the back or front (pregnancy-strength).")
    loads: list[PainArea] = Field(
        default_factory=list,
        description="Areas it loads without being ruled out: with pain there, a gentler option is preferred.",
    )
    regressions: list[str] = []
    progressions: list[str] = []
    fit_category: str | None = None
    fit_name: str | None = None
    description: Annotated[str, Field(min_length=40)]

    @model_validator(mode="after")
    def _fit_pair(self) -> Exercise:
        if (self.fit_category is None) != (self.fit_name is None):
            raise ValueError("fit_category and fit_name go together")
        return self

    @model_validator(mode="after")
    def _furniture_apart(self) -> Exercise:
        if moved := [i.value for i in self.equipment if i in FURNITURE]:
            raise ValueError(
                f"equipment: {', '.join(moved)} is furniture; list it under furniture, "
                "with every piece that would do (step, bench, chair, sofa, wall)"
            )
        if odd := [i.value for i in self.furniture if i not in FURNITURE]:
            raise ValueError(f"furniture: {', '.join(odd)} is equipment, not furniture; list it under equipment")
        return self

    def fits(self, equipment: frozenset[Item]) -> bool:
        """The runner has every item it needs and, when it rests on furniture, one piece that will do."""
        return all(item in equipment for item in self.equipment) and (
            not self.furniture or not equipment.isdisjoint(self.furniture)
        )


# -------------------------------------------------------------------------- profile


class Run(Frozen):
    """A run in the weekly template."""

    day: Weekday
    type: RunType
    minutes: RunMinutes = 45


class DatedRun(Frozen):
    """A run on a real date (from a running plan or calendar). A race here is a tune-up unless
    it is marked a goal race (`goal`, with its `distance`): then it gets a race week and a
    recovery week of its own (goal-race)."""

    date: Day
    type: RunType
    minutes: RunMinutes = 45
    goal: bool = Field(
        False,
        description="A race you are aiming at (true), not a tune-up: a race week before it and a recovery week "
        "after it (goal-race). Needs type race and its distance.",
    )
    distance: RaceDistance | None = Field(None, description="A goal race's distance (sets its recovery days).")
    name: Annotated[str | None, Field(max_length=80)] = None

    @model_validator(mode="after")
    def _goal_is_a_race(self) -> DatedRun:
        if self.goal and self.type != RunType.race:
            raise ValueError('goal: only a race can be a goal race; set type = "race" or remove goal')
        if self.goal and self.distance is None:
            raise ValueError("distance: a goal race needs its distance (5k, 10k, half, marathon, ultra); add distance")
        if self.distance is not None and self.type != RunType.race:
            raise ValueError('distance: only a race takes a distance; set type = "race" or remove distance')
        return self

    @property
    def day(self) -> Weekday:
        return Weekday.of(self.date)


class RunningWeek(Frozen):
    weekly: list[Run] = []
    dated: list[DatedRun] = Field(
        default_factory=list,
        description="Runs on real dates (a running plan or calendar). A week with any dated run takes all its "
        'runs from them: list every run of that week, a day off as type "rest".',
    )


class RaceGoal(Frozen):
    distance: RaceDistance
    date: Day
    name: str | None = None


class Reason(Frozen):
    """One sentence of explanation and the rule that it applies."""

    rule_id: str
    text: str


ExerciseId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=80)]


class ExerciseSwap(Frozen):
    """An exercise the runner (or a review) replaced from a date on. With no `to_id`
    the exercise is simply left out and the planner picks the next best (a regression)."""

    from_id: ExerciseId
    to_id: ExerciseId | None = None
    since: Day
    reason: Annotated[str | None, Field(max_length=300)] = None
    rule_id: str = "exercise-swap"
    review_of: Day | None = Field(None, description="Monday of the reviewed week, when a review made the swap.")
    chosen_by: Annotated[str | None, Field(max_length=80)] = None  # the coach who chose it (None: runner or review)


class Adjustment(Frozen):
    """What a weekly review changed for the week starting `week_start` (a Monday).

    The planner applies it when it builds that week; later weeks feel it too where it
    says so (a held progression shifts the rest of the block back; a week that was not
    consistent delays the third session)."""

    week_start: Day
    deload: bool = Field(False, description="Make this week a deload (the planned deload cycle restarts after it).")
    hold: list[Category] = Field(
        default_factory=list, description="No progression this week for these categories (the block shifts back)."
    )
    reduce: dict[Category, Annotated[int, Field(ge=0, le=60)]] = Field(
        default_factory=dict, description="Volume cut in % for these categories this week."
    )
    max_sessions: Annotated[int | None, Field(ge=0, le=3)] = Field(
        None, description="At most this many sessions this week (illness, travel)."
    )
    equipment: list[EquipmentSet | Item] | None = Field(
        None, description="The kit at hand this week when it differs (travel)."
    )
    consistent: bool = Field(
        True, description="False when this week's sessions were mostly missed: it does not count toward S15."
    )
    mobility: bool = Field(False, description="Add a mobility routine on free days this week.")
    reasons: list[Reason] = Field(default_factory=list)
    review_of: Day | None = Field(None, description="Monday of the reviewed week whose review made this change.")
    pain_added: list[PainArea] = Field(
        default_factory=list, description="Pain areas that review added to the profile (so a re-review can undo them)."
    )
    pain_rungs: dict[PainArea, Annotated[int, Field(ge=-1, le=9)]] = Field(
        default_factory=dict,
        description=(
            "Each painful area's rung on its graded-return ladder from this week on (0 = first; -1 = off it; "
            "past its top rung = through it: the ladder has ended, pain-ladder-handover)."
        ),
    )
    pain_calm: dict[PainArea, Annotated[int, Field(ge=0, le=52)]] = Field(default_factory=dict, description=(
        "Calm weeks each painful area did on its rung before this week (rule pain-monitoring)."))  # fmt: skip
    pain_sides: dict[PainArea, Literal["left", "right"]] = Field(default_factory=dict, description=(
        "An area painful on one side only: this week's single-leg work that loads it says to go easy."))  # fmt: skip

    @field_validator("week_start")
    @classmethod
    def _monday(cls, value: dt.date) -> dt.date:
        return value - dt.timedelta(days=value.weekday())


class AthleteProfile(Frozen):
    """What the planner needs to know about a runner."""

    name: Annotated[str, Field(min_length=1, max_length=80), AfterValidator(names.kept)]  # one form: NFC
    age: Annotated[int, Field(ge=14, le=100)]
    sex: Sex = Sex.unspecified
    body_mass_kg: Annotated[float, Field(gt=25, lt=250)]
    units: Units = Units.metric
    running_experience_years: Annotated[float, Field(ge=0, le=80)] = 1.0
    strength_experience: Level = Level.novice
    consistent_strength_weeks: Annotated[int, Field(ge=0, le=520)] = Field(0, description=(
        "Weeks of consistent strength training already behind the runner."))  # fmt: skip
    start_date: Day
    plan_weeks: Annotated[int | None, Field(ge=1, le=52)] = Field(
        None, description="Length of a plan with no race; ignored when a race is set."
    )
    running: RunningWeek = RunningWeek()
    race: RaceGoal | None = None
    available_days: Annotated[list[Weekday], Field(min_length=1)] = list(Weekday)
    preferred_time: dt.time | None = None
    easy_pace: Annotated[str | None, AfterValidator(easy_pace_text)] = Field(
        None,
        description='Your easy running pace, like "5:45/km" or "9:15/mi": calendar import turns a distance '
        '("Long run 30 km") into minutes with it.',
    )
    session_cap_minutes: Annotated[int, Field(ge=20, le=60)] = Field(
        45,
        description="Longest session you can fit, in minutes (20-60; the methodology caps sessions at an hour).",
    )
    equipment: Annotated[list[EquipmentSet | Item], Field(min_length=1)] = Field(
        default=[EquipmentSet.bodyweight],
        description="Kit sets, each including the one before: bodyweight (a home's furniture: see furniture), "
        "bands (+ long and mini bands), dumbbells (a kettlebell is a single item), gym (everything); or single items.",
    )
    furniture: list[Item] | None = Field(
        None,
        description="The furniture you can train on at home: step (a stair), bench, chair, sofa (or a bed edge), "
        "wall. Not given: a stair, a chair, a sofa or bed and a wall, as the kit sets assume.",
    )
    pain_areas: list[PainArea] = []
    pain_scores: dict[PainArea, Annotated[int, Field(ge=0, le=10)]] = Field(default_factory=dict, description=(
        "How much a painful area hurts now, 0-10, e.g. foot = 2: within the acceptable zone its return ladder "
        "starts on slow heavy work, above it (or none given) on isometric holds; weekly reviews move it."))  # fmt: skip
    pain_sides: dict[PainArea, Literal["left", "right"]] = Field(default_factory=dict, description=(
        'A painful area that hurts on one side only, e.g. achilles = "left": its single-leg work says to go easy '
        "on that side and adds no weaker-side extra set there."))  # fmt: skip
    health: list[Health] = Field(default_factory=list, description=(
        "Conditions that change strength and impact work: postnatal (give postnatal_since), pelvic_floor, low_bone_"
        "density, pregnant (give due_date), bone_stress (give bone_stress_site and cleared_to_run)."))  # fmt: skip
    postnatal_since: Day | None = Field(None, description="The date of the birth, with health = postnatal.")
    due_date: Day | None = Field(None, description="The due date, with health = pregnant: it counts the weeks.")
    bone_stress_site: BoneSite | None = Field(None, description="Where the bone stress injury was (bone_stress).")
    cleared_to_run: Day | None = Field(None, description="The day your clinician cleared you to run (bone_stress).")
    allow_double_days: bool = False
    known_loads_kg: dict[str, Annotated[float, Field(gt=0, le=500)]] = Field(default_factory=dict, description=lv.KNOWN)
    known_loads_date: Day | None = Field(None, description=lv.KNOWN_DATE)  # detraining-restart
    loads_confirmed: bool = Field(False, description=lv.CONFIRMED)  # load-plausible
    recent_sets: dict[ExerciseId, RecentSet] = Field(default_factory=dict, description=lv.RECENT)
    logged_sets: dict[ExerciseId, RecentSet] = Field(
        default_factory=dict,
        description="The diary's last logged set of each lift (dated), added when a plan is made from the diary: "
        "a profile file leaves it out. Beside recent_sets, not over them: the sets you gave keep scaling the "
        "estimates of lifts you never gave.",
    )
    load_increments: Annotated[dict[Item, Annotated[float, Field(gt=0, le=25)]], AfterValidator(load_kit)] = Field(
        default_factory=dict,
        description="The smallest load step your kit allows, in your units (kg, or lb for imperial), per item: "
        "e.g. dumbbell = 1 for a 1 kg set; defaults 2.5 kg bar and 2 kg dumbbells (5 lb each).",
    )
    heaviest_loads: Annotated[dict[Item, Annotated[float, Field(gt=0, le=500)]], AfterValidator(load_kit)] = Field(
        default_factory=dict,
        description="The heaviest load your kit makes, in your units, per item: e.g. dumbbell = 16 for a pair of "
        "16 kg dumbbells, kettlebell = 12. Not given: 24 kg dumbbells and kettlebells at home, 50 kg dumbbells and "
        "48 kg kettlebells at a gym; a backpack holds 20 kg.",
    )
    owned_weights: OwnedWeights = Field(default_factory=dict, description=OWNED_WORDS)
    bar_weights: Annotated[dict[Item, float], AfterValidator(bars_only)] = Field(
        default_factory=dict,
        description="What your empty bar weighs, in your units (kg, or lb for imperial), per bar: e.g. barbell = 15 "
        "for a women's bar, 10 for a technique bar; trap_bar = 20. Loads sit on it and a logged load under it is "
        "refused. Defaults 20 kg barbell and 25 kg trap bar (45 lb and 55 lb).",
    )
    screens: list[Screen] = Field(
        default_factory=list,
        description="Baseline screens (runstrong assess); each shapes the plan from its date on.",
    )
    exercise_swaps: list[ExerciseSwap] = Field(
        default_factory=list,
        description="Exercises replaced from a date on (by you, the web app's swap, or a review's regression).",
    )
    adjustments: list[Adjustment] = Field(
        default_factory=list, description="Week-by-week changes made by weekly reviews (runstrong review)."
    )

    @field_validator("available_days", "pain_areas", "furniture", "health")
    @classmethod
    def _unique(cls, value: list | None) -> list | None:
        if value is not None and len(set(value)) != len(value):
            raise ValueError("list each value once")
        return value

    @field_validator("furniture")
    @classmethod
    def _only_furniture(cls, value: list[Item] | None) -> list[Item] | None:
        if value is not None and (odd := [i.value for i in value if i not in FURNITURE]):
            names = ", ".join(sorted(i.value for i in FURNITURE))
            raise ValueError(f"{', '.join(odd)} is not furniture; list it under equipment (furniture is {names})")
        return value

    @field_validator("adjustments")
    @classmethod
    def _one_per_week(cls, value: list[Adjustment]) -> list[Adjustment]:
        """Adjustments of one review (or none) dated in the same week (any day of it) become
        one; each review keeps its own, so reviewing a week again replaces only that review's
        (`review.apply.without_review`). The planner reads `week_adjustments`, one a week."""
        by_key: dict[tuple[dt.date, dt.date | None], Adjustment] = {}
        for a in value:
            key = (a.week_start, a.review_of)
            by_key[key] = merge_adjustments(by_key[key], a) if key in by_key else a
        return sorted(by_key.values(), key=lambda a: a.week_start) if len(by_key) < len(value) else value

    @property
    def week_adjustments(self) -> list[Adjustment]:
        """One adjustment a week, by week: every review's decisions for it merged (the stricter
        of each, earliest review first), so no review drops what another decided (cr22a S1)."""
        return merged_by_week(self.adjustments)

    @model_validator(mode="after")
    def _bars_weigh_what_bars_weigh(self) -> AthleteProfile:
        bar_weights_fit(self.bar_weights, self.units)
        return self

    _across_fields = model_validator(mode="after")(check_across_fields)  # core/profile_checks.py
    _known_loads = model_validator(mode="before")(known_loads_in_kg)  # `known_loads`, in the runner's units
    _body_mass = model_validator(mode="before")(body_mass_in_kg)  # `body_mass`, in the runner's units

    @property
    def easy_min_per_km(self) -> float | None:
        """The easy pace in minutes per km, or None when the runner gave none."""
        return pace_min_per_km(self.easy_pace) if self.easy_pace else None

    @property
    def equipment_items(self) -> frozenset[Item]:
        """Everything the runner has: their kit, and the furniture they listed, else the home
        every runner trains in (a stair, a chair, a sofa or bed and a wall), whether the kit
        came as sets or as single items (a gym brings its own benches, steps and walls)."""
        items: set[Item] = set()
        for entry in self.equipment:
            if isinstance(entry, EquipmentSet):
                items |= EQUIPMENT_SETS[entry]
            else:
                items.add(entry)
        if EquipmentSet.gym in self.equipment:
            return frozenset(items)
        if self.furniture is None:
            return frozenset(items | HOME_FURNITURE)
        named = {entry for entry in self.equipment if isinstance(entry, Item)}
        return frozenset((items - (HOME_FURNITURE - named)) | set(self.furniture))


# ----------------------------------------------------------------------------- plan


def build(cls: type[Frozen], **fields: object):  # type: ignore[no-untyped-def]
    """Make a model from values the planner already validated, without re-validating.

    Planning builds hundreds of blocks per plan; pydantic's own `model_construct` costs more
    than validation, so this fills `__dict__` directly (defaults included). Only the core
    uses it, on data that came through validated models.
    """
    template, required = cls.build_template, cls.build_required
    if template is not None:  # in the fields' own order, as validation would give (JSON dumps follow it)
        if not required <= fields.keys():
            raise KeyError(f"{cls.__name__}: missing {sorted(required - fields.keys())}")
        values = template.copy()
        values.update(fields)
        if len(values) != len(template):  # a name that is not a field is left out, as validation does
            values = {name: values[name] for name in template}
    else:
        values = fields  # a fresh dict already (keyword arguments)
    obj = cls.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    every = len(fields) == len(values) == len(cls.build_fields_set)  # no name left out, none unknown
    object.__setattr__(obj, "__pydantic_fields_set__", cls.build_fields_set if every else set(fields))
    object.__setattr__(obj, "__pydantic_extra__", None)
    object.__setattr__(obj, "__pydantic_private__", None)
    return obj


def why(rule_id: str, text: str) -> Reason:
    """A Reason: the rule a sentence of a plan applies. Planning code says `p.why(...)`, which
    keeps one object per sentence on the rulebook's params (`core/params.py`)."""
    return build(Reason, rule_id=rule_id, text=text)


# The plan's values live in plan_model.py (built on the values above), re-exported on first use
# (PEP 562): `from runstrong.core.model import Plan` works, and plan_model imports first without a cycle.
_PLAN_NAMES = frozenset(
    {"Block", "Guidance", "Intensity", "Phase", "Plan", "Prescription", "Role", "Session", "Suggestion", "Week", "_ids"}
)


def __getattr__(name: str) -> object:
    if name in _PLAN_NAMES:
        from . import plan_model

        return getattr(plan_model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
