"""Activities in: real FIT, GPX, TCX files from other projects, Strava and Garmin Connect
CSV layouts, broken files; what becomes a run, which type it gets, what is a duplicate."""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from runstrong.core.activity import (
    Activity,
    ActivityDataError,
    KnownRun,
    RunIndex,
    classify_activity,
    guess_run_type,
    parse_import_rules,
)
from runstrong.core.model import RunType
from runstrong.io.activities import (
    ActivityFileError,
    NotAnActivity,
    find_activity_files,
    fit_summary_stream,
    import_files,
    read_activity_file,
)
from runstrong.io.classify_data import import_rules
from runstrong.io.data_files import load_context
from tests.activity_files import ACTIVITIES, fit_run

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = dt.date(2027, 1, 1)
UTC = dt.UTC


def read(name: str, **kw) -> list[Activity]:
    return read_activity_file(ACTIVITIES / name, tz=kw.pop("tz", UTC), **kw).activities


def fit_file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------- real FIT files


def test_a_garmin_fenix_run_gives_its_date_duration_and_distance(shared):
    [run] = read_activity_file(shared / "data/fit/activity-small-fenix2-run.fit").activities
    assert run.sport == "running"
    assert run.started_at == dt.datetime(2015, 8, 15, 14, 45, 8, tzinfo=UTC)
    assert run.local_date == dt.date(2015, 8, 15)  # from the watch's own UTC offset
    assert (round(run.minutes, 1), round(run.distance_km, 3)) == (47.2, 9.008)


def test_heart_rate_comes_from_the_session(shared):
    [run] = read_activity_file(shared / "data/fit/garmin-fenix-5-run.fit").activities
    assert (run.avg_hr, run.max_hr) == (90, 112)
    [ride] = read_activity_file(shared / "data/fit/sample-activity.fit").activities
    assert (ride.sport, ride.avg_hr, ride.max_hr, round(ride.distance_km, 1)) == ("cycling", 166, 191, 88.8)


@pytest.mark.parametrize(
    "name", ["Activity.fit", "activity-small-fenix2-run.fit", "garmin-fenix-5-run.fit", "sample-activity.fit"]
)
def test_the_fast_path_decodes_the_same_summary_as_the_whole_file(shared, name):
    from garmin_fit_sdk import Decoder, Stream

    data = (shared / "data/fit" / name).read_bytes()
    whole, errors = Decoder(Stream.from_byte_array(bytearray(data))).read()
    assert errors == []
    small, errors = Decoder(Stream.from_byte_array(bytearray(fit_summary_stream(data)))).read(enable_crc_check=False)
    assert errors == []
    for key in ("file_id_mesgs", "session_mesgs", "lap_mesgs", "activity_mesgs"):
        assert small.get(key) == whole.get(key), key
    assert "record_mesgs" not in small
    assert len(fit_summary_stream(data)) < len(data) / 5 or len(data) < 2000


def test_the_damaged_strava_file_gives_its_session_with_a_warning(shared):
    result = read_activity_file(shared / "data/fit/strava-android-app-201.10-b1218918.fit", tz=UTC)
    [run] = result.activities
    assert (round(run.distance_km, 2), run.seconds) == (11.27, 59 * 60 + 18)
    assert run.started_at == dt.datetime(2021, 9, 27, 14, 13, 10, tzinfo=UTC)
    [warning] = result.warnings
    assert "truncated" in warning and "check the run" in warning


def test_a_fit_file_damaged_before_its_summary_is_still_refused(shared):
    data = (shared / "data/fit/activity-small-fenix2-run.fit").read_bytes()
    cut = data[:40_000]  # records only: the session comes at the end of a Garmin file
    with pytest.raises(ActivityFileError, match="truncated"):
        read_activity_file(Path("cut.fit"), data=cut)


def test_a_fit_workout_is_not_an_activity(shared):
    with pytest.raises(NotAnActivity, match="workout"):
        read_activity_file(shared / "data/fit/WorkoutRepeatSteps.fit")


# --------------------------------------------------------------- FIT made with fit-tool


