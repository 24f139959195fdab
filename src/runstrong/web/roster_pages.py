"""The coach's side of server mode: the roster (page and API), opening one athlete's
diary in the app, the review queue and its decisions, and each athlete's review mode.

The roster lists only the athletes the user may see (`accounts.athlete_ids_for`); the
per-athlete routes depend on `auth.athlete_access` like every diary route, and on
`auth.require_staff`: an athlete never decides their own review.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from runstrong.errors import UserError
from runstrong.store import accounts, week_flags
from runstrong.store.roster import RosterEntry, read_roster
from runstrong.store.roster_flags import keep_if_unchanged

from . import forms
from .auth import ATHLETE_COOKIE, Principal, athlete_access, require_staff
from .pages import render
from .problems import Changed, FieldProblem, InputError
from .schemas import ERRORS
from .service import Diary

pages = APIRouter(include_in_schema=False, dependencies=[Depends(require_staff)])
athlete_pages = APIRouter(include_in_schema=False, dependencies=[Depends(require_staff), Depends(athlete_access)])
api = APIRouter(tags=["coach"], dependencies=[Depends(require_staff)], responses=ERRORS)
athlete_api = APIRouter(
    tags=["coach"], dependencies=[Depends(require_staff), Depends(athlete_access)], responses=ERRORS
)

FlagQuery = Annotated[
    str | None, Query(max_length=40, description="Only athletes with this flag last week (or on a review waiting).")
]
CoachQuery = Annotated[str | None, Query(max_length=80, description="Only athletes this coach looks after.")]


def _entries(request: Request, flag: str | None, coach: str | None) -> list[RosterEntry]:
    who: Principal = request.state.principal
    diary: Diary = request.app.state.diary
    today, ctx = diary.today(), diary.context
    with diary.store.read() as s:
        ids = accounts.athlete_ids_for(s, who.user) if who.user else None
        read = read_roster(s, ids, today, ctx)
    if read.worked_out or read.weeks_worked:  # missing or out of date: worked out once, then kept
        with diary.store.write() as s:  # (see store/roster_flags, store/week_flags)
            keep_if_unchanged(s, read.worked_out, today, ctx)
            week_flags.keep_if_unchanged(s, read.weeks_worked, ctx)
    return _filtered(read.entries, flag, coach)


def _filtered(found: list[RosterEntry], flag: str | None, coach: str | None) -> list[RosterEntry]:
    if flag:
        found = [e for e in found if flag in e.flag_kinds]
    if coach:
        found = [e for e in found if coach in e.coaches]
    return found


@pages.get("/roster", response_class=HTMLResponse, name="roster")
def roster_page(request: Request, flag: FlagQuery = None, coach: CoachQuery = None) -> Response:
    everyone = _entries(request, None, None)
    entries = _filtered(everyone, flag, coach)
    return render(
        request, "roster.html", title="Roster", entries=entries, flag=flag or "", coach=coach or "",
        flags=sorted({k for e in everyone for k in e.flag_kinds}),
        coaches=sorted({c for e in everyone for c in e.coaches}),
        waiting=[e for e in everyone if e.waiting_week],
    )  # fmt: skip


class FlagOut(BaseModel):
    kind: str
    text: str
    rule_id: str


class RosterOut(BaseModel):
    name: str
    sessions_done: int = Field(description="Strength sessions logged this week.")
    sessions_planned: int = Field(description="Strength sessions the plan holds this week.")
    last_log: dt.date | None
    flags: list[FlagOut] = Field(description="The latest review's flags (one waiting for a coach too).")
    flags_waiting: bool = Field(False, description="The flags come from a review still waiting for a coach.")
    week_flags: list[FlagOut] = Field(
        default_factory=list, description="Last completed week's flags in a coach's words, reviewed or not."
    )
    flags_week: dt.date | None = Field(None, description="Monday of the week `week_flags` are of.")
    race_name: str | None
    race_date: dt.date | None
    phase: str | None
    coaches: list[str]
    review_mode: str
    review_waiting: dt.date | None = Field(description="A week whose review waits for a coach.")


@api.get("/roster", response_model=list[RosterOut], summary="The athletes you look after, at a glance")
def roster_api(request: Request, flag: FlagQuery = None, coach: CoachQuery = None) -> Any:
    return [
        RosterOut(name=e.name, sessions_done=e.sessions_done, sessions_planned=e.sessions_planned,
                  last_log=e.last_log, flags=[FlagOut(**f.model_dump()) for f in e.flags], race_name=e.race_name,
                  flags_waiting=e.flags_waiting, week_flags=[FlagOut(**f.model_dump()) for f in e.week_flags],
                  flags_week=e.flags_week,
                  race_date=e.race_date, phase=e.phase, coaches=e.coaches, review_mode=e.mode,
                  review_waiting=e.waiting_week)
        for e in _entries(request, flag, coach)
    ]  # fmt: skip


@athlete_pages.get("/roster/open", name="roster_open")
def open_athlete(request: Request) -> Response:
    """The app's pages for this athlete from now on (a cookie; the access check runs on every request)."""
    name = request.state.diary.athlete_name or ""
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(ATHLETE_COOKIE, name, httponly=True, samesite="lax", secure=request.url.scheme == "https")
    return response


