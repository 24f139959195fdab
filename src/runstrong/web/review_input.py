"""What a runner tells the weekly review besides the diary, checked field by field."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from runstrong.errors import UserError

from .problems import FieldProblem, InputError, Unavailable


@dataclass(frozen=True)
class ReviewRequest:
    """What a runner can tell the review besides the diary (see core.review.RealLife)."""

    week: dt.date | None = None
    ill: bool = False
    travel_start: dt.date | None = None
    travel_end: dt.date | None = None
    kit: str | None = None
    race_date: dt.date | None = None


def review_inputs(req: ReviewRequest, today: dt.date) -> tuple[dt.date | None, Any]:
    from runstrong.core.model import EquipmentSet
    from runstrong.core.review import RealLife

    problems = []
    week = req.week
    if week is not None and week > today:
        problems.append(FieldProblem(("week",), f"{week} is in the future (today is {today}); review a past week"))
    if (req.travel_start is None) != (req.kit is None):
        problems.append(FieldProblem(("kit",), "give the travel start date and the kit together"))
    if req.kit is not None and req.kit not in EquipmentSet._value2member_map_:
        kits = ", ".join(e.value for e in EquipmentSet)
        problems.append(FieldProblem(("kit",), f"{req.kit!r} is not a kit; choose one of {kits}"))
    if req.travel_start and req.travel_end and req.travel_end < req.travel_start:
        problems.append(FieldProblem(("travel_end",), "the trip ends before it starts; swap the dates"))
    if req.race_date is not None and req.race_date <= today:
        problems.append(
            FieldProblem(("race_date",), f"{req.race_date} is not after today ({today}); give the new date")
        )
    if problems:
        raise InputError(problems)
    real_life = RealLife(
        travel_start=req.travel_start,
        travel_end=req.travel_end or req.travel_start,
        travel_equipment=[EquipmentSet(req.kit)] if req.kit else None,
        ill=req.ill,
        race_date=req.race_date,
    )
    return week, real_life


def review_problem(err: UserError) -> InputError | Unavailable:
    text = str(err)
    for name in ("week", "race_date"):
        if text.startswith(f"{name}: "):
            return InputError.one(name, text.removeprefix(f"{name}: "))
    return Unavailable(text)
