"""Garmin Connect's data export read by `import-archive`: the activity list in Garmin's
units, the uploaded FIT files in the zip inside the zip, one run each, and hostile members
named without stopping the rest."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest

from runstrong.core.activity import RunIndex
from runstrong.io.archive import import_archive, open_archive
from tests.data.garmin_archive import FITNESS, UPLOADED, garmin_archive, summary

TODAY = dt.date(2027, 1, 1)
CUT = b'[{"summarizedActivitiesExport": [{"a'  # a list cut short
UTC = dt.UTC


def _import(buffer: io.BytesIO, index: RunIndex | None = None):  # type: ignore[no-untyped-def]
    return import_archive(open_archive(buffer), index or RunIndex(), today=TODAY, tz=UTC)


def test_garmin_summaries_give_every_run_once_in_km_and_minutes_from_centimetres_and_milliseconds():
    buffer = io.BytesIO()
    contents = garmin_archive(buffer, 30)
    report = _import(buffer)
    assert report.broken == [] and contents.with_file > 0
    by_start = {r.started_at.replace(tzinfo=UTC): r for r in report.runs}
    assert set(by_start) == set(contents.runs)  # a run with a file and a summary is stored once
    for start, (km, minutes) in contents.runs.items():
        run = by_start[start]
        assert run.distance_km == pytest.approx(km, abs=0.01) and run.minutes == pytest.approx(minutes, abs=0.1)
    assert len(report.duplicates) == contents.with_file
    assert sum("cycling" in s for s in report.skipped) == contents.rides


def test_the_local_day_comes_from_the_watchs_clock():
    late = dt.datetime(2024, 3, 9, 23, 30, tzinfo=UTC)  # 01:30 on the 10th in Berlin summer-ish offset
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(FITNESS, json.dumps([{"summarizedActivitiesExport": [summary(1, late, 40, 8, "running", 2)]}]))
    [run] = _import(buffer).runs
    assert run.date == dt.date(2024, 3, 10) and run.distance_km == 8.0 and run.minutes == 40


def test_runs_already_imported_from_strava_or_an_earlier_import_are_skipped():
    buffer = io.BytesIO()
    garmin_archive(buffer, 12)
    first = _import(buffer)
    from runstrong.core.activity import KnownRun

    index = RunIndex.of(  # what a Strava import of the same runs left in the diary: other sources
        KnownRun(r.date, r.minutes, r.distance_km, r.started_at, f"strava:{n}") for n, r in enumerate(first.runs)
    )
    again = _import(buffer, index)
    assert again.runs == [] and len(again.duplicates) >= len(first.runs)


def _with(member: str, data: bytes) -> io.BytesIO:
    buffer = io.BytesIO()
    garmin_archive(buffer, 4)
    with zipfile.ZipFile(buffer, "a") as z:
        z.writestr(member, data)
    return buffer


@pytest.mark.parametrize(
    ("member", "data", "says"),
    [
        ("../../etc/evil.fit", b"x", "a path outside the archive"),
        ("/abs/run.gpx", b"x", "a path outside the archive"),
        ("DI_CONNECT/DI-Connect-Fitness/b_1_summarizedActivities.json", "[]".encode("utf-16"), "UTF-16"),
        ("DI_CONNECT/DI-Connect-Fitness/c_1_summarizedActivities.json", CUT, "not readable JSON"),
        ("DI_CONNECT/DI-Connect-Fitness/d_1_summarizedActivities.json", b"\xff\xfe\x00garbage", "UTF-16"),
        ("DI_CONNECT/DI-Connect-Fitness/e_1_summarizedActivities.json", b"<html>error</html>", "not readable JSON"),
    ],
)  # fmt: skip
def test_a_hostile_or_broken_member_is_named_and_the_rest_imported(member: str, data: bytes, says: str):
    report = _import(_with(member, data))
    assert len(report.runs) == 4  # four runs (one a trail run)
    [broken] = report.broken
    assert broken.startswith(member) and says in broken, broken


def test_a_summary_list_past_the_limit_is_refused_naming_it(monkeypatch: pytest.MonkeyPatch):
    import runstrong.io.activity_garmin_json as garmin_json

    monkeypatch.setattr(garmin_json, "MAX_SUMMARY_BYTES", 1024)
    buffer = io.BytesIO()
    garmin_archive(buffer, 4)
    report = _import(buffer)
    assert any(b.startswith(FITNESS) and "larger than" in b for b in report.broken), report.broken
    assert len(report.runs) == 2  # the uploaded FIT files still count


def test_an_activity_without_a_start_is_named_and_the_others_read():
    good = summary(2, dt.datetime(2024, 5, 1, 6, tzinfo=UTC), 30, 5, "running", 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(FITNESS, json.dumps([{"summarizedActivitiesExport": [{"activityId": 1, "name": "?"}, good]}]))
        z.writestr(UPLOADED, b"not a zip")
    report = _import(buffer)
    assert len(report.runs) == 1
    assert any("activity 1: no start time" in b for b in report.broken)
    assert any(b.startswith(UPLOADED) and "not a readable .zip" in b for b in report.broken)
