"""The safety invariants a plan must keep, checked on the finished plan.

The planner runs these on every plan it builds, and the property-based tests run them
over thousands of generated runners: a violation is a bug, never a warning to ignore.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from operator import attrgetter

from .context import PlanningContext
from .dated_races import check_dated_races
from .effort_targets import harder_than_race_close, heavy_set
from .health import health_violations
from .library import Library
from .model import (
    EQUIPMENT_SETS,
    KEY_RUN_TYPES,
    TRAINING_CATEGORIES,
    Block,
    Category,
    EquipmentSet,
    Intensity,
    Item,
    Level,
    Pattern,
    Phase,
    Plan,
    Role,
    RunType,
)
from .pain_return import allowed_on_ladder, at_most_first_rung, beyond_rungs, ruled_out, rungs_for_week, through_ladder
from .params import Params
from .phases import LOADING_PHASES
from .plan_notes import familiarising
from .progression import RPE_AT_FAILURE
from .rep_scheme import LEG_CATEGORIES
from .rules import Registry
from .season import season_mondays
from .slow_heavy import RULE as SLOW_RULE
from .validate_loads import check_loads
from .validate_progression import KitSteps, check_progression
from .week_days import returning_after_race


@dataclass(frozen=True)
class Violation:
    rule_id: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message} ({self.rule_id})"


def check_plan(plan: Plan, ctx: PlanningContext, lived: frozenset[dt.date] = frozenset()) -> list[Violation]:
    """Every violation of the safety rules in `plan`. Weeks in `lived` (their Mondays) were
    planned under an earlier profile: their content is not judged by today's pain areas and
    kit, though spacing across them still is."""
    registry, p = ctx.registry, ctx.params
    out: list[Violation] = []
    out += _check_spacing(plan, p)
    out += _check_speed_days(plan, p)
    out += _check_race(plan, p)
    out += [Violation(*v) for v in check_dated_races(plan, p)]
    out += _check_deloads(plan, p)
    out += _check_sessions(plan, ctx, lived)
    out += [Violation(*v) for v in check_progression(plan, p, KitSteps(plan, ctx.library, p), lived)]
    out += _check_heavy_rests(plan, p)
    out += _check_eccentric_rests(plan, p, lived)
    out += _check_first_days_back(plan, p, lived)
    out += _check_moderate_effort(plan, p)
    out += _check_core_drills(plan, p)
    out += _check_rule_ids(plan, registry)
    out += [Violation(*v) for v in check_loads(plan, ctx.library, p, lived)]
    out += [Violation(*v) for v in health_violations(plan, ctx.library, p, lived)]
    return out


def _sessions(plan: Plan):  # type: ignore[no-untyped-def]
    return [s for w in plan.weeks for s in w.sessions]


def _check_spacing(plan: Plan, p: Params) -> list[Violation]:
    out = []
    sessions = sorted(_sessions(plan), key=lambda s: s.date)
    for a, b in itertools.pairwise(sessions):
        gap = (b.date - a.date).days
        if gap < p.min_days_between:
            out.append(Violation("no-consecutive-strength-days", str(b.date), f"{gap} day(s) after {a.date}"))
    plyo = [s for s in sessions if s.plyometric]
    for a, b in itertools.pairwise(plyo):
        if (b.date - a.date).days * 24 < p.plyo_min_hours:
            out.append(Violation("plyometric-spacing", str(b.date), f"plyometrics too soon after {a.date}"))
    available = set(plan.profile.available_days)
    for s in sessions:
        if s.weekday not in available:
            out.append(Violation("available-days", str(s.date), f"{s.weekday.value} is not a training day"))
        if s.date < plan.profile.start_date:
            out.append(Violation("available-days", str(s.date), "before the plan starts"))
    return out


def _check_speed_days(plan: Plan, p: Params) -> list[Violation]:
    runs: dict = {}
    for w in plan.weeks:
        for r in w.runs:
            runs.setdefault(r.date, set()).add(r.type)
    out: list[Violation] = []
    for s in _sessions(plan):
        today = runs.get(s.date, set())
        tomorrow = runs.get(s.date + dt.timedelta(days=1), set())
        if RunType.race in today:
            out.append(Violation("no-strength-on-race-days", str(s.date), "a strength session on a race day"))
        if s.plyometric and RunType.long in today:
            out.append(Violation("plyometrics-fresh-legs", str(s.date), "hops and jumps on a long run's day"))
        ahead = range(p.soreness_clear_days + 1)
        if any(runs.get(s.date + dt.timedelta(days=k), set()) & KEY_RUN_TYPES for k in ahead):
            out += _sore_making(s, p, f"on or within {p.soreness_clear_days} days before a key run")
        double = plan.profile.allow_double_days  # a double day's lift follows the run at full dose
        if not s.heavy:
            if (today & KEY_RUN_TYPES and not double) or tomorrow & KEY_RUN_TYPES:
                out += [
                    Violation("light-before-key-runs", str(s.date), f"{b.exercise_id} is not kept light")
                    for b in s.blocks
                    if b.category in LEG_CATEGORIES
                    and b.role in WORK_ROLES
                    and not any(r.rule_id in ("light-before-key-runs", SLOW_RULE) for r in b.reasons)
                ]
            continue
        if today & KEY_RUN_TYPES and not double:
            out.append(Violation("no-heavy-near-speed", str(s.date), "heavy strength on a key run's day"))
        if tomorrow & KEY_RUN_TYPES:
            out.append(Violation("no-heavy-near-speed", str(s.date), "heavy strength the day before a key run"))
    return out


def _sore_making(s, p: Params, when: str) -> list[Violation]:  # type: ignore[no-untyped-def]
    """Work that leaves the legs sore for days counts as heavy (soreness-counts-heavy)."""
    return [
        Violation("soreness-counts-heavy", str(s.date), f"{b.exercise_id} {when}")
        for b in s.blocks
        if b.exercise_id in p.soreness_exercises and b.role in WORK_ROLES
    ]


def _check_race(plan: Plan, p: Params) -> list[Violation]:
    race = plan.profile.race
    if race is None:
        return []
    out = []
    for s in _sessions(plan):
        until = (race.date - s.date).days
        if 0 <= until <= p.no_strength_days:
            out.append(Violation("taper", str(s.date), f"strength {until} day(s) before the race"))
        if 0 <= until <= p.last_heavy_days and s.heavy:
            out.append(Violation("taper", str(s.date), "heavy work in the last days before the race"))
        if 0 <= until <= p.last_heavy_days:
            out += _sore_making(s, p, "in the last days before the race")
        if 0 <= until <= p.last_plyometric_days and s.plyometric:
            out.append(Violation("taper", str(s.date), "plyometrics in the last days before the race"))
        if -p.recovery_days[race.distance] < until < 0:
            out.append(Violation("maintenance-after-race", str(s.date), "strength before race recovery"))
        if until < 0 and s.date - dt.timedelta(days=s.date.weekday()) <= race.date:
            out.append(Violation("taper", str(s.date), "a session after the race in race week"))
        if 0 <= until <= p.last_heavy_days:
            out += [
                Violation("taper", str(s.date), f"{b.exercise_id} too hard for the last days")
                for b in s.blocks
                if b.category in LEG_CATEGORIES and b.role in WORK_ROLES and _too_hard(b, p)
            ]
    return out


WORK_ROLES = frozenset({Role.primary, Role.accessory})


def _check_first_days_back(plan: Plan, p: Params, lived: frozenset[dt.date]) -> list[Violation]:
    """The first days back after the race's recovery hold nothing heavy, nothing that leaves
    the legs sore and no leg work near failure (weeks lived under earlier rules aside)."""
    out: list[Violation] = []
    for w in plan.weeks:
        if w.start_date in lived:
            continue
        for s in w.sessions:
            if not returning_after_race(plan.profile, s.date, p):
                continue
            when = "in the first days back after the race"
            if s.heavy:
                out.append(Violation("maintenance-after-race", str(s.date), f"heavy work {when}"))
            out += _sore_making(s, p, when)
            out += [
                Violation("maintenance-after-race", str(s.date), f"{b.exercise_id} too hard {when}")
                for b in s.blocks
                if _leg_work(b) and _too_hard(b, p)
            ]
    return out


def _leg_work(b: Block) -> bool:
    return b.category in LEG_CATEGORIES and b.role in WORK_ROLES


def _too_hard(b: Block, p: Params) -> bool:
    """A lower-body block harder than the taper allows in the last days before the race."""
    return harder_than_race_close(b.prescription.intensity, p)


def _check_heavy_rests(plan: Plan, p: Params) -> list[Violation]:
    """Every heavy set rests long enough, whatever its category."""
    short = p.heavy_set_min_rest
    return [
        Violation("dose-heavy", f"week {w.index} {s.date}", f"{b.exercise_id}: heavy sets, {pr.rest_seconds} s rest")
        for w in plan.weeks
        for s in w.sessions
        for b in s.blocks
        if (pr := b.prescription).rest_seconds < short
        and pr.intensity.kind != "bodyweight"  # most blocks: no call needed
        and heavy_set(pr.intensity, p)
    ]


def _check_eccentric_rests(plan: Plan, p: Params, lived: frozenset[dt.date]) -> list[Violation]:
    """Near-maximal lowering rests as heavy sets do (weeks lived under earlier rules aside)."""
    return [
        Violation("eccentric-hamstring-cap", f"week {w.index} {s.date}", f"{b.exercise_id}: {pr.rest_seconds} s rest")
        for w in plan.weeks
        if w.start_date not in lived
        for s in w.sessions
        for b in s.blocks
        if b.exercise_id in p.eccentric_exercises
        and b.role in WORK_ROLES
        and (pr := b.prescription).rest_seconds < p.eccentric_rest_seconds
    ]


def _check_moderate_effort(plan: Plan, p: Params) -> list[Violation]:
    """Foundation weeks, a novice's first weeks and anyone's first weeks of strength work stay
    at least the foundation's reps from failure."""
    novice = plan.profile.strength_experience == Level.novice
    first = p.third_session_weeks[Level.novice]
    unaccustomed = p.foundation_first_weeks - plan.profile.consistent_strength_weeks  # weeks 1..this
    unaccustomed = max(unaccustomed, familiarising(plan.profile, (w.start_date for w in plan.weeks), p))
    return [
        Violation("foundation-two-sessions", f"week {w.index} {s.date}", f"{b.exercise_id} too near failure")
        for w in plan.weeks
        if w.phase == Phase.foundation or (novice and w.index <= first) or w.index <= unaccustomed
        for s in w.sessions
        for b in s.blocks
        if b.role in WORK_ROLES and _nearer_failure(b.prescription.intensity, p.foundation_rir)
    ]


