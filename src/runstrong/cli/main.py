"""The `runstrong` command.

Subcommands are imported only when they run, so `runstrong --help` pays for click and
nothing else, and a help page shown before is printed from the user's cache without
click at all (cli/help_cache.py; see bench/cli_startup.py and docs/benchmarks.md). The
click group itself is in cli/group.py.
"""

from __future__ import annotations

import errno
import os
import sys

# name -> (module, attribute, one-line help shown by `runstrong --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    # plan
    "demo": ("runstrong.cli.plan", "demo", "Plan for an example runner, no set-up needed."),
    "init": ("runstrong.cli.init", "init", "Set up your profile by answering a few questions."),
    "assess": ("runstrong.cli.assess", "assess", "Run the baseline screen, record it, or compare screens."),
    "plan": ("runstrong.cli.plan", "plan", "Build a strength plan around a runner's week and race."),
    "explain": ("runstrong.cli.plan", "explain", "Say why a session is on its day, with those exercises and doses."),
    "exercises": ("runstrong.cli.exercises", "exercises", "Browse the exercise library."),
    "rules": ("runstrong.cli.rules", "rules", "The programming rules behind every choice, with sources."),
    "schema": ("runstrong.cli.schema", "schema", "Print the JSON Schema of a profile or a plan."),
    "check-data": ("runstrong.cli.check_data", "check_data", "Check an edited copy of the library and rulebook."),
    # diary and review
    "athlete": ("runstrong.cli.athletes", "athlete", "Store your profile and plan for the diary; list athletes."),
    "today": ("runstrong.cli.diary", "today", "Today's strength session and runs, with the doses to use."),
    "log": ("runstrong.cli.diary", "log", "Log a strength session: as planned in one confirmation, or set by set."),
    "wellness": ("runstrong.cli.diary", "wellness", "The ten-second daily check-in: sleep, mood, soreness..."),
    "run": ("runstrong.cli.runs", "run", "Log a run (`run add easy 45`) or import runs from .fit, .gpx, .tcx, CSV."),
    "note": ("runstrong.cli.diary", "note", "A free note in the diary."),
    "history": ("runstrong.cli.diary", "history", "What you have done, by week or by exercise."),
    "undo": ("runstrong.cli.edit", "undo", "Take back the last change to the diary, exactly."),
    "review": ("runstrong.cli.review", "review", "Review last week's diary and adapt the plan, with reasons."),
    "reschedule": ("runstrong.cli.review", "reschedule", "Missed a session? Move it later this week if rules allow."),
    "chart": ("runstrong.cli.chart", "chart", "Charts of load, wellness, volume and lift progress (PNG/SVG)."),
    "serve": ("runstrong.cli.serve", "serve", "The local web app: today, plan, log, check-in, review in the browser."),
    "users": ("runstrong.cli.users", "users", "Server-mode accounts: users, roles, coaches, passwords, tokens."),
    "db": ("runstrong.cli.db", "db", "The diary database: upgrade its schema, back it up."),
    # out and in
    "calendar": ("runstrong.cli.calendar", "calendar", "Export sessions as .ics; import a running plan from .ics."),
    "fit": ("runstrong.cli.fit", "fit", "Garmin FIT strength workouts for the plan, a week or a session."),
    "booklet": ("runstrong.cli.booklet", "booklet", "A printable booklet (PDF or HTML) with session cards to fill in."),
    "export": ("runstrong.cli.transfer", "export", "Write the diary out as JSON (a backup) or CSV."),
    "import": ("runstrong.cli.transfer", "import_", "Read a diary back in from JSON or CSV."),
    "import-archive": (
        "runstrong.cli.archive",
        "import_archive",
        "Import the runs of a Strava or Garmin export .zip.",
    ),
}


def __getattr__(name: str) -> object:
    """`cli` and `LazyGroup` live in cli/group.py, so that a stored help page is printed without click."""
    if name in ("cli", "LazyGroup"):
        from runstrong.cli import group

        return getattr(group, name)
    raise AttributeError(name)


