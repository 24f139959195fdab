"""What keeps `runstrong serve` safe from the other websites the runner visits: one pure
ASGI middleware in front of every route (pages, API, static files, routes added later).

- **Host allow-list** (DNS rebinding): a request whose Host is not a name the server was
  started for gets 400 and no diary data. Any port is accepted (an ssh tunnel or port
  forward changes it); when bound beyond loopback, any address written as digits is
  accepted too, since rebinding needs a *name* that an attacker's DNS can point here
  (the name and Origin rules are in `hosts.py`).
- **CSRF**: a state-changing request (POST, PUT, PATCH, DELETE) is refused when the
  browser says it comes from another site (Sec-Fetch-Site other than same-origin) or
  another origin (Origin). JSON bodies need nothing more: a page cannot send JSON to
  another origin without a CORS preflight, which this server never grants, so scripts
  (curl, httpx) post JSON freely. Everything else (form posts, text, no content type)
  must carry the per-session token, in the `csrf_token` field of a urlencoded form
  (taken out of the body before the route sees it) or the `X-CSRF-Token` header (htmx
  sends it; multipart uploads must use the header).
  The token is an HMAC of a random id kept in a SameSite=Strict, HttpOnly cookie, so a
  cookie planted by a neighbouring site cannot come with a matching token; `serve` keeps
  the key beside the diary so that tokens outlive a restart.
- **Body limit**: a body over the limit gets 413 naming the limit; it is counted as it
  streams in, so a huge body is refused after the limit, not after reading all of it.
- **Headers** on every answer: a Content-Security-Policy with no inline script or style,
  frame-ancestors 'none', nosniff, a referrer policy, a permissions policy, and
  Cache-Control: no-store on everything but /static/ (every other answer holds diary data).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import os
import re
import secrets
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

from starlette.datastructures import MutableHeaders
from starlette.requests import cookie_parser

from .hosts import LOOPBACK_NAMES, host_allowed, host_name, is_loopback, machine_names, same_origin

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

BODY_LIMIT = 1024 * 1024  # forms and JSON: the biggest real one (a session log) is a few kB
UPLOAD_PATH = "/runs/upload"
UPLOAD_LIMIT = 25 * 1024 * 1024  # activity files from a watch: a long run's FIT is ~1 MB, a GPX a few MB
COOKIE = "runstrong_csrf"
ARRIVED = "runstrong_arrived"  # a Lax cookie for a few seconds: a page reloads itself once, never in a loop
FIELD = "csrf_token"
HEADER = "x-csrf-token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{43}")

# 'self' only: scripts and styles come from /static (htmx's own indicator <style> is
# switched off in base.html's htmx-config); the charts are <img> from this server.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the
    # app's own form posts, and the Origin check above needs the real one
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}


@dataclass(frozen=True)
class SecurityPolicy:
    """Who may talk to the app: the Host names it answers to, whether any IP address as
    Host is fine (bound beyond loopback), the body limit, and the key that signs tokens
    (random per process unless given: several workers must share one)."""

    hosts: frozenset[str] = LOOPBACK_NAMES
    any_address: bool = False
    body_limit: int = BODY_LIMIT
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)
    json_paths: tuple[str, ...] = ("/api/", "/openapi.json")
    path_limits: tuple[tuple[str, int], ...] = ((UPLOAD_PATH, UPLOAD_LIMIT),)

    def with_hosts(self, names: Iterable[str]) -> SecurityPolicy:
        extra = {host_name(n) for n in names if n.strip()}
        return replace(self, hosts=self.hosts | extra)

    def limit_for(self, path: str) -> int:
        """The body limit of `path`: its own (exact path) when it has one, else the general one."""
        return dict(self.path_limits).get(path, self.body_limit)


def secret_from_file(path: Path) -> bytes:
    """The token-signing key kept in `path` (made on first use, readable by its owner only),
    so that a page opened before a restart of the server still posts; a random key for this
    process alone when the file cannot be kept."""
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except FileNotFoundError:
        pass
    except OSError:
        return secrets.token_bytes(32)
    new = path.with_name(f"{path.name}.{os.getpid()}.new")
    try:
        with os.fdopen(os.open(new, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
            out.write(secrets.token_bytes(32))
        try:
            os.link(new, path)  # whole before it appears; of two servers starting at once, one key wins
        except FileExistsError:
            if len(path.read_bytes()) < 32:
                os.replace(new, path)  # a cut-short key file: replaced
        return path.read_bytes()
    except OSError:
        return secrets.token_bytes(32)
    finally:
        new.unlink(missing_ok=True)


def policy_for_bind(host: str, allowed_hosts: Iterable[str] = (), secret: bytes | None = None) -> SecurityPolicy:
    """The policy for a server bound to `host`: loopback names always; beyond loopback also
    this machine's names and any IP address; plus the names given by --allowed-host."""
    names = set(LOOPBACK_NAMES) | ({host_name(host)} - {"0.0.0.0", "::"})  # a bound address, not "any"
    beyond = not is_loopback(host)
    if beyond:
        names |= machine_names()
    key = {"secret": secret} if secret else {}
    return SecurityPolicy(frozenset(n for n in names if n), any_address=beyond, **key).with_hosts(allowed_hosts)


