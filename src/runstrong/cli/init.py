"""`runstrong init`: set up a profile by answering questions, or from options in a script."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from runstrong import clock
from runstrong.errors import UserError

DEFAULT_PATH = "profile.toml"


@click.command()
@click.argument("path", required=False, default=DEFAULT_PATH, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--force", is_flag=True, help="Replace PATH if it exists.")
@click.option("--no-input", is_flag=True, help="Ask nothing: build the profile from the options below (for scripts).")
@click.option("--name", metavar="NAME", help="Your name or a label for the profile.")
@click.option("--age", metavar="YEARS", help="Age in years (14-100).")
@click.option("--sex", metavar="SEX", help="female, male or unspecified (used for the screen's norms).")
@click.option("--units", metavar="UNITS", help="metric or imperial.")
@click.option("--body-mass", metavar="MASS", help="Body mass: 61, 61kg or 135lb (a bare number is in --units).")
@click.option("--running-years", metavar="YEARS", help="Years of regular running.")
@click.option("--strength-experience", metavar="LEVEL", help="novice, intermediate or advanced.")
@click.option("--strength-weeks", metavar="WEEKS", help="Weeks of consistent strength training already behind you.")
@click.option("--start", metavar="DATE", help="Start date: 2027-01-04, today, or a weekday (default: next Monday).")
@click.option("--race-distance", metavar="DISTANCE", help="5k, 10k, half, marathon, ultra or none.")
@click.option("--race-date", metavar="DATE", help="Race date, e.g. 2027-04-25.")
@click.option("--race-name", metavar="NAME", help="Race name (optional).")
@click.option("--plan-weeks", metavar="WEEKS", help="Plan length in weeks when there is no race (1-52).")
@click.option(
    "--run",
    "runs",
    metavar="DAY:TYPE:MIN",
    multiple=True,
    help="A run in your usual week, DAY:TYPE:MINUTES (repeatable).",
)
@click.option(
    "--days", metavar="DAYS", multiple=True, help="Days you can do strength: mon,wed,fri, mon-fri or all (default all)."
)
@click.option("--time", "time_", metavar="HH:MM", help="Preferred time for strength, e.g. 18:30 or 7am.")
@click.option("--cap", metavar="MINUTES", help="Longest strength session in minutes (20-60, default 45).")
@click.option(
    "--equipment", metavar="KIT", multiple=True, help="bodyweight, bands, dumbbells, gym, or single items (repeatable)."
)
@click.option(
    "--furniture",
    metavar="ITEMS",
    multiple=True,
    help="What you can train on at home: step (a stair), bench, chair, sofa (or a bed edge), wall, or none "
    "(default: a stair, a chair, a sofa or bed and a wall).",
)
@click.option(
    "--heaviest",
    metavar="LOADS",
    help='Your heaviest dumbbell, kettlebell or backpack, in your units: "dumbbell 16, kettlebell 12" '
    "(default: what a home's kit usually makes, as `runstrong rules show kit-heaviest` says).",
)
@click.option(
    "--pain",
    metavar="AREA",
    multiple=True,
    help="A painful area: achilles, calf, knee, hip, lower_back, ..., with how much it hurts now (0-10) if you "
    "like: foot:2 (repeatable).",
)
@click.option(
    "--health",
    metavar="TEXT",
    multiple=True,
    help='Health that changes hops and heavy lifting: "birth 2026-10-01", "pelvic floor", "low bone density", '
    '"pregnant 22 weeks" or "pregnant due 2027-04-12", "bone stress tibia cleared 2026-10-12" (repeatable; '
    "optional).",
)
@click.option(
    "--goal-race",
    "goal_races",
    metavar="RACE",
    multiple=True,
    help='A goal race before your main race (not a tune-up): "2027-03-14 half", or with minutes and a name, '
    '"2027-03-14 half 1h35 City Half" (repeatable). Its week copies your usual week, the race on its day.',
)
@click.option("--double-days/--no-double-days", default=None, help="Allow heavy lifting 6+ h after a speed run.")
@click.option("--easy-pace", metavar="PACE", help="Your easy running pace: 5:45/km or 9:15/mi (optional).")
@click.option("--yes", is_flag=True, help="Keep a body mass that is unusual for your age and sex (asked otherwise).")
def init(path: Path, force: bool, no_input: bool, **opts: Any) -> None:
    """Set up a profile by answering a few questions (about three minutes).

    \b
    Writes PATH (default profile.toml; YAML if it ends .yaml or .yml). Enter accepts the
    answer in [brackets]; Ctrl-C stops without writing anything. Options given with the
    questions become their defaults.
    \b
    For scripts, --no-input builds the profile from the options alone:
      runstrong init me.toml --no-input --name Maya --age 38 --body-mass 61 \\
        --race-distance marathon --race-date 2027-04-25 \\
        --run tue:intervals:60 --run thu:tempo:50 --run sun:long:120 --equipment gym --pain achilles
    """
    from runstrong.io.init_answers import plan_fits, profile_from_options
    from runstrong.io.profile_write import check_writable, profile_format, write_profile

    profile_format(path)
    check_writable(path, force=force)
    today = clock.today()
    if no_input:
        profile = profile_from_options(opts, today)
        write_profile(path, profile, header=_header(profile, today), force=force)
        click.echo(f"Wrote {path}. Next: runstrong assess {path} (optional), then runstrong plan {path}.")
        try:
            plan_fits(profile)
        except UserError as err:
            click.echo(f"Note: no plan fits this profile yet; edit {path}: {err}", err=True)
        return
    from runstrong.cli.init_interview import interview
    from runstrong.cli.options import console
    from runstrong.cli.prompts import stopped_without_trace

    out = console()
    with stopped_without_trace(out, "nothing was written", until="the last question"):
        profile = interview(path, opts, today, out)
    if profile is None:
        out.print("Nothing written. Run [bold]runstrong init[/] again whenever you like.")
        return
    write_profile(path, profile, header=_header(profile, today), force=force)
    from rich.markup import escape

    shown = escape(str(path))
    out.print(f"\n[green]✓ Wrote {shown}.[/] Next:")
    out.print(f"  [bold]runstrong assess {shown}[/]   a 15-minute screen that fine-tunes where the plan starts")
    out.print(f"  [bold]runstrong plan {shown}[/]     your plan")


def _header(profile, today: dt.date) -> str:  # type: ignore[no-untyped-def]
    return (
        f"runstrong profile for {profile.name}, written by `runstrong init` on {today.isoformat()}.\n"
        "Edit freely: `runstrong plan` checks every field; `runstrong schema profile` lists them all."
    )
