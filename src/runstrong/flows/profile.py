"""Storing a runner's profile and its plan: a profile file added again, a change from the
web form, a swap or a screen all end here.

What the diary owns carries over from the stored profile to the new one: the review's
adjustments, the exercise swaps and the pain areas. A pain area the stored profile has
and the new one lacks is kept unless the caller says to drop it (`drop_pain`), so a knee a
review protected is never dropped by re-adding an old file. The weeks already lived stay
as they were planned (see `lived`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from runstrong.core.health import birth_in_future
from runstrong.core.model import AthleteProfile, Plan
from runstrong.errors import RunstrongError, UserError
from runstrong.store import changes, repo
from runstrong.store.db import Store
from runstrong.store.logged_loads import with_logged_sets

from . import base, identity, lived


@dataclass(frozen=True)
class ProfileStored:
    stored: repo.StoredPlan
    kept_pain: list[str]  # pain areas kept from the diary that the new profile left out
    broken: list[str]  # the least-bad plan's broken rules and warnings (empty unless least_bad)
    version: int  # the diary version after the change


def merge_owned(
    new: AthleteProfile, old: AthleteProfile, drop_pain: Iterable[str] = ()
) -> tuple[AthleteProfile, list[str]]:
    """`new` with what the diary owns from `old`: adjustments (of weeks `new` does not
    adjust), swaps (not already in `new`) and pain areas (unless dropped). Also the pain
    areas kept."""
    from runstrong.core.bone_stress import site_areas
    from runstrong.core.model import PainArea

    dropped = set(drop_pain)
    unknown = sorted(dropped - set(PainArea._value2member_map_))
    if unknown:
        areas = ", ".join(a.value for a in PainArea)
        raise base.Refused("drop_pain", f"{unknown[0]!r} is not a pain area; areas: {areas}")
    weeks = {a.week_start for a in new.adjustments}
    swaps = {(x.from_id, x.since) for x in new.exercise_swaps}
    site = set(site_areas(new))  # a bone stress injury's site is never a painful area (bone-stress-return)
    kept = [a for a in old.pain_areas if a not in new.pain_areas and a.value not in dropped and a not in site]
    merged = new.model_copy(
        update={
            "adjustments": sorted(
                [*new.adjustments, *(a for a in old.adjustments if a.week_start not in weeks)],
                key=lambda a: a.week_start,
            ),
            "exercise_swaps": [
                *new.exercise_swaps,
                *(x for x in old.exercise_swaps if (x.from_id, x.since) not in swaps),
            ],
            "pain_areas": [*new.pain_areas, *kept],
        }
    )
    return merged, [a.value for a in kept]


def planned(build: Callable[[bool], Plan], least_bad: bool) -> tuple[Plan, list[str]]:
    """The plan, refused as `runstrong plan` refuses it; with `least_bad`, the least-bad
    plan and every rule it breaks."""
    try:
        return build(False), []
    except (UserError, RunstrongError) as err:
        if not least_bad:
            raise UserError(
                f"profile: no plan keeps every rule for this profile ({err}); change the profile, or pass "
                "--least-bad to store the least-bad plan and see every rule it breaks"
            ) from None
    plan = build(True)
    return plan, list(plan.warnings)


def store_profile(
    store: Store,
    profile: AthleteProfile,
    clock: base.Clock,
    *,
    least_bad: bool = False,
    drop_pain: Iterable[str] = (),
    expected_version: int | None = None,
) -> ProfileStored:
    """Store `profile` (from a file): a new athlete, or a new version for the athlete of
    exactly that name, with what the diary owns carried over."""
    with store.write() as s:
        return store_profile_in(s, profile, clock, least_bad=least_bad, drop_pain=drop_pain,
                                expected_version=expected_version)  # fmt: skip


def store_profile_in(
    s: Session,
    profile: AthleteProfile,
    clock: base.Clock,
    *,
    least_bad: bool = False,
    drop_pain: Iterable[str] = (),
    expected_version: int | None = None,
) -> ProfileStored:
    """`store_profile` inside the caller's write transaction."""
    plausible_loads(profile)
    from runstrong.core.planner import build_plan, replan
    from runstrong.io.data_files import load_context

    athlete_id = identity.existing(s, profile.name)
    old = _stored(s, athlete_id) if athlete_id is not None else None
    kept: list[str] = []
    if old is None:
        plan, broken = planned(lambda lb: build_plan(profile, load_context(), least_bad=lb), least_bad)
    else:
        profile, kept = merge_owned(profile, old[0], drop_pain)
        first = lived.first_unlived_day(s, athlete_id, clock.today)  # type: ignore[arg-type]
        logged = with_logged_sets(s, athlete_id, profile, first, load_context().params)  # type: ignore[arg-type]
        plan, broken = planned(
            lambda lb: replan(old[1], logged, lived.replan_from(first), load_context(), least_bad=lb), least_bad
        )
    if athlete_id is None:
        athlete_id = repo.add_athlete(s, profile.name, profile.units, clock.now)
    tx = base.begin(s, repo.athlete_info(s, athlete_id), clock, expected_version)
    stored = write_plan(tx, profile, plan, "profile", f"stored the profile of {profile.name}")
    return ProfileStored(stored, kept, broken, tx.version)


