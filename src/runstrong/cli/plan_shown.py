"""Which plan a command given a PROFILE file shows: the one the runner trains from.

A runner in the diary trains from their stored plan, which a weekly review may have changed
(a cut, a hold, a regression) while their file stayed as it was. So when the file holds
nothing the stored profile lacks (`flows.diary_plan.holds_nothing_new`), `plan`, `explain`,
`booklet`, `calendar export` and `fit` show the stored plan, as `today`, the booklet and the
web app do; when the file differs, they show the file's plan with one line saying where the
stored plan differs and how to see or replace it. `--no-diary` plans from the file alone.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from runstrong.errors import UserError


@dataclass(frozen=True)
class Shown:
    """The stored plan to show (`plan` set), or the file's profile to plan (`plan` None)."""

    profile: Any  # the file's AthleteProfile (its loads following the log, when asked)
    plan: Any = None  # the diary's Plan, when it is the file's plan
    version: int | None = None  # the stored plan's version
    notes: tuple[str, ...] = ()  # said once the plan is shown (stderr)
    differs: Any = None  # the diary's plan (flows.diary_plan.DiaryPlan) the file's plan may differ from


def diary_file(db: str | None) -> str | None:
    """The diary's path or URL when there is one to read; None when the default one does not exist."""
    from runstrong.store.db import ENV_VAR, default_path

    value = db or os.environ.get(ENV_VAR) or str(default_path())
    if "://" in value or Path(value).expanduser().exists():
        return value
    if db is not None:
        raise UserError(f"--db: there is no diary at {value}; leave --db out to plan from the profile alone")
    return None


def shown_for_file(
    profile: Any, path: Path, db: str | None, today: dt.date, *, follow: bool, fresh: bool = False
) -> Shown:
    """What to show for the profile file at `path`: the stored plan when the file holds
    nothing new (its unlived loads as `today` shows them when `follow`), else the file's
    profile (with the log's loads when `follow`). `fresh` (another data folder) always plans
    the file, and says where the stored plan differs."""
    if diary_file(db) is None:
        return Shown(profile)
    found = _read(profile, db, today, follow)
    if found is None:
        return _file_plan(profile, db, today, follow, None)
    stored, plan = found
    if stored.nothing_new and not fresh:
        reviewed = stored.reviewed_weeks
        changed = f" (the review changed {weeks_text(reviewed)})" if reviewed else ""
        moved = ", its loads from today on moved by the last logged sets as `today` moves them" * (plan != stored.plan)
        note = (
            f"Plan: {stored.athlete}'s plan v{stored.version} from the diary{changed}, as `today`, the booklet and "
            f"the web show it{moved}; {path.name} holds nothing new. --no-diary plans from the file alone."
        )
        return Shown(profile, plan, stored.version, (note,))
    return _file_plan(profile, db, today, follow, stored)


def _file_plan(profile: Any, db: str | None, today: dt.date, follow: bool, stored: Any) -> Shown:
    if not follow:
        return Shown(profile, differs=stored)
    from runstrong.cli.plan_source import with_diary_loads

    runner, note = with_diary_loads(profile, db, today)
    return Shown(runner, notes=(note,) if note else (), differs=stored)


def _read(profile: Any, db: str | None, today: dt.date, follow: bool) -> tuple[Any, Any] | None:
    """The diary's plan for the file's athlete and the plan to show from it; None when they
    are not in the diary, or it cannot be read as it is (only read: an older schema is left
    for a diary command, and `with_diary_loads` says so)."""
    from runstrong.flows import identity
    from runstrong.flows.diary_plan import diary_plan, loads_as_today_shows

    with diary_read(db) as s:
        if s is None:
            return None
        try:
            stored = diary_plan(s, profile)
        except UserError:  # only a near match (another case): not this runner
            return None
        if stored is None:
            return None
        plan = stored.plan
        if follow and stored.nothing_new:
            plan = loads_as_today_shows(s, identity.existing(s, profile.name), plan, today)  # type: ignore[arg-type]
        return stored, plan


@contextmanager
def diary_read(db: str | None) -> Iterator[Any]:
    """A read session on the diary at `db`, or None when its schema is not the current one
    (only read here: an older diary is left for a diary command to upgrade); a diary that
    cannot be read is a UserError that says why. SQLAlchemy is imported only when asked."""
    from sqlalchemy.exc import OperationalError

    from runstrong.store.db import (
        HEAD_REVISION,
        Store,
        current_revision,
        describe_operational_error,
        make_engine,
        resolve_url,
    )

    store = Store(make_engine(resolve_url(db)))
    try:
        if current_revision(store.engine) != HEAD_REVISION:
            yield None
            return
        with store.read() as s:
            yield s
    except OperationalError as err:
        raise UserError(describe_operational_error(store.engine, err)) from None
    finally:
        store.close()


def difference_note(shown: Shown, planned: Any, path: Path, today: dt.date) -> str | None:
    """One line when the file's `planned` plan differs from the stored plan the runner trains
    from, from this week on: which weeks, what the reviews changed, and the commands."""
    from runstrong.flows.diary_plan import differing_weeks

    stored = shown.differs
    if stored is None:
        return None
    monday = today - dt.timedelta(days=today.weekday())
    weeks = differing_weeks(stored.plan, planned, monday)
    if not weeks:
        return None
    reviewed = stored.reviewed_weeks
    changed = f"; the review changed {weeks_text(reviewed)}" if reviewed else ""
    name = shlex.quote(stored.athlete)
    return (
        f"Note: {stored.athlete} trains from plan v{stored.version} in the diary, which differs from this file's "
        f"plan in {weeks_text(weeks)}{changed}. See it: `runstrong plan --athlete {name}`; store this file's "
        f"changes: `runstrong athlete add {shlex.quote(str(path))}`."
    )


def weeks_text(weeks: list[int]) -> str:
    """`week 5`, `weeks 5-7 and 9`, `weeks 2, 4 and 6-8`.

    >>> weeks_text([5]), weeks_text([5, 6, 7, 9]), weeks_text([2, 4, 6, 7, 8])
    ('week 5', 'weeks 5-7 and 9', 'weeks 2, 4 and 6-8')
    """
    spans: list[list[int]] = []
    for n in sorted(set(weeks)):
        if spans and n == spans[-1][-1] + 1:
            spans[-1].append(n)
        else:
            spans.append([n])
    parts = [f"{s[0]}-{s[-1]}" if len(s) > 1 else str(s[0]) for s in spans]
    if len(parts) == 1 and len(spans[0]) == 1:
        return f"week {parts[0]}"
    return "weeks " + (parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1])