def _check_core_drills(plan: Plan, p: Params) -> list[Violation]:
    """Core drills, loaded or not, are dosed by control: never nearer failure than their floor."""
    floor = max(p.foundation_rir, p.core_drill_min_rir)
    return [
        Violation("core-drills-by-control", str(s.date), f"{b.exercise_id} too near failure")
        for s in _sessions(plan)
        for b in s.blocks
        if b.category == Category.core and b.role in WORK_ROLES and _nearer_failure(b.prescription.intensity, floor)
    ]


def _nearer_failure(intensity: Intensity, rir: int) -> bool:
    if intensity.kind == "rir":
        return intensity.value < rir  # type: ignore[operator]
    if intensity.kind == "rpe":
        return intensity.value > RPE_AT_FAILURE - rir  # type: ignore[operator]
    return intensity.kind in ("load_kg", "percent_1rm")


def _check_deloads(plan: Plan, p: Params) -> list[Violation]:
    out = []
    run = 0
    season = season_mondays(plan.profile, plan.weeks[0].start_date, len(plan.weeks), p) if plan.weeks else frozenset()
    for w in plan.weeks:
        if w.deload and w.phase not in LOADING_PHASES:
            out.append(Violation("planned-deloads", f"week {w.index}", "deload inside the taper"))
        if w.phase in LOADING_PHASES and not w.deload and w.start_date not in season:  # a season: none (in-season)
            run += 1
            if run > p.deload_max_loading_weeks:
                out.append(Violation("planned-deloads", f"week {w.index}", f"{run} loading weeks without a deload"))
        else:
            run = 0
    return out


