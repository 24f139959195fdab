"""Phases from the calendar: which week is foundation, build, race-specific, taper,
race week or maintenance, which weeks are deloads, and how many sessions each holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .context import PlanningContext
from .goal_weeks import GoalWeek, blocked_week_days, goal_reason, goal_weeks, open_days, room_reason
from .hash_once import hashed_once
from .model import AthleteProfile, Pattern, Phase, Reason, Week, Weekday, why
from .params import Params
from .season import Season, after_season_taper, in_season, season_sessions
from .week_room import (
    USUAL_WEEK_TEXT,
    days_text,
    first_week_room,
    foundation_after_race,
    most_spaced,
    room_after_recovery,
    sessions_text,
    training_days_room,
)

MAX_PLAN_WEEKS = 60
LOADING_PHASES = frozenset({Phase.foundation, Phase.build, Phase.race_specific})


@hashed_once
@dataclass(frozen=True)
class WeekFrame:
    index: int  # 1-based
    start: dt.date
    phase: Phase
    deload: bool
    sessions: int
    block: int  # mesocycle number (phase change or deload starts one): progression restarts
    step: int  # loading weeks already done in this block: drives progression
    selection: int  # exercise block: a loading phase; taper, race week and maintenance keep the last
    reassess: bool
    reasons: tuple[Reason, ...]
    goal_race: bool = False  # a goal race's race week (goal-race): cut as the taper's race week
    season: bool = False  # a racing season's kept week (in-season): strength kept, not built

    @property
    def end(self) -> dt.date:
        return self.start + dt.timedelta(days=6)


def holds_for_taper(phase: Phase, deload: bool) -> bool:
    """Whether a week's sessions count toward what the taper keeps: a build or race-specific
    week, not a deload (taper: frequency kept, none started)."""
    return phase in (Phase.build, Phase.race_specific) and not deload


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def phase_lengths(profile: AthleteProfile, p: Params) -> list[Phase]:
    """One phase label per week, before deloads are laid over the loading weeks."""
    first = monday_of(profile.start_date)
    unlock = p.third_session_weeks[profile.strength_experience]
    foundation = max(p.min_foundation_weeks, unlock - profile.consistent_strength_weeks)
    if profile.race is None:
        total = profile.plan_weeks or p.default_plan_weeks
        foundation = min(foundation, total)
        return before_birth(profile, [Phase.foundation] * foundation + [Phase.build] * (total - foundation))

    to_race = (monday_of(profile.race.date) - first).days // 7 + 1
    taper = min(p.taper_weeks, to_race)
    loading = to_race - taper
    # a short runway shortens the foundation rather than drop the build: the race still gets
    # weeks of its own emphasis (S32, S33); the third session keeps waiting for consistency
    keep_for_build = max(p.min_foundation_weeks, loading - p.min_build_weeks)
    foundation = min(foundation, loading, keep_for_build)
    rest = loading - foundation
    specific = p.race_specific_weeks if rest >= p.race_specific_weeks + p.min_build_weeks else rest // 2
    build = rest - specific
    tail = [Phase.taper] * (taper - 1) + [Phase.race_week]
    before = [Phase.foundation] * foundation + [Phase.build] * build + [Phase.race_specific] * specific + tail
    return before_birth(profile, before + after_race(profile, loading, len(before), p))


def before_birth(profile: AthleteProfile, phases: list[Phase]) -> list[Phase]:
    """The weeks that end before a pregnant runner's due date: runstrong does not plan through a
    birth (pregnancy-strength); the profile refuses a race or plan_weeks past it, so this cuts only
    a default length or the weeks after the race."""
    if profile.due_date is None:
        return phases
    return phases[: max(1, (profile.due_date - monday_of(profile.start_date)).days // 7)]  # weeks ending before it


def after_race(profile: AthleteProfile, loading: int, to_race: int, p: Params) -> list[Phase]:
    """The weeks after the race: one session a week keeps what was built; a runner who comes
    to it with fewer weeks of strength work than the registry's minimum has nothing to keep
    yet, so they are the foundation instead, as long as it takes to earn the third session
    (maintenance-after-race)."""
    if profile.consistent_strength_weeks + loading >= p.maintenance_min_built_weeks:
        return [Phase.maintenance] * p.post_race_weeks
    unlock = p.third_session_weeks[profile.strength_experience]
    weeks = max(p.post_race_weeks, p.min_foundation_weeks, unlock - profile.consistent_strength_weeks - to_race)
    return [Phase.foundation] * weeks


def deload_weeks(
    phases: list[Phase],
    p: Params,
    forced: frozenset[int] = frozenset(),
    goals: frozenset[int] = frozenset(),
    season: frozenset[int] = frozenset(),
) -> set[int]:
    """0-based indexes of deload weeks among the loading weeks.

    A deload follows every `loading_weeks` loading weeks, but never in the taper, and not
    when the loading weeks left before a taper fit in the run the registry allows (the
    taper is the recovery there: a 7-week runway loads into it rather than spend one of
    its few race-specific weeks on a deload). `forced` weeks (a review's deload) are
    deloads when they are loading weeks, and restart the count. A goal race's weeks (`goals`,
    goal-race) are deloads of their own, and the loading weeks that reach them within the
    registry's run take none, as before the taper. A season's weeks (`season`, in-season) take
    none but a review's: its races' short tapers unload the legs, and the count restarts after it.
    """
    loading = [i for i, ph in enumerate(phases) if ph in LOADING_PHASES]
    has_taper = any(ph in (Phase.taper, Phase.race_week) for ph in phases)
    deloads: set[int] = set()
    run = 0
    for n, i in enumerate(loading):
        if i in forced or i in goals:  # a review called a deload here, or a goal race: the cycle restarts
            deloads.add(i)
            run = 0
            continue
        if i in season:  # a season's foundation week: its races unload the legs, and the cycle restarts after it
            run = 0
            continue
        if run >= p.deload_loading_weeks:
            into_taper = has_taper and run + len(loading) - n <= p.deload_max_loading_weeks
            into_goal = any(g - i > 0 and run + g - i <= p.deload_max_loading_weeks for g in goals)
            if not into_taper and not into_goal:
                deloads.add(i)
                run = 0
                continue
        run += 1
    return deloads


def deloads_close_blocks(phases: list[Phase], deloads: set[int]) -> list[Phase]:
    """A deload that would open a loading phase closes the one before instead ("same
    sessions and exercises", planned-deloads): its week keeps the last phase's lifts and
    session count, and the new phase, a week shorter, starts fresh after it. A phase one
    week long keeps its only week."""
    out = list(phases)
    for i in sorted(deloads):
        opens = 0 < i < len(out) - 1 and out[i] != out[i - 1] and out[i + 1] == out[i]
        if opens and out[i - 1] in LOADING_PHASES and out[i] in LOADING_PHASES:
            out[i] = out[i - 1]
    return out


def lay_out_weeks(profile: AthleteProfile, p: Params) -> list[WeekFrame]:
    """The plan's weeks: phase, deload, session count, block and progression step of each,
    with the rules behind them."""
    first = monday_of(profile.start_date)
    phases, season = in_season(phase_lengths(profile, p), profile, first, p)
    adjust = {a.week_start: a for a in profile.week_adjustments}
    forced = frozenset(
        i for i in range(len(phases)) if (a := adjust.get(first + dt.timedelta(weeks=i))) is not None and a.deload
    )
    goals = goal_weeks(profile, phases, first, p)
    deloads = deload_weeks(phases, p, forced, frozenset(goals), frozenset(season))
    phases = deloads_close_blocks(phases, deloads)
    missed = 0  # weeks a review found inconsistent: they do not count toward the third session
    frames: list[WeekFrame] = []
    block = step = selection = since_screen = same_lifts = 0
    for i, phase in enumerate(phases):
        fresh: list[Reason] = []
        if i > 0 and (phase != phases[i - 1] or (i - 1) in deloads):
            block, step = block + 1, 0
        if i > 0 and phase != phases[i - 1] and (phase in LOADING_PHASES or i in season):
            selection, same_lifts = selection + 1, 0  # familiar lifts carry into the taper, race week and maintenance
        elif phase in LOADING_PHASES and (i - 1) in deloads and same_lifts >= p.block_max_weeks and i not in goals:
            selection, same_lifts = selection + 1, 0  # a long phase: the other lifts change after a deload
            fresh.append(p.why("same-primaries-per-block", NEW_LIFTS_TEXT))
        same_lifts += 1
        deload, start = i in deloads, first + dt.timedelta(weeks=i)
        consistent = profile.consistent_strength_weeks + i - missed
        this_week = adjust.get(start)
        if this_week is not None and not this_week.consistent:
            missed += 1
        sessions, reasons = _counted(profile, phases, i, consistent, season, p)
        if this_week is not None and this_week.max_sessions is not None and this_week.max_sessions < sessions:
            if this_week.max_sessions <= p.foundation_sessions < sessions:  # a third held back: its note says why
                reasons = [r for r in reasons if r.rule_id != "third-session-after-consistency"]
            sessions = this_week.max_sessions
        if (goal := goals.get(i)) is not None:
            sessions = _goal_sessions(profile, goal, sessions, p)  # its own count: not the third session's
            reasons = [r for r in reasons if r.rule_id != "third-session-after-consistency"]
            reasons += [goal_reason(goal, sessions, p)]
        else:
            reasons += _deload_reasons(deload, i in forced, p)
            sessions, reasons = _room_near_goal(profile, start, sessions, reasons, p)
        reasons += fresh
        since_screen += 1
        reassess = i > 0 and _reassess_due(phase, deload, since_screen, p)
        if reassess:
            since_screen = 0
            reasons.append(p.why("scheduled-reassessment", REASSESS_TEXT))
        if i == 0 and not profile.screens:
            reasons.append(p.why("baseline-screen", BASELINE_TEXT))
        frames.append(
            WeekFrame(
                index=i + 1,
                start=start,
                phase=phase,
                deload=deload,
                sessions=sessions,
                block=block,
                step=step,
                selection=selection,
                reassess=reassess,
                reasons=tuple(reasons),
                goal_race=goal is not None and not goal.recovery,
                season=i in season and phase == Phase.maintenance,
            )
        )
        if not deload:
            step += 1
    return frames


def _counted(
    profile: AthleteProfile, phases: list[Phase], i: int, consistent: int, season: dict[int, Season], p: Params
) -> tuple[int, list[Reason]]:
    """How many sessions week `i` asks for by its phase (a season's week by the season, the
    taper after a season no more than it), the plan's first days and the race's recovery, and why."""
    phase, start = phases[i], monday_of(profile.start_date) + dt.timedelta(weeks=i)
    if i in season:
        sessions, reasons = season_sessions(season[i], start, season.get(i - 1) != season[i], p)
    else:
        sessions, reasons = _sessions(profile, phase, consistent, start, p)
    before = next((k for k in range(i - 1, -1, -1) if phases[k] != Phase.taper), None)
    if phase == Phase.taper and before in season:
        sessions, reasons = after_season_taper(sessions, reasons, p)
    sessions, partial = first_week_room(profile, start, sessions, p)
    reasons += partial
    if i == 0 and phase in (Phase.taper, Phase.race_week) and Phase.foundation in phases:  # built after it
        reasons.append(p.why("maintenance-after-race", TOO_CLOSE_TEXT))
    if phase == Phase.foundation and profile.race is not None and start > profile.race.date:
        sessions, after = foundation_after_race(profile, start, sessions, i > 0 and phases[i - 1] != phase, p)
        reasons += after
    return sessions, reasons


def _goal_sessions(profile: AthleteProfile, goal: GoalWeek, sessions: int, p: Params) -> int:
    """A goal race's week: the race week's one session (taper), a recovery week's as many as
    the days after the race's recovery hold, never more than the week asked for."""
    room = most_spaced(open_days(profile, goal), p.min_days_between)
    return min(sessions, room if goal.recovery else min(room, p.race_week_sessions))


def _room_near_goal(
    profile: AthleteProfile, start: dt.date, sessions: int, reasons: list[Reason], p: Params
) -> tuple[int, list[Reason]]:
    """A week a goal race's closed days reach into (the week before a race early in its week, a
    recovery running on): as many sessions as its open training days hold a day apart."""
    near = blocked_week_days(profile, start, p)
    if near is None or (room := most_spaced(near[1], p.min_days_between)) >= sessions:
        return sessions, reasons
    return room, [*reasons, room_reason(near[0], room, p)]


def _race_week_days(profile: AthleteProfile, start: dt.date, p: Params) -> list[dt.date]:
    """The race week's training days before the race and outside its no-strength days."""
    race = profile.race
    if race is None:
        return []
    days = (start + dt.timedelta(days=i) for i in range(7))
    available = set(profile.available_days)
    return [
        d
        for d in days
        if d >= profile.start_date and (race.date - d).days > p.no_strength_days and Weekday.of(d) in available
    ]


RACE_WEEK_REST_RULE = "taper"


def race_week_promise(p: Params) -> str:
    """What a race week with a day for it says it holds (the planner takes it back when last
    week's sessions close that day after all)."""
    days = p.no_strength_days + 1
    return f"Race week: one light session, {days} or more days before the race; nothing heavy or plyometric."


def _no_race_week_day(profile: AthleteProfile, start: dt.date, p: Params) -> str:
    """Why a race week holds no session, of the three ways it happens: the race comes early
    in the week, the plan starts too close to it, or no training day falls far enough out."""
    race = profile.race
    assert race is not None  # a race week has its race
    far = [start + dt.timedelta(days=i) for i in range((race.date - start).days - p.no_strength_days)]
    final = f"the final {p.no_strength_days} days before a race hold no strength"
    if not far:
        return f"Race week: the race comes early in the week and {final}. Rest and race."
    if all(d < profile.start_date for d in far):
        days = (race.date - profile.start_date).days
        before = "on race day" if days <= 0 else f"{days} day{'s' if days != 1 else ''} before the race"
        return f"Race week: the plan starts {before} and {final}. Rest and race."
    return (
        f"Race week: none of your training days ({days_text(profile)}) falls {p.no_strength_days + 1} or more "
        "days before the race. Rest and race."
    )


TOO_CLOSE_TEXT = (
    "The race is too close to build strength before it: until then the sessions only rehearse the movements, "
    "and your foundation starts after the race."
)
REASSESS_TEXT = "Repeat the baseline screen this week (hip hinge, plank, single-leg squat)."
BASELINE_TEXT = "Before the first session, screen your hip hinge, plank hold and single-leg squat."
TAPER_THREE_TEXT = "The taper keeps your three sessions, each shorter: it cuts volume, not how often you lift."
NEW_LIFTS_TEXT = "A long phase: each category keeps its main lift and its other lifts change, for variety."


def _sessions(
    profile: AthleteProfile, phase: Phase, consistent: int, start: dt.date, p: Params
) -> tuple[int, list[Reason]]:
    """How many sessions the week's phase asks for, and why."""
    if phase == Phase.race_week:
        if not _race_week_days(profile, start, p):
            return 0, [p.why(RACE_WEEK_REST_RULE, _no_race_week_day(profile, start, p))]  # and no promise of one
        return p.race_week_sessions, [p.why(RACE_WEEK_REST_RULE, race_week_promise(p))]
    reasons: list[Reason] = [p.why(_PHASE_RULE[phase], text=_PHASE_TEXT[phase])]
    if phase == Phase.foundation:
        return p.foundation_sessions, reasons
    if phase == Phase.taper:
        return _taper_sessions(profile, consistent, reasons, p)
    if phase in (Phase.build, Phase.race_specific):
        unlock = p.third_session_weeks[profile.strength_experience]
        if consistent >= unlock:
            room = training_days_room(profile, p)
            level = profile.strength_experience.value
            behind = f"{consistent} consistent weeks behind you ({unlock} needed at {level} level):"
            if room <= p.foundation_sessions:  # the training days, not the runs, keep it out
                text = (
                    f"{behind} a third session is due, but your training days ({days_text(profile)}) hold only "
                    f"{sessions_text(room)} a day apart: add a training day for it."
                )  # fewer than the foundation's: the week asks for those, and least_bad says what fits
                return p.foundation_sessions, [*reasons, p.why("third-session-after-consistency", text)]
            text = f"{behind} a third, single-leg power session."
            return p.foundation_sessions + 1, [*reasons, p.why("third-session-after-consistency", text)]
        text = f"Third session waits until {unlock} consistent weeks ({consistent} so far)."
        return p.foundation_sessions, [*reasons, p.why("third-session-after-consistency", text)]
    return _maintenance_sessions(profile, start, reasons, p)


def _taper_sessions(
    profile: AthleteProfile, consistent: int, reasons: list[Reason], p: Params
) -> tuple[int, list[Reason]]:
    """The taper keeps the sessions the last loading week held: its volume cut does the
    tapering, and frequency is kept (Bosquet 2007; Mujika & Padilla 2003: cut it by no more
    than a fifth), so a third session earned before it stays, shorter; none starts in it."""
    unlock = p.third_session_weeks[profile.strength_experience]
    if consistent - 1 < unlock or training_days_room(profile, p) <= p.foundation_sessions:
        return p.foundation_sessions, reasons
    return p.foundation_sessions + 1, [*reasons, p.why("taper", TAPER_THREE_TEXT)]


def _maintenance_sessions(
    profile: AthleteProfile, start: dt.date, reasons: list[Reason], p: Params
) -> tuple[int, list[Reason]]:
    """After the race: one session a week, as many as fit after the race's recovery days."""
    room, why = room_after_recovery(profile, start, p.maintenance_sessions, p)
    return room, [*reasons, p.why("maintenance-after-race", USUAL_WEEK_TEXT), *why]


def _deload_reasons(deload: bool, forced: bool, p: Params) -> list[Reason]:
    if deload and forced:
        text = (
            f"Deload called by your weekly review: about {p.deload_volume_cut_pct}% less volume and easier "
            "effort; the deload cycle restarts after it."
        )
        return [p.why("review-deload", text)]
    if deload:
        text = (
            f"Deload: same sessions and exercises, about {p.deload_volume_cut_pct}% less volume "
            "and easier effort, so the next block starts fresh."
        )
        return [p.why("planned-deloads", text)]
    return []


def _reassess_due(phase: Phase, deload: bool, since_screen: int, p: Params) -> bool:
    """A loading week screens again after the registry's interval (sooner on a deload week)."""
    low, high = p.reassess_every
    return phase in LOADING_PHASES and ((deload and since_screen > low) or since_screen > high)


_PHASE_RULE = {
    Phase.foundation: "foundation-two-sessions",
    Phase.build: "third-session-after-consistency",
    Phase.race_specific: "race-specific-block",
    Phase.taper: "taper",
    Phase.race_week: "taper",
    Phase.maintenance: "maintenance-after-race",
}

_PHASE_TEXT = {
    Phase.foundation: "Foundation: two lower-intensity sessions, technique first, posterior chain emphasis.",
    Phase.build: "Build: loads rise for those ready, and single-leg power comes in.",  # see `fitted_phase_notes`
    Phase.race_specific: "Race-specific: the work leans toward what your race asks for.",
    Phase.taper: "Taper: less volume, intensity kept, so you arrive fresh.",
    Phase.maintenance: "Maintenance: one session a week keeps the strength you built.",
}


def build_note(loaded: bool, hops: bool) -> tuple[str, str]:
    """The build's phase note, saying only what its week holds (a load that rises, hops), and
    the rule it speaks for: the third session's single-leg power where hops come in, else the
    progression (cr22a P5: "harder rungs and more reps" was tagged with the third session)."""
    rise = "loads rise for those ready" if loaded else "harder rungs and more reps for those ready"
    rule = _PHASE_RULE[Phase.build] if hops else "linear-progression"
    return f"Build: {rise}{', and single-leg power comes in' if hops else ''}.", rule


def fitted_phase_notes(weeks: list[Week], ctx: PlanningContext, lived: frozenset[dt.date] = frozenset()) -> list[Week]:
    """The weeks with the build's phase note fitted to each week: no load or hops promised to
    a week without them (a bodyweight runner whose knee keeps hops out read "loads rise ...
    single-leg power comes in"). Weeks already lived keep the words they were planned with."""
    said = _PHASE_TEXT[Phase.build]
    out = []
    for w in weeks:
        if w.phase != Phase.build or w.start_date in lived or not any(r.text == said for r in w.reasons):
            out.append(w)
            continue
        text, rule = _fitted_build_note(w, ctx)
        if text == said:  # the week holds both: the note stands as planned
            out.append(w)
            continue
        reasons = [why(rule, text) if r.text == said else r for r in w.reasons]
        out.append(w.model_copy(update={"reasons": reasons}))
    return out


def _fitted_build_note(w: Week, ctx: PlanningContext) -> tuple[str, str]:
    """The build note `w`'s sessions hold, once per distinct week: the planner shares session
    objects between plans, so the same sessions (by identity, kept alive by the entry) give
    the same note."""
    key = tuple(map(id, w.sessions))
    hit = ctx.memo.notes.get(key)
    if hit is None:
        library = ctx.library
        blocks = [b for s in w.sessions for b in s.blocks]
        ids = {b.exercise_id for b in blocks}
        hops = any(x in library and library.get(x).pattern == Pattern.plyometric for x in ids)
        note = build_note(any(b.prescription.load_kg for b in blocks), hops)
        hit = ctx.memo.notes.put(key, (tuple(w.sessions), note))
    return hit[1]  # type: ignore[no-any-return]
