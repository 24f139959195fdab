"""Where an export's plan comes from: a profile file (planned now) or the diary's
current plan for an athlete. Shared by the calendar, FIT, booklet and review commands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from runstrong.cli.plan_shown import Shown as PlanShown
from runstrong.cli.plan_shown import diary_read
from runstrong.errors import UserError


@dataclass(frozen=True)
class PlanSource:
    plan: Any  # runstrong.core.model.Plan
    label: str  # the profile file's name or the athlete's name, for messages and file names
    athlete: str  # the athlete's name as the plan states it
    version: int | None  # the stored plan version; None for a plan built from a file


def plan_source_options(f):  # type: ignore[no-untyped-def]
    """PROFILE (optional) plus --db/--athlete/--no-diary: a file's runner in the diary gets
    their stored plan while the file holds nothing new (`cli/plan_shown`); without a file,
    the diary's plan."""
    f = click.option("--athlete", "-a", help="Use this athlete's current plan from the diary (when no PROFILE).")(f)
    f = click.option(
        "--no-diary",
        is_flag=True,
        help="With a PROFILE: plan from the file alone, even if its runner has a stored plan in the diary.",
    )(f)
    f = click.option(
        "--db",
        metavar="PATH|URL",
        help="The diary database to read the plan from (default: $RUNSTRONG_DB, else diary.db in your data folder). "
        "With a PROFILE whose runner is in it and has nothing new, their stored plan is used.",
    )(f)
    f = click.option(
        "--least-bad",
        is_flag=True,
        help="With a PROFILE: when a week cannot hold its sessions, plan fewer and warn instead of stopping.",
    )(f)
    return click.argument("profile", required=False, type=click.Path(path_type=Path, dir_okay=False))(f)


def load_plan_source(
    profile: Path | None,
    db: str | None,
    athlete: str | None,
    least_bad: bool = False,
    *,
    no_diary: bool = False,
    follow: dt.date | None = None,
) -> PlanSource:
    """The plan to export: the diary's plan for PROFILE's runner while the file holds nothing
    new, else built from PROFILE (saying on stderr where the stored plan differs), or read
    from the diary. `follow`: today, to show unlived loads as `today` shows them."""
    if profile is not None:
        from runstrong.cli.diary_common import clock_today
        from runstrong.cli.plan import build_named, checked_profile
        from runstrong.cli.plan_shown import difference_note, shown_for_file

        athlete_profile = checked_profile(profile)
        today = clock_today()
        shown = PlanShown(athlete_profile) if no_diary else shown_for_file(
            athlete_profile, profile, db, today, follow=follow is not None)  # fmt: skip
        plan = shown.plan or build_named(shown.profile, profile.name, least_bad=least_bad)
        for note in (*shown.notes, difference_note(shown, plan, profile, today)):
            if note:
                click.echo(note, err=True)
        return PlanSource(plan=plan, label=profile.stem, athlete=athlete_profile.name, version=shown.version)
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
        if found is not None and follow is not None:
            from runstrong.flows.diary_plan import loads_as_today_shows

            found = found[0], loads_as_today_shows(s, info.id, found[1], follow)
    if found is None:
        raise UserError(
            f"athlete: {info.name} has no plan in the diary yet; give a PROFILE or store one with "
            "`runstrong athlete add PROFILE`"
        )
    version, plan = found
    return PlanSource(plan=plan, label=info.name, athlete=info.name, version=version)


def diary_options(f):  # type: ignore[no-untyped-def]
    """--db and --no-diary for `runstrong plan`: whether the loads follow the diary's log."""
    f = click.option(
        "--no-diary",
        is_flag=True,
        help="Plan from the profile file alone, even if its runner has a stored plan and logged sets in the diary.",
    )(f)
    return click.option(
        "--db",
        metavar="PATH|URL",
        help="The diary whose stored plan and last logged sets are used for the file's runner (default: "
        "$RUNSTRONG_DB, else diary.db in your data folder, when it exists).",
    )(f)


def with_diary_loads(profile: Any, db: str | None, today: dt.date) -> tuple[Any, str | None]:
    """`profile` with the diary's last logged sets of each lift when its runner is in the
    diary (as `today` and replans read them), and a sentence saying where the loads come
    from; the profile as it is, and no sentence, when there is no diary or no such runner.
    Only read: a diary at an older schema is left for a diary command to upgrade."""
    import os

    from runstrong.store.db import ENV_VAR, default_path

    value = db or os.environ.get(ENV_VAR) or str(default_path())
    if "://" not in value and not Path(value).expanduser().exists():
        if db is not None:
            raise UserError(f"--db: there is no diary at {value}; leave --db out to plan from the profile alone")
        return profile, None
    logged, note = _logged_sets(profile, db, today)
    if note is not None:
        return profile, note
    if not logged:
        return profile, None
    followed = profile.model_copy(update={"logged_sets": {**profile.logged_sets, **logged}})
    last = max((v.date for v in logged.values() if v.date is not None), default=None)
    when = f", last on {last}" if last else ""
    return followed, (
        f"Loads: {len(logged)} lift(s) follow {profile.name}'s last logged sets in the diary{when} "
        "(load-autoregulation); the others start from the profile. --no-diary ignores the diary."
    )


def _logged_sets(profile: Any, db: str | None, today: dt.date) -> tuple[dict, str | None]:
    """The runner's last logged set of each lift (empty when they are not in the diary), or a
    note when the diary cannot be read as it is."""
    from runstrong.flows import identity
    from runstrong.io.data_files import load_context
    from runstrong.store.logged_loads import logged_sets

    with diary_read(db) as s:
        if s is None:
            return {}, "Loads: start from the profile; the diary needs an upgrade first (run `runstrong today`)."
        try:
            athlete_id = identity.existing(s, profile.name)
        except UserError:  # only a near match (another case): not this runner
            return {}, None
        if athlete_id is None:
            return {}, None
        found = logged_sets(s, athlete_id, today + dt.timedelta(days=1), load_context().params)
    if not found:
        return {}, f"Loads: {profile.name} is in the diary with no loaded set logged yet; they start from the profile."
    return found, None
