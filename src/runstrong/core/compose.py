"""A week's sessions before they have dates: which exercises each holds, dosed on demand.

Composition depends only on the block's selection, the week's dose context and what of
the runner a dose reads (`Runner`), so runners alike in those share the same session
objects through the planning context's memo.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from .context import PlanningContext, canonical
from .dosing import DoseContext, Dosed, estimate_seconds, is_heavy, prescribe
from .model import TRAINING_CATEGORIES, Block, Category, Level, Pattern, Phase, RaceDistance, Reason, Role, build, why
from .phases import WeekFrame
from .schedule import SessionSpec
from .selection import BlockSelection, Pick
from .trim import trim_to_cap
from .vocab import CATEGORY_NAME, SESSION_LETTER

LANDING_PATTERNS = frozenset({Pattern.landing, Pattern.plyometric})

# (category, weeks of progression held back), (category, volume cut %): what reviews ask of a week's doses
ReviewDosing = tuple[tuple[tuple[Category, int], ...], tuple[tuple[Category, int], ...]]


@dataclass(frozen=True, slots=True)
class Runner:
    """What of the profile a week's sessions depend on, as one hashable value: a week
    remembered under it cannot go stale when the profile gains a field."""

    level: Level
    race: RaceDistance | None
    cap_minutes: int  # the runner's cap, within the registry's
    allow_double: bool
    short_holds: bool  # the screen in force found a short plank
    weaker: tuple[tuple[Category, str], ...]  # (category, side) with an extra set


@dataclass(frozen=True, eq=False)
class Planned:
    """A session before it has a date: what it holds, dosed only when it is chosen, and
    the flags placement must know (worked out without dosing)."""

    focus: Category
    roles: tuple[Role, ...]  # per exercise, in session order (three flat tuples: far fewer objects
    chosen: tuple[Pick, ...]  # for the garbage collector to walk than a tuple per exercise)
    focus_lifts: tuple[bool, ...]  # whether it is one of the session's focus lifts
    dctx: DoseContext
    reasons: tuple[Reason, ...]
    ctx: PlanningContext

    @property
    def picks(self) -> zip:
        """(role, pick, whether a focus lift) per exercise."""
        return zip(self.roles, self.chosen, self.focus_lifts, strict=True)

    @cached_property
    def doses(self) -> tuple[Dosed, ...]:
        """Each exercise's dose, in session order (worked out only for sessions placed)."""
        return tuple(prescribe(self.ctx, pk.exercise, role, is_focus, self.dctx) for role, pk, is_focus in self.picks)

    @cached_property
    def light(self) -> Planned:
        """The same session dosed light, for a day next to a key run."""
        return replace(self, dctx=replace(self.dctx, light=True))

    @cached_property
    def race_close(self) -> Planned:
        """The same session with its leg work kept far from failure, for the last days before the race."""
        return replace(self, dctx=replace(self.dctx, race_close=True))

    @cached_property
    def has_landing(self) -> bool:
        return any(pk.exercise.pattern in LANDING_PATTERNS for pk in self.chosen)

    @cached_property
    def plyo_ids(self) -> frozenset[str]:
        return frozenset(pk.exercise.id for pk in self.chosen if pk.exercise.pattern == Pattern.plyometric)

    @cached_property
    def _content(self) -> dict[tuple[int, int], tuple[list[Block], list[Reason], int, int]]:
        return {}

    def content(self, cap: int, trim_level: int) -> tuple[list[Block], list[Reason], int, int]:
        """The session's blocks trimmed to `cap` minutes (at least `trim_level` trim steps),
        the trims' reasons, the trim level used and the estimated minutes. Remembered."""
        key = (cap, trim_level)
        hit = self._content.get(key)
        if hit is None:
            hit = self._content[key] = self._trimmed(cap, trim_level)
        return hit

    def _trimmed(self, cap: int, trim_level: int) -> tuple[list[Block], list[Reason], int, int]:
        p = self.ctx.params
        blocks = [
            build(
                Block,
                role=role,
                exercise_id=pk.exercise.id,
                name=pk.exercise.name,
                category=pk.exercise.category,
                prescription=dosed.prescription,
                estimated_seconds=estimate_seconds(dosed.prescription, role, p),
                cues=dosed.cues,
                reasons=[*pk.reasons, *dosed.reasons],
            )
            for role, pk, dosed in zip(self.roles, self.chosen, self.doses, strict=True)
        ]
        blocks, reasons, level = trim_to_cap(blocks, cap, p, self.focus, trim_level)
        minutes = -(-sum(b.estimated_seconds for b in blocks) // 60)
        return blocks, reasons, level, minutes

    @cached_property
    def spec(self) -> SessionSpec:
        p = self.ctx.params
        return SessionSpec(
            focus=self.focus,
            heavy=any(is_heavy(pk.exercise, role, f, self.dctx, p) for role, pk, f in self.picks),
            plyometric=bool(self.plyo_ids),
        )


def volume_cut(frame: WeekFrame, p: Any) -> int:
    """The week's planned volume cut: a deload's, the taper's, or none."""
    if frame.deload:
        return p.deload_volume_cut_pct
    if frame.phase == Phase.taper:
        return p.taper_volume_cut_pct[0]
    if frame.phase == Phase.race_week:
        return p.taper_volume_cut_pct[1]
    return 0


def dose_context(runner: Runner, frame: WeekFrame, review: ReviewDosing, p: Any) -> DoseContext:
    return DoseContext(
        level=runner.level,
        phase=frame.phase,
        deload=frame.deload,
        step=frame.step,
        heavy_ok=frame.phase != Phase.race_week,
        race=runner.race,
        volume_cut_pct=volume_cut(frame, p),
        short_holds=runner.short_holds,
        weaker=runner.weaker,
        held=review[0],
        reduced=review[1],
    )


def compose(
    ctx: PlanningContext,
    selection: BlockSelection,
    selection_key: object,
    runner: Runner,
    frame: WeekFrame,
    review: ReviewDosing,
    n_sessions: int,
    heavy: frozenset[Category],
    plyo_ok: bool,
) -> list[Planned]:
    """The content of each of the week's sessions, before placement; sessions whose focus
    is in `heavy` may carry heavy work. Remembered on the context by value."""
    p = ctx.params
    short = runner.cap_minutes <= p.warm_up_short_cap
    dctx = dose_context(runner, frame, review, p)
    key = (selection_key, n_sessions, heavy, plyo_ok, dctx, short)
    hit = ctx.memo.composed.get(key)
    if hit is None:
        fresh = _compose_fresh(ctx, selection, n_sessions, heavy, plyo_ok, dctx, short)
        hit = ctx.memo.composed.put(key, fresh)
    return hit


def _session_picks(
    selection: BlockSelection, slot: int, focus: Category, n_sessions: int, race_week: bool, plyo_ok: bool
) -> tuple[tuple[Role, Pick, bool], ...]:
    """One session's exercises: its focus lifts, one primary of each other category, the
    accessory of its slot, then the finisher; hops swapped out when they may not go in."""
    picks: list[tuple[Role, Pick, bool]] = []
    mains = selection.primaries.get(focus, ())
    if race_week:
        mains = mains[:1]  # race week: one familiar main lift, nothing new or eccentric-heavy
    picks += [(Role.primary, pk, True) for pk in mains]
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


def _compose_fresh(
    ctx: PlanningContext,
    selection: BlockSelection,
    n_sessions: int,
    heavy: frozenset[Category],
    plyo_ok: bool,
    base: DoseContext,
    short: bool,
) -> list[Planned]:
    p = ctx.params
    focuses = [Category(c) for c in p.focus_order][:n_sessions]
    warm_up = selection.warm_up[: p.warm_up_short_items if short else p.warm_up_items]
    planned = []
    for slot, focus in enumerate(focuses):
        dctx = replace(base, heavy_ok=base.heavy_ok and focus in heavy)
        rest = _session_picks(selection, slot, focus, n_sessions, base.phase == Phase.race_week, plyo_ok)
        warm = tuple((Role.warm_up, pk, False) for pk in warm_up)
        if not plyo_ok:
            warm = tuple((r, selection.alternatives.get(pk.exercise.id, pk), f) for r, pk, f in warm)
        reasons = (
            why("session-focus", f"Session {SESSION_LETTER[focus]}: {CATEGORY_NAME[focus]} focus."),
            why("three-categories", "Trains posterior chain, core and single-leg power."),
        )
        roles, chosen, focus_lifts = zip(*(warm + rest), strict=True)
        planned.append(Planned(focus, canonical(roles), chosen, canonical(focus_lifts), dctx, reasons, ctx))
    return planned