def test_the_watch_offset_dates_a_late_run_on_its_local_day(tmp_path):
    start = dt.datetime(2024, 6, 1, 22, 30, tzinfo=UTC)
    path = fit_file(tmp_path, "late.fit", fit_run(start, 45, 9.5, utc_offset_hours=2))
    [run] = read_activity_file(path, tz=UTC).activities
    assert run.local_date == dt.date(2024, 6, 2) and run.started_at == start
    path = fit_file(tmp_path, "no-offset.fit", fit_run(start, 45, 9.5, utc_offset_hours=None))
    assert read_activity_file(path, tz=ZoneInfo("America/New_York")).activities[0].local_date == dt.date(2024, 6, 1)


def test_a_fit_file_without_session_is_summed_from_its_records(tmp_path):
    path = fit_file(tmp_path, "records.fit", fit_run(dt.datetime(2024, 6, 1, 6, tzinfo=UTC), 30, 6.0, summary=False))
    [run] = read_activity_file(path).activities
    assert (round(run.minutes, 2), round(run.distance_km, 2), run.max_hr) == (30.0, 6.0, 154)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d[: len(d) // 2], "truncated"),
        (lambda d: b"", "empty"),
        (lambda d: b"\x0e\x10" + b"\x00" * 40, "not a FIT file"),
    ],
    ids=["truncated", "empty", "no-header"],
)
def test_a_damaged_fit_file_says_what_is_wrong(tmp_path, damage, message):
    data = fit_run(dt.datetime(2024, 6, 1, 6, tzinfo=UTC), 30, 6.0)
    with pytest.raises(ActivityFileError, match=message):
        read_activity_file(fit_file(tmp_path, "bad.fit", damage(data)))


def test_a_changed_byte_in_the_records_leaves_the_summary_readable_with_a_warning(tmp_path):
    data = fit_run(dt.datetime(2024, 6, 1, 6, tzinfo=UTC), 30, 6.0)
    result = read_activity_file(fit_file(tmp_path, "bad.fit", data[:200] + bytes([data[200] ^ 0xFF]) + data[201:]))
    [run] = result.activities
    assert (round(run.minutes), round(run.distance_km, 1)) == (30, 6.0)
    assert "CRC" in result.warnings[0]


# ---------------------------------------------------------------------------- GPX


def test_a_real_gpx_track_from_gpxpy(tmp_path):
    [walk] = read("cerknicko-jezero.gpx")
    assert walk.started_at == dt.datetime(2010, 8, 5, 14, 23, 59, tzinfo=UTC)
    assert (round(walk.minutes, 2), round(walk.distance_km, 2), walk.sport) == (70.65, 4.58, "")


def test_gpx_distance_comes_only_from_the_timed_tracks_of_the_activity():
    # two untimed tracks from another outing (8.6 km with no times) beside the timed "ACTIVE LOG"
    # tracks: the whole file is 14.9 km, the activity 6.3 km in 218 minutes
    [hike] = read("korita-zbevnica.gpx")
    assert (round(hike.distance_km, 1), round(hike.minutes)) == (6.3, 218)
    assert hike.started_at == dt.datetime(2010, 10, 3, 9, 36, 30, tzinfo=UTC)


def test_a_gps_track_name_is_not_a_note():
    [hike] = read("korita-zbevnica.gpx")
    assert (hike.name, hike.description) == ("ACTIVE LOG", None)
    report = import_files([ACTIVITIES / "hr-track.gpx"], RunIndex(), today=TODAY)
    assert report.runs[0].note is None  # "Alster tempo" names the run (tempo), it is not a note
    assert report.runs[0].type == RunType.tempo


def test_gpx_heart_rate_and_sport_from_garmin_extensions():
    [run] = read("hr-track.gpx")
    assert (run.sport, run.name, run.minutes, run.avg_hr, run.max_hr) == ("running", "Alster tempo", 30.0, 146, 154)


def test_a_gzipped_gpx_as_in_a_strava_export(tmp_path):
    path = tmp_path / "1234.gpx.gz"
    path.write_bytes(gzip.compress((ACTIVITIES / "hr-track.gpx").read_bytes()))
    assert read_activity_file(path).activities[0].name == "Alster tempo"


