"""The plan in a terminal: an overview, a week grid of runs and strength, session cards."""

from __future__ import annotations

import datetime as dt

from rich.columns import Columns
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from runstrong.core.goal_weeks import week_kind
from runstrong.core.library import Library
from runstrong.core.model import Phase, Plan, Role, Session, Week
from runstrong.core.power_words import focus_name as session_focus_name
from runstrong.core.rules import Registry
from runstrong.core.season import season_openings
from runstrong.core.vocab import areas_text

from .labels import (
    PHASE_LABEL,
    PHASE_LETTER,
    dose_text,
    find_weight_note,
    kit_text,
    other_kind,
    plural,
    race_label,
    rest_text,
    session_load,
    week_label,
)
from .week_reasons import said_once

PHASE_STYLE = {
    Phase.foundation: "cyan",
    Phase.build: "green",
    Phase.race_specific: "magenta",
    Phase.taper: "yellow",
    Phase.race_week: "bold red",
    Phase.maintenance: "blue",
}
FOCUS_LETTER = {"posterior_chain": "PC", "core": "Core", "single_leg_power": "SL"}
ROLE_LABEL = {
    Role.warm_up: "warm-up",
    Role.primary: "main",
    Role.accessory: "accessory",
    Role.finisher: "finish",
}


def render_overview(plan: Plan) -> Panel:
    pr = plan.profile
    head = Text()
    head.append(f"{pr.name}", style="bold")
    head.append(f" · {pr.age} y · {pr.strength_experience.value} lifter · kit: ")
    head.append(kit_text(pr.equipment))
    head.append(f" · sessions ≤ {pr.session_cap_minutes} min\n")
    if pr.race:
        race_week = sum(1 for w in plan.weeks if w.start_date <= pr.race.date)
        after = len(plan.weeks) - race_week
        head.append(f"Race: {race_label(pr.race)} on {pr.race.date:%a %d %b %Y}, in week {race_week}")
        kind = PHASE_LABEL[plan.weeks[-1].phase].lower()  # maintenance; foundation when nothing was built to keep
        head.append(f"; {plural(after, f'{kind} week')} after\n" if after else "\n")
    else:
        head.append(f"No race: {plural(len(plan.weeks), 'week')} from {plan.start_date:%d %b %Y}\n")
    if pr.pain_areas:
        head.append("Pain areas respected: " + areas_text(pr.pain_areas) + "\n")
    for said in season_openings(plan.weeks):  # what the plan assumed (in-season)
        head.append(said + "\n")
    strip = Text()
    for w in plan.weeks:
        letter = "D" if w.deload else PHASE_LETTER[w.phase]
        strip.append(f" {letter} ", style=f"reverse {PHASE_STYLE[w.phase]}")
    seen: list[Phase] = []
    for w in plan.weeks:
        if w.phase not in seen:
            seen.append(w.phase)
    labels = {ph: " / ".join(dict.fromkeys(week_label(w) for w in plan.weeks if w.phase == ph)) for ph in seen}
    legend = [Text.assemble((f" {PHASE_LETTER[ph]} ", f"reverse {PHASE_STYLE[ph]}"), f" {labels[ph]}") for ph in seen]
    if any(w.deload for w in plan.weeks):
        legend.append(Text.assemble((" D ", "reverse"), " deload"))
    return Panel(
        Group(head, strip, Columns(legend, padding=(0, 2))),
        title="[bold]runstrong plan[/]",
        title_align="left",
    )


RUN_CODE = {"easy": "E", "long": "L", "tempo": "T", "intervals": "I", "race": "RACE", "cross_train": "X"}


def render_week_grid(plan: Plan) -> Table:
    table = Table(
        title="Weeks at a glance",
        title_justify="left",
        header_style="bold",
        caption="Runs: E easy, L long, T tempo, I intervals, X cross-training (minutes).\n"
        "Strength ▲: PC posterior chain, Core, SL single-leg power.\n"
        "! heavy, ~ light; ↓ a deload week.",
        caption_justify="left",
        min_width=72,  # the caption's longest line: a grid of short weeks would wrap it
        pad_edge=False,
    )
    table.add_column("wk", justify="right", no_wrap=True, min_width=2)
    table.add_column("phase", no_wrap=True)
    for day in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        table.add_column(day)  # a full cell wraps to a second line at 80 columns, never cut (cr25a F15: "L7…")
    for w in plan.weeks:
        cells = []
        for k in range(7):
            day = w.start_date + dt.timedelta(days=k)
            parts = Text()
            runs = [r for r in w.runs if r.date == day]
            for r in runs:
                if r.type.value == "race":
                    parts.append("RACE", style="bold red")
                else:
                    parts.append(f"{RUN_CODE[r.type.value]}{r.minutes}", style="dim")
                parts.append(" ")
            for s in w.sessions:
                if s.date == day:
                    load = session_load(s, w)
                    style = {"heavy": "bold yellow", "light": "green"}.get(load, "bold green")
                    mark = {"heavy": "!", "light": "~"}.get(load, "")
                    parts.append(f"▲{FOCUS_LETTER[s.focus.value]}{mark}", style=style)
            cells.append(parts)
        phase = Text(week_label(w), style=PHASE_STYLE[w.phase])
        if w.deload:
            phase.append(" ↓", style="bold")
        table.add_row(str(w.index), phase, *cells)
    return table


