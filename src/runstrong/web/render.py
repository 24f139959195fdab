"""The Jinja2 environment: templates compiled once (no file checks per request), the
navigation, and the few filters the templates use to write dates and doses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from runstrong import __version__
from runstrong.core.diary import describe_pain
from runstrong.io.figures import figure_svg
from runstrong.io.labels import PHASE_LABEL, RACE_NAME, dose_label, dose_text, plural, rest_text, session_load

from .views import focus_name


def _day(value: dt.date, fmt: str = "%a %-d %b") -> str:
    return value.strftime(fmt)


def _day_long(value: dt.date, today: dt.date | None = None) -> str:
    when = {0: "Today", -1: "Yesterday", 1: "Tomorrow"}.get((value - today).days) if today else None
    text = value.strftime("%A %-d %B %Y")
    return f"{when}, {text}" if when else text


def _words(value: Any) -> str:
    return str(getattr(value, "value", value)).replace("_", " ")


def _figure(exercise_id: str, animated: bool = True, decorative: bool = False) -> Markup:
    """An exercise's drawn demonstration, inline (SVG built from the packaged pose data)."""
    return Markup(figure_svg(exercise_id, animated, decorative))


def make_templates(directory: Path, nav: list[tuple[str, str]]) -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        autoescape=jinja2.select_autoescape(["html"]),
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        day=_day,
        day_long=_day_long,
        words=_words,
        focus=focus_name,
        rest=rest_text,
        dose=dose_text,
        dose_label=dose_label,
        phase=lambda p: PHASE_LABEL.get(p, _words(p)),
        race=lambda d: RACE_NAME.get(_words(d), _words(d)),
        plural=lambda n, word: plural(n, word),
        pain_text=describe_pain,
        load=session_load,
    )
    # app_version: asset URLs and the footer (a page's own `version` is the diary version its forms carry)
    env.globals.update(version=__version__, app_version=__version__, exercise_figure=_figure)

    def context(request: Request) -> dict[str, Any]:
        path = request.url.path
        items = [
            {"label": label, "href": href, "active": path == href or (href != "/" and path.startswith(href))}
            for label, href in nav
        ]
        # the page's CSRF token (security.py puts it on the request): every form posts it
        # through partials/csrf.html, htmx through the body's hx-headers
        token = request.scope.get("state", {}).get("csrf_token", "")
        who = request.scope.get("state", {}).get("principal")  # set by auth once a route asked who it is
        server_mode = bool(getattr(request.app.state, "accounts", False))
        if server_mode and (who is None or who.user is None):
            items = []  # nobody logged in: the pages behind the nav would only ask them to
        if who is not None and who.user is not None and who.is_staff:
            items.insert(0, {"label": "Roster", "href": "/roster", "active": path.startswith("/roster")})
        if who is not None and who.user is not None and who.user.role == "admin":
            items.append({"label": "Users", "href": "/admin/users", "active": path.startswith("/admin")})
        return {
            "nav": items,
            "today": request.app.state.diary.today(),
            "csrf_token": token,
            "viewer": who,
            "server_mode": server_mode,
            "coach_note": lambda: coach_note(request),
        }

    return Jinja2Templates(env=env, context_processors=[context])


def coach_note(request: Request) -> Any:
    """The coach's note from their latest review decision, for the athlete's next session
    (the dashboard and the session pages); None elsewhere or when there is none."""
    path = request.url.path
    diary = request.scope.get("state", {}).get("diary")
    if diary is None or not (path == "/" or path.startswith("/session")):
        return None
    from runstrong.store.diary_days import athlete_id
    from runstrong.store.roster import latest_note

    memo = diary.read_memo() or {}
    name, note = memo.get("coach_note", (None, None))
    if "coach_note" in memo and name == diary.athlete_name:  # read with the page's data (the dashboard)
        return note
    name, who = memo.get("who", (None, None))
    with diary.reading() as s:  # the page's own read transaction when it has one
        found = who.id if who is not None and name == diary.athlete_name else athlete_id(s, diary.athlete_name)
        return None if found is None else latest_note(s, found)  # None: no athlete yet, the page says so