def test_gpx_without_times_or_without_a_track():
    with pytest.raises(ActivityFileError, match="no times"):
        read("Mojstrovka.gpx")  # a real file whose points carry 1901 timestamps
    with pytest.raises(NotAnActivity, match="no track points"):
        read("route.gpx")


# ---------------------------------------------------------------------------- TCX


def test_a_real_tcx_from_tcx2gpx_matches_tcxreader():
    from tcxreader.tcxreader import TCXReader

    [activity] = read("tcx2gpx-2019-10-20.tcx")
    other = TCXReader().read(str(ACTIVITIES / "tcx2gpx-2019-10-20.tcx"))
    assert activity.started_at == dt.datetime(2019, 10, 20, 12, 50, 19, tzinfo=UTC)
    assert activity.seconds == 8631.0  # the lap's timer total; tcxreader spans the track points
    assert abs(other.duration - activity.seconds) <= 5
    assert round(activity.distance_m) == round(other.distance) == 13423
    assert activity.sport == "Other"
    [with_ms] = read("tcx2gpx-milliseconds.tcx")
    assert with_ms.started_at.microsecond == 941000


def test_tcx_heart_rate_is_weighted_by_lap_time():
    [run] = read("hr-laps.tcx")
    assert (run.sport, run.name, run.minutes, round(run.distance_km, 1)) == (
        "Running", "Long run with fast finish", 80.0, 15.1
    )  # fmt: skip
    assert (run.avg_hr, run.max_hr) == (round((150 * 3000 + 162 * 1800) / 4800), 181)


# ---------------------------------------------------------------------------- CSV


def test_strava_activities_csv():
    result = read_activity_file(ACTIVITIES / "strava-activities.csv", tz=BERLIN)
    by_id = {a.source: a for a in result.activities}
    morning = by_id["strava:11840233601"]
    assert morning.started_at == dt.datetime(2024, 6, 2, 5, 42, 10, tzinfo=UTC)  # Strava writes UTC
    assert (morning.local_date, morning.seconds, morning.distance_m, morning.avg_hr, morning.max_hr) == (
        dt.date(2024, 6, 2), 2950.0, 8521.4, 148, 171
    )  # fmt: skip
    assert by_id["strava:11870098514"].distance_m == 1850.0  # a swim: the metres column, not "1,850"
    assert len(result.activities) == 8
    assert result.problems == ["strava-activities.csv row 9: Activity Date: 'not a date' is not a date like "
                               "'Oct 7, 2020, 2:43:11 PM'"]  # fmt: skip


def test_garmin_connect_activities_csv_in_both_number_styles():
    result = read_activity_file(ACTIVITIES / "garmin-activities.csv", tz=BERLIN)
    first = result.activities[0]
    assert first.started_at == dt.datetime(2024, 6, 2, 5, 42, 10, tzinfo=UTC)  # Garmin writes local time
    assert (first.sport, first.seconds, first.distance_m, first.avg_hr) == ("Running", 2950.0, 8520.0, 148)
    shakeout = next(a for a in result.activities if a.name == "Easy shakeout")
    assert (shakeout.avg_hr, shakeout.max_hr) == (None, None)  # "--"
    assert len(result.problems) == 1 and "row 8: Date" in result.problems[0]
    comma = read("garmin-activities-decimal-comma.csv", tz=BERLIN)
    assert [a.distance_m for a in comma] == [10050.0, 12400.0]


def test_a_garmin_csv_of_a_runner_in_miles():
    [run, *_] = read("garmin-activities.csv", units="imperial")
    assert round(run.distance_km, 2) == round(8.52 * 1.609344, 2)


def test_a_csv_of_another_layout_is_refused():
    with pytest.raises(ActivityFileError, match=r"not a Strava activities\.csv or a Garmin Connect"):
        read("not-an-export.csv")


# -------------------------------------------------------------------- broken files


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("empty.fit", "empty"),
        ("garbage.fit", "not a FIT file"),
        ("gpx-named.fit", "looks like a GPX file: rename it to .gpx"),
        ("truncated.gpx", "not a readable GPX file"),
        ("truncated.tcx", "not a readable TCX file"),
        ("tcx-saved-as.gpx", r"root element is <TrainingCenterDatabase>\) \(it looks like a TCX file: rename it"),
        ("error-page.gpx", "root element is <html>.*web page.*download it again"),
    ],
)
def test_broken_files_say_why(name, message):
    with pytest.raises(ActivityFileError, match=message):
        read(name)


