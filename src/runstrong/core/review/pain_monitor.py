"""The review's pain step: the pain-monitoring rule applied to each area, from the diary's
pain reports (S41; Silbernagel 2007).

Pain during exercise within the acceptable zone that has settled by the next morning lets
the area's graded-return ladder progress one rung; pain above the zone regresses one rung
(and cuts the categories that load the area); pain that has not settled holds the rung
(and holds those categories); severe pain, or a weekly worst rising week after week, takes
the area off its ladder and says to see a clinician. Every decision names its reports.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, replace

from ..bone_stress import RULE as BONE_STRESS
from ..bone_stress import site_areas, site_name
from ..dated_races import leg_work_capped
from ..diary import PainReport, describe_pain
from ..model import Category, PainArea, why
from ..pain_days import pain_day
from ..pain_return import OFF, STAGE_NAME, Ladder, calm_weeks_for_week, rungs_for_week
from ..params import params_from_registry
from ..vocab import RunType
from . import pain_sides as sides
from . import rung_pace as pace
from . import signals as sig
from .pain_handover import ENDS, at_top
from .pain_handover import RULE as HANDOVER
from .rung_words import floor_text, rung_lift, rung_missing, rung_text
from .state import ReviewInput, Verdict, categories_loading, category_name
from .values import Flag, ReviewDecision, Signal, decision

WEEK = 7
_DAY = dt.timedelta(days=1)
FLAGGED = ("regress", "hold", "exclude")
RANK = {"": 0, "wait": 1, "progress": 1, "hold": 2, "regress": 3, "exclude": 4}  # the worst side governs


@dataclass(frozen=True)
class Monitor:
    """The pain-monitoring rule's marks (rule pain-monitoring)."""

    acceptable: int
    settled: int
    severe: int
    rising_weeks: int
    calm_weeks: int  # calm weeks on a rung before the ladder climbs


@dataclass(frozen=True)
class Judgement:
    area: PainArea
    action: str  # progress, hold, regress, exclude, or "" (nothing to do)
    why: str  # the reason in words, for the decision's text
    signals: tuple[Signal, ...]
    side: str = ""  # the side that governs the area's rung: left, right, or "" (no side told apart)
    said: str = ""  # the report behind it, side named: "left knee 5/10 during split squat"
    reports: tuple[PainReport, ...] = ()  # that side's reports this week, worst first
    easy_side: str = ""  # the one side flagged (single-leg work goes easy on it), else ""


def monitor(r: ReviewInput) -> Monitor:
    def p(name: str) -> int:
        return int(r.registry.param("pain-monitoring", name))

    return Monitor(
        p("acceptable_during"), p("settled_morning"), p("severe_at"), p("rising_weeks"), p("calm_weeks_per_rung")
    )


def _names(r: ReviewInput) -> dict[str, str]:
    """What a report's cause is called: the library's name, or "long run" for a run type."""
    runs = {t.value: f"{t.value.replace('_', ' ')} run" for t in RunType}
    return runs | {e.id: e.name.lower() for e in r.library.exercises}


def report_signal(p: PainReport, names: dict[str, str]) -> Signal:
    return Signal(kind="pain", text=describe_pain(p, names))


def weekly_worst(r: ReviewInput, area: PainArea, weeks: int, side: str = "") -> list[int | None]:
    """The worst score reported for `area` on `side` in each of the last `weeks` + 1 weeks
    (oldest first, the reviewed week last); None for a week without a report."""
    out = []
    for back in range(weeks, -1, -1):
        start = r.week_start - back * WEEK * _DAY
        scores = [
            p.score
            for p in r.history.pains
            if p.area == area and start <= pain_day(p) < start + WEEK * _DAY and sides.counts_for(p, side)
        ]
        out.append(max(scores) if scores else None)
    return out


