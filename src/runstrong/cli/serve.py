"""`runstrong serve`: the local web app (today, plan, logging, check-in) in a browser."""

from __future__ import annotations

import click

from runstrong.cli.diary_common import athlete_option, db_option
from runstrong.errors import UserError

LAN_WARNING = (
    "Warning: --lan listens on every network interface (0.0.0.0). Anyone on this network can open your "
    "diary and change it: there is no password. Use it only on a network you trust, and stop the server "
    "(Ctrl-C) when you are done."
)


@click.command()
@db_option
@athlete_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (this machine only).")
@click.option("--lan", is_flag=True, help="Listen on the local network too (0.0.0.0), e.g. to log from your phone.")
def serve(db: str | None, athlete: str | None, port: int, host: str, lan: bool) -> None:
    """The local web app: today's session, the plan, logging, check-ins, exercises and swaps.

    \b
    Open the address it prints in a browser. Your diary stays on this machine; the app
    needs no internet. The JSON API for scripts is under /api/v1 (listed at /api).
      runstrong serve
      runstrong serve --port 8080 --athlete Maya
      runstrong serve --lan          (then open http://THIS-MACHINE'S-ADDRESS:8000 on your phone)
    """
    import uvicorn

    from runstrong.web.app import create_app

    if lan:
        if host not in ("127.0.0.1", "0.0.0.0"):
            raise UserError("--lan: it listens on 0.0.0.0; drop --host, or give --host without --lan")
        host = "0.0.0.0"
        click.echo(LAN_WARNING, err=True)
    _check_port(host, port)
    app = create_app(db, athlete=athlete)
    with app.state.diary.store.read() as s:
        app.state.diary.who(s)  # no athlete, or several and no --athlete: say so now, not in the browser
    shown = "localhost" if host == "127.0.0.1" else host
    click.echo(f"runstrong is at http://{shown}:{port}/  (API: http://{shown}:{port}/api) · Ctrl-C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def _check_port(host: str, port: int) -> None:
    """Say which option to change when the address cannot be used, before anything starts."""
    import socket

    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
    except OSError as err:
        raise UserError(f"--port: cannot listen on {host}:{port} ({err.strerror}); try another --port") from None
