"""Pain logged at the site of a bone stress injury (cr26a F3): the review answers it with a stop and
the clinician, holding the work that loads it, never with the pain-monitoring zone nor a ladder
(bone-stress-return: Warden, Davis & Fredericson 2014; Hoenig et al. 2022)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from runstrong.core.diary import PainReport
from runstrong.core.model import PainArea
from runstrong.io.profile_file import load_profile

from .helpers import LIBRARY, REGISTRY, plan_of
from .scenarios import CALM, DAY, done_as_planned, reviewed_and_applied, week_end

INES = load_profile(Path(__file__).parents[1] / "core/runners/ines_tibial_bone_stress_cleared_8_weeks.toml")


def test_shin_pain_logged_after_a_tibial_bone_stress_injury_is_a_stop_and_a_clinician_not_a_zone():
    plan = plan_of(INES)
    week = plan.weeks[4]
    diary = done_as_planned(plan, week_end(week), wellness=CALM)
    shin = PainReport(date=week.start_date + DAY, area=PainArea.shin, score=2, when="during", side="left")
    diary = dataclasses.replace(diary, pains=tuple(sorted([*diary.pains, shin], key=lambda p: p.date)))
    review, profile, new_plan = reviewed_and_applied(plan, INES, diary, week, LIBRARY, REGISTRY)
    said = [d for d in review.decisions if d.scope == "shin"]
    assert len(said) == 1 and said[0].action == "hold", said
    assert "a stop sign, not a zone to load through" in said[0].text and "see your clinician" in said[0].text
    assert any(f.rule_id == "bone-stress-return" for f in review.flags)
    texts = [d.text for d in review.decisions] + [g.text for g in review.guidance]
    assert not any("shin" in t.lower() and "acceptable" in t for t in texts), texts
    assert PainArea.shin not in profile.pain_areas  # onto no ladder: the profile keeps the site off them
    assert new_plan is not None