def judge(r: ReviewInput, area: PainArea, on_ladder: bool, mk: Monitor) -> Judgement:
    """What the rule says for `area` this week: each side judged on its own reports (a left
    knee at 5/10 is not eased by a right knee at 1/10), the worst side governing the rung."""
    week = [p for p in r.metrics.pains if p.area == area]
    window = r.week_start - mk.rising_weeks * WEEK * _DAY
    earlier = [p for p in r.history.pains if p.area == area and window <= pain_day(p) < r.week_start]
    found = [judge_side(r, area, side, on_ladder, mk) for side in sides.judged([*week, *earlier])]
    worst = max(found, key=lambda j: (RANK[j.action], j.reports[0].score if j.reports else -1))
    flagged = [j.side for j in found if j.action in FLAGGED]
    if worst.action != "progress" or len(found) == 1:
        return replace(worst, easy_side=flagged[0] if flagged == [worst.side] and worst.side else "")
    return replace(worst, signals=tuple(x for j in found for x in j.signals), side="")


def judge_side(r: ReviewInput, area: PainArea, side: str, on_ladder: bool, mk: Monitor) -> Judgement:
    """The rule for one side of `area`: its reports, its next mornings, its weekly worst."""
    reports = tuple(sorted((p for p in r.metrics.pains if p.area == area and sides.counts_for(p, side)),
                           key=lambda p: -p.score))  # fmt: skip
    during = [p for p in reports if p.when != "next_morning"]
    morning = [p for p in reports if p.when == "next_morning"]
    names = _names(r)
    named = tuple(report_signal(p, names) for p in reports[: sig.MOST])
    if morning and morning[0].score > mk.settled:  # the unsettled morning is named once, against its mark
        named = tuple(report_signal(p, names) for p in during[: sig.MOST]) or named
    where = sides.where(area, side)
    base = Judgement(area, "", "", named, side, sides.said(reports[0], names) if reports else "", reports)
    trend = weekly_worst(r, area, mk.rising_weeks, side)
    if reports and reports[0].score >= mk.severe:
        return replace(base, action="exclude", why=f"severe ({mk.severe}/10 or more)")
    if all(x is not None for x in trend) and all(a < b for a, b in itertools.pairwise(trend)):
        rising = " → ".join(f"{x}/10" for x in trend)
        worst = Signal(kind="pain", text=f"{where} weekly worst {rising}" if side else f"weekly worst {rising}")
        return replace(base, action="exclude", why=f"worst rising week after week ({rising})", signals=(worst, *named))
    unsettled = (
        (Signal(kind="pain", text=f"not settled next morning ({morning[0].score}/10, over {mk.settled}/10)"),)
        if morning and morning[0].score > mk.settled
        else ()
    )
    late = f", not settled next morning ({morning[0].score}/10)" if unsettled else ""
    if during and during[0].score > mk.acceptable:
        return replace(base, action="regress", why=f"above the acceptable zone (up to {mk.acceptable}/10)",
                       signals=named + unsettled, said=sides.said(during[0], names) + late)  # fmt: skip
    if unsettled:
        said = f"{where} {morning[0].score}/10 the next morning"
        return replace(base, action="hold", why="not settled by the next morning", signals=named + unsettled,
                       said=said)  # fmt: skip
    trained = any(r.week_start <= s.date < r.week_start + WEEK * _DAY for s in r.history.sessions)
    if not on_ladder or not trained:  # nothing loaded it this week: nothing to judge a step by
        return base
    missing = rung_missing(r, area)
    if missing:  # a rung is climbed only from work done on it: not from pain unreported, nor from a week without it
        none = Signal(kind="pain", text=f"no set of the {where} rung's exercises {missing[1]} this week")
        return replace(base, action="wait", why=missing[0], said="", signals=(none,))
    if not reports:  # the diary's pain question is skipped with Enter: a skip is no calm score, a 0 is
        text = f"no {where} pain reported this week (after the rung's work, report it: 0 when none)"
        why_not = "no pain report for it this week, so the week is no evidence of a calm rung"
        return replace(base, action="wait", why=why_not, said="", signals=(Signal(kind="pain", text=text),))
    after = f"at most {morning[0].score}/10 the next morning" if morning else "no pain reported the next morning"
    most = f"pain at most {reports[0].score}/10" if reports[0].score else f"no pain ({_reports(reports)} at 0/10)"
    calm = f"{where} {most} (acceptable up to {mk.acceptable}/10), {after}" + _morning_to_come(r, morning)
    settled = "in the acceptable zone and settled by the next morning"
    if not reports[0].score:  # 0/10 is no pain: said so (cr24a F3)
        settled = f"no pain ({_reports(reports)} at 0/10), calm this week"
    return replace(base, action="progress", why=settled, signals=(Signal(kind="pain", text=calm),), said="")


