"""Runs get tightness (0-10) and a running-form note; sets get an index by exercise
(for `runstrong history --by exercise`).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("runs") as batch:
        batch.add_column(sa.Column("tightness", sa.Integer))
        batch.add_column(sa.Column("form_note", sa.Text))
    op.create_index(op.f("ix_set_logs_exercise_id"), "set_logs", ["exercise_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_set_logs_exercise_id"), table_name="set_logs")
    with op.batch_alter_table("runs") as batch:
        batch.drop_column("form_note")
        batch.drop_column("tightness")
