"""A new runner sets up in the browser: the welcome page asks `runstrong init`'s questions,
builds the profile and its plan on the spot (one flow, `flows.onboarding`), then offers the
screen now or later. In local mode anyone at this machine may start a new runner, and
several runners choose who they are on `/athletes` (a cookie remembers it); in server mode
an athlete's account without a diary sets up its own, once.

`where_to_start` is the app's answer to a page asked of a diary that cannot say whose it is
yet: no runner at all (the welcome page) or several and none chosen (the switcher).
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from runstrong.core.model import EquipmentSet, Health, Item, Level, PainArea, RaceDistance, Sex, Units, Weekday
from runstrong.core.vocab import FURNITURE, ITEM_LABELS
from runstrong.errors import UserError
from runstrong.flows.base import Refused
from runstrong.io.goal_race_answers import GOAL_RACE_HELP
from runstrong.io.init_answers import FURNITURE_LABELS, FURNITURE_ORDER, heaviest_defaults
from runstrong.store import accounts, repo

from . import forms
from .auth import ATHLETE_COOKIE, Principal, accounts_on, athlete_access, require_local, require_newcomer
from .pages import diary_of, redirect, render
from .problems import FieldProblem
from .service import Diary
from .welcome_answers import defaults, profile_from_form, read_lists

router = APIRouter(include_in_schema=False)
Newcomer = Annotated[Principal, Depends(require_newcomer)]
ready_router = APIRouter(include_in_schema=False, dependencies=[Depends(athlete_access)])

FORM_FIELDS = {"name", "age", "sex", "units", "body_mass", "running_years", "strength_experience", "strength_weeks",
               "start", "race_distance", "race_date", "race_name", "plan_weeks", "easy_pace", "available_days",
               "preferred_time", "cap", "equipment", "furniture", "heaviest", "pain_areas", "pain_scores", "health",
               "goal_races", "postnatal_since", "due_date", "bone_stress_site", "cleared_to_run", "double_days",
               "body_mass_ok",
               *(f"run-{d.value}" for d in Weekday)}  # fmt: skip


def _app_diary(request: Request) -> Diary:
    return request.app.state.diary


def _remember(response: Response, request: Request, name: str) -> None:
    """The runner this browser is, in local mode (server mode knows by the account)."""
    if not accounts_on(request):
        response.set_cookie(ATHLETE_COOKIE, name, httponly=True, samesite="lax", secure=request.url.scheme == "https",
                            max_age=400 * 24 * 3600)  # fmt: skip


def _welcome_page(
    request: Request, values: dict[str, Any], errors: forms.Errors, key: str, status: int = 200,
    mass_asked: bool = False,
) -> Response:  # fmt: skip
    diary = _app_diary(request)
    with diary.store.read() as s:
        others = accounts.athlete_count(s) if not accounts_on(request) else 0
    return render(
        request, "welcome.html", status, title="Welcome", values=values, errors=errors, key=key, others=others,
        weekdays=[d.value for d in Weekday], sexes=[x.value for x in Sex], units=[u.value for u in Units],
        levels=[lv.value for lv in Level], distances=[d.value for d in RaceDistance],
        kit_sets=[e.value for e in EquipmentSet], items=[i.value for i in Item if i.value not in set(EquipmentSet)
                                                         and i not in FURNITURE],
        item_labels={i.value: text for i, text in ITEM_LABELS.items()}, pain_areas=[a.value for a in PainArea],
        health=[h.value for h in Health],
        furniture=FURNITURE_ORDER, furniture_labels=FURNITURE_LABELS,
        heaviest_hint=heaviest_defaults(values.get("units") or "metric", diary.params), mass_asked=mass_asked,
        goal_race_help=GOAL_RACE_HELP,
    )  # fmt: skip


@router.get("/welcome", response_class=HTMLResponse, name="welcome")
def welcome(request: Request, who: Newcomer) -> Response:
    """The questions, with `runstrong init`'s suggested answers filled in."""
    if who.user is not None and who.user.athlete_id is not None:
        return redirect("/")  # an account's diary is set up once; the profile page edits it
    return _welcome_page(request, defaults(_app_diary(request).today()), forms.Errors(), secrets.token_urlsafe(18))


