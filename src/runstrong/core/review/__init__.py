"""The weekly review: from a week of diary to next week's decisions, each with the signals
behind it and its rule ids, and the plan change that carries them out.

    values   what a review says (Review, ReviewDecision, Signal, Flag, RealLife)
    metrics  the week's numbers (DiaryWindow in, WeekMetrics out)
    measure  computing them from the diary window and the plan
    params   the review's numbers, from the registry
    state    what steps read (ReviewInput) and hand along (Verdict)
    steps    reading steps: pain, categories, sleep and appetite, form, warning signs, consistency
    decide   deciding steps: verdict, recovery, order of decisions, real life, third session
    week     the steps in their order, and review_week
    apply    the review carried into a new plan version, its promises checked
    changes  what differs between two plan versions, as values (io/plan_changes words them)

Pure: the diary, the plan and the profile come in as values; nothing is written here.
"""

from .apply import apply_review, without_review
from .changes import Change, ChangeKind, PlanChange, WeekChanges, plan_differences
from .values import REVIEW_SCHEMA_VERSION, Action, Flag, RealLife, Review, ReviewDecision, Signal
from .week import STEPS, review_week

__all__ = [
    "REVIEW_SCHEMA_VERSION",
    "STEPS",
    "Action",
    "Change",
    "ChangeKind",
    "Flag",
    "PlanChange",
    "RealLife",
    "Review",
    "ReviewDecision",
    "Signal",
    "WeekChanges",
    "apply_review",
    "plan_differences",
    "review_week",
    "without_review",
]
