"""Whether a session is shown as heavy: by the dose it ends up prescribing, not only its scheme.

Placement decides before loads are set: a session whose scheme is heavy (`compose`'s spec)
is kept off speed days and the day before a key run (no-heavy-near-speed). Once loads are
set, a ceiling outside a loading week (maintenance's climb back, the taper, a review's cut)
can hold every leg lift so far from failure that nothing in the session is heavy any more
(`load_effort.honest_effort`: a Romanian deadlift at RIR 9). Such a day is shown as the
lighter day it is; its placement, which only protected the runner more, stands.
"""

from __future__ import annotations

from typing import Any

from .effort_targets import heavy_set
from .load_limits import LOADED_ROLES, copy_of
from .model import Block, Session
from .rep_scheme import LEG_CATEGORIES
from .schedule import PLACED_HEAVY

PLACED_EASED = (
    "Placed as a heavy day, so not on a key run's day nor the day before one; "
    "this week's loads keep every leg lift well short of failure."
)


def heavy_leg_work(blocks: list[Block], p: Any) -> bool:
    """Whether any leg lift (a main lift or accessory) is dosed at the registry's heavy
    threshold (dose-heavy's `heavy_set_max_rir`, `heavy_min_rpe` or `heavy_set_min_pct_1rm`)."""
    return any(
        b.role in LOADED_ROLES and b.category in LEG_CATEGORIES and heavy_set(b.prescription.intensity, p)
        for b in blocks
    )


def as_dosed_heavy(session: Session, blocks: list[Block], p: Any) -> Session | None:
    """`session` with `blocks` and shown as not heavy when its scheme was heavy but no leg lift
    is dosed heavy any more (None: the flag stands), on any day: a double day's session after a
    speed run or the long run included, which follows the run at its full dose whether heavy or
    not (no-heavy-near-speed), so the flag no longer lets it stay there and a taper's or a
    ceiling's eased loads are shown as the lighter day they are (cr27 plyo27: a taper's RDL at
    RIR 9 after the long run was headed "heavy"). A session placed as heavy and dosed as a
    moderate one (maintenance's 2 x 10 at RIR 4) no longer says "Heavy work" either (cr24a F13)."""
    if heavy_leg_work(blocks, p):
        return None
    if not session.heavy and not any(r.text == PLACED_HEAVY for r in session.reasons):
        return None
    reasons = [copy_of(r, text=PLACED_EASED) if r.text == PLACED_HEAVY else r for r in session.reasons]
    return copy_of(session, blocks=blocks, heavy=False, reasons=reasons)
