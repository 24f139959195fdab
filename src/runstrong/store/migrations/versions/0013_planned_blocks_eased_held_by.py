"""Eased doses hold their load: a stored planned block's `held_by` now names a deload, the
taper, the climb back after the race and a review's cut as well as a light day, so a set
logged at such a dose as planned neither lowers nor moves where the lift stands, and the
loads shown from the log never raise it past the plan.

Each plan's items get `held_by` again from the plan's own blocks and reasons, matched by
date in stored order (as 0010 did); the downgrade gives back 0010's narrower rules.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# runstrong.core.log_loads.HOLDING_RULES when this was written, and 0010's (a migration keeps its own copies)
HOLDING_RULES = ("light-before-key-runs", "taper", "planned-deloads", "review-deload", "review-reduce",
                 "maintenance-after-race")  # fmt: skip
BEFORE = ("light-before-key-runs", "taper")


def upgrade() -> None:
    _hold(HOLDING_RULES)


def downgrade() -> None:
    _hold(BEFORE)


def _hold(rules: tuple[str, ...]) -> None:
    con = op.get_bind()
    for plan_id, text in _plans(con):
        by_day = _holds_by_day(json.loads(text), rules)
        for item_id, data in _items(con, plan_id):
            item = json.loads(data)
            queue = by_day.get(item["date"])
            holds = queue.pop(0) if queue else []
            blocks = [{**b, "held_by": holds[n] if n < len(holds) else None} for n, b in enumerate(item["blocks"])]
            _write(con, item_id, {**item, "blocks": blocks})


def _plans(con: sa.Connection) -> Iterator[tuple[int, str]]:
    """Each plan's id and JSON, one at a time (a long diary keeps many versions)."""
    ids = [i for (i,) in con.execute(sa.text("SELECT id FROM plans ORDER BY id"))]
    for plan_id in ids:
        yield plan_id, con.execute(sa.text("SELECT data FROM plans WHERE id = :id"), {"id": plan_id}).scalar_one()


def _items(con: sa.Connection, plan_id: int) -> list[tuple[int, str]]:
    rows = con.execute(
        sa.text("SELECT id, data FROM planned_items WHERE plan_id = :plan AND kind = 'strength' ORDER BY id"),
        {"plan": plan_id},
    )
    return [(i, d) for i, d in rows]


def _holds_by_day(plan: dict, rules: tuple[str, ...]) -> dict[str, list[list[str | None]]]:
    """For each day, its sessions' blocks' holding rules, in the plan's order."""
    out: dict[str, list[list[str | None]]] = defaultdict(list)
    for week in plan.get("weeks", []):
        for session in week.get("sessions", []):
            out[session["date"]].append([_holding(b, rules) for b in session.get("blocks", [])])
    return out


def _holding(block: dict, rules: tuple[str, ...]) -> str | None:
    cited = {r.get("rule_id") for r in block.get("reasons", [])}
    return next((r for r in rules if r in cited), None)


def _write(con: sa.Connection, item_id: int, item: dict) -> None:
    text = json.dumps(item, separators=(",", ":"), ensure_ascii=False)
    con.execute(sa.text("UPDATE planned_items SET data = :data WHERE id = :id"), {"data": text, "id": item_id})
