"""`runstrong run add`: log a run in one line."""

from __future__ import annotations

import click

from runstrong.cli.diary_common import (
    athlete_option,
    clock_today,
    date_option,
    db_option,
    open_diary,
    parse_day,
    validated,
)
from runstrong.cli.options import console
from runstrong.core.model import RunType

RUN_FLAGS = {
    "type": "TYPE",
    "minutes": "DURATION",
    "distance_km": "--distance",
    "rpe": "--rpe",
    "leg_feel": "--legs",
    "tightness": "--tightness",
    "form_note": "--form",
    "note": "--note",
    "date": "--date",
}


@click.group()
def run() -> None:
    """Runs in the diary."""


@run.command("add")
@click.argument("run_type", metavar="TYPE", type=click.Choice([t.value for t in RunType if t != RunType.rest]))
@click.argument("duration", metavar="DURATION")
@click.option("--distance", help="Distance: 8km, 5mi, 800m, or a number in your units.")
@click.option("--rpe", type=float, help="How hard the run felt, 1-10.")
@click.option("--legs", "leg_feel", type=int, help="Leg feel, 1 = dead and heavy ... 5 = springy.")
@click.option("--tightness", type=int, help="Tightness anywhere, 0 = none ... 10.")
@click.option("--form", "form_note", help="A running-form note: cadence, overstriding, hips dropping...")
@click.option("--note", help="Anything else about the run.")
@date_option("The day of the run")
@athlete_option
@db_option
def add(
    run_type: str,
    duration: str,
    distance: str | None,
    rpe: float | None,
    leg_feel: int | None,
    tightness: int | None,
    form_note: str | None,
    note: str | None,
    day: str | None,
    athlete: str | None,
    db: str | None,
) -> None:
    """Log a run: TYPE (easy, long, tempo, intervals, race, cross_train) and DURATION (45, 45min, 1h10, 1:10:00).

    \b
    Examples:
      runstrong run add easy 45 --distance 8km --rpe 3 --legs 4
      runstrong run add long 1h50 --distance 21.1 --rpe 6 --legs 2 --tightness 3 --form "heavy heel strike late"
      runstrong run add tempo 50min --date yesterday
    """
    from runstrong.core.diary import RunLog
    from runstrong.core.setline import KM_PER_MILE, parse_distance, parse_minutes
    from runstrong.store import repo

    today = clock_today()
    when = parse_day(day, today)
    minutes = parse_minutes(duration, field="DURATION")
    with open_diary(db) as store:
        with store.read() as s:
            who = repo.find_athlete(s, athlete)
        km = parse_distance(distance, who.units, field="--distance") if distance else None
        data = {
            "date": when,
            "type": run_type,
            "minutes": minutes,
            "distance_km": km,
            "rpe": rpe,
            "leg_feel": leg_feel,
            "tightness": tightness,
            "form_note": form_note,
            "note": note,
        }
        entry = validated(RunLog, {k: v for k, v in data.items() if v is not None}, today, RUN_FLAGS)
        with store.write() as s:
            repo.add_run(s, who.id, entry)
    parts = [f"{entry.type.value} run", f"{entry.minutes:g} min"]
    if entry.distance_km is not None:
        parts.append(
            f"{entry.distance_km / KM_PER_MILE:.2f} mi"
            if who.units.value == "imperial"
            else f"{entry.distance_km:g} km"
        )
    if entry.rpe is not None:
        parts.append(f"RPE {entry.rpe:g}")
    console().print(f"[bold green]✓[/] Logged {', '.join(parts)} on {when:%a %d %b %Y}.")