def _morning_to_come(r: ReviewInput, morning: list[PainReport]) -> str:
    """A review run on the Monday after the week, where the morning after Sunday's training
    is not reported: a report may still come that morning, and it belongs to this week."""
    sunday = r.week_start + (WEEK - 1) * _DAY
    if r.today != sunday + _DAY or any(pain_day(p) == sunday for p in morning):
        return ""
    if not any(x.date == sunday for x in (*r.history.sessions, *r.history.runs)):
        return ""
    return " (a pain report this morning, after Sunday's training, would count for this week: review again after it)"


def entry_rung(lad: Ladder, reports: list[PainReport]) -> int:
    """The rung a newly painful area is on: that of the exercise that provoked it, else the
    functional rung (the runner was training normally); a regression then takes it one below."""
    rungs = [lad.rung_of(p.provoked_by) for p in reports if p.provoked_by is not None]
    known = [x for x in rungs if x is not None]
    return min([*known, lad.top - 1])  # never the plyometric rung: that one is earned


def pain_step(r: ReviewInput, v: Verdict) -> Verdict:
    """The pain-monitoring rule for every area reported this week or on its ladder: each
    area's decision, its rung next week, and the cut or hold of the categories loading it."""
    mk, rp = monitor(r), r.params
    now = dict(rungs_for_week(r.profile, r.week_start, r.ladders))
    calm = calm_weeks_for_week(r.profile, r.week_start, r.ladders)
    areas = sorted({p.area for p in r.metrics.pains} | set(now), key=lambda a: a.value)
    out = v
    for area in areas:
        j = judge(r, area, area in now, mk)
        if area in site_areas(r.profile) and any(p.score for p in r.metrics.pains if p.area == area):
            out = bone_stop(r, out, j)  # no zone to load through: a stop (bone-stress-return)
            continue
        if j.action:
            out = _act(r, out, j, now.get(area), mk, calm.get(area, 0))
        elif j.reports:  # every report of the week is answered, a new area's first one most of all
            out = out.add(decisions=(*out.decisions, acknowledge(r, j, now.get(area), mk)))
        reports = sum(1 for p in r.metrics.pains if p.area == area and p.score > mk.acceptable)  # 0/10 is no pain
        if j.action == "exclude":
            text = f"{sides.where(area, j.side).capitalize()} pain {j.why}: see a clinician before loading it again."
            out = out.add(guidance=(*out.guidance, why("pain-monitoring", text)))
        elif j.action == "regress" and out.pain_rungs.get(area) == OFF:
            text = (
                f"{sides.where(area, j.side).capitalize()} pain above the acceptable zone on its gentlest work: "
                "see a physiotherapist (or another clinician) before loading it again, and before the race if one "
                "is near."
            )
            out = out.add(guidance=(*out.guidance, why("pain-monitoring", text)))
        elif reports >= rp.see_clinician_reports:  # still on its ladder: the plan loads it gently meanwhile
            text = (
                f"{sides.where(area, '').capitalize()} pain above the acceptable zone (over {mk.acceptable}/10) in "
                f"{reports} reports this week: have a clinician look at it. Until then, keep to the work the plan "
                f"gives it and stop any exercise that takes the pain past {mk.acceptable}/10."
            )
            out = out.add(guidance=(*out.guidance, why("review-pain", text)))
    return out


