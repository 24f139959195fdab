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
