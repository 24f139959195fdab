"""The plan a profile file's runner trains from, when they are in the diary.

A review changes the stored plan (a cut, a hold, a regression) and keeps its changes in
the stored profile, not in the runner's file. Planning the file again would show a plan
that silently disagrees with the one `today`, the booklet and the web app show. So a file
that holds nothing the stored profile lacks (what `runstrong athlete add` would keep as it
is: the diary's adjustments, swaps, pain areas and logged sets aside) means the stored
plan; a file that differs is a new profile, whose plan differs from the stored one until it
is stored (`differing_weeks` says where).

Read only: nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from runstrong.core.diary import planned_work
from runstrong.core.model import AthleteProfile, Plan, Prescription, RecentSet
from runstrong.store import repo

from . import identity, lived
from .loads import follow_diary
from .profile import merge_owned


@dataclass(frozen=True)
class DiaryPlan:
    athlete: str  # the stored athlete's name
    version: int  # the stored plan's version
    plan: Plan  # the stored plan
    profile: AthleteProfile  # the stored profile (with what the diary owns)
    nothing_new: bool  # the file holds nothing the stored profile lacks: the stored plan is its plan

    @property
    def reviewed_weeks(self) -> list[int]:
        """The plan's week numbers a review changed (from the stored profile's adjustments)."""
        index = {w.start_date: w.index for w in self.plan.weeks}
        return sorted({index[a.week_start] for a in self.profile.adjustments if a.review_of and a.week_start in index})


def diary_plan(s: Session, profile: AthleteProfile) -> DiaryPlan | None:
    """The stored plan of the athlete `profile` names exactly, with whether the file holds
    anything new; None when they are not in the diary or have no plan yet."""
    athlete_id = identity.existing(s, profile.name)
    if athlete_id is None:
        return None
    stored, found = repo.latest_profile(s, athlete_id), repo.latest_plan(s, athlete_id)
    if stored is None or found is None:
        return None
    version, plan = found
    return DiaryPlan(stored.name, version, plan, stored, holds_nothing_new(profile, stored))


def holds_nothing_new(file: AthleteProfile, stored: AthleteProfile) -> bool:
    """Whether storing `file` again would keep the stored profile as it is: the file with
    what the diary owns (`profile.merge_owned`) equals the stored profile, its recent sets
    apart from those the diary's logged sets replaced (a dated set)."""
    try:
        merged, _ = merge_owned(file, stored)
    except Exception:
        return False
    if not _same_sets(merged.recent_sets, stored.recent_sets):
        return False
    return _comparable(merged) == _comparable(stored)


def _comparable(p: AthleteProfile) -> dict:
    data = p.model_dump(mode="json", exclude={"recent_sets", "logged_sets"})
    data["pain_areas"] = sorted(data["pain_areas"])
    data["exercise_swaps"] = sorted(data["exercise_swaps"], key=lambda x: (x["since"], x["from_id"]))
    return data


def _same_sets(file: dict[str, RecentSet], stored: dict[str, RecentSet]) -> bool:
    """The file's recent sets are the stored ones, where a logged (dated) set may stand for one."""
    for ex, mine in file.items():
        theirs = stored.get(ex)
        if theirs is None or (theirs != mine and theirs.date is None):
            return False
    return all(ex in file or v.date is not None for ex, v in stored.items())


def differing_weeks(stored: Plan, other: Plan, since: dt.date) -> list[int]:
    """The week numbers of `stored` from `since` on whose sessions `other` plans otherwise."""
    from runstrong.core.review.changes import plan_differences

    return [w.index for w in plan_differences(other, stored, since)]


def loads_as_today_shows(s: Session, athlete_id: int, plan: Plan, today: dt.date) -> Plan:
    """`plan` with each session not yet lived at the loads `runstrong today` would show on
    its day (each lift's load moved by its last logged sets, `flows.loads`); lived days as planned."""
    first = lived.first_unlived_day(s, athlete_id, today)
    days, _ = planned_work(plan)
    ahead = [x for x in days if x.date >= first]
    followed = iter(follow_diary(s, athlete_id, ahead, first))
    weeks = []
    for w in plan.weeks:
        sessions = []
        for x in w.sessions:
            if x.date < first:
                sessions.append(x)
                continue
            loads = [b.prescription.load_kg for b in next(followed).blocks]
            blocks = [_at_load(b, kg) for b, kg in zip(x.blocks, loads, strict=True)]
            sessions.append(x if blocks == x.blocks else x.model_copy(update={"blocks": blocks}))
        weeks.append(w if sessions == w.sessions else w.model_copy(update={"sessions": sessions}))
    return plan.model_copy(update={"weeks": weeks})


def _at_load(block, kg: float | None):  # type: ignore[no-untyped-def]
    if block.prescription.load_kg == kg:
        return block
    presc = Prescription.model_validate({**block.prescription.model_dump(), "load_kg": kg})
    return block.model_copy(update={"prescription": presc})
