"""The plan engine: phases from the calendar, sessions placed around the runs, exercises
chosen and dosed, every choice carrying the rule that made it.

`build_plan` is pure: the same profile, library and registry give the same plan; dates
come in through the profile, and there is no clock, file or database inside.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from runstrong.errors import RunstrongError, UserError

from .assessment import ScreenEffects, effect_reasons, score_screen
from .dosing import DoseContext, Dosed, estimate_seconds, is_heavy, prescribe
from .library import Library, load_library
from .model import (
    EQUIPMENT_SETS,
    TRAINING_CATEGORIES,
    Adjustment,
    AthleteProfile,
    Block,
    Category,
    DatedRun,
    EquipmentSet,
    Guidance,
    Item,
    Pattern,
    Phase,
    Plan,
    Reason,
    Role,
    RunType,
    Session,
    Suggestion,
    Week,
    Weekday,
    build,
    why,
)
from .params import Params, load_params, params_from_registry
from .phases import LOADING_PHASES, MAX_PLAN_WEEKS, WeekFrame, lay_out_weeks
from .rules import Registry, load_registry
from .schedule import DayInfo, Placement, SessionSpec, explain_infeasible, place_week
from .screen import Screen
from .selection import BlockSelection, Context, Pick, select_block
from .trim import trim_to_cap
from .validate import check_plan
from .vocab import CATEGORY_NAME, SESSION_LETTER


class InfeasibleWeekError(UserError):
    """No placement of the week's sessions satisfies the hard rules."""


