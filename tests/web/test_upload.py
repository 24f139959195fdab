"""Activity files uploaded from the browser (issue 19): stored through the same path as
`runstrong run import` (runs, and a watch's strength workout as a logged session), and a
hostile or broken file answered with a message naming it and the problem, nothing written."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import re
from pathlib import Path

import pytest

from tests.activity_files import ACTIVITIES, fit_run

from .conftest import TODAY

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")

UPLOAD = "/runs/upload"
MONDAY = dt.date(2027, 1, 4)


def send(client, *files: tuple[str, bytes], **data: str):  # type: ignore[no-untyped-def]
    return client.post(UPLOAD, files=[("files", (name, body, "application/octet-stream")) for name, body in files],
                       data=data)  # fmt: skip


def morning(day: dt.date, minutes: float = 42, km: float = 8.1) -> bytes:
    return fit_run(dt.datetime.combine(day, dt.time(6, 30), dt.UTC), minutes, km)


def diary_of(app):  # type: ignore[no-untyped-def]
    from runstrong.store import repo
    from runstrong.store.diary_window import load_diary

    with app.state.diary.store.read() as s:
        return load_diary(s, repo.find_athlete(s, None).id, dt.date(2000, 1, 1), TODAY)


def sources(app) -> list[str | None]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from runstrong.store.tables import RunRow

    with app.state.diary.store.read() as s:
        return list(s.scalars(select(RunRow.source)))


def errors_in(page: str) -> str:
    return " ".join(re.findall(r'class="field-error[^"]*"[^>]*>([^<]*)<', page))


def test_the_upload_page_is_reached_from_the_run_page(client) -> None:
    assert 'href="/runs/upload"' in client.get("/run").text
    page = client.get(UPLOAD).text
    assert 'enctype="multipart/form-data"' in page and 'type="file"' in page


def test_a_fit_run_is_stored_as_run_import_stores_it(client, app) -> None:
    response = send(client, ("morning.fit", morning(MONDAY)))
    assert response.status_code == 200, response.text
    assert "Imported 1 run from 1 file" in response.text and "Mon 4 Jan 2027" in response.text
    (run,) = diary_of(app).runs
    assert (run.date, run.minutes, run.distance_km) == (MONDAY, 42, 8.1)
    assert sources(app) == [f"fit:{hashlib.sha256(morning(MONDAY)).hexdigest()[:24]}"]  # as run import names it
    again = send(client, ("copy-of-morning.fit", morning(MONDAY)))
    assert "Imported 0 runs" in again.text and "1 already in the diary" in again.text
    assert len(diary_of(app).runs) == 1


def test_several_files_and_a_gzipped_gpx_in_one_upload(client, app) -> None:
    gpx = gzip.compress((ACTIVITIES / "hr-track.gpx").read_bytes())
    response = send(client, ("a.fit", morning(MONDAY)), ("b.fit", morning(MONDAY + dt.timedelta(days=2), 30, 6)),
                    ("track.gpx.gz", gpx))  # fmt: skip
    assert response.status_code == 200
    assert len(diary_of(app).runs) == 3


def test_a_strength_workout_from_the_watch_is_logged_as_a_session(client, app) -> None:
    from tests.data.watch_strength import free_strength

    start = dt.datetime.combine(TODAY, dt.time(17, 0), dt.UTC)
    sets = [{"category": "hip_raise", "name": "barbell_hip_thrust_with_bench", "reps": 8, "weight": w}
            for w in (60.0, 62.5, 62.5)]  # fmt: skip
    response = send(client, ("strength.fit", free_strength(start, sets, utc_offset_hours=0)))
    assert response.status_code == 200, response.text
    text = re.sub(r"<[^>]+>", "", response.text)
    assert "Imported 1 strength workout from 1 file" in text
    assert "Logged the strength workout of Fri 8 Jan 2027 from the watch: 3 sets" in text
    (session,) = diary_of(app).sessions
    assert session.date == TODAY and session.planned_label == "A"  # the day's planned session
    assert [(s.exercise_id, s.reps, s.load_kg) for s in session.sets] == [
        ("barbell_hip_thrust", 8, 60.0), ("barbell_hip_thrust", 8, 62.5), ("barbell_hip_thrust", 8, 62.5)]  # fmt: skip
    again = send(client, ("strength.fit", free_strength(start, sets, utc_offset_hours=0)))
    assert "in the diary already" in again.text and len(diary_of(app).sessions[0].sets) == 3


def test_a_strava_style_archive_imports_its_runs_and_names_broken_members(client, app) -> None:
    from tests.data.strava_archive import strava_archive

    buffer = io.BytesIO()
    contents = strava_archive(buffer, 12, first_day=dt.date(2026, 11, 2), broken_every=5)
    response = send(client, ("export_12345.zip", buffer.getvalue()))
    assert response.status_code == 200, response.text
    stored = diary_of(app).runs
    assert len(stored) == contents.runs
    for member in contents.broken:
        assert Path(member).name in response.text


def gzip_bomb(size: int) -> bytes:
    """A small .gz that expands to `size` bytes of spaces, made without holding them."""
    out = io.BytesIO()
    chunk = b" " * (1024 * 1024)
    with gzip.GzipFile(fileobj=out, mode="wb") as gz:
        for _ in range(size // len(chunk)):
            gz.write(chunk)
    return out.getvalue()


HOSTILE = [
    ("error-page.gpx", (ACTIVITIES / "error-page.gpx").read_bytes(), "error-page.gpx: "),
    ("tcx-saved-as.gpx", (ACTIVITIES / "tcx-saved-as.gpx").read_bytes(), ".tcx"),
    ("garbage.fit", (ACTIVITIES / "garbage.fit").read_bytes(), "garbage.fit: "),
    ("../../etc/passwd.fit", b"root:x:0:0:root:/root:/bin/bash\n" * 20, "passwd.fit: "),
    ("archive.zip", b"PK\x03\x04 this is not really a zip", "not a readable .zip archive"),
    ("setup.exe", b"MZ\x90\x00" + bytes(2000), "not an activity file"),
    ("bomb.gpx.gz", gzip_bomb(70 * 1024 * 1024), "bomb.gpx.gz: "),
]


@pytest.mark.parametrize(("name", "body", "said"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_file_is_named_with_its_problem_and_nothing_is_written(client, app, name, body, said) -> None:
    response = send(client, ("good.fit", morning(MONDAY)), (name, body))
    assert response.status_code == 422
    assert said in errors_in(response.text), errors_in(response.text)
    assert "/etc" not in response.text
    assert diary_of(app).runs == ()  # not even the good file's run


def test_an_upload_without_a_file_says_to_choose_one(client) -> None:
    response = client.post(UPLOAD, data={"cross_training": "1"})
    assert response.status_code == 422 and "choose a file" in errors_in(response.text)


def test_the_real_watch_files_import_through_the_web(client, app, shared) -> None:
    folder = shared / "data" / "fit"
    names = ["garmin-fenix-5-run.fit", "activity-small-fenix2-run.fit", "strava-android-app-201.10-b1218918.fit"]
    present = [folder / n for n in names if (folder / n).is_file()]
    if not present:
        pytest.skip(f"no real FIT files in {folder}")
    response = send(client, *((p.name, p.read_bytes()) for p in present))
    assert response.status_code == 200, errors_in(response.text)
    short = [p for p in present if p.name == "garmin-fenix-5-run.fit"]  # 57 s recorded: no run, and said so
    assert len(diary_of(app).runs) == len(present) - len(short)
    assert not short or "too short to be a run" in response.text


def test_an_upload_over_25_mb_is_refused_before_it_is_read(client, app) -> None:
    response = send(client, ("huge.gpx", b" " * (26 * 1024 * 1024)))
    assert response.status_code == 413
    assert diary_of(app).runs == ()


def test_the_upload_page_is_in_the_run_area_of_the_navigation(client) -> None:
    page = client.get(UPLOAD).text
    assert 'aria-current="page">Run<' in page  # the run area in the navigation


def test_runs_from_more_than_a_year_before_the_plan_are_said_on_the_upload_page(client, app) -> None:
    """The web's upload said nothing of a watch's old files (the CLI's import decided it alone,
    issue 15): the import flow now sets the sentence on the import's report for both."""
    old = dt.date(2015, 8, 15)
    response = send(client, ("old.fit", morning(old)), ("new.fit", morning(MONDAY)))
    assert response.status_code == 200, response.text
    page = " ".join(response.text.split())
    assert "1 run from more than a year before your plan starts" in page and "15 Aug 2015" in page
    assert len(diary_of(app).runs) == 2  # kept as history
    recent = send(client, ("later.fit", morning(MONDAY + dt.timedelta(days=2))))
    assert "more than a year before" not in recent.text