def test_a_gzipped_file_that_expands_past_the_limit_is_refused_unread(tmp_path):
    from runstrong.io.activity_base import MAX_ACTIVITY_BYTES

    path = tmp_path / "bomb.gpx.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:  # zeros: ~1 MB on disk per GB expanded
        for _ in range(MAX_ACTIVITY_BYTES // (1 << 20) + 2):
            out.write(bytes(1 << 20))
    assert path.stat().st_size < MAX_ACTIVITY_BYTES / 500
    with pytest.raises(ActivityFileError, match="larger than 64 MB once decompressed"):
        read_activity_file(path)


def test_an_unknown_extension_is_not_an_activity_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("ran 5k")
    with pytest.raises(ActivityFileError, match="not an activity file"):
        read_activity_file(path)
    assert find_activity_files([tmp_path]) == []


# ------------------------------------------------------------- types and sports


RULES = import_rules(load_context())


@pytest.mark.parametrize(
    ("name", "minutes", "expected"),
    [
        ("Morning Run", 45, "easy"),
        ("Morning Run", 105, "long"),
        ("6x800 intervals", 50, "intervals"),
        ("Intervals, 6x800", 55, "intervals"),
        ("10 x 400m on the track", 50, "intervals"),
        ("Fractionné 10x400", 50, "intervals"),
        ("Tempo Tuesday", 45, "tempo"),
        ("Schwellenlauf", 50, "tempo"),
        ("Parkrun #412", 21, "race"),
        ("Berlin Marathon", 190, "race"),
        ("Marathon pace tempo", 70, "tempo"),
        ("Sunday long run", 95, "long"),
        ("Sortie longue", 100, "long"),
        ("Easy shakeout", 30, "easy"),
        ("Longford easy loop", 40, "easy"),
        ("Course à pied le midi", 50, "easy"),  # French "running", not a race
    ],
)
def test_the_run_type_is_guessed_from_the_name_then_the_duration(name, minutes, expected):
    assert guess_run_type(name, minutes, RULES) == RunType(expected)


def _activity(sport: str, minutes: float = 40, km: float | None = 8.0, name: str | None = None) -> Activity:
    return Activity(
        origin="x", source="x", sport=sport, local_date=dt.date(2024, 6, 1), seconds=minutes * 60,
        distance_m=None if km is None else km * 1000, name=name,
    )  # fmt: skip


def test_only_running_becomes_a_run_unless_cross_training_is_asked_for():
    assert classify_activity(_activity("Trail Running"), RULES).run_type == RunType.easy
    assert classify_activity(_activity("treadmill_running"), RULES).run_type == RunType.easy
    ride = classify_activity(_activity("Ride", km=30), RULES)
    assert ride.run_type is None and "--cross-training" in ride.reason
    assert classify_activity(_activity("Ride", km=30), RULES, cross_training=True).run_type == RunType.cross_train
    assert classify_activity(_activity("Weight Training", km=None), RULES, cross_training=True).run_type is None


def test_a_file_without_a_sport_is_a_run_at_a_runners_pace():
    assert classify_activity(_activity("", minutes=40, km=9), RULES).run_type == RunType.easy
    assert classify_activity(_activity("Other", minutes=100, km=13.4), RULES).run_type == RunType.long
    fast = classify_activity(_activity("", minutes=30, km=20), RULES)
    assert fast.run_type is None and "a ride" in fast.reason


@pytest.mark.parametrize(
    ("sport", "minutes", "km", "said"),
    [
        ("", 8.5, 2.7, "19 km/h on average, a ride (or a drive)"),  # a car through town, 2.7 km
        ("", 60, 4.7, "4.7 km/h on average, a walking or hiking pace"),  # 1.3 m/s
        ("Other", 143.85, 13.423, "5.6 km/h on average, a walking or hiking pace"),  # the tcx2gpx file
        ("", 45, 60, "80 km/h on average, a drive"),
    ],
)
def test_an_activity_without_a_sport_at_no_runners_pace_is_left_out_and_named(sport, minutes, km, said):
    decision = classify_activity(_activity(sport, minutes=minutes, km=km), RULES)
    assert decision.run_type is None and said in decision.reason and "runstrong run add" in decision.reason


def test_the_real_hike_and_the_other_sport_tcx_are_not_imported_as_runs():
    files = [ACTIVITIES / "korita-zbevnica.gpx", ACTIVITIES / "tcx2gpx-2019-10-20.tcx"]
    report = import_files(files, RunIndex(), today=TODAY)
    assert report.runs == [] and len(report.skipped) == 2
    assert all("walking or hiking pace" in s for s in report.skipped)


def test_a_run_stated_as_running_is_kept_whatever_its_pace():
    assert classify_activity(_activity("trail_running", minutes=120, km=9), RULES).run_type == RunType.long


def test_the_activity_data_file_refuses_a_label_listed_twice():
    numbers = {"long_run_minutes": 90, "min_run_kmh": 6, "max_run_kmh": 18, "drive_kmh": 40}
    data = {"import": numbers, "sports": {"run": ["Run"], "skip": ["run"]},
            "run_types": []}  # fmt: skip
    with pytest.raises(ActivityDataError, match="listed twice"):
        parse_import_rules(data)


# ---------------------------------------------------------------------- duplicates


def test_the_same_run_from_two_sources_is_found_by_start_time():
    start = dt.datetime(2024, 6, 2, 5, 42, 10)
    index = RunIndex.of([KnownRun(dt.date(2024, 6, 2), 49.2, 8.52, start, "strava:1")])
    assert index.duplicate_of(KnownRun(dt.date(2024, 6, 2), 49.0, 8.5, start + dt.timedelta(minutes=3), "fit:a"))
    assert not index.duplicate_of(KnownRun(dt.date(2024, 6, 2), 49.0, 8.5, start + dt.timedelta(hours=9), "fit:b"))
    assert not index.duplicate_of(KnownRun(dt.date(2024, 6, 2), 25.0, 4.0, start, "fit:c"))  # a different run
    assert index.duplicate_of(KnownRun(dt.date(2030, 1, 1), 1.0, None, None, "strava:1"))  # the same export row


def test_a_run_logged_by_hand_that_day_counts_as_the_same_run():
    index = RunIndex.of([KnownRun(dt.date(2024, 6, 2), 50.0, 8.5)])
    assert "logged by hand" in index.duplicate_of(KnownRun(dt.date(2024, 6, 2), 49.2, 8.52, dt.datetime(2024, 6, 2, 5)))
    assert index.duplicate_of(KnownRun(dt.date(2024, 6, 3), 49.2, 8.52, dt.datetime(2024, 6, 3, 5))) is None


# -------------------------------------------------------------------------- import


def test_an_import_keeps_runs_once_and_says_what_it_left_out(tmp_path):
    for name in ("strava-activities.csv", "garmin-activities.csv", "hr-laps.tcx", "truncated.gpx", "route.gpx"):
        shutil.copy(ACTIVITIES / name, tmp_path / name)
    report = import_files(find_activity_files([tmp_path]), RunIndex(), today=TODAY, tz=BERLIN)
    by_day = {(r.date.isoformat(), r.source.split(":")[0]): r for r in report.runs}
    assert by_day["2024-06-04", "strava"].type == RunType.intervals  # "6x800 intervals"
    assert by_day["2024-06-06", "strava"].type == RunType.tempo  # "Tempo Tuesday (moved)"
    assert by_day["2024-06-16", "strava"].type == RunType.race  # "Parkrun #412"
    assert by_day["2024-05-25", "tcx"].avg_hr == 154
    assert by_day["2024-05-25", "tcx"].note == "Long run with fast finish"  # the TCX's Notes: the runner's words
    assert [r.note for r in report.runs if not r.source.startswith("tcx")] == [None] * 7  # titles are not notes
    # Garmin's and Strava's lists both hold the runs of 2 and 9 June (same start): kept once
    assert ("2024-06-02", "garmin-csv") in by_day and ("2024-06-02", "strava") not in by_day
    assert by_day["2024-06-09", "garmin-csv"].type == RunType.long
    assert len(report.duplicates) == 2 and all("the same run as" in d for d in report.duplicates)
    assert any("truncated.gpx" in b for b in report.broken) and any("row 9" in b for b in report.broken)
    assert any(s.startswith("route.gpx") for s in report.skipped)
    assert any("Ride" in s for s in report.skipped) and any("Weight Training" in s for s in report.skipped)
    assert all(r.source and r.started_at and r.started_at.tzinfo is None for r in report.runs)


def test_a_future_run_from_a_wrong_clock_is_reported(tmp_path):
    path = fit_file(tmp_path, "future.fit", fit_run(dt.datetime(2031, 1, 1, 8, tzinfo=UTC), 30, 6.0))
    report = import_files([path], RunIndex(), today=TODAY)
    assert report.runs == [] and "in the future" in report.broken[0]


def test_a_second_import_into_the_store_adds_nothing(tmp_path):
    from sqlalchemy import func, select

    from runstrong.store.activity_import import insert_runs, run_index
    from runstrong.store.db import open_store
    from runstrong.store.tables import Athlete, RunRow

    store = open_store(str(tmp_path / "diary.db"), dt.datetime(2026, 1, 1))
    with store.write() as s:
        ann = Athlete(name="Ann", units="metric", created_at=dt.datetime(2026, 1, 1))
        s.add(ann)
        s.flush()
        aid = ann.id
    files = [ACTIVITIES / "strava-activities.csv", ACTIVITIES / "hr-track.gpx"]
    with store.read() as s:
        first = import_files(files, run_index(s, aid), today=TODAY, tz=BERLIN)
    with store.write() as s:
        assert insert_runs(s, aid, first.runs) == 6
    with store.read() as s:
        again = import_files(files, run_index(s, aid), today=TODAY, tz=BERLIN)
        stored = s.scalar(select(func.count()).select_from(RunRow))
    store.close()
    assert (again.runs, len(again.duplicates), stored) == ([], 6, 6)


def test_a_diary_csv_written_before_run_import_still_reads(tmp_path):
    from runstrong.io.diary_files import parse_csv

    folder = tmp_path / "old-export"
    folder.mkdir()
    (folder / "runs.csv").write_text(
        "athlete,date,type,minutes,distance_km,rpe,leg_feel,tightness,form_note,note\r\n"
        "Ann,2026-01-03,easy,45.0,8.2,3.0,4,,,felt fine\r\n"
    )
    [run] = parse_csv(folder, TODAY)["Ann"]["runs"]
    assert (run.minutes, run.note, run.started_at, run.source) == (45.0, "felt fine", None, None)


def test_an_imported_start_is_exported_with_its_utc_marker_and_reads_back_the_same():
    from runstrong.io.diary_files import _cell

    [run] = import_files([ACTIVITIES / "hr-track.gpx"], RunIndex(), today=TODAY).runs
    assert run.model_dump(mode="json")["started_at"].endswith("Z")
    assert _cell(run.started_at).endswith("Z")
    again = type(run).model_validate_json(run.model_dump_json(), context={"today": TODAY})
    assert again.started_at == run.started_at


# ------------------------------------------------------------- strength from the watch


def test_a_watch_strength_activity_gives_its_sets_rest_sets_apart(library):
    from runstrong.core.watch_strength import diary_sets
    from tests.data.watch_strength import free_strength

    data = free_strength(
        dt.datetime(2025, 3, 3, 17, tzinfo=UTC),
        [{"category": "squat", "name": "goblet_squat", "reps": 10, "weight": 16.0},
         {"category": "squat", "name": "goblet_squat", "reps": 10, "weight": 20.0, "unit": "pound"},
         {"category": "bench_press", "name": "barbell_bench_press", "reps": 8, "weight": 40.0}],
    )  # fmt: skip
    [activity] = read_activity_file(Path("strength.fit"), data=data, tz=UTC).activities
    workout = activity.strength
    assert (activity.sport, workout.day, len(workout.sets)) == ("training", dt.date(2025, 3, 3), 6)
    assert [s.active for s in workout.sets] == [True, False] * 3
    sets = diary_sets(workout, None, library)
    assert [(s.exercise_id, s.reps, s.load_kg) for s in sets] == [
        ("goblet_squat", 10, 16.0),
        ("goblet_squat", 10, 20.0),  # FIT weights are kg whatever unit the watch shows
        ("garmin_bench_press_barbell_bench_press", 8, 40.0),  # no library exercise: kept, named
    ]


def test_a_strength_activity_is_not_a_run_but_a_session_to_log(tmp_path):
    from tests.data.watch_strength import free_strength

    data = free_strength(
        dt.datetime(2025, 3, 3, 17, tzinfo=UTC), [{"category": "plank", "name": "plank", "seconds": 45}]
    )
    path = fit_file(tmp_path, "strength.fit", data)
    report = import_files([path], RunIndex(), today=TODAY)
    assert report.runs == [] and report.skipped == [] and len(report.strength) == 1
    [item] = report.strength[0].strength.sets[:1]
    assert (item.category, item.exercise, item.seconds, item.reps) == ("plank", "plank", 45.0, None)


def test_the_session_a_workout_was_sent_as_is_read_from_its_name():
    from runstrong.core.watch_strength import sent_as

    assert sent_as("P-chain 30 Dec W1 A", dt.date(2027, 1, 2)) == (dt.date(2026, 12, 30), "A")
    assert sent_as("runstrong W3 B core stability", dt.date(2027, 1, 2)) == (dt.date(2027, 1, 2), "B")
    assert sent_as("Leg day", dt.date(2027, 1, 2)) is None


# ------------------------------------------------------------------------ archives


def test_a_garmin_connect_export_reads_the_activity_files_in_its_inner_zips():
    import io
    import zipfile

    from runstrong.io.archive import import_archive, open_archive

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        for n in range(2):
            z.writestr(f"ann@example.com_{n}.fit", fit_run(dt.datetime(2024, 6, 1 + n, 6, tzinfo=UTC), 40, 8.0))
        z.writestr("ann@example.com_9.gpx", (ACTIVITIES / "hr-track.gpx").read_bytes())
    outer = io.BytesIO()
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("DI_CONNECT/DI-Connect-Fitness/ann_0_summarizedActivities.json", "[]")
        z.writestr("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", inner.getvalue())
    report = import_archive(open_archive(outer), RunIndex(), today=TODAY, tz=UTC)
    assert (report.files, len(report.runs), report.broken) == (4, 3, [])  # three files and the list
    assert {r.date for r in report.runs} == {dt.date(2024, 6, 1), dt.date(2024, 6, 2), dt.date(2024, 5, 20)}


def test_a_decompression_bomb_in_an_archive_is_named_and_the_rest_imported():
    import io
    import zipfile

    from runstrong.io.activity_base import MAX_ACTIVITY_BYTES
    from runstrong.io.archive import import_archive, open_archive
    from tests.data.strava_archive import strava_archive

    buffer = io.BytesIO()
    contents = strava_archive(buffer, 6, broken_every=0)
    bomb = gzip.compress(bytes(MAX_ACTIVITY_BYTES + 1), compresslevel=9)
    with zipfile.ZipFile(buffer, "a") as z:
        z.writestr("activities/999.gpx.gz", bomb)
    report = import_archive(open_archive(buffer), RunIndex(), today=TODAY, tz=UTC)
    assert len(report.runs) == contents.runs
    [broken] = report.broken
    assert broken.startswith("activities/999.gpx.gz: larger than 64 MB once decompressed")


def test_an_export_zipped_again_inside_a_folder_still_matches_rows_to_files():
    import io
    import zipfile

    from runstrong.io.archive import import_archive, open_archive
    from tests.data.strava_archive import strava_archive

    plain = io.BytesIO()
    contents = strava_archive(plain, 12, broken_every=0)
    nested = io.BytesIO()
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(nested, "w") as target:
        for info in source.infolist():
            target.writestr(f"export_42/{info.filename}", source.read(info))
    report = import_archive(open_archive(nested), RunIndex(), today=TODAY, tz=UTC)
    assert len(report.runs) == contents.runs and report.duplicates == []
    assert all(r.source.startswith("strava:") for r in report.runs)  # each file read with its row
