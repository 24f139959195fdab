"""Export -> import -> export gives back exactly what went in, over generated diaries,
through a real database (SQLite file; PostgreSQL when available), JSON and CSV."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from runstrong.core.diary import DiaryExport
from runstrong.io.diary_files import dump_json, entries_as_diary, parse_csv, parse_json, write_csv
from runstrong.store.transfer import delete_athlete, export_athlete, import_athlete, import_dated_entries
from tests.store.strategies import TODAY, athlete_diaries

DB_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@DB_SETTINGS
@given(diary=athlete_diaries())
def test_a_diary_survives_the_database_unchanged(store, diary):
    with store.write() as s:
        athlete_id = import_athlete(s, diary)
    with store.read() as s:  # a new session: every value is read back from the database
        again = export_athlete(s, athlete_id)
    with store.write() as s:
        delete_athlete(s, athlete_id)
    assert again == diary


@settings(max_examples=60, deadline=None)
@given(diary=athlete_diaries())
def test_the_json_export_reads_back_unchanged(diary):
    export = DiaryExport(athletes=[diary])
    assert parse_json(dump_json(export), "diary.json", TODAY) == export


@pytest.mark.parametrize("container", ["folder", "zip"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(diary=athlete_diaries())
def test_csv_keeps_every_dated_entry(tmp_path_factory, container, diary):
    target = tmp_path_factory.mktemp("csv") / ("diary.zip" if container == "zip" else "diary")
    write_csv(DiaryExport(athletes=[diary]), target, {})
    entries = parse_csv(target, TODAY)
    kinds = ("sessions", "pains", "wellness", "runs", "notes")
    expected = {k: getattr(diary, k) for k in kinds if getattr(diary, k)}
    assert {k: v for k, v in entries.get(diary.name, {}).items() if v} == expected


@DB_SETTINGS
@given(diary=athlete_diaries())
def test_csv_entries_go_into_the_database_and_come_back(store, diary):
    dated = entries_as_diary(
        diary.name,
        {k: getattr(diary, k) for k in ("sessions", "pains", "wellness", "runs", "notes")},
        diary.units,
        diary.created_at,
    )
    with store.write() as s:
        athlete_id, created = import_dated_entries(s, dated, replace=False, now=diary.created_at)
    with store.read() as s:
        again = export_athlete(s, athlete_id)
    with store.write() as s:
        delete_athlete(s, athlete_id)
    assert created and again == dated
