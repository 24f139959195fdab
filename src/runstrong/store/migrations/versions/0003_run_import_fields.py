"""Runs imported from a watch or an app (`runstrong run import`) keep their start time,
heart rate and where they came from, so a second import can tell a run it already has.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("started_at", sa.DateTime))
        batch.add_column(sa.Column("avg_hr", sa.Integer))
        batch.add_column(sa.Column("max_hr", sa.Integer))
        batch.add_column(sa.Column("source", sa.String(80)))


def downgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("source")
        batch.drop_column("max_hr")
        batch.drop_column("avg_hr")
        batch.drop_column("started_at")
