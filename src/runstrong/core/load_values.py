"""What a profile says about the runner's loads: recent sets to start lifts from, and the
kit that loads them (which items take a load, which have a bar, and what a bar may weigh).
`core/model.py` declares the profile's fields with these and re-exports them."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from .base import Frozen
from .owned_kit import with_owned_heaviest, with_owned_steps
from .vocab import Item, Units, in_date_range

_RECENT_SET = re.compile(
    r"^\s*(\d+)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(kg|kgs|lb|lbs)\s*(?:@\s*(rir|rpe)\s*(\d+(?:\.\d+)?))?\s*$", re.I
)
_KG_PER_LB = 0.45359237


class RecentSet(Frozen):
    """One recent set of an exercise: a start for its load (e1RM by the registry's formula).
    Written as a table or as text: "5 x 60 kg @ RIR 2", "8 x 45 lb @ RPE 8"."""

    reps: Annotated[int, Field(ge=1, le=30)]
    load_kg: Annotated[float, Field(gt=0, le=500)]
    rir: Annotated[float | None, Field(ge=0, le=10)] = None
    rpe: Annotated[float | None, Field(ge=1, le=10)] = None
    date: Annotated[dt.date, AfterValidator(in_date_range)] | None = Field(
        None, description="When it was done (sets from the diary carry their date)."
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        m = _RECENT_SET.match(value)
        if m is None:
            raise ValueError('not a set; write reps x load, then RIR or RPE, e.g. "5 x 60 kg @ RIR 2" (kg or lb)')
        reps, load, unit, kind, effort = m.groups()
        out: dict[str, object] = {
            "reps": int(reps),
            "load_kg": float(load) * (_KG_PER_LB if unit.lower()[0] == "l" else 1),
        }
        if kind:
            out[kind.lower()] = float(effort)
        return out

    @model_validator(mode="after")
    def _one_effort(self) -> RecentSet:
        if self.rir is not None and self.rpe is not None:
            raise ValueError("give RIR or RPE, not both")
        return self


LOAD_KIT = ("barbell", "trap_bar", "dumbbell", "kettlebell", "cable", "machine", "backpack")
BAR_KIT = ("barbell", "trap_bar")  # the kit whose lightest load is an empty bar (`load-rounding` bar_kg)
HEAVIEST_BAR_KG = 40.0  # no bar a runner lifts weighs more (a heavy trap bar is about 30 kg)


def load_kit(value: dict) -> dict:
    """A per-item table (`load_increments`, `heaviest_loads`) keyed only by kit that takes a load."""
    wrong = [k for k in value if k not in LOAD_KIT]
    if wrong:
        raise ValueError(f"{', '.join(map(str, wrong))} takes no load: name loaded kit, {', '.join(LOAD_KIT)}")
    return value


def bars_only(value: dict) -> dict:
    """`bar_weights` keyed only by kit with a bar."""
    wrong = [k for k in value if k not in BAR_KIT]
    if wrong:
        raise ValueError(f"{', '.join(map(str, wrong))} has no bar: name a bar, {' or '.join(BAR_KIT)}")
    return value


def bar_weights_fit(bars: dict, units: Units) -> None:
    """A ValueError naming the first bar whose weight (in the runner's units) no bar has:
    nothing or less, or over `HEAVIEST_BAR_KG`.

    >>> bar_weights_fit({"barbell": 15}, Units.metric), bar_weights_fit({"barbell": 45}, Units.imperial)
    (None, None)
    >>> bar_weights_fit({"barbell": 100}, Units.metric)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ValueError: bar_weights.barbell: 100 kg is heavier than any bar (at most 40 kg); give what your empty bar ...
    """
    unit, per_kg = ("lb", 1 / _KG_PER_LB) if units == Units.imperial else ("kg", 1.0)
    most = round(HEAVIEST_BAR_KG * per_kg)
    example = 35 if units == Units.imperial else 15
    for kit, weight in bars.items():
        name = getattr(kit, "value", kit)
        if weight <= 0:
            problem = f"{weight:g} {unit} is no bar"
        elif weight > most:
            problem = f"{weight:g} {unit} is heavier than any bar (at most {most} {unit})"
        else:
            continue
        raise ValueError(
            f"bar_weights.{name}: {problem}; give what your empty bar weighs, e.g. {name} = {example} "
            f"for a {example} {unit} bar"
        )


OWNED_KIT = ("dumbbell", "kettlebell")  # kit bought as fixed weights: the runner can say which they own


def owned_kit(value: dict) -> dict:
    """`owned_weights`: fixed dumbbells or kettlebells, each item's weights given once and on
    one even step (a single pair is its own step), since loads are rounded to whole steps of
    the kit (`load-rounding`); sorted, lightest first.

    >>> owned_kit({"dumbbell": [10]}), owned_kit({"kettlebell": [16, 12]})
    ({'dumbbell': [10]}, {'kettlebell': [12, 16]})
    """
    out = {}
    for kit, weights in value.items():
        if kit not in OWNED_KIT:
            raise ValueError(f"{kit}: name fixed weights you own, {' or '.join(OWNED_KIT)}")
        ws = sorted(weights)
        if not ws or len(set(ws)) != len(ws):
            raise ValueError(f"{kit}: list each weight you own once, e.g. [10] for one pair of 10 kg")
        gaps = {round(b - a, 6) for a, b in pairwise(ws)}
        if len(gaps) > 1:
            raise ValueError(
                f"{kit}: {', '.join(f'{w:g}' for w in ws)} are not on one even step; give the ones that are "
                "(e.g. [8, 12, 16]): loads are rounded to whole steps"
            )
        out[kit] = ws
    return out


def owned_conflict(profile: object) -> str | None:
    """`heaviest_loads` or `load_increments` saying otherwise of an item `owned_weights` names."""
    owned = getattr(profile, "owned_weights", {}) or {}
    for field, table in (("heaviest_loads", with_owned_heaviest({}, owned)), ("load_increments", None)):
        given = getattr(profile, field, {}) or {}
        want = table if table is not None else with_owned_steps({}, owned)
        for kit, v in want.items():
            if kit in given and abs(given[kit] - v) > 1e-6:
                return f"{field}.{kit}: {given[kit]:g}, but owned_weights.{kit} says {v:g}; give one of them"
    return None


OwnedWeights = Annotated[dict[Item, list[Annotated[float, Field(gt=0, le=100)]]], AfterValidator(owned_kit)]
OWNED_WORDS = (
    "The fixed dumbbells or kettlebells you own, in your units, on one even step: e.g. dumbbell = [10] for one "
    "pair of 10 kg, kettlebell = [12, 16]. Every load of that item is one of them."
)


KNOWN = (
    "Your working load per exercise id, in kg (even in an imperial profile), for its usual reps with about 2 in "
    "reserve. Or give known_loads: the same, in your units (lb for imperial), e.g. romanian_deadlift = 135. Loads "
    "from before a break: give known_loads_date; with consistent_strength_weeks = 0 and no date they are read as "
    "from before a break (detraining-restart)."
)
KNOWN_DATE = (
    "When your known loads were your working loads (YYYY-MM-DD), if not lately: a load from before a break is "
    "started lower, by how long ago it was, and its first session finds the weight again (detraining-restart)."
)
CONFIRMED = (
    "Your known loads and recent sets are right though they are heavy for your body mass and level: a load "
    "far beyond what they make plausible (a load typed in pounds) is refused until you check it (load-plausible)."
)
RECENT = (
    'A recent set per exercise id, e.g. "5 x 60 kg @ RIR 2" (a table may give its date: a set months old is '
    "started lower, detraining-restart): its e1RM sets the start. Your own word: the diary's sets go in logged_sets."
)
