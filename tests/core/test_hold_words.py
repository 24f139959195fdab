"""A short plank's core holds are promised growth only where they can grow (screen-plank,
dose-holds): a poor screen whose ceiling is the start never says "grow from there" beside a
hold that stays at its week-1 dose, and a hold at the screen's ceiling says how it may grow."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings

from runstrong.core.model import Category
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.io.data_files import load_context
from tests.conftest import examples

from .strategies import profiles

SETTINGS = settings(max_examples=examples(0.2), deadline=None, suppress_health_check=[HealthCheck.too_slow])
GROW = "grow from there"
NO_FURTHER = "grows no further"
START = re.compile(r"core holds start at (\d+) s")
CEILING = re.compile(r"At the (\d+) s ceiling")


def _misfits(plan) -> list[str]:
    out = []
    for w in plan.weeks:
        for s in w.sessions:
            for b in s.blocks:
                if b.category != Category.core or not b.prescription.seconds:
                    continue
                said = " ".join(r.text for r in b.reasons)
                start, ceiling = START.search(said), CEILING.search(said)
                if GROW in said and start and ceiling and int(ceiling[1]) <= int(start[1]):
                    out.append(f"{s.date} {b.exercise_id}: grows from {start[1]} s, under a {ceiling[1]} s ceiling")
                if "ceiling for your screen" in said and NO_FURTHER in said:
                    out.append(f"{s.date} {b.exercise_id}: at the screen's ceiling with no way on")
    return out


@SETTINGS
@given(profile=profiles())
def test_a_core_hold_is_promised_growth_only_where_it_can_grow(profile):
    try:
        plan = build_plan(profile, load_context())
    except InfeasibleWeekError:
        return
    assert _misfits(plan) == []
