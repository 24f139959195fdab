"""Changing who may use a server-mode diary: users, roles, coach assignments, passwords
and API tokens. One write transaction per change, each written to the audit log (who,
what, when). Passwords are hashed with argon2 (argon2-cffi); API tokens are random and
kept only as their SHA-256, so a stolen database gives neither."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from runstrong.errors import UserError
from runstrong.store import accounts, repo
from runstrong.store.accounts import ROLES, User
from runstrong.store.db import Store
from runstrong.store.tables import UserRow

MIN_PASSWORD = 10  # characters; long beats clever (NIST SP 800-63B asks at least 8)
MAX_PASSWORD = 1024  # argon2 hashes anything, but a megabyte password is an attack, not a password
TOKEN_PREFIX = "rs_"
LOGIN_WINDOW = dt.timedelta(minutes=15)
MAX_ACCOUNT_FAILURES = 5  # per account per window: guessing one person's password
MAX_ADDRESS_FAILURES = 20  # per client address per window: trying many accounts

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a password anyone has")  # equal work when the account does not exist


def hash_password(password: str) -> str:
    """The argon2id hash of `password` after checking its length."""
    if len(password) < MIN_PASSWORD:
        raise UserError(f"password: at least {MIN_PASSWORD} characters, please (a few words make a good one)")
    if len(password) > MAX_PASSWORD:
        raise UserError(f"password: at most {MAX_PASSWORD} characters")
    return _hasher.hash(password)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 80 or not name.isprintable():
        raise UserError("name: give a user name of 1 to 80 printable characters")
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(f"role: {role!r} is not a role; use one of {', '.join(ROLES)}")
    return role


def _existing(s: Session, name: str) -> UserRow:
    row = accounts.user_row(s, name)
    if row is None:
        raise UserError(f"user: no user {name!r}; see `runstrong users list`")
    return row


def add_user(store: Store, name: str, password: str, role: str, athlete: str | None, actor: str,
             now: dt.datetime) -> User:  # fmt: skip
    """A new user; an athlete's account is linked to their diary (`athlete`), or, without
    one, sets up its own on the welcome page at the first login (flows/onboarding)."""
    name, role, hashed = _check_name(name), _check_role(role), hash_password(password)
    with store.write() as s:
        if accounts.user_row(s, name) is not None:
            raise UserError(f"name: there is already a user {name!r}; choose another name or use `users passwd`")
        athlete_id = repo.find_athlete(s, athlete).id if athlete else None
        user_id = accounts.add_user(s, name, hashed, role, athlete_id, now)
        accounts.audit(s, actor, "user.add", f"added {role} {name!r}", now, athlete_id)
        found = accounts.user_by_id(s, user_id)
        assert found is not None
        return found


def set_role(store: Store, name: str, role: str, actor: str, now: dt.datetime) -> User:
    """A new role, which ends the user's open sessions (they log in again with it)."""
    role = _check_role(role)
    with store.write() as s:
        row = _existing(s, name)
        if role == "athlete" and row.athlete_id is None:
            raise UserError(f"role: {name!r} has no diary of their own; an athlete's account needs one")
        old, row.role, row.session_epoch = row.role, role, row.session_epoch + 1
        accounts.audit(s, actor, "user.role", f"{name!r}: {old} -> {role}", now, row.athlete_id)
        return accounts.as_user(s, row)


def assign(store: Store, coach: str, athlete: str, actor: str, now: dt.datetime, *, remove: bool = False) -> bool:
    """Assign a coach to an athlete (or, with `remove`, take the assignment away: access ends
    at the coach's next request and nothing of the athlete's is deleted). False: no change."""
    with store.write() as s:
        row = _existing(s, coach)
        if row.role != "coach":
            raise UserError(f"coach: {coach!r} is {row.role}, not a coach; `runstrong users set-role {coach} coach`")
        info = repo.find_athlete(s, athlete)
        changed = accounts.unassign(s, row.id, info.id) if remove else accounts.assign(s, row.id, info.id, now)
        if changed:
            what = "unassigned" if remove else "assigned"
            accounts.audit(s, actor, f"coach.{what[:-2]}", f"{coach!r} {what} {info.name!r}", now, info.id)
        return changed


def set_password(store: Store, name: str, password: str, actor: str, now: dt.datetime) -> None:
    """A new password (an admin's reset); every session signed before it ends."""
    hashed = hash_password(password)
    with store.write() as s:
        row = _existing(s, name)
        row.password_hash, row.session_epoch = hashed, row.session_epoch + 1
        accounts.audit(s, actor, "user.password", f"new password for {name!r}", now, row.athlete_id)


def new_token(store: Store, name: str, label: str, actor: str, now: dt.datetime) -> str:
    """A new API token for `name`; returned once, stored only as its hash."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with store.write() as s:
        row = _existing(s, name)
        accounts.add_token(s, row.id, label[:80] or "script", token_hash(token), now)
        accounts.audit(s, actor, "token.add", f"API token {label!r} for {name!r}", now, row.athlete_id)
    return token


@dataclass(frozen=True)
class Login:
    """A login attempt's outcome: the user, or why not (`limited`: too many failures)."""

    user: User | None
    limited: bool = False


def log_in(store: Store, name: str, password: str, address: str, now: dt.datetime) -> Login:
    """Check a password, counting failures per account and per address in the database, so
    the limit holds across every worker; a limited attempt is not even checked."""
    with store.write() as s:
        by_account, by_address = accounts.recent_failures(s, name, address, now - LOGIN_WINDOW)
        if by_account >= MAX_ACCOUNT_FAILURES or by_address >= MAX_ADDRESS_FAILURES:
            return Login(None, limited=True)
        row = accounts.user_row(s, name)
        try:
            ok = _hasher.verify(row.password_hash if row else _DUMMY_HASH, password) and row is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok or row is None:
            accounts.record_failure(s, name, address, now, now - LOGIN_WINDOW)
            return Login(None)
        accounts.clear_failures(s, name)
        if _hasher.check_needs_rehash(row.password_hash):
            row.password_hash = _hasher.hash(password)
        return Login(accounts.as_user(s, row))
