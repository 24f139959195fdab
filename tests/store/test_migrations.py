"""The schema comes from the migrations, and a database of the first schema upgrades
with its data intact (and, for SQLite, a backup beside it)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
import sqlalchemy as sa

from runstrong.errors import UserError
from runstrong.store import db as dbmod
from runstrong.store.tables import metadata

NOW = dt.datetime(2027, 1, 5, 7, 15)


def test_the_head_revision_constant_matches_the_migration_scripts():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(dbmod.alembic_config())
    assert script.get_current_head() == dbmod.HEAD_REVISION
    assert [r.revision for r in script.walk_revisions()][-1] == "0001"


def test_a_new_database_is_migrated_to_exactly_the_models_schema(empty_db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    store = dbmod.open_store(empty_db_url, NOW)
    try:
        assert store.migration is not None and store.migration.from_revision is None
        assert dbmod.current_revision(store.engine) == dbmod.HEAD_REVISION
        with store.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), metadata)
        assert diff == []
    finally:
        store.close()


def test_opening_a_current_database_migrates_nothing(empty_db_url):
    dbmod.open_store(empty_db_url, NOW).close()
    again = dbmod.open_store(empty_db_url, NOW)
    assert again.migration is None
    again.close()


FIRST_SCHEMA_ROWS = """
INSERT INTO athletes (id, name, units, created_at) VALUES (1, 'Ann', 'metric', '2026-01-01 08:00:00');
INSERT INTO session_logs (id, athlete_id, date, minutes, session_rpe) VALUES (1, 1, '2026-01-02', 35, 6.5);
INSERT INTO set_logs (session_log_id, exercise_id, set_number, reps, load_kg, rpe)
  VALUES (1, 'romanian_deadlift', 1, 8, 40.0, 7.0), (1, 'romanian_deadlift', 2, 8, 42.5, 7.5);
INSERT INTO runs (athlete_id, date, type, minutes, distance_km, rpe, leg_feel, note)
  VALUES (1, '2026-01-03', 'easy', 45.0, 8.2, 3.0, 4, 'felt fine');
