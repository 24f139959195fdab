"""The roster's stored flags: per athlete, the flags of the latest review (or of the one
waiting for a coach) and the week waiting, written by the flows in the transaction of the
change that moves them, so the coach's roster reads rows instead of running reviews.

No backfill here (a review needs the planning data, which a migration does not load): an
athlete without a row, or with one worked out for another diary state, day or data, gets
it worked out on the first roster that shows them, once (see `store/roster_flags`).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roster_flags",
        sa.Column("athlete_id", sa.Integer, sa.ForeignKey("athletes.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("stamp", sa.String(200), nullable=False),
        sa.Column("worked_out_on", sa.Date, nullable=False),
        sa.Column("data_stamp", sa.Text, nullable=False),
        sa.Column("waiting_week", sa.Date, nullable=True),
        sa.Column("flags", sa.Text, nullable=False),
        sa.Column("flags_waiting", sa.Boolean, nullable=False),
        sa.Column("plan_id", sa.Integer, nullable=True),  # the plan the facts below come from
        sa.Column("plan_facts", sa.Text, nullable=True),  # JSON: its weeks' (start, phase) and race
    )


def downgrade() -> None:
    op.drop_table("roster_flags")
