"""The review's reading steps: pain, each category, sleep and appetite, broken form, the
week's warning signs and consistency. Each is `(ReviewInput, Verdict) -> Verdict`."""

from __future__ import annotations

from ..model import Adjustment, Category, ExerciseSwap, why
from ..pain_return import rungs_for_week
from ..params import params_from_registry
from . import signals as sig
from .effort_read import effort_over, effort_signal, near_failure_text, over_target
from .effort_trend import effort_rising
from .form_rungs import easier_on_ladder, keeps_rung, next_rungs, rung_work, within
from .hard_weeks import logged_lighter, sleep_least
from .measure import completion_pct, diary_reaches, history_window_days, plan_week
from .metrics import CategoryWeek
from .params import ReviewParams
from .regress import easier
from .state import ReviewInput, Verdict, category_name
from .values import Flag, ReviewDecision, Signal, decision

WEEK = 7


# reps missed or a second hard week: the walk lowers the lift (set_states.from_set); the hold keeps the rest
LOGGED_HARDER = "reps missed or a second hard week running, so a loaded lift follows its log, lighter if it shows less"
# one hard week with every rep done: the walk holds the load (set_states.from_set, cr23a F12)
HELD_ONCE = "every rep done, so one hard week is read as noise and the loads hold too (a second lowers them)"


def form_slipping(c: CategoryWeek, rp: ReviewParams) -> bool:
    if c.mean_form is None:
        return False
    dropped = c.previous_form is not None and c.previous_form - c.mean_form >= rp.form_drop
    return c.mean_form < rp.form_hold_below or (dropped and c.mean_form < rp.progress_min_form)


def category_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Targets met and form kept: progress; effort high, form slipping or sets missed: hold."""
    rp = r.params
    decisions, holds = [*v.decisions], set(v.holds)
    for c in (c for c in r.metrics.categories if c.planned_sets):
        lighter = effort_over(c, rp) and logged_lighter(r, c.category)
        decisions.append(_held_for_pain(_category_decision(c, rp, sig.dose_ref(r.metrics), lighter), v, r))
        if decisions[-1].action == "hold":
            holds.add(c.category)
    hard = frozenset(c.category for c in r.metrics.categories if c.planned_sets and effort_over(c, rp))
    return v.add(decisions=tuple(decisions), holds=frozenset(holds), effort_held=hard)


def _held_for_pain(d: ReviewDecision, v: Verdict, r: ReviewInput) -> ReviewDecision:
    """A category a painful area holds (the pain step comes first) says so as its one
    decision, instead of "progress as planned" beside the area's hold (cr18b #13)."""
    held = v.pain_holds.get(Category(d.scope)) if d.action == "progress" else None
    if held is None:
        return d
    why, signals = held
    text = f"{category_name(Category(d.scope)).capitalize()}: hold next week at {sig.dose_ref(r.metrics)} ({why})."
    return decision(d.scope, "hold", text, ["pain-monitoring", "review-hold"], [*signals, *d.signals])


def _category_decision(c: CategoryWeek, rp: ReviewParams, dose: str, lighter: bool = True) -> ReviewDecision:
    name = category_name(c.category).capitalize()
    over, slipping = effort_over(c, rp), form_slipping(c, rp)
    if over or slipping:
        said = [*([_effort_words(c, rp)] if over else []), *(["form slipping"] if slipping else [])]
        signals = [*([effort_signal(c, rp)] if over else []), *([sig.form(c, rp)] if slipping else [])]
        text = f"{name}: hold next week at {dose} ({' and '.join(said)})."
        loaded = over and (c.loaded_target or c.tonnage_kg > 0)  # bodyweight work has no load to move
        if loaded:  # the log moves the load, and the words say which way (cr23a F8: "hold" beside a lighter load)
            text = f"{text[:-1]}: {LOGGED_HARDER if lighter else HELD_ONCE}."
        return decision(
            c.category.value,
            "hold",
            text,
            [
                "review-hold" if over else "form-gates-progression",
                "review-hold",
                *(["load-autoregulation"] if loaded else []),
            ],
            signals,
        )
    if c.done_pct is not None and c.done_pct < rp.progress_min_done_pct:
        again = "this dose" if dose == sig.dose_ref_here else dose  # nothing done: the last dose done
        text = f"{name}: {c.done_sets} of {c.planned_sets} sets done; repeat {again} before adding more."
        return decision(
            c.category.value, "hold", text, ["review-missed-sessions", "review-hold"], [sig.sets_done(c, rp)]
        )
    text = f"{name}: {c.done_sets} of {c.planned_sets} sets done; progress as planned."
    return decision(c.category.value, "progress", text, ["review-progress", "linear-progression"], sig.progress(c, rp))


