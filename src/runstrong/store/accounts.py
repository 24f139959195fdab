"""The accounts of server mode: users, coach assignments, API tokens, failed logins and
the audit log. Repository functions over a Session; the caller's transaction commits.

Access is decided by athlete *id* (`athlete_ids_for`), never by a name, so a look-up that
ignores case can never widen what a user sees.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from .tables import ApiTokenRow, Athlete, AuditRow, CoachAthleteRow, LoginFailureRow, UserRow

ROLES = ("athlete", "coach", "admin")


@dataclass(frozen=True)
class User:
    """A user as the app and the CLI see them (no password hash)."""

    id: int
    name: str
    role: str
    athlete_id: int | None
    athlete: str | None
    session_epoch: int


def as_user(s: Session, row: UserRow) -> User:
    athlete = s.get(Athlete, row.athlete_id).name if row.athlete_id is not None else None  # type: ignore[union-attr]
    return User(row.id, row.name, row.role, row.athlete_id, athlete, row.session_epoch)


def any_users(s: Session) -> bool:
    return bool(s.scalar(select(exists().where(UserRow.id.is_not(None)))))


def user_row(s: Session, name: str) -> UserRow | None:
    return s.scalar(select(UserRow).where(UserRow.name == name))


def user_by_name(s: Session, name: str) -> User | None:
    row = user_row(s, name)
    return as_user(s, row) if row else None


def user_by_id(s: Session, user_id: int) -> User | None:
    row = s.get(UserRow, user_id)
    return as_user(s, row) if row else None


def list_users(s: Session) -> list[tuple[User, list[str]]]:
    """Every user with the athletes assigned to them (coaches), by name."""
    out = []
    for row in s.scalars(select(UserRow).order_by(UserRow.name)):
        out.append((as_user(s, row), assigned_names(s, row.id)))
    return out


def assigned_names(s: Session, coach_id: int) -> list[str]:
    query = (
        select(Athlete.name)
        .join(CoachAthleteRow, CoachAthleteRow.athlete_id == Athlete.id)
        .where(CoachAthleteRow.coach_id == coach_id)
        .order_by(Athlete.name)
    )
    return list(s.scalars(query))


def athlete_ids_for(s: Session, user: User) -> set[int] | None:
    """The athletes `user` may see and change: None for everyone (admin)."""
    if user.role == "admin":
        return None
    if user.role == "coach":
        return set(s.scalars(select(CoachAthleteRow.athlete_id).where(CoachAthleteRow.coach_id == user.id)))
    return {user.athlete_id} if user.athlete_id is not None else set()


def coaches_of(s: Session, athlete_id: int) -> list[str]:
    query = (
        select(UserRow.name)
        .join(CoachAthleteRow, CoachAthleteRow.coach_id == UserRow.id)
        .where(CoachAthleteRow.athlete_id == athlete_id)
        .order_by(UserRow.name)
    )
    return list(s.scalars(query))


def add_user(s: Session, name: str, password_hash: str, role: str, athlete_id: int | None, now: dt.datetime) -> int:
    row = UserRow(name=name, password_hash=password_hash, role=role, athlete_id=athlete_id, created_at=now)
    s.add(row)
    s.flush()
    return row.id


def assign(s: Session, coach_id: int, athlete_id: int, now: dt.datetime) -> bool:
    """Assign; False when the coach already had that athlete."""
    found = s.scalar(
        select(CoachAthleteRow.id).where(CoachAthleteRow.coach_id == coach_id, CoachAthleteRow.athlete_id == athlete_id)
    )
    if found is not None:
        return False
    s.add(CoachAthleteRow(coach_id=coach_id, athlete_id=athlete_id, created_at=now))
    s.flush()
    return True


def unassign(s: Session, coach_id: int, athlete_id: int) -> bool:
    """Remove the assignment only (nothing of the athlete's is touched); False when there was none."""
    done = s.execute(
        delete(CoachAthleteRow).where(CoachAthleteRow.coach_id == coach_id, CoachAthleteRow.athlete_id == athlete_id)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


def add_token(s: Session, user_id: int, name: str, token_hash: str, now: dt.datetime) -> None:
    s.add(ApiTokenRow(user_id=user_id, name=name, token_hash=token_hash, created_at=now))
    s.flush()


def user_for_token(s: Session, token_hash: str) -> User | None:
    row = s.scalar(select(UserRow).join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id).where(
        ApiTokenRow.token_hash == token_hash))  # fmt: skip
    return as_user(s, row) if row else None


def recent_failures(s: Session, account: str, address: str, since: dt.datetime) -> tuple[int, int]:
    """Failed logins since `since`: (for this account, from this address)."""
    by_account = s.scalar(select(func.count()).where(LoginFailureRow.account == account, LoginFailureRow.at >= since))
    by_address = s.scalar(select(func.count()).where(LoginFailureRow.address == address, LoginFailureRow.at >= since))
    return int(by_account or 0), int(by_address or 0)


def record_failure(s: Session, account: str, address: str, now: dt.datetime, forget_before: dt.datetime) -> None:
    """Count a failed login; failures older than `forget_before` are dropped (the table stays small)."""
    s.execute(delete(LoginFailureRow).where(LoginFailureRow.at < forget_before))
    s.add(LoginFailureRow(at=now, account=account[:80], address=address[:64]))


def clear_failures(s: Session, account: str) -> None:
    s.execute(delete(LoginFailureRow).where(LoginFailureRow.account == account))


def audit(s: Session, actor: str, action: str, summary: str, now: dt.datetime, athlete_id: int | None = None) -> None:
    s.add(AuditRow(at=now, actor=actor[:80], action=action, athlete_id=athlete_id, summary=summary))


def audit_entries(s: Session, limit: int = 100) -> list[AuditRow]:
    return list(s.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)))


def athlete_count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(Athlete)) or 0)
