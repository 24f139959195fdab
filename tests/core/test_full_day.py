"""The plan's lead, the posterior chain (S05, S31), takes a full day when the runner's own
days allow one, and the light-days warning names the runner's own days before it asks for
a new one (cr19a F14: a 70-year-old's posterior chain sat light the day before a key run
in 16 of 18 loading weeks while his free Saturday had no run, and the warning said "make
Monday a training day")."""

from __future__ import annotations

from pathlib import Path

from runstrong.core.model import Phase
from runstrong.core.plan_notes import LightTally, light_weeks_advice
from runstrong.core.planner import build_plan
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile

RUNNERS = Path(__file__).parent / "runners"
CTX = load_context()
P = CTX.params
LOADING = (Phase.foundation, Phase.build, Phase.race_specific)
HAROLD = RUNNERS / "masters_half_free_saturday.toml"  # long run Wed, tempo Fri; free Tue, Thu, Sat, Sun


def _light(session):
    return any(r.rule_id == "light-before-key-runs" for b in session.blocks for r in b.reasons)


def test_the_posterior_chain_takes_the_full_day_the_runners_own_weekend_allows():
    profile = load_profile(HAROLD)
    plan = build_plan(profile, CTX)
    posterior = [
        s
        for w in plan.weeks
        if w.phase in LOADING and not w.deload
        for s in w.sessions
        if s.focus.value == "posterior_chain"
    ]
    assert len(posterior) >= 18
    assert not any(_light(s) for s in posterior)
    assert {s.weekday.value for s in posterior} <= {"sat", "sun"}
    assert not any(w.startswith("Your posterior chain sessions") for w in plan.warnings)


def _advice(*week):
    tally = LightTally()
    for _ in range(18):
        tally.add(week)
    return " ".join(light_weeks_advice(load_profile(HAROLD), tally, P))


def test_the_light_days_warning_names_the_runners_own_clear_day_before_asking_for_a_new_one():
    """Two sessions, posterior chain Tue and core Thu: his own Saturday and Sunday are clear and free."""
    said = _advice(("posterior_chain", True, 1), ("core", True, 3))
    assert "Your Saturday or Sunday, already a training day with no key run that day or the next, would give" in said
    assert "Else, for full sessions, make Monday a training day" in said


def test_the_light_days_warning_names_the_runners_own_clear_days_another_session_holds():
    """The old week (posterior chain Tue, core Thu, single-leg Sun): his own clear days are taken."""
    said = _advice(("posterior_chain", True, 1), ("core", True, 3), ("single_leg_power", False, 6))
    assert "Sunday holds your single-leg power session and Saturday is the day before it" in said


def test_the_warning_says_why_the_runners_own_clear_days_do_not_serve():
    """The new week (posterior chain Sun, core Thu, single-leg Tue): Saturday is the day before Sunday's session."""
    profile = load_profile(HAROLD)
    plan = build_plan(profile, CTX)
    said = " ".join(w for w in plan.warnings if w.startswith("Your single-leg power sessions"))
    assert "Sunday holds your posterior chain session and Saturday is the day before it" in said
    assert "For full sessions, make Monday a training day" in said
