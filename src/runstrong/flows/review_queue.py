"""The coach's review queue: for an athlete in review mode, last week's review waits until
a coach accepts it (as it is, or edited: hold instead of cutting, keep or leave out each of
the review's swaps, swap a lift of the next plan for one the runner's own swap rule allows),
or rejects it (the plan stays as it is). Either way the coach may leave a note, which the
athlete sees on their next session.

One write transaction per decision: the new plan version (on accept), the review, the
queue row with the edits and the note, the change log entry (so an undo puts the review
back in the queue, see `undo`) and the audit row (who, what, when). The same decision sent
twice is answered as done; a decision on a diary that changed since the form was read is a
Conflict. Switching an athlete between auto and review mode is audited too.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from runstrong.core.model import AthleteProfile, Plan, Role
from runstrong.core.review import Review, apply_review
from runstrong.core.review.apply import held_instead
from runstrong.errors import UserError
from runstrong.store import accounts, changes, repo, roster, roster_flags
from runstrong.store.db import Store
from runstrong.store.logged_loads import with_logged_sets
from runstrong.store.reviewing import prepare_review
from runstrong.store.reviews import store_review
from runstrong.store.tables import ReviewQueueRow, ReviewRow

from . import base, identity, lived

Verdict = Literal["accept", "reject"]
MAX_NOTE = 2000


@dataclass(frozen=True)
class Edits:
    """What a coach changes in a review before accepting it."""

    hold_instead: bool = False  # hold each category the review would cut
    keep_exercises: bool = False  # leave out every one of the review's exercise swaps
    dropped_swaps: tuple[str, ...] = ()  # the review's swaps left out, by the exercise they replace
    swaps: tuple[tuple[str, str], ...] = ()  # the coach's own: (exercise in the next plan, its replacement)

    def apply(self, review: Review) -> Review:
        """The review with the holds and the swaps the coach kept (their own swaps come later)."""
        if self.hold_instead:
            review = held_instead(review)
        unknown = sorted(set(self.dropped_swaps) - {x.from_id for x in review.swaps})
        if unknown:
            offered = ", ".join(x.from_id for x in review.swaps) or "none: this review swaps nothing"
            raise base.Refused("dropped_swaps", f"{unknown[0]!r} is not one of the review's swaps; it swaps {offered}")
        if self.keep_exercises or self.dropped_swaps:
            kept = [] if self.keep_exercises else [x for x in review.swaps if x.from_id not in self.dropped_swaps]
            review = review.model_copy(update={"swaps": kept})
        return review

    def said(self) -> str:
        parts = [p for p, on in (("hold instead of cutting", self.hold_instead),
                                 ("keep the exercises", self.keep_exercises)) if on]  # fmt: skip
        parts += [f"leave out the review's swap of {x}" for x in self.dropped_swaps]
        parts += [f"swap {a} for {b}" for a, b in self.swaps]
        return ", ".join(parts) or "as it is"

    def as_json(self) -> str:
        return json.dumps({
            "hold_instead": self.hold_instead, "keep_exercises": self.keep_exercises,
            "dropped_swaps": list(self.dropped_swaps), "swaps": [list(x) for x in self.swaps],
        })  # fmt: skip


@dataclass(frozen=True)
class SwapChoice:
    """An exercise of the next plan's first week a coach may swap, and what may replace it."""

    exercise_id: str
    name: str
    options: list[tuple[str, str]]  # (id, name), best first


def swap_choices(plan: Plan, profile: AthleteProfile, since: dt.date, ctx: Any) -> list[SwapChoice]:
    """The runner's own swap rule (`core.swap.alternatives`: same category and pattern, their
    kit, level and pain) applied to each lift of the week starting `since`."""
    from runstrong.core.swap import alternatives, companions

    week = next((w for w in plan.weeks if w.start_date == since), None)
    out: list[SwapChoice] = []
    seen: set[str] = set()
    for b in (b for s in (week.sessions if week else []) for b in s.blocks if b.role in (Role.primary, Role.accessory)):
        if b.exercise_id in seen or b.exercise_id not in ctx.library:
            continue
        seen.add(b.exercise_id)
        found = alternatives(ctx.library, profile, b.exercise_id, ctx.params, companions(plan, b.exercise_id, since))
        if found:
            out.append(SwapChoice(b.exercise_id, ctx.library.get(b.exercise_id).name,
                                  [(a.exercise.id, a.exercise.name) for a in found]))  # fmt: skip
    return out


@dataclass(frozen=True)
class Decided:
    week_start: dt.date
    verdict: Verdict
    plan_version: int | None  # the new plan version (accept), None (reject)
    version: int


