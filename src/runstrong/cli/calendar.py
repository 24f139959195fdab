"""`runstrong calendar export` and `runstrong calendar import`: strength sessions out to a
calendar app, a running app's plan in as the profile's dated running weeks."""

from __future__ import annotations

import datetime as dt
import importlib
import re
import shutil
import sys
from pathlib import Path
from typing import Any

import click

from runstrong.cli.plan_source import load_plan_source, plan_source_options
from runstrong.errors import UserError
from runstrong.io.files import write_atomically


@click.group()
def calendar() -> None:
    """Calendar files: your strength sessions out as .ics, your running plan in from .ics.

    \b
      runstrong calendar export me.toml -o strength.ics --reminder 30
      runstrong calendar import runna.ics --profile me.toml
    """


# ---------------------------------------------------------------------------- export


@calendar.command("export")
@plan_source_options
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The .ics file to write ('-' for standard output). If it exists, it is updated (see above).",
)
@click.option("--reminder", type=click.IntRange(0, 10080), metavar="MINUTES", help="A reminder this long before.")
@click.option("--weeks", metavar="WEEKS", help="Only these weeks: 3, 1-4 or 1-4,9 (default: all).")
@click.option(
    "--tz",
    metavar="ZONE",
    help="Write times in UTC for this time zone (e.g. Europe/Berlin); default: floating local times.",
)
@click.option("--fresh", is_flag=True, help="Ignore an existing output file: no SEQUENCE history, no cancellations.")
def export(
    profile: Path | None,
    db: str | None,
    athlete: str | None,
    least_bad: bool,
    no_diary: bool,
    output: Path,
    reminder: int | None,
    weeks: str | None,
    tz: str | None,
    fresh: bool,
) -> None:
    """Write the plan's strength sessions as an .ics file for any calendar app.

    \b
    One event per session at your preferred_time (all-day when the profile has none),
    lasting the session's estimated minutes; the description holds the whole session
    and the rules behind it. Event ids name you and the plan slot (week 3, session A),
    so after changing your profile, export to the SAME file and import it again: the
    file is read back first, changed sessions get a higher SEQUENCE (calendars update
    them in place) and sessions no longer planned are sent as cancelled.
    \b
    Examples:
      runstrong calendar export me.toml -o strength.ics
      runstrong calendar export me.toml -o strength.ics --reminder 30 --weeks 1-4
      runstrong calendar export --athlete Maya -o maya.ics
    """
    from runstrong.io.ics_export import export_calendar

    source = load_plan_source(profile, db, athlete, least_bad, no_diary=no_diary)
    chosen = _weeks(weeks, len(source.plan.weeks)) if weeks else None
    to_stdout = str(output) == "-"
    previous = None
    if not to_stdout:
        if output.suffix.lower() != ".ics":
            raise UserError(f"--output: {output.name}: a calendar file ends in .ics; pick a name such as strength.ics")
        if output.is_dir():
            raise UserError(f"--output: {output} is a folder; give a file name such as {output / 'strength.ics'}")
        if not output.parent.exists():
            raise UserError(f"--output: folder {output.parent} does not exist; create it or pick another path")
        if output.exists() and not fresh:
            previous = output.read_bytes()
    result = export_calendar(
        source.plan,
        previous=previous,
        source=output.name,
        reminder_minutes=reminder,
        weeks=chosen,
        tz=tz,
    )
    if to_stdout:
        sys.stdout.buffer.write(result.data)
        return
    write_atomically(output, result.data)
    parts = [f"{result.new} new", f"{result.changed} changed", f"{result.unchanged} unchanged"]
    extra = f", {result.cancelled} cancelled" if result.cancelled else ""
    extra += f", {result.carried} from other weeks kept" if result.carried else ""
    click.echo(f"Wrote {output}: {result.events} sessions ({', '.join(parts)}){extra}.", err=True)
    if previous is None:
        click.echo("Import it into your calendar; after a change, export to the same file and import again.", err=True)


