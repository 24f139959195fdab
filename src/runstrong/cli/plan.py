"""`runstrong plan`, `runstrong demo` and `runstrong explain`."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import click

from runstrong.cli.options import console, escape
from runstrong.cli.plan_shown import Shown, difference_note, shown_for_file
from runstrong.cli.plan_source import diary_options
from runstrong.errors import UserError

EXAMPLE = "marathoner.toml"

DATA_HELP = (
    "Plan with the exercise library and rulebook in this folder (an edited copy; files it lacks come "
    "from runstrong). Default: $RUNSTRONG_DATA, else the shipped data. Check one with `runstrong check-data`."
)


def _data_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help=DATA_HELP,
    )(f)


def _plan_options(f):  # type: ignore[no-untyped-def]
    f = click.option(
        "--least-bad",
        is_flag=True,
        help="When a week cannot hold its sessions, plan fewer and warn instead of stopping.",
    )(f)
    f = click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of the terminal (written only if planning succeeds).",
    )(f)
    f = click.option("--explain", is_flag=True, help="Show the reason and rule behind every choice.")(f)
    f = click.option("--all", "all_weeks", is_flag=True, help="Show every week's sessions.")(f)
    f = click.option(
        "--week",
        "-w",
        "weeks",
        type=click.IntRange(min=1),
        multiple=True,
        help="Show this week's sessions in detail (repeatable; default: week 1).",
    )(f)
    f = click.option(
        "--format",
        "fmt",
        type=click.Choice(["table", "markdown", "json"]),
        default="table",
        show_default=True,
        help="table for the terminal, markdown for notes, json for programs.",
    )(f)
    return _data_option(f)


@click.command()
@click.argument("profile", required=False, type=click.Path(path_type=Path, dir_okay=False))
@_plan_options
@diary_options
@click.option("--athlete", "-a", help="Without a PROFILE: show this athlete's plan from the diary.")
def plan(
    profile: Path | None,
    fmt: str,
    weeks: tuple[int, ...],
    all_weeks: bool,
    explain: bool,
    output: Path | None,
    least_bad: bool,
    data_dir: Path | None,
    db: str | None,
    no_diary: bool,
    athlete: str | None,
) -> None:
    """Build a strength plan from a runner PROFILE (TOML or YAML), or show the diary's.

    \b
    The profile holds your running week, race, training days, time cap, equipment and
    any pain areas; see examples/ and `runstrong schema profile`.
    \b
    When the runner is in the diary, you see the plan you train from: while the file holds
    nothing the diary's profile lacks, that is the stored plan, with any review's changes
    (cuts, holds, regressions), as `today`, the booklet and the web show it. A file you
    changed is planned afresh, and a line says in which weeks the stored plan differs and
    how to see it (`--athlete NAME`) or store the file (`runstrong athlete add PROFILE`).
    Loads from today on follow the last logged sets, as `today` shows them.
    --no-diary plans from the file alone.
    Examples:
      runstrong plan examples/marathoner.toml
      runstrong plan examples/5k-racer.toml --week 5 --explain
      runstrong plan my.yaml --format markdown -o plan.md
      runstrong plan --athlete Maya --week 6        the diary's plan
    """
    from runstrong.cli.diary_common import clock_today

    today = clock_today()
    if profile is None:
        if no_diary:
            raise UserError("--no-diary: give a PROFILE file to plan from it alone")
        from runstrong.cli.plan_source import load_plan_source

        stored = load_plan_source(None, db, athlete, follow=today).plan
        name = f"{stored.profile.name}'s plan"
        _emit(None, name, fmt, weeks, all_weeks, explain, output, least_bad, data_dir, stored)
        return
    if athlete is not None:
        raise UserError("--athlete: give a PROFILE or --athlete, not both; the file names its runner")
    runner = checked_profile(profile, data_dir)
    shown = Shown(runner) if no_diary else shown_for_file(runner, profile, db, today, follow=True, fresh=bool(data_dir))
    the_plan = _emit(shown.profile, profile.name, fmt, weeks, all_weeks, explain, output, least_bad, data_dir,
                     shown.plan)  # fmt: skip
    for note in (*shown.notes, difference_note(shown, the_plan, profile, today)):  # said once there is a plan
        if note:
            click.echo(note, err=True)


@click.command()
@_plan_options
def demo(
    fmt: str,
    weeks: tuple[int, ...],
    all_weeks: bool,
    explain: bool,
    output: Path | None,
    least_bad: bool,
    data_dir: Path | None,
) -> None:
    """Plan for an example marathoner (16 weeks out, full gym): no set-up needed."""
    import tomllib

    from runstrong.io.profile_file import validate_profile

    text = resources.files("runstrong.examples").joinpath(EXAMPLE).read_text("utf-8")
    profile = validate_profile(tomllib.loads(text), source=EXAMPLE)
    _emit(profile, EXAMPLE, fmt, weeks, all_weeks, explain, output, least_bad, data_dir)


@click.command()
@click.argument("profile", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--week",
    "-w",
    "week",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="The week to explain.",
)
@click.option(
    "--session",
    "-s",
    "which",
    default=None,
    help="A session letter (A, B, C), weekday (tue) or date (2027-01-05); default: all that week.",
)
@_data_option
@diary_options
def explain(profile: Path, week: int, which: str | None, data_dir: Path | None, db: str | None, no_diary: bool) -> None:
    """Say why each session is on its day, and why those exercises and doses.

    A runner in the diary whose file holds nothing new gets their stored plan explained
    (with any review's changes), as `runstrong plan` shows it; --no-diary: the file alone."""
    from runstrong.cli.diary_common import clock_today
    from runstrong.io.data_files import load_context
    from runstrong.io.labels import week_label
    from runstrong.io.terminal import render_session

    ctx = load_context(data_dir)
    runner, today = checked_profile(profile, data_dir), clock_today()
    shown = Shown(runner) if no_diary else shown_for_file(runner, profile, db, today, follow=True, fresh=bool(data_dir))
    the_plan = shown.plan or build_named(shown.profile, profile.name, least_bad=False, data_dir=data_dir)
    for note in (*shown.notes, difference_note(shown, the_plan, profile, today)):
        if note:
            click.echo(note, err=True)
    w = _week(the_plan, week)
    sessions = _pick_sessions(w, which)
    out = console()
    out.rule(f"[bold]Week {w.index}[/] · {week_label(w)}{' · deload' if w.deload else ''}", align="left")
    for r in w.reasons:
        out.print(f"  • {escape(r.text)} [dim]\\[{r.rule_id}][/]")
    for s in sessions:
        out.print(render_session(s, w, the_plan, ctx.registry, ctx.library))


def _week(the_plan, index: int):  # type: ignore[no-untyped-def]
    for w in the_plan.weeks:
        if w.index == index:
            return w
    raise UserError(f"--week: the plan has weeks 1-{len(the_plan.weeks)}; pick one of those")


from runstrong.core.vocab import SESSION_LETTER  # noqa: E402 - plain enums, cheap to import

LETTER_FOCUS = {letter.lower(): focus.value for focus, letter in SESSION_LETTER.items()}


def _pick_sessions(week, which: str | None):  # type: ignore[no-untyped-def]
    if which is None:
        return week.sessions
    key = which.strip().lower()
    for s in week.sessions:
        if LETTER_FOCUS.get(key) == s.focus.value or key in (s.weekday.value, s.date.isoformat()):
            return [s]
    letter = {v: k.upper() for k, v in LETTER_FOCUS.items()}
    days = ", ".join(f"{letter[s.focus.value]} ({s.weekday.value} {s.date})" for s in week.sessions)
    raise UserError(f"--session: no session {which!r} in week {week.index}; this week has {days or 'none'}")


def checked_profile(path: Path, data_dir: Path | None = None):  # type: ignore[no-untyped-def]
    """The profile file, refused with every exercise id it names that the library lacks."""
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import (
        body_mass_note,
        check_exercise_ids,
        kilogram_loads_note,
        read_profile_data,
        validate_profile,
    )

    raw = read_profile_data(path)
    profile = validate_profile(raw, source=path.name)
    ctx = load_context(data_dir)
    check_exercise_ids(profile, ctx.library, source=path.name)
    for note in (body_mass_note(raw, profile, path.name, ctx.params), kilogram_loads_note(raw, path.name)):
        if note:  # kg among pounds, a body mass to check: said where the profile is read (stderr)
            click.echo(note, err=True)
    return profile


def build_named(profile, source: str, *, least_bad: bool, data_dir: Path | None = None):  # type: ignore[no-untyped-def]
    """Plan, naming the profile file in any message about what is wrong with it."""
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context

    ctx = load_context(data_dir)  # a DataError lists every problem with the data files
    try:
        return build_plan(profile, ctx, least_bad=least_bad)
    except UserError as err:
        raise UserError(f"{source}: {err}") from None


def _emit(
    profile,
    source: str,
    fmt: str,
    weeks: tuple[int, ...],
    all_weeks: bool,
    explain: bool,  # type: ignore[no-untyped-def]
    output: Path | None,
    least_bad: bool,
    data_dir: Path | None = None,
    stored=None,  # type: ignore[no-untyped-def]
):  # type: ignore[no-untyped-def]
    """Show `stored` (a plan from the diary), else the plan of `profile`; the plan shown."""
    from runstrong.io.data_files import load_context

    if weeks and fmt == "json":
        raise UserError("--week: JSON always holds every week; use --week with the table or markdown views")
    the_plan = stored or build_named(profile, source, least_bad=least_bad, data_dir=data_dir)
    for n in weeks:
        _week(the_plan, n)
    ctx = load_context(data_dir)
    registry = ctx.registry
    if fmt == "json":
        text = the_plan.model_dump_json(indent=2) + "\n"
    elif fmt == "markdown":
        from runstrong.io.markdown import render_markdown

        text = render_markdown(the_plan, registry, explain=explain, weeks=list(weeks) or None)
    else:
        from runstrong.io.terminal import print_plan

        chosen = [w.index for w in the_plan.weeks] if all_weeks else list(weeks)
        if output is None:
            print_plan(the_plan, console(), weeks=chosen, registry=registry if explain else None, library=ctx.library)
            return the_plan
        from rich.console import Console

        recorder = Console(record=True, width=120, file=open(os.devnull, "w"))  # noqa: SIM115
        print_plan(the_plan, recorder, weeks=chosen, registry=registry if explain else None, library=ctx.library)
        text = recorder.export_text()
    if output is None:
        click.echo(text, nl=False)
    else:
        from runstrong.io.files import write_atomically

        write_atomically(output, text)
        click.echo(
            f"Wrote {output} ({len(the_plan.weeks)} weeks, {sum(len(w.sessions) for w in the_plan.weeks)} sessions).",
            err=True,
        )
    return the_plan
