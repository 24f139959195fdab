"""Which exercises each of a week's sessions holds, before any dose: the focus lifts, one
primary of each other category, the accessory and the finisher; and every pain ladder's
rung in at least one session of the week (graded return: cr20a F3). Remembered by the
composer apart from doses, which change every week."""

from __future__ import annotations

from .context import PlanningContext
from .model import TRAINING_CATEGORIES, Category, Pattern, Phase, Role
from .pain_return import RULE as GRADED_RETURN
from .selection import BlockSelection, Pick
from .session_order import power_first, with_explosive
from .stand_ins import stand_ins
from .vocab import CATEGORY_NAME, SESSION_LETTER

SPREAD_PHASES = frozenset({Phase.build, Phase.race_specific, Phase.taper})  # the taper keeps a few jumps


def session_picks(
    selection: BlockSelection, slot: int, focus: Category, n_sessions: int, race_week: bool, plyo_ok: bool
) -> tuple[tuple[Role, Pick, bool], ...]:
    """One session's exercises: its focus lifts, one primary of each other category, the
    accessory of its slot, then the finisher; hops swapped out when they may not go in."""
    picks: list[tuple[Role, Pick, bool]] = []
    mains = selection.primaries.get(focus, ())
    if race_week:
        mains = mains[:1]  # race week: one familiar main lift, nothing new or eccentric-heavy
    picks += [(Role.primary, pk, True) for pk in mains]
    power = selection.power if focus == Category.single_leg_power and not race_week else None
    if power is not None and (plyo_ok or power.exercise.pattern != Pattern.plyometric):  # else out: nothing stands in
        picks.append((Role.primary, power, False))
    others = [c for c in TRAINING_CATEGORIES if c != focus]
    if n_sessions >= len(TRAINING_CATEGORIES):
        others = others[:1]
    for c in others:
        options = selection.primaries.get(c, ())
        if options:
            picks.append((Role.primary, options[slot % len(options)], False))
    if selection.accessories:
        picks.append((Role.accessory, selection.accessories[slot % len(selection.accessories)], False))
    picks += [(Role.finisher, pk, False) for pk in selection.finisher]
    if not plyo_ok:
        picks = [(r, selection.alternatives.get(pk.exercise.id, pk), f) for r, pk, f in picks]
    return tuple(picks)


def sessions_picked(
    ctx: PlanningContext,
    selection: BlockSelection,
    n_sessions: int,
    plyo_ok: bool,
    short: bool,
    race_week: bool,
    spread: bool = False,
) -> tuple:
    """Each session's focus, roles, exercises, focus-lift flags and reasons, and the
    stand-ins of its light days: what the week holds whatever its doses (remembered apart
    from them, since doses change every week)."""
    p = ctx.params
    focuses = [Category(c) for c in p.focus_order][:n_sessions]
    warm_up = selection.warm_up[: p.warm_up_short_items if short else p.warm_up_items]
    rests = []
    for slot, focus in enumerate(focuses):
        rest = session_picks(selection, slot, focus, n_sessions, race_week, plyo_ok)
        if spread and plyo_ok and focus == Category.posterior_chain:
            rest = with_explosive(rest, selection)
        rests.append(rest)
    out = []
    for focus, rest in zip(focuses, with_every_rung(rests, selection, plyo_ok), strict=True):
        rest = power_first(rest)
        warm = tuple((Role.warm_up, pk, False) for pk in warm_up)
        if not plyo_ok:
            warm = tuple((r, selection.alternatives.get(pk.exercise.id, pk), f) for r, pk, f in warm)
        reasons = (
            p.why("session-focus", f"Session {SESSION_LETTER[focus]}: {CATEGORY_NAME[focus]} focus."),
            p.why("three-categories", "Trains posterior chain, core and single-leg power."),
        )
        roles, chosen, focus_lifts = zip(*(warm + rest), strict=True)
        gentler, calmer = stand_ins(roles, chosen, selection, p)
        one = ctx.memo.one_copy
        out.append((focus, one(roles), chosen, one(focus_lifts), reasons, {}, {}, gentler, calmer))
    return tuple(out)


def rung_picks(selection: BlockSelection) -> tuple[Pick, ...]:
    """The block's graded-return picks: each pain ladder's rung, placed in its ladder's slot."""
    return tuple(
        pk
        for picks in selection.primaries.values()
        for pk in picks
        if any(r.rule_id == GRADED_RETURN for r in pk.reasons)
    )


Picked = tuple[tuple[Role, Pick, bool], ...]


def with_every_rung(rests: list[Picked], selection: BlockSelection, plyo_ok: bool) -> list[Picked]:
    """The sessions' picks with each ladder's rung in at least one of them: a rung sits in one
    slot of its category, which a week of fewer sessions (a first partial week, race week,
    maintenance) may never reach, and graded return is low-fatigue work a painful area needs
    every week the runner lifts (pain-graded-return). A rung no session holds joins the
    week's first session as one more primary, after its others (its hop-free stand-in when hops may not go in)."""
    held = {pk.exercise.id for rest in rests for _, pk, _ in rest}
    missing = [selection.alternatives.get(pk.exercise.id, pk) if not plyo_ok else pk for pk in rung_picks(selection)]
    extra = tuple((Role.primary, pk, False) for pk in missing if pk.exercise.id not in held)
    if not extra or not rests:
        return rests
    first = rests[0]
    at = max((i + 1 for i, (role, _, _) in enumerate(first) if role == Role.primary), default=0)
    return [first[:at] + extra + first[at:], *rests[1:]]
