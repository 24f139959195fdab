"""What a plan adds around its sessions: ideas for free days and the standing guidance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .bone_stress import zone_exception
from .loads import KG_PER_LB
from .model import KEY_RUN_TYPES, AthleteProfile, Category, Guidance, RunType, Session, Suggestion, Weekday, build
from .pain_return import STAGE_NAME, STAGES
from .phases import WeekFrame
from .schedule import DayInfo
from .sentences import sentences
from .vocab import AREA_NAME, CATEGORY_NAME, SPEED_RUN_TYPES, Units, areas_text, spoken_list

_EXTRA_MOBILITY = "Your review found soreness or tightness: extra mobility."


def _idea(day: dt.date, kind: str, text: str, rule_id: str, because: str, p: Any) -> Suggestion:
    """One idea for a day without a session, and the rule it follows."""
    return build(Suggestion, date=day, kind=kind, text=text, reasons=[p.why(rule_id, because)])


def suggestions(
    days: tuple[DayInfo, ...], sessions: list[Session], p: Any, mobility_all: bool = False
) -> list[Suggestion]:
    """Easy cross-training and mobility ideas for days with no run and no strength; after a
    review flagged soreness or tightness, mobility on every free day."""
    taken = {s.date for s in sessions}
    free = [
        d for d in days if d.available and not d.runs and d.date not in taken and d.strength_ok and not d.recovering
    ]
    out: list[Suggestion] = []
    minutes = p.mobility_minutes
    if free:
        routine = f"Mobility routine, about {minutes} min: hips, hamstrings, thoracic spine."
        because = "Mobility days restore range of motion."
        out.append(_idea(free[0].date, "mobility", routine, "rest-day-options", because, p))
    if mobility_all and not free and sessions:  # no free day: the routine follows a session
        after = f"After the session, {minutes} min more mobility: hips, calves, hamstrings."
        out.append(_idea(sessions[0].date, "mobility", after, "overreaching-signs", _EXTRA_MOBILITY, p))
    if mobility_all:
        routine = f"Mobility routine, about {minutes} min: hips, calves, hamstrings, thoracic spine."
        out.extend(_idea(d.date, "mobility", routine, "overreaching-signs", _EXTRA_MOBILITY, p) for d in free[1:])
        return out
    if len(free) > 1:
        lo, hi = p.cross_train_minutes
        swim = f"Optional easy swim or bike, {lo}-{hi} min, for aerobic base without impact."
        because = "Low-impact cross-training supports recovery."
        out.append(_idea(free[-1].date, "cross_train", swim, "rest-day-options", because, p))
    return out


def pain_guidance(profile: AthleteProfile, p: Any) -> list[Guidance]:
    """For a runner with a painful area: what pain is acceptable, and when to see a clinician."""
    if not profile.pain_areas:
        return []
    verb = "is" if len(profile.pain_areas) == 1 else "are"
    text = (
        f"Your {areas_text(profile.pain_areas)} {verb} loaded back step by step. "
        f"Pain up to {p.pain_monitor_acceptable_during}/10 during an "
        f"exercise is acceptable if it has settled (at most {p.pain_monitor_settled_morning}/10) by the next "
        "morning; log it with the side and when you felt it, 0 when there is none (a week with no report "
        f"counts nothing). A rung moves up after {p.pain_monitor_calm_weeks_per_rung} such calm weeks on it, "
        "its dose growing week to week meanwhile. Above that, the weekly review steps back a rung "
        "(already on the first, that work stops and a physiotherapist should look at it). "
        f"Pain of {p.pain_monitor_severe_at}/10 or more, or pain that rises {p.pain_monitor_rising_weeks} weeks "
        f"running: stop loading it and see a clinician. {start_words(profile, p)}"
    )
    text = sentences(text, zone_exception(profile))  # a bone stress injury's site has no zone (bone-stress-return)
    reasons = [
        p.why("pain-monitoring", text="How pain guides the return."),
        p.why("pain-graded-return", text="Where each ladder starts, and how it climbs."),
    ]
    return [build(Guidance, topic="pain", text=text, reasons=reasons)]


def start_words(profile: AthleteProfile, p: Any) -> str:
    """Where each painful area's ladder starts and why (pain-graded-return: a score within the
    acceptable zone starts a loading rung), and that only the weekly reviews of logged pain
    move it (cr24a F9: a settled 2/10 foot was planned on holds for 20 weeks, unsaid)."""
    zone, loading = p.pain_monitor_acceptable_during, STAGE_NAME[STAGES[p.graded_return_start_rung_in_zone - 1]]
    said = []
    for area in profile.pain_areas:
        score = profile.pain_scores.get(area)
        if score is None:
            said.append(f"your {AREA_NAME[area]} (no score given) on {STAGE_NAME['isometric']}")
        elif score <= zone:
            said.append(f"your {AREA_NAME[area]} ({score}/10 now, within the zone) on {loading}")
        else:
            said.append(f"your {AREA_NAME[area]} ({score}/10 now, above the zone) on {STAGE_NAME['isometric']}")
    return (
        f"The return ladder starts {spoken_list(said, 'and')}, and climbs only through the weekly reviews of "
        "the pain you log (runstrong review): with no review it stays where it starts."
    )


def _mass_words(profile: AthleteProfile) -> str:
    """The runner's body mass in their units (protein stays in grams: food labels use them)."""
    if profile.units == Units.imperial:
        return f"{round(profile.body_mass_kg / KG_PER_LB):g} lb"
    return f"{profile.body_mass_kg:g} kg"


