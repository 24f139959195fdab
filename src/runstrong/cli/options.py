"""Shared option types and output helpers for the commands."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Any

import click

FORMATS = ("table", "json", "markdown")

# A problem's field (as the core and the flows name it) -> the flag that sets it on the command
# line. Problems read from a file keep the file's field names; the others are shown by flag.
FIELD_FLAGS: dict[str, str] = {
    "day": "--date",
    "date": "--date",
    "week": "--week",
    "week_start": "--week",
    "athlete": "--athlete",
    "db": "--db",
    "session_rpe": "--rpe",
    "minutes": "--minutes",
    "note": "--note",
    "output": "--output",
    "profile": "--profile",
    "pains": "--pain",
}


def enum_choice(enum: type[Enum]) -> click.Choice:
    """A click choice over an enum's values: a bad value is named with the accepted ones."""
    return click.Choice([m.value for m in enum], case_sensitive=False)


def format_option(*choices: str) -> Any:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices or FORMATS),
        default=(choices or FORMATS)[0],
        show_default=True,
        help="Output format: a table for people, json for scripts, markdown for notes.",
    )


def console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def echo_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def escape(text: object) -> str:
    """User text (names, notes, labels) made safe inside Rich markup: `[bold]` prints as typed."""
    from rich.markup import escape as rich_escape

    return rich_escape(str(text))


def parse_date(text: str, field: str, example: str = "2027-01-05") -> Any:
    """A date typed on the command line (ISO), within the dates runstrong accepts
    (core.vocab.EARLIEST_DATE..LATEST_DATE), or a UserError naming `field`."""
    import datetime as dt

    from runstrong.core.vocab import in_date_range
    from runstrong.errors import UserError

    try:
        return in_date_range(dt.date.fromisoformat(text.strip()))
    except ValueError as err:
        what = str(err) if "outside" in str(err) else f"{text.strip()!r} is not a date"
        raise UserError(what, field=field, fix=f"write it as {example}") from None


def days_before(day: Any, count: int, field: str) -> Any:
    """`day` minus `count` days (`--date -N`), refusing a count that leaves the accepted dates."""
    import datetime as dt

    from runstrong.core.model import EARLIEST_DATE
    from runstrong.errors import UserError

    if count > (day - EARLIEST_DATE).days:
        raise UserError(
            f"-{count} days goes back before {EARLIEST_DATE}", field=field, fix="give a date or fewer days, e.g. -2"
        )
    return day - dt.timedelta(days=count)
