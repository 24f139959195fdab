"""`runstrong schema profile|plan`: the JSON Schemas of what runstrong reads and writes."""

from __future__ import annotations

import click

from runstrong.cli.options import echo_json


@click.command()
@click.argument("what", type=click.Choice(["profile", "plan"]))
def schema(what: str) -> None:
    """Print the JSON Schema of a runner profile or of a plan.

    Use it to validate profiles in an editor or to read plans from another program.
    """
    from runstrong.core.model import AthleteProfile, Plan

    model = AthleteProfile if what == "profile" else Plan
    echo_json(model.model_json_schema(mode="serialization" if what == "plan" else "validation"))
