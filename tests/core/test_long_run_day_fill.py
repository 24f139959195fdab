"""A session that shares the day with a long run is there because no better day was free:
it keeps its dose and is not topped up toward its share of the time cap (session-time-cap,
pair-with-easy-day). Sam (free on Saturday, Sunday and Monday only) had his Saturday session,
after a 90-minute long run, grown to 4 x 10/side single-leg RDLs at RIR 2 (cr21a W6)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given

from runstrong.core.compose import LONG_RUN_DAY
from runstrong.core.model import RunType
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

from .strategies import profiles
from .test_plan_safety import SAME_RUNNERS, plan_or_none

SAM = Path(__file__).parent / "runners" / "sat_sun_mon_only.toml"
TOPPED_UP = "more set(s) on the main lifts"


def long_run_day_sessions(plan):
    for w in plan.weeks:
        long_days = {r.date for r in w.runs if r.type == RunType.long}
        yield from (s for s in w.sessions if s.date in long_days)


def test_sams_session_after_his_long_run_keeps_its_dose():
    plan = build_plan(load_profile(SAM), load_context())
    beside = list(long_run_day_sessions(plan))
    assert beside, "Sam's posterior chain shares Saturday with his long run"
    for s in beside:
        said = [r.text for r in s.reasons]
        assert not any(TOPPED_UP in t for t in said), (s.date, said)
    assert any(LONG_RUN_DAY in r.text for s in beside for r in s.reasons)


@SAME_RUNNERS
@given(profile=profiles())
def test_no_session_on_a_long_runs_day_is_topped_up_toward_the_cap(profile):
    plan = plan_or_none(profile)
    if plan is None:
        return
    for s in long_run_day_sessions(plan):
        assert not any(TOPPED_UP in r.text for r in s.reasons), s.date