def _check_sessions(plan: Plan, ctx: PlanningContext, lived: frozenset[dt.date]) -> list[Violation]:
    p = ctx.params
    out = []
    profile = plan.profile
    cap = min(profile.session_cap_minutes, p.max_session_minutes)
    pain = frozenset(profile.pain_areas)
    kit = {a.week_start: _items(a.equipment) for a in profile.week_adjustments if a.equipment}
    for w in plan.weeks:
        if w.start_date in lived:
            continue
        allowed = allowed_on_ladder(rungs_for_week(profile, w.start_date, ctx.ladders), ctx.ladders)
        calm = pain - through_ladder(profile, w.start_date, ctx.ladders)  # through its ladder: spared no more
        runner = (calm, kit.get(w.start_date, profile.equipment_items), profile.strength_experience, allowed)
        categories: set = set()
        for s in w.sessions:
            where = f"week {w.index} {s.date}"
            if s.estimated_minutes > cap:
                out.append(Violation("session-time-cap", where, f"{s.estimated_minutes} min over the {cap}-min cap"))
            problems, trained = _remembered_content(ctx, s.blocks, runner)
            out += [Violation(rule_id, where, message) for rule_id, message in problems]
            categories |= trained
        missing = set(TRAINING_CATEGORIES) - categories
        if w.sessions and w.phase != Phase.race_week and missing:
            missing -= pain_keeps_out(missing, ctx, rungs_for_week(profile, w.start_date, ctx.ladders), runner)
        if w.sessions and w.phase != Phase.race_week and missing:
            out.append(
                Violation("three-categories", f"week {w.index}", f"misses {', '.join(c.value for c in missing)}")
            )
    return out


