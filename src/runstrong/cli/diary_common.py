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
    return dt.date.today()


def clock_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def parse_day(value: str | None, today: dt.date, *, allow_future: bool = False) -> dt.date:
    """`--date`: an ISO date, `today`, `yesterday` or `-N` (N days ago)."""
    if value is None or value == "today":
        return today
    text = value.strip().lower()
    if text == "yesterday":
        return today - dt.timedelta(days=1)
    from runstrong.cli.options import days_before, parse_date

    if text.startswith("-") and text[1:].isdigit():
        day = days_before(today, int(text[1:]), "--date")
    else:
        day = parse_date(text, "--date", "2027-01-05, yesterday or -2")
    if day > today and not allow_future:
        raise UserError(f"--date: {day} is in the future (today is {today}); log today or a past day")
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


def validated(model: type, data: dict[str, Any], today: dt.date, flags: dict[str, str] | None = None) -> Any:
    """Validate diary input; a bad value is reported with its option name and its scale."""
    from pydantic import ValidationError

    from runstrong.core.diary import validate_entry

    try:
        return validate_entry(model, data, today)
    except ValidationError as err:
        raise UserError(describe_errors(err, model, flags or {})) from None


def describe_errors(err: Any, model: type, flags: dict[str, str]) -> str:
    lines = []
    for e in err.errors():
        loc = [p for p in e["loc"] if p not in ("function-after",)]
        msg = e["msg"].removeprefix("Value error, ")
        field = str(loc[0]) if loc else ""
        if not loc and ": " in msg:
            field, msg = msg.split(": ", 1)
        name = flags.get(field, field)
        if e["type"] not in ("missing",) and loc and not isinstance(e.get("input"), dict | list):
            msg += f" (got {e['input']!r})"
        info = model.model_fields.get(field)  # type: ignore[attr-defined]
        if info is not None and info.description and "future" not in msg:
            msg += f"; {info.description}"
        lines.append(f"{name}: {msg}")
    return "\n".join(lines)


def stdin_is_tty() -> bool:
    return sys.stdin.isatty()


def resolve_athlete(session: Any, name: str | None, profile: Path | None, now: dt.datetime) -> Any:
    """The athlete to log for; with --profile, first store that profile and its plan."""
    from runstrong.store import repo

    if profile is not None:
        return store_profile(session, profile, now).athlete
    return repo.find_athlete(session, name)


def store_profile(session: Any, profile: Path, now: dt.datetime) -> Any:
    """Store a profile file and its plan. For an athlete already in the diary, what the
    diary owns carries over (reviews' adjustments and exercise swaps), and the weeks
    already lived stay as they were planned: only the weeks ahead are planned again."""
    from runstrong.core.planner import build_plan, replan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo

    athlete_profile = load_profile(profile)
    stored = _stored_plan(session, athlete_profile.name)
    if stored is None:
        plan = build_plan(athlete_profile, load_context(), least_bad=True)
        return repo.store_plan(session, athlete_profile, plan, now)
    old_profile, old_plan = stored
    weeks = {a.week_start for a in athlete_profile.adjustments}
    swaps = {(x.from_id, x.since) for x in athlete_profile.exercise_swaps}
    merged = athlete_profile.model_copy(
        update={
            "adjustments": sorted(
                [*athlete_profile.adjustments, *(a for a in old_profile.adjustments if a.week_start not in weeks)],
                key=lambda a: a.week_start,
            ),
            "exercise_swaps": [
                *athlete_profile.exercise_swaps,
                *(x for x in old_profile.exercise_swaps if (x.from_id, x.since) not in swaps),
            ],
        }
    )
    today = now.date()
    first_unlived = today if today.weekday() == 0 else today + dt.timedelta(days=7 - today.weekday())
    plan = replan(old_plan, merged, first_unlived, load_context(), least_bad=True)
    return repo.store_plan(session, merged, plan, now)


def _stored_plan(session: Any, name: str) -> Any:
    from runstrong.errors import UserError as _UserError
    from runstrong.store import repo

    try:
        info = repo.find_athlete(session, name)
    except _UserError:
        return None
    profile, found = repo.latest_profile(session, info.id), repo.latest_plan(session, info.id)
    return (profile, found[1]) if profile is not None and found is not None else None


def pain_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--pain",
        "pains",
        multiple=True,
        metavar="AREA=0-10",
        help="Pain by area, 0 = none ... 10 = worst (e.g. knee=3; repeatable). Areas: achilles, calf, knee, hip, "
        "lower_back, hamstring, foot, shin.",
    )(f)


def parse_pains(values: tuple[str, ...], day: dt.date, today: dt.date) -> list[Any]:
    from runstrong.core.diary import PainReport
    from runstrong.core.model import PainArea

    out = []
    for value in values:
        area, sep, score = value.partition("=")
        area = area.strip().lower().replace(" ", "_").replace("-", "_")
        if not sep or not score.strip().lstrip("-").isdigit():
            raise UserError(f"--pain: {value!r}; write AREA=SCORE with a score 0-10, e.g. --pain knee=3")
        if area not in PainArea._value2member_map_:
            import difflib

            close = difflib.get_close_matches(area, list(PainArea._value2member_map_), n=1)
            hint = f"did you mean {close[0]}? " if close else ""
            raise UserError(f"--pain: {area!r} is not a pain area; {hint}areas: {', '.join(a.value for a in PainArea)}")
        out.append(validated(PainReport, {"date": day, "area": area, "score": int(score)}, today, {"score": "--pain"}))
    return out