class SecurityMiddleware:
    """Host check, body limit, CSRF check and headers around `app` (see the module doc)."""

    def __init__(self, app: ASGIApp, policy: SecurityPolicy | None = None) -> None:
        self.app = app
        self.policy = policy or SecurityPolicy()

    def token_for(self, session_id: str) -> str:
        """The form token of a session: an HMAC of its cookie's id under the server's key."""
        digest = hmac.new(self.policy.secret, session_id.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        refusal = self._refuse_early(scope, headers)
        if refusal:
            await self._answer(scope, self._with_headers(scope, send, None), *refusal)
            return
        cookies = cookie_parser(headers.get("cookie", ""))
        session_id = cookies.get(COOKIE, "")
        new_cookie = not _SESSION_ID.fullmatch(session_id)
        if new_cookie and ARRIVED not in cookies and _arrives_from_another_site(scope, headers):
            await _reload_here(self._with_headers(scope, send, None))
            return
        if new_cookie:
            session_id = secrets.token_urlsafe(32)
        send = self._with_headers(scope, send, session_id if new_cookie else None)
        scope.setdefault("state", {})["csrf_token"] = self.token_for(session_id)
        if scope["method"] in UNSAFE:
            try:
                body = await _read_limited(receive, self.policy.limit_for(scope["path"]))
            except _Disconnected:
                return  # nobody to answer
            if body is None:
                await self._answer(scope, send, *self._too_large(scope["path"]))
                return
            problem = self._csrf_problem(scope, headers, body, session_id)
            if problem:
                await self._answer(scope, send, 403, problem)
                return
            scope, receive = _replay(scope, receive, _without_token_field(body, headers))
        await self.app(scope, receive, send)

    def _refuse_early(self, scope: Scope, headers: dict[str, str]) -> tuple[int, str] | None:
        """A foreign Host, or a body announced as over the limit: refused before reading."""
        host = headers.get("host", "")
        if not host_allowed(host, self.policy.hosts, self.policy.any_address):
            shown = host[:80] or "(none)"
            return 400, f"This server does not answer to the host name {shown!r}. Open it by the address it printed."
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.policy.limit_for(scope["path"]):
            return self._too_large(scope["path"])
        return None

    def _too_large(self, path: str) -> tuple[int, str]:
        limit = self.policy.limit_for(path)
        size = f"{limit // (1024 * 1024)} MB" if limit % (1024 * 1024) == 0 else f"{limit:,} bytes"
        return 413, f"The request body is too large: the limit is {size} ({limit:,} bytes)."

    def _csrf_problem(self, scope: Scope, headers: dict[str, str], body: bytes, session_id: str) -> str | None:
        """Why a state-changing request is refused as possibly sent by another site; None: fine."""
        site = headers.get("sec-fetch-site")
        if site is not None and site != "same-origin":
            return f"Refused: this request came from another site (Sec-Fetch-Site: {site[:40]})."
        origin = headers.get("origin")
        if origin is not None and not same_origin(origin, headers.get("host", ""), scope.get("scheme", "http")):
            return f"Refused: this request came from another origin ({origin[:80]})."
        if _media_type(headers) == "application/json" or _media_type(headers).endswith("+json"):
            return None
        if headers.get("authorization", "").lower().startswith("bearer "):
            return None  # an API token: a page cannot send this header to another origin without a preflight
        expected = self.token_for(session_id)
        given = [t for t in (headers.get(HEADER), _token_field(body, headers)) if t]
        if any(hmac.compare_digest(t.encode(), expected.encode()) for t in given):
            return None
        if given:
            return (
                "Refused: this form's safety token is out of date (the page was opened in an earlier browser session). "
                "Nothing was saved: reload the page and send it again."
            )
        return (
            f"Refused: a form post needs the page's safety token (the {FIELD} field or the X-CSRF-Token header); "
            "scripts can send JSON instead."
        )

    def _with_headers(self, scope: Scope, send: Send, new_session: str | None) -> Send:
        """`send`, adding the security headers (and the new session cookie) to the answer."""
        static = scope.get("path", "").startswith("/static/")
        secure = "; Secure" if scope.get("scheme") == "https" else ""

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                out = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    out.setdefault(name, value)
                if not static:
                    out["cache-control"] = "no-store"
                if new_session:
                    out.append("set-cookie", f"{COOKIE}={new_session}; Path=/; HttpOnly; SameSite=Strict{secure}")
            await send(message)

        return wrapped

    async def _answer(self, scope: Scope, send: Send, status: int, message: str) -> None:
        """A refusal: JSON {"detail": ...} under the API, a short page elsewhere."""
        if scope.get("path", "").startswith(self.policy.json_paths):
            body, kind = json.dumps({"detail": message}).encode(), "application/json"
        else:
            text = html.escape(message)
            body = (
                '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Refused · runstrong</title>'
                '<link rel="stylesheet" href="/static/app.css"></head><body><main id="main">'
                f'<h1>That did not work</h1><p>{text}</p><p><a href="/">Back to today</a></p></main></body></html>'
            ).encode()
            kind = "text/html; charset=utf-8"
        headers = [(b"content-type", kind.encode()), (b"content-length", str(len(body)).encode())]
        if status == 413:
            headers.append((b"connection", b"close"))  # the rest of the body is never read
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _arrives_from_another_site(scope: Scope, headers: dict[str, str]) -> bool:
    """A link followed from another site: the browser leaves the SameSite=Strict cookie it
    holds out of this request, though not out of the next one this site starts."""
    return (
        scope["method"] in ("GET", "HEAD")
        and headers.get("sec-fetch-mode") == "navigate"
        and headers.get("sec-fetch-site") in ("cross-site", "same-site")
    )


async def _reload_here(send: Send) -> None:
    """A page that loads itself again at once, so that the browser sends its cookie: a new
    one would put the forms open in the runner's other tabs out of date. No diary data."""
    body = (
        b'<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0">'
        b'<title>runstrong</title></head><body><p><a href="">Open runstrong</a></p></body></html>'
    )
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"set-cookie", f"{ARRIVED}=1; Path=/; Max-Age=10; HttpOnly; SameSite=Lax".encode()),
    ]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def document_refusals(openapi: dict[str, Any], limit: int = BODY_LIMIT) -> dict[str, Any]:
    """The OpenAPI document with the middleware's refusals added to every state-changing
    operation (403 from another site or without a token, 413 over the body limit)."""
    detail = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
    answers = {
        "403": "Refused as possibly sent by another site: an Origin or Sec-Fetch-Site of another site, or a "
        "body other than JSON without the CSRF token.",
        "413": f"The body is over the limit ({limit:,} bytes).",
    }
    for operations in openapi.get("paths", {}).values():
        for method, operation in operations.items():
            if method.upper() in UNSAFE:
                for status, text in answers.items():
                    answer = operation.setdefault("responses", {}).setdefault(
                        status, {"description": text, "content": {"application/json": {"schema": detail}}}
                    )
                    if text not in answer["description"]:  # a 403 of the route's own (server mode's "not yours")
                        answer["description"] += f" Or: {text}"
    return openapi