def _weeks(text: str, total: int) -> frozenset[int]:
    """`3`, `1-4`, `1-4,9` -> week numbers, each checked against the plan."""
    out: set[int] = set()
    for part in text.replace(" ", "").split(","):
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        if m is None:
            raise UserError(f"--weeks: {part!r} is not a week or range; write 3, 1-4 or 1-4,9")
        lo, hi = int(m[1]), int(m[2] or m[1])
        if not 1 <= lo <= hi <= total:
            raise UserError(f"--weeks: {part} is outside the plan's weeks 1-{total}; pick weeks in that range")
        out.update(range(lo, hi + 1))
    return frozenset(out)


# ---------------------------------------------------------------------------- import

SKIP = "skip"
TYPE_STYLE = {
    "long": "bold magenta",
    "tempo": "bold yellow",
    "intervals": "bold red",
    "race": "bold reverse red",
    "easy": "green",
    "cross_train": "cyan",
    "rest": "dim",
}


@calendar.command("import")
@click.argument("runs", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--profile",
    "-p",
    "profile_path",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The profile whose running weeks the calendar replaces.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the new profile here (TOML or YAML by its name); default: update PROFILE, keeping PROFILE.bak.",
)
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="DATE[#N]=TYPE",
    help="Correct a guess: 2027-03-02=tempo, or 2027-03-02#2=skip for the day's second event (repeatable).",
)
@click.option("--tz", metavar="ZONE", help="Read times in this zone (default: the calendar's own, else each event's).")
@click.option("--yes", "-y", is_flag=True, help="Write without asking.")
@click.option("--force", is_flag=True, help="Replace an existing --output file.")
def import_(
    runs: Path,
    profile_path: Path,
    output: Path | None,
    overrides: tuple[str, ...],
    tz: str | None,
    yes: bool,
    force: bool,
) -> None:
    """Read a running plan from RUNS (.ics) into a profile's dated running weeks.

    \b
    Each event is classified as long, tempo, intervals, easy, race, cross_train or rest
    from words in its title (English, German, French, Spanish, Italian, Dutch,
    Portuguese...) or, without one, from its length (90 min or more: long). Repeating
    events are expanded within the plan's weeks. You see the result as a table and can
    correct it with --set (or at the prompt) before anything is written. The weeks the
    calendar covers replace the profile's usual week there; `runstrong plan` then places
    strength around those real weeks.
    \b
    Examples:
      runstrong calendar import runna.ics --profile me.toml
      runstrong calendar import plan.ics -p me.toml --set 2027-03-02=tempo -o me-spring.toml --yes
    """
    from runstrong.cli.plan import checked_profile
    from runstrong.core.run_classify import classify_entry, plan_period
    from runstrong.io.data_files import load_params
    from runstrong.io.ics_import import MAX_CALENDAR_BYTES, read_running_calendar
    from runstrong.io.profile_write import check_writable, profile_format

    profile = checked_profile(profile_path)  # says what init, plan and explain say of it (a body mass to check)
    target = output or profile_path
    profile_format(target)
    if output is not None:
        check_writable(output, force=force)
    if not runs.exists():
        raise UserError(f"{runs}: no such file; export your running plan as .ics from your running app or calendar")
    start, end = plan_period(profile, load_params())
    with runs.open("rb") as stream:  # never more than the limit (plus a byte, to tell it was passed)
        data = stream.read(MAX_CALENDAR_BYTES + 1)
    read = read_running_calendar(data, runs.name, start=start, end=end, tz=tz)
    kw = _keywords()
    pace = profile.easy_min_per_km
    rows = [[entry, classify_entry(entry, kw, pace)] for entry in read.entries]
    for text in overrides:
        _apply_override(rows, text, "--set", pace)
    from runstrong.cli.options import console

    out = console()
    _show(out, rows, read, runs.name, (start, end))
    _pace_note(out, rows, kw, pace, profile_path)
    if not any(c.type is not None for _, c in rows):
        raise UserError(
            f"{runs.name}: no runs between {start} and {end} (the plan's weeks); "
            "check the file's dates or keep events with --set DATE=TYPE"
        )
    if not yes and sys.stdin.isatty() and not _confirm(out, rows, read, runs.name, (start, end), target, pace):
        out.print("Nothing written.")
        return
    _write(out, profile, profile_path, output, rows, runs.name, force)