def bone_stop(r: ReviewInput, v: Verdict, j: Judgement) -> Verdict:
    """Pain logged at the site of a bone stress injury: a stop sign, not a zone (bone-stress-return).
    The work that loads it is held, the week is flagged and the runner is sent to the clinician;
    the area joins no ladder (the profile keeps it off them)."""
    worst = max(p.score for p in r.metrics.pains if p.area == j.area)
    name, loading = sig.area_name(j.area), _categories(r, j.area, None)
    site = site_name(r.profile)
    text = (
        f"{name.capitalize()} pain up to {worst}/10 at the site of your bone stress injury, your {site}: a stop "
        "sign, not a zone to load through. Stop any run, hop or exercise that hurts there and see your clinician "
        f"before you go on; {_list(loading) if loading else 'the work'} held meanwhile."
    )
    said = f"held: pain at the site of your bone stress injury ({worst}/10)"
    flag = Flag(kind="pain", text=f"{name.capitalize()} pain up to {worst}/10 at a bone stress injury's site: see a "
                "clinician.", rule_id=BONE_STRESS)  # fmt: skip
    return v.add(
        decisions=(*v.decisions, decision(j.area.value, "hold", text, [BONE_STRESS, "review-pain"], list(j.signals))),
        flags=(*v.flags, flag), holds=frozenset({*v.holds, *loading}),
        pain_holds={**v.pain_holds, **{c: (said, tuple(j.signals)) for c in loading}},
        guidance=(*v.guidance, why(BONE_STRESS, text)),
    )  # fmt: skip


def is_new(r: ReviewInput, area: PainArea, rung: int | None) -> bool:
    """No earlier report of `area` in the diary the review reads, and not a painful area of
    the profile or its ladders: the week's reports are its first."""
    if rung is not None or area in r.profile.pain_areas:
        return False
    return not any(p.area == area and p.score and pain_day(p) < r.week_start for p in r.history.pains)


def acknowledge(r: ReviewInput, j: Judgement, rung: int | None, mk: Monitor) -> ReviewDecision:
    """A note for an area whose reports this week call for no step (within the zone, settled,
    or nothing loaded it): what was seen, what to watch, and when to see a clinician, so no
    report goes unanswered (a teenager's first shin pain in a taper among them)."""
    head = f"{j.said[:1].upper()}{j.said[1:]}"
    zone = f"within the acceptable zone (up to {mk.acceptable}/10)"
    watch = (
        f"Watch it: pain not settled by the next morning (over {mk.settled}/10) holds the work that loads it; "
        f"see a clinician if it is sharp, reaches {mk.severe}/10 or rises {mk.rising_weeks} weeks running."
    )
    lad = r.ladders.get(j.area)
    on = rung is not None and lad is not None and rung >= 0
    if not any(p.score for p in j.reports):  # 0/10 is no pain: calm, said so (cr24a F3)
        stays = f"; it stays on {rung_text(r, lad, rung)}" if on else ""  # type: ignore[arg-type]
        text = f"{head}: no pain ({_reports(j.reports)} at 0/10), calm this week{stays}."
    elif is_new(r, j.area, rung):
        text = f"{head}: new this week, {zone}. {watch}"
    elif on:
        text = f"{head}: {zone}; nothing loaded it this week, so it stays on {rung_text(r, lad, rung)}."
    else:
        text = f"{head}: {zone}, noted. {watch}"
    return decision(j.area.value, "note", text, ["pain-monitoring", "review-pain"], list(j.signals))


def _reports(reports: tuple[PainReport, ...] | list[PainReport]) -> str:
    return f"{len(reports)} report{'s' if len(reports) != 1 else ''}"