def pain_keeps_out(categories: set[Category], ctx: PlanningContext, rungs: tuple, runner: tuple) -> set[Category]:
    """The `categories` a week may leave out for pain (three-categories gives way to
    pain-graded-return): every primary the runner's kit and level hold for it (hops aside, which
    wait on their weeks) loads a painful area past its ladder's rung, or an area off its ladder
    past its first rung."""
    pain, equipment, level, _ = runner
    if not rungs:
        return set()
    fits = [
        e
        for e in ctx.library.exercises
        if e.category in categories
        and ("primary" in e.roles or e.pattern == Pattern.landing)
        and e.fits(equipment)
        and e.level.rank <= level.rank
        and not pain.intersection(e.contraindications)
    ]
    beyond = beyond_rungs(fits, tuple((a, r) for a, r in rungs if r >= 0), ctx.ladders)
    gentle = {e.id for e in at_most_first_rung(fits, rungs, ctx.ladders)}
    open_ = {e.category for e in fits if e.id not in beyond and e.id in gentle}
    return {c for c in categories if c not in open_}


def _items(entries: list[EquipmentSet | Item]) -> frozenset[Item]:
    items: set[Item] = set()
    for entry in entries:
        items |= EQUIPMENT_SETS[entry] if isinstance(entry, EquipmentSet) else {entry}
    return frozenset(items)


def _content_key(blocks: list) -> tuple:
    """What the content checks read of a session's blocks, as one value."""
    # The library fixes each exercise's category, regions and sides; of the dose only the
    # plyometric volume (sets x contacts) is checked. One flat tuple per session.
    return tuple(
        x
        for b in blocks
        for x in (b.exercise_id, b.role, b.prescription.contacts and b.prescription.sets * b.prescription.contacts)
    )


def _remembered_content(ctx: PlanningContext, blocks: list, runner: tuple):  # type: ignore[no-untyped-def]
    """`_session_content`, remembered on the planning context by value: plans share sessions."""
    key = (runner, _content_key(blocks))
    hit = ctx.memo.content.get(key)
    if hit is None:
        hit = ctx.memo.content.put(key, _session_content(blocks, runner, ctx.library, ctx.params))
    return hit


def _session_content(blocks: list, runner: tuple, library: Library, p: Params):  # type: ignore[no-untyped-def]
    """Problems with a session's blocks for this runner, and the categories it trains."""
    pain, equipment, level, allowed = runner
    problems: list[tuple[str, str]] = []
    if not blocks or blocks[0].role != Role.warm_up:
        problems.append(("warm-up-hips-thoracic", "does not open with a warm-up"))
    if not blocks or blocks[-1].role != Role.finisher:
        problems.append(("mobility-finisher", "does not end with mobility"))
    warm = {r.value for b in blocks if b.role == Role.warm_up for r in library.get(b.exercise_id).regions}
    if not set(p.warm_up_regions) <= warm:
        problems.append(("warm-up-hips-thoracic", "warm-up misses hips or thoracic"))
    fin = {r.value for b in blocks if b.role == Role.finisher for r in library.get(b.exercise_id).regions}
    if not set(p.finisher_regions) <= fin:
        problems.append(("mobility-finisher", "finisher misses hips or lumbar"))
    trained = set()
    for b in blocks:
        e = library.get(b.exercise_id)
        if ruled_out(e, pain, allowed):  # a painful area's graded-return ladder may prescribe it
            problems.append(("pain-excludes-or-regresses", f"{e.id} loads a painful area"))
        if not e.fits(equipment):
            problems.append(("available-days", f"{e.id} needs equipment you lack"))
        if e.level.rank > level.rank or (e.high_skill and level.rank < p.high_skill_min_level.rank):
            problems.append(("mechanics-over-complexity", f"{e.id} is beyond your level"))
        if b.role == Role.primary:
            trained.add(b.category)
        pr = b.prescription
        if pr.contacts and e.pattern == Pattern.plyometric:
            sides = 2 if pr.per_side else 1
            if pr.sets * pr.contacts * sides > p.plyo_max_contacts[level]:
                problems.append(("dose-plyometric", f"{e.id}: too many contacts"))
    return tuple(problems), frozenset(trained)


_RULE_ID = attrgetter("rule_id")


def _check_rule_ids(plan: Plan, registry: Registry) -> list[Violation]:
    out = []
    ids = {r.rule_id for w in plan.weeks for r in w.reasons}
    ids |= {r.rule_id for w in plan.weeks for s in w.sessions for r in s.reasons}
    distinct = {id(s.blocks): s.blocks for w in plan.weeks for s in w.sessions}  # weeks share block lists
    for blocks in distinct.values():
        for b in blocks:
            ids.update(map(_RULE_ID, b.reasons))
    ids |= {r.rule_id for g in plan.guidance for r in g.reasons}
    for r in ids:
        if r not in registry:
            out.append(Violation("three-categories", "plan", f"cites unknown rule {r!r}"))
    return out