def _keywords() -> Any:
    """The keyword table, with the long-run threshold of the rulebook in use (`RUNSTRONG_DATA`)."""
    from runstrong.io.classify_data import run_keywords
    from runstrong.io.data_files import load_context

    return run_keywords(load_context())


def _pace_note(out: Any, rows: list[list[Any]], kw: Any, pace: float | None, profile_path: Path) -> None:
    """Say which pace turned distances into minutes when the profile gives none."""
    from rich.markup import escape

    from runstrong.core.pace import pace_text

    if pace is not None or not any("an assumed" in c.why and " km at " in c.why for _, c in rows):
        return
    table = kw.table.distance
    out.print(
        escape(
            f"No easy_pace in {profile_path.name}: distances were turned into minutes at an assumed "
            f"{pace_text(table.easy_min_per_km)}/km ({pace_text(table.race_min_per_km)}/km for races). "
            f'Add easy_pace = "5:45/km" (or "9:15/mi") to the profile and import again for yours.'
        )
    )


def _apply_override(rows: list[list[Any]], text: str, where: str, pace: float | None = None) -> None:
    """`DATE[#N]=TYPE` on the rows, in place; a bad one is a UserError naming what is there."""
    from runstrong.core.model import RunType
    from runstrong.core.run_classify import override

    types = [t.value for t in RunType] + [SKIP]
    m = re.fullmatch(r"\s*(\d{4}-\d{2}-\d{2})\s*(?:#\s*(\d+))?\s*=\s*([a-z_\-]+)\s*", text.lower())
    if m is None:
        raise UserError(f"{where}: {text!r}: write DATE=TYPE or DATE#N=TYPE, e.g. 2027-03-02=tempo")
    from runstrong.cli.options import parse_date

    day = parse_date(m[1], where, "2027-03-02")
    kind = m[3].replace("-", "_")
    if kind not in types:
        raise UserError(f"{where}: {m[3]!r} is not a run type; use one of {', '.join(types)}")
    same_day = [row for row in rows if row[0].date == day]
    if not same_day:
        raise UserError(f"{where}: the calendar has no event on {day} in the plan's weeks; check the date in the table")
    if m[2] is None and len(same_day) > 1:
        titles = "; ".join(f"#{i} {row[0].title!r}" for i, row in enumerate(same_day, 1))
        raise UserError(f"{where}: {day} has {len(same_day)} events ({titles}); write {day}#N={kind}")
    index = int(m[2] or 1)
    if not 1 <= index <= len(same_day):
        raise UserError(f"{where}: {day} has {len(same_day)} event(s); pick #1 to #{len(same_day)}")
    row = same_day[index - 1]
    row[1] = override(row[0], None if kind == SKIP else RunType(kind), _keywords(), pace)


def _show(out: Any, rows: list[list[Any]], read: Any, name: str, period: tuple[dt.date, dt.date]) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{name}: {len(rows)} events in the plan's weeks", title_justify="left", show_lines=False)
    for col, opts in (
        ("date", {"no_wrap": True}),
        ("day", {}),
        ("at", {"no_wrap": True}),
        ("title", {"max_width": 40}),
        ("min", {"justify": "right"}),
        ("type", {"no_wrap": True}),
        ("why", {}),
    ):
        table.add_column(col, **opts)
    per_day: dict[dt.date, int] = {}
    for entry, _ in rows:
        per_day[entry.date] = per_day.get(entry.date, 0) + 1
    seen: dict[dt.date, int] = {}
    for entry, c in rows:
        seen[entry.date] = seen.get(entry.date, 0) + 1
        date = entry.date.isoformat() + (f"#{seen[entry.date]}" if per_day[entry.date] > 1 else "")
        kind = f"[{TYPE_STYLE[c.type.value]}]{c.type.value}[/]" if c.type else "[dim]left out[/]"
        minutes = str(c.minutes) if c.type is not None and c.type.value != "rest" else ""
        table.add_row(
            date,
            f"{entry.date:%a}",
            f"{entry.time:%H:%M}" if entry.time else "all day",
            escape(entry.title or "(no title)"),
            minutes,
            kind,
            escape(c.why),
            style="dim" if c.type is None else None,
        )
    out.print(table)
    kept = [c for _, c in rows if c.type is not None]
    counts: dict[str, int] = {}
    for c in kept:
        counts[c.type.value] = counts.get(c.type.value, 0) + 1
    summary = ", ".join(f"{n} {t}" for t, n in counts.items())
    notes = [f"{len(kept)} to import ({summary})" if kept else "nothing to import"]
    left = len(rows) - len(kept)
    if left:
        notes.append(f"{left} left out")
    if read.outside:
        notes.append(f"{read.outside} outside the plan's weeks ({period[0]} to {period[1]})")
    if read.expanded:
        notes.append(f"{read.expanded} repeating event(s) expanded")
    if read.cancelled:
        notes.append(f"{read.cancelled} cancelled event(s) skipped")
    if read.own:
        notes.append(f"{read.own} runstrong strength session(s) skipped")
    if read.zone:
        notes.append(f"times read in {read.zone}")
    out.print(escape("; ".join(notes) + "."))


