"""A stored planned session says how hard it is (`load`: heavy, moderate or light), so
`today`, the dashboard and the session page call a light day, a deload and the taper "light"
as the plan and the booklet do, instead of "moderate" for every session that is not heavy.

Each plan's items get `load` from the plan's own sessions and weeks, matched by date in stored
order (as 0010-0013 do); the downgrade drops it.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# runstrong.core.diary.session_load when this was written (a migration keeps its own copy)
LIGHT_PHASES = ("taper", "race_week")
LIGHT_RULE = "light-before-key-runs"


def upgrade() -> None:
    con = op.get_bind()
    for plan_id, text in _plans(con):
        by_day = _loads_by_day(json.loads(text))
        for item_id, data in _items(con, plan_id):
            item = json.loads(data)
            queue = by_day.get(item["date"])
            load = queue.pop(0) if queue else ("heavy" if item.get("heavy") else "moderate")
            _write(con, item_id, {**{k: v for k, v in item.items() if k != "load"}, "load": load})


def downgrade() -> None:
    con = op.get_bind()
    for plan_id, _ in _plans(con):
        for item_id, data in _items(con, plan_id):
            item = json.loads(data)
            _write(con, item_id, {k: v for k, v in item.items() if k != "load"})


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


def _loads_by_day(plan: dict) -> dict[str, list[str]]:
    """For each day, its sessions' loads, in the plan's order."""
    out: dict[str, list[str]] = defaultdict(list)
    for week in plan.get("weeks", []):
        light_week = bool(week.get("deload")) or week.get("phase") in LIGHT_PHASES
        for session in week.get("sessions", []):
            out[session["date"]].append(_load(session, light_week))
    return out


def _load(session: dict, light_week: bool) -> str:
    if session.get("heavy"):
        return "heavy"
    cited = {r.get("rule_id") for b in session.get("blocks", []) for r in b.get("reasons", [])}
    return "light" if light_week or LIGHT_RULE in cited else "moderate"


def _write(con: sa.Connection, item_id: int, item: dict) -> None:
    text = json.dumps(item, separators=(",", ":"), ensure_ascii=False)
    con.execute(sa.text("UPDATE planned_items SET data = :data WHERE id = :id"), {"data": text, "id": item_id})
