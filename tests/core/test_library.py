"""The shipped exercise library: schema, links, coverage, safety tags and Garmin names."""

from __future__ import annotations

import copy
import itertools
import re
import tomllib
from dataclasses import replace
from importlib import resources

import pytest

from runstrong.core.block_swaps import regressed_words
from runstrong.core.library import Library, LibraryError, parse_library
from runstrong.core.model import (
    EQUIPMENT_SETS,
    TRAINING_CATEGORIES,
    Category,
    EquipmentSet,
    Impact,
    Item,
    Level,
    PainArea,
    Pattern,
    Phase,
    Region,
)
from runstrong.core.pick_reasons import pain_note
from runstrong.core.selection import Context
from runstrong.io.data_files import load_library

PLYO_PAIN = {PainArea.achilles, PainArea.calf, PainArea.shin, PainArea.foot}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.fixture(scope="module")
def raw() -> dict:
    text = resources.files("runstrong.data").joinpath("exercises.toml").read_text("utf-8")
    return tomllib.loads(text)


def _entry(raw: dict, exercise_id: str) -> dict:
    return copy.deepcopy(next(e for e in raw["exercise"] if e["id"] == exercise_id))


# ------------------------------------------------------------------------ size and links


def test_library_has_at_least_ninety_exercises(library: Library) -> None:
    assert len(library) >= 90


def test_library_has_a_version(library: Library) -> None:
    assert library.version not in ("", "0")


def test_every_progression_and_regression_link_resolves(library: Library) -> None:
    assert library.broken_links() == []
    for e in library.exercises:
        assert e.id not in e.regressions and e.id not in e.progressions, e.id
        both = set(e.regressions) & set(e.progressions)
        assert not both, f"{e.id} lists {sorted(both)} as both regression and progression"


def test_a_link_to_an_unknown_exercise_is_refused(raw: dict) -> None:
    entry = _entry(raw, "glute_bridge")
    entry["progressions"] = ["no_such_exercise"]
    with pytest.raises(LibraryError, match="glute_bridge -> no_such_exercise"):
        parse_library({"exercise": [entry]})


# ----------------------------------------------------------------------------- coverage

MATRIX = list(itertools.product(TRAINING_CATEGORIES, EquipmentSet, Level))


@pytest.mark.parametrize(
    ("category", "equipment", "level"),
    MATRIX,
    ids=[f"{c.value}-{s.value}-{lv.value}" for c, s, lv in MATRIX],
)
def test_every_category_equipment_and_level_has_two_primaries_and_an_accessory(
    library: Library, category: Category, equipment: EquipmentSet, level: Level
) -> None:
    found = library.query(category=category, equipment=EQUIPMENT_SETS[equipment], max_level=level)
    primaries = [e.id for e in found if "primary" in e.roles]
    assert len(primaries) >= 2, primaries
    chosen = set(primaries[:2])
    accessories = [e.id for e in found if "accessory" in e.roles and e.id not in chosen]
    assert accessories, f"no accessory besides {sorted(chosen)}"


PAIN_MATRIX = list(itertools.product(PainArea, TRAINING_CATEGORIES, EquipmentSet))


@pytest.mark.parametrize(
    ("pain", "category", "equipment"),
    PAIN_MATRIX,
    ids=[f"{p.value}-{c.value}-{s.value}" for p, c, s in PAIN_MATRIX],
)
def test_each_single_pain_area_leaves_two_novice_primaries(
    library: Library, pain: PainArea, category: Category, equipment: EquipmentSet
) -> None:
    found = library.query(
        category=category,
        equipment=EQUIPMENT_SETS[equipment],
        max_level=Level.novice,
        exclude_pain=[pain],
    )
    primaries = [e.id for e in found if "primary" in e.roles]
    assert len(primaries) >= 2, primaries


def test_pistol_ladder_has_at_least_four_rungs(library: Library) -> None:
    ladder = library.ladder("pistol_squat")
    assert len(ladder) >= 4, [e.id for e in ladder]
    assert ladder[-1].id == "pistol_squat"
    assert ladder[0].level == Level.novice
    ranks = [e.level.rank for e in ladder]
    assert ranks == sorted(ranks), "rungs must not get easier on the way up"


def test_nordic_curl_has_a_regression_ladder(library: Library) -> None:
    ladder = [e.id for e in library.ladder("nordic_curl")]
    assert ladder[-1] == "nordic_curl"
    assert {"band_assisted_nordic_curl", "sliding_leg_curl", "hamstring_walkout"} <= set(ladder)


