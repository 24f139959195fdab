"""What the diary commands share: the --db/--athlete/--date options, opening the store,
and turning validation errors into messages that name the option and the scale."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from runstrong.cli.pain_text import pain_option, parse_pains  # noqa: F401  (the diary commands' --pain)
from runstrong.errors import UserError


def db_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--db",
        metavar="PATH|URL",
        help="The diary database: a SQLite file or a SQLAlchemy URL (default: $RUNSTRONG_DB, else diary.db "
        "in your data folder).",
    )(f)


def athlete_option(f):  # type: ignore[no-untyped-def]
    return click.option("--athlete", "-a", help="Whose diary (needed only when it holds several athletes).")(f)


def profile_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--profile",
        type=click.Path(path_type=Path, dir_okay=False),
        help="Store this profile and its plan first (same as `runstrong athlete add PROFILE`).",
    )(f)


def import_options(f):  # type: ignore[no-untyped-def]
    """--dry-run, --cross-training, --athlete and --db: what `run import` and `import-archive` share."""
    f = athlete_option(db_option(f))
    f = click.option(
        "--cross-training",
        is_flag=True,
        help="Keep rides, swims, walks, rows... as cross-training entries (default: leave them out).",
    )(f)
    return click.option(
        "--dry-run", is_flag=True, help="Read and check everything, say what would be imported, write nothing."
    )(f)


def date_option(what: str):  # type: ignore[no-untyped-def]
    def wrap(f):  # type: ignore[no-untyped-def]
        return click.option(
            "--date",
            "-d",
            "day",
            metavar="YYYY-MM-DD",
            help=f"{what} (default: today; also 'yesterday').",
        )(f)

    return wrap


def clock_today() -> dt.date:
    from runstrong import clock

    return clock.today()


def clock_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def parse_day(value: str | None, today: dt.date, *, allow_future: bool = False, flag: str = "--date") -> dt.date:
    """`--date` (or `flag`): an ISO date, `today`, `yesterday` or `-N` (N days ago)."""
    if value is None or value == "today":
        return today
    text = value.strip().lower()
    if text == "yesterday":
        return today - dt.timedelta(days=1)
    from runstrong.cli.options import days_before, parse_date

    if text.startswith("-") and text[1:].isdigit():
        day = days_before(today, int(text[1:]), flag)
    else:
        day = parse_date(text, flag, "2027-01-05, yesterday or -2")
    if day > today and not allow_future:
        raise UserError(f"{flag}: {day} is in the future (today is {today}); log today or a past day")
    return day


@contextmanager
def open_diary(db: str | None) -> Iterator[Any]:
    """The store, migrated; database errors become messages naming --db, never tracebacks."""
    from sqlalchemy.exc import OperationalError, SQLAlchemyError

    from runstrong.errors import RunstrongError
    from runstrong.store.db import describe_operational_error, open_store

    store = open_store(db)
    if store.migration is not None and store.migration.from_revision is not None:
        backup = f"; the previous file is kept at {store.migration.backup}" if store.migration.backup else ""
        click.echo(
            f"Upgraded the diary database ({store.migration.from_revision} → {store.migration.to_revision}){backup}.",
            err=True,
        )
    try:
        yield store
    except OperationalError as err:
        raise UserError(describe_operational_error(store.engine, err)) from None
    except SQLAlchemyError as err:
        raise RunstrongError(f"database error: {err.__class__.__name__}: {str(err).splitlines()[0]}") from None
    finally:
        store.close()


def entry_from_options(model: type, data: dict[str, Any], today: dt.date, flags: dict[str, str] | None = None) -> Any:
    """A diary entry from command options, validated; a bad value is reported with its option name and scale."""
    from pydantic import ValidationError

    from runstrong.core.diary import validate_entry

    try:
        return validate_entry(model, data, today)
    except ValidationError as err:
        raise UserError(describe_errors(err, model, flags or {})) from None


def describe_errors(err: Any, model: type, flags: dict[str, str]) -> str:
    """pydantic's errors by option, in the words every face uses (`io/field_errors.plain_words`)."""
    from runstrong.io.field_errors import plain_words

    lines = []
    for e in err.errors():
        loc = [p for p in e["loc"] if p not in ("function-after",)]
        msg = e["msg"].removeprefix("Value error, ")
        field = str(loc[0]) if loc else ""
        if not loc and ": " in msg:
            field, msg = msg.split(": ", 1)
        name = flags.get(field, field)
        if loc and (plain := plain_words(e)) is not None:
            msg = plain
        elif e["type"] not in ("missing",) and loc and not isinstance(e.get("input"), dict | list):
            msg += f" (got {e['input']!r})"
        info = model.model_fields.get(field)  # type: ignore[attr-defined]
        if info is not None and info.description and "future" not in msg:
            msg += f"; {info.description}"
        lines.append(f"{name}: {msg}")
    return "\n".join(lines)


def stdin_is_tty() -> bool:
    return sys.stdin.isatty()


def profile_before_diary(path: Path | None) -> Any:
    """The profile file read and checked before the diary opens: a refused file makes no diary (cr23a F10)."""
    from runstrong.cli.plan import checked_profile

    return checked_profile(path) if path is not None else None


def load_profile_file(store: Any, path: Path | Any, now: dt.datetime, *, least_bad: bool = False,
                      drop_pain: tuple[str, ...] = ()) -> Any:  # fmt: skip
    """Store a profile file (or the profile `checked_profile` read from it) and its plan
    through the profile flow (one change): a new athlete, or a new version with what the
    diary owns carried over (see flows.profile). Read the file before opening the diary
    (`checked_profile`), so a refused file creates no diary either."""
    from runstrong.cli.plan import checked_profile
    from runstrong.flows.base import Clock, Refused
    from runstrong.flows.profile import store_profile

    profile = checked_profile(path) if isinstance(path, Path) else path
    try:
        return store_profile(store, profile, Clock(now, clock_today()), least_bad=least_bad,
                             drop_pain=drop_pain)  # fmt: skip
    except Refused as err:
        raise UserError(err.said_with({"drop_pain": "--drop-pain"})) from None


def check_lines_for(profile: Any, request) -> None:  # type: ignore[no-untyped-def]
    """Parse the set lines in the units of the profile about to be stored (UserError if bad)."""
    from runstrong.cli.log_flow import parse_lines
    from runstrong.cli.pain_text import pain_alone

    if profile is None:
        return
    try:
        parse_lines(request.set_lines, profile.units, request.today)
    except UserError as err:
        raise UserError(f"{err}{pain_alone(request.pains, request.day, request.today)}") from None
