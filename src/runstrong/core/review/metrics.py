"""The numbers a weekly review looks at, computed from the diary and the plan.

Completion (planned against done), volume per category, session-RPE load for strength
and runs on one scale (Foster 2001) with monotony and strain (Foster 1998), wellness
against the runner's own rolling baseline (Saw 2016), form per lift, pain, single-run
spikes (Frandsen 2025), and the acute:chronic ratio as context only.

Pure: the diary comes in as values (`DiaryWindow`), the week as a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import Field

from ..base import Frozen
from ..diary import PainReport, RunLog, SessionLog, Wellness
from ..model import Category
from ..pain_days import pain_day

DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class DiaryWindow:
    """What the review reads: the diary entries of a window of dates, in date order."""

    sessions: tuple[SessionLog, ...] = ()
    runs: tuple[RunLog, ...] = ()
    wellness: tuple[Wellness, ...] = ()
    pains: tuple[PainReport, ...] = ()  # every pain report, with those logged in sessions

    def between(self, start: dt.date, end: dt.date) -> DiaryWindow:
        """Entries with start <= date <= end; a pain report by the day it is about (`pain_day`:
        a next-morning report dated the Monday after belongs to the week it follows)."""
        return DiaryWindow(
            sessions=tuple(x for x in self.sessions if start <= x.date <= end),
            runs=tuple(x for x in self.runs if start <= x.date <= end),
            wellness=tuple(x for x in self.wellness if start <= x.date <= end),
            pains=tuple(x for x in self.pains if start <= pain_day(x) <= end),
        )


# ------------------------------------------------------------------------ the values


class CategoryWeek(Frozen):
    category: Category
    planned_sets: int
    done_sets: int
    done_pct: float | None = Field(description="Done sets as a % of planned sets; None when none were planned.")
    reps: int
    seconds: int
    contacts: int
    tonnage_kg: float = Field(description="Sum of load x reps over loaded sets.")
    mean_rpe: float | None = Field(description="Mean logged set effort as RPE (RIR r counts as RPE 10 - r).")
    target_rpe: float | None = Field(
        description="The planned effort as RPE: the doses' own, unloaded work's at effort-read-near-failure's mark."
    )
    loaded_target: bool = Field(False, description="A loaded lift's dose is part of the target (a load to move).")
    mean_form: float | None = Field(description="Mean form quality, 1-5.")
    previous_form: float | None = Field(description="Last week's mean form quality.")
    effort_sets: int = Field(0, description="Sets logged with an effort (RPE or RIR), whatever their kind.")
    near_failure_sets: int = Field(
        0, description="Of those, the sets at review-hold's near-failure mark or harder (RIR 1 or less, RPE 9 or more)."
    )


class LiftWeek(Frozen):
    """One exercise's week: its best set, for progress charts and form trends."""

    exercise_id: str
    name: str
    category: Category
    sets: int
    measure: str
    best: float = Field(
        description="Estimated 1RM in kg (e1rm-formula: reps in reserve count as done) for loaded reps; "
        "else best reps, seconds or contacts."
    )
    unit: str
    mean_form: float | None
    broken_form_sets: int = Field(description="Sets at or below the review's broken-form quality.")
    form_sets: int = Field(description="Sets with a form rating.")


class WellnessItem(Frozen):
    item: str
    week_mean: float | None
    baseline_mean: float | None
    baseline_sd: float | None
    week_days: int
    baseline_days: int
    below_baseline: bool = Field(description="Lower (worse) than the runner's own baseline by the rule's margin.")
    baseline_short: bool = Field(
        False,
        description="The baseline has fewer check-in days than wellness-baseline needs to judge the week against it.",
    )


class RunNote(Frozen):
    date: dt.date
    type: str
    minutes: float
    leg_feel: int | None
    tightness: int | None
    form_note: str | None


class RunSpike(Frozen):
    date: dt.date
    minutes: float
    longest_before: float = Field(description="Longest run of the window before it, minutes.")
    pct_longer: float
    longest_unspiked: float = Field(
        0.0, description="Longest run of the window before it that was no spike itself, minutes: the cap's base."
    )


class SessionEffort(Frozen):
    """The week's strength sessions' own RPE (Foster's CR-10) and sets, against the days before."""

    rpe: float
    rpe_before: float
    sets: float = Field(description="Sets done a session, this week.")
    sets_before: float = Field(description="Sets done a session, in the days before.")


class WeekMetrics(Frozen):
    week_start: dt.date
    week_index: int | None
    phase: str | None
    deload: bool
    planned_sessions: int
    done_sessions: int
    completion_pct: float | None
    categories: list[CategoryWeek]
    lifts: list[LiftWeek]
    strength_load: float = Field(description="Sum of session RPE x minutes over strength sessions (AU).")
    run_load: float = Field(description="Sum of run RPE x minutes (AU).")
    run_load_estimated_runs: int = Field(description="Runs with no RPE, given their type's typical RPE.")
    sessions_minutes_from_plan: int = Field(
        0, description="Strength sessions logged without minutes, counted at the plan's minutes for them."
    )
    load: float
    daily_load: list[float] = Field(description="Monday to Sunday.")
    monotony: float | None
    strain: float | None
    load_change_pct: float | None = Field(description="Change of total load against the week before.")
    acwr: float | None = Field(description="This week's load over the mean of the previous weeks' (context only).")
    run_minutes: float
    run_km: float
    runs: int
    wellness: list[WellnessItem]
    sore_streak: int = Field(description="Longest run of days with soreness at or below the rule's mark.")
    sore_days: int = Field(0, description="Days of the week with soreness at or below the rule's mark.")
    checkin_days: int = Field(0, description="Days of the week with a check-in.")
    sleep_days: int = Field(0, description="Days of the week with sleep hours logged.")
    appetite_days: int = Field(0, description="Days of the week with appetite logged.")
    session_effort: SessionEffort | None = Field(None, description="Session RPE this week against the weeks before.")
    targets_from: dt.date | None = Field(
        None, description="Monday of the loading week whose targets effort is judged against, when not this week."
    )
    held_from: dt.date | None = Field(
        None, description="Monday of the last week done, whose dose a hold repeats, when this week had nothing done."
    )
    sleep_hours: float | None
    appetite: float | None
    heavy_legged_runs: list[RunNote] = Field(description="Runs logged with tightness, heavy legs or a form note.")
    spikes: list[RunSpike]
    pains: list[PainReport]