# The movements the methodology names (rules S05-S14), each with the library ids that carry it.
METHODOLOGY_MOVEMENTS: dict[str, list[str]] = {
    "hip hinge": ["hip_hinge_drill"],
    "Romanian deadlift": ["romanian_deadlift", "dumbbell_romanian_deadlift", "kettlebell_romanian_deadlift"],
    "glute bridge": ["glute_bridge", "single_leg_glute_bridge", "banded_glute_bridge"],
    "hip thrust": ["bodyweight_hip_thrust", "barbell_hip_thrust", "single_leg_hip_thrust"],
    "step-up": ["step_up", "dumbbell_step_up", "barbell_step_up"],
    "lateral lunge": ["lateral_lunge", "goblet_lateral_lunge"],
    "slow tempo carry": ["suitcase_carry", "farmer_carry"],
    "anti-extension plank": ["front_plank", "plank_with_leg_lift", "long_lever_plank", "body_saw"],
    "dead bug": ["dead_bug", "banded_dead_bug", "weighted_dead_bug"],
    "side plank with leg variations": ["kneeling_side_plank", "side_plank", "side_plank_leg_lift"],
    "band or cable anti-rotation": ["band_pallof_press", "cable_pallof_press", "half_kneeling_pallof_press"],
    "breathing": ["ninety_ninety_breathing", "crocodile_breathing"],
    "step-down": ["forward_step_down", "lateral_step_down"],
    "reverse lunge": ["reverse_lunge", "dumbbell_reverse_lunge", "deficit_reverse_lunge"],
    "controlled calf raise": ["calf_raise", "single_leg_calf_raise", "bent_knee_soleus_raise"],
    "short hops": ["pogo_hops", "ankle_hops", "single_leg_pogo"],
    "unstable-surface balance": ["single_leg_balance_towel", "single_leg_balance_pad"],
    "braced landing": ["snap_down", "drop_landing", "single_leg_landing_stick"],
    "hip circles": ["standing_hip_circles"],
    "thoracic mobility": ["quadruped_thoracic_rotation", "open_book", "thread_the_needle"],
}


@pytest.mark.parametrize("movement", list(METHODOLOGY_MOVEMENTS))
def test_methodology_movements_are_in_the_library(library: Library, movement: str) -> None:
    missing = [i for i in METHODOLOGY_MOVEMENTS[movement] if i not in library]
    assert not missing, f"{movement}: missing {missing}"


def test_the_unstable_balance_drill_has_a_no_equipment_variant(library: Library) -> None:
    balance = library.query(category=Category.single_leg_power, pattern=Pattern.balance)
    assert any(not e.equipment for e in balance)


def test_warm_up_has_hip_circles_and_thoracic_mobility(library: Library) -> None:
    warm_up = library.query(category=Category.warm_up)
    assert len(warm_up) >= 6
    assert all(e.equipment == [] and e.regions and e.roles == [] for e in warm_up)
    assert any(Region.hips in e.regions and "circle" in e.name.lower() for e in warm_up)
    assert any(Region.thoracic in e.regions for e in warm_up)


def test_mobility_finisher_covers_hips_and_lumbar(library: Library) -> None:
    mobility = library.query(category=Category.mobility)
    assert len(mobility) >= 8
    assert all(e.equipment == [] and e.regions and e.roles == [] for e in mobility)
    assert sum(Region.hips in e.regions for e in mobility) >= 2
    assert sum(Region.lumbar in e.regions for e in mobility) >= 2


def test_training_exercises_have_a_role(library: Library) -> None:
    for e in library.exercises:
        if e.category in TRAINING_CATEGORIES:
            assert e.roles, e.id


# --------------------------------------------------------------------------- Garmin FIT


def test_every_fit_name_exists_in_garmin_profile(library: Library) -> None:
    fit = pytest.importorskip("garmin_fit_sdk")
    types = fit.Profile["types"]
    categories = set(types["exercise_category"].values())
    for e in library.exercises:
        if e.fit_category is None:
            continue
        assert e.fit_category in categories, f"{e.id}: unknown FIT category {e.fit_category}"
        names = set(types[f"{e.fit_category}_exercise_name"].values())
        assert e.fit_name in names, f"{e.id}: {e.fit_name} is not a {e.fit_category} exercise"


def test_most_training_exercises_carry_a_garmin_name(library: Library) -> None:
    training = [e for e in library.exercises if e.category in TRAINING_CATEGORIES]
    named = [e for e in training if e.fit_name]
    assert len(named) / len(training) >= 0.8


# ------------------------------------------------------------------- safety and dosing


