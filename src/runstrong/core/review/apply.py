"""A review carried into a new plan version: the profile gains the review's adjustments,
the planner plans the weeks not yet lived again, and then the review's promises are
checked on the result: nothing rises above the plan it replaces, a hold never raises a
dose, and the recovery work it announced is in the week."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..context import PlanningContext
from ..dosing import estimate_seconds
from ..library import Library
from ..model import AthleteProfile, Block, Category, Plan, Prescription, Role, Session, Suggestion, Week, why
from ..phases import LOADING_PHASES
from ..planner import replan, replanned_weeks
from ..review_cut import cut_prescription
from ..rules import Registry
from .category_cap import categories_capped
from .dose_cap import CAP_SAID, capped, capped_block, harder_effort
from .eased_deload import eased_deloads
from .measure import plan_week
from .repeat_dose import Repeat, follows_log, light, phase_changed, reference_blocks, reference_week, repeated
from .values import Review

RECOVERY_RULES = ("overreaching-signs", "review-recovery")


def without_review(profile: AthleteProfile, week_start: dt.date) -> AthleteProfile:
    """The profile as it was before the review of `week_start` changed it (if it did)."""
    own = [a for a in profile.adjustments if a.review_of == week_start]
    if not own and not any(x.review_of == week_start for x in profile.exercise_swaps):
        return profile
    added = {p for a in own for p in a.pain_added}
    return profile.model_copy(
        update={
            "adjustments": [a for a in profile.adjustments if a.review_of != week_start],
            "exercise_swaps": [x for x in profile.exercise_swaps if x.review_of != week_start],
            "pain_areas": [p for p in profile.pain_areas if p not in added],
        }
    )


def apply_review(
    plan: Plan, profile: AthleteProfile, review: Review, *, least_bad: bool = True, **kwargs: Any
) -> tuple[AthleteProfile, Plan]:
    """The profile with the review's changes, and the new plan version: the weeks before
    `review.next_week_start` as they were, the rest planned again. Reviewing the same week
    again replaces that review's changes rather than stacking them."""
    new_profile = reviewed_profile(profile, review)
    ctx = _context(**kwargs)
    params = ctx.params
    new_plan = replan(plan, new_profile, review.next_week_start, ctx, least_bad=least_bad)
    new_plan = kept_promises(plan, new_plan, review, params)
    nxt = next((a for a in review.adjustments if a.week_start == review.next_week_start), None)
    if nxt is not None and nxt.reduce and not nxt.deload:
        start, cut = review.next_week_start, nxt.reduce
        if any(a.review_of == review.week_start for a in plan.profile.adjustments):  # applied again:
            new_plan = _same_cut(new_plan, plan, start, cut)  # the plan already holds this cut
        else:
            new_plan = cut_from_held(new_plan, held_week(plan, profile, review, ctx, least_bad), start, cut, params)
        new_plan = _categories_kept(new_plan, plan, review, params)
    # a painful side's cue comes with the adjustment (core/owned_cues)
    return new_profile, eased_deloads(new_plan, changed_weeks(review), ctx.library, params)


def changed_weeks(review: Review) -> set[dt.date]:
    """The Mondays of the weeks the review changes (those it planned again, not lived ones)."""
    return {a.week_start for a in review.adjustments if a.week_start >= review.next_week_start}


def reviewed_profile(profile: AthleteProfile, review: Review) -> AthleteProfile:
    """The profile with the review's adjustments, swaps, pain areas and race date, in place
    of any earlier review of the same week. Another review's adjustment of a week this one
    also writes is kept beside it (the planner reads them merged, `week_adjustments`): a
    review of a week nothing was done in notes that it did not count, and the earlier
    review's decisions for that week (a pain regression, a cut, a deload) stand (cr22a S1)."""
    base = without_review(profile, review.week_start)
    adjustments = sorted([*base.adjustments, *review.adjustments], key=lambda a: a.week_start)
    update: dict[str, object] = {
        "adjustments": adjustments,
        "exercise_swaps": [*base.exercise_swaps, *review.swaps],
        "pain_areas": [*base.pain_areas, *(a for a in review.pain_areas_added if a not in base.pain_areas)],
    }
    if review.race_date and profile.race:
        update["race"] = profile.race.model_copy(update={"date": review.race_date})
    return AthleteProfile.model_validate({**base.model_dump(), **update})


