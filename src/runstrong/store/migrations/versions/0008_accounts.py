"""Server mode: who made each change (`changes.actor`), user accounts with roles, coach
assignments, API tokens, login failures (the rate limit, shared by every worker), the
audit log, and the coach's review queue.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("changes") as batch:
        batch.add_column(sa.Column("actor", sa.String(80), nullable=True))  # who made the change
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="SET NULL"), nullable=True),
        sa.Column("session_epoch", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("name"),
        sa.UniqueConstraint("athlete_id"),
    )
    op.create_table(
        "coach_athletes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("coach_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("coach_id", "athlete_id"),
    )
    op.create_index("ix_coach_athletes_athlete_id", "coach_athletes", ["athlete_id"])
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("token_hash"),
    )
    op.create_index("ix_api_tokens_user_id", "api_tokens", ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("account", sa.String(80), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
    )
    op.create_index("ix_login_failures_account", "login_failures", ["account"])
    op.create_index("ix_login_failures_address", "login_failures", ["address"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="SET NULL"), nullable=True),
        sa.Column("summary", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_log_athlete_id", "audit_log", ["athlete_id"])
    op.create_table(
        "review_settings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("mode", sa.String(16), nullable=False),
        sa.UniqueConstraint("athlete_id"),
    )
    op.create_table(
        "review_queue",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("week_start", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("edits", sa.Text, nullable=True),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("decided_by", sa.String(80), nullable=True),
        sa.Column("decided_at", sa.DateTime, nullable=True),
        sa.UniqueConstraint("athlete_id", "week_start"),
    )


def downgrade() -> None:
    for table in ("review_queue", "review_settings", "audit_log", "login_failures", "api_tokens", "coach_athletes"):
        op.drop_table(table)
    op.drop_table("users")
    with op.batch_alter_table("changes") as batch:
        batch.drop_column("actor")
