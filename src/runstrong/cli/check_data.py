"""`runstrong check-data [DIR]`: validate an edited copy of the library, rulebook and screen."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("check-data")
@click.argument("data_dir", required=False, type=click.Path(path_type=Path))
def check_data(data_dir: Path | None) -> None:
    """Check a folder of data files (exercises.toml, rules.toml, screen.toml, ladders.toml) and report
    every problem at once, each with its file and path. Files the folder lacks are the
    shipped ones. With no DIR: $RUNSTRONG_DATA, else the shipped data.

    \b
    Use an edited copy with `runstrong plan PROFILE --data DIR` (or RUNSTRONG_DATA=DIR).
    Examples:
      cp -r "$(python -c 'import runstrong.data as d; print(d.__path__[0])')" my-data
      runstrong check-data my-data
    """
    from runstrong.io.data_files import check_data as check
    from runstrong.io.data_files import data_dir_from_env

    where = data_dir if data_dir is not None else data_dir_from_env()
    checked = check(where)
    if checked.errors:
        for line in checked.errors:
            click.echo(line, err=True)
        click.echo(f"{len(checked.errors)} problem(s) in {where or 'the shipped data'}; nothing was used.", err=True)
        sys.exit(2)
    library, registry = checked.library, checked.registry
    assert library is not None and registry is not None
    used = ", ".join(f"{name} ({'edited' if where and path.parent == where else 'shipped'})" for name, path in
                     checked.files.items())  # fmt: skip
    click.echo(
        f"OK: {len(library)} exercises (version {library.version}), {len(registry.rules)} rules "
        f"(version {registry.version}, fingerprint {registry.fingerprint}); {used}."
    )
