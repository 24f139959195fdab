"""Every change a flow makes is kept: a per-athlete diary version (for "changed since you
opened it"), an append-only change log with the rows before and after each change (for
undo), and the idempotency keys of logs (so a double submit never logs twice).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("athletes") as batch:
        batch.add_column(sa.Column("diary_version", sa.Integer, nullable=False, server_default="0"))
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("undoes", sa.Integer),
        sa.Column("data", sa.Text),
        sa.UniqueConstraint("athlete_id", "version"),
    )
    op.create_table(
        "log_keys",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.UniqueConstraint("athlete_id", "key"),
    )


def downgrade() -> None:
    op.drop_table("log_keys")
    op.drop_table("changes")
    with op.batch_alter_table("athletes") as batch:
        batch.drop_column("diary_version")