@router.post("/welcome", response_class=HTMLResponse)
async def start(request: Request, who: Newcomer) -> Response:
    form = await request.form()
    key = forms.text(form, "key") or ""
    try:
        started = await run_in_threadpool(_start, request, form, who, key)
    except _Refused as err:
        values = read_lists(form, forms.values_of(form))
        errors = forms.errors_for(err.problems, {}, known=FORM_FIELDS)
        asked = any(p.type == "confirm" for p in err.problems)
        return _welcome_page(request, values, errors, key or secrets.token_urlsafe(18), 422, mass_asked=asked)
    response = redirect("/welcome/ready")
    _remember(response, request, started)
    return response


class _Refused(Exception):
    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems


def _start(request: Request, form: Any, who: Principal, key: str) -> str:
    """The new runner's name once their diary and plan are stored; `_Refused` otherwise."""
    from runstrong.flows.onboarding import start_diary

    diary = _app_diary(request)
    profile, problems = profile_from_form(form, diary.today())
    if profile is None:
        raise _Refused(problems)
    try:
        done = start_diary(diary.store, profile, diary.clock_now(), key=key,
                           user_id=who.user.id if who.user else None, actor=who.name)  # fmt: skip
    except Refused as err:
        raise _Refused([FieldProblem((err.field,), err.message)]) from None
    return done.athlete


@ready_router.get("/welcome/ready", response_class=HTMLResponse, name="welcome_ready")
def ready(request: Request) -> Response:
    """The plan made; the screen now (guided, with its timer) or later."""
    diary = diary_of(request)
    data = diary.plan()
    plan = data.plan
    sessions = [x for w in plan.weeks for x in w.sessions]
    first = min((x.date for x in sessions if x.date >= diary.today()), default=None)
    from runstrong.io.screen_text import load_battery

    return render(request, "welcome_ready.html", title="Your plan is ready", plan=plan, sessions=len(sessions),
                  first=first, who=data, battery=load_battery())  # fmt: skip


# ------------------------------------------------------------------ local mode: who are you?


@router.get("/athletes", response_class=HTMLResponse, name="athletes", dependencies=[Depends(require_local)])
def athletes(request: Request) -> Response:
    diary = _app_diary(request)
    with diary.store.read() as s:
        found = repo.list_athletes(s)
    if not found:
        return redirect("/welcome")
    chosen = request.cookies.get(ATHLETE_COOKIE) or diary.athlete_name
    return render(request, "athletes.html", title="Who are you?", athletes=found, chosen=chosen)


@router.post("/athletes", response_class=HTMLResponse, dependencies=[Depends(require_local)])
async def choose(request: Request) -> Response:
    form = await request.form()
    wanted = forms.text(form, "name")
    diary = _app_diary(request)
    try:
        with diary.store.read() as s:
            name = repo.find_athlete(s, wanted).name if wanted else None
    except UserError:
        name = None
    if name is None:
        response = RedirectResponse("/athletes", status_code=303)
        response.delete_cookie(ATHLETE_COOKIE, path="/")
        return response
    response = redirect("/")
    _remember(response, request, name)
    return response


def where_to_start(request: Request) -> str | None:
    """Where a page asked of a diary that cannot say whose it is should go instead (local
    mode, pages only): the welcome page when there is no runner yet, the switcher when there
    are several and none chosen or the chosen one is gone; None: show the error as it is."""
    if accounts_on(request) or request.method != "GET" or request.url.path.startswith("/api"):
        return None
    diary = _app_diary(request)
    chosen = request.cookies.get(ATHLETE_COOKIE) or diary.athlete_name
    with diary.store.read() as s:
        count = accounts.athlete_count(s)
        if count == 0:
            return "/welcome"
        if chosen is None:
            return "/athletes" if count > 1 else None
        try:
            repo.find_athlete(s, chosen)
        except UserError:
            return "/athletes"
    return None
