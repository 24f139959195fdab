"""The review's metrics under their former module name (kept for callers outside the review
package); they live in `core/review/metrics.py`, `measure.py` and `params.py`."""

from .review.measure import history_metrics, history_window_days, plan_week, week_metrics
from .review.metrics import CategoryWeek, DiaryWindow, LiftWeek, RunNote, RunSpike, WeekMetrics, WellnessItem
from .review.params import ReviewParams, review_params

__all__ = [
    "CategoryWeek",
    "DiaryWindow",
    "LiftWeek",
    "ReviewParams",
    "RunNote",
    "RunSpike",
    "WeekMetrics",
    "WellnessItem",
    "history_metrics",
    "history_window_days",
    "plan_week",
    "review_params",
    "week_metrics",
]
