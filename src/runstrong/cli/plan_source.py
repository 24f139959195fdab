"""Where an export's plan comes from: a profile file (planned now) or the diary's
current plan for an athlete. Shared by the calendar, FIT, booklet and review commands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from runstrong.errors import UserError


@dataclass(frozen=True)
class PlanSource:
    plan: Any  # runstrong.core.model.Plan
    label: str  # the profile file's name or the athlete's name, for messages and file names
    athlete: str  # the athlete's name as the plan states it
    version: int | None  # the stored plan version; None for a plan built from a file


def plan_source_options(f):  # type: ignore[no-untyped-def]
    """PROFILE (optional) plus --db/--athlete: a file wins; without one, the diary's plan."""
    f = click.option("--athlete", "-a", help="Use this athlete's current plan from the diary (when no PROFILE).")(f)
    f = click.option(
        "--db",
        metavar="PATH|URL",
        help="The diary database to read the plan from (default: $RUNSTRONG_DB, else diary.db in your data folder).",
    )(f)
    f = click.option(
        "--least-bad",
        is_flag=True,
        help="With a PROFILE: when a week cannot hold its sessions, plan fewer and warn instead of stopping.",
    )(f)
    return click.argument("profile", required=False, type=click.Path(path_type=Path, dir_okay=False))(f)


def load_plan_source(profile: Path | None, db: str | None, athlete: str | None, least_bad: bool = False) -> PlanSource:
    """The plan to export: built from PROFILE, or read from the diary."""
    if profile is not None:
        from runstrong.cli.plan import _build
        from runstrong.io.profile_file import load_profile

        athlete_profile = load_profile(profile)
        plan = _build(athlete_profile, profile.name, least_bad=least_bad)
        return PlanSource(plan=plan, label=profile.stem, athlete=athlete_profile.name, version=None)
    import os

    from runstrong.cli.diary_common import open_diary
    from runstrong.store import repo
    from runstrong.store.db import ENV_VAR, default_path

    value = db or os.environ.get(ENV_VAR) or str(default_path())
    if "://" not in value and not Path(value).expanduser().exists():
        raise UserError(
            f"db: there is no diary at {value}; give a PROFILE file to plan from, or store one first with "
            "`runstrong athlete add PROFILE`"
        )
    with open_diary(db) as store, store.read() as s:
        try:
            info = repo.find_athlete(s, athlete)
        except UserError as err:
            raise UserError(str(err).replace("(or give --profile PROFILE once)", "(or give a PROFILE file)")) from None
        found = repo.latest_plan(s, info.id)
    if found is None:
        raise UserError(
            f"athlete: {info.name} has no plan in the diary yet; give a PROFILE or store one with "
            "`runstrong athlete add PROFILE`"
        )
    version, plan = found
    return PlanSource(plan=plan, label=info.name, athlete=info.name, version=version)
