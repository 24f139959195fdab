"""The plan engine: phases from the calendar, sessions placed around the runs, exercises
chosen and dosed, every choice carrying the rule that made it.

`build_plan` is pure: the same profile and planning context give the same plan; dates
come in through the profile, and there is no clock, file or database inside. The steps
live beside it: `compose` (a week's sessions), `placement` (their days), `week_plan`
(one dated week), `infeasible` (why a week cannot be placed), `plan_notes` (guidance).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from runstrong.errors import RunstrongError, UserError

from .assessment import ScreenEffects, effect_reasons, score_screen
from .block_swaps import landing_swapped_out
from .bone_stress import holds
from .carry import Carry, carry_of
from .compose import LANDING_PATTERNS, dose_context
from .context import PlanningContext
from .cut_weeks import loading_held, taper_held
from .dated_races import races_of
from .dosing import Stage
from .health import health_notes, week_limits, with_health
from .infeasible import InfeasibleWeekError
from .kit_fit import at_kit_ceiling, loaded_weeks, outgrown_lifts
from .kit_said import unlisted_kit
from .known_lifts import known_lift_notes
from .ladder_climb import topped_accessories, topped_now, with_new_rungs
from .model import Adjustment, AthleteProfile, DatedRun, Level, Phase, Plan, Reason, Week, build, why
from .nothing_new import known_lifts
from .one_new_thing import HOPS, held_hops, hop_weeks, seen_before, staggered
from .owned_cues import with_owned_cues
from .pain_return import rungs_for_week, still_painful, through_ladder
from .phases import LOADING_PHASES, MAX_PLAN_WEEKS, USUAL_WEEK_TEXT, WeekFrame, fitted_phase_notes, race_week_promise
from .placement import carried_previous
from .plan_checked import checked_once
from .plan_loads import assign_loads
from .plan_notes import LightTally, familiarisation, familiarising, grouped_by_week, guidance, light_weeks_advice
from .power_words import with_power_words
from .review_dosing import review_dosing
from .runner import runner_of
from .screen import Screen
from .screen_priority import side_hold
from .season import season_notice, selects_as
from .selection import BlockSelection, Context, select_block
from .swap_ends import in_force
from .vocab import kit_items
from .week_days import (
    RunsByDate,
    calendar,
    dated_week_notes,
    day_infos,
    following_weeks,
    free_day_ideas,
    listed_runs,
    screen_for,
)
from .week_plan import WeekInputs, light_focuses, plain_levels, plan_week

__all__ = ["InfeasibleWeekError", "block_selection", "build_plan", "replan", "replanned_weeks"]

KEPT_AFTER_GRADUATION = frozenset({Phase.taper, Phase.race_week, Phase.maintenance})  # a novice's build dosing stays


def build_plan(
    profile: AthleteProfile,
    ctx: PlanningContext,
    *,
    least_bad: bool = False,
    fixed_weeks: Sequence[Week] = (),
) -> Plan:
    """A whole plan for `profile` from the library and rulebook in `ctx`. Raises InfeasibleWeekError
    (a UserError) when a week cannot hold its sessions under the hard rules, unless `least_bad` is set.
    `fixed_weeks` are weeks already lived (an earlier plan version's): kept, and the rest follow on."""
    p = ctx.params
    frames = _frames(profile, ctx)
    weeks, state = _planned_weeks(profile, ctx, frames, least_bad, fixed_weeks)
    plan = build(  # made of values already validated: no second validation (nor its schema, ~4 ms once a process)
        Plan,
        registry_version=ctx.registry.version,
        library_version=ctx.library.version,
        data=ctx.data_stamp,
        profile=profile,
        start_date=profile.start_date,
        end_date=frames[-1].end,
        weeks=weeks,
        guidance=guidance(profile, p),
        warnings=[
            *season_notice(frames),
            *familiarisation(profile, frames, p),
            *unlisted_kit(profile, ctx.library),
            *health_notes(profile, p, holds(weeks, ctx.library)),
            *grouped_by_week(state.warnings),
            *light_weeks_advice(profile, state.light, p),
            *known_lift_notes(profile, weeks, ctx.library, p),
        ],
    )
    violations = checked_once(plan, ctx, frozenset(state.fixed), state.calendar.key)
    if violations:
        if not least_bad:
            raise RunstrongError("the planner broke its own rules: " + "; ".join(map(str, violations[:5])))
        plan = plan.model_copy(update={"warnings": [*plan.warnings, *(f"Broken rule: {v}" for v in violations)]})
    return plan


def replan(
    plan: Plan, profile: AthleteProfile, from_date: dt.date, ctx: PlanningContext, *, least_bad: bool = False
) -> Plan:
    """A new version of `plan` for the (changed) `profile`: weeks that start before
    `from_date` are kept as they were; the rest are planned again."""
    kept = [w for w in plan.weeks if w.start_date < from_date]
    return build_plan(profile, ctx, fixed_weeks=kept, least_bad=least_bad)


def replanned_weeks(
    plan: Plan,
    profile: AthleteProfile,
    from_date: dt.date,
    ctx: PlanningContext,
    *,
    through: dt.date,
    least_bad: bool = False,
) -> list[Week]:
    """The weeks of `replan(plan, profile, from_date, ctx)` that start on or before
    `through`, without planning the weeks after it: a week follows only from the weeks
    before it (selection, placement, doses, loads and cues walk forward in date order), so
    each is the very week the whole replan gives. For a caller that needs a few weeks, such
    as the held week a review's cut is taken from. Not a plan: the weeks are not checked
    as a whole (`check_plan` needs every week), so a violation there is not reported."""
    kept = [w for w in plan.weeks if w.start_date < from_date]
    return _planned_weeks(profile, ctx, _frames(profile, ctx), least_bad, kept, through)[0]


def block_selection(profile: AthleteProfile, ctx: PlanningContext, on: dt.date) -> BlockSelection:
    """The exercises selection chose for the week that starts on `on` (the weeks before it
    planned), before composing, dosing and the time cap: what a screen changes, for checks
    that compare choices rather than how much room a session had left."""
    _, state = _planned_weeks(profile, ctx, _frames(profile, ctx), False, (), on)
    if state.selection is None:  # `on` is before the plan's first week
        raise ValueError(f"no week of the plan starts on or before {on}")
    return state.selection


def _frames(profile: AthleteProfile, ctx: PlanningContext) -> list[WeekFrame]:
    """The plan's weeks laid out, refused when the race is further off than the planner plans."""
    frames = list(calendar(profile, ctx).frames)
    if len(frames) > MAX_PLAN_WEEKS:
        raise UserError(
            f"race.date: {profile.race.date if profile.race else ''} is {len(frames)} weeks after start_date; "
            f"runstrong plans up to {MAX_PLAN_WEEKS} weeks, so start the plan later"
        )
    return frames


def _planned_weeks(
    profile: AthleteProfile,
    ctx: PlanningContext,
    frames: list[WeekFrame],
    least_bad: bool,
    fixed_weeks: Sequence[Week],
    through: dt.date | None = None,
) -> tuple[list[Week], _Planning]:
    """The weeks walked in date order (those in `fixed_weeks` kept), stopping after the last
    that starts on or before `through`; then their loads and owned cues, also walked forward."""
    state = _Planning(ctx, profile, frames, least_bad, {w.start_date: w for w in fixed_weeks})
    for frame in frames:
        if through is not None and frame.start > through:
            break
        state.plan_frame(frame)
    lived = frozenset(state.fixed)
    loaded = assign_loads(state.weeks, profile, ctx, lived, state.calendar.key)
    cued = with_health(with_owned_cues(loaded, profile, ctx, lived), profile, ctx, lived)  # core/health: week words
    return with_power_words(fitted_phase_notes(cued, ctx, lived), profile, ctx, lived), state


@dataclass
class _Planning:
    """The walk through the plan's weeks: what each week inherits from the one before."""

    ctx: PlanningContext
    profile: AthleteProfile
    frames: list[WeekFrame]
    least_bad: bool
    fixed: dict[dt.date, Week]
    weeks: list[Week] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    previous: tuple[tuple[dt.date, str, bool], ...] = ()  # (date, focus's value, plyometric): placement.Previous
    selection: BlockSelection | None = None
    selection_key: tuple | None = None  # (selection context, recent primaries, kept mains, last block's done)
    block_of_selection: tuple | None = None  # (block, screen effects, kit, swaps) the selection was made for
    prior_selection: BlockSelection | None = None
    prior_phase: Phase | None = None  # the phase the prior selection was made for
    landing_weeks: int = 0
    trim_block: int = -1
    trim_levels: dict[str, int] = field(default_factory=dict)  # by focus (a Category is a str)
    screen_in_force: Screen | None = None
    carry: Carry = ()  # each lift's dose in the last loading week (progression-carries-over)
    graduated: bool = False
    eased: bool = False  # the first weeks' foundation effort was announced (foundation-two-sessions)
    topped: frozenset[str] = frozenset()  # bodyweight lifts whose progression ran out (ladder-climb)
    block_done: set[str] = field(default_factory=set)  # what this block's weeks did (not what it chose)
    prior_done: frozenset[str] = frozenset()  # what the last block's weeks did: the rungs reached
    light: LightTally = field(default_factory=LightTally)  # loading weeks' light sessions (light-before-key-runs)
    strengths: dict = field(default_factory=dict)  # each loaded lift's starting e1RM, for the kit's ceiling
    hops_held: int = 0  # the week whose first hops wait a week (one-new-thing-a-week)

    def __post_init__(self) -> None:
        p = self.ctx.params
        self.screens = sorted(self.profile.screens, key=lambda s: s.date)
        # one result per screen, in the sorted order (two screens can share a date)
        self.scored = [score_screen(s, self.profile.age, self.profile.sex, p) for s in self.screens]
        self.adjustments = {a.week_start: a for a in self.profile.week_adjustments}
        self.calendar = calendar(self.profile, self.ctx)
        # the week's runner by the screen in force (its index; -1: none), made once a plan
        self.runners = [*(runner_of(self.profile, x.effects, p) for x in self.scored), runner_of(self.profile, None, p)]
        self.runner = self.runners[-1]
        self.runs: RunsByDate = self.calendar.runs
        self.familiar = familiarising(self.profile, (f.start for f in self.frames), p)  # weeks dosed as familiarisation

    def plan_frame(self, frame: WeekFrame) -> None:
        frame = taper_held(frame, self.weeks, self.ctx.params)  # sessions the loading weeks held, no more
        adjust = self.adjustments.get(frame.start)
        screen = screen_for(self.screens, frame)
        at = self.screens.index(screen) if screen else -1
        effects, self.runner = self.scored[at].effects if screen else None, self.runners[at]
        screen_notes = self._screen_notes(screen, effects)
        kept = self.fixed.get(frame.start)
        if kept is not None and held_hops(kept):  # a lived week whose first hops waited: chosen as it was
            self.hops_held = frame.index
        self._select(frame, adjust, effects)
        self.effects = effects
        if frame.block != self.trim_block:
            self.trim_levels, self.trim_block = {}, frame.block
        if kept is not None:
            self._graduates(frame, [])  # a lived week moves a novice on as a planned one does (its words were said)
            self._unaccustomed(frame, [])
            self._keep(kept, frame.season)
        else:
            self._plan(frame, adjust, screen_notes)

    def _screen_notes(self, screen: Screen | None, effects: ScreenEffects | None) -> list[Reason]:
        if screen is None or screen is self.screen_in_force:
            return []
        self.screen_in_force = screen
        return [why("baseline-screen", f"From your screen of {screen.date:%d %b %Y}:"), *effect_reasons(effects)]

    def _select(self, frame: WeekFrame, adjust: Adjustment | None, effects: ScreenEffects | None) -> None:
        """The block's exercises, chosen again when the block, screen, kit or swaps change."""
        profile, p = self.profile, self.ctx.params
        equipment, swaps, ladder, regressed, outgrown, health = self._week_facts(frame, adjust)
        ready = self.landing_weeks >= p.landing_weeks and (effects is None or effects.hops_ok) and not regressed
        ready = ready and frame.index != self.hops_held  # another new thing starts this week (one-new-thing-a-week)
        before = self.selection_key[0] if self.selection_key else None
        side = side_hold(effects, waits=frame.deload and before is not None and before.side_hold is None)
        known = known_lifts(adjust, self.weeks, swaps)  # after a flare or hard week (nothing-new-after-a-flare)
        ready = ready and (known is None or HOPS in seen_before(self.weeks, p))  # no first hops then either
        if frame.deload and before is not None:  # hops come in with a loading week, never in a deload (cr21a W2)
            ready = ready and before.plyo_ready
        topped = self._topped(frame, adjust)
        first_hops = hop_weeks(self.weeks) < p.two_legged_hop_weeks  # two-legged first (hops-two-legs-first)
        # landings drilled mid-block: hops take over from them then, not a whole block later
        key = (frame.selection, effects, equipment, swaps, ready, ladder, topped, health, first_hops, side, known)
        if key == self.block_of_selection:
            return
        if frame.selection != (self.block_of_selection[0] if self.block_of_selection else None):
            self.prior_selection = self.selection
            self.prior_phase = self.selection_key[0].phase if self.selection_key else None
            self.prior_done, self.block_done = frozenset(self.block_done), set()
        needs = Context(
            level=profile.strength_experience,
            equipment=equipment,
            pain=still_painful(profile, frame.start, self.ctx.ladders),
            handed_back=through_ladder(profile, frame.start, self.ctx.ladders),
            phase=selects_as(frame.phase, frame.season, before.phase if before else None),
            race=profile.race.distance if profile.race else None,
            plyo_ready=ready,
            block=frame.selection,
            hinge_patterning=bool(effects and effects.hinge_patterning),
            single_leg_rung=effects.single_leg_rung_cap if effects else "level",
            short_holds=bool(effects and effects.short_holds),
            side_hold=side,
            swaps=swaps,
            ladder=ladder,
            regressed=tuple(
                (x.from_id, x.to_id)
                for x in in_force(profile.exercise_swaps, frame.end)
                if x.rule_id == "review-regress" and x.to_id
            ),
            topped=topped,
            outgrown=outgrown,
            health=health,
            first_hops=first_hops,
            known=known,
        )
        recent, keep = self._recent(frame)
        self.selection, missing = select_block(self.ctx, needs, recent, keep, self.prior_done)
        self.carry = with_new_rungs(self.carry, self.selection.climbed)
        self.selection_key, self.block_of_selection = (needs, recent, keep, self.prior_done), key  # all it chose from
        said = {w.partition(": ")[2] for w in self.warnings}  # a block's warning is said once, when it starts
        self.warnings.extend(f"Week {frame.index}: {m}" for m in missing if m not in said)

    def _week_facts(self, frame: WeekFrame, adjust: Adjustment | None) -> tuple:
        """(kit, swaps so far, pain ladders' rungs, a landing swapped out, lifts the kit cannot load, what health
        allows) for the week: the profile's alone, so remembered on its calendar."""
        hit = self.calendar.facts.get(frame.start)
        if hit is None:
            profile = self.profile
            equipment = kit_items(adjust.equipment) if adjust and adjust.equipment else profile.equipment_items
            swaps = tuple((x.from_id, x.to_id) for x in in_force(profile.exercise_swaps, frame.end))
            ladder = rungs_for_week(profile, frame.start, self.ctx.ladders)  # graded return of painful areas
            outgrown = outgrown_lifts(profile, self.ctx.library, equipment, self.ctx.params, self.calendar.outgrown)
            regressed = landing_swapped_out(self.ctx.library, swaps)
            health = week_limits(profile, frame.start, self.ctx.params)  # core/health: hops after a birth, ...
            hit = self.calendar.facts[frame.start] = (equipment, swaps, ladder, regressed, outgrown, health)
        return hit

    def _recent(self, frame: WeekFrame) -> tuple[frozenset[str], frozenset[str]]:
        """The last block's exercises a new block avoids for variety, and the main lifts it keeps:
        each category's main lift, at a phase change too, and the others avoided (same-primaries-per-block;
        cr25a F13: Walter's hinge went RDL -> trap bar -> RDL, a new start each block)."""
        prior = self.prior_selection
        if prior is None:
            return frozenset(), frozenset()
        if self.prior_phase != frame.phase:
            return prior.primary_ids(), frozenset()
        mains = frozenset(picks[0].exercise.id for picks in prior.primaries.values() if picks)
        return prior.primary_ids(mains=False), mains

    def _topped(self, frame: WeekFrame, adjust: Adjustment | None) -> frozenset[str]:
        """Every lift whose progression ran out by this loading week (ladder-climb): a bodyweight
        lift or accessory at its range top, a loaded one whose load the kit holds at its heaviest."""
        sel, p = self.selection, self.ctx.params
        if sel is None or frame.deload or frame.phase not in LOADING_PHASES:
            return self.topped
        loaded = tuple(pk.exercise for picks in sel.primaries.values() for pk in picks)
        ceiling = at_kit_ceiling(
            loaded, self.carry, self.profile, self.ctx.library, p, self.strengths, loaded_weeks(self.weeks)
        )
        lifts = (*sel.climbers, *ceiling)
        if lifts:
            review = review_dosing(self.profile, frame, self.frames, adjust)
            stage = Stage(self.graduated, self._unaccustomed(frame))
            dctx = dose_context(self.runner, frame, review, p, stage)
            self.topped |= topped_now(lifts, self.carry, dctx, self.ctx)
        self.topped |= topped_accessories(sel, self.carry, p)
        return self.topped

    def _keep(self, kept: Week, season: bool = False) -> None:
        """A week already lived: as it was; what the time cap trimmed carries on through the block."""
        library = self.ctx.library
        self.weeks.append(kept)
        self.block_done.update(b.exercise_id for s in kept.sessions for b in s.blocks)
        loading = (kept.phase in LOADING_PHASES or season) and not kept.deload  # a season's week too (in-season)
        self.carry = carry_of(kept.sessions, loading, self.carry, self.ctx, season)
        self._count_light(kept.phase, kept.deload, light_focuses(kept.sessions))
        for s in kept.sessions:
            self.trim_levels[s.focus] = max(self.trim_levels.get(s.focus, 0), s.trim_steps)
        self.previous = carried_previous(self.previous, kept.sessions)
        if any(
            b.exercise_id in library and library.get(b.exercise_id).pattern in LANDING_PATTERNS
            for s in kept.sessions
            for b in s.blocks
        ):
            self.landing_weeks += 1

    def _plan(self, frame: WeekFrame, adjust: Adjustment | None, screen_notes: list[Reason]) -> None:
        ctx, profile = self.ctx, self.profile
        days = day_infos(ctx, profile, frame, self.calendar)
        inputs = WeekInputs(
            runner=self.runner,
            frame=frame,
            selection_key=self.selection_key,  # type: ignore[arg-type]
            days=days,
            previous=self.previous,
            least_bad=self.least_bad,
            review=review_dosing(profile, frame, self.frames, adjust),
            trim_levels=plain_levels(self.trim_levels),
            carry=self.carry,
            stage=Stage(self._graduates(frame, screen_notes), self._unaccustomed(frame, screen_notes)),
            following=following_weeks(ctx, profile, self.calendar, self.frames, frame, loading_held(self.weeks)),
            meet=any(frame.start <= r.date <= frame.end for r in races_of(profile)),
        )
        planned = (self.selection, inputs, plan_week(ctx, self.selection, inputs))  # type: ignore[arg-type]
        week, waits = staggered(ctx, self.weeks, planned, self._hops_wait)  # type: ignore[arg-type]
        self.trim_levels, self.carry = dict(week.trim_levels), week.carry
        self._count_light(frame.phase, frame.deload, week.focus_light)
        if week.landing:
            self.landing_weeks += 1
        self.warnings.extend(f"Week {frame.index}: {w}" for w in week.warnings)
        cap = inputs.runner.cap_minutes
        self.warnings.extend(f"Week {frame.index}: the {s.date} session runs over your cap."
                             for s in week.sessions if s.estimated_minutes > cap)  # fmt: skip
        notes = [*screen_notes, *(adjust.reasons if adjust else ()), *week.notes, *waits]
        for note, warning in dated_week_notes(profile, frame, ctx.params):  # dated runs replace the week's
            notes.append(note)
            self.warnings.extend(f"Week {frame.index}: {w}" for w in warning)
        self.weeks.append(self._week(frame, days, list(week.sessions), notes, adjust))
        self.block_done |= week.exercise_ids
        self.previous = carried_previous(self.previous, week.sessions)

    def _hops_wait(self, frame: WeekFrame) -> tuple[BlockSelection, tuple]:
        """The week's block chosen again without its first hops (one-new-thing-a-week)."""
        self.hops_held = frame.index
        self._select(frame, self.adjustments.get(frame.start), self.effects)
        return self.selection, self.selection_key  # type: ignore[return-value]

    def _count_light(self, phase: Phase, deload: bool, sessions: tuple[tuple[str, bool, int], ...]) -> None:
        """A loading week's count toward the light-days advice (light-before-key-runs)."""
        if phase in LOADING_PHASES and not deload and sessions:
            self.light.add(sessions)

    def _consistent_weeks(self, frame: WeekFrame) -> int:
        """Consistent weeks of strength work before this week: the profile's, then the plan's
        own weeks as the reviews logged them (weeks not yet reviewed count as done)."""
        profile = self.profile
        missed = sum(1 for a in profile.week_adjustments if a.week_start < frame.start and not a.consistent)
        return profile.consistent_strength_weeks + frame.index - 1 - missed

    def _unaccustomed(self, frame: WeekFrame, notes: list[Reason] | None = None) -> bool:
        """A runner in their first weeks of strength work lifts at foundation effort in any
        phase (foundation-two-sessions): a plan that starts close to its race has no foundation,
        and a taper's or build's harder sets would be their first. The first such week says so."""
        p = self.ctx.params
        familiar = frame.index <= self.familiar  # the plan called these weeks familiarisation: nothing harder
        if not familiar and (
            frame.phase == Phase.foundation or self._consistent_weeks(frame) >= p.foundation_first_weeks
        ):
            return False
        if notes is not None and not self.eased:
            self.eased = True
            text = (
                f"Your first {p.foundation_first_weeks} weeks of strength work: every set stops at least "
                f"{p.foundation_rir} reps short of failure, whatever the phase, while you learn the lifts."
                if not familiar
                else "Your first weeks of strength work, up to the race: every set stops at least "
                f"{p.foundation_rir} reps short of failure, nothing heavy (familiarisation), while you learn the lifts."
            )
            notes.append(why("foundation-two-sessions", text))
        return True

    def _graduates(self, frame: WeekFrame, notes: list[Reason]) -> bool:
        """A novice moves on to build dosing (and heavy work, dose-heavy) after the foundation
        once enough weeks were consistent, as the reviews logged them (weeks not yet reviewed
        count as done), and no review had to swap a lift out; the week says so once. The taper,
        race week and maintenance keep what the build reached: less volume, the same reps and
        effort (taper), not the foundation's 2 x 12 at RIR 3 after weeks of 3 x 6 at RPE 8."""
        profile, p = self.profile, self.ctx.params
        if profile.strength_experience != Level.novice or "pregnant" in profile.health:  # not in pregnancy
            return False
        swapped = any(x.review_of is not None for x in in_force(profile.exercise_swaps, frame.end))
        if frame.phase not in (Phase.build, Phase.race_specific):  # the taper keeps the intensity built (taper)
            return self.graduated and not swapped and frame.phase in KEPT_AFTER_GRADUATION
        consistent = self._consistent_weeks(frame)
        ready = consistent >= p.novice_heavy_after_weeks and frame.index > p.third_session_weeks[Level.novice]
        if ready and not swapped and not self.graduated:
            self.graduated = True
            heavy_kit = p.heavy_equipment.intersection(profile.equipment_items)  # else nothing to go heavy with
            text = (
                f"{consistent} consistent weeks of strength work (counting the weeks your reviews have not "
                "yet seen as done): your main lifts move on to "
                + ("heavier build work" if heavy_kit else "the build's dosing, fewer reps nearer failure")
                + ", if your form holds."
            )
            notes.append(why("dose-heavy", text))
        return ready and not swapped

    def _week(self, frame: WeekFrame, days, sessions, notes, adjust: Adjustment | None) -> Week:  # type: ignore[no-untyped-def]
        runs = listed_runs(self.ctx, self.calendar, frame)
        return build(
            Week,
            index=frame.index,
            start_date=frame.start,
            phase=frame.phase,
            deload=frame.deload,
            runs=runs,
            sessions=sessions,
            suggestions=free_day_ideas(
                self.calendar, frame, days, sessions, self.ctx.params, bool(adjust and adjust.mobility)
            ),
            reasons=[*self._frame_reasons(frame, sessions), *self._after_race(frame, runs), *notes],
        )

    def _frame_reasons(self, frame: WeekFrame, sessions: list) -> tuple[Reason, ...]:  # type: ignore[type-arg]
        """The week's phase reasons, less a race week's promised session when none fitted."""
        if sessions or frame.phase != Phase.race_week:
            return frame.reasons
        promise = race_week_promise(self.ctx.params)
        return tuple(r for r in frame.reasons if r.text != promise)

    def _after_race(self, frame: WeekFrame, runs: list[DatedRun]) -> list[Reason]:
        """Race week's runs after a race before Sunday are the usual week's: said here, not
        only from the first week after the race."""
        race = self.profile.race
        if frame.phase != Phase.race_week or race is None or not any(r.date > race.date for r in runs):
            return []
        return [self.ctx.params.why("maintenance-after-race", USUAL_WEEK_TEXT)]
