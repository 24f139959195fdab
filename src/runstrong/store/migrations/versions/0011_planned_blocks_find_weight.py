"""A stored planned block says whether its load is an estimate the runner checks
(`find_weight`), so `today` and the session page ask them to find their weight only then:
not for a load from their own sets, nor for one that stops at the heaviest their kit makes.

This fills it in from each plan's own blocks and reasons, matched by date in stored order
(as 0010 does). Plans stored before the kit's ceiling had a rule of its own said so in a
`load-rounding` reason ("... the load stops there"); that reads as the ceiling too.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# runstrong.core.diary.ESTIMATE_RULES when this was written (a migration keeps its own copy)
ESTIMATE_RULES = {"starting-load-estimate", "cross-lift-start"}


def upgrade() -> None:
    con = op.get_bind()
    for plan_id, text in _plans(con):
        by_day = _flags_by_day(json.loads(text))
        for item_id, data in _items(con, plan_id):
            item = json.loads(data)
            queue = by_day.get(item["date"])
            flags = queue.pop(0) if queue else []
            blocks = [{**b, "find_weight": n < len(flags) and flags[n]} for n, b in enumerate(item["blocks"])]
            _write(con, item_id, {**item, "blocks": blocks})


def downgrade() -> None:
    con = op.get_bind()
    for plan_id, _ in _plans(con):
        for item_id, data in _items(con, plan_id):
            item = json.loads(data)
            blocks = [{k: v for k, v in b.items() if k != "find_weight"} for b in item["blocks"]]
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


def _flags_by_day(plan: dict) -> dict[str, list[list[bool]]]:
    """For each day, its sessions' blocks' find-weight flags, in the plan's order."""
    out: dict[str, list[list[bool]]] = defaultdict(list)
    for week in plan.get("weeks", []):
        for session in week.get("sessions", []):
            out[session["date"]].append([_finds_weight(b) for b in session.get("blocks", [])])
    return out


def _finds_weight(block: dict) -> bool:
    reasons = block.get("reasons", [])
    cited = {r.get("rule_id") for r in reasons}
    capped = "kit-heaviest" in cited or any(
        r.get("rule_id") == "load-rounding" and "the load stops there" in r.get("text", "") for r in reasons
    )
    return bool(cited & ESTIMATE_RULES) and not capped


def _write(con: sa.Connection, item_id: int, item: dict) -> None:
    text = json.dumps(item, separators=(",", ":"), ensure_ascii=False)
    con.execute(sa.text("UPDATE planned_items SET data = :data WHERE id = :id"), {"data": text, "id": item_id})
