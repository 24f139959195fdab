"""Who a diary entry belongs to: athletes are known by their exact name. A name that
matches another athlete's only when case is ignored is a different runner, never merged."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from runstrong.errors import UserError
from runstrong.store import repo
from runstrong.store.tables import Athlete


def find(s: Session, name: str | None) -> repo.AthleteInfo:
    """The athlete to read or log for: `name` exactly, else ignoring case (a look-up, so
    `--athlete ann` finds Ann), or the only one when no name is given."""
    return repo.find_athlete(s, name)


def refuse_near_match(s: Session, name: str, field: str = "name") -> None:
    """A UserError when another athlete's name equals `name` ignoring case only."""
    other = s.scalar(select(Athlete.name).where(func.lower(Athlete.name) == name.lower(), Athlete.name != name))
    if other is not None:
        raise UserError(
            f"{field}: {name!r} is not {other!r}, who is already in the diary; athletes are told apart by their "
            f"exact name: write {other!r} to mean them, or give the new runner a name of their own"
        )


def existing(s: Session, name: str) -> int | None:
    """The id of the athlete called exactly `name`; a near match (case only) is refused."""
    found = s.scalar(select(Athlete.id).where(Athlete.name == name))
    if found is None:
        refuse_near_match(s, name)
    return found