INSERT INTO wellness (athlete_id, date, mood, sleep_hours) VALUES (1, '2026-01-03', 4, 7.5);
"""


def _database_at_first_schema(url: str) -> None:
    engine = dbmod.make_engine(url)
    dbmod.upgrade(engine, "0001")
    with engine.begin() as conn:
        for statement in FIRST_SCHEMA_ROWS.split(";"):
            if statement.strip():
                conn.exec_driver_sql(statement)
    assert dbmod.current_revision(engine) == "0001"
    engine.dispose()


def test_a_first_schema_database_upgrades_with_every_row_kept(empty_db_url):
    from runstrong.store import repo, transfer

    _database_at_first_schema(empty_db_url)
    store = dbmod.open_store(empty_db_url, NOW)
    try:
        assert store.migration is not None
        assert (store.migration.from_revision, store.migration.to_revision) == ("0001", dbmod.HEAD_REVISION)
        with store.read() as s:
            ann = repo.find_athlete(s, "Ann")
            diary = transfer.export_athlete(s, ann.id)
        assert [(x.reps, x.load_kg, x.rpe) for x in diary.sessions[0].sets] == [(8, 40.0, 7.0), (8, 42.5, 7.5)]
        assert diary.sessions[0].session_rpe == 6.5
        run = diary.runs[0]
        assert (run.distance_km, run.leg_feel, run.note, run.tightness, run.form_note) == (
            8.2,
            4,
            "felt fine",
            None,
            None,
        )
        assert diary.wellness[0].mood == 4
        indexes = {ix["name"] for ix in sa.inspect(store.engine).get_indexes("set_logs")}
        assert "ix_set_logs_exercise_id" in indexes
    finally:
        store.close()


def test_the_sqlite_file_is_backed_up_before_a_migration(tmp_path):
    path = tmp_path / "diary.db"
    _database_at_first_schema(f"sqlite:///{path}")
    store = dbmod.open_store(str(path), NOW)
    store.close()
    backup = store.migration.backup
    assert backup is not None and backup.name == "diary.db.0001-backup-20270105T071500"
    with sqlite3.connect(backup) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert old.execute("SELECT count(*) FROM set_logs").fetchone() == (2,)
        assert old.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_no_backup_is_made_for_a_new_database(tmp_path):
    store = dbmod.open_store(str(tmp_path / "new.db"), NOW)
    store.close()
    assert store.migration.backup is None
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == []


def test_migrations_go_down_to_the_first_schema_and_up_again(tmp_path):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'diary.db'}"
    dbmod.open_store(url, NOW).close()
    engine = dbmod.make_engine(url, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(dbmod.alembic_config(conn), "0001")
    assert "tightness" not in {c["name"] for c in sa.inspect(engine).get_columns("runs")}
    engine.dispose()
    store = dbmod.open_store(url, NOW)
    assert store.migration.from_revision == "0001"
    assert "tightness" in {c["name"] for c in sa.inspect(store.engine).get_columns("runs")}
    store.close()


def test_a_diary_from_a_newer_runstrong_is_refused(tmp_path):
    path = tmp_path / "diary.db"
    dbmod.open_store(str(path), NOW).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(UserError, match=r"^db: .*newer runstrong"):
        dbmod.open_store(str(path), NOW)


def test_a_database_that_is_not_a_diary_is_left_alone(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (id integer primary key)")
    with pytest.raises(UserError, match=r"^db: .*not a runstrong diary"):
        dbmod.open_store(str(path), NOW)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("recipes",)]


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    store = dbmod.open_store(str(tmp_path / "diary.db"), NOW)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == dbmod.BUSY_TIMEOUT_MS
    store.close()


def test_the_database_comes_from_the_option_then_the_environment_then_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("RUNSTRONG_DB", str(tmp_path / "env.db"))
    assert dbmod.resolve_url(str(tmp_path / "flag.db")).endswith("flag.db")
    assert dbmod.resolve_url(None).endswith("env.db")
    assert dbmod.resolve_url("postgresql+psycopg://u:p@h/d") == "postgresql+psycopg://u:p@h/d"
    monkeypatch.delenv("RUNSTRONG_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert dbmod.resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'runstrong' / 'diary.db'}"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nosuchdb://x/y", "no driver"),
        ("postgresql+psycopg://nobody:wrong@127.0.0.1:1/none", "cannot use"),
    ],
)
def test_a_bad_database_url_is_a_user_error_naming_db(url, message):
    with pytest.raises(UserError, match=rf"^db: .*{message}"):
        dbmod.open_store(url, NOW)


def test_runs_gain_the_import_fields_empty_and_lose_them_on_downgrade(tmp_path):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'diary.db'}"
    engine = dbmod.make_engine(url)
    dbmod.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.exec_driver_sql(FIRST_SCHEMA_ROWS.split(";")[0])
        conn.exec_driver_sql(
            "INSERT INTO runs (athlete_id, date, type, minutes, tightness) VALUES (1, '2026-01-03', 'long', 95.0, 2)"
        )
    engine.dispose()
    store = dbmod.open_store(url, NOW)
    assert store.migration.from_revision == "0002"
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT minutes, tightness, started_at, avg_hr, max_hr, source FROM runs").one()
    assert tuple(row) == (95.0, 2, None, None, None, None)
    store.close()
    engine = dbmod.make_engine(url, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(dbmod.alembic_config(conn), "0002")
    columns = {c["name"] for c in sa.inspect(engine).get_columns("runs")}
    assert "tightness" in columns and not columns & {"started_at", "avg_hr", "max_hr", "source"}
    engine.dispose()


def test_pain_reports_from_before_sides_open_with_side_timing_and_cause_empty(empty_db_url):
    from runstrong.store import diary_window, repo, transfer

    engine = dbmod.make_engine(empty_db_url)
    dbmod.upgrade(engine, "0006")
    with engine.begin() as conn:
        conn.exec_driver_sql(FIRST_SCHEMA_ROWS.split(";")[0])
        conn.exec_driver_sql(
            "INSERT INTO pain_reports (athlete_id, date, area, score, note) "
            "VALUES (1, '2026-01-03', 'knee', 4, 'stairs')"
        )
    engine.dispose()
    store = dbmod.open_store(empty_db_url, NOW)
    try:
        assert store.migration.from_revision == "0006"
        with store.read() as s:
            ann = repo.find_athlete(s, "Ann")
            exported = transfer.export_athlete(s, ann.id).pains
            window = diary_window.load_diary(s, ann.id, dt.date(2026, 1, 1), dt.date(2026, 1, 31)).pains
        for pain in (exported[0], window[0]):
            assert (pain.area, pain.score, pain.note) == ("knee", 4, "stairs")
            assert (pain.side, pain.when, pain.provoked_by) == (None, None, None)
    finally:
        store.close()


def test_pain_columns_go_on_downgrade_and_come_back_on_upgrade(tmp_path):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'diary.db'}"
    dbmod.open_store(url, NOW).close()
    engine = dbmod.make_engine(url, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(dbmod.alembic_config(conn), "0006")
    assert not {c["name"] for c in sa.inspect(engine).get_columns("pain_reports")} & {"side", "when", "provoked_by"}
    engine.dispose()
    store = dbmod.open_store(url, NOW)
    assert store.migration.from_revision == "0006"
    assert {"side", "when", "provoked_by"} <= {c["name"] for c in sa.inspect(store.engine).get_columns("pain_reports")}
    store.close()


def test_planned_blocks_stored_before_held_by_gain_it_from_their_plan_and_lose_it_on_downgrade(empty_db_url):
    """Migration 0010: a light day stored before `held_by` was kept is light after the upgrade."""
    from alembic import command

    from runstrong.flows.base import Clock
    from runstrong.flows.profile import store_profile
    from runstrong.io.profile_file import load_profile
    from tests.core.test_coach_reads import RUNNERS

    def items() -> list[str]:
        with store.engine.connect() as conn:
            return [
                d
                for (d,) in conn.execute(sa.text("SELECT data FROM planned_items WHERE kind = 'strength' ORDER BY id"))
            ]

    store = dbmod.open_store(empty_db_url, NOW)
    store_profile(store, load_profile(RUNNERS / "tuesday_long_run.toml"), Clock(NOW, NOW.date()))
    stored = items()
    assert any('"held_by":"light-before-key-runs"' in d for d in stored)
    engine = dbmod.make_engine(empty_db_url, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(dbmod.alembic_config(conn), "0009")
    engine.dispose()
    assert not any("held_by" in d for d in items())
    store.close()
    store = dbmod.open_store(empty_db_url, NOW)
    try:
        assert store.migration.from_revision == "0009"
        assert [json.loads(d) for d in items()] == [json.loads(d) for d in stored]
    finally:
        store.close()


def test_planned_blocks_stored_before_find_weight_gain_it_from_their_plan_and_lose_it_on_downgrade(empty_db_url):
    """Migration 0011: after the upgrade, `today` asks to find the weight where the plan did,
    also for a plan stored when the kit's ceiling was said under load-rounding."""
    from alembic import command

    from runstrong.flows.base import Clock
    from runstrong.flows.profile import store_profile
    from runstrong.io.profile_file import load_profile
    from tests.core.test_coach_reads import RUNNERS

    def items() -> list[str]:
        with store.engine.connect() as conn:
            return [
                d
                for (d,) in conn.execute(sa.text("SELECT data FROM planned_items WHERE kind = 'strength' ORDER BY id"))
            ]

    def as_before_the_ceiling_rule(conn: sa.Connection) -> None:
        """The plans as runstrong wrote them before kit-heaviest: the ceiling's reason under load-rounding."""
        plans = conn.execute(sa.text("SELECT id, data FROM plans")).all()
        assert any('"rule_id":"kit-heaviest"' in data for _, data in plans)
        for plan_id, data in plans:
            old = data.replace('"rule_id":"kit-heaviest"', '"rule_id":"load-rounding"')
            conn.execute(sa.text("UPDATE plans SET data = :d WHERE id = :i"), {"d": old, "i": plan_id})

    def as_then(item: dict) -> dict:
        """A stored item as a plan of 0011's time flagged it: no weight to find at the kit's
        heaviest (an estimate there is found since cr20a #4; the migration keeps its time's rule)."""
        blocks = [{**b, "find_weight": b["find_weight"] and not at_top(item["date"], b)} for b in item["blocks"]]
        return {**item, "blocks": blocks}

    def at_top(day: str, block: dict) -> bool:
        return (day, block["exercise_id"]) in capped

    store = dbmod.open_store(empty_db_url, NOW)
    profile = load_profile(RUNNERS / "light_dumbbells_half_thursday.toml")
    store_profile(store, profile, Clock(NOW, NOW.date()))
    stored = items()
    with store.engine.connect() as conn:  # the plan's blocks whose reasons say the kit's heaviest stops them
        plans = [json.loads(d) for (d,) in conn.execute(sa.text("SELECT data FROM plans"))]
    capped = {
        (x["date"], b["exercise_id"])
        for plan in plans
        for w in plan["weeks"]
        for x in w["sessions"]
        for b in x["blocks"]
        # as a plan of 0011's time said the ceiling; the reserve a load at the kit's top leaves (kitdose) came later
        if any(r["rule_id"] == "kit-heaviest" and "the load stops there" in r["text"] for r in b["reasons"])
    }
    assert capped
    blocks = [b for d in stored for b in as_then(json.loads(d))["blocks"] if b["prescription"]["load_kg"]]
    assert any(b["find_weight"] for b in blocks) and not all(b["find_weight"] for b in blocks)
    engine = dbmod.make_engine(empty_db_url, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(dbmod.alembic_config(conn), "0010")
        as_before_the_ceiling_rule(conn)
    engine.dispose()
    assert not any("find_weight" in d for d in items())
    store.close()
    store = dbmod.open_store(empty_db_url, NOW)
    try:
        assert store.migration.from_revision == "0010"
        assert [json.loads(d) for d in items()] == [as_then(json.loads(d)) for d in stored]
    finally:
        store.close()


def test_a_stored_deload_gains_its_hold_on_upgrade_and_loses_it_on_downgrade(empty_db_url):
    """Migration 0013: a deload (and the taper, the climb back after the race, a review's cut)
    stored before it held its load holds it after the upgrade, as a newly stored plan does."""
    from alembic import command

    from runstrong.flows.base import Clock
    from runstrong.flows.profile import store_profile
    from runstrong.io.profile_file import load_profile
    from tests.conftest import EXAMPLES

    def items() -> list[str]:
        with store.engine.connect() as conn:
            return [
                d
                for (d,) in conn.execute(sa.text("SELECT data FROM planned_items WHERE kind = 'strength' ORDER BY id"))
            ]

    store = dbmod.open_store(empty_db_url, NOW)
    store_profile(store, load_profile(EXAMPLES / "marathoner.toml"), Clock(NOW, NOW.date()))
    stored = items()
    assert any('"held_by":"planned-deloads"' in d for d in stored)
    store.close()
    engine = dbmod.make_engine(empty_db_url, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(dbmod.alembic_config(conn), "0012")
    engine.dispose()
    engine = dbmod.make_engine(empty_db_url, foreign_keys=False)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT data FROM planned_items WHERE kind = 'strength' ORDER BY id"))
        down = [d for (d,) in rows]
    engine.dispose()
    assert not any('"held_by":"planned-deloads"' in d for d in down)
    store = dbmod.open_store(empty_db_url, NOW)  # upgrades again
    try:
        assert [json.loads(d) for d in items()] == [json.loads(d) for d in stored]
    finally:
        store.close()


def test_a_stored_sessions_load_is_filled_in_on_upgrade_and_dropped_on_downgrade(empty_db_url):
    """Migration 0014: a session stored before it kept its load (heavy, moderate or light) gains
    the load the plan gives it, so `today` and the pages call a deload or a light day "light"."""
    from alembic import command

    from runstrong.flows.base import Clock
    from runstrong.flows.profile import store_profile
    from runstrong.io.profile_file import load_profile
    from tests.conftest import EXAMPLES

    def items() -> list[str]:
        with store.engine.connect() as conn:
            return [
                d
                for (d,) in conn.execute(sa.text("SELECT data FROM planned_items WHERE kind = 'strength' ORDER BY id"))
            ]

    store = dbmod.open_store(empty_db_url, NOW)
    store_profile(store, load_profile(EXAMPLES / "marathoner.toml"), Clock(NOW, NOW.date()))
    stored = items()
    assert {json.loads(d)["load"] for d in stored} == {"heavy", "moderate", "light"}
    store.close()
    engine = dbmod.make_engine(empty_db_url, foreign_keys=False)
    with engine.begin() as conn:
        command.downgrade(dbmod.alembic_config(conn), "0013")
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT data FROM planned_items WHERE kind = 'strength' ORDER BY id"))
        assert not any("load" in json.loads(d) for (d,) in rows)
    engine.dispose()
    store = dbmod.open_store(empty_db_url, NOW)  # upgrades again
    try:
        assert [json.loads(d) for d in items()] == [json.loads(d) for d in stored]
    finally:
        store.close()
