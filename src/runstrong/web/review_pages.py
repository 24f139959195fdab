"""The weekly review in the browser: the week's numbers and pictures, the decisions with
their rule ids, what would change in the plan, and an explicit accept."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from runstrong.core.vocab import EquipmentSet

from .pages import diary_of, redirect, render
from .problems import FieldProblem, InputError
from .review_input import ReviewRequest

router = APIRouter(include_in_schema=False)
CHARTS = ("load", "wellness", "volume", "lifts")
_DATES = ("week", "travel_start", "travel_end", "race_date")
_FIELDS = (*_DATES, "kit")


def _date(value: str, name: str, problems: list[FieldProblem]) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        problems.append(FieldProblem((name,), f"{value!r} is not a date; write it as YYYY-MM-DD"))
        return None


def _request_from(values: dict[str, str]) -> ReviewRequest:
    problems: list[FieldProblem] = []
    dates = {name: _date(values.get(name, ""), name, problems) for name in _DATES}
    if problems:
        raise InputError(problems)
    return ReviewRequest(
        week=dates["week"],
        ill=values.get("ill") == "on",
        travel_start=dates["travel_start"],
        travel_end=dates["travel_end"],
        kit=values.get("kit") or None,
        race_date=dates["race_date"],
    )


def _page(
    request: Request,
    values: dict[str, str],
    accepted: str | None = None,
    status: int = 200,
    same: bool = False,
    refused: InputError | None = None,
) -> HTMLResponse:
    diary = diary_of(request)
    errors = refused  # the accept's refusal, said on the page it came from
    outcome, written, before, later, since = None, False, None, None, None
    try:
        outcome, written, before, later, since = diary.review_written(_request_from(values))
    except InputError as err:
        errors = errors or err
    from runstrong.io.review_text import headline

    query = "&".join(f"{k}={values[k]}" for k in ("week",) if values.get(k))
    return render(
        request,
        "review.html",
        400 if errors and status == 200 else status,
        title="Weekly review",
        outcome=outcome,
        headline=headline(outcome.review.metrics, outcome.athlete.units) if outcome else [],
        values=values,
        errors=_errors(errors),
        kits=[e.value for e in EquipmentSet],
        charts=CHARTS,
        chart_query=query,
        accepted=accepted,
        same=same,  # the accept just made wrote nothing new
        written=written,  # accepting again would write nothing: no button that would
        before=before,  # the plan version this week's accepted review wrote, if it was accepted
        later=later,  # a later week's review was accepted: this one is not offered
        since=since,  # what changed since this week's review was accepted
    )


def _errors(err: InputError | None) -> Any:
    from .forms import Errors, errors_for

    if err is None:
        return Errors()
    return errors_for(err.problems, {}, known=set(_FIELDS) | {"ill"})


@router.get("/review", response_class=HTMLResponse, name="review")
def review_page(request: Request, week: str = "", accepted: str | None = None, same: str = "") -> Response:
    return _page(request, {"week": week}, accepted, same=same == "1")


@router.post("/review", response_class=HTMLResponse)
async def accept(request: Request) -> Response:
    form = await request.form()
    values = {k: str(form.get(k, "")) for k in (*_FIELDS, "ill")}
    diary = diary_of(request)
    try:
        outcome, stored = await run_in_threadpool(diary.accept_review, _request_from(values))
    except InputError as err:
        return await run_in_threadpool(_page, request, values, None, 400, False, err)
    week = outcome.review.week_start.isoformat()
    if not stored.new_plan:
        return redirect("/review", week=week, accepted=str(stored.plan_version), same="1")
    return redirect("/review", week=week, accepted=str(stored.plan_version))


@router.get("/review/chart/{name}.svg", name="review_chart")
def chart(request: Request, name: str, week: str = "") -> Response:
    """One of the review's charts for the week, drawn on request (matplotlib is slow to
    load, so the page itself never waits for it)."""
    from runstrong.io import charts

    if name not in CHARTS:
        return Response(f"no chart {name!r}; charts: {', '.join(CHARTS)}", status_code=404, media_type="text/plain")
    outcome = diary_of(request).review(_request_from({"week": week}))
    draw = {
        "load": charts.load_chart,
        "wellness": charts.wellness_chart,
        "volume": charts.volume_chart,
        "lifts": charts.lifts_chart,
    }[name]
    body = draw(outcome.trend, fmt="svg")
    return Response(body, media_type="image/svg+xml", headers={"Cache-Control": "no-cache"})
