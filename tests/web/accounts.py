"""A server-mode diary for the account tests: two athletes (A: Maya, B: Tom) with plans,
and one user per role: athlete A, athlete B, coach of A, another coach (of B), an admin.
Made once per backend and copied (SQLite) or rebuilt (PostgreSQL) per test module."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from tests.conftest import EXAMPLES
from tests.web.conftest import ORIGIN, SameOriginClient

NOW = dt.datetime(2027, 1, 1, 8, 0)
A, B = "Maya (marathon)", "Tom (5K)"
# what only A's diary holds (and only B's): a response for anyone else must not carry it
A_MARKS, B_MARKS = ("Maya", "Spring Marathon"), ("Tom (5K)", "Parkrun PB attempt")
PASSWORD = "correct horse battery"
USERS = {  # user name -> (role, diary)
    "ann_a": ("athlete", A),
    "ben_b": ("athlete", B),
    "cora_coach": ("coach", None),
    "olaf_other": ("coach", None),
    "ada_admin": ("admin", None),
}


def seed_server_diary(url: str) -> None:
    """Two athletes with plans, the five users, and the coaches' assignments."""
    from runstrong.core.planner import build_plan
    from runstrong.flows import accounts
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store

    store = open_store(url)
    try:
        for example in ("marathoner.toml", "5k-racer.toml"):
            profile = load_profile(EXAMPLES / example)
            with store.write() as s:
                repo.store_plan(s, profile, build_plan(profile, load_context(), least_bad=True), NOW)
        for name, (role, athlete) in USERS.items():
            accounts.add_user(store, name, PASSWORD, role, athlete, "test", NOW)
        accounts.assign(store, "cora_coach", A, "test", NOW)
        accounts.assign(store, "olaf_other", B, "test", NOW)
    finally:
        store.close()


class AccountClient(SameOriginClient):
    """A browser-like client for server mode: its CSRF token comes from the login page
    (every other page sends an anonymous visitor there)."""

    def page_token(self) -> str:
        if self._token is None:
            page = super(SameOriginClient, self).request("GET", "/login").text
            found = re.search(r'"X-CSRF-Token": "([^"]+)"', page)
            assert found, "the login page carries the CSRF token"
            self._token = found.group(1)
        return self._token

    def __enter__(self) -> AccountClient:
        """Several clients share one app, as several browsers share one server: the app's
        lifespan (whose end closes the diary) belongs to the test's fixture, not to a client."""
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def log_in(self, name: str, password: str = PASSWORD) -> Any:
        return self.post("/login", data={"name": name, "password": password, "next": "/"})


def client_for(app: Any, user: str | None) -> AccountClient:
    """A client logged in as `user` (None: anonymous)."""
    client = AccountClient(app, follow_redirects=False, base_url=ORIGIN)
    if user is not None:
        answer = client.log_in(user)
        assert answer.status_code == 303, answer.text
    return client