def plausible_loads(profile: AthleteProfile, before: AthleteProfile | None = None) -> None:
    """Refuse a known load or recent set far beyond what body mass, sex and level make plausible
    (load-plausible), on every path a profile is stored by: the web form, the API, a file. A change
    that leaves the loads the diary holds as they were is not refused for them (a form that edits
    the session cap cannot confirm a load stored before the check)."""
    if not profile.known_loads_kg and not profile.recent_sets:
        return
    if before is not None and (before.known_loads_kg, before.recent_sets) == (
        profile.known_loads_kg,
        profile.recent_sets,
    ):
        return
    from runstrong.core.load_plausible import first_implausible
    from runstrong.io.data_files import load_context

    ctx = load_context()
    if (problem := first_implausible(profile, ctx.library, ctx.params)) is not None:
        field, _, message = problem.partition(": ")
        raise base.Refused(field, message)


def write_plan(tx: base.Tx, profile: AthleteProfile, plan: Plan, kind: str, summary: str) -> repo.StoredPlan:
    """Store a profile and plan version in an open change, and record it."""
    tx.watch(changes.plan_scopes(tx.athlete.id))
    stored = repo.store_plan(tx.s, profile, plan, tx.clock.now)
    if stored.new_plan or stored.new_athlete:
        summary = f"{summary}: plan v{stored.plan_version} (profile v{stored.profile_version})"
    tx.record(kind, summary)
    return stored


def _stored(s: Session, athlete_id: int) -> tuple[AthleteProfile, Plan] | None:
    profile, found = repo.latest_profile(s, athlete_id), repo.latest_plan(s, athlete_id)
    return (profile, found[1]) if profile is not None and found is not None else None


def current(tx: base.Tx) -> tuple[AthleteProfile, Plan]:
    """The athlete's stored profile and plan, or a UserError saying how to store one."""
    found = _stored(tx.s, tx.athlete.id)
    if found is None:
        raise UserError("profile: no profile is stored yet; store one with `runstrong athlete add PROFILE`")
    return found


def replan_ahead(tx: base.Tx, plan: Plan, profile: AthleteProfile, *, this_week: bool = False) -> Plan:
    """The plan again for a changed profile, least bad as the web's forms always have: from
    the first Monday not lived, or (`this_week`, for changes that move no day, such as a
    swap) from the first day not lived, the lived days of this week kept as planned."""
    from runstrong.core.planner import replan
    from runstrong.io.data_files import load_context

    first = lived.first_unlived_day(tx.s, tx.athlete.id, tx.clock.today)
    profile = with_logged_sets(tx.s, tx.athlete.id, profile, first, load_context().params)  # loads follow the log
    if not this_week:
        return replan(plan, profile, lived.replan_from(first), load_context(), least_bad=True)
    monday = first - dt.timedelta(days=first.weekday())
    return lived.keep_lived_days(plan, replan(plan, profile, monday, load_context(), least_bad=True), first)


def _unticked_areas_dropped(data: dict) -> dict:
    """An area no longer painful takes its score and side with it (the web form's unticked
    box), rather than refusing the edit for a score of an area the runner no longer lists."""
    areas = set(data.get("pain_areas") or ())
    for key in ("pain_scores", "pain_sides"):
        if data.get(key):
            data[key] = {a: v for a, v in data[key].items() if a in areas}
    return data


def _with_goal_races(profile: AthleteProfile, changes_: dict) -> dict:
    """A `goal_races` change (the profile page's, read as `init --goal-race` reads it) written
    into the dated running week in place of the profile's goal races (core/goal_entry)."""
    if "goal_races" not in changes_:
        return changes_
    from runstrong.io.goal_race_answers import running_with_goal_races

    rest = {k: v for k, v in changes_.items() if k != "goal_races"}
    return {**rest, "running": running_with_goal_races(rest.get("running", profile.running), changes_["goal_races"])}


def update_profile(
    store: Store, athlete: str | None, changes_: dict, clock: base.Clock, *, expected_version: int | None = None
) -> ProfileStored:
    """A new profile version with `changes_` (fields of AthleteProfile) and its plan."""
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        profile, plan = current(tx)
        changes_ = _with_goal_races(profile, changes_)
        changed = AthleteProfile.model_validate(
            _unticked_areas_dropped({**profile.model_dump(mode="json"), **changes_})
        )
        if (future := birth_in_future(changed, tx.clock.today)) is not None:
            field, _, message = future.partition(": ")
            raise base.Refused(field, message)
        plausible_loads(changed, before=profile)
        stored = write_plan(tx, changed, replan_ahead(tx, plan, changed), "profile", "changed the profile")
        return ProfileStored(stored, [], [], tx.version)
