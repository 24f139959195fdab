"""Every load change the review did not decide is named in its change list, with what set the
load (cr19b #2: Frank's dumbbell RDL fell 25 -> 15 lb for weeks after an Achilles review, and
the change list only said "2 doses move with the block this review shifted")."""

from __future__ import annotations

import datetime as dt

from runstrong.core.model import Category, Role
from runstrong.core.review.changes import LOAD_RULES, decided_loads, plan_differences
from runstrong.io.plan_changes import describe_changes

from .helpers import MAYA, plan_of


def _lowered(plan, start, exercise_id=None):  # type: ignore[no-untyped-def]
    """The plan with one loaded main lift's load lowered in the week of `start` (a replan's doing)."""
    weeks = []
    hit = None
    for w in plan.weeks:
        if w.start_date == start:
            sessions = []
            for s in w.sessions:
                blocks = []
                for b in s.blocks:
                    loaded = b.role == Role.primary and b.prescription.load_kg and b.prescription.load_kg > 5
                    if hit is None and loaded and (exercise_id is None or b.exercise_id == exercise_id):
                        hit = b
                        b = b.model_copy(update={"prescription": b.prescription.model_copy(update={"load_kg": 2.5})})
                    blocks.append(b)
                sessions.append(s.model_copy(update={"blocks": blocks}))
            w = w.model_copy(update={"sessions": sessions})
        weeks.append(w)
    return plan.model_copy(update={"weeks": weeks}), hit


def _says_its_load(line: str, block) -> bool:  # type: ignore[no-untyped-def]
    """The line ends with what set the block's load, said once (not "Load: Load from ...")."""
    whys = [r.text for r in block.reasons if r.rule_id in LOAD_RULES]
    return bool(whys) and any(line.endswith(f". {why}") for why in whys) and "Load: " not in line


def _loaded_weeks(plan):  # type: ignore[no-untyped-def]
    return [
        w
        for w in plan.weeks
        if not w.deload and any(b.prescription.load_kg for s in w.sessions for b in s.blocks if b.role == Role.primary)
    ]


def test_a_later_weeks_load_drop_the_review_did_not_decide_is_named_with_its_reason():
    plan = plan_of(MAYA)
    first, later = _loaded_weeks(plan)[1:3]
    new, block = _lowered(_lowered(plan, first.start_date)[0], later.start_date)  # the review changed next week
    assert block is not None
    diff = plan_differences(plan, new, first.start_date)
    lines = describe_changes(diff, plan.profile.units, decided_loads(new, [], first.start_date))
    named = [c.text for c in lines if block.name in c.text and c.date > later.start_date - dt.timedelta(days=1)]
    assert named and _says_its_load(named[0], block) and f"Week {later.index}" in named[0], [c.text for c in lines]
    assert not any(block.name in c.text and "the block this review shifted" in c.text for c in lines)
    # without knowing what the review decided, the week's summary names it with the block's shift,
    # not on a line of its own with its load (cr25a F16: the summary names its lifts)
    since = later.start_date - dt.timedelta(days=1)
    old = [c.text for c in describe_changes(diff, plan.profile.units) if c.date > since]
    assert not any(f"{block.name}:" in x for x in old), old
    assert any(block.name in x and "the block this review shifted" in x for x in old), old


def test_a_load_change_in_a_category_the_review_held_is_not_named_again():
    plan = plan_of(MAYA)
    first, later = _loaded_weeks(plan)[1:3]
    new, block = _lowered(_lowered(plan, first.start_date)[0], later.start_date)
    decided = {later.start_date: frozenset(Category)}
    lines = describe_changes(plan_differences(plan, new, first.start_date), plan.profile.units, decided)
    assert not any(f"{block.name}:" in c.text and c.date > later.start_date - dt.timedelta(days=1) for c in lines)


def test_a_next_weeks_load_change_the_review_did_not_decide_says_what_set_the_load():
    plan = plan_of(MAYA)
    first = _loaded_weeks(plan)[1]
    new, block = _lowered(plan, first.start_date)
    lines = describe_changes(plan_differences(plan, new, first.start_date), plan.profile.units, {})
    (line,) = [c.text for c in lines if block.name in c.text]
    assert _says_its_load(line, block), line


def test_a_lifts_load_drop_over_several_later_weeks_is_named_once_with_those_weeks():
    plan = plan_of(MAYA)
    first, a, b = _loaded_weeks(plan)[1:4]
    new = _lowered(plan, first.start_date)[0]
    new, block = _lowered(new, a.start_date)
    new, again = _lowered(new, b.start_date, block.exercise_id)
    assert again is not None
    lines = describe_changes(plan_differences(plan, new, first.start_date), plan.profile.units, {})
    named = [c.text for c in lines if block.name in c.text and c.date >= a.start_date]
    assert len(named) == 1 and f"week {b.index} too" in named[0], named
