"""A completed week's flags in a coach's words, per athlete and week, so the roster's Flags
column shows last week's flags for every athlete whether or not a review was stored (cr26a
F9). The flows keep a row in the transaction of a change that touches its week; the primary
key (athlete, week) makes a retried write replace the row, never add a second.

No backfill here (the flags come from a review, which needs the planning data a migration
does not load): the first roster that shows an athlete without a row works it out, once.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "week_flags",
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("week_start", sa.Date, primary_key=True),
        sa.Column("stamp", sa.String(200), nullable=False),
        sa.Column("data_stamp", sa.Text, nullable=False),
        sa.Column("flags", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("week_flags")
