"""Requests handed straight to the app's ASGI callable, in one event loop, as uvicorn hands
them over: the app's middleware, routing, thread pool and endpoints all run, the HTTP client
does not. For the memory test's long traffic: under tracemalloc a TestClient request costs
about 5 ms of its own (thread hand-offs through a blocking portal, httpx's request, response
and cookie models) against 0.5 ms this way, on the same trivial endpoint; with 12,000
requests that was a fifth of the test, and its allocations were traced with the app's.

It talks like SameOriginClient (tests/web/conftest.py): the address the server prints, the
CSRF cookie the first answer sets, and on a state-changing request the Origin,
Sec-Fetch-Site and the page's X-CSRF-Token header.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any
from urllib.parse import urlsplit

from runstrong.web.security import COOKIE, HEADER
from tests.web.conftest import ORIGIN

CHANGES = ("POST", "PUT", "PATCH", "DELETE")


class AsgiSession:
    """One browser session against `app`; `await request(...)` gives (status, body)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.origin = urlsplit(ORIGIN)
        self.cookie = ""  # the CSRF session cookie, once an answer has set it
        self.token = ""

    async def start(self) -> None:
        """Open the session as a browser does: a page that sets the cookie and carries the token."""
        _status, page = await self.request("GET", "/api")
        found = re.search(r'"X-CSRF-Token": "([^"]+)"', page.decode())
        assert found and self.cookie, "the first page sets the session cookie and carries its CSRF token"
        self.token = found.group(1)

    async def request(self, method: str, url: str, json_body: Any = None) -> tuple[int, bytes]:
        body = b"" if json_body is None else json.dumps(json_body).encode()
        scope = self._scope(method, url, body, json_body is not None)
        answered = asyncio.Event()
        sent = False
        status, parts = 0, []

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            await answered.wait()  # as a client that stays connected until the answer is complete
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                self._keep_cookie(message.get("headers", []))
            elif message["type"] == "http.response.body":
                parts.append(message.get("body", b""))
                if not message.get("more_body", False):
                    answered.set()

        await self.app(scope, receive, send)
        return status, b"".join(parts)

    def _scope(self, method: str, url: str, body: bytes, is_json: bool) -> dict[str, Any]:
        target = urlsplit(url)
        headers = [(b"host", self.origin.netloc.encode()), (b"accept", b"*/*")]
        if self.cookie:
            headers.append((b"cookie", self.cookie.encode()))
        if is_json:
            headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        if method in CHANGES:
            headers += [
                (b"origin", ORIGIN.encode()),
                (b"sec-fetch-site", b"same-origin"),
                (HEADER.encode(), self.token.encode()),
            ]
        return {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": method,
            "scheme": self.origin.scheme,
            "path": target.path,
            "raw_path": target.path.encode(),
            "query_string": target.query.encode(),
            "root_path": "",
            "headers": headers,
            "client": ("127.0.0.1", 50000),
            "server": (self.origin.hostname, self.origin.port),
            "extensions": {},
        }

    def _keep_cookie(self, headers: list[tuple[bytes, bytes]]) -> None:
        for name, value in headers:
            if name.lower() == b"set-cookie" and value.startswith(f"{COOKIE}=".encode()):
                self.cookie = value.decode().split(";", 1)[0]
