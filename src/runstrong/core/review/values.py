"""What a weekly review says: flags, decisions with the signals behind them, and the
plan change that carries them out."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ..base import Frozen
from ..model import Adjustment, EquipmentSet, ExerciseSwap, Item, PainArea, Reason, why
from .metrics import WeekMetrics

REVIEW_SCHEMA_VERSION = 1
Action = Literal["progress", "hold", "reduce", "deload", "repeat", "regress", "exclude", "unlock", "wait", "note"]


class Signal(Frozen):
    """One thing the diary showed, with its value against the runner's own baseline or the target."""

    kind: str = Field(description="soreness, wellness, sleep, appetite, effort, form, sets, pain, running, ...")
    text: str = Field(description="The value and what it is compared with, e.g. 'mood 2.7 vs your usual 3.9 ± 0.4'.")


class Flag(Frozen):
    kind: str
    text: str
    rule_id: str


class ReviewDecision(Frozen):
    """A decision of the weekly review (not core.activity's Decision, which is about one day's activity)."""

    scope: str = Field(description="A category, an exercise id, a pain area, or 'week'.")
    action: Action
    text: str
    reasons: list[Reason]
    signals: list[Signal] = Field(default_factory=list, description="What in the diary led to it.")

    @property
    def rule_ids(self) -> list[str]:
        return list(dict.fromkeys(r.rule_id for r in self.reasons))

    @property
    def signal_text(self) -> str:
        return "; ".join(s.text for s in self.signals)


class RealLife(Frozen):
    """What the runner tells the review that the diary cannot: travel, illness, a new race date."""

    travel_start: dt.date | None = None
    travel_end: dt.date | None = None
    travel_equipment: list[EquipmentSet | Item] | None = None
    ill: bool = False
    race_date: dt.date | None = None


class Review(Frozen):
    schema_version: int = REVIEW_SCHEMA_VERSION
    athlete: str
    week_start: dt.date = Field(description="Monday of the reviewed week.")
    next_week_start: dt.date = Field(description="Monday of the first week the review changes.")
    metrics: WeekMetrics
    flags: list[Flag]
    decisions: list[ReviewDecision]
    adjustments: list[Adjustment] = Field(description="What the review adds to the profile, week by week.")
    swaps: list[ExerciseSwap]
    pain_areas_added: list[PainArea]
    race_date: dt.date | None = None
    guidance: list[Reason]
    pain_sides: dict[PainArea, Literal["left", "right"]] = Field(
        default_factory=dict, description="A painful area flagged on one side only: single-leg work goes easy on it."
    )


def decision(
    scope: str, action: Action, text: str, rule_ids: list[str], signals: list[Signal], *extra: Reason
) -> ReviewDecision:
    """A decision whose text is its first reason, citing `rule_ids` (and any `extra` reasons)."""
    reasons = [why(rule_ids[0], text), *(why(r, text) for r in rule_ids[1:]), *extra]
    return ReviewDecision(scope=scope, action=action, text=text, reasons=reasons, signals=signals)