def sleep_hours_for(age: int, p: Any) -> tuple[int, int]:
    """The night's sleep to aim for (protein-and-sleep): adolescents need more than adults
    (8-10 h at 14-17: Hirshkowitz 2015, Paruthi 2016), so a teenager is told their own range."""
    return tuple(p.teen_sleep_hours) if age < p.teen_below_age else tuple(p.sleep_hours)  # type: ignore[return-value]


def guidance(profile: AthleteProfile, p: Any) -> list[Guidance]:
    lo, hi = p.protein_g_per_kg
    mass = profile.body_mass_kg
    sleep_lo, sleep_hi = sleep_hours_for(profile.age, p)
    meal_lo, meal_hi = p.protein_per_meal_g
    meal_lo = max(meal_lo, round(p.protein_per_meal * mass))
    meals_lo, meals_hi = p.meals_per_day
    return [
        build(
            Guidance,
            topic="protein",
            text=f"Aim for {round(lo * mass)}-{round(hi * mass)} g of protein a day ({lo:g}-{hi:g} g/kg at "
            f"{_mass_words(profile)}), spread over {meals_lo}-{meals_hi} meals of {meal_lo}-{meal_hi} g.",
            reasons=[p.why("protein-and-sleep", text="Protein supports repair and adaptation.")],
        ),
        build(
            Guidance,
            topic="sleep",
            text=f"Sleep {sleep_lo}-{sleep_hi} hours a night; less than {sleep_lo} h slows recovery.",
            reasons=[p.why("protein-and-sleep", text="Sleep is when training becomes fitness.")],
        ),
        build(
            Guidance,
            topic="diary",
            text="Log each session: exercise, sets, reps and effort, plus mood, sleep and appetite.",
            reasons=[p.why("training-diary", text="The diary is what the weekly review reads.")],
        ),
        build(
            Guidance,
            topic="review",
            text="Once a week, look back over the diary and adjust: progress when form holds, "
            "ease off with persistent soreness, tight legs on long runs or slipping running form.",
            reasons=[
                p.why("weekly-review", text="Volume follows how you respond."),
                p.why("form-gates-progression", text="Progress only while form holds."),
                p.why("overreaching-signs", text="Soreness and tightness call for less load."),
            ],
        ),
        build(
            Guidance,
            topic="expectations",
            text=f"Strength work pays off over {p.effect_weeks[0]}-{p.effect_weeks[1]}+ weeks (running economy "
            f"about {p.economy_gain_pct[0]}-{p.economy_gain_pct[1]}% better); it may lower injury risk, most "
            "clearly when you keep it up.",
            reasons=[p.why("evidence-expectations", text="What the research shows, and its limits.")],
        ),
        build(
            Guidance,
            topic="cues",
            text="Three cues run through every session: neutral spine, drive from the hips, land softly.",
            reasons=[p.why("consistent-cues", text="The same cues, every session.")],
        ),
        *pain_guidance(profile, p),
    ]


