"""Pregnancy (the profile's `health` = pregnant, with `due_date`): strength work goes on at a
moderate effort, with no impact and nothing lying on the back or front past a week of pregnancy
(pregnancy-strength: ACOG Committee Opinion 804, 2020; Mottola et al. 2018).

- every week: no hops, jumps or landings (`health.week_limits` sets impact to none); every set at
  least `pregnancy_min_rir` reps short of failure and nothing heavy (`runner.Runner.moderate_only`
  doses every week as the foundation's; `effort_violations` is the planner's own check);
- from `pregnancy_lying_from_week` weeks of pregnancy: nothing lying on the back or front (an
  exercise's `lying`), an inclined or side-lying one instead;
- the plan's notes: the clinician's clearance, and the signs to stop and call them.

The weeks of pregnancy at a day count from the due date (40 weeks), so they advance with the plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .model import AthleteProfile, Health, Intensity, Reason, why

RULE = "pregnancy-strength"
TERM_DAYS = 280  # 40 weeks from the first day of the last period to the due date

# ACOG Committee Opinion 804 (2020), its reasons to stop exercising and call a clinician
STOP_SIGNS = (
    "bleeding from the vagina, regular painful contractions, fluid leaking from the vagina, breathlessness "
    "before you start, dizziness or feeling faint, a headache, chest pain, calf pain or swelling, or muscle "
    "weakness that upsets your balance"
)


def pregnant(profile: AthleteProfile) -> bool:
    return Health.pregnant in profile.health and profile.due_date is not None


def weeks_pregnant(profile: AthleteProfile, day: dt.date) -> int | None:
    """Whole weeks of pregnancy on `day`, counted back from the due date; None when not pregnant."""
    if not pregnant(profile):
        return None
    return (TERM_DAYS - (profile.due_date - day).days) // 7  # type: ignore[operator]


def lying_allowed(profile: AthleteProfile, week_start: dt.date, p: Any) -> bool:
    """Whether the week starting `week_start` may hold exercises done lying on the back or front:
    not once any of its days is past the week of pregnancy the rule sets."""
    weeks = weeks_pregnant(profile, week_start + dt.timedelta(days=6))
    return weeks is None or weeks < p.pregnancy_lying_from_week


def nearer_failure(intensity: Intensity, p: Any) -> bool:
    """Whether an effort target is harder than pregnancy allows: fewer reps in reserve than the
    rule's, an RPE above 10 less that, a share of 1RM or a working load (both heavy work)."""
    v = intensity.value
    match intensity.kind:
        case "rir":
            return v is not None and v < p.pregnancy_min_rir
        case "rpe":
            return v is not None and v > 10 - p.pregnancy_min_rir
        case "percent_1rm" | "load_kg":
            return True
    return False


def effort_violations(plan: Any, p: Any, lived: frozenset[dt.date]) -> list[tuple[str, str, str]]:
    """(rule, date, what) for every set a pregnant runner's plan doses nearer failure than the rule
    allows (`validate.check_plan`); lived weeks were planned before."""
    if not pregnant(plan.profile):
        return []
    return [
        (RULE, str(s.date), f"{b.name}: too near failure in pregnancy")
        for w in plan.weeks
        if w.start_date not in lived
        for s in w.sessions
        for b in s.blocks
        if nearer_failure(b.prescription.intensity, p)
    ]


def week_reason(profile: AthleteProfile, week_start: dt.date, p: Any) -> Reason | None:
    """What a week of pregnancy changed, in the runner's words."""
    weeks = weeks_pregnant(profile, week_start)
    if weeks is None:
        return None
    lying = (
        f"nothing lying on your back or front from {p.pregnancy_lying_from_week} weeks (inclined or side-lying instead)"
        if lying_allowed(profile, week_start, p)
        else "nothing lying on your back or front (inclined or side-lying instead)"
    )
    text = (
        f"{weeks} weeks pregnant: no hops, jumps or landings; every set at least {p.pregnancy_min_rir} reps short "
        f"of failure (you can still talk), nothing heavy, breathe out on the effort; {lying}."
    )
    return why(RULE, text)


def notes(profile: AthleteProfile, p: Any) -> list[str]:
    """The plan's notes for a pregnant runner: clearance, what the plan changes, when to stop."""
    if not pregnant(profile):
        return []
    weeks = weeks_pregnant(profile, profile.start_date)
    return [
        f"You are {weeks} weeks pregnant at the start (due {profile.due_date:%d %b %Y}). Strength work is good for "
        "you and your baby in an uncomplicated pregnancy: check with your midwife or doctor that you are cleared "
        "to exercise before you start, and again if anything changes. The plan keeps every set at a moderate "
        f"effort (at least {p.pregnancy_min_rir} reps short of failure: you can still talk), nothing heavy, no "
        "holding your breath (breathe out on the effort), no hops, jumps or landings, and nothing lying on your "
        f"back or front from {p.pregnancy_lying_from_week} weeks ({RULE}).",
        f"Stop the session and call your midwife or doctor if you have {STOP_SIGNS} ({RULE}).",
    ]
