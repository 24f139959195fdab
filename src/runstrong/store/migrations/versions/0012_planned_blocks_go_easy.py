"""A stored planned block carries the painful side's cue (`go_easy`: "Go easy on your left
knee..."), so `today`, the dashboard and the session page show it beside the single-leg work
it concerns, as the plan, the booklet and the exports always did.

This fills it in from each plan's own blocks, matched by date in stored order (as 0010 and
0011 do): a block's first cue when it starts "Go easy on your " and a `pain-monitoring`
reason says the same.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# runstrong.core.owned_cues.GO_EASY and GO_EASY_RULE when this was written (a migration keeps its own copy)
GO_EASY, GO_EASY_RULE = "Go easy on your ", "pain-monitoring"


def upgrade() -> None:
    con = op.get_bind()
    for plan_id, text in _plans(con):
        by_day = _cues_by_day(json.loads(text))
        for item_id, data in _items(con, plan_id):
            item = json.loads(data)
            queue = by_day.get(item["date"])
            cues = queue.pop(0) if queue else []
            blocks = [{**b, "go_easy": cues[n] if n < len(cues) else None} for n, b in enumerate(item["blocks"])]
            _write(con, item_id, {**item, "blocks": blocks})


def downgrade() -> None:
    con = op.get_bind()
    for plan_id, _ in _plans(con):
        for item_id, data in _items(con, plan_id):
            item = json.loads(data)
            blocks = [{k: v for k, v in b.items() if k != "go_easy"} for b in item["blocks"]]
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


def _cues_by_day(plan: dict) -> dict[str, list[list[str | None]]]:
    """For each day, its sessions' blocks' go-easy cues, in the plan's order."""
    out: dict[str, list[list[str | None]]] = defaultdict(list)
    for week in plan.get("weeks", []):
        for session in week.get("sessions", []):
            out[session["date"]].append([_go_easy(b) for b in session.get("blocks", [])])
    return out


def _go_easy(block: dict) -> str | None:
    cues = block.get("cues") or []
    cue = cues[0] if cues else None
    if not isinstance(cue, str) or not cue.startswith(GO_EASY):
        return None
    said = any(r.get("rule_id") == GO_EASY_RULE and r.get("text") == cue for r in block.get("reasons", []))
    return cue if said else None


def _write(con: sa.Connection, item_id: int, item: dict) -> None:
    text = json.dumps(item, separators=(",", ":"), ensure_ascii=False)
    con.execute(sa.text("UPDATE planned_items SET data = :data WHERE id = :id"), {"data": text, "id": item_id})
