"""`runstrong today`, `log`, `wellness` and `history`: the training diary.

Each command is one transaction: it all goes in, or (on any bad input) nothing does.
Prompts appear only when stdin is a terminal, and are over before the write begins, so a
runner thinking about an answer never holds the database lock.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from runstrong.cli.diary_common import (
    athlete_option,
    check_lines_for,
    clock_now,
    clock_today,
    date_option,
    db_option,
    entry_from_options,
    load_profile_file,
    open_diary,
    pain_option,
    parse_day,
    parse_pains,
    profile_before_diary,
    profile_option,
    stdin_is_tty,
)
from runstrong.cli.edit import log_group, wellness_group
from runstrong.cli.options import console, echo_json, escape
from runstrong.errors import UserError

# ---------------------------------------------------------------------------- today


@click.command()
@date_option("The day to show")
@athlete_option
@profile_option
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def today(day: str | None, athlete: str | None, profile: Path | None, db: str | None, fmt: str) -> None:
    """Today's strength session and runs, with the doses to use and what you did last time.

    \b
    Examples:
      runstrong today
      runstrong today --profile my.toml     (first time: stores your profile and plan)
      runstrong today --date 2027-01-07
    """
    now, clock = clock_now(), clock_today()
    when = parse_day(day, clock, allow_future=True)
    shown = None
    if profile is None:  # a SQLite diary at the schema's head: read without SQLAlchemy or Pydantic
        from runstrong.store import light_read

        try:
            shown = light_read.read_day(db, athlete, when)
        except light_read.NeedsFollowData:
            from runstrong.io.data_files import load_context

            light_read.keep_follow_data(load_context())  # for the next time; this time the full path
    if shown is None:
        shown = _read_day(db, athlete, profile, now, when)
    _show_day(shown, when, clock, fmt)


def _read_day(db: str | None, athlete: str | None, profile: Path | None, now: Any, when: Any) -> Any:
    """What `today` shows, through the store and the models (and migrating the diary first)."""
    from runstrong.flows.loads import follow_diary
    from runstrong.store import repo
    from runstrong.store.light_read import Day

    checked = profile_before_diary(profile)
    with open_diary(db) as store:
        if checked is not None:
            load_profile_file(store, checked, now)
        with store.read() as s:
            who = repo.find_athlete(s, athlete)
            plan = repo.planned_day(s, who.id, when)
            ids = [b.exercise_id for p in plan.sessions for b in p.blocks]
            last = repo.last_sets(s, who.id, ids, when)
            sessions = follow_diary(s, who.id, plan.sessions, when)
            logged = repo.count_sets(s, repo.session_ids_on(s, who.id, when))
            upcoming = None if sessions else repo.next_planned_session(s, who.id, when)
    return Day(who.name, who.units, plan.plan_version, sessions, plan.runs, last, logged, upcoming)  # type: ignore[arg-type]


def _show_day(shown: Any, when: Any, clock: Any, fmt: str) -> None:
    """Print the day, whichever path read it: the light path's JSON values are viewed through
    `light_read.Values`, the models as they are."""
    from runstrong.store.light_read import Values

    def dump(x: Any) -> Any:
        return x if isinstance(x, dict) else x.model_dump(mode="json")

    def view(x: Any) -> Any:
        return Values(x) if isinstance(x, dict) else x

    if fmt == "json":
        echo_json(
            {
                "date": str(when),
                "athlete": shown.name,
                "plan_version": shown.plan_version,
                "sessions": [dump(p) for p in shown.sessions],
                "runs": [dump(r) for r in shown.runs],
                "logged_sets": shown.logged,
            }
        )
        return
    out = console()
    if shown.plan_version is None:
        out.print(f"{escape(shown.name)} has no stored plan; store one with `runstrong athlete add PROFILE`.")
        return
    from runstrong.io.day_view import render_day

    sessions, runs = [view(p) for p in shown.sessions], [view(r) for r in shown.runs]
    upcoming = None if shown.upcoming is None else view(shown.upcoming)
    out.print(render_day(when, clock, sessions, runs, shown.units, shown.last, shown.logged, upcoming,
                         shown.plan_version))  # fmt: skip
    from runstrong.cli.today_slips import slips

    for note in slips(shown, sessions, view):  # a log far above the plan, and why today's load did not follow it
        out.print(f"[bold yellow]![/] {escape(note)}")
    if not shown.sessions and shown.upcoming is None:  # cr22a P2: an empty day said nothing of why
        out.print(
            "Nothing is planned after this day either: the stored plan has ended. Store the next one with "
            "[bold]runstrong athlete add PROFILE[/] (a new race, or start_date from today)."
        )
    if shown.sessions and not shown.logged and when <= clock:
        date_flag = "" if when == clock else f" --date {when}"
        out.print(
            f"\nDone it? [bold]runstrong log{date_flag}[/] (one confirmation), or "
            f"[bold]runstrong log --as-planned{date_flag}[/] in a script."
        )


# ------------------------------------------------------------------------------ log


@click.group(cls=log_group(), invoke_without_command=True)
@click.pass_context
@click.option(
    "--set",
    "-s",
    "set_lines",
    multiple=True,
    metavar="LINE",
    help="Sets as done, one exercise per option: 'rdl 3x8@40kg rpe7', 'side plank 2x30s left', "
    "'pogo hops 3x20c', 'split squat 8,8,7 @bw rir2 form3 # knee wobbles' (repeatable).",
)
@click.option("--as-planned", is_flag=True, help="Log the planned session as prescribed (plus any --set lines).")
@click.option("--session", "label", metavar="A|B|C", help="Which planned session, if the day holds more than one.")
@click.option("--rpe", "session_rpe", type=float, help="Session RPE, 1-10: how hard the whole session was.")
@click.option("--minutes", type=int, help="How long the session took, in minutes.")
@click.option("--note", help="A note on the session.")
@pain_option
@click.option("--new-session", is_flag=True, help="Start a second session on that day instead of adding to the first.")
@click.option("--again", is_flag=True, help="Log it even if the very same command was logged before (not a retry).")
@click.option("--yes", "confirmed", is_flag=True, help="Log a load far above your kit, plan and history: it is true.")
@click.option(
    "--for",
    "planned_for",
    metavar="DATE",
    help="Done on another day than planned: the date of the planned session it stands for (--date stays the day done).",
)
@date_option("The day the session was done")
@athlete_option
@profile_option
@db_option
def log(
    ctx: click.Context,
    set_lines: tuple[str, ...],
    as_planned: bool,
    label: str | None,
    session_rpe: float | None,
    minutes: int | None,
    note: str | None,
    pains: tuple[str, ...],
    new_session: bool,
    again: bool,
    confirmed: bool,
    planned_for: str | None,
    day: str | None,
    athlete: str | None,
    profile: Path | None,
    db: str | None,
) -> None:
    """Log a strength session: as planned in one confirmation, set by set when it differed.

    \b
    In a terminal, `runstrong log` shows today's planned session: press Enter if you did it
    as planned (or type the session RPE), n to go through it set by set.
    In scripts:
      runstrong log --as-planned --rpe 6
      runstrong log --set "rdl 3x8@40kg rpe7" --set "side plank 2x30s left"
      runstrong log --date yesterday --set "pogo hops 3x20c" --pain achilles=2
      runstrong log --as-planned --for 2027-01-08   (Friday's session, done today)
    Sets logged again on the same day are added to that day's session; the very same
    command again is answered "already logged" (a retry never doubles sets).
    Put it right with `runstrong log edit`, `runstrong log delete` or `runstrong undo`.
    """
    from runstrong.cli.log_flow import LogRequest, gather, write_log
    from runstrong.io.data_files import load_library

    if ctx.invoked_subcommand is not None:
        return

    today_, now = clock_today(), clock_now()
    when = parse_day(day, today_)
    request = LogRequest(
        set_lines=set_lines,
        as_planned=as_planned,
        label=label,
        session_rpe=session_rpe,
        minutes=minutes,
        note=note,
        pains=parse_pains(pains, when, today_),
        new_session=new_session,
        day=when,
        today=today_,
        again=again,
        confirmed=confirmed,
        planned_on=parse_day(planned_for, today_, allow_future=True, flag="--for") if planned_for else None,
    )
    if not request.anything_given() and not stdin_is_tty():
        raise UserError(
            "set: nothing to log and no terminal to ask in; use --as-planned, or --set 'rdl 3x8@40kg rpe7' "
            "(repeatable), or --rpe/--minutes/--note/--pain to add to the day's session"
        )
    checked = profile_before_diary(profile)
    check_lines_for(checked, request)  # a bad set line stores no profile either
    with open_diary(db) as store:
        if checked is not None:
            load_profile_file(store, checked, now)
        if not request.anything_given():  # a terminal: ask first, then write; nobody holds the lock while thinking
            from runstrong.cli.log_prompts import ask

            with store.read() as s:
                context = gather(s, request, athlete)
            answered = ask(request, context, console())
            if answered is None:
                click.echo("Nothing logged.", err=True)
                return
            request = answered
        load_library()  # before taking the write lock
        logged = write_log(store, request, athlete)
    _report(logged)


def _report(logged) -> None:  # type: ignore[no-untyped-def]
    from runstrong.io.data_files import load_library
    from runstrong.io.diary_terminal import render_logged

    names = {e.id: e.name for e in load_library().exercises}
    out = console()
    result, planned = logged.result, logged.planned
    where = f"session {planned.label}, week {planned.week}" if planned else "unplanned session"
    if planned is not None and planned.date != result.date:
        where += f", planned for {planned.date:%a %d %b}"
    if logged.already:
        out.print(
            f"Already logged: these {result.new_sets} set{'s' if result.new_sets != 1 else ''} on "
            f"{result.date:%a %d %b %Y} ({where}) were logged before; nothing added (--again logs them again)."
        )
        return
    verb = "Added" if result.appended else "Logged"
    out.print(
        f"[bold green]✓[/] {verb} {result.new_sets} set{'s' if result.new_sets != 1 else ''} on "
        f"{result.date:%a %d %b %Y} ({where}); {result.total_sets} in that session."
    )
    if logged.log.sets:
        out.print(render_logged(logged.log.sets, names, logged.athlete.units))
    for note in logged.notes:  # a strength day next to another (no-consecutive-strength-days)
        out.print(f"[bold yellow]![/] {escape(note)}")
    out.print("Wrong? [bold]runstrong undo[/] takes it back; [bold]runstrong log edit[/] changes a set.")


# ------------------------------------------------------------------------- wellness

WELLNESS_FLAGS = {
    "sleep_hours": "--sleep",
    "sleep_quality": "--sleep-quality",
    "mood": "--mood",
    "appetite": "--appetite",
    "soreness": "--soreness",
    "stress": "--stress",
    "energy": "--energy",
    "note": "--note",
    "date": "--date",
}


@click.group(cls=wellness_group(), invoke_without_command=True)
@click.pass_context
@click.option("--sleep", "sleep_hours", type=float, help="Hours slept last night, 0-16.")
@click.option("--sleep-quality", type=int, help="Sleep quality, 1 = insomnia ... 5 = very restful.")
@click.option("--mood", type=int, help="Mood, 1 = very low or irritable ... 5 = very positive.")
@click.option("--appetite", type=int, help="Appetite, 1 = none ... 5 = normal and hungry.")
@click.option("--soreness", type=int, help="Muscle soreness, 1 = very sore ... 5 = feeling great.")
@click.option("--stress", type=int, help="Stress, 1 = highly stressed ... 5 = very relaxed.")
@click.option("--energy", type=int, help="Energy, 1 = always tired ... 5 = very fresh.")
@click.option("--note", help="Anything else about the day.")
@pain_option
@date_option("The day of the check-in")
@athlete_option
@db_option
def wellness(
    ctx: click.Context,
    sleep_hours: float | None,
    sleep_quality: int | None,
    mood: int | None,
    appetite: int | None,
    soreness: int | None,
    stress: int | None,
    energy: int | None,
    note: str | None,
    pains: tuple[str, ...],
    day: str | None,
    athlete: str | None,
    db: str | None,
) -> None:
    """The ten-second daily check-in: sleep, mood, appetite, soreness, stress, energy.

    \b
    1-5 scales, higher is better (after McLean et al. 2010). In a terminal it asks each
    question (Enter skips one); in scripts give the answers as options:
      runstrong wellness --sleep 7.5 --sleep-quality 4 --mood 4 --appetite 4 --soreness 3 --stress 3 --energy 4
    A second check-in on the same day updates the answers it gives.
    """
    from runstrong.cli.pain_text import counted_for
    from runstrong.core.diary import Wellness, describe_pain
    from runstrong.flows.base import Clock, Refused
    from runstrong.flows.checkin import record_checkin

    if ctx.invoked_subcommand is not None:
        return

    today_ = clock_today()
    when = parse_day(day, today_)
    answers = {
        "sleep_hours": sleep_hours,
        "sleep_quality": sleep_quality,
        "mood": mood,
        "appetite": appetite,
        "soreness": soreness,
        "stress": stress,
        "energy": energy,
        "note": note,
    }
    pain_reports = parse_pains(pains, when, today_)
    if all(v is None for v in answers.values()) and not pain_reports:
        if not stdin_is_tty():
            raise UserError(
                "--sleep: nothing to record and no terminal to ask in; give at least one answer, e.g. "
                "--sleep 7.5 --mood 4 (see runstrong wellness --help)"
            )
        from runstrong.cli.log_prompts import ask_wellness

        answers = ask_wellness(console(), when, today_)
        pain_reports = answers.pop("pains", [])
    given = {k: v for k, v in answers.items() if v is not None}
    entry = entry_from_options(Wellness, {"date": when, **given}, today_, WELLNESS_FLAGS) if given else None
    with open_diary(db) as store:
        try:
            done = record_checkin(store, athlete, entry, pain_reports, Clock(clock_now(), today_))
        except Refused as err:
            raise UserError(err.said_with(WELLNESS_FLAGS)) from None
    replaced = done.replaced
    out = console()
    parts = [f"{WELLNESS_FLAGS[k].lstrip('-')} {v:g}" for k, v in given.items() if k != "note"]
    parts += [f"pain {describe_pain(p)}{counted_for(p, when)}" for p in done.pains]
    out.print(f"[bold green]✓[/] Check-in for {when:%a %d %b %Y}: {', '.join(parts) or 'note'}.")
    if replaced:
        out.print(f"Updated today's earlier answers for: {', '.join(WELLNESS_FLAGS[f].lstrip('-') for f in replaced)}.")


# -------------------------------------------------------------------------- history


@click.command()
@click.option(
    "--by",
    type=click.Choice(["week", "exercise"]),
    default="week",
    show_default=True,
    help="One row per week, or per exercise.",
)
@click.option("--exercise", "-e", "exercise_name", help="Set-by-set history of one exercise (name, id or 'rdl').")
@click.option(
    "--weeks",
    "-w",
    type=click.IntRange(min=1, max=5200),
    default=12,
    show_default=True,
    help="How far back (up to 5200 weeks; --all for the whole diary).",
)
@click.option("--all", "all_time", is_flag=True, help="The whole diary.")
@athlete_option
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def history(
    by: str, exercise_name: str | None, weeks: int, all_time: bool, athlete: str | None, db: str | None, fmt: str
) -> None:
    """What you have done: tables by week (strength, session load, runs, wellness, pain) or by exercise.

    \b
    Examples:
      runstrong history                    the last 12 weeks (this one once it holds anything)
      runstrong history --by exercise --all
      runstrong history --exercise rdl     every set of Romanian deadlifts, newest first
    """
    import datetime as dt

    from runstrong.core.diary import week_start
    from runstrong.core.setline import resolve_exercise
    from runstrong.flows.lift_names import preference
    from runstrong.io.data_files import load_library
    from runstrong.io.diary_terminal import render_exercise_log, render_exercises, render_week_notes, render_weeks
    from runstrong.store import queries, repo

    library = load_library()
    names = {e.id: e.name for e in library.exercises}
    this_week = week_start(clock_today())
    since = None if all_time else this_week - dt.timedelta(weeks=weeks - 1)
    with open_diary(db) as store, store.read() as s:
        who = repo.find_athlete(s, athlete)
        if since is not None and not queries.history_by_week(s, who.id, this_week):
            since -= dt.timedelta(weeks=1)  # a week with nothing in it yet (a Monday) is not one of the N
        chosen = None
        if exercise_name:  # a short name: a lift this runner logged, else planned, else fits their kit
            prefer = preference(s, who, library, logged_first=True)
            chosen = resolve_exercise(exercise_name, library, field="--exercise", prefer=prefer)
        if chosen is not None:
            rows = queries.exercise_log(s, who.id, chosen.id, None if all_time else since)
        elif by == "exercise":
            rows = queries.history_by_exercise(s, who.id, since)
        else:
            rows = queries.history_by_week(s, who.id, since)
    if fmt == "json":
        echo_json([r.model_dump(mode="json") for r in rows])
        return
    out = console()
    if not rows:
        span = "in the diary" if all_time else f"in the last {weeks} weeks (try --all)"
        out.print(f"Nothing logged {span}.")
        return
    if chosen is not None:
        out.print(render_exercise_log(chosen.name, rows, who.units))
    elif by == "exercise":
        out.print(render_exercises(rows, names, who.units))
    else:
        out.print(render_weeks(rows, who.units))
        notes = render_week_notes(rows)
        if notes is not None:
            out.print(notes)


# ----------------------------------------------------------------------------- note


@click.command()
@click.argument("text", nargs=-1, required=True)
@date_option("The day the note is about")
@athlete_option
@db_option
def note(text: tuple[str, ...], day: str | None, athlete: str | None, db: str | None) -> None:
    """A free note in the diary: how training is going, a niggle, a coach's remark.

    \b
      runstrong note "Left calf tight after the hills; swapped pogo hops for calf raises"
    `runstrong history` lists the notes under each week; `runstrong undo` takes one back.
    The same note again that day is kept once.
    """
    from runstrong.core.diary import Note
    from runstrong.flows.base import Clock, Refused
    from runstrong.flows.checkin import add_note

    today_ = clock_today()
    when = parse_day(day, today_)
    flags = {"text": "TEXT", "date": "--date"}
    entry = entry_from_options(Note, {"date": when, "text": " ".join(text).strip()}, today_, flags)
    with open_diary(db) as store:
        try:
            added = add_note(store, athlete, entry, Clock(clock_now(), today_))  # one change, kept for undo
        except Refused as err:
            raise UserError(err.said_with(flags)) from None
    if added.already:
        console().print(f"Already kept: this note is in the diary for {when:%a %d %b %Y}; nothing added.")
        return
    console().print(f"[bold green]✓[/] Note kept for {when:%a %d %b %Y}.")