def _effort_words(c: CategoryWeek, rp: ReviewParams) -> str:
    """Why the effort holds: over the loaded target, or sets near failure (any kind: cr24a F4)."""
    return "effort above the target" if over_target(c, rp) else f"effort above the target: {near_failure_text(c, rp)}"


def sleep_appetite_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Short sleep or low appetite are flagged with guidance; a week well under the marks
    holds every category (review-sleep-appetite-hold)."""
    rp, m = r.params, r.metrics
    flags, guidance, hold = [*v.flags], [*v.guidance], []
    least = sleep_least(r)  # protein-and-sleep
    if m.sleep_hours is not None and m.sleep_hours < least:
        flags.append(Flag(kind="sleep", text=f"Sleep {m.sleep_hours:g} h a night.", rule_id="review-sleep-appetite"))
        guidance.append(why("protein-and-sleep", f"Aim for at least {least:g} hours of sleep."))
        if m.sleep_hours < rp.hold_sleep_below and m.sleep_days >= rp.hold_min_days:
            hold.append(sig.sleep(m, rp.hold_sleep_below))
    if m.appetite is not None and m.appetite <= rp.appetite_at_or_below:
        flags.append(Flag(kind="appetite", text=f"Appetite {m.appetite:g}/5.", rule_id="review-sleep-appetite"))
        guidance.append(why("protein-and-sleep", _protein_text(r)))
        if m.appetite <= rp.hold_appetite_at_or_below and m.appetite_days >= rp.hold_min_days:
            hold.append(sig.appetite(m, rp.hold_appetite_at_or_below))
    if not hold:
        return v.add(flags=tuple(flags), guidance=tuple(guidance))
    what = " and ".join(s.kind for s in hold) + (" recover" if len(hold) > 1 else " recovers")
    categories = {c.value for c in Category}
    decisions, holds = [], set(v.holds)
    for d in v.decisions:
        if d.action == "progress" and d.scope in categories:
            text = d.text.replace("progress as planned", f"hold at {sig.dose_ref(r.metrics)} while {what}")
            d = decision(d.scope, "hold", text, ["review-sleep-appetite-hold", "review-hold"], [*hold, *d.signals])
            holds.add(Category(d.scope))
        elif d.action == "progress":  # a painful area's ladder: its rung holds too (ladder_settle_step)
            text = f"{d.text.split(':')[0]}: the rung holds next week while {what}."
            rules = ["review-sleep-appetite-hold", "pain-graded-return"]
            d = decision(d.scope, "hold", text, rules, [*hold, *d.signals])
        decisions.append(d)
    return v.add(
        flags=tuple(flags),
        guidance=tuple(guidance),
        decisions=tuple(decisions),
        holds=frozenset(holds),
        no_progress=tuple(hold),
    )


def _protein_text(r: ReviewInput) -> str:
    lo, hi = r.registry.param("protein-and-sleep", "protein_g_per_kg")
    mass = r.profile.body_mass_kg
    return f"Low appetite: still aim for {round(lo * mass)}-{round(hi * mass)} g of protein a day over 3-5 meals."


def regress_step(r: ReviewInput, v: Verdict) -> Verdict:
    """A lift whose form broke down gives way to its first easier variant that fits the
    kit and puts no more load on a painful area (S27, S41)."""
    rp = r.params
    swaps, decisions, holds = [*v.swaps], [*v.decisions], set(v.holds)
    broken: dict[Category, list[tuple[str, Signal]]] = {}
    flared = _flared_ladder_lifts(r, v)
    swapped = {s.from_id for s in swaps}  # a lift the pain it brought on swapped already
    rungs = next_rungs(r, v)  # a swap stays within each painful area's ladder rung
    for lift in r.metrics.lifts:
        if lift.exercise_id in swapped:
            continue
        if not lift.form_sets or 100 * lift.broken_form_sets / lift.form_sets < rp.broken_share_pct:
            continue
        if lift.exercise_id in flared:  # the pain broke it: the ladder restarts it, no swap keeps it out
            decisions = _said_on_the_ladder(decisions, flared[lift.exercise_id], lift.name)
            continue
        broke = f"{lift.name}: form broke down in {lift.broken_form_sets} of {lift.form_sets} sets"
        signal = Signal(
            kind="form",
            text=f"{lift.name} form ≤ {rp.broken_form}/5 in {lift.broken_form_sets} of "
            f"{lift.form_sets} sets ({rp.broken_share_pct:g}% is the mark)",
        )
        beside, bound = _beside(r, lift.exercise_id), rung_work(r, lift.exercise_id, rungs)
        if bound:  # a ladder's rung work: an easier lift of its rung or the rung below, else it stays
            to_id = easier_on_ladder(r, r.library.get(lift.exercise_id), bound, rungs, beside)
            if to_id is None:
                decisions.append(keeps_rung(lift.exercise_id, broke, bound, signal))
                holds.add(lift.category)
                continue
        else:
            to_id = easier(r.library, lift.exercise_id, r.profile, v.pain_added, beside, lambda e: within(e, rungs, r))
        to = r.library.get(to_id).name if to_id else "the next best choice"
        text = f"{broke}; {to} instead"
        reason = text + "."  # (the swap's own words: at most 300 characters)
        if to_id:  # the swap's end (swap_ends): the stand-in's logged form, the lift itself not being done
            text += (
                f", until {rp.clean_weeks} weeks in a row of clean form on it (rate each set's form, "
                f"{rp.clean_form}/5 or better) bring {lift.name} back"
            )
        text += "."
        swaps.append(
            ExerciseSwap(
                from_id=lift.exercise_id,
                to_id=to_id,
                since=r.next_start,
                reason=reason,
                rule_id="review-regress",
                review_of=r.week_start,
            )
        )
        decisions.append(decision(lift.exercise_id, "regress", text, ["review-regress"], [signal]))
        holds.add(lift.category)
        broken.setdefault(lift.category, []).append((lift.name, signal))
    decisions = [_held_for_form(d, broken, sig.dose_ref(r.metrics)) for d in decisions]
    return v.add(swaps=tuple(swaps), decisions=tuple(decisions), holds=frozenset(holds))


def _flared_ladder_lifts(r: ReviewInput, v: Verdict) -> dict[str, str]:
    """The lifts on the return ladder of an area this review steps down or takes off it (the
    pain past the acceptable zone), by exercise id, with the area's scope. Form that broke down
    there is the flare's: a swap would keep the lift out when the ladder brings the area back to
    its rung (Kemi's isometric split-squat hold, her knee's only first rung, never came back
    after her 5/10 week), so the ladder's restart judges the form again instead."""
    now = dict(rungs_for_week(r.profile, r.week_start, r.ladders))
    out: dict[str, str] = {}
    for area, rung in v.pain_rungs.items():
        was, lad = now.get(area), r.ladders.get(area)
        if lad is None or was is None or was < 0 or rung >= was:
            continue
        out.update((x, area.value) for step in lad.rungs for x in step.exercises)
    return out


