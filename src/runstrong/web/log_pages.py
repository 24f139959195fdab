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

from runstrong.core.furniture_words import runner_furniture
from runstrong.core.model import PainArea
from runstrong.core.owned_kit import kit_increments

from . import forms, views
from .auth import diary_for
from .problems import Changed, InputError, NotFound, Unavailable, day_in_url
from .service import Diary

router = APIRouter(include_in_schema=False)
SetId = Annotated[int, FPath(ge=1, le=2**31 - 1)]
FORM_KEY = "form:"  # a logging form's token, kept as the log's idempotency key
# A phone keeps what is typed in a session form for DRAFT_DAYS (static/log.js): the page names
# the form tokens saved since a day longer ago, so a saved draft is never offered again
# whatever the phone saw of its save's answer, and a refused one always is.
DRAFT_DAYS = 2


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
    done: dt.date | None = None,
) -> HTMLResponse:
    diary = diary_of(request)
    today = diary.today()
    data = diary.day(day)
    planned = data.sessions[0] if data.sessions else None
    if label is not None:
        planned = next((s for s in data.sessions if s.label.lower() == label.lower()), None)
        if planned is None:
            raise NotFound(f"label: no session {label!r} on {day}")
    units = data.athlete.units
    profile = diary.profile()[1]  # read once: the load steps and the pain areas come from it
    shown = list(data.logged)
    if done is not None and done != day and planned is not None:  # logged on the day done, for this session
        shown = [x for x in diary.day(done).logged if x.planned_label == planned.label]
    form = None
    if planned is not None:
        steps = views.kit_steps(units, kit_increments(profile), diary.params)
        form = views.session_form(planned, diary.library, units, data.last, diary.params.load_rounding_kg, steps,
                                  runner_furniture(profile))  # fmt: skip
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
        logged=[(x, views.logged_lines(x.sets, names, units)) for x in shown],
        editable=[views.editable_sets(x, names, units) for x in shown],
        logged_on=done if done is not None and done != day else None,
        pain_areas=[a.value for a in PainArea],
        profile_pain=[a.value for a in profile.pain_areas],
        pain_causes=forms.pain_causes((b.exercise_id, b.name) for b in (planned.blocks if planned else [])),
        future=day > today and done is None,
        done_days=done_days(day, today),
        done_on=values.get("done_on") or str(done or min(day, today)),
        others=_other_sessions(diary, day) if planned is None and day <= today else [],
        token=values.get("token") or uuid.uuid4().hex,  # the form's idempotency key: a second submit logs nothing
        version=values.get("version") or diary.version(),
        draft_days=DRAFT_DAYS,
        saved_tokens=saved_tokens(diary) if form is not None else [],
    )


def saved_tokens(diary: Diary) -> list[str]:
    """The form tokens logged in the last DRAFT_DAYS and a day (the day for a phone's clock that
    is not the server's): a draft holding one was saved, one holding another was not."""
    since = diary.clock_now().now - dt.timedelta(days=DRAFT_DAYS + 1)
    return diary.keys_since(FORM_KEY, since)


DONE_DAYS_BACK = 7  # how far back the form offers "the day you did it" (older: the CLI's --for)


def done_days(planned: dt.date, today: dt.date) -> list[tuple[str, str]]:
    """(date, words) for the days a planned session may have been done on: the last week
    up to today, and the planned day itself when it is past."""
    days = {today - dt.timedelta(days=k) for k in range(DONE_DAYS_BACK)} | ({planned} if planned <= today else set())
    words = {today: "Today", today - dt.timedelta(days=1): "Yesterday"}
    out = []
    for d in sorted(days, reverse=True):
        text = ", ".join(x for x in (words.get(d), d.strftime("%a %-d %b")) if x)
        out.append((str(d), text + (" (as planned)" if d == planned else "")))
    return out


def _other_sessions(diary: Diary, day: dt.date) -> list[Any]:
    """The week's planned sessions not yet logged, to log one done on `day` instead."""
    week = diary.week(day)
    return [x for x in week.sessions if x.label not in (week.logged[x.date].labels if x.date in week.logged else ())]


