"""docs/server.md's commands are this runstrong's: every `runstrong SUBCOMMAND --option` it
shows is an option that command has, so the deployment notes cannot drift from the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "server.md"
COMMAND = re.compile(r"runstrong ((?:users |db )?[a-z-]+)((?: [^\n`\"&|]*)?)")


def _uses() -> list[tuple[str, str]]:
    """(subcommand, option) for each option written after a runstrong command in the doc."""
    found = []
    for command, rest in COMMAND.findall(DOC.read_text()):
        for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", rest):
            found.append((command.strip(), option))
    return sorted(set(found))


def test_the_doc_shows_the_server_commands() -> None:
    commands = {c for c, _ in _uses()}
    assert {"serve", "users add", "db backup"} <= commands


@pytest.mark.parametrize(("command", "option"), _uses())
def test_every_option_the_doc_shows_exists(command: str, option: str) -> None:
    import click

    from runstrong.cli.main import cli

    ctx = click.Context(cli)
    target: click.Command = cli
    for word in command.split():
        target = target.get_command(ctx, word)  # type: ignore[attr-defined]
        assert target is not None, f"docs/server.md shows `runstrong {command}`, which does not exist"
    names = {name for p in target.params for name in getattr(p, "opts", [])}
    assert option in names, f"docs/server.md shows `runstrong {command} {option}`, which it does not take"