def render_session(
    session: Session, week: Week, plan: Plan, registry: Registry | None = None, library: Library | None = None
) -> Panel:
    units = plan.profile.units
    table = Table(header_style="bold", expand=True, show_edge=False, pad_edge=False, box=None)
    table.add_column("", style="dim", no_wrap=True)
    table.add_column("exercise · first cue", ratio=3)
    table.add_column("dose", ratio=2)
    table.add_column("tempo", no_wrap=True)
    table.add_column("rest", no_wrap=True, justify="right")
    previous_role = None
    for b in session.blocks:
        role = ROLE_LABEL[b.role] if b.role != previous_role else ""
        previous_role = b.role
        name = Text(b.name, style="bold" if b.role == Role.primary else "")
        if b.role == Role.primary and (kind := other_kind(b, session.focus, library)):
            name.append(f" · {kind}", style="dim")  # names may hold parentheses
        if b.cues and b.role in (Role.primary, Role.accessory):
            name.append(f"\n{b.cues[0]}", style="dim italic")
        dose = Text(dose_text(b.prescription, units))
        if note := find_weight_note(b):
            dose.append(f"\n{note}", style="yellow")
        table.add_row(
            role,
            name,
            dose,
            b.prescription.tempo or "",
            rest_text(b.prescription.rest_seconds),
        )
    kind = session_load(session, week)
    title = (
        f"[bold]{session.date:%a %d %b}[/] · {session_focus_name(session)} focus · "
        f"{kind}{' · plyometric' if session.plyometric else ''} · ~{session.estimated_minutes} min"
    )

    parts: list = [table]
    if registry is not None:
        parts.append(Text(""))
        parts.append(render_reasons(session, registry))
    return Panel(Group(*parts), title=title, title_align="left")


def render_reasons(session: Session, registry: Registry) -> Table:
    """Why this day, these exercises and these doses: each sentence once, with its rule id
    and the methodology rules behind it."""
    why = Table(show_header=False, box=None, pad_edge=False, expand=True)
    why.add_column(style="bold", no_wrap=True)
    why.add_column(ratio=1)
    seen: set[tuple[str, str]] = set()
    day = [r for r in session.reasons if (r.rule_id, r.text) not in seen and not seen.add((r.rule_id, r.text))]
    for n, r in enumerate(day):
        label = "this session" if n == 0 else ""
        why.add_row(label, f"{escape(r.text)} [dim]\\[{r.rule_id}: {_sources(r.rule_id, registry)}][/]")
    for b in session.blocks:
        fresh = [r for r in b.reasons if (r.rule_id, r.text) not in seen and not seen.add((r.rule_id, r.text))]
        if fresh:
            why.add_row(
                Text(b.name),
                " ".join(f"{escape(r.text)} [dim]\\[{r.rule_id}: {_sources(r.rule_id, registry)}][/]" for r in fresh),
            )
    return why


def _sources(rule_id: str, registry: Registry) -> str:
    rule = registry.get(rule_id)
    return ", ".join(rule.methodology) or (rule.papers[0].split(",")[0] if rule.papers else "")


def render_guidance(plan: Plan) -> Panel:
    lines = Text()
    for g in plan.guidance:
        lines.append(f"{g.topic.capitalize()}: ", style="bold")
        lines.append(g.text)
        lines.append(f"  [{', '.join(sorted({r.rule_id for r in g.reasons}))}]\n", style="dim")
    return Panel(lines, title="[bold]Recovery and habits[/]", title_align="left")


def print_plan(
    plan: Plan,
    console: Console,
    *,
    weeks: list[int] | None = None,
    registry: Registry | None = None,
    library: Library | None = None,
) -> None:
    """Overview, grid, then the sessions of the chosen weeks (the first by default)."""
    console.print(render_overview(plan))
    console.print(render_week_grid(plan))
    chosen = weeks or [plan.weeks[0].index]
    notes = said_once([w for w in plan.weeks if w.index in chosen])
    for w in plan.weeks:
        if w.index not in chosen:
            continue
        kind = week_kind(w.reasons)
        deload = f" · {kind}" if kind else (" · deload" if w.deload else "")
        header = f"[bold]Week {w.index}[/] · {week_label(w)}{deload} · from {w.start_date:%d %b}"
        console.print()
        console.rule(header, align="left")
        for r in notes[w.index]:
            console.print(f"  • {escape(r.text)} [dim]\\[{r.rule_id}][/]")
        for s in w.sessions:
            console.print(render_session(s, w, plan, registry, library))
        for sug in w.suggestions:
            console.print(f"  [dim]{sug.date:%a}:[/] {escape(sug.text)} [dim]\\[rest-day-options][/]")
    console.print(render_guidance(plan))
    for warning in plan.warnings:
        console.print(f"[bold yellow]Warning:[/] {escape(warning)}")
    if not weeks:
        console.print(
            "[dim]Show any week with --week N (or --all); add --explain for the reasons behind each choice.[/]"
        )
