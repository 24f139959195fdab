"""A pain ladder's slow heavy rung, dosed as heavy slow resistance is (rule slow-heavy-rung).

Lea's knee sat on rung 2 of 4, "slow heavy work (Dumbbell step-up)", and was given 3 x 6 at
2 kg, tempo 2-0-1-0, four to six reps in reserve, through race week: the rung sat on the day
before her tempo run, so the light day took its load and its reserve, and its reps then climbed
at the held load (cr30a F5). Heavy slow resistance (Beyer et al. 2015) is three seconds down and
three up, 15RM working down to 6RM: few reps, near their maximum. Here a slow heavy rung's loaded
lift keeps its tempo, a rep range at the programme's middle and a fixed reserve whatever day it
lands on; the load walk (`plan_loads`) then steps its load, never its reps past the range.
"""

from __future__ import annotations

from typing import Any

from .effort_targets import effort_target
from .model import Reason, why

RULE = "slow-heavy-rung"
SLOW = "slow_heavy"  # the `rung` a dose is asked for when its lift is a slow heavy rung's


def rung_reason(stage: str, measure: str) -> tuple[Reason, ...]:
    """The rule's reason for a rung pick at `stage`: only a slow heavy rung's lift done in reps."""
    if stage != SLOW or measure != "reps":
        return ()
    return (why(RULE, "Slow heavy work: few slow reps, heavy, its own dose whatever the day."),)


def rung_kind(pick: Any, rungs: frozenset[str]) -> bool | str:
    """What `prescribe` is told of a pick: `SLOW` for a slow heavy rung's lift, else whether a rung placed it."""
    if any(r.rule_id == RULE for r in pick.reasons):
        return SLOW
    return pick.exercise.id in rungs


def is_slow(block: Any) -> bool:
    """Whether a planned block is a slow heavy rung's lift."""
    return any(r.rule_id == RULE for r in block.reasons)


def slow_dose(d: Any, p: Any) -> None:
    """A draft dose made heavy and slow: its reps within the rule's range, its reserve the rule's,
    never the heavy scheme's near-failure sets, and a light day's easing not taken (said)."""
    if d.rung != SLOW or d.reps is None:
        return
    # fewer reps at the same reserve are a heavier load: a step at most from the last week's; a block
    # with none to step from starts at the top of the range (heavy slow resistance works down from it)
    fewest = p.slow_heavy_max_reps
    if d.carried is not None and d.carried.reps and not d.carried.away:
        fewest = max(p.slow_heavy_min_reps, min(d.carried.reps, p.slow_heavy_max_reps) - p.max_rep_step)
    d.reps = min(max(d.reps, fewest), p.slow_heavy_max_reps)
    d.intensity = effort_target(kind="rir", value=float(p.slow_heavy_rir))
    d.heavy = False
    tempo = p.slow_heavy_tempo
    text = f"{d.reps} slow reps ({tempo}) at {p.slow_heavy_rir} in reserve"
    if d.ctx.light:
        text += ": a key run is close, but the rung keeps its dose, never near failure"
    d.reasons.append(p.why(RULE, text + "."))


def slow_form(e: Any, block: Any, p: Any) -> Any:
    """`e` as a slow heavy rung's `block` does it: at the rule's tempo, so the kit's progression
    (`kit_progress`: reps, then a slower lowering at a held load) steps from that tempo, not the
    library's quicker one; any other block's lift as it is."""
    if not is_slow(block) or e.tempo == p.slow_heavy_tempo:
        return e
    return e.model_copy(update={"tempo": p.slow_heavy_tempo})
