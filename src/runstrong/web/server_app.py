"""The app as a process manager builds it in each worker: `runstrong serve --workers N`
starts uvicorn with this factory, and gunicorn can too (see docs/server.md):

    gunicorn -w 4 -k uvicorn.workers.UvicornWorker 'runstrong.web.server_app:make_app()'

Every worker reads the same settings from the environment, so every worker checks the
same Host names and signs cookies and CSRF tokens with the same key (`shared_secret`):
a form one worker served posts to another, and a session outlives a restart.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

SECRET_ENV = "RUNSTRONG_SECRET_KEY"  # at least 32 characters; else a key file made once
HOST_ENV = "RUNSTRONG_BIND_HOST"
ALLOWED_ENV = "RUNSTRONG_ALLOWED_HOSTS"  # comma-separated names (the proxy's public name)
ACCOUNTS_ENV = "RUNSTRONG_ACCOUNTS"  # "1": everyone logs in, even on loopback
KEY_FILE = "web-key"


def key_beside_diary(db: str | None) -> bytes | None:
    """The key that signs the pages' form tokens, kept beside a SQLite diary (diary.db.web-key)
    so that a page opened before a restart still saves; None (a key per process) otherwise."""
    from runstrong.store.db import parse_url, resolve_url
    from runstrong.web.security import secret_from_file

    url = parse_url(resolve_url(db))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    path = Path(url.database)
    return secret_from_file(path.with_name(path.name + ".web-key"))


def shared_secret(db: str | None) -> bytes:
    """The key every worker signs with: $RUNSTRONG_SECRET_KEY, else the key file beside a
    SQLite diary, else `web-key` in the data folder (made once, owner-readable only)."""
    from runstrong.store.db import default_path
    from runstrong.web.security import secret_from_file

    given = os.environ.get(SECRET_ENV, "")
    if given:
        if len(given) < 32:
            from runstrong.errors import UserError

            raise UserError(f"{SECRET_ENV}: at least 32 characters, please (e.g. `openssl rand -hex 32`)")
        return given.encode()
    beside = key_beside_diary(db)
    if beside is not None:
        return beside
    folder = Path(default_path()).parent
    folder.mkdir(parents=True, exist_ok=True)
    return secret_from_file(folder / KEY_FILE)


def make_app() -> FastAPI:
    """The app from the environment: $RUNSTRONG_DB, the bind host, the extra host names."""
    from runstrong.web.app import create_app
    from runstrong.web.hosts import is_loopback
    from runstrong.web.security import policy_for_bind

    db = os.environ.get("RUNSTRONG_DB") or None
    host = os.environ.get(HOST_ENV, "127.0.0.1")
    names = [n for n in os.environ.get(ALLOWED_ENV, "").split(",") if n.strip()]
    policy = policy_for_bind(host, names, shared_secret(db))
    # beyond loopback, always accounts (serve refuses to start without users); else when the diary has users
    accounts = True if os.environ.get(ACCOUNTS_ENV) == "1" or not is_loopback(host) else None
    return create_app(db, athlete=os.environ.get("RUNSTRONG_ATHLETE") or None, security=policy, accounts=accounts)
