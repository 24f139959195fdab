"""`runstrong exercises`: browse the library, and `exercises show ID` for one exercise."""

from __future__ import annotations

import click

from runstrong.cli.options import console, echo_json, enum_choice, format_option
from runstrong.core.vocab import EQUIPMENT_SETS, Category, EquipmentSet, Item, Level, PainArea, Pattern
from runstrong.errors import UserError

EQUIPMENT_VALUES = [s.value for s in EquipmentSet] + [i.value for i in Item]


@click.group(invoke_without_command=True)
@click.option("--category", "-c", type=enum_choice(Category), help="Only this category.")
@click.option("--pattern", "-p", type=enum_choice(Pattern), help="Only this movement pattern.")
@click.option(
    "--equipment",
    "-e",
    type=click.Choice(EQUIPMENT_VALUES, case_sensitive=False),
    multiple=True,
    help="What you have: bodyweight, bands, dumbbells or gym, or single items (repeatable).",
)
@click.option("--level", "-l", type=enum_choice(Level), help="Your strength level: shows this level and easier.")
@click.option(
    "--exclude-pain",
    "-x",
    type=enum_choice(PainArea),
    multiple=True,
    help="Leave out exercises that load this painful area (repeatable).",
)
@click.option("--search", "-s", help="Words that must appear in the name or id.")
@format_option("table", "json")
@click.pass_context
def exercises(ctx, category, pattern, equipment, level, exclude_pain, search, fmt) -> None:  # type: ignore[no-untyped-def]
    """Browse the exercise library.

    \b
    Examples:
      runstrong exercises --category single_leg_power --equipment bodyweight
      runstrong exercises -c core -l novice -x lower_back
      runstrong exercises show romanian_deadlift
    """
    if ctx.invoked_subcommand is not None:
        return
    from runstrong.io.data_files import load_library

    library = load_library()
    items = None
    if equipment:
        items = frozenset().union(
            *(EQUIPMENT_SETS[EquipmentSet(e)] if e in EquipmentSet._value2member_map_ else {Item(e)} for e in equipment)
        )
    found = library.query(
        category=Category(category) if category else None,
        pattern=Pattern(pattern) if pattern else None,
        equipment=items,
        max_level=Level(level) if level else None,
        exclude_pain=[PainArea(p) for p in exclude_pain],
    )
    if search:
        words = search.lower().split()
        found = [e for e in found if all(w in f"{e.id} {e.name}".lower() for w in words)]
    if fmt == "json":
        echo_json([e.model_dump(mode="json") for e in found])
        return
    from rich.table import Table

    out = console()
    wide = out.width >= 110
    table = Table(title=f"{len(found)} exercises", title_justify="left", header_style="bold")
    columns = ["id", "name", "category", "pattern", "level", "kit", "impact", "avoid with"]
    if not wide:
        columns = ["id", "name", "level", "kit"]
    for column in columns:
        table.add_column(column, overflow="fold", no_wrap=column == "id")
    for e in found:
        values = {
            "id": e.id,
            "name": e.name,
            "category": e.category.value,
            "pattern": e.pattern.value,
            "level": e.level.value,
            "kit": _kit(e),
            "impact": e.impact.value,
            "avoid with": ", ".join(p.value for p in e.contraindications) or "-",
        }
        table.add_row(*(values[c] for c in columns))
    out.print(table)


@exercises.command("show")
@click.argument("exercise_id")
@click.option("--open", "open_figure", is_flag=True, help="Open the animated drawing in your SVG viewer.")
@format_option("table", "json")
def show(exercise_id: str, open_figure: bool, fmt: str) -> None:
    """Cues, default dose, a drawing and the progression ladder around one exercise."""
    from runstrong.io.data_files import load_library

    library = load_library()
    exercise_id = exercise_id.strip().lower().replace("-", "_").replace(" ", "_")
    if exercise_id not in library:
        import difflib

        close = difflib.get_close_matches(exercise_id, library.ids(), n=5, cutoff=0.5)
        hint = f" Did you mean: {', '.join(close)}?" if close else " List them with `runstrong exercises`."
        raise UserError(f"exercise_id: no exercise {exercise_id!r}.{hint}")
    e = library.get(exercise_id)
    if fmt == "json":
        echo_json(e.model_dump(mode="json") | {"ladder": [x.id for x in library.ladder(e.id)]})
        return
    from rich.panel import Panel
    from rich.table import Table

    from runstrong.io.labels import dose_label

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("category", f"{e.category.value} ({e.pattern.value})")
    facts.add_row("level", e.level.value + ("  (high skill)" if e.high_skill else ""))
    facts.add_row("equipment", ", ".join(i.value for i in e.equipment) or "bodyweight")
    if e.furniture:
        facts.add_row("rests on", " or ".join(i.value for i in e.furniture))
    facts.add_row("impact / intent", f"{e.impact.value} / {e.intent.value}")
    facts.add_row("default dose", dose_label(e) + (f", tempo {e.tempo}" if e.tempo else ""))
    facts.add_row("avoid with pain in", ", ".join(p.value for p in e.contraindications) or "-")
    if e.fit_category:
        facts.add_row("Garmin FIT", f"{e.fit_category} / {e.fit_name}")
    out = console()
    out.print(Panel(facts, title=f"[bold]{e.name}[/] [dim]{e.id}[/]", title_align="left"))
    out.print(e.description, "\n")
    _figure(out, e.id)
    out.print("[bold]Cues[/]")
    for cue in e.cues:
        out.print(f"  • {cue}")
    ladder = library.ladder(e.id)
    if len(ladder) > 1:
        out.print("\n[bold]Progression ladder[/] (easier → harder)")
        for step in ladder:
            marker = "[bold green]▶[/]" if step.id == e.id else " "
            out.print(f" {marker} {step.name} [dim]{step.id} · {step.level.value}[/]")
    if open_figure:
        _open_figure(e.id)


def _figure(out, exercise_id: str) -> None:  # type: ignore[no-untyped-def]
    """The drawing in braille: the start dim, the end in colour, the working side green."""
    from runstrong.io.braille import braille_figure
    from runstrong.io.data_files import load_poses

    pose = load_poses().get(exercise_id)
    if pose is None:
        return
    for line in braille_figure(pose, columns=min(28, max(out.width - 4, 12))):
        out.print("  ", line, sep="")
    side = {"both": "both sides work", "right": "green: the working side", "left": "green: the working side"}
    out.print(f"  [dim]start dim, end bright; {side[pose.working]}; --open for the animation[/]\n")


def _open_figure(exercise_id: str) -> None:
    """Write the animated SVG to a temporary file and hand it to the system's viewer."""
    import tempfile

    from runstrong.io.figures import figure_svg

    with tempfile.NamedTemporaryFile("w", suffix=f"-{exercise_id}.svg", delete=False, encoding="utf-8") as f:
        f.write(figure_svg(exercise_id))
    click.echo(f"Drawing written to {f.name}")
    if click.launch(f.name) != 0:
        click.echo("No viewer opened it: open that file in a web browser to see it move.")


def _kit(e) -> str:  # type: ignore[no-untyped-def]
    """What an exercise needs, in one cell: its equipment, and the furniture any one of which will do."""
    parts = [i.value for i in e.equipment]
    if e.furniture:
        parts.append(" or ".join(i.value for i in e.furniture))
    return ", ".join(parts) or "bodyweight"
