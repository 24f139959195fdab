"""The shipped data with every lift held to one dumbbell (no `pair_load`): the tests written on a
hip thrust at the runner's heaviest dumbbell keep testing a lift at the kit's top, the kind a goblet
squat or a kit whose pair cannot be summed on its steps still has, now that the shipped hip thrust
carries both dumbbells past one (kit-heaviest)."""

from __future__ import annotations

from functools import cache

from runstrong.core.context import PlanningContext
from runstrong.core.library import Library
from runstrong.io.data_files import load_context


@cache
def one_dumbbell_context() -> PlanningContext:
    ctx = load_context()
    exercises = tuple(e.model_copy(update={"pair_load": False}) for e in ctx.library.exercises)
    return PlanningContext(Library(ctx.library.version, exercises), ctx.registry, ladders=ctx.ladders)
