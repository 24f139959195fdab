"""The HTML pages: dashboard, plan calendar, session logging, check-in, runs, exercise
library and swaps, profile and screen forms.

Each route reads or writes through the `Diary` service and renders a template. A form
with a bad value is shown again with everything as typed and the message by the field
(status 422); a good one redirects (303) so that a refresh never logs twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from runstrong.core.diary import WELLNESS_FIELDS, Wellness
from runstrong.core.model import EquipmentSet, Health, Item, PainArea, RaceDistance, Weekday
from runstrong.core.vocab import CATEGORY_NAME, FURNITURE, TRAINING_CATEGORIES, Category
from runstrong.io.answers import kit_loads_text
from runstrong.io.goal_race_answers import GOAL_RACE_HELP, goal_races_text
from runstrong.io.init_answers import FURNITURE_LABELS, FURNITURE_ORDER, furniture_shown, heaviest_defaults

from . import forms, log_pages, offline, upload_pages, views
from .auth import diary_for
from .log_pages import error_words
from .page_cache import keep, kept, page_key
from .problems import Changed, InputError
from .service import Diary

router = APIRouter(include_in_schema=False)
router.include_router(log_pages.router)
router.include_router(upload_pages.router)
router.include_router(offline.router)

SCALE_FIELDS = tuple(f for f in WELLNESS_FIELDS if f != "sleep_hours")


def diary_of(request: Request) -> Diary:
    return diary_for(request)  # the athlete the request may touch (auth.athlete_access)


def render(request: Request, name: str, status: int = 200, /, **context: Any) -> HTMLResponse:
    """A page from its template; positional-only so a template may take `name` or `status` itself."""
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


def redirect(path: str, **query: Any) -> RedirectResponse:
    query = {k: v for k, v in query.items() if v is not None}
    return RedirectResponse(f"{path}?{urlencode(query)}" if query else path, status_code=303)


@dataclass(frozen=True)
class FormState:
    """How a form's page is shown: fresh (the stored values), refused (422: as typed, each
    problem by its field) or stale (409: as typed, with the conflict said and the version
    of now, so that sending it again saves). One shape for every form page."""

    values: dict[str, Any] | None = None  # None: the page fills in what is stored
    errors: forms.Errors = field(default_factory=forms.Errors)
    status: int = 200
    conflict: str | None = None
    version: str | None = None  # the diary version the form carries; None: now's

    @classmethod
    def refused(cls, form: forms.FormData, errors: forms.Errors, lists: tuple[str, ...] = (),
                version: str | None = None) -> FormState:  # fmt: skip
        return cls(forms.typed(form, lists), errors, 422, version=version)

    @classmethod
    def stale(cls, form: forms.FormData, err: Changed, lists: tuple[str, ...] = ()) -> FormState:
        return cls(forms.typed(form, lists), forms.Errors(), 409, conflict=error_words(err))


FRESH = FormState()


def form_page(request: Request, name: str, state: FormState, /, **context: Any) -> HTMLResponse:
    """A form's page from its template with the form's state (values, errors, conflict and
    the version it carries) and the page's own `context`."""
    stored = context.pop("values", None)  # what the page shows when the form is fresh
    values = stored if state.values is None else state.values
    return render(request, name, state.status, values=values if values is not None else {}, errors=state.errors,
                  conflict=state.conflict, version=state.version or diary_of(request).version(), **context)  # fmt: skip


@dataclass(frozen=True)
class ReviewCard:
    """The dashboard's card for the last accepted weekly review (issue 7): what was done, its
    flags and every decision that is not "progress as planned" (missed sessions, holds, cuts,
    pain, a deload), marked and worded as `runstrong review` words them."""

    week_start: dt.date
    flags: list[Any]  # core.review.Flag: kind, text, rule_id
    href: str | None  # the review page, once the app has one
    done: str = ""  # "Done: 2/3 sessions (67%)", the review's first line
    decisions: list[tuple[str, str, str]] = field(default_factory=list)  # (mark, action, text)


def review_card(request: Request, review: Any, units: Any = None) -> ReviewCard | None:
    """Plug-in point for the weekly review: its flags and decisions on the dashboard, linked to
    the review page when the app has a route at /review (None: no review accepted yet)."""
    if review is None:
        return None
    from runstrong.io.review_text import MARK, headline

    has_page = any(getattr(r, "path", None) == "/review" for r in request.app.routes)
    decisions = [(MARK.get(d.action, "•"), d.action, d.text) for d in review.decisions if d.action != "progress"]
    done = headline(review.metrics, units)[0] if units is not None else headline(review.metrics)[0]
    return ReviewCard(review.week_start, list(review.flags), "/review" if has_page else None, done, decisions)


# ------------------------------------------------------------------------ dashboard


