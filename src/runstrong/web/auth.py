"""Who is asking, and which athlete's diary they may touch: the one place the app decides.

Two modes. **Local** (no accounts, loopback only): the machine's owner, no password, as
before. **Accounts** (server mode; required beyond loopback): a user comes with a session
cookie (signed, HttpOnly, SameSite=Lax, Secure behind TLS) or an API token
(`Authorization: Bearer rs_...`). Every route that touches a diary depends on
`athlete_access` (set once on its router in `app.py`): it finds the athlete the request
names (`?athlete=NAME`, else the page cookie a coach's roster sets, else the user's own),
checks the user may see them *by id* (athlete: their own; coach: assigned athletes; admin:
everyone), and hands the route a `Diary` bound to that athlete alone. A refusal never
says whether the athlete exists. An athlete's account with no diary yet is sent to the
welcome page (`require_newcomer`: that account, or the local owner), and choosing who you
are among several runners exists in local mode only (`require_local`).

The cookie's key and the CSRF key come from one secret (`security.SecurityPolicy.secret`),
which every worker shares, and a session names the user's `session_epoch`, so a new
password or role ends the sessions signed before it, in every worker at once.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from runstrong.errors import UserError
from runstrong.flows.accounts import token_hash
from runstrong.store import accounts, diary_days, repo
from runstrong.store.accounts import User
from runstrong.store.actor import ACTOR

from .problems import Unavailable
from .service import Diary

# what every route behind these checks may answer in server mode (documented in the OpenAPI)
AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "Not logged in: send a session cookie or Authorization: Bearer TOKEN (server mode)."},
    403: {"description": "Not yours: you have no access to that athlete's diary (said the same if it does not exist)."},
}
SESSION_COOKIE = "runstrong_session"
ATHLETE_COOKIE = "runstrong_athlete"
SESSION_SECONDS = 14 * 24 * 3600  # a fortnight: a runner logs from the same phone for weeks


@dataclass(frozen=True)
class Principal:
    """The one asking: a user, or (local mode) the machine's owner (`user` None)."""

    user: User | None

    @property
    def name(self) -> str:
        return self.user.name if self.user else "local"

    @property
    def role(self) -> str:
        return self.user.role if self.user else "local"

    @property
    def is_staff(self) -> bool:
        """Coaches and admins see a roster; the local owner sees everyone too."""
        return self.user is None or self.user.role in ("coach", "admin")


LOCAL = Principal(None)


class LoginNeeded(Exception):
    """No user: pages send the browser to /login, the API answers 401."""


class ChooseAthlete(Unavailable):
    """A coach or admin asked for a diary page without saying whose: pages go to the roster."""


class NoDiaryYet(Unavailable):
    """An athlete's account with no diary of its own yet: pages go to the welcome page."""


class Forbidden(Exception):
    """A user asking for what is not theirs (403), said the same whether it exists or not."""


# ------------------------------------------------------------------ the session cookie


