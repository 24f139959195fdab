"""`runstrong import-archive`: every run in a Strava or Garmin Connect export archive."""

from __future__ import annotations

from pathlib import Path

import click

from runstrong.cli.diary_common import import_options
from runstrong.errors import UserError


@click.command("import-archive")
@click.argument("archive", metavar="EXPORT.zip", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@import_options
def import_archive(archive: Path, dry_run: bool, cross_training: bool, athlete: str | None, db: str | None) -> None:
    """Import the runs of a whole export archive, without unpacking it.

    EXPORT.zip is Strava's bulk export ("Download your data": activities.csv and the
    activities/ folder of .fit.gz, .gpx.gz and .tcx.gz files) or Garmin Connect's data
    export (the activity files in its DI_CONNECT zips, and its list of every activity,
    summarizedActivities.json, for the runs without a file). Each run gets its date, times,
    distance and heart rate from its file, and its type, title and description from
    Strava's list; runs already in the diary are left out, so importing again adds only
    what is new. Files are read one at a time, so an archive of several GB needs little
    memory. A file that cannot be read is named and passed over.

    Exit status: 0 when every file was read, 1 when some could not be (the rest were
    imported), 2 for a mistake in the command (nothing written).

    \b
    Examples:
      runstrong import-archive ~/Downloads/export_12345678.zip --dry-run
      runstrong import-archive export_12345678.zip --cross-training
    """
    from runstrong.cli.runs import import_into_diary
    from runstrong.io.activity_base import ActivityFileError
    from runstrong.io.archive import activity_members, import_archive, open_archive

    try:
        zipped = open_archive(archive)
    except ActivityFileError as err:
        raise UserError(
            f"EXPORT.zip: {archive.name}: {err}; give the .zip your Strava or Garmin export came as"
        ) from None
    with zipped:
        total = len(activity_members(zipped))
        if not total and not any(i.filename.endswith("activities.csv") for i in zipped.infolist()):
            raise UserError(f"EXPORT.zip: {archive.name} holds no activity files or activities.csv; is it an export?")
        import_into_diary(
            db,
            athlete,
            total,
            lambda index, options, advance: import_archive(zipped, index, progress=advance, **options),
            cross_training,
            dry_run,
        )
