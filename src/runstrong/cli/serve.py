"""`runstrong serve`: the local web app (today, plan, logging, check-in) in a browser."""

from __future__ import annotations

import click

from runstrong.cli.diary_common import athlete_option, db_option
from runstrong.errors import UserError

# Until the app has accounts, listening beyond this machine (--lan, or any --host that is
# not loopback) is allowed, with this warning printed first: the option is the runner's
# explicit choice, and the warning says what it costs.
BEYOND_WARNING = (
    "Warning: {what} listens beyond this machine, on {where}. Anyone on this network can open your "
    "diary and change it: there is no password. Use it only on a network you trust, and stop the server "
    "(Ctrl-C) when you are done."
)


def beyond_warning(host: str, lan: bool) -> str:
    """The warning for a server bound to `host`, a non-loopback address."""
    where = "every network interface (0.0.0.0)" if host in ("0.0.0.0", "::") else host
    return BEYOND_WARNING.format(what="--lan" if lan else f"--host {host}", where=where)


@click.command()
@db_option
@athlete_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (127.0.0.1: this machine only; any other warns as --lan does).",
)
@click.option("--lan", is_flag=True, help="Listen on the local network too (0.0.0.0), e.g. to log from your phone.")
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Another name the app may be opened by (e.g. a name your router gives this machine). Repeatable.",
)
def serve(db: str | None, athlete: str | None, port: int, host: str, lan: bool, allowed_hosts: tuple[str, ...]) -> None:
    """The local web app: today's session, the plan, logging, check-ins, exercises and swaps.

    \b
    Open the address it prints in a browser. Your diary stays on this machine; the app
    needs no internet. The JSON API for scripts is under /api/v1 (listed at /api).
    Other websites you visit cannot read or change your diary through it: it answers only
    to the names it was started for, and refuses changes sent from other sites.
      runstrong serve
      runstrong serve --port 8080 --athlete Maya
      runstrong serve --lan          (then open http://THIS-MACHINE'S-ADDRESS:8000 on your phone)
    """
    import uvicorn

    from runstrong.web.app import create_app
    from runstrong.web.hosts import is_loopback
    from runstrong.web.security import policy_for_bind

    if lan:
        if host not in ("127.0.0.1", "0.0.0.0"):
            raise UserError("--lan: it listens on 0.0.0.0; drop --host, or give --host without --lan")
        host = "0.0.0.0"
    if not is_loopback(host):
        click.echo(beyond_warning(host, lan), err=True)
    _check_port(host, port)
    policy = policy_for_bind(host, allowed_hosts, _token_key(db))
    app = create_app(db, athlete=athlete, security=policy)
    with app.state.diary.store.read() as s:
        app.state.diary.who(s)  # no athlete, or several and no --athlete: say so now, not in the browser
    shown = "localhost" if is_loopback(host) else host
    click.echo(f"runstrong is at http://{shown}:{port}/  (API: http://{shown}:{port}/api) · Ctrl-C stops it")
    if not is_loopback(host):
        names = ", ".join(sorted(policy.hosts))
        click.echo(f"It answers to this machine's addresses and to: {names} (add a name with --allowed-host).")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def _token_key(db: str | None) -> bytes | None:
    """The key that signs the pages' form tokens, kept beside a SQLite diary (diary.db.web-key)
    so that a page opened before a restart still saves; None (a key per process) otherwise."""
    from pathlib import Path

    from runstrong.store.db import parse_url, resolve_url
    from runstrong.web.security import secret_from_file

    url = parse_url(resolve_url(db))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    path = Path(url.database)
    return secret_from_file(path.with_name(path.name + ".web-key"))


def _check_port(host: str, port: int) -> None:
    """Say which option to change when the address cannot be used, before anything starts."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except OSError as err:
        raise UserError(f"--port: cannot listen on {host}:{port} ({err.strerror}); try another --port") from None
