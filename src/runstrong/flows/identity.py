"""Who a diary entry belongs to: athletes are known by their exact name, kept in one
Unicode form (NFC: "Léa" typed on any system is one athlete). A name that matches another
athlete's only when case or accents are ignored is a different runner, never merged: adding
one is refused, so a look-up that ignores them (`--athlete lea`) never has to guess."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from runstrong.core import names
from runstrong.errors import UserError
from runstrong.store import repo
from runstrong.store.tables import Athlete


def find(s: Session, name: str | None) -> repo.AthleteInfo:
    """The athlete to read or log for: `name` exactly, else ignoring case and accents (a
    look-up, so `--athlete ann` finds Ann), or the only one when no name is given."""
    return repo.find_athlete(s, name)


def refuse_near_match(s: Session, name: str, field: str = "name") -> None:
    """A UserError when another athlete's name equals `name` ignoring case and accents only."""
    name = names.kept(name)
    others = s.scalars(select(Athlete.name).where(Athlete.name != name)).all()
    other = next((o for o in others if names.loose(o) == names.loose(name)), None)
    if other is not None:
        raise UserError(
            f"{field}: {name!r} is not {other!r}, who is already in the diary; athletes are told apart by their "
            f"exact name: write {other!r} to mean them, or give the new runner a name of their own"
        )


def existing(s: Session, name: str) -> int | None:
    """The id of the athlete called exactly `name`; a near match (case or accents only) is refused."""
    found = s.scalar(select(Athlete.id).where(Athlete.name == names.kept(name)))
    if found is None:
        refuse_near_match(s, name)
    return found
