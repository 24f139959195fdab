"""The weekly review: from a week of diary to next week's decisions, each with its reasons
and rule ids, and the plan change that carries them out.

The review never writes a dose itself. It states decisions (progress, hold, reduce,
deload, repeat, regress, exclude for pain) as an `Adjustment` of next week and exercise
swaps; the planner applies them, so every safety rule of the plan still holds and no
category can rise faster than the progression rule allows.

Pure: the diary, the plan and the profile come in as values; nothing is written here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .base import Frozen
from .diary import week_start as monday_of
from .library import Library
from .model import (
    TRAINING_CATEGORIES,
    Adjustment,
    AthleteProfile,
    Category,
    EquipmentSet,
    ExerciseSwap,
    Item,
    PainArea,
    Phase,
    Plan,
    Prescription,
    Reason,
    Week,
    why,
)
from .planner import replan
from .review_metrics import Diary, WeekMetrics, plan_week, review_params, week_metrics
from .rules import Registry
from .vocab import CATEGORY_NAME

REVIEW_SCHEMA_VERSION = 1
LEG_CATEGORIES = (Category.posterior_chain, Category.single_leg_power)
Action = Literal["progress", "hold", "reduce", "deload", "repeat", "regress", "exclude", "unlock", "wait", "note"]


class Flag(Frozen):
    kind: str
    text: str
    rule_id: str


class Decision(Frozen):
    scope: str = Field(description="A category, an exercise id, a pain area, or 'week'.")
    action: Action
    text: str
    reasons: list[Reason]

    @property
    def rule_ids(self) -> list[str]:
        return list(dict.fromkeys(r.rule_id for r in self.reasons))


class RealLife(Frozen):
    """What the runner tells the review that the diary cannot: travel, illness, a new race date."""

    travel_start: dt.date | None = None
    travel_end: dt.date | None = None
    travel_equipment: list[EquipmentSet | Item] | None = None
    ill: bool = False
    race_date: dt.date | None = None


class Review(Frozen):
    schema_version: int = REVIEW_SCHEMA_VERSION
    athlete: str
    week_start: dt.date = Field(description="Monday of the reviewed week.")
    next_week_start: dt.date = Field(description="Monday of the first week the review changes.")
    metrics: WeekMetrics
    flags: list[Flag]
    decisions: list[Decision]
    adjustments: list[Adjustment] = Field(description="What the review adds to the profile, week by week.")
    swaps: list[ExerciseSwap]
    pain_areas_added: list[PainArea]
    race_date: dt.date | None = None
    guidance: list[Reason]


# --------------------------------------------------------------------------- decide


def review_week(
    plan: Plan,
    profile: AthleteProfile,
    history: Diary,
    week_start: dt.date,
    library: Library,
    registry: Registry,
    real_life: RealLife | None = None,
    today: dt.date | None = None,
) -> Review:
    """Review the week starting `week_start` (any day of it) and decide next week.

    The decisions apply from the Monday after the reviewed week, or, when that week has
    already begun by `today`, from the first Monday not yet lived (days already lived are
    never re-planned)."""
    week_start = monday_of(week_start)
    profile = without_review(profile, week_start)  # reviewing a week again starts from before its last review
    rp = review_params(registry)
    real_life = real_life or RealLife()
    m = week_metrics(plan, history, week_start, library, registry)
    next_start = week_start + dt.timedelta(days=7)
    if today is not None:
        first_unlived = today if today.weekday() == 0 else monday_of(today) + dt.timedelta(days=7)
        next_start = max(next_start, first_unlived)
    next_week = plan_week(plan, next_start)
    flags: list[Flag] = []
    decisions: list[Decision] = []
    guidance: list[Reason] = []
    swaps: list[ExerciseSwap] = []

    # -- pain first: it overrides everything for the area (S41)
    pain_added: list[PainArea] = []
    for area in sorted({p.area for p in m.pains if p.score >= rp.pain_at_or_above}, key=lambda a: a.value):
        worst = max(p.score for p in m.pains if p.area == area)
        flags.append(Flag(kind="pain", text=f"{_area(area)} pain up to {worst}/10.", rule_id="review-pain"))
        if area in profile.pain_areas:
            text = f"{_area(area)} is already protected: exercises that load it stay out or regressed."
        else:
            pain_added.append(area)
            text = (
                f"{_area(area)} pain {worst}/10: from next week, exercises that load it are regressed or left out "
                "(not just skipped). Remove it from your profile when it has settled."
            )
        decisions.append(
            Decision(
                scope=area.value,
                action="exclude",
                text=text,
                reasons=[why("review-pain", text), why("pain-excludes-or-regresses", "Pain limits the choice.")],
            )
        )
        reports = sum(1 for p in m.pains if p.area == area)
        if worst >= rp.see_clinician_at or reports >= rp.see_clinician_reports:
            guidance.append(why("review-pain", f"Repeated or strong {_area(area).lower()} pain: see a clinician."))

    # -- per category: targets met and form kept -> progress; effort high or form slipping -> hold
    holds: set[Category] = set()
    effort_over = form_slipping = False
    for c in m.categories:
        if c.planned_sets == 0:
            continue
        name = CATEGORY_NAME[c.category].capitalize()
        over = c.mean_rpe is not None and c.target_rpe is not None and c.mean_rpe > c.target_rpe + rp.rpe_over_target
        slipping = c.mean_form is not None and (
            c.mean_form < rp.form_hold_below
            or (
                c.previous_form is not None
                and c.previous_form - c.mean_form >= rp.form_drop
                and c.mean_form < rp.progress_min_form
            )
        )
        short = c.done_pct is not None and c.done_pct < rp.progress_min_done_pct
        effort_over |= over
        form_slipping |= slipping
        if over or slipping:
            holds.add(c.category)
            why_text = []
            if over:
                why_text.append(f"effort RPE {c.mean_rpe:g} above the target {c.target_rpe:g}")
            if slipping:
                why_text.append(f"form {c.mean_form:g}/5" + (f" (was {c.previous_form:g})" if c.previous_form else ""))
            text = f"{name}: hold next week at this week's dose ({'; '.join(why_text)})."
            rule = "review-hold" if over else "form-gates-progression"
            decisions.append(
                Decision(
                    scope=c.category.value,
                    action="hold",
                    text=text,
                    reasons=[why(rule, text), why("review-hold", "Hold: same dose, the block shifts back a week.")],
                )
            )
        elif short:
            holds.add(c.category)
            text = f"{name}: {c.done_sets} of {c.planned_sets} sets done; repeat this dose before adding more."
            decisions.append(
                Decision(
                    scope=c.category.value,
                    action="hold",
                    text=text,
                    reasons=[why("review-missed-sessions", text), why("review-hold", "Hold: no progression.")],
                )
            )
        else:
            form = f", form {c.mean_form:g}/5" if c.mean_form is not None else ""
            text = f"{name}: {c.done_sets} of {c.planned_sets} sets done{form}; progress as planned."
            decisions.append(
                Decision(
                    scope=c.category.value,
                    action="progress",
                    text=text,
                    reasons=[why("review-progress", text), why("linear-progression", "Modest steps only.")],
                )
            )

    # -- broken form on one lift: its easier variant takes over (S27, S41)
    for lift in m.lifts:
        if lift.form_sets and 100 * lift.broken_form_sets / lift.form_sets >= rp.broken_share_pct:
            easier = _easier(library, lift.exercise_id, profile, pain_added)
            to = f"{library.get(easier).name}" if easier else "the next best choice"
            text = f"{lift.name}: form broke down in {lift.broken_form_sets} of {lift.form_sets} sets; {to} instead."
            swaps.append(
                ExerciseSwap(
                    from_id=lift.exercise_id,
                    to_id=easier,
                    since=next_start,
                    reason=text,
                    rule_id="review-regress",
                    review_of=week_start,
                )
            )
            decisions.append(
                Decision(scope=lift.exercise_id, action="regress", text=text, reasons=[why("review-regress", text)])
            )
            holds.add(lift.category)

    # -- week-level signs of overreaching (S22, S28) and wellness against baseline (Saw 2016)
    sore = m.sore_streak >= rp.sore_days
    tight = bool(m.heavy_legged_runs)
    composite = next(w for w in m.wellness if w.item == "composite")
    wellness_drop = composite.below_baseline
    if sore:
        flags.append(Flag(kind="soreness", text=f"Sore {m.sore_streak} days running.", rule_id="review-reduce"))
    if tight:
        runs = ", ".join(f"{r.type} {r.date:%a}" for r in m.heavy_legged_runs)
        flags.append(Flag(kind="running", text=f"Tight or heavy legs, or form notes, in: {runs}.",
                          rule_id="overreaching-signs"))  # fmt: skip
    if wellness_drop:
        flags.append(
            Flag(
                kind="wellness",
                text=f"Wellness {composite.week_mean:g}/5 against your usual {composite.baseline_mean:g} "
                f"(± {composite.baseline_sd:g}).",
                rule_id="wellness-baseline",
            )
        )
    if effort_over:
        flags.append(Flag(kind="effort", text="Effort above target.", rule_id="review-hold"))
    if form_slipping:
        flags.append(Flag(kind="form", text="Form slipping.", rule_id="form-gates-progression"))
    for s in m.spikes:
        flags.append(
            Flag(
                kind="run-spike",
                text=f"{s.date:%a %d %b}: {s.minutes:g} min, {s.pct_longer:g}% longer than your longest run of "
                f"the previous 30 days ({s.longest_before:g} min).",
                rule_id="running-load-spike",
            )
        )
    if m.monotony is not None and m.monotony > rp.monotony_flag:
        flags.append(
            Flag(kind="monotony", text=f"Monotony {m.monotony:g}: the days were much alike.", rule_id="monotony-strain")
        )
    if m.sleep_hours is not None and m.sleep_hours < rp.sleep_hours_min:
        flags.append(Flag(kind="sleep", text=f"Sleep {m.sleep_hours:g} h a night.", rule_id="review-sleep-appetite"))
        guidance.append(why("protein-and-sleep", f"Aim for at least {rp.sleep_hours_min:g} hours of sleep."))
    if m.appetite is not None and m.appetite <= rp.appetite_at_or_below:
        flags.append(Flag(kind="appetite", text=f"Appetite {m.appetite:g}/5.", rule_id="review-sleep-appetite"))
        guidance.append(why("protein-and-sleep", _protein_text(profile, registry)))

    # -- consistency and missed sessions (S15, S16)
    consistent = m.completion_pct is None or m.completion_pct >= rp.consistent_pct
    missed_run = 0 if consistent else 1 + _missed_weeks_before(profile, week_start)
    adjust_this = None
    if not consistent:
        text = (
            f"{m.done_sessions} of {m.planned_sessions} sessions done: this week does not count toward the "
            "third session, and missed sessions are not made up by doubling up."
        )
        adjust_this = Adjustment(
            week_start=week_start, consistent=False, reasons=[why("review-missed-sessions", text)], review_of=week_start
        )
        decisions.append(
            Decision(scope="week", action="note", text=text, reasons=[why("review-missed-sessions", text)])
        )

    # -- the week's verdict
    reduce: dict[Category, int] = {}
    deload = repeat = mobility = False
    warning_flags = sum((sore, tight, wellness_drop, effort_over, form_slipping))
    next_loading = next_week is not None and next_week.phase in (Phase.foundation, Phase.build, Phase.race_specific)
    if real_life.ill:
        deload = True
        text = "Back from illness: next week is a deload, to return gently."
        decisions.append(
            Decision(
                scope="week",
                action="deload",
                text=text,
                reasons=[why("review-real-life", text), why("review-deload", text)],
            )
        )
    elif warning_flags >= rp.flags_for_deload:
        deload = True
        text = f"{warning_flags} warning signs this week: next week is a deload."
        decisions.append(Decision(scope="week", action="deload", text=text, reasons=[why("review-deload", text)]))
    elif missed_run >= rp.missed_weeks_to_repeat:
        repeat = True
        text = f"{missed_run} weeks mostly missed: next week repeats this dose, nothing new."
        decisions.append(
            Decision(scope="week", action="repeat", text=text, reasons=[why("review-missed-sessions", text)])
        )
    elif sore or tight or wellness_drop:
        mobility = True
        signs = [s for s, on in (("soreness", sore), ("heavy legs in runs", tight), ("low wellness", wellness_drop))
                 if on]  # fmt: skip
        for c in LEG_CATEGORIES:
            reduce[c] = rp.reduce_pct
        text = f"{' and '.join(signs).capitalize()}: leg work cut about {rp.reduce_pct}% next week, mobility added."
        decisions.append(
            Decision(
                scope="week",
                action="reduce",
                text=text,
                reasons=[why("review-reduce", text), why("overreaching-signs", text)],
            )
        )
    if deload and not next_loading:
        text = "Next week is already lighter (taper, race week or maintenance): no extra deload needed."
        decisions.append(Decision(scope="week", action="note", text=text, reasons=[why("review-deload", text)]))
        deload = False
    if reduce:
        decisions = [
            _superseded(d, "this week's cut comes first")
            if d.action == "progress" and d.scope in {c.value for c in reduce}
            else d
            for d in decisions
        ]
    if repeat:
        holds |= set(TRAINING_CATEGORIES)
    if deload:
        holds.clear()
        first = "the deload comes first"
        decisions = [_superseded(d, first) if d.action in ("progress", "hold") else d for d in decisions]

    # -- real life: travel and a new race date
    equipment = None
    adjustments: list[Adjustment] = [adjust_this] if adjust_this else []
    travel_weeks: list[dt.date] = []
    if real_life.travel_equipment and real_life.travel_start:
        end = real_life.travel_end or real_life.travel_start
        day = monday_of(max(real_life.travel_start, next_start))
        while day <= end:
            travel_weeks.append(day)
            day += dt.timedelta(days=7)
        kit = ", ".join(k.value for k in real_life.travel_equipment)
        text = f"Travel {real_life.travel_start:%d %b}-{end:%d %b}: exercises swapped to the kit at hand ({kit})."
        decisions.append(Decision(scope="week", action="note", text=text, reasons=[why("review-real-life", text)]))
        equipment = real_life.travel_equipment
    if real_life.race_date and profile.race and real_life.race_date != profile.race.date:
        text = f"Race moved to {real_life.race_date:%a %d %b %Y}: the phases are planned again from next week."
        decisions.append(Decision(scope="week", action="note", text=text, reasons=[why("review-real-life", text)]))

    decisions += _third_session(plan, profile, adjust_this, week_start, next_start, registry)
    next_reasons = [why(r.rule_id, r.text) for d in decisions if d.action != "progress" for r in d.reasons[:1]]
    adjustments.append(
        Adjustment(
            week_start=next_start,
            deload=deload,
            hold=sorted(holds, key=lambda c: c.value),
            reduce=reduce,
            equipment=equipment if next_start in travel_weeks else None,
            mobility=mobility,
            reasons=next_reasons,
            review_of=week_start,
            pain_added=pain_added,
        )
    )
    adjustments += [
        Adjustment(
            week_start=w,
            equipment=equipment,
            reasons=[why("review-real-life", "Travel: kit at hand.")],
            review_of=week_start,
        )
        for w in travel_weeks
        if w != next_start
    ]
    if m.acwr is not None:
        guidance.append(
            why("acwr-context", f"Acute:chronic load {m.acwr:g} (context only; it does not drive any decision).")
        )
    return Review(
        athlete=profile.name,
        week_start=week_start,
        next_week_start=next_start,
        metrics=m,
        flags=flags,
        decisions=decisions,
        adjustments=adjustments,
        swaps=swaps,
        pain_areas_added=pain_added,
        race_date=real_life.race_date if profile.race and real_life.race_date != profile.race.date else None,
        guidance=guidance,
    )


def _third_session(
    plan: Plan,
    profile: AthleteProfile,
    adjust_this: Adjustment | None,
    week_start: dt.date,
    next_start: dt.date,
    registry: Registry,
) -> list[Decision]:
    """Whether next week brings the third session (S15), counting only consistent weeks."""
    from .params import params_from_registry
    from .phases import lay_out_weeks

    p = params_from_registry(registry)
    adjustments = [a for a in profile.adjustments if a.week_start != week_start]
    if adjust_this is not None:
        adjustments.append(adjust_this)
    frames = {f.start: f for f in lay_out_weeks(profile.model_copy(update={"adjustments": adjustments}), p)}
    nxt = frames.get(next_start)
    before = plan_week(plan, next_start - dt.timedelta(days=7))  # as planned (it may be lived already)
    if before is None or nxt is None or nxt.phase not in (Phase.build, Phase.race_specific):
        return []
    unlock = p.third_session_weeks[profile.strength_experience]
    missed = sum(1 for a in adjustments if not a.consistent and a.week_start < next_start)
    consistent = profile.consistent_strength_weeks + (next_start - min(frames)).days // 7 - missed
    third = p.foundation_sessions + 1
    action: Action
    if nxt.sessions >= third > len(before.sessions):
        action = "unlock"
        text = f"{consistent} consistent weeks behind you: the third, single-leg power session starts next week."
    elif nxt.sessions < third and consistent < unlock:
        action = "wait"
        text = f"Third session after {unlock} consistent weeks: {consistent} so far."
    else:
        return []
    return [Decision(scope="week", action=action, text=text, reasons=[why("third-session-after-consistency", text)])]


def _superseded(d: Decision, why_not: str) -> Decision:
    text = d.text.replace("; progress as planned.", ".").replace("; repeat this dose before adding more.", ".")
    text = text.replace("hold next week at this week's dose", "effort or form off")
    return d.model_copy(update={"action": "note", "text": f"{text.rstrip('.')}: {why_not}."})


def _area(area: PainArea) -> str:
    return area.value.replace("_", " ").capitalize()


def _protein_text(profile: AthleteProfile, registry: Registry) -> str:
    lo, hi = registry.param("protein-and-sleep", "protein_g_per_kg")
    mass = profile.body_mass_kg
    return f"Low appetite: still aim for {round(lo * mass)}-{round(hi * mass)} g of protein a day over 3-5 meals."


def _missed_weeks_before(profile: AthleteProfile, week_start: dt.date) -> int:
    """How many weeks in a row before `week_start` a review found mostly missed."""
    missed = {a.week_start for a in profile.adjustments if not a.consistent}
    n, day = 0, week_start - dt.timedelta(days=7)
    while day in missed:
        n += 1
        day -= dt.timedelta(days=7)
    return n


def _easier(library: Library, exercise_id: str, profile: AthleteProfile, new_pain: list[PainArea]) -> str | None:
    """The first regression that the runner's kit and pain allow; None lets the planner choose."""
    kit = profile.equipment_items
    pain = {*profile.pain_areas, *new_pain}
    for candidate in library.get(exercise_id).regressions:
        if candidate in library:
            e = library.get(candidate)
            if e.fits(kit) and not pain.intersection(e.contraindications):
                return candidate
    return None