_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class LightTally:
    """The loading weeks with sessions, those whose every session was kept light for a key run,
    each focus's sessions in those weeks with the light ones (light-before-key-runs), and the
    weekday each focus's sessions sat on (the week's usual days)."""

    loading: int = 0
    all_light: int = 0
    focus: dict[str, tuple[int, int]] = field(default_factory=dict)
    days: dict[tuple[int, str], int] = field(default_factory=dict)  # (weekday, focus's value): sessions

    def add(self, sessions: tuple[tuple[str, bool, int], ...]) -> None:
        """One loading week's sessions, as (focus's value, kept light, weekday)."""
        self.loading += 1
        self.all_light += all(light for _, light, _ in sessions)
        for focus, light, weekday in sessions:
            n, lit = self.focus.get(focus, (0, 0))
            self.focus[focus] = (n + 1, lit + light)
            self.days[weekday, focus] = self.days.get((weekday, focus), 0) + 1

    def usual(self) -> dict[int, str]:
        """Each weekday's most frequent focus over the loading weeks (a weekday never used is absent)."""
        out: dict[int, tuple[int, str]] = {}
        for (weekday, focus), n in sorted(self.days.items()):
            if n > out.get(weekday, (0, ""))[0]:
                out[weekday] = (n, focus)
        return {weekday: focus for weekday, (_, focus) in out.items()}


def light_weeks_advice(profile: AthleteProfile, tally: LightTally, p: Any) -> list[str]:
    """When more than the registry's share of the loading weeks (with sessions) hold only
    light sessions because every training day is a key run's day or the day before one
    (light-before-key-runs), the main lifts never get a full dose: say so once, and which
    change to the week would give full sessions. Else the same for a leg focus (posterior
    chain, single-leg power) whose own sessions are that often light: its lifts stay a set
    short and further from failure while another session has the full day."""
    loading, all_light, share = tally.loading, tally.all_light, p.light_advice_above_pct
    if not all_light or all_light * 100 <= loading * share:
        return _light_focus_advice(profile, tally, p)
    rest = loading - all_light
    dose = f"get a full dose only in the other {rest}" if rest else "never get a full dose"
    said = (
        f"In {all_light} of your {loading} loading weeks every session falls on a key run's day or the day "
        f"before one, so each is dosed light and your main lifts {dose} (light-before-key-runs)."
    )
    own, usable = _own_clear_days(profile, tally, None, p)
    return [" ".join(t for t in (said, own, _full_day_fix(profile, p, usable)) if t)]


def _light_focus_advice(profile: AthleteProfile, tally: LightTally, p: Any) -> list[str]:
    out = []
    for focus in LEG_FOCUSES:
        n, lit = tally.focus.get(focus, (0, 0))
        if lit and lit * 100 > n * p.light_advice_above_pct:
            said = (
                f"Your {CATEGORY_NAME[Category(focus)]} sessions fall on a key run's day or the day before one "
                f"in {lit} of their {n} loading weeks, so they are dosed light there: a set fewer, further from "
                "failure (light-before-key-runs). "
            )
            own, usable = _own_clear_days(profile, tally, focus, p)
            out.append(" ".join(t for t in (said.strip(), own, _full_day_fix(profile, p, usable)) if t))
    return out


LEG_FOCUSES = (Category.posterior_chain.value, Category.single_leg_power.value)


def _clear_days(profile: AthleteProfile) -> list[Weekday]:
    """The weekdays of the runner's usual week with no key run that day or the next."""
    key = {run.day.index for run in profile.running.weekly if run.type in KEY_RUN_TYPES}
    return [d for d in Weekday if d.index not in key and (d.index + 1) % 7 not in key]


def _own_clear_days(profile: AthleteProfile, tally: LightTally, focus: str | None, p: Any) -> tuple[str, bool]:
    """The runner's own training days that would give `focus` a full day, said before any
    change to the week is asked for: one the week leaves free (the session can move there:
    True), or why those the runner has do not serve (another session holds it, or sits a day
    from it)."""
    usual = tally.usual()
    own = [d.index for d in _clear_days(profile) if d in profile.available_days and usual.get(d.index, "") != focus]
    held = [d for d in own if d in usual]
    near = {
        d: k for d in own if d not in usual for k in sorted(usual) if min((k - d) % 7, (d - k) % 7) < p.min_days_between
    }
    free = [_DAY_NAMES[d] for d in own if d not in usual and d not in near]
    if free:
        days = spoken_list(free, "or")
        return (
            f"Your {days}, already a training day with no key run that day or the next, would give a session there "
            "the full dose.",
            True,
        )
    said = [f"{_DAY_NAMES[d]} holds your {CATEGORY_NAME[Category(usual[d])]} session" for d in held]
    for d, k in near.items():
        side = "before" if (k - d) % 7 == 1 else "after"
        whose = "it" if k in held else f"{_DAY_NAMES[k]}'s {CATEGORY_NAME[Category(usual[k])]} session"
        said.append(f"{_DAY_NAMES[d]} is the day {side} {whose}")
    if not said:
        return "", False
    apart = " (sessions keep a day apart)" if near else ""
    return f"Of your own training days clear of key runs, {spoken_list(said)}{apart}.", False


