"""A week's sessions before they have dates: which exercises each holds, dosed on demand.

Composition depends only on the block's selection, the week's dose context and what of
the runner a dose reads (`Runner`), so runners alike in those share the same session
objects through the planning context's memo.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, replace
from typing import Any

from .cached_attr import cached_attr
from .carry import Carry, all_carried, dose_of, doses_by_lift
from .context import PlanningContext
from .dosing import SETTLED, DoseContext, Dosed, Stage, is_heavy, prescribe, stepless
from .fill import capped_sets, fill_to_share, like_base
from .model import (
    Block,
    Category,
    Pattern,
    Phase,
    Reason,
    Role,
    build,
    why,
)
from .pain_return import RULE as RUNG_RULE
from .phases import LOADING_PHASES, WeekFrame
from .rep_scheme import LEG_CATEGORIES, foundation_effort
from .runner import Runner
from .schedule import SessionSpec
from .selection import BlockSelection, Pick
from .session_picks import SPREAD_PHASES, sessions_picked
from .slow_heavy import rung_kind
from .stand_ins import HOPS_OUT, NEW_HOPS_OUT, low_hop
from .timing import estimate_seconds
from .trim import Lead, trim_to_cap
from .vocab import Impact

LANDING_PATTERNS = frozenset({Pattern.landing, Pattern.plyometric})

# (category, weeks of progression held back), (category, volume cut %): what reviews ask of a week's doses
ReviewDosing = tuple[
    tuple[tuple[Category, int], ...], tuple[tuple[Category, int], ...], tuple[tuple[Category, int], ...]
]


LONG_RUN_DAY = "It shares the day with your long run: no sets are added to fill the time."
RACE_CLOSE_DAY = "A race is close: no sets are added to fill the time."


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
    carry: Carry = ()  # the last loading week's doses of this session's lifts
    base_ref: weakref.ref[Planned] | None = None  # a variant's full-dose session: weak, no cycle with its cache
    specs: dict | None = None  # shared by sessions of the same picks: placement flags by dose context
    gentler: tuple[tuple[int, Pick | None], ...] = ()  # stand-ins for sore-making lifts (soreness-counts-heavy)
    calmer: tuple[
        tuple[int, Pick | None], ...
    ] = ()  # stand-ins for hops on a sandwiched day (explosive-work-with-room)
    topped_up: bool = True  # grown toward its share of the cap in a loading week (not beside a long run)
    full_days: frozenset[str] = frozenset()  # the week's focus lifts: a lift's full day is its focus session

    @cached_attr
    def carried(self) -> dict[str, tuple]:
        """This session's lifts' doses in the last loading week, by exercise id."""
        return {ex: c for (ex, _), c in self.carry}

    @property
    def picks(self) -> zip:
        """(role, pick, whether a focus lift) per exercise."""
        return zip(self.roles, self.chosen, self.focus_lifts, strict=True)

    @cached_attr
    def doses(self) -> tuple[Dosed, ...]:
        """Each exercise's dose, in session order (worked out only for sessions placed)."""
        carried, rungs = self.carried, self.rung_ids
        return tuple(
            prescribe(
                self.ctx, pk.exercise, role, is_focus, self.dctx, carried.get(pk.exercise.id), rung_kind(pk, rungs)
            )
            for role, pk, is_focus in self.picks
        )

    @cached_attr
    def light(self) -> Planned:
        """The same session dosed light, for a day next to a key run: nothing that leaves
        the legs sore for days (soreness-counts-heavy)."""
        return self._swapped(self.gentler, dctx=self.dctx._replace(light=True), gentler=())

    @cached_attr
    def sandwiched(self) -> Planned:
        """The light session for a day between a hard run and a key run: no hops either
        (explosive-work-with-room)."""
        light = self.light
        if not light.calmer:
            return light
        out = {"reasons": (*light.reasons, HOPS_OUT)} if any(pk is None for _, pk in light.calmer) else {}
        return light._swapped(light.calmer, calmer=(), **out)  # hops with no stand-in go, said

    @cached_attr
    def squeezed(self) -> Planned:
        """The light session for a day between two key runs when no other session of the
        week keeps hops: they stay, saying why, in a 5K or 10K plan
        (its explosive emphasis) or when they are brief two-footed hops; otherwise single-leg
        or high-impact jumps give way (explosive-work-with-room)."""
        light = self.light
        short = self.dctx.race in self.ctx.params.explosive_distances
        if not light.calmer or not (short or all(low_hop(light.chosen[i].exercise) for i, _ in light.calmer)):
            return self.sandwiched
        kept = tuple((i, Pick(light.chosen[i].exercise, (*light.chosen[i].reasons, _KEPT))) for i, _ in light.calmer)
        return light._swapped(kept, calmer=())

    @property
    def spared(self) -> Planned:
        """The same session at its dose without sore-making lifts, for a key run's day (itself
        when it has none: not cached as itself, which would be a cycle for the collector)."""
        return self._spared if self.gentler else self

    @cached_attr
    def _spared(self) -> Planned:
        return self._swapped(self.gentler, gentler=())

    @cached_attr
    def beside_long_run(self) -> Planned:
        """The same session at its dose, not grown toward its share of the cap: it shares the
        day with a long run because no better day was free, so it stays the dose it is
        (pair-with-easy-day) rather than the longest session of the week."""
        return replace(self, base_ref=weakref.ref(self.base or self), topped_up=False)

    @cached_attr
    def race_close(self) -> Planned:
        """The same session with its leg work kept far from failure, for the last days before the race."""
        return self._swapped(self.gentler, dctx=self.dctx._replace(race_close=True), gentler=())

    @cached_attr
    def returning(self) -> Planned:
        """The same session with its leg work kept far from failure, for the first days back after the race."""
        return self._swapped(self.gentler, dctx=self.dctx._replace(race_close=True, returning=True), gentler=())

    def kept_to(self, done: frozenset[str], said: Reason, hops: bool = False) -> Planned:
        """Keeps to what was built: a sore-making lift no loading week did (`done`) gives way to
        its stand-in, which says so (`said`), whatever the day; with `hops`, so do hops no
        loading week did, to their calmer stand-in or out (the taper and race week bring
        nothing new before the race)."""
        stand: dict[int, Pick | None] = dict(self.gentler)
        if hops:
            calm = dict(self.calmer)
            worked = (Role.primary, Role.accessory)
            stand |= {i: calm.get(i) for i, (role, pk) in enumerate(zip(self.roles, self.chosen, strict=True))
                      if role in worked and pk.exercise.pattern == Pattern.plyometric}  # fmt: skip
        new = {i for i in stand if self.chosen[i].exercise.id not in done}
        if not new:
            return self
        swaps = tuple((i, pk and Pick(pk.exercise, (*pk.reasons, said))) for i, pk in stand.items() if i in new)
        gone = hops and any(pk is None and self.chosen[i].exercise.pattern == Pattern.plyometric for i, pk in swaps)
        out = {"reasons": (*self.reasons, NEW_HOPS_OUT)} if gone else {}  # hops with no stand-in go, said
        return self._swapped(swaps, gentler=tuple(g for g in self.gentler if g[0] not in new),
                             calmer=tuple(c for c in self.calmer if c[0] not in new), **out)  # fmt: skip

    def _swapped(self, swaps: tuple[tuple[int, Pick | None], ...], **changes: Any) -> Planned:
        """This session with the picks at the `swaps` positions replaced (the full-dose
        session stays its base; placement flags are worked out afresh when picks change)."""
        base = weakref.ref(self.base or self)
        if not swaps:
            return replace(self, base_ref=base, **changes)
        chosen: list[Pick | None] = list(self.chosen)
        for i, pk in swaps:
            chosen[i] = pk  # None: no stand-in fits, the lift is left out this day
        keep = [i for i, pk in enumerate(chosen) if pk is not None]
        return replace(
            self,
            roles=tuple(self.roles[i] for i in keep),
            chosen=tuple(chosen[i] for i in keep),  # type: ignore[misc]
            focus_lifts=tuple(self.focus_lifts[i] for i in keep),
            base_ref=base,
            specs=None,
            **changes,
        )

    @property
    def base(self) -> Planned | None:  # the full-dose session this one varies (it caches its variants)
        return self.base_ref() if self.base_ref is not None else None

    @cached_attr
    def has_landing(self) -> bool:
        return any(pk.exercise.pattern in LANDING_PATTERNS for pk in self.chosen)

    @cached_attr
    def lead(self) -> Lead:
        """The session's focus, with a 5K/10K plan's hops in the build and race-specific weeks
        cut only with its main lifts when time is short (short-race-explosive)."""
        d, p = self.dctx, self.ctx.params
        emphasis = d.race in p.explosive_distances and d.phase in _EMPHASIS_PHASES
        return Lead(self.focus, (self.plyo_ids if emphasis else frozenset()) | self.calf_ids | self.rung_ids)

    @cached_attr
    def rung_ids(self) -> frozenset[str]:
        """A pain ladder's rung: its graded return goes only with the main lifts (pain-graded-return)."""
        return frozenset(pk.exercise.id for pk in self.chosen if any(r.rule_id == RUNG_RULE for r in pk.reasons))

    @cached_attr
    def calf_ids(self) -> frozenset[str]:
        """The calf accessory, kept until the main lifts lose a set, when it is the session's
        ankle stiffness work (no hops: ankle-foot-stiffness) or a half or marathon plan leans
        on calf capacity (marathon-durability)."""
        if self.plyo_ids and self.dctx.race not in self.ctx.params.durability_distances:
            return frozenset()
        return frozenset(
            pk.exercise.id
            for role, pk in zip(self.roles, self.chosen, strict=True)
            if role == Role.accessory and any(r.rule_id == "ankle-foot-stiffness" for r in pk.reasons)
        )

    @cached_attr
    def plyo_ids(self) -> frozenset[str]:
        return frozenset(pk.exercise.id for pk in self.chosen if pk.exercise.pattern == Pattern.plyometric)

    @cached_attr
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
        blocks, filled = self._filled(cap)
        blocks, reasons, level = trim_to_cap(blocks, cap, self.ctx.params, self.lead, trim_level)
        minutes = -(-sum(b.estimated_seconds for b in blocks) // 60)
        return blocks, [*filled, *reasons], level, minutes

    def _filled(self, cap: int) -> tuple[list[Block], list[Reason]]:
        """The session's blocks, grown toward its share of the cap in a loading week. A light
        variant takes its full-dose session's sets on the lifts it does not lighten, so what
        the page shows is what the next week steps from."""
        hit = self._content.get((cap, -1))
        if hit is not None:
            return hit[0], hit[1]
        p = self.ctx.params
        blocks = [
            _block(role, pk, dosed, p) for role, pk, dosed in zip(self.roles, self.chosen, self.doses, strict=True)
        ]
        sets = {ex: c[0] for ex, c in self.carried.items()}  # a carried dose's sets
        blocks = capped_sets(blocks, sets, p)
        filled: list[Reason] = []
        base = self.base
        d = self.dctx  # a tune-up's days (tune-up-race; the goal race's first days back keep their own way)
        near_race = d.race_close and not d.returning and base is not None and base.fills
        if near_race:  # its leg work far from failure and no sets added: not the full day's top-up (cr22b W4)
            filled = [p.why("tune-up-race", RACE_CLOSE_DAY)]
        elif not self.topped_up:
            filled = [p.why("session-time-cap", LONG_RUN_DAY)] if self.fills else []
        elif base is not None:
            blocks, filled = like_base(blocks, *base._filled(cap), p)
        elif self.fills:
            blocks, filled = fill_to_share(blocks, cap, self.focus, self.set_ceiling, sets, p, self.kept_doses)
        self._content[(cap, -1)] = (blocks, filled, 0, 0)
        return blocks, filled

    @cached_attr
    def kept_doses(self) -> dict[int, Reason]:
        """The main lifts the top-up leaves at their dose, by position, and why: a lift whose
        full day is another session of the week (never harder here than there), and a 5K or
        10K plan's leg strength work in the race-specific weeks, whose emphasis is explosive
        work, not volume (short-race-explosive)."""
        p, d = self.ctx.params, self.dctx
        explosive = d.race in p.explosive_distances and d.phase == Phase.race_specific
        kept: dict[int, Reason] = {}
        for i, (role, pk, is_focus) in enumerate(self.picks):
            if role != Role.primary:
                continue
            e = pk.exercise
            if not is_focus and e.id in self.full_days:
                kept[i] = _SECOND_DAY
            elif explosive and e.category in LEG_CATEGORIES and e.pattern != Pattern.plyometric:
                kept[i] = _RACE_SPECIFIC
        return kept

    @property
    def fills(self) -> bool:
        """A loading week's session at its full dose grows toward its share of the cap."""
        d = self.dctx
        return d.phase in LOADING_PHASES and not (d.deload or d.race_close or d.reduced)

    @property
    def set_ceiling(self) -> int:
        p, d = self.ctx.params, self.dctx
        if foundation_effort(d):
            return p.foundation_sets  # dose-foundation: up to its sets
        return p.fill_max_sets[d.level]

    @cached_attr
    def spec(self) -> SessionSpec:
        specs = self.specs if self.specs is not None else {}
        hit = specs.get(self.dctx)
        if hit is None:
            hit = specs[self.dctx] = self._spec()
        return hit

    def _spec(self) -> SessionSpec:
        p = self.ctx.params
        return SessionSpec(
            focus=self.focus,
            heavy=any(is_heavy(pk.exercise, role, f, self.dctx, p) for role, pk, f in self.picks),
            plyometric=bool(self.plyo_ids),
            landings=any(pk.exercise.impact in _LANDING_IMPACT for pk in self.chosen),
            legs=any(
                role in (Role.primary, Role.accessory) and pk.exercise.category in LEG_CATEGORIES
                for role, pk in zip(self.roles, self.chosen, strict=True)
            ),
        )


_LANDING_IMPACT = frozenset({Impact.moderate, Impact.high})


def _without_heavy(dctx: DoseContext, ctx: PlanningContext) -> DoseContext:
    """The dose context with no heavy work, one copy kept on the planning memo (weeks share them)."""
    return ctx.memo.one_copy(dctx._replace(heavy_ok=False)) if dctx.heavy_ok else dctx


def _block(role: Role, pk: Pick, dosed: Dosed, p: Any) -> Block:
    """The block of one pick dosed so, made once per dose (blocks are frozen and shared), kept
    under an int (the pick's id and the role's place) with the pick itself in `picks` so that a
    reused id is never trusted: two entries per block, no pair tuples for the collector."""
    key = id(pk) * _ROLES + _ROLE_INDEX[role]
    hit = dosed.blocks.get(key)
    if hit is not None and dosed.picks[key] is pk:
        return hit
    block = build(
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
    if len(dosed.blocks) >= _BLOCKS_PER_DOSE:  # a dose the memo keeps meets new picks in every plan: bounded
        dosed.blocks.clear(), dosed.picks.clear()
    dosed.blocks[key], dosed.picks[key] = block, pk
    return block


_BLOCKS_PER_DOSE = 32
_ROLE_INDEX = {role: n for n, role in enumerate(Role)}
_ROLES = len(_ROLE_INDEX)


def volume_cut(frame: WeekFrame, p: Any) -> int:
    """The week's planned volume cut: a deload's, the taper's, or none."""
    if frame.goal_race:  # a goal race's race week (goal-race): as the taper's race week
        return p.taper_volume_cut_pct[1]
    if frame.deload:
        return p.deload_volume_cut_pct
    if frame.phase == Phase.taper:
        return p.taper_volume_cut_pct[0]
    if frame.phase == Phase.race_week:
        return p.taper_volume_cut_pct[1]
    return 0


def dose_context(runner: Runner, frame: WeekFrame, review: ReviewDosing, p: Any, stage: Stage = SETTLED) -> DoseContext:
    return DoseContext(
        level=runner.level,
        phase=frame.phase,
        deload=frame.deload,
        step=frame.step,
        heavy_ok=frame.phase != Phase.race_week and not stage.heavy_waits,
        race=runner.race,
        volume_cut_pct=volume_cut(frame, p),
        short_holds=runner.short_holds,
        hold_ceilings=runner.hold_ceilings,
        weaker=runner.weaker,
        held=review[0],
        reduced=review[1],
        held_before=review[2],
        graduated=stage.graduated,
        unaccustomed=stage.unaccustomed or runner.moderate_only,  # pregnancy: moderate throughout
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
    carry: Carry = (),
    stage: Stage = SETTLED,
) -> list[Planned]:
    """The content of each of the week's sessions, before placement; sessions whose focus
    is in `heavy` may carry heavy work, and each lift steps on from its dose in `carry`.
    Remembered on the context by value."""
    p = ctx.params
    short = runner.cap_minutes <= p.warm_up_short_cap
    dctx = dose_context(runner, frame, review, p, stage)
    key = (selection_key, n_sessions, heavy, plyo_ok, dctx, short, carry)
    hit = ctx.memo.composed.get(key)
    if hit is None:
        fresh = _compose_fresh(ctx, selection, n_sessions, heavy, plyo_ok, dctx, short, carry)
        hit = ctx.memo.composed.put(key, fresh)
    return hit


def _compose_fresh(
    ctx: PlanningContext,
    selection: BlockSelection,
    n_sessions: int,
    heavy: frozenset[Category],
    plyo_ok: bool,
    base: DoseContext,
    short: bool,
    carry: Carry,
) -> list[Planned]:
    race_week = base.phase == Phase.race_week
    spread = base.race in ctx.params.explosive_distances and base.phase in SPREAD_PHASES
    key = ("picks", id(selection), n_sessions, plyo_ok, short, race_week, spread)
    sessions = ctx.memo.composed.get(key)
    if sessions is None or sessions[0] is not selection:  # the id is only trusted with the object it names
        sessions = (selection, sessions_picked(ctx, selection, n_sessions, plyo_ok, short, race_week, spread))
        ctx.memo.composed.put(key, sessions)
    by_lift = doses_by_lift(carry)
    full_days = frozenset(pk.exercise.id for s in sessions[1] for pk, f in zip(s[2], s[3], strict=True) if f)
    heavy_ctx = {True: base, False: _without_heavy(base, ctx)}
    out = []
    for focus, roles, chosen, focus_lifts, reasons, shared, specs, gentler, calmer in sessions[1]:
        dctx = heavy_ctx[base.heavy_ok and focus in heavy]
        own = tuple(((pk.exercise.id, focus.value), c) for pk in chosen if (c := dose_of(by_lift, pk, focus)))
        if all_carried(roles, chosen, own):
            dctx = stepless(dctx, ctx.memo)  # every lift steps from its carried dose, whatever the block's week
        stand_ins = [pk for _, pk in (*gentler, *calmer) if pk is not None]  # a light day's lifts carry on too
        own += tuple(((pk.exercise.id, focus.value), c) for pk in stand_ins if (c := dose_of(by_lift, pk, focus)))
        key = (dctx, own)
        planned = shared.get(key)
        if planned is None:
            if len(shared) >= _SHARED_SESSIONS:
                shared.clear(), specs.clear()
            planned = shared[key] = Planned(  # `specs` holds no session: no cycle, freed once the memo lets go
                focus,
                roles,
                chosen,
                focus_lifts,
                dctx,
                reasons,
                ctx,
                own,
                specs=specs,
                gentler=gentler,
                calmer=calmer,
                full_days=full_days,
            )
        out.append(planned)
    return out


_SHARED_SESSIONS = 512  # sessions remembered per set of picks: runners and weeks alike share them


_EMPHASIS_PHASES = frozenset({Phase.build, Phase.race_specific})
_SECOND_DAY = why(
    "session-time-cap",
    "A lift whose full day is another session this week keeps its dose here: never harder than that day.",
)
_RACE_SPECIFIC = why(
    "short-race-explosive",
    "Race-specific weeks of a 5K or 10K plan add no sets to leg strength work: explosive work, not volume.",
)
# true of the week, not only of this day: no session of it keeps hops off a day between two key
# runs (week_plan: `hops_kept`), so every hop day of the week is one
_KEPT = why(
    "explosive-work-with-room",
    "Kept on this light day at its light dose: every hop day this week falls between two key runs.",
)
