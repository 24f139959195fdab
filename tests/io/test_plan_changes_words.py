"""The review's "what changes" for the weeks after the first: each lift named, and the same
change over several weeks said once (cr25a F16: "Week 5: 1 dose moves with the block this review
shifted; 2 exercise or session changes" every week, which a runner cannot act on)."""

from __future__ import annotations

import datetime as dt

from runstrong.core.model import Intensity, Prescription, Role
from runstrong.core.review.changes import ChangeKind, PlanChange, WeekChanges
from runstrong.io.plan_changes import describe_changes, week_summary

MON = dt.date(2027, 2, 1)


def _week(index: int, *changes: tuple[ChangeKind, str]) -> WeekChanges:
    start = MON + dt.timedelta(weeks=index - 5)
    dose = Prescription(sets=3, reps=8, intensity=Intensity(kind="rir", value=3), rest_seconds=90)
    return WeekChanges(
        start_date=start,
        index=index,
        changes=[
            PlanChange(date=start, kind=kind, week=index, exercise=name, role=Role.primary,
                       before=dose if kind == ChangeKind.dose else None,
                       after=dose.model_copy(update={"reps": 9}) if kind == ChangeKind.dose else None)
            for kind, name in changes
        ],
    )  # fmt: skip


SWAP = ((ChangeKind.exercise_out, "Isometric split-squat hold"), (ChangeKind.exercise_in, "Dumbbell step-up"))


def test_a_later_weeks_summary_names_its_lifts():
    w = _week(5, (ChangeKind.dose, "Romanian deadlift"), (ChangeKind.dose, "Step-up"), *SWAP)
    assert week_summary(w) == (
        "Week 5: Romanian deadlift and Step-up follow the block this review shifted; "
        "Isometric split-squat hold out, Dumbbell step-up in."
    )


def test_the_same_change_over_weeks_in_a_row_is_said_once_with_the_weeks():
    first = _week(4, (ChangeKind.dose, "Romanian deadlift"))
    lines = describe_changes([first, _week(5, *SWAP), _week(6, *SWAP), _week(7, *SWAP), _week(9, *SWAP)])
    later = [c.text for c in lines if c.date >= MON]
    assert later == [
        "Weeks 5-7: Isometric split-squat hold out, Dumbbell step-up in.",
        "Week 9: Isometric split-squat hold out, Dumbbell step-up in.",
    ]


def test_a_dose_change_says_what_set_its_load_without_saying_load_twice():
    """cr26a F14: "Load: Load from your last logged set ..." on every review."""
    from runstrong.core.load_words import HARD_ONCE
    from runstrong.io.plan_changes import change_text

    dose = Prescription(sets=3, reps=8, intensity=Intensity(kind="rir", value=3), rest_seconds=90, load_kg=40)
    for why in ("Load from your last logged set: easier than planned moves it up, harder down.", HARD_ONCE):
        c = PlanChange(date=MON, kind=ChangeKind.dose, week=5, exercise="Romanian deadlift", role=Role.primary,
                       before=dose, after=dose.model_copy(update={"load_kg": 42.5}), load_why=why)  # fmt: skip
        text = change_text(c, why_load=True)
        assert text.endswith(f"kg, RIR 3. {why}") and "Load: Load" not in text