def _said_on_the_ladder(decisions: list[ReviewDecision], area: str, name: str) -> list[ReviewDecision]:
    """The area's decision saying why the lift whose form broke down with the pain keeps its place."""
    note = f" Form broke down on {name} with the pain: no swap; the ladder brings it back once it settles."
    return [
        d.model_copy(update={"text": d.text + note}) if d.scope == area and note not in d.text else d for d in decisions
    ]


def _beside(r: ReviewInput, exercise_id: str) -> frozenset[str]:
    """The other exercises of the reviewed week's sessions that held `exercise_id` (that week
    was lived: reviewing it again reads the same)."""
    week = plan_week(r.plan, r.week_start)
    if week is None:
        return frozenset()
    ids = (
        b.exercise_id for s in week.sessions if any(b.exercise_id == exercise_id for b in s.blocks) for b in s.blocks
    )
    return frozenset(ids) - {exercise_id}


def _held_for_form(d: ReviewDecision, broken: dict, dose: str) -> ReviewDecision:
    """A category a regress holds says so, instead of "progress as planned"."""
    lifts = broken.get(Category(d.scope)) if d.action == "progress" and d.scope in _CATEGORIES else None
    if not lifts:
        return d
    names = " and ".join(name for name, _ in lifts)
    text = f"{category_name(Category(d.scope)).capitalize()}: hold next week at {dose} ({names}: form broke down)."
    return decision(d.scope, "hold", text, ["form-gates-progression", "review-hold"], [s for _, s in lifts])


_CATEGORIES = frozenset(c.value for c in Category)


