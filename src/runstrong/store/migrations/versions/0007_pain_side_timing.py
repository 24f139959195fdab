"""Pain reports carry a side, when the pain was felt and what provoked it (all optional:
reports written before this revision keep them empty and still read).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

COLUMNS = (("side", 8), ("when", 16), ("provoked_by", 64))


def upgrade() -> None:
    with op.batch_alter_table("pain_reports") as batch:
        for name, length in COLUMNS:
            batch.add_column(sa.Column(name, sa.String(length), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("pain_reports") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
