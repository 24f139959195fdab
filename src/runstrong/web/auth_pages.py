"""Logging in and out (server mode). The login form posts with the page's CSRF token
like every other form; failures are counted per account and per client address in the
database (`flows.accounts.log_in`), so the limit holds across workers and restarts."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from runstrong.flows.accounts import LOGIN_WINDOW, log_in

from . import forms
from .auth import ATHLETE_COOKIE, accounts_on, clear_session_cookie, principal, set_session_cookie
from .pages import render

router = APIRouter(include_in_schema=False)


def _safe_next(value: str | None) -> str:
    """Only a path on this server (never //elsewhere or a full URL) to go on to after logging in."""
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def _page(request: Request, status: int = 200, message: str | None = None, name: str = "", nxt: str = "/") -> Response:
    return render(request, "login.html", status, title="Log in", message=message, name=name, next=nxt)


@router.get("/login", response_class=HTMLResponse, name="login")
def login_form(request: Request, next: str | None = None) -> Response:
    if not accounts_on(request):
        return RedirectResponse("/", status_code=303)
    return _page(request, nxt=_safe_next(next))


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = await request.form()
    name, password = (forms.text(form, "name") or "")[:80], str(form.get("password") or "")
    nxt = _safe_next(forms.text(form, "next"))
    if not accounts_on(request):
        return RedirectResponse("/", status_code=303)
    address = request.client.host if request.client else "unknown"
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    store = request.app.state.diary.store
    from starlette.concurrency import run_in_threadpool

    outcome = await run_in_threadpool(log_in, store, name, password, address, now)
    if outcome.limited:
        minutes = int(LOGIN_WINDOW.total_seconds() // 60)
        message = (
            f"Too many failed logins: wait {minutes} minutes and try again, or ask an admin to reset the password."
        )
        return _page(request, 429, message, name, nxt)
    if outcome.user is None:
        return _page(request, 401, "That name and password do not match an account.", name, nxt)
    response = RedirectResponse(nxt, status_code=303)
    response.delete_cookie(ATHLETE_COOKIE, path="/")
    set_session_cookie(request, response, outcome.user)
    return response


# The browser drops the service worker's kept pages and the offline queue (IndexedDB,
# drafts in localStorage) with the session, so the next person on a shared phone sees none of it.
CLEAR_SITE_DATA = '"cache", "storage"'


@router.post("/logout", response_class=HTMLResponse)
def logout(request: Request) -> Response:
    response = RedirectResponse("/login" if accounts_on(request) else "/", status_code=303)
    clear_session_cookie(response)
    if accounts_on(request):
        response.headers["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


@router.get("/whoami", response_class=HTMLResponse, include_in_schema=False)
def whoami(request: Request) -> Response:
    """Plain text: who this browser is logged in as (for scripts checking a session)."""
    who = principal(request)
    return Response(f"{who.name} ({who.role})" if who else "nobody", media_type="text/plain")
