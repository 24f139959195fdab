"""The baseline screen one test at a time (`/assess/guided`), for a runner doing it with
the phone beside them: each test's set-up and instructions, its answers, and for holds a
stopwatch (static/screen.js; without script the seconds are typed). The answers so far
travel in the form itself, so nothing is stored until the last step, which saves the
screen through the same flow and scoring as `/assess` (one change; a stale form is told).

Each step's answers are checked against the `Screen` model's own field types before the
next test is shown; the whole screen is checked again when it is saved, and a problem
found then takes the runner back to the test that holds it.
"""

from __future__ import annotations

from contextlib import suppress
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import TypeAdapter, ValidationError

from runstrong.core.screen import Screen
from runstrong.io.screen_text import ScreenTest, load_battery

from . import forms
from .log_pages import error_words
from .pages import SCREEN_LISTS, FormState, diary_of, form_page, redirect
from .problems import Changed, FieldProblem, InputError, problems_from

router = APIRouter(include_in_schema=False)
BOOLS = {"hip_hinge_pass"}


def _tests() -> list[ScreenTest]:
    return list(load_battery().tests)


def _values(form: forms.FormData) -> dict[str, Any]:
    """The answers so far, as typed, the fault lists as lists; the step's own fields aside."""
    values = {k: v for k, v in forms.values_of(form).items() if k in Screen.model_fields}
    for key in SCREEN_LISTS:
        values[key] = forms.many(form, key)
    return values


def step_problems(test: ScreenTest, values: dict[str, Any]) -> list[FieldProblem]:
    """The test's answers checked by the types `Screen` gives its fields (a hold may be
    typed as 75 or 1:15: it is kept as seconds); a required answer left blank is a problem."""
    from runstrong.io.answers import seconds_answer

    problems = []
    for name in test.fields.values():
        info = Screen.model_fields[name]
        typed = values.get(name)
        if typed in (None, "", []):
            if info.is_required() and not test.optional:
                problems.append(FieldProblem((name,), "fill this in" if test.kind != "hinge" else "choose one"))
            continue
        if test.kind == "hold" and isinstance(typed, str):
            try:
                typed = values[name] = str(seconds_answer(name)(typed))
            except ValueError as err:
                problems.append(FieldProblem((name,), str(err).partition(": ")[2] or str(err)))
                continue
        if name in BOOLS:
            typed = {"yes": True, "no": False}.get(typed, typed)
        try:
            _adapter(name).validate_python(typed)
        except ValidationError as err:
            problems += problems_from(err, prefix=(name,))
    return problems


def holds_in_seconds(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with each hold typed as minutes and seconds (1:15, 1m15) in whole seconds, as
    the stopwatch writes it; what cannot be read is left for the model to refuse by its field."""
    from runstrong.io.answers import seconds_answer

    holds = {name for t in _tests() if t.kind == "hold" for name in t.fields.values()}
    out = dict(data)
    for name in holds & set(out):
        if isinstance(out[name], str):
            with suppress(ValueError):
                out[name] = seconds_answer(name)(out[name])
    return out


@cache
def _adapter(name: str) -> TypeAdapter:
    """The type `Screen` gives the field `name`, with its limits, to check one answer alone."""
    info = Screen.model_fields[name]
    return TypeAdapter(Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation)


def _page(request: Request, step: int, state: FormState) -> Response:
    """Test `step` (past the last: the notes and the save), the answers so far carried along."""
    tests = _tests()
    step = max(0, min(step, len(tests)))
    who, profile = diary_of(request).profile()
    test = tests[step] if step < len(tests) else None
    shown = set(test.fields.values()) if test else {"notes"}
    values = state.values or {}
    carried = [(k, v) for k, vs in values.items() if k not in shown for v in (vs if isinstance(vs, list) else [vs])]
    return form_page(
        request, "assess_step.html", state, title="Baseline screen, step by step", who=who, profile=profile,
        battery=load_battery(), t=test, step=step, steps=len(tests), carried=carried,
    )  # fmt: skip


@router.get("/assess/guided", response_class=HTMLResponse, name="assess_guided")
def guided(request: Request) -> Response:
    """The first test; the rest follow by posting each step's answers."""
    return _page(request, 0, FormState({}))


@router.post("/assess/guided", response_class=HTMLResponse)
async def guided_step(request: Request) -> Response:
    form = await request.form()
    values = _values(form)
    step = int(forms.text(form, "step") or "0") if (forms.text(form, "step") or "0").isdigit() else 0
    version = forms.text(form, "version")
    tests = _tests()
    if forms.text(form, "go") == "back":
        return _page(request, step - 1, FormState(values, version=version))
    if step < len(tests):
        problems = step_problems(tests[step], values)
        if problems:
            return _page(request, step, FormState(values, forms.errors_for(problems, {}), 422, version=version))
        return _page(request, step + 1, FormState(values, version=version))
    return _save(request, values, form)


def _save(request: Request, values: dict[str, Any], form: forms.FormData) -> Response:
    """The whole screen through the screen flow; a problem goes back to its test."""
    data = {k: v for k, v in values.items() if v not in ("", None)}
    data.update({k: {"yes": True, "no": False}.get(v, v) for k, v in data.items() if k in BOOLS})
    for key in SCREEN_LISTS:
        data.setdefault(key, [])
    version = forms.text(form, "version")
    try:
        diary_of(request).record_screen(data, forms.version(form))
    except Changed as err:
        stale = FormState(values, status=409, conflict=error_words(err))  # now's version: sending it again saves
        return _page(request, len(_tests()), stale)
    except InputError as err:
        fields = {str(p.loc[0]) for p in err.problems if p.loc}
        step = next((i for i, t in enumerate(_tests()) if fields & set(t.fields.values())), len(_tests()))
        return _page(request, step, FormState(values, forms.errors_for(err.problems, {}), 422, version=version))
    return redirect("/assess/results")