@router.get("/session/{day}", response_class=HTMLResponse, name="session")
def session_page(
    request: Request,
    day: str,
    label: str | None = None,
    saved: str | None = None,
    notice: str | None = None,
    done: str | None = None,
) -> Response:
    done_on = day_in_url(done) if done else None
    with diary_of(request).one_read():  # the page's reads in one transaction
        return _session_page(request, day_in_url(day), label, saved=saved, notice=notice, done=done_on)


@router.post("/session/{day}", response_class=HTMLResponse)
async def log_session(request: Request, day: str, label: str | None = None) -> Response:
    planned_on = day_in_url(day)
    form = await request.form()
    diary = diary_of(request)
    units = diary.athlete().units
    given = forms.session_input(form, units)
    token = forms.text(form, "token")
    when = planned_on
    try:
        when = _done_on(form, planned_on)
        logged = diary.log_session(
            when,
            given.sets,
            planned_on=planned_on if when != planned_on else None,
            label=label,
            minutes=given.minutes,
            session_rpe=given.session_rpe,
            note=given.note,
            pains=given.pains,
            key=f"{FORM_KEY}{token}"[:200] if token else None,
            version=forms.version(form),
            confirmed=forms.text(form, "confirm") == "yes",
        )
    except InputError as err:
        errors = forms.errors_for(err.problems, given.names | {("planned_on",): "done_on", ("date",): "done_on"})
        other_day = when if when != planned_on else None
        return _session_page(request, planned_on, label, forms.values_of(form), errors, status=422, done=other_day)
    except Changed as err:
        errors = forms.Errors(general=[str(err).removeprefix("version: ")])
        values = forms.values_of(form) | {"version": str(diary.version())}
        other_day = when if when != planned_on else None
        return _session_page(request, planned_on, label, values, errors, status=409, done=other_day)
    back = {"label": label, "done": str(when) if when != planned_on else None}
    if logged.already:
        return redirect(f"/session/{planned_on}", **back, notice="These sets were already logged; nothing added.")
    spacing = " ".join(logged.notes) or None  # a strength day next to another (no-consecutive-strength-days)
    return redirect(f"/session/{planned_on}", **back, saved=logged.result.new_sets, notice=spacing)


def _done_on(form: forms.FormData, planned: dt.date) -> dt.date:
    """The day the session was done, as chosen on the form (the planned day when not said)."""
    text = forms.text(form, "done_on")
    try:
        return dt.date.fromisoformat(text) if text else planned
    except ValueError:
        raise InputError.one("done_on", f"{text!r} is not a date; choose the day you did it") from None


@router.post("/sets/{set_id}/edit", response_class=HTMLResponse)
async def edit_set(request: Request, set_id: SetId) -> Response:
    form = await request.form()
    diary = diary_of(request)
    updates = forms.set_edit_input(form, diary.athlete().units)
    back = forms.text(form, "back") or "/"
    try:
        done = diary.edit_set(set_id, updates, forms.version(form))
    except (InputError, Changed) as err:
        return redirect(_local(back), notice=f"Not saved: {error_words(err)}")
    return redirect(_local(back), notice=f"Saved: {done.what}.")


@router.post("/sets/{set_id}/delete", response_class=HTMLResponse)
async def delete_set(request: Request, set_id: SetId) -> Response:
    form = await request.form()
    back = forms.text(form, "back") or "/"
    try:
        done = diary_of(request).delete_set(set_id, forms.version(form))
    except (InputError, Changed) as err:
        return redirect(_local(back), notice=f"Not deleted: {error_words(err)}")
    return redirect(_local(back), notice=f"Deleted {done.what}. Undo brings it back.")


@router.post("/undo", response_class=HTMLResponse)
async def undo(request: Request) -> Response:
    form = await request.form()
    back = forms.text(form, "back") or "/"
    try:
        done = diary_of(request).undo(forms.version(form))
    except (InputError, Unavailable) as err:
        return redirect(_local(back), notice=f"Nothing undone: {error_words(err)}")
    return redirect(_local(back), notice=f"Undone: {done.summary}.")


def _local(path: str) -> str:
    """Only a path on this site (never another host) to go back to."""
    return path if path.startswith("/") and not path.startswith("//") else "/"


def error_words(err: Exception) -> str:
    if isinstance(err, InputError):
        return "; ".join(p.msg for p in err.problems)
    return str(err).split(": ", 1)[-1]