def _act(r: ReviewInput, v: Verdict, j: Judgement, rung: int | None, mk: Monitor, calm: int = 0) -> Verdict:
    """One area's decision: its ladder rung next week (climbed only after the rule's calm weeks
    on it, `calm` of them before this week), and for a flag the categories it cuts or holds."""
    lad = r.ladders.get(j.area)
    name = sig.area_name(j.area).capitalize()
    head = f"{j.said[:1].upper()}{j.said[1:]}: {j.why}" if j.said else f"{name}: {j.why}"
    added = v.pain_added if rung is not None or j.action == "progress" else (*v.pain_added, j.area)
    if rung is None and lad is not None:  # newly painful: it joins its ladder where it was provoked
        rung = entry_rung(lad, [p for p in r.metrics.pains if p.area == j.area])
    target, calm_next = pace.paced(j.action, rung, calm, mk.calm_weeks, lad)
    step = rung_text(r, lad, target) if lad is not None else ""
    ids = ["pain-monitoring", "review-pain", "pain-graded-return"]
    flags, reduce, holds, cut_signals = v.flags, dict(v.reduce), set(v.holds), v.cut_signals
    pain_holds = v.pain_holds
    loading = _categories(r, j.area, lad)
    extra, when = [], next_sessions(r)
    if j.action == "progress" and lad is not None and rung == lad.top:  # the top rung: held, or the ladder ends
        target, text = at_top(r, j.area, lad, mk.acceptable, mk.settled, when)
        ids.append(HANDOVER)
    elif j.action == "progress":
        text = _calm_text(r, lad, rung, target, calm_next, mk, f"{name}: {j.why}", step)
    elif j.action == "wait":
        on = lad is not None and rung is not None and rung >= 0
        so_far = f" ({pace.calm_words(lad, rung, calm, mk.calm_weeks)} so far)" if on else ""  # type: ignore[arg-type]
        text = f"{name}: {j.why}; stays on {step or 'the same work'} {when}{so_far}."
    elif j.action == "hold":
        holds |= set(loading)
        area = sig.area_name(j.area)
        said = f"held while the {area} settles: {j.said or j.why}"
        pain_holds = {**pain_holds, **{c: (said, tuple(j.signals)) for c in loading}}
        again = f" Its calm weeks on the rung count from none again (it climbs after {mk.calm_weeks})." if calm else ""
        text = f"{head}; stays on {step or 'the same work'} {when}; {_list(loading)} held.{again}"
    else:
        off = "off its ladder (only work that spares it stays)"
        what = f"down to {step}" if j.action == "regress" and step else off
        back = f" It climbs again after {mk.calm_weeks} calm weeks there." if target is not None and target >= 0 else ""
        text = f"{head}; {what} {when}.{back}"
        if j.action == "regress" and target == OFF:  # no gentler rung: its work stops (cr22a W3)
            stops = (
                f"so the work that loads it stops {when}: only work that spares it stays (where nothing else fits "
                f"your kit, the first rung's work at a cut dose, stopped if the pain passes {mk.acceptable}/10)"
            )
            text = f"{head}; {floor_text(r, lad, rung)}, {stops}."
        cut_signals = (*cut_signals, *j.signals[:1])
        for c in loading:
            reduce[c] = max(reduce.get(c, 0), r.params.pain_cut_pct)
            said = (
                f"{category_name(c).capitalize()}: cut about {r.params.pain_cut_pct}% from this week's dose next week "
                f"(held, not progressed) while the {sig.area_name(j.area)} settles."
            )
            extra.append(decision(c.value, "reduce", said, ["review-pain-cut", "review-cut-size"], list(j.signals)))
    if j.action in FLAGGED:
        worst = max((p.score for p in j.reports), default=0)
        side = f" ({j.side})" if j.side else ""
        flags = (*flags, Flag(kind="pain", text=f"{name} pain{side} up to {worst}/10: {j.why}.", rule_id="review-pain"))
    rungs, easy = dict(v.pain_rungs), dict(v.pain_sides)
    if j.easy_side:
        easy[j.area] = j.easy_side
    if target is not None:
        rungs[j.area] = target
        v = v.add(pain_calm={**v.pain_calm, j.area: calm_next})
    d = decision(j.area.value, j.action, text, ids, list(j.signals))  # type: ignore[arg-type]
    return v.add(decisions=(*v.decisions, d, *extra), flags=flags, reduce=reduce, holds=frozenset(holds),
                 cut_signals=cut_signals, pain_added=tuple(added), pain_rungs=rungs, pain_sides=easy,
                 pain_holds=pain_holds)  # fmt: skip


