"""`runstrong booklet`: the plan on paper (PDF or an HTML print view) with session cards to
fill in by hand, or as Markdown."""

from __future__ import annotations

import re
from pathlib import Path

import click

from runstrong.cli.plan_source import load_plan_source, plan_source_options
from runstrong.errors import UserError
from runstrong.io.files import write_atomically

SUFFIX_FORMAT = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
WEEKS_SYNTAX = re.compile(r"^\s*\d+\s*(-\s*\d+\s*)?(,\s*\d+\s*(-\s*\d+\s*)?)*$")


@click.command()
@plan_source_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pdf", "html", "markdown"]),
    help="pdf to print, html for a print view in the browser, markdown for notes "
    "(default: from the file's suffix, else pdf).",
)
@click.option("--weeks", "-w", metavar="RANGE", help="Only these weeks: 3, 1-4 or 1,3,6-8 (default: all).")
@click.option(
    "--paper",
    type=click.Choice(["a4", "a5"]),
    default="a4",
    show_default=True,
    help="a4: one sheet per session card; a5: a pocket booklet, each card on two pages.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write (written only when the booklet is complete).",
)
def booklet(
    profile: Path | None,
    db: str | None,
    athlete: str | None,
    least_bad: bool,
    no_diary: bool,
    fmt: str | None,
    weeks: str | None,
    paper: str,
    output: Path,
) -> None:
    """A printable booklet of a plan: a cover with the phases, a page per week, a card per
    session with a grid to fill in (reps, load, effort; mood, sleep, appetite) and an
    exercise appendix.

    \b
    The plan comes from PROFILE, or from the diary (--db/--athlete) without one. A PROFILE
    whose runner has a stored plan in the diary gets that plan (the one a review changed)
    while the file holds nothing new; --no-diary plans from the file alone.
    Examples:
      runstrong booklet examples/marathoner.toml -o maya.pdf
      runstrong booklet examples/novice.toml --weeks 1-4 --paper a5 -o first-month.pdf
      runstrong booklet --athlete Maya -o plan.html          # print view for the browser
    """
    if not output.parent.exists():
        raise UserError(f"--output: folder {output.parent} does not exist; create it or pick another path")
    if output.is_dir():
        raise UserError(f"--output: {output} is a folder; give a file name such as {output / 'booklet.pdf'}")
    fmt = fmt or SUFFIX_FORMAT.get(output.suffix.lower(), "pdf")
    source = load_plan_source(profile, db, athlete, least_bad=least_bad, no_diary=no_diary)
    plan = source.plan
    chosen = parse_weeks(weeks, len(plan.weeks)) if weeks else None
    from runstrong.io.data_files import load_registry

    registry = load_registry()
    if fmt == "markdown":
        from runstrong.io.markdown import render_markdown

        data = render_markdown(plan, registry, weeks=chosen).encode("utf-8")
    else:
        from runstrong.io.booklet import html_to_pdf, render_booklet_html
        from runstrong.io.data_files import load_library

        html = render_booklet_html(plan, load_library(), registry, weeks=chosen, paper=paper)  # type: ignore[arg-type]
        if fmt == "html":
            data = html.encode("utf-8")
        else:
            click.echo("Laying out the pages (a few seconds per dozen pages)...", err=True)
            data = html_to_pdf(html)
    write_atomically(output, data)
    shown = [w for w in plan.weeks if chosen is None or w.index in chosen]
    cards = sum(len(w.sessions) for w in shown)
    layout = "" if fmt == "markdown" else f", {paper.upper()}"
    click.echo(
        f"Wrote {output} ({fmt}{layout}: {len(shown)} week{'s' * (len(shown) != 1)}, "
        f"{cards} session card{'s' * (cards != 1)}).",
        err=True,
    )


def parse_weeks(text: str, n_weeks: int) -> list[int]:
    """`3`, `1-4` or `1,3,6-8` -> sorted week numbers, each inside the plan."""
    if not WEEKS_SYNTAX.match(text):
        raise UserError(f"--weeks: {text!r} is not a week range; write 3, 1-4 or 1,3,6-8")
    picked: set[int] = set()
    for part in text.replace(" ", "").split(","):
        first, _, last = part.partition("-")
        lo, hi = int(first), int(last or first)
        if lo > hi:
            raise UserError(f"--weeks: {part} runs backwards; write {hi}-{lo}")
        if lo < 1 or hi > n_weeks:
            raise UserError(f"--weeks: the plan has weeks 1-{n_weeks}; pick weeks inside that range")
        picked.update(range(lo, hi + 1))
    return sorted(picked)
