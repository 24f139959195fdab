"""The web app: `create_app(db_url)` gives a FastAPI application over the diary.

Pages (`pages.py`) and the JSON API under /api/v1 (`api.py`) share one `Diary` service
(`service.py`), so both read and write the same way the CLI does. Templates and static
files (CSS, JS, the vendored htmx) ship inside the package: nothing is fetched at run time.
Every request passes `security.SecurityMiddleware` first (Host allow-list, CSRF, body
limit, security headers), outside even the error handlers.
"""

from __future__ import annotations

import datetime as dt
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from runstrong import __version__, clock
from runstrong.errors import UserError

from .problems import Changed, InputError, NotFound, Unavailable
from .security import SecurityMiddleware, SecurityPolicy, document_refusals
from .service import Diary

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
API_PREFIX = "/api/v1"

# The navigation, in order: (label, path).
# The first four are the phone's bottom bar; the rest are under its "More".
NAV: list[tuple[str, str]] = [
    ("Today", "/"),
    ("Plan", "/plan"),
    ("Run", "/run"),
    ("Check-in", "/checkin"),
    ("Review", "/review"),
    ("Exercises", "/exercises"),
    ("Profile", "/profile"),
]


class _GuardedApp(FastAPI):
    """FastAPI with the security middleware outermost, so that even a 500 answer from
    Starlette's last-resort handler carries the security headers."""

    def build_middleware_stack(self) -> ASGIApp:
        return SecurityMiddleware(super().build_middleware_stack(), self.state.security)


def create_app(
    db_url: str | None,
    athlete: str | None = None,
    today: dt.date | None = None,
    security: SecurityPolicy | None = None,
    accounts: bool | None = None,
) -> FastAPI:
    """The app over the diary at `db_url` (a path or SQLAlchemy URL; None: the default
    diary), for `athlete` (None: the diary's only athlete). `today` fixes the date (tests).
    `security`: the Host names it answers to and the body limit (default: loopback only).
    `accounts`: server mode, everyone logs in (None: on when the diary has users)."""
    from fastapi import Depends

    from runstrong.store.accounts import any_users
    from runstrong.store.db import open_store

    from . import (
        admin_pages,
        api,
        assess_guided,
        auth,
        auth_pages,
        calendar_feed,
        pages,
        review_pages,
        roster_pages,
        welcome,
    )
    from .render import make_templates

    if today is None:
        clock.today()  # a bad RUNSTRONG_TODAY stops the start, not every request
    diary = Diary(open_store(db_url), athlete, today)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):  # type: ignore[no-untyped-def]
        yield
        diary.close()

    app = _GuardedApp(
        title="runstrong",
        version=__version__,
        summary="Your strength plan, diary and check-ins, on your own machine.",
        description="The JSON API of `runstrong serve`: today's work, the plan, logging sessions, check-ins, "
        "runs, the exercise library and exercise swaps. Bad input gets a 4xx answer whose message names the field.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN; /api lists the routes offline
        redoc_url=None,
        openapi_tags=[{"name": "api", "description": "For scripts and other apps."}],
    )
    app.state.diary = diary
    if accounts is None:
        with diary.store.read() as s:
            accounts = any_users(s)
    app.state.accounts = accounts
    app.state.security = security or SecurityPolicy()
    app.state.dashboard_cache = {}  # (viewer, athlete, diary stamp, date) -> page; see web/page_cache.py
    app.state.templates = make_templates(TEMPLATES, NAV)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    diary_routes = [Depends(auth.athlete_access)]  # every route that touches a diary: who may, and which one
    # the most visited routes first: a request is matched against the routes in order (no two
    # routers claim one path, so the order changes only how soon a route is found)
    app.include_router(pages.router, dependencies=diary_routes)
    app.include_router(api.router, prefix=API_PREFIX, dependencies=diary_routes, responses=auth.AUTH_ERRORS)
    app.include_router(auth_pages.router)
    app.include_router(welcome.router)  # a new runner: local mode, or an athlete's account without a diary
    app.include_router(welcome.ready_router)
    app.include_router(assess_guided.router, dependencies=diary_routes)
    app.include_router(review_pages.router, dependencies=diary_routes)
    app.include_router(calendar_feed.router)  # its secret token is its key
    app.include_router(roster_pages.pages)  # the coach's roster and queue: coaches and admins
    app.include_router(roster_pages.athlete_pages)
    app.include_router(roster_pages.api, prefix=API_PREFIX, responses=auth.AUTH_ERRORS)
    app.include_router(roster_pages.athlete_api, prefix=API_PREFIX, responses=auth.AUTH_ERRORS)
    app.include_router(admin_pages.router)  # admins only
    auth.install(app)
    _install_error_handlers(app)
    _document_refusals(app)
    return app


def _document_refusals(app: FastAPI) -> None:
    """The OpenAPI document names the security middleware's answers too (403, 413)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document_refusals(build(), app.state.security.body_limit)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(API_PREFIX) or request.url.path == "/openapi.json"


def _install_error_handlers(app: FastAPI) -> None:
    """One answer per error family: JSON under /api/v1, a page elsewhere."""

    def page(request: Request, status: int, title: str, message: str) -> Response:
        templates = request.app.state.templates
        return templates.TemplateResponse(
            request, "error.html", {"title": title, "message": message}, status_code=status
        )

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> Response:
        if _is_api(request):
            where = "body" if request.method in ("POST", "PUT", "PATCH") else "query"
            detail = [{"loc": [where, *p.loc], "msg": p.msg, "type": p.type} for p in exc.problems]
            return JSONResponse({"detail": detail}, status_code=422)
        return page(request, 400, "That did not work", str(exc))

    @app.exception_handler(UserError)
    async def _user(request: Request, exc: UserError) -> Response:
        from .welcome import where_to_start

        status = 404 if isinstance(exc, NotFound) else 409 if isinstance(exc, Unavailable) else 400
        if status == 409 and not isinstance(exc, Changed):  # whose diary? no runner yet, or several
            target = where_to_start(request)
            if target is not None:
                return RedirectResponse(target, status_code=303)
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=status)
        title = {404: "Not found", 409: "Nothing to show yet"}.get(status, "That did not work")
        return page(request, status, title, str(exc))

    @app.exception_handler(OperationalError)
    async def _busy(request: Request, exc: OperationalError) -> Response:
        """A write that waited the whole busy timeout for another one: nothing was written
        (its transaction never began), so the answer is "try again", not an internal error."""
        detail = str(exc.orig or exc).strip().splitlines()[0]
        if "locked" not in detail and "busy" not in detail:
            raise exc
        message = "db: the diary stayed busy with other writes; nothing was saved, try again"
        headers = {"Retry-After": "1"}
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=503, headers=headers)
        answer = page(request, 503, "The diary is busy", message)
        answer.headers.update(headers)
        return answer

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request) or exc.status_code not in (404, 405):
            return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)
        return page(request, exc.status_code, "Not found", f"There is no page at {request.url.path}.")

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        detail: list[dict[str, Any]] = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", "invalid"), "type": e.get("type", "value_error")}
            for e in exc.errors()
        ]
        if _is_api(request):
            return JSONResponse({"detail": detail}, status_code=422)
        lines = "; ".join(f"{'.'.join(str(x) for x in d['loc'][1:])}: {d['msg']}" for d in detail)
        return page(request, 404, "Not found", f"That address is not right ({lines}).")
