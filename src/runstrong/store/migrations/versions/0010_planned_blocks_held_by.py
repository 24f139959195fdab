"""A stored planned block says which rule holds its load down (`held_by`: a light day before a
key run, the taper), so the loads shown from the log never raise it past the plan.

The planned items of plans stored before keep working without it (a missing flag reads as
none); this fills it in from each plan's own blocks and reasons, so a light day already
planned stays light. Items are matched to the plan's sessions by date, in stored order.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# runstrong.core.diary.HOLDING_RULES when this was written (a migration keeps its own copy)
HOLDING_RULES = ("light-before-key-runs", "taper")


def upgrade() -> None:
    con = op.get_bind()
    for plan_id, text in _plans(con):
        by_day = _holds_by_day(json.loads(text))
        for item_id, data in _items(con, plan_id):
            item = json.loads(data)
            queue = by_day.get(item["date"])
            holds = queue.pop(0) if queue else []
            blocks = [{**b, "held_by": holds[n] if n < len(holds) else None} for n, b in enumerate(item["blocks"])]
            _write(con, item_id, {**item, "blocks": blocks})


def downgrade() -> None:
    con = op.get_bind()
    for plan_id, _ in _plans(con):
        for item_id, data in _items(con, plan_id):
            item = json.loads(data)
            blocks = [{k: v for k, v in b.items() if k != "held_by"} for b in item["blocks"]]
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


def _holds_by_day(plan: dict) -> dict[str, list[list[str | None]]]:
    """For each day, its sessions' blocks' holding rules, in the plan's order."""
    out: dict[str, list[list[str | None]]] = defaultdict(list)
    for week in plan.get("weeks", []):
        for session in week.get("sessions", []):
            out[session["date"]].append([_holding(b) for b in session.get("blocks", [])])
    return out


def _holding(block: dict) -> str | None:
    cited = {r.get("rule_id") for r in block.get("reasons", [])}
    return next((r for r in HOLDING_RULES if r in cited), None)


def _write(con: sa.Connection, item_id: int, item: dict) -> None:
    text = json.dumps(item, separators=(",", ":"), ensure_ascii=False)
    con.execute(sa.text("UPDATE planned_items SET data = :data WHERE id = :id"), {"data": text, "id": item_id})
