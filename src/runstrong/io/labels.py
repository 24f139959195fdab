"""Short human labels shared by the terminal, Markdown and later renderers."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

from runstrong.core.diary import session_load  # noqa: F401  (the one label every view shows)
from runstrong.core.library import Library
from runstrong.core.lift_kind import kind_words
from runstrong.core.model import Block, Exercise, Phase, RaceGoal, Units
from runstrong.core.vocab import CATEGORY_NAME, Category

from .dose_words import (  # noqa: F401  (shared with the light read path)
    KG_PER_LB,
    METRES_PER_YARD,
    RUN_SHORT,
    amount_label,
    dose_text,
    effort_label,
    intensity_text,
    load_text,
    planned_load_kg,
    rest_text,
    volume_label,
)

CATEGORY_SHORT = CATEGORY_NAME

PHASE_LABEL = {
    Phase.foundation: "Foundation",
    Phase.build: "Build",
    Phase.race_specific: "Race-specific",
    Phase.taper: "Taper",
    Phase.race_week: "Race week",
    Phase.maintenance: "Maintenance",
}

IN_SEASON = "In season"  # a maintenance week of a racing season (in-season), not the weeks after the race


def week_label(week: Any) -> str:
    """A week's phase as the runner reads it: a season's maintenance weeks read "In season"
    (they keep strength between races, not after the goal race: the season branch's Left)."""
    if week.phase == Phase.maintenance and "in-season" in week.rule_ids:
        return IN_SEASON
    return PHASE_LABEL[week.phase]


PHASE_LETTER = {
    Phase.foundation: "F",
    Phase.build: "B",
    Phase.race_specific: "R",
    Phase.taper: "T",
    Phase.race_week: "★",
    Phase.maintenance: "M",
}

FIND_WEIGHT = "find-your-weight"


def find_weight_note(block: Block) -> str:
    """`find your weight [find-your-weight]` on the first session of a lift with no load known;
    `all your kit has [owned-weights]` where the one weight the runner owns is the load."""
    if any(r.rule_id == FIND_WEIGHT for r in block.reasons):
        return f"find your weight [{FIND_WEIGHT}]"
    if any(r.rule_id == "owned-weights" for r in block.reasons):
        return "all your kit has [owned-weights]"
    return ""


def block_dose_text(block: Block, units: Units = Units.metric) -> str:
    """The dose, and `· find your weight [find-your-weight]` on a lift's first session."""
    note = find_weight_note(block)
    return f"{dose_text(block.prescription, units)} · {note}" if note else dose_text(block.prescription, units)


def other_kind(block: Block, focus: Category, library: Library | None = None) -> str | None:
    """The label beside a block of another category than its session's focus: what its
    exercise is (`core/lift_kind.kind_words`: "landing drill", "single-leg strength"); None
    for the focus's own blocks. An exercise the library lacks is named by its category, and
    a single-leg power block on both legs by none (it is not single-leg)."""
    if block.category == focus:
        return None
    if library is None:
        from .data_files import load_library

        library = load_library()
    if block.exercise_id in library:
        return kind_words(library.get(block.exercise_id))
    if block.category == Category.single_leg_power and not block.prescription.per_side:
        return None
    return CATEGORY_NAME[block.category]


def dose_label(e: Exercise) -> str:
    """`3 × 8/side`: the library's starting dose of an exercise."""
    return f"{e.dose.sets} × {amount_label(e.dose)}"


RACE_NAME = {"5k": "5K", "10k": "10K", "half": "Half marathon", "marathon": "Marathon", "ultra": "Ultra"}


def race_label(race: RaceGoal) -> str:
    """`Spring Marathon (Marathon)`, or `5K` for a race without a name."""
    distance = RACE_NAME[race.distance.value]
    return f"{race.name} ({distance})" if race.name else distance


def kit_text(equipment: Iterable[Enum]) -> str:
    """The runner's kit as words: `bodyweight, mini band`."""
    return ", ".join(e.value.replace("_", " ") for e in equipment)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