def held_week(
    plan: Plan, profile: AthleteProfile, review: Review, ctx: PlanningContext, least_bad: bool
) -> Week | None:
    """Next week as applying the review with each cut category held instead would give it:
    the reference a cut is taken from. Only that week is planned again (`replanned_weeks`
    stops there): the weeks after it cannot change it, and planning them was a third of the
    re-planning a review does."""
    held, start = held_instead(review), review.next_week_start
    weeks = replanned_weeks(plan, reviewed_profile(profile, held), start, ctx, through=start, least_bad=least_bad)
    return next((w for w in promised_weeks(plan, weeks, held, ctx.params) if w.start_date == start), None)


def held_instead(review: Review) -> Review:
    """The review with each cut category held instead: what the runner would do without the cut."""
    out = []
    for a in review.adjustments:
        if a.reduce:
            a = a.model_copy(update={"hold": sorted({*a.hold, *a.reduce}, key=lambda c: c.value), "reduce": {}})
        out.append(a)
    return review.model_copy(update={"adjustments": out})


def cut_from_held(plan: Plan, ref_week: Week | None, start: dt.date, reduce: dict[Category, int], params: Any) -> Plan:
    """The cut week with each cut lift's dose the announced cut of the dose the held week
    (`ref_week`) gives it. The planner cuts the dose it would have prescribed, but the held week
    can be lower than that (never above the plan it replaces, nor above this week's dose):
    cutting the higher dose would announce 25% and deliver 12%."""
    week = plan_week(plan, start)
    if ref_week is None or week is None:
        return plan
    ref = {(s.date, b.exercise_id): b.prescription for s in ref_week.sessions for b in _blocks_of(s)}
    sessions = []
    for s in week.sessions:
        blocks = []
        for b in s.blocks:
            held = ref.get((s.date, b.exercise_id)) if b.category in reduce else None
            if held is not None and b.role in (Role.primary, Role.accessory):
                numbers = cut_prescription(
                    held.sets, held.reps, held.seconds, held.contacts, held.distance_m, reduce[b.category]
                )
                fields = dict(zip(("sets", "reps", "seconds", "contacts", "distance_m"), numbers, strict=True))
                presc = capped(b.prescription.model_copy(update=fields), held, held=True)
                b = b.model_copy(
                    update={"prescription": presc, "estimated_seconds": estimate_seconds(presc, b.role, params)}
                )
            blocks.append(b)
        sessions.append(_resized(s, blocks))
    cut_week = week.model_copy(update={"sessions": sessions})
    return plan.model_copy(update={"weeks": [cut_week if w.start_date == start else w for w in plan.weeks]})


def _categories_kept(plan: Plan, before: Plan, review: Review, params: Any) -> Plan:
    """The cut week with no category above the sets the plan it replaces gave it: the cut is
    taken from the held week's doses, which can give a lift back the set the category cap took
    to fit a lift pain put in from another category (a shin's calf raise replaced by a good
    morning; the held week had dropped it, the cut put the trap bar's third set back beside it)."""
    start = review.next_week_start
    old_week, week = plan_week(before, start), plan_week(plan, start)
    if old_week is None or week is None:
        return plan
    swapped = {s.to_id: s.from_id for s in review.swaps if s.to_id}
    sessions = categories_capped(old_week, [(s, list(s.blocks)) for s in week.sessions], params, swapped)
    kept = week.model_copy(update={"sessions": [_resized(s, blocks) for s, blocks in sessions]})
    return plan.model_copy(update={"weeks": [kept if w.start_date == start else w for w in plan.weeks]})


