"""Working loads: an e1RM from a set, the load for a target, a cautious first estimate,
real plate and dumbbell steps, and the next load from the last logged sets.

Small pure functions over numbers; the registry's numbers come in as arguments (or the
`Params` they live on), so each one reads as the rule it applies (`e1rm-formula`,
`starting-load-estimate`, `load-rounding`, `load-autoregulation`). `plan_loads` walks a
plan's weeks with them.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from .owned_kit import kit_heaviest, kit_increments, only_weight_kg, owned_floor_kg
from .vocab import EquipmentSet, Item, Level, Pattern, Sex, Units

MAX_LOAD_KG = 500  # the heaviest load a plan or a diary holds (a typo guard, not a methodology number)

KG_PER_LB = 0.45359237

# Which implement carries an exercise's load, the first one it needs in this order.
IMPLEMENTS = (Item.barbell, Item.trap_bar, Item.dumbbell, Item.kettlebell, Item.cable, Item.machine, Item.backpack)
HANDHELD = frozenset({Item.dumbbell, Item.kettlebell, Item.backpack})  # held like a kettlebell: one hand's share


# what a runner calls the kit a load is rounded to ("rounded down to what your ... can make")
KIT_WORDS = {
    Item.barbell: "bar and plates",
    Item.trap_bar: "bar and plates",
    Item.dumbbell: "dumbbells",
    Item.kettlebell: "kettlebells",
    Item.cable: "cable stack",
    Item.machine: "machine's stack",
    Item.backpack: "backpack and its fillings",
}


def implement(equipment: list[Item] | tuple[Item, ...]) -> Item | None:
    """The implement a loadable exercise is loaded with, or None (nothing to add weight to).

    >>> implement([Item.step, Item.dumbbell])
    <Item.dumbbell: 'dumbbell'>
    >>> implement([Item.bench]) is None
    True
    """
    return next((i for i in IMPLEMENTS if i in equipment), None)


def effective_reps(reps: float, rir: float, max_reps: int) -> float:
    """Reps done plus reps left in reserve, capped where the formulas stop being useful.

    >>> effective_reps(5, 2, 15)
    7
    >>> effective_reps(20, 3, 15)
    15
    """
    return min(reps + max(rir, 0), max_reps)


def e1rm(load: float, reps: float, rir: float, formula: str, max_reps: int) -> float:
    """Estimated one-repetition maximum from a set of `reps` at `rir` reps in reserve.

    Epley: load x (1 + reps/30); Brzycki: load x 36 / (37 - reps).

    >>> round(e1rm(60, 5, 2, "epley", 15), 1)
    74.0
    >>> round(e1rm(60, 5, 2, "brzycki", 15), 1)
    72.0
    >>> e1rm(100, 1, 0, "brzycki", 15)
    100.0
    """
    r = effective_reps(reps, rir, max_reps)
    if formula == "brzycki":
        return load * 36 / (37 - r)
    return load * (1 + r / 30) if r > 1 else float(load)


def load_for(e1rm_kg: float, reps: float, rir: float, formula: str, max_reps: int) -> float:
    """The load that leaves `rir` in reserve after `reps`: the e1RM formula turned round.

    >>> round(load_for(74, 5, 2, "epley", 15), 1)
    60.0
    >>> round(load_for(72, 5, 2, "brzycki", 15), 1)
    60.0
    """
    r = effective_reps(reps, rir, max_reps)
    if formula == "brzycki":
        return e1rm_kg * (37 - r) / 36
    return e1rm_kg / (1 + r / 30) if r > 1 else e1rm_kg


def reps_to_failure(e1rm_kg: float, load: float, formula: str) -> float:
    """The reps `load` allows to failure for a lift of `e1rm_kg`: the e1RM formula turned round,
    not capped at its reach (a caller caps it where it reads a reserve from it).

    >>> round(reps_to_failure(74, 60, "epley"), 1), round(reps_to_failure(72, 60, "brzycki"), 1)
    (7.0, 7.0)
    """
    return 37 - 36 * load / e1rm_kg if formula == "brzycki" else 30 * (e1rm_kg / load - 1)


def rir_of(kind: str, value: float | None, assumed: float) -> float:
    """Reps in reserve from an effort target or rating (RPE 8 = RIR 2); `assumed` when none.

    >>> rir_of("rpe", 8, 2)
    2.0
    >>> rir_of("rir", 3, 2)
    3.0
    >>> rir_of("bodyweight", None, 2)
    2.0
    """
    if value is None or kind not in ("rir", "rpe"):
        return float(assumed)
    return float(10 - value) if kind == "rpe" else float(value)


def estimated_e1rm(
    body_mass_kg: float, sex: Sex, level: Level, pattern: Pattern, kit: Item, p: Any, both_hands: bool = False
) -> float | None:
    """A cautious e1RM for a lift never logged, from body mass (up to the registry's cap: a
    heavy beginner is not strong in proportion), sex and level (None when the registry has no
    ratio for the pattern). A dumbbell or kettlebell is one implement's load:
    one hand's share, or twice that when one is held in both hands (`handheld_share`).

    >>> from types import SimpleNamespace as NS
    >>> p = NS(start_e1rm_per_kg={Pattern.hinge: 1.0}, start_handheld_pct=40,
    ...        start_level_pct={Level.novice: 100}, start_sex_pct={Sex.female: 70}, start_cautious_pct=80,
    ...        start_mass_cap_kg=75)
    >>> round(estimated_e1rm(60, Sex.female, Level.novice, Pattern.hinge, Item.barbell, p), 1)
    33.6
    >>> round(estimated_e1rm(60, Sex.female, Level.novice, Pattern.hinge, Item.dumbbell, p), 2)
    13.44
    >>> round(estimated_e1rm(60, Sex.female, Level.novice, Pattern.hinge, Item.kettlebell, p, both_hands=True), 2)
    26.88
    >>> estimated_e1rm(118, Sex.female, Level.novice, Pattern.hinge, Item.barbell, p)  # counted as 75 kg
    42.0
    >>> estimated_e1rm(60, Sex.female, Level.novice, Pattern.squat, Item.barbell, p) is None
    True
    """
    ratio = p.start_e1rm_per_kg.get(pattern)
    if ratio is None:
        return None
    kg = min(body_mass_kg, p.start_mass_cap_kg) * ratio * p.start_level_pct[level] / 100 * p.start_sex_pct[sex] / 100
    return kg * handheld_share(kit, both_hands, p) * p.start_cautious_pct / 100


def handheld_share(kit: Item | None, both_hands: bool, p: Any) -> float:
    """The share of a barbell's load one implement carries: all of it for a bar or machine;
    for a dumbbell, kettlebell or bag, one hand's share (each of a pair, or one held in one
    hand), or twice that for one held in both hands, which does the pair's work.

    >>> from types import SimpleNamespace as NS
    >>> p = NS(start_handheld_pct=40)
    >>> handheld_share(Item.barbell, False, p), handheld_share(Item.dumbbell, False, p)
    (1.0, 0.4)
    >>> handheld_share(Item.kettlebell, True, p)
    0.8
    """
    if kit not in HANDHELD:
        return 1.0
    return p.start_handheld_pct / 100 * (2 if both_hands else 1)


def increment_kg(kit: Item, units: Units, own: dict[Item, float], p: Any) -> float:
    """The smallest real load step for this kit, in kg: the runner's own (in their units),
    else the registry's for their units.

    >>> from types import SimpleNamespace as NS
    >>> p = NS(rounding_metric_kg={Item.dumbbell: 2}, rounding_imperial_lb={Item.dumbbell: 5})
    >>> increment_kg(Item.dumbbell, Units.metric, {}, p)
    2
    >>> round(increment_kg(Item.dumbbell, Units.imperial, {}, p), 3)
    2.268
    >>> increment_kg(Item.dumbbell, Units.metric, {Item.dumbbell: 1.0}, p)
    1.0
    """
    if units == Units.imperial:
        return own.get(kit, p.rounding_imperial_lb[kit]) * KG_PER_LB
    return own.get(kit, p.rounding_metric_kg[kit])


def heaviest_kg(kit: Item | None, units: Units, own: dict, gym: bool, p: Any) -> float | None:
    """The heaviest load the kit makes, in kg: the runner's own word (in their units), else
    the registry's for a gym's or a home's kit; None for kit with no ceiling (plates on a bar).

    >>> from types import SimpleNamespace as NS
    >>> p = NS(heaviest_home_kg={Item.dumbbell: 24, Item.backpack: 20}, heaviest_gym_kg={Item.dumbbell: 50})
    >>> heaviest_kg(Item.dumbbell, Units.metric, {}, False, p), heaviest_kg(Item.dumbbell, Units.metric, {}, True, p)
    (24, 50)
    >>> heaviest_kg(Item.backpack, Units.metric, {}, True, p), heaviest_kg(Item.barbell, Units.metric, {}, True, p)
    (20, None)
    >>> round(heaviest_kg(Item.dumbbell, Units.imperial, {Item.dumbbell: 35}, False, p), 2)  # 35 lb
    15.88
    """
    if kit is None:
        return None
    mine = own.get(kit)
    if mine is not None:
        return mine * KG_PER_LB if units == Units.imperial else mine
    at_gym = p.heaviest_gym_kg.get(kit) if gym else None
    return at_gym if at_gym is not None else p.heaviest_home_kg.get(kit)


def lightest_kg(kit: Item, units: Units, own: dict, p: Any) -> float:
    """The lightest load the kit makes, in kg: an empty bar (the runner's own `bar_weights`,
    in their units, else the registry's), else nothing (one step is the floor).

    >>> from types import SimpleNamespace as NS
    >>> p = NS(rounding_bar_kg={Item.barbell: 20}, rounding_bar_lb={Item.barbell: 45})
    >>> lightest_kg(Item.barbell, Units.metric, {}, p), lightest_kg(Item.dumbbell, Units.metric, {}, p)
    (20, 0.0)
    >>> lightest_kg(Item.barbell, Units.metric, {Item.barbell: 15.0}, p)  # a women's bar
    15.0
    >>> round(lightest_kg(Item.barbell, Units.imperial, {Item.barbell: 35.0}, p), 3)  # a 35 lb bar
    15.876
    """
    if kit in own:
        return own[kit] * KG_PER_LB if units == Units.imperial else own[kit]
    if units == Units.imperial:
        return p.rounding_bar_lb.get(kit, 0.0) * KG_PER_LB
    return p.rounding_bar_kg.get(kit, 0.0)


def anchored_kg(kit: Item, units: Units, heaviest: dict, step_kg: float) -> float:
    """Where a runner's dumbbell or kettlebell steps start, in kg: counted down from the
    heaviest they named, so that load is one of them (a 53 lb bell with 9 lb steps: 8, 17,
    ... 44, 53 lb, not 9, 18, ... 45), else from nothing (0). A bar's plates start at the bar.

    >>> round(anchored_kg(Item.kettlebell, Units.imperial, {Item.kettlebell: 53}, 9 * KG_PER_LB) / KG_PER_LB, 3)
    8.0
    >>> anchored_kg(Item.dumbbell, Units.metric, {Item.dumbbell: 24}, 2)
    0.0
    """
    mine = heaviest.get(kit)
    if mine is None or kit not in (Item.dumbbell, Item.kettlebell):
        return 0.0
    full = mine * KG_PER_LB if units == Units.imperial else mine
    left = full - math.floor(full / step_kg + _slack(step_kg)) * step_kg
    return 0.0 if left < _SLACK or step_kg - left < _SLACK else round(left, 6)


_SLACK = 1e-6  # loads are kept to 6 decimal places: a stored load rounds back to its own step


def _slack(step_kg: float) -> float:
    """The slack of a count of steps: `_SLACK` of a step, and at least `_SLACK` kg (the storing's
    half a milligram is more than 1e-6 of a step under 1 kg: 31 lb on one-pound steps is kept as
    14.061363 kg, 1.04e-6 of a step under 31, and had read as 30 lb)."""
    return _SLACK * max(1.0, 1.0 / step_kg)


def round_down(kg: float, step_kg: float, floor_kg: float = 0.0) -> float:
    """`kg` rounded down to a whole number of steps, never below one step (the lightest
    dumbbell) nor `floor_kg` (the empty bar; plates go on it in whole steps). Float noise
    is trimmed so 3 x 2.5 stays 7.5.

    >>> round_down(63.9, 2.5)
    62.5
    >>> round_down(0.4, 2)
    2.0
    >>> round_down(12.9, 2.5, 20)
    20.0
    >>> round_down(27, 3, 20)
    26.0
    >>> round(round_down(30, 5 * KG_PER_LB) / KG_PER_LB, 4)  # 30 kg is 66 lb: 65 lb in 5 lb steps
    65.0
    >>> kg = round_down(120 * KG_PER_LB, 5 * KG_PER_LB, 45 * KG_PER_LB)  # stored to 6 places: still 120 lb
    >>> round(round_down(kg, 5 * KG_PER_LB, 45 * KG_PER_LB) / KG_PER_LB, 4)
    120.0
    """
    if floor_kg > 0:  # a bar and plates: the bar, then whole steps of plates on it
        return round(floor_kg + max(math.floor((kg - floor_kg) / step_kg + _slack(step_kg)), 0) * step_kg, 6) + 0.0
    steps = max(math.floor(kg / step_kg + _slack(step_kg)), 1)
    return round(steps * step_kg, 6) + 0.0


def within_drop(kg: float, bound: float, held: float, step_kg: float, floor_kg: float = 0.0) -> float:
    """`kg` (a load rounded down to the kit), or, where that fell under `bound` (the drop
    bound's lowest load), the kit's lightest load at or above it, if no heavier than `held`
    (the load last asked), else `kg`. A 20 lb dumbbell's target of 19.5 lb is 20 lb again,
    not 15 lb: rounding down to a coarse kit step must not defeat the drop bound
    (`load-autoregulation`; cr21a W4).

    >>> within_drop(15, 18, 20, 5), within_drop(57.5, 54, 60, 2.5)
    (20.0, 57.5)
    >>> within_drop(15, 18, 15, 5)  # nothing lighter than the load asked is held: the kit's step stands
    15
    """
    if kg >= bound - _SLACK:
        return kg
    up = round_down(bound, step_kg, floor_kg)
    if up < bound - _SLACK:
        up = round(up + step_kg, 6)
    return up if up <= held + _SLACK else kg


def step_ceiling(last_kg: float, max_step_pct: float, step_kg: float) -> float:
    """The most a load may rise to in one week: the registry's weekly step, or one real
    step when the kit cannot make a smaller one (a 10 kg dumbbell goes to 12, not 10.5).

    >>> step_ceiling(60, 5, 2.5)
    63.0
    >>> step_ceiling(10, 5, 2)
    12
    """
    return max(last_kg * (1 + max_step_pct / 100), last_kg + step_kg)


def autoregulated(logged_e1rm: float, expected_e1rm: float | None, max_step_pct: float, max_drop_pct: float) -> float:
    """The e1RM the next loads come from, after a logged set: the set's own, kept within a
    week's step above and `max_drop_pct` below what the plan expected of that session.

    Logged easier than planned (more in reserve, so a higher e1RM) moves it up, never more
    than a week's step; logged harder moves it down, never more than `max_drop_pct`. With
    nothing expected (the find-your-weight session) the logged set stands.

    >>> round(autoregulated(85, 74, 5, 10), 2)  # RIR 5 logged against 2: up one week's step
    77.7
    >>> round(autoregulated(60, 74, 5, 10), 2)  # logged at failure: down, at most 10 %
    66.6
    >>> autoregulated(75, 74, 5, 10)
    75
    >>> autoregulated(60, None, 5, 10)
    60
    """
    if expected_e1rm is None:
        return logged_e1rm
    return min(max(logged_e1rm, expected_e1rm * (1 - max_drop_pct / 100)), expected_e1rm * (1 + max_step_pct / 100))


def eased(last_kg: float, pct: float, step_kg: float, floor_kg: float = 0.0, min_pct: float = 0.0) -> float:
    """A deload's load: `pct` % of the last one, rounded down, and below it whenever the
    kit allows (the lightest step or the empty bar cannot go lower). Never under `min_pct`
    % of it: where the kit's next load down is further (a 5 kg cable's is 2.5 kg), the load
    holds and the deload's cut in sets eases the week.

    >>> eased(60, 90, 2.5)
    52.5
    >>> eased(10, 90, 2)
    8.0
    >>> eased(2, 90, 2)
    2.0
    >>> eased(5, 90, 2.5, min_pct=75)
    5.0
    """
    kg = round_down(last_kg * pct / 100, step_kg, floor_kg)
    if kg >= last_kg and can_ease(last_kg, step_kg, floor_kg):
        kg = round_down(last_kg - step_kg, step_kg, floor_kg)
    if kg < last_kg * min_pct / 100 - 1e-9:
        under = round_down(last_kg - step_kg, step_kg, floor_kg)
        kg = under if can_ease(last_kg, step_kg, floor_kg, min_pct) else round_down(last_kg, step_kg, floor_kg)
    return kg


def can_ease(last_kg: float, step_kg: float, floor_kg: float, min_pct: float = 0.0) -> bool:
    """Whether the kit makes a load a step under `last_kg`, no lower than `min_pct` % of it.

    >>> can_ease(60, 2.5, 20, 75), can_ease(5, 2.5, 0, 75), can_ease(2.5, 2.5, 0)
    (True, False, False)
    """
    under = last_kg - step_kg
    return under >= max(step_kg, floor_kg) - 1e-9 and under >= last_kg * min_pct / 100 - 1e-9


def pair_top(full: float, step_kg: float, floor_kg: float) -> float:
    """The heaviest load of a lift that takes both dumbbells of a pair at once (`pair_load`: side
    by side across the hips), in kg: the pair's, twice `full` (one dumbbell's heaviest), where
    every load on the kit's steps up to it is one dumbbell or two (kit-heaviest). Fixed weights
    whose sums leave the kit's steps (a lightest weight off them: 25 kg dumbbells on 2 kg steps
    counted from 1 kg) or leave a gap above the heaviest (20-24 kg: nothing between 24 and 40)
    keep one dumbbell's.

    >>> pair_top(24, 2, 0), pair_top(10, 10, 10), pair_top(16, 4, 8)  # a rack to 24; one pair of 10; 8-16
    (48.0, 20.0, 32.0)
    >>> round(pair_top(24, 5 * KG_PER_LB, 0) / KG_PER_LB, 3)  # 24 kg is 50 lb on 5 lb steps: 100 lb
    100.0
    >>> pair_top(25, 2, 1), pair_top(24, 2, 20)
    (25, 24)
    """
    lightest, one = max(floor_kg, step_kg), round_down(full, step_kg, floor_kg)  # one dumbbell: on the kit's steps
    steps = floor_kg / step_kg
    if abs(steps - round(steps)) > 1e-6 or 2 * lightest > one + step_kg + 1e-6:
        return full
    return 2 * one


def lift_top(pair: bool, kit: Item | None, full: float | None, step_kg: float, floor_kg: float) -> float | None:
    """A lift's heaviest load, in kg: its implement's (`full`), or a pair's (`pair_top`) for a
    dumbbell lift that takes both at once (`pair`)."""
    if full is None or not pair or kit != Item.dumbbell:
        return full
    return pair_top(full, step_kg, floor_kg)


def pair_words(kg: float, step_kg: float, units: Units) -> str:
    """How a load past one dumbbell is carried: two dumbbells on the kit's steps, as even as they
    go ("24 + 24 kg"; 46 kg on 2 kg steps is "24 + 22 kg").

    >>> pair_words(48, 2, Units.metric), pair_words(46, 2, Units.metric), pair_words(20, 4, Units.metric)
    ('24 + 24 kg', '24 + 22 kg', '12 + 8 kg')
    >>> pair_words(40 * KG_PER_LB, 5 * KG_PER_LB, Units.imperial)
    '20 + 20 lb'
    """
    heavy = math.ceil(kg / 2 / step_kg - _slack(step_kg)) * step_kg
    per, unit = (1 / KG_PER_LB, "lb") if units == Units.imperial else (1.0, "kg")
    return f"{round(heavy * per, 3):g} + {round((kg - heavy) * per, 3):g} {unit}"


class Kit(NamedTuple):
    """What a lift's implement makes for this runner, in kg: its smallest step, its lightest
    load (an empty bar, else 0) and its heaviest (inf: no ceiling)."""

    step: float
    bar: float
    heaviest: float


def kit_of(kit: Item, profile: Any, p: Any, pair: bool = False) -> Kit:
    """The runner's `kit` (their own increments and heaviest loads, else the registry's); `pair`:
    for a lift that takes both dumbbells at once (`lift_top`)."""
    step = increment_kg(kit, profile.units, kit_increments(profile), p)
    full = heaviest_kg(kit, profile.units, kit_heaviest(profile), EquipmentSet.gym in profile.equipment, p)
    bar = lightest_kg(kit, profile.units, profile.bar_weights, p)
    bar = bar or owned_floor_kg(kit, profile.units, profile.owned_weights)
    bar = bar or anchored_kg(kit, profile.units, kit_heaviest(profile), step)
    full = lift_top(pair, kit, full, step, bar)
    return Kit(step, bar, math.inf if full is None else full)


def only_load_kg(e: Any, units: Units, owned: dict) -> float | None:
    """The one load `e` can have where the runner owns one weight of its kit (owned-weights),
    else None; a lift that takes both dumbbells at once has two, one dumbbell or the pair."""
    kit = implement(e.equipment)
    return None if e.pair_load and kit == Item.dumbbell else only_weight_kg(kit, units, owned)


def lift_heaviest(e: Any, profile: Any, p: Any) -> float | None:
    """The heaviest load the runner's kit makes for exercise `e`, in kg (None: no ceiling, or
    nothing to load): its implement's, or the pair's for a lift that takes both (`pair_load`)."""
    kit = implement(e.equipment)
    if kit is None:
        return None
    top = kit_of(kit, profile, p, e.pair_load).heaviest
    return None if math.isinf(top) else top
