"""`runstrong athlete`: who the diary is for, with their profile and plan versions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from runstrong.cli.diary_common import clock_now, clock_today, db_option, load_profile_file, open_diary
from runstrong.cli.options import console, echo_json, escape


@click.group()
def athlete() -> None:
    """The athletes in the diary, their profiles and plan versions."""


@athlete.command("add")
@click.argument("profile", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--least-bad", is_flag=True, help="Store the least-bad plan when no plan keeps every rule (each broken "
              "rule is printed).")  # fmt: skip
@click.option("--drop-pain", "drop_pain", multiple=True, metavar="AREA",
              help="Drop a pain area the diary holds that the file leaves out (repeatable).")  # fmt: skip
@db_option
def add(profile: Path, least_bad: bool, drop_pain: tuple[str, ...], db: str | None) -> None:
    """Store a runner PROFILE and its plan (TOML or YAML).

    \b
    The first time adds the athlete. Later, after you edit the profile, the same command
    stores the new profile and a new plan version; earlier versions stay in the history.
    What the diary owns is kept: reviews' adjustments, swaps and pain areas (a pain area
    the file leaves out stays until you --drop-pain it). Weeks already lived are kept.
    A profile `runstrong plan` refuses is refused here too, unless --least-bad.
      runstrong athlete add examples/marathoner.toml
    """
    from runstrong.cli.plan import checked_profile

    checked = checked_profile(profile)  # a refused file opens (and creates) no diary
    with open_diary(db) as store:
        result = load_profile_file(store, checked, clock_now(), least_bad=least_bad, drop_pain=drop_pain)
    stored = result.stored
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
    if result.kept_pain:
        out.print(
            f"Kept the pain area(s) {', '.join(result.kept_pain)} the diary holds (a review or a form added them); "
            "the file leaves them out. Drop one with --drop-pain AREA."
        )
    for warning in result.broken:
        out.print(f"[yellow]! {escape(warning)}[/]")
    if (ended := ended_plan_words(a.plan_end)) is not None:
        out.print(f"[yellow]! {escape(ended)}[/]")
    out.print("Next: [bold]runstrong today[/]")


def ended_plan_words(end: object) -> str | None:
    """Words for a plan stored after it ended: a start date a year off (2026 typed for 2027) is
    the usual reason, and nothing else would say so until `today` shows an empty day (cr22a P2)."""
    today = clock_today()
    if end is None or end >= today:  # type: ignore[operator]
        return None
    return (
        f"This plan ended on {end:%a %d %b %Y}, before today ({today:%d %b %Y}): no session is left to do. "  # type: ignore[str-format]
        "Is start_date (or the race's date) a year off? Fix the file and run this command again."
    )


@athlete.command("list")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def list_(db: str | None, fmt: str) -> None:
    """The athletes in the diary, with their current plan version."""
    from rich.table import Table
    from rich.text import Text

    from runstrong.store import queries, repo

    with open_diary(db) as store:
        with store.read() as s:
            athletes = repo.list_athletes(s)
            counts = {a.id: queries.count_rows(s, a.id) for a in athletes}
        flags = last_week_flags(store) if athletes else {}
    if fmt == "json":
        echo_json([a.model_dump(mode="json") | {"logged": counts[a.id], "week_flags": [f.model_dump() for f in
                   flags.get(a.name, [])]} for a in athletes])  # fmt: skip
        return
    if not athletes:
        console().print("No athletes yet: add yourself with `runstrong athlete add PROFILE`.")
        return
    table = Table(header_style="bold")
    table.add_column("name", no_wrap=True)  # whole: the flags column wraps first
    for column in ("units", "plan", "plan dates", "sessions", "sets", "check-ins", "runs", "last week's flags"):
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
            Text("\n".join(f"⚑ {f.text}" for f in flags.get(a.name, [])) or "-"),
        )
    console().print(table)


def last_week_flags(store: Any) -> dict[str, list[Any]]:
    """Each athlete's last completed week's flags, as the roster shows them (stored rows while
    current; a missing or stale one worked out and kept, see `store/week_flags`)."""
    from runstrong.io.data_files import load_context
    from runstrong.store import week_flags
    from runstrong.store.roster import read_roster

    ctx, today = load_context(), clock_today()
    with store.read() as s:
        read = read_roster(s, None, today, ctx)
    if read.weeks_worked:
        with store.write() as s:
            week_flags.keep_if_unchanged(s, read.weeks_worked, ctx)
    return {e.name: e.week_flags for e in read.entries}