def test_plyometrics_are_dosed_in_contacts_and_marked_impact(library: Library) -> None:
    plyos = library.query(pattern=Pattern.plyometric)
    assert len(plyos) >= 6
    for e in plyos:
        assert e.dose.measure == "contacts", e.id
        assert e.impact in (Impact.moderate, Impact.high), e.id
        assert e.intent.value == "power", e.id
        assert set(e.contraindications) >= PLYO_PAIN, e.id
    for exercise_id in ("bounding", "box_jump", "depth_jump", "single_leg_hop_and_stick"):
        assert library.get(exercise_id).impact == Impact.high, exercise_id
    for exercise_id in ("pogo_hops", "skater_hops"):
        assert library.get(exercise_id).impact == Impact.moderate, exercise_id


def test_landing_drills_are_low_impact_contacts(library: Library) -> None:
    landings = library.query(pattern=Pattern.landing)
    assert len(landings) >= 3
    for e in landings:
        assert e.dose.measure == "contacts", e.id
        assert e.impact != Impact.none, e.id
    assert library.get("snap_down").impact == Impact.low
    assert library.get("drop_landing").impact == Impact.low


def test_landings_and_plyometrics_cue_a_soft_landing(library: Library) -> None:
    for e in library.exercises:
        if e.pattern in (Pattern.plyometric, Pattern.landing):
            assert any("land softly" in cue.lower() for cue in e.cues), e.id


def test_holds_carry_a_breathing_cue(library: Library) -> None:
    for e in library.exercises:
        if e.category in TRAINING_CATEGORIES and e.dose.measure == "seconds":
            assert any("breath" in cue.lower() for cue in e.cues), e.id


def test_tendon_friendly_calf_work_is_not_excluded_for_the_achilles(library: Library) -> None:
    for exercise_id in ("isometric_calf_hold", "seated_soleus_raise", "eccentric_heel_drop"):
        assert PainArea.achilles not in library.get(exercise_id).contraindications, exercise_id


def test_heavy_hinges_and_squats_are_excluded_for_back_pain(library: Library) -> None:
    for exercise_id in ("romanian_deadlift", "trap_bar_deadlift", "back_squat", "kettlebell_swing"):
        assert PainArea.lower_back in library.get(exercise_id).contraindications, exercise_id
    assert PainArea.hamstring in library.get("nordic_curl").contraindications
    assert PainArea.hip in library.get("copenhagen_plank_long_lever").contraindications


def test_high_skill_drills_are_offered_at_advanced_level_only(library: Library) -> None:
    high_skill = [e for e in library.exercises if e.high_skill]
    assert {"pistol_squat", "depth_jump", "bounding", "nordic_curl"} <= {e.id for e in high_skill}
    for e in high_skill:
        assert e.level == Level.advanced, e.id


def test_unilateral_work_is_dosed_per_side(library: Library) -> None:
    for e in library.exercises:
        if e.unilateral:
            assert e.dose.per_side, e.id


def test_cues_are_few_and_short(library: Library) -> None:
    for e in library.exercises:
        assert 2 <= len(e.cues) <= 4, e.id
        assert all(len(cue) <= 60 for cue in e.cues), e.id


def test_exercise_names_are_unique(library: Library) -> None:
    names = [e.name for e in library.exercises]
    assert len(names) == len(set(names))


# ------------------------------------------------------------------------ parse errors


def test_a_malformed_entry_names_the_exercise_and_field(raw: dict) -> None:
    entry = _entry(raw, "romanian_deadlift")
    entry["category"] = "cardio"
    with pytest.raises(LibraryError) as caught:
        parse_library({"library": {"version": "test"}, "exercise": [entry]})
    message = str(caught.value)
    assert "romanian_deadlift" in message
    assert "category" in message


def test_a_bad_dose_names_the_exercise_and_field(raw: dict) -> None:
    entry = _entry(raw, "pogo_hops")
    entry["dose"]["reps"] = 10  # contacts and reps together
    with pytest.raises(LibraryError, match=r"pogo_hops.*dose"):
        parse_library({"exercise": [entry]})


def test_duplicate_ids_are_refused(raw: dict) -> None:
    entry = _entry(raw, "glute_bridge")
    with pytest.raises(LibraryError, match="glute_bridge: id is used twice"):
        parse_library({"exercise": [entry, copy.deepcopy(entry)]})


def test_the_shipped_file_parses_the_same_as_the_loader(raw: dict, library: Library) -> None:
    assert parse_library(raw).ids() == library.ids()


