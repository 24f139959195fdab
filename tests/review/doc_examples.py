"""The reviews shown in docs/review.md, one per signal type, made from scenario diaries by
the code itself, so the page shows what the terminal prints today.

    .venv/bin/python -m tests.review.doc_examples     # rewrite the section in docs/review.md

`tests/review/test_review_doc.py` regenerates the section and fails when the page differs,
and checks that every signal type the review knows (`signals.SIGNAL_KINDS`) is shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console

from runstrong.core.diary import PainReport, RunLog
from runstrong.core.model import AthleteProfile, Category, EquipmentSet, PainArea, Plan, Week
from runstrong.core.review import RealLife, Review, apply_review, plan_differences, review_week
from runstrong.core.review_metrics import DiaryWindow
from runstrong.io.plan_changes import describe_changes
from runstrong.io.review_text import render_review

from .helpers import CTX, MAYA, NOVICE, plan_of, week_before_third_session
from .scenarios import (
    CALM,
    DAY,
    Knobs,
    done_as_planned,
    noisy_week,
    week_end,
    with_calm_weeks,
    with_runs,
    with_wellness,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "review.md"
START, END = "## One review per signal type", "## What it measures"
WIDTH = 100  # the terminal's columns
CHANGES_SHOWN = 6  # plan changes kept in each panel
WEEK_INDEX = 5  # Maya's week 6, in her build phase
KNEE_RUNNER = MAYA.model_copy(update={"pain_areas": [PainArea.knee]})
KNEE_WEEK_3 = dt.date(2027, 1, 18)  # her plan's third week (Mon 18 Jan), on the knee's isometric holds
KNEE_TWO_CALM = with_calm_weeks(KNEE_RUNNER, KNEE_WEEK_3, PainArea.knee, rung=0, calm=2)  # two calm weeks done
Diary = Callable[[Plan, Week], DiaryWindow]


@dataclass(frozen=True)
class Example:
    title: str
    kinds: tuple[str, ...]  # the signal types this review shows
    diary: Diary
    profile: AthleteProfile = MAYA
    week: Callable[[Plan], Week] = lambda plan: plan.weeks[WEEK_INDEX]
    real_life: RealLife | None = None


def knobs(**k: object) -> Diary:
    return lambda plan, week: noisy_week(plan, week, Knobs(**k), seed=1)  # type: ignore[arg-type]


def _split_squat(week: Week) -> str:
    ids = sorted(b.exercise_id for s in week.sessions for b in s.blocks if b.category == Category.single_leg_power)
    return next((x for x in ids if "split_squat" in x), ids[0])


def knee_pain(*reports: tuple[int, int, str, str]) -> Diary:
    """Calm weeks, and these knee reports: (day of the week, score, when, side), provoked by
    the week's split squat."""

    def make(plan: Plan, week: Week) -> DiaryWindow:
        diary = done_as_planned(plan, week_end(week), wellness=CALM)
        lift = _split_squat(week)
        pains = [
            PainReport(date=week.start_date + day * DAY, area=PainArea.knee, score=score, when=when, side=side,  # type: ignore[arg-type]
                       provoked_by=lift if when != "next_morning" else None)
            for day, score, when, side in reports
        ]  # fmt: skip
        return dataclasses.replace(diary, pains=tuple(sorted([*diary.pains, *pains], key=lambda p: p.date)))

    return make


def new_shin(plan: Plan, week: Week) -> DiaryWindow:
    """Calm weeks, and a first right-shin report after Sunday's long run."""
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    shin = PainReport(date=week_end(week), area=PainArea.shin, score=3, side="right", when="after", provoked_by="long")
    return dataclasses.replace(diary, pains=(*diary.pains, shin))


def heavy_legs(plan: Plan, week: Week) -> DiaryWindow:
    diary = noisy_week(plan, week, Knobs(), seed=1)
    runs = [RunLog(date=week.start_date + d * DAY, type="easy", minutes=40, tightness=6, leg_feel=2) for d in (1, 3)]
    return with_runs(diary, runs)


def short_sleep_low_appetite(plan: Plan, week: Week) -> DiaryWindow:
    diary = noisy_week(plan, week, Knobs(), seed=1)
    return with_wellness(diary, [week.start_date + d * DAY for d in range(7)], sleep_hours=5.5, appetite=2)


def missed_two_weeks(plan: Plan, week: Week) -> DiaryWindow:
    skip = [s.date for w in (plan.weeks[week.index - 2], week) for s in w.sessions]
    return done_as_planned(plan, week_end(week), skip=skip, wellness=CALM)


