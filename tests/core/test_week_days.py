"""The runs a plan is fitted around: the weekly template, dated runs and the race."""

from __future__ import annotations

import datetime as dt

from runstrong.core.model import RunType
from runstrong.core.phases import lay_out_weeks
from runstrong.core.week_days import runs_by_date
from runstrong.io.data_files import load_context
from tests.core.test_planner import MONDAY, race_on, runner

WEDNESDAY = MONDAY + dt.timedelta(days=2)


def _runs(**overrides):
    profile = runner(**overrides)
    frames = lay_out_weeks(profile, load_context().params)
    return frames, runs_by_date(profile, frames)


def test_dated_runs_replace_the_template_in_their_week_only():
    week3 = MONDAY + dt.timedelta(weeks=2)
    dated = [{"date": str(week3 + dt.timedelta(days=3)), "type": "tempo", "minutes": 45}]
    _, runs = _runs(running={"weekly": runner().running.model_dump()["weekly"], "dated": dated})
    in_week3 = {d: r for d, r in runs.items() if week3 <= d < week3 + dt.timedelta(days=7)}
    assert in_week3 == {week3 + dt.timedelta(days=3): ((RunType.tempo, 45),)}
    week2 = week3 - dt.timedelta(days=7)
    assert runs[week2 + dt.timedelta(days=1)] == ((RunType.intervals, 50),)  # the template's Tuesday
    assert runs[week2 + dt.timedelta(days=6)] == ((RunType.long, 90),)


def test_runs_cover_the_first_week_from_its_monday_to_a_week_past_the_end():
    frames, runs = _runs(start_date=WEDNESDAY)
    assert frames[0].start == MONDAY  # a mid-week start plans its week from Monday
    assert min(runs) == MONDAY + dt.timedelta(days=1)  # that Tuesday's intervals still shape Wednesday
    assert max(runs) > frames[-1].end  # placement looks a few days past the last week
    assert list(runs) == sorted(runs)


def test_the_race_replaces_whatever_run_the_template_puts_on_its_day():
    race = race_on(10, "10k", weekday=6)  # a Sunday, the template's long-run day
    _, runs = _runs(race=race)
    assert runs[race["date"]] == ((RunType.race, 0),)
