"""What an activity import says beyond what it read: runs from long before the plan.

Decided here, once, for every way a file comes in (`runstrong run import`, `import-archive`
and the web's upload): a watch's old files go in as the diary's history, and the runner
should know they did (no review reads them).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from runstrong.io.activities import ImportReport
from runstrong.store import repo

YEAR_DAYS = 365  # runs older than this before the plan's start are named after an import


def plan_start(s: Session, athlete_id: int) -> dt.date | None:
    """The start of the runner's latest plan, which an import's runs are dated against."""
    plan = repo.latest_plan(s, athlete_id)
    return plan[1].start_date if plan else None


def mark_before_the_plan(report: ImportReport, start: dt.date | None) -> None:
    """Set the report's `before_plan`: a sentence naming the runs from more than a year before
    the plan starts, or "" (none, or no plan)."""
    report.before_plan = before_the_plan(report, start)


def before_the_plan(report: ImportReport, start: dt.date | None) -> str:
    """The sentence for runs from more than a year before the plan starts ("" when none)."""
    if start is None:
        return ""
    old = sorted(r.date for r in report.runs if r.date < start - dt.timedelta(days=YEAR_DAYS))
    if not old:
        return ""
    many = f"{len(old)} runs" if len(old) > 1 else "1 run"
    span = f"{old[0]:%d %b %Y}" + (f" to {old[-1]:%d %b %Y}" if len(old) > 1 else "")
    return (
        f"{many} from more than a year before your plan starts ({start:%d %b %Y}): {span}. "
        "Kept as history; no review reads them."
    )
