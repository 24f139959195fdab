"""A pain stand-in agrees with the area's graded-return ladder (pain-excludes-or-regresses):
a lift at or below the area's current rung is never the one "left out" or said to load the
area, a stand-in said to spare an area does not load it, and only the single-leg ladder's
rungs are said to be set by the single-leg squat screen. Over generated runners on ladders."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from runstrong.core.model import Adjustment, PainArea
from runstrong.core.pain_return import allowed_on_ladder, rungs_for_week
from runstrong.core.pick_reasons import single_leg_ladder
from runstrong.core.planner import InfeasibleWeekError, build_plan
from runstrong.core.vocab import AREA_NAME
from runstrong.io.data_files import load_context
from runstrong.io.profile_file import load_profile
from tests.conftest import examples

from .strategies import profiles_on_ladders

CTX = load_context()
LIBRARY = CTX.library
BY_NAME = {e.name: e for e in LIBRARY.query()}
SETTINGS = settings(max_examples=examples(0.3), deadline=None, suppress_health_check=[HealthCheck.too_slow])
CLAIM = re.compile(r"^(?P<ideal>.+?) (?:loads your|is left out for your) ")
SCREEN_RUNG = "Your single-leg squat rating sets this starting rung."


def _misfits(profile, plan) -> list[str]:
    out = []
    pain = frozenset(profile.pain_areas)
    ladder_ids = {e.id for e in single_leg_ladder(LIBRARY)}
    for w in plan.weeks:
        rungs = rungs_for_week(profile, w.start_date, CTX.ladders)
        allowed = allowed_on_ladder(rungs, CTX.ladders)
        for s in w.sessions:
            for b in s.blocks:
                chosen = LIBRARY.get(b.exercise_id)
                for r in b.reasons:
                    where = f"{s.date} {b.exercise_id}: {r.text}"
                    if r.text == SCREEN_RUNG and b.exercise_id not in ladder_ids:
                        out.append(f"{where} (not on the single-leg ladder)")
                    if r.rule_id != "pain-excludes-or-regresses" or not (m := CLAIM.match(r.text)):
                        continue
                    ideal = BY_NAME.get(m["ideal"])
                    if ideal is None:
                        continue
                    claim = r.text.split(";")[0]  # the areas the left-out lift is said to load
                    named = {a for a in pain if re.search(rf"\b{re.escape(AREA_NAME[a])}\b", claim)}
                    if named and all((a, ideal.id) in allowed for a in named):
                        out.append(f"{where} ({ideal.id} is at or below the rung: {rungs}, {b.role.value})")
                    if "spares it" in r.text and named & set(chosen.loads):
                        out.append(f"{where} ({chosen.id} loads it)")
    return out


@SETTINGS
@given(profile=profiles_on_ladders())
def test_a_stand_in_never_contradicts_the_ladder_and_its_words_fit(profile):
    try:
        plan = build_plan(profile, CTX)
    except InfeasibleWeekError:
        return
    assert _misfits(profile, plan) == []


def test_a_knee_on_its_split_squat_rung_is_never_told_its_step_up_loads_it():
    """Brian (coach read 20a): his knee climbed to rung 3 (split squats) in week 5. The step-up,
    his rung 2, was named "loads your knee" and a seated soleus raise took the single-leg slot
    "set by your single-leg squat rating". (A lower rung's lift in the other slot is left for
    later: the ladder's slot owns all its rungs' lifts, so a review that moves the rung down
    mid-block cannot put one lift in a session twice.)"""
    brian = load_profile(Path(__file__).parent / "runners" / "heavy_novice_knee_c25k_gym.toml")
    brian = brian.model_copy(
        update={"adjustments": [Adjustment(week_start=dt.date(2027, 2, 1), pain_rungs={PainArea.knee: 2})]}
    )
    plan = build_plan(brian, CTX)
    said = [r.text for s in plan.weeks[4].sessions for b in s.blocks for r in b.reasons]
    assert not any(t.startswith("Dumbbell step-up loads your knee") for t in said)
    assert _misfits(brian, plan) == []
