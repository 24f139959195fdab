"""Runs from long before the plan, decided by the import flow for the CLI and the web alike
(issue 15: `cli/runs` decided it, so the web's upload did not say it)."""

from __future__ import annotations

import datetime as dt

from runstrong.core.diary import RunLog
from runstrong.core.model import RunType
from runstrong.flows.imports import YEAR_DAYS, mark_before_the_plan
from runstrong.io.activities import ImportReport

START = dt.date(2027, 2, 1)


def report_of(*days: dt.date) -> ImportReport:
    return ImportReport(files=len(days), runs=[RunLog(date=d, type=RunType.easy, minutes=40) for d in days])


def test_runs_more_than_a_year_before_the_plan_are_named_on_the_report():
    year_before = START - dt.timedelta(days=YEAR_DAYS)
    report = report_of(dt.date(2015, 8, 15), dt.date(2016, 1, 3), year_before, START)
    mark_before_the_plan(report, START)
    assert report.before_plan.startswith("2 runs from more than a year before your plan starts (01 Feb 2027)")
    assert "15 Aug 2015 to 03 Jan 2016" in report.before_plan


def test_nothing_is_said_without_old_runs_or_without_a_plan():
    recent = report_of(START - dt.timedelta(days=3))
    mark_before_the_plan(recent, START)
    assert recent.before_plan == ""
    old = report_of(dt.date(2015, 8, 15))
    mark_before_the_plan(old, None)
    assert old.before_plan == ""
