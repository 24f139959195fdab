"""`runstrong today` in a terminal (Rich): the day's runs and strength sessions with doses.

Reads its values by attribute only and imports no Pydantic model, so the same code prints
the day from the models (`io/diary_terminal` re-exports it) and from `today`'s light read
path (`store/light_read`), which answers without loading SQLAlchemy or Pydantic.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from runstrong.core.set_text import format_sets
from runstrong.core.vocab import CATEGORY_NAME as CATEGORY_SHORT
from runstrong.core.vocab import Units, focus_words

from .dose_words import RUN_SHORT, dose_text, rest_text

PlannedSession = PlannedRun = SetLog = Any  # core.diary's models, or the light path's views of them

# keyed by the roles' values: a plan's Role members and the light path's strings look up alike
ROLE_LABEL = {"warm_up": "warm-up", "primary": "main", "accessory": "accessory", "finisher": "finish"}
LOGGED_ROLES = ("primary", "accessory")  # core.diary.LOGGED_ROLES, as values (a test keeps them equal)


def day_label(day: dt.date, today: dt.date) -> str:
    when = {0: "Today", -1: "Yesterday", 1: "Tomorrow"}.get((day - today).days)
    return f"{when + ', ' if when else ''}{day:%A %d %B %Y}"


def render_runs(runs: list[PlannedRun]) -> Text:
    if not runs:
        return Text("Runs: none planned", style="dim")
    parts = [f"{RUN_SHORT[r.type]} {r.minutes} min" for r in runs]
    return Text.assemble(("Runs: ", "bold"), " + ".join(parts))


def render_planned_session(
    session: PlannedSession, units: Units, last: dict[str, list[SetLog]], logged: int | None
) -> Panel:
    table = Table(header_style="bold", box=None, padding=(0, 2, 0, 0), expand=False)
    show_last = any(b.exercise_id in last for b in session.blocks)
    for column in ("", "exercise", "dose", "rest", *(["last time"] if show_last else [])):
        table.add_column(column, overflow="fold")
    for block in session.blocks:
        logged_role = block.role in LOGGED_ROLES
        previous = last.get(block.exercise_id)
        dose = Text(dose_text(block.prescription, units))
        if block.find_weight and previous is None and logged_role:
            dose.append("\nfind your weight [find-your-weight]", style="yellow")
        name = Text(block.name, style="bold" if logged_role else "dim")
        if block.go_easy:  # the painful side's cue, beside the single-leg work it concerns
            name.append(f"\n{block.go_easy}", style="yellow")
        cells = [
            ROLE_LABEL[block.role],
            name,
            dose,
            rest_text(block.prescription.rest_seconds),
        ]
        if show_last:
            cells.append(format_sets(previous, units) if previous else "")
        table.add_row(*cells)
    focus = focus_words(session.focus, session.blocks) if session.focus in CATEGORY_SHORT else session.focus
    status = f" · [green]✓ logged ({logged} sets)[/]" if logged else ""
    title = (
        f"[bold]Session {session.label}[/] · {focus} · {session.load} · "
        f"~{session.estimated_minutes} min · week {session.week}{status}"
    )
    return Panel(table, title=title, title_align="left")


def render_day(
    day: dt.date,
    today: dt.date,
    sessions: list[PlannedSession],
    runs: list[PlannedRun],
    units: Units,
    last: dict[str, list[SetLog]],
    logged: int | None,
    next_session: PlannedSession | None,
    plan_version: int | None,
) -> Group:
    head = Text(day_label(day, today), style="bold")
    if plan_version is not None:
        head.append(f"  (plan v{plan_version})", style="dim")
    parts: list = [head, render_runs(runs)]
    for session in sessions:
        parts.append(render_planned_session(session, units, last, logged))
    if not sessions:
        parts.append(Text("No strength session planned.", style="bold"))
        if next_session is not None:
            focus = CATEGORY_SHORT.get(next_session.focus, next_session.focus)  # type: ignore[call-overload]
            parts.append(Text(f"Next: {next_session.date:%a %d %b} — session {next_session.label}, {focus}."))
    return Group(*parts)