# --------------------------------------------------------------------------- apply


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
    plan: Plan, profile: AthleteProfile, review: Review, *, least_bad: bool = True, **kwargs: object
) -> tuple[AthleteProfile, Plan]:
    """The profile with the review's changes, and the new plan version: the weeks before
    `review.next_week_start` as they were, the rest planned again. Reviewing the same week
    again replaces that review's changes rather than stacking them."""
    base = without_review(profile, review.week_start)
    weeks = {a.week_start for a in review.adjustments}
    adjustments = [a for a in base.adjustments if a.week_start not in weeks] + list(review.adjustments)
    adjustments.sort(key=lambda a: a.week_start)
    update: dict[str, object] = {
        "adjustments": adjustments,
        "exercise_swaps": [*base.exercise_swaps, *review.swaps],
        "pain_areas": [*base.pain_areas, *(a for a in review.pain_areas_added if a not in base.pain_areas)],
    }
    if review.race_date and profile.race:
        update["race"] = profile.race.model_copy(update={"date": review.race_date})
    new_profile = AthleteProfile.model_validate({**base.model_dump(), **update})
    new_plan = replan(plan, new_profile, review.next_week_start, least_bad=least_bad, **kwargs)
    changed = {a.week_start for a in review.adjustments if a.week_start >= review.next_week_start}
    return new_profile, _never_above(plan, new_plan, changed)