def warning_signs_step(r: ReviewInput, v: Verdict) -> Verdict:
    """The week's signs of overreaching (S22, S28), wellness against the runner's own
    baseline (Saw 2016), run spikes and monotony: flagged, and the warning signs named."""
    rp, m = r.params, r.metrics
    flags, fatigue = [*v.flags], []
    if m.sore_streak >= rp.sore_days:
        flags.append(Flag(kind="soreness", text=f"Sore {m.sore_streak} days running.", rule_id="review-reduce"))
        fatigue.append(sig.soreness(m, rp))
    if m.heavy_legged_runs:
        runs = ", ".join(f"{x.type} {x.date:%a}" for x in m.heavy_legged_runs)
        flags.append(
            Flag(kind="running", text=f"Tight or heavy legs, or form notes, in: {runs}.", rule_id="overreaching-signs")
        )
        fatigue.append(sig.running(m, rp))
    drop = sig.wellness_drop(m)
    if drop:
        c = next(w for w in m.wellness if w.item == "composite")
        spread = f" (± {c.baseline_sd:g})" if c.baseline_sd else ""
        text = f"Wellness {c.week_mean:g}/5 against your usual {c.baseline_mean:g}{spread}."
        flags.append(Flag(kind="wellness", text=text, rule_id="wellness-baseline"))
        fatigue += drop
    rising = effort_rising(r)
    if rising is not None:  # the sessions' own effort, read against the work done (S39, S40)
        flags.append(rising[0])
        fatigue.append(rising[1])
    hard = [c for c in m.categories if c.planned_sets and effort_over(c, rp)]
    loose = [c for c in m.categories if c.planned_sets and form_slipping(c, rp)]
    if hard:
        flags.append(Flag(kind="effort", text="Effort above target.", rule_id="review-hold"))
        fatigue += [effort_signal(c, rp) for c in hard]
    if loose:
        flags.append(Flag(kind="form", text="Form slipping.", rule_id="form-gates-progression"))
        if not hard or {c.category for c in [*hard, *loose]} != {hard[0].category}:
            fatigue += [sig.form(c, rp) for c in loose]
        # one category both hard and slipping is one sign, not two: its own hold answers it
    for s in m.spikes:
        text = (
            f"{s.date:%a %d %b}: {s.minutes:g} min, {s.pct_longer:g}% longer than your longest run of the previous "
            f"{rp.spike_window_days} days ({s.longest_before:g} min)."
        )
        flags.append(Flag(kind="run-spike", text=text, rule_id="running-load-spike"))
    if m.monotony is not None and m.monotony > rp.monotony_flag and not m.deload:  # a deload's days are meant alike
        flags.append(
            Flag(kind="monotony", text=f"Monotony {m.monotony:g}: the days were much alike.", rule_id="monotony-strain")
        )
    return v.add(flags=tuple(flags), fatigue=tuple(fatigue))


def consistency_step(r: ReviewInput, v: Verdict) -> Verdict:
    """A mostly missed week does not count toward the third session (S15); the weeks missed
    in a row are read from the diary itself, whether or not their reviews were accepted."""
    rp, m = r.params, r.metrics
    if m.completion_pct is None or m.completion_pct >= rp.consistent_pct:
        return v
    unlocked = m.planned_sessions > params_from_registry(r.registry).foundation_sessions  # the third is here
    toward = "" if unlocked else "this week does not count toward the third session, and "
    text = f"{m.done_sessions} of {m.planned_sessions} sessions done: {toward}missed sessions are not made up by " \
        "doubling up."  # fmt: skip
    this_week = Adjustment(
        week_start=r.week_start, consistent=False, reasons=[why("review-missed-sessions", text)], review_of=r.week_start
    )
    decisions = [*v.decisions, decision("week", "note", text, ["review-missed-sessions"], [sig.sessions(m, rp)])]
    return v.add(this_week=this_week, decisions=tuple(decisions))


def unreviewed_missed_step(r: ReviewInput, v: Verdict) -> Verdict:
    """Earlier weeks no review marked that the diary shows mostly missed (a week of flu and no
    review: cr24a F1) do not count toward the third session either (S15). Only weeks inside the
    diary window the review reads, and only once the diary had begun (a runner who started
    logging late has not missed the weeks before)."""
    rp = r.params
    marked = {a.week_start for a in r.profile.adjustments if not a.consistent}
    found: list[Adjustment] = []
    notes: list[ReviewDecision] = []
    for back in range(history_window_days(r.registry) // WEEK, 0, -1):
        day = r.week_start.fromordinal(r.week_start.toordinal() - back * WEEK)
        done = completion_pct(r.plan, r.history, day)
        began = diary_reaches(r.history, day.fromordinal(day.toordinal() + WEEK - 1))
        if day in marked or done is None or done >= rp.consistent_pct or not began:
            continue
        text = f"The week of {day:%a %d %b} shows {done:.0f}% of its sessions done and was not reviewed: it does " \
            "not count toward the third session."  # fmt: skip
        found.append(Adjustment(week_start=day, consistent=False, reasons=[why("review-missed-sessions", text)],
                                review_of=r.week_start))  # fmt: skip
        signal = Signal(kind="sessions", text=f"sessions done in the week of {day:%d %b} under {rp.consistent_pct:g}%")
        notes.append(decision("week", "note", text, ["review-missed-sessions"], [signal]))
    if not found:
        return v
    return v.add(earlier_missed=tuple(found), decisions=(*v.decisions, *notes))


def missed_weeks_in_a_row(r: ReviewInput) -> int:
    """The reviewed week and the weeks right before it that the diary shows mostly missed."""
    n, day = 0, r.week_start
    while n < r.params.missed_weeks_to_repeat:  # no need to look further back (nor past the diary's window)
        done = completion_pct(r.plan, r.history, day)
        if done is None or done >= r.params.consistent_pct:
            return n
        n += 1
        day = day.fromordinal(day.toordinal() - WEEK)
    return n