def set_mode(store: Store, athlete: str | None, mode: str, actor: str, now: dt.datetime, *,
             today: dt.date | None = None, ctx: Any = None) -> None:  # fmt: skip
    """Auto: the athlete's reviews apply themselves; review: they wait for a coach. The
    roster's stored flags move with the mode, in the same transaction."""
    if mode not in roster.MODES:
        raise UserError(f"mode: {mode!r} is not a review mode; use auto or review")
    with store.write() as s:
        info = identity.find(s, athlete)
        repo.lock_athlete(s, info.id)
        roster.set_review_mode(s, info.id, mode)
        accounts.audit(s, actor, "review.mode", f"{info.name!r}: reviews {mode}", now, info.id)
        roster_flags.refresh(s, info.id, info.name, today or now.date(), base.context_or_default(ctx))


def decide(store: Store, athlete: str | None, week: dt.date | None, verdict: Verdict, clock: base.Clock, ctx: Any, *,
           actor: str, edits: Edits = Edits(), note: str | None = None,
           expected_version: int | None = None) -> Decided:  # fmt: skip
    """Accept (with `edits`) or reject the review of `week` (default: the one waiting). The
    same decision sent twice (a double submit, a retried request) is answered as done."""
    note = (note or "").strip() or None
    if note and len(note) > MAX_NOTE:
        raise UserError(f"note: at most {MAX_NOTE} characters, please")
    with base.change(store, athlete, clock) as tx:
        tx.context = ctx
        outcome = prepare_review(tx.s, tx.athlete.name, week, clock.today, ctx, with_plan=False, with_trend=False)
        week_start = outcome.review.week_start
        row = queue_row(tx.s, tx.athlete.id, week_start)
        if row is not None and row.status != "undone":
            return _decided_before(tx, row, verdict, actor, edits, note)
        base.check_version(expected_version, tx.version)
        tx.watch([queue_scope(tx.athlete.id)])
        new_version = _accept(tx, outcome, edits, clock, ctx, actor) if verdict == "accept" else None
        if row is None:
            row = ReviewQueueRow(athlete_id=tx.athlete.id, week_start=week_start, created_at=clock.now)
            tx.s.add(row)
        row.status, row.note, row.decided_by, row.decided_at = f"{verdict}ed", note, actor, clock.now
        row.edits = edits.as_json()
        what = f"accepted ({edits.said()})" if verdict == "accept" else "rejected"
        summary = f"the review of the week of {week_start} {what}" + (" with a note" if note else "")
        accounts.audit(tx.s, actor, f"review.{verdict}", summary, clock.now, tx.athlete.id)
        said = (f"accepted the review of the week of {week_start} ({edits.said()}): plan v{new_version}"
                if verdict == "accept" else f"rejected the review of the week of {week_start}")  # fmt: skip
        tx.record("review", f"coach {said}")
        return Decided(week_start, verdict, new_version, tx.version)


def _decided_before(tx: base.Tx, row: ReviewQueueRow, verdict: Verdict, actor: str, edits: Edits,
                    note: str | None) -> Decided:  # fmt: skip
    """The decision already made: the same one again is done (nothing written twice); any
    other is refused, naming who decided and how."""
    if (row.status, row.decided_by, row.edits or "", row.note) != (f"{verdict}ed", actor, edits.as_json(), note):
        raise base.Refused("week", f"the review of the week of {row.week_start} was {row.status} by {row.decided_by}")
    after = tx.s.scalar(select(ReviewRow.plan_version_after).where(ReviewRow.athlete_id == tx.athlete.id,
                                                                   ReviewRow.week_start == row.week_start))  # fmt: skip
    return Decided(row.week_start, verdict, after if verdict == "accept" else None, tx.version)


def _accept(tx: base.Tx, outcome: Any, edits: Edits, clock: base.Clock, ctx: Any, actor: str) -> int:
    """The edited review applied: a new plan version keeping the lived days, and the review stored."""
    review = edits.apply(outcome.review)
    old = repo.latest_plan(tx.s, tx.athlete.id)
    profile = repo.latest_profile(tx.s, tx.athlete.id)
    assert old is not None and profile is not None
    profile = with_logged_sets(tx.s, tx.athlete.id, profile, review.next_week_start, ctx.params)
    new_profile, new_plan = apply_review(old[1], profile, review, ctx=ctx)
    if edits.swaps:
        review = _with_coach_swaps(review, new_profile, new_plan, edits.swaps, ctx, actor)
        new_profile, new_plan = apply_review(old[1], profile, review, ctx=ctx)
        _check_landed(new_plan, review)
    first = lived.first_unlived_day(tx.s, tx.athlete.id, clock.today)
    new_plan = lived.keep_lived_days(old[1], new_plan, first)
    tx.watch(changes.plan_scopes(tx.athlete.id))
    stored = repo.store_plan(tx.s, new_profile, new_plan, clock.now)
    store_review(tx.s, tx.athlete.id, review, old[0], stored.plan_version, clock.now)
    return stored.plan_version


