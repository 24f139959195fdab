"""`runstrong calendar feed`: the private address calendar apps subscribe to."""

from __future__ import annotations

import click

from runstrong.cli.diary_common import athlete_option, clock_now, db_option, open_diary

DEFAULT_BASE = "http://127.0.0.1:8000"  # where `runstrong serve` listens by default


@click.command("feed")
@click.option("--revoke", is_flag=True, help="Make a new address: the old one stops working at once.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="The address `runstrong serve` is reached at.")
@athlete_option
@db_option
def feed(revoke: bool, base: str, athlete: str | None, db: str | None) -> None:
    """Print the private calendar address of your strength sessions.

    Subscribe to it in a calendar app (Google Calendar: "From URL"; Apple Calendar:
    "New Calendar Subscription") while `runstrong serve` runs: the app fetches it again
    on its own, so changes to your plan reach the calendar without importing a file.
    The address is a secret: anyone who has it sees your sessions. --revoke replaces it.

    \b
    Examples:
      runstrong calendar feed
      runstrong calendar feed --revoke --base http://192.168.1.20:8000
    """
    from runstrong.store import repo
    from runstrong.store.calendar_feed import feed_token

    with open_diary(db) as store, store.write() as s:
        who = repo.find_athlete(s, athlete)
        token = feed_token(s, who.id, clock_now(), renew=revoke)
    if revoke:
        click.echo("A new address; the old one no longer works.", err=True)
    click.echo(f"{base.rstrip('/')}/calendar/{token}.ics")