EXAMPLES = (
    Example("Soreness and wellness under your baseline: a deload", ("soreness", "wellness"),
            knobs(sore_days=4, sore_from=1, wellness_low=True)),
    Example("Soreness alone: leg work cut, recovery work added", ("soreness",), knobs(sore_days=3, sore_from=1)),
    Example("Heavy legs in runs: leg work cut", ("running",), heavy_legs),
    Example("Short sleep and low appetite: nothing progresses", ("sleep", "appetite"), short_sleep_low_appetite),
    Example("Left knee pain above the acceptable zone: down one rung, single-leg work cut", ("pain",),
            knee_pain((1, 5, "during", "left"), (2, 4, "next_morning", "left"), (1, 1, "during", "right"))),
    Example("Knee pain in the acceptable zone and settled, a first calm week: the rung holds, its dose grows",
            ("pain",), knee_pain((1, 3, "during", "right"), (2, 1, "next_morning", "right")), profile=KNEE_RUNNER,
            week=lambda plan: plan.weeks[2]),
    Example("Knee pain in the acceptable zone and settled, the rung's third calm week: up one rung", ("pain",),
            knee_pain((1, 3, "during", "right"), (2, 1, "next_morning", "right")), profile=KNEE_TWO_CALM,
            week=lambda plan: plan.weeks[2]),
    Example("Severe knee pain: off the ladder, see a clinician", ("pain",), knee_pain((1, 7, "during", "left"))),
    Example("Knee pain on the Monday morning after Sunday's long run: the week it follows holds", ("pain",),
            knee_pain((1, 2, "during", "right"), (7, 4, "next_morning", "right")), profile=KNEE_RUNNER,
            week=lambda plan: plan.weeks[2]),
    Example("A new pain area: noted, with what to watch and when to see a clinician", ("pain",), new_shin),
    Example("Two weeks mostly missed: the dose repeats", ("sessions",), missed_two_weeks),
    Example("Effort above target: hold", ("effort",), knobs(effort_over=2.5)),
    Example("A lift whose form broke down: an easier variant", ("form",), knobs(broken_lift=True)),
    Example("Fewer sets than planned: hold", ("sets",), knobs(done_share=0.6)),
    Example("Everything as planned: progress", ("sets", "effort", "form"), knobs()),
    Example("Back from illness: a gentle deload", ("illness",), knobs(), real_life=RealLife(ill=True)),
    Example("Travelling with bands", ("travel",), knobs(),
            real_life=RealLife(travel_start=dt.date(2027, 2, 15), travel_end=dt.date(2027, 2, 21),
                               travel_equipment=[EquipmentSet.bands])),
    Example("The race moved", ("race",), knobs(), real_life=RealLife(race_date=dt.date(2027, 5, 16))),
    Example("Consistent weeks: the third session starts", ("consistency",),
            lambda plan, week: done_as_planned(plan, week_end(week), wellness=CALM),
            profile=NOVICE, week=week_before_third_session),
)  # fmt: skip


def reviewed(example: Example) -> tuple[Review, list]:
    """The example's review and the plan changes it makes (`--dry-run`)."""
    plan = plan_of(example.profile)
    assert plan is not None
    week = example.week(plan)
    diary = example.diary(plan, week)
    review = review_week(plan, example.profile, diary, week.start_date, real_life=example.real_life, ctx=CTX)
    _, new_plan = apply_review(plan, example.profile, review, ctx=CTX)
    return review, describe_changes(plan_differences(plan, new_plan, review.next_week_start), example.profile.units)


def panel(review: Review, changes: list) -> str:
    """The review as the terminal prints it, its numbers left out (`…`)."""
    out = Console(width=WIDTH, record=True, file=io.StringIO(), color_system=None)
    out.print(render_review(review, changes[:CHANGES_SHOWN]))
    lines = out.export_text().rstrip("\n").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("│ Decisions for"))
    return "\n".join([lines[0], "│ …", *lines[start:]])


def section() -> str:
    """The whole "One review per signal type" section of docs/review.md."""
    parts = [
        START,
        "",
        "Generated by the code (`python -m tests.review.doc_examples`; a test checks the page",
        "still matches): each panel is `runstrong review --dry-run` on a diary from the test",
        "suite's scenarios (`tests/review/scenarios.py`), mostly Maya's marathon plan. The week's",
        f"numbers are left out (`…`), as are all but the first {CHANGES_SHOWN} plan changes.",
        "",
    ]
    for ex in EXAMPLES:
        review, changes = reviewed(ex)
        parts += [f"#### {ex.title}", "", f"Signals: {', '.join(ex.kinds)}.", "", "```text", panel(review, changes),
                  "```", ""]  # fmt: skip
    return "\n".join(parts) + "\n"


def replaced(doc: str, new: str) -> str:
    head, _, rest = doc.partition(START)
    _, _, tail = rest.partition(END)
    return head + new + END + tail


if __name__ == "__main__":
    DOC.write_text(replaced(DOC.read_text("utf-8"), section()), "utf-8")
    sys.stdout.write(f"{DOC}: {len(EXAMPLES)} reviews written\n")