@router.get("/", response_class=HTMLResponse, name="dashboard")
async def dashboard(request: Request, saved: str | None = None) -> Response:
    """The most visited page: rendered once per change of the diary (and of the date), then
    served from memory until anyone, this app, another worker or the CLI, writes to the
    diary again (the key is the diary's stamp: one query, or none on SQLite when nothing
    was committed since; the stamp and the page are read in one transaction)."""
    diary = diary_of(request)
    if not request.url.query:
        stamp = diary.stamp_if_unchanged()
        body = kept(request, page_key(request, stamp)) if stamp is not None else None
        if body is not None:
            return HTMLResponse(body)
    return await run_in_threadpool(_dashboard_cached, request, saved)


def _dashboard_cached(request: Request, saved: str | None) -> Response:
    """The stamp, then the cached page or a fresh render, in one read transaction."""
    diary = diary_of(request)
    with diary.one_read():
        stamp = None if request.url.query else diary.stamp()
        key = None if stamp is None else page_key(request, stamp)
        body = kept(request, key) if key is not None else None
        if body is not None:
            return HTMLResponse(body)
        response = _dashboard(request, saved)
    if key is not None and response.status_code == 200:
        keep(request, key, bytes(response.body))
    return response


def _dashboard(request: Request, saved: str | None) -> HTMLResponse:
    diary = diary_of(request)
    today = diary.today()
    day, week, review = diary.dashboard(today)
    names = diary.names()
    return render(
        request,
        "dashboard.html",
        title="Today",
        day=day,
        saved=saved,
        cells=views.week_cells(week.start, week.sessions, week.runs, week.logged, today),
        logged=[views.logged_lines(x.sets, names, day.athlete.units) for x in day.logged],
        review=review_card(request, review, day.athlete.units),
        scales=views.scales(Wellness, SCALE_FIELDS),
    )


# ------------------------------------------------------------------------ the API, described


@router.get("/api", response_class=HTMLResponse, name="api")
def api_page(request: Request) -> Response:
    """The JSON API's routes from its own OpenAPI document, readable offline."""
    doc = request.app.openapi()
    operations = [
        (method.upper(), path, op.get("summary", ""), [x["name"] for x in op.get("parameters", [])],
         "requestBody" in op)
        for path, item in doc["paths"].items()
        for method, op in item.items()
    ]  # fmt: skip
    return render(request, "api.html", title="API", operations=operations, info=doc["info"])


# ------------------------------------------------------------------------ plan


@router.get("/plan", response_class=HTMLResponse, name="plan")
def plan(request: Request, swapped: str | None = None, changed: str | None = None) -> Response:
    diary = diary_of(request)
    data = diary.plan()
    today = diary.today()
    names = diary.names()
    swaps = [
        (x, names.get(x.from_id, x.from_id), names.get(x.to_id or "", x.to_id or "left out"))
        for x in data.plan.profile.exercise_swaps
    ]
    return render(
        request,
        "plan.html",
        title="Plan",
        data=data,
        weeks=views.plan_weeks(data.plan, data.logged, today),
        swaps=swaps,
        swapped=names.get(swapped or "", None),
        changed=changed,
        ended=data.plan.end_date < today,  # a year-off start or race date: said here, not only by the CLI
    )


# ------------------------------------------------------------------------ session


# ------------------------------------------------------------------------ check-in and runs


def _checkin_page(request: Request, state: FormState = FRESH) -> HTMLResponse:
    diary = diary_of(request)
    today = diary.today()
    day = diary.day(today)
    stored = {k: views.number(v) if isinstance(v, float) else str(v)
              for k, v in (day.wellness.model_dump() if day.wellness else {}).items()
              if v is not None and k != "date"}  # fmt: skip
    return form_page(
        request,
        "checkin.html",
        state,
        title="Check-in",
        day=day,
        values=stored,
        scales=views.scales(Wellness, SCALE_FIELDS),
        pain_areas=[a.value for a in PainArea],
        pain_causes=forms.pain_causes(
            sorted(((e.id, e.name) for e in diary_of(request).library.exercises), key=lambda pair: pair[1])
        ),
    )


@router.get("/checkin", response_class=HTMLResponse, name="checkin")
def checkin(request: Request) -> Response:
    return _checkin_page(request)


@router.post("/checkin", response_class=HTMLResponse)
async def save_checkin(request: Request) -> Response:
    form = await request.form()
    data, pains, names = forms.wellness_input(form, WELLNESS_FIELDS)
    diary = diary_of(request)
    try:
        if pains and not data:  # a pain alone is a check-in too
            diary.report_pains(diary.today(), pains, forms.version(form))
        else:
            diary.save_wellness(data, pains, forms.version(form))
    except InputError as err:
        return _checkin_page(request, FormState.refused(form, forms.errors_for(err.problems, names)))
    except Changed as err:
        return _checkin_page(request, FormState.stale(form, err))
    return redirect("/", saved="checkin")


