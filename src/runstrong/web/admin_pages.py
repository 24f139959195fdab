"""The admin page (server mode): the users, their roles and diaries, each coach's athletes
and each athlete's review mode, with the same changes as `runstrong users`, through the
same flows (so each is one transaction and audited with the admin's name)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from runstrong.errors import UserError
from runstrong.flows import accounts as flows
from runstrong.flows.review_queue import set_mode
from runstrong.store import accounts, repo
from runstrong.store.roster import review_mode

from . import forms
from .auth import require_admin

router = APIRouter(include_in_schema=False, dependencies=[Depends(require_admin)])


def _page(request: Request, status: int = 200, problem: str | None = None, done: str | None = None) -> Response:
    store = request.app.state.diary.store
    with store.read() as s:
        users = accounts.list_users(s)
        athletes = [(a.name, review_mode(s, a.id)) for a in repo.list_athletes(s)]
    return request.app.state.templates.TemplateResponse(request, "admin.html", {
        "title": "Users", "users": users, "athletes": athletes, "problem": problem, "done": done,
        "coaches": [u.name for u, _ in users if u.role == "coach"],
    }, status_code=status)  # fmt: skip


@router.get("/admin/users", response_class=HTMLResponse, name="admin_users")
def users_page(request: Request, done: str | None = None) -> Response:
    return _page(request, done=done)


async def _change(request: Request, change: Any) -> Response:
    """Run one admin change from the posted form; the page again with the message on a refusal."""
    form = await request.form()
    actor = request.state.principal.name
    now = request.app.state.diary.clock_now().now
    try:
        said = await run_in_threadpool(change, request.app.state.diary.store, form, actor, now)
    except UserError as err:
        return await run_in_threadpool(_page, request, 400, str(err))
    return RedirectResponse(f"/admin/users?done={said}", status_code=303)


def _text(form: Any, name: str) -> str:
    return forms.text(form, name) or ""


@router.post("/admin/users")
async def add_user(request: Request) -> Response:
    def change(store: Any, form: Any, actor: str, now: Any) -> str:
        athlete = _text(form, "athlete") or None
        user = flows.add_user(store, _text(form, "name"), str(form.get("password") or ""), _text(form, "role"),
                              athlete, actor, now)  # fmt: skip
        return f"added {user.name}"

    return await _change(request, change)


@router.post("/admin/role")
async def set_role(request: Request) -> Response:
    def change(store: Any, form: Any, actor: str, now: Any) -> str:
        user = flows.set_role(store, _text(form, "name"), _text(form, "role"), actor, now)
        return f"{user.name} is {user.role}"

    return await _change(request, change)


@router.post("/admin/assign")
async def assign(request: Request) -> Response:
    def change(store: Any, form: Any, actor: str, now: Any) -> str:
        remove = _text(form, "action") == "unassign"
        coach, athlete = _text(form, "coach"), _text(form, "athlete")
        flows.assign(store, coach, athlete, actor, now, remove=remove)
        return f"{coach} {'no longer coaches' if remove else 'coaches'} {athlete}"

    return await _change(request, change)


@router.post("/admin/review-mode")
async def mode(request: Request) -> Response:
    def change(store: Any, form: Any, actor: str, now: Any) -> str:
        set_mode(store, _text(form, "athlete"), _text(form, "mode"), actor, now)
        return f"{_text(form, 'athlete')}: reviews {_text(form, 'mode')}"

    return await _change(request, change)