def next_sessions(r: ReviewInput) -> str:
    """When the rung a decision names comes: next week, or the first week after it that
    holds a session (a rest week after the race, the plan's end): never a promise of work
    in a week without any (cr20a F3)."""
    start = r.week_start + WEEK * _DAY
    if any(w.start_date == start and w.sessions for w in r.plan.weeks):
        return "next week"
    return "from the next week with a session"


def _calm_text(
    r: ReviewInput,
    lad: Ladder | None,
    rung: int | None,
    target: int | None,
    calm: int,
    mk: Monitor,
    head: str,
    step: str,
) -> str:
    """A calm week's words: the calm weeks the rung has and needs, and the climb when they are
    done ("2 of 3 calm weeks on isometric holds: the next rung, slow heavy work (Seated soleus
    raise), after one more calm week")."""
    when = next_sessions(r)
    if lad is None or rung is None or target is None:
        return f"{head}."
    if rung < 0:  # off its ladder: back to its gentlest work
        return f"{head}: back on {step} {when}."
    if target > rung:
        return f"{head}, {pace.calm_words(lad, rung, mk.calm_weeks, mk.calm_weeks)}: up to {step} {when}."
    done = pace.calm_words(lad, rung, calm, mk.calm_weeks)
    grows = "its dose not raised before the race" if race_close(r) else "its dose growing within it"
    if rung >= lad.top:
        return f"{head}, {done}: it stays on {step}, the last rung, {grows} {when}."
    up = rung_lift(r, lad.area, rung + 1)
    then = f"{STAGE_NAME[lad.rungs[rung + 1].stage]}{f' ({up.name})' if up else ''}"
    return (
        f"{head}, {done}: it stays on {step}, {grows} {when}; the next rung, {then}, "
        f"after {pace.next_after(mk.calm_weeks, calm)}."
    )


def _categories(r: ReviewInput, area: PainArea, lad: Ladder | None) -> list[Category]:
    found = set(categories_loading(r, area))
    if lad is not None:
        found.add(lad.category)
    return sorted(found, key=lambda c: c.value)


def _list(categories: list[Category]) -> str:
    return " and ".join(category_name(c) for c in categories)


def ladder_settle_step(r: ReviewInput, v: Verdict) -> Verdict:
    """A ladder moves up only if its progress survived the order of decisions (a cut or a
    deload elsewhere comes first: the rung then holds), and not when the form broke down on
    its rung's own lift this week: that lift gives way to its easier variant (S27), and the
    rung holds, said so in the area's decision."""
    kept = {d.scope for d in v.decisions if d.action == "progress"}
    now = dict(rungs_for_week(r.profile, r.week_start, r.ladders))
    broken = {s.from_id for s in v.swaps if s.rule_id == "review-regress"}
    broken |= {d.scope for d in v.decisions if d.action == "hold" and "review-regress" in d.rule_ids}  # kept: no swap
    rungs, decisions, calm = {}, list(v.decisions), dict(v.pain_calm)
    for area, rung in v.pain_rungs.items():
        was = now.get(area)
        on = rung_lift(r, area, was)
        if area.value in kept and was is not None and rung > was and on is not None and on.id in broken:
            kept.discard(area.value)
            text = f"{sig.area_name(area).capitalize()}: the rung holds next week: form broke down on {on.name}."
            decisions = [
                decision(d.scope, "hold", text, ["pain-graded-return", "review-regress"], list(d.signals))
                if d.scope == area.value and d.action == "progress"
                else d
                for d in decisions
            ]
        rungs[area] = rung if area.value in kept or was is None or rung <= was else max(was, 0)
        if rungs[area] != rung:  # the climb held back: the next calm week climbs, not one sooner
            calm = pace.kept_back(calm, area, monitor(r).calm_weeks, rungs[area])
        if rungs[area] != rung and area.value not in kept:  # a climb a cut or deload overrode: say where it stays
            decisions = [_stays(r, d, area, rungs[area]) for d in decisions]
    return v.add(pain_rungs=rungs, decisions=tuple(decisions), pain_calm=calm)