# A full disk, a read-only folder or a missing permission: the user's machine, not our bug.
PLACE_ERRORS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM}


def describe_place_error(exc: OSError) -> str:
    """An OSError about where runstrong reads or writes, said with what to do."""
    where = exc.filename or "a file"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = "free some space (or write elsewhere) and run the command again"
    else:
        fix = "make it writable (or readable) for you, or give another path"
    return f"Error: {where}: {exc.strerror}\n  Fix: {fix}"


def describe_user_error(exc: Exception) -> str:
    """`Error: <field>: <message>` per problem, with its fix below; a field the user sets by a
    flag is named by that flag (cli/options.FIELD_FLAGS), never found by reading the text."""
    from runstrong.cli.options import FIELD_FLAGS
    from runstrong.errors import Problem

    problems = [p for p in getattr(exc, "problems", ()) if isinstance(p, Problem)]
    if not problems:
        return f"Error: {exc}"
    lines = []
    for p in problems:
        field = p.field if p.source else FIELD_FLAGS.get(p.field, p.field)
        head = ": ".join(x for x in (p.source, field) if x)
        lines.append(f"Error: {head}: {p.message}" if head else f"Error: {p.message}")
        if p.fix:
            lines.append(f"  Fix: {p.fix}")
    return "\n".join(lines)


# Commands whose every change is one transaction: refused, they wrote nothing. Said, so a
# runner does not `undo` a refused log (and lose the entry before it).
DIARY_WRITES = ("log", "wellness", "run", "note")


def nothing_written(argv: list[str]) -> str:
    """The line under a diary command's refusal: nothing was written, nothing to undo."""
    command = next((a for a in argv if a in COMMANDS), None)
    if command not in DIARY_WRITES:
        return ""
    return "\nNothing was written to the diary: there is nothing to undo."


def main() -> None:
    """Entry point: user mistakes exit 2 with a message, our own failures exit 1."""
    from runstrong.cli import help_cache

    page = help_cache.help_request(sys.argv[1:], COMMANDS)
    stored = help_cache.read(page) if page is not None else None
    if stored is not None:
        try:
            sys.stdout.write(stored)
            sys.stdout.flush()
        except BrokenPipeError:
            pass
        sys.exit(0)
    import click

    from runstrong.cli.group import cli
    from runstrong.errors import RunstrongError, UserError

    try:
        if page is None:
            cli.main(standalone_mode=False, prog_name="runstrong")
        else:
            _show_and_store_help(cli, page)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except UserError as exc:
        click.echo(describe_user_error(exc) + nothing_written(sys.argv[1:]), err=True)
        sys.exit(2)
    except RunstrongError as exc:
        click.echo(f"runstrong failed: {exc}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:
        if exc.errno not in PLACE_ERRORS:
            _internal(exc)
        click.echo(describe_place_error(exc), err=True)
        sys.exit(2)
    except Exception as exc:
        _internal(exc)


def _show_and_store_help(cli: object, page: str) -> None:
    """Render a help page with click as always, print it, and keep it for next time."""
    import contextlib
    import io

    from runstrong.cli import help_cache

    shown = io.StringIO()
    try:
        with contextlib.redirect_stdout(shown):
            status = cli.main(standalone_mode=False, prog_name="runstrong")  # type: ignore[attr-defined]
    finally:
        sys.stdout.write(shown.getvalue())
    if status == 0:  # click hands back the help option's exit status when not standalone
        help_cache.store(page, shown.getvalue())


def _internal(exc: BaseException) -> None:
    """Our own failure: exit 1 with a request to report it (the traceback with RUNSTRONG_DEBUG)."""
    import click

    if os.environ.get("RUNSTRONG_DEBUG"):
        raise exc
    click.echo(
        f"runstrong hit an internal error ({type(exc).__name__}: {exc}).\n"
        "Please report it; set RUNSTRONG_DEBUG=1 to see the traceback.",
        err=True,
    )
    sys.exit(1)
