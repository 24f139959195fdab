"""`runstrong rules`: the registry, and `rules show ID` for one rule."""

from __future__ import annotations

import click

from runstrong.cli.options import console, echo_json, format_option
from runstrong.errors import UserError


@click.group(invoke_without_command=True)
@click.option("--kind", type=click.Choice(["hard", "soft", "guidance"]), help="Only rules of this kind.")
@click.option("--source", help="Only rules citing this methodology id (S01-S41) or author name.")
@format_option()
@click.pass_context
def rules(ctx: click.Context, kind: str | None, source: str | None, fmt: str) -> None:
    """The programming rules behind every choice, with their numbers and sources.

    \b
    Hard rules are never broken; soft rules are preferences weighed against each other;
    guidance is advice shown with the plan.
    Examples:
      runstrong rules --kind hard
      runstrong rules --source S15
      runstrong rules show taper
    """
    if ctx.invoked_subcommand is not None:
        return
    from runstrong.io.data_files import load_registry

    registry = load_registry()
    found = list(registry.rules)
    if kind:
        found = [r for r in found if r.kind == kind]
    if source:
        needle = source.lower()
        found = [r for r in found if any(needle in s.lower() for s in r.sources)]
    if fmt == "json":
        echo_json({"registry_version": registry.version, "rules": [r.model_dump(mode="json") for r in found]})
        return
    if fmt == "markdown":
        from runstrong.io.science_markdown import render_science_markdown

        click.echo(render_science_markdown(registry), nl=False)
        return
    from rich.table import Table

    out = console()
    table = Table(
        title=f"{len(found)} rules (registry {registry.version})",
        title_justify="left",
        header_style="bold",
        show_lines=False,
    )
    table.add_column("id", no_wrap=True)
    wide = out.width >= 110
    if wide:
        table.add_column("kind")
    table.add_column("rule", ratio=3)
    if wide:
        table.add_column("sources", ratio=1)
    for r in found:
        row = [r.id, r.kind, r.statement, ", ".join(r.methodology) or "-"] if wide else [r.id, r.statement]
        table.add_row(*row)
    out.print(table)


@rules.command("show")
@click.argument("rule_id")
@format_option("table", "json")
def show(rule_id: str, fmt: str) -> None:
    """One rule: what it says, its numbers, its sources and caveats."""
    from runstrong.io.data_files import load_registry

    registry = load_registry()
    if rule_id not in registry:
        import difflib

        ids = [r.id for r in registry.rules]
        close = difflib.get_close_matches(rule_id, ids, n=5, cutoff=0.4)
        hint = f" Did you mean: {', '.join(close)}?" if close else " List them with `runstrong rules`."
        raise UserError(f"rule_id: no rule {rule_id!r}.{hint}")
    r = registry.get(rule_id)
    if fmt == "json":
        echo_json(r.model_dump(mode="json"))
        return
    out = console()
    out.print(f"[bold]{r.id}[/] [dim]({r.kind} rule, evidence {r.evidence})[/]")
    out.print(r.statement)
    if r.params:
        out.print("\n[bold]Numbers[/]")
        for key, value in r.params.items():
            out.print(f"  {key}: {value}")
    out.print("\n[bold]Sources[/]")
    for s in r.methodology:
        out.print(f"  • methodology {s}")
    for p in r.papers:
        out.print(f"  • {p}")
    if r.caveat:
        out.print(f"\n[bold yellow]Caveat[/] {r.caveat}")
