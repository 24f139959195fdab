"""`runstrong users`: the accounts of a server-mode diary (see docs/server.md).

Every change goes through `flows.accounts` (one transaction, written to the audit log
as `cli:<your login name>`). Passwords are asked without echo, twice; with piped input
the first line is the password (for scripts setting up a server).
"""

from __future__ import annotations

import getpass
import sys

import click

from runstrong.cli.diary_common import clock_now, db_option, open_diary
from runstrong.cli.options import console, echo_json, escape

ROLE_CHOICE = click.Choice(["athlete", "coach", "admin"])


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _password(prompt: str) -> str:
    """The new password: typed twice on a terminal, the first line of piped input otherwise."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt(prompt, hide_input=True, confirmation_prompt=True)


@click.group()
def users() -> None:
    """Who may log in to `runstrong serve` in server mode, and what they may see.

    \b
    Roles: athlete (their own diary), coach (the athletes assigned to them),
    admin (everyone). An athlete may have several coaches.
      runstrong users add maya --role athlete --athlete Maya
      runstrong users add sam --role coach
      runstrong users assign sam Maya
    """


@users.command("add")
@click.argument("name")
@click.option("--role", type=ROLE_CHOICE, required=True, help="What the user may see.")
@click.option(
    "--athlete",
    "athlete",
    help="The diary an athlete's account opens (the athlete's name); without it, the runner sets up their "
    "profile in the browser at their first login.",
)
@db_option
def add(name: str, role: str, athlete: str | None, db: str | None) -> None:
    """Add the user NAME (the password is asked for)."""
    from runstrong.flows.accounts import add_user

    with open_diary(db) as store:
        user = add_user(store, name, _password("Password"), role, athlete, _actor(), clock_now())
    linked = (
        f", diary of {user.athlete}"
        if user.athlete
        else (", who sets up their profile at their first login" if user.role == "athlete" else "")
    )
    click.echo(f"Added {user.role} {user.name}{linked}.")


@users.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option
def list_(fmt: str, db: str | None) -> None:
    """The users, their roles, and the athletes each coach looks after."""
    from runstrong.store.accounts import list_users

    with open_diary(db) as store, store.read() as s:
        found = list_users(s)
    if fmt == "json":
        echo_json([{"name": u.name, "role": u.role, "athlete": u.athlete, "coaches": names} for u, names in found])
        return
    if not found:
        click.echo("No users yet: the diary is in local mode (this machine only, no password).")
        return
    out = console()
    for user, names in found:
        extra = f" · diary of {user.athlete}" if user.athlete else ""
        extra += f" · coaches {', '.join(names)}" if names else ""
        out.print(f"{escape(user.name)}  [bold]{user.role}[/bold]{escape(extra)}")


@users.command("set-role")
@click.argument("name")
@click.argument("role", type=ROLE_CHOICE)
@db_option
def set_role(name: str, role: str, db: str | None) -> None:
    """Give NAME another ROLE (their open sessions end)."""
    from runstrong.flows.accounts import set_role as flow

    with open_diary(db) as store:
        user = flow(store, name, role, _actor(), clock_now())
    click.echo(f"{user.name} is now {user.role}.")


@users.command("assign")
@click.argument("coach")
@click.argument("athlete")
@db_option
def assign(coach: str, athlete: str, db: str | None) -> None:
    """Let COACH see and change ATHLETE's diary."""
    from runstrong.flows.accounts import assign as flow

    with open_diary(db) as store:
        changed = flow(store, coach, athlete, _actor(), clock_now())
    click.echo(f"{coach} coaches {athlete}." if changed else f"{coach} already coached {athlete}: nothing changed.")


@users.command("unassign")
@click.argument("coach")
@click.argument("athlete")
@db_option
def unassign(coach: str, athlete: str, db: str | None) -> None:
    """Take ATHLETE away from COACH at once (nothing of the diary is deleted)."""
    from runstrong.flows.accounts import assign as flow

    with open_diary(db) as store:
        changed = flow(store, coach, athlete, _actor(), clock_now(), remove=True)
    click.echo(f"{coach} no longer coaches {athlete}." if changed else f"{coach} did not coach {athlete}.")


@users.command("passwd")
@click.argument("name")
@db_option
def passwd(name: str, db: str | None) -> None:
    """Set a new password for NAME (a reset: their open sessions end)."""
    from runstrong.flows.accounts import set_password

    with open_diary(db) as store:
        set_password(store, name, _password("New password"), _actor(), clock_now())
    click.echo(f"New password set for {name}; their sessions have ended.")


@users.command("token")
@click.argument("name")
@click.option("--label", default="script", show_default=True, help="What the token is for (kept with it).")
@db_option
def token(name: str, label: str, db: str | None) -> None:
    """A new API token for NAME's scripts: printed once, kept only as a hash.

    \b
    Send it as a header:  curl -H "Authorization: Bearer TOKEN" https://HOST/api/v1/today
    """
    from runstrong.flows.accounts import new_token

    with open_diary(db) as store:
        secret = new_token(store, name, label, _actor(), clock_now())
    click.echo(secret)


@users.command("review-mode")
@click.argument("athlete")
@click.argument("mode", type=click.Choice(["auto", "review"]))
@db_option
def review_mode(athlete: str, mode: str, db: str | None) -> None:
    """Whether ATHLETE's weekly reviews apply themselves (auto) or wait for a coach (review)."""
    from runstrong.flows.review_queue import set_mode

    with open_diary(db) as store:
        set_mode(store, athlete, mode, _actor(), clock_now())
    says = "wait for a coach" if mode == "review" else "apply when the athlete accepts them"
    click.echo(f"{athlete}'s weekly reviews now {says}.")