def _key(request: Request) -> bytes:
    secret = request.app.state.security.secret
    return hmac.new(secret, b"runstrong session cookie", hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def sign_session(request: Request, user: User, now: float | None = None) -> str:
    payload = _b64(json.dumps({"u": user.id, "e": user.session_epoch, "t": int(now or time.time())}).encode())
    return f"{payload}.{_b64(hmac.new(_key(request), payload.encode(), hashlib.sha256).digest())}"


def _read_session(request: Request, value: str) -> tuple[int, int] | None:
    """(user id, epoch) of a well-signed, unexpired cookie; None otherwise."""
    payload, _, signature = value.partition(".")
    expected = _b64(hmac.new(_key(request), payload.encode(), hashlib.sha256).digest())
    if not signature or not hmac.compare_digest(signature.encode(), expected.encode()):
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        user_id, epoch, issued = int(data["u"]), int(data["e"]), int(data["t"])
    except (ValueError, KeyError, TypeError):
        return None
    if time.time() - issued > SESSION_SECONDS:
        return None
    return user_id, epoch


def set_session_cookie(request: Request, response: Response, user: User) -> None:
    response.set_cookie(
        SESSION_COOKIE, sign_session(request, user), max_age=SESSION_SECONDS, httponly=True, samesite="lax",
        secure=request.url.scheme == "https", path="/",
    )  # fmt: skip


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(ATHLETE_COOKIE, path="/")


# ------------------------------------------------------------------ who is asking


def accounts_on(request: Request) -> bool:
    return bool(getattr(request.app.state, "accounts", False))


def principal(request: Request) -> Principal | None:
    """The one asking (None: nobody logged in), found once per request."""
    if "principal" in request.state._state:
        return request.state.principal
    found = LOCAL if not accounts_on(request) else _find_user(request)
    request.state.principal = found
    return found


def _find_user(request: Request) -> Principal | None:
    store = request.app.state.diary.store
    bearer = request.headers.get("authorization", "")
    if bearer.lower().startswith("bearer "):
        with store.read() as s:
            user = accounts.user_for_token(s, token_hash(bearer[7:].strip()))
        return Principal(user) if user else None
    found = _read_session(request, request.cookies.get(SESSION_COOKIE, ""))
    if found is None:
        return None
    with store.read() as s:
        user = accounts.user_by_id(s, found[0])
    if user is None or user.session_epoch != found[1]:
        return None
    return Principal(user)


async def require_user(request: Request) -> Principal:
    """Dependency: anyone logged in (or the local owner). The token or session lookup runs
    in the thread pool: a query on the event loop would stall every request of the worker."""
    known = "principal" in request.state._state or not accounts_on(request)  # no query to make
    who = principal(request) if known else await run_in_threadpool(principal, request)
    if who is None:
        raise LoginNeeded
    return who


async def require_staff(request: Request) -> Principal:
    """Dependency: a coach or an admin (or the local owner)."""
    who = await require_user(request)
    if not who.is_staff:
        raise Forbidden
    return who


async def require_local(request: Request) -> Principal:
    """Dependency: local mode only (choosing who you are; server mode has accounts for that)."""
    who = await require_user(request)
    if who.user is not None:
        raise Forbidden
    return who


async def require_newcomer(request: Request) -> Principal:
    """Dependency of the welcome page: the local owner (any new runner), or an athlete's
    account (its own diary, once); coaches and admins set up nobody's profile there."""
    who = await require_user(request)
    if who.user is not None and who.user.role != "athlete":
        raise Forbidden
    return who


async def require_admin(request: Request) -> Principal:
    """Dependency: an admin (or the local owner)."""
    who = await require_user(request)
    if who.user is not None and who.user.role != "admin":
        raise Forbidden
    return who


# ------------------------------------------------------------------ which athlete


AthleteQuery = Annotated[
    str | None, Query(max_length=80, description="The athlete (coaches and admins; default: your own).")
]


async def athlete_access(request: Request, athlete: AthleteQuery = None) -> Diary:
    """Dependency of every route that reads or writes a diary: the request's athlete,
    checked against what the user may see, bound into the `Diary` the route uses."""
    app_diary: Diary = request.app.state.diary
    wanted = athlete or (None if _is_api(request) else request.cookies.get(ATHLETE_COOKIE) or None)

    def look_up() -> tuple[Principal, str | None]:
        who = principal(request)
        if who is None:
            raise LoginNeeded
        return who, _allowed_athlete(app_diary, who, wanted)

    # the user's and the athlete's queries in one trip to the thread pool, off the event loop
    who, name = await run_in_threadpool(look_up) if accounts_on(request) else look_up()
    ACTOR.set(who.user.name if who.user else None)  # the change log's "who" for this request
    view = copy.copy(app_diary)
    view.athlete_name = name
    request.state.diary = view
    return view


def _allowed_athlete(diary: Diary, who: Principal, wanted: str | None) -> str | None:
    """The exact name of the athlete `who` asks for and may see (None: the diary's only one)."""
    if who.user is None:  # local: the owner's whole diary
        return wanted or diary.athlete_name
    with diary.store.read() as s:
        allowed = accounts.athlete_ids_for(s, who.user)
        if wanted is None:
            if who.user.role == "athlete":
                if who.user.athlete_id is None:
                    raise NoDiaryYet("athlete: your account has no profile yet; set it up at /welcome")
                return diary_days.athlete_name(s, who.user.athlete_id)
            if allowed is not None and len(allowed) == 1:
                return diary_days.athlete_name(s, next(iter(allowed)))
            if allowed is None and (diary.athlete_name or accounts.athlete_count(s) == 1):
                return diary.athlete_name
            raise ChooseAthlete("athlete: you look after several athletes; choose one with ?athlete=NAME (see /roster)")
        try:
            info = repo.find_athlete(s, wanted)
        except UserError:
            if allowed is None:
                raise
            raise Forbidden from None
        if allowed is not None and info.id not in allowed:
            raise Forbidden
        return info.name


def diary_for(request: Request) -> Diary:
    """The diary a route works on: the one `athlete_access` bound (the app's own otherwise)."""
    return getattr(request.state, "diary", None) or request.app.state.diary


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def install(app: Any) -> None:
    """The answers to `LoginNeeded` and `Forbidden`: JSON under the API, a page or a redirect elsewhere."""
    from urllib.parse import quote

    @app.exception_handler(LoginNeeded)
    async def _login(request: Request, _exc: LoginNeeded) -> Response:
        if _is_api(request) or request.method != "GET":
            headers = {"WWW-Authenticate": 'Bearer realm="runstrong"'}
            return JSONResponse({"detail": "Log in first (a session, or Authorization: Bearer TOKEN)."}, 401, headers)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)

    @app.exception_handler(ChooseAthlete)
    async def _choose(request: Request, exc: ChooseAthlete) -> Response:
        if _is_api(request) or request.method != "GET":
            return JSONResponse({"detail": str(exc)}, status_code=409)
        return RedirectResponse("/roster", status_code=303)

    @app.exception_handler(NoDiaryYet)
    async def _no_diary(request: Request, exc: NoDiaryYet) -> Response:
        if _is_api(request) or request.method != "GET":
            return JSONResponse({"detail": str(exc)}, status_code=409)
        return RedirectResponse("/welcome", status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, _exc: Forbidden) -> Response:
        message = "You do not have access to that athlete's diary (or it does not exist)."
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=403)
        return request.app.state.templates.TemplateResponse(
            request, "error.html", {"title": "Not yours to see", "message": message}, status_code=403
        )
