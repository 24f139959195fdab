"""A diary seeded with the example marathoner, the app over it, a fixed "today", and a
test client that posts like the app's own pages in a browser.

The seeded SQLite file is made once per session and copied for each test, so every test
starts from the same diary and may write to it.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache
import pytest

with warnings.catch_warnings():  # starlette's note about httpx, as the tests filter it
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from tests.conftest import EXAMPLES

# Friday of week 1 of the marathoner's plan: session A is due
TODAY = dt.date(2027, 1, 8)
# where `runstrong serve` says it is (the Host and Origin a browser sends)
ORIGIN = "http://127.0.0.1:8000"
# a page no route answers: the not-found page, which carries the CSRF token as every page does
TOKEN_PAGE = "/no-such-page-for-the-csrf-token"


class SameOriginClient(TestClient):
    """A TestClient that talks like the app's own pages in a browser: at the address the
    server prints, and on every state-changing request with that Origin, Sec-Fetch-Site:
    same-origin and the page's CSRF token in the X-CSRF-Token header, as htmx sends them.
    (A plain TestClient is refused: its Host, "testserver", is not this server's.)"""

    def __init__(self, app: Any, **kwargs: Any) -> None:
        kwargs.setdefault("base_url", ORIGIN)
        super().__init__(app, **kwargs)
        self._token: str | None = None

    def request(self, method: str, url: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if method.upper() in ("POST", "PUT", "PATCH", "DELETE"):
            headers = dict(kwargs.pop("headers", None) or {})
            headers.setdefault("origin", ORIGIN)
            headers.setdefault("sec-fetch-site", "same-origin")
            headers.setdefault("x-csrf-token", self.page_token())
            kwargs["headers"] = headers
        return super().request(method, url, **kwargs)

    def page_token(self) -> str:
        """The token a page gives this client (its cookie, set by the first answer, keeps it).
        Every page carries it; the not-found page is the cheapest to ask for (no diary read, no
        redirect to the welcome page; the /api page builds the app's OpenAPI document, ~0.4 s
        of CPU a new app, once for each test that posts)."""
        if self._token is None:
            page = super().request("GET", TOKEN_PAGE).text
            found = re.search(r'"X-CSRF-Token": "([^"]+)"', page)
            assert found, "every page carries the CSRF token in its body's hx-headers"
            self._token = found.group(1)
        return self._token


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in memory for every app of the test process. Each app
    makes its own Jinja environment (`render.make_templates`), so each test's app parsed and
    compiled every template it rendered again (~30 ms a new app's first page); with the cache it
    loads the code compiled for the first app. Keyed by template name and source checksum, as
    Jinja's own file cache is: the same templates, rendered the same way."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@pytest.fixture(scope="session", autouse=True)
def compiled_templates() -> Iterator[None]:
    """Every app of the session shares CompiledTemplates (see there)."""
    from runstrong.web import render

    cache = CompiledTemplates()
    made = render.make_templates

    def make_templates(*args: Any, **kwargs: Any) -> Any:
        templates = made(*args, **kwargs)
        templates.env.bytecode_cache = cache
        return templates

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render, "make_templates", make_templates)
        yield


@pytest.fixture(scope="session")
def seeded_diary(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from runstrong.core.planner import build_plan
    from runstrong.io.data_files import load_context
    from runstrong.io.profile_file import load_profile
    from runstrong.store import repo
    from runstrong.store.db import open_store

    path = tmp_path_factory.mktemp("seed") / "diary.db"
    store = open_store(str(path))
    profile = load_profile(EXAMPLES / "marathoner.toml")
    with store.write() as s:
        repo.store_plan(s, profile, build_plan(profile, load_context(), least_bad=True), dt.datetime(2027, 1, 1, 8, 0))
    store.close()
    return path


@pytest.fixture
def diary_path(seeded_diary: Path, tmp_path: Path) -> Path:
    target = tmp_path / "diary.db"
    shutil.copyfile(seeded_diary, target)
    return target


@pytest.fixture
def app(diary_path: Path):  # type: ignore[no-untyped-def]
    from runstrong.web.app import create_app

    app = create_app(str(diary_path), today=TODAY)
    yield app
    app.state.diary.close()


@pytest.fixture
def empty_app(tmp_path: Path):  # type: ignore[no-untyped-def]
    """An app over an empty diary: nobody has set up yet."""
    from runstrong.web.app import create_app

    app = create_app(str(tmp_path / "empty.db"), today=TODAY)
    yield app
    app.state.diary.close()


@pytest.fixture(scope="session")
def server_seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The server-mode diary (two athletes, one user per role: tests/web/accounts.py), made once."""
    from tests.web.accounts import seed_server_diary

    path = tmp_path_factory.mktemp("server") / "diary.db"
    seed_server_diary(str(path))
    return path


@pytest.fixture
def server(server_seed: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The app on a fresh copy of the server-mode diary (a module may define its own `server`)."""
    from runstrong.web.app import create_app

    path = tmp_path / "diary.db"
    shutil.copyfile(server_seed, path)
    app = create_app(str(path), today=TODAY)
    yield app
    app.state.diary.close()


@pytest.fixture
def client(app):  # type: ignore[no-untyped-def]
    with SameOriginClient(app, follow_redirects=False) as c:
        yield c


class Switchboard:
    """One uvicorn server on 127.0.0.1 for every browser test of a test process, passing each
    request to the app of the test running now (`app`). Each test still gets its own app over its
    own diary, and its own browser context (cookies, storage, service worker): only the server
    is shared, which saves starting and stopping uvicorn and its thread per test. Between tests
    `app` is None and a request is answered 503 (none should come: a test's browser context is
    closed before its app is let go). The apps' lifespan is not run: it only closes the diary,
    which the fixtures that make each app do."""

    def __init__(self) -> None:
        self.app: Any = None
        self.url = ""

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        app = self.app
        if app is None:
            await send({"type": "http.response.start", "status": 503, "headers": [(b"content-type", b"text/plain")]})
            await send({"type": "http.response.body", "body": b"no test is running"})
            return
        await app(scope, receive, send)

    def serving(self, app: Any) -> Iterator[str]:
        """Serve `app` for one test (a fixture's body): its base URL, then nobody again."""
        assert self.app is None, "one test at a time on a switchboard"
        self.app = app
        try:
            yield self.url
        finally:
            self.app = None


@pytest.fixture(scope="session")
def switchboard() -> Iterator[Switchboard]:
    """The test process's server for browser tests (see Switchboard), on a free port."""
    import uvicorn

    board = Switchboard()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(board, log_level="warning", access_log=False, lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the web server did not start within 15 s")
        time.sleep(0.05)
    board.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    yield board
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