def _same_cut(plan: Plan, before: Plan, start: dt.date, reduce: dict[Category, int]) -> Plan:
    """The cut week with the cut lifts as the plan that already holds this review's cut gave them."""
    old_week, week = plan_week(before, start), plan_week(plan, start)
    if old_week is None or week is None:
        return plan
    old = {(s.date, b.exercise_id): b for s in old_week.sessions for b in _blocks_of(s) if b.category in reduce}
    sessions = [_resized(s, [old.get((s.date, b.exercise_id), b) for b in s.blocks]) for s in week.sessions]
    cut_week = week.model_copy(update={"sessions": sessions})
    return plan.model_copy(update={"weeks": [cut_week if w.start_date == start else w for w in plan.weeks]})


def _blocks_of(s: Session) -> list[Block]:
    return [b for b in s.blocks if b.role in (Role.primary, Role.accessory)]


def _context(
    ctx: PlanningContext | None = None, library: Library | None = None, registry: Registry | None = None
) -> PlanningContext:
    """The planning context to re-plan with: the caller's, or one made of the library and
    registry it handed over (tests and scripts that hold those)."""
    if ctx is not None:
        return ctx
    if library is None or registry is None:
        raise TypeError("apply_review needs ctx=, or library= and registry=")
    return PlanningContext(library, registry)


def kept_promises(old: Plan, new: Plan, review: Review, params: Any) -> Plan:
    """The new plan with the review's promises kept in the weeks it changed."""
    return new.model_copy(update={"weeks": promised_weeks(old, new.weeks, review, params)})


def promised_weeks(old: Plan, weeks: list[Week], review: Review, params: Any) -> list[Week]:
    """The weeks with the review's promises kept in those it changed (each week on its own)."""
    changed = changed_weeks(review)
    adjust = {a.week_start: a for a in review.adjustments}
    swapped = {s.to_id: s.from_id for s in review.swaps if s.to_id}
    held_caps = _held_caps(old, review)
    nxt = adjust.get(review.next_week_start)
    repeat = reference_blocks(old, review, set(nxt.hold)) if nxt is not None and nxt.hold else {}
    ref_week = reference_week(old, review) if repeat else None
    old_weeks = {x.start_date: x for x in old.weeks}
    out = []
    for w in weeks:
        before = old_weeks.get(w.start_date)
        if w.start_date in changed and before is not None:
            a = adjust[w.start_date]
            first = w.start_date == review.next_week_start
            caps = held_caps if first else {}
            # a hold repeats a dose into a loading week only: a deload, the taper, race week and the days back
            # after the race ease from the last loading week by their own rules (a taper's 2 x 6 @ 47.5 kg, RPE 8,
            # repeated into the first days back after the race; a deload's 18 kg back to 20 kg)
            repeats = first and not w.deload and w.phase in LOADING_PHASES
            missed = review.metrics.held_from is not None
            again = Repeat(repeat, phase_changed(ref_week, w), follows_log(review), missed) if repeats else None
            w = _never_above(before, w, swapped, caps, params, whole=_holds_only(a, review), again=again)
            if a.mobility:
                w = with_recovery(w, params.mobility_minutes)
        out.append(w)
    return out


def _held_caps(old: Plan, review: Review) -> dict[Any, Prescription]:
    """A hold keeps this week's dose (or, after a deload, the last loading week's): the
    held categories' lifts as they were then, by session focus and lift, and by lift alone
    the most the week gave it (a lift moved to another session is held to that, not to a
    light day's dose: a hip thrust done 3 x 8 on its full day and 2 x 8 on a light one is
    held at 3 x 8 on its full day)."""
    nxt = next((a for a in review.adjustments if a.week_start == review.next_week_start), None)
    if nxt is None or nxt.deload or not nxt.hold:
        return {}
    week = reference_week(old, review)
    if week is None:
        return {}
    held = set(nxt.hold)
    by_session: dict[Any, Prescription] = {
        (s.focus, b.exercise_id): b.prescription
        for s in week.sessions
        for b in s.blocks
        if b.role in (Role.primary, Role.accessory) and b.category in held
    }
    peaks = {lift: dose for lift, dose in peak_doses(week).items() if any(k[1] == lift for k in by_session)}
    return {**peaks, **by_session}