def _confirm(
    out: Any,
    rows: list[list[Any]],
    read: Any,
    name: str,
    period: tuple[dt.date, dt.date],
    target: Path,
    pace: float | None = None,
) -> bool:
    """Ask until the runner writes, stops, or corrects rows (`DATE=TYPE`) and sees the table again."""
    from rich.markup import escape

    while True:
        answer = out.input(
            f"[bold]Write these runs to {escape(str(target))}?[/] [dim]\\[Y/n, or correct one: DATE=TYPE][/] "
        )
        text = answer.strip().lower()
        if text in ("", "y", "yes"):
            return True
        if text in ("n", "no", "q", "quit"):
            return False
        try:
            _apply_override(rows, text, "correction", pace)
        except UserError as err:
            out.print(f"  [red]✗ {escape(str(err))}[/]")
            continue
        _show(out, rows, read, name, period)


def _write(
    out: Any, profile: Any, profile_path: Path, output: Path | None, rows: list[list[Any]], name: str, force: bool
) -> None:
    from rich.markup import escape

    from runstrong.core.model import DatedRun
    from runstrong.core.run_classify import merge_dated
    from runstrong.io.profile_write import write_profile

    runs = [DatedRun(date=e.date, type=c.type, minutes=c.minutes) for e, c in rows if c.type is not None]
    running, replaced, kept = merge_dated(profile.running, runs)
    new = profile.model_copy(update={"running": running})
    header = _leading_comments(profile_path)
    if output is not None:
        write_profile(output, new, header=header, force=force)
        where = output
    else:
        backup = profile_path.with_name(profile_path.name + ".bak")
        shutil.copy2(profile_path, backup)
        write_profile(profile_path, new, header=header, force=True)
        where = profile_path
        out.print(f"The previous profile is in {escape(str(backup))}.")
    weeks = len({r.date - dt.timedelta(days=r.date.weekday()) for r in runs})
    note = f"; {replaced} earlier dated run(s) replaced" if replaced else ""
    note += f", {kept} in other weeks kept" if kept else ""
    out.print(f"[green]✓ Wrote {escape(str(where))}:[/] {len(runs)} runs from {escape(name)} in {weeks} week(s){note}.")
    _check_plan(out, new, where)


def _check_plan(out: Any, profile: Any, where: Path) -> None:
    """Plan once, so the runner hears now (not at `plan`) if a week cannot hold its sessions."""
    from rich.markup import escape

    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context

    try:
        plan = build_plan(profile, load_context())
    except UserError as err:
        out.print(f"[yellow]Note: the plan does not fit yet: {escape(str(err))}[/]")
        out.print(f"Try [bold]runstrong plan {escape(str(where))} --least-bad[/], or change the days you can train.")
        return
    sessions = sum(len(w.sessions) for w in plan.weeks)
    out.print(
        f"Next: [bold]runstrong plan {escape(str(where))}[/] ({len(plan.weeks)} weeks, {sessions} strength sessions "
        "placed around these runs)."
    )


def _leading_comments(path: Path) -> str:
    """The profile's opening comment block, kept at the top of the rewritten file."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line[1:].removeprefix(" "))
    return "\n".join(lines)


__all__ = ["calendar"]


calendar.add_command(importlib.import_module("runstrong.cli.calendar_feed").feed)