@dataclass(frozen=True, eq=False)
class _Planned:
    """A session before it has a date: what it holds, dosed only when it is chosen, and
    the flags placement must know (worked out without dosing)."""

    focus: Category
    picks: tuple[tuple[Role, Pick, bool], ...]  # role, exercise, whether it is a focus lift
    dctx: DoseContext
    loads: tuple[tuple[str, float], ...]
    reasons: tuple[Reason, ...]
    p: Params

    @cached_property
    def blocks(self) -> tuple[tuple[Role, Pick, Dosed], ...]:
        known = dict(self.loads)
        return tuple(
            (role, pk, prescribe(pk.exercise, role, is_focus, self.dctx, known.get(pk.exercise.id), self.p))
            for role, pk, is_focus in self.picks
        )

    def lightened(self) -> _Planned:
        """The same session dosed light, for a day next to a key run. Remembered."""
        if "_light" not in self.__dict__:
            self.__dict__["_light"] = replace(self, dctx=replace(self.dctx, light=True))
        return self.__dict__["_light"]

    @cached_property
    def has_landing(self) -> bool:
        return any(pk.exercise.pattern in _LANDING_PATTERNS for _, pk, _ in self.picks)

    @cached_property
    def plyo_ids(self) -> frozenset[str]:
        return frozenset(pk.exercise.id for _, pk, _ in self.picks if pk.exercise.pattern == Pattern.plyometric)

    def content(self, cap: int, trim_level: int, p: Params) -> tuple[list[Block], list[Reason], int, int]:
        """The session's blocks trimmed to `cap` minutes (at least `trim_level` trim steps),
        the trims' reasons, the trim level used and the estimated minutes. Remembered."""
        memo = self.__dict__.setdefault("_content", {})
        key = (cap, trim_level)
        if key not in memo:
            blocks = [
                build(
                    Block,
                    role=role,
                    exercise_id=pk.exercise.id,
                    name=pk.exercise.name,
                    category=pk.exercise.category,
                    prescription=dosed.prescription,
                    estimated_seconds=estimate_seconds(dosed.prescription, role, p),
                    cues=list(dosed.cues),
                    reasons=[*pk.reasons, *dosed.reasons],
                )
                for role, pk, dosed in self.blocks
            ]
            blocks, reasons, level = trim_to_cap(blocks, cap, p, self.focus, trim_level)
            minutes = -(-sum(b.estimated_seconds for b in blocks) // 60)
            memo[key] = (blocks, reasons, level, minutes)
        return memo[key]

    @cached_property
    def spec(self) -> SessionSpec:
        return SessionSpec(
            focus=self.focus,
            heavy=any(is_heavy(pk.exercise, role, f, self.dctx, self.p) for role, pk, f in self.picks),
            plyometric=bool(self.plyo_ids),
        )


def build_plan(
    profile: AthleteProfile,
    *,
    library: Library | None = None,
    registry: Registry | None = None,
    least_bad: bool = False,
    fixed_weeks: Sequence[Week] = (),
) -> Plan:
    """A whole plan for `profile`. Raises InfeasibleWeekError (a UserError) when a week
    cannot hold its sessions under the hard rules, unless `least_bad` is set.

    `fixed_weeks` are weeks already lived (from an earlier plan version): they are kept as
    they were, and the weeks after them are planned to follow on from them."""
    # Planning allocates many small objects and makes almost no reference cycles; the cyclic
    # collector's passes over the planner's memo tables cost nearly half the time of a plan.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build_plan(profile, library, registry, least_bad, fixed_weeks)
    finally:
        if collecting:
            gc.enable()


def _build_plan(
    profile: AthleteProfile,
    library: Library | None,
    registry: Registry | None,
    least_bad: bool,
    fixed_weeks: Sequence[Week],
) -> Plan:
    library = library or load_library()
    p = params_from_registry(registry) if registry is not None else load_params()
    registry = registry or load_registry()
    frames = lay_out_weeks(profile, p)
    if len(frames) > MAX_PLAN_WEEKS:
        raise UserError(
            f"race.date: {profile.race.date if profile.race else ''} is {len(frames)} weeks after start_date; "
            f"runstrong plans up to {MAX_PLAN_WEEKS} weeks, so start the plan later"
        )
    runs_by_date = _runs_by_date(profile, frames)
    warnings: list[str] = []
    weeks: list[Week] = []
    previous: tuple[tuple[dt.date, Category, bool], ...] = ()
    selection: BlockSelection | None = None
    prior_selection: BlockSelection | None = None
    block_of_selection: tuple | None = None
    ctx: Context | None = None
    landing_weeks = 0
    trim_block, trim_levels = -1, dict[Category, int]()
    screens = sorted(profile.screens, key=lambda s: s.date)
    scored = {s.date: score_screen(s, profile.age, profile.sex, p) for s in screens}
    screen_in_force = None
    fixed = {w.start_date: w for w in fixed_weeks}
    adjustments = {a.week_start: a for a in profile.adjustments}
    for frame in frames:
        adjust = adjustments.get(frame.start)
        screen = _screen_for(screens, frame)
        effects = scored[screen.date].effects if screen else None
        screen_notes: list[Reason] = []
        if screen is not None and screen is not screen_in_force:
            screen_in_force = screen
            screen_notes = [
                why("baseline-screen", f"From your screen of {screen.date:%d %b %Y}:"),
                *effect_reasons(effects),
            ]
        equipment = _equipment_items(adjust.equipment) if adjust and adjust.equipment else profile.equipment_items
        swaps = tuple((x.from_id, x.to_id) for x in profile.exercise_swaps if x.since <= frame.end)
        ctx_key = (frame.selection, effects, equipment, swaps)
        if ctx_key != block_of_selection:
            if frame.selection != (block_of_selection[0] if block_of_selection else None):
                prior_selection = selection
            ctx = Context(
                level=profile.strength_experience,
                equipment=equipment,
                pain=frozenset(profile.pain_areas),
                phase=frame.phase if selection is None or frame.phase in LOADING_PHASES else ctx.phase,
                race=profile.race.distance if profile.race else None,
                plyo_ready=landing_weeks >= p.landing_weeks and (effects is None or effects.hops_ok),
                block=frame.selection,
                hinge_patterning=bool(effects and effects.hinge_patterning),
                single_leg_rung=effects.single_leg_rung_cap if effects else "level",
                short_holds=bool(effects and effects.short_holds),
                swaps=swaps,
            )
            recent = prior_selection.primary_ids() if prior_selection else frozenset()
            selection, missing = select_block(library, ctx, recent, p)
            warnings.extend(f"Week {frame.index}: {m}" for m in missing)
            block_of_selection = ctx_key
        assert selection is not None
        kept = fixed.get(frame.start)
        if kept is not None:  # a week already lived: as it was
            weeks.append(kept)
            if frame.block != trim_block:
                trim_levels, trim_block = {}, frame.block
            for s in kept.sessions:  # what the time cap trimmed carries on through the block
                trim_levels[s.focus] = max(trim_levels.get(s.focus, 0), s.trim_steps)
            previous = tuple((s.date, s.focus, s.plyometric) for s in kept.sessions)
            if any(
                b.exercise_id in library and library.get(b.exercise_id).pattern in _LANDING_PATTERNS
                for s in kept.sessions
                for b in s.blocks
            ):
                landing_weeks += 1
            continue
        days = _day_infos(profile, frame, runs_by_date, p)
        review = _review_dosing(profile, frame, frames, adjust)
        if frame.block != trim_block:
            trim_levels, trim_block = {}, frame.block
        week = _plan_week(
            profile, frame, selection, days, previous, p, least_bad, effects, review, tuple(sorted(trim_levels.items()))
        )
        sessions, notes, week_warnings, landing = list(week.sessions), list(week.notes), week.warnings, week.landing
        trim_levels = dict(week.trim_levels)
        notes = [*screen_notes, *(adjust.reasons if adjust else ()), *notes]
        if landing:
            landing_weeks += 1
        warnings.extend(f"Week {frame.index}: {w}" for w in week_warnings)
        for s in sessions:
            if s.estimated_minutes > min(profile.session_cap_minutes, p.max_session_minutes):
                warnings.append(f"Week {frame.index}: the {s.date} session runs over your cap.")
        week_runs = [
            build(DatedRun, date=d, type=t, minutes=m)
            for d in _dates(frame)
            for t, m in runs_by_date.get(d, ())
            if t != RunType.rest
        ]
        weeks.append(
            build(
                Week,
                index=frame.index,
                start_date=frame.start,
                phase=frame.phase,
                deload=frame.deload,
                runs=week_runs,
                sessions=sessions,
                suggestions=_suggestions(days, sessions, p, mobility_all=bool(adjust and adjust.mobility)),
                reasons=[*frame.reasons, *notes],
            )
        )
        previous = tuple((s.date, s.focus, s.plyometric) for s in sessions)
    if profile.race is not None:
        runway = sum(1 for f in frames if f.start <= profile.race.date)
        if runway < p.third_session_min_weeks and profile.consistent_strength_weeks < p.third_session_min_weeks:
            warnings.insert(
                0,
                f"Your race is {runway} week(s) away and strength work is new to you: treat these weeks as "
                "familiarisation (light, technique first) and build properly after the race.",
            )
    plan = Plan(
        registry_version=registry.version,
        library_version=library.version,
        profile=profile,
        start_date=profile.start_date,
        end_date=frames[-1].end,
        weeks=weeks,
        guidance=_guidance(profile, p),
        warnings=warnings,
    )
    violations = check_plan(plan, library, registry, p, lived=frozenset(fixed))
    if violations:
        if not least_bad:
            raise RunstrongError("the planner broke its own rules: " + "; ".join(map(str, violations[:5])))
        plan = plan.model_copy(update={"warnings": [*plan.warnings, *(f"Broken rule: {v}" for v in violations)]})
    return plan


_LANDING_PATTERNS = frozenset({Pattern.landing, Pattern.plyometric})


@dataclass(frozen=True)
class _PlannedWeek:
    sessions: tuple[Session, ...]
    notes: tuple[Reason, ...]
    warnings: tuple[str, ...]
    landing: bool
    trim_levels: tuple[tuple[Category, int], ...]


_WEEKS: dict[tuple, tuple[BlockSelection, _PlannedWeek]] = {}
_EFFECTS_KEYS: dict[int, tuple[ScreenEffects, str]] = {}


def _effects_key(effects: ScreenEffects | None) -> str | None:
    """A hashable stand-in for a screen's effects (they hold a dict), made once per object."""
    if effects is None:
        return None
    hit = _EFFECTS_KEYS.get(id(effects))
    if hit is None or hit[0] is not effects:
        if len(_EFFECTS_KEYS) > 10_000:
            _EFFECTS_KEYS.clear()
        hit = _EFFECTS_KEYS[id(effects)] = (effects, effects.model_dump_json())
    return hit[1]


def _plan_week(
    profile: AthleteProfile,
    frame: WeekFrame,
    selection: BlockSelection,
    days: tuple[DayInfo, ...],
    previous: tuple[tuple[dt.date, Category, bool], ...],
    p: Params,
    least_bad: bool,
    effects: ScreenEffects | None,
    review: ReviewDosing,
    trim_levels: tuple[tuple[Category, int], ...],
) -> _PlannedWeek:
    """One week's sessions, placed and dated. Pure in its arguments, so remembered: runners
    alike in this week's selection, days, previous week and dosing share the result."""
    key = (
        id(selection), frame, days, previous, p, least_bad, _effects_key(effects), review, trim_levels,
        profile.strength_experience, profile.race.distance if profile.race else None,
        profile.session_cap_minutes, profile.allow_double_days, tuple(sorted(profile.known_loads_kg.items())),
    )  # fmt: skip
    hit = _WEEKS.get(key)
    if hit is not None and hit[0] is selection:  # the entry holds the selection: its id stays valid
        return hit[1]
    week_warnings: list[str] = []
    placed, placement, notes = _place(
        profile, frame, selection, days, previous, p, least_bad, week_warnings, effects, review
    )
    levels = dict(trim_levels)
    sessions = []
    for planned, day_index, reasons in zip(placed, placement.days, placement.reasons, strict=True):
        day = days[day_index]
        if planned.focus != Category.core and not planned.spec.heavy and (day.before_key or day.speed):
            planned = planned.lightened()  # fresh legs for the key run (light-before-key-runs)
        session, level = _dated_session(planned, day.date, reasons, profile, p, levels.get(planned.focus, 0))
        levels[planned.focus] = level
        sessions.append(session)
    sessions.sort(key=lambda s: s.date)
    week = _PlannedWeek(
        sessions=tuple(sessions),
        notes=tuple(notes),
        warnings=tuple(week_warnings),
        landing=any(x.has_landing for x in placed),
        trim_levels=tuple(sorted(levels.items())),
    )
    if len(_WEEKS) > 50_000:
        _WEEKS.clear()
    _WEEKS[key] = (selection, week)
    return week


# (category, weeks of progression held back), (category, volume cut %): what reviews ask of a week's doses
ReviewDosing = tuple[tuple[tuple[Category, int], ...], tuple[tuple[Category, int], ...]]


def _review_dosing(
    profile: AthleteProfile, frame: WeekFrame, frames: list[WeekFrame], adjust: Adjustment | None
) -> ReviewDosing:
    """A review's holds shift the rest of their block back a week per hold; its volume cuts
    apply to the week they name only (a reduced category is also held)."""
    block_starts = {f.start for f in frames if f.block == frame.block and f.start <= frame.start}
    held: dict[Category, int] = {}
    for a in profile.adjustments:
        if a.week_start in block_starts:
            for c in {*a.hold, *a.reduce}:
                held[c] = held.get(c, 0) + 1
    reduced = tuple(sorted((c, pct) for c, pct in adjust.reduce.items() if pct)) if adjust else ()
    return tuple(sorted(held.items())), reduced


def _equipment_items(entries: list[EquipmentSet | Item]) -> frozenset[Item]:
    items: set[Item] = set()
    for entry in entries:
        items |= EQUIPMENT_SETS[entry] if isinstance(entry, EquipmentSet) else {entry}
    return frozenset(items)


def replan(plan: Plan, profile: AthleteProfile, from_date: dt.date, **kwargs: object) -> Plan:
    """A new version of `plan` for the (changed) `profile`: weeks that start before
    `from_date` are kept as they were; the rest are planned again."""
    kept = [w for w in plan.weeks if w.start_date < from_date]
    return build_plan(profile, fixed_weeks=kept, **kwargs)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- the week's days


def _screen_for(screens: list[Screen], frame: WeekFrame) -> Screen | None:
    """The screen in force for a week: the latest one taken before the week starts, or the
    first one when the plan starts before any (it is the baseline)."""
    before = [s for s in screens if s.date < frame.start]
    if before:
        return before[-1]
    return screens[0] if screens else None


def _dates(frame: WeekFrame) -> list[dt.date]:
    return [frame.start + dt.timedelta(days=k) for k in range(7)]


def _runs_by_date(profile: AthleteProfile, frames: list[WeekFrame]) -> dict[dt.date, tuple[tuple[RunType, int], ...]]:
    """Runs on each date of the plan (and the day after it): dated runs replace the
    weekly template in any week that has them."""
    dated: dict[dt.date, list[tuple[RunType, int]]] = {}
    for run in profile.running.dated:
        dated.setdefault(run.date, []).append((run.type, run.minutes))
    dated_weeks = {d - dt.timedelta(days=d.weekday()) for d in dated}
    template: dict[int, list[tuple[RunType, int]]] = {}
    for run in profile.running.weekly:
        template.setdefault(run.day.index, []).append((run.type, run.minutes))
    out: dict[dt.date, tuple[tuple[RunType, int], ...]] = {}
    last = frames[-1].end + dt.timedelta(days=7)
    day = frames[0].start
    while day <= last:
        monday = day - dt.timedelta(days=day.weekday())
        runs = dated.get(day, []) if monday in dated_weeks else template.get(day.weekday(), [])
        if profile.race is not None and day == profile.race.date:
            runs = [(RunType.race, 0)]
        if runs:
            out[day] = tuple(runs)
        day += dt.timedelta(days=1)
    return out


_DAY_INFOS: dict[tuple, tuple[DayInfo, ...]] = {}


def _day_infos(
    profile: AthleteProfile,
    frame: WeekFrame,
    runs_by_date: dict[dt.date, tuple[tuple[RunType, int], ...]],
    p: Params,
) -> tuple[DayInfo, ...]:
    """What each day of the week allows. Remembered: runners with the same week (runs,
    available days, race) share it, and the placement search caches on it."""
    race = profile.race
    runs = tuple(runs_by_date.get(frame.start + dt.timedelta(days=k)) for k in range(-1, 8))
    key = (
        frame.start,
        runs,
        frozenset(profile.available_days),
        profile.start_date,
        (race.date, race.distance) if race else None,
        p,
    )
    hit = _DAY_INFOS.get(key)
    if hit is None:
        if len(_DAY_INFOS) > 100_000:
            _DAY_INFOS.clear()
        hit = _DAY_INFOS[key] = _day_infos_fresh(profile, frame, runs_by_date, p)
    return hit


def _day_infos_fresh(
    profile: AthleteProfile,
    frame: WeekFrame,
    runs_by_date: dict[dt.date, tuple[tuple[RunType, int], ...]],
    p: Params,
) -> tuple[DayInfo, ...]:
    available = set(profile.available_days)
    race = profile.race
    infos = []
    for day in _dates(frame):
        strength_ok = heavy_ok = plyo_ok = True
        recovering = False
        if race is not None:
            until = (race.date - day).days
            if 0 <= until <= p.no_strength_days:
                strength_ok = False
            if 0 <= until <= p.last_heavy_days:
                heavy_ok = False
            if 0 <= until <= p.last_plyometric_days:
                plyo_ok = False
            if -p.recovery_days[race.distance] < until < 0:
                recovering = True
        infos.append(
            DayInfo(
                date=day,
                available=Weekday.of(day) in available and day >= profile.start_date,
                strength_ok=strength_ok,
                recovering=recovering,
                heavy_ok=heavy_ok,
                plyo_ok=plyo_ok,
                runs=tuple(t for t, _ in runs_by_date.get(day, ())),
                next_runs=tuple(t for t, _ in runs_by_date.get(day + dt.timedelta(days=1), ())),
                prev_runs=tuple(t for t, _ in runs_by_date.get(day - dt.timedelta(days=1), ())),
            )
        )
    return tuple(infos)


# ----------------------------------------------------------------------------- sessions


def _volume_cut(frame: WeekFrame, p: Params) -> int:
    if frame.deload:
        return p.deload_volume_cut_pct
    if frame.phase == Phase.taper:
        return p.taper_volume_cut_pct[0]
    if frame.phase == Phase.race_week:
        return p.taper_volume_cut_pct[1]
    return 0


_COMPOSED: dict[tuple, tuple[BlockSelection, list[_Planned]]] = {}


def _compose(
    profile: AthleteProfile,
    frame: WeekFrame,
    selection: BlockSelection,
    n_sessions: int,
    heavy: frozenset[Category],
    plyo_ok: bool,
    p: Params,
    effects: ScreenEffects | None = None,
    review: ReviewDosing = ((), ()),
) -> list[_Planned]:
    """The content of each of the week's sessions, dosed, before placement; sessions whose
    focus is in `heavy` may carry heavy work.

    Remembered across runners: the content depends only on the block's selection, the
    dose context and the cap, so runners alike in those share the same session objects.
    """
    short = min(profile.session_cap_minutes, p.max_session_minutes) <= p.warm_up_short_cap
    dctx = DoseContext(
        level=profile.strength_experience,
        phase=frame.phase,
        deload=frame.deload,
        step=frame.step,
        heavy_ok=frame.phase != Phase.race_week,
        race=profile.race.distance if profile.race else None,
        volume_cut_pct=_volume_cut(frame, p),
        short_holds=bool(effects and effects.short_holds),
        weaker=tuple((c, s.value) for c, s in effects.weaker_side.items()) if effects else (),
        held=review[0],
        reduced=review[1],
    )
    loads = tuple(sorted(profile.known_loads_kg.items()))
    key = (id(selection), id(p), n_sessions, heavy, plyo_ok, dctx, short, loads)
    hit = _COMPOSED.get(key)
    if hit is None or hit[0] is not selection:  # the entry holds the selection: its id stays valid
        if len(_COMPOSED) > 100_000:
            _COMPOSED.clear()
        hit = _COMPOSED[key] = (
            selection,
            _compose_fresh(selection, n_sessions, heavy, plyo_ok, dctx, short, loads, p),
        )
    return hit[1]


def _compose_fresh(
    selection: BlockSelection,
    n_sessions: int,
    heavy: frozenset[Category],
    plyo_ok: bool,
    base: DoseContext,
    short: bool,
    loads: tuple[tuple[str, float], ...],
    p: Params,
) -> list[_Planned]:
    focuses = [Category(c) for c in p.focus_order][:n_sessions]
    warm_up = selection.warm_up[: p.warm_up_short_items if short else p.warm_up_items]
    planned = []
    for slot, focus in enumerate(focuses):
        dctx = replace(base, heavy_ok=base.heavy_ok and focus in heavy)
        picks: list[tuple[Role, Pick, bool]] = [(Role.warm_up, pk, False) for pk in warm_up]
        mains = selection.primaries.get(focus, ())
        if base.phase == Phase.race_week:
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
        reasons = (
            why("session-focus", f"Session {SESSION_LETTER[focus]}: {CATEGORY_NAME[focus]} focus."),
            why("three-categories", "Trains posterior chain, core and single-leg power."),
        )
        planned.append(_Planned(focus=focus, picks=tuple(picks), dctx=dctx, loads=loads, reasons=reasons, p=p))
    return planned


def _sessions_word(n: int) -> str:
    return f"{n} session" + ("" if n == 1 else "s")


ALL_HEAVY = frozenset({Category.posterior_chain, Category.single_leg_power})
HEAVY_CHOICES = (ALL_HEAVY, frozenset({Category.posterior_chain}), frozenset())


def _place(
    profile: AthleteProfile,
    frame: WeekFrame,
    selection: BlockSelection,
    days: tuple[DayInfo, ...],
    previous: tuple[tuple[dt.date, Category, bool], ...],
    p: Params,
    least_bad: bool,
    warnings: list[str],
    effects: ScreenEffects | None = None,
    review: ReviewDosing = ((), ()),
) -> tuple[list[_Planned], Placement, list[Reason]]:
    """Sessions and their days. When the week is tight, the options are weighed: keeping
    heavy work on a poor day, lightening a session, swapping hops out, or (last) dropping
    the third session; each concession has a price in the registry, and the cheapest
    placement of all wins."""
    allow_double = profile.allow_double_days
    counts = [frame.sessions]
    if frame.sessions > p.foundation_sessions:
        counts.append(p.foundation_sessions)
    cache: dict[tuple[int, frozenset[Category], bool], list[_Planned]] = {}

    def compose(n: int, heavy: frozenset[Category], plyo_ok: bool) -> list[_Planned]:
        key = (n, heavy, plyo_ok)
        if key not in cache:
            cache[key] = _compose(profile, frame, selection, n, heavy, plyo_ok, p, effects, review)
        return cache[key]

    best: tuple[float, int, list[_Planned], Placement, tuple[Reason, ...]] | None = None
    order = 0
    for n in counts:
        if best is not None and best[0] <= (frame.sessions - n) * p.dropped_session_penalty:
            break
        wanted = compose(n, ALL_HEAVY, True)
        wanted_heavy = [x.focus for x in wanted if x.spec.heavy]
        for plyo_ok in (True, False):
            for heavy in HEAVY_CHOICES:
                floor = sum(f not in heavy for f in wanted_heavy) * p.heavy_downgrade_penalty
                if best is not None and best[0] <= floor + (frame.sessions - n) * p.dropped_session_penalty:
                    continue  # even a perfect placement of this option could not be cheaper
                planned = compose(n, heavy, plyo_ok)
                placement = place_week(days, tuple(x.spec for x in planned), previous, allow_double, p)
                order += 1
                if placement is None:
                    continue
                lightened = len(wanted_heavy) - sum(x.spec.heavy for x in planned)
                swapped = sum(x.spec.plyometric for x in wanted) - sum(x.spec.plyometric for x in planned)
                cost = (
                    placement.score
                    + lightened * p.heavy_downgrade_penalty
                    + swapped * p.plyo_swap_penalty
                    + (frame.sessions - n) * p.dropped_session_penalty
                )
                if best is None or (cost, order) < best[:2]:
                    notes = _concessions(lightened, swapped, frame.sessions - n, n)
                    best = (cost, order, planned, placement, notes)
            if best is not None:
                break  # hops are swapped out only when no placement keeps them
        if best is not None and best[2] is not None and n == counts[0]:
            break  # a full week fits: never drop the third session to save a few points
    if best is not None:
        _, _, planned, placement, notes = best
        if len(planned) < frame.sessions:
            warnings.append(f"only {len(planned)} of {frame.sessions} sessions fit around the runs.")
        return planned, placement, list(notes)

    n = counts[-1]
    roster = tuple(x.spec for x in compose(n, frozenset(), False))
    blocked = explain_infeasible(days, roster, allow_double)
    if least_bad:
        for fewer in range(n - 1, 0, -1):
            planned = compose(fewer, frozenset(), False)
            placement = place_week(days, tuple(x.spec for x in planned), previous, allow_double, p)
            if placement is not None:
                warnings.append(f"only {_sessions_word(fewer)} fit; the methodology asks for {n}.")
                notes = [why("foundation-two-sessions", f"Dropped to {_sessions_word(fewer)} to keep the hard rules.")]
                return planned, placement, notes
        warnings.append("no session fits around this week's runs; the week has no strength.")
        return [], Placement(days=(), score=0.0, reasons=()), []
    raise InfeasibleWeekError(_infeasible_message(frame, n, blocked, profile, days, p.min_days_between))


def _concessions(lightened: int, swapped: int, dropped: int, n: int) -> tuple[Reason, ...]:
    out = []
    if lightened:
        out.append(
            why(
                "no-heavy-near-speed",
                f"{_sessions_word(lightened)} without heavy work: no day this week keeps it away from "
                "speed days, key runs and the race without a worse trade-off.",
            )
        )
    if swapped:
        out.append(why("taper", "Hops and jumps are swapped out: they would fall too near the race."))
    if dropped:
        out.append(
            why(
                "no-consecutive-strength-days",
                f"Only {n} sessions fit around this week's runs; the third waits for next week.",
            )
        )
    return tuple(out)


def _infeasible_message(
    frame: WeekFrame,
    n: int,
    blocked: list[str],
    profile: AthleteProfile,
    days: tuple[DayInfo, ...],
    min_days: int,
) -> str:
    open_days = [d for d in days if d.available]
    spaced = _most_spaced(sorted(d.date.weekday() for d in open_days), min_days)
    if spaced < n:
        names = ", ".join(d.date.strftime("%a").lower() for d in open_days) or "none this week"
        return (
            f"available_days: week {frame.index} (from {frame.start}) has {names} to train on, which cannot hold "
            f"{_sessions_word(n)} with a day between them. Ways out: add a training day that is not next to "
            "these to available_days; or run `runstrong plan --least-bad` to accept fewer sessions, with a warning."
        )
    lines = [
        f"running.weekly / available_days: week {frame.index} (from {frame.start}) has no way to place "
        f"{_sessions_word(n)} of strength on non-consecutive days under the hard rules.",
    ]
    if blocked:
        lines.append("Days ruled out:")
        lines += [f"  - {b}" for b in blocked]
    ways = ["move one of the runs named above to another day", "add training days to available_days"]
    if not profile.allow_double_days:
        ways.append("allow double days (allow_double_days = true) to lift after a speed run")
    ways.append("or run `runstrong plan --least-bad` to accept fewer sessions that week, with a warning")
    lines.append("Ways out: " + "; ".join(ways) + ".")
    return "\n".join(lines)


def _most_spaced(weekdays: list[int], min_days: int) -> int:
    """How many of these weekdays can hold sessions `min_days` apart."""
    count, last = 0, -7
    for d in weekdays:
        if d - last >= min_days:
            count, last = count + 1, d
    return count


def _dated_session(
    planned: _Planned,
    date: dt.date,
    placement_reasons: tuple[Reason, ...],
    profile: AthleteProfile,
    p: Params,
    trim_level: int,
) -> tuple[Session, int]:
    cap = min(profile.session_cap_minutes, p.max_session_minutes)
    blocks, trim_reasons, trim_level, minutes = planned.content(cap, trim_level, p)
    session = build(
        Session,
        date=date,
        weekday=Weekday.of(date),
        kind="strength",
        focus=planned.focus,
        heavy=planned.spec.heavy,
        plyometric=any(b.exercise_id in planned.plyo_ids for b in blocks),
        estimated_minutes=minutes,
        trim_steps=trim_level,
        blocks=blocks,
        reasons=[
            *planned.reasons,
            *placement_reasons,
            why("session-time-cap", f"About {minutes} min, inside your {cap}-minute cap."),
            *trim_reasons,
        ],
    )
    return session, trim_level


# ----------------------------------------------------------------------------- around the sessions


def _suggestions(
    days: tuple[DayInfo, ...], sessions: list[Session], p: Params, mobility_all: bool = False
) -> list[Suggestion]:
    """Easy cross-training and mobility ideas for days with no run and no strength; after a
    review flagged soreness or tightness, mobility on every free day."""
    taken = {s.date for s in sessions}
    free = [
        d for d in days if d.available and not d.runs and d.date not in taken and d.strength_ok and not d.recovering
    ]
    out: list[Suggestion] = []
    if free:
        out.append(
            build(
                Suggestion,
                date=free[0].date,
                kind="mobility",
                text=f"Mobility routine, about {p.mobility_minutes} min: hips, hamstrings, thoracic spine.",
                reasons=[why("rest-day-options", text="Mobility days restore range of motion.")],
            )
        )
    if mobility_all and not free and sessions:  # no free day: the routine follows a session
        out.append(
            build(
                Suggestion,
                date=sessions[0].date,
                kind="mobility",
                text=f"After the session, {p.mobility_minutes} min more mobility: hips, calves, hamstrings.",
                reasons=[why("overreaching-signs", text="Your review found soreness or tightness: extra mobility.")],
            )
        )
    if mobility_all:
        out.extend(
            build(
                Suggestion,
                date=d.date,
                kind="mobility",
                text=f"Mobility routine, about {p.mobility_minutes} min: hips, calves, hamstrings, thoracic spine.",
                reasons=[why("overreaching-signs", text="Your review found soreness or tightness: extra mobility.")],
            )
            for d in free[1:]
        )
        return out
    if len(free) > 1:
        lo, hi = p.cross_train_minutes
        out.append(
            build(
                Suggestion,
                date=free[-1].date,
                kind="cross_train",
                text=f"Optional easy swim or bike, {lo}-{hi} min, for aerobic base without impact.",
                reasons=[why("rest-day-options", text="Low-impact cross-training supports recovery.")],
            )
        )
    return out


def _guidance(profile: AthleteProfile, p: Params) -> list[Guidance]:
    lo, hi = p.protein_g_per_kg
    mass = profile.body_mass_kg
    sleep_lo, sleep_hi = p.sleep_hours
    meal_lo, meal_hi = p.protein_per_meal_g
    meal_lo = max(meal_lo, round(p.protein_per_meal * mass))
    meals_lo, meals_hi = p.meals_per_day
    return [
        Guidance(
            topic="protein",
            text=f"Aim for {round(lo * mass)}-{round(hi * mass)} g of protein a day ({lo:g}-{hi:g} g/kg at "
            f"{mass:g} kg), spread over {meals_lo}-{meals_hi} meals of {meal_lo}-{meal_hi} g.",
            reasons=[why("protein-and-sleep", text="Protein supports repair and adaptation.")],
        ),
        Guidance(
            topic="sleep",
            text=f"Sleep {sleep_lo}-{sleep_hi} hours a night; less than {sleep_lo} h slows recovery.",
            reasons=[why("protein-and-sleep", text="Sleep is when training becomes fitness.")],
        ),
        Guidance(
            topic="diary",
            text="Log each session: exercise, sets, reps and effort, plus mood, sleep and appetite.",
            reasons=[why("training-diary", text="The diary is what the weekly review reads.")],
        ),
        Guidance(
            topic="review",
            text="Once a week, look back over the diary and adjust: progress when form holds, "
            "ease off with persistent soreness, tight legs on long runs or slipping running form.",
            reasons=[
                why("weekly-review", text="Volume follows how you respond."),
                why("form-gates-progression", text="Progress only while form holds."),
                why("overreaching-signs", text="Soreness and tightness call for less load."),
            ],
        ),
        Guidance(
            topic="expectations",
            text=f"Strength work pays off over {p.effect_weeks[0]}-{p.effect_weeks[1]}+ weeks (running economy "
            f"about {p.economy_gain_pct[0]}-{p.economy_gain_pct[1]}% better); it may lower injury risk, most "
            "clearly when you keep it up.",
            reasons=[why("evidence-expectations", text="What the research shows, and its limits.")],
        ),
        Guidance(
            topic="cues",
            text="Three cues run through every session: neutral spine, drive from the hips, land softly.",
            reasons=[why("consistent-cues", text="The same cues, every session.")],
        ),
    ]