def _with_coach_swaps(review: Review, profile: AthleteProfile, plan: Plan, swaps: tuple[tuple[str, str], ...],
                      ctx: Any, actor: str) -> Review:  # fmt: skip
    """The review with the coach's swaps from its first week on, each checked against the
    runner's swap rule on the plan the review would write without them."""
    from runstrong.core.swap import with_swap

    choices = {c.exercise_id: c for c in swap_choices(plan, profile, review.next_week_start, ctx)}
    added = []
    for from_id, to_id in swaps:
        choice = choices.get(from_id)
        if choice is None:
            offered = ", ".join(choices) or "none: no lift that week has an alternative that fits"
            raise base.Refused("swaps", f"{from_id!r} is not a lift of the week of {review.next_week_start} "
                                        f"that can be swapped; choose one of: {offered}")  # fmt: skip
        if to_id not in {i for i, _ in choice.options}:
            offered = ", ".join(i for i, _ in choice.options)
            raise base.Refused("swaps", f"{to_id!r} cannot replace {from_id} for this runner; choose one of: {offered}")
        entry = with_swap(profile, from_id, to_id, review.next_week_start).exercise_swaps[-1]
        added.append(entry.model_copy(update={"chosen_by": actor, "review_of": review.week_start}))
    return review.model_copy(update={"swaps": [*review.swaps, *added]})


def _check_landed(plan: Plan, review: Review) -> None:
    from runstrong.core.swap import sessions_with

    for x in review.swaps:
        if x.chosen_by and x.to_id and not sessions_with(plan, x.to_id, review.next_week_start):
            raise base.Refused("swaps", f"the planner could not put {x.to_id} in place of {x.from_id}; try another")


def queue_row(s: Session, athlete_id: int, week_start: dt.date) -> ReviewQueueRow | None:
    return s.scalar(select(ReviewQueueRow).where(ReviewQueueRow.athlete_id == athlete_id,
                                                 ReviewQueueRow.week_start == week_start))  # fmt: skip


def queue_scope(athlete_id: int) -> changes.Scope:
    """The athlete's queue rows, in the change log: undoing a decision puts its review back."""
    return changes.Scope(ReviewQueueRow, (ReviewQueueRow.athlete_id == athlete_id,))


@dataclass(frozen=True)
class QueueState:
    """A queue row as the coach reads it: decided (accepted, rejected) or undone."""

    status: str
    by: str | None
    at: dt.datetime | None
    note: str | None


@dataclass(frozen=True)
class QueueItem:
    """What the coach's queue page shows for one athlete: the review that would be decided
    now, the swaps the coach may make, the week's state, and the diary version it was read at
    (sent back with the form: a decision on a review that changed since is refused)."""

    outcome: Any  # store.reviewing.ReviewOutcome, with the plan the review would write
    choices: list[SwapChoice]
    state: QueueState | None
    applied: bool  # the week's review was accepted by the athlete (auto mode)
    mode: str
    version: int
    names: dict[str, str]  # exercise names of the review's swaps, by id


def queue_item(store: Store, athlete: str | None, clock: base.Clock, ctx: Any) -> QueueItem:
    """The athlete's review as the queue shows it now (a UserError says why there is none)."""
    with store.read() as s:
        info = identity.find(s, athlete)
        outcome = prepare_review(s, info.name, None, clock.today, ctx, with_trend=False)
        week = outcome.review.week_start
        row = queue_row(s, info.id, week)
        state = QueueState(row.status, row.decided_by, row.decided_at, row.note) if row is not None else None
        applied = s.scalar(select(ReviewRow.id).where(ReviewRow.athlete_id == info.id, ReviewRow.week_start == week))
        return QueueItem(
            outcome, swap_choices(outcome.plan, outcome.profile, outcome.review.next_week_start, ctx), state,
            applied is not None and state is None, roster.review_mode(s, info.id), changes.current_version(s, info.id),
            {i: ctx.library.get(i).name for x in outcome.review.swaps for i in (x.from_id, x.to_id)
             if i and i in ctx.library},
        )  # fmt: skip