def _stays(r: ReviewInput, d: ReviewDecision, area: PainArea, rung: int) -> ReviewDecision:
    """The overridden climb's note says what the plan does: "stays on rung 2 ... while the
    review's cut comes first", not the climb it would have made."""
    head, climb, rest = d.text.partition(": up to rung ")
    lad = r.ladders.get(area)
    if d.scope == area.value and d.action == "note" and lad is not None and rung == lad.top and ENDS in d.text:
        why_not = d.text.rpartition(": ")[2].rstrip(".")  # the handover waits as a climb would (pain-ladder-handover)
        text = f"{head.partition(': ')[0]}: calm on {rung_text(r, lad, rung)}; it stays there {next_sessions(r)} "
        return d.model_copy(update={"text": text + f"while {why_not}, and its usual work comes back after that."})
    if d.scope != area.value or d.action != "note" or not climb or lad is None:
        return d
    why_not = rest.rpartition(": ")[2].rstrip(".")
    text = f"{head}, but it stays on {rung_text(r, lad, rung)} {next_sessions(r)} while {why_not}."
    return d.model_copy(update={"text": text})


def race_close_step(r: ReviewInput, v: Verdict) -> Verdict:
    """No ladder climbs into the taper, race week or a race's race-close days
    (race-close-no-new-work): the rung holds until after the race and the area's decision says
    so, naming what comes after it (cr22a S2: Pete's knee, 5/10 ten days before his half,
    climbed to a new loaded step-up, "find your weight", four days before it)."""
    if not race_close(r):
        return v
    now = dict(rungs_for_week(r.profile, r.week_start, r.ladders))
    rungs, decisions, calm = dict(v.pain_rungs), list(v.decisions), dict(v.pain_calm)
    race = r.real_life.race_date or (r.profile.race.date if r.profile.race else None)
    when = f" ({race:%a %d %b})" if race is not None and race >= r.next_start else ""
    for area, rung in v.pain_rungs.items():
        was, lad = now.get(area), r.ladders.get(area)
        if was is None or lad is None or rung <= was:
            continue
        rungs[area] = was
        calm = pace.kept_back(calm, area, monitor(r).calm_weeks, was)
        stays = rung_text(r, lad, was) or "off its ladder (only work that spares it stays)"
        after = rung_lift(r, area, rung) if rung <= lad.top else None
        then = f" {after.name} comes after it." if after is not None else ""
        then = then if rung <= lad.top else " Its usual work comes back after it, and the ladder ends."
        ids = ["race-close-no-new-work", "pain-graded-return", *([HANDOVER] if rung > lad.top else [])]
        for i, d in enumerate(decisions):
            if d.scope == area.value and d.action == "progress":
                head = d.text.split(": up to ")[0] if rung <= lad.top else f"{sig.area_name(area).capitalize()}: calm"
                text = f"{head}; it stays on {stays} until after the race{when}: nothing new comes in before it.{then}"
                done = "wait" if rung <= lad.top else "progress"  # calm on its top rung: only the handover waits
                decisions[i] = decision(d.scope, done, text, ids, list(d.signals))
    return v.add(pain_rungs=rungs, decisions=tuple(decisions), pain_calm=calm)


def race_close(r: ReviewInput) -> bool:
    """Whether next week is one the review brings nothing new into: a phase the rule names
    (the taper, race week), or a week with a session on a race's race-close days."""
    week = r.next_week
    if week is None:
        return False
    p = params_from_registry(r.registry)
    if week.phase.value in p.race_close_new_work_phases:
        return True
    return any(leg_work_capped(r.profile, s.date, p) for s in week.sessions)
