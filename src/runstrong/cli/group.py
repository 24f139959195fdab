"""The `runstrong` click group: its commands live in other modules and load on first use."""

from __future__ import annotations

import importlib

import click

from runstrong import __version__
from runstrong.cli.main import COMMANDS


class LazyGroup(click.Group):
    """A group whose commands live in other modules and load on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[cmd_name]
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help comes from the table above so that --help imports no subcommand.
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name][2]) for name in COMMANDS])


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="runstrong")
def cli() -> None:
    """Strength plans for runners: posterior chain, core stability and single-leg power,
    fitted around your running week and race, with every choice explained.

    \b
    Start here:
      runstrong demo                       a plan for an example marathoner
      runstrong plan my-profile.toml       your plan (see examples/ for profiles)
      runstrong plan my.toml --explain     the same, with the reason for every choice
      runstrong exercises --category core  browse the library
      runstrong rules                      the rules and their sources
    """
