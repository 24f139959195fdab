"""A new runner's diary started from a profile built in the browser (the welcome page):
the athlete, their first profile and its plan, in one transaction.

Starting is never an update: a name already in the diary is refused (a welcome form must
not overwrite another runner's profile), and a server-mode account that has a diary
already keeps it. The form carries a key made when it was opened; the same key again
(a double submit, a retry after a lost answer) is answered with the diary it started,
and nothing is written twice. Two submits racing on PostgreSQL meet at the athlete's
unique name (or the account's row lock): the loser runs again and finds the winner's key.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from runstrong.core.model import AthleteProfile
from runstrong.errors import UserError
from runstrong.store import accounts, repo
from runstrong.store.db import Store
from runstrong.store.tables import LogKeyRow, UserRow

from . import base, identity
from .profile import store_profile_in

KEY_PREFIX = "welcome:"  # kept in log_keys beside the logs' idempotency keys, per athlete
MAX_KEY = 120


@dataclass(frozen=True)
class Started:
    """The diary a welcome form started: its athlete's exact name, the stored versions
    (None when this form had started it before: nothing new was written) and the rules the
    least-bad plan breaks (empty when every rule holds)."""

    athlete: str
    stored: repo.StoredPlan | None
    broken: list[str]

    @property
    def again(self) -> bool:
        return self.stored is None


def start_diary(
    store: Store, profile: AthleteProfile, clock: base.Clock, *, key: str, user_id: int | None = None,
    actor: str = "local",
) -> Started:  # fmt: skip
    """Store `profile` as a new runner with their plan (least bad, as the web's forms store
    it), once per `key`; with `user_id` (server mode), the account's own diary from now on."""
    key = key.strip()
    if not key or len(key) > MAX_KEY or not key.isprintable():
        raise base.Refused("key", "the form's key is missing or damaged; reload the page and send it again")
    try:
        with store.write() as s:
            return _start_in(s, profile, clock, key, user_id, actor)
    except IntegrityError:  # another transaction took the name or the key between our check and our write
        with store.write() as s:
            return _start_in(s, profile, clock, key, user_id, actor)


def _start_in(
    s: Session, profile: AthleteProfile, clock: base.Clock, key: str, user_id: int | None, actor: str
) -> Started:
    account = _lock_account(s, user_id)
    earlier = s.scalar(select(LogKeyRow.athlete_id).where(LogKeyRow.key == KEY_PREFIX + key))
    if earlier is not None:
        return Started(repo.athlete_info(s, earlier).name, None, [])
    if account is not None and account.athlete_id is not None:
        return Started(repo.athlete_info(s, account.athlete_id).name, None, [])
    try:
        taken = identity.existing(s, profile.name)
    except UserError as err:  # the same name but for case: another runner
        raise base.Refused("name", err.problem.message) from None
    if taken is not None:
        raise base.Refused(
            "name", f"{profile.name!r} already has a diary here; add a surname or an initial to tell you apart"
        )
    done = store_profile_in(s, profile, clock, least_bad=True)
    athlete_id = done.stored.athlete.id
    s.add(LogKeyRow(athlete_id=athlete_id, key=KEY_PREFIX + key, created_at=clock.now, answer=profile.name))
    if account is not None:
        account.athlete_id = athlete_id
        accounts.audit(s, actor, "athlete.start", f"{account.name!r} set up the diary {profile.name!r}", clock.now,
                       athlete_id)  # fmt: skip
    s.flush()
    return Started(done.stored.athlete.name, done.stored, done.broken)


def _lock_account(s: Session, user_id: int | None) -> UserRow | None:
    """The account starting its own diary, locked so that two of its submits take turns."""
    if user_id is None:
        return None
    row = s.scalar(select(UserRow).where(UserRow.id == user_id).with_for_update())
    if row is None:
        raise UserError("user: this account no longer exists; log in again")
    if row.role != "athlete":
        raise base.Refused("user", "only an athlete's account sets up a diary of its own; coaches use the roster")
    return row
