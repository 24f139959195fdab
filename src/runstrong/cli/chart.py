"""`runstrong chart`: the pictures behind a weekly review (load, wellness, volume, lifts)
as PNG or SVG files, from the diary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from runstrong.cli.diary_common import athlete_option, clock_today, db_option, open_diary
from runstrong.errors import UserError

DEFAULT_WEEKS = 12
MAX_WEEKS = 156  # three years


def chart_week(value: str | None, today: dt.date, last_logged: dt.date) -> dt.date:
    """The Monday of the week to chart up to. `last` (the default) is the last complete
    week before today, or the week of the last diary entry when the diary stops earlier."""
    this_monday = today - dt.timedelta(days=today.weekday())
    if value is None or value.strip().lower() == "last":
        last_complete = this_monday - dt.timedelta(days=7)
        if last_logged < last_complete:
            return last_logged - dt.timedelta(days=last_logged.weekday())
        return last_complete
    from runstrong.cli.options import parse_date

    day = parse_date(value, "--week", "a day of the week (2027-01-11) or last")
    if day > today:
        raise UserError(f"--week: {day} is in the future (today is {today}); chart a week that has happened")
    return day - dt.timedelta(days=day.weekday())


@click.command()
@db_option
@athlete_option
@click.option(
    "--weeks",
    "-n",
    "weeks",
    type=int,
    default=DEFAULT_WEEKS,
    show_default=True,
    metavar="N",
    help=f"How many weeks to chart, ending with the reviewed week (1-{MAX_WEEKS}).",
)
@click.option(
    "--week",
    "-w",
    metavar="DATE|last",
    help="The reviewed (last) week: a day in it (default: last, the last full week with entries).",
)
@click.option("--svg", is_flag=True, help="Also write each chart as SVG (text stays text, scales cleanly).")
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    metavar="FOLDER",
    help="The folder to write chart-load, chart-wellness, chart-volume and chart-lifts into (created if needed).",
)
def chart(db: str | None, athlete: str | None, weeks: int, week: str | None, svg: bool, output: Path) -> None:
    """Charts of your training: weekly load (runs and strength stacked), wellness against
    your own baseline, sets per category against the plan, and progress of the main lifts.

    \b
    The reviewed week is shaded on every chart. Examples:
      runstrong chart -o charts/                   the last 12 weeks, PNG
      runstrong chart -o charts/ --weeks 26 --svg  half a year, PNG and SVG
      runstrong chart -o charts/ --week 2027-03-08 up to that week
    """
    from runstrong.core.review_metrics import history_metrics, history_window_days
    from runstrong.io.charts import ChartGuides, write_charts
    from runstrong.io.data_files import load_library, load_registry
    from runstrong.store import repo
    from runstrong.store.diary_window import last_logged_day, load_diary

    if not 1 <= weeks <= MAX_WEEKS:
        raise UserError(f"--weeks: {weeks} is out of range; give 1 to {MAX_WEEKS} weeks (default {DEFAULT_WEEKS})")
    today = clock_today()
    library, registry = load_library(), load_registry()
    with open_diary(db) as store, store.read() as s:
        info = repo.find_athlete(s, athlete)
        last_logged = last_logged_day(s, info.id)
        if last_logged is None:
            raise UserError(
                f"athlete: {info.name} has nothing in the diary yet; log a session, a run or a check-in first "
                "(runstrong log, runstrong run add, runstrong wellness)"
            )
        last_week = chart_week(week, today, last_logged)
        found = repo.latest_plan(s, info.id)
        first = last_week - dt.timedelta(weeks=weeks - 1)
        since = first - dt.timedelta(days=history_window_days(registry))
        diary = load_diary(s, info.id, since, last_week + dt.timedelta(days=6))
    plan = found[1] if found else None
    metrics = history_metrics(plan, diary, last_week, weeks, library, registry)
    paths = write_charts(metrics, output, svg=svg, guides=ChartGuides.from_registry(registry))
    click.echo(
        f"{info.name}: {weeks} week{'s' if weeks != 1 else ''} from {first:%d %b %Y} to the week of "
        f"{last_week:%d %b %Y}.",
        err=True,
    )
    for path in paths:
        click.echo(str(path))


__all__ = ["chart", "chart_week"]