_DOUBLE_RUNS = SPEED_RUN_TYPES | {RunType.long}  # the runs a double day's lift may follow (no-heavy-near-speed)


def _full_day_fix(profile: AthleteProfile, p: Any, own_day: bool = False) -> str:
    """What change to the runner's usual week would give full sessions, as advice: a free
    weekday with no key run that day or the next, or a session straight after a speed run or
    the long run (no-heavy-near-speed, with double days)."""
    runs = profile.running.weekly
    speed = [d for d in Weekday if any(run.day == d and run.type in _DOUBLE_RUNS for run in runs)]
    clear = _clear_days(profile)
    ways = []
    free = [d for d in clear if d not in profile.available_days]
    if free:
        listed = spoken_list([_DAY_NAMES[d.index] for d in free], "or")
        ways.append(f"make {listed} a training day (no key run that day or the next)")
    if speed and not profile.allow_double_days:
        hours = p.double_day_gap_hours
        also = "" if any(d in profile.available_days for d in speed) else " and make a key run's day a training day"
        ways.append(
            f"set allow_double_days = true{also}: a session may then follow a speed run or the long run by "
            f"{hours} hours or more "
            "at full dose (no-heavy-near-speed)"
        )
    if ways:
        return ("Else, for" if own_day else "For") + " full sessions, " + "; or ".join(ways) + "."
    if clear:  # a clear day is a training day already: the other sessions' spacing kept it out
        return ""
    return (
        "Your running week leaves no day without a key run that day or the next: "
        "for full sessions, move or drop one key run."
    )


def grouped_by_week(warnings: list[str]) -> list[str]:
    """The same warning for several weeks said once, naming them: "Weeks 2-13: only 1
    session fit; ..." rather than twelve lines. Other warnings are kept as they are, in order.

    >>> grouped_by_week(["Week 2: x.", "Week 3: x.", "Week 5: x.", "Week 4: y.", "z."])
    ['Weeks 2-3 and 5: x.', 'Week 4: y.', 'z.']
    """
    weeks: dict[str, list[int]] = {}
    order: list[str] = []
    for w in warnings:
        head, sep, text = w.partition(": ")
        number = head.removeprefix("Week ")
        if sep and head.startswith("Week ") and number.isdigit():
            if text not in weeks:
                order.append(text)
            weeks.setdefault(text, []).append(int(number))
        else:
            order.append(w)
    return [f"{_weeks_named(weeks[t])}: {t}" if t in weeks else t for t in order]


def _weeks_named(numbers: list[int]) -> str:
    runs: list[list[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs]
    return ("Week " if len(numbers) == 1 else "Weeks ") + spoken_list(parts)


def familiarising(profile: AthleteProfile, week_starts: Iterable[dt.date], p: Any) -> int:
    """The weeks up to a race too close for a runner new to strength work (0: none): the plan
    calls them familiarisation, and doses them so (foundation effort, nothing heavy)."""
    if profile.race is None:
        return 0
    runway = sum(1 for start in week_starts if start <= profile.race.date)
    least = p.third_session_min_weeks
    return runway if runway < least and profile.consistent_strength_weeks < least else 0


def familiarisation(profile: AthleteProfile, frames: list[WeekFrame], p: Any) -> list[str]:
    """A race too close for a runner new to strength work: these weeks are familiarisation."""
    runway = familiarising(profile, (f.start for f in frames), p)
    if runway:
        return [
            f"Your race is {runway} week(s) away and strength work is new to you: treat these weeks as "
            "familiarisation (light, technique first) and build properly after the race; every set stops "
            f"at least {p.foundation_rir} reps short of failure until then."
        ]
    return []
