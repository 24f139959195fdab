"""Accepted weekly reviews are kept: the week, the plan versions before and after, and the
review itself (metrics, flags, decisions) as JSON, for the dashboard and for coaches.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("week_start", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("plan_version_before", sa.Integer, nullable=False),
        sa.Column("plan_version_after", sa.Integer, nullable=False),
        sa.Column("data", sa.Text, nullable=False),
        sa.UniqueConstraint("athlete_id", "week_start"),
    )


def downgrade() -> None:
    op.drop_table("reviews")