def _never_above(old: Plan, new: Plan, weeks: set[dt.date]) -> Plan:
    """A review only lets the plan go on, holds it, cuts it or deloads it: in the weeks it
    changed, no lift gets more sets, reps, seconds, contacts or load than the plan it
    replaces gave it that week. (Under a tight time cap a held or cut session is trimmed
    less, which could otherwise hand back a set elsewhere.)"""
    from .dosing import estimate_seconds
    from .params import load_params

    p = load_params()
    old_weeks = {w.start_date: w for w in old.weeks}
    out = []
    for w in new.weeks:
        before = old_weeks.get(w.start_date)
        if w.start_date not in weeks or before is None:
            out.append(w)
            continue
        caps = {(s.focus, b.exercise_id): b.prescription for s in before.sessions for b in s.blocks}
        sessions = []
        for s in w.sessions:
            blocks = []
            for b in s.blocks:
                cap = caps.get((s.focus, b.exercise_id))
                presc = _capped(b.prescription, cap) if cap is not None else b.prescription
                if presc is not b.prescription:
                    b = b.model_copy(
                        update={
                            "prescription": presc,
                            "estimated_seconds": estimate_seconds(presc, b.role, p),
                            "reasons": [*b.reasons, why("review-hold", "Never more than the plan gave this week.")],
                        }
                    )
                blocks.append(b)
            minutes = -(-sum(b.estimated_seconds for b in blocks) // 60)
            update = {"blocks": blocks, "estimated_minutes": min(minutes, s.estimated_minutes)}
            sessions.append(s.model_copy(update=update))
        out.append(w.model_copy(update={"sessions": sessions}))
    return new.model_copy(update={"weeks": out})


def _capped(presc: Prescription, cap: Prescription) -> Prescription:
    update: dict[str, object] = {}
    for field in ("sets", "reps", "seconds", "contacts", "distance_m"):
        value, limit = getattr(presc, field), getattr(cap, field)
        if value is not None and limit is not None and value > limit:
            update[field] = limit
    if presc.extra_sets_side and not cap.extra_sets_side:
        update["extra_sets_side"] = None
    heavier = (presc.intensity.value or 0) > (cap.intensity.value or 0)
    if presc.intensity.kind == cap.intensity.kind == "load_kg" and heavier:
        update["intensity"] = cap.intensity
    return presc.model_copy(update=update) if update else presc


class Change(Frozen):
    date: dt.date
    text: str


def plan_changes(old: Plan, new: Plan, since: dt.date) -> list[Change]:
    """What differs between two plan versions from `since` on, in plain words: every change
    of the first week that differs, then one line for each later week (a review's hold or
    deload shifts the rest of the block, which would otherwise fill pages)."""
    old_weeks = {w.start_date: w for w in old.weeks}
    out: list[Change] = []
    detailed = False
    for w in new.weeks:
        o = old_weeks.get(w.start_date)
        if w.start_date < since or o is None:
            continue
        week = _week_changes(o, w)
        if not week:
            continue
        if not detailed:
            out += week
            detailed = True
            continue
        doses = sum(1 for c in week if "→" in c.text)
        other = [c for c in week if "→" not in c.text]
        parts = [c.text.rstrip(".") for c in other if c.text.startswith("Week ")]
        swaps = len(other) - len(parts)
        if doses:
            parts.append(f"{doses} dose(s) shifted")
        if swaps:
            parts.append(f"{swaps} exercise or session change(s)")
        parts = [p.removeprefix(f"Week {w.index} is ") for p in parts]
        out.append(Change(date=w.start_date, text=f"Week {w.index}: " + "; ".join(parts) + "."))
    return out


def _week_changes(o: Week, w: Week) -> list[Change]:
    out: list[Change] = []
    if o.deload != w.deload:
        what = "now a deload week" if w.deload else "no longer a deload week (the deload cycle restarted)"
        out.append(Change(date=w.start_date, text=f"Week {w.index} is {what}."))
    if o.phase != w.phase:
        phase = w.phase.value.replace("_", " ")
        out.append(Change(date=w.start_date, text=f"Week {w.index} is now in the {phase} phase."))
    before = {s.date: s for s in o.sessions}
    after = {s.date: s for s in w.sessions}
    for day in sorted(set(before) | set(after)):
        a, b = before.get(day), after.get(day)
        if a is None and b is not None:
            out.append(Change(date=day, text=f"New {CATEGORY_NAME[b.focus]} session."))
            continue
        if b is None and a is not None:
            out.append(Change(date=day, text=f"{CATEGORY_NAME[a.focus].capitalize()} session removed."))
            continue
        assert a is not None and b is not None
        old_blocks = {x.exercise_id: x for x in a.blocks}
        new_blocks = {x.exercise_id: x for x in b.blocks}
        for gone in sorted(old_blocks.keys() - new_blocks.keys()):
            out.append(Change(date=day, text=f"{old_blocks[gone].name} out."))
        for came in sorted(new_blocks.keys() - old_blocks.keys()):
            out.append(Change(date=day, text=f"{new_blocks[came].name} in."))
        for same in sorted(old_blocks.keys() & new_blocks.keys()):
            pa, pb = old_blocks[same].prescription, new_blocks[same].prescription
            if pa != pb:
                out.append(
                    Change(
                        date=day,
                        text=f"{new_blocks[same].name}: {pa.volume_label()} @ {pa.intensity.label()} → "
                        f"{pb.volume_label()} @ {pb.intensity.label()}.",
                    )
                )
    return sorted(out, key=lambda c: (c.date, c.text))
