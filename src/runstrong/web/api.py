"""The JSON API under /api/v1: the same diary as the pages, for scripts and other apps.

Every route answers 4xx with a message naming the field for bad input (422 with a list
of located problems, or 400/404/409 with one message); see `schemas.ERRORS`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request

from runstrong.core.model import Category, Pattern, Week

from . import schemas as sc
from .auth import diary_for
from .problems import NotFound
from .service import Diary

router = APIRouter(tags=["api"], responses=sc.ERRORS)

DateQuery = Annotated[sc.IsoDate | None, Query(description="YYYY-MM-DD; default: today.")]


def diary_of(request: Request) -> Diary:
    return diary_for(request)  # the athlete the request may touch (auth.athlete_access)


@router.get("/athlete", response_model=sc.AthleteOut, summary="Who the diary is for, and the plan version")
def athlete(request: Request) -> Any:
    diary = diary_of(request)
    return diary.athlete().model_dump() | {"diary_version": diary.version()}


@router.get("/today", response_model=sc.DayOut, summary="A day's planned sessions and runs, and what was logged")
def today(request: Request, date: DateQuery = None) -> Any:
    diary = diary_of(request)
    day = diary.day(date or diary.today())
    return sc.DayOut(
        date=day.day,
        athlete=day.athlete.name,
        plan_version=day.plan_version,
        sessions=day.sessions,
        runs=day.runs,
        logged=day.logged,
        logged_sets=day.logged_sets,
        runs_logged=day.runs_logged,
        wellness=day.wellness,
        next_session=day.next_session,
    )


def _week_out(week: Week, logged: dict[dt.date, Any]) -> sc.WeekOut:
    from runstrong.core.vocab import SESSION_LETTER

    end = week.start_date + dt.timedelta(days=6)
    return sc.WeekOut(
        index=week.index,
        start_date=week.start_date,
        phase=week.phase,
        deload=week.deload,
        sessions=[
            sc.SessionSummary(
                date=s.date,
                label=SESSION_LETTER.get(s.focus, "?"),
                focus=s.focus,
                heavy=s.heavy,
                estimated_minutes=s.estimated_minutes,
                exercises=[b.exercise_id for b in s.blocks],
            )
            for s in week.sessions
        ],
        runs=[{"date": r.date, "type": r.type, "minutes": r.minutes} for r in week.runs if r.minutes],
        logged=[v for k, v in logged.items() if week.start_date <= k <= end],
    )


@router.get("/plan", response_model=sc.PlanOut, summary="The current plan, week by week")
def plan(request: Request) -> Any:
    data = diary_of(request).plan()
    p = data.plan
    return sc.PlanOut(
        athlete=data.athlete.name,
        version=data.version,
        start_date=p.start_date,
        end_date=p.end_date,
        warnings=p.warnings,
        weeks=[_week_out(w, data.logged) for w in p.weeks],
    )


@router.get("/weeks", response_model=list[sc.WeekOut], summary="The plan's weeks in short")
def weeks(request: Request) -> Any:
    data = diary_of(request).plan()
    return [_week_out(w, data.logged) for w in data.plan.weeks]


@router.get("/weeks/{index}", response_model=Week, summary="One week in full: sessions, doses and reasons")
def week(request: Request, index: int) -> Any:
    data = diary_of(request).plan()
    for w in data.plan.weeks:
        if w.index == index:
            return w
    raise NotFound(f"index: the plan has weeks 1 to {len(data.plan.weeks)}; there is no week {index}")


@router.get("/sessions/{date}", response_model=sc.SessionOut, summary="A day's planned session and what was logged")
def session(request: Request, date: sc.IsoDate, label: Annotated[str | None, Query(max_length=8)] = None) -> Any:
    day = diary_of(request).day(date)
    planned = day.sessions[0] if day.sessions else None
    if label is not None:
        planned = next((s for s in day.sessions if s.label.lower() == label.strip().lower()), None)
        if planned is None:
            labels = ", ".join(s.label for s in day.sessions) or "none"
            raise NotFound(f"label: no session {label!r} planned on {date} (planned: {labels})")
    return sc.SessionOut(date=date, planned=planned, logged=day.logged)


IdempotencyKey = Annotated[
    str | None,
    Header(alias="Idempotency-Key", max_length=200, description="The same key again is answered, not logged twice."),
]
RowId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The id the diary gave it (see the day's log).")]
VersionQuery = Annotated[
    int | None,
    Query(
        ge=0,
        le=2**31 - 1,
        description="The diary version your data was read at (from /athlete); a newer diary answers 409.",
    ),
]


@router.post("/sessions", response_model=sc.LoggedOut, status_code=201, summary="Log a strength session")
def log_session(request: Request, body: sc.SessionIn, idempotency_key: IdempotencyKey = None) -> Any:
    diary = diary_of(request)
    key = idempotency_key or body.key
    logged = diary.log_session(
        body.date or diary.today(),
        [s.model_dump(exclude_unset=True) for s in body.sets],
        label=body.label,
        as_planned=body.as_planned,
        minutes=body.minutes,
        session_rpe=body.session_rpe,
        note=body.note,
        pains=[p.model_dump(exclude_unset=True) for p in body.pains],
        new_session=body.new_session,
        confirmed=body.confirm,
        key=f"api:{key}" if key else None,
        version=body.version,
        planned_on=body.planned_on,
    )
    result = logged.result
    return sc.LoggedOut(
        **result.model_dump(include={"id", "date", "appended", "new_sets", "total_sets"}),
        already_logged=logged.already,
        set_ids=result.set_ids,
        version=logged.version,
    )


@router.patch("/sets/{set_id}", response_model=sc.ChangedOut, summary="Edit a logged set")
def edit_set(request: Request, set_id: RowId, body: sc.SetEditIn, version: VersionQuery = None) -> Any:
    done = diary_of(request).edit_set(set_id, body.model_dump(exclude_unset=True), version)
    return sc.ChangedOut(summary=f"edited {done.what}", version=done.version)


@router.delete("/sets/{set_id}", response_model=sc.ChangedOut, summary="Delete a logged set")
def delete_set(request: Request, set_id: RowId, version: VersionQuery = None) -> Any:
    done = diary_of(request).delete_set(set_id, version)
    return sc.ChangedOut(summary=f"deleted {done.what}", version=done.version)


@router.delete("/logged-sessions/{session_id}", response_model=sc.ChangedOut, summary="Delete a logged session")
def delete_session(request: Request, session_id: RowId, version: VersionQuery = None) -> Any:
    done = diary_of(request).delete_session(session_id, version)
    return sc.ChangedOut(summary=f"deleted {done.what}", version=done.version)


@router.delete("/runs/{run_id}", response_model=sc.ChangedOut, summary="Delete a logged run")
def delete_run(request: Request, run_id: RowId, version: VersionQuery = None) -> Any:
    done = diary_of(request).delete_run(run_id, version)
    return sc.ChangedOut(summary=f"deleted {done.what}", version=done.version)


@router.post("/undo", response_model=sc.ChangedOut, summary="Undo the last change to the diary")
def undo(request: Request, version: VersionQuery = None) -> Any:
    done = diary_of(request).undo(version)
    return sc.ChangedOut(summary=f"undid: {done.summary}", version=done.new_version)


@router.get("/wellness", response_model=sc.WellnessOut, summary="A day's check-in")
def get_wellness(request: Request, date: DateQuery = None) -> Any:
    diary = diary_of(request)
    day = diary.day(date or diary.today())
    if day.wellness is None:
        raise NotFound(f"date: no check-in on {day.day}")
    return sc.WellnessOut(wellness=day.wellness, replaced=[])


@router.post("/wellness", response_model=sc.WellnessOut, status_code=201, summary="The daily check-in")
def post_wellness(request: Request, body: sc.WellnessIn, version: VersionQuery = None) -> Any:  # type: ignore[valid-type]
    data = body.model_dump(exclude_none=True)  # type: ignore[attr-defined]
    entry, replaced = diary_of(request).save_wellness(data, version=version)
    return sc.WellnessOut(wellness=entry, replaced=replaced)


@router.post("/pains", response_model=sc.PainsOut, status_code=201, summary="Report pain felt outside a session")
def post_pains(request: Request, body: sc.PainsIn, version: VersionQuery = None) -> Any:
    diary = diary_of(request)
    reports, new_version = diary.report_pains(
        body.date or diary.today(), [p.model_dump(exclude_unset=True) for p in body.pains], version
    )
    return sc.PainsOut(pains=reports, version=new_version)


@router.patch("/wellness/{date}", response_model=sc.ChangedOut, summary="Edit a day's check-in")
def edit_wellness(request: Request, date: sc.IsoDate, body: sc.WellnessEditIn, version: VersionQuery = None) -> Any:
    done = diary_of(request).edit_wellness(date, body.model_dump(exclude_unset=True), version)
    return sc.ChangedOut(summary=f"edited {done.what}", version=done.version)


@router.get("/runs", response_model=list[sc.RunLog], summary="Runs logged between two dates")
def runs(request: Request, since: DateQuery = None, until: DateQuery = None) -> Any:
    return diary_of(request).runs(since, until)


@router.post("/runs", response_model=sc.RunOut, status_code=201, summary="Log a run")
def post_run(request: Request, body: sc.RunIn) -> Any:  # type: ignore[valid-type]
    run_id, run, already = diary_of(request).add_run(body.model_dump(exclude_none=True))  # type: ignore[attr-defined]
    return sc.RunOut(id=run_id, run=run, already_logged=already)


@router.get("/exercises", response_model=list[sc.ExerciseSummaryOut], summary="Search the exercise library")
def exercises(
    request: Request,
    q: Annotated[str, Query(max_length=100, description="Words to find in the name, id or pattern.")] = "",
    category: Category | None = None,
    pattern: Pattern | None = None,
    fits: Annotated[bool, Query(description="Only what the athlete's kit allows.")] = False,
) -> Any:
    found = diary_of(request).find_exercises(
        q, category.value if category else None, pattern.value if pattern else None, fits
    )
    return [
        sc.ExerciseSummaryOut(
            id=e.id,
            name=e.name,
            category=e.category,
            pattern=e.pattern,
            level=e.level,
            equipment=[i.value for i in e.equipment],
            unilateral=e.unilateral,
        )
        for e in found
    ]


@router.get("/exercises/{exercise_id}", response_model=sc.ExerciseOut, summary="One exercise and its ladder")
def exercise(request: Request, exercise_id: str) -> Any:
    diary = diary_of(request)
    e = diary.exercise(exercise_id)
    return sc.ExerciseOut(exercise=e, ladder=[x.id for x in diary.library.ladder(e.id)])


@router.get(
    "/exercises/{exercise_id}/alternatives",
    response_model=sc.AlternativesOut,
    summary="What could replace an exercise in the plan",
)
def alternatives(request: Request, exercise_id: str) -> Any:
    exercise, sessions, options = diary_of(request).alternatives(exercise_id)
    return sc.AlternativesOut(
        exercise_id=exercise.id,
        sessions=[d for _, d in sessions],
        alternatives=[sc.AlternativeOut(id=a.exercise.id, name=a.exercise.name, notes=a.notes) for a in options],
    )


@router.post("/swaps", response_model=sc.SwapOut, status_code=201, summary="Swap an exercise from today on")
def swap(request: Request, body: sc.SwapIn, version: VersionQuery = None) -> Any:
    result = diary_of(request).swap(body.from_id, body.to_id, body.reason, version)
    return sc.SwapOut(
        from_id=result.from_id,
        to_id=result.to_id,
        since=result.since,
        plan_version=result.stored.plan_version,
        profile_version=result.stored.profile_version,
        sessions=[d for _, d in result.sessions],
    )


WeekQuery = Annotated[sc.IsoDate | None, Query(description="A day in the week to review; default: last week.")]


def _review_request(body: sc.ReviewIn | None, week: dt.date | None = None) -> Any:
    from .review_input import ReviewRequest

    data = body.model_dump() if body is not None else {}
    if week is not None:
        data["week"] = week
    kit = data.pop("kit", None)
    return ReviewRequest(**data, kit=kit.value if kit is not None else None)


@router.get("/review", response_model=sc.ReviewOut, summary="The weekly review of a week, and the plan it would write")
def review(request: Request, week: WeekQuery = None) -> Any:
    outcome = diary_of(request).review(_review_request(None, week))
    return sc.ReviewOut(review=outcome.review, changes=outcome.changes, plan_version=outcome.plan_version)


@router.post(
    "/review", response_model=sc.ReviewOut, status_code=201, summary="Accept the weekly review: a new plan version"
)
def accept_review(request: Request, body: sc.ReviewIn, version: VersionQuery = None) -> Any:
    outcome, stored = diary_of(request).accept_review(_review_request(body), version)
    return sc.ReviewOut(
        review=outcome.review,
        changes=outcome.changes,
        plan_version=outcome.plan_version,
        new_plan_version=stored.plan_version,
    )
