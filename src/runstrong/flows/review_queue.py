"""The coach's review queue: for an athlete in review mode, last week's review waits until
a coach accepts it (as it is, or edited: hold instead of cutting, keep the exercises
instead of the review's swaps), or rejects it (the plan stays as it is). Either way the
coach may leave a note, which the athlete sees on their next session.

One write transaction per decision: the new plan version (on accept), the review, the
queue row with the edits and the note, the change log entry and the audit row (who, what,
when). Switching an athlete between auto and review mode is audited too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select

from runstrong.core.review import Review, apply_review
from runstrong.core.review.apply import held_instead
from runstrong.errors import UserError
from runstrong.store import accounts, changes, repo, roster
from runstrong.store.db import Store
from runstrong.store.reviewing import prepare_review
from runstrong.store.reviews import store_review
from runstrong.store.tables import ReviewQueueRow

from . import base, identity, lived

Verdict = Literal["accept", "reject"]
MAX_NOTE = 2000


@dataclass(frozen=True)
class Edits:
    """What a coach changes in a review before accepting it."""

    hold_instead: bool = False  # hold each category the review would cut
    keep_exercises: bool = False  # leave out the review's exercise swaps

    def apply(self, review: Review) -> Review:
        if self.hold_instead:
            review = held_instead(review)
        if self.keep_exercises:
            review = review.model_copy(update={"swaps": []})
        return review

    def said(self) -> str:
        parts = [p for p, on in (("hold instead of cutting", self.hold_instead),
                                 ("keep the exercises", self.keep_exercises)) if on]  # fmt: skip
        return ", ".join(parts) or "as it is"


@dataclass(frozen=True)
class Decided:
    week_start: dt.date
    verdict: Verdict
    plan_version: int | None  # the new plan version (accept), None (reject)
    version: int


def set_mode(store: Store, athlete: str | None, mode: str, actor: str, now: dt.datetime) -> None:
    """Auto: the athlete's reviews apply themselves; review: they wait for a coach."""
    if mode not in roster.MODES:
        raise UserError(f"mode: {mode!r} is not a review mode; use auto or review")
    with store.write() as s:
        info = identity.find(s, athlete)
        roster.set_review_mode(s, info.id, mode)
        accounts.audit(s, actor, "review.mode", f"{info.name!r}: reviews {mode}", now, info.id)


def decide(store: Store, athlete: str | None, week: dt.date | None, verdict: Verdict, clock: base.Clock, ctx: Any, *,
           actor: str, edits: Edits = Edits(), note: str | None = None,
           expected_version: int | None = None) -> Decided:  # fmt: skip
    """Accept (with `edits`) or reject the review of `week` (default: last week)."""
    note = (note or "").strip() or None
    if note and len(note) > MAX_NOTE:
        raise UserError(f"note: at most {MAX_NOTE} characters, please")
    with base.change(store, athlete, clock, expected_version=expected_version) as tx:
        outcome = prepare_review(tx.s, tx.athlete.name, week, clock.today, ctx, with_plan=False, with_trend=False)
        week_start = outcome.review.week_start
        row = tx.s.scalar(select(ReviewQueueRow).where(ReviewQueueRow.athlete_id == tx.athlete.id,
                                                       ReviewQueueRow.week_start == week_start))  # fmt: skip
        if row is not None:
            raise base.Refused("week", f"the review of the week of {week_start} was {row.status} by {row.decided_by}")
        new_version = _accept(tx, outcome, edits, clock, ctx) if verdict == "accept" else None
        tx.s.add(ReviewQueueRow(
            athlete_id=tx.athlete.id, week_start=week_start, created_at=clock.now,
            status="accepted" if verdict == "accept" else "rejected", note=note, decided_by=actor,
            decided_at=clock.now, edits=json.dumps({"hold_instead": edits.hold_instead,
                                                    "keep_exercises": edits.keep_exercises}),
        ))  # fmt: skip
        what = f"accepted ({edits.said()})" if verdict == "accept" else "rejected"
        summary = f"the review of the week of {week_start} {what}" + (" with a note" if note else "")
        accounts.audit(tx.s, actor, f"review.{verdict}", summary, clock.now, tx.athlete.id)
        return Decided(week_start, verdict, new_version, tx.version)


def _accept(tx: base.Tx, outcome: Any, edits: Edits, clock: base.Clock, ctx: Any) -> int:
    """The edited review applied: a new plan version keeping the lived days, and the review stored."""
    review = edits.apply(outcome.review)
    old = repo.latest_plan(tx.s, tx.athlete.id)
    profile = repo.latest_profile(tx.s, tx.athlete.id)
    assert old is not None and profile is not None
    new_profile, new_plan = apply_review(old[1], profile, review, ctx=ctx)
    first = lived.first_unlived_day(tx.s, tx.athlete.id, clock.today)
    new_plan = lived.keep_lived_days(old[1], new_plan, first)
    tx.watch(changes.plan_scopes(tx.athlete.id))
    stored = repo.store_plan(tx.s, new_profile, new_plan, clock.now)
    store_review(tx.s, tx.athlete.id, review, old[0], stored.plan_version, clock.now)
    tx.record("review", f"coach accepted the review of the week of {review.week_start}: plan v{stored.plan_version}")
    return stored.plan_version