def _run_page(request: Request, state: FormState = FRESH) -> HTMLResponse:
    diary = diary_of(request)
    day = diary.day(diary.today())
    planned = day.runs[0] if day.runs else None
    return form_page(
        request,
        "run.html",
        state,
        title="Log a run",
        day=day,
        values={"type": planned.type.value, "minutes": str(planned.minutes)} if planned else {"type": "easy"},
        run_types=list(forms.LOGGED_RUN_TYPES),
        distance_unit="mi" if day.athlete.units.value == "imperial" else "km",
    )


@router.get("/run", response_class=HTMLResponse, name="run")
def run_form(request: Request) -> Response:
    return _run_page(request)


@router.post("/run", response_class=HTMLResponse)
async def log_run(request: Request) -> Response:
    form = await request.form()
    diary = diary_of(request)
    data, unread = forms.run_input(form, diary.athlete().units)
    try:
        if unread:
            raise InputError(unread)
        _, _, already = diary.add_run(data)
    except InputError as err:
        errors = forms.errors_for(err.problems, {("distance_km",): "distance"})
        return _run_page(request, FormState.refused(form, errors))
    return redirect("/", saved="run-already" if already else "run")


# ------------------------------------------------------------------------ exercises


@router.get("/exercises", response_class=HTMLResponse, name="exercises")
def exercises(request: Request, q: str = "", category: str = "", fits: str = "") -> Response:
    diary = diary_of(request)
    found = diary.find_exercises(q, category or None, None, bool(fits))
    name = "partials/exercise_list.html" if request.headers.get("HX-Target") == "results" else "exercises.html"
    return render(
        request,
        name,
        title="Exercises",
        found=found,
        q=q,
        category=category,
        fits=bool(fits),
        categories=[(c.value, CATEGORY_NAME[c]) for c in Category],
    )


def _exercise_page(request: Request, exercise_id: str, state: FormState = FRESH) -> HTMLResponse:
    diary = diary_of(request)
    exercise, sessions, options = diary.alternatives(exercise_id)
    library = diary.library
    return form_page(
        request,
        "exercise.html",
        state,
        title=exercise.name,
        exercise=exercise,
        ladder=library.ladder(exercise.id),
        regressions=[library.get(x) for x in exercise.regressions],
        progressions=[library.get(x) for x in exercise.progressions],
        sessions=sessions,
        options=options,
        trainable=exercise.category in TRAINING_CATEGORIES,
    )


@router.get("/exercises/{exercise_id}", response_class=HTMLResponse, name="exercise")
def exercise(request: Request, exercise_id: str) -> Response:
    return _exercise_page(request, exercise_id)


@router.post("/exercises/{exercise_id}/swap", response_class=HTMLResponse)
async def swap(request: Request, exercise_id: str) -> Response:
    form = await request.form()
    to_id = forms.text(form, "to_id") or ""
    try:
        result = diary_of(request).swap(exercise_id, to_id, forms.text(form, "reason"), forms.version(form))
    except InputError as err:
        errors = forms.errors_for(err.problems, {}, known={"to_id", "reason"})
        return _exercise_page(request, exercise_id, FormState.refused(form, errors))
    except Changed as err:
        return _exercise_page(request, exercise_id, FormState.stale(form, err))
    week = result.sessions[0][0]
    return RedirectResponse(f"/plan?{urlencode({'swapped': result.to_id})}#week-{week}", status_code=303)


# ------------------------------------------------------------------------ profile and screen

PROFILE_FIELDS = {"available_days", "session_cap_minutes", "easy_pace", "equipment", "furniture", "heaviest_loads",
                  "pain_areas", "pain_scores", "goal_races", "health", "postnatal_since", "due_date", "race-distance",
                  "race-date", "race-name", "race", "bone_stress_site", "cleared_to_run"}  # fmt: skip
PROFILE_LISTS = (
    "available_days",
    "equipment",
    "furniture",
    "pain_areas",
    "health",
)  # checkbox groups: lists even when one is ticked


