"""Who is changing the diary right now, for the change log's `actor` column: the web app
sets it per request (the logged-in user's name, see web/auth.py); None is this machine's
own user (the CLI, or the app in local mode). A context variable, so each request (and
each thread it hands work to) sees its own."""

from __future__ import annotations

from contextvars import ContextVar

ACTOR: ContextVar[str | None] = ContextVar("runstrong_actor", default=None)


def current_actor() -> str | None:
    return ACTOR.get()
