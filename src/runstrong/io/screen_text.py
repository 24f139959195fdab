"""The baseline screen's instructions, read from `data/screen.toml` and checked against `Screen`.

The words live in data so that they can be edited without touching the prompts; the
loader checks that every test fills real `Screen` fields and names real faults.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import model_validator

from runstrong.core.base import Frozen
from runstrong.core.model import PainArea
from runstrong.core.screen import HingeFault, Screen, SquatFault

Kind = Literal["hinge", "hold", "squat", "reps", "distance"]

FIELD_KEYS: dict[str, set[frozenset[str]]] = {
    "hinge": {frozenset({"pass", "faults"})},
    "squat": {frozenset({"left", "right", "faults_left", "faults_right"})},
    "hold": {frozenset({"value"}), frozenset({"left", "right"})},
    "reps": {frozenset({"value"}), frozenset({"left", "right"})},
    "distance": {frozenset({"value"}), frozenset({"left", "right"})},
}
UNIT = {"hold": "seconds", "reps": "reps", "distance": "cm"}


class Fault(Frozen):
    id: str
    text: str


class ScreenTest(Frozen):
    id: str
    kind: Kind
    label: str  # short, for prompts and tables
    title: str
    why: str
    setup: list[str]
    perform: list[str]
    optional: str | None = None  # the question that offers an optional test
    passes: str | None = None  # what counts as a pass (hinge)
    faults: list[Fault] = []
    rating: str | None = None
    side_word: Literal["side", "leg"] = "leg"
    caution: list[PainArea] = []
    fields: dict[str, str]

    @model_validator(mode="after")
    def _check(self) -> ScreenTest:
        if frozenset(self.fields) not in FIELD_KEYS[self.kind]:
            raise ValueError(f"{self.id}: fields for a {self.kind} test are one of {FIELD_KEYS[self.kind]}")
        unknown = [f for f in self.fields.values() if f not in Screen.model_fields]
        if unknown:
            raise ValueError(f"{self.id}: {unknown} are not Screen fields")
        valid = {"hinge": {f.value for f in HingeFault}, "squat": {f.value for f in SquatFault}}.get(self.kind, set())
        bad = [f.id for f in self.faults if f.id not in valid]
        if bad:
            raise ValueError(f"{self.id}: unknown faults {bad}")
        return self

    @property
    def two_sided(self) -> bool:
        return "left" in self.fields

    @property
    def unit(self) -> str:
        return UNIT.get(self.kind, "")


class Battery(Frozen):
    version: str
    minutes: int
    intro: str
    kit: list[str]
    before: str
    tests: list[ScreenTest]


@lru_cache(maxsize=1)
def load_battery() -> Battery:
    text = resources.files("runstrong.data").joinpath("screen.toml").read_text("utf-8")
    return Battery.model_validate(tomllib.loads(text))