def _profile_values(profile: Any) -> dict[str, Any]:
    race = profile.race
    return {
        "available_days": [d.value for d in profile.available_days],
        "session_cap_minutes": str(profile.session_cap_minutes),
        "easy_pace": profile.easy_pace or "",
        "equipment": [e.value for e in profile.equipment],
        "furniture": furniture_shown([e.value for e in profile.equipment], profile.furniture),
        "heaviest_loads": kit_loads_text(profile.heaviest_loads, profile.owned_weights),
        "pain_areas": [a.value for a in profile.pain_areas],
        "pain_scores": ", ".join(f"{a.value.replace('_', ' ')} {s}" for a, s in profile.pain_scores.items()),
        "goal_races": goal_races_text(profile.running),
        "health": [h.value for h in profile.health],
        "postnatal_since": profile.postnatal_since.isoformat() if profile.postnatal_since else "",
        "due_date": profile.due_date.isoformat() if profile.due_date else "",
        "bone_stress_site": profile.bone_stress_site.value.replace("_", " ") if profile.bone_stress_site else "",
        "cleared_to_run": profile.cleared_to_run.isoformat() if profile.cleared_to_run else "",
        "race-distance": race.distance.value if race else "",
        "race-date": race.date.isoformat() if race else "",
        "race-name": (race.name or "") if race else "",
    }


def _profile_page(request: Request, state: FormState = FRESH) -> HTMLResponse:
    who, profile = diary_of(request).profile()
    return form_page(
        request,
        "profile.html",
        state,
        title="Profile",
        who=who,
        profile=profile,
        values=_profile_values(profile),
        weekdays=[d.value for d in Weekday],
        kit_sets=[e.value for e in EquipmentSet],
        items=[i.value for i in Item if i not in FURNITURE],
        furniture=FURNITURE_ORDER,
        furniture_labels=FURNITURE_LABELS,
        heaviest_hint=heaviest_defaults(profile.units.value, diary_of(request).params),
        pain_areas=[a.value for a in PainArea],
        health=[h.value for h in Health],
        distances=[d.value for d in RaceDistance],
        goal_race_help=GOAL_RACE_HELP,
    )


@router.get("/profile", response_class=HTMLResponse, name="profile")
def profile(request: Request) -> Response:
    return _profile_page(request)


@router.post("/profile", response_class=HTMLResponse)
async def save_profile(request: Request) -> Response:
    form = await request.form()
    diary = diary_of(request)
    try:
        stored_profile = diary.profile()[1]
        changes = forms.profile_input(form, stored_profile.units, stored_profile.start_date, diary.today())
        stored = diary.update_profile(changes, forms.version(form))
    except Changed as err:
        return _profile_page(request, FormState.stale(form, err, PROFILE_LISTS))
    except InputError as err:
        shown_by = {("owned_weights",): "heaviest_loads", ("running",): "goal_races", ("pain_scores",): "pain_scores"}
        errors = forms.errors_for([forms.first_part(x) for x in err.problems], shown_by, known=PROFILE_FIELDS)
        if "race" in errors.by_field:
            errors.add("race-distance", errors.by_field.pop("race"))
        return _profile_page(request, FormState.refused(form, errors, PROFILE_LISTS))
    return redirect("/plan", changed=f"v{stored.plan_version}" if stored.new_plan else "none")


def _assess_page(request: Request, state: FormState = FRESH) -> HTMLResponse:
    from runstrong.io.screen_text import load_battery

    who, profile = diary_of(request).profile()
    return form_page(
        request,
        "assess.html",
        state,
        title="Baseline screen",
        who=who,
        profile=profile,
        battery=load_battery(),
        last=profile.screens[-1] if profile.screens else None,
    )


SCREEN_LISTS = {"hip_hinge_faults", "single_leg_squat_faults_left", "single_leg_squat_faults_right"}


@router.get("/assess", response_class=HTMLResponse, name="assess")
def assess(request: Request) -> Response:
    return _assess_page(request)


@router.post("/assess", response_class=HTMLResponse)
async def save_assess(request: Request) -> Response:
    form = await request.form()
    from .assess_guided import holds_in_seconds

    data = holds_in_seconds(forms.screen_input(form, SCREEN_LISTS, {"hip_hinge_pass"}))
    for key in SCREEN_LISTS:
        data.setdefault(key, [])
    try:
        diary_of(request).record_screen(data, forms.version(form))
    except Changed as err:
        return _assess_page(request, FormState.stale(form, err, tuple(SCREEN_LISTS)))
    except InputError as err:
        from runstrong.core.screen import Screen

        errors = forms.errors_for(err.problems, {}, known=set(Screen.model_fields))
        return _assess_page(request, FormState.refused(form, errors, tuple(SCREEN_LISTS)))
    return redirect("/assess/results")


@router.get("/assess/results", response_class=HTMLResponse, name="assess_results")
def assess_results(request: Request) -> Response:
    from runstrong.core.assessment import effect_reasons, score_screen

    diary = diary_of(request)
    who, profile = diary.profile()
    if not profile.screens:
        return redirect("/assess")
    screen = sorted(profile.screens, key=lambda s: s.date)[-1]
    result = score_screen(screen, profile.age, profile.sex, diary.params)
    return render(
        request,
        "assess_results.html",
        title="Screen results",
        who=who,
        screen=screen,
        result=result,
        effects=effect_reasons(result.effects),
    )
