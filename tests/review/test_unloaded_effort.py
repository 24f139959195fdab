"""Unloaded work's effort, logged as planned and read by the review (effortread's Left).

A bodyweight, timed-hold or plyometric dose names no effort (it is dosed by control), so
`runstrong log --as-planned` stored none for its sets and the review table showed no target for
a bodyweight category: Priya's core stability row read "9", not "9 (8)". Both now use
effort-read-near-failure's `unloaded_rpe` (RPE 8, the hardest effort any dose asks)."""

from __future__ import annotations

from rich.console import Console

from runstrong.core.diary import planned_work, sets_as_planned
from runstrong.core.model import TRAINING_CATEGORIES, Category
from runstrong.core.review import review_week
from runstrong.io.review_text import category_table

from .helpers import LIBRARY, REGISTRY
from .test_effort_read import PRIYA, _priya_week_two

UNLOADED_RPE = REGISTRY.param("effort-read-near-failure", "unloaded_rpe")


def table_text(review) -> str:  # type: ignore[no-untyped-def]
    console = Console(record=True, width=120, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(category_table(review.metrics))
    return console.export_text()


def test_priyas_bodyweight_categories_show_their_target_in_the_review_table() -> None:
    """Before: core stability "9" and single-leg power "9" (no target); posterior chain "9 (7)"."""
    plan, diary, two = _priya_week_two()
    review = review_week(plan, PRIYA, diary, two.start_date, LIBRARY, REGISTRY)
    by = {c.category: c for c in review.metrics.categories}
    assert by[Category.core].target_rpe == UNLOADED_RPE and not by[Category.core].loaded_target
    assert all(by[c].target_rpe is not None for c in TRAINING_CATEGORIES if by[c].planned_sets)
    rows = {line.split("  ")[0]: line for line in table_text(review).splitlines()}
    assert "9 (8)" in rows["core stability"], rows
    core = next(d for d in review.decisions if d.scope == "core")
    assert core.action == "hold" and "lighter" not in core.text  # no load to move: the words are as before


def test_sets_as_planned_keep_a_loaded_doses_own_effort() -> None:
    plan, _, two = _priya_week_two()
    (ps, *_) = [p for p in planned_work(plan)[0] if p.date >= two.start_date]
    blocks = {b.exercise_id: b.prescription for b in ps.blocks}
    for s in sets_as_planned(ps, UNLOADED_RPE):
        i = blocks[s.exercise_id].intensity
        expected = {"rir": (s.rir, i.value), "rpe": (s.rpe, i.value), "bodyweight": (s.rpe, UNLOADED_RPE)}
        got, want = expected[i.kind]
        assert got == want, (s.exercise_id, i, s)
