"""`runstrong serve`: the local web app (today, plan, logging, check-in) in a browser."""

from __future__ import annotations

import click

from runstrong.cli.diary_common import athlete_option, db_option
from runstrong.errors import UserError

NEEDS_ACCOUNTS = (
    "{what}: listening beyond this machine needs accounts, and this diary has none. Add one first: "
    "`runstrong users add NAME --role admin` (and one per runner and coach), then start the server again. "
    "See docs/server.md."
)


@click.command()
@db_option
@athlete_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (127.0.0.1: this machine only; any other needs accounts, as --lan does).",
)
@click.option("--lan", is_flag=True, help="Listen on the local network too (0.0.0.0); needs accounts.")
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Another name the app may be opened by (e.g. a name your router gives this machine). Repeatable.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes (server mode, e.g. on PostgreSQL); they share the database and one key.",
)
def serve(db: str | None, athlete: str | None, port: int, host: str, lan: bool, allowed_hosts: tuple[str, ...],
          workers: int) -> None:  # fmt: skip
    """The local web app: today's session, the plan, logging, check-ins, exercises and swaps.

    \b
    Open the address it prints in a browser. Your diary stays on this machine; the app
    needs no internet. On an empty diary it opens on a welcome page that sets up your
    profile and plan; with several runners, each chooses who they are (or give --athlete).
    The JSON API for scripts is under /api/v1 (listed at /api).
    Other websites you visit cannot read or change your diary through it: it answers only
    to the names it was started for, and refuses changes sent from other sites.
      runstrong serve
      runstrong serve --port 8080 --athlete Maya
      runstrong serve --lan          (then open http://THIS-MACHINE'S-ADDRESS:8000 on your phone)

    \b
    Server mode (coaches, clubs): add accounts with `runstrong users add`; then everyone
    logs in, and the server may listen beyond this machine (see docs/server.md):
      runstrong serve --db postgresql+psycopg://runstrong@localhost/runstrong --host 0.0.0.0 --workers 2
    """
    from runstrong import clock
    from runstrong.web.hosts import is_loopback

    clock.today()  # a bad RUNSTRONG_TODAY is said here, before the address
    if lan:
        if host not in ("127.0.0.1", "0.0.0.0"):
            raise UserError("--lan: it listens on 0.0.0.0; drop --host, or give --host without --lan")
        host = "0.0.0.0"
    beyond = not is_loopback(host)
    has_users = _check_diary(db, athlete, needs_users=beyond, what="--lan" if lan else f"--host {host}")
    _check_port(host, port)
    shown = "localhost" if is_loopback(host) else host
    mode = "server mode: everyone logs in" if has_users else "local mode: this machine only, no password"
    click.echo(f"runstrong is at http://{shown}:{port}/  (API: http://{shown}:{port}/api) · {mode} · Ctrl-C stops it")
    _run(db, athlete, host, port, allowed_hosts, workers)


def _check_diary(db: str | None, athlete: str | None, *, needs_users: bool, what: str) -> bool:
    """Say now, not in the browser, what keeps the app from working: no accounts where they
    are needed, or an --athlete the diary does not hold. An empty diary is fine (the browser
    shows the welcome page), and so are several runners (each chooses who they are). True: accounts."""
    from runstrong.cli.diary_common import open_diary
    from runstrong.store import repo
    from runstrong.store.accounts import any_users

    with open_diary(db) as store, store.read() as s:
        has_users = any_users(s)
        if needs_users and not has_users:
            raise UserError(NEEDS_ACCOUNTS.format(what=what))
        if not has_users and athlete is not None:
            repo.find_athlete(s, athlete)
    return has_users


def _run(db: str | None, athlete: str | None, host: str, port: int, allowed: tuple[str, ...], workers: int) -> None:
    """uvicorn with the app factory, so every worker builds the same app from the same settings."""
    import os

    import uvicorn

    from runstrong.store.db import resolve_url
    from runstrong.web import server_app

    os.environ["RUNSTRONG_DB"] = resolve_url(db)
    os.environ[server_app.HOST_ENV] = host
    os.environ[server_app.ALLOWED_ENV] = ",".join(allowed)
    if athlete:
        os.environ["RUNSTRONG_ATHLETE"] = athlete
    server_app.shared_secret(db)  # made once here, before the workers race to make it
    uvicorn.run("runstrong.web.server_app:make_app", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)  # fmt: skip


def _check_port(host: str, port: int) -> None:
    """Say which option to change when the address cannot be used, before anything starts."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except OSError as err:
        raise UserError(f"--port: cannot listen on {host}:{port} ({err.strerror}); try another --port") from None
