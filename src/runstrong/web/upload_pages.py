"""Activity files uploaded from the browser (`/runs/upload`): a watch's FIT (runs, and
strength workouts logged as sessions), GPX, TCX, a Strava or Garmin CSV, or a whole export
archive (.zip). Read with `io.activity_upload` and stored with `store.activity_import.
write_import`, the write path of `runstrong run import`, so the diary holds the same
whichever way a file came in. A file that cannot be read is named with the reason and
nothing is written (422); the body limit for this path is set in `security.py`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from runstrong.io.activity_upload import Upload, UploadResult, read_uploads

from . import forms
from .problems import FieldProblem, InputError
from .security import UPLOAD_PATH
from .service import Diary

router = APIRouter(include_in_schema=False)
MAX_FILES = 50  # files in one upload; a whole export goes in as its .zip
ACCEPT = ".fit,.gpx,.tcx,.csv,.gz,.zip"


def render(request: Request, status: int = 200, **context: Any) -> HTMLResponse:
    context = {"title": "Upload activity files", "errors": forms.Errors(), "result": None, "accept": ACCEPT,
               "cross_training": False} | context  # fmt: skip
    return request.app.state.templates.TemplateResponse(request, "upload.html", context, status_code=status)


@router.get(UPLOAD_PATH, response_class=HTMLResponse, name="upload")
def upload_page(request: Request) -> Response:
    return render(request)


@router.post(UPLOAD_PATH, response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    form = await request.form()
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    cross_training = forms.text(form, "cross_training") is not None
    try:
        if not files:
            raise InputError.one("files", "choose a file: a .fit, .gpx, .tcx or .csv file, or an export .zip")
        if len(files) > MAX_FILES:
            raise InputError.one("files", f"{len(files)} files at once; upload at most {MAX_FILES}, or their .zip")
        uploads = [Upload(f.filename or "", await f.read()) for f in files]
        diary: Diary = request.app.state.diary
        result, who, logged = await run_in_threadpool(store_uploads, diary, uploads, cross_training)
    except InputError as err:
        return render(request, 422, errors=forms.errors_for(err.problems, {}), cross_training=cross_training)
    return render(request, result=result, who=who, logged=logged, cross_training=cross_training)


def store_uploads(diary: Diary, uploads: list[Upload], cross_training: bool) -> tuple[UploadResult, Any, list]:
    """Read the uploads, then store their runs and strength workouts in one transaction;
    InputError naming every file that could not be read (nothing written then)."""
    from runstrong.flows import imports
    from runstrong.store.activity_import import run_index, write_import

    today = diary.today()
    with diary.store.read() as s:
        who = diary.who(s)
        index = run_index(s, who.id)
        start = imports.plan_start(s, who.id)
    result = read_uploads(uploads, index, today=today, units=who.units.value, cross_training=cross_training)
    imports.mark_before_the_plan(result.report, start)
    if result.refused:
        raise InputError([FieldProblem(("files",), why) for why in result.refused])
    logged: list = []
    if result.report.runs or result.report.strength:
        with diary.store.write() as s:
            logged = write_import(s, who, result.report, today)
    return result, who, logged