def test_a_cue_that_names_furniture_names_every_piece_the_exercise_can_use(library: Library) -> None:
    """A runner with a sofa and no bench is not told to put a foot on 'the bench': a cue
    naming one of the exercise's furniture names them all (or none)."""
    for e in library.exercises:
        pieces = {i.value for i in e.furniture}
        if len(pieces) < 2:
            continue
        for cue in e.cues:
            named = {p for p in pieces if re.search(rf"\b{p}", cue, re.IGNORECASE)}
            assert not named or named == pieces, (e.id, cue, sorted(pieces))


def test_every_hinge_that_works_the_hamstrings_says_so_for_a_painful_hamstring(library: Library) -> None:
    """A hip hinge under load or through the hamstrings' length (deadlifts, good mornings,
    pull-throughs, swings) either loads a painful hamstring, so selection spares it, or is
    ruled out for it: a kettlebell deadlift from the floor was given at week 1 to a runner
    with hamstring pain. Only the unloaded broomstick patterning drill is neither."""
    drill = {"hip_hinge_drill"}
    for e in library.exercises:
        if e.pattern == Pattern.hinge and e.id not in drill:
            assert "hamstring" in {*e.loads, *e.contraindications}, e.id


def test_a_two_legged_lift_with_one_weight_is_held_in_both_hands_and_a_pair_never_is(library):
    """Starting loads give one hand's share to each dumbbell of a pair and twice that to one
    weight held in both hands (starting-load-estimate): the library says which is which, and
    a description that names a pair ("each hand", "dumbbells") is never held in both hands."""
    pair_words = re.compile(r"each hand|dumbbells|kettlebells", re.IGNORECASE)
    for e in library.exercises:
        if not (e.loadable and {Item.dumbbell, Item.kettlebell, Item.backpack} & set(e.equipment)):
            continue
        pair = bool(pair_words.search(" ".join([*e.cues, e.description])))
        if pair:
            assert not e.both_hands, e.id
        elif not e.unilateral:
            assert e.both_hands, e.id


def _down_same_pattern(library: Library, exercise_id: str) -> set[str]:
    """Every exercise reached down the regressions from `exercise_id`, each step keeping its pattern."""
    start = library.get(exercise_id)
    found, todo = set(), [start]
    while todo:
        for link in todo.pop().regressions:
            e = library.get(link)
            if e.pattern == start.pattern and link not in found and link != start.id:
                found.add(link)
                todo.append(e)
    return found


def test_every_regression_stays_in_its_category_and_is_no_harder(library: Library) -> None:
    for e in library.exercises:
        for link in e.regressions:
            easier = library.get(link)
            assert easier.category == e.category and easier.level.rank <= e.level.rank, (e.id, link)


def test_regressed_to_names_only_a_gentler_form_of_the_same_movement(library: Library) -> None:
    """Over the whole library: the pain note says "regressed to" only for an exercise down the
    loaded lift's regressions with its movement pattern at every step; any other stand-in
    (a wall tibialis raise for a seated soleus raise: the same pattern, another movement)
    "takes its place"."""
    ctx = Context(Level.advanced, frozenset(Item), frozenset(), Phase.build, None, True, 0)
    said = 0
    for ideal in library.exercises:
        if not ideal.loads:
            continue
        pain = replace(ctx, pain=frozenset(ideal.loads) - frozenset(ideal.contraindications))
        gentler = _down_same_pattern(library, ideal.id)
        for chosen in library.exercises:
            if chosen.id == ideal.id or chosen.category != ideal.category:
                continue
            (note,) = pain_note(chosen, ideal, pain, library) or (None,)
            if note is not None and "regressed to" in note.text:
                said += 1
                assert chosen.id in gentler and chosen.pattern == ideal.pattern, (ideal.id, chosen.id)
            elif note is not None and chosen.id not in gentler:
                assert "takes its place" in note.text or "is left out" in note.text, (ideal.id, chosen.id, note.text)
    assert said, "some lifts do regress to a gentler form of themselves"
    (note,) = pain_note(library.get("tibialis_raise"), library.get("seated_soleus_raise"), pain_ctx(ctx), library)
    assert note.text.endswith("Wall tibialis raise takes its place while the pain settles."), note.text


def pain_ctx(ctx: Context) -> Context:
    return replace(ctx, pain=frozenset({PainArea.achilles}))


def test_a_lift_regressed_for_broken_form_to_another_movement_is_not_called_its_easier_rung(library: Library) -> None:
    for e in library.exercises:
        for link in e.regressions:
            easier = library.get(link)
            words = regressed_words(library, e, easier)
            assert ("easier rung" in words) == (easier.pattern == e.pattern), (e.id, link, words)