def _blocks(week: Week) -> list[Block]:
    return [b for s in week.sessions for b in s.blocks if b.role in (Role.primary, Role.accessory)]


def _holds_only(a: Any, review: Review) -> bool:
    """A week the review holds and neither cuts, deloads nor flags pain for: its holds name whole
    doses. (A cut's reference, the review with its cuts held instead, keeps its decisions: the
    cut is taken from the week as the old plan caps it, and never lands above that week.)"""
    eased = any(d.action in ("reduce", "deload") for d in review.decisions)
    return bool(a.hold) and not (a.reduce or a.deload or eased or any(f.kind == "pain" for f in review.flags))


def _never_above(
    old: Week,
    new: Week,
    swapped: dict[str, str],
    held: dict[Any, Prescription],
    params: Any,
    whole: bool = False,
    again: Repeat | None = None,
) -> Week:
    """No lift gets more sets, reps, seconds, contacts or load than the plan it replaces gave
    it that week (a lift swapped in is held to the one it replaces), and no category more
    sets: a block the old week did not have is dropped first. A `whole` hold (no cut, deload or
    pain) of a day the review names keeps that day's dose: the loading week it replaces planned
    a change of it (a kit step's fewer reps, a new range's) that a hold does not make; but never
    more sets than that week gave the day (a new phase's 3 x 7 after a build's 4 x 10, a time
    cap's one set of longer holds): a hold after a missed week or a broken form adds no volume."""
    old_by_lift = {(s.focus, b.exercise_id): b.prescription for s in old.sessions for b in s.blocks}
    full_days = set() if old.deload else {(s.focus, b.exercise_id) for s in old.sessions for b in s.blocks
                                          if "light-before-key-runs" not in b.rule_ids}  # fmt: skip
    peaks = peak_doses(old)
    sessions = []
    for s in new.sessions:
        old_s = next((o for o in old.sessions if o.focus == s.focus), None)
        spare = _unmatched(old_s, s) if old_s else []
        blocks = []
        for b in s.blocks:
            own, other = _old_doses(s.focus, b.exercise_id, swapped.get(b.exercise_id, ""), old_by_lift, peaks)
            if own is None and other is None:
                other = next((x.prescription for x in spare if x.category == b.category and x.role == b.role), None)
                spare = [x for x in spare if x.prescription is not other]
            # another lift's load is on other kit: only the lift's own dose caps its load
            hold = held.get((s.focus, b.exercise_id)) or held.get(b.exercise_id)
            ref = again.blocks.get((s.focus, b.exercise_id)) if whole and again is not None else None
            if ref is not None and (s.focus, b.exercise_id) in held and not light(b):
                # a full day repeats the last dose done (repeat_dose), whatever the old week made that day
                # (a light day the hold moved onto a free one): read alike from the plan it replaces or
                # from its own result, so a review applied again gives the same plan
                b = repeated(b, ref, own, again, params)  # type: ignore[union-attr]
                own = other = None
            elif whole and (s.focus, b.exercise_id) in held and (s.focus, b.exercise_id) in full_days:
                b = capped_block(b, _sets_of(b.prescription, own), params) if own is not None else b
                own = other = None
            for limit, same, strict in ((own, True, False), (other, False, False), (hold, True, True)):
                if limit is not None:
                    b = capped_block(b, limit, params, same, held=strict)
            blocks.append(b)
        sessions.append((s, blocks))
    repeats = frozenset(again.blocks) if whole and again is not None else frozenset()
    sessions = _cap_said_again(old, categories_capped(old, sessions, params, swapped, repeats))
    return new.model_copy(update={"sessions": [_resized(s, blocks) for s, blocks in sessions]})


def _cap_said_again(old: Week, sessions: list[tuple[Session, list[Block]]]) -> list[tuple[Session, list[Block]]]:
    """A block at the very dose the old week's block had after a review's cap keeps the cap's words:
    the review applied to its own result caps nothing more, and gives the very same plan."""
    said = {
        (s.focus, b.exercise_id): b.prescription
        for s in old.sessions
        for b in s.blocks
        if any(r.rule_id == CAP_SAID.rule_id and r.text == CAP_SAID.text for r in b.reasons)
    }
    if not said:
        return sessions
    out = []
    for s, blocks in sessions:
        again = [
            b.model_copy(update={"reasons": [*b.reasons, CAP_SAID]})
            if said.get((s.focus, b.exercise_id)) == b.prescription and CAP_SAID not in b.reasons
            else b
            for b in blocks
        ]
        out.append((s, again))
    return out


