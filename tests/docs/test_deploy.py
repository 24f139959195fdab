"""The deployment examples under deploy/ work with this runstrong: the systemd unit passes
`systemd-analyze verify`, and every runstrong command line in the unit and the compose
file is parsed by runstrong's own CLI (options that exist, values of the right type), with
the server listening where the notes say."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
INSTALLED = "/opt/runstrong/bin/runstrong"


def parsed(argv: list[str]) -> tuple[str, dict]:
    """A runstrong command line through the real click commands: (subcommand path, parameter values)."""
    import click

    from runstrong.cli.main import cli

    assert Path(argv[0]).name == "runstrong", argv
    target: click.Command = cli
    words, rest = [], argv[1:]
    while isinstance(target, click.Group):
        target = target.get_command(click.Context(cli), rest[0])  # type: ignore[assignment]
        assert target is not None, f"no command {rest[0]!r} in {argv}"
        words.append(rest.pop(0))
    with target.make_context(" ".join(words), rest) as ctx:  # raises on an unknown option or a bad value
        return " ".join(words), dict(ctx.params)


def unit() -> ConfigParser:
    config = ConfigParser(strict=False, interpolation=None)
    config.optionxform = str  # type: ignore[assignment,method-assign]
    config.read(DEPLOY / "runstrong.service")
    return config


def test_the_systemd_unit_starts_two_workers_on_loopback_after_upgrading_the_schema() -> None:
    service = unit()["Service"]
    assert parsed(shlex.split(service["ExecStartPre"])) == ("db upgrade", {"db": None})
    command, options = parsed(shlex.split(service["ExecStart"]))
    assert command == "serve"
    assert options["host"] == "127.0.0.1" and options["workers"] == 2 and options["allowed_hosts"]
    assert service["EnvironmentFile"] == "/etc/runstrong/env"  # RUNSTRONG_DB and the key, not in the unit
    lines = (DEPLOY / "runstrong.service").read_text().splitlines()
    settings = [line for line in lines if line.startswith("Environment=")]
    assert settings and not any("RUNSTRONG_SECRET_KEY" in x or "RUNSTRONG_DB" in x for x in settings)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_systemd_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    runstrong = Path(sys.executable).with_name("runstrong")  # this checkout's, where the unit says /opt/runstrong
    text = (DEPLOY / "runstrong.service").read_text().replace(INSTALLED, str(runstrong))
    (tmp_path / "runstrong.service").write_text(text)
    done = subprocess.run(["systemd-analyze", "verify", str(tmp_path / "runstrong.service")],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr


def test_the_compose_app_upgrades_then_serves_behind_the_host_proxy() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    app, db = compose["services"]["app"], compose["services"]["db"]
    entry = app["entrypoint"]
    assert entry[:2] == ["sh", "-c"] and entry[2].startswith("runstrong db upgrade && exec ")
    assert parsed(shlex.split(entry[2].split("&&")[0])) == ("db upgrade", {"db": None})
    command, options = parsed(app["command"])
    assert command == "serve" and options["workers"] == 2 and options["allowed_hosts"]
    assert app["ports"] == [f"127.0.0.1:{options['port']}:{options['port']}"]  # only the host's proxy reaches it
    assert app["environment"]["RUNSTRONG_DB"].endswith("@db/runstrong")
    assert app["depends_on"]["db"]["condition"] == "service_healthy" and "healthcheck" in db
    assert (DEPLOY / app["build"]["dockerfile"].removeprefix("deploy/")).exists()


def test_the_server_notes_point_to_the_deployment_examples() -> None:
    notes = (DEPLOY.parent / "docs" / "server.md").read_text()
    for name in ("deploy/runstrong.service", "deploy/compose.yaml"):
        assert name in notes
