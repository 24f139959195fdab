"""`runstrong athlete`: who the diary is for, with their profile and plan versions."""

from __future__ import annotations

from pathlib import Path

import click

from runstrong.cli.diary_common import clock_now, db_option, open_diary, store_profile
from runstrong.cli.options import console, echo_json, escape


@click.group()
def athlete() -> None:
    """The athletes in the diary, their profiles and plan versions."""


@athlete.command("add")
@click.argument("profile", type=click.Path(path_type=Path, dir_okay=False))
@db_option
def add(profile: Path, db: str | None) -> None:
    """Store a runner PROFILE and its plan (TOML or YAML).

    \b
    The first time adds the athlete. Later, after you edit the profile, the same command
    stores the new profile and a new plan version; earlier versions stay in the history.
      runstrong athlete add examples/marathoner.toml
    """
    with open_diary(db) as store, store.write() as s:
        stored = store_profile(s, profile, clock_now())
    a = stored.athlete
    out = console()
    name = escape(a.name)
    if stored.new_athlete:
        out.print(f"[bold green]✓[/] Added {name}: plan v{stored.plan_version}, {a.plan_start} to {a.plan_end}.")
    elif stored.new_plan:
        out.print(
            f"[bold green]✓[/] Stored plan v{stored.plan_version} for {name} (profile v{stored.profile_version}); "
            "earlier versions are kept."
        )
    else:
        out.print(f"{name}'s profile and plan are unchanged (plan v{stored.plan_version}); nothing stored.")
    out.print("Next: [bold]runstrong today[/]")


@athlete.command("list")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_(db: str | None, fmt: str) -> None:
    """The athletes in the diary, with their current plan version."""
    from rich.table import Table
    from rich.text import Text

    from runstrong.store import queries, repo

    with open_diary(db) as store, store.read() as s:
        athletes = repo.list_athletes(s)
        counts = {a.id: queries.count_rows(s, a.id) for a in athletes}
    if fmt == "json":
        echo_json([a.model_dump(mode="json") | {"logged": counts[a.id]} for a in athletes])
        return
    if not athletes:
        console().print("No athletes yet: add yourself with `runstrong athlete add PROFILE`.")
        return
    table = Table(header_style="bold")
    for column in ("name", "units", "plan", "plan dates", "sessions", "sets", "check-ins", "runs"):
        table.add_column(column)
    for a in athletes:
        c = counts[a.id]
        table.add_row(
            Text(a.name),
            a.units.value,
            f"v{a.plan_version}" if a.plan_version else "-",
            f"{a.plan_start} to {a.plan_end}" if a.plan_start else "-",
            str(c["sessions"]),
            str(c["sets"]),
            str(c["wellness"]),
            str(c["runs"]),
        )
    console().print(table)
