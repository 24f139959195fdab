"""`runstrong fit`: the plan's strength sessions (all, a week's, or one) as Garmin FIT
workout files, in a folder or a zip, for a watch's NewFiles folder."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import click

from runstrong.cli.plan_source import load_plan_source, plan_source_options
from runstrong.errors import UserError
from runstrong.io.files import write_atomically


@click.command("fit")
@plan_source_options
@click.option("--week", "-w", "week_index", type=int, help="The plan week to export (1 = the first).")
@click.option("--all", "whole_plan", is_flag=True, help="Every session of the plan (weeks without one are skipped).")
@click.option("--session", "-s", "letter", help="Only this session of the week: its letter (A, B or C).")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    required=True,
    help="A folder for the .fit files, a .zip, or (with --session) a .fit file.",
)
@click.option("--zip", "as_zip", is_flag=True, help="Write one zip of the files (also when -o ends in .zip).")
def fit(
    profile: Path | None,
    db: str | None,
    athlete: str | None,
    least_bad: bool,
    no_diary: bool,
    week_index: int | None,
    whole_plan: bool,
    letter: str | None,
    output: Path,
    as_zip: bool,
) -> None:
    """Garmin FIT strength workouts for the whole plan, a week, or a session.

    One structured workout per session: warm-up, main work and finisher as steps with
    Garmin's exercise names, reps or seconds, the rest after each set and the sets as
    repeats (per-side work is a step per side). Copy the files to a Garmin watch's
    GARMIN/NewFiles folder over USB, or open them in any program that reads FIT workouts.

    \b
    Examples:
      runstrong fit me.toml --all -o plan.zip             every session, one zip
      runstrong fit me.toml --week 3 -o week3/            W03-A-....fit, W03-B-....fit
      runstrong fit --week 3 --zip -o week3.zip           the diary's current plan, zipped
      runstrong fit me.toml -w 3 -s A -o monday.fit       one session
    """
    source = load_plan_source(profile, db, athlete, least_bad, no_diary=no_diary)
    files = _chosen_workouts(source.plan, week_index, whole_plan, letter)
    zipped = as_zip or output.suffix.lower() == ".zip"
    if zipped:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for f in files:
                info = zipfile.ZipInfo(f.filename, date_time=(*f.session.date.timetuple()[:3], 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(info, f.data)
        write_atomically(output, buffer.getvalue())
        written = [output]
    elif output.suffix.lower() == ".fit":
        if len(files) != 1:
            raise UserError("--output: a .fit file holds one session; add --session, or give a folder or a .zip")
        write_atomically(output, files[0].data)
        written = [output]
    else:
        if output.exists() and not output.is_dir():
            raise UserError(f"--output: {output} is a file; give a folder, a .zip, or a .fit with --session")
        output.mkdir(parents=True, exist_ok=True)
        written = []
        for f in files:
            write_atomically(output / f.filename, f.data)
            written.append(output / f.filename)
    where = str(written[0]) if zipped or len(written) == 1 else f"{output}/"
    titles = "; ".join(f.title for f in files) if len(files) <= 6 else f"{files[0].title} ... {files[-1].title}"
    click.echo(f"Wrote {len(files)} workout{'s' if len(files) != 1 else ''} to {where} ({titles}).", err=True)


def _chosen_workouts(plan, week_index: int | None, whole_plan: bool, letter: str | None) -> list:  # type: ignore[no-untyped-def]
    """The workout files asked for: every session (--all), a week's, or one session of it."""
    from runstrong.io.fit_workout import session_letter, week_workouts

    weeks = plan.weeks
    if whole_plan:
        if week_index is not None or letter is not None:
            raise UserError("--all: give --all alone, or --week (with --session) for part of the plan")
        files = [f for week in weeks if week.sessions for f in week_workouts(plan, week)]
        if not files:
            raise UserError("--all: the plan holds no strength session (nothing to write)")
        return files
    if week_index is None:
        raise UserError("--week: give the week to export (--week 3), or --all for the whole plan")
    if not 1 <= week_index <= len(weeks):
        raise UserError(f"--week: {week_index} is not in the plan; it has weeks 1-{len(weeks)}")
    week = weeks[week_index - 1]
    if not week.sessions:
        raise UserError(f"--week: week {week_index} has no strength session (nothing to write); pick another week")
    files = week_workouts(plan, week)
    if letter is None:
        return files
    wanted = letter.strip().upper()
    letters = [session_letter(week, s) for s in week.sessions]
    if wanted not in letters:
        raise UserError(f"--session: week {week_index} has sessions {', '.join(letters)}, not {letter!r}")
    return [f for f in files if session_letter(week, f.session) == wanted]