# ------------------------------------------------------------------ the review queue


def _queue_page(request: Request, status: int = 200, problem: str | None = None) -> Response:
    from runstrong.flows.review_queue import queue_item

    diary: Diary = request.state.diary
    item, error = None, problem
    try:
        item = queue_item(diary.store, diary.athlete_name, diary.clock_now(), diary.context)
    except UserError as err:
        error = error or str(err)
    return render(
        request, "queue_item.html", status, title="Review queue", athlete=diary.athlete_name, item=item,
        outcome=item.outcome if item else None, problem=error,
    )  # fmt: skip


@athlete_pages.get("/queue/review", response_class=HTMLResponse, name="queue_review")
def queue_review(request: Request) -> Response:
    return _queue_page(request)


@athlete_pages.post("/queue/review", response_class=HTMLResponse)
async def queue_decide(request: Request) -> Response:
    form = await request.form()
    verdict = forms.text(form, "verdict") or ""
    swaps = [(str(k).removeprefix("swap:"), str(v)) for k, v in form.multi_items() if str(k).startswith("swap:") and v]
    body = DecisionIn.model_construct(
        verdict=verdict, hold_instead=bool(form.get("hold_instead")), keep_exercises=bool(form.get("keep_exercises")),
        dropped_swaps=forms.many(form, "drop_swap"),
        swaps=[SwapIn.model_construct(from_id=a, to_id=b) for a, b in swaps],
        note=forms.text(form, "note"), version=forms.version(form),
    )  # fmt: skip
    try:
        await run_in_threadpool(_decide, request, body)
    except (InputError, Changed) as err:
        return await run_in_threadpool(_queue_page, request, 409 if isinstance(err, Changed) else 400, str(err))
    return RedirectResponse("/roster?decided=" + verdict, status_code=303)


ExerciseIdField = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=80)]


class SwapIn(BaseModel):
    from_id: ExerciseIdField = Field(description="An exercise of the next plan's first week.")
    to_id: ExerciseIdField = Field(description="Its replacement: one the runner's own swap rule allows.")


class DecisionIn(BaseModel):
    verdict: str = Field(pattern="^(accept|reject)$", description="accept or reject")
    hold_instead: bool = Field(False, description="Hold each category the review would cut.")
    keep_exercises: bool = Field(False, description="Leave out every one of the review's exercise swaps.")
    dropped_swaps: list[ExerciseIdField] = Field(
        default_factory=list, max_length=40, description="Leave out these of the review's swaps (by `from_id`)."
    )
    swaps: list[SwapIn] = Field(
        default_factory=list, max_length=20, description="The coach's own swaps in the next plan, from its first week."
    )
    note: str | None = Field(None, max_length=2000, description="A note the athlete sees on their next session.")
    version: int | None = Field(None, ge=0, description="The diary version the review was read at (409 if changed).")


class DecisionOut(BaseModel):
    week_start: dt.date
    verdict: str
    plan_version: int | None


@athlete_api.post("/queue/decisions", response_model=DecisionOut, status_code=201,
                  summary="Accept (maybe edited) or reject an athlete's waiting review")  # fmt: skip
def queue_decide_api(request: Request, body: DecisionIn) -> Any:
    done = _decide(request, body)
    return DecisionOut(week_start=done.week_start, verdict=done.verdict, plan_version=done.plan_version)


def _decide(request: Request, body: DecisionIn) -> Any:
    from runstrong.flows.base import Conflict
    from runstrong.flows.review_queue import Edits, decide

    if body.verdict not in ("accept", "reject"):
        raise InputError([FieldProblem(("verdict",), "choose accept or reject")])
    diary: Diary = request.state.diary
    edits = Edits(body.hold_instead, body.keep_exercises, tuple(body.dropped_swaps),
                  tuple((x.from_id, x.to_id) for x in body.swaps))  # fmt: skip
    try:
        return decide(diary.store, diary.athlete_name, None, body.verdict, diary.clock_now(), diary.context,  # type: ignore[arg-type]
                      actor=request.state.principal.name, edits=edits, note=body.note,
                      expected_version=body.version)  # fmt: skip
    except Conflict as err:
        raise Changed(str(err)) from None
    except UserError as err:
        raise InputError([FieldProblem((getattr(err, "field", None) or "week",), str(err))]) from None


class ModeIn(BaseModel):
    mode: str = Field(pattern="^(auto|review)$", description="auto: reviews apply themselves; review: a coach decides")


@athlete_api.put("/review-mode", response_model=ModeIn, summary="Whether an athlete's reviews wait for a coach")
def review_mode_api(request: Request, body: ModeIn) -> Any:
    from runstrong.flows.review_queue import set_mode

    diary: Diary = request.state.diary
    clock = diary.clock_now()
    set_mode(diary.store, diary.athlete_name, body.mode, request.state.principal.name, clock.now,
             today=clock.today, ctx=diary.context)  # fmt: skip
    return body
