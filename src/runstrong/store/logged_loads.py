"""The diary's last logged sets of each lift, as the starts of its next loads
(`load-autoregulation`): read here, applied by `core.log_loads` and `core.plan_loads`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from runstrong.core.log_loads import best_set, week_best
from runstrong.core.model import AthleteProfile, RecentSet

from .tables import Profile, SessionLogRow, SetLogRow


def logged_sets(
    s: Session, athlete_id: int, before: dt.date, p: Any, exercise_ids: Iterable[str] | None = None
) -> dict[str, RecentSet]:
    """For each lift logged with a load before `before`, the best set of its latest week
    (`core.log_loads.week_best`; only `exercise_ids` when given: a day's page needs a dozen
    lifts, not years of sets)."""
    ids = None if exercise_ids is None else sorted(set(exercise_ids))
    if ids == []:
        return {}
    return _best_sets(_latest_of_all(s, [athlete_id], before, ids).get(athlete_id, {}), p)


def _latest_of_all(
    s: Session, athlete_ids: list[int], before: dt.date, ids: list[str] | None = None
) -> dict[int, dict[str, list[tuple[dt.date, Any]]]]:
    """Every lift's loaded sets of its latest `LATEST_SESSIONS` sessions before `before`, per
    athlete, each with its day, in one statement: a window over the loaded sets ranks each
    lift's sessions in the database, and only those sessions' sets come back, as plain rows
    (loading every loaded set of a three-year diary as objects cost ~70 ms a review; a chunk
    of athletes is one round trip). `ids`: those lifts only."""
    values = {"athletes": athlete_ids, "before": before, "latest": LATEST_SESSIONS}
    rows = s.execute(_latest_statement(ids is not None), values | ({"ids": ids} if ids is not None else {}))
    out: dict[int, dict[str, list[tuple[dt.date, Any]]]] = {}
    for row in rows:
        out.setdefault(row.athlete, {}).setdefault(row.exercise_id, []).append((row.day, row))
    return out


LATEST_SESSIONS = 14  # more than a week of a lift's sessions, two a day: `week_best` keeps the week's


@cache
def _latest_statement(some: bool) -> Select:
    """`_latest_of_all`'s statement, built once (athletes, the day, the lifts when `some` are
    parameters): building a windowed subquery costs several times running it."""
    latest = (
        select(
            SessionLogRow.athlete_id.label("athlete"),
            SetLogRow.id.label("set_id"),
            SessionLogRow.date.label("day"),
            func.dense_rank()
            .over(
                partition_by=(SessionLogRow.athlete_id, SetLogRow.exercise_id),
                order_by=(SessionLogRow.date.desc(), SessionLogRow.id.desc()),
            )
            .label("rank"),
        )
        .join(SessionLogRow, SetLogRow.session_log_id == SessionLogRow.id)
        .where(
            SessionLogRow.athlete_id.in_(bindparam("athletes", expanding=True)),
            SessionLogRow.date < bindparam("before"),
            *_LOADED,
            *((SetLogRow.exercise_id.in_(bindparam("ids", expanding=True)),) if some else ()),
        )
        .subquery()
    )
    columns = (SetLogRow.exercise_id, SetLogRow.reps, SetLogRow.load_kg, SetLogRow.rpe, SetLogRow.rir)
    return (
        select(latest.c.athlete, *columns, latest.c.day)
        .join(latest, SetLogRow.id == latest.c.set_id)
        .where(latest.c.rank <= bindparam("latest"))
        .order_by(SetLogRow.id)
    )


_LOADED = (SetLogRow.load_kg.is_not(None), SetLogRow.reps.is_not(None))  # a set that can start a load


def with_logged_sets(s: Session, athlete_id: int, profile: AthleteProfile, before: dt.date, p: Any) -> AthleteProfile:
    """`profile` with the diary's last sets of each lift as its recent sets (they replace a
    recent set the profile gives for the same lift), so a plan made from it follows the log."""
    return with_sets(profile, logged_sets(s, athlete_id, before, p))


def with_sets(profile: AthleteProfile, logged: dict[str, RecentSet]) -> AthleteProfile:
    """`profile` with `logged` (the diary's last sets of each lift) as its recent sets."""
    if not logged:
        return profile
    return profile.model_copy(update={"logged_sets": {**profile.logged_sets, **logged}})


def logged_sets_of(s: Session, before: dict[int, dt.date], p: Any) -> dict[int, dict[str, RecentSet]]:
    """`logged_sets` of several athletes (athlete id -> its `before`), one statement per distinct
    `before` (a coach's `review --all` gives all one date): the same answers, fewer round trips."""
    out: dict[int, dict[str, RecentSet]] = {}
    for day in sorted(set(before.values())):
        ids = sorted(a for a, d in before.items() if d == day)
        found = _latest_of_all(s, ids, day)
        for athlete in ids:
            out[athlete] = _best_sets(found.get(athlete, {}), p)
    return out


def _best_sets(by_lift: dict[str, list[tuple[dt.date, Any]]], p: Any) -> dict[str, RecentSet]:
    out = {}
    for exercise_id, dated in by_lift.items():
        found = week_best(dated, p)
        if found is not None:
            out[exercise_id] = best_set([found[1]], found[0], p)
    return out


def bar_weights(s: Session, athlete_id: int) -> dict[str, float]:
    """The runner's own empty bars (`AthleteProfile.bar_weights`, in their units) from their
    newest profile, read without validating it all: a logged load may not go under them."""
    text = s.scalar(
        select(Profile.data).where(Profile.athlete_id == athlete_id).order_by(Profile.version.desc()).limit(1)
    )
    return json.loads(text).get("bar_weights", {}) if text else {}


def kit_words(s: Session, athlete_id: int) -> dict[str, Any]:
    """The runner's kit as their newest profile gives it (`equipment`, `heaviest_loads` in
    their units), read without validating it all: a logged load far above it is asked about."""
    text = s.scalar(
        select(Profile.data).where(Profile.athlete_id == athlete_id).order_by(Profile.version.desc()).limit(1)
    )
    data = json.loads(text) if text else {}
    return {"equipment": data.get("equipment") or [], "heaviest_loads": data.get("heaviest_loads") or {}}


def heaviest_logged(s: Session, athlete_id: int, lifts: Iterable[str]) -> dict[str, float]:
    """The heaviest load (kg) the diary holds of each lift, for the lifts that have one."""
    rows = s.execute(
        select(SetLogRow.exercise_id, func.max(SetLogRow.load_kg))
        .join(SessionLogRow, SessionLogRow.id == SetLogRow.session_log_id)
        .where(SessionLogRow.athlete_id == athlete_id, SetLogRow.exercise_id.in_(sorted(set(lifts))))
        .group_by(SetLogRow.exercise_id)
    )
    return {ex: kg for ex, kg in rows if kg}