def _sets_of(presc: Prescription, plan: Prescription) -> Prescription:
    """`presc` with the plan's sets (and its extra set on one side, or none): a cap on sets alone."""
    return presc.model_copy(update={"sets": plan.sets, "extra_sets_side": plan.extra_sets_side})


def _old_doses(
    focus: Any, lift: str, was: str, by_session: dict[tuple[Any, str], Prescription], peaks: dict[str, Prescription]
) -> tuple[Prescription | None, Prescription | None]:
    """The lift's own dose in the old week (in the same session; else, moved to another day,
    the most the week gave it anywhere) or, for a lift swapped in, the one it replaces'."""
    if (focus, lift) in by_session:
        return by_session[focus, lift], None
    if (focus, was) in by_session:
        return None, by_session[focus, was]
    if lift in peaks:
        return peaks[lift], None
    return None, peaks.get(was)


def peak_doses(week: Week) -> dict[str, Prescription]:
    """Each lift's highest dose in the week, field by field: a lift a review moves onto
    another day is held to the most the week gave it anywhere, not to that day's dose."""
    out: dict[str, Prescription] = {}
    for b in _blocks(week):
        a = out.get(b.exercise_id)
        out[b.exercise_id] = b.prescription if a is None else _higher(a, b.prescription)
    return out


def _higher(a: Prescription, b: Prescription) -> Prescription:
    update: dict[str, object] = {}
    for field in ("sets", "reps", "seconds", "contacts", "distance_m", "load_kg"):
        x, y = getattr(a, field), getattr(b, field)
        if y is not None and (x is None or y > x):
            update[field] = y
    if b.extra_sets_side and not a.extra_sets_side:
        update["extra_sets_side"] = b.extra_sets_side
    if harder_effort(b, a):
        update["intensity"] = b.intensity
    return a.model_copy(update=update) if update else a


def _unmatched(old: Session, new: Session) -> list[Block]:
    """The old session's blocks whose lift is not in the new session (they were replaced)."""
    ids = {b.exercise_id for b in new.blocks}
    return [b for b in old.blocks if b.exercise_id not in ids]


def _resized(s: Session, blocks: list[Block]) -> Session:
    """The session with the review's blocks, and the minutes they take (said in its time-cap
    reason too): worked out from the blocks alone, so a review applied again gives the same."""
    if blocks == s.blocks:
        return s
    minutes = -(-sum(b.estimated_seconds for b in blocks) // 60)
    reasons = [
        r.model_copy(update={"text": _ABOUT.sub(f"About {minutes} min", r.text, count=1)})
        if r.rule_id == "session-time-cap"
        else r
        for r in s.reasons
    ]
    return s.model_copy(update={"blocks": blocks, "estimated_minutes": minutes, "reasons": reasons})


_ABOUT = re.compile(r"^About \d+ min")  # week_plan.dated_session's "About N min, inside your C-minute cap."


def with_recovery(w: Week, minutes: int) -> Week:
    """The week with the review's recovery work in it: the planner's mobility days when it
    added them, else a longer mobility finisher after the first session (or on the first day)."""
    if any(r.rule_id in RECOVERY_RULES for s in w.suggestions for r in s.reasons):
        return w
    day = w.sessions[0].date if w.sessions else w.start_date
    where = "After the session" if w.sessions else "Today"
    text = f"{where}, {minutes} min more mobility (recovery work from your review): hips, calves, hamstrings."
    extra = Suggestion(date=day, kind="mobility", text=text, reasons=[why("review-recovery", text)])
    return w.model_copy(update={"suggestions": sorted([*w.suggestions, extra], key=lambda s: s.date)})