def _headers(scope: Scope) -> dict[str, str]:
    """The request headers by lower-case name (the first of repeated ones, except cookies)."""
    out: dict[str, str] = {}
    for raw_name, raw_value in scope.get("headers", []):
        name, value = raw_name.decode("latin-1").lower(), raw_value.decode("latin-1")
        if name == "cookie" and name in out:
            out[name] += "; " + value
        else:
            out.setdefault(name, value)
    return out


def _media_type(headers: dict[str, str]) -> str:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


class _Disconnected(Exception):
    """The client went away before sending the whole body."""


async def _read_limited(receive: Receive, limit: int) -> bytes | None:
    """The whole body, read as it streams in; None as soon as it passes `limit` bytes (the
    rest is never read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise _Disconnected
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _form_pairs(body: bytes, headers: dict[str, str]) -> list[tuple[str, bytes]]:
    """(name, raw pair) for each field of a urlencoded body; none for other bodies."""
    if _media_type(headers) != "application/x-www-form-urlencoded":
        return []
    return [(unquote_plus(p.split(b"=", 1)[0].decode("latin-1")), p) for p in body.split(b"&") if p]


def _token_field(body: bytes, headers: dict[str, str]) -> str | None:
    for name, pair in _form_pairs(body, headers):
        if name == FIELD:
            return unquote_plus(pair.split(b"=", 1)[-1].decode("latin-1"))
    return None


def _without_token_field(body: bytes, headers: dict[str, str]) -> bytes:
    """The body without the token field, so routes see only their own fields."""
    pairs = _form_pairs(body, headers)
    if not any(name == FIELD for name, _ in pairs):
        return body
    return b"&".join(pair for name, pair in pairs if name != FIELD)


def _replay(scope: Scope, receive: Receive, body: bytes) -> tuple[Scope, Receive]:
    """The scope (with the body's true length) and a `receive` that gives the body read
    already, then whatever the client sends next (its disconnect)."""
    scope = dict(scope)
    scope["headers"] = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"content-length"]
    scope["headers"].append((b"content-length", str(len(body)).encode()))
    given = False

    async def replayed() -> Message:
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return scope, replayed
