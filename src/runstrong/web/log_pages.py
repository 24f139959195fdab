"""Logging a session from its page, and putting right what was logged: a set edited or
deleted in place, the last change undone. Every form carries the diary version it showed
(a stale one is told the diary changed); the logging form also carries a token, so a
second submit (a double tap, a second tab) logs nothing. Edits go back to the page they
came from with a notice of what was done, or why not."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi import Path as FPath
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from runstrong.core.model import PainArea

from . import forms, views
from .auth import diary_for
from .service import Changed, Diary, InputError, NotFound, Unavailable

router = APIRouter(include_in_schema=False)
SetId = Annotated[int, FPath(ge=1, le=2**31 - 1)]


def diary_of(request: Request) -> Diary:
    return diary_for(request)  # the athlete the request may touch (auth.athlete_access)


def redirect(path: str, **query: Any) -> RedirectResponse:
    query = {k: v for k, v in query.items() if v is not None}
    if not query:
        return RedirectResponse(path, status_code=303)
    return RedirectResponse(f"{path}{'&' if '?' in path else '?'}{urlencode(query)}", status_code=303)


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def _session_page(
    request: Request,
    day: dt.date,
    label: str | None,
    values: dict[str, Any] | None = None,
    errors: forms.Errors | None = None,
    saved: str | None = None,
    status: int = 200,
    notice: str | None = None,
) -> HTMLResponse:
    diary = diary_of(request)
    data = diary.day(day)
    planned = data.sessions[0] if data.sessions else None
    if label is not None:
        planned = next((s for s in data.sessions if s.label.lower() == label.lower()), None)
        if planned is None:
            raise NotFound(f"label: no session {label!r} on {day}")
    units = data.athlete.units
    form = views.session_form(planned, diary.library, units, data.last) if planned else None
    names = diary.names()
    values = values or {}
    return render(
        request,
        "session.html",
        status,
        title=f"Session {planned.label}" if planned else "Session",
        data=data,
        planned=planned,
        form=form,
        values=values,
        errors=errors or forms.Errors(),
        saved=saved,
        notice=notice,
        logged=[(x, views.logged_lines(x.sets, names, units)) for x in data.logged],
        editable=[views.editable_sets(x, names, units) for x in data.logged],
        pain_areas=[a.value for a in PainArea],
        profile_pain=[a.value for a in diary.profile()[1].pain_areas],
        future=day > diary.today(),
        token=values.get("token") or uuid.uuid4().hex,  # the form's idempotency key: a second submit logs nothing
        version=values.get("version") or diary.version(),
    )


@router.get("/session/{day}", response_class=HTMLResponse, name="session")
def session_page(
    request: Request, day: str, label: str | None = None, saved: str | None = None, notice: str | None = None
) -> Response:
    return _session_page(request, pages_parse_day(day), label, saved=saved, notice=notice)


@router.post("/session/{day}", response_class=HTMLResponse)
async def log_session(request: Request, day: str, label: str | None = None) -> Response:
    when = pages_parse_day(day)
    form = await request.form()
    diary = diary_of(request)
    units = diary.athlete().units
    given = forms.session_input(form, units)
    token = forms.text(form, "token")
    try:
        logged = diary.log_session(
            when,
            given.sets,
            label=label,
            minutes=given.minutes,
            session_rpe=given.session_rpe,
            note=given.note,
            pains=given.pains,
            key=f"form:{token}"[:200] if token else None,
            version=forms.version(form),
        )
    except InputError as err:
        errors = forms.errors_for(err.problems, given.names)
        return _session_page(request, when, label, forms.values_of(form), errors, status=422)
    except Changed as err:
        errors = forms.Errors(general=[str(err).removeprefix("version: ")])
        values = forms.values_of(form) | {"version": str(diary.version())}
        return _session_page(request, when, label, values, errors, status=409)
    if logged.already:
        return redirect(f"/session/{when}", label=label, notice="These sets were already logged; nothing added.")
    return redirect(f"/session/{when}", label=label, saved=logged.result.new_sets)


@router.post("/sets/{set_id}/edit", response_class=HTMLResponse)
async def edit_set(request: Request, set_id: SetId) -> Response:
    form = await request.form()
    diary = diary_of(request)
    updates = forms.set_edit_input(form, diary.athlete().units)
    back = forms.text(form, "back") or "/"
    try:
        done = diary.edit_set(set_id, updates, forms.version(form))
    except (InputError, Changed) as err:
        return redirect(_local(back), notice=f"Not saved: {_said(err)}")
    return redirect(_local(back), notice=f"Saved: {done.what}.")


@router.post("/sets/{set_id}/delete", response_class=HTMLResponse)
async def delete_set(request: Request, set_id: SetId) -> Response:
    form = await request.form()
    back = forms.text(form, "back") or "/"
    try:
        done = diary_of(request).delete_set(set_id, forms.version(form))
    except (InputError, Changed) as err:
        return redirect(_local(back), notice=f"Not deleted: {_said(err)}")
    return redirect(_local(back), notice=f"Deleted {done.what}. Undo brings it back.")


@router.post("/undo", response_class=HTMLResponse)
async def undo(request: Request) -> Response:
    form = await request.form()
    back = forms.text(form, "back") or "/"
    try:
        done = diary_of(request).undo(forms.version(form))
    except (InputError, Unavailable) as err:
        return redirect(_local(back), notice=f"Nothing undone: {_said(err)}")
    return redirect(_local(back), notice=f"Undone: {done.summary}.")


def _local(path: str) -> str:
    """Only a path on this site (never another host) to go back to."""
    return path if path.startswith("/") and not path.startswith("//") else "/"


def _said(err: Exception) -> str:
    if isinstance(err, InputError):
        return "; ".join(p.msg for p in err.problems)
    return str(err).split(": ", 1)[-1]


def pages_parse_day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise NotFound(f"date: {text!r} is not a date; write it as 2027-01-05") from None
