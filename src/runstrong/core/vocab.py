"""The vocabulary of the domain: categories, patterns, kit, levels, pain areas, days,
run types. Plain enums with no Pydantic, so the command line can list accepted values
without paying for the model (see docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum


class Category(StrEnum):
    posterior_chain = "posterior_chain"
    core = "core"
    single_leg_power = "single_leg_power"
    warm_up = "warm_up"
    mobility = "mobility"


TRAINING_CATEGORIES = (Category.posterior_chain, Category.core, Category.single_leg_power)
# how plans, explanations and renderers name a category, in words
CATEGORY_NAME = {
    Category.posterior_chain: "posterior chain",
    Category.core: "core stability",
    Category.single_leg_power: "single-leg power",
    Category.warm_up: "warm-up",
    Category.mobility: "mobility",
}
STRENGTH_FOCUS = "single-leg strength"  # a single-leg power session with no hop, jump or landing (session-focus)


def focus_words(focus: str, blocks: Iterable) -> str:
    """A session's heading: its focus category's name, "single-leg strength" for a single-leg
    power session whose work holds no hop, jump or landing (blocks dosed in contacts), so no
    heading promises power a session does not hold (session-focus)."""
    if focus == Category.single_leg_power and not any(
        b.role in ("primary", "accessory") and b.prescription.contacts for b in blocks
    ):
        return STRENGTH_FOCUS
    return CATEGORY_NAME[Category(focus)]


# how plans, the diary and `explain -s` name a session: by its focus (S31's order)
SESSION_LETTER = {Category.posterior_chain: "A", Category.core: "B", Category.single_leg_power: "C"}


class Pattern(StrEnum):
    hinge = "hinge"
    squat = "squat"
    lunge = "lunge"
    step = "step"
    bridge = "bridge"
    knee_flexion = "knee_flexion"
    back_extension = "back_extension"
    hip_abduction = "hip_abduction"
    hip_adduction = "hip_adduction"
    carry = "carry"
    anti_extension = "anti_extension"
    anti_rotation = "anti_rotation"
    anti_lateral_flexion = "anti_lateral_flexion"
    calf_ankle = "calf_ankle"
    plyometric = "plyometric"
    landing = "landing"
    balance = "balance"
    mobility = "mobility"
    breathing = "breathing"


class Item(StrEnum):
    """A piece of equipment an exercise needs (bodyweight needs none), or furniture it rests on."""

    step = "step"  # furniture: a stair or a low sturdy box
    bench = "bench"  # furniture: a flat training bench
    chair = "chair"  # furniture: a sturdy chair without wheels
    sofa = "sofa"  # furniture: a sofa or a bed edge
    wall = "wall"  # furniture: a clear stretch of wall
    band = "band"  # long resistance band
    mini_band = "mini_band"  # loop band around the knees or ankles
    dumbbell = "dumbbell"
    kettlebell = "kettlebell"
    barbell = "barbell"
    trap_bar = "trap_bar"
    cable = "cable"
    box = "box"  # a plyo box
    balance_pad = "balance_pad"  # foam pad or wobble board
    machine = "machine"  # leg press, back-extension bench and similar gym machines
    backpack = "backpack"  # a rucksack loaded with books or water bottles: a home's weight, in kg


class EquipmentSet(StrEnum):
    """The four equipment situations a runner is in; each grows the previous one."""

    bodyweight = "bodyweight"
    bands = "bands"
    dumbbells = "dumbbells"
    gym = "gym"


# What a home exercise can rest on; an exercise names the pieces any one of which will do.
FURNITURE = frozenset({Item.step, Item.bench, Item.chair, Item.sofa, Item.wall})
# What a home is assumed to hold when a profile does not list its furniture: a stair, a sturdy
# chair, a sofa or bed and a wall (what "bodyweight" always implied: a step and a bench or chair).
HOME_FURNITURE = frozenset({Item.step, Item.chair, Item.sofa, Item.wall})

EQUIPMENT_SETS: dict[EquipmentSet, frozenset[Item]] = {
    EquipmentSet.bodyweight: HOME_FURNITURE,
    EquipmentSet.bands: HOME_FURNITURE | {Item.band, Item.mini_band},
    # dumbbells only: a runner with dumbbells is not assumed to own a kettlebell (cr24a F6: 16-24 kg kettlebell
    # deadlifts for a runner whose dumbbells go to 12 kg); a kettlebell is named as a single item
    EquipmentSet.dumbbells: HOME_FURNITURE | {Item.band, Item.mini_band, Item.dumbbell},
    EquipmentSet.gym: frozenset(Item) - {Item.backpack},  # the gym's weights do a backpack's job
}
# Items whose name alone does not say what is meant, in the words a form shows them with.
ITEM_LABELS = {Item.backpack: "backpack (filled with books or water bottles)"}


class Level(StrEnum):
    novice = "novice"
    intermediate = "intermediate"
    advanced = "advanced"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]


_LEVEL_RANK = {Level.novice: 0, Level.intermediate: 1, Level.advanced: 2}


class Impact(StrEnum):
    none = "none"
    low = "low"
    moderate = "moderate"
    high = "high"


class Intent(StrEnum):
    strength = "strength"
    power = "power"
    stability = "stability"
    capacity = "capacity"
    mobility = "mobility"


class Health(StrEnum):
    """A health condition that changes strength and impact work (the runner's own report)."""

    postnatal = "postnatal"  # gave birth: the date goes in postnatal_since
    pelvic_floor = "pelvic_floor"  # pelvic floor symptoms: leaking, heaviness, dragging
    low_bone_density = "low_bone_density"  # osteopenia or osteoporosis
    menopause = "menopause"  # in or past menopause (peri- or postmenopausal): bone is lost fastest around and after it
    pregnant = "pregnant"  # the due date goes in due_date
    bone_stress = "bone_stress"  # a recent bone stress injury: its site in bone_stress_site, cleared_to_run its date


HEALTH_NAME = {
    Health.postnatal: "a recent birth",
    Health.pelvic_floor: "pelvic floor symptoms",
    Health.low_bone_density: "low bone density",
    Health.menopause: "menopause",
    Health.pregnant: "pregnancy",
    Health.bone_stress: "a bone stress injury",
}


class BoneSite(StrEnum):
    """Where a bone stress injury (stress reaction or fracture) was (bone-stress-return)."""

    tibia = "tibia"  # the shin's inner (posteromedial) border: the commonest site in runners
    anterior_tibia = "anterior_tibia"  # the front of the shin (tension side): high-risk
    fibula = "fibula"
    metatarsal = "metatarsal"  # the shaft of the second to fourth metatarsal
    fifth_metatarsal = "fifth_metatarsal"  # the base of the fifth (outer) metatarsal: high-risk
    navicular = "navicular"  # the top of the midfoot: high-risk
    calcaneus = "calcaneus"  # the heel bone
    femur = "femur"  # the thigh bone's shaft
    femoral_neck = "femoral_neck"  # the hip end of the thigh bone: high-risk
    pelvis = "pelvis"  # the pelvis or sacrum: trabecular bone, taken slowly (bone-stress-return)


BONE_SITE_NAME = {
    BoneSite.tibia: "shin (tibia)",
    BoneSite.anterior_tibia: "front of the shin (anterior tibia)",
    BoneSite.fibula: "outer shin (fibula)",
    BoneSite.metatarsal: "foot (metatarsal)",
    BoneSite.fifth_metatarsal: "outer foot (fifth metatarsal)",
    BoneSite.navicular: "midfoot (navicular)",
    BoneSite.calcaneus: "heel (calcaneus)",
    BoneSite.femur: "thigh (femur)",
    BoneSite.femoral_neck: "hip (femoral neck)",
    BoneSite.pelvis: "pelvis or sacrum",
}


class PainArea(StrEnum):
    achilles = "achilles"
    calf = "calf"
    knee = "knee"
    hip = "hip"
    lower_back = "lower_back"
    hamstring = "hamstring"
    foot = "foot"
    shin = "shin"


# bone-stress-return: the painful areas a site's pain is felt in (pain there is a stop sign, not a
# zone), the high-risk sites (Warden, Davis & Fredericson 2014: the tension side of the femoral neck,
# the anterior tibia, the navicular and the base of the fifth metatarsal; the pelvis and sacrum, trabecular
# bone tied to low bone density and low energy availability by Hoenig et al. 2022, taken as slowly: our
# convention, UNVERIFIED) and the lower leg and foot, where loaded calf work carries the return
SITE_AREAS = {
    BoneSite.tibia: (PainArea.shin,),
    BoneSite.anterior_tibia: (PainArea.shin,),
    BoneSite.fibula: (PainArea.shin,),
    BoneSite.metatarsal: (PainArea.foot,),
    BoneSite.fifth_metatarsal: (PainArea.foot,),
    BoneSite.navicular: (PainArea.foot,),
    BoneSite.calcaneus: (PainArea.foot,),
    BoneSite.femur: (PainArea.hip,),
    BoneSite.femoral_neck: (PainArea.hip,),
    BoneSite.pelvis: (PainArea.hip, PainArea.lower_back),
}
HIGH_RISK_SITES = frozenset(
    {BoneSite.anterior_tibia, BoneSite.navicular, BoneSite.fifth_metatarsal, BoneSite.femoral_neck, BoneSite.pelvis}
)
LOWER_LEG_SITES = frozenset(s for s, areas in SITE_AREAS.items() if set(areas) & {PainArea.shin, PainArea.foot})


AREA_NAME = {area: "Achilles" if area == PainArea.achilles else area.value.replace("_", " ") for area in PainArea}


def spoken_list(items: list[str], last: str = "and") -> str:
    """Items as a sentence lists them: "a, b and c" (or "a, b or c").

    >>> spoken_list(["knee"]), spoken_list(["a", "b", "c"], "or")
    ('knee', 'a, b or c')
    """
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {last} " + items[-1]


def with_article(word: str) -> str:
    """A word with its indefinite article, as the level names need it.

    >>> with_article("novice"), with_article("intermediate lifter")
    ('a novice', 'an intermediate lifter')
    """
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def areas_text(areas: Iterable[PainArea]) -> str:
    """Painful areas as a sentence names them: "knee, Achilles and lower back"."""
    return spoken_list([AREA_NAME[a] for a in areas])


class Weekday(StrEnum):
    mon = "mon"
    tue = "tue"
    wed = "wed"
    thu = "thu"
    fri = "fri"
    sat = "sat"
    sun = "sun"

    @property
    def index(self) -> int:
        return _WEEKDAYS.index(self)

    @classmethod
    def of(cls, day: dt.date) -> Weekday:
        return _WEEKDAYS[day.weekday()]


_WEEKDAYS = list(Weekday)


class RunType(StrEnum):
    easy = "easy"
    long = "long"
    tempo = "tempo"
    intervals = "intervals"
    race = "race"
    cross_train = "cross_train"
    rest = "rest"


# The longest run a plan holds or a runner logs by hand (10 h); a race may be longer (an ultra),
# up to a day: the one source for the profile's runs (`core.base.RunMinutes`) and `run add`.
LONGEST_RUN_MINUTES = 600
KEY_RUN_TYPES = frozenset({RunType.long, RunType.tempo, RunType.intervals, RunType.race})
SPEED_RUN_TYPES = frozenset({RunType.tempo, RunType.intervals, RunType.race})


class RaceDistance(StrEnum):
    k5 = "5k"
    k10 = "10k"
    half = "half"
    marathon = "marathon"
    ultra = "ultra"


class Units(StrEnum):
    metric = "metric"
    imperial = "imperial"


class Region(StrEnum):
    """Body regions that warm-up and mobility work targets."""

    hips = "hips"
    thoracic = "thoracic"
    lumbar = "lumbar"
    hamstrings = "hamstrings"
    glutes = "glutes"
    adductors = "adductors"
    calves = "calves"
    ankles = "ankles"
    feet = "feet"
    quads = "quads"
    trunk = "trunk"


class Sex(StrEnum):
    female = "female"
    male = "male"
    unspecified = "unspecified"


# The dates a person can give (profiles, diaries, command lines): a training life, not the
# calendar's ends. Far from year 1 and 9999, so date arithmetic (a plan's weeks, a review's
# look-back, a year of history) never overflows, whatever date is typed.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2200, 12, 31)


def in_date_range(value: dt.date) -> dt.date:
    """A date between EARLIEST_DATE and LATEST_DATE, or a ValueError saying so."""
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(f"{value} is outside {EARLIEST_DATE.year}-{LATEST_DATE.year}; check the year")
    return value


def kit_items(entries: Iterable[EquipmentSet | Item]) -> frozenset[Item]:
    """Everything a list of kit sets and single items holds (a week's kit when it differs: travel)."""
    items: set[Item] = set()
    for entry in entries:
        items |= EQUIPMENT_SETS[entry] if isinstance(entry, EquipmentSet) else {entry}
    return frozenset(items)
