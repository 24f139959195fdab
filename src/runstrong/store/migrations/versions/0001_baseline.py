"""Baseline: athletes, profiles, plan versions, planned items and the diary.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer, primary_key=True)


def _athlete() -> sa.Column:
    return sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "athletes",
        _id(),
        sa.Column("name", sa.String(80), nullable=False, unique=True),
        sa.Column("units", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "profiles",
        _id(),
        _athlete(),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.UniqueConstraint("athlete_id", "version"),
    )
    op.create_index(op.f("ix_profiles_athlete_id"), "profiles", ["athlete_id"])
    op.create_table(
        "plans",
        _id(),
        _athlete(),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("profile_id", sa.Integer, sa.ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("end_date", sa.Date, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.UniqueConstraint("athlete_id", "version"),
    )
    op.create_index(op.f("ix_plans_athlete_id"), "plans", ["athlete_id"])
    op.create_index(op.f("ix_plans_profile_id"), "plans", ["profile_id"])
    op.create_table(
        "planned_items",
        _id(),
        sa.Column("plan_id", sa.Integer, sa.ForeignKey("plans.id", ondelete="CASCADE"), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("label", sa.String(8)),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_planned_items_plan_id_date", "planned_items", ["plan_id", "date"])
    op.create_table(
        "assessments",
        _id(),
        _athlete(),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("results", sa.Text, nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_index(op.f("ix_assessments_athlete_id"), "assessments", ["athlete_id"])
    op.create_table(
        "session_logs",
        _id(),
        _athlete(),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("plan_version", sa.Integer),
        sa.Column("planned_date", sa.Date),
        sa.Column("planned_label", sa.String(8)),
        sa.Column("minutes", sa.Integer),
        sa.Column("session_rpe", sa.Float),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_session_logs_athlete_id_date", "session_logs", ["athlete_id", "date"])
    op.create_table(
        "set_logs",
        _id(),
        sa.Column("session_log_id", sa.Integer, sa.ForeignKey("session_logs.id", ondelete="CASCADE"), nullable=False),
        sa.Column("exercise_id", sa.String(80), nullable=False),
        sa.Column("set_number", sa.Integer, nullable=False),
        sa.Column("side", sa.String(8)),
        sa.Column("reps", sa.Integer),
        sa.Column("seconds", sa.Integer),
        sa.Column("contacts", sa.Integer),
        sa.Column("distance_m", sa.Float),
        sa.Column("load_kg", sa.Float),
        sa.Column("rpe", sa.Float),
        sa.Column("rir", sa.Integer),
        sa.Column("form_quality", sa.Integer),
        sa.Column("form_note", sa.Text),
    )
    op.create_index(op.f("ix_set_logs_session_log_id"), "set_logs", ["session_log_id"])
    op.create_table(
        "pain_reports",
        _id(),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("session_log_id", sa.Integer, sa.ForeignKey("session_logs.id", ondelete="CASCADE")),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("area", sa.String(32), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_pain_reports_athlete_id_date", "pain_reports", ["athlete_id", "date"])
    op.create_index(op.f("ix_pain_reports_session_log_id"), "pain_reports", ["session_log_id"])
    op.create_table(
        "wellness",
        _id(),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("sleep_hours", sa.Float),
        sa.Column("sleep_quality", sa.Integer),
        sa.Column("mood", sa.Integer),
        sa.Column("appetite", sa.Integer),
        sa.Column("soreness", sa.Integer),
        sa.Column("stress", sa.Integer),
        sa.Column("energy", sa.Integer),
        sa.Column("note", sa.Text),
        sa.UniqueConstraint("athlete_id", "date"),
    )
    op.create_table(
        "runs",
        _id(),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("minutes", sa.Float, nullable=False),
        sa.Column("distance_km", sa.Float),
        sa.Column("rpe", sa.Float),
        sa.Column("leg_feel", sa.Integer),
        sa.Column("note", sa.Text),
    )
    op.create_index("ix_runs_athlete_id_date", "runs", ["athlete_id", "date"])
    op.create_table(
        "notes",
        _id(),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_notes_athlete_id_date", "notes", ["athlete_id", "date"])


def downgrade() -> None:
    for table in (
        "notes",
        "runs",
        "wellness",
        "pain_reports",
        "set_logs",
        "session_logs",
        "assessments",
        "planned_items",
        "plans",
        "profiles",
        "athletes",
    ):
        op.drop_table(table)
